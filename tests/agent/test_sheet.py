"""The calculation sheet of a question solved end to end by the graph (no model asked)."""

from __future__ import annotations

import re

import pytest

from peoa.agent.sheet import sheet_html, sheet_markdown
from peoa.agent.solution import Solution
from peoa.planning import Planner, QuantityGraph
from peoa.tools import get_registry
from tests.agent.test_graph_logic import _ctx, _solve

AFTERCOOLER = (
    "What is the cooling load (Btu/h) of the aftercooler that takes compressed natural gas "
    "down to 113 °F? The compressor handles 18.5 kg/s from 18.8 bar absolute/118 °F to 64.2 "
    "bar absolute, isentropic efficiency 0.82; gas ideal with k = 1.28, M = 18.2 g/mol."
)
BOILER = (
    "Water at 10 MPa and 50 °C enters a boiler at 10 kg/s and leaves as steam at 500 °C. "
    "What is the rate of heat transfer in the boiler?"
)


@pytest.fixture(scope="module")
def planner() -> Planner:
    registry = get_registry()
    return Planner(registry, QuantityGraph.from_registry(registry))


def _solved(planner: Planner, question: str, tools: list[str]) -> Solution:
    ctx = _ctx(planner, [{"name": t, "score": 0.9} for t in tools])
    solution = _solve(question, ctx)
    assert solution.status == "answered", solution.text
    return solution


def test_a_multi_step_sheet_lists_every_given_value_and_each_steps_inputs(
    planner: Planner,
) -> None:
    solution = _solved(planner, AFTERCOOLER,
                       ["ideal_gas_heat_capacity", "compressor_power_isentropic", "hx_duty"])  # fmt: skip
    sheet = sheet_markdown(solution)
    for given in solution.given:
        assert given.written in sheet
    assert [g.written for g in solution.given][-2:] == ["1.28", "18.2 g/mol"]
    # Three steps, each with where its inputs came from: the question or an earlier step.
    assert len(re.findall(r"^### Step \d", sheet, re.M)) == 3
    assert "| T_in |" in sheet and "step 2 (T2)" in sheet
    assert "given: 113 °F" in sheet
    assert "## References" in sheet and "GPSA" in sheet
    assert "Btu/h" in sheet.split("## Result")[1]
    # A default the compressor step took is an assumption on the sheet.
    assert "compressor_power_isentropic) assumes Z = 1.0" in sheet


def test_a_looked_up_property_is_an_assumption_with_its_source(planner: Planner) -> None:
    solution = _solved(planner, BOILER, ["fluid_heat_duty"])
    sheet = sheet_markdown(solution)
    assumptions = sheet.split("## Assumptions")[1].split("## Steps")[0]
    assert "fluid_heat_duty" in assumptions and "water" in assumptions
    assert "CoolProp" in assumptions  # the property source is named


def test_the_html_sheet_opens_offline(planner: Planner) -> None:
    solution = _solved(planner, BOILER, ["fluid_heat_duty"])
    page = sheet_html(solution)
    assert page.startswith("<!DOCTYPE html>") and "<table>" in page
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)  # nothing fetched
    assert "<h2>Given data</h2>" in page and "10 MPa" in page
