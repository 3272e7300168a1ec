"""Binding a tool's arguments to what the question writes.

For each argument the candidates are the question's values whose dimension fits and
whose value lies in the argument's range, scored by how well the words around them
(and the symbol written before them) name the argument's kind, its name and its
description. A value that the words name as another kind ("roughness 0.046 mm" for a
diameter) is no candidate; an argument of a specific kind (a vapour pressure, a
heat-capacity ratio) takes only values whose words or symbol say so. The values are
then assigned to the arguments together, best total first (each value at most once
per call), and each binding keeps the rivals that scored nearly as well, for a model
to choose among when the words cannot.

Non-number arguments are bound to what the question names: a chemical to a substance
it names, a choice to the option whose words it writes, a flag to the side whose
words it writes. Nothing here writes a number the question does not contain, except
the one convention of the trade it states: a binary's second mole fraction is one
minus the first.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from peoa.exceptions import ToolInputError
from peoa.planning.model import BINARY_COMPLEMENT, BINARY_REFERENCE, SUMMED, Binding
from peoa.planning.reaction_binding import bind_reaction
from peoa.planning.words import Vocabulary, stem, tokens
from peoa.reading.model import Mention, Reading, Substance
from peoa.tools.base import P, Q, Tool
from peoa.tools.kinds import Kind, kind, kinds
from peoa.tools.quantity import DIMENSIONS, gas_volume_basis, is_gauge, to_si

__all__ = [
    "INLET_PARTS",
    "ArgumentSpec",
    "arguments",
    "assign_values",
    "bind_plain",
    "evidence",
    "fits",
    "name_parts",
    "said_in",
]

# How much the words at each distance from a value count (nearest first).
_BEFORE = (1.0, 0.85, 0.7, 0.55, 0.45, 0.35, 0.3, 0.25)
_AFTER = (0.9, 0.75, 0.6, 0.45, 0.35, 0.3, 0.25, 0.2)
_CLAUSE = 0.3
_SYMBOL = 5.0  # a value written "Z = 0.93" for an argument whose kind is written Z
_OTHER_SYMBOL = -1.5  # a value written with another symbol than the argument's
_SPECIFIC = 0.8  # least evidence for an argument of a specific kind
_COURSE = 0.5  # "from 30 °C to 80 °C": an inlet and an outlet (of the cold side)
_RIVAL = 0.5  # a rival scores within this of the chosen value
_TIMES = frozenset({"times", "×"})
# The streams of a separation, as the trade names them.
_STREAM_WORDS = {
    "feed": "feed", "distillate": "distillate", "overhead": "distillate",
    "overheads": "distillate", "bottoms": "bottoms", "residue": "bottoms",
    "raffinate": "raffinate", "extract": "extract",
}  # fmt: skip
_RATIO = "ratio"
_ATYPICAL = 0.5  # a value far outside its kind's typical range ("a 100 m diameter")
_REQUIRED = 3.0  # what filling a required argument is worth over an optional one
_NOISE = frozenset("default give e.g omit used only null if number none value when".split())
_NAME_PARTS = {"in": "inlet", "out": "outlet", "1": "inlet", "2": "outlet"}


@dataclass(frozen=True)
class ArgumentSpec:
    """One argument of a tool as binding sees it."""

    tool: str
    name: str
    spec: Q | P
    required: bool
    is_list: bool
    annotation: Any
    vocabulary: Vocabulary

    @property
    def kind(self) -> Kind | None:
        return kind(self.spec.kind) if isinstance(self.spec, Q) else None

    @property
    def dimension(self) -> str:
        """A quantity argument's dimension; "" for a text or choice argument."""
        return self.spec.dimension if isinstance(self.spec, Q) else ""


def _name_words(name: str) -> list[str]:
    """``T_hot_in`` -> ``["T", "hot", "inlet"]``; ``xD_light`` -> ``["x", "D", "light"]``."""
    parts = re.split(r"_|(?<=[a-z])(?=[A-Z])", name)
    return [_NAME_PARTS.get(p, p) for p in parts if p]


def _vocabulary(name: str, spec: Q | P) -> Vocabulary:
    phrases: list[tuple[str, float]] = []
    symbols = {name}
    if isinstance(spec, Q):
        entry = kind(spec.kind)
        weight = 2.0 if entry.specific else 1.0
        phrases += [(w, weight) for w in entry.words] + [(entry.label, weight)]
        symbols |= set(entry.symbols)
    words = _name_words(name)
    phrases += [(" ".join(words), 2.0)] + [(w, 1.2) for w in words if len(w) > 1]
    head = re.split(r"[(,;:]| - ", spec.description, maxsplit=1)[0]
    phrases.append((head, 1.5))
    phrases += [(w, 0.6) for w in tokens(head) if w.lower() not in _NOISE and len(w) > 2]
    return Vocabulary.build(phrases, symbols)


