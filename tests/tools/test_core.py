"""The tool core: quantities, validation messages, schemas, the registry and its hook."""

from __future__ import annotations

import math
from typing import Annotated

import pytest

from peoa.exceptions import (
    PeoaError,
    ToolExecutionError,
    ToolInputError,
    UnknownChemicalError,
    UnknownToolError,
)
from peoa.tools import Out, Outcome, P, Q, ToolRegistry, get_registry, tool, warn
from peoa.tools.chemical import resolve_chemical
from peoa.tools.quantity import is_gauge, to_si, ureg

from .helpers import call, q


@tool(
    topic="test",
    reference="test only",
    outputs={"y": Out("Pa*s", "echo"), "label": Out(None, "text")},
)
def echo_tool(
    viscosity: Annotated[float, Q("dynamic_viscosity", "a viscosity", gt=0)],
    temperature: Annotated[float, Q("temperature", "a temperature")] = 300.0,
    efficiency: Annotated[float, Q("dimensionless", "an efficiency", gt=0, le=1)] = 1.0,
    dp: Annotated[float, Q("pressure_difference", "a pressure difference")] = 0.0,
    mode: Annotated[str, P("a choice", choices=("alpha", "beta"))] = "alpha",
) -> Outcome:
    """Echo the viscosity; used to exercise validation."""
    if viscosity > 1.0:
        warn("viscosity above 1 Pa*s")
    if viscosity == 0.5:
        raise ZeroDivisionError("boom")
    return Outcome({"y": viscosity, "label": mode}, method=mode)


@pytest.fixture
def registry() -> ToolRegistry:
    return ToolRegistry([echo_tool])


def test_unit_conversion_of_inputs(registry: ToolRegistry) -> None:
    result = registry.run("echo_tool", {"viscosity": q(1.002, "mPa*s")})
    assert result.inputs["viscosity"].value == pytest.approx(0.001002, rel=1e-12)
    assert result.inputs["viscosity"].unit == "Pa*s"
    assert result.outputs["y"].value == pytest.approx(0.001002, rel=1e-12)
    assert result.method == "alpha"
    assert result.value("y", "cP") == pytest.approx(1.002)


@pytest.mark.parametrize(
    ("unit", "dimension", "expected"),
    [
        ("cP", "dynamic_viscosity", 1e-3),
        ("cSt", "kinematic_viscosity", 1e-6),
        ("psi", "pressure", 6894.757293168361),
        ("psia", "pressure", 6894.757293168361),
        ("mmHg", "pressure", 133.322387415),
        ("atm", "pressure", 101325.0),
        ("MPa", "pressure", 1e6),
        ("gpm", "volumetric_flow", 3.785411784e-3 / 60),
        ("m^3/h", "volumetric_flow", 1 / 3600),
        ("lb/h", "mass_flow", 0.45359237 / 3600),
        ("BTU", "energy", 1055.056),
        ("hp", "power", 745.6998715822702),
        ("degR", "temperature", 5 / 9),
        ("in", "length", 0.0254),
        ("ft", "length", 0.3048),
        ("lbmol/h", "molar_flow", 453.59237 / 3600),
        ("%", "dimensionless", 0.01),
    ],
)
def test_engineering_spellings(unit: str, dimension: str, expected: float) -> None:
    # Factors from NIST SP 811 (2008) Appendix B.
    assert to_si(1.0, unit, dimension) == pytest.approx(expected, rel=1e-9)


def test_temperature_scales() -> None:
    assert to_si(25, "degC", "temperature") == pytest.approx(298.15)
    assert to_si(212, "degF", "temperature") == pytest.approx(373.15)
    assert to_si(10, "degC", "temperature_difference") == pytest.approx(10.0)
    assert to_si(18, "degF", "temperature_difference") == pytest.approx(10.0)


