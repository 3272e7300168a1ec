"""LangGraph's prebuilt ReAct agent over PEOA's model and tools: the ``react`` baseline.

The question goes to ``langgraph.prebuilt.create_react_agent`` with

- the model of PEOA's calculation role (``models.calculation``), wrapped as a LangChain
  chat model (:class:`PeoaChatModel`) whose ``bind_tools`` writes the bound tools into
  the system prompt and decodes every reply under a JSON schema (a llama.cpp grammar
  for local models): a call of one bound tool, ``{"tool": NAME, "arguments": {...}}``
  with that tool's own argument schema, or the final answer
  ``{"answer": NUMBER, "unit": UNIT}``;
- the tools PEOA retrieves for the question from the graph (``Assistant.find_tools``,
  ``limits.tool_candidates`` of them), each a ``StructuredTool`` that runs the PEOA tool
  and returns its outputs with their units as text, or its error as text so the agent
  can try again.

No planning, binding or validation of PEOA's own takes part. The loop is bounded by the
graph's recursion limit (8 super-steps: at most 4 model calls). The final answer becomes
a :class:`~peoa.agent.solution.Solution`, one step per tool call, so scoring and reports
treat it like any other variant.
"""

from __future__ import annotations

import json
import time
import uuid
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, SystemMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult, LLMResult
from langchain_core.runnables import Runnable
from langchain_core.tools import StructuredTool
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import ConfigDict, Field

from peoa.agent.solution import RunUsage, Solution, StepRecord
from peoa.config import Settings
from peoa.evaluation.scoring import read_unit, unit_problem
from peoa.exceptions import PeoaError
from peoa.experts.base import ExpertResult, LLMCall, Quantity, ToolCall
from peoa.llm import LLM
from peoa.tools import get_registry
from peoa.tools.base import Tool, ToolResult
from peoa.tools.registry import ToolRegistry

__all__ = [
    "ANSWER_SCHEMA",
    "PeoaChatModel",
    "ReactSolver",
    "decision_schema",
    "peoa_tool",
    "render_messages",
    "render_tools",
    "result_text",
]

SYSTEM = (
    "You are a chemical process engineer. Call the tool that computes what the question "
    "asks, with the values and units the question gives, then give its result as the answer."
)
FORMAT = (
    'Reply with one JSON object: {"tool": NAME, "arguments": {...}} to call a tool, or '
    '{"answer": NUMBER, "unit": UNIT} to give the final answer.'
)
NEXT = (  # without the format spelled out here, the 0.5B model repeats its call
    'If this is the value asked for, reply {"answer": NUMBER, "unit": UNIT}; '
    "otherwise call another tool."
)
RETRY = "Correct the arguments and call the tool again."
ANSWER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"answer": {"type": "number"}, "unit": {"type": "string"}},
    "required": ["answer", "unit"],
    "additionalProperties": False,
}


# -- the tools -----------------------------------------------------------------------------
def _value_text(value: Any, unit: str | None) -> str:
    if value is None:
        return "none"
    if isinstance(value, float):
        value = f"{value:.6g}"
    elif isinstance(value, list):
        value = "[" + ", ".join(f"{v:.6g}" if isinstance(v, float) else str(v) for v in value) + "]"
    return f"{value} {unit}".strip() if unit else str(value)


def result_text(result: ToolResult) -> str:
    """A tool's outputs as the agent reads them: ``name = value unit``, then any warnings.

    >>> from peoa.tools.base import Value
    >>> result_text(ToolResult(tool="t", inputs={}, reference="r", outputs={
    ...     "Re": Value(value=101796.4, unit=""), "regime": Value(value="turbulent")}))
    'Re = 101796; regime = turbulent'
    """
    parts = [f"{name} = {_value_text(v.value, v.unit)}" for name, v in result.outputs.items()]
    text = "; ".join(parts)
    if result.warnings:
        text += " (warning: " + "; ".join(result.warnings)[:200] + ")"
    return text


def _numeric(result: ToolResult) -> dict[str, Quantity]:
    return {
        name: Quantity(value=float(v.value), unit=v.unit or "")
        for name, v in result.outputs.items()
        if v.unit is not None and isinstance(v.value, int | float) and not isinstance(v.value, bool)
    }


