"""Turn a follow-up question into a self-contained one, using the thread's previous turn.

"and with 40 m head instead?" after "What hydraulic power does a pump need for 20 m3/h
at 30 m head of water?" means the earlier question with 30 m replaced by 40 m. A small
model asked to do that substitution in its head copies the old number as often as the
new one, so it is done here, deterministically:

- each quantity written in the follow-up replaces the earlier question's quantity of
  the same dimension (pint decides); when the earlier question has several of that
  dimension, the words around the numbers decide, and a tie means no rewrite;
- "what is that in hp?" (a unit and no number) converts the earlier answer.

When neither applies, :func:`resolve_follow_up` returns ``None`` and the meta-agent
shows the earlier turns to the experts as context instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pint

from peoa.tools.quantity import normalise_unit, ureg

__all__ = ["is_follow_up", "resolve_follow_up"]

# A number, an optional hyphen ("3-inch"), and the word after it (maybe a unit).
_QUANTITY = re.compile(
    r"(?<![\w.])(?P<number>[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)"
    r"(?:[ \t]?-?[ \t]?(?P<unit>%|[A-Za-z°µμ][\w°µμ/*^·.³²]*))?"
)
_WORD = re.compile(r"[a-z]+")
_STARTERS = re.compile(
    r"^\s*(and|what about|how about|what if|now|but|then|same|instead|with|at|using|for|if)\b",
    re.IGNORECASE,
)
_MARKERS = re.compile(r"\b(instead|same|again|that|this|it)\b", re.IGNORECASE)
_CONVERT = re.compile(
    r"\b(?:in|to|into)\s+(?P<unit>[A-Za-z°µμ%][\w°µμ/*^·.³²]*)\s*\??\s*$", re.IGNORECASE
)
# Words that say nothing about which quantity is meant.
_STOP = frozenset(
    re.findall(
        r"\w+",
        "a an the of at and or with for to in on by is are be what how if instead now same "
        "then but use using about its it this that than",
    )
)


@dataclass(frozen=True)
class _Written:
    start: int
    end: int
    text: str
    unit: str
    dimensionality: Any  # pint's dimensionality, or None for a bare number
    context: frozenset[str]


def _dimensionality(unit: str) -> Any:
    if not unit:
        return None
    try:
        return ureg.Quantity(1.0, normalise_unit(unit)).dimensionality
    except (pint.errors.PintError, ValueError, TypeError, AttributeError, AssertionError):
        return None


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1]


def _quantities(text: str) -> list[_Written]:
    """Each quantity with the content words near it (up to three, not past a neighbour)."""
    matches = list(_QUANTITY.finditer(text))
    found = []
    for i, match in enumerate(matches):
        unit = (match.group("unit") or "").rstrip(".,;:?")
        dims = _dimensionality(unit)
        if dims is None:
            unit = ""
        end = match.start("unit") + len(unit) if unit else match.end("number")
        left = matches[i - 1].end() if i else 0
        right = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        context = frozenset(_words(text[left : match.start()])[-3:] + _words(text[end:right])[:3])
        found.append(_Written(match.start(), end, text[match.start() : end], unit, dims, context))
    return found


def is_follow_up(question: str) -> bool:
    """Whether ``question`` reads as a continuation of the previous turn."""
    # A long question states its own problem, even when it starts with "for" or "with".
    if len(question.split()) > 12:
        return False
    return bool(_STARTERS.search(question) or _MARKERS.search(question))


def _substitute(question: str, previous: str) -> str | None:
    new = [q for q in _quantities(question) if q.dimensionality is not None]
    old = _quantities(previous)
    if not new:
        return None
    replacements: dict[int, tuple[_Written, str]] = {}
    for quantity in new:
        same = [o for o in old if o.dimensionality == quantity.dimensionality]
        # Ranked by the same unit as written, then by shared words ("head", "pipe").
        scores = [(o.unit == quantity.unit, len(o.context & quantity.context)) for o in same]
        best = max(scores, default=(False, 0))
        same = [o for o, score in zip(same, scores, strict=True) if score == best]
        if best == (False, 0) and quantity.context:
            return None  # "3-inch pipe" after a question with no pipe: not a substitution
        if len(same) != 1 or same[0].start in replacements:
            return None  # ambiguous: guessing which number changed could answer another question
        replacements[same[0].start] = (same[0], quantity.text)
    rewritten = previous
    for _, (target, text) in sorted(replacements.items(), reverse=True):
        rewritten = rewritten[: target.start] + text + rewritten[target.end :]
    return rewritten


def _conversion(question: str, turn: dict[str, Any]) -> str | None:
    answer, unit = turn.get("answer"), turn.get("unit")
    match = _CONVERT.search(question)
    if answer is None or not unit or match is None or _QUANTITY.search(question):
        return None
    target = match.group("unit")
    wanted, have = _dimensionality(target), _dimensionality(unit)
    if wanted is None or wanted != have:
        return None
    return f"Convert {answer:.6g} {unit} to {target}."


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
