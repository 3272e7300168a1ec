"""Units as engineers write them, and tool results whose unit the caller chooses."""

from __future__ import annotations

from typing import Annotated

import pytest

from peoa.exceptions import PeoaError, ToolInputError
from peoa.tools import Out, P, Q, ToolRegistry, get_registry, tool
from peoa.tools.quantity import is_gauge, parse_quantity, to_si, ureg

from .helpers import call, q

FT = 0.3048  # m, exact (NIST SP 811 B.8)


@pytest.mark.parametrize(
    ("unit", "dimension", "expected"),
    [
        ("m3/h", "volumetric_flow", 1 / 3600),
        ("m³/h", "volumetric_flow", 1 / 3600),
        ("kg/m3", "density", 1.0),
        ("lb/ft3", "density", 0.45359237 / FT**3),
        ("m3", "volume", 1.0),
        ("m2", "area", 1.0),
        ("mm2", "area", 1e-6),
        ("ft3/min", "volumetric_flow", FT**3 / 60),
        ("m/s2", "acceleration", 1.0),
        ("kg/m2/s", "mass_flux", 1.0),
        ("kg/(m2.s)", "mass_flux", 1.0),
        ("Nm3/h", "volumetric_flow", 1 / 3600),  # a volume at normal conditions, as defined
        # the petroleum barrel, 42 US gal (pint's own "barrel" is 31.5 US gal)
        ("bbl/d", "volumetric_flow", 42 * 3.785411784e-3 / 86400),
        ("barrels/day", "volumetric_flow", 42 * 3.785411784e-3 / 86400),
        ("mPa·s", "dynamic_viscosity", 1e-3),
        ("mPa.s", "dynamic_viscosity", 1e-3),
        ("N.m", "energy", 1.0),
        ("W/m2K", "heat_transfer_coefficient", 1.0),
        ("W/m²K", "heat_transfer_coefficient", 1.0),
        ("W/(m2·K)", "heat_transfer_coefficient", 1.0),
        ("W/m2.K", "heat_transfer_coefficient", 1.0),
        ("W/m2 K", "heat_transfer_coefficient", 1.0),
        ("W/m·K", "thermal_conductivity", 1.0),
        ("kJ/kg.K", "specific_heat", 1000.0),
        ("kJ/kg·K", "specific_heat", 1000.0),
        ("kJ/kmol.K", "molar_heat_capacity", 1.0),
        ("BTU/h/ft2/degF", "heat_transfer_coefficient", 5.678263),  # NIST SP 811 B.9
        ("m2.K/W", "fouling_resistance", 1.0),
        ("kW/m2", "heat_flux", 1000.0),
        # a percentage with its basis is a fraction (pint alone reads "mol%" as 0.01 mol)
        ("wt%", "dimensionless", 0.01),
        ("mol%", "dimensionless", 0.01),
        ("mol %", "dimensionless", 0.01),
        ("vol.%", "dimensionless", 0.01),
        ("% w/w", "dimensionless", 0.01),
        ("ppmw", "dimensionless", 1e-6),
        # a negative power written without "^"
        ("s-1", "frequency", 1.0),
        ("h-1", "frequency", 1 / 3600),
        ("W m-2 K-1", "heat_transfer_coefficient", 1.0),
        ("USgpm", "volumetric_flow", 3.785411784e-3 / 60),
        ("US gpm", "volumetric_flow", 3.785411784e-3 / 60),
    ],
)
def test_engineering_spellings_convert_to_si(unit: str, dimension: str, expected: float) -> None:
    # 1e-6: NIST gives the Btu factor to 7 digits; every other factor here is exact.
    assert to_si(1.0, unit, dimension) == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize(
    ("value", "unit", "dimension", "expected"),
    [
        (25.0, "degC", "temperature", 298.15),
        (25.0, "°C", "temperature", 298.15),
        (25.0, "ºC", "temperature", 298.15),  # the ordinal sign typed for a degree sign
        (25.0, "C", "temperature", 298.15),
        (25.0, "deg C", "temperature", 298.15),
        (212.0, "F", "temperature", 373.15),
        (10.0, "C", "temperature_difference", 10.0),
        (18.0, "F", "temperature_difference", 10.0),
    ],
)
def test_temperatures_where_a_temperature_is_expected(
    value: float, unit: str, dimension: str, expected: float
) -> None:
    assert to_si(value, unit, dimension) == pytest.approx(expected)


def test_bare_c_stays_coulomb_where_no_temperature_is_expected() -> None:
    # Only the expected dimension makes "C" a temperature; pint's own reading stands elsewhere.
    assert parse_quantity(1.0, "C").check("[current] * [time]")
    with pytest.raises(ToolInputError, match=r"expected a length .*, got 'C' \(\[current\]"):
        to_si(1.0, "C", "length")


def test_gauge_units_keep_their_offset() -> None:
    assert to_si(0.0, "barg", "pressure") == pytest.approx(101325.0)
    assert to_si(10.0, "psig", "pressure") == pytest.approx(10 * 6894.757293168361 + 101325.0)
    assert is_gauge("barg") and is_gauge("psi(g)") and not is_gauge("bara")