@lru_cache(maxsize=512)
def _arguments(tool: Tool) -> dict[str, ArgumentSpec]:
    return {
        name: ArgumentSpec(
            tool=tool.name,
            name=name,
            spec=param.spec,
            required=param.required,
            is_list=param.is_list,
            annotation=param.annotation,
            vocabulary=_vocabulary(name, param.spec),
        )
        for name, param in tool.params.items()
    }


def arguments(tool: Tool) -> dict[str, ArgumentSpec]:
    """The tool's arguments, with the words that name each (built once per tool)."""
    return _arguments(tool)


def fits(mention: Mention, argument: ArgumentSpec) -> float | None:
    """The value in the argument's own unit when the mention's unit has its dimension and
    the value lies in its range; ``None`` otherwise."""
    spec = argument.spec
    if not isinstance(spec, Q) or mention.role != "data":
        return None
    if not _converts(mention.unit, spec.dimension, spec.target):
        return None
    try:
        value = to_si(mention.value, mention.unit, spec.dimension, spec.target)
    except ToolInputError:
        return None
    if spec.dimension == "pressure_difference" and _absolute(mention.unit):
        return None  # "9.6 bar absolute" is a pressure, never a difference
    if (
        spec.dimension == "volumetric_flow"
        and spec.kind != "standard_gas_flow"
        and _standard_volume(mention.unit)
    ):
        return None  # 8660 SCFM is an amount of gas a minute, not the volume it fills
    ratio = mention.unit in ("%", "ppm") or mention.unit.endswith("%") or "/" in mention.unit
    if spec.dimension == "dimensionless" and mention.unit and not ratio:
        return None  # a dimensionless argument takes a bare number, a % or a ratio
    if not math.isfinite(value) or not spec.contains(value):
        return None
    return value


@lru_cache(maxsize=1024)
def _standard_volume(unit: str) -> bool:
    return bool(unit) and gas_volume_basis(unit) is not None


def _absolute(unit: str) -> bool:
    return unit in ("bara", "psia", "kPaa", "MPaa") or unit.endswith("(a)")


@lru_cache(maxsize=4096)
def _converts(unit: str, dimension: str, target: str) -> bool:
    """Whether ``unit`` converts to the dimension at all (cached: a refusal is a pint parse)."""
    try:
        to_si(1.0, unit, dimension, target)
    except ToolInputError as error:
        return "absolute zero" in str(error)  # the unit fits; only this value would not
    return True


def _sequence(mention: Mention) -> tuple[list[str], list[float]]:
    """The words around a value in reading order, with the weight of each. The words
    before it end at "in" ("a 60 mm bore in a 102 mm pipe": the throat is not the
    pipe's)."""
    before = list(mention.before[: len(_BEFORE)])
    cut = next((i for i, w in enumerate(before) if w.lower() in ("in", "into")), None)
    if cut is not None:
        before = before[: cut + 1]
    after = list(mention.after[: len(_AFTER)])
    words = [*reversed(before), "§", *after]
    weights = [*reversed(_BEFORE[: len(before)]), 0.0, *_AFTER[: len(after)]]
    return words, weights


def _words_score(mention: Mention, vocabulary: Vocabulary) -> float:
    words, weights = _sequence(mention)
    near = vocabulary.score_words(words, weights)
    # A unit may name the kind itself: "40 mol%" is a mole fraction, "25 wt%" a mass one.
    unit = vocabulary.score_words(tokens(mention.unit_written)) if mention.unit_written else 0.0
    return near + unit + _CLAUSE * vocabulary.score_words(mention.clause)


_INDEXED = re.compile(r"^(?P<base>.+?)_?(?P<index>[0-2])$")
_STANDARD_STATE = re.compile(r"°(?:_?\d+(?:\.\d+)?)?$")


