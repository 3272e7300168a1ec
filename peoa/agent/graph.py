"""The meta-agent as a LangGraph ``StateGraph``: plain node functions and small routers.

::

    prepare ─► plan ─► run_expert ×N ─► validate ─┬─► plan … ─► finish
       │        │                                 └─► identify_error ─► run_expert (revision)
       └────────┴────────────────────────────────────────────────────► finish

Every node takes the state and an :class:`AgentContext` and returns a partial
update; routers only read the state, so both are testable without a model.

Independent steps (the cases of a split question, or the sub-tasks the action
generator lists as not needing each other) fan out with LangGraph's ``Send``: one
``run_expert`` per step, at the same time; the ``steps`` reducer merges their records
and ``validate`` checks them together once all have returned.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.graph import END, START, StateGraph
from langgraph.types import Overwrite, Send

from peoa.agent.action_generator import ActionGenerator, ErrorVerdict, NextStep
from peoa.agent.coverage import unused_values
from peoa.reading import read_question
from peoa.agent.definitions import MetaAgentDefinition
from peoa.reading.followup import is_follow_up, resolve_follow_up
from peoa.agent.routing import route_question
from peoa.agent.solution import PartAnswer, RunUsage, Solution, StepRecord
from peoa.agent.state import SolveState
from peoa.agent.validation import validate_result
from peoa.exceptions import PeoaError
from peoa.experts.asked_unit import asked_unit, in_asked_unit, pick_asked_output
from peoa.experts.base import (
    Citation,
    Expert,
    ExpertResult,
    ExpertTask,
    InjectionFlag,
    LLMCall,
    Quantity,
    RefusalReason,
)
from peoa.experts.grounding import WrittenNumber, dimensioned_numbers
from peoa.experts.output_choice import asked_elsewhere, unasked_bound
from peoa.llm import StructuredOutputError
from peoa.tools import ToolRegistry, get_registry

__all__ = ["AgentContext", "build_graph"]

ToolFinder = Callable[[str, int], list[dict[str, Any]]]
# The k best passages (chunks) of the knowledge graph for a question, with their scores.
PassageFinder = Callable[[str, int], list[dict[str, Any]]]


@dataclass
class AgentContext:
    """What the nodes need besides the state: definitions, models, experts, tool search."""

    meta: MetaAgentDefinition
    generator: ActionGenerator
    experts: dict[str, Expert]
    find_tools: ToolFinder
    thread_id: str = ""
    find_passages: PassageFinder | None = None


# -- helpers over the state --------------------------------------------------------------
def _records(state: SolveState) -> list[StepRecord]:
    return [StepRecord.model_validate(s) for s in state.get("steps") or []]


def _active(records: list[StepRecord]) -> dict[int, StepRecord]:
    """The latest attempt of each step that a later revision has not superseded."""
    latest: dict[int, StepRecord] = {}
    for record in records:
        latest[record.index] = record
        # Revising step k invalidates what was built on it, and what was built on that.
        stale = [record.index]
        while stale:
            changed = stale.pop()
            for other in [i for i, r in latest.items() if i != changed and r.builds_on(changed)]:
                del latest[other]
                stale.append(other)
    return dict(sorted(latest.items()))


def _history(records: list[StepRecord]) -> list[str]:
    return [record.summary() for record in _active(records).values()]


def _conversation(state: SolveState, turns: int) -> str:
    earlier = (state.get("conversation") or [])[-turns:] if turns else []
    lines = []
    for turn in earlier:
        answer = turn.get("answer")
        said = (
            f"{answer:.6g} {turn.get('unit') or ''}".strip()
            if answer is not None
            else turn.get("text", "")[:200]
        )
        lines.append(f"Earlier question: {turn['question']}\nEarlier answer: {said}")
    return ("\n".join(lines) + "\n\n") if lines else ""


def _task_question(state: SolveState) -> str:
    """The question to solve: a follow-up rewritten as a whole question, else as asked."""
    return state.get("resolved_question") or state.get("question") or ""


def _effective_question(state: SolveState, turns: int) -> str:
    """The question, with the thread's earlier turns when it continues them, so that
    follow-ups make sense to the scope gate and the experts.

    A follow-up that was rewritten into a self-contained question needs no earlier
    turns, and neither does a question that does not continue the thread: the turns
    would only offer the experts the old numbers to copy, and carry an off-topic
    question ("Who painted the portrait numbered 3-1?") into scope.
    """
    if state.get("resolved_question"):
        return state["resolved_question"] or ""
    question = state["question"]
    return _conversation(state, turns) + question if is_follow_up(question) else question


# -- nodes ---------------------------------------------------------------------------------
def prepare(state: SolveState, ctx: AgentContext) -> dict[str, Any]:
    """Start a question: reset the turn, find candidate tools, catch empty questions."""
    fresh: dict[str, Any] = {
        "steps": Overwrite([]), "pending": [], "revisions": 0, "trace": [], "outcome": None,
        "solution": None, "candidate_tools": [], "parts": [], "resolved_question": None,
    }  # fmt: skip
    question = (state.get("question") or "").strip()
    earlier = state.get("conversation") or []
    if question and earlier:
        fresh["resolved_question"] = resolve_follow_up(question, earlier[-1])
        state = {**state, "resolved_question": fresh["resolved_question"]}
    if not question:
        fresh["outcome"] = {
            "action": "clarify",
            "message": "Please ask a process-engineering question, with the values and units "
            "you know (for example: pump power for 20 m3/h of water against 35 m of head).",
        }
        return fresh
    limits = ctx.meta.limits
    if ctx.meta.policy.tool_retrieval == "none":
        return fresh
    effective = _effective_question(state, ctx.meta.memory.history_turns)
    tools = ctx.find_tools(effective, limits.tool_candidates)
    fresh["candidate_tools"] = tools
    if not _in_scope(effective, tools, ctx):
        fresh["outcome"] = {
            "action": "clarify",
            "message": "This does not look like a process-engineering question PEOA can work "
            "on. Ask about fluid flow, pumps, compressors, heat transfer, separations, "
            "reactors, balances, relief or control valves, or properties, with the data you "
            "have and its units.",
        }
    return fresh


def _in_scope(question: str, tools: list[dict[str, Any]], ctx: AgentContext) -> bool:
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


def plan(state: SolveState, ctx: AgentContext) -> dict[str, Any]:
    """Ask the action generator for the next step, within the configured limits."""
    records = _records(state)
    active = _active(records)
    trace = list(state.get("trace") or [])
    if len(active) >= ctx.meta.limits.max_steps:
        return {"outcome": {"action": "final_answer", "answer_step": 0}, "pending": []}
    question = _task_question(state)
    tools = state.get("candidate_tools") or []
    routed = _routed_first_steps(question, active, ctx)
    if routed is not None:
        parts = [p["sub_task"] for p in routed] if len(routed) > 1 else []
        return {"pending": routed, "parts": parts, "trace": trace}
    done: dict[str, Any] = {"pending": [], "trace": trace}
    if ctx.meta.policy.after_answer == "finish" and any(r.valid for r in active.values()):
        return {"outcome": {"action": "final_answer", "answer_step": 0}, **done}
    conversation = (
        ""
        if state.get("resolved_question")
        else _conversation(state, ctx.meta.memory.history_turns)
    )
    try:
        step, call = ctx.generator.next_step(question, _history(records), tools, conversation)
        trace.append(call.model_dump())
    except StructuredOutputError as error:
        # A malformed plan is not the user's problem: fall back to the plainest move
        # (compute the question with the best-matching tool, or report what is done).
        trace.append({"role": "action_generator", "model": ctx.generator.llm.name,
                      "purpose": f"next step (unusable output: {error})"})  # fmt: skip
        fallback = "final_answer" if active else "call_expert"
        step = NextStep(
            action=fallback,
            expert="calculation" if "calculation" in ctx.experts else next(iter(ctx.experts)),
            sub_task=question,
            tool=tools[0]["name"] if tools else "none",
        )
    concrete = route_question(question, ctx.meta.policy.text_cues).kind == "numeric"
    if step.action == "clarify" and (active or concrete):
        # A question with values is concrete, and one with results is answerable: a
        # small model's "clarify" there is a misfire, so finish or compute instead.
        step = step.model_copy(update={"action": "final_answer" if active else "call_expert"})
    if step.action == "final_answer":
        return {"outcome": {"action": "final_answer", "answer_step": step.answer_step}, **done}
    if step.action == "clarify":
        return {"outcome": {"action": "clarify", "message": step.message}, **done}
    sub_task = step.sub_task.strip() or question
    copied = any(sub_task[:60] in e.manifest.description for e in ctx.experts.values())
    if copied or any(r.valid and r.sub_task == sub_task for r in active.values()):
        # A sub-task copied from an expert's description, or repeated, means the
        # generator has nothing new to ask: answer with what is checked.
        return {"outcome": {"action": "final_answer", "answer_step": 0}, **done}
    return {"pending": _planned_steps(step, sub_task, active, ctx), "trace": trace}


def _planned_steps(
    step: NextStep, sub_task: str, active: dict[int, StepRecord], ctx: AgentContext
) -> list[dict[str, Any]]:
    """The model's step, plus the sub-tasks it named as independent of it (run alongside)."""
    seen = {sub_task, *(r.sub_task for r in active.values())}
    extra: list[str] = []
    for text in (t.strip() for t in step.parallel_sub_tasks):
        if text and text not in seen:
            seen.add(text)
            extra.append(text)
    room = max(ctx.meta.limits.max_steps - len(active) - 1, 0)
    extra = extra[:room] if ctx.meta.policy.parallel_steps else []
    first = (max(active) + 1) if active else 1
    # Alone, a step builds on every earlier one; side by side, on the earlier ones only.
    depends_on = sorted(active) if extra else None
    tool = None if step.tool == "none" else step.tool
    return [
        {"index": first + i, "expert": step.expert, "sub_task": text,
         "tool": tool if i == 0 else None, "revision": 0, "depends_on": depends_on}
        for i, text in enumerate([sub_task, *extra])
    ]  # fmt: skip


