"""Which expert takes a question's first step under the ``route`` policy.

A digit alone says little: "What does API 520 say about …" and "Explain the 3 modes
of heat transfer" carry digits and ask for knowledge, while "friction factor at
Re = 5000" carries no unit and asks for a number. The decision reads, in order:

1. a question that opens as a request for knowledge ("explain", "describe", "why",
   "what does … say", "according to" …, the ``text_cues`` of ``agents/meta_agent.toml``):
   knowledge, whatever numbers it quotes ("Why do pumps need 3 m of NPSH margin?");
2. a quantity written with a physical unit ("20 m3/h", "150 psig", "25 °C"), or an
   answer asked in a unit ("…, in kPa?"): a computation;
3. a number that is a value rather than a designation: a computation. Designations
   are numbers that name a document or a part of one: after an acronym ("API 520",
   "ASME B31.3", "NPS 6"), after "Section", "Table", "Figure" …, or a year in
   parentheses ("Churchill (1977)");
4. otherwise: knowledge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from peoa.experts.asked_unit import asked_unit, unit_dimensionality
from peoa.experts.grounding import written_numbers

__all__ = ["DEFAULT_TEXT_CUES", "Route", "route_question", "written_quantities"]

DEFAULT_TEXT_CUES = (
    r"explain",
    r"describe",
    r"define",
    r"why\b",
    r"list",
    r"name\b",
    r"outline",
    r"discuss",
    r"summari[sz]e",
    r"compare",
    r"what is meant by\b",
    r"what (?:does|do|did)\b.*\b(?:say|said|state|recommend|mean|stand for|specify|cover)",
    r"what are the (?:main|key|types|kinds|differences|advantages|disadvantages|modes)\b",
    r"what is the (?:difference|purpose|role|meaning)\b",
    r"how (?:does|do|is|are)\b(?!.*\b(?:much|many)\b)",
    r"according to\b",
    r"which (?:standard|code|section|clause)\b",
)

# A number right after an acronym or a document part names something, it is no value.
_ACRONYM_BEFORE = re.compile(r"\b[A-Z][A-Z0-9]*[A-Z](?:[-\s][A-Z])?[-\s]?$")
_WORD_BEFORE = re.compile(
    r"\b(?:section|part|table|figure|fig\.|chapter|eq\.|equation|appendix|annex|edition|"
    r"rev\.?|revision|clause|paragraph|no\.|schedule|sch\.?|class|grade|series)\s*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\((?:19|20)\d\d[a-z]?\)")
# "302.3.4" reads as one token (a clause number), not as 302.3 and .4.
_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d[\d,]*(?:\.\d+)*\.?|\.\d+)(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class Route:
    """The kind of first step a question needs, and why (recorded in the trace)."""

    kind: Literal["numeric", "text"]
    reason: str


def _without_designations(text: str) -> str:
    """``text`` with every number that names a document or a part of one replaced by ``#``.

    >>> _without_designations("API 520 Part I, Section 5.2, NPS 6 schedule 80 (1977): 3 bar")
    'API # Part I, Section #, NPS # schedule # #: 3 bar'
    """
    text = _YEAR.sub("#", text)
    kept, last = [], 0
    for match in _NUMBER.finditer(text):
        before = text[: match.start()]
        designation = (
            _ACRONYM_BEFORE.search(before)
            or _WORD_BEFORE.search(before)
            # the rest of a designation: "B31.3", "VIII-1" start with a letter
            or (match.start() > 0 and text[match.start() - 1].isalpha())
            or match.group().rstrip(".").count(".") > 1
        )
        if designation:
            kept += [text[last : match.start()], "#"]
            last = match.end()
    return "".join([*kept, text[last:]])


def written_quantities(text: str) -> list[str]:
    """The numbers in ``text`` written with a physical (not dimensionless) unit.

    >>> written_quantities("20 m3/h of water at 25 °C; 3 modes; API 520 section 4")
    ['20 m3/h', '25 °C']
    """
    found = []
    for written in written_numbers(_without_designations(text)):
        dims = unit_dimensionality(written.unit) if written.unit else None
        if dims:  # an empty dimensionality is a pure number (%, ppm)
            found.append(f"{written.value:g} {written.unit}")
    return found


def _values(text: str) -> list[str]:
    """The numbers in ``text`` that are values, not designations of documents or parts."""
    return _NUMBER.findall(_without_designations(text))


def _cued(text: str, cues: Iterable[str]) -> str | None:
    """The knowledge cue ``text`` opens with, if any.

    Only the opening counts: "… What does the fit predict at x = 2.5?" asks for a number.
    """
    opening = re.split(r"(?<=[.?!;:])\s+", text.strip())[0].lstrip("\"'(").lower()
    for cue in cues:
        if found := re.match(cue, opening, re.IGNORECASE):
            return found.group()
    return None


def route_question(question: str, text_cues: Iterable[str] = DEFAULT_TEXT_CUES) -> Route:
    """Whether ``question`` asks for a computation (``numeric``) or for knowledge (``text``).

    >>> route_question("Pump power for 20 m3/h against 35 m of head?").kind
    'numeric'
    >>> route_question("What does API 520 say about the set pressure of a relief valve?").kind
    'text'
    >>> route_question("Darcy friction factor at Re = 5000 and ε/D = 0.0002?").kind
    'numeric'
    """
    cue = _cued(question, text_cues)
    if cue is not None:
        # Before the quantities: "Why do pumps need 3 m of NPSH margin?" wants a reason.
        return Route("text", f"asks for knowledge ({cue!r})")
    quantities = written_quantities(question)
    if quantities:
        return Route("numeric", f"quantities with units: {', '.join(quantities[:3])}")
    unit = asked_unit(question)
    if unit is not None:
        return Route("numeric", f"asks for an answer in {unit}")
    values = _values(question)
    if values:
        return Route("numeric", f"values: {', '.join(values[:3])}")
    return Route("text", "no quantity, value or asked unit")