def _symbol_score(mention: Mention, vocabulary: Vocabulary, name: str = "") -> float:
    """A value written "Z = 0.93" names the argument whose kind is written Z; an indexed
    symbol ("N1", "H2", "T_2") names the argument of that index (speed_1, P2) of the kind."""
    symbol = mention.symbol
    if symbol is None:
        return 0.0
    # A standard state's mark and temperature ("ΔH°298", "ΔG°") keep the symbol's kind.
    symbol = _STANDARD_STATE.sub("", symbol) or symbol
    if symbol in vocabulary.symbols:
        return _SYMBOL
    indexed = _INDEXED.match(symbol)
    if indexed is not None and indexed.group("base") in vocabulary.symbols | {name[:1]}:
        own = _INDEXED.match(name)
        if own is not None:
            return _SYMBOL if own.group("index") == indexed.group("index") else _OTHER_SYMBOL
        return _SYMBOL / 2
    if vocabulary.score_words([symbol]) > 0:
        return _SYMBOL / 2
    # A symbol with a subscript: "dHrx" and "ΔH_rxn" are written ΔH, "Cp_l" is a Cp.
    if any(
        len(k) > 1 and symbol.startswith(k) and symbol[len(k)] in "_rlvgoi"
        for k in vocabulary.symbols
        if len(symbol) > len(k)
    ):
        return _SYMBOL / 2
    return _OTHER_SYMBOL


def evidence(mention: Mention, argument: ArgumentSpec) -> float:
    """How well the mention's words and symbol name the argument (0 when nothing does); a
    value in a gauge unit (barg, psig) is named a gauge pressure by its unit, and one in an
    absolute unit (bara, psia) an absolute pressure."""
    vocabulary = argument.vocabulary
    score = _words_score(mention, vocabulary) + _symbol_score(mention, vocabulary, argument.name)
    if mention.unit and is_gauge(mention.unit) and "gauge" in argument.spec.description:
        score += 1.0
    if (
        mention.unit
        and _absolute(mention.unit)
        and argument.spec.description.startswith("absolute")
    ):
        score += 1.0  # a state's pressure is the one written absolute, not a reading's 305 mbar
    return score + _course_evidence(mention, argument)


_DIFFERENCES = frozenset({"pressure_difference", "temperature_difference"})
_GAUGE = "gauge_pressure"
INLET_PARTS = frozenset({"in", "inlet", "1"})  # name parts of an inlet argument (T_in, P1)
_ENDS = {"from": INLET_PARTS, "to": frozenset({"out", "outlet", "2"})}


def name_parts(name: str) -> set[str]:
    """``T_hot_in`` -> t, hot, in; ``P1`` -> p, 1; ``suction_pressure`` -> inlet, pressure."""
    return {stem(p) for p in re.split(r"_|(?<=[A-Za-z])(?=\d)", name) if p}


# The stream that is heated is the exchanger's cold one; the one cooled, the hot one.
_SIDES = {"rises": "cold", "falls": "hot"}


def _end_word_evidence(mention: Mention, argument: ArgumentSpec) -> float:
    """A lone value written "to 40 °C" ("cools the gas down to 40 °C", "compressed to
    8 bar") is where a stream ends: an outlet, not an inlet."""
    if not mention.before or mention.before[0].lower() != "to":
        return 0.0
    parts = name_parts(argument.name)
    if parts & _ENDS["to"]:
        return _COURSE
    return -_COURSE if parts & _ENDS["from"] else 0.0


def _course_evidence(mention: Mention, argument: ArgumentSpec) -> float:
    """A value written as where a stream starts or ends ("from 30 °C to 80 °C") names an
    inlet or an outlet; a temperature that rises is the cold side's, one that falls
    the hot side's."""
    if mention.course is None or mention.trend is None:
        return _end_word_evidence(mention, argument)
    parts = name_parts(argument.name)
    other_course = "to" if mention.course == "from" else "from"
    score = 0.0
    if parts & _ENDS[mention.course]:
        score += _COURSE
    elif parts & _ENDS[other_course]:
        score -= _COURSE
    if argument.dimension == "temperature":
        side = _SIDES[mention.trend]
        if side in parts:
            score += _COURSE
        elif parts & (set(_SIDES.values()) - {side}):
            score -= _COURSE
    return score


@lru_cache(maxsize=128)
def _kind_vocabularies(dimension: str, specific_only: bool) -> tuple[tuple[Kind, Vocabulary], ...]:
    return tuple(
        (k, Vocabulary.build([(w, 2.0) for w in k.words] + [(k.label, 2.0)], k.symbols))
        for k in kinds().values()
        if k.dimension == dimension and k.name != dimension and (k.specific or not specific_only)
    )


