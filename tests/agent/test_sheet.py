"""The calculation sheet of a question solved end to end by the graph (no model asked)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from peoa.agent.display import shown
from peoa.agent.sheet import sheet_html, sheet_markdown, sheet_pdf
from peoa.agent.sheet_figures import figures_for
from peoa.agent.solution import Solution
from peoa.experts.base import Quantity, ToolCall
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
RANKINE = (
    "A steam power plant operates on a simple ideal Rankine cycle between the pressure limits "
    "of 3 MPa and 75 kPa. The temperature of the steam at the turbine inlet is 350 °C. What is "
    "the thermal efficiency of the cycle?"
)
FRICTION = (
    "Water flows in a pipe at a Reynolds number of 100000; the relative roughness is 0.0002. "
    "What is the Darcy friction factor?"
)
PNG = "data:image/png;base64,"


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


def test_a_cycle_sheet_shows_its_t_s_diagram(planner: Planner) -> None:
    solution = _solved(planner, RANKINE, ["rankine_cycle"])
    sheet = sheet_markdown(solution)
    steps = sheet.split("## Steps")[1].split("## Result")[0]
    assert steps.count(PNG) == 1 and "T–s diagram" in steps
    assert PNG not in sheet_markdown(solution, figures=False)


def test_a_friction_factor_sheet_shows_the_moody_chart(planner: Planner) -> None:
    solution = _solved(planner, FRICTION, ["friction_factor"])
    sheet = sheet_markdown(solution)
    assert sheet.count(PNG) == 1
    assert "Moody chart: Re = 1e+05, ε/D = 0.0002" in sheet


def test_the_html_sheet_embeds_its_figures_and_fetches_nothing(planner: Planner) -> None:
    for question, tools in ((RANKINE, ["rankine_cycle"]), (FRICTION, ["friction_factor"])):
        page = sheet_html(_solved(planner, question, tools))
        assert f'<img src="{PNG}' in page
        assert "http" not in page  # no URL of any kind: the page opens offline


def _pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(
    ("question", "tools"),
    [
        (RANKINE, ["rankine_cycle"]),
        (AFTERCOOLER, ["ideal_gas_heat_capacity", "compressor_power_isentropic", "hx_duty"]),
    ],
)
def test_the_pdf_sheet_holds_the_answer_and_the_given_values(
    planner: Planner, question: str, tools: list[str]
) -> None:
    solution = _solved(planner, question, tools)
    data = sheet_pdf(solution)
    assert data.startswith(b"%PDF-")
    pages, text = _pdf_text(data)
    assert solution.answer is not None
    assert shown(Quantity(value=solution.answer, unit=solution.unit or "")) in text
    for given in solution.given:  # °F, °C and the like come through the Unicode font
        assert given.written in text
    sections = len(re.findall(r"^## ", sheet_markdown(solution), re.M))
    assert 1 <= pages <= sections  # one page per section at most


def test_ask_writes_the_sheet_in_the_format_its_file_name_asks_for(
    planner: Planner, tmp_path: Path
) -> None:
    from peoa.cli.agent_cmd import _write_sheet

    solution = _solved(planner, FRICTION, ["friction_factor"])
    for name in ("sheet.pdf", "sheet.html", "sheet.md"):
        _write_sheet(solution, tmp_path / name)
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "sheet.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "sheet.md").read_text(encoding="utf-8").startswith("# Calculation sheet")


def _call(tool: str, arguments: dict[str, object]) -> ToolCall:
    """A call of ``tool`` as the calculation expert records it."""
    result = get_registry().run(tool, arguments)
    outputs = {k: v.model_dump() for k, v in result.outputs.items()}
    return ToolCall(tool=tool, arguments=arguments, outputs=outputs, method=result.method)


def test_a_mccabe_thiele_step_gets_its_staircase() -> None:
    call = _call("mccabe_thiele_stages", {"alpha": 2.5, "xD": 0.95, "xB": 0.05, "zF": 0.5,
                                          "R_over_Rmin": 1.5})  # fmt: skip
    (figure,) = figures_for(call)
    stages = len(call.outputs["x_stages"]["value"])
    assert figure.png.startswith(b"\x89PNG") and f"{stages} stages" in figure.caption


def test_pump_affinity_is_drawn_only_when_the_call_gives_a_flow_and_a_head() -> None:
    speeds = {"speed_1": {"value": 1450, "unit": "rpm"}, "speed_2": {"value": 1750, "unit": "rpm"}}
    both = _call("pump_affinity", {"flow": {"value": 50, "unit": "m**3/h"},
                                   "head": {"value": 30, "unit": "m"}, **speeds})  # fmt: skip
    (figure,) = figures_for(both)
    assert "50 m³/h at 30 m → 60.34 m³/h at 43.7 m" in figure.caption
    assert figures_for(_call("pump_affinity", {"head": {"value": 30, "unit": "m"}, **speeds})) == []


def test_a_tool_without_a_figure_or_a_failed_call_draws_nothing() -> None:
    pump = _call("pump_head", {"density": {"value": 998, "unit": "kg/m**3"},
                               "pressure_rise": {"value": 3, "unit": "bar"}})  # fmt: skip
    assert figures_for(pump) == []
    failed = ToolCall(tool="friction_factor", arguments={"Re": 1e5}, error="no roughness")
    assert figures_for(failed) == []
