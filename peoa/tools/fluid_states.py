"""The thermodynamic state of a pure fluid or a mixture from two properties, and the
state functions the device and cycle tools share.

Pure fluids come from CoolProp's reference equations of state (Bell et al., Ind. Eng.
Chem. Res. 53 (2014) 2498). Enthalpy and entropy carry a reference state: CoolProp's
default (IAPWS for water, IIR for refrigerants), or IIR, ASHRAE or NBP on request, so
that values compare with a textbook's tables; differences never depend on it. A fluid
CoolProp lacks, and any mixture, takes the Peng-Robinson (or SRK) cubic equation through
``thermo``, bounded by the components' melting points, their heat-capacity data and ten
times the critical pressure. A state outside the model's range, or two properties that
do not fix one, is a ``ToolInputError`` that names the limit.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool
from peoa.tools.chemical import resolve_argument
from peoa.tools.vle import IDEAL_SOLUTION_WORDS

__all__ = [
    "COOLPROP_REFERENCE",
    "FLUID",
    "IDEAL_GAS_WORDS",
    "THERMO_REFERENCE",
    "TOOLS",
    "State",
    "coolprop_name",
    "cubic_flasher",
    "fluid_state",
    "inlet_state",
    "mixture_state",
    "saturated_value",
    "state_of",
    "thermo_outputs",
    "thermo_state",
]

COOLPROP_REFERENCE = (
    "CoolProp reference equations of state (Bell et al., Ind. Eng. Chem. Res. 53 (2014) 2498, "
    "doi:10.1021/ie4033999)"
)
FLUID = P("the fluid, e.g. 'water' (steam), 'R134a', 'ammonia', 'air', 'CO2'", chemical=True)
_REFERENCES = ("default", "IIR", "ASHRAE", "NBP")
# Words that ask for the ideal-gas model, not a real fluid's equation of state.
IDEAL_GAS_WORDS = (
    "ideal gas", "ideal-gas", "perfect gas", "as ideal", "constant k", "constant cp",
    "constant specific heat", "constant specific heats",
)  # fmt: skip
_REFERENCE = P(
    "reference state of h and s: CoolProp's default (IAPWS for water, IIR for "
    "refrigerants), IIR (h = 200 kJ/kg, s = 1 kJ/kg/K for saturated liquid at 0 °C), "
    "ASHRAE (h = s = 0 for saturated liquid at -40 °C) or NBP (h = s = 0 for saturated "
    "liquid at the normal boiling point)",
    choices=_REFERENCES,
)

# CoolProp's input keys for the properties that may fix a state.
_KEYS = {
    "temperature": "T",
    "pressure": "P",
    "enthalpy": "Hmass",
    "entropy": "Smass",
    "internal_energy": "Umass",
    "density": "Dmass",
    "quality": "Q",
}


def coolprop_name(fluid: str, tool_name: str) -> str:
    """The CoolProp name of a fluid the user names, or a ``ToolInputError`` naming it."""
    name = resolve_argument("fluid", fluid).coolprop
    if name is None:
        raise ToolInputError(
            f"{tool_name}: {fluid!r} has no reference equation of state in CoolProp"
        )
    return name


@dataclass(frozen=True)
class State:
    """One equilibrium state of a pure fluid, in SI units (J/kg, J/kg/K, kg/m³)."""

    T: float
    P: float
    h: float
    s: float
    u: float
    rho: float
    quality: float  # -1 outside the two-phase region
    phase: str

    @property
    def v(self) -> float:
        return 1.0 / self.rho


def _phase_name(index: int) -> str:
    import CoolProp.CoolProp as CP

    # CoolProp's phases are an IntEnum, so a table keyed by int takes any phase index.
    names: dict[int, str] = {
        CP.iphase_liquid: "liquid",
        CP.iphase_gas: "gas",
        CP.iphase_twophase: "two-phase",
        CP.iphase_supercritical: "supercritical",
        CP.iphase_supercritical_gas: "supercritical gas",
        CP.iphase_supercritical_liquid: "supercritical liquid",
    }
    return names.get(index, "unknown")


def _check_range(state: Any, name: str, T: float | None, P: float | None) -> None:
    """Refuse a temperature or pressure outside the equation of state's range, naming it."""
    if T is not None and not state.Tmin() <= T <= state.Tmax():
        raise ToolInputError(
            f"{name}: temperature {T:.2f} K is outside the equation of state's range "
            f"{state.Tmin():.2f} to {state.Tmax():.2f} K"
        )
    if P is not None and not 0 < P <= state.pmax():
        raise ToolInputError(
            f"{name}: pressure {P:.4g} Pa is above the equation of state's limit "
            f"{state.pmax():.4g} Pa"
        )


