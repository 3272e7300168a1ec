"""Hostile arguments for every registered tool: a result or a ``PeoaError``, nothing else.

Three layers: a fixed list of hostile arguments tried on every tool in the registry; a
Hypothesis search (``PEOA_FUZZ_PROFILE`` sets its size, see ``_fuzz.py``) that draws a
tool and builds arguments from its own schema — right names with wrong values,
wrong units, non-finite numbers, wrong types, extra and missing keys — or plain
random JSON; and the same search for one tool at a time, so each tool gets the full
count (``reliability``: 10,000 cases times 81 tools is hours, so pick tools with ``-k``).
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peoa.exceptions import PeoaError
from peoa.tools import get_registry
from peoa.tools.base import ToolResult
from tests.reliability._fuzz import FUZZ

REGISTRY = get_registry()
TOOLS = [t.name for t in REGISTRY.list()]

UNITS = [
    "Pa", "kPa", "bar", "barg", "psig", "psi", "atm", "K", "degC", "degF", "m", "mm",
    "inch", "ft", "m^3/h", "m^3/s", "gpm", "kg/s", "kg/h", "kg/m^3", "Pa*s", "cP",
    "mPa*s", "W", "kW", "hp", "J/kg", "kJ/kg", "m/s", "%", "", "dimensionless", "1/s",
    "W/(m^2*K)", "W/(m*K)", "J/(kg*K)", "m^2", "kg", "mol/s", "kmol/h", "kJ/mol", "s",
    "m3/h", "kg/m3", "°C", "1e999 m", "__import__('os')", "m**-999", "meter/0", "*",
]  # fmt: skip
# styrene: no CoolProp equation of state, so the cubic-equation fallbacks are drawn too
CHEMICALS = [
    "water", "methane", "ethanol", "benzene", "toluene", "7732-18-5", "H2O", "air", "styrene",
]  # fmt: skip

json_leaf = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
)
json_value = st.recursive(
    json_leaf,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=1e-3, max_value=1e4),
    st.sampled_from([0.0, -1.0, 1e-300, 1e300, -273.15, 1.0, 100.0]),
    st.integers(min_value=-(10**20), max_value=10**20),
)
units = st.sampled_from(UNITS) | st.text(max_size=12)
quantity = st.fixed_dictionaries({"value": numbers, "unit": units}) | json_value
plain = st.sampled_from(CHEMICALS) | json_value | numbers


@st.composite
def tool_arguments(draw: st.DrawFn, only: str | None = None) -> tuple[str, Any]:
    name = only or draw(st.sampled_from(TOOLS))
    if draw(st.integers(0, 9)) == 0:
        return name, draw(json_value)  # anything at all, objects or not
    tool = REGISTRY.get(name)
    arguments: dict[str, Any] = {}
    for param in tool.params.values():
        if draw(st.integers(0, 4)) == 0:
            continue  # leave it out
        choices = getattr(param.spec, "choices", None)
        if param.is_quantity:
            value = draw(st.lists(quantity, max_size=4) if param.is_list else quantity)
        elif choices and draw(st.booleans()):
            value = draw(st.sampled_from(list(choices)))
        else:
            value = draw(st.lists(plain, max_size=4) if param.is_list else plain)
        arguments[param.name] = value
    if draw(st.integers(0, 9)) == 0:
        arguments[draw(st.text(max_size=10))] = draw(json_value)
    return name, arguments


def _call(name: str, arguments: Any) -> None:
    try:
        result = REGISTRY.run(name, arguments)
    except PeoaError as error:
        message = str(error)
        assert message.strip() and "\n" not in message.strip(), repr(message)
        assert "Traceback" not in message
        return
    assert isinstance(result, ToolResult)
    for value in result.outputs.values():
        numbers_ = value.value if isinstance(value.value, list) else [value.value]
        for number in numbers_:
            assert not isinstance(number, float) or math.isfinite(number), (name, result)


@FUZZ
@given(tool_arguments())
def test_fuzz_every_tool(case: tuple[str, Any]) -> None:
    _call(*case)


@pytest.mark.reliability  # the full count for each tool: 81 Hypothesis runs
@pytest.mark.parametrize("name", TOOLS)
def test_fuzz_each_tool(name: str) -> None:
    @FUZZ
    @given(tool_arguments(name))
    def one_tool(case: tuple[str, Any]) -> None:
        _call(*case)

    one_tool()


HOSTILE: list[Any] = [
    None, [], "pump", 42, {"": None}, {"__class__": {}}, {"a" * 10_000: 1},
]  # fmt: skip
HOSTILE_VALUES: list[Any] = [
    None, "1", [], {}, {"value": "ten", "unit": "m"}, {"value": float("nan"), "unit": "m"},
    {"value": float("inf"), "unit": "bar"}, {"value": -1e308, "unit": "K"},
    {"value": 1, "unit": 5}, {"value": 1, "unit": "furlong/fortnight"},
    {"value": 1, "unit": "m", "extra": 1}, {"value": True, "unit": "Pa"},
    "x" * 100_000, [{"value": 1, "unit": "m"}] * 1000, -(10**40),
    {"\n": None}, {"value": 1, "unit": "m", "a\u2028b": 1},  # found by test_fuzz_each_tool
]  # fmt: skip


@pytest.mark.parametrize("name", TOOLS)
def test_hostile_arguments_on_every_tool(name: str) -> None:
    tool = REGISTRY.get(name)
    for arguments in HOSTILE:
        _call(name, arguments)
    for param in tool.params:
        for value in HOSTILE_VALUES:
            _call(name, {param: value})
    # An unknown tool name is an error that suggests, never a KeyError.
    with pytest.raises(PeoaError, match="no tool named"):
        REGISTRY.run(name + "_x' OR 1=1 --", {})
