"""The unit an answer is shown in when the question asks for none, and its rounding."""

from __future__ import annotations

import pytest

from peoa.agent.display import in_display_unit, shown, unit_system
from peoa.config import load_settings
from peoa.exceptions import ConfigError
from peoa.experts.base import Quantity
from peoa.reading import read_question

SI = read_question("Water flows at 20 m3/h through a 50 mm line 100 m long. Find it.")
US = read_question("Water flows at 90 gpm through a 2 in line 300 ft long at 68 °F. Find it.")


@pytest.mark.parametrize(
    ("value", "unit", "kind", "si", "us"),
    [
        (2718.6, "W", "shaft_power", "kW", "hp"),
        (52000.0, "W", "heat_duty", "kW", "BTU/h"),
        (0.0011, "m**2", "orifice_area", "mm**2", "in**2"),
        (12.5, "m**2", "heat_transfer_area", "m**2", "ft**2"),
        (453.03, "K", "saturation_temperature", "degC", "degF"),
        (1.5e5, "Pa", "pressure_drop", "kPa", "psi"),
        (2.0, "kg/s", "mass_flow", "kg/h", "lb/h"),
        (1500.0, "W/(m**2*K)", "overall_heat_transfer_coefficient", "W/(m**2*K)",
         "BTU/(h*ft**2*degR)"),
        (0.0523, "m", "inside_diameter", "mm", "in"),
    ],
)  # fmt: skip
def test_each_kind_has_the_trades_unit_in_either_system(
    value: float, unit: str, kind: str, si: str, us: str
) -> None:
    answer = Quantity(value=value, unit=unit)
    assert in_display_unit(answer, kind, read_question("What is it?"), "si").unit == si
    assert in_display_unit(answer, kind, read_question("What is it?"), "us").unit == us


def test_the_question_decides_the_system_and_its_own_units_come_first() -> None:
    assert unit_system(SI) == "si" and unit_system(US) == "us"
    flow = Quantity(value=0.01, unit="m**3/s")
    assert in_display_unit(flow, "volumetric_flow", SI).unit == SI.data()[0].unit  # as written
    assert in_display_unit(flow, "volumetric_flow", US).unit == "gpm"
    temperature = Quantity(value=300.0, unit="K")
    assert in_display_unit(temperature, "temperature", US).unit == "degF"
    # A kind's own unit beats a sibling value's: a pipe's diameter is in inches even in a
    # question whose other lengths are in feet.
    assert in_display_unit(Quantity(value=0.05, unit="m"), "inside_diameter", US).unit == "in"
    # The value converts, not just its label.
    assert in_display_unit(flow, "volumetric_flow", SI).value == pytest.approx(36.0)


def test_a_gauge_unit_written_is_shown_as_its_absolute_scale() -> None:
    reading = read_question("A drum at 5 barg feeds a pump. What is the drum's pressure?")
    answer = in_display_unit(Quantity(value=6.013e5, unit="Pa"), "pressure", reading)
    assert answer.unit == "bar" and answer.value == pytest.approx(6.013)


def test_dimensionless_answers_stay_as_they_are() -> None:
    answer = Quantity(value=0.26, unit="")
    assert in_display_unit(answer, "efficiency", SI) == answer


def test_significant_figures() -> None:
    assert shown(Quantity(value=2.7186213, unit="kW")) == "2.719 kW"
    assert shown(Quantity(value=1103.4, unit="mm**2")) == "1103 mm²"
    assert shown(Quantity(value=179.878, unit="degC")) == "179.9 °C"
    assert shown(Quantity(value=123456.0, unit="BTU/h"), 3) == "123000 BTU/h"
    assert shown(Quantity(value=0.26021, unit="")) == "0.2602"


def test_an_unknown_display_setting_is_a_one_line_configuration_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PEOA_DISPLAY__UNITS", "imperial")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert "display" in str(caught.value) and "\n" not in str(caught.value)
    monkeypatch.setenv("PEOA_DISPLAY__UNITS", "us")
    assert load_settings().display.units == "us"
