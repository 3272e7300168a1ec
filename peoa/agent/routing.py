"""Which expert takes a question: the calculation expert (a plan of tools) or the
knowledge expert.

A digit alone says little: "What does API 520 say about …" and "Explain the 3 modes
of heat transfer" carry digits and ask for knowledge, while "friction factor at
Re = 8000" carries no unit and asks for a number. The decision reads the question's
one reading (:mod:`peoa.reading`), in order:

1. a question that opens as a request for knowledge ("explain", "describe", "why",
   "what does … say", "according to" …, the ``text_cues`` of ``agents/meta_agent.toml``):
   knowledge, whatever numbers it quotes ("Why do pumps need 3 m of NPSH margin?");
2. a value written with a unit ("20 m3/h", "150 psig", "25 °C"), or an answer asked in
   a unit ("…, in kPa?"): a computation;
3. a value the reading takes as data (not a citation such as "API 520", "Table 4.2",
   "Churchill (1977)", a formula's constant, nor a designation such as "NPS 6"): a
   computation;
4. otherwise: knowledge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from peoa.reading.model import Reading

__all__ = ["DEFAULT_TEXT_CUES", "Route", "route_question"]

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
    r"how often\b",  # an inspection interval, a test frequency: what a document says
    r"according to\b",
    r"which (?:standard|code|section|clause)\b",
)


@dataclass(frozen=True)
class Route:
    """The kind of first step a question needs, and why (recorded in the trace)."""

    kind: Literal["numeric", "text"]
    reason: str
    cued: bool = False  # the question opens as a request for knowledge


def _cued(text: str, cues: Iterable[str]) -> str | None:
    """The knowledge cue ``text`` opens with, if any.

    Only the opening counts: "… What does the fit predict at x = 3.7?" asks for a number.
    """
    opening = re.split(r"(?<=[.?!;:])\s+", text.strip())[0].lstrip("\"'(").lower()
    for cue in cues:
        if found := re.match(cue, opening, re.IGNORECASE):
            return found.group()
    return None


def route_question(reading: Reading, text_cues: Iterable[str] = DEFAULT_TEXT_CUES) -> Route:
    """Whether the question asks for a computation (``numeric``) or for knowledge (``text``).

    >>> from peoa.reading import read_question
    >>> route_question(read_question("Pump power for 20 m3/h against 35 m of head?")).kind
    'numeric'
    >>> route_question(read_question("What does API 520 say about the set pressure?")).kind
    'text'
    >>> route_question(read_question("Darcy friction factor at Re = 8000 and ε/D = 0.0005?")).kind
    'numeric'
    """
    cue = _cued(reading.text, text_cues)
    if cue is not None:
        # Before the quantities: "Why do pumps need 3 m of NPSH margin?" wants a reason.
        return Route("text", f"asks for knowledge ({cue!r})", cued=True)
    quantities = [m.written for m in reading.with_units()]
    if quantities:
        return Route("numeric", f"quantities with units: {', '.join(quantities[:3])}")
    if reading.asked.unit is not None:
        return Route("numeric", f"asks for an answer in {reading.asked.unit_written}")
    values = [m.written for m in reading.data() if m.designation is None]
    if values:
        return Route("numeric", f"values: {', '.join(values[:3])}")
    return Route("text", "no quantity, value or asked unit")
