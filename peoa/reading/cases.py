"""Split a question that asks the same thing for several cases into independent questions.

"Compute the hydraulic power for pump A (20 m3/h, 30 m head) and for pump B (40 m3/h,
25 m head)" is two problems that share their wording: each can be solved without the
other, so the meta-agent runs them at the same time. The split is deliberately narrow,
because splitting a question whose parts depend on each other ("the Reynolds number
and the friction factor") would lose the dependency:

- the cases are parenthesised groups of values, joined by "and" or commas, each
  preceded by a label of the same shape ("for pump A", "for pump B");
- every group gives values of the same dimensions, in the same order (the same kind
  of case).

Anything else is left whole (``[]``) and the planner decides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from peoa.reading.model import Mention

__all__ = ["split_independent"]

_GROUP = re.compile(r"\(([^()]*)\)")
# Between two cases: a comma or "and", then the next case's label (a few words).
_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?P<label>[\w\s\-]{0,40}?)\s*$", re.IGNORECASE)


def split_independent(question: str, mentions: Sequence[Mention]) -> list[str]:
    """The self-contained questions that ``question`` asks side by side, or ``[]``.

    ``mentions`` are the question's values (:func:`peoa.reading.mentions.read_mentions`).

    >>> from peoa.reading.mentions import read_mentions
    >>> q = "Hydraulic power of water for pump A (20 m3/h, 30 m) and for pump B (40 m3/h, 25 m)?"
    >>> split_independent(q, read_mentions(q))
    ['Hydraulic power of water for pump A (20 m3/h, 30 m)?', 'Hydraulic power of water for pump B (40 m3/h, 25 m)?']
    >>> q = "What are the Reynolds number and the friction factor for 2 m/s?"
    >>> split_independent(q, read_mentions(q))
    []
    """

    def _units(group: re.Match[str]) -> list[str]:
        start, end = group.span(1)
        return [
            m.dimensionality
            for m in mentions
            if m.role == "data" and m.unit_written and start <= m.span[0] < end
        ]

    groups = [g for g in _GROUP.finditer(question) if _units(g)]
    best: list[re.Match[str]] = []
    labels: list[str] = []
    # The longest run of groups joined by "and"/commas whose units agree.
    for first in range(len(groups)):
        run, run_labels = [groups[first]], [""]
        for nxt in groups[first + 1 :]:
            join = _JOIN.match(question[run[-1].end() : nxt.start()])
            if join is None or _units(nxt) != _units(run[0]):
                break
            run.append(nxt)
            run_labels.append(join.group("label").strip())
        if len(run) > len(best):
            best, labels = run, run_labels
    if len(best) < 2:
        return []
    # The first case's label has as many words as the others' ("for pump B" -> "for pump A").
    width = len(labels[1].split())
    if any(len(label.split()) != width for label in labels[1:]):
        return []
    head = question[: best[0].start()].rstrip()
    head_words = head.split()
    if width > len(head_words):
        return []
    first_label = " ".join(head_words[len(head_words) - width :]) if width else ""
    if width and first_label.split()[0].lower() != labels[1].split()[0].lower():
        return []  # "for pump A … and pump B": the labels are not alike, leave it whole
    prefix = " ".join(head_words[: len(head_words) - width])
    tail = question[best[-1].end() :]
    labels[0] = first_label
    parts = []
    for label, group in zip(labels, best, strict=True):
        case = " ".join(p for p in (prefix, label, f"({group.group(1).strip()})") if p)
        parts.append(case + tail)
    return parts