def test_names_with_digits_are_not_split() -> None:
    # cmH2O is one unit, not cm*H**2*O; Nm3 is its own definition
    assert to_si(1.0, "cmH2O", "pressure") == pytest.approx(98.0665)
    assert str(ureg.parse_units("Nm3/h")) == "Nm3 / hour"


@pytest.mark.parametrize("unit", ["furlongz", "xyz3/h", "kg/blorp"])
def test_a_nonsense_unit_is_a_clear_error_naming_it(unit: str) -> None:
    with pytest.raises(PeoaError) as raised:
        to_si(1.0, unit, "volumetric_flow")
    message = str(raised.value)
    assert isinstance(raised.value, ToolInputError)
    assert f"unknown unit {unit!r}" in message and "\n" not in message


# -- results whose unit comes from an argument --------------------------------------------


def test_unit_convert_result_carries_the_unit_asked_for() -> None:
    result = call("unit_convert", value=36, from_unit="m3/h", to_unit="L/s")
    assert set(result.outputs) == {"value"}
    assert result.outputs["value"].unit == "L/s"
    assert result.value("value") == pytest.approx(10.0)
    # a proper quantity: any consumer can convert it further
    assert result.value("value", "m^3/s") == pytest.approx(0.01)


def test_unit_convert_reads_bare_temperature_units_and_names_the_reading() -> None:
    result = call("unit_convert", value=100, from_unit="C", to_unit="F")
    assert result.value("value") == pytest.approx(212.0)
    # "F" alone is farad to pint, so the result names the unit it really is in
    assert result.outputs["value"].unit == "degree_Fahrenheit"
    assert result.value("value", "K") == pytest.approx(373.15)


def test_a_converted_difference_is_in_delta_units() -> None:
    result = call("unit_convert", value=10, from_unit="degC", to_unit="degF", difference=True)
    assert result.value("value") == pytest.approx(18.0)
    assert result.outputs["value"].unit == "delta_degree_Fahrenheit"
    assert result.value("value", "K") == pytest.approx(10.0)


def test_unit_convert_rejects_an_unknown_target_unit_before_the_call() -> None:
    with pytest.raises(ToolInputError, match=r"argument 'to_unit': unknown unit 'furlongz'"):
        call("unit_convert", value=1, from_unit="m", to_unit="furlongz")


@tool(
    topic="test",
    reference="test only",
    outputs={
        "scaled": Out(None, "the value times two, in unit", unit_from="unit"),
        "same": Out("m", "the value in metres"),
    },
)
def double_in(
    length: Annotated[float, Q("length", "a length")],
    unit: Annotated[str, P("unit for the result")],
) -> dict[str, object]:
    """Double a length and give it in a unit of the caller's choice."""
    quantity = ureg.Quantity(2 * length, "m")
    return {"scaled": quantity.to(unit), "same": quantity}


def test_out_unit_from_an_argument_in_results_and_docs() -> None:
    registry = ToolRegistry([double_in])
    result = registry.run("double_in", {"length": q(1, "ft"), "unit": "mm"})
    assert result.outputs["scaled"].unit == "mm"
    assert result.outputs["scaled"].value == pytest.approx(2 * 304.8)
    assert result.outputs["same"].value == pytest.approx(2 * FT)  # a pint result, converted
    doc = registry.get("double_in").doc()
    assert doc["outputs"][0]["unit_from"] == "unit"
    with pytest.raises(ToolInputError, match=r"argument 'unit': unknown unit 'parsecz'"):
        registry.run("double_in", {"length": q(1, "m"), "unit": "parsecz"})


def test_out_unit_from_must_name_a_text_parameter() -> None:
    with pytest.raises(TypeError, match=r"takes its unit from 'missing'"):

        @tool(topic="t", reference="r", outputs={"y": Out(None, "y", unit_from="missing")})
        def broken(x: Annotated[float, Q("length", "x")]) -> dict[str, float]:
            """Broken."""
            return {"y": x}

    with pytest.raises(ValueError, match=r"not both"):
        Out("m", "y", unit_from="unit")


def test_out_units_name_the_unit_for_each_choice_of_a_scale_argument() -> None:
    # flow_coefficient_convert's result is in the scale asked for (Kv, Cv or Av).
    result = call("flow_coefficient_convert", value=100, from_scale="Cv", to_scale="Kv")
    assert result.outputs["value"].unit == "m**3/(hour*bar**0.5)"
    doc = get_registry().get("flow_coefficient_convert").doc()
    assert doc["outputs"][0]["units"]["Cv"] == "gallon/(minute*psi**0.5)"
    with pytest.raises(TypeError, match=r"must be the choices of 'scale'"):

        @tool(
            topic="t",
            reference="r",
            outputs={"y": Out(None, "y", unit_from="scale", units={"a": "m", "b": "ft"})},
        )
        def broken(
            x: Annotated[float, Q("length", "x")],
            scale: Annotated[str, P("scale", choices=("a", "c"))],
        ) -> dict[str, float]:
            """Broken."""
            return {"y": x}

    with pytest.raises(ValueError, match=r"each value of unit_from"):
        Out(None, "y", units={"a": "m"})
