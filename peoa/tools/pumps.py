"""Centrifugal pumps: head, power, NPSH available, affinity laws, specific speed, motors.

Definitions from Hydraulic Institute HI 1.3 and Crane TP-410 (2009); ``fluids.core``
converts head and pressure, ``fluids.pump`` supplies specific speed, the Corripio
efficiency estimate and NEMA motor sizes and efficiencies.

A 15 kW shaft load on a 92 % motor running 8000 h a year at 0.10 per kWh:

>>> from peoa.tools import get_registry
>>> r = get_registry().run("pump_energy_cost", {"shaft_power": {"value": 15, "unit": "kW"},
...     "motor_efficiency": 0.92, "operating_hours": {"value": 8000, "unit": "h"},
...     "electricity_price": 0.10})
>>> round(r.value("energy_per_year", "kWh")), round(r.value("yearly_cost"), 2)
(130435, 13043.48)
"""

from __future__ import annotations

from typing import Annotated

import fluids.core
import fluids.pump

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn

__all__ = [
    "TOOLS",
    "motor_size",
    "npsh_available",
    "pump_affinity",
    "pump_energy_cost",
    "pump_head",
    "pump_power",
    "pump_specific_speed",
]

_G = 9.80665
_DENSITY = Q("density", "liquid density", gt=0)
_EFF = Q("efficiency", "efficiency as a fraction (0.75) or percentage (75 %)", gt=0, le=1)


@tool(
    topic="pumps",
    reference="HI 1.3; head H = dP / (rho g), fluids.core.head_from_P",
    outputs={
        "head": Out("m", "pump total differential head", kind="head"),
        "dP": Out("Pa", "pressure rise", kind="pressure_difference"),
    },
    alternatives=[("pressure_rise", ("suction_pressure", "discharge_pressure"))],
)
def pump_head(
    density: Annotated[float, _DENSITY],
    pressure_rise: Annotated[
        float | None, Q("pressure_difference", "discharge minus suction pressure", gt=0)
    ] = None,
    suction_pressure: Annotated[float | None, Q("pressure", "suction pressure")] = None,
    discharge_pressure: Annotated[float | None, Q("pressure", "discharge pressure")] = None,
) -> dict[str, float]:
    """Pump differential head from the pressure rise across it and the liquid density.
    Give the pressure rise, or both suction and discharge pressures (gauge units such as
    barg or psig are fine, both are converted to absolute).

    Notes
    -----
    H = dP / (rho g) with standard gravity, for an incompressible liquid of one density
    across the pump. The velocity-head and elevation differences between the two gauges,
    which HI 1.3's total head includes, are not added: read both pressures at one
    elevation on nozzles of one size. A discharge at or below the suction is refused.

    Examples
    --------
    A 3 bar rise on water is 3e5 / (998 x 9.80665) = 30.65 m of head:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("pump_head", {"density": "998 kg/m^3", "pressure_rise": "3 bar"})
    >>> round(r.value("head"), 2)
    30.65
    """
    if pressure_rise is not None and (suction_pressure, discharge_pressure) != (None, None):
        # The readings would be ignored: seen, a rise of "7.2 barg" (the discharge
        # reading) beside a suction of 0.8 barg, answered as a 7.2 bar rise.
        raise ToolInputError(
            "pump_head: give 'pressure_rise', or 'suction_pressure' and 'discharge_pressure', "
            "not both"
        )
    if pressure_rise is None:
        if suction_pressure is None or discharge_pressure is None:
            raise ToolInputError(
                "pump_head: give 'pressure_rise', or both 'suction_pressure' "
                "and 'discharge_pressure'"
            )
        pressure_rise = discharge_pressure - suction_pressure
        if pressure_rise <= 0:
            raise ToolInputError("pump_head: discharge pressure must exceed suction pressure")
    return {"head": fluids.core.head_from_P(pressure_rise, density), "dP": pressure_rise}


