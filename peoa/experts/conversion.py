"""Recognise a plain unit conversion ("Convert 3 bar to kPa.") in a task's text.

Such a task has exactly one right tool, but embedding retrieval ranks it in a near-tie
with tools that merely mention conversion or the units (a valve flow-coefficient
conversion mentions "bar"), and a small model then picks among them by position. The
calculation expert uses :func:`plain_conversion` to offer the conversion tool alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Conversion", "plain_conversion"]

_VALUE = r"(?P<value>[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)"
# One written unit: no spaces (m3/h, kg/m^3, degF, °C, BTU/h/ft^2, psig).
_FROM = r"\s*(?P<source>[A-Za-z°µμΩ%][\w°µμΩ%/*^·.()³²¹⁻\-]*)"
_TO = r"(?P<target>[A-Za-z°µμΩ%][\w°µμΩ%/*^·.()³²¹⁻\-]*)"
_PHRASINGS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # Convert 3 bar to kPa / express 3 bar in kPa / change 3 bar into kPa
        rf"(?:please\s+)?(?:convert|express|change)\s+{_VALUE}{_FROM}\s+(?:to|into|in|as)\s+{_TO}",
        # What is 3 bar in kPa / what's 3 bar in kPa
        rf"what(?:\s+is|'s)\s+{_VALUE}{_FROM}\s+(?:in|into|to|as)\s+{_TO}",
        # How many kPa is 3 bar / how many kPa are in 3 bar
        rf"how\s+many\s+{_TO}\s+(?:is|are)(?:\s+there)?(?:\s+in)?\s+{_VALUE}{_FROM}",
        # 3 bar in kPa / 3 bar to kPa / 3 bar = ? kPa
        rf"{_VALUE}{_FROM}\s+(?:in|to|into|=\s*\??)\s*{_TO}",
    )
]
_TRAILING = ".?!:; \t\n"


@dataclass(frozen=True)
class Conversion:
    """A value, the unit it is written in and the unit wanted, as the text writes them."""

    value: float
    source: str
    target: str


def plain_conversion(text: str) -> Conversion | None:
    """The conversion ``text`` asks for when that is all it asks, else None.

    Only the phrasing is checked here; whether pint reads both units (and they share a
    dimension) is for the conversion tool to say.

    >>> plain_conversion("Convert 3 bar to kPa.")
    Conversion(value=3.0, source='bar', target='kPa')
    >>> plain_conversion("How many psi is 2.5 bar?")
    Conversion(value=2.5, source='bar', target='psi')
    >>> plain_conversion("Convert 3 bar to kPa and then find the boiling point of water.") is None
    True
    >>> plain_conversion("A pump delivers 20 m3/h against 35 m of head; what power?") is None
    True
    """
    stripped = text.strip().rstrip(_TRAILING)
    for phrasing in _PHRASINGS:
        match = phrasing.fullmatch(stripped)
        if match is None:
            continue
        try:
            value = float(match.group("value").replace(",", ""))
        except ValueError:
            return None
        return Conversion(value, match.group("source"), match.group("target").rstrip(_TRAILING))
    return None
