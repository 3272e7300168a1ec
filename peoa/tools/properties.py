"""Physical properties of pure chemicals and mixtures.

CoolProp's reference equations of state (Helmholtz-energy formulations) are used for
the fluids CoolProp has; ``thermo`` and ``chemicals`` (DIPPR-style correlations and
the property methods they rank) for everything else. A chemical is named by name,
CAS number or formula; an unknown one gets close-match suggestions.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import Annotated, Any, Literal

from peoa.exceptions import ToolExecutionError, ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn
from peoa.tools.chemical import Chemical, resolve_argument

__all__ = [
    "TOOLS",
    "chemical_identity",
    "critical_properties",
    "density",
    "density_from_specific_gravity",
    "enthalpy_change",
    "heat_capacity",
    "heat_of_vaporization",
    "mixture_properties",
    "pure_properties",
    "saturation_temperature",
    "vapor_pressure",
    "viscosity",
]

PROPERTY_METHODS = ("CoolProp", "thermo")
_METHOD = P(
    "property source: 'CoolProp' (reference equation of state) or 'thermo' (correlations); "
    "default CoolProp when the chemical is a CoolProp fluid, else thermo",
    choices=PROPERTY_METHODS,
)
_CHEMICAL = P(
    "chemical name, CAS number or formula, e.g. 'water', '108-88-3', 'C7H8'", chemical=True
)
_REF_COOLPROP = "CoolProp (Bell et al., Ind. Eng. Chem. Res. 53 (2014) 2498, doi:10.1021/ie4033999)"
_REF_THERMO = (
    "thermo.Chemical / chemicals (Bell, Thermo: Chemical properties component of Caleb Bell)"
)


def _pick(chemical: Chemical, method: str | None) -> str:
    if method == "CoolProp" and chemical.coolprop is None:
        raise ToolInputError(
            f"argument 'method': {chemical.name!r} is not a CoolProp fluid; use method 'thermo'"
        )
    return method or ("CoolProp" if chemical.coolprop else "thermo")


def _props_si(output: str, *args: Any) -> float:
    import CoolProp.CoolProp as CP

    try:
        return float(CP.PropsSI(output, *args))
    except ValueError as error:
        raise ToolExecutionError(f"CoolProp could not evaluate {output}: {error}") from None


@lru_cache(maxsize=256)
def _thermo_chemical(cas: str, T: float, P: float) -> Any:
    from thermo import Chemical as ThermoChemical

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return ThermoChemical(cas, T=T, P=P)


def _need(value: Any, what: str, chemical: Chemical) -> float:
    if value is None:
        raise ToolExecutionError(
            f"thermo has no {what} data for {chemical.name!r} at these conditions; "
            "try method 'CoolProp' or other conditions"
        )
    return float(value)


@tool(
    topic="properties",
    reference="chemicals.identifiers (PubChem-derived database); CoolProp fluid list",
    outputs={
        "name": Out(None, "common name"),
        "CAS": Out(None, "CAS registry number"),
        "formula": Out(None, "molecular formula"),
        "MW": Out("g/mol", "molecular weight"),
        "coolprop_name": Out(None, "CoolProp fluid name, or null"),
    },
)
def chemical_identity(chemical: Annotated[str, _CHEMICAL]) -> dict[str, Any]:
    """Identify a chemical from a name, CAS number or formula: its common name, CAS
    number, formula and molecular weight. Use it to get a molar mass or to check which
    compound a name refers to.

    Notes
    -----
    A look-up, no calculation: CoolProp's fluid names, aliases and CAS numbers are matched
    first, then chemicals' PubChem-derived database by name, CAS number or formula. A
    formula shared by isomers gives one of them (C4H10 is butane), so check the name
    returned; an unknown identifier is refused with close-match suggestions.

    Examples
    --------
    Toluene by its CAS number; C7H8 with IUPAC atomic weights is 92.14 g/mol:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("chemical_identity", {"chemical": "108-88-3"})
    >>> r.value("name"), r.value("formula"), round(r.value("MW"), 2)
    ('toluene', 'C7H8', 92.14)
    """
    found = resolve_argument("chemical", chemical)
    return {
        "name": found.name,
        "CAS": found.CAS,
        "formula": found.formula,
        "MW": found.MW,
        "coolprop_name": found.coolprop,
    }


@tool(
    topic="properties",
    reference="chemicals.critical (Tc, Pc, Vc, Zc: IUPAC/DIPPR/Yaws), chemicals.acentric.omega, "
    "chemicals.phase_change (Tb, Tm)",
    outputs={
        "Tc": Out("K", "critical temperature", kind="critical_temperature"),
        "Pc": Out("Pa", "critical pressure", kind="critical_pressure"),
        "Vc": Out("m**3/mol", "critical molar volume"),
        "Zc": Out("", "critical compressibility factor", kind="compressibility_factor"),
        "omega": Out("", "acentric factor", kind="ratio"),
        "Tb": Out("K", "normal boiling point", kind="saturation_temperature"),
        "Tm": Out("K", "melting point"),
        "MW": Out("g/mol", "molecular weight"),
    },
)
def critical_properties(chemical: Annotated[str, _CHEMICAL]) -> dict[str, Any]:
    """Critical temperature, pressure, volume and compressibility, acentric factor, normal
    boiling and melting points and molecular weight of a pure chemical. Use for equations
    of state, corresponding states and reduced conditions.

    Notes
    -----
    Tabulated values from chemicals' databases (critical constants from IUPAC, DIPPR and
    Yaws compilations, acentric factor, boiling and melting points), each from its
    top-ranked source; nothing is estimated. A value the databases lack is returned null
    with a warning.

    Examples
    --------
    Water's critical point, as IAPWS fixes it, 647.096 K and 22.064 MPa:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("critical_properties", {"chemical": "water"})
    >>> r.value("Tc"), r.value("Pc", "MPa"), round(r.value("omega"), 3)
    (647.096, 22.064, 0.344)
    """
    from chemicals import acentric, critical, phase_change

    found = resolve_argument("chemical", chemical)
    cas = found.CAS
    values = {
        "Tc": critical.Tc(cas),
        "Pc": critical.Pc(cas),
        "Vc": critical.Vc(cas),
        "Zc": critical.Zc(cas),
        "omega": acentric.omega(cas),
        "Tb": phase_change.Tb(cas),
        "Tm": phase_change.Tm(cas),
        "MW": found.MW,
    }
    for key, value in values.items():
        if value is None:
            warn(f"no {key} data for {found.name!r}")
    return values


def _state_property(
    chemical: str,
    T: float,
    P: float,
    method: str | None,
    coolprop_key: str,
    thermo_attr: str,
    what: str,
) -> Outcome:
    found = resolve_argument("chemical", chemical)
    chosen = _pick(found, method)
    if chosen == "CoolProp":
        value = _props_si(coolprop_key, "T", T, "P", P, found.coolprop)
        phase = _phase(T, P, found.coolprop)
    else:
        state = _thermo_chemical(found.CAS, T, P)
        value = _need(getattr(state, thermo_attr), what, found)
        phase = {"l": "liquid", "g": "gas", "s": "solid"}.get(state.phase, str(state.phase))
    return Outcome({"value": value, "phase": phase}, method=chosen)


def _phase(T: float, P: float, fluid: str | None) -> str:
    """CoolProp's phase at (T, P); "unknown" where it cannot tell (or has no such fluid)."""
    import CoolProp.CoolProp as CP

    if fluid is None:
        return "unknown"
    try:
        return str(CP.PhaseSI("T", T, "P", P, fluid))
    except ValueError:
        return "unknown"