def state_of(fluid: str, tool_name: str = "state", **given: float) -> State:
    """The state of CoolProp fluid ``fluid`` fixed by two of the properties of ``_KEYS``.

    A pair that does not fix a state, or values outside the equation of state, give a
    ``ToolInputError`` that says so."""
    import CoolProp.CoolProp as CP

    if len(given) != 2:
        raise ToolInputError(f"{tool_name}: a state needs exactly two properties, not {len(given)}")
    (k1, v1), (k2, v2) = given.items()
    if "quality" in given and not 0.0 <= given["quality"] <= 1.0:
        raise ToolInputError(f"{tool_name}: a quality must lie between 0 and 1")
    state = CP.AbstractState("HEOS", fluid)
    _check_range(state, tool_name, given.get("temperature"), given.get("pressure"))
    if "quality" in given:
        T_sat = given.get("temperature")
        P_sat = given.get("pressure")
        if (T_sat is not None and T_sat > state.T_critical()) or (
            P_sat is not None and P_sat > state.p_critical()
        ):
            raise ToolInputError(
                f"{tool_name}: a quality needs a state below the critical point "
                f"({state.T_critical():.2f} K, {state.p_critical():.4g} Pa)"
            )
    try:
        pair, a, b = CP.generate_update_pair(
            CP.get_parameter_index(_KEYS[k1]), v1, CP.get_parameter_index(_KEYS[k2]), v2
        )
        state.update(pair, a, b)
        values = State(
            T=state.T(),
            P=state.p(),
            h=state.hmass(),
            s=state.smass(),
            u=state.umass(),
            rho=state.rhomass(),
            quality=state.Q(),
            phase=_phase_name(state.phase()),
        )
    except ValueError as error:
        message = str(error)
        if "not yet supported" in message or "not supported" in message:
            raise ToolInputError(
                f"{tool_name}: {k1} with {k2} does not fix a state here; give pressure or "
                "temperature with one other property"
            ) from None
        raise ToolInputError(
            f"{tool_name}: no state of {fluid} at these values ({message})"
        ) from None
    if not all(math.isfinite(x) for x in (values.T, values.P, values.h, values.s, values.rho)):
        raise ToolInputError(f"{tool_name}: no state of {fluid} at these values")
    quality = values.quality if 0.0 <= values.quality <= 1.0 else -1.0
    if quality >= 0 and values.phase != "two-phase":
        quality = -1.0
    return State(**{**values.__dict__, "quality": quality})


def _reference_offsets(
    fluid: str, reference: str, saturated_liquid: Callable[[str, float], tuple[float, float]]
) -> tuple[float, float]:
    """(dh, ds) to add to a backend's own h and s for the named reference state, from
    ``saturated_liquid("T" or "P", value) -> (h, s)`` of the backend."""
    if reference == "default":
        return 0.0, 0.0
    try:
        if reference == "IIR":
            h0, s0 = saturated_liquid("T", 273.15)
            return 200e3 - h0, 1e3 - s0
        h0, s0 = (
            saturated_liquid("T", 233.15)
            if reference == "ASHRAE"
            else saturated_liquid("P", 101325.0)
        )
    except (ValueError, ToolInputError):
        raise ToolInputError(
            f"the {reference} reference state is not defined for {fluid} (its saturated "
            "liquid at the reference point does not exist)"
        ) from None
    return -h0, -s0


def _coolprop_saturated_liquid(fluid: str) -> Callable[[str, float], tuple[float, float]]:
    import CoolProp.CoolProp as CP

    def saturated(key: str, value: float) -> tuple[float, float]:
        return (
            CP.PropsSI("Hmass", key, value, "Q", 0, fluid),
            CP.PropsSI("Smass", key, value, "Q", 0, fluid),
        )

    return saturated


def inlet_state(
    fluid: str, name: str, pressure: float, temperature: float | None, quality: float | None
) -> State:
    """An inlet fixed by its pressure and either its temperature or its quality."""
    if (temperature is None) == (quality is None):
        raise ToolInputError(f"{name}: give the temperature or the quality, one of them")
    if temperature is not None:
        return state_of(fluid, name, pressure=pressure, temperature=temperature)
    assert quality is not None
    return state_of(fluid, name, pressure=pressure, quality=quality)