def _routed_first_steps(
    question: str, active: dict[int, StepRecord], ctx: AgentContext
) -> list[dict[str, Any]] | None:
    """The first steps under the ``route`` policy, or None when the model should choose.

    A question that asks the same thing for several cases becomes one step per case,
    independent of each other (they run at the same time).
    """
    policy = ctx.meta.policy
    if active or policy.first_step != "route":
        return None
    route = route_question(question, policy.text_cues)
    expert = policy.numeric_expert if route.kind == "numeric" else policy.text_expert
    if expert not in ctx.experts:
        return None
    cases = list(read_question(question).cases) if policy.parallel_steps else []
    cases = cases[: ctx.meta.limits.max_steps] or [question]
    # The expert sees its whole case; it chooses its own tool among the candidates.
    return [
        {"index": i, "expert": expert, "sub_task": case, "tool": None, "revision": 0,
         "depends_on": [] if len(cases) > 1 else None}
        for i, case in enumerate(cases, start=1)
    ]  # fmt: skip


def run_expert(state: SolveState, ctx: AgentContext) -> dict[str, Any]:
    """Run one pending step (or revision) with its expert; returns only its own record.

    Called once per pending step through ``Send`` (``state["step"]``), so independent
    steps run at the same time; the ``steps`` reducer merges what they return.
    """
    pending = dict(state.get("step") or (state.get("pending") or [{}])[0])
    records = _records(state)
    expert = ctx.experts[pending["expert"]]
    previous = pending.get("previous")
    depends_on = pending.get("depends_on")
    parts = state.get("parts") or []
    # A case of a split question is a whole question of its own.
    question = (
        pending["sub_task"]
        if parts and pending["index"] <= len(parts)
        else _effective_question(state, ctx.meta.memory.history_turns)
    )
    before = [
        r.summary()
        for i, r in _active(records).items()
        if (i in depends_on if depends_on is not None else i < pending["index"])
    ]
    task = ExpertTask(
        question=question,
        sub_task=pending["sub_task"],
        history=before,
        tool_hint=pending.get("tool"),
        candidate_tools=[t["name"] for t in state.get("candidate_tools") or []],
        feedback=pending.get("feedback"),
        previous=ExpertResult.model_validate(previous) if previous else None,
        attempt=pending.get("revision", 0) + 1,
        required_tool=pending.get("required_tool"),
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
        index=pending["index"],
        expert=expert.name,
        sub_task=pending["sub_task"],
        tool_hint=pending.get("tool"),
        revision=pending.get("revision", 0),
        feedback=pending.get("feedback"),
        result=result,
        depends_on=depends_on,
        started_at=started,
        finished_at=time.time(),
    )
    return {"steps": [record.model_dump(mode="json")]}


