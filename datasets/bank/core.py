"""The one machinery of PEOA's problem bank: values as questions write them, problem kinds,
and how a drawn problem becomes a dataset record.

A *kind* is a draw (physically sensible inputs from a seeded ``random.Random``), several
wordings and an independent solver. Each set keeps a registry of its own (``registrar``);
the helpers here turn a kind's draw into a question, a reference answer and its unit, and
``drawn`` is the one loop that draws, words and solves a set's items for its records.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from typing import Any

__all__ = [
    "GOLD_TOOLS",
    "P_ATM",
    "R_GAS",
    "SIGNIFICANT_DIGITS",
    "DrawnItem",
    "G",
    "Kind",
    "Num",
    "Out",
    "Val",
    "as_sentence",
    "as_shown",
    "drawn",
    "item_random",
    "out",
    "pick",
    "reference_answer",
    "registrar",
    "retry",
    "shortest",
    "sig",
    "topic_kinds",
    "uni",
    "val",
    "with_inputs",
    "worded",
]

G = 9.80665  # standard gravity [m/s^2]
R_GAS = 8.314462618  # molar gas constant [J/(mol K)], CODATA 2018
P_ATM = 101325.0  # [Pa]
SIGNIFICANT_DIGITS = 6
GOLD_TOOLS = "gold_tools"  # a draw may name the item's gold tools when they depend on it


# ---------------------------------------------------------------------------------------
# values as a question writes them


@cache
def _ureg() -> Any:
    import pint

    return pint.UnitRegistry()


def shortest(value: float) -> str:
    """The shortest text that reads back as ``value`` (no trailing ``.0``)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


@dataclass(frozen=True)
class Val:
    """A number with the unit pint reads (``unit``) and the unit the question prints."""

    value: float
    unit: str
    label: str
    scale: float = 1.0  # for labels such as "MMSCFD": value x scale is in ``unit``

    def __format__(self, spec: str) -> str:
        number = format(self.value, spec) if spec else shortest(self.value)
        return f"{number} {self.label}"

    def to(self, unit: str) -> float:
        quantity = _ureg().Quantity(self.value * self.scale, self.unit)
        return float(quantity.to(unit).magnitude)


@dataclass(frozen=True)
class Out:
    """The unit the answer is asked in: pint's spelling and the question's."""

    unit: str
    label: str

    def __format__(self, spec: str) -> str:
        return self.label


def sig(x: float, digits: int = 3) -> float:
    """``x`` rounded to ``digits`` significant figures (how inputs are written)."""
    value = float(f"{x:.{digits}g}")
    return float(int(value)) if value.is_integer() else value


def uni(rng: random.Random, low: float, high: float, digits: int = 3) -> float:
    return sig(rng.uniform(low, high), digits)


def pick(rng: random.Random, options: Sequence[Any]) -> Any:
    return options[rng.randrange(len(options))]


def val(
    rng: random.Random, options: Sequence[tuple[str, str, float, float]], digits: int = 3
) -> Val:
    """Draw a unit from ``options`` (pint unit, label, low, high), then a value in its range."""
    unit, label, low, high = pick(rng, options)
    return Val(uni(rng, low, high, digits), unit, label)


def out(rng: random.Random, options: Sequence[tuple[str, str]]) -> Out:
    return Out(*pick(rng, options))


# ---------------------------------------------------------------------------------------
# problem kinds


@dataclass(frozen=True)
class Kind:
    """A parametrised problem: how to draw inputs, how to word it, how to solve it."""

    key: str
    category: str
    unit: str | None  # the solver's answer unit; None: already in the drawn ``out`` unit
    tools: tuple[str, ...]
    source: str
    rel_tol: float
    count: int
    draw: Callable[[random.Random], dict[str, Any]]
    wordings: tuple[str, ...]
    solve: Callable[..., float]


def registrar(
    kinds: list[Kind],
) -> Callable[..., Callable[[Callable[..., float]], Callable[..., float]]]:
    """A ``kind`` decorator that registers problem kinds in ``kinds`` (each dataset
    builder keeps a registry of its own)."""

    def kind(
        key: str,
        category: str,
        unit: str | None,
        tools: tuple[str, ...],
        source: str,
        *,
        count: int,
        rel_tol: float,
        draw: Callable[[random.Random], dict[str, Any]],
        wordings: Sequence[str],
    ) -> Callable[[Callable[..., float]], Callable[..., float]]:
        """Register the decorated function as the solver of a problem kind.

        The solver receives the drawn inputs as keyword arguments (``Val``, ``Out``,
        numbers, strings) and returns the answer in ``unit``. When the inputs hold an
        ``Out`` named ``out``, the answer is converted to that unit and the record says
        so. A draw may name the item's own gold chain under ``GOLD_TOOLS``.
        """
        if len(wordings) < 3:
            raise ValueError(f"kind {key} needs at least three wordings")

        def register(fn: Callable[..., float]) -> Callable[..., float]:
            text = tuple(" ".join(w.split()) for w in wordings)
            kinds.append(Kind(key, category, unit, tools, source, rel_tol, count, draw, text, fn))
            return fn

        return register

    return kind


def retry(
    draw: Callable[[random.Random], dict[str, Any]], ok: Callable[[dict[str, Any]], bool]
) -> Callable[[random.Random], dict[str, Any]]:
    """A draw repeated until ``ok`` accepts it (keeps inputs out of ill-posed corners)."""

    def again(rng: random.Random) -> dict[str, Any]:
        for _ in range(200):
            inputs = draw(rng)
            if ok(inputs):
                return inputs
        raise RuntimeError("no acceptable draw in 200 tries")

    return again