_STATE_OUTPUTS = {
    "temperature": Out("K", "temperature"),
    "pressure": Out("Pa", "absolute pressure"),
    "enthalpy": Out("J/kg", "specific enthalpy (in the reference state used)", kind="specific_enthalpy"),
    "entropy": Out("J/kg/K", "specific entropy (in the reference state used)", kind="specific_entropy"),
    "internal_energy": Out("J/kg", "specific internal energy", kind="specific_internal_energy"),
    "specific_volume": Out("m**3/kg", "specific volume"),
    "density": Out("kg/m**3", "density"),
    "quality": Out("", "vapour quality (-1 outside the two-phase region)", kind="vapor_fraction"),
    "phase": Out(None, "phase: liquid, gas, two-phase, supercritical"),
    "cp": Out("J/kg/K", "isobaric specific heat (null in the two-phase region)", kind="specific_heat"),
    "isochoric_specific_heat": Out("J/kg/K", "isochoric specific heat cv (null in the two-phase region)", kind="specific_heat"),
    "speed_of_sound": Out("m/s", "speed of sound (null in the two-phase region)", kind="speed_of_sound"),
    "viscosity": Out("Pa*s", "dynamic viscosity (null where CoolProp has no model)"),
    "thermal_conductivity": Out("W/m/K", "thermal conductivity (null where CoolProp has no model)"),
    "prandtl": Out("", "Prandtl number (null where a transport model is missing)", kind="prandtl_number"),
    # Generic kinds: a state the table shows, not a look-up to feed another tool with.
    "saturation_temperature": Out("K", "saturation temperature at this pressure (null above the critical pressure)"),
    "saturation_pressure": Out("Pa", "saturation pressure at this temperature (null above the critical temperature)"),
    "reference_state": Out(None, "the reference state of h and s"),
}  # fmt: skip

_STATE_PAIRS = [
    ("pressure", "temperature"),
    ("pressure", "quality"),
    ("temperature", "quality"),
    ("pressure", "enthalpy"),
    ("pressure", "entropy"),
    ("enthalpy", "entropy"),
    ("temperature", "entropy"),
    ("pressure", "specific_volume"),
    ("temperature", "specific_volume"),
    ("pressure", "internal_energy"),
    ("temperature", "density"),
    ("pressure", "density"),
]