def _critical_point(found: Chemical, chosen: str) -> tuple[float | None, float | None]:
    """(Tc, Pc) of the model the tool evaluates: CoolProp's equation of state, or the
    chemicals data thermo's correlations are fitted to (None where it has none)."""
    if chosen == "CoolProp":
        return _props_si("Tcrit", found.coolprop), _props_si("pcrit", found.coolprop)
    from chemicals import critical

    return critical.Tc(found.CAS), critical.Pc(found.CAS)


def _check_subcritical(
    tool_name: str,
    found: Chemical,
    chosen: str,
    *,
    temperature: float | None = None,
    pressure: float | None = None,
) -> None:
    """Refuse a state at or past the critical point: there is no liquid-vapour line there,
    and a vapour-pressure correlation extrapolated past it gives numbers with no meaning."""
    t_crit, p_crit = _critical_point(found, chosen)
    if temperature is not None and t_crit is not None and temperature >= t_crit:
        raise ToolInputError(
            f"{tool_name}: {temperature:.4g} K is at or above the critical temperature of "
            f"{found.name}, {t_crit:.4g} K; there is no saturation (liquid-vapour) line there"
        )
    if pressure is not None and p_crit is not None and pressure >= p_crit:
        raise ToolInputError(
            f"{tool_name}: {pressure / 1e6:.4g} MPa is at or above the critical pressure of "
            f"{found.name}, {p_crit / 1e6:.4g} MPa; there is no saturation (liquid-vapour) "
            "line there"
        )
    if (temperature is not None and t_crit is None) or (pressure is not None and p_crit is None):
        warn(f"no critical-point data for {found.name!r}: not checked against the critical point")


