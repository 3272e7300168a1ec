"""A unit written as text for a number (unit_convert's from_unit) is held to the task's words."""

from __future__ import annotations

import pytest

from peoa.exceptions import ToolInputError
from peoa.experts.grounding import ground_arguments
from peoa.tools import get_registry

GAUGE = (
    "A pressure gauge on a separator reads 150.0 psig. Local atmospheric pressure is "
    "14.696 psia. What is the absolute pressure in the separator, in kPa?"
)


@pytest.mark.parametrize(
    ("given", "value", "kept"),
    [("psi", 150.0, "psig"), ("kPa", 150.0, "psig"), ("psig", 150.0, "psig"),
     ("psi", 14.696, "psia")],
)  # fmt: skip
def test_from_unit_is_the_unit_written_after_the_value(given: str, value: float, kept: str) -> None:
    tool = get_registry().get("unit_convert")
    grounded = ground_arguments(tool, {"value": value, "from_unit": given, "to_unit": "kPa"}, GAUGE)
    assert grounded.arguments["from_unit"] == kept
    assert bool(grounded.notes) == (given != kept)


def test_the_gauge_reading_converts_to_the_absolute_pressure() -> None:
    registry = get_registry()
    raw = {"value": 150.0, "from_unit": "psi", "to_unit": "kPa"}  # a 0.5B model's reading
    grounded = ground_arguments(registry.get("unit_convert"), raw, GAUGE)
    out = registry.run("unit_convert", grounded.arguments).outputs["value"]
    assert out.unit == "kPa" and out.value == pytest.approx((150.0 + 14.696) * 6.894757, 1e-4)


def test_a_written_word_of_another_kind_is_not_taken_as_the_unit() -> None:
    tool = get_registry().get("unit_convert")
    raw = {"value": 150, "from_unit": "gal/min", "to_unit": "m3/h"}
    grounded = ground_arguments(tool, raw, "What is 150 gallons per minute in m3/h?")
    assert grounded.arguments["from_unit"] == "gal/min" and grounded.notes == []


def test_a_gauge_reading_is_no_difference_to_convert_into_an_absolute_unit() -> None:
    registry = get_registry()
    raw = {"value": 150.0, "from_unit": "psig", "to_unit": "kPa", "difference": True}
    with pytest.raises(ToolInputError, match="set difference=false"):
        registry.run("unit_convert", raw)
    # Gauge to gauge, or a difference written without the g, still converts as one.
    both = registry.run("unit_convert", {**raw, "to_unit": "barg"}).outputs["value"]
    assert both.value == pytest.approx(150.0 * 0.0689476, 1e-5)
    plain = registry.run("unit_convert", {**raw, "from_unit": "psi"}).outputs["value"]
    assert plain.value == pytest.approx(150.0 * 6.894757, 1e-6)