@tool(
    topic="thermodynamics",
    reference=COOLPROP_REFERENCE + "; property tables as in Cengel & Boles, Thermodynamics 9th ed. "
    "app. 1 (steam IAPWS-95, R-134a, ammonia, ideal-gas air)",
    outputs=_STATE_OUTPUTS,
    alternatives=[tuple(_STATE_PAIRS)],
    ruled_out_by=IDEAL_GAS_WORDS,
)
def fluid_state(
    fluid: Annotated[str, FLUID],
    temperature: Annotated[float | None, Q("temperature", "temperature", gt=0)] = None,
    pressure: Annotated[float | None, Q("pressure", "absolute pressure", gt=0)] = None,
    quality: Annotated[
        float | None, Q("vapor_fraction", "vapour quality 0..1 (saturated mixture)", ge=0, le=1)
    ] = None,
    enthalpy: Annotated[float | None, Q("specific_enthalpy", "specific enthalpy")] = None,
    entropy: Annotated[float | None, Q("specific_entropy", "specific entropy")] = None,
    internal_energy: Annotated[
        float | None, Q("specific_internal_energy", "specific internal energy")
    ] = None,
    specific_volume: Annotated[float | None, Q("specific_volume", "specific volume", gt=0)] = None,
    density: Annotated[float | None, Q("density", "density", gt=0)] = None,
    reference: Annotated[str, _REFERENCE] = "default",
) -> Outcome:
    """Thermodynamic state of a pure fluid (steam, refrigerants such as R-134a, ammonia,
    CO2, air, nitrogen, hydrocarbons) from two properties: T, P, h, s, u, v or density,
    or quality. Gives the phase, h, s, u, v, cp, cv, speed of sound, viscosity,
    conductivity, Prandtl number and the saturation values. CoolProp's reference
    equation of state where it has the fluid, else Peng-Robinson (thermo).

    Notes
    -----
    Equilibrium states of a pure fluid by CoolProp's reference equation of state, inside
    its range (water 273.16 to 2000 K, up to 1 GPa; R-134a 169.85 to 455 K): values out
    of range, and pairs that do not fix a state, are refused with the limit named.
    Transport properties and cp are null in the two-phase region. A fluid CoolProp lacks
    takes Peng-Robinson (thermo), with a warning: vapour within a few per cent, liquid
    density about 10 %.

    Examples
    --------
    Superheated steam at 3 MPa and 350 degC; Cengel and Boles table A-6 gives h = 3116.1
    kJ/kg and s = 6.7450 kJ/(kg K):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("fluid_state", {"fluid": "water", "pressure": "3 MPa",
    ...     "temperature": "350 degC"})
    >>> round(r.value("enthalpy", "kJ/kg"), 1), round(r.value("entropy", "kJ/kg/K"), 3)
    (3116.1, 6.745)
    """
    import CoolProp.CoolProp as CP

    if specific_volume is not None and density is not None:
        raise ToolInputError("fluid_state: give the specific volume or the density, not both")
    chemical = resolve_argument("fluid", fluid)
    raw = _given(
        temperature=temperature,
        pressure=pressure,
        quality=quality,
        enthalpy=enthalpy,
        entropy=entropy,
        internal_energy=internal_energy,
        density=density if specific_volume is None else 1.0 / specific_volume,
    )
    if chemical.coolprop is None:
        return _state_by_cubic_equation(chemical.CAS, chemical.name, raw, reference)
    name = chemical.coolprop
    dh, ds = _reference_offsets(name, reference, _coolprop_saturated_liquid(name))
    given = _shifted(raw, dh, ds)
    state = state_of(name, "fluid_state", **given)

    def optional(key: str) -> float | None:
        try:
            value = float(CP.PropsSI(key, "P", state.P, "Hmass", state.h, name))
        except ValueError:
            return None
        return value if math.isfinite(value) and value > 0 else None

    single_phase = state.quality < 0
    critical = CP.AbstractState("HEOS", name)
    T_sat = P_sat = None
    if critical.p_critical() > state.P:
        T_sat = float(CP.PropsSI("T", "P", state.P, "Q", 0, name))
    if critical.Ttriple() <= state.T < critical.T_critical():
        P_sat = float(CP.PropsSI("P", "T", state.T, "Q", 0, name))
    mu = optional("V") if single_phase else None
    k = optional("L") if single_phase else None
    cp = optional("Cpmass") if single_phase else None
    return Outcome(
        {
            "temperature": state.T,
            "pressure": state.P,
            "enthalpy": state.h + dh,
            "entropy": state.s + ds,
            "internal_energy": state.u + dh,
            "specific_volume": state.v,
            "density": state.rho,
            "quality": state.quality,
            "phase": state.phase,
            "cp": cp,
            "isochoric_specific_heat": optional("Cvmass") if single_phase else None,
            "speed_of_sound": optional("A") if single_phase else None,
            "viscosity": mu,
            "thermal_conductivity": k,
            "prandtl": mu * cp / k if mu and cp and k else None,
            "saturation_temperature": T_sat,
            "saturation_pressure": P_sat,
            "reference_state": reference if reference != "default" else "CoolProp default",
        },
        method=f"{name}, {state.phase}",
    )


# --- Fluids CoolProp lacks, and mixtures: a cubic equation of state from `thermo` ------

THERMO_REFERENCE = (
    "Peng & Robinson, Ind. Eng. Chem. Fundam. 15 (1976) 59, doi:10.1021/i160057a011, "
    "through Caleb Bell's thermo "
    "(ChemSep binary interaction parameters; ideal-gas heat capacities from chemicals)"
)
_THERMO_ZERO = "ideal gas at 298.15 K and 101.325 kPa (h = s = 0)"
# thermo's flash keywords for the properties that may fix a state; a pair with neither T
# nor P, or T with h (nearly independent of P for a gas, so no unique pressure), is left out.
_THERMO_KEYS = {
    "temperature": "T",
    "pressure": "P",
    "quality": "VF",
    "enthalpy": "H_mass",
    "entropy": "S_mass",
    "internal_energy": "U_mass",
}
_THERMO_PAIRS = frozenset(
    {
        frozenset(p)
        for p in (
            ("temperature", "pressure"), ("pressure", "quality"), ("temperature", "quality"),
            ("pressure", "enthalpy"), ("pressure", "entropy"), ("temperature", "entropy"),
            ("pressure", "internal_energy"), ("pressure", "density"), ("temperature", "density"),
        )
    }
)  # fmt: skip
# Above this multiple of the critical pressure a cubic equation's liquid is not trusted.
_MAX_REDUCED_PRESSURE = 10.0


