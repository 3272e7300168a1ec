"""Standard and normal gas volumes convert as amounts of gas, never 1:1 as volumes.

``scf`` (60 °F, 14.696 psia), ``Sm3`` (15 °C, 101.325 kPa) and ``Nm3`` (0 °C,
101.325 kPa) hold different amounts of gas per unit volume. The reference factor is the
commonly published ideal-gas one, 1 Nm3 = 37.326 scf (0 °C and 101.325 kPa against
60 °F and 14.696 psia), written here as a number, not computed by the code under test.
"""

from __future__ import annotations

import pytest

from peoa.exceptions import ToolInputError
from peoa.tools import get_registry
from peoa.tools.quantity import to_si


def _convert(value: float, source: str, target: str) -> float:
    result = get_registry().run(
        "unit_convert", {"value": value, "from_unit": source, "to_unit": target}
    )
    return result.outputs["value"].value


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        (1.0, "Nm3", "scf", 37.326),
        # written with a power, a normal or standard cubic metre is still that unit
        (1.0, "Nm^3", "scf", 37.326),
        (100.0, "Nm^3/h", "Sm**3/h", 100.0 * 288.15 / 273.15),
        (239.0, "MMSCFD", "Nm3/d", 239e6 / 37.326),
        # 15 °C against 0 °C at one pressure: 288.15 / 273.15
        (100.0, "Nm3/h", "Sm3/h", 100.0 * 288.15 / 273.15),
        # a heating value per standard volume converts the other way round
        (1000.0, "BTU/scf", "MJ/Nm3", 1000.0 * 1.05505585262e-3 * 37.326),
        # one basis: plain pint
        (3.0, "MMscfd", "scfm", 3e6 / 1440),
    ],
)
def test_standard_volumes_convert_as_amounts_of_gas(
    value: float, source: str, target: str, expected: float
) -> None:
    assert _convert(value, source, target) == pytest.approx(expected, rel=2e-5)


@pytest.mark.parametrize(("source", "target"), [("MMSCFD", "m3/d"), ("ft3", "scf")])
def test_a_standard_volume_and_an_actual_one_are_not_converted(source: str, target: str) -> None:
    with pytest.raises(ToolInputError, match="needs the gas's pressure and temperature"):
        _convert(1.0, source, target)


def test_a_tool_that_takes_normal_volumes_converts_a_standard_flow_as_gas() -> None:
    # control_valve_gas sizes for a flow at 0 °C and 1 atm (IEC 60534-2-1 in fluids);
    # the same gas given in MMscfd must size the same valve, and the call says so.
    process = {
        "P1": {"value": 10, "unit": "bar"},
        "P2": {"value": 7, "unit": "bar"},
        "temperature": {"value": 300, "unit": "K"},
        "molar_mass": {"value": 18, "unit": "g/mol"},
        "viscosity": {"value": 1e-5, "unit": "Pa*s"},
        "k": 1.3,
    }
    registry = get_registry()
    normal = registry.run(
        "control_valve_gas", {**process, "standard_flow": {"value": 1000, "unit": "Nm3/h"}}
    )
    mmscfd = 1000 * 24 * 37.326 / 1e6
    standard = registry.run(
        "control_valve_gas", {**process, "standard_flow": {"value": mmscfd, "unit": "MMscfd"}}
    )
    assert standard.outputs["Kv"].value == pytest.approx(normal.outputs["Kv"].value, rel=1e-4)
    assert normal.warnings == []
    assert any("60 °F" in w and "0 °C" in w for w in standard.warnings), standard.warnings


_LINE = {
    "P1": {"value": 70, "unit": "bar"},
    "length": {"value": 80, "unit": "km"},
    "diameter": {"value": 400, "unit": "mm"},
    "specific_gravity": 0.62,
    "T_average": {"value": 15, "unit": "degC"},
}


def _outlet(**arguments: object) -> float:
    result = get_registry().run("gas_pipeline_outlet_pressure", {**_LINE, **arguments})
    return result.outputs["P2"].value


def test_a_pipeline_flow_in_normal_cubic_metres_is_read_at_its_own_conditions() -> None:
    normal = _outlet(Q_standard={"value": 2e6, "unit": "Nm3/d"})
    # The same gas with its reference conditions stated as arguments: 0 °C, 101.325 kPa.
    stated = _outlet(
        Q_standard={"value": 2e6, "unit": "m3/d"},
        T_standard={"value": 0, "unit": "degC"},
        P_standard={"value": 101.325, "unit": "kPa"},
    )
    # Read 1:1 as a volume at the default 60 °F it would be 5.7 % less gas.
    as_volume = _outlet(Q_standard={"value": 2e6, "unit": "m3/d"})
    assert normal == pytest.approx(stated, rel=1e-6)
    assert abs(normal - as_volume) > 0.5e5


def test_a_standard_unit_with_its_conditions_stated_again_is_refused() -> None:
    with pytest.raises(ToolInputError, match=r"Q_standard.*Nm3/d.*T_standard"):
        _outlet(
            Q_standard={"value": 2e6, "unit": "Nm3/d"}, T_standard={"value": 15, "unit": "degC"}
        )


def test_a_standard_volume_flow_is_a_molar_flow_at_its_reference_conditions() -> None:
    # 1 scf at 60 °F and 14.696 psia holds P V / (R T) = 1.1953 mol (ideal gas)
    assert to_si(60.0, "SCFM", "molar_flow") == pytest.approx(1.1953, rel=2e-4)
    assert to_si(3600.0, "Nm3/h", "molar_flow") == pytest.approx(101325 / (8.314462618 * 273.15))
    with pytest.raises(ToolInputError):
        to_si(1.0, "m3/h", "molar_flow")  # an actual volume needs its pressure and temperature