def _single(result: Outcome, name: str) -> Outcome:
    values = dict(result.values)
    return Outcome({name: values["value"], "phase": values["phase"]}, method=result.method)


_T = Q("temperature", "temperature")
_P = Q("pressure", "absolute pressure (gauge units such as barg are accepted)")


@tool(
    topic="properties",
    reference=f"{_REF_COOLPROP}; {_REF_THERMO}",
    outputs={"rho": Out("kg/m**3", "mass density"), "phase": Out(None, "phase at T, P")},
)
def density(
    chemical: Annotated[str, _CHEMICAL],
    temperature: Annotated[float, _T],
    pressure: Annotated[float, _P] = 101325.0,
    method: Annotated[str | None, _METHOD] = None,
) -> Outcome:
    """Density of a pure chemical (liquid or gas) at a temperature and pressure.

    Notes
    -----
    CoolProp (default for its 136 fluids) evaluates the reference equation of state at
    (T, P); it refuses a state below a fluid's melting line, where it has one, or on the
    saturation line, where T and P do not fix the phase, and extrapolates past its range.
    thermo uses its top-ranked correlation at T for the phase it assigns (solid at or below
    Tm, gas at or above Tc or when P <= Psat, else liquid); where it has none, the tool refuses.

    Examples
    --------
    Liquid water at 25 °C and 1 atm, from IAPWS-95 (CoolProp directly gives the same):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("density", {"chemical": "water", "temperature": "25 degC"})
    >>> round(r.value("rho"), 2), r.value("phase")
    (997.05, 'liquid')
    """
    return _single(
        _state_property(chemical, temperature, pressure, method, "Dmass", "rho", "density"), "rho"
    )


_SG_REFERENCE_T = 288.7055555555555  # 60 °F: the oil and gas trade's reference (API, GPSA)


@tool(
    topic="properties",
    reference="Specific gravity of a liquid: its density over water's at 60 °F (API and "
    "GPSA convention, 60 °F/60 °F); water's density from IAPWS-95 (CoolProp)",
    outputs={"rho": Out("kg/m**3", "liquid density", kind="density")},
    phase="liquid",
)
def density_from_specific_gravity(
    specific_gravity: Annotated[
        float, Q("specific_gravity", "liquid specific gravity (relative to water)", gt=0)
    ],
) -> Outcome:
    """Density of a liquid from its specific gravity relative to water at 60 °F.

    Notes
    -----
    SG is taken as 60 °F/60 °F (API, GPSA): water at 60 °F and 1 atm is 999.02 kg/m^3 by
    IAPWS-95, and the density returned is the liquid's at 60 °F, not corrected to another
    temperature. An SG relative to water at 4 °C (1000 kg/m^3) gives densities 0.1 % higher.

    Examples
    --------
    A crude oil of SG 0.85 is 0.85 x 999.02 = 849.16 kg/m^3:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("density_from_specific_gravity", {"specific_gravity": 0.85})
    >>> round(r.value("rho"), 2)
    849.16
    """
    from CoolProp.CoolProp import PropsSI

    water = PropsSI("Dmass", "T", _SG_REFERENCE_T, "P", 101325.0, "Water")
    return Outcome({"rho": specific_gravity * water}, method="SG 60 °F/60 °F")