def validate(state: SolveState, ctx: AgentContext) -> dict[str, Any]:
    """Check the steps that just ran for schema, units and physical sanity."""
    checked = []
    for record in _records(state):
        if record.checked:
            continue
        result = record.result
        errors = validate_result(result, ctx.meta.sanity)
        asked = asked_unit(record.sub_task)
        if asked and not errors and result.answer is not None:
            picked = pick_asked_output(result, asked, record.sub_task, _descriptions(result))
            if picked is not None:
                # The tool computed what was asked among its outputs; the expert chose
                # another one ("in kPa" answered with the head in m): take the asked one.
                result = result.model_copy(update={"answer": picked[1]})
            elif in_asked_unit(result.answer, asked) is None:
                errors = [
                    f"the task asks for the answer in {asked}, but this step's answer is "
                    f"{result.answer.value:.6g} {result.answer.unit}, which cannot be "
                    f"expressed in {asked}: choose the tool that computes that quantity"
                ]
        revise_with = None
        if not errors and (other := _another_quantity(record.sub_task, result)) is not None:
            errors, revise_with = [other[0]], other[1]
        update = {"valid": not errors, "validation_errors": errors, "checked": True,
                  "result": result, "revise_with": revise_with}  # fmt: skip
        checked.append(record.model_copy(update=update).model_dump(mode="json"))
    return {"steps": checked}


