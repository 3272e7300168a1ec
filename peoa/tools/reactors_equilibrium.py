"""Chemical equilibrium of one reaction: the equilibrium constant and the conversion.

The reactor tools' companion (same topic, ``reactors``), kept in its own module so that
each stays small: ``equilibrium_constant`` from formation data (``thermo``/``chemicals``)
or given dG° and dH° with van 't Hoff, and ``equilibrium_conversion`` from K for ideal
gases or ideal solutions (Fogler, *Elements of Chemical Reaction Engineering*, 5th ed.
ch. 4; Smith, Van Ness & Abbott, 7th ed. ch. 13).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Annotated, Any

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, P, Q, tool
from peoa.tools.quantity import Quantity, parse_quantity, ureg
from peoa.tools.reactors import R_GAS, Key, Species, Stoich

__all__ = ["TOOLS", "equilibrium_constant", "equilibrium_conversion"]


@lru_cache(maxsize=64)
def _formation(cas: tuple[str, ...]) -> tuple[list[float | None], list[float | None], list[str]]:
    from thermo import ChemicalConstantsPackage

    constants = ChemicalConstantsPackage.constants_from_IDs(list(cas))
    return list(constants.Hfgs), list(constants.Gfgs), list(constants.names)


@tool(
    topic="reactors",
    reference="dG = -RT ln K and the van 't Hoff equation d ln K/dT = dH/(RT^2) (constant dH), "
    "Smith, Van Ness & Abbott 7th ed. eqs. 13.11 and 13.15; ideal-gas formation data from "
    "thermo.ChemicalConstantsPackage (chemicals Hfg, Gibbs_formation)",
    outputs={
        "K": Out(
            "",
            "equilibrium constant (activities, standard state 1 bar ideal gas) at T",
            kind="equilibrium_constant",
        ),
        "K_ref": Out(
            "", "equilibrium constant at the reference temperature", kind="equilibrium_constant"
        ),
        "dG_ref": Out(
            "J/mol",
            "standard Gibbs energy of reaction at the reference temperature",
            kind="gibbs_energy",
        ),
        "dH": Out("J/mol", "standard heat of reaction used (constant)", kind="heat_of_reaction"),
    },
    alternatives=[(("species", "stoichiometry"), ("dG_ref", "dH"), ("K_ref", "dH"))],
)
def equilibrium_constant(
    temperature: Annotated[float, Q("temperature", "temperature at which K is wanted")],
    species: Annotated[
        list[str] | None,
        P(
            "chemical names, CAS or formulas of the gas-phase "
            "species (formation data are looked up)",
            chemical=True,
            reaction="species",
        ),
    ] = None,
    stoichiometry: Annotated[
        list[float] | None, P("coefficients, negative for reactants", reaction="coefficients")
    ] = None,
    dG_ref: Annotated[
        float | None,
        Q("gibbs_energy", "standard Gibbs energy of reaction at T_ref (instead of species)"),
    ] = None,
    dH: Annotated[
        float | None, Q("heat_of_reaction", "standard heat of reaction (instead of species)")
    ] = None,
    reference_temperature: Annotated[float, Q("temperature", "reference temperature")] = 298.15,
    K_ref: Annotated[
        float | None,
        Q(
            "equilibrium_constant",
            "equilibrium constant at the reference temperature (instead of species or dG_ref)",
            gt=0,
        ),
    ] = None,
) -> dict[str, float]:
    """Equilibrium constant of a reaction at temperature T: K_ref = exp(-dG°/(R T_ref)),
    then van 't Hoff with constant heat of reaction, ln(K/K_ref) = -dH°/R (1/T - 1/T_ref).
    Give the species and coefficients (gas-phase formation data at 298.15 K are looked up),
    dG° and dH°, or a known K_ref and dH°.

    Notes
    -----
    K is in activities with the ideal gas at 1 bar as standard state. Van 't Hoff with a
    constant dH° is good over a modest temperature span; far from T_ref dCp matters. The
    formation data looked up are ideal-gas values at 298.15 K (so T_ref must stay
    298.15 K); a species without them, or |ln K| > 700, is refused.

    Examples
    --------
    N2 + 3 H2 = 2 NH3 with dG° = -32.9 kJ/mol and dH° = -92.2 kJ/mol at 298.15 K: K_ref =
    exp(32900 / (R 298.15)) = 5.81e5, and at 500 K, ln K = 13.272 - 15.015, K = 0.175:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("equilibrium_constant", {"temperature": "500 K",
    ...     "dG_ref": "-32.9 kJ/mol", "dH": "-92.2 kJ/mol"})
    >>> f"{r.value('K_ref'):.3g}", round(r.value("K"), 3)
    ('5.81e+05', 0.175)

    From a known K: 5.0 at 300 K with dH° = -30 kJ/mol gives, at 360 K,
    K = 5.0 exp(30000/R (1/360 - 1/300)) = 0.674:

    >>> r = get_registry().run("equilibrium_constant", {"temperature": "360 K",
    ...     "K_ref": 5.0, "reference_temperature": "300 K", "dH": "-30 kJ/mol"})
    >>> round(r.value("K"), 3)
    0.674
    """
    if species is not None:
        from peoa.tools.vle import resolve_components

        if stoichiometry is None or len(stoichiometry) != len(species):
            raise ToolInputError("give one stoichiometric coefficient per species")
        cas = resolve_components(species)
        hfs, gfs, names = _formation(cas)
        missing = [n for n, h, g in zip(names, hfs, gfs, strict=True) if h is None or g is None]
        if missing:
            raise ToolInputError(f"no ideal-gas formation data for {missing}; give dG_ref and dH")
        gs = [g for g in gfs if g is not None]  # all of them: none is missing
        hs = [h for h in hfs if h is not None]
        dG_ref = sum(v * g for v, g in zip(stoichiometry, gs, strict=True))
        dH = sum(v * h for v, h in zip(stoichiometry, hs, strict=True))
        if abs(reference_temperature - 298.15) > 1e-6:
            raise ToolInputError(
                "looked-up formation data are at 298.15 K; leave "
                "reference_temperature at its default"
            )
    if K_ref is not None and dG_ref is None and species is None:
        dG_ref = -R_GAS * reference_temperature * math.log(K_ref)
    if dG_ref is None or dH is None:
        raise ToolInputError("give species with stoichiometry, dG_ref and dH, or K_ref and dH")
    ln_k_ref = -dG_ref / (R_GAS * reference_temperature)
    ln_k = ln_k_ref - dH / R_GAS * (1 / temperature - 1 / reference_temperature)
    if abs(ln_k) > 700:
        raise ToolInputError(f"ln K = {ln_k:.4g} overflows: the reaction is complete (or absent)")
    return {"K": math.exp(ln_k), "K_ref": math.exp(ln_k_ref), "dG_ref": dG_ref, "dH": dH}


_P_STD = 1e5  # Pa, standard-state pressure
_C_STD = 1000.0  # mol/m3, 1 mol/L standard state for solutes


def _basis(K: Quantity, dn: float) -> tuple[str, float]:
    """The basis a K with units is on ("activity", "pressure" or "concentration") and its
    value in SI units."""
    if K.value <= 0:
        raise ToolInputError("K must be positive")
    quantity = parse_quantity(K.value, K.unit)
    dims = quantity.dimensionality
    if not dims:
        return "activity", float(quantity.to("").magnitude)
    if dims == (ureg.Pa**dn).dimensionality:
        return "pressure", float(quantity.to(ureg.Pa**dn).magnitude)
    if dims == ((ureg.mol / ureg.m**3) ** dn).dimensionality:
        return "concentration", float(quantity.to((ureg.mol / ureg.m**3) ** dn).magnitude)
    raise ToolInputError(
        f"K in {K.unit!r} fits neither a dimensionless K, Kp in pressure^{dn:g} nor Kc in "
        f"concentration^{dn:g}"
    )


@tool(
    topic="reactors",
    reference="Fogler 5th ed. ch. 4 (equilibrium conversion, worked example N2O4 = 2 NO2); "
    "Smith, Van Ness & Abbott 7th ed. sec. 13.7; root found with scipy.optimize.brentq",
    outputs={
        "conversion": Out(
            "",
            "equilibrium conversion of the key reactant (the fraction converted)",
            kind="conversion",
        ),
        "extent": Out("", "reaction extent per unit of the feed basis", kind="ratio"),
        "mole_fractions": Out("", "equilibrium mole fractions", kind="mole_fraction", many=True),
    },
    alternatives=[(("K",), ("K_with_units",))],
)
def equilibrium_conversion(
    species: Species,
    stoichiometry: Stoich,
    key: Key,
    feed: Annotated[
        list[float],
        P(
            "feed amounts of each species on any consistent basis (moles, molar flows or ratios)",
            reaction="feed_ratios",
        ),
    ],
    temperature: Annotated[float, Q("temperature", "reaction temperature")],
    K: Annotated[
        float | None,
        Q(
            "equilibrium_constant",
            "dimensionless equilibrium constant at the reaction temperature (activities: "
            "p/1 bar or C/1 mol/L)",
            gt=0,
        ),
    ] = None,
    K_with_units: Annotated[
        Quantity | None,
        P("Kp in pressure^dn or Kc in concentration^dn (instead of K)"),
    ] = None,
    pressure: Annotated[
        float | None,
        Q(
            "pressure",
            "total pressure (gas; for constant volume the initial pressure; not needed "
            "when the reaction keeps its number of moles)",
        ),
    ] = None,
    mode: Annotated[
        str,
        P(
            "gas_constant_pressure (flow reactor), gas_constant_volume (batch) "
            "or liquid (ideal solution, needs feed_total_concentration)",
            choices=("gas_constant_pressure", "gas_constant_volume", "liquid"),
        ),
    ] = "gas_constant_pressure",
    feed_total_concentration: Annotated[
        float | None, Q("molar_concentration", "total feed concentration (liquid mode)", gt=0)
    ] = None,
) -> dict[str, Any]:
    """Equilibrium conversion of a single reaction from its equilibrium constant: solves
    prod_i a_i^nu_i = K for the extent, with ideal-gas partial pressures (constant P flow
    or constant V batch) or ideal-solution concentrations. K is dimensionless (activities); Kp
    (pressure^dn) or Kc (concentration^dn) go in K_with_units, whose basis pint reads from
    its units. A reaction that keeps its number of moles (dn = 0) needs neither the
    pressure nor the concentration.

    Notes
    -----
    One reaction between ideal gases (activity p / 1 bar) at constant pressure or constant
    volume, or in an ideal solution (activity C / 1 mol/L); fugacity and activity
    coefficients are taken as 1. K must be the value at the reaction temperature. The
    extent is found by ``scipy.optimize.brentq`` between the bounds that keep every amount
    non-negative.

    Examples
    --------
    Fogler, Elements of Chemical Reaction Engineering, 4th ed., Example 3-8: N2O4 = 2 NO2
    from pure N2O4 at 340 K and 202.6 kPa with Kc = 0.1 mol/dm^3 gives Xe = 0.51 in a flow
    reactor and 0.44 at constant volume:

    >>> from peoa.tools import get_registry
    >>> case = {"species": ["N2O4", "NO2"], "stoichiometry": [-1, 2], "key": "N2O4",
    ...     "feed": [1, 0], "K_with_units": "0.1 mol/dm^3", "temperature": "340 K",
    ...     "pressure": "202.6 kPa"}
    >>> round(get_registry().run("equilibrium_conversion", case).value("conversion"), 2)
    0.51
    >>> batch = case | {"mode": "gas_constant_volume"}
    >>> round(get_registry().run("equilibrium_conversion", batch).value("conversion"), 2)
    0.44
    """
    from scipy.optimize import brentq

    n = len(species)
    if len(stoichiometry) != n or len(feed) != n:
        raise ToolInputError("give one stoichiometric coefficient and one feed amount per species")
    if key not in species:
        raise ToolInputError(f"key {key!r} is not one of the species {list(species)}")
    if any(f < 0 for f in feed):
        raise ToolInputError("feed amounts must be non-negative")
    i = list(species).index(key)
    if stoichiometry[i] >= 0 or feed[i] <= 0:
        raise ToolInputError(f"the key {key!r} must be a reactant present in the feed")
    dn = sum(stoichiometry)
    if (K is None) == (K_with_units is None):
        raise ToolInputError("give K (dimensionless) or K_with_units (Kp or Kc), not both")
    if K is not None:
        basis, k_si = "activity", K
    else:
        assert K_with_units is not None  # one of the two is given, checked above
        basis, k_si = _basis(K_with_units, dn)
    total0 = sum(feed)
    if mode == "liquid" and basis == "pressure":
        raise ToolInputError(
            "a liquid-phase K is dimensionless or in concentration units, not in pressure units"
        )
    if dn == 0 and basis == "activity":
        # The moles' total cancels from the quotient: any pressure or concentration will do.
        pressure, feed_total_concentration = _P_STD, _C_STD
    if mode.startswith("gas"):
        if pressure is None:
            raise ToolInputError("gas-phase equilibrium needs the pressure")
    elif feed_total_concentration is None:
        raise ToolInputError("liquid mode needs feed_total_concentration")

    def ln_q(xi: float) -> float:
        moles = [f + v * xi for f, v in zip(feed, stoichiometry, strict=True)]
        total = sum(moles)
        value = 0.0
        for m, v in zip(moles, stoichiometry, strict=True):
            if not v:
                continue
            if mode == "liquid":
                assert feed_total_concentration is not None  # checked for this mode above
                c = m / total0 * feed_total_concentration
                a = c / _C_STD if basis == "activity" else c
            else:
                assert pressure is not None  # checked for the gas modes above
                p = m / (total if mode == "gas_constant_pressure" else total0) * pressure
                a = {
                    "activity": p / _P_STD,
                    "pressure": p,
                    "concentration": p / (R_GAS * temperature),
                }[basis]
            value += v * math.log(max(a, 1e-300))
        return value

    hi = min(f / -v for f, v in zip(feed, stoichiometry, strict=True) if v < 0)
    # products in the feed allow a negative extent (reaction running backwards)
    lo = max((-f / v for f, v in zip(feed, stoichiometry, strict=True) if v > 0), default=0.0)
    if lo >= hi:
        raise ToolInputError("no extent keeps every amount non-negative")
    span = hi - lo
    target = math.log(k_si)
    xi = brentq(
        lambda e: ln_q(e) - target, lo + 1e-13 * span, hi - 1e-13 * span, xtol=1e-15, maxiter=500
    )
    moles = [f + v * xi for f, v in zip(feed, stoichiometry, strict=True)]
    return {
        "conversion": xi * -stoichiometry[i] / feed[i],
        "extent": xi,
        "mole_fractions": [m / sum(moles) for m in moles],
    }


TOOLS = (
    equilibrium_constant,
    equilibrium_conversion,
)