@tool(
    topic="properties",
    reference=f"{_REF_COOLPROP}; {_REF_THERMO}",
    outputs={"mu": Out("Pa*s", "dynamic viscosity"), "phase": Out(None, "phase at T, P")},
)
def viscosity(
    chemical: Annotated[str, _CHEMICAL],
    temperature: Annotated[float, _T],
    pressure: Annotated[float, _P] = 101325.0,
    method: Annotated[str | None, _METHOD] = None,
) -> Outcome:
    """Dynamic viscosity of a pure chemical (liquid or gas) at a temperature and pressure.

    Notes
    -----
    CoolProp (default for its 136 fluids) evaluates the reference equation of state at
    (T, P); it refuses a state below a fluid's melting line, where it has one, or on the
    saturation line, where T and P do not fix the phase, and extrapolates past its range.
    thermo uses its top-ranked correlation at T for the phase it assigns (solid at or below
    Tm, gas at or above Tc or when P <= Psat, else liquid); where it has none, the tool refuses.
    CoolProp's viscosity is the fluid's own correlation (water: IAPWS 2008).

    Examples
    --------
    Water at 20 °C and 1 atm, about 1 mPa s (CoolProp directly gives the same):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("viscosity", {"chemical": "water", "temperature": "20 degC"})
    >>> round(r.value("mu", "mPa*s"), 4)
    1.0016
    """
    return _single(
        _state_property(chemical, temperature, pressure, method, "viscosity", "mu", "viscosity"),
        "mu",
    )


@tool(
    topic="properties",
    reference=f"{_REF_COOLPROP}; {_REF_THERMO}",
    outputs={
        "Cp": Out("J/kg/K", "isobaric heat capacity, mass basis"),
        "Cp_molar": Out("J/mol/K", "isobaric heat capacity, molar basis"),
        "phase": Out(None, "phase at T, P"),
    },
)
def heat_capacity(
    chemical: Annotated[str, _CHEMICAL],
    temperature: Annotated[float, _T],
    pressure: Annotated[float, _P] = 101325.0,
    method: Annotated[str | None, _METHOD] = None,
) -> Outcome:
    """Isobaric heat capacity (Cp) of a pure chemical at a temperature and pressure, per
    kilogram and per mole.

    Notes
    -----
    CoolProp (default for its 136 fluids) evaluates the reference equation of state at
    (T, P); it refuses a state below a fluid's melting line, where it has one, or on the
    saturation line, where T and P do not fix the phase, and extrapolates past its range.
    thermo uses its top-ranked correlation at T for the phase it assigns (solid at or below
    Tm, gas at or above Tc or when P <= Psat, else liquid); where it has none, the tool refuses.

    Examples
    --------
    Liquid ethanol at 25 °C through thermo: its HEOS_FIT liquid heat capacity,
    ``thermo.HeatCapacityLiquid`` called directly, is 112.15 J/mol/K:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("heat_capacity", {"chemical": "ethanol",
    ...     "temperature": "25 degC", "method": "thermo"})
    >>> round(r.value("Cp_molar"), 2), r.value("phase")
    (112.15, 'liquid')
    """
    found = resolve_argument("chemical", chemical)
    result = _state_property(chemical, temperature, pressure, method, "Cpmass", "Cp", "Cp")
    cp = result.values["value"]
    return Outcome(
        {"Cp": cp, "Cp_molar": cp * found.MW / 1000.0, "phase": result.values["phase"]},
        method=result.method,
    )