@lru_cache(maxsize=512)
def _own_vocabulary(entry: Kind) -> Vocabulary:
    return Vocabulary.build([(w, 2.0) for w in entry.words] + [(entry.label, 2.0)], entry.symbols)


def kind_evidence(mention: Mention, entry: Kind) -> float:
    """How well the value's words and symbol name the kind itself (its own words only)."""
    vocabulary = _own_vocabulary(entry)
    return _words_score(mention, vocabulary) + _symbol_score(mention, vocabulary)


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[tuple[str, ...]]:
    """The phrases of the generic kinds ("pressure", "flow", "temperature")."""
    phrases = set()
    for entry in kinds().values():
        if not entry.specific:
            phrases |= {p for p, _ in _own_vocabulary(entry).phrases}
    return frozenset(phrases)


@lru_cache(maxsize=1024)
def _distinctive(vocabulary: Vocabulary) -> Vocabulary:
    generic = _generic_words()
    return Vocabulary(
        phrases=tuple((p, w) for p, w in vocabulary.phrases if p not in generic),
        symbols=vocabulary.symbols,
    )


def _distinctive_evidence(mention: Mention, argument: ArgumentSpec) -> float:
    """Evidence from the argument's own words that no generic kind has ("bottoms" for
    the light key's fraction in the bottoms; not "pressure" for a relieving pressure)."""
    vocabulary = _distinctive(argument.vocabulary)
    return _words_score(mention, vocabulary) + max(
        0.0, _symbol_score(mention, vocabulary, argument.name)
    )


def named_otherwise(mention: Mention, argument: ArgumentSpec) -> bool:
    """Whether the value's words name another specific kind clearly better than the
    argument's ("roughness 0.046 mm" offered as a diameter)."""
    own = argument.kind
    if own is None:
        return False
    mine = evidence(mention, argument)
    lineage = own.lineage()
    # A specific argument (a pump's head) is named otherwise by any kind's words ("inside
    # diameter"); a generic one (a diameter) only by a specific kind's ("roughness").
    described = tokens(argument.spec.description)
    for other, vocabulary in _kind_vocabularies(own.dimension, specific_only=not own.specific):
        if other.name in lineage or own.name in other.lineage():
            continue
        if other.broader is None and vocabulary.score_words(described) > 0:
            # A kind outside every lineage (the atmosphere) that the argument says it may
            # take: "the atmospheric pressure for a vented tank".
            continue
        theirs = _words_score(mention, vocabulary) + _symbol_score(mention, vocabulary)
        if theirs >= 2.0 and theirs > mine + 0.5:
            return True
    return False


def _streams(words: Sequence[str]) -> frozenset[str]:
    return frozenset(_STREAM_WORDS[w.lower()] for w in words if w.lower() in _STREAM_WORDS)


@lru_cache(maxsize=4096)
def _argument_streams(argument: ArgumentSpec) -> frozenset[str]:
    return _streams([*argument.name.split("_"), *tokens(argument.spec.description)])


# Words that tie a value to a noun further back ("a feed (q = 1) with 0.35 mole fraction").
_LINKING = frozenset("with of at and is containing contains having has".split())
_SENTENCE_START = re.compile(r"(?:^|[.;:?!]\s)(?!.*[.;:?!]\s)", re.S)


def _other_stream(reading: Reading, mention: Mention, argument: ArgumentSpec) -> bool:
    """Whether the value's words put it in another stream of a separation than the one
    the argument is about (the feed's fraction offered for the distillate's): the streams
    named next to it, else, when only a linking word stands before it, the last one its
    sentence names before it ("a binary feed (q = 1) with 0.35 mole fraction")."""
    mine = _argument_streams(argument)
    if not mine:
        return False
    near = _streams([*mention.before, *mention.after])
    if not near and all(w.lower() in _LINKING for w in mention.before):
        before = reading.text[: mention.span[0]]
        start = _SENTENCE_START.search(before)
        named = [
            w for w in tokens(before[start.end() if start else 0 :]) if w.lower() in _STREAM_WORDS
        ]
        near = _streams(named[-1:])
    return bool(near) and not near & mine


def multiplier(mention: Mention) -> bool:
    """A number written as a multiple of another quantity: "1.5 times the minimum"."""
    return not mention.unit and bool(mention.after) and mention.after[0].lower() in _TIMES


def typical_of(mention: Mention, entry: Kind) -> bool:
    """Whether the value lies in the range its kind takes in practice (true when the
    kind declares none, or the unit does not convert)."""
    if entry.typical is None:
        return True
    try:
        value = to_si(mention.value, mention.unit, entry.dimension)
    except ToolInputError:
        return True
    low, high = entry.typical
    return low <= abs(value) <= high