def _thermo_limits(flasher: Any, zs: list[float]) -> tuple[float, float, float]:
    """(T_min, T_max, P_max) where the cubic equation and the ideal-gas heat capacities
    hold: above every component's melting point (the model has no solid), inside every
    heat-capacity correlation's range, below ten times the pseudo-critical pressure."""
    constants, props = flasher.constants, flasher.correlations
    lows, highs = [], []
    for i, heat_capacity in enumerate(props.HeatCapacityGases):
        low, high = heat_capacity.T_limits.get(heat_capacity.method, (0.0, math.inf))
        melting = constants.Tms[i] or constants.Tts[i] or 0.0
        lows.append(max(low, melting))
        highs.append(high)
    pseudo_Pc = sum(z * pc for z, pc in zip(zs, constants.Pcs, strict=True))
    return max(lows), min(highs), _MAX_REDUCED_PRESSURE * pseudo_Pc


@lru_cache(maxsize=32)
def cubic_flasher(cas: tuple[str, ...], eos: str = "PR") -> Any:
    """thermo's flasher for these components (building one reads the property databanks,
    about a second, so it is kept)."""
    from peoa.tools.vle import eos_flasher

    return eos_flasher(cas, eos)[0]


def thermo_state(flasher: Any, zs: list[float], tool_name: str, **given: float) -> Any:
    """A state of a pure fluid or a mixture by thermo's cubic equation of state. Pairs it
    cannot invert, and states outside the model's range, are ``ToolInputError``s that
    name the limit."""
    from chemicals.exceptions import PhaseExistenceImpossible

    if len(given) != 2:
        raise ToolInputError(f"{tool_name}: a state needs exactly two properties, not {len(given)}")
    if frozenset(given) not in _THERMO_PAIRS:
        raise ToolInputError(
            f"{tool_name}: {' with '.join(given)} does not fix a state with the cubic "
            "equation of state; give the pressure with T, quality, h, s, u or density, or "
            "the temperature with P, quality, s or density"
        )
    if "quality" in given and not 0.0 <= given["quality"] <= 1.0:
        raise ToolInputError(f"{tool_name}: a quality must lie between 0 and 1")
    T_min, T_max, P_max = _thermo_limits(flasher, zs)

    def check(T: float | None, P: float | None) -> None:
        if T is not None and not T_min <= T <= T_max:
            raise ToolInputError(
                f"{tool_name}: temperature {T:.2f} K is outside the model's range "
                f"{T_min:.2f} to {T_max:.2f} K (melting point and heat-capacity data)"
            )
        if P is not None and not 0 < P <= P_max:
            raise ToolInputError(
                f"{tool_name}: pressure {P:.4g} Pa is above the cubic equation's limit here, "
                f"{P_max:.4g} Pa ({_MAX_REDUCED_PRESSURE:g} times the critical pressure)"
            )

    check(given.get("temperature"), given.get("pressure"))
    keywords: dict[str, float] = {}
    for key, value in given.items():
        if key == "density":
            # thermo takes the molar volume
            keywords["V"] = (
                sum(z * mw for z, mw in zip(zs, flasher.constants.MWs, strict=True)) / 1e3 / value
            )
        else:
            keywords[_THERMO_KEYS[key]] = value
    try:
        result = flasher.flash(zs=zs, **keywords)
    except PhaseExistenceImpossible:
        raise ToolInputError(
            f"{tool_name}: no saturated state here: above the critical point a quality "
            "does not apply"
        ) from None
    except (ValueError, ArithmeticError, RuntimeError) as error:  # the solver gives up
        raise ToolInputError(f"{tool_name}: no state at these values ({error})") from None
    if not all(math.isfinite(x) for x in (result.T, result.P, result.H_mass(), result.rho_mass())):
        raise ToolInputError(f"{tool_name}: no state at these values")
    check(result.T, result.P)
    return result


def _single_phase(result: Any, method: str, two_phase: bool) -> float | None:
    """A property that exists in one phase only (cp, speed of sound), else None."""
    if two_phase:
        return None
    try:
        value = float(getattr(result, method)())
    except (ValueError, ArithmeticError, AttributeError, TypeError):
        return None
    return value if math.isfinite(value) and value > 0 else None