def with_inputs(
    draw: Callable[[random.Random], dict[str, Any]], **fixed: Any
) -> Callable[[random.Random], dict[str, Any]]:
    """A draw with some inputs fixed (typically the ``out`` unit the question asks for)."""

    def drawn(rng: random.Random) -> dict[str, Any]:
        return {**draw(rng), **fixed}

    return drawn


# ---------------------------------------------------------------------------------------
# from a drawn problem to a record


def reference_answer(item: Kind, inputs: dict[str, Any]) -> tuple[float, str]:
    """Solve one drawn problem; return (answer, pint unit) in the unit the question asks."""
    result = item.solve(**inputs)
    target = inputs.get("out")
    if isinstance(result, tuple):
        value, unit = result
    elif item.unit is None:
        value, unit = result, target.unit
    elif isinstance(target, Out):
        value, unit = Val(result, item.unit, "").to(target.unit), target.unit
    else:
        value, unit = result, item.unit
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{item.key} computed a non-finite answer {value!r}")
    return float(f"{value:.{SIGNIFICANT_DIGITS}g}"), unit or "dimensionless"


@dataclass(frozen=True)
class Num:
    """A number as a question prints it: shortest form unless the template says otherwise."""

    value: float

    def __format__(self, spec: str) -> str:
        return format(self.value, spec) if spec else shortest(self.value)


def as_shown(inputs: dict[str, Any]) -> dict[str, Any]:
    """The drawn inputs ready for ``str.format``: plain floats print in their shortest form."""
    return {k: Num(v) if isinstance(v, float) else v for k, v in inputs.items()}


def as_sentence(text: str) -> str:
    """A wording with its whitespace collapsed and its first letter capitalised."""
    text = " ".join(text.split())
    if text[1:2] == "-":  # chemical prefixes such as n-butane stay lower case
        return text
    return text[:1].upper() + text[1:]


def worded(wording: str, inputs: dict[str, Any]) -> str:
    """A wording filled with the drawn inputs as a question prints them, as a sentence."""
    return as_sentence(wording.format(**as_shown(inputs)))


def item_random(key: str, n: int) -> random.Random:
    """The generator that draws item ``n`` of kind ``key``: seeded ``"<key>:<n>"``."""
    return random.Random(f"{key}:{n}")


@dataclass(frozen=True)
class DrawnItem:
    """One item of a kind, drawn, worded and solved: what every set's record is made of."""

    kind: Kind
    n: int  # the item's number within its kind, from 0 (its seed and its wording)
    number: int  # its number within its category, from 1, in the order items are drawn
    inputs: dict[str, Any]  # the draw, less the gold tools it may name
    tools: tuple[str, ...]  # the item's gold tools: the draw's own, else the kind's
    question: str
    answer: float
    unit: str

    def common_fields(self, record_id: str) -> dict[str, Any]:
        """The fields every set's record has, in the order the datasets write them."""
        return {
            "id": record_id,
            "category": self.kind.category,
            "question": self.question,
            "answer": self.answer,
            "unit": self.unit,
            "rel_tol": self.kind.rel_tol,
            "source": self.kind.source,
        }


def drawn(
    kinds: Sequence[Kind],
    categories: Sequence[str],
    *,
    bank: str,
    seed: Callable[[str, int], random.Random] = item_random,
    question: Callable[[str, dict[str, Any]], str] = worded,
    noun: str = "problem kind",
) -> Iterator[DrawnItem]:
    """Draw, word and solve every item of every kind: kinds in ``categories`` order (a
    stable sort, so a category's kinds keep the order they were registered in), each
    kind's ``count`` items in turn.

    ``seed`` gives the generator of item n of a kind, ``question`` fills a wording with
    the inputs; ``bank`` and ``noun`` name the set and its keys in the error a duplicate
    key raises (a key is a seed, so two kinds with one key would draw the same items).
    """
    keys = [kind.key for kind in kinds]
    duplicates = [key for key, times in Counter(keys).items() if times > 1]
    if duplicates:
        raise ValueError(f"duplicate {noun} {duplicates[0]!r} in the {bank} bank")
    numbers: Counter[str] = Counter()
    for kind in sorted(kinds, key=lambda k: categories.index(k.category)):
        for n in range(kind.count):
            inputs = kind.draw(seed(kind.key, n))
            tools = tuple(inputs.pop(GOLD_TOOLS, kind.tools))
            wording = kind.wordings[n % len(kind.wordings)]
            try:
                answer, unit = reference_answer(kind, inputs)
            except Exception as error:
                raise RuntimeError(f"{kind.key} #{n} failed: {error!r}") from error
            numbers[kind.category] += 1
            yield DrawnItem(
                kind=kind,
                n=n,
                number=numbers[kind.category],
                inputs=inputs,
                tools=tools,
                question=question(wording, inputs),
                answer=answer,
                unit=unit,
            )


def topic_kinds(package: str, topics: Sequence[str]) -> list[Kind]:
    """The kinds of a set's topic files ``<package>.<topic>``, in ``topics`` order (each
    file's own order within it); a topic without a file of the set is skipped."""
    kinds: list[Kind] = []
    for topic in topics:
        if find_spec(f"{package}.{topic}") is not None:
            kinds += import_module(f"{package}.{topic}").KINDS
    return kinds