_REFERENCE = frozenset({"ref", "reference"})  # name parts of a reference state's argument


def _in_asking_sentence(reading: Reading, mention: Mention) -> bool:
    start = reading.text.find(reading.asked.sentence) if reading.asked.sentence else -1
    return start >= 0 and start <= mention.span[0] < start + len(reading.asked.sentence)


def candidates(reading: Reading, argument: ArgumentSpec) -> list[tuple[Mention, float]]:
    """The question's values that may feed ``argument``, best first, with their scores."""
    found = []
    own = argument.kind
    for mention in reading.data():
        if fits(mention, argument) is None:
            continue
        score = evidence(mention, argument)
        if (
            own is not None
            and own.specific
            and max(kind_evidence(mention, own), _distinctive_evidence(mention, argument))
            < _SPECIFIC
        ):
            continue  # a vapour pressure must be named one, not just "a pressure"
        if named_otherwise(mention, argument):
            continue
        if _other_stream(reading, mention, argument):
            continue  # "a feed with 0.35 mole fraction" is not the distillate's fraction
        if multiplier(mention) and not (own is not None and _RATIO in own.lineage()):
            continue  # "reflux 1.5 times the minimum" is a ratio, not the reflux ratio
        if own is not None and not typical_of(mention, own):
            score -= _ATYPICAL
        if _REFERENCE & name_parts(argument.name) and _in_asking_sentence(reading, mention):
            score -= _COURSE  # "Find K at 560 K": the state asked at, not the reference
        if (
            mention.course is not None
            and argument.dimension in _DIFFERENCES
            and not (own is not None and own.name == _GAUGE)  # a gauge reading is a state
        ):
            continue  # "a rise from 3 barg to 9 barg": each is a state, neither the rise
        found.append((mention, score))
    return sorted(found, key=lambda pair: -pair[1])


def assign_values(
    reading: Reading, tool: Tool, names: Sequence[str] | None = None
) -> dict[str, Binding]:
    """The best assignment of the question's values to the tool's number arguments
    (``names``, default all), each value used once; arguments no value fits are absent.

    Ties between equally named values are broken by order: the first written goes to
    the argument listed first (inlet before outlet, P1 before P2), as the trade writes
    them.
    """
    specs = arguments(tool)
    wanted = [
        specs[n]
        for n in (names or list(specs))
        if isinstance(specs[n].spec, Q) and not specs[n].is_list
    ]
    pool: dict[str, list[tuple[Mention, float]]] = {a.name: candidates(reading, a) for a in wanted}
    # A value written for each of several things ("fouling resistances are each 0.0002")
    # may feed as many arguments as it fits; any other value feeds one.
    unique = sorted({m.id: m for pairs in pool.values() for m, _ in pairs}.values(),
                    key=lambda m: m.span)  # fmt: skip
    mentions = []
    for m in unique:
        fits_args = sum(any(c.id == m.id for c, _ in pairs) for pairs in pool.values())
        mentions += [m] * (fits_args if m.each else 1)

    if not mentions or not wanted:
        return {}
    columns: dict[str, list[int]] = {}
    for j, m in enumerate(mentions):
        columns.setdefault(m.id, []).append(j)
    # The trade writes values in the order of the arguments of one dimension: inlet then
    # outlet, P1 then P2, suction then discharge. A hair of score keeps that order when
    # the words do not decide.
    arg_rank = _ranks([a.dimension for a in wanted])
    mention_rank = _ranks([m.dimensionality for m in mentions])
    scores = np.full((len(wanted), len(mentions)), -1e6)
    for i, argument in enumerate(wanted):
        for mention, score in pool[argument.name]:
            for j in columns[mention.id]:
                # A required argument is filled before an optional one that fits as well.
                base = 1.0 + (_REQUIRED if argument.required else 0.0)
                scores[i, j] = base + score - 1e-3 * abs(arg_rank[i] - mention_rank[j])
    rows, cols = linear_sum_assignment(scores, maximize=True)
    bound: dict[str, Binding] = {}
    for row, col in zip(rows, cols, strict=True):
        if scores[row, col] < 0:
            continue
        argument, mention = wanted[row], mentions[col]
        score = float(scores[row, col]) - 1.0 - (_REQUIRED if argument.required else 0.0)
        rivals = tuple(
            m.id for m, s in pool[argument.name] if m.id != mention.id and s >= score - _RIVAL
        )
        bound[argument.name] = Binding(
            argument=argument.name, source="mention", mentions=(mention.id,),
            score=round(score, 3), rivals=rivals,
        )  # fmt: skip
    bound = _restated_left_out(_courses_kept(bound, reading, pool), reading, specs)
    return _summed(bound, pool, specs)