def thermo_outputs(
    result: Any, dh: float = 0.0, ds: float = 0.0, saturated: bool = False
) -> dict[str, Any]:
    """The properties of a thermo state, in the same names and units as ``fluid_state``;
    ``saturated`` when a quality fixed it, so that x = 0 and x = 1 stay two-phase states
    (as CoolProp reports them) rather than a liquid and a gas."""
    vf = float(result.VF)
    two_phase = 0.0 < vf < 1.0 or saturated
    mu = _single_phase(result, "mu", two_phase)
    k = _single_phase(result, "k", two_phase)
    cp = _single_phase(result, "Cp_mass", two_phase)
    return {
        "temperature": float(result.T),
        "pressure": float(result.P),
        "enthalpy": float(result.H_mass()) + dh,
        "entropy": float(result.S_mass()) + ds,
        "internal_energy": float(result.U_mass()) + dh,
        "specific_volume": 1.0 / float(result.rho_mass()),
        "density": float(result.rho_mass()),
        "quality": vf if two_phase else -1.0,
        "phase": "two-phase" if two_phase else ("gas" if vf >= 1.0 else "liquid"),
        "cp": cp,
        "isochoric_specific_heat": _single_phase(result, "Cv_mass", two_phase),
        "speed_of_sound": _single_phase(result, "speed_of_sound_mass", two_phase),
        "viscosity": mu,
        "thermal_conductivity": k,
        "prandtl": mu * cp / k if mu and cp and k else None,
    }


def _given(**properties: float | None) -> dict[str, float]:
    """The properties a call gives (the two that fix its state, if it is well posed)."""
    return {key: value for key, value in properties.items() if value is not None}


def _shifted(given: dict[str, float], dh: float, ds: float) -> dict[str, float]:
    """h, s and u given in a reference state, moved to the backend's own."""
    shift = {"enthalpy": dh, "entropy": ds, "internal_energy": dh}
    return {key: value - shift.get(key, 0.0) for key, value in given.items()}


def _state_by_cubic_equation(
    cas: str, name: str, given: dict[str, float], reference: str
) -> Outcome:
    """``fluid_state`` for a pure fluid CoolProp lacks: Peng-Robinson through thermo."""
    flasher = cubic_flasher((cas,))

    def saturated(key: str, value: float) -> tuple[float, float]:
        result = thermo_state(
            flasher, [1.0], "fluid_state", quality=0.0, **{_SATURATION[key]: value}
        )
        return float(result.H_mass()), float(result.S_mass())

    dh, ds = _reference_offsets(name, reference, saturated)
    result = thermo_state(flasher, [1.0], "fluid_state", **_shifted(given, dh, ds))
    values = thermo_outputs(result, dh, ds, saturated="quality" in given)
    critical_T, critical_P = flasher.constants.Tcs[0], flasher.constants.Pcs[0]
    values["saturation_temperature"] = (
        saturated_value(flasher, "T", P=values["pressure"])
        if values["pressure"] < critical_P
        else None
    )
    values["saturation_pressure"] = (
        saturated_value(flasher, "P", T=values["temperature"])
        if values["temperature"] < critical_T
        else None
    )
    values["reference_state"] = _THERMO_ZERO if reference == "default" else reference
    return Outcome(
        values,
        method=f"{name}, {values['phase']}, Peng-Robinson (thermo; CoolProp has no equation of state for it)",
        warnings=[
            f"{name} has no reference equation of state in CoolProp; its state is from the "
            "Peng-Robinson cubic equation, good to a few per cent for vapour and about 10 % "
            "for liquid density"
        ],
    )


_SATURATION = {"T": "temperature", "P": "pressure"}


def saturated_value(
    flasher: Any, wanted: str, zs: list[float] | None = None, vf: float = 0.0, **at: float
) -> float | None:
    """The saturation temperature or pressure (bubble point for vf = 0, dew point for
    vf = 1 with a mixture) at the other, or None where the model finds none."""
    try:
        result = flasher.flash(zs=zs or [1.0], VF=vf, **at)
    except Exception:  # thermo raises many kinds; "no saturated state" is an answer
        return None
    value = float(getattr(result, wanted))
    return value if math.isfinite(value) and value > 0 else None


