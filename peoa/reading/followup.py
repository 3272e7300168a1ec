"""Turn a follow-up question into a self-contained one, using the thread's previous turn.

"and with 40 m head instead?" after "What hydraulic power does a pump need for 20 m3/h
at 30 m head of water?" means the earlier question with 30 m replaced by 40 m. A small
model asked to do that substitution in its head copies the old number as often as the
new one, so it is done here, over the two questions' mentions:

- each value written in the follow-up replaces the earlier question's value of the
  same dimensionality; when the earlier question has several of it, the words around
  the values decide, and a tie means no rewrite;
- "what is that in hp?" (a unit and no value) converts the earlier answer.

When neither applies, :func:`resolve_follow_up` returns ``None`` and the reading is of
the question as asked.
"""

from __future__ import annotations

import re
from typing import Any

from peoa.reading.asked import read_asked
from peoa.reading.mentions import read_mentions
from peoa.reading.model import Mention
from peoa.reading.units import dimensionality_of

__all__ = ["is_follow_up", "resolve_follow_up"]

_STARTERS = re.compile(
    r"^\s*(and|what about|how about|what if|now|but|then|same|instead|with|at|using|for|if)\b",
    re.IGNORECASE,
)
_MARKERS = re.compile(r"\b(instead|same|again|that|this|it)\b", re.IGNORECASE)
_STOP = frozenset(
    """
    a an the of at and or with for to in on by is are be what how if instead now same
    then but use using about its it this that than
    """.split()
)


def is_follow_up(question: str) -> bool:
    """Whether ``question`` reads as a continuation of the previous turn."""
    # A long question states its own problem, even when it starts with "for" or "with".
    if len(question.split()) > 12:
        return False
    return bool(_STARTERS.search(question) or _MARKERS.search(question))


def _context(mention: Mention) -> set[str]:
    near = [*mention.before[:3], *mention.after[:3]]
    return {w.lower() for w in near if w.lower() not in _STOP and len(w) > 1}


def _substitute(question: str, previous: str) -> str | None:
    new = [m for m in read_mentions(question) if m.role == "data" and m.unit_written]
    old = [m for m in read_mentions(previous) if m.role == "data"]
    if not new:
        return None
    replacements: dict[int, tuple[Mention, str]] = {}
    for mention in new:
        same = [o for o in old if o.dimensionality == mention.dimensionality]
        # Ranked by the same unit as written, then by shared words ("head", "pipe").
        scores = [(o.unit == mention.unit, len(_context(o) & _context(mention))) for o in same]
        best = max(scores, default=(False, 0))
        same = [o for o, score in zip(same, scores, strict=True) if score == best]
        if best == (False, 0) and _context(mention):
            return None  # "3-inch pipe" after a question with no pipe: not a substitution
        if len(same) != 1 or same[0].span[0] in replacements:
            return None  # ambiguous: guessing which number changed could answer another question
        replacements[same[0].span[0]] = (same[0], mention.written)
    rewritten = previous
    for _, (target, text) in sorted(replacements.items(), reverse=True):
        rewritten = rewritten[: target.span[0]] + text + rewritten[target.span[1] :]
    return rewritten


def _conversion(question: str, turn: dict[str, Any]) -> str | None:
    answer, unit = turn.get("answer"), turn.get("unit")
    asked = read_asked(question)
    if answer is None or not unit or asked.unit is None:
        return None
    if any(m.role == "data" for m in read_mentions(question)):
        return None
    if asked.dimensionality != dimensionality_of(unit):
        return None
    return f"Convert {answer:.6g} {unit} to {asked.unit_written}."


def resolve_follow_up(question: str, turn: dict[str, Any]) -> str | None:
    """The self-contained question that ``question`` asks after the earlier ``turn``.

    ``turn`` is a conversation entry (``question``, ``resolved``, ``answer``, ``unit``).
    Returns ``None`` when ``question`` is not a follow-up or cannot be rewritten safely.

    >>> turn = {"question": "Pump power for 20 m3/h at 30 m head of water?", "answer": 1.6,
    ...         "unit": "kW"}
    >>> resolve_follow_up("and with 40 m head instead?", turn)
    'Pump power for 20 m3/h at 40 m head of water?'
    >>> resolve_follow_up("What is that in hp?", turn)
    'Convert 1.6 kW to hp.'
    """
    previous = turn.get("resolved") or turn.get("question") or ""
    if not previous or not is_follow_up(question):
        return None
    return _conversion(question, turn) or _substitute(question, previous)