def _summed(
    bound: dict[str, Binding],
    pool: dict[str, list[tuple[Mention, float]]],
    specs: dict[str, ArgumentSpec],
) -> dict[str, Binding]:
    """An argument that is a sum ("sum of fitting loss coefficients") takes every value
    written with its kind's symbol that no other argument takes, each times the count it
    is written for ("6 elbows with K = 0.3 each, a check valve with K = 2": 6 x 0.3 + 2)."""
    taken = {m for name, b in bound.items() for m in b.mentions}
    for name, pairs in pool.items():
        argument = specs[name]
        if not argument.spec.description.startswith("sum of"):
            continue
        own = set(bound[name].mentions) if name in bound else set()
        found = sorted(
            (m for m, _ in pairs if m.symbol in argument.vocabulary.symbols
             and (m.id in own or m.id not in taken)),
            key=lambda m: m.span,
        )  # fmt: skip
        uncounted = any(m.each and not m.count for m in found)  # "K = 0.45 each": of how many?
        if len(found) > 1 and len({m.unit for m in found}) == 1 and not uncounted:
            bound[name] = Binding(argument=name, source="mentions", note=SUMMED, score=2.0,
                                  mentions=tuple(m.id for m in found))  # fmt: skip
    return bound


def _restated_left_out(
    bound: dict[str, Binding], reading: Reading, specs: dict[str, ArgumentSpec]
) -> dict[str, Binding]:
    """An optional argument keeps its default rather than a value written twice whose other
    writing another argument takes, when no word names it for the optional one ("the reactor
    runs at 650 K … find K at 650 K" gives no reference temperature)."""
    written = {
        name: (m.value, m.unit)
        for name, b in bound.items() if b.source == "mention" and len(b.mentions) == 1
        for m in [reading.mention(b.mentions[0])]
    }  # fmt: skip
    for name, value in written.items():
        restated = any(v == value and other != name for other, v in written.items())
        if restated and not specs[name].required and bound[name].score <= 0:
            del bound[name]
    return bound


def _end_pairs(names: Sequence[str]) -> list[tuple[str, str]]:
    """Arguments that are one stream's two ends: ``T_in``/``T_out``, ``T_hot_in``/``T_hot_out``."""
    pairs = []
    for name in names:
        parts = name.split("_")
        if parts[-1] in ("in", "inlet"):
            for end in ("out", "outlet"):
                other = "_".join([*parts[:-1], end])
                if other in names:
                    pairs.append((name, other))
    return pairs


def _courses_kept(
    bound: dict[str, Binding], reading: Reading, pool: dict[str, list[tuple[Mention, float]]]
) -> dict[str, Binding]:
    """One stream's inlet and outlet come from one written change ("from 30 °C to 70 °C").
    A side the arguments name (hot, cold) takes the change its words and direction name
    best; an unnamed stream (a heater's duty) is the one whose other values the tool
    takes (the flow and cp written beside that change)."""
    data = reading.data()
    position = {m.id: i for i, m in enumerate(data)}
    for start_name, end_name in _end_pairs(list(pool)):
        start, end = bound.get(start_name), bound.get(end_name)
        if start is None or end is None:
            continue
        starts = {m.id: score for m, score in pool[start_name]}
        ends = {m.id: score for m, score in pool[end_name]}
        if not any(data[position[m]].course for m in starts):
            continue
        others = {
            m for n, b in bound.items() if n not in (start_name, end_name) for m in b.mentions
        }
        sided = bool(set(start_name.split("_")) & set(_SIDES.values()))
        # A written change, or (for an unnamed stream) two values written one after the
        # other that split no change ("enters at 123 °C and leaves at 85 °C").
        values = [m for m in data if m.id in starts and m.id in ends]
        changes = [
            (a, b) for a, b in itertools.pairwise(values)
            if ((a.course, b.course) == ("from", "to")
                or (not sided and a.course != "to" and b.course != "from"))
            and not {a.id, b.id} & others
        ]  # fmt: skip
        if not changes:
            continue
        if sided or not others:
            a, b = max(changes, key=lambda c: starts[c[0].id] + ends[c[1].id])
        else:
            a, b = min(changes, key=lambda c: (
                min(abs(position[c[0].id] - position[m]) for m in others if m in position),
                -(starts[c[0].id] + ends[c[1].id]),
            ))  # fmt: skip
        bound[start_name] = start.model_copy(
            update={"mentions": (a.id,), "score": round(starts[a.id], 3)}
        )
        bound[end_name] = end.model_copy(
            update={"mentions": (b.id,), "score": round(ends[b.id], 3)}
        )
    return bound