def _descriptions(result: ExpertResult) -> dict[str, str]:
    """What each output of the step's tool means, from the tool's own documentation."""
    ran = [c.tool for c in result.tool_calls if c.error is None]
    try:
        outputs = get_registry().get(ran[-1]).outputs if ran else {}
    except PeoaError:  # an output of a tool no longer registered: names only
        outputs = {}
    return {name: out.description for name, out in outputs.items()}


def _another_quantity(sub_task: str, result: ExpertResult) -> tuple[str, str | None] | None:
    """Why the step answered another quantity than the one its sub-task names, and the
    tool that computes the named one when there is a single one; ``None`` when it did not.

    Seen on dev: a pipe's roughness for its inside diameter (both in mm), a vapour pressure
    for a relative volatility, a heat of combustion for a heat of reaction. Every unit check
    passes such an answer.
    """
    ran = [c.tool for c in result.tool_calls if c.error is None]
    registry = get_registry()
    if result.answer is None or not ran or ran[-1] not in registry:
        return None
    tool = registry.get(ran[-1])
    if any(out.unit_from for out in tool.outputs.values()):
        return None  # a conversion: its result is whatever quantity it was given
    named = asked_elsewhere(sub_task, tool.name, _every_output(registry))
    answered = next((n for n, q in result.outputs.items() if q == result.answer), None)
    if not named:
        description = tool.outputs[answered].description if answered in tool.outputs else ""
        if bound := unasked_bound(sub_task, description):
            return (
                f"this step answered with {tool.name}'s {answered}, the {description}, but "
                f"the task does not ask for the {bound}: the answer needs a further step",
                None,
            )
        return None
    asked = sorted(set(named.values()), key=len)[-1]
    answered = answered or "its answer"
    error = (
        f"the task asks for the {asked}, which {' or '.join(sorted(named))} computes, but this "
        f"step answered with {tool.name}'s {answered}: choose the tool that computes the {asked}"
    )
    return error, next(iter(named)) if len(named) == 1 else None


