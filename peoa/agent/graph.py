"""The meta-agent as a LangGraph ``StateGraph``: plain node functions and small routers.

::

    prepare ─► schedule ─► run_expert ×N ─► validate ─┬─► schedule … ─► finish
       │           │                                 └─► next_plan ─► schedule
       └───────────┴─────────────────────────────────────────────────► finish

``prepare`` reads the question once (:mod:`peoa.reading`), finds the candidate tools in
the graph and plans each independent case (:mod:`peoa.planning`). ``schedule`` has the
action generator choose a plan where the ranking leaves a tie, and sends out the steps
whose inputs are ready (independent ones at the same time, through LangGraph's
``Send``); ``validate`` checks them; a failed step moves its case to its next plan
(``next_plan``), within the configured bounds. A question no plan answers goes to the
code expert with its values as named variables, or gets a reply that names what could
not be reached. Every node takes the state and an :class:`AgentContext` and returns a
partial update; routers only read the state, so both are testable without a model.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol

from langchain_core.runnables import RunnableConfig
from langgraph.graph import END, START, StateGraph
from langgraph.types import Overwrite, Send

from peoa.agent.action_generator import ActionGenerator
from peoa.agent.answer import asked_unit_fits, in_asked_unit
from peoa.agent.definitions import MetaAgentDefinition
from peoa.agent.display import in_display_unit, shown
from peoa.agent.explain import step_sentence
from peoa.agent.records import LLMCallData, StepData, llm_call_data, step_data
from peoa.agent.routing import route_question
from peoa.agent.solution import GivenValue, PartAnswer, RunUsage, Solution, StepRecord
from peoa.agent.state import CandidateTool, Case, Outcome, PendingStep, SolveState, SolveUpdate
from peoa.agent.validation import validate_result
from peoa.config import DisplaySettings
from peoa.experts.base import Citation, Expert, ExpertResult, ExpertTask, InjectionFlag, LLMCall
from peoa.llm import StructuredOutputError
from peoa.planning import Plan, tied_plans
from peoa.reading import Reading, read_question

__all__ = ["AgentContext", "build_graph"]

# The k best tools for a question, as the retrieval layer dumps them (ToolHit fields).
ToolFinder = Callable[[str, int], list[dict[str, Any]]]
# The k best passages (chunks) of the knowledge graph for a question, with their scores.
PassageFinder = Callable[[str, int], list[dict[str, Any]]]


class PlanSource(Protocol):
    """What the nodes ask of the planner (a :class:`~peoa.planning.Planner`, or a stand-in
    that builds one on first use)."""

    def plan(self, reading: Reading, relevance: Mapping[str, float] | None = None) -> list[Plan]:
        """The best plans for ``reading``, best first."""
        ...

    def names_a_quantity(self, reading: Reading) -> bool:
        """Whether the asking words name a quantity some tool computes."""
        ...

    def missing(self, reading: Reading, relevance: Mapping[str, float] | None = None) -> str:
        """Why no plan reaches the asked quantity."""
        ...


@dataclass
class AgentContext:
    """What the nodes need besides the state: definitions, models, experts, search, planner."""

    meta: MetaAgentDefinition
    generator: ActionGenerator
    experts: dict[str, Expert]
    find_tools: ToolFinder
    planner: PlanSource
    thread_id: str = ""
    find_passages: PassageFinder | None = None
    display: DisplaySettings = field(default_factory=DisplaySettings)


# -- helpers over the state --------------------------------------------------------------
def _records(state: SolveState) -> list[StepRecord]:
    return [StepRecord.model_validate(s) for s in state.get("steps") or []]


def _latest(records: list[StepRecord]) -> dict[int, StepRecord]:
    """The latest attempt of each step index."""
    latest: dict[int, StepRecord] = {}
    for record in records:
        latest[record.index] = record
    return latest


def _plan(case: Case) -> Plan | None:
    index = case["plan"]
    return Plan.model_validate(case["plans"][index]) if 0 <= index < len(case["plans"]) else None


def _reading(case: Case) -> Reading:
    return Reading.model_validate(case["reading"])


def _relevance(state: SolveState | SolveUpdate) -> dict[str, float]:
    return {t["name"]: float(t.get("score", 0.0)) for t in state.get("candidate_tools") or []}


# -- nodes ---------------------------------------------------------------------------------
def prepare(state: SolveState, ctx: AgentContext) -> SolveUpdate:
    """Start a question: read it once, find candidate tools, catch empty or off-topic ones,
    and plan each independent case."""
    fresh: SolveUpdate = {
        "steps": Overwrite([]), "pending": [], "revisions": 0, "trace": [], "outcome": None,
        "solution": None, "candidate_tools": [], "cases": [], "next_index": 1, "reading": None,
    }  # fmt: skip
    question = (state.get("question") or "").strip()
    if not question:
        fresh["outcome"] = {
            "action": "clarify",
            "message": "Please ask a process-engineering question, with the values and units "
            "you know (for example: pump power for 20 m3/h of water against 35 m of head).",
        }
        return fresh
    conversation = state.get("conversation") or []
    reading = read_question(question, conversation[-1] if conversation else None)
    fresh["reading"] = reading.model_dump(mode="json")
    if ctx.meta.policy.tool_retrieval != "none":
        tools = _candidates(ctx.find_tools(reading.text, max(ctx.meta.limits.tool_candidates, 10)))
        fresh["candidate_tools"] = tools
        if not _in_scope(reading.text, tools, ctx):
            fresh["outcome"] = {
                "action": "clarify",
                "message": "This does not look like a process-engineering question PEOA can "
                "work on. Ask about fluid flow, pumps, compressors, heat transfer, "
                "separations, reactors, balances, relief or control valves, or properties, "
                "with the data you have and its units.",
            }
            return fresh
    relevance = _relevance(fresh)
    readings = [read_question(c) for c in reading.cases] if ctx.meta.policy.parallel_steps else []
    cases: list[Case] = []
    for case_reading in (readings or [reading])[: ctx.meta.limits.max_steps]:
        route = route_question(case_reading, ctx.meta.policy.text_cues)
        kind = route.kind
        if kind == "text" and not route.cued and ctx.planner.names_a_quantity(case_reading):
            kind = "numeric"  # "What pump power do I need?": a number, its data missing
        plans = ctx.planner.plan(case_reading, relevance) if kind == "numeric" else []
        cases.append(Case(
            question=case_reading.text, reading=case_reading.model_dump(mode="json"),
            route=kind, plans=[p.model_dump(mode="json") for p in plans], plan=-1, offset=0,
            tried=[], status="running",
        ))  # fmt: skip
    fresh["cases"] = cases
    return fresh


def _candidates(hits: list[dict[str, Any]]) -> list[CandidateTool]:
    """The retrieved tools as the state keeps them."""
    return [
        CandidateTool(name=h["name"], topic=h.get("topic"), description=h.get("description"),
                      score=h["score"])
        for h in hits
    ]  # fmt: skip


def _in_scope(question: str, tools: list[CandidateTool], ctx: AgentContext) -> bool:
    """Whether a tool, or else a passage of the graph, is close enough to the question.

    Tool documentation alone misses questions about the user's own documents ("what do
    the notes say about the C-101 stripper?"), so a well-matching passage counts too.
    """
    limits = ctx.meta.limits
    if tools and max(t["score"] for t in tools) >= limits.min_tool_relevance:
        return True
    if ctx.find_passages is None:
        return False
    passages = ctx.find_passages(question, 1)
    return bool(passages) and passages[0]["score"] >= limits.min_passage_relevance


def _choose(case: Case, ctx: AgentContext, trace: list[LLMCallData]) -> int:
    """The plan a case runs first: the best ranked, or the action generator's choice
    among the tied best."""
    plans = [Plan.model_validate(p) for p in case["plans"]]
    tied = tied_plans(plans, ctx.meta.limits.plan_choices)
    if ctx.meta.policy.plan_choice != "model" or len(tied) < 2:
        return 0
    try:
        index, call = ctx.generator.choose_plan(_reading(case), tied)
    except StructuredOutputError as error:
        trace.append(llm_call_data(LLMCall(role="action_generator", model=ctx.generator.llm.name,
                                           purpose=f"choose plan (unusable output: {error})")))  # fmt: skip
        return 0
    trace.append(llm_call_data(call))
    return plans.index(tied[index])


_LONE = -2  # a case's "plan" when it runs one step that no plan covers


def schedule(state: SolveState, ctx: AgentContext) -> SolveUpdate:
    """Choose each case's plan when it has none yet, and queue the steps that are ready."""
    cases = [Case(**c) for c in state.get("cases") or []]
    latest = _latest(_records(state))
    trace = list(state.get("trace") or [])
    next_index = state.get("next_index") or 1
    pending: list[PendingStep] = []
    for number, case in enumerate(cases):
        if case["status"] != "running":
            continue
        if case["route"] == "text" or not case["plans"]:
            if case["plan"] == -1:
                expert = _lone_expert(case, ctx)
                if expert is None:
                    case["status"] = "failed"
                    continue
                case["plan"], case["offset"] = _LONE, next_index
                pending.append(PendingStep(index=next_index, expert=expert, sub_task=case["question"],
                                           case=number, plan=None, plan_step=None, depends_on=[],
                                           revision=0))  # fmt: skip
                next_index += 1
            elif (record := latest.get(case["offset"])) is not None:
                case["status"] = "answered" if record.valid else "failed"
            continue
        if case["plan"] == -1:
            case["plan"] = _choose(case, ctx, trace)
            case["offset"] = next_index - 1
            next_index += len(case["plans"][case["plan"]]["steps"])
        plan = _plan(case)
        assert plan is not None
        done = {
            s.index for s in plan.steps
            if (r := latest.get(case["offset"] + s.index)) is not None and r.valid
        }  # fmt: skip
        if len(done) == len(plan.steps):
            case["status"] = "answered"
            continue
        for step in plan.steps:
            index = case["offset"] + step.index
            if index in latest or not set(step.depends_on) <= done:
                continue
            pending.append(PendingStep(
                index=index, expert=ctx.meta.policy.numeric_expert, sub_task=step.sub_task,
                case=number, plan=plan.id, plan_step=step.index,
                depends_on=[case["offset"] + d for d in step.depends_on], revision=0,
            ))  # fmt: skip
    if not ctx.meta.policy.parallel_steps:
        pending = pending[:1]
    update: SolveUpdate = {"cases": cases, "pending": pending, "trace": trace,
                           "next_index": next_index}  # fmt: skip
    if not pending:
        update["outcome"] = {"action": "final_answer"}
    return update