@tool(
    topic="properties",
    reference=f"{_REF_COOLPROP}; {_REF_THERMO}",
    outputs={
        "rho": Out("kg/m**3", "mass density"),
        "mu": Out("Pa*s", "dynamic viscosity"),
        "Cp": Out("J/kg/K", "isobaric heat capacity"),
        "k": Out("W/m/K", "thermal conductivity"),
        "Pr": Out("", "Prandtl number", kind="prandtl_number"),
        "MW": Out("g/mol", "molecular weight"),
        "phase": Out(None, "phase at T, P"),
    },
)
def pure_properties(
    chemical: Annotated[str, _CHEMICAL],
    temperature: Annotated[float, _T],
    pressure: Annotated[float, _P] = 101325.0,
    method: Annotated[str | None, _METHOD] = None,
) -> Outcome:
    """All transport and thermal properties of a pure chemical at T and P in one call:
    density, viscosity, heat capacity, thermal conductivity, Prandtl number. Use it to
    feed Reynolds, pressure-drop and heat-transfer tools.

    Notes
    -----
    CoolProp (default for its 136 fluids) evaluates the reference equation of state at
    (T, P); it refuses a state below a fluid's melting line, where it has one, or on the
    saturation line, where T and P do not fix the phase, and extrapolates past its range.
    thermo uses its top-ranked correlation at T for the phase it assigns (solid at or below
    Tm, gas at or above Tc or when P <= Psat, else liquid); where it has none, the tool refuses.
    The Prandtl number is Cp mu / k of the values returned.

    Examples
    --------
    Air at 300 K and 1 atm: the ideal gas gives 101325 x 0.028965 / (8.3145 x 300) =
    1.177 kg/m^3:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("pure_properties", {"chemical": "air", "temperature": "300 K"})
    >>> round(r.value("rho"), 3), round(r.value("Pr"), 3)
    (1.177, 0.707)
    """
    found = resolve_argument("chemical", chemical)
    chosen = _pick(found, method)
    if chosen == "CoolProp":
        fluid = found.coolprop
        args = ("T", temperature, "P", pressure, fluid)
        rho, mu = _props_si("Dmass", *args), _props_si("viscosity", *args)
        cp, k = _props_si("Cpmass", *args), _props_si("conductivity", *args)
        phase = _phase(temperature, pressure, fluid)
    else:
        state = _thermo_chemical(found.CAS, temperature, pressure)
        rho, mu = _need(state.rho, "density", found), _need(state.mu, "viscosity", found)
        cp, k = _need(state.Cp, "heat capacity", found), _need(state.k, "conductivity", found)
        phase = {"l": "liquid", "g": "gas", "s": "solid"}.get(state.phase, str(state.phase))
    values = {
        "rho": rho,
        "mu": mu,
        "Cp": cp,
        "k": k,
        "Pr": cp * mu / k,
        "MW": found.MW,
        "phase": phase,
    }
    return Outcome(values, method=chosen)


@tool(
    topic="properties",
    reference=f"{_REF_COOLPROP}; thermo.VaporPressure (Wagner, Antoine, DIPPR 101)",
    outputs={"Psat": Out("Pa", "saturation (vapour) pressure", kind="vapor_pressure")},
)
def vapor_pressure(
    chemical: Annotated[str, _CHEMICAL],
    temperature: Annotated[float, _T],
    method: Annotated[str | None, _METHOD] = None,
) -> Outcome:
    """Vapour (saturation) pressure of a pure chemical at a temperature, between its
    triple and critical points. Use for boiling, NPSH, flashing and Raoult's law.

    Notes
    -----
    CoolProp follows the saturation line of the reference equation of state and, below
    the triple point, extrapolates the liquid-vapour line (not the sublimation line).
    thermo uses its top-ranked correlation at T. Either path refuses a temperature at or
    above the critical temperature (CoolProp's, or chemicals' Tc for thermo): there is no
    vapour pressure past it, only a correlation's meaningless extrapolation.

    Examples
    --------
    Water at 20 °C, from IAPWS-95 (CoolProp directly gives the same):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("vapor_pressure", {"chemical": "water", "temperature": "20 degC"})
    >>> round(r.value("Psat", "kPa"), 3)
    2.339
    """
    found = resolve_argument("chemical", chemical)
    chosen = _pick(found, method)
    _check_subcritical("vapor_pressure", found, chosen, temperature=temperature)
    if chosen == "CoolProp":
        psat = _props_si("P", "T", temperature, "Q", 0, found.coolprop)
    else:
        state = _thermo_chemical(found.CAS, temperature, 101325.0)
        psat = _need(state.VaporPressure(temperature), "vapour pressure", found)
    return Outcome({"Psat": psat}, method=chosen)