@tool(
    topic="pumps",
    reference="HI 1.3: P_hyd = rho g Q H, P_shaft = P_hyd / eta; Corripio et al., Chem. Eng. 89 "
    "(1982) 115 (fluids.pump.Corripio_pump_efficiency); NRCan CSA motor efficiencies "
    "(fluids.pump.CSA_motor_efficiency, motor_round_size)",
    outputs={
        "hydraulic_power": Out("W", "power given to the liquid, rho g Q H", kind="hydraulic_power"),
        "brake_power": Out(
            "W", "shaft (brake) power, hydraulic power / pump efficiency", kind="shaft_power"
        ),
        "motor_input_power": Out(
            "W", "electrical power drawn, brake power / motor efficiency", kind="electrical_power"
        ),
        "pump_efficiency": Out("", "pump efficiency used", kind="efficiency"),
        "motor_efficiency": Out("", "motor efficiency used", kind="efficiency"),
    },
    alternatives=[("volumetric_flow", "mass_flow"), ("head", "pressure_rise")],
)
def pump_power(
    density: Annotated[float, _DENSITY],
    volumetric_flow: Annotated[float | None, Q("volumetric_flow", "flow rate", gt=0)] = None,
    mass_flow: Annotated[float | None, Q("mass_flow", "mass flow rate", gt=0)] = None,
    head: Annotated[float | None, Q("head", "pump differential head", gt=0)] = None,
    pressure_rise: Annotated[float | None, Q("pressure_difference", "pressure rise", gt=0)] = None,
    efficiency: Annotated[float | None, _EFF] = None,
    motor_efficiency: Annotated[float | None, _EFF] = None,
) -> Outcome:
    """Hydraulic, brake (shaft) and motor input power of a pump. Give the flow (volumetric
    or mass) and the head or pressure rise. Without a pump efficiency the Corripio
    estimate for centrifugal pumps is used; without a motor efficiency, the CSA minimum
    efficiency of the next standard motor size.

    Notes
    -----
    The liquid is incompressible (P_hyd = Q dP). The Corripio efficiency is a fit for
    centrifugal pumps between 50 and 5000 gpm (11.4 to 1136 m^3/h): outside it the tool warns,
    and it refuses where the estimate falls out of (0, 1]. The motor efficiency is the CSA
    full-load minimum of an open 2-pole motor of the next NEMA size (up to 500 hp); above
    that the tool warns and leaves the motor input power empty.

    Examples
    --------
    At 461 gpm, the flow of the example in ``fluids.pump.Corripio_pump_efficiency``'s
    documentation, the estimate is 70.6 %, so 30 m of head on water takes 12.1 kW:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("pump_power", {"density": "998 kg/m^3",
    ...     "volumetric_flow": "461 gallon/minute", "head": "30 m"})
    >>> round(r.value("pump_efficiency"), 4), round(r.value("brake_power", "kW"), 1)
    (0.7059, 12.1)
    """
    if volumetric_flow is not None and mass_flow is None:
        flow = volumetric_flow
    elif mass_flow is not None and volumetric_flow is None:
        flow = mass_flow / density
    else:
        raise ToolInputError("pump_power: give exactly one of 'volumetric_flow' or 'mass_flow'")
    if pressure_rise is not None and head is None:
        dp = pressure_rise
    elif head is not None and pressure_rise is None:
        dp = fluids.core.P_from_head(head, density)
    else:
        raise ToolInputError("pump_power: give exactly one of 'head' or 'pressure_rise'")
    hydraulic = flow * dp
    notes = []
    if efficiency is None:
        efficiency = fluids.pump.Corripio_pump_efficiency(flow)
        notes.append("pump efficiency estimated with Corripio (1982)")
        if not 0.0 < efficiency <= 1.0:
            raise ToolInputError(
                "pump_power: the Corripio estimate is invalid at this flow; give 'efficiency'"
            )
        gpm = flow * 15850.323
        if not 50 <= gpm <= 5000:
            warn(f"flow {gpm:.0f} gpm is outside the Corripio range (50 to 5000 gpm)")
    brake = hydraulic / efficiency
    if motor_efficiency is None:
        try:
            motor_efficiency = fluids.pump.CSA_motor_efficiency(fluids.pump.motor_round_size(brake))
            notes.append("motor efficiency from CSA minimum for the next NEMA size")
        except ValueError:  # above the largest standard motor: the pump's power stands
            warn(
                f"brake power {brake / 1e3:.4g} kW is above the largest standard motor in the "
                "CSA table; give 'motor_efficiency' for the motor input power"
            )
    return Outcome(
        {
            "hydraulic_power": hydraulic,
            "brake_power": brake,
            "motor_input_power": brake / motor_efficiency if motor_efficiency else None,
            "pump_efficiency": efficiency,
            "motor_efficiency": motor_efficiency,
        },
        method="; ".join(notes) or "given efficiencies",
    )


