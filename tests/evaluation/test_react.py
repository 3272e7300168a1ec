"""The ``react`` baseline on the real default model, tools and Neo4j.

LangGraph's prebuilt ReAct agent runs over PEOA's calculation model (wrapped as a
LangChain chat model that decodes under a JSON grammar) and the tools the graph
retrieves. The assertions check the structure of what comes back (a parsed tool call,
a Solution with its tool calls and usage), not whether the 0.5B model gets the number
right.
"""

from __future__ import annotations

from typing import Any

import pytest
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
from langgraph.checkpoint.memory import InMemorySaver

from peoa.agent import Assistant
from peoa.agent.solution import Solution
from peoa.evaluation import DatasetItem
from peoa.evaluation.react import SYSTEM, PeoaChatModel, ReactSolver, peoa_tool
from peoa.evaluation.runner import make_record
from peoa.evaluation.variants import build_solver
from peoa.llm.factory import llm_for
from peoa.llm.models import resolve
from peoa.tools import get_registry

REYNOLDS = (
    "Water with density 998 kg/m3 and viscosity 1.0 cP flows at 2.0 m/s in a pipe of "
    "52.5 mm inside diameter. What is the Reynolds number?"
)
REYNOLDS_ARGUMENTS = {
    "velocity": {"value": 2.0, "unit": "m/s"},
    "diameter": {"value": 52.5, "unit": "mm"},
    "density": {"value": 998, "unit": "kg/m3"},
    "viscosity": {"value": 1.0, "unit": "cP"},
}
BAR = DatasetItem(id="bar", category="units", question="Convert 5 bar to kPa.", answer=500.0,
                  unit="kPa", rel_tol=0.01, tools=["unit_convert"])  # fmt: skip


def test_structured_tool_runs_the_peoa_tool_and_returns_text() -> None:
    recorded: list[Any] = []
    tool = peoa_tool(get_registry().get("reynolds_number"), lambda c, r: recorded.append((c, r)))
    assert tool.name == "reynolds_number"
    assert tool.args_schema == get_registry().get("reynolds_number").json_schema()
    text = tool.invoke(REYNOLDS_ARGUMENTS)
    assert text.startswith("Re = 104") and "regime = turbulent" in text
    wrong = tool.invoke({**REYNOLDS_ARGUMENTS, "velocity": {"value": 2.0, "unit": "m3/h"}})
    assert wrong.startswith("Error: ") and "velocity" in wrong  # as text: the agent retries
    (ok, result), (failed, none) = recorded
    assert ok.error is None and result is not None and set(ok.outputs) == {"Re", "regime"}
    assert failed.error and none is None


def test_chat_model_returns_a_parsed_tool_call_under_the_grammar(settings: Any) -> None:
    llm = llm_for(resolve(settings.models.calculation, settings), settings)
    tool = get_registry().get("reynolds_number")
    model = PeoaChatModel(llm=llm).bind_tools([peoa_tool(tool, lambda c, r: None)])
    reply = model.invoke([SystemMessage(SYSTEM), HumanMessage(REYNOLDS)])
    assert isinstance(reply, AIMessage)
    assert [c["name"] for c in reply.tool_calls] == ["reynolds_number"]
    arguments = reply.tool_calls[0]["args"]
    # The grammar holds the arguments to the tool's schema: every required argument, each
    # quantity a value with its unit, nothing else.
    assert set(arguments) == set(REYNOLDS_ARGUMENTS)
    assert all(set(v) == {"value", "unit"} for v in arguments.values())
    tool.validate(arguments)  # the values and units the question gives read as PEOA reads them
    assert reply.usage_metadata and reply.usage_metadata["output_tokens"] > 0
    assert reply.response_metadata["model_name"] == llm.name


@pytest.fixture(scope="module")
def assistant(neo4j_driver, settings):  # type: ignore[no-untyped-def]
    helper = Assistant(settings, checkpointer=InMemorySaver())
    yield helper
    helper.close()


def test_react_solver_solves_through_the_prebuilt_agent(
    assistant: Assistant, settings: Any
) -> None:
    solver = build_solver("react", assistant, settings)
    assert isinstance(solver, ReactSolver)
    assert solver.model.llm.name == settings.models.calculation
    solution = solver(BAR.question)
    assert isinstance(solution, Solution)
    assert solution.status in ("answered", "failed")
    if solution.status == "answered":
        assert isinstance(solution.answer, float) and solution.unit is not None
    else:
        assert solution.answer is None and solution.text
    # the graph's candidates, and only they, were offered and called
    assert 0 < len(solution.candidate_tools) <= assistant.meta.limits.tool_candidates
    assert solution.candidate_tools == [
        t["name"] for t in assistant.find_tools(BAR.question, len(solution.candidate_tools))
    ]
    calls = [c for s in solution.steps for c in s.result.tool_calls]
    assert calls, "the agent called a tool"
    assert all(c.tool in solution.candidate_tools for c in calls)
    assert all((c.error is None) == bool(c.outputs) for c in calls)
    usage = solution.usage
    assert usage.tool_calls == len(calls) and usage.llm_calls == len(solution.trace) >= 2
    assert usage.prompt_tokens > 0 and usage.completion_tokens > 0
    assert 0 < usage.model_time_s <= usage.latency_s
    # scored like any other variant
    record = make_record(BAR, lambda question: solution)
    assert record.status == solution.status and record.tools == [c.tool for c in calls]
    assert record.candidate_tools == solution.candidate_tools
    assert record.prompt_tokens == usage.prompt_tokens and record.steps == len(calls)