@tool(
    topic="properties",
    reference=f"{_REF_COOLPROP}; thermo.VaporPressure.solve_property",
    outputs={"Tsat": Out("K", "saturation (boiling) temperature", kind="saturation_temperature")},
)
def saturation_temperature(
    chemical: Annotated[str, _CHEMICAL],
    pressure: Annotated[float, _P],
    method: Annotated[str | None, _METHOD] = None,
) -> Outcome:
    """Saturation (boiling) temperature of a pure chemical at a pressure, below its
    critical pressure.

    Notes
    -----
    CoolProp solves the saturation line of the reference equation of state and, below the
    triple point, extrapolates the liquid-vapour line. thermo inverts its vapour-pressure
    correlation. Either path refuses a pressure at or above the critical pressure
    (CoolProp's, or chemicals' Pc for thermo), where there is no boiling point.

    Examples
    --------
    Water boils at 99.974 °C at 1 atm on the IAPWS-95 saturation line:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("saturation_temperature", {"chemical": "water",
    ...     "pressure": "1 atm"})
    >>> round(r.value("Tsat", "degC"), 3)
    99.974
    """
    found = resolve_argument("chemical", chemical)
    chosen = _pick(found, method)
    _check_subcritical("saturation_temperature", found, chosen, pressure=pressure)
    if chosen == "CoolProp":
        tsat = _props_si("T", "P", pressure, "Q", 0, found.coolprop)
    else:
        state = _thermo_chemical(found.CAS, 298.15, 101325.0)
        tsat = state.VaporPressure.solve_property(pressure)
    return Outcome({"Tsat": tsat}, method=chosen)


@tool(
    topic="properties",
    reference=f"{_REF_COOLPROP}; thermo.EnthalpyVaporization (Watson, DIPPR 106, CoolProp)",
    outputs={
        "Hvap": Out(
            "J/kg", "enthalpy (latent heat) of vaporisation, mass basis", kind="latent_heat"
        ),
        "Hvap_molar": Out("J/mol", "enthalpy of vaporisation, molar basis"),
        "T": Out("K", "temperature used"),
    },
)
def heat_of_vaporization(
    chemical: Annotated[str, _CHEMICAL],
    temperature: Annotated[
        float | None, Q("temperature", "temperature; default: normal boiling point")
    ] = None,
    method: Annotated[str | None, _METHOD] = None,
) -> Outcome:
    """Latent heat (enthalpy) of vaporisation of a pure chemical at a temperature
    (default its normal boiling point).

    Notes
    -----
    CoolProp: h'' - h' on the saturation line, refused above the critical point; the
    default temperature is its boiling point at 1 atm. thermo: its top-ranked enthalpy of
    vaporisation method (Watson, DIPPR 106, ...) at T, defaulting to chemicals' normal
    boiling point. The latent heat falls to zero at the critical point.

    Examples
    --------
    Water at its normal boiling point, 373.124 K (CoolProp directly gives the same):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("heat_of_vaporization", {"chemical": "water"})
    >>> round(r.value("Hvap", "kJ/kg"), 1), round(r.value("T"), 3)
    (2256.5, 373.124)
    """
    found = resolve_argument("chemical", chemical)
    chosen = _pick(found, method)
    if chosen == "CoolProp":
        fluid = found.coolprop
        T = temperature or _props_si("T", "P", 101325.0, "Q", 0, fluid)
        hvap = _props_si("H", "T", T, "Q", 1, fluid) - _props_si("H", "T", T, "Q", 0, fluid)
    else:
        from chemicals import phase_change

        T = temperature or _need(phase_change.Tb(found.CAS), "boiling point", found)
        state = _thermo_chemical(found.CAS, T, 101325.0)
        hvap_molar = _need(state.EnthalpyVaporization(T), "enthalpy of vaporisation", found)
        hvap = hvap_molar / found.MW * 1000.0
    return Outcome({"Hvap": hvap, "Hvap_molar": hvap * found.MW / 1000.0, "T": T}, method=chosen)


