"""Pressure relief valve sizing after API 520 Part I (10th ed., 2020) and the API 526
standard orifice letters (``fluids.safety_valve``)."""

from __future__ import annotations

from typing import Annotated

import fluids.safety_valve as sv

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn

__all__ = [
    "TOOLS",
    "api526_orifice",
    "relief_valve_gas",
    "relief_valve_liquid",
    "relief_valve_steam",
    "relieving_pressure",
]

_ATM = 101325.0
_KD = Q("discharge_coefficient", "effective coefficient of discharge Kd", gt=0, le=1)
_KB = Q(
    "correction_factor",
    "backpressure correction Kb (1 for conventional valves at low backpressure)",
    gt=0,
    le=1,
)
_KC = Q(
    "correction_factor", "combination correction Kc (0.9 with an upstream rupture disk)", gt=0, le=1
)
_LETTER_OUTPUTS = {
    "letter": Out(None, "API 526 orifice letter of the smallest standard orifice that fits"),
    "letter_area": Out(
        "m**2",
        "effective area of the smallest API 526 standard orifice (letter) that fits",
        kind="orifice_area",
    ),
}


def _letter_size(area: float) -> tuple[str | None, float | None]:
    """The smallest API 526 letter covering ``area`` and its area; ``None`` past T."""
    for letter, size in zip(sv.API526_letters, sv.API526_A, strict=True):
        if size >= area:
            return letter, size
    warn("the required area exceeds the largest API 526 orifice (T); use multiple valves")
    return None, None


def _letter(area: float) -> dict[str, object]:
    letter, size = _letter_size(area)
    return {"letter": letter, "letter_area": size}


@tool(
    topic="relief_devices",
    reference="API 520 Part I (10th ed.) sec. 5.6 eq. 9 (critical) and 18 (subcritical); "
    "fluids.safety_valve.API520_A_g; API 526 orifice letters",
    outputs={
        "area": Out("m**2", "required effective discharge area, API 520", kind="orifice_area"),
        "critical": Out(None, "whether flow is critical (choked)"),
    }
    | _LETTER_OUTPUTS,
    phase="gas",
)
def relief_valve_gas(
    mass_flow: Annotated[float, Q("mass_flow", "required relieving mass flow", gt=0)],
    temperature: Annotated[float, Q("temperature", "relieving temperature at the inlet")],
    relieving_pressure: Annotated[
        float,
        Q(
            "relieving_pressure",
            "upstream relieving pressure (absolute: set pressure + overpressure + atm)",
        ),
    ],
    molar_mass: Annotated[float, Q("molar_mass", "gas molar mass", gt=0)],
    k: Annotated[
        float, Q("heat_capacity_ratio", "ideal-gas heat capacity ratio Cp/Cv", gt=1, le=2)
    ],
    Z: Annotated[
        float, Q("compressibility_factor", "compressibility at relieving conditions", gt=0)
    ] = 1.0,
    back_pressure: Annotated[
        float,
        Q("pressure", "total back pressure (absolute; the atmosphere when discharging to it)"),
    ] = _ATM,
    Kd: Annotated[float, _KD] = 0.975,
    Kb: Annotated[float, _KB] = 1.0,
    Kc: Annotated[float, _KC] = 1.0,
) -> Outcome:
    """Required orifice area of a pressure relief valve in gas or vapour service (API 520
    Part I), critical or subcritical flow, and the API 526 orifice letter to select.

    Notes
    -----
    Ideal-gas flow with the compressibility Z at relieving conditions, by
    ``fluids.safety_valve.API520_A_g``: critical (eq. 9, with Kb) when the back pressure is
    below the critical flow pressure P1 (2/(k+1))^(k/(k-1)), else subcritical (eq. 18, with
    F2; Kb is not used there). Kd 0.975 is for preliminary sizing; a back pressure at or
    above the relieving pressure is refused, and a need past letter T warns.

    Examples
    --------
    API 520 Part I Example 1 (critical flow) needs 3699 mm2, as
    ``fluids.safety_valve.API520_A_g`` documents it:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("relief_valve_gas", {"mass_flow": "24270 kg/h",
    ...     "temperature": "348 K", "relieving_pressure": "670 kPa", "molar_mass": "51 g/mol",
    ...     "k": 1.11, "Z": 0.9})
    >>> round(r.value("area", "mm^2")), r.value("critical"), r.value("letter")
    (3699, True, 'P')
    """
    if back_pressure >= relieving_pressure:
        raise ToolInputError("relief_valve_gas: back_pressure must be below relieving_pressure")
    area = sv.API520_A_g(
        m=mass_flow,
        T=temperature,
        Z=Z,
        MW=molar_mass,
        k=k,
        P1=relieving_pressure,
        P2=back_pressure,
        Kd=Kd,
        Kb=Kb,
        Kc=Kc,
    )
    critical = bool(sv.is_critical_flow(relieving_pressure, back_pressure, k))
    return Outcome(
        {"area": area, "critical": critical} | _letter(area),
        method="critical flow" if critical else "subcritical flow",
    )


