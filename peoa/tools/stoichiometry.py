"""Stoichiometry: molar masses, balancing equations, limiting reactants and composition
conversions.

Formulas are read with ``chemicals.elements.nested_formula_parser`` (parentheses and
brackets, ``Ca(OH)2``, ``Fe2(SO4)3``; a hydrate as ``CuSO4·5H2O``), and a name, CAS
number or formula the formula reader does not take is looked up with
:func:`peoa.tools.chemical.resolve_argument`. Molar masses come from
``chemicals.elements.molecular_weight`` (IUPAC standard atomic weights), equations are
balanced by ``chemicals.reaction.balance_stoichiometry`` (the null space of the element
matrix) and mixture conversions use ``chemicals.utils``. Combustion air, which reads its
fuel the same way, is in :mod:`peoa.tools.combustion`.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Annotated, Any

from peoa.exceptions import ToolInputError, UnknownChemicalError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn
from peoa.tools.chemical import resolve_argument

__all__ = [
    "BURNING_WORDS",
    "TOOLS",
    "balance_reaction",
    "composition_convert",
    "element_mass_fraction",
    "limiting_reactant",
    "molar_mass",
    "parse_formula",
    "read_species",
]

# Words that say something burns: the combustion tools are offered only then.
BURNING_WORDS = ("combustion", "combust", "burn", "burns", "burned", "burnt", "burning")

_MAX_COUNT = 1e6  # atoms of one element in a molecule (a polymer's repeat unit is given)
_MAX_SPECIES = 50  # a reaction or mixture of more species is no hand problem
# A formula: element symbols, counts (decimals allowed: CH1.8O0.5), parentheses and
# brackets; a hydrate's dot (·, •, *) joins parts, each with a leading multiplier.
_TOKEN = re.compile(r"[A-Z][a-z]?|\d+(?:\.\d+)?|[()\[\]]")
_FORMULA = re.compile(r"^(?:[A-Z][a-z]?|\d+(?:\.\d+)?|[()\[\]])+$")
_HYDRATE_DOT = re.compile(r"\s*[·•*]\s*")
_LEADING = re.compile(r"^(\d+(?:\.\d+)?)(.+)$")


def _parse_part(part: str, whole: str) -> dict[str, float]:
    from chemicals.elements import nested_formula_parser, periodic_table

    depth = 0
    for token in _TOKEN.findall(part):
        if token in "([":
            depth += 1
        elif token in ")]":
            depth -= 1
            if depth < 0:
                break
    if depth != 0:
        raise ToolInputError(f"formula {whole!r} has unbalanced parentheses")
    unknown = [t for t in _TOKEN.findall(part) if t[0].isalpha() and t not in periodic_table]
    if unknown:
        raise ToolInputError(
            f"formula {whole!r} has unknown element symbol {unknown[0]!r} "
            "(symbols are case-sensitive: Co is cobalt, CO carbon monoxide)"
        )
    try:
        atoms = nested_formula_parser(part.replace("[", "(").replace("]", ")"))
    except Exception:  # the parser raises IndexError/ValueError on malformed text
        raise ToolInputError(f"formula {whole!r} cannot be read") from None
    try:
        return {element: float(count) for element, count in atoms.items()}
    except OverflowError:
        raise ToolInputError(f"formula {whole!r} has a count too large for a molecule") from None


def parse_formula(formula: str) -> dict[str, float]:
    """Atoms of a chemical formula (``"Ca(OH)2"`` -> ``{"Ca": 1, "O": 2, "H": 2}``);
    :class:`ToolInputError` with the reason when it is no formula.

    >>> parse_formula("CuSO4·5H2O")
    {'Cu': 1.0, 'S': 1.0, 'O': 9.0, 'H': 10.0}
    """
    text = formula.strip()
    atoms: dict[str, float] = {}
    for index, part in enumerate(_HYDRATE_DOT.split(text)):
        multiplier = 1.0
        leading = _LEADING.match(part)
        if index > 0 and leading is not None:
            multiplier, part = float(leading.group(1)), leading.group(2)
        if not part or not _FORMULA.match(part) or part[0].isdigit():
            raise ToolInputError(
                f"{formula!r} is not a chemical formula (e.g. 'H2SO4', 'Ca(OH)2', "
                "'CuSO4·5H2O'; element symbols are case-sensitive)"
            )
        for element, count in _parse_part(part, text).items():
            atoms[element] = atoms.get(element, 0.0) + multiplier * count
    if any(n > _MAX_COUNT for n in atoms.values()):
        raise ToolInputError(f"formula {formula!r} has a count above {_MAX_COUNT:g}")
    if not atoms or any(not math.isfinite(n) or n <= 0 for n in atoms.values()):
        raise ToolInputError(f"formula {formula!r} must name each element with a count above 0")
    return atoms


@lru_cache(maxsize=1024)
def _species(argument: str, text: str) -> tuple[str, tuple[tuple[str, float], ...]]:
    """``(formula, atoms)`` of a species given as a formula or a chemical name."""
    query = text.strip()
    if not query:
        raise ToolInputError(f"argument {argument!r}: empty species; give a formula or a name")
    formula_like = query[0].isupper() or query[0] in "(["
    if formula_like and _FORMULA.match(_HYDRATE_DOT.sub("", query)):
        try:
            return query, tuple(parse_formula(query).items())
        except ToolInputError as formula_error:
            # An abbreviation that reads like a formula ("MEK", "THF") may be a name.
            from chemicals.identifiers import CAS_from_any

            try:
                if not query.isalpha():
                    raise ValueError(query)
                CAS_from_any(query)
            except Exception:
                raise ToolInputError(f"argument {argument!r}: {formula_error}") from None
    try:
        chemical = resolve_argument(argument, query)
    except UnknownChemicalError as error:
        raise UnknownChemicalError(
            f"{error}; or give its formula, e.g. 'H2SO4' or 'Ca(OH)2'".replace("\n", " ")
        ) from None
    if not chemical.formula:
        raise ToolInputError(
            f"argument {argument!r}: no formula is known for {chemical.name!r}; give its formula"
        )
    try:
        atoms = parse_formula(chemical.formula)
    except ToolInputError:
        raise ToolInputError(
            f"argument {argument!r}: the formula {chemical.formula!r} of {chemical.name!r} "
            "cannot be read; give a formula instead"
        ) from None
    return chemical.formula, tuple(atoms.items())


def read_species(argument: str, text: str) -> tuple[str, dict[str, float]]:
    """The formula used and the atoms of a species given as a formula, a name or a CAS
    number; the error names ``argument`` when it is none of them."""
    written, pairs = _species(argument, text)
    return written, dict(pairs)


def _atoms(argument: str, text: str) -> dict[str, float]:
    return dict(_species(argument, text)[1])


def _molecular_weight(atoms: dict[str, float]) -> float:
    from chemicals.elements import molecular_weight

    return float(molecular_weight(atoms))


def _hill(atoms: dict[str, float]) -> str:
    from chemicals.elements import atoms_to_Hill

    hill: str = atoms_to_Hill(
        {e: (int(n) if float(n).is_integer() else n) for e, n in atoms.items()}
    )
    return hill


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:g}"


def _check_names(argument: str, names: list[str], minimum: int = 1) -> None:
    if len(names) < minimum:
        raise ToolInputError(f"argument {argument!r}: give at least {minimum} species")
    if len(names) > _MAX_SPECIES:
        raise ToolInputError(f"argument {argument!r}: at most {_MAX_SPECIES} species")


# -- molar mass -------------------------------------------------------------------------
@tool(
    topic="stoichiometry",
    reference="IUPAC standard atomic weights (chemicals.elements.molecular_weight, "
    "mass_fractions, nested_formula_parser); Felder & Rousseau, Elementary Principles of "
    "Chemical Processes 4th ed. sec. 3.3a; Himmelblau & Riggs, Basic Principles and "
    "Calculations in Chemical Engineering 8th ed.",
    outputs={
        "MW": Out("g/mol", "molar mass (molecular weight)", kind="molar_mass"),
        "formula": Out(None, "the formula used, in Hill order"),
        "elements": Out(None, "element symbols, in the order of the lists below"),
        "atoms": Out("", "number of atoms of each element per molecule", many=True),
        "mass_fractions": Out("", "mass fraction of each element", kind="mass_fraction", many=True),
    },
)
def molar_mass(
    formula: Annotated[
        str,
        P(
            "chemical formula (H2SO4, Ca(OH)2, C6H12O6, CuSO4·5H2O) or a chemical name "
            "or CAS number",
            chemical=True,
        ),
    ],
) -> Outcome:
    """Molar mass (molecular weight) of a compound from its chemical formula or name, and
    the mass fraction of each element in it (elemental composition by weight).

    Notes
    -----
    Exact sums of the IUPAC standard atomic weights as ``chemicals.elements`` tabulates
    them (H 1.00794, C 12.0107, O 15.9994); a hydrate adds its water. Charges are not
    read, so give an ion's neutral formula; an unknown element symbol, unbalanced
    parentheses, or a name the chemical database does not know is refused.

    Examples
    --------
    Sulfuric acid: 2 (1.00794) + 32.065 + 4 (15.9994) = 98.078 g/mol.

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("molar_mass", {"formula": "H2SO4"})
    >>> round(r.value("MW"), 3)
    98.078
    """
    from chemicals.elements import mass_fractions

    written, pairs = _species("formula", formula)
    atoms = dict(pairs)
    fractions = mass_fractions(atoms)
    elements = list(atoms)
    return Outcome(
        {
            "MW": _molecular_weight(atoms),
            "formula": _hill(atoms),
            "elements": elements,
            "atoms": [atoms[e] for e in elements],
            "mass_fractions": [fractions[e] for e in elements],
        },
        method=f"formula {written}",
    )


def _element_names() -> tuple[str, ...]:
    from chemicals.elements import periodic_table

    return tuple(e.name.lower() for e in periodic_table)


@tool(
    topic="stoichiometry",
    reference="IUPAC standard atomic weights (chemicals.elements.mass_fractions); Felder & "
    "Rousseau, Elementary Principles of Chemical Processes 4th ed. sec. 3.3a",
    outputs={
        "mass_fraction": Out("", "mass fraction of the element in the compound", kind="mass_fraction"),
        "atoms": Out("", "atoms of the element per molecule", kind="count"),
        "MW": Out("g/mol", "molar mass of the compound", kind="molar_mass"),
    },
)  # fmt: skip
def element_mass_fraction(
    formula: Annotated[
        str,
        P("chemical formula (C6H12O6, Ca(OH)2) or a chemical name or CAS number", chemical=True),
    ],
    element: Annotated[str, P("the element, by name (carbon, oxygen)", choices=_element_names())],
) -> Outcome:
    """Mass fraction (weight fraction, mass percent / 100) of one element in a compound
    from its formula: atoms x atomic weight / molar mass.

    Notes
    -----
    Exact for any formula PEOA can parse or any chemical it can name; the atomic weights
    are IUPAC's standard values, so isotopically enriched material differs.

    Examples
    --------
    Glucose is 40.0 % carbon by mass:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("element_mass_fraction", {"formula": "C6H12O6", "element": "carbon"})
    >>> round(r.value("mass_fraction"), 4)
    0.4001
    """
    from chemicals.elements import mass_fractions, periodic_table

    written, pairs = _species("formula", formula)
    atoms = dict(pairs)
    symbol = periodic_table[element.capitalize()].symbol
    if symbol not in atoms:
        raise ToolInputError(f"element_mass_fraction: {written} has no {element} ({symbol})")
    return Outcome(
        {
            "mass_fraction": mass_fractions(atoms)[symbol],
            "atoms": atoms[symbol],
            "MW": _molecular_weight(atoms),
        },
        method=f"formula {written}, {symbol}",
    )


# -- balancing --------------------------------------------------------------------------


@tool(
    topic="stoichiometry",
    reference="Element balances solved for the null space of the element matrix "
    "(chemicals.reaction.stoichiometric_matrix, balance_stoichiometry; Smith & Missen, "
    "J. Chem. Educ. 74 (1997) 1369, doi:10.1021/ed074p1369); Felder & Rousseau 4th ed. "
    "sec. 4.6a",
    outputs={
        "equation": Out(None, "the balanced equation as text"),
        "species": Out(None, "the species, reactants then products"),
        "coefficients": Out(
            "", "smallest whole-number coefficients, reactants then products", many=True
        ),
        "stoichiometry": Out(
            "",
            "signed coefficients, negative for reactants (as heat_of_reaction and "
            "limiting_reactant take them)",
            many=True,
        ),
    },
)
def balance_reaction(
    reactants: Annotated[
        list[str], P("chemical formulas (or names) of the reactants", chemical=True)
    ],
    products: Annotated[
        list[str], P("chemical formulas (or names) of the products", chemical=True)
    ],
) -> dict[str, Any]:
    """Balance a chemical equation from the formulas of its reactants and products: the
    smallest whole-number stoichiometric coefficients that conserve every element, and
    the balanced equation as text (e.g. C3H8 + 5 O2 -> 3 CO2 + 4 H2O).

    Notes
    -----
    One reaction: the element matrix must have a one-dimensional null space. Species that
    balance in two independent ways (a combination of reactions) or in none are refused,
    as is a species on the wrong side (a negative coefficient). Charges are not balanced,
    so ionic equations are outside it; decimal counts (CH1.8O0.5) are read.

    Examples
    --------
    Propane burning: C gives 3 CO2, H gives 4 H2O, and 6 + 4 O atoms need 5 O2.

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("balance_reaction", {"reactants": ["C3H8", "O2"],
    ...     "products": ["CO2", "H2O"]})
    >>> r.value("equation")
    'C3H8 + 5 O2 -> 3 CO2 + 4 H2O'
    """
    from chemicals.reaction import balance_stoichiometry, stoichiometric_matrix

    _check_names("reactants", reactants)
    _check_names("products", products)
    species = [*reactants, *products]
    atoms = [_atoms("reactants", s) for s in reactants]
    atoms += [_atoms("products", s) for s in products]
    if len({s.strip() for s in species}) < len(species):
        raise ToolInputError("a species is named twice; name each reactant and product once")
    left = {e for a in atoms[: len(reactants)] for e in a}
    right = {e for a in atoms[len(reactants) :] for e in a}
    if left != right:
        missing = sorted(left ^ right)
        raise ToolInputError(
            f"the reaction cannot be balanced: element(s) {', '.join(missing)} appear on one "
            "side only"
        )
    matrix = stoichiometric_matrix(atoms, [True] * len(reactants) + [False] * len(products))
    try:
        coefficients = balance_stoichiometry(matrix)
    except ValueError as error:
        reason = (
            "it balances in more than one independent way (a combination of reactions); "
            "split it into single reactions"
            if "underdetermined" in str(error)
            else "no set of coefficients conserves every element"
        )
        raise ToolInputError(f"the reaction cannot be balanced: {reason}") from None
    except Exception:  # numerical trouble in the null space or the integer search
        raise ToolInputError("the reaction cannot be balanced with whole numbers") from None
    if len(coefficients) != len(species) or not all(
        math.isfinite(c) and c > 0 for c in coefficients
    ):
        raise ToolInputError(
            "the reaction cannot be balanced with every reactant consumed and every product "
            "formed; check which side each species is on"
        )
    text = [
        f"{_number(c)} {s}" if c != 1 else s for c, s in zip(coefficients, species, strict=True)
    ]
    equation = " + ".join(text[: len(reactants)]) + " -> " + " + ".join(text[len(reactants) :])
    signed = [-c for c in coefficients[: len(reactants)]] + list(coefficients[len(reactants) :])
    if _unbalanced(atoms, signed):  # the library's integer search gave up: not balanced
        raise ToolInputError(
            "the reaction cannot be balanced: no set of coefficients conserves every element"
        )
    return {
        "equation": equation,
        "species": species,
        "coefficients": [float(c) for c in coefficients],
        "stoichiometry": [float(c) for c in signed],
    }


# -- limiting reactant ------------------------------------------------------------------
@tool(
    topic="stoichiometry",
    reference="Felder & Rousseau, Elementary Principles of Chemical Processes 4th ed. "
    "sec. 4.6b (limiting and excess reactants, fractional conversion, extent of reaction "
    "n_i = n_i0 + nu_i xi; Example 4.6-1)",
    outputs={
        "limiting_reactant": Out(None, "the limiting reactant, as named"),
        "percent_excess": Out(
            None, "percent excess of each reactant over the limiting reactant's need, by name"
        ),
        "extent": Out("mol", "extent of reaction xi", kind="extent_of_reaction"),
        "outlet_moles": Out(
            "mol",
            "moles of each species after reaction, in species order",
            kind="amount",
            many=True,
        ),
        "outlet_masses": Out(
            "kg",
            "mass of each species after reaction (null when a species is no known chemical)",
            kind="mass",
            many=True,
        ),
        "conversions": Out(
            "",
            "fractional conversion of each species fed that reacts (0 for the others)",
            kind="conversion",
            many=True,
        ),
    },
    alternatives=[("feed_moles", "feed_masses")],
    cues=(
        "limiting",
        "excess",
        "react",
        "reacts",
        "reacted",
        "reaction",
        "conversion",
        "extent",
        "yield",
        "produced",
        "formed",
        "consumed",
    ),
)
def limiting_reactant(
    species: Annotated[
        list[str],
        P(
            "chemical formulas or names of the species of the balanced reaction, inerts included",
            chemical=True,
            reaction="species",
        ),
    ],
    stoichiometry: Annotated[
        list[float],
        P(
            "stoichiometric coefficients, in species order: negative for reactants, "
            "positive for products, 0 for inerts",
            reaction="coefficients",
        ),
    ],
    feed_moles: Annotated[
        list[float] | None,
        Q("amount", "moles of each species fed, in species order (0 when not fed)", ge=0),
    ] = None,
    feed_masses: Annotated[
        list[float] | None,
        Q("mass", "mass of each species fed, in species order (0 when not fed)", ge=0),
    ] = None,
    conversion: Annotated[
        float,
        Q("conversion", "fractional conversion of the limiting reactant", ge=0, le=1),
    ] = 1.0,
) -> Outcome:
    """Limiting reactant of a balanced reaction from the feed (moles, or masses converted
    with the molar masses), the percent excess of each other reactant, the extent of
    reaction at a given conversion of the limiting reactant (default complete) and the
    moles and masses of every species after reaction. For flows, take one unit of time
    as the basis.

    Notes
    -----
    One balanced reaction (the element balance is checked when every species is a known
    chemical). The limiting reactant has the smallest feed over its coefficient; the
    conversion applies to it and the percent excess is over its stoichiometric need. A
    species that is no known chemical gets no outlet mass, with a warning.

    Examples
    --------
    Felder & Rousseau's acrylonitrile example (sec. 4.6b): 100 mol of feed, 10 % propylene,
    12 % ammonia and 78 % air (16.4 mol O2), 30 % conversion: propylene limits, ammonia
    is 20 % and oxygen 9.3 % in excess, and 3.0 mol of acrylonitrile form.

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("limiting_reactant", {"species": ["C3H6", "NH3", "O2",
    ...     "C3H3N", "H2O"], "stoichiometry": [-1, -1, -1.5, 1, 3], "feed_moles": ["10 mol",
    ...     "12 mol", "16.4 mol", "0 mol", "0 mol"], "conversion": 0.3})
    >>> excess = r.value("percent_excess")
    >>> r.value("limiting_reactant"), round(excess["NH3"], 1), round(excess["O2"], 1)
    ('C3H6', 20.0, 9.3)
    >>> round(r.value("outlet_moles")[3], 3)
    3.0
    """
    _check_names("species", species, minimum=2)
    if len(stoichiometry) != len(species):
        raise ToolInputError("give one stoichiometric coefficient per species")
    if not any(nu < 0 for nu in stoichiometry) or not any(nu > 0 for nu in stoichiometry):
        raise ToolInputError(
            "the stoichiometry needs a reactant (negative coefficient) and a product "
            "(positive coefficient)"
        )
    if len(set(species)) < len(species):
        raise ToolInputError("a species is named twice; name each species once")
    if (feed_moles is None) == (feed_masses is None):
        raise ToolInputError("give the feed as 'feed_moles' or as 'feed_masses' (one of them)")
    feed = feed_moles if feed_moles is not None else feed_masses
    assert feed is not None
    if len(feed) != len(species):
        which = "feed_moles" if feed_moles is not None else "feed_masses"
        raise ToolInputError(f"argument {which!r}: give one amount per species (0 when not fed)")
    notes: list[str] = []
    # the molar masses, or None when a species is no known chemical (no balance then)
    weights: list[float] | None = None
    known: list[float] = []
    atoms: list[dict[str, float]] = []
    for name in species:
        try:
            found = _atoms("species", name)
        except ToolInputError:
            if feed_masses is not None:
                raise
            notes.append(
                f"species {name!r} is no known chemical or formula: the outlet masses are not "
                "given and the element balance is not checked"
            )
            break
        atoms.append(found)
        known.append(_molecular_weight(found))
    else:
        weights = known
    if weights is not None:
        _check_balanced(atoms, stoichiometry)
    if feed_masses is not None:
        assert weights is not None
        moles = [m / (w / 1000.0) for m, w in zip(feed_masses, weights, strict=True)]
    else:
        moles = list(feed)
    reactants = [i for i, nu in enumerate(stoichiometry) if nu < 0]
    ratios = {i: moles[i] / -stoichiometry[i] for i in reactants}
    key = min(reactants, key=lambda i: ratios[i])
    need = ratios[key]  # extent of complete conversion of the limiting reactant
    if need == 0:
        notes.append(
            f"the limiting reactant {species[key]!r} is not fed: nothing reacts and the "
            "excess of the other reactants is undefined"
        )
    excess = {
        species[i]: (100.0 * (ratios[i] - need) / need if need > 0 else None) for i in reactants
    }
    ties = [species[i] for i in reactants if i != key and ratios[i] == need]
    if ties and need > 0:
        notes.append(
            f"{species[key]!r} and {', '.join(map(repr, ties))} are fed in stoichiometric "
            "proportion: all are limiting"
        )
    extent = conversion * need
    scale = max(max(moles), 1e-300)
    outlet = []
    for n0, nu in zip(moles, stoichiometry, strict=True):
        n = n0 + nu * extent
        outlet.append(0.0 if abs(n) < 1e-12 * scale else n)
    conversions = [
        (-nu * extent / n0 if nu < 0 and n0 > 0 else 0.0)
        for n0, nu in zip(moles, stoichiometry, strict=True)
    ]
    masses = (
        None if weights is None else [n * w / 1000.0 for n, w in zip(outlet, weights, strict=True)]
    )
    return Outcome(
        {
            "limiting_reactant": species[key],
            "percent_excess": excess,
            "extent": extent,
            "outlet_moles": outlet,
            "outlet_masses": masses,
            "conversions": conversions,
        },
        warnings=notes,
    )


def _unbalanced(atoms: list[dict[str, float]], stoichiometry: list[float]) -> list[str]:
    """The elements a reaction does not conserve, each with its net atoms per reaction."""
    off = []
    for element in sorted({e for a in atoms for e in a}):
        pairs = list(zip(stoichiometry, atoms, strict=True))
        net = sum(nu * a.get(element, 0.0) for nu, a in pairs)
        size = sum(abs(nu) * a.get(element, 0.0) for nu, a in pairs)
        if abs(net) > 1e-6 * max(size, 1.0):
            off.append(f"{element} ({net:+g})")
    return off


def _check_balanced(atoms: list[dict[str, float]], stoichiometry: list[float]) -> None:
    """Refuse a reaction whose coefficients do not conserve every element."""
    off = _unbalanced(atoms, stoichiometry)
    if off:
        raise ToolInputError(
            f"the reaction is not balanced in {', '.join(off)} atoms per reaction; balance it "
            "first (balance_reaction) or check the coefficients"
        )


# -- mixtures ---------------------------------------------------------------------------
@tool(
    topic="stoichiometry",
    reference="x_i = (w_i/M_i) / sum(w_j/M_j), M = sum x_i M_i (chemicals.utils.zs_to_ws, "
    "ws_to_zs, mixing_simple); Felder & Rousseau 4th ed. sec. 3.3b",
    outputs={
        "mole_fractions": Out(
            "", "mole fractions, in component order", kind="mole_fraction", many=True
        ),
        "mass_fractions": Out(
            "", "mass fractions, in component order", kind="mass_fraction", many=True
        ),
        "MW": Out(
            "g/mol", "average molar mass (mean molecular weight) of the mixture", kind="molar_mass"
        ),
        "molar_masses": Out("g/mol", "molar mass of each component", kind="molar_mass", many=True),
    },
    alternatives=[("mole_fractions", "mass_fractions")],
)
def composition_convert(
    components: Annotated[list[str], P("component names, CAS numbers or formulas", chemical=True)],
    mole_fractions: Annotated[
        list[float] | None,
        Q("mole_fraction", "mole fraction of each component in component order", ge=0, le=1),
    ] = None,
    mass_fractions: Annotated[
        list[float] | None,
        Q("mass_fraction", "mass fraction of each component in component order", ge=0, le=1),
    ] = None,
) -> dict[str, Any]:
    """Convert the composition of a mixture of named chemicals between mole fractions and
    mass fractions, with its average molar mass. The fractions must sum to 1 (within
    1e-6); they are not normalised.

    Notes
    -----
    Exact, with each component's molar mass from its formula (IUPAC standard atomic
    weights): x_i = (w_i / M_i) / sum(w_j / M_j). Fractions that do not sum to 1 within
    1e-6 are refused rather than normalised; two components of one formula (isomers) are
    kept, with a warning.

    Examples
    --------
    Equimolar water-ethanol: 0.5 x 18.015 / (0.5 x 18.015 + 0.5 x 46.068) = 0.2811 water
    by mass.

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("composition_convert", {"components": ["water", "ethanol"],
    ...     "mole_fractions": [0.5, 0.5]})
    >>> [round(w, 4) for w in r.value("mass_fractions")], round(r.value("MW"), 2)
    ([0.2811, 0.7189], 32.04)
    """
    from chemicals.utils import mixing_simple, ws_to_zs, zs_to_ws

    _check_names("components", components)
    if (mole_fractions is None) == (mass_fractions is None):
        raise ToolInputError("give the mole fractions or the mass fractions, one of them")
    fractions = mole_fractions if mole_fractions is not None else mass_fractions
    assert fractions is not None
    if len(fractions) != len(components):
        raise ToolInputError("give one fraction per component")
    total = math.fsum(fractions)
    if abs(total - 1.0) > 1e-6:
        raise ToolInputError(
            f"the fractions sum to {total:.6g}, not 1; give the fraction of every component"
        )
    if len({_hill(_atoms("components", c)) for c in components}) < len(components):
        warn("two components have the same formula; each is kept as given")
    weights = [_molecular_weight(_atoms("components", c)) for c in components]
    if mole_fractions is not None:
        zs = list(fractions)
        ws = zs_to_ws(zs, weights)
    else:
        ws = list(fractions)
        zs = ws_to_zs(ws, weights)  # type: ignore[arg-type]  # chemicals' annotation says int
    molar_mass = mixing_simple(zs, weights)
    assert molar_mass is not None  # None stands for a missing property; every weight is known
    return {
        "mole_fractions": [float(z) for z in zs],
        "mass_fractions": [float(w) for w in ws],
        "MW": float(molar_mass),
        "molar_masses": weights,
    }


TOOLS = (
    molar_mass,
    element_mass_fraction,
    balance_reaction,
    limiting_reactant,
    composition_convert,
)