def peoa_tool(tool: Tool, record: Callable[[ToolCall, ToolResult | None], None]) -> StructuredTool:
    """``tool`` as a LangChain ``StructuredTool`` with PEOA's argument schema.

    Calling it runs the PEOA tool (which validates and converts the arguments) and
    returns :func:`result_text`, or ``Error: ...`` when the tool refuses or fails.
    Every call is passed to ``record`` as PEOA's :class:`~peoa.experts.base.ToolCall`.
    """

    def call(**arguments: Any) -> str:
        start = time.perf_counter()
        try:
            result = tool.run(arguments)
        except PeoaError as error:
            record(
                ToolCall(tool=tool.name, arguments=arguments, error=str(error),
                         latency_s=time.perf_counter() - start),
                None,
            )  # fmt: skip
            return f"Error: {error}"
        record(
            ToolCall(
                tool=tool.name,
                arguments=arguments,
                outputs={k: v.model_dump() for k, v in result.outputs.items()},
                method=result.method,
                reference=result.reference,
                warnings=result.warnings,
                latency_s=time.perf_counter() - start,
            ),
            result,
        )
        return result_text(result)

    return StructuredTool.from_function(
        func=call,
        name=tool.name,
        description=tool.description.split("\n\n")[0].replace("\n", " "),
        args_schema=tool.json_schema(),
    )


# -- the chat model ------------------------------------------------------------------------
def _function(spec: Mapping[str, Any]) -> Mapping[str, Any]:
    """The function part of an OpenAI-style tool (or the spec itself)."""
    return spec.get("function", spec)


def decision_schema(tools: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The JSON schema of one reply: a call of one of ``tools`` (OpenAI-style tool specs),
    its arguments under that tool's own schema, or the final answer.

    >>> spec = {"name": "t", "parameters": {"type": "object", "properties": {}}}
    >>> [sorted(b["properties"]) for b in decision_schema([spec])["anyOf"]]
    [['arguments', 'tool'], ['answer', 'unit']]
    >>> decision_schema([]) == ANSWER_SCHEMA
    True
    """
    branches: list[dict[str, Any]] = []
    for spec in tools:
        function = _function(spec)
        parameters = function.get("parameters") or {"type": "object", "properties": {}}
        branches.append(
            {
                "type": "object",
                "properties": {"tool": {"const": function["name"]}, "arguments": parameters},
                "required": ["tool", "arguments"],
                "additionalProperties": False,
            }
        )
    return {"anyOf": [*branches, ANSWER_SCHEMA]} if branches else ANSWER_SCHEMA


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def render_tools(tools: Sequence[Mapping[str, Any]]) -> str:
    """The bound tools as the system prompt lists them: name, what it computes, arguments.

    >>> print(render_tools([{"name": "t", "description": "Does it. More.", "parameters": {
    ...     "properties": {"x": {"description": "an x"}, "y": {}}, "required": ["x"]}}]))
    - t: Does it. Arguments: x: an x; y (optional)
    """
    lines = []
    for spec in tools:
        function = _function(spec)
        parameters = function.get("parameters") or {}
        required = set(parameters.get("required") or ())
        arguments = []
        for name, schema in (parameters.get("properties") or {}).items():
            text = name if name in required else f"{name} (optional)"
            if schema.get("description"):
                text += f": {schema['description']}"
            arguments.append(text)
        line = f"- {function['name']}: {_first_sentence(function.get('description') or '')}"
        if arguments:
            line += " Arguments: " + "; ".join(arguments)
        lines.append(line)
    return "\n".join(lines)


def render_messages(
    messages: Sequence[BaseMessage], tools: Sequence[Mapping[str, Any]]
) -> list[dict[str, str]]:
    """LangChain messages as the chat turns PEOA's models take (system, user, assistant).

    The system prompt gets the tool list and the reply format; a tool call is the JSON the
    model wrote, and a tool's result comes back as a user turn.
    """
    system = [str(m.content) for m in messages if isinstance(m, SystemMessage)]
    if tools:
        system.append("Tools:\n" + render_tools(tools))
    system.append(FORMAT)
    turns: list[dict[str, str]] = [{"role": "system", "content": "\n\n".join(system)}]
    for message in messages:
        if isinstance(message, SystemMessage):
            continue
        if isinstance(message, AIMessage):
            calls = [{"tool": c["name"], "arguments": c["args"]} for c in message.tool_calls]
            content = "\n".join(json.dumps(c, ensure_ascii=False) for c in calls)
            turns.append({"role": "assistant", "content": content or str(message.content)})
        elif isinstance(message, ToolMessage):
            content = str(message.content)
            follow = RETRY if content.startswith("Error:") else NEXT
            turns.append(
                {"role": "user", "content": f"Result of {message.name}: {content}\n{follow}"}
            )
        else:
            turns.append({"role": "user", "content": str(message.content)})
    return turns


class PeoaChatModel(BaseChatModel):
    """A PEOA :class:`~peoa.llm.LLM` as a LangChain chat model with tool calling.

    ``bind_tools`` keeps the tools' OpenAI-style specs; each reply is decoded under
    :func:`decision_schema` of them and parsed into an ``AIMessage`` with one tool call,
    or with the answer's JSON as its content. Usage and latency ride on the message
    (``usage_metadata``, ``response_metadata``).
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    llm: Any = Field(exclude=True)  # a peoa.llm.LLM
    adapter: str | None = None
    max_tokens: int = 256

    @property
    def _llm_type(self) -> str:
        return "peoa"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model": self.llm.name, "adapter": self.adapter}

    def bind_tools(
        self, tools: Sequence[Any], *, tool_choice: Any = None, **kwargs: Any
    ) -> Runnable[Any, AIMessage]:
        specs = [convert_to_openai_tool(t) for t in tools]
        return self.bind(tools=specs, **kwargs)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: Any = None,
        **kwargs: Any,
    ) -> ChatResult:
        tools = kwargs.get("tools") or []
        llm: LLM = self.llm
        reply = llm.chat(
            render_messages(messages, tools),
            json_schema=decision_schema(tools),
            max_tokens=self.max_tokens,
            adapter=self.adapter,
            stop=stop,
        )
        usage = reply.usage
        message = AIMessage(
            content=reply.text,
            usage_metadata={
                "input_tokens": usage.prompt_tokens,
                "output_tokens": usage.completion_tokens,
                "total_tokens": usage.total_tokens,
            },
            response_metadata={
                "model_name": reply.model,
                "latency_s": reply.latency_s,
                "finish_reason": reply.finish_reason,
            },
        )
        try:
            decision = json.loads(reply.text)
        except json.JSONDecodeError:
            decision = None  # cut off: the text stays as the content, the agent stops
        if isinstance(decision, dict) and "tool" in decision:
            message.content = ""
            message.tool_calls = [
                {
                    "name": str(decision["tool"]),
                    "args": dict(decision.get("arguments") or {}),
                    "id": f"call_{uuid.uuid4().hex[:12]}",
                    "type": "tool_call",
                }
            ]
        return ChatResult(generations=[ChatGeneration(message=message)])