@tool(
    topic="pumps",
    reference="HI 1.3 / Crane TP-410 (2009): NPSHa = (P_s - P_v)/(rho g) + z_s - h_f",
    outputs={"NPSHa": Out("m", "net positive suction head available", kind="head")},
)
def npsh_available(
    surface_pressure: Annotated[
        float,
        Q(
            "pressure",
            "absolute pressure on the suction liquid surface (the atmospheric or barometric "
            "pressure for a vented tank; gauge units accepted)",
        ),
    ],
    vapor_pressure: Annotated[
        float, Q("vapor_pressure", "liquid vapour pressure at pumping temperature")
    ],
    density: Annotated[float, _DENSITY],
    static_head: Annotated[
        float,
        Q(
            "elevation",
            "liquid level above the pump suction centreline (negative for a suction lift)",
        ),
    ] = 0.0,
    friction_loss: Annotated[
        float, Q("friction_head", "suction line friction head loss", ge=0)
    ] = 0.0,
) -> dict[str, float]:
    """Net positive suction head available at a pump suction: absolute pressure head minus
    vapour pressure head, plus static head, minus suction line losses. Compare with the
    pump's NPSHr (with margin) to check for cavitation.

    Notes
    -----
    For a single-phase, incompressible liquid at its density and vapour pressure at the
    pumping temperature, drawn from a surface whose velocity head is negligible (tank or
    sump). Gauge pressures are made absolute with one standard atmosphere. The tool warns
    when NPSHa is not positive; it does not compare NPSHa with the pump's NPSHr.

    Examples
    --------
    Water at 20 °C (vapour pressure 2.339 kPa) from an open tank 2 m above the suction,
    with 0.5 m of line loss: (101325 - 2339) / (998.2 x 9.80665) + 2 - 0.5 = 11.61 m:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("npsh_available", {"surface_pressure": "101.325 kPa",
    ...     "vapor_pressure": "2.339 kPa", "density": "998.2 kg/m^3", "static_head": "2 m",
    ...     "friction_loss": "0.5 m"})
    >>> round(r.value("NPSHa"), 2)
    11.61
    """
    head = fluids.core.head_from_P(surface_pressure - vapor_pressure, density)
    npsha = head + static_head - friction_loss
    if npsha <= 0:
        warn("NPSHa is not positive: the liquid will flash in the suction line")
    return {"NPSHa": npsha}


