"""The meta-agent's nodes and routers on hand-built states (no model involved).

The fan-out tests compile the real graph with a scripted stand-in expert: they test
LangGraph orchestration, not a model.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import pytest
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Overwrite

from peoa.agent.action_generator import ErrorVerdict, NextStep
from peoa.agent.decompose import split_independent
from peoa.agent.definitions import load_definitions
from peoa.agent.followup import resolve_follow_up
from peoa.agent.graph import (
    AgentContext,
    _active,
    _planned_steps,
    after_prepare,
    after_validate,
    build_graph,
    finish,
    give_up,
    identify_error,
    plan,
    prepare,
    validate,
)
from peoa.agent.solution import Solution, StepRecord
from peoa.agent.state import merge_steps
from peoa.agent.validation import validate_result
from peoa.evaluation import load_dataset
from peoa.experts.asked_unit import asked_unit, in_asked_unit
from peoa.experts.base import (
    ExpertManifest,
    ExpertResult,
    ExpertTask,
    LLMCall,
    Quantity,
    RefusalReason,
    ToolCall,
)
from peoa.paths import resource_dir
from peoa.tools import get_registry


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
    refused: RefusalReason | None = None,
) -> dict[str, Any]:
    result = ExpertResult(
        expert="calculation", sub_task=f"task {index}", ok=error is None,
        answer=Quantity(value=value, unit=unit) if value is not None else None,
        outputs={"P": Quantity(value=value, unit=unit)} if value is not None else {},
        tool_calls=[ToolCall(tool="pump_power", arguments={}, reference="Perry's 8th ed.",
                             refused=refused)],
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


def test_a_well_matching_passage_brings_a_question_into_scope() -> None:
    meta, _ = load_definitions()
    asked: list[str] = []

    def ctx(passage_score: float) -> AgentContext:
        def passages(question: str, k: int) -> list[dict[str, Any]]:
            asked.append(question)
            return [{"chunk_id": "c1", "score": passage_score}]

        return AgentContext(
            meta=meta, generator=None, experts={},  # type: ignore[arg-type]
            find_tools=lambda question, k: [{"name": "x", "score": 0.05}],
            find_passages=passages,
        )  # fmt: skip

    question = {"question": "What do the notes say about the C-4711 stripper?"}
    limit = meta.limits.min_passage_relevance
    assert prepare(question, ctx(limit + 0.01))["outcome"] is None
    assert prepare(question, ctx(limit - 0.01))["outcome"]["action"] == "clarify"
    assert asked == [question["question"]] * 2


def test_relevant_question_goes_to_planning() -> None:
    update = prepare(
        {"question": "Pump power for 20 m3/h?"}, _ctx([{"name": "pump_power", "score": 0.6}])
    )
    assert update["outcome"] is None and after_prepare(update) == "plan"
    # A new question starts with no steps, whatever the thread held (past the reducer).
    assert update["steps"] == Overwrite([]) and update["revisions"] == 0


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


def test_a_step_whose_model_wrote_the_same_refused_call_twice_is_not_revised() -> None:
    ctx = _ctx()
    refused = ToolCall(tool="pump_power", arguments={"head": 30}, error="give a flow")

    def failed(index: int, calls: list[ToolCall], depends_on: list[int] | None) -> dict[str, Any]:
        record = StepRecord.model_validate(_record(index, None, error="pump_power failed"))
        record.result.tool_calls = calls
        record.depends_on = depends_on
        return record.model_dump(mode="json")

    def route(*records: dict[str, Any]) -> str:
        state: dict[str, Any] = {"steps": list(records), "revisions": 0}
        state |= validate(state, ctx)
        return after_validate(state, ctx)

    assert route(failed(1, [refused, refused], None)) == "give_up"
    other = refused.model_copy(update={"arguments": {"head": 35}})
    assert route(failed(1, [other, refused], None)) == "identify_error"  # it changed something
    assert route(failed(1, [refused], None)) == "identify_error"  # not revised by its expert
    # ...unless refused in a way its expert does not send back (agents/meta_agent.toml)
    for why in ("misplaced", "made_up", "bare"):
        given_up = refused.model_copy(update={"refused": why})
        assert route(failed(1, [given_up], None)) == "give_up"
    unwritten = refused.model_copy(update={"refused": "unwritten"})
    assert route(failed(1, [unwritten], None)) == "identify_error"
    # A step built on an earlier one may fail because of it: that one may be revised.
    assert route(_record(1, 2.0), failed(2, [refused, refused], None)) == "identify_error"
    assert route(_record(1, 2.0), failed(2, [refused, refused], [])) == "give_up"
    # The policy may ask for the revision anyway (agents/meta_agent.toml).
    limits = ctx.meta.limits.model_copy(update={"revise_repeated_calls": True})
    ctx = replace(ctx, meta=ctx.meta.model_copy(update={"limits": limits}))
    assert route(failed(1, [refused, refused], None)) == "identify_error"
    assert route(failed(1, [given_up], None)) == "identify_error"


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


@pytest.mark.parametrize(
    ("question", "refused", "status"),
    [
        # an off-topic question past the scope gate, filled with numbers of the model's own
        ("Who painted the portrait numbered 23-0?", "made_up", "clarification"),
        ("What pump power do I need?", "made_up", "clarification"),
        # the question gives data the chosen tool did not take: a failure, not a question back
        ("What pump power for 20 m3/h against 35 m?", "made_up", "failed"),
        ("Who painted the portrait numbered 23-0?", "unwritten", "failed"),
        ("Who painted the portrait numbered 23-0?", None, "failed"),
    ],
)
def test_a_question_with_no_data_for_the_tool_gets_a_clarifying_reply(
    question: str, refused: RefusalReason | None, status: str
) -> None:
    step = _record(1, None, valid=False, error="refused", refused=refused)
    state = {"question": question, "steps": [step]}
    state |= give_up(state, _ctx())
    solution = Solution.model_validate(finish(state, _ctx())["solution"])
    assert (solution.status, solution.answer) == (status, None)
    assert ("no values with units" in solution.text) == (status == "clarification")


PUMPS_006 = (
    "A pump transfers 30.0 m³/h of water (density 998.2 kg/m³, viscosity 1.002 mPa·s) from an "
    "open tank to another open tank whose level is 15.0 m higher, through 120.0 m of "
    "commercial-steel pipe with 77.9 mm inside diameter and 0.046 mm roughness; entrance, exit "
    "and fittings add up to K = 6.0. With a pump efficiency of 0.68, what shaft power is "
    "needed, in kW? Use a Colebrook friction factor."
)


def _pump_step(index: int, arguments: dict[str, Any], kw: float) -> dict[str, Any]:
    call = ToolCall(tool="pump_power", arguments=arguments)
    result = ExpertResult(expert="calculation", sub_task=PUMPS_006, ok=True, tool_calls=[call],
                          answer=Quantity(value=kw, unit="kW"))  # fmt: skip
    record = StepRecord(index=index, expert="calculation", sub_task=PUMPS_006, result=result,
                        valid=True)  # fmt: skip
    return record.model_dump(mode="json")


def test_an_answer_that_leaves_the_questions_data_unused_is_withheld() -> None:
    # dev pumps-006 as the base model answered it: the static lift alone, 1.80 kW for 2.49.
    static = {"volumetric_flow": {"value": 30.0, "unit": "m³/h"},
              "density": {"value": 998.2, "unit": "kg/m³"},
              "head": {"value": 15.0, "unit": "m"}, "efficiency": 0.68}  # fmt: skip
    state = {"question": PUMPS_006, "steps": [_pump_step(1, static, 1.80)],
             "outcome": {"action": "final_answer", "answer_step": 1}}  # fmt: skip
    solution = Solution.model_validate(finish(state, _ctx())["solution"])
    assert (solution.status, solution.answer) == ("failed", None)
    assert "1.8 kW" in solution.text
    assert (
        "no step used 1.002 mPa·s, 120 m, 77.9 mm, 0.046 mm, 6 from the question" in solution.text
    )
    # A friction step before it uses them (its head loss is the pump's head); the
    # roughness it leaves out is steel's, the one the tool assumes.
    friction = ToolCall(tool="pipe_pressure_drop", arguments={
        "volumetric_flow": {"value": 30.0, "unit": "m³/h"}, "length": {"value": 120, "unit": "m"},
        "diameter": {"value": 77.9, "unit": "mm"}, "density": {"value": 998.2, "unit": "kg/m³"},
        "viscosity": {"value": 1.002, "unit": "mPa·s"}, "sum_K": 6.0})  # fmt: skip
    first = StepRecord(index=1, expert="calculation", sub_task="friction", valid=True,
                       result=ExpertResult(expert="calculation", sub_task="friction", ok=True,
                                           tool_calls=[friction]))  # fmt: skip
    total = {**static, "head": {"value": 23.4, "unit": "m"}}
    state = {"question": PUMPS_006, "outcome": {"action": "final_answer", "answer_step": 2},
             "steps": [first.model_dump(mode="json"), _pump_step(2, total, 2.49)]}  # fmt: skip
    solution = Solution.model_validate(finish(state, _ctx())["solution"])
    assert (solution.status, solution.answer) == ("answered", 2.49)
    # Up to the limit (agents/meta_agent.toml), data left unused is allowed: given
    # values the problem does not need are common.
    ctx = _ctx()
    ctx = replace(ctx, meta=ctx.meta.model_copy(update={
        "limits": ctx.meta.limits.model_copy(update={"max_unused_values": 5})}))  # fmt: skip
    state = {"question": PUMPS_006, "steps": [_pump_step(1, static, 1.80)],
             "outcome": {"action": "final_answer", "answer_step": 1}}  # fmt: skip
    solution = Solution.model_validate(finish(state, ctx)["solution"])
    assert (solution.status, solution.answer) == ("answered", 1.80)


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


# -- independent steps run side by side (the real compiled graph, a scripted expert) ----
class _CaseExpert:
    """A stand-in expert for graph-logic tests: reads the case's number, records when it ran.

    Both branches must be inside ``run`` at once to pass the barrier, so a graph that
    ran them one after the other fails with ``BrokenBarrierError`` instead of passing.
    """

    name = "calculation"
    manifest = ExpertManifest(
        name="calculation", description="computes", runtime="scripted", role="calculation"
    )

    def __init__(self, parties: int) -> None:
        self.barrier = threading.Barrier(parties, timeout=60)
        self.sub_tasks: list[str] = []

    def run(self, task: ExpertTask) -> ExpertResult:
        self.sub_tasks.append(task.sub_task)
        self.barrier.wait()
        flow = float(task.sub_task.split("(")[1].split()[0])
        answer = Quantity(value=flow / 10, unit="kW")
        return ExpertResult(expert=self.name, sub_task=task.sub_task, ok=True, answer=answer,
                            outputs={"P": answer})  # fmt: skip


def test_independent_cases_run_concurrently_and_both_answers_are_reported() -> None:
    expert = _CaseExpert(parties=2)
    ctx = _ctx([{"name": "pump_power", "score": 0.9}])
    ctx = AgentContext(meta=ctx.meta, generator=ctx.generator, experts={"calculation": expert},
                       find_tools=ctx.find_tools)  # fmt: skip
    graph = build_graph(ctx).compile(checkpointer=InMemorySaver())
    question = ("Compute the hydraulic power for pump A (20 m3/h, 30 m head) and for pump B "
                "(40 m3/h, 25 m head), pumping water.")  # fmt: skip
    state = graph.invoke({"question": question}, {"configurable": {"thread_id": "fan-out"}})
    solution = Solution.model_validate(state["solution"])
    assert sorted(expert.sub_tasks) == [
        "Compute the hydraulic power for pump A (20 m3/h, 30 m head), pumping water.",
        "Compute the hydraulic power for pump B (40 m3/h, 25 m head), pumping water.",
    ]
    assert solution.status == "answered" and solution.answer is None
    assert [(p.step, p.answer, p.unit) for p in solution.parts] == [(1, 2.0, "kW"), (2, 4.0, "kW")]
    assert "Part 1: 2 kW" in solution.text and "Part 2: 4 kW" in solution.text
    steps = sorted(solution.steps, key=lambda s: s.index)
    assert [(s.index, s.valid, s.depends_on) for s in steps] == [(1, True, []), (2, True, [])]
    # The trace shows the overlap: each started before the other finished.
    first, second = steps
    assert first.started_at is not None and second.started_at is not None
    assert first.finished_at is not None and second.finished_at is not None
    assert first.started_at <= second.finished_at and second.started_at <= first.finished_at


def test_one_step_at_a_time_when_parallel_steps_is_off() -> None:
    ctx = _ctx([{"name": "pump_power", "score": 0.9}])
    policy = ctx.meta.policy.model_copy(update={"parallel_steps": False})
    meta = ctx.meta.model_copy(update={"policy": policy})
    ctx = AgentContext(meta=meta, generator=ctx.generator, experts={"calculation": _CaseExpert(1)},
                       find_tools=ctx.find_tools)  # fmt: skip
    update = plan({"question": "Power for pump A (20 m3/h, 30 m) and for pump B (40 m3/h, 25 m)?"},
                  ctx)  # fmt: skip
    assert len(update["pending"]) == 1 and update["parts"] == []


def test_revising_one_independent_step_keeps_the_other() -> None:
    def independent(index: int, value: float, revision: int = 0) -> StepRecord:
        record = StepRecord.model_validate(_record(index, value, revision=revision))
        return record.model_copy(update={"depends_on": []})

    active = _active([independent(1, 2.0), independent(2, 5.0), independent(1, 2.5, 1)])
    assert sorted(active) == [1, 2]
    assert active[1].revision == 1 and active[2].result.answer is not None


def test_steps_reducer_replaces_by_index_and_revision_and_appends_the_rest() -> None:
    one, two = _record(1, 1.0), _record(2, 2.0)
    checked = {**one, "valid": False, "checked": True}
    assert merge_steps([one, two], [checked, _record(1, 3.0, revision=1)]) == [
        checked, two, _record(1, 3.0, revision=1)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("Hydraulic power for pump A (20 m3/h, 30 m) and for pump B (40 m3/h, 25 m)?", 2),
        ("Pressure drop in line 1 (2 m/s, 50 mm), line 2 (3 m/s, 80 mm) and line 3 (1 m/s, "
         "40 mm)?", 3),
        # Dependent quantities, or groups that are not cases of one kind: left whole.
        ("What are the Reynolds number and the friction factor for water at 2 m/s in a 50 mm "
         "pipe?", 0),
        ("Density of water at 20 C (293 K) and 1 bar (100 kPa)?", 0),
        ("Pump power for 20 m3/h (water, 998 kg/m3) against 35 m (total head)?", 0),
    ],
)  # fmt: skip
def test_split_independent_cases_only(question: str, parts: int) -> None:
    split = split_independent(question)
    assert len(split) == parts
    for case in split:
        assert case.count("(") == 1 and "and for" not in case


def test_no_dev_question_is_split() -> None:
    # Every dev problem asks for one number; splitting one would change what it asks.
    items, _ = load_dataset(resource_dir("datasets") / "dev.jsonl")
    assert [item.id for item in items if split_independent(item.question)] == []


# -- follow-up questions ---------------------------------------------------------------
_PUMP_TURN = {"question": "What hydraulic power does a pump need for 20 m3/h at 30 m head of "
              "water?", "answer": 1632.0, "unit": "W", "status": "answered"}  # fmt: skip


@pytest.mark.parametrize(
    ("follow_up", "turn", "expected"),
    [
        ("and with 40 m head instead?", _PUMP_TURN,
         "What hydraulic power does a pump need for 20 m3/h at 40 m head of water?"),
        ("And for 35 m3/h?", _PUMP_TURN,
         "What hydraulic power does a pump need for 35 m3/h at 30 m head of water?"),
        ("What is that in hp?", _PUMP_TURN, "Convert 1632 W to hp."),
        ("and with a 3-inch pipe instead?",
         {"question": "Water at 2 m/s flows through 100 m of 2-inch pipe. Pressure drop?"},
         "Water at 2 m/s flows through 100 m of 3-inch pipe. Pressure drop?"),
        ("and with 200 m of pipe?",
         {"question": "Water at 2 m/s flows through 100 m of 2-inch pipe. Pressure drop?"},
         "Water at 2 m/s flows through 200 m of 2-inch pipe. Pressure drop?"),
        # No pipe in the pump question: not a substitution, the turns go along as context.
        ("and with a 3-inch pipe instead?", _PUMP_TURN, None),
        # A whole new question is not a follow-up, whatever word it starts with.
        ("For a pump delivering 20 m3/h against 35 m of head, what is the NPSH available at "
         "sea level?", _PUMP_TURN, None),
        ("What is the density of water at 20 C?", _PUMP_TURN, None),
    ],
)  # fmt: skip
def test_follow_up_is_rewritten_from_the_previous_question(
    follow_up: str, turn: dict[str, Any], expected: str | None
) -> None:
    assert resolve_follow_up(follow_up, turn) == expected


def test_a_follow_up_chain_builds_on_the_rewritten_question() -> None:
    turn = {**_PUMP_TURN, "resolved": resolve_follow_up("and with 40 m head instead?", _PUMP_TURN)}
    assert resolve_follow_up("and for 10 m3/h?", turn) == (
        "What hydraulic power does a pump need for 10 m3/h at 40 m head of water?"
    )


def test_prepare_resolves_a_follow_up_and_experts_see_only_the_whole_question() -> None:
    ctx = _ctx([{"name": "pump_power", "score": 0.9}])
    ctx.experts = {"calculation": _CaseExpert(1)}
    state = {"question": "and with 40 m head instead?", "conversation": [_PUMP_TURN]}
    update = prepare(state, ctx)
    resolved = "What hydraulic power does a pump need for 20 m3/h at 40 m head of water?"
    assert update["resolved_question"] == resolved
    step = plan({**state, **update, "steps": []}, ctx)["pending"]
    assert [p["sub_task"] for p in step] == [resolved]


# -- the unit the question asks for ---------------------------------------------------------
def _step(sub_task: str, answer: Quantity, outputs: dict[str, Quantity]) -> dict[str, Any]:
    result = ExpertResult(expert="calculation", sub_task=sub_task, ok=True, answer=answer,
                          outputs=outputs)  # fmt: skip
    return StepRecord(index=1, expert="calculation", sub_task=sub_task, result=result).model_dump(
        mode="json"
    )


def test_the_asked_quantity_is_taken_among_the_tools_outputs() -> None:
    head, rise = Quantity(value=40.0, unit="m"), Quantity(value=3.9e5, unit="Pa")
    state = {"steps": [_step("What pressure rise, in kPa?", head, {"head": head, "dP": rise})]}
    record = StepRecord.model_validate(validate(state, _ctx())["steps"][0])
    assert record.valid and record.result.answer == rise


def test_an_answer_that_cannot_be_in_the_asked_unit_fails_validation() -> None:
    density = Quantity(value=998.0, unit="kg/m**3")
    state = {"steps": [_step("Pressure in the separator, in kPa?", density, {"rho": density})]}
    record = StepRecord.model_validate(validate(state, _ctx())["steps"][0])
    assert not record.valid and "asks for the answer in kPa" in record.validation_errors[0]
    assert after_validate({**state, "steps": [record.model_dump(mode="json")]}, _ctx()) == (
        "identify_error"
    )


def test_the_answer_is_reported_in_the_asked_unit() -> None:
    pressure = Quantity(value=1.13554e6, unit="Pa")
    step = {**_step("q", pressure, {"P": pressure}), "valid": True, "checked": True}
    state = {"question": "What is the absolute pressure in the separator, in kPa?",
             "steps": [step], "outcome": {"action": "final_answer", "answer_step": 1}}  # fmt: skip
    solution = Solution.model_validate(finish(state, _ctx())["solution"])
    assert solution.unit == "kPa" and solution.answer == pytest.approx(1135.54)
    assert solution.text.startswith("1135.54 kPa")


def test_the_asked_unit_of_every_dev_question_has_the_reference_dimension() -> None:
    items, _ = load_dataset(resource_dir("datasets") / "dev.jsonl")
    parsed = {item.id: asked_unit(item.question) for item in items}
    assert sum(unit is not None for unit in parsed.values()) >= 50  # most dev questions name one
    wrong = [
        (item.id, unit, item.unit)
        for item in items
        if (unit := parsed[item.id]) is not None
        and in_asked_unit(Quantity(value=item.answer, unit=item.unit), unit) is None
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [("Express it in W/(m²·K).", "W/(m²·K)"), ("What is its dynamic viscosity in mPa·s (cP)?",
      "mPa·s"), ("Below what downstream pressure, in bar absolute, does the flow choke?", "bar"),
     ("Water at 2 m/s in a 50 mm pipe. What is the Reynolds number?", None),
     ("What is its specific speed n·√Q/H^0.75 (n in rpm, Q in m³/s, H in m)?", None)],
)  # fmt: skip
def test_asked_unit(text: str, unit: str | None) -> None:
    assert asked_unit(text) == unit


def test_sub_tasks_the_planner_names_as_independent_run_beside_its_step() -> None:
    ctx = _ctx()
    step = NextStep(action="call_expert", expert="calculation", sub_task="density of water",
                    tool="fluid_properties",
                    parallel_sub_tasks=["viscosity of water", "density of water", " "])  # fmt: skip
    earlier = {1: StepRecord.model_validate({**_record(1, 2.0), "sub_task": "viscosity of water"})}
    assert _planned_steps(step, step.sub_task, {}, ctx) == [
        {"index": 1, "expert": "calculation", "sub_task": "density of water",
         "tool": "fluid_properties", "revision": 0, "depends_on": []},
        {"index": 2, "expert": "calculation", "sub_task": "viscosity of water", "tool": None,
         "revision": 0, "depends_on": []},
    ]  # fmt: skip
    # A sub-task already done is not run again; alone, a step builds on all before it.
    assert _planned_steps(step, step.sub_task, earlier, ctx) == [
        {"index": 2, "expert": "calculation", "sub_task": "density of water",
         "tool": "fluid_properties", "revision": 0, "depends_on": None},
    ]  # fmt: skip


def _tool_step(sub_task: str, tool: str, arguments: dict[str, Any], output: str) -> dict[str, Any]:
    """A step that ran ``tool`` for real and answered with its ``output``."""
    ran = get_registry().run(tool, arguments)
    outputs = {
        name: Quantity(value=float(value.value), unit=value.unit or "")
        for name, value in ran.outputs.items()
        if isinstance(value.value, int | float)
    }
    result = ExpertResult(
        expert="calculation", sub_task=sub_task, ok=True, answer=outputs[output], outputs=outputs,
        tool_calls=[ToolCall(tool=tool, arguments=arguments, outputs=ran.outputs)],
    )  # fmt: skip
    return StepRecord(index=1, expert="calculation", sub_task=sub_task, result=result).model_dump(
        mode="json"
    )


class _NamesTheFailedStep:
    """The action generator's verdict, without a model: the failed step is at fault."""

    def identify_error(
        self, question: str, history: list[str], failed_step: int, error: str
    ) -> tuple[ErrorVerdict, LLMCall]:
        call = LLMCall(role="action_generator", model="none", prompt_tokens=0,
                       completion_tokens=0, latency_s=0.0, purpose="identify error")  # fmt: skip
        return ErrorVerdict(step=failed_step, feedback=""), call


