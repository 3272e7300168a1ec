"""Reading a tool's ``reference``: its sources, and the one an answer cites.

A reference lists sources separated by ``"; "`` and may write the formula after a colon
("HI 1.3: P = rho g Q H / eta; Corripio (1982) (fluids.pump.Corripio_eff)"). A ``;``
or ``:`` inside parentheses belongs to the source ("(HI 1.3; Karassik)"), a colon
without a space after it is a standard's year or a DOI ("ISO 5167:2003",
"doi:10.1021/ie50269a003"), and a library function named in parentheses is for the
developer, not for the reader of an answer.

>>> sources("Crane TP-410 (2009) A-26..A-29 (fluids.fittings.*_Crane)")
['Crane TP-410 (2009) A-26..A-29 (fluids.fittings.*_Crane)']
>>> sources("Pump affinity laws (HI 1.3; Karassik, Pump Handbook): Q ~ N D; HI 9.6.7")
['Pump affinity laws (HI 1.3; Karassik, Pump Handbook): Q ~ N D', 'HI 9.6.7']
>>> cited_source("Crane TP-410 (2009) A-26..A-29 (fluids.fittings.*_Crane)")
('Crane TP-410 (2009) A-26..A-29', None)
>>> cited_source("Pump affinity laws (HI 1.3; Karassik, Pump Handbook): Q ~ N D")
('Pump affinity laws (HI 1.3; Karassik, Pump Handbook)', 'Q ~ N D')
>>> cited_source("Fenske, Ind. Eng. Chem. 24 (1932) 482, doi:10.1021/ie50269a003")
('Fenske, Ind. Eng. Chem. 24 (1932) 482, doi:10.1021/ie50269a003', None)
"""

from __future__ import annotations

import re

__all__ = ["cited_source", "sources"]

# A library function named in a reference ("fluids.pump.Corripio_pump_efficiency"), alone
# or as a parenthesised list; a reader of the answer has no use for it.
_CODE = r"[a-z][a-z_]*(?:\.[A-Za-z_*][\w*]*)+"
_CODE_NOTE = re.compile(rf"\s*\((?:{_CODE}|[a-z_]+)(?:,\s*(?:{_CODE}|[a-z_]+))*\)|,?\s*{_CODE}")


def _without_code(text: str) -> str:
    text = _CODE_NOTE.sub("", text)
    text = re.sub(r"\(\s*[,;]\s*", "(", text)  # "(fluids.x, y)" leaves "(, y)"
    return re.sub(r"\s*\(\s*\)", "", text).strip(" ,;")


def _outside_parentheses(text: str, wanted: str, start: int = 0) -> int:
    """Where ``wanted`` first occurs at or after ``start`` outside parentheses (and, for a
    colon, before a space); -1 when it does not."""
    depth = 0
    for position, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        spaced = wanted != ":" or text[position + 1 : position + 2] in (" ", "")
        if position >= start and char == wanted and depth == 0 and spaced:
            return position
    return -1


def sources(reference: str) -> list[str]:
    """The sources a reference lists, in order."""
    found, start = [], 0
    while (end := _outside_parentheses(reference, ";", start)) >= 0:
        found.append(reference[start:end].strip())
        start = end + 1
    found.append(reference[start:].strip())
    return [source for source in found if source]


def cited_source(reference: str) -> tuple[str, str | None]:
    """The source a reference names first, without library names, and the formula it
    writes after a colon."""
    listed = sources(reference)
    first = _without_code(listed[0] if listed else "")
    colon = _outside_parentheses(first, ":")
    if colon < 0:
        return first, None
    return first[:colon].strip(), first[colon + 1 :].strip() or None