@tool(
    topic="pumps",
    reference="Pump affinity laws (HI 1.3; Karassik, Pump Handbook 4th ed.): Q ~ N D, "
    "H ~ (N D)^2, P ~ (N D)^3",
    outputs={
        "flow": Out(
            "m**3/s", "flow at the new speed/diameter (null if no flow given)", needs=("flow",)
        ),
        "head": Out(
            "m",
            "head at the new speed/diameter (null if no head given)",
            kind="head",
            needs=("head",),
        ),
        "power": Out(
            "W",
            "power at the new speed/diameter (null if no power given)",
            kind="shaft_power",
            needs=("power",),
        ),
        "ratio": Out("", "scaling ratio N2/N1 or D2/D1", kind="ratio"),
    },
    alternatives=[
        ("flow", "head", "power"),
        (("speed_1", "speed_2"), ("diameter_1", "diameter_2")),
    ],
)
def pump_affinity(
    flow: Annotated[
        float | None, Q("volumetric_flow", "flow at the original condition", gt=0)
    ] = None,
    head: Annotated[float | None, Q("head", "head at the original condition", gt=0)] = None,
    power: Annotated[
        float | None, Q("shaft_power", "power at the original condition", gt=0)
    ] = None,
    speed_1: Annotated[float | None, Q("frequency", "original speed", unit="rpm", gt=0)] = None,
    speed_2: Annotated[float | None, Q("frequency", "new speed", unit="rpm", gt=0)] = None,
    diameter_1: Annotated[
        float | None, Q("impeller_diameter", "original impeller diameter", gt=0)
    ] = None,
    diameter_2: Annotated[
        float | None, Q("impeller_diameter", "new (trimmed) impeller diameter", gt=0)
    ] = None,
) -> Outcome:
    """Scale a pump operating point to a new speed or impeller diameter with the affinity
    laws: flow scales with the ratio, head with its square, power with its cube. Give
    both speeds or both diameters, and whichever of flow, head and power is known.

    Notes
    -----
    The laws assume similar velocity triangles at unchanged efficiency: they hold for a
    speed change of one pump between corresponding points, and only approximately for an
    impeller trim (the tool warns below 80 % of the original diameter). Viscosity effects
    and a system curve with static head, which moves the real operating point, are not
    included.

    Examples
    --------
    100 m^3/h at 50 m and 20 kW, sped up from 1450 to 1750 rpm (ratio 1.2069):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("pump_affinity", {"flow": "100 m^3/h", "head": "50 m",
    ...     "power": "20 kW", "speed_1": "1450 rpm", "speed_2": "1750 rpm"})
    >>> round(r.value("flow", "m^3/h"), 1), round(r.value("head"), 2)
    (120.7, 72.83)
    >>> round(r.value("power", "kW"), 2)
    35.16
    """
    if flow is None and head is None and power is None:
        raise ToolInputError(
            "pump_affinity: give the flow, head or power at the original condition"
        )
    by_speed = speed_1 is not None and speed_2 is not None
    by_diameter = diameter_1 is not None and diameter_2 is not None
    if speed_1 is not None and speed_2 is not None and not by_diameter:
        ratio = speed_2 / speed_1
    elif diameter_1 is not None and diameter_2 is not None and not by_speed:
        ratio = diameter_2 / diameter_1
    else:
        raise ToolInputError(
            "pump_affinity: give both speeds (speed_1, speed_2) or both "
            "impeller diameters (diameter_1, diameter_2), not both pairs"
        )
    if by_diameter and ratio < 0.8:
        warn(
            "impeller trims below about 80 % of the original diameter deviate from the "
            "affinity laws"
        )
    return Outcome(
        {
            "flow": None if flow is None else flow * ratio,
            "head": None if head is None else head * ratio**2,
            "power": None if power is None else power * ratio**3,
            "ratio": ratio,
        },
        method="speed" if by_speed else "impeller diameter",
    )


_NS_SI = "rpm*(m**3/s)**0.5/m**0.75"
_NS_US = "rpm*(gallon/minute)**0.5/foot**0.75"


@tool(
    topic="pumps",
    reference="HI 1.3 specific speed n_s = n Q^0.5 / H^0.75; fluids.pump.specific_speed",
    # n sqrt(Q) / H^0.75 carries the units of its inputs: with them, pint turns the US
    # value into the SI one (Ns_US = 51.65 Ns_SI), and neither is read as a plain number.
    outputs={
        "Ns_SI": Out(_NS_SI, "specific speed with n [rpm], Q [m^3/s], H [m]"),
        "Ns_US": Out(_NS_US, "specific speed with n [rpm], Q [gpm], H [ft]"),
        "Nss_SI": Out(
            _NS_SI,
            "suction specific speed, SI units (null without NPSHr)",
            needs=("npsh_required",),
        ),
        "Nss_US": Out(
            _NS_US,
            "suction specific speed, US units (null without NPSHr)",
            needs=("npsh_required",),
        ),
    },
)
def pump_specific_speed(
    flow: Annotated[
        float, Q("volumetric_flow", "flow at best efficiency point (per impeller eye)", gt=0)
    ],
    head: Annotated[float, Q("head", "head per stage at best efficiency point", gt=0)],
    speed: Annotated[float, Q("frequency", "rotational speed", unit="rpm", gt=0)],
    npsh_required: Annotated[
        float | None, Q("head", "NPSHr at best efficiency point", gt=0)
    ] = None,
) -> dict[str, float | None]:
    """Pump specific speed (impeller type: radial < ~4000 US units, mixed, axial > ~9000)
    and, with NPSHr, suction specific speed, in SI and US customary units.

    Notes
    -----
    Defined at the best efficiency point with the largest impeller that fits; give the flow
    per impeller eye (half the flow of a double-suction pump) and the head per stage. The
    number is not dimensionless: the US value is 51.65 times the SI one, and the impeller
    type limits above are in US units. The tool does not check that the point is the BEP.

    Examples
    --------
    The example in ``fluids.pump.specific_speed``'s documentation, after HI 1.3:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("pump_specific_speed", {"flow": "0.0402 m^3/s",
    ...     "head": "100 m", "speed": "3550 rpm"})
    >>> round(r.value("Ns_SI"), 3), round(r.value("Ns_US"))
    (22.508, 1162)
    """
    gpm, ft = flow * 15850.323141488903, head / 0.3048
    values: dict[str, float | None] = {
        "Ns_SI": fluids.pump.specific_speed(flow, head, speed),
        "Ns_US": fluids.pump.specific_speed(gpm, ft, speed),
        "Nss_SI": None,
        "Nss_US": None,
    }
    if npsh_required is not None:
        values["Nss_SI"] = fluids.pump.specific_speed(flow, npsh_required, speed)
        values["Nss_US"] = fluids.pump.specific_speed(gpm, npsh_required / 0.3048, speed)
    return values


