"""Reading a question's values: PEOA's reader against quantulum3, on the same questions.

The problem bank (:mod:`peoa.distill.templates`) draws each template's questions with
known values and units. A value is *recovered* when the reader returns a quantity with
the same number whose unit means the same in SI (``20 m3/h`` read as cubic metres per
hour, not as metres). quantulum3 is the well-kept library for quantities in prose that
issue 21 asked to measure before writing a reader; its units are mapped to pint through
PEOA's own unit reader, which is generous to it. Both read the same questions in one
process. quantulum3 is optional (``pip install 'peoa[bench]'``); without it only PEOA's
recall is reported.

Targets: PEOA's recall at least quantulum3's (ratio >= 1), and its time per question
at most twice quantulum3's.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from typing import Any

from benchmarks.harness import Measurement
from peoa.distill.templates import TEMPLATES
from peoa.reading import read_question
from peoa.reading.units import read_unit
from peoa.tools.quantity import parse_quantity

__all__ = ["run"]

_SEEDS = 3
Found = list[tuple[float, str]]


def _questions() -> list[tuple[str, list[dict[str, Any]]]]:
    """Every wording of every template, three draws each, with the values it writes."""
    out = []
    for template in TEMPLATES.values():
        for wording in range(len(template.wordings)):
            for seed in range(_SEEDS):
                problem = template.sample(random.Random(seed * 1000 + wording), wording)
                values = [
                    v for v in problem.arguments.values() if isinstance(v, dict) and v.get("unit")
                ]
                out.append((problem.question, values))
    return out


def _si(value: float, unit: str) -> tuple[float, str] | None:
    try:
        quantity = parse_quantity(value, unit).to_base_units()
    except Exception:  # a unit this reader cannot name: not a match
        return None
    return float(quantity.magnitude), str(quantity.units)


def _recovered(found: Found, value: float, unit: str) -> bool:
    target = _si(value, unit)
    for number, written in found:
        if not math.isclose(number, value, rel_tol=1e-9):
            continue
        got = _si(number, written)
        if target and got and got[1] == target[1] and math.isclose(got[0], target[0], rel_tol=1e-6):
            return True
    return False


def _peoa(question: str) -> Found:
    return [(m.value, m.unit) for m in read_question(question).data()]


def _quantulum() -> Callable[[str], Found] | None:
    try:
        import quantulum3.classifier as classifier
        from quantulum3 import parser
    except ImportError:
        return None
    classifier.USE_CLF = False  # its scikit-learn disambiguation needs a trained model file

    def read(question: str) -> Found:
        found = []
        for quantity in parser.parse(question):
            name = quantity.unit.name if quantity.unit else ""
            unit = read_unit(f"{name} ", 0) if name and name != "dimensionless" else None
            if unit is None and quantity.surface:
                # some units (m3/h) are named only in the surface text
                surface = quantity.surface.replace(str(quantity.value), "").strip()
                unit = read_unit(f" {surface}", 0) if surface else None
            found.append((float(quantity.value), unit.unit if unit else ""))
        return found

    return read


def _score(
    read: Callable[[str], Found], questions: list[tuple[str, list[dict[str, Any]]]]
) -> tuple[float, float]:
    """Recall of the written values, and seconds per question."""
    read(questions[0][0])  # imports and caches on both sides alike
    start = time.perf_counter()
    hits = total = 0
    for question, values in questions:
        found = read(question)
        for value in values:
            total += 1
            hits += _recovered(found, value["value"], value["unit"])
    return hits / total, (time.perf_counter() - start) / len(questions)


def run() -> list[Measurement]:
    questions = _questions()
    values = sum(len(v) for _, v in questions)
    recall, seconds = _score(_peoa, questions)
    quantulum = _quantulum()
    notes = f"{len(questions)} problem-bank questions, {values} values with units"
    if quantulum is None:
        return [
            Measurement(
                benchmark="reading", metric="values recovered", unit="share", value=recall,
                notes=f"{notes}; quantulum3 not installed (pip install 'peoa[bench]')",
            )
        ]  # fmt: skip
    q_recall, q_seconds = _score(quantulum, questions)
    return [
        Measurement(
            benchmark="reading", metric="values recovered", unit="share", value=recall,
            baseline_name="quantulum3", baseline=q_recall, better="higher", target=1.0,
            notes=notes,
        ),
        Measurement(
            benchmark="reading", metric="time per question", unit="ms", value=seconds * 1e3,
            baseline_name="quantulum3", baseline=q_seconds * 1e3, better="lower",
            target=2 * q_seconds * 1e3, notes="reading only; same questions, same process",
        ),
    ]  # fmt: skip
