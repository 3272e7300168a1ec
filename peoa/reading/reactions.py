"""Chemical equations a question writes: "CO + H2O(g) → CO2 + H2", "CH4 + 2 O2 -> CO2 + 2 H2O".

>>> (r,) = read_reactions("the water-gas shift CO + H2O(g) → CO2 + H2, in kJ/mol")
>>> r.species, r.coefficients, r.phases
(('CO', 'H2O', 'CO2', 'H2'), (-1.0, -1.0, 1.0, 1.0), (None, 'gas', None, None))
>>> read_reactions("A + B ⇌ C + D")[0].coefficients
(-1.0, -1.0, 1.0, 1.0)
"""

from __future__ import annotations

import re

from peoa.reading.model import Reaction

__all__ = ["read_reactions"]

_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_PHASES = {"g": "gas", "l": "liquid", "s": "solid", "aq": "aqueous"}
_TERM = r"(?:\d+(?:\.\d+)?\s*)?[A-Z][A-Za-z0-9₀-₉]*(?:\s?\((?:g|l|s|aq)\))?"
_SIDE = rf"{_TERM}(?:\s*\+\s*{_TERM})*"
_EQUATION = re.compile(rf"(?P<left>{_SIDE})\s*(?:→|->|⟶|⇌|<=>|<->|=>|⇄|=)\s*(?P<right>{_SIDE})")
_ONE = re.compile(
    r"(?:(?P<coef>\d+(?:\.\d+)?)\s*)?(?P<name>[A-Z][A-Za-z0-9₀-₉]*)(?:\s?\((?P<phase>g|l|s|aq)\))?"
)


def _side(text: str, sign: float) -> list[tuple[str, float, str | None]]:
    terms = []
    for part in text.split("+"):
        match = _ONE.fullmatch(part.strip())
        if match is None:
            return []
        coefficient = float(match.group("coef") or 1.0)
        name = match.group("name").translate(_SUBSCRIPTS)
        terms.append((name, sign * coefficient, _PHASES.get(match.group("phase") or "")))
    return terms


def read_reactions(text: str) -> list[Reaction]:
    """The chemical equations in ``text``, in order."""
    found = []
    for match in _EQUATION.finditer(text):
        left, right = _side(match.group("left"), -1.0), _side(match.group("right"), 1.0)
        # "Re = 5000" or "Z = 0.93" is no equation: both sides name species.
        if not left or not right or text[match.end("left") : match.start("right")].strip() == "=":
            continue
        terms = left + right
        found.append(Reaction(species=tuple(t[0] for t in terms),
                              coefficients=tuple(t[1] for t in terms),
                              phases=tuple(t[2] for t in terms), span=match.span()))  # fmt: skip
    return found
