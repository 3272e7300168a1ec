"""Unit conversion through the project's pint registry, temperature offsets and gauge
pressures included."""

from __future__ import annotations

from typing import Annotated

import pint

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, P, Q, tool
from peoa.tools.quantity import (
    as_interval,
    gas_basis_factor,
    is_gauge,
    normalise_unit,
    parse_quantity,
    temperature_spelling,
    ureg,
)

__all__ = [
    "TOOLS",
    "absolute_pressure",
    "flow_rates",
    "pressure_difference",
    "unit_convert",
    "viscosities",
]


@tool(
    topic="units",
    reference="pint (SI Brochure 9th ed. 2019; NIST SP 811); gauge pressures offset by "
    "1 standard atmosphere",
    outputs={"value": Out(None, "the converted value, in to_unit", unit_from="to_unit")},
)
def unit_convert(
    value: Annotated[float, P("the number to convert")],
    from_unit: Annotated[
        str, P("unit of the value, e.g. 'degF', 'psig', 'lb/h', 'BTU/h/ft^2'", unit_of="value")
    ],
    to_unit: Annotated[str, P("unit wanted, e.g. 'degC', 'bar', 'kg/s', 'W/m^2'")],
    difference: Annotated[
        bool,
        P(
            "the value is a temperature or pressure difference, so "
            "offsets do not apply (10 degC rise = 18 degF rise)"
        ),
    ] = False,
) -> dict[str, object]:
    """Convert a value between units of the same dimension, including temperature scales
    (degC, degF, K, degR), gauge and absolute pressure (psig, barg, psia, bara), and
    compound units. Set difference=true for temperature or pressure differences.
    Standard and normal gas volumes (scf, MMscfd, Sm3, Nm3) convert as amounts of gas,
    from one set of reference conditions to the other (1 scf = 0.02679 Nm3).

    Notes
    -----
    Exact conversion by pint with the project's unit registry (SI Brochure definitions);
    standard and normal gas volumes convert as ideal-gas amounts. A temperature converts
    with its scale's offset unless difference is set; gauge units (psig, barg) are offset
    by one standard atmosphere, 101.325 kPa, not the local barometer (absolute_pressure
    takes that). Units of other dimensions are refused.

    Examples
    --------
    50 psig is 4.461 bar absolute:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("unit_convert", {"value": 50, "from_unit": "psig",
    ...     "to_unit": "bara"})
    >>> round(r.value("value"), 3)
    4.461
    """
    source, target = _readings(from_unit, to_unit)
    quantity = parse_quantity(value, source)
    same_kind = quantity.dimensionality == parse_quantity(1.0, target).dimensionality
    if difference and same_kind and is_gauge(source) != is_gauge(target):
        # A gauge reading is a pressure, measured from the atmosphere; taken as a
        # difference into an absolute unit it would lose that atmosphere.
        gauge, other = (from_unit, to_unit) if is_gauge(source) else (to_unit, from_unit)
        raise ToolInputError(
            f"unit_convert: {gauge!r} is a gauge pressure and {other!r} an absolute one, so "
            "the value is a pressure, not a difference: set difference=false (a pressure "
            "difference is written without the g, e.g. psi or bar)"
        )
    try:
        if difference:
            quantity = as_interval(quantity)
            converted = quantity.to(as_interval(parse_quantity(1.0, target)).units)
        else:
            converted = quantity.to(normalise_unit(target))
    except pint.errors.DimensionalityError:
        raise ToolInputError(
            f"unit_convert: cannot convert {from_unit!r} ({quantity.dimensionality}) to "
            f"{to_unit!r} ({parse_quantity(1.0, target).dimensionality})"
        ) from None
    # A standard or normal gas volume is an amount of gas: scf to Nm3 is not 1:1 in volume.
    converted = converted * gas_basis_factor(source, target)
    # A quantity: the framework records to_unit as written, or pint's own unit where the
    # written one reads otherwise (a bare "F" read as degF, a difference in delta_degF).
    return {"value": converted}


