"""The typed shapes of the meta-agent's state agree with the models they store, and a
thread's checkpoints (SQLite, as ``peoa`` keeps them) hold exactly those shapes.

The solve needs no model: the calculation expert runs its tool for real and binds the
question's values without one (as in test_graph_logic).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_type_hints

import pytest
from pydantic import BaseModel, TypeAdapter

from peoa.agent.definitions import load_definitions
from peoa.agent.graph import AgentContext, build_graph
from peoa.agent.memory import make_checkpointer
from peoa.agent.records import (
    CitationData,
    ExpertResultData,
    InjectionFlagData,
    LLMCallData,
    QuantityData,
    StepData,
    ToolCallData,
)
from peoa.agent.solution import StepRecord
from peoa.agent.state import CandidateTool, SolveState
from peoa.experts.base import Citation, ExpertResult, InjectionFlag, LLMCall, Quantity, ToolCall
from peoa.experts.calculation import CalculationExpert
from peoa.experts.registry import discover_manifests
from peoa.graph.retrieve import ToolHit
from peoa.planning import Planner, QuantityGraph
from peoa.tools import get_registry

PUMP = (
    "A centrifugal pump delivers 20 m3/h of water (density 998 kg/m3) against a total head "
    "of 35 m. The pump efficiency is 70 %. What brake power does the pump need, in kW?"
)
FRICTION = (
    "Water flows in a pipe at a Reynolds number of 100000; the relative roughness is 0.0002. "
    "What is the Darcy friction factor?"
)

SHAPES: list[tuple[Any, type[BaseModel]]] = [
    (StepData, StepRecord),
    (ExpertResultData, ExpertResult),
    (ToolCallData, ToolCall),
    (LLMCallData, LLMCall),
    (QuantityData, Quantity),
    (CitationData, Citation),
    (InjectionFlagData, InjectionFlag),
    (CandidateTool, ToolHit),
]


@pytest.mark.parametrize(("shape", "model"), SHAPES, ids=[m.__name__ for _, m in SHAPES])
def test_each_stored_shape_has_its_models_fields(shape: Any, model: type[BaseModel]) -> None:
    assert set(get_type_hints(shape)) == set(model.model_fields)


class _NoModel:
    """Stands in for the calculation role's model where none may be asked."""

    name = "no-model"

    def structured(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the model was asked although no value had a rival")


def _context() -> AgentContext:
    registry = get_registry()
    meta, _ = load_definitions()
    policy = meta.policy.model_copy(update={"plan_choice": "rank"})
    calculation = CalculationExpert(discover_manifests()["calculation"], llm=_NoModel())  # type: ignore[arg-type]
    return AgentContext(
        meta=meta.model_copy(update={"policy": policy}),
        generator=None,  # type: ignore[arg-type]  # plan_choice "rank": never asked
        experts={"calculation": calculation},
        find_tools=lambda question, k: [
            {"name": "pump_power", "topic": "pumps", "description": "Pump power.", "score": 0.9},
            {"name": "friction_factor", "topic": "flow", "description": "Darcy f.", "score": 0.8},
        ],
        planner=Planner(registry, QuantityGraph.from_registry(registry)),
    )


def test_a_threads_checkpoints_hold_the_typed_state(tmp_path: Path) -> None:
    config: Any = {"configurable": {"thread_id": "typed"}, "recursion_limit": 60}
    graph = build_graph(_context())
    compiled = graph.compile(checkpointer=make_checkpointer("sqlite", tmp_path))
    for question in (PUMP, FRICTION):
        compiled.invoke({"question": question}, config)

    # Read back through a second connection to the same file: what SQLite stored.
    reopened = graph.compile(checkpointer=make_checkpointer("sqlite", tmp_path))
    stored = reopened.get_state(config).values
    assert stored["solution"]["status"] == "answered", stored["solution"]["text"]
    assert [turn["question"] for turn in stored["conversation"]] == [PUMP, FRICTION]
    # The second question's steps only, each checked, in the shape the state declares:
    # validating changes nothing, so no key is missing, extra or of another type.
    assert stored["steps"] and all(s["checked"] and s["valid"] for s in stored["steps"])
    assert {c["tool"] for s in stored["steps"] for c in s["result"]["tool_calls"]} == {
        "friction_factor"
    }
    state = TypeAdapter(SolveState)
    assert state.validate_python(stored, strict=True) == stored