def test_an_answer_of_another_quantity_fails_and_its_revision_uses_the_asked_tool() -> None:
    # dev distillation-001: a vapour pressure (157 kPa) answered for a relative volatility.
    question = (
        "Assuming Raoult's law, what is the relative volatility of benzene to toluene at 95.0 °C?"
    )
    wrong = _tool_step(question, "vapor_pressure",
                       {"chemical": "benzene", "temperature": {"value": 95.0, "unit": "degC"}},
                       "Psat")  # fmt: skip
    state: dict[str, Any] = {"question": question, "steps": [wrong], "revisions": 0}
    state["steps"] = validate(state, _ctx())["steps"]
    record = StepRecord.model_validate(state["steps"][0])
    assert not record.valid and record.revise_with == "relative_volatility"
    assert "asks for the relative volatility" in record.validation_errors[0]
    assert after_validate(state, _ctx()) == "identify_error"
    ctx = replace(_ctx(), generator=_NamesTheFailedStep())  # type: ignore[arg-type]
    pending = identify_error(state, ctx)["pending"][0]
    assert pending["required_tool"] == "relative_volatility" and pending["revision"] == 1

    right = _tool_step(question, "relative_volatility",
                       {"components": ["benzene", "toluene"], "temperature": {"value": 95.0, "unit": "degC"}},
                       "alpha_key")  # fmt: skip
    record = StepRecord.model_validate(validate({"steps": [right]}, _ctx())["steps"][0])
    assert record.valid and record.revise_with is None