@tool(
    substance="water",
    topic="relief_devices",
    reference="API 520 Part I (10th ed.) sec. 5.7 eq. 24 (Napier, with KN and KSH); "
    "fluids.safety_valve.API520_A_steam; API 526 orifice letters",
    outputs={"area": Out("m**2", "required effective discharge area, API 520", kind="orifice_area")}
    | _LETTER_OUTPUTS,
    phase="gas",
)
def relief_valve_steam(
    mass_flow: Annotated[float, Q("mass_flow", "required relieving steam flow", gt=0)],
    temperature: Annotated[
        float, Q("temperature", "relieving temperature (saturated or superheated)")
    ],
    relieving_pressure: Annotated[
        float, Q("relieving_pressure", "upstream relieving absolute pressure")
    ],
    Kd: Annotated[float, _KD] = 0.975,
    Kb: Annotated[float, _KB] = 1.0,
    Kc: Annotated[float, _KC] = 1.0,
    edition: Annotated[
        str, P("API 520 edition for the superheat factor", choices=("10E", "7E"))
    ] = "10E",
) -> Outcome:
    """Required orifice area of a pressure relief valve in saturated or superheated steam
    service (API 520 Napier equation with the high-pressure and superheat corrections).

    Notes
    -----
    Dry saturated or superheated steam only (wet steam is not checked for): A = 190.5 m /
    (P1 Kd Kb Kc KN KSH) by ``fluids.safety_valve.API520_A_steam``. KN is 1 up to
    10339 kPa and corrects above it; KSH is interpolated in API 520's superheat table (1
    below 205 degC in the 10th edition). Above 649 degC or 22.06 MPa the library has no
    factor and the tool refuses.

    Examples
    --------
    API 520 Part I (10th ed.) Example 4, as ``fluids.safety_valve.API520_A_steam``
    documents it:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("relief_valve_steam", {"mass_flow": "69615 kg/h",
    ...     "temperature": "707.0389 K", "relieving_pressure": "12236 kPa"})
    >>> round(r.value("area", "mm^2")), r.value("letter")
    (1285, 'L')
    """
    area = sv.API520_A_steam(
        m=mass_flow, T=temperature, P1=relieving_pressure, Kd=Kd, Kb=Kb, Kc=Kc, edition=edition
    )
    return Outcome({"area": area} | _letter(area), method=f"API 520 {edition}")


@tool(
    topic="relief_devices",
    reference="API 520 Part I (10th ed.) sec. 5.8 eq. 27 (liquid, certified valves) with Kw "
    "and the Kv viscosity correction; fluids.safety_valve.API520_A_l",
    outputs={
        "area": Out("m**2", "required effective discharge area, API 520", kind="orifice_area"),
        "Kw": Out("", "backpressure correction used (balanced bellows)", kind="correction_factor"),
        "Kv": Out("", "viscosity correction used", kind="correction_factor"),
    }
    | _LETTER_OUTPUTS,
    phase="liquid",
)
def relief_valve_liquid(
    mass_flow: Annotated[float, Q("mass_flow", "required relieving liquid flow", gt=0)],
    density: Annotated[float, Q("density", "liquid density", gt=0)],
    set_pressure: Annotated[
        float, Q("pressure", "set pressure (absolute; gauge units such as barg or psig are fine)")
    ],
    overpressure: Annotated[
        float,
        Q(
            "overpressure",
            "allowed overpressure as a fraction of the gauge set pressure (0.1 or 10 %)",
            gt=0,
            le=1,
        ),
    ] = 0.1,
    back_pressure: Annotated[
        float,
        Q("pressure", "total back pressure (absolute; the atmosphere when discharging to it)"),
    ] = _ATM,
    viscosity: Annotated[
        float | None, Q("dynamic_viscosity", "liquid viscosity (for the Kv correction)", gt=0)
    ] = None,
    Kd: Annotated[float, _KD] = 0.65,
    Kc: Annotated[float, _KC] = 1.0,
    balanced_bellows: Annotated[
        bool,
        P(
            "balanced bellows valve (applies Kw for back pressure)",
            said_true=("balanced bellows", "balanced-bellows"),
            said_false=("conventional",),
        ),
    ] = False,
) -> Outcome:
    """Required orifice area of a pressure relief valve in liquid service (API 520 Part I,
    certified liquid-trim valves), with back-pressure and viscosity corrections.

    Notes
    -----
    Incompressible liquid that does not flash (two-phase relief is outside it), by
    ``fluids.safety_valve.API520_A_l``. The relieving pressure is the gauge set pressure
    times (1 + overpressure) plus 101.325 kPa. Kw is 1 for a conventional valve and, for
    balanced bellows, API 520's curve (1 below 15 % gauge back pressure, tabulated to 50
    %); Kv = (1 + 170/Re)^-0.5 (10th ed.), meant for Re > 80, or 1 without a viscosity.

    Examples
    --------
    API 520 Part I (10th ed.) Example 5 (6814 L/min of SG 0.9 oil at 2000 SSU, balanced
    bellows), as ``fluids.safety_valve.API520_A_l`` reproduces it (API 520: 3122 mm2):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("relief_valve_liquid", {"mass_flow": "102.108 kg/s",
    ...     "density": "899.1 kg/m^3", "set_pressure": "1724 kPag",
    ...     "back_pressure": "344.8 kPag", "viscosity": "0.388 Pa*s", "balanced_bellows": True})
    >>> round(r.value("area", "mm^2")), round(r.value("Kv"), 3), r.value("letter")
    (3107, 0.984, 'P')
    """
    set_gauge = set_pressure - _ATM
    if set_gauge <= 0:
        raise ToolInputError("relief_valve_liquid: set_pressure must be above atmospheric")
    P1 = (1.0 + overpressure) * set_gauge + _ATM
    if back_pressure >= P1:
        raise ToolInputError(
            "relief_valve_liquid: back_pressure must be below the relieving pressure"
        )
    kw = None if balanced_bellows else 1.0
    kv = 1.0 if viscosity is None else None
    area = sv.API520_A_l(
        m=mass_flow,
        rho=density,
        P1=P1,
        P2=back_pressure,
        overpressure=overpressure,
        Kd=Kd,
        Kc=Kc,
        Kw=kw,
        Kv=kv,
        mu=viscosity,
    )
    if kw is None:
        kw = sv.API520_W(set_pressure, back_pressure)
    if kv is None:
        from math import pi, sqrt

        D = sqrt(4.0 * area / pi)
        kv = sv.API520_Kv(density * (mass_flow / density / area) * D / viscosity)
    return Outcome(
        {"area": area, "Kw": kw, "Kv": kv} | _letter(area),
        method="with viscosity correction" if viscosity is not None else "Kv = 1",
    )