def _ranks(groups: Sequence[str]) -> list[int]:
    """Each item's position among the items of its group: ``[a, b, a] -> [0, 0, 1]``."""
    seen: dict[str, int] = {}
    ranks = []
    for group in groups:
        ranks.append(seen.get(group, 0))
        seen[group] = seen.get(group, 0) + 1
    return ranks


# Words beside a fluid that make it the coolant ("a water-cooled condenser", "cooling
# water") or the heating medium ("hot oil", "heating steam").
_COLD_CUE = re.compile(r"cool|cold|chill", re.I)
_HOT_CUE = re.compile(r"\bhot\b|heating|condensing|\bflue\b", re.I)


def _by_side(reading: Reading, name: str, fluids: Sequence[Substance]) -> list[Substance]:
    """The fluids in the order that fits a hot or cold side argument (``hot_fluid``,
    ``cold_fluid``): the one the words beside it call a coolant goes to the cold side,
    the heating medium to the hot side; otherwise the order of the question."""
    side = name_parts(name) & {"hot", "cold"}
    if len(fluids) < 2 or len(side) != 1:
        return list(fluids)

    def cue(fluid: Substance) -> int:
        start, end = fluid.span
        near = reading.text[max(0, start - 12) : end + 12]
        return bool(_COLD_CUE.search(near)) - bool(_HOT_CUE.search(near))

    wanted = 1 if side == {"cold"} else -1
    return sorted(fluids, key=lambda f: -wanted * cue(f))


def _substance_names(substances: Sequence[Substance]) -> list[str]:
    return [s.canonical or s.name for s in substances]


def _plain_word(word: str) -> str:
    return word.lower().strip(".,;:!?()[]\"'")


@lru_cache(maxsize=4096)
def _said_words(written: str, exact: bool) -> tuple[str, ...]:
    """The words of ``written`` as :func:`said_in` compares them ("1-shell-pass" says
    "shell pass"); cached, since the planner asks the same question about every tool."""
    form = _plain_word if exact else stem
    return tuple(form(p) for w in tokens(written) for p in w.split("-") if p)


def said_in(text: str, phrases: Sequence[str], exact: bool = False) -> bool:
    """Whether ``text`` says one of ``phrases``, word for word (stemmed unless exact)."""
    words = _said_words(text, exact)
    for phrase in phrases:
        key = _said_words(phrase, exact)
        if key and any(words[i : i + len(key)] == key for i in range(len(words))):
            return True
    return False


def _bound_list(reading: Reading, argument: ArgumentSpec) -> Binding | None:
    """A list of numbers: the values named as the argument's kind, in written order; a
    binary's mole fractions may be written as one (the other is one minus it), and its
    relative volatilities as the light key's (the heavy key's is 1)."""
    found = [m for m, score in candidates(reading, argument) if score >= _SPECIFIC]
    found.sort(key=lambda m: m.span)
    if not found:
        return None
    own = argument.kind
    note = None
    conventions = {"mole_fraction": BINARY_COMPLEMENT, "relative_volatility": BINARY_REFERENCE}
    if own is not None and own.name in conventions and len(found) == 1:
        if len(reading.fluids()) == 2 or re.search(r"\bbinary\b", reading.text, re.I):
            note = conventions[own.name]
        elif own.name == "mole_fraction":
            return None
    return Binding(argument=argument.name, source="mentions",
                   mentions=tuple(m.id for m in found), score=2.0, note=note)  # fmt: skip


def _choices_said(reading: Reading, tool: Tool, but: str) -> frozenset[str]:
    """The word choices of ``tool``'s other arguments that the question says."""
    said = set()
    for other, argument in arguments(tool).items():
        spec = argument.spec
        if other != but and isinstance(spec, P) and spec.choices and not spec.chemical:
            said |= {c.lower() for c in spec.choices if said_in(reading.text, [c], exact=True)}
    return frozenset(said)