@pytest.mark.parametrize(
    ("sub_task", "tool", "arguments", "output", "asked_tool"),
    [
        # dev pipe_flow-006: a roughness of 0.036 mm for the inside diameter, both in mm
        ("What is the inside diameter of NPS 6 schedule 80 steel pipe (ASME B36.10), in mm?",
         "pipe_roughness", {"material": "Carbon steel, bare"}, "roughness", "pipe_schedule"),
        # dev balances-003: the heat of combustion of CO for the water-gas shift reaction
        ("What is the standard heat of reaction at 25 °C of the water-gas shift reaction "
         "CO + H2O(g) → CO2 + H2, in kJ/mol, from standard heats of formation?",
         "heat_of_combustion", {"fuel": "CO"}, "HHV", "heat_of_reaction"),
        # the asked quantity computed by the tool that ran: valid
        ("What is the vapour pressure of benzene at 95 °C, in kPa?", "vapor_pressure",
         {"chemical": "benzene", "temperature": {"value": 95.0, "unit": "degC"}}, "Psat", None),
    ],
)  # fmt: skip
def test_a_step_is_valid_only_when_its_tool_computes_the_asked_quantity(
    sub_task: str, tool: str, arguments: dict[str, Any], output: str, asked_tool: str | None
) -> None:
    step = _tool_step(sub_task, tool, arguments, output)
    record = StepRecord.model_validate(validate({"steps": [step]}, _ctx())["steps"][0])
    assert record.valid is (asked_tool is None)
    assert record.revise_with == asked_tool