@tool(
    topic="relief_devices",
    reference="API Std 526 (7th ed.) effective orifice areas D..T; fluids.safety_valve."
    "API526_letters, API526_A",
    outputs=_LETTER_OUTPUTS
    | {"letter_area_in2": Out("", "that area in square inches", kind="ratio")},
)
def api526_orifice(
    required_area: Annotated[float, Q("orifice_area", "required effective discharge area", gt=0)],
) -> dict[str, object]:
    """The smallest API 526 standard orifice letter (D, E, F, G, H, J, K, L, M, N, P, Q, R,
    T) whose effective area covers a required relief area.

    Notes
    -----
    The API 526 effective areas, D (0.110 in2, 71 mm2) to T (26.0 in2, 16774 mm2),
    match an area sized by API 520 with the effective Kd, not a maker's rated area. A need
    above T warns and gives no letter: use several valves.

    Examples
    --------
    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("api526_orifice", {"required_area": "3699 mm^2"})
    >>> r.value("letter"), round(r.value("letter_area_in2"), 2)
    ('P', 6.38)
    """
    letter, area = _letter_size(required_area)
    return {
        "letter": letter,
        "letter_area": area,
        "letter_area_in2": None if area is None else area / 0.0254**2,
    }


@tool(
    topic="relief_devices",
    reference="API 520 Part I (2014) sec. 5.6: P1 = set pressure + allowable overpressure "
    "+ atmospheric pressure; overpressure 10 % (single valve), 16 % (multiple), 21 % (fire)",
    outputs={
        "relieving_pressure": Out("Pa", "relieving pressure, absolute", kind="relieving_pressure")
    },
)
def relieving_pressure(
    set_pressure: Annotated[
        float, Q("pressure", "set pressure (gauge units such as barg or psig are read as gauge)")
    ],
    overpressure: Annotated[
        float,
        Q(
            "overpressure",
            "allowed overpressure as a fraction of the gauge set pressure (0.1 or 10 %)",
            ge=0,
            le=1,
        ),
    ],
    atmospheric_pressure: Annotated[
        float | None,
        Q("atmospheric_pressure", "local atmospheric pressure; default 101.325 kPa", gt=0),
    ] = None,
) -> dict[str, float]:
    """Relieving pressure of a relief valve, absolute: the gauge set pressure plus its
    allowable overpressure, plus the atmospheric pressure.

    Notes
    -----
    P1 = P_set,g (1 + overpressure) + P_atm, with the overpressure a fraction of the gauge
    set pressure (API 520: 10 % single valve, 16 % multiple, 21 % fire). A set pressure is
    read as gauge from the standard atmosphere; one at or below it is refused. The 3 psi
    (21 kPa) minimum overpressure at low set pressures is not applied.

    Examples
    --------
    A valve set at 10 barg with 10 % overpressure relieves at 11 barg, 12.01 bar absolute:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("relieving_pressure", {"set_pressure": "10 barg",
    ...     "overpressure": "10 %"})
    >>> round(r.value("relieving_pressure", "kPa"), 3)
    1201.325
    """
    atmosphere = _ATM if atmospheric_pressure is None else atmospheric_pressure
    gauge = set_pressure - _ATM
    if gauge <= 0:
        raise ToolInputError("relieving_pressure: set_pressure must be above atmospheric")
    return {"relieving_pressure": gauge * (1.0 + overpressure) + atmosphere}


TOOLS = (
    relief_valve_gas,
    relief_valve_steam,
    relief_valve_liquid,
    relieving_pressure,
    api526_orifice,
)