def _every_output(registry: ToolRegistry) -> dict[str, dict[str, str]]:
    """Each tool's outputs and what they mean, for reading which one a question asks for."""
    return {
        tool.name: {name: out.description for name, out in tool.outputs.items()}
        for tool in registry.list()
    }


def _first_failure(records: list[StepRecord]) -> StepRecord | None:
    """The earliest step whose latest attempt failed validation (what to revise next)."""
    failed = [r for r in _active(records).values() if not r.valid]
    return failed[0] if failed else None


def identify_error(state: SolveState, ctx: AgentContext) -> dict[str, Any]:
    """Let the action generator name the faulty step; queue its revision."""
    records = _records(state)
    failed = _first_failure(records) or records[-1]
    error = "; ".join(failed.validation_errors)
    try:
        verdict, call = ctx.generator.identify_error(
            _task_question(state), _history(records), failed.index, error
        )
        calls = [call.model_dump()]
    except StructuredOutputError:
        # Without a usable verdict the failed step itself is the one to revise.
        verdict, calls = ErrorVerdict(step=failed.index, feedback=""), []
    active = _active(records)
    target = active.get(verdict.step, failed)
    feedback = (
        error if target is failed else f"{verdict.feedback} (step {failed.index} failed: {error})"
    )
    if verdict.feedback and target is failed and verdict.feedback.strip() not in error:
        feedback = f"{error}. {verdict.feedback}"
    attempts = [r for r in records if r.index == target.index]
    return {
        "pending": [
            {
                "index": target.index,
                "expert": target.expert,
                "sub_task": target.sub_task,
                "tool": target.tool_hint,
                "required_tool": target.revise_with,
                "revision": len(attempts),
                "feedback": feedback,
                "previous": target.result.model_dump(mode="json"),
                "depends_on": target.depends_on,
            }
        ],
        "revisions": (state.get("revisions") or 0) + 1,
        "trace": [*(state.get("trace") or []), *calls],
    }


def finish(state: SolveState, ctx: AgentContext) -> dict[str, Any]:
    """Write the solution: the number and unit from a validated step, never from a model."""
    records = _records(state)
    active = _active(records)
    outcome = state.get("outcome") or {"action": "failed"}
    trace = [LLMCall.model_validate(c) for c in state.get("trace") or []]
    usage = _usage(records, trace)
    base = {"question": state.get("question", ""), "thread_id": ctx.thread_id, "steps": records,
            "trace": trace, "usage": usage,
            "candidate_tools": [t["name"] for t in state.get("candidate_tools") or []],
            "resolved_question": state.get("resolved_question"),
            "injection": _injection(records)}  # fmt: skip
    chosen = _chosen_step(active, outcome)
    parts = state.get("parts") or []
    if outcome.get("action") == "clarify":
        solution = Solution(status="clarification", text=outcome.get("message", ""), **base)
    elif parts and chosen is not None:
        answers = _part_answers(parts, active, records)
        solution = Solution(
            status="answered",
            text="\n".join(f"Part {a.step}: {a.text}" for a in answers),
            citations=_citations(active),
            parts=answers,
            **base,
        )
    elif chosen is None and _lacks_inputs(records, _task_question(state)):
        solution = Solution(status="clarification", text=_NO_INPUTS, **base)
    elif chosen is not None and (left := _left_out(state, active, ctx)):
        answer = _reported(chosen.result.answer, _task_question(state))
        shown = f"{answer.value:.4g} {answer.unit}".strip() if answer else "its result"
        text = (
            f"PEOA could not find a checked answer. Step {chosen.index} gave {shown}, but no "
            f"step used {', '.join(f'{w.value:g} {w.unit}'.strip() for w in left)} from the question, "
            "so that answer leaves part of the problem out."
        )
        solution = Solution(status="failed", text=text, **base)
    elif chosen is None:
        failures = [f"step {r.index} ({r.expert}, attempt {r.revision + 1}): "
                    f"{'; '.join(r.validation_errors) or r.result.error}"
                    for r in records if not r.valid]  # fmt: skip
        text = "PEOA could not find a checked answer. " + (
            "What failed: " + " | ".join(failures) if failures else "No step produced a result."
        )
        solution = Solution(status="failed", text=text, **base)
    else:
        answer = _reported(chosen.result.answer, _task_question(state))
        solution = Solution(
            status="answered",
            answer=answer.value if answer else None,
            unit=answer.unit if answer else None,
            text=_explain(chosen, active, answer),
            citations=_citations(active),
            **base,
        )
    turn = {"question": solution.question, "answer": solution.answer, "unit": solution.unit,
            "text": solution.text[:500], "status": solution.status,
            "resolved": solution.resolved_question}  # fmt: skip
    return {"solution": solution.model_dump(mode="json"), "conversation": [turn]}