@tool(
    topic="pumps",
    reference="NEMA standard motor sizes and NRCan CSA C390 minimum efficiencies; "
    "fluids.pump.motor_round_size, fluids.pump.CSA_motor_efficiency",
    outputs={
        "motor_power": Out("W", "next standard motor rating", kind="motor_rating"),
        "motor_power_hp": Out("hp", "the same rating in hp"),
        "efficiency": Out("", "full-load efficiency of that motor", kind="efficiency"),
        "input_power": Out(
            "W", "electrical input at the required shaft power", kind="electrical_power"
        ),
    },
)
def motor_size(
    shaft_power: Annotated[float, Q("shaft_power", "required shaft (brake) power", gt=0)],
    enclosure: Annotated[str, P("motor enclosure", choices=("open", "closed"))] = "open",
    poles: Annotated[int, P("number of poles (2, 4, 6 or 8)", ge=2, le=8)] = 2,
    high_efficiency: Annotated[
        bool,
        P(
            "premium (high) efficiency motor",
            said_true=(
                "premium efficiency",
                "premium-efficiency",
                "high efficiency",
                "high-efficiency",
                "NEMA Premium",
            ),
            said_false=("standard efficiency", "standard-efficiency"),
        ),
    ] = False,
) -> dict[str, float]:
    """Select the next standard (NEMA) electric motor size for a shaft power and its
    minimum full-load efficiency per CSA, and the electrical input power.

    Notes
    -----
    NEMA sizes run from 1/4 to 500 hp; a larger shaft power is refused, since larger
    motors are not standardised. The efficiencies are NRCan's CSA minimum full-load values
    for three-phase induction motors; part-load efficiency, which is lower, is not
    modelled, and the input power assumes the motor runs at that full-load efficiency.

    Examples
    --------
    The example in ``fluids.pump.CSA_motor_efficiency``'s documentation: a 100 hp closed
    6-pole premium motor is 95 % efficient:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("motor_size", {"shaft_power": "100 hp", "enclosure": "closed",
    ...     "poles": 6, "high_efficiency": True})
    >>> round(r.value("motor_power_hp")), r.value("efficiency")
    (100, 0.95)
    """
    if poles not in (2, 4, 6, 8):
        raise ToolInputError(f"motor_size: argument 'poles': {poles} is not 2, 4, 6 or 8")
    largest = fluids.pump.nema_sizes[-1]
    if shaft_power > largest:
        raise ToolInputError(
            f"motor_size: a shaft power of {shaft_power / 1e3:.4g} kW is above the largest "
            f"standard NEMA motor fluids knows, {largest / fluids.pump.hp:.0f} hp "
            f"({largest / 1e3:.4g} kW); a larger motor is not standardised: take its "
            "rating and efficiency from the manufacturer"
        )
    rating = fluids.pump.motor_round_size(shaft_power)
    eff = fluids.pump.CSA_motor_efficiency(
        rating, closed=enclosure == "closed", poles=poles, high_efficiency=high_efficiency
    )
    return {
        "motor_power": rating,
        "motor_power_hp": rating / fluids.pump.hp,
        "efficiency": eff,
        "input_power": shaft_power / eff,
    }