def _lone_expert(case: Case, ctx: AgentContext) -> str | None:
    """The expert of a case's one step when no plan covers it: the knowledge expert for a
    question that asks for knowledge, the code expert (if any) for a number no tool chain
    reaches from the values the question gives."""
    policy = ctx.meta.policy
    if case["route"] == "text":
        expert = policy.text_expert
    else:
        expert = policy.code_expert if _reading(case).data() else ""
    return expert if expert and expert in ctx.experts else None


def _variables(reading: Reading) -> dict[str, Any]:
    """A code step's inputs: the question's values as named variables with their units."""
    return {m.id: {"value": m.value, "unit": m.unit, "means": m.describe()} for m in reading.data()}


def run_expert(state: SolveState, ctx: AgentContext) -> SolveUpdate:
    """Run one pending step with its expert; returns only its own record.

    Called once per pending step through ``Send`` (``state["step"]``), so independent
    steps run at the same time; the ``steps`` reducer merges what they return.
    """
    pending = state.get("step") or (state.get("pending") or [PendingStep()])[0]
    cases = state.get("cases") or []
    case = cases[pending.get("case", 0)]
    reading = _reading(case)
    expert = ctx.experts[pending["expert"]]
    plan = _plan(case) if pending.get("plan") else None
    step = (
        next((s for s in plan.steps if s.index == pending.get("plan_step")), None) if plan else None
    )
    latest = _latest(_records(state))
    prior = {}
    if step is not None:
        for depends in step.depends_on:
            record = latest.get(case["offset"] + depends)
            if record is not None:
                prior[depends] = record.result.outputs
    task = ExpertTask(
        question=reading.text,
        sub_task=pending["sub_task"],
        reading=reading,
        step=step,
        prior=prior,
        inputs=_variables(reading) if step is None and case["route"] == "numeric" else {},
        feedback=pending.get("feedback"),
        attempt=pending.get("revision", 0) + 1,
    )
    started = time.time()
    try:
        result = expert.run(task)
    except Exception as error:  # an expert bug must not lose the whole solve
        result = ExpertResult(
            expert=expert.name, sub_task=task.sub_task, ok=False,
            error=f"the {expert.name} expert crashed: {type(error).__name__}: {error}",
        )  # fmt: skip
    record = StepRecord(
        index=pending["index"], expert=expert.name, sub_task=pending["sub_task"],
        case=pending.get("case", 0), plan=pending.get("plan"), plan_step=pending.get("plan_step"),
        revision=pending.get("revision", 0), feedback=pending.get("feedback"), result=result,
        depends_on=pending.get("depends_on"), started_at=started, finished_at=time.time(),
    )  # fmt: skip
    return {"steps": [step_data(record)]}


