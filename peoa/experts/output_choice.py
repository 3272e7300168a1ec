"""Which of a tool's outputs a question asks for, read from the question's own words.

A tool often returns several numbers (``heat_of_combustion``: HHV and LHV, per mole
and per kg). A small model asked to pick one by name picks badly ("lower heating
value" answered with ``HHV_mass``), so the question's words decide first:

- :func:`named_outputs`: the outputs the text names outright, by the output's name
  ("LHV", "brake power" for ``brake_power``) or by the head of its description
  ("lower heating value", the words before any comma or parenthesis); a name inside a
  longer named one ("lower heating value" inside "lower heating value per kg of
  fuel") gives way to the longer;
- :func:`best_distinguished`: among outputs of one dimension, the one whose
  distinguishing words (those not shared by all of them: "lower" against "higher",
  "brake" against "hydraulic") the text uses most, when exactly one does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["asking_sentence", "best_distinguished", "head_phrase", "named_outputs", "output_terms"]

_HEAD_END = re.compile(r"\s*(?:[(,;:=\[]|\s-\s)")
_WORD = re.compile(r"[a-z][a-z0-9]*|\d+[a-z][a-z0-9]*", re.IGNORECASE)
# A name with its value ("Re = 5000", "a head of 35 m", "70 % relative humidity"),
# inside a formula ("ln Re − 1.64") or naming a method ("the ε-NTU method") gives
# an input or a way of working, not the answer asked for.
_GIVEN = re.compile(
    r"\s*(?:=|:|≈)\s*[-+]?\.?\d|\s(?:of\s+)?[-+]?\.?\d|\s*[−+*/^]"
    r"|\s+(?:method|correlation|equation|model|chart|relation)\b",
    re.IGNORECASE,
)
_GIVEN_BEFORE = re.compile(r"(?:\d\s*(?:%|[^\s\d]+)?|\b(?:ln|log|exp)|[*/^])\s*$")
# Words that say nothing about which quantity is meant.
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "used",
        "with",
        "without",
        "null",
        "when",
    ]
)


def asking_sentence(text: str) -> str:
    """The sentence of ``text`` that asks: the last one with a question mark, else the last.

    >>> asking_sentence("The pump efficiency is 70 %. What brake power does it need? Thanks.")
    'What brake power does it need?'
    """
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s]
    asking = [s for s in sentences if "?" in s]
    return (asking or sentences or [""])[-1]


def head_phrase(description: str) -> str:
    """The words a description opens with, before any comma, parenthesis or formula.

    >>> head_phrase("lower heating value (water vapour), positive")
    'lower heating value'
    >>> head_phrase("pressure drop P1 - P2")
    'pressure drop P1'
    """
    return _HEAD_END.split(description.strip(), maxsplit=1)[0].strip()


def _phrase_pattern(phrase: str, *, exact_case: bool) -> re.Pattern[str] | None:
    words = phrase.split()
    if not words or len(phrase) < 2:
        return None
    body = r"[\s-]+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w]){body}(?![\w])", 0 if exact_case else re.IGNORECASE)


def _spans(text: str, name: str, description: str) -> list[tuple[int, int]]:
    """Where ``text`` names the output: its name as written, spelt out, or its head phrase."""
    patterns = [
        _phrase_pattern(name, exact_case=True),  # "LHV", "Nu", "dP"
        _phrase_pattern(name.replace("_", " "), exact_case=False) if "_" in name else None,
        _phrase_pattern(head_phrase(description), exact_case=False) if description else None,
    ]
    return [
        m.span()
        for p in patterns
        if p is not None
        for m in p.finditer(text)
        if not _GIVEN.match(text, m.end()) and not _GIVEN_BEFORE.search(text, 0, m.start())
    ]


def named_outputs(text: str, descriptions: Mapping[str, str]) -> list[str]:
    """The outputs ``text`` names, in ``descriptions``' order; inner names give way.

    >>> outputs = {"HHV": "higher heating value (water liquid)",
    ...            "LHV": "lower heating value (water vapour)",
    ...            "HHV_mass": "higher heating value per kg of fuel",
    ...            "LHV_mass": "lower heating value per kg of fuel"}
    >>> named_outputs("What is the lower heating value of methane?", outputs)
    ['LHV']
    >>> named_outputs("the lower heating value per kg of fuel", outputs)
    ['LHV_mass']
    >>> named_outputs("What is the heat of combustion?", outputs)
    []
    >>> named_outputs("At Re = 5000 and Pr 4, what is Nu?", {"Re": "", "Pr": "", "Nu": ""})
    ['Nu']
    >>> named_outputs("By the ε-NTU method, how hot does it leave?", {"NTU": "", "T_out": ""})
    []
    """
    spans = {name: _spans(text, name, d) for name, d in descriptions.items()}
    spans = {name: found for name, found in spans.items() if found}

    def inside(span: tuple[int, int], other: str) -> bool:
        return any(s <= span[0] and span[1] <= e and (e - s) > (span[1] - span[0])
                   for s, e in spans[other])  # fmt: skip

    return [
        name
        for name, found in spans.items()
        if not all(any(inside(span, o) for o in spans if o != name) for span in found)
    ]


def output_terms(name: str, description: str) -> set[str]:
    """The words that identify an output: its name's parts and its description's head."""
    parts = [p for p in re.split(r"[_\s]+", name) if p]
    words = [w.lower() for w in _WORD.findall(head_phrase(description))]
    return {p.lower() for p in parts if len(p) > 1} | {w for w in words if w not in _STOP}


def best_distinguished(text: str, descriptions: Mapping[str, str]) -> str | None:
    """The one output whose distinguishing words ``text`` uses most; ``None`` on a tie.

    Meant for outputs of one dimension, which differ by a qualifier.

    >>> best_distinguished("the lower heating value, in MJ/kg",
    ...     {"HHV_mass": "higher heating value per kg of fuel",
    ...      "LHV_mass": "lower heating value per kg of fuel"})
    'LHV_mass'
    >>> best_distinguished("the heating value, in MJ/kg",
    ...     {"HHV_mass": "higher heating value per kg of fuel",
    ...      "LHV_mass": "lower heating value per kg of fuel"}) is None
    True
    """
    if len(descriptions) < 2:
        return next(iter(descriptions), None)
    terms = {name: output_terms(name, d) for name, d in descriptions.items()}
    shared = set.intersection(*terms.values())
    used = {w.lower() for w in _WORD.findall(text)}
    scores = {name: len((t - shared) & used) for name, t in terms.items()}
    best = max(scores.values())
    winners = [name for name, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None