@tool(
    topic="properties",
    reference=f"{_REF_COOLPROP}; thermo.Chemical.H (ideal-gas Cp, Hvap and liquid Cp paths)",
    outputs={
        "dH": Out("J/kg", "enthalpy change H2 - H1, mass basis"),
        "dH_molar": Out("J/mol", "enthalpy change, molar basis"),
        "phase_1": Out(None, "phase at state 1"),
        "phase_2": Out(None, "phase at state 2"),
    },
)
def enthalpy_change(
    chemical: Annotated[str, _CHEMICAL],
    temperature_1: Annotated[float, Q("temperature", "initial temperature")],
    temperature_2: Annotated[float, Q("temperature", "final temperature")],
    pressure_1: Annotated[float, Q("pressure", "initial absolute pressure")] = 101325.0,
    pressure_2: Annotated[float | None, Q("pressure", "final pressure; default = initial")] = None,
    method: Annotated[str | None, _METHOD] = None,
) -> Outcome:
    """Enthalpy change of a pure chemical between two states (T1, P1) -> (T2, P2),
    including any phase change in between: the heat duty per kg for heating, cooling,
    boiling or condensing it.

    Notes
    -----
    CoolProp: H(T2, P2) - H(T1, P1) from the equation of state, each state single-phase
    (T and P do not fix a state on the saturation line). thermo: heat-capacity integrals
    with the phase change at the normal boiling point (Hvap at Tb) plus a Peng-Robinson
    departure term; it is less exact, above all for a phase change away from 1 atm.

    Examples
    --------
    Liquid water heated from 20 to 80 °C at 1 atm, about 4.18 kJ/kg/K x 60 K (CoolProp
    directly gives the same 251.05 kJ/kg):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("enthalpy_change", {"chemical": "water",
    ...     "temperature_1": "20 degC", "temperature_2": "80 degC"})
    >>> round(r.value("dH", "kJ/kg"), 2)
    251.05
    """
    found = resolve_argument("chemical", chemical)
    chosen = _pick(found, method)
    p2 = pressure_1 if pressure_2 is None else pressure_2
    if chosen == "CoolProp":
        fluid = found.coolprop
        dh = _props_si("H", "T", temperature_2, "P", p2, fluid) - _props_si(
            "H", "T", temperature_1, "P", pressure_1, fluid
        )
        phases = (_phase(temperature_1, pressure_1, fluid), _phase(temperature_2, p2, fluid))
    else:
        one = _thermo_chemical(found.CAS, temperature_1, pressure_1)
        two = _thermo_chemical(found.CAS, temperature_2, p2)
        dh = _need(two.H, "enthalpy", found) - _need(one.H, "enthalpy", found)
        phases = tuple(
            {"l": "liquid", "g": "gas", "s": "solid"}.get(s.phase, s.phase) for s in (one, two)
        )
    return Outcome(
        {"dH": dh, "dH_molar": dh * found.MW / 1000.0, "phase_1": phases[0], "phase_2": phases[1]},
        method=chosen,
    )