_MIXTURE_OUTPUTS = {
    **{k: v for k, v in _STATE_OUTPUTS.items() if not k.startswith("saturation_")},
    "quality": Out("", "molar vapour fraction (-1 outside the two-phase region)", kind="vapor_fraction"),
    "compressibility_factor": Out("", "compressibility factor Z of the bulk mixture", kind="compressibility_factor"),
    "molar_mass": Out("kg/mol", "molar mass of the mixture", kind="molar_mass"),
    "bubble_point_temperature": Out("K", "bubble-point temperature at this pressure (null where there is none)", kind="bubble_point"),
    "dew_point_temperature": Out("K", "dew-point temperature at this pressure (null where there is none)", kind="dew_point"),
    "x": Out("", "liquid mole fractions (the feed when there is no liquid)", kind="mole_fraction", many=True),
    "y": Out("", "vapour mole fractions (the feed when there is no vapour)", kind="mole_fraction", many=True),
}  # fmt: skip


@tool(
    topic="thermodynamics",
    reference=THERMO_REFERENCE,
    outputs=_MIXTURE_OUTPUTS,
    alternatives=[tuple(tuple(sorted(p)) for p in _THERMO_PAIRS)],
    ruled_out_by=IDEAL_GAS_WORDS + IDEAL_SOLUTION_WORDS,
)
def mixture_state(
    components: Annotated[
        list[str],
        P("component names, CAS numbers or formulas, in the order of the fractions", chemical=True),
    ],
    z: Annotated[
        list[float], Q("mole_fraction", "mole fractions of the mixture (sum to 1)", ge=0, le=1)
    ],
    temperature: Annotated[float | None, Q("temperature", "temperature", gt=0)] = None,
    pressure: Annotated[float | None, Q("pressure", "absolute pressure", gt=0)] = None,
    quality: Annotated[
        float | None,
        Q("vapor_fraction", "molar vapour fraction 0..1 (0 bubble point, 1 dew point)", ge=0, le=1),
    ] = None,
    enthalpy: Annotated[
        float | None, Q("specific_enthalpy", "specific enthalpy (ideal gas at 298.15 K, 1 atm = 0)")
    ] = None,
    entropy: Annotated[
        float | None, Q("specific_entropy", "specific entropy (ideal gas at 298.15 K, 1 atm = 0)")
    ] = None,
    internal_energy: Annotated[
        float | None, Q("specific_internal_energy", "specific internal energy")
    ] = None,
    density: Annotated[float | None, Q("density", "density", gt=0)] = None,
    eos: Annotated[str, P("cubic equation of state", choices=("PR", "SRK"))] = "PR",
) -> Outcome:
    """Thermodynamic state of a gas or liquid mixture (natural gas, flue gas, a
    hydrocarbon blend, a solvent mixture) from two properties: T, P, vapour fraction,
    h, s, u or density. Gives the phase split, h, s, u, density, Z, cp, cv, speed of
    sound, viscosity, conductivity and the bubble and dew points at its pressure, with
    a cubic equation of state (Peng-Robinson or SRK, ChemSep kij).

    Notes
    -----
    A cubic equation of state with ChemSep binary interaction parameters and ideal-gas
    heat capacities from chemicals; h and s are zero for the ideal gas at 298.15 K and
    1 atm. Good for gases and non-polar mixtures; liquid densities and polar or
    associating mixtures (water with alcohols) are less accurate. Temperatures below a
    component's melting point or outside its heat-capacity data, and pressures above ten
    times the pseudo-critical pressure, are refused.

    Examples
    --------
    Dry air at 300 K and 1 atm; by hand the ideal gas gives P M / (R T) = 1.176 kg/m^3
    (M = 28.96 g/mol), and Peng-Robinson's Z = 0.9995 adds 0.05 %:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("mixture_state", {"components": ["N2", "O2", "Ar"],
    ...     "z": [0.7812, 0.2096, 0.0092], "temperature": "300 K", "pressure": "1 atm"})
    >>> round(r.value("density", "kg/m^3"), 3), r.value("phase")
    (1.177, 'gas')
    """
    from peoa.tools.vle import check_composition, resolve_components

    cas = resolve_components(components)
    zs = check_composition(z, len(cas))
    given = _given(
        temperature=temperature,
        pressure=pressure,
        quality=quality,
        enthalpy=enthalpy,
        entropy=entropy,
        internal_energy=internal_energy,
        density=density,
    )
    flasher = cubic_flasher(tuple(cas), eos)
    result = thermo_state(flasher, zs, "mixture_state", **given)
    values = thermo_outputs(result, saturated=quality is not None)
    liquid, gas = getattr(result, "liquid0", None), getattr(result, "gas", None)
    P_ = values["pressure"]
    values |= {
        "compressibility_factor": float(result.Z()),
        "molar_mass": float(result.MW()) / 1e3,
        "bubble_point_temperature": saturated_value(flasher, "T", zs, 0.0, P=P_),
        "dew_point_temperature": saturated_value(flasher, "T", zs, 1.0, P=P_),
        "x": list(liquid.zs) if liquid is not None else zs,
        "y": list(gas.zs) if gas is not None else zs,
        "reference_state": _THERMO_ZERO,
    }
    return Outcome(values, method=f"{eos} equation of state (thermo), {values['phase']}")


