"""Ideal gases: the state PV = Z n R T, and entropy changes with constant specific heats.

The equation of state with a compressibility factor Z (1 for an ideal gas) gives the
density, the specific and molar volumes, and the amount and mass in a volume; the
entropy change of an ideal gas with a constant cp is Delta s = cp ln(T2/T1) - R ln(P2/P1)
(Cengel and Boles, *Thermodynamics: An Engineering Approach*, secs. 3-6 and 7-9).
"""

from __future__ import annotations

import math
from typing import Annotated

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool
from peoa.tools.chemical import resolve_argument

__all__ = ["TOOLS", "ideal_gas_entropy_change", "ideal_gas_state"]

R_GAS = 8.314462618  # J/(mol K), CODATA 2018
_K = Q("heat_capacity_ratio", "heat capacity ratio k = cp/cv of the gas", gt=1, le=2)


def _molar_mass(molar_mass: float | None, gas: str | None, tool_name: str) -> tuple[float, str]:
    """The molar mass in kg/mol, and where it came from."""
    if molar_mass is not None and gas is None:
        return molar_mass / 1000.0, "given molar mass"
    if gas is None or molar_mass is not None:
        raise ToolInputError(f"{tool_name}: give exactly one of 'molar_mass' or 'gas'")
    found = resolve_argument("gas", gas)
    return found.MW / 1000.0, f"molar mass of {found.name} ({found.MW:.4g} g/mol)"


@tool(
    topic="properties",
    reference="Equation of state PV = Z n R T (Cengel and Boles, Thermodynamics: An "
    "Engineering Approach 9th ed. secs. 3-6 and 3-7); R = 8.314462618 J/(mol K) (CODATA 2018); "
    "molar masses from chemicals",
    outputs={
        "density": Out("kg/m**3", "gas density P M / (Z R T)"),
        "specific_volume": Out("m**3/kg", "specific volume 1/density"),
        "molar_volume": Out("m**3/mol", "molar volume Z R T / P"),
        "moles": Out(
            "mol", "amount of gas in the volume (null without a volume)", needs=("volume",)
        ),
        "mass": Out("kg", "mass of gas in the volume (null without a volume)", needs=("volume",)),
        "molar_mass": Out("g/mol", "molar mass used"),
    },
    alternatives=[("molar_mass", "gas")],
    phase="gas",
    ruled_out_by=("real gas", "real-gas", "not ideal", "non-ideal", "nonideal"),
)
def ideal_gas_state(
    pressure: Annotated[float, Q("pressure", "absolute pressure of the gas", gt=0)],
    temperature: Annotated[float, Q("temperature", "temperature of the gas", gt=0)],
    molar_mass: Annotated[float | None, Q("molar_mass", "molar mass of the gas", gt=0)] = None,
    gas: Annotated[
        str | None,
        P("the gas, by name, CAS number or formula (for its molar mass)", chemical=True),
    ] = None,
    Z: Annotated[
        float, Q("compressibility_factor", "compressibility factor; 1 for an ideal gas", gt=0)
    ] = 1.0,
    volume: Annotated[
        float | None, Q("volume", "volume of a vessel or space the gas fills", gt=0)
    ] = None,
) -> Outcome:
    """State of an ideal gas (or a real gas with a compressibility factor Z) by
    PV = Z n R T: density, specific volume and molar volume from the pressure, temperature
    and molar mass (or the gas's name); with a volume, the moles and mass it holds.

    Notes
    -----
    The compressibility factor is taken as given (1 unless told), never computed: Z = 1
    holds for gases far from their critical point, e.g. air at 300 K to within 0.3 % up
    to 10 bar and 1 % up to 50 bar. For a dense or near-critical gas give Z, or use
    fluid_state; a question that says "real gas" or "non-ideal" rules this tool out.

    Examples
    --------
    Air (M = 28.97 g/mol) at 100 kPa and 25 degC; by hand P M / (R T) = 1.169 kg/m^3:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("ideal_gas_state", {"pressure": "100 kPa",
    ...     "temperature": "25 degC", "molar_mass": "28.97 g/mol"})
    >>> round(r.value("density", "kg/m^3"), 3)
    1.169
    """
    M, source = _molar_mass(molar_mass, gas, "ideal_gas_state")
    molar_volume = Z * R_GAS * temperature / pressure
    density = M / molar_volume
    moles = None if volume is None else volume / molar_volume
    return Outcome(
        {
            "density": density,
            "specific_volume": 1.0 / density,
            "molar_volume": molar_volume,
            "moles": moles,
            "mass": None if moles is None else moles * M,
            "molar_mass": M * 1000.0,
        },
        method=f"PV = ZnRT with Z = {Z:g}; {source}",
    )


