"""Standard and normal gas volumes convert as amounts of gas, never 1:1 as volumes.

``scf`` (60 °F, 14.696 psia), ``Sm3`` (15 °C, 101.325 kPa) and ``Nm3`` (0 °C,
101.325 kPa) hold different amounts of gas per unit volume. The reference factors are
the published ones: 1 Nm3 = 37.326 scf (GPSA Engineering Data Book, 14th ed., Fig. 1-3).
"""

from __future__ import annotations

import pytest

from peoa.exceptions import ToolInputError
from peoa.tools import get_registry


def _convert(value: float, source: str, target: str) -> float:
    result = get_registry().run(
        "unit_convert", {"value": value, "from_unit": source, "to_unit": target}
    )
    return result.outputs["value"].value


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        (1.0, "Nm3", "scf", 37.326),
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