@tool(
    topic="properties",
    reference="thermo.Mixture (mixing rules: Laliberte/COSTALD liquid density, Brokaw/Herning-"
    "Zipperer gas viscosity, mole-weighted Cp)",
    outputs={
        "rho": Out("kg/m**3", "mixture density"),
        "mu": Out("Pa*s", "mixture dynamic viscosity"),
        "Cp": Out("J/kg/K", "mixture isobaric heat capacity"),
        "k": Out("W/m/K", "mixture thermal conductivity"),
        "MW": Out("g/mol", "mixture molecular weight"),
        "phase": Out(None, "phase (liquid, gas or two-phase)"),
        "mole_fractions": Out(
            "", "mole fractions, in the order of components", kind="mole_fraction", many=True
        ),
    },
)
def mixture_properties(
    components: Annotated[list[str], P("component names, CAS numbers or formulas", chemical=True)],
    fractions: Annotated[list[float], P("fraction of each component, same order", ge=0)],
    temperature: Annotated[float, _T],
    pressure: Annotated[float, _P] = 101325.0,
    basis: Annotated[
        Literal["mole", "mass"], P("whether fractions are mole or mass fractions")
    ] = "mole",
) -> dict[str, Any]:
    """Density, viscosity, heat capacity, conductivity and molecular weight of a mixture
    of known composition (mole or mass fractions) at T and P. Fractions are normalised
    if they do not sum to 1.

    Notes
    -----
    thermo.Mixture (its legacy interface): pure-component correlations combined by its
    default mixing rules, the phase from an ideal (Raoult's law) flash at T and P. A state
    that flash puts between the bubble and dew points has no single-phase properties: it is
    refused, naming flash_tp for the split. A property thermo lacks comes back null with a
    warning. Fractions are normalised.

    Examples
    --------
    Air as 79 % N2 and 21 % O2 at 300 K and 1 atm; the ideal gas gives 101325 x 0.028850 /
    (8.3145 x 300) = 1.172 kg/m^3:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("mixture_properties", {"components": ["nitrogen", "oxygen"],
    ...     "fractions": [0.79, 0.21], "temperature": "300 K"})
    >>> round(r.value("MW"), 2), round(r.value("rho"), 3), r.value("phase")
    (28.85, 1.172, 'gas')
    """
    from thermo import Mixture

    if len(components) != len(fractions) or not components:
        raise ToolInputError(
            "mixture_properties: components and fractions must be non-empty "
            "lists of the same length"
        )
    total = sum(fractions)
    if total <= 0:
        raise ToolInputError("mixture_properties: argument 'fractions' must not all be zero")
    if abs(total - 1.0) > 1e-3:
        warn(f"fractions summed to {total:g}; normalised to 1")
    cas = [resolve_argument("components", c).CAS for c in components]
    normalised = [f / total for f in fractions]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        kwargs = {"zs": normalised} if basis == "mole" else {"ws": normalised}
        mix = Mixture(cas, T=temperature, P=pressure, **kwargs)
    if mix.phase not in ("l", "g"):
        _refuse_two_phase(components, temperature, pressure, mix.VF)
    phase = {"l": "liquid", "g": "gas"}[mix.phase]
    values = {
        "rho": mix.rho,
        "mu": mix.mu,
        "Cp": mix.Cp,
        "k": mix.k,
        "MW": mix.MW,
        "phase": phase,
        "mole_fractions": list(mix.zs),
    }
    for key in ("rho", "mu", "Cp", "k"):
        if values[key] is None:
            warn(f"thermo gives no mixture {key} for this {phase} state")
    return values


def _refuse_two_phase(components: list[str], T: float, P: float, vapor_fraction: Any) -> None:
    """A state between the bubble and dew points has no single-phase mixture properties
    (thermo fails, or gives a number that is neither phase's): say so, and which tool
    splits it."""
    from peoa.tools.registry import get_registry

    flash = get_registry().get("flash_tp").name
    split = f" (vapour fraction {vapor_fraction:.3g})" if vapor_fraction is not None else ""
    raise ToolInputError(
        f"mixture_properties: {'/'.join(components)} at {T:.5g} K and {P / 1e3:.5g} kPa is "
        f"two-phase by thermo's ideal (Raoult's law) flash{split}, and this tool gives "
        f"single-phase properties only; {flash} computes the phase split and compositions "
        "(model 'unifac' or 'nrtl' for a non-ideal liquid)"
    )


TOOLS = (
    chemical_identity,
    critical_properties,
    density,
    density_from_specific_gravity,
    viscosity,
    heat_capacity,
    pure_properties,
    vapor_pressure,
    saturation_temperature,
    heat_of_vaporization,
    enthalpy_change,
    mixture_properties,
)