def validate(state: SolveState, ctx: AgentContext) -> SolveUpdate:
    """Check the steps that just ran: units, physical sanity, and that a case's answer
    can be given in the unit its question asks for."""
    cases = state.get("cases") or []
    checked: list[StepData] = []
    for record in _records(state):
        if record.checked:
            continue
        errors = validate_result(record.result, ctx.meta.sanity)
        case = cases[record.case]
        plan = _plan(case)
        answers = plan is None or record.plan_step == len(plan.steps)
        answer = record.result.answer
        if not errors and answers and answer is not None and case["route"] == "numeric":
            reading = _reading(case)
            if not asked_unit_fits(answer, reading):
                errors = [
                    f"the question asks for the answer in {reading.asked.unit_written}, but this "
                    f"step gave {answer.value:.6g} {answer.unit}, which is not of that kind"
                ]
        update = {"valid": not errors, "validation_errors": errors, "checked": True}
        checked.append(step_data(record.model_copy(update=update)))
    return {"steps": checked}


def _failures(state: SolveState) -> dict[int, StepRecord]:
    """The failed step of each running case's current plan (or lone step), by case."""
    cases = state.get("cases") or []
    found: dict[int, StepRecord] = {}
    for record in _latest(_records(state)).values():
        if record.valid or not record.checked or record.case >= len(cases):
            continue
        case = cases[record.case]
        plan = _plan(case)
        current = record.plan == plan.id if plan is not None else case["plan"] == _LONE
        if case["status"] == "running" and current:
            found.setdefault(record.case, record)
    return found