def bind_plain(reading: Reading, tool: Tool, name: str) -> Binding | None:
    """A non-number argument bound to what the question names, or ``None``: a chemical
    (or a list of them), a choice, a flag, or a number list. ``None`` also when the
    question names nothing for it (an optional one then keeps its default)."""
    argument = arguments(tool)[name]
    spec = argument.spec
    if isinstance(spec, Q):
        if argument.is_list and spec.reaction is not None:
            fitting = [m for m, _ in candidates(reading, argument)]
            return bind_reaction(reading, name, spec.reaction, fitting)
        if argument.is_list:
            return _bound_list(reading, argument)
        # A value the words state ("saturated vapour" is a vapour fraction of 1).
        entry = argument.kind
        said = {v: p for p, v in (entry.said if entry else ()) if said_in(reading.text, [p])}
        if entry is not None and len(said) == 2:
            # "Saturated liquid … into saturated vapour": the state written first is the
            # inlet's, the one written last the outlet's.
            text = reading.text.lower()
            where = {
                value: min((text.find(p.lower()) for p, v in entry.said
                            if v == value and p.lower() in text), default=-1)
                for value in said
            }  # fmt: skip
            ordered = sorted(said.items(), key=lambda item: where[item[0]])
            parts = name_parts(name)
            if min(where.values()) < 0:
                pass  # a phrase read by its stem only: the order is not known
            elif parts & INLET_PARTS:
                said = dict(ordered[:1])
            elif parts & _ENDS["to"]:
                said = dict(ordered[1:])
        if len(said) == 1:
            ((value, phrase),) = said.items()
            return Binding(argument=name, source="choice", value=value, score=1.0,
                           note=f"{phrase!r} means {value:g}")  # fmt: skip
        return None
    if spec.reaction is not None:
        if spec.chemical and reading.reactions and reading.reactions[0].generic:
            return None  # "A ⇌ B" names no chemical whose data could be looked up
        return bind_reaction(reading, name, spec.reaction)
    fluids = reading.fluids()
    if spec.chemical:
        # A substance's name the tool takes as another argument's choice is not this
        # chemical: "the mass fraction of oxygen in sulfuric acid" names an element.
        choices_said = _choices_said(reading, tool, name)
        fluids = [f for f in fluids if (f.canonical or f.name).lower() not in choices_said]
        if not fluids:
            return None
        if argument.is_list:
            return Binding(argument=name, source="substance", value=_substance_names(fluids),
                           score=1.0)  # fmt: skip
        names = _substance_names(_by_side(reading, name, fluids))
        return Binding(argument=name, source="substance", value=names[0], score=1.0,
                       rivals=tuple(names[1:]))  # fmt: skip
    if spec.choices:
        # A designation the question writes for this argument ("schedule 80", "sch. XS").
        for mention in reading.mentions:
            if mention.designation and mention.designation.lower() == name.lower():
                label = mention.written.strip().upper()
                chosen = next((c for c in spec.choices if c.upper() == label), None)
                if chosen is not None:
                    return Binding(argument=name, source="choice", value=chosen,
                                   mentions=(mention.id,), score=2.0)  # fmt: skip
        written = [c for c in spec.choices if said_in(reading.text, [c.replace("_", " ")])]
        written += [
            c for c, words in spec.said_choice if c not in written and said_in(reading.text, words)
        ]
        if len(written) == 1:
            return Binding(argument=name, source="choice", value=written[0], score=1.0)
        # Several said: the tool lists its word choices most specific first ("a 1-2
        # shell-and-tube exchanger's counter-current LMTD" is shell-and-tube).
        worded = [c for c, words in spec.said_choice if said_in(reading.text, words)]
        if len(worded) > 1 and set(written) <= set(worded):
            return Binding(argument=name, source="choice", value=worded[0], score=0.5,
                           rivals=tuple(worded[1:]))  # fmt: skip
        return None
    if argument.annotation is bool and (spec.said_true or spec.said_false):
        # Word for word: "heated" is said, "heat capacity" is not.
        yes = said_in(reading.text, spec.said_true, exact=True)
        no = said_in(reading.text, spec.said_false, exact=True)
        if yes != no:
            return Binding(argument=name, source="choice", value=yes, score=1.0)
    return None


def mention_argument(mention: Mention, argument: ArgumentSpec) -> dict[str, Any]:
    """The tool argument a bound value becomes: the value and unit as written."""
    if argument.dimension in DIMENSIONS and mention.unit == "%":
        return {"value": mention.value, "unit": "%"}
    return {"value": mention.value, "unit": mention.unit}