_NO_INPUTS = (
    "The question gives no values with units to compute from. Ask a process-engineering "
    "question with the data you have and its units (for example: pump power for 20 m3/h of "
    "water against 35 m of head)."
)


def _lacks_inputs(records: list[StepRecord], question: str) -> bool:
    """Whether nothing was solved because the question gives no data: it writes no number
    with a unit, and a tool's arguments were all the model's own (an off-topic question
    past the scope gate, or "What pump power do I need?"). The user gets a clarifying
    reply, not a report of failed steps."""
    refused = (c.refused for r in records for c in r.result.tool_calls)
    return "made_up" in refused and not dimensioned_numbers(question)


def _left_out(
    state: SolveState, active: dict[int, StepRecord], ctx: AgentContext
) -> list[WrittenNumber]:
    """The question's values no step used, when there are more than the limit allows."""
    unused = unused_values(_task_question(state), active.values(), get_registry())
    limit = ctx.meta.limits.max_unused_values
    return unused if unused is not None and len(unused) > limit else []


def _chosen_step(active: dict[int, StepRecord], outcome: dict[str, Any]) -> StepRecord | None:
    valid = [r for r in active.values() if r.valid]
    if not valid or outcome.get("action") not in {"final_answer"}:
        return None
    wanted = active.get(int(outcome.get("answer_step") or 0))
    if wanted is not None and wanted.valid:
        return wanted
    with_number = [r for r in valid if r.result.answer is not None]
    return (with_number or valid)[-1]


def _part_answers(
    parts: list[str], active: dict[int, StepRecord], records: list[StepRecord]
) -> list[PartAnswer]:
    """One answer per case of a split question: its checked number, or what failed."""
    answers = []
    for index, question in enumerate(parts, start=1):
        record = active.get(index)
        answer = _reported(record.result.answer, question) if record and record.valid else None
        if answer is not None:
            value, unit = answer.value, answer.unit
            answers.append(PartAnswer(question=question, status="answered", answer=value,
                                      unit=unit, step=index, text=f"{value:.6g} {unit}".strip()))  # fmt: skip
            continue
        tried = [r for r in records if r.index == index]
        why = "; ".join(tried[-1].validation_errors) or tried[-1].result.error if tried else None
        answers.append(PartAnswer(question=question, status="failed", step=index,
                                  text=f"no checked answer ({why or 'not run'})"))  # fmt: skip
    return answers


def _reported(answer: Quantity | None, question: str) -> Quantity | None:
    """The answer in the unit the question asks for, when it names one pint can convert to."""
    asked = asked_unit(question) if answer is not None else None
    converted = in_asked_unit(answer, asked) if answer is not None and asked else None
    return converted or answer


def _explain(chosen: StepRecord, active: dict[int, StepRecord], answer: Quantity | None) -> str:
    result = chosen.result
    lines = []
    if answer is not None:
        lines.append(f"{answer.value:.6g} {answer.unit}".strip())
    if result.text:
        lines.append(result.text.strip())
    for record in active.values():
        for call in record.result.tool_calls:
            if call.error is None:
                lines.append(
                    f"Step {record.index}: {call.tool} ({call.reference or 'no reference'})"
                )
    return "\n".join(lines)