@tool(
    topic="pumps",
    reference="Electrical power = shaft power / motor efficiency, shaft power = hydraulic "
    "power / pump efficiency (HI 1.3); energy = power x operating hours; cost = energy x "
    "price (Turton et al., Analysis, Synthesis and Design of Chemical Processes 4th ed. "
    "ch. 8, utility costs)",
    outputs={
        "electrical_power": Out(
            "W", "electrical power drawn by the motor", kind="electrical_power"
        ),
        "energy_per_year": Out("kWh", "electrical energy used in a year", kind="energy"),
        "yearly_cost": Out(
            "", "cost of that energy per year, in the currency of the price", kind="yearly_cost"
        ),
    },
    alternatives=[
        ("shaft_power", ("hydraulic_power", "pump_efficiency"), "electrical_power"),
    ],
)
def pump_energy_cost(
    electricity_price: Annotated[
        float,
        Q(
            "electricity_price",
            "price of electricity as a plain number in currency per kWh (e.g. 0.12 for $0.12/kWh)",
            gt=0,
        ),
    ],
    shaft_power: Annotated[
        float | None, Q("shaft_power", "shaft (brake) power of the pump, fan or compressor", gt=0)
    ] = None,
    hydraulic_power: Annotated[
        float | None,
        Q("hydraulic_power", "hydraulic (fluid) power, with the pump efficiency", gt=0),
    ] = None,
    pump_efficiency: Annotated[
        float | None,
        Q("efficiency", "pump (or fan) efficiency, with the hydraulic power", gt=0, le=1),
    ] = None,
    electrical_power: Annotated[
        float | None, Q("electrical_power", "electrical power drawn, when it is known", gt=0)
    ] = None,
    motor_efficiency: Annotated[
        float | None, Q("efficiency", "motor efficiency; default 1 (not counted)", gt=0, le=1)
    ] = None,
    operating_hours: Annotated[
        float,
        Q(
            "operating_hours",
            "hours of running per year (8760 for all year)",
            unit="h",
            gt=0,
            le=8784,
        ),
    ] = 8760.0,
) -> Outcome:
    """Yearly electrical energy and cost of running a pump, fan or compressor: give the
    shaft power (or the hydraulic power with the pump efficiency, or the electrical power),
    the motor efficiency, the operating hours per year (default 8760) and the electricity
    price per kWh.

    Notes
    -----
    The load and the price are constant over the operating hours (at most 8784 h, a leap
    year): part load, starts and tariffs are not modelled. Without a motor efficiency the
    electrical power is the shaft power and the tool warns. The cost is in the currency
    of the price.

    Examples
    --------
    10 kW of hydraulic power at 75 % pump and 93 % motor efficiency is 14.34 kW of
    electricity; 6000 h at 0.12 per kWh is 86 022 kWh and 10 322.58 a year:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("pump_energy_cost", {"hydraulic_power": "10 kW",
    ...     "pump_efficiency": 0.75, "motor_efficiency": 0.93, "operating_hours": "6000 h",
    ...     "electricity_price": 0.12})
    >>> round(r.value("energy_per_year", "kWh")), round(r.value("yearly_cost"), 2)
    (86022, 10322.58)
    """
    given = [
        shaft_power is not None,
        hydraulic_power is not None or pump_efficiency is not None,
        electrical_power is not None,
    ]
    if sum(given) != 1:
        raise ToolInputError(
            "pump_energy_cost: give exactly one of 'shaft_power', 'hydraulic_power' with "
            "'pump_efficiency', or 'electrical_power'"
        )
    if given[1] and (hydraulic_power is None or pump_efficiency is None):
        raise ToolInputError(
            "pump_energy_cost: 'hydraulic_power' and 'pump_efficiency' go together; give both"
        )
    if electrical_power is not None and motor_efficiency is not None:
        raise ToolInputError(
            "pump_energy_cost: the electrical power already includes the motor; leave out "
            "'motor_efficiency'"
        )
    if electrical_power is None:
        if shaft_power is not None:
            shaft = shaft_power
        else:
            assert hydraulic_power is not None and pump_efficiency is not None  # checked above
            shaft = hydraulic_power / pump_efficiency
        if motor_efficiency is None:
            warn("no motor efficiency was given: the electrical power is the shaft power")
        electrical_power = shaft / (motor_efficiency or 1.0)
    energy = electrical_power / 1000.0 * operating_hours  # kWh
    return Outcome(
        {
            "electrical_power": electrical_power,
            "energy_per_year": energy,
            "yearly_cost": energy * electricity_price,
        },
        method=f"{operating_hours:g} h per year",
    )


TOOLS = (
    pump_head,
    pump_power,
    npsh_available,
    pump_affinity,
    pump_specific_speed,
    motor_size,
    pump_energy_cost,
)