def next_plan(state: SolveState, ctx: AgentContext) -> SolveUpdate:
    """A case whose step failed moves to its next plan that names the answer as well (the
    failure recorded), or fails when none is left within the limits."""
    cases = [Case(**c) for c in state.get("cases") or []]
    revisions = state.get("revisions") or 0
    next_index = state.get("next_index") or 1
    limits = ctx.meta.limits
    for number, record in _failures(state).items():
        case = cases[number]
        plan = _plan(case)
        if plan is None:  # a lone step has no other plan
            case["status"] = "failed"
            continue
        why = "; ".join(record.validation_errors) or record.result.error or "failed"
        case["tried"].append(f"{plan.describe()}: {why}")
        later = [
            i for i in range(case["plan"] + 1, len(case["plans"]))
            if Plan.model_validate(case["plans"][i]).named == plan.named
        ]  # fmt: skip
        if (
            later
            and len(case["tried"]) < limits.max_plans
            and revisions < limits.max_revisions_total
        ):
            case["plan"], case["offset"] = later[0], next_index - 1
            next_index += len(case["plans"][later[0]]["steps"])
            revisions += 1
        else:
            case["status"] = "failed"
    return {"cases": cases, "revisions": revisions, "next_index": next_index}


def finish(state: SolveState, ctx: AgentContext) -> SolveUpdate:
    """Write the solution: each number from a validated tool step, never from a model."""
    records = _records(state)
    latest = _latest(records)
    cases = state.get("cases") or []
    outcome: Outcome = state.get("outcome") or {"action": "failed"}
    trace = [LLMCall.model_validate(c) for c in state.get("trace") or []]
    reading = Reading.model_validate(state["reading"]) if state.get("reading") else None
    plans = [p for c in cases if (p := _plan(c)) is not None]
    base: dict[str, Any] = {"question": state.get("question", ""), "thread_id": ctx.thread_id, "steps": records,
            "trace": trace, "usage": _usage(records, trace),
            "candidate_tools": [t["name"] for t in state.get("candidate_tools") or []],
            "resolved_question": reading.text if reading and reading.original else None,
            "injection": _injection(records), "plans": plans,
            "citations": _citations(records),
            "given": [GivenValue(id=m.id, written=m.written, value=m.value, unit=m.unit,
                                 describes=m.phrase) for m in (reading.data() if reading else [])]}  # fmt: skip
    if outcome.get("action") == "clarify":
        solution = Solution(status="clarification", text=outcome.get("message", ""), **base)
    else:
        answers = [_case_answer(n, case, latest, ctx) for n, case in enumerate(cases)]
        if len(answers) > 1:
            parts = [a for a, _ in answers]
            status: Literal["answered", "clarification", "failed"] = (
                "answered" if any(p.status == "answered" for p in parts) else "failed"
            )
            solution = Solution(status=status, parts=parts,
                                text="\n".join(f"Part {i}: {p.text}" for i, p in enumerate(parts, 1)),
                                **base)  # fmt: skip
        elif answers:
            part, text = answers[0]
            status = part.status
            if status == "failed" and _lacks_data(cases[0]):
                status = "clarification"
            solution = Solution(
                status=status,
                answer=part.answer,
                unit=part.unit,
                si_answer=part.si_answer,
                si_unit=part.si_unit,
                text=text,
                **base,
            )
        else:
            solution = Solution(
                status="failed", text="PEOA could not find a checked answer.", **base
            )
    turn = {"question": solution.question, "answer": solution.answer, "unit": solution.unit,
            "text": solution.text[:500], "status": solution.status,
            "resolved": solution.resolved_question}  # fmt: skip
    return {"solution": solution.model_dump(mode="json"), "conversation": [turn]}