# -- the solver ----------------------------------------------------------------------------
class _Calls(BaseCallbackHandler):
    """Every reply the chat model gave in one run, the ones the agent then replaced (with
    "need more steps") included."""

    def __init__(self) -> None:
        self.replies: list[AIMessage] = []

    def on_llm_end(self, response: LLMResult, **kwargs: Any) -> None:
        for generation in (g for batch in response.generations for g in batch):
            message = getattr(generation, "message", None)
            if isinstance(message, AIMessage):
                self.replies.append(message)


def _answer(message: BaseMessage | None) -> tuple[float | None, str | None]:
    """The number and unit of the agent's last message (``None, None`` for none)."""
    if not isinstance(message, AIMessage) or message.tool_calls:
        return None, None
    try:
        data = json.loads(str(message.content))
    except json.JSONDecodeError:
        return None, None
    if not isinstance(data, dict) or not isinstance(data.get("answer"), int | float):
        return None, None
    unit = str(data.get("unit") or "").strip()
    return float(data["answer"]), read_unit(unit) if unit_problem(unit) is None else unit


class ReactSolver:
    """Answer a question with LangGraph's prebuilt ReAct agent over PEOA's model and the
    tools the graph retrieves for it."""

    def __init__(
        self,
        llm: LLM,
        find_tools: Callable[[str, int], list[dict[str, Any]]],
        *,
        registry: ToolRegistry | None = None,
        adapter: str | None = None,
        candidates: int = 5,
        recursion_limit: int = 8,
        max_tokens: int = 256,
    ) -> None:
        self.model = PeoaChatModel(llm=llm, adapter=adapter, max_tokens=max_tokens)
        self.find_tools = find_tools
        self.registry = registry or get_registry()
        self.candidates = candidates
        self.recursion_limit = recursion_limit

    @classmethod
    def from_assistant(cls, assistant: Any, settings: Settings) -> ReactSolver:
        """The calculation role's model (and the adapter its expert applies to it), and the
        assistant's graph retrieval of ``limits.tool_candidates`` tools."""
        from peoa.llm.adapters import fitting_adapter
        from peoa.llm.factory import llm_for
        from peoa.llm.models import resolve

        llm = llm_for(resolve(settings.models.for_role("calculation"), settings), settings)
        expert = assistant.experts.get("calculation")
        adapter = fitting_adapter(expert.manifest.adapter, llm.name) if expert else None
        return cls(
            llm,
            assistant.find_tools,
            adapter=adapter,
            candidates=assistant.meta.limits.tool_candidates,
        )

    def _agent(self, tools: list[StructuredTool]) -> Any:
        from langgraph.prebuilt import create_react_agent

        with warnings.catch_warnings():
            # Deprecated in favour of langchain.agents.create_agent (the `langchain`
            # package, not installed); it is the baseline this variant names.
            warnings.filterwarnings("ignore", message="create_react_agent has been moved")
            return create_react_agent(self.model, tools, prompt=SYSTEM)

    def __call__(self, question: str) -> Solution:
        from langgraph.errors import GraphRecursionError

        start = time.perf_counter()
        hits = self.find_tools(question.strip(), self.candidates)
        names = [h["name"] for h in hits if h["name"] in self.registry]
        calls: list[tuple[ToolCall, ToolResult | None]] = []
        tools = [peoa_tool(self.registry.get(n), lambda c, r: calls.append((c, r))) for n in names]
        messages: list[BaseMessage] = []
        error: str | None = None
        replies = _Calls()
        config = {"recursion_limit": self.recursion_limit, "callbacks": [replies]}
        try:
            state = self._agent(tools).invoke({"messages": [("user", question)]}, config)
            messages = list(state["messages"])
        except GraphRecursionError:
            error = f"no answer within {self.recursion_limit} steps"
        last = messages[-1] if messages else None
        value, unit = _answer(last)
        said = str(getattr(last, "content", ""))
        if value is None and error is None:
            # create_react_agent ends a run that still calls tools at its last step thus
            error = (
                f"no answer within {self.recursion_limit} steps"
                if said.startswith("Sorry, need more steps")
                else f"the agent ended without an answer: {said[:200]}"
            )
        trace = [
            LLMCall(
                role="react",
                model=str(m.response_metadata.get("model_name", self.model.llm.name)),
                adapter=self.model.adapter,
                purpose="call a tool or answer",
                prompt_tokens=m.usage_metadata.get("input_tokens", 0) if m.usage_metadata else 0,
                completion_tokens=(
                    m.usage_metadata.get("output_tokens", 0) if m.usage_metadata else 0
                ),
                latency_s=float(m.response_metadata.get("latency_s", 0.0)),
            )
            for m in replies.replies
        ]
        steps = [
            StepRecord(
                index=i,
                expert="react",
                sub_task=f"call {call.tool}",
                result=ExpertResult(
                    expert="react",
                    sub_task=f"call {call.tool}",
                    ok=result is not None,
                    outputs=_numeric(result) if result else {},
                    text=f"{call.tool}: {result_text(result)}" if result else "",
                    tool_calls=[call],
                    error=call.error,
                    latency_s=call.latency_s,
                ),
                valid=result is not None,
                validation_errors=[] if result is not None else [call.error or "failed"],
            )
            for i, (call, result) in enumerate(calls, start=1)
        ]
        model_time = sum(c.latency_s for c in trace)
        return Solution(
            question=question,
            thread_id=uuid.uuid4().hex,
            status="answered" if value is not None else "failed",
            answer=value,
            unit=unit,
            text=said if value is not None else (error or ""),
            steps=steps,
            trace=trace,
            candidate_tools=names,
            usage=RunUsage(
                llm_calls=len(trace),
                prompt_tokens=sum(c.prompt_tokens for c in trace),
                completion_tokens=sum(c.completion_tokens for c in trace),
                tool_calls=len(calls),
                latency_s=time.perf_counter() - start,
                model_time_s=model_time,
                tool_time_s=sum(c.latency_s for c, _ in calls),
            ),
        )