def _citations(active: dict[int, StepRecord]) -> list[Citation]:
    seen: dict[tuple[str, str | None], Citation] = {}
    for record in active.values():
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
    return "finish" if state.get("outcome") else "plan"


def dispatch(state: SolveState) -> list[Send] | str:
    """Fan the pending steps out to ``run_expert``, one branch each; none pending: finish."""
    pending = state.get("pending") or []
    if not pending:
        return "finish"
    return [Send("run_expert", {**state, "step": step}) for step in pending]


def after_validate(state: SolveState, ctx: AgentContext) -> str:
    records = _records(state)
    last = _first_failure(records)
    if last is None:
        return "plan"
    limits = ctx.meta.limits
    same_step = [r for r in records if r.index == last.index]
    if len(same_step) >= 2 and same_step[-2].validation_errors == last.validation_errors:
        return "give_up"  # the revision changed nothing; another would not either
    if (
        not limits.revise_repeated_calls
        and (_repeated_itself(last) or _refused_for_good(last, limits.refusals_not_revised))
        and not any(last.builds_on(i) for i in _active(records))
    ):
        # The expert already revised with the tool's error and its model wrote the same
        # call again (or its call was refused in a way that a second filling never
        # mended), and no earlier step can be the cause. Measured: in four dev runs,
        # none of the 104 items that got a revision ended answered, and the revision
        # doubled the time of each failure.
        return "give_up"
    attempts = len(same_step)
    if (
        attempts <= limits.max_revisions_per_step
        and (state.get("revisions") or 0) < limits.max_revisions_total
    ):
        return "identify_error"
    return "give_up"


def _repeated_itself(record: StepRecord) -> bool:
    """Whether the step's last two tool calls are the same call, refused the same way."""
    calls = record.result.tool_calls
    if len(calls) < 2 or calls[-1].error is None:
        return False
    last, before = calls[-1], calls[-2]
    return (last.tool, last.arguments, last.error) == (before.tool, before.arguments, before.error)


def _refused_for_good(record: StepRecord, reasons: list[RefusalReason]) -> bool:
    """Whether the step's last tool call was refused for one of ``reasons``."""
    calls = record.result.tool_calls
    return bool(calls) and calls[-1].refused in reasons


def give_up(state: SolveState, ctx: AgentContext) -> dict[str, Any]:
    """Out of revisions: finish with whatever is valid, or report the failure."""
    active = _active(_records(state))
    if any(r.valid for r in active.values()):
        return {"outcome": {"action": "final_answer", "answer_step": 0}}
    return {"outcome": {"action": "failed"}}


def build_graph(ctx: AgentContext) -> StateGraph:
    """The meta-agent's graph, uncompiled (compile it with a checkpointer)."""

    def bind(
        node: Callable[[SolveState, AgentContext], dict[str, Any]],
    ) -> Callable[[SolveState, RunnableConfig], dict[str, Any]]:
        def bound(state: SolveState, config: RunnableConfig) -> dict[str, Any]:
            # The thread id arrives with each run, so one compiled graph serves every thread.
            thread_id = (config.get("configurable") or {}).get("thread_id", "")
            return node(state, replace(ctx, thread_id=thread_id))

        bound.__name__ = node.__name__
        return bound

    graph = StateGraph(SolveState)
    for node in (prepare, plan, run_expert, validate, identify_error, give_up, finish):
        graph.add_node(node.__name__, bind(node))
    graph.add_edge(START, "prepare")
    graph.add_conditional_edges("prepare", after_prepare, ["plan", "finish"])
    graph.add_conditional_edges("plan", dispatch, ["run_expert", "finish"])
    graph.add_edge("run_expert", "validate")  # once, after every branch has returned
    graph.add_conditional_edges(
        "validate", lambda s: after_validate(s, ctx), ["plan", "identify_error", "give_up"]
    )
    graph.add_conditional_edges("identify_error", dispatch, ["run_expert", "finish"])
    graph.add_edge("give_up", "finish")
    graph.add_edge("finish", END)
    return graph