_NO_INPUTS = (
    "The question gives no values to compute from. Ask a process-engineering question with "
    "the data you have and its units (for example: pump power for 20 m3/h of water against "
    "35 m of head)."
)


def _lacks_data(case: Case) -> bool:
    return case["route"] == "numeric" and not _reading(case).data()


def _case_answer(
    number: int, case: Case, latest: dict[int, StepRecord], ctx: AgentContext
) -> tuple[PartAnswer, str]:
    """One case's answer (or why there is none), and the explanation to show."""
    reading = _reading(case)
    plan = _plan(case)
    last = (
        latest.get(case["offset"] + (len(plan.steps) if plan else 0))
        if case["plan"] != -1
        else None
    )
    question = case["question"]
    if last is not None and last.valid and case["route"] == "text":
        return PartAnswer(question=question, status="answered", step=last.index,
                          text=last.result.text), last.result.text  # fmt: skip
    if last is not None and last.valid and last.result.answer is not None:
        si_answer = last.result.answer
        answer = in_asked_unit(si_answer, reading)
        if answer is si_answer:  # no unit asked: the engineer's unit for this quantity
            kind = plan.answer_step.kind if plan else None
            answer = in_display_unit(answer, kind, reading, ctx.display.units)
        unused = [reading.mention(m).written for m in (plan.unused if plan else ())]
        ignored = [reading.mention(m).written for m in (plan.ignored if plan else ())]
        if plan is not None and (len(unused) > ctx.meta.limits.max_unused_values or ignored):
            # Withheld: too much of the question left out, or a value a step could have
            # taken left to the tool's default (the answer is for another case).
            text = (
                f"PEOA could not find a checked answer. The plan {plan.describe()} gave "
                f"{answer.value:.4g} {answer.unit}, but no step used {', '.join(unused)} from "
                "the question, so that answer leaves part of the problem out."
            )
            if ignored:
                text += f" A step could have taken {', '.join(ignored)} but did not."
            return PartAnswer(question=question, status="failed", step=last.index, text=text), text
        headline = shown(answer, ctx.display.significant)
        text = "\n".join([headline, *_explain(case, latest)])
        return PartAnswer(question=question, status="answered", answer=answer.value,
                          unit=answer.unit, si_answer=si_answer.value, si_unit=si_answer.unit,
                          step=last.index, text=headline), text  # fmt: skip
    if _lacks_data(case):
        text = f"{_NO_INPUTS} {ctx.planner.missing(reading)}"
        return PartAnswer(question=question, status="failed", step=0, text=text), text
    text = "PEOA could not find a checked answer. " + _why_not(number, case, latest, ctx)
    return PartAnswer(question=question, status="failed", step=0, text=text), text