def test_gauge_pressure_is_offset_by_one_atmosphere() -> None:
    assert to_si(0, "barg", "pressure") == pytest.approx(101325.0)
    assert to_si(5, "bar(g)", "pressure") == pytest.approx(601325.0)
    assert to_si(14.5, "psig", "pressure") == pytest.approx(14.5 * 6894.757293168361 + 101325.0)
    # psig is never read as psia
    assert to_si(10, "psig", "pressure") != pytest.approx(to_si(10, "psia", "pressure"))
    assert to_si(100, "kPa(g)", "pressure") == pytest.approx(201325.0)
    assert is_gauge("psig") and not is_gauge("psia")


def test_gauge_unit_for_a_difference_warns(registry: ToolRegistry) -> None:
    result = registry.run("echo_tool", {"viscosity": q(1, "cP"), "dp": q(2, "barg")})
    assert result.inputs["dp"].value == pytest.approx(2e5)
    assert any("gauge" in w for w in result.warnings)


def test_dimension_mismatch_names_expected_dimension(registry: ToolRegistry) -> None:
    with pytest.raises(ToolInputError) as error:
        registry.run("echo_tool", {"viscosity": q(1.0, "m")})
    message = str(error.value)
    assert "argument 'viscosity'" in message
    assert "dynamic viscosity" in message
    assert "'m'" in message and "[length]" in message


def test_bare_number_for_a_dimensional_argument(registry: ToolRegistry) -> None:
    with pytest.raises(ToolInputError, match=r"dynamic viscosity.*bare number"):
        registry.run("echo_tool", {"viscosity": 1.0})


def test_nan_and_inf_rejected(registry: ToolRegistry) -> None:
    for bad in (math.nan, math.inf):
        with pytest.raises(ToolInputError, match=r"argument 'viscosity'.*not a finite"):
            registry.run("echo_tool", {"viscosity": q(bad, "cP")})


def test_negative_absolute_temperature_rejected(registry: ToolRegistry) -> None:
    with pytest.raises(ToolInputError, match=r"argument 'temperature'.*absolute zero"):
        registry.run("echo_tool", {"viscosity": q(1, "cP"), "temperature": q(-300, "degC")})
    with pytest.raises(ToolInputError, match=r"absolute zero"):
        registry.run("echo_tool", {"viscosity": q(1, "cP"), "temperature": q(-5, "K")})


def test_out_of_range_names_the_range(registry: ToolRegistry) -> None:
    with pytest.raises(ToolInputError, match=r"'viscosity'.*must be > 0 Pa\*s"):
        registry.run("echo_tool", {"viscosity": q(-1, "cP")})
    with pytest.raises(ToolInputError, match=r"'efficiency'.*<= 1.*%"):
        registry.run("echo_tool", {"viscosity": q(1, "cP"), "efficiency": 75})


def test_percent_for_a_fraction(registry: ToolRegistry) -> None:
    result = registry.run("echo_tool", {"viscosity": q(1, "cP"), "efficiency": q(75, "%")})
    assert result.inputs["efficiency"].value == pytest.approx(0.75)


def test_missing_and_unknown_arguments_named(registry: ToolRegistry) -> None:
    with pytest.raises(ToolInputError, match=r"missing argument 'viscosity'"):
        registry.run("echo_tool", {})
    with pytest.raises(ToolInputError, match=r"unknown argument 'viscosty'.*'viscosity'"):
        registry.run("echo_tool", {"viscosty": q(1, "cP")})


def test_choice_suggests_close_match(registry: ToolRegistry) -> None:
    with pytest.raises(ToolInputError, match=r"unknown choice 'alpah'.*'alpha'"):
        registry.run("echo_tool", {"viscosity": q(1, "cP"), "mode": "alpah"})


def test_unknown_unit_named(registry: ToolRegistry) -> None:
    with pytest.raises(ToolInputError, match=r"unknown unit 'furlongz'"):
        registry.run("echo_tool", {"viscosity": q(1, "furlongz")})


def test_library_failure_is_execution_error(registry: ToolRegistry) -> None:
    with pytest.raises(ToolExecutionError, match=r"ZeroDivisionError: boom"):
        registry.run("echo_tool", {"viscosity": q(0.5, "Pa*s")})


