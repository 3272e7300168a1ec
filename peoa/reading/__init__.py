"""The one reading of a question: what it gives, what it names, and what it asks.

:func:`read_question` is called once when a solve starts; the meta-agent keeps the
:class:`Reading` in its state, and routing, planning, argument binding, the asked
unit and the check that the given data was used all read it. Nothing else in the
engine parses numbers out of a question.

>>> r = read_question("A pump delivers 20 m3/h of water against 35 m of head. "
...                   "What hydraulic power does it need, in kW?")
>>> [m.written for m in r.data()], [s.canonical for s in r.fluids()], r.asked.unit
(['20 m3/h', '35 m'], ['water'], 'kW')
"""

from __future__ import annotations

from typing import Any

from peoa.reading.asked import asking_sentence, read_asked
from peoa.reading.cases import split_independent
from peoa.reading.followup import is_follow_up, resolve_follow_up
from peoa.reading.mentions import read_mentions
from peoa.reading.model import AskedQuantity, Mention, MentionRole, Reading, Substance
from peoa.reading.reactions import read_reactions
from peoa.reading.substances import read_phase, read_substances
from peoa.reading.units import dimensionality_of, read_unit

__all__ = [
    "AskedQuantity",
    "Mention",
    "MentionRole",
    "Reading",
    "Substance",
    "asking_sentence",
    "dimensionality_of",
    "is_follow_up",
    "read_question",
    "read_unit",
]


def read_question(question: str, earlier: dict[str, Any] | None = None) -> Reading:
    """Read ``question`` once. ``earlier`` is the thread's previous turn (``question``,
    ``resolved``, ``answer``, ``unit``): a follow-up is rewritten as a whole question
    first, and the rewrite is what is read."""
    text = question.strip()
    rewritten = resolve_follow_up(text, earlier) if earlier and text else None
    read = rewritten or text
    mentions = read_mentions(read)
    return Reading(
        text=read,
        original=text if rewritten else None,
        mentions=tuple(mentions),
        substances=tuple(read_substances(read)),
        phase=read_phase(read),
        reactions=tuple(read_reactions(read)),
        asked=read_asked(read),
        cases=tuple(split_independent(read, mentions)),
    )