def _why_not(number: int, case: Case, latest: dict[int, StepRecord], ctx: AgentContext) -> str:
    if case["tried"]:
        return "What failed: " + " | ".join(case["tried"])
    failed = [r for r in latest.values() if r.case == number and not r.valid]
    if failed:
        return "What failed: " + " | ".join(
            "; ".join(r.validation_errors) or r.result.error or "failed" for r in failed
        )
    missing = ctx.planner.missing(_reading(case))
    return missing or "No chain of tools reaches the quantity asked from the values given."


def _explain(case: Case, latest: dict[int, StepRecord]) -> list[str]:
    """A sentence per tool step: what it computed, from which values, by which method."""
    plan = _plan(case)
    lines = []
    for step in plan.steps if plan else []:
        record = latest.get(case["offset"] + step.index)
        if record is None:
            continue
        for call in record.result.tool_calls:
            if call.error is None:
                lines.append(step_sentence(step, call, _reading(case), case["offset"] + 1))
    return lines


def _citations(records: list[StepRecord]) -> list[Citation]:
    seen: dict[tuple[str, str | None], Citation] = {}
    for record in records:
        if not record.valid:
            continue
        for citation in record.result.citations:
            seen.setdefault((citation.source, citation.chunk_id), citation)
    return list(seen.values())


def _injection(records: list[StepRecord]) -> list[InjectionFlag]:
    """Every flagged passage any attempt retrieved, once (shown if any attempt showed it)."""
    seen: dict[str, InjectionFlag] = {}
    for record in records:
        for flag in record.result.injection:
            known = seen.setdefault(flag.chunk_id, flag)
            if flag.shown_to_model and not known.shown_to_model:
                seen[flag.chunk_id] = flag
    return list(seen.values())


def _usage(records: list[StepRecord], trace: list[LLMCall]) -> RunUsage:
    calls = [*trace, *(c for r in records for c in r.result.llm_calls)]
    tools = [t for r in records for t in r.result.tool_calls]
    return RunUsage(
        llm_calls=len(calls),
        prompt_tokens=sum(c.prompt_tokens for c in calls),
        completion_tokens=sum(c.completion_tokens for c in calls),
        tool_calls=len(tools),
        revisions=sum(1 for r in records if r.revision > 0),
        model_time_s=sum(c.latency_s for c in calls),
        tool_time_s=sum(t.latency_s for t in tools),
    )


# -- routers -------------------------------------------------------------------------------
def after_prepare(state: SolveState) -> str:
    return "finish" if state.get("outcome") else "schedule"


def dispatch(state: SolveState) -> list[Send] | str:
    """Fan the pending steps out to ``run_expert``, one branch each; none pending: finish."""
    pending = state.get("pending") or []
    if not pending:
        return "finish"
    return [Send("run_expert", {**state, "step": step}) for step in pending]


def after_validate(state: SolveState) -> str:
    """A step that failed moves its case on to another plan; otherwise schedule the next."""
    return "next_plan" if _failures(state) else "schedule"


class _GraphNode(Protocol):
    """A node as LangGraph calls it: the state, and the run's config by name."""

    def __call__(self, state: SolveState, config: RunnableConfig) -> SolveUpdate: ...


def build_graph(ctx: AgentContext) -> StateGraph:
    """The meta-agent's graph, uncompiled (compile it with a checkpointer)."""

    def bind(node: Callable[[SolveState, AgentContext], SolveUpdate]) -> _GraphNode:
        def bound(state: SolveState, config: RunnableConfig) -> SolveUpdate:
            # The thread id arrives with each run, so one compiled graph serves every thread.
            thread_id = (config.get("configurable") or {}).get("thread_id", "")
            return node(state, replace(ctx, thread_id=thread_id))

        bound.__name__ = node.__name__
        return bound

    graph = StateGraph(SolveState)
    for node in (prepare, schedule, run_expert, validate, next_plan, finish):
        graph.add_node(node.__name__, bind(node))
    graph.add_edge(START, "prepare")
    graph.add_conditional_edges("prepare", after_prepare, ["schedule", "finish"])
    graph.add_conditional_edges("schedule", dispatch, ["run_expert", "finish"])
    graph.add_edge("run_expert", "validate")  # once, after every branch has returned
    graph.add_conditional_edges("validate", after_validate, ["schedule", "next_plan"])
    graph.add_edge("next_plan", "schedule")
    graph.add_edge("finish", END)
    return graph