@tool(
    topic="units",
    reference="P_abs = P_gauge + P_atm (ASME PTC 19.2)",
    outputs={"pressure": Out("Pa", "absolute pressure", kind="pressure")},
)
def absolute_pressure(
    gauge_pressure: Annotated[
        float, Q("gauge_pressure", "gauge reading: pressure above the atmosphere")
    ],
    atmospheric_pressure: Annotated[
        float,
        Q(
            "atmospheric_pressure",
            "local atmospheric or barometric pressure read on a barometer",
            gt=0,
        ),
    ],
) -> dict[str, float]:
    """Absolute pressure from a gauge reading and the local atmospheric pressure, when the
    atmosphere is stated (a gauge unit alone assumes the standard 101.325 kPa).

    Notes
    -----
    Exact: P_abs = P_gauge + P_atm, valid at any pressure; the gauge reading must be
    measured against the stated atmosphere (a vacuum reading is a negative gauge
    pressure). A result at or below zero absolute is refused.

    Examples
    --------
    2.5 bar gauge where the barometer reads 98 kPa:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("absolute_pressure", {"gauge_pressure": "2.5 bar",
    ...     "atmospheric_pressure": "98 kPa"})
    >>> round(r.value("pressure", "kPa"), 1)
    348.0
    """
    if gauge_pressure + atmospheric_pressure <= 0:
        raise ToolInputError("absolute_pressure: the absolute pressure would not be above zero")
    return {"pressure": gauge_pressure + atmospheric_pressure}


@tool(
    topic="units",
    reference="dP = P_upstream - P_downstream",
    outputs={"dP": Out("Pa", "pressure difference", kind="pressure_difference")},
)
def pressure_difference(
    upstream_pressure: Annotated[float, Q("pressure", "upstream (higher) pressure")],
    downstream_pressure: Annotated[float, Q("pressure", "downstream (lower) pressure")],
) -> dict[str, float]:
    """The pressure difference between two points from their pressures (a differential
    read as two absolute or gauge pressures).

    Notes
    -----
    Exact: dP = P_up - P_down, for two pressures on one basis (a gauge unit is read from
    the standard atmosphere, so gauge and absolute may be mixed). A downstream pressure
    at or above the upstream one is refused: name the higher pressure upstream.

    Examples
    --------
    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("pressure_difference", {"upstream_pressure": "5 barg",
    ...     "downstream_pressure": "3.2 barg"})
    >>> round(r.value("dP", "kPa"), 1)
    180.0
    """
    if downstream_pressure >= upstream_pressure:
        raise ToolInputError(
            "pressure_difference: the downstream pressure must be below the upstream one"
        )
    return {"dP": upstream_pressure - downstream_pressure}


@tool(
    topic="units",
    reference="m = rho Q; n = m / M",
    outputs={
        "volumetric_flow": Out("m**3/s", "volumetric flow rate"),
        "mass_flow": Out("kg/s", "mass flow rate"),
        "molar_flow": Out("mol/s", "molar flow rate (null without a molar mass)"),
    },
    # A volume becomes a mass only with the density, a mass becomes moles only with the
    # molar mass: the planner looks up what the option needs.
    alternatives=[(("volumetric_flow", "density"), "mass_flow", ("molar_flow", "molar_mass"))],
)
def flow_rates(
    density: Annotated[float | None, Q("density", "fluid density", gt=0)] = None,
    molar_mass: Annotated[float | None, Q("molar_mass", "molar mass", gt=0)] = None,
    volumetric_flow: Annotated[float | None, Q("volumetric_flow", "volumetric flow", gt=0)] = None,
    mass_flow: Annotated[float | None, Q("mass_flow", "mass flow", gt=0)] = None,
    molar_flow: Annotated[float | None, Q("molar_flow", "molar flow", gt=0)] = None,
) -> dict[str, float | None]:
    """A stream's flow as volumetric, mass and molar flow, from one of them with the
    density (volume to mass) and the molar mass (mass to moles).

    Notes
    -----
    Exact: m = rho Q and n = m / M, with the density at the conditions the volume is
    measured at (the actual flow, not a standard volume) and M in g/mol. Exactly one
    flow is taken; an output whose density or molar mass is not given is null.

    Examples
    --------
    10 m3/h of water (998 kg/m3, 18.015 g/mol) is 2.772 kg/s and 153.9 mol/s:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("flow_rates", {"volumetric_flow": "10 m^3/h",
    ...     "density": "998 kg/m^3", "molar_mass": "18.015 g/mol"})
    >>> round(r.value("mass_flow"), 3), round(r.value("molar_flow"), 1)
    (2.772, 153.9)
    """
    given = [v for v in (volumetric_flow, mass_flow, molar_flow) if v is not None]
    if len(given) != 1:
        raise ToolInputError("flow_rates: give one of volumetric_flow, mass_flow or molar_flow")
    if molar_flow is not None:
        if molar_mass is None:
            raise ToolInputError("flow_rates: a molar flow needs the molar_mass")
        mass_flow = molar_flow * molar_mass / 1000.0  # g/mol -> kg/mol
    if volumetric_flow is not None:
        if density is None:
            raise ToolInputError("flow_rates: a volumetric flow needs the density")
        mass_flow = volumetric_flow * density
    assert mass_flow is not None
    return {
        "volumetric_flow": mass_flow / density if density is not None else None,
        "mass_flow": mass_flow,
        "molar_flow": mass_flow / (molar_mass / 1000.0) if molar_mass is not None else None,
    }


