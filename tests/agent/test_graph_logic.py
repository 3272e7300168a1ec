"""The meta-agent's nodes and routers on hand-built states (no model involved)."""

from __future__ import annotations

from typing import Any

import pytest

from peoa.agent.definitions import load_definitions
from peoa.agent.graph import (
    AgentContext,
    _active,
    after_prepare,
    after_validate,
    finish,
    give_up,
    prepare,
    validate,
)
from peoa.agent.solution import Solution, StepRecord
from peoa.agent.validation import validate_result
from peoa.experts.base import ExpertResult, Quantity, ToolCall


def _ctx(tools: list[dict[str, Any]] | None = None) -> AgentContext:
    meta, _ = load_definitions()
    return AgentContext(
        meta=meta,
        generator=None,  # type: ignore[arg-type]  # these nodes never call it
        experts={},
        find_tools=lambda question, k: tools if tools is not None else [],
        thread_id="t-1",
    )


def _record(
    index: int,
    value: float | None,
    unit: str = "kW",
    *,
    valid: bool = True,
    revision: int = 0,
    error: str | None = None,
) -> dict[str, Any]:
    result = ExpertResult(
        expert="calculation", sub_task=f"task {index}", ok=error is None,
        answer=Quantity(value=value, unit=unit) if value is not None else None,
        outputs={"P": Quantity(value=value, unit=unit)} if value is not None else {},
        tool_calls=[ToolCall(tool="pump_power", arguments={}, reference="Perry's 8th ed.")],
        error=error,
    )  # fmt: skip
    return StepRecord(index=index, expert="calculation", sub_task=f"task {index}", revision=revision,
                      result=result, valid=valid,
                      validation_errors=[] if valid else ["bad"]).model_dump(mode="json")  # fmt: skip


def test_empty_question_asks_for_clarification_without_a_model() -> None:
    update = prepare({"question": "   "}, _ctx())
    assert update["outcome"]["action"] == "clarify"
    assert after_prepare(update) == "finish"


def test_out_of_scope_question_is_clarified() -> None:
    update = prepare(
        {"question": "Who won the 1998 World Cup?"}, _ctx([{"name": "x", "score": 0.05}])
    )
    assert update["outcome"]["action"] == "clarify"


def test_relevant_question_goes_to_planning() -> None:
    update = prepare(
        {"question": "Pump power for 20 m3/h?"}, _ctx([{"name": "pump_power", "score": 0.6}])
    )
    assert update["outcome"] is None and after_prepare(update) == "plan"
    assert update["steps"] == [] and update["revisions"] == 0


@pytest.mark.parametrize(
    ("answer", "unit", "problem"),
    [(-3.0, "K", "below absolute zero"), (1.4, "", None), (float("nan"), "kW", "not a finite number"),
     (5.0, "blorps per zib", "pint cannot read"), (3e9, "kg/m**3", "plausible range")],
)  # fmt: skip
def test_validation_catches_unphysical_results(
    answer: float, unit: str, problem: str | None
) -> None:
    sanity = load_definitions()[0].sanity
    result = ExpertResult(
        expert="calculation", sub_task="t", ok=True, answer=Quantity(value=answer, unit=unit)
    )
    errors = validate_result(result, sanity)
    if problem is None:
        assert errors == []
    else:
        assert any(problem in e for e in errors), errors


def test_efficiency_outside_unit_interval_fails() -> None:
    sanity = load_definitions()[0].sanity
    result = ExpertResult(expert="calculation", sub_task="t", ok=True,
                          outputs={"efficiency": Quantity(value=1.3, unit="")},
                          answer=Quantity(value=1.3, unit=""))  # fmt: skip
    assert any("efficiency" in e for e in validate_result(result, sanity))


def test_failed_step_goes_to_error_identification_until_the_bounds() -> None:
    ctx = _ctx()
    limits = ctx.meta.limits
    state: dict[str, Any] = {"steps": [_record(1, None, error="tool failed")], "revisions": 0}
    state |= validate(state, ctx)
    assert state["steps"][-1]["valid"] is False
    assert after_validate(state, ctx) == "identify_error"
    attempts = [
        _record(1, None, error="tool failed", revision=r)
        for r in range(limits.max_revisions_per_step + 1)
    ]
    exhausted = {"steps": attempts, "revisions": limits.max_revisions_per_step}
    exhausted |= validate(exhausted, ctx)
    assert after_validate(exhausted, ctx) == "give_up"
    over_total = {"steps": [_record(1, None, error="x")], "revisions": limits.max_revisions_total}
    over_total |= validate(over_total, ctx)
    assert after_validate(over_total, ctx) == "give_up"


def test_revising_a_step_supersedes_the_steps_built_on_it() -> None:
    records = [StepRecord.model_validate(r) for r in
               (_record(1, 2.0), _record(2, 5.0), _record(1, 2.5, revision=1))]  # fmt: skip
    active = _active(records)
    assert list(active) == [1]
    assert active[1].result.answer is not None and active[1].result.answer.value == 2.5


def test_finish_takes_the_number_from_a_validated_step() -> None:
    state = {
        "question": "q",
        "steps": [_record(1, 2.7)],
        "outcome": {"action": "final_answer", "answer_step": 1},
    }
    solution = Solution.model_validate(finish(state, _ctx())["solution"])
    assert solution.status == "answered"
    assert (solution.answer, solution.unit) == (2.7, "kW")
    assert "pump_power" in solution.text


def test_when_every_retry_fails_the_answer_says_so_and_has_no_number() -> None:
    state = {"question": "q", "steps": [_record(1, None, valid=False, error="dimension mismatch")]}
    state |= give_up(state, _ctx())
    solution = Solution.model_validate(finish(state, _ctx())["solution"])
    assert solution.status == "failed"
    assert solution.answer is None
    assert "could not find a checked answer" in solution.text and "step 1" in solution.text


def test_an_invalid_step_is_never_reported_as_the_answer() -> None:
    state = {"question": "q", "steps": [_record(1, 99.0, valid=False)],
             "outcome": {"action": "final_answer", "answer_step": 1}}  # fmt: skip
    solution = Solution.model_validate(finish(state, _ctx())["solution"])
    assert solution.status == "failed" and solution.answer is None


def test_agent_definitions_are_declarative() -> None:
    meta, generator = load_definitions()
    schema = generator.schema(["calculation", "knowledge"], ["pump_power"], can_finish=False)
    assert schema["properties"]["expert"]["enum"] == ["calculation", "knowledge"]
    assert schema["properties"]["tool"]["enum"] == ["pump_power", "none"]
    assert "final_answer" not in schema["properties"]["action"]["enum"]
    assert meta.limits.max_revisions_per_step >= 1