@tool(
    topic="properties",
    reference="Ideal gas with constant specific heats: Delta s = cp ln(T2/T1) - R ln(P2/P1) "
    "(Cengel and Boles, Thermodynamics: An Engineering Approach 9th ed. eq. 7-34, "
    "Example 7-9)",
    outputs={
        "delta_s": Out("J/(kg*K)", "entropy change s2 - s1", kind="specific_entropy_change"),
    },
    alternatives=[("cp", "k")],
    phase="gas",
)
def ideal_gas_entropy_change(
    T1: Annotated[float, Q("temperature", "initial (inlet) temperature", gt=0)],
    P1: Annotated[float, Q("pressure", "initial (inlet) absolute pressure", gt=0)],
    P2: Annotated[float, Q("pressure", "final (outlet) absolute pressure", gt=0)],
    molar_mass: Annotated[float, Q("molar_mass", "molar mass of the gas", gt=0)],
    T2: Annotated[float, Q("temperature", "final (outlet) temperature", gt=0)],
    cp: Annotated[
        float | None, Q("specific_heat", "constant-pressure specific heat (constant)", gt=0)
    ] = None,
    k: Annotated[float | None, _K] = None,
) -> Outcome:
    """Entropy change of an ideal gas with constant specific heats, Delta s = cp ln(T2/T1)
    - R ln(P2/P1) per kg, from cp (or k) and the molar mass. (The isentropic outlet
    temperature is the compressor and turbine tools' T2s.)

    Notes
    -----
    Ideal gas with one constant cp over T1..T2 (use a mean cp for a wide span), no phase
    change and no chemical reaction; with k instead of cp, cp = k R / (k - 1). A vapour
    near saturation or a dense gas needs fluid_state's real-fluid entropies instead.

    Examples
    --------
    Air compressed from 100 kPa and 290 K to 600 kPa and 330 K, cp = 1.006 kJ/(kg K)
    (Cengel and Boles, Example 7-9: -0.3842 kJ/(kg K)):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("ideal_gas_entropy_change", {"T1": "290 K", "P1": "100 kPa",
    ...     "T2": "330 K", "P2": "600 kPa", "cp": "1.006 kJ/kg/K", "molar_mass": "28.97 g/mol"})
    >>> round(r.value("delta_s", "kJ/kg/K"), 3)
    -0.384
    """
    r_specific = R_GAS / (molar_mass / 1000.0)
    if cp is not None:
        cp_used = cp
    elif k is not None:
        cp_used = k * r_specific / (k - 1.0)
    else:
        raise ToolInputError("ideal_gas_entropy_change: give 'cp' or 'k' (or both)")
    ratio = math.log(P2 / P1)
    delta_s = cp_used * math.log(T2 / T1) - r_specific * ratio
    return Outcome(
        {"delta_s": delta_s},
        method=f"constant cp = {cp_used:.6g} J/(kg K)"
        + ("" if cp is not None else " from k R / (k - 1)")
        + f", R = {r_specific:.6g} J/(kg K)",
    )


TOOLS = (ideal_gas_state, ideal_gas_entropy_change)
