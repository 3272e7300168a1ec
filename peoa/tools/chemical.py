"""Resolve a chemical named by a model (name, CAS number or formula) to one identity.

CoolProp's reference fluids are matched first (by name, alias or CAS), so that a
property tool can prefer the reference equation of state; everything else is found
through ``chemicals.identifiers.CAS_from_any``. An unknown identifier raises
:class:`~peoa.exceptions.UnknownChemicalError` with close matches.

>>> water = resolve_chemical("water")
>>> water.CAS, water.formula, water.coolprop
('7732-18-5', 'H2O', 'Water')
>>> resolve_chemical("108-88-3").name
'toluene'
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel
from rapidfuzz import fuzz, process

from peoa.exceptions import UnknownChemicalError

__all__ = [
    "Chemical",
    "coolprop_fluids",
    "resolve_argument",
    "resolve_chemical",
    "suggest_chemicals",
]


class Chemical(BaseModel):
    """A resolved chemical: identity and, if it has one, its CoolProp fluid name."""

    query: str
    name: str
    CAS: str
    formula: str
    MW: float  # g/mol
    coolprop: str | None = None


@lru_cache(maxsize=1)
def coolprop_fluids() -> dict[str, str]:
    """CoolProp's pure fluids: lower-case name or alias or CAS -> CoolProp name."""
    try:
        import CoolProp.CoolProp as CP
    except ImportError:  # CoolProp is a dependency, but thermo covers every tool without it
        return {}
    table: dict[str, str] = {}
    for fluid in CP.get_global_param_string("FluidsList").split(","):
        keys = [fluid, CP.get_fluid_param_string(fluid, "CAS")]
        keys += CP.get_fluid_param_string(fluid, "aliases").split(",")
        for key in keys:
            if key.strip():
                table.setdefault(key.strip().lower(), fluid)
    return table


def _coolprop_cas(fluid: str) -> str:
    import CoolProp.CoolProp as CP

    return CP.get_fluid_param_string(fluid, "CAS")


def _from_coolprop(query: str, fluid: str) -> Chemical:
    import CoolProp.CoolProp as CP

    formula = CP.get_fluid_param_string(fluid, "formula")
    return Chemical(
        query=query,
        name=fluid,
        CAS=_coolprop_cas(fluid),
        formula="" if formula.lower() in {"", "n/a"} else formula,
        MW=CP.PropsSI("molar_mass", fluid) * 1000.0,
        coolprop=fluid,
    )


_MAX_NAME = 200  # the longest IUPAC names in the database are well below this


@lru_cache(maxsize=1)
def _known_names() -> list[str]:
    """Every name to suggest from (about a million: built once, it takes seconds)."""
    from chemicals.identifiers import pubchem_db

    pubchem_db.autoload_main_db()
    return list(pubchem_db.name_index) + list(coolprop_fluids())


def suggest_chemicals(query: str, limit: int = 5) -> list[str]:
    """Known names closest to ``query`` (for "did you mean" messages)."""
    found = process.extract(
        query.lower(), _known_names(), scorer=fuzz.ratio, limit=limit * 3, score_cutoff=70
    )
    unique: list[str] = []
    for name, score, _ in found:
        if score >= 70 and name not in unique:
            unique.append(name)
    return unique[:limit]


@lru_cache(maxsize=2048)
def resolve_chemical(identifier: str) -> Chemical:
    """The chemical named ``identifier`` (a name, CAS number, formula or CoolProp name)."""
    from chemicals.identifiers import CAS_from_any, search_chemical

    query = identifier.strip()
    if not query:
        raise UnknownChemicalError("empty chemical name; give a name, CAS number or formula")
    if len(query) > _MAX_NAME:
        # Fuzzy suggestions over the whole name database cost O(len) per name: refuse early.
        raise UnknownChemicalError(
            f"chemical name of {len(query)} characters is too long (at most {_MAX_NAME}); "
            "give a name, CAS number or formula"
        )
    fluid = coolprop_fluids().get(query.lower())
    try:
        cas = _coolprop_cas(fluid) if fluid else CAS_from_any(query)
        meta = search_chemical(cas)
    except ValueError:
        if fluid is not None:  # a CoolProp pseudo-pure fluid such as Air
            return _from_coolprop(query, fluid)
        close = suggest_chemicals(query)
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        raise UnknownChemicalError(
            f"unknown chemical {identifier!r}{hint} (a name, CAS number or formula works)"
        ) from None
    if fluid is None:
        fluid = coolprop_fluids().get(cas)
    return Chemical(
        query=query,
        name=meta.common_name or query,
        CAS=cas,
        formula=meta.formula,
        MW=float(meta.MW),
        coolprop=fluid,
    )


def resolve_argument(argument: str, identifier: str) -> Chemical:
    """:func:`resolve_chemical` for a tool argument: the error names the argument."""
    try:
        return resolve_chemical(identifier)
    except UnknownChemicalError as error:
        raise UnknownChemicalError(f"argument {argument!r}: {error}") from None
