"""The thermodynamic state of any pure fluid of CoolProp from two properties, and the
state functions the device and cycle tools share.

States come from CoolProp's reference equations of state (Bell et al., Ind. Eng. Chem.
Res. 53 (2014) 2498). Enthalpy and entropy carry a reference state: CoolProp's default
(IAPWS for water, IIR for refrigerants), or IIR, ASHRAE or NBP on request, so that
values compare with a textbook's tables; differences never depend on it. A state
outside the equation of state's range, or two properties that do not fix one, is a
``ToolInputError`` that names the limit.

>>> from peoa.tools import get_registry
>>> s = get_registry().run("fluid_state", {"fluid": "water",
...     "pressure": {"value": 3, "unit": "MPa"}, "temperature": {"value": 350, "unit": "degC"}})
>>> round(s.value("enthalpy", "kJ/kg"), 1), round(s.value("entropy", "kJ/kg/K"), 4)
(3116.1, 6.745)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated, Any

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool

__all__ = [
    "COOLPROP_REFERENCE",
    "FLUID",
    "IDEAL_GAS_WORDS",
    "TOOLS",
    "State",
    "coolprop_name",
    "fluid_state",
    "inlet_state",
    "state_of",
]

COOLPROP_REFERENCE = (
    "CoolProp reference equations of state (Bell et al., Ind. Eng. Chem. Res. 53 (2014) 2498)"
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
    from peoa.tools.chemical import resolve_argument

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

    names = {
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


def _reference_offsets(fluid: str, reference: str) -> tuple[float, float]:
    """(dh, ds) to add to CoolProp's default h and s for the named reference state."""
    import CoolProp.CoolProp as CP

    if reference == "default":
        return 0.0, 0.0
    try:
        if reference == "IIR":
            h0 = CP.PropsSI("Hmass", "T", 273.15, "Q", 0, fluid)
            s0 = CP.PropsSI("Smass", "T", 273.15, "Q", 0, fluid)
            return 200e3 - h0, 1e3 - s0
        if reference == "ASHRAE":
            return (
                -CP.PropsSI("Hmass", "T", 233.15, "Q", 0, fluid),
                -CP.PropsSI("Smass", "T", 233.15, "Q", 0, fluid),
            )
        return (
            -CP.PropsSI("Hmass", "P", 101325.0, "Q", 0, fluid),
            -CP.PropsSI("Smass", "P", 101325.0, "Q", 0, fluid),
        )
    except ValueError:
        raise ToolInputError(
            f"the {reference} reference state is not defined for {fluid} (its saturated "
            "liquid at the reference point does not exist)"
        ) from None


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
    """Thermodynamic state of any pure fluid of CoolProp (steam, refrigerants such as
    R-134a, ammonia, CO2, air, nitrogen, hydrocarbons) from two properties: T, P, h, s,
    u, v or density, or quality. Gives the phase, h, s, u, v, cp, cv, speed of sound,
    viscosity, conductivity, Prandtl number and the saturation values."""
    import CoolProp.CoolProp as CP

    name = coolprop_name(fluid, "fluid_state")
    dh, ds = _reference_offsets(name, reference)
    given: dict[str, float] = {}
    for key, value in (
        ("temperature", temperature),
        ("pressure", pressure),
        ("quality", quality),
        ("enthalpy", None if enthalpy is None else enthalpy - dh),
        ("entropy", None if entropy is None else entropy - ds),
        ("internal_energy", None if internal_energy is None else internal_energy - dh),
        ("density", density if specific_volume is None else 1.0 / specific_volume),
    ):
        if value is not None:
            given[key] = value
    if specific_volume is not None and density is not None:
        raise ToolInputError("fluid_state: give the specific volume or the density, not both")
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


TOOLS = (fluid_state,)
