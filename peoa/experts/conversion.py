"""Recognise a plain unit conversion in a task's text: "Convert 3 bar to kPa.", or a
value stated and then asked again in another unit ("… rated for 350 US gallons per
minute. What is that flow in m³/h?").

Such a task has exactly one right tool, but embedding retrieval ranks it in a near-tie
with tools that merely mention conversion or the units (a valve flow-coefficient
conversion mentions "bar"), and a small model then picks among them by position. The
calculation expert uses :func:`plain_conversion` to offer the conversion tool alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peoa.experts.asked_unit import unit_dimensionality
from peoa.experts.grounding import written_numbers

__all__ = ["Conversion", "plain_conversion", "restated_conversion"]

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
# "What is that flow in m³/h?", "Express it in W/(m²·K).": the value is one written before.
_RESTATED = re.compile(
    r"\b(?:what\s+is|what's|express|convert|give|state)\s+(?:that|this|it)"
    rf"(?:\s+[a-z]+){{0,3}}?\s+(?:in|to|into|as)\s+{_TO}",
    re.IGNORECASE,
)
# "Convert the header pressure to kPa.": the value is one written before, under that name.
_RENAMED = re.compile(
    r"\b(?:convert|express)\s+the\s+(?P<name>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}?)"
    rf"\s+(?:to|into|in|as)\s+{_TO}",
    re.IGNORECASE,
)
# Units written as words, respelt so that the number's unit is one token pint reads.
_WORDY_UNITS = [
    (re.compile(r"\bUS\s+(gallons?)\b", re.IGNORECASE), r"\1"),
    (re.compile(r"\bimperial\s+gallons?\b", re.IGNORECASE), "imperial_gallon"),
    (re.compile(r"\b([A-Za-z]+)\s+per\s+([A-Za-z]+)\b"), r"\1/\2"),
]


@dataclass(frozen=True)
class Conversion:
    """A value, the unit it is written in and the unit wanted, as the text writes them."""

    value: float
    source: str
    target: str


def plain_conversion(text: str) -> Conversion | None:
    """The conversion ``text`` asks for when that is all it asks, else None.

    Both units must be ones pint reads, with one dimension; "Convert 10 Kv to Cv" (valve
    coefficients) or "Convert 3 bar to kg" is not a conversion of units.

    >>> plain_conversion("Convert 3 bar to kPa.")
    Conversion(value=3.0, source='bar', target='kPa')
    >>> plain_conversion("How many psi is 2.5 bar?")
    Conversion(value=2.5, source='bar', target='psi')
    >>> plain_conversion("Convert 3 bar to kPa and then find the boiling point of water.") is None
    True
    >>> plain_conversion("A pump delivers 20 m3/h against 35 m of head; what power?") is None
    True
    >>> plain_conversion("Convert 3 bar to kg.") is None
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
        source, target = match.group("source"), match.group("target").rstrip(_TRAILING)
        wanted = unit_dimensionality(target)
        if wanted is None or unit_dimensionality(source) != wanted:
            return None
        return Conversion(value, source, target)
    return None


def restated_conversion(text: str) -> Conversion | None:
    """The conversion ``text`` asks for when it states one value and asks it in another unit.

    The asking phrase refers back ("that", "this", "it", or "convert the <name>" where
    every word of the name is written before it), no question comes before it and
    nothing is asked after it, and the one number written before it has a unit of the
    asked unit's dimension; otherwise ``None``.

    >>> restated_conversion("A pump is rated for 350.0 US gallons per minute. "
    ...                     "What is that flow in m³/h?")
    Conversion(value=350.0, source='gallons/minute', target='m³/h')
    >>> restated_conversion("The heater outlet is at 662.0 °F. What is this temperature in kelvin?")
    Conversion(value=662.0, source='°F', target='kelvin')
    >>> restated_conversion("Oil: 45 cSt, 870 kg/m³. What is its dynamic viscosity in mPa·s?") is None
    True
    >>> restated_conversion("What is the dew point of air at 25 °C? Give it in °F.") is None
    True
    >>> restated_conversion("The header pressure is 7 bar. Convert the header pressure to kPa.")
    Conversion(value=7.0, source='bar', target='kPa')
    >>> restated_conversion("The inlet temperature is 300 K. Convert the outlet temperature to °C.") is None
    True
    >>> restated_conversion("A pump delivers 350 US gallons per minute. Express it in m³/h "
    ...                     "and find the power at 35 m of head.") is None
    True
    """
    for pattern, spelling in _WORDY_UNITS:
        text = pattern.sub(spelling, text)
    asked = None
    for match in _RESTATED.finditer(text):
        asked = match
    for match in _RENAMED.finditer(text):
        # The name must be the stated value's: "the outlet temperature" after an inlet
        # temperature is another quantity, which the text does not give.
        before = set(re.findall(r"[a-z]+", text[: match.start()].lower()))
        named = set(re.findall(r"[a-z]+", match.group("name").lower()))
        if named <= before:
            asked = match if asked is None or match.start() > asked.start() else asked
    # Nothing may be asked after it ("… in m³/h, then find the pump power").
    if asked is None or text[asked.end() :].strip(_TRAILING):
        return None
    target = asked.group("target").rstrip(_TRAILING)
    wanted = unit_dimensionality(target)
    if wanted is None:
        return None
    before = text[: asked.start()]
    written = written_numbers(before)
    # One value, and no question before the ask: "What is the dew point of air at 25 °C?
    # Give it in °F." asks for a computed value; so does anything with other data
    # (standard conditions, a humidity) beside the value.
    if "?" in before or len(written) != 1 or unit_dimensionality(written[0].unit) != wanted:
        return None
    return Conversion(written[0].value, written[0].unit, target)