def test_a_bound_the_question_does_not_ask_for_fails_validation() -> None:
    # dev distillation-005: Fenske's minimum (8.69 stages) for the 18.6 stages that Fenske,
    # Underwood and Gilliland give together.
    fenske = {"alpha": 2.45, "xD_light": 0.98, "xB_light": 0.02}
    three_steps = (
        "The reflux ratio is 1.3 times the minimum. Using Fenske, Underwood and Gilliland "
        "(Molokanov form), how many theoretical stages are needed?"
    )
    step = _tool_step(three_steps, "fenske_min_stages", fenske, "N_min")
    record = StepRecord.model_validate(validate({"steps": [step]}, _ctx())["steps"][0])
    assert not record.valid and record.revise_with is None
    assert "does not ask for the minimum" in record.validation_errors[0]
    for asks_it in (
        "What is the minimum number of theoretical stages (Fenske)?",
        "How many equilibrium stages at total reflux are needed? Use Fenske.",
    ):
        step = _tool_step(asks_it, "fenske_min_stages", fenske, "N_min")
        assert StepRecord.model_validate(validate({"steps": [step]}, _ctx())["steps"][0]).valid


def test_no_dataset_question_is_failed_for_the_quantity_its_own_tool_answers() -> None:
    """Every question of the three datasets, answered by one of its verified tools, names
    nothing of another tool that this check would send back (the flash steam of
    ``proc-steam-019`` comes from a calculation, not a tool's output)."""
    from peoa.experts.output_choice import asked_elsewhere

    registry = get_registry()
    outputs = {t.name: {n: o.description for n, o in t.outputs.items()} for t in registry.list()}
    sent_back = []
    for name in ("dev", "process", "maths"):
        items, _ = load_dataset(resource_dir("datasets") / f"{name}.jsonl")
        for item in items:
            tools = [t for t in item.tools or [] if not any(
                o.unit_from for o in registry.get(t).outputs.values())]  # fmt: skip
            if tools and all(asked_elsewhere(item.question, t, outputs) for t in tools):
                sent_back.append(item.id)
    assert sent_back == ["proc-steam-019"]