@tool(
    topic="units",
    reference="nu = mu / rho (kinematic viscosity is dynamic viscosity over density)",
    outputs={
        "dynamic_viscosity": Out("Pa*s", "dynamic (absolute) viscosity"),
        "kinematic_viscosity": Out("m**2/s", "kinematic viscosity"),
    },
    alternatives=[("dynamic_viscosity", "kinematic_viscosity")],
)
def viscosities(
    density: Annotated[float, Q("density", "fluid density", gt=0)],
    dynamic_viscosity: Annotated[
        float | None, Q("dynamic_viscosity", "dynamic viscosity", gt=0)
    ] = None,
    kinematic_viscosity: Annotated[
        float | None, Q("kinematic_viscosity", "kinematic viscosity", gt=0)
    ] = None,
) -> dict[str, float]:
    """A fluid's viscosity as dynamic and kinematic viscosity, from one of them and the
    density (cSt and cP, m2/s and Pa s).

    Notes
    -----
    Exact: nu = mu / rho by definition, with the density at the temperature (and
    pressure) the viscosity is given for. Exactly one of the two viscosities is taken.

    Examples
    --------
    Water at 20 degC, 1.002 cP and 998 kg/m3:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("viscosities", {"density": "998 kg/m^3",
    ...     "dynamic_viscosity": "1.002 cP"})
    >>> round(r.value("kinematic_viscosity", "cSt"), 3)
    1.004
    """
    if (dynamic_viscosity is None) == (kinematic_viscosity is None):
        raise ToolInputError(
            "viscosities: give one of dynamic_viscosity or kinematic_viscosity, with the density"
        )
    if kinematic_viscosity is not None:
        dynamic_viscosity = kinematic_viscosity * density
    assert dynamic_viscosity is not None
    return {
        "dynamic_viscosity": dynamic_viscosity,
        "kinematic_viscosity": dynamic_viscosity / density,
    }


def _readings(from_unit: str, to_unit: str) -> tuple[str, str]:
    """The two units, with a bare ``C``/``F`` read as a temperature when the other side is
    a temperature too (or is itself a bare ``C``/``F``): ``C`` to ``K`` is 0 degC in K."""
    bare = [temperature_spelling(u) for u in (from_unit, to_unit)]
    if bare == [None, None]:
        return from_unit, to_unit
    temperature = ureg.Unit("K").dimensionality
    sides = []
    for unit, spelt, other, other_spelt in (
        (from_unit, bare[0], to_unit, bare[1]),
        (to_unit, bare[1], from_unit, bare[0]),
    ):
        other_is_temperature = other_spelt is not None or (
            parse_quantity(1.0, other).dimensionality == temperature
        )
        sides.append(spelt if spelt is not None and other_is_temperature else unit)
    return sides[0], sides[1]


TOOLS = (unit_convert, absolute_pressure, pressure_difference, flow_rates, viscosities)