@tool(
    topic="thermodynamics",
    reference="Peng & Robinson, Ind. Eng. Chem. Fundam. 15 (1976) 59; Soave, Chem. Eng. Sci. 27 "
    "(1972) 1197; Smith, Van Ness & Abbott 7th ed. sec. 3.6 (generic cubic equation of "
    "state); thermo.eos.PR and SRK",
    outputs={
        "Z": Out(
            "",
            "compressibility factor Z from the cubic equation of state",
            kind="compressibility_factor",
        ),
        "molar_volume": Out("m**3/mol", "molar volume", kind="molar_volume"),
        "fugacity_coefficient": Out("", "fugacity coefficient phi = f/P", kind="ratio"),
        "phase": Out(None, "the root taken: vapour-like (g) or liquid-like (l)"),
    },
)
def cubic_eos_state(
    temperature: Annotated[float, Q("temperature", "temperature", gt=0)],
    pressure: Annotated[float, Q("pressure", "absolute pressure", gt=0)],
    critical_temperature: Annotated[
        float, Q("critical_temperature", "critical temperature Tc", gt=0, written=True)
    ],
    critical_pressure: Annotated[
        float, Q("critical_pressure", "critical pressure Pc", gt=0, written=True)
    ],
    acentric_factor: Annotated[
        float, Q("acentric_factor", "acentric factor omega", gt=-1, lt=2, written=True)
    ],
    eos: Annotated[str, P("cubic equation of state", choices=("PR", "SRK"))] = "PR",
) -> Outcome:
    """A pure gas or liquid's compressibility factor from the Peng-Robinson (or
    Soave-Redlich-Kwong) equation of state with the critical constants and acentric
    factor as given: Z, the molar volume and the fugacity coefficient. Where the cubic has
    a liquid and a vapour root, the stable one (lower Gibbs energy) is taken.

    Notes
    -----
    One component, its Tc, Pc and omega as the question gives them (``fluid_state`` and
    ``mixture_state`` look them up instead). A cubic without volume translation: gas Z
    within about 2 % of reference data away from the critical point; liquid volumes
    several per cent off.

    Examples
    --------
    Methane with the constants of Smith, Van Ness & Abbott Table B.1 (Tc = 190.6 K,
    Pc = 45.99 bar, omega = 0.012) at 300 K and 40 bar: PR gives Z = 0.919, 1.6 % below
    CoolProp's reference equation (0.935):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("cubic_eos_state", {"temperature": "300 K",
    ...     "pressure": "40 bar", "critical_temperature": "190.6 K",
    ...     "critical_pressure": "45.99 bar", "acentric_factor": 0.012})
    >>> round(r.value("Z"), 3), r.value("phase")
    (0.919, 'g')
    """
    from thermo.eos import PR, SRK

    model = {"PR": PR, "SRK": SRK}[eos]
    try:
        state = model(Tc=critical_temperature, Pc=critical_pressure, omega=acentric_factor,
                      T=temperature, P=pressure)  # fmt: skip
    except (ValueError, ArithmeticError) as error:
        raise ToolInputError(f"the {eos} equation has no state here ({error})") from None
    roots = {p: getattr(state, f"Z_{p}", None) for p in ("g", "l")}
    found = {p: z for p, z in roots.items() if z is not None}
    phase = min(found, key=lambda p: getattr(state, f"G_dep_{p}"))
    return Outcome(
        {
            "Z": found[phase],
            "molar_volume": getattr(state, f"V_{phase}"),
            "fugacity_coefficient": getattr(state, f"phi_{phase}"),
            "phase": phase,
        },
        method=f"{eos}, {'vapour' if phase == 'g' else 'liquid'} root",
    )


TOOLS = (fluid_state, mixture_state, cubic_eos_state)