def test_warnings_are_collected(registry: ToolRegistry) -> None:
    result = registry.run("echo_tool", {"viscosity": q(2, "Pa*s")})
    assert result.warnings == ["viscosity above 1 Pa*s"]


def test_quantity_shorthand_string(registry: ToolRegistry) -> None:
    result = registry.run("echo_tool", {"viscosity": "1.002 mPa*s"})
    assert result.inputs["viscosity"].value == pytest.approx(0.001002)


def test_unknown_tool_suggests_close_match() -> None:
    with pytest.raises(UnknownToolError, match=r"'reynolds_number'"):
        get_registry().get("reynold_number")


def test_unknown_chemical_suggests_close_matches() -> None:
    with pytest.raises(UnknownChemicalError, match=r"did you mean.*'methanol'"):
        resolve_chemical("methanoll")
    with pytest.raises(UnknownChemicalError, match=r"argument 'chemical'.*'water'"):
        call("density", chemical="watr", temperature=q(25, "degC"))


def test_chemical_lookup_by_name_cas_formula() -> None:
    by_name, by_cas, by_formula = (resolve_chemical(x) for x in ("toluene", "108-88-3", "C7H8"))
    assert by_name.CAS == by_cas.CAS == by_formula.CAS == "108-88-3"
    assert by_name.coolprop == "Toluene"


def test_json_schema_is_self_contained() -> None:
    for item in get_registry().list():
        schema = item.json_schema()
        assert "$ref" not in str(schema) and "$defs" not in schema
        assert schema["type"] == "object" and schema["additionalProperties"] is False
        assert set(schema["required"]) <= set(schema["properties"])
    schema = get_registry().get("reynolds_number").json_schema()
    viscosity = schema["properties"]["viscosity"]
    assert viscosity["required"] == ["value", "unit"]
    assert "dynamic viscosity" in viscosity["description"]


def test_doc_describes_every_tool() -> None:
    registry = get_registry()
    assert len(registry) >= 32
    for item in registry.list():
        doc = item.doc()
        assert doc["name"] == item.name and doc["topic"] and doc["reference"]
        assert doc["description"] and doc["outputs"]
        for entry in doc["inputs"]:
            assert entry["name"] in item.params
    friction = registry.get("friction_factor").doc()
    assert "Colebrook" in friction["methods"] and "Churchill_1977" in friction["methods"]


def test_registry_rejects_duplicate_names(registry: ToolRegistry) -> None:
    registry.register(echo_tool)  # the same object twice is harmless
    with pytest.raises(PeoaError, match=r"two tools are named"):
        registry.register(_twin())


def _twin() -> object:  # a different Tool object with the same name
    @tool(topic="other", reference="x", outputs={"y": Out("", "y")}, name="echo_tool")
    def twin(x: Annotated[float, Q("dimensionless", "x")]) -> dict[str, float]:
        """Twin."""
        return {"y": x}

    return twin


def test_builtin_tools_come_through_the_entry_point() -> None:
    from importlib.metadata import entry_points

    names = {point.name for point in entry_points(group="peoa.tools")}
    assert "builtin" in names
    fresh = ToolRegistry()
    fresh.load_entry_points()
    assert "reynolds_number" in fresh and "relief_valve_gas" in fresh
    assert {
        "units",
        "properties",
        "pipe_flow",
        "pumps",
        "compressors",
        "flow_measurement",
        "control_valves",
        "relief_devices",
    } <= set(fresh.topics())


def test_list_by_topic() -> None:
    pumps = get_registry().list("pumps")
    assert {t.name for t in pumps} >= {"pump_head", "npsh_available"}
    with pytest.raises(UnknownToolError, match=r"topics are"):
        get_registry().list("no_such_topic")


def test_pint_registry_is_shared() -> None:
    assert ureg.Quantity(1, "barg").to("Pa").magnitude == pytest.approx(201325.0)
