"""The calculation expert: one engineering tool, chosen and filled by the model, run by the registry.

A small model cannot choose among sixty tools, so the choice is narrowed before the
model sees it: the manifest's allowed tools, then the action generator's hint and the
retrieved candidates (or, without them, the tools whose descriptions are nearest to
the sub-task by embedding). The model picks one name from a JSON-schema ``enum`` of
those few, then writes the tool's arguments under the tool's own JSON schema, each
quantity as the value and unit written in the question; pint converts, the model
never does. Before the call, :mod:`peoa.experts.grounding` holds the arguments to the
task's text (units as written after each number, no invented optional values). The
registry checks the arguments; its one-line error goes back to the model for a bounded
number of revisions (``max_revisions``).
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from peoa.exceptions import PeoaError, ToolError
from peoa.experts.asked_unit import asked_unit, can_answer_in
from peoa.experts.base import (
    Citation,
    ExpertManifest,
    ExpertResult,
    ExpertTask,
    Quantity,
    RefusalReason,
    ToolCall,
)
from peoa.experts.conversion import Conversion, plain_conversion, restated_conversion
from peoa.experts.errors import ManifestError
from peoa.experts.grounding import Grounding, ground_arguments, written_numbers
from peoa.experts.output_choice import asking_sentence, named_outputs
from peoa.experts.runtime import ModelExpert, Trace, dumps, format_value, task_context
from peoa.experts.tool_choice import named_tool
from peoa.llm import LLM, Embedder, StructuredOutputError
from peoa.tools import Tool, ToolRegistry, ToolResult, get_registry

__all__ = ["CalculationExpert", "resolve_tools"]


def resolve_tools(manifest: ExpertManifest, registry: ToolRegistry) -> list[str]:
    """The tool names a manifest allows: names, ``topic:<topic>`` or ``"*"`` for all."""
    where = manifest.folder / "expert.toml" if manifest.folder else manifest.name
    names: list[str] = []
    for entry in manifest.tools:
        if entry == "*":
            chosen = [t.name for t in registry.list()]
        elif entry.startswith("topic:"):
            topic = entry.removeprefix("topic:")
            if topic not in registry.topics():
                raise ManifestError(
                    f"{where}: field 'tools': no tool topic {topic!r}; "
                    f"topics are {', '.join(registry.topics())}"
                )
            chosen = [t.name for t in registry.list(topic)]
        else:
            try:
                chosen = [registry.get(entry).name]
            except ToolError as error:
                raise ManifestError(f"{where}: field 'tools': {error}") from None
        names.extend(n for n in chosen if n not in names)
    return names


def _numeric_outputs(result: ToolResult) -> dict[str, Quantity]:
    """The outputs that are one number with a unit (text, flags and lists are left out)."""
    outputs = {}
    for name, out in result.outputs.items():
        value = out.value
        if out.unit is None or isinstance(value, bool) or not isinstance(value, int | float):
            continue
        outputs[name] = Quantity(value=float(value), unit=out.unit)
    return outputs


class CalculationExpert(ModelExpert):
    """Chooses an engineering tool among a few candidates, fills it, runs it, revises it."""

    def __init__(
        self,
        manifest: ExpertManifest,
        *,
        llm: LLM | None = None,
        registry: ToolRegistry | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        super().__init__(manifest, llm=llm)
        self.registry = registry or get_registry()
        self.allowed = resolve_tools(manifest, self.registry)
        if not self.allowed:
            raise ManifestError(
                f"{manifest.folder or manifest.name}: field 'tools': the calculation expert "
                "needs at least one tool (a name, 'topic:<topic>' or '*')"
            )
        self._embedder = embedder
        self._tool_vectors: np.ndarray | None = None

    # -- choosing a tool -------------------------------------------------------------
    def candidates(self, task: ExpertTask) -> list[str]:
        """The few tools the model may choose from, best first."""
        if self._conversion_asked(task) is not None:
            return [self._conversion_tool]
        if task.required_tool in self.allowed:
            return [task.required_tool]
        limit = int(self.option("max_candidates", 4))
        allowed = set(self.allowed)
        names: list[str] = []
        previous = (
            task.previous.tool_calls[-1].tool
            if task.previous and task.previous.tool_calls
            else None
        )
        for name in (task.tool_hint, *task.candidate_tools, previous):
            if name and name in allowed and name not in names:
                names.append(name)
        if not names:
            names = self.nearest_tools(f"{task.sub_task}\n{task.question}", limit)
        asked = asked_unit(task.sub_task)
        if asked:
            # Seen: flow_meter_dp (it takes the flow, gives the pressure difference) chosen
            # for "What is the mass flow rate in kg/s?", with flow_meter_flow ranked first.
            able = [n for n in names if can_answer_in(self.registry.get(n).outputs, asked)]
            names = able or names
        return names[:limit]

    @property
    def _conversion_tool(self) -> str:
        return str(self.option("conversion_tool", "unit_convert"))

    def _conversion_asked(self, task: ExpertTask) -> Conversion | None:
        """The plain conversion the sub-task asks for (:mod:`peoa.experts.conversion`)."""
        if self._conversion_tool not in self.allowed:
            return None
        return plain_conversion(task.sub_task) or restated_conversion(task.sub_task)

    def plain_conversion_call(self, task: ExpertTask) -> tuple[Tool, ToolCall, ToolResult] | None:
        """The conversion tool, its call and its result when the sub-task is a plain conversion
        ("Convert 3 bar to kPa", or a value stated and then asked again in another unit);
        ``None`` otherwise, or when the tool refuses the units.

        Retrieval ranks the conversion tool in a near-tie with tools that merely mention
        the units (a valve flow-coefficient conversion says "bar") and a small model then
        picks by position; and the text already says the value and both units, so the
        model is not asked at all (filling them, it once answered 350 kPa for "Convert 3 bar
        to kPa"). A refused call (a unit pint reads but the tool does not take) goes the
        usual way.
        """
        wanted = self._conversion_asked(task)
        if wanted is None:
            return None
        arguments = {"value": wanted.value, "from_unit": wanted.source, "to_unit": wanted.target}
        tool = self.registry.get(self._conversion_tool)
        call, result = self._call(tool, arguments, ["arguments read from the text"])
        return None if result is None else (tool, call, result)

    def nearest_tools(self, text: str, k: int) -> list[str]:
        """The ``k`` allowed tools whose descriptions are nearest to ``text`` (MiniLM cosine)."""
        if self._embedder is None:
            from peoa.llm import get_embedder

            self._embedder = get_embedder()
        if self._tool_vectors is None:
            docs = [
                f"{name.replace('_', ' ')}: {self.registry.get(name).description}"
                for name in self.allowed
            ]
            self._tool_vectors = _normalise(self._embedder.embed(docs))
        query = _normalise(np.asarray([self._embedder.embed_query(text)]))[0]
        order = np.argsort(-(self._tool_vectors @ query))[:k]
        return [self.allowed[i] for i in order]

    def choose_tool(self, task: ExpertTask, names: list[str], trace: Trace) -> str:
        if len(names) == 1:
            return names[0]
        named = named_tool(task.sub_task, names)
        if named is not None:
            return named
        listing = "\n".join(
            f"- {n}: {self.registry.get(n).description.split(chr(10) * 2)[0]}" for n in names
        )
        user = f"{task_context(task)}\n{self._feedback(task)}\nTools:\n{listing}"
        return self._pick(trace, "choose", user, "tool", names, purpose="choose tool")

    def _pick(
        self, trace: Trace, prompt: str, user: str, field: str, names: list[str], *, purpose: str
    ) -> str:
        """One name out of ``names``, constrained by an enum; the first if the reply is unusable."""
        messages = [
            {"role": "system", "content": self.prompt(prompt)},
            {"role": "user", "content": user},
        ]
        schema = {
            "type": "object",
            "properties": {field: {"type": "string", "enum": names}},
            "required": [field],
            "additionalProperties": False,
        }
        try:
            data = self.structured(trace, messages, schema, purpose=purpose, max_tokens=32)
        except StructuredOutputError:
            return names[0]
        return str(data[field])

    # -- filling its arguments -------------------------------------------------------
    def describe_arguments(self, tool: Tool) -> str:
        lines = []
        for entry in tool.doc()["inputs"]:
            need = "required" if entry["required"] else "optional, omit if not given"
            kind = (
                f"; a {entry['dimension'].replace('_', ' ')}, e.g. {entry['example_units']}"
                if "dimension" in entry
                else ""
            )
            if "choices" in entry:
                kind = f"; one of {', '.join(map(str, entry['choices'][:8]))}"
            lines.append(f"- {entry['name']} ({need}): {entry['description']}{kind}")
        return "\n".join(lines)

    def _feedback(self, task: ExpertTask) -> str:
        return (
            f"Reviewer's feedback on the last attempt: {task.feedback}\n" if task.feedback else ""
        )

    def fill_messages(self, task: ExpertTask, tool: Tool) -> list[dict[str, str]]:
        summary = tool.description.split("\n\n")[0].replace("\n", " ")
        user = (
            f"{task_context(task)}\n{self.values_written(task)}\n\n"
            f"Tool {tool.name}: {summary}\nArguments:\n{self.describe_arguments(tool)}"
        )
        messages = [
            {"role": "system", "content": self.prompt("system")},
            {"role": "user", "content": user},
        ]
        previous = task.previous
        if previous and previous.tool_calls and previous.tool_calls[-1].tool == tool.name:
            last = previous.tool_calls[-1]
            problem = "; ".join(p for p in (last.error, task.feedback) if p) or "it was wrong"
            messages += [
                {"role": "assistant", "content": dumps(last.arguments)},
                {"role": "user", "content": self.prompt("revise", error=problem)},
            ]
        elif task.feedback:
            messages[1]["content"] += f"\n\n{self._feedback(task)}"
        return messages

    def values_written(self, task: ExpertTask) -> str:
        """The numbers the task writes, with their units, as a list to copy from.

        A clean list keeps a small model from blending digits of neighbouring numbers.
        """
        shown = [f"{w.value:g} {w.unit}".strip() for w in written_numbers(self.source_text(task))]
        return f"Values written in the task: {'; '.join(dict.fromkeys(shown))}" if shown else ""

    def source_text(self, task: ExpertTask) -> str:
        """Everything the task writes, for grounding the arguments in it."""
        known = [f"{k} = {format_value(v)}" for k, v in task.inputs.items()]
        parts = [
            p for p in dict.fromkeys([task.question, task.sub_task, *known, *task.history]) if p
        ]
        # Each written number may feed one argument: a sub-task that repeats the question
        # (or a part of it) must not write its numbers twice, or a model that copies the
        # density into a mass flow as well keeps both (seen: 998 kg/m3 given as mass_flow).
        parts = [p for p in parts if not any(p != other and p in other for other in parts)]
        # Not the feedback: it quotes the refused arguments ("T1 = 1 degC: the task writes
        # 1 bar ..."), which would then count as written (seen: a revision kept T1 = 1 degC
        # and answered 152 °C for 182 °C).
        return "\n".join(parts)

    # -- choosing the answer ---------------------------------------------------------
    def choose_output(
        self, task: ExpertTask, tool: Tool, outputs: dict[str, Quantity], trace: Trace
    ) -> str | None:
        if not outputs:
            return None
        names = list(outputs)
        if len(names) == 1:
            return names[0]
        descriptions = {n: tool.outputs[n].description for n in names}
        # The sentence that asks names the answer ("What brake power does it need?");
        # the rest names inputs too ("… the pump efficiency is 70 %").
        named = named_outputs(asking_sentence(task.sub_task), descriptions) or named_outputs(
            task.sub_task, descriptions
        )
        if len(named) == 1:
            return named[0]
        names = named or names  # several named: the model picks among those only
        listing = "\n".join(f"- {n}: {tool.outputs[n].description}" for n in names)
        user = f"Sub-task: {task.sub_task}\nOutputs of {tool.name}:\n{listing}"
        return self._pick(trace, "output", user, "output", names, purpose="choose output")

    # -- the run -----------------------------------------------------------------------
    def run(self, task: ExpertTask) -> ExpertResult:
        trace = Trace()
        calls: list[ToolCall] = []
        try:
            preset = self.plain_conversion_call(task)
            if preset is not None:
                tool, call, result = preset
                calls.append(call)
            else:
                tool, result = self._solve_with_model(task, trace, calls)
        except PeoaError as error:
            return self.finish(task, trace, ok=False, tool_calls=calls, error=str(error))
        return self._conclude(task, trace, tool, result, calls)

    def _solve_with_model(
        self, task: ExpertTask, trace: Trace, calls: list[ToolCall]
    ) -> tuple[Tool, ToolResult | None]:
        """The model chooses a tool and fills its arguments, revising after a failed call."""
        names = self.candidates(task)
        tool = self.registry.get(self.choose_tool(task, names, trace))
        messages = self.fill_messages(task, tool)
        result: ToolResult | None = None
        written: list[dict[str, Any]] = []  # the model's own arguments, attempt by attempt
        for _ in range(1 + self.manifest.max_revisions):
            call, result, raw = self._attempt(task, tool, messages, trace, bool(written))
            calls.append(call)
            if result is not None or raw is None:
                break
            if call.refused in self.option("refusals_not_retried", []):
                break  # measured: the model's second filling is refused as well
            if written and raw == written[-1]:
                break  # the model repeats itself; another round would too
            written.append(raw)
            messages = [
                *messages,
                {"role": "assistant", "content": dumps(raw)},
                {"role": "user", "content": self.prompt("revise", error=call.error)},
            ]
        return tool, result

    def _conclude(
        self,
        task: ExpertTask,
        trace: Trace,
        tool: Tool,
        result: ToolResult | None,
        calls: list[ToolCall],
    ) -> ExpertResult:
        if result is None:
            return self.finish(
                task,
                trace,
                ok=False,
                tool_calls=calls,
                error=f"{tool.name} failed after {len(calls)} attempt(s): {calls[-1].error}",
            )
        outputs = _numeric_outputs(result)
        chosen = self.choose_output(task, tool, outputs, trace)
        shown = ", ".join(
            f"{k} = {format_value(v.model_dump())}"
            for k, v in result.outputs.items()
            if v.value is not None
        )
        return self.finish(
            task,
            trace,
            ok=chosen is not None,
            answer=outputs.get(chosen) if chosen else None,
            outputs=outputs,
            text=f"{tool.name}: {shown}" + (f" (method {result.method})" if result.method else ""),
            citations=[Citation(source=tool.name, text=result.reference)],
            tool_calls=calls,
            error=None if chosen else f"{tool.name} gave no numeric output",
        )

    def _attempt(
        self,
        task: ExpertTask,
        tool: Tool,
        messages: list[dict[str, str]],
        trace: Trace,
        revised: bool,
    ) -> tuple[ToolCall, ToolResult | None, dict[str, Any] | None]:
        """One filling and run: the call, its result (``None`` on failure) and the raw JSON."""
        try:
            raw = self.structured(
                trace, messages, tool.json_schema(), purpose=f"fill {tool.name} arguments"
            )
        except StructuredOutputError as error:
            return ToolCall(tool=tool.name, arguments={}, error=str(error)), None, None
        grounded = ground_arguments(tool, raw, self.source_text(task))
        refusal = _refusal(tool, raw, grounded, revised)
        if refusal is not None:
            why, error = refusal
            call = ToolCall(
                tool=tool.name,
                arguments=grounded.arguments,
                warnings=grounded.notes,
                error=error,
                refused=why,
            )
            return call, None, raw
        notes = list(grounded.notes)
        if grounded.unwritten:
            notes.append(f"kept {', '.join(grounded.unwritten)}: not written in the task")
        call, result = self._call(tool, grounded.arguments, notes)
        return call, result, raw

    def _call(
        self, tool: Tool, arguments: dict[str, Any], notes: list[str]
    ) -> tuple[ToolCall, ToolResult | None]:
        """Run ``tool``; the call as recorded and its result (``None`` when it refused)."""
        start = time.perf_counter()
        try:
            result = self.registry.run(tool.name, arguments)
        except ToolError as error:
            call = ToolCall(
                tool=tool.name,
                arguments=arguments,
                warnings=notes,
                error=str(error),
                latency_s=time.perf_counter() - start,
            )
            return call, None
        call = ToolCall(
            tool=tool.name,
            arguments=arguments,
            outputs={k: v.model_dump() for k, v in result.outputs.items()},
            method=result.method,
            reference=result.reference,
            warnings=[*notes, *result.warnings],
            latency_s=time.perf_counter() - start,
        )
        return call, result


def _refusal(
    tool: Tool, raw: dict[str, Any], grounded: Grounding, revised: bool
) -> tuple[RefusalReason, str] | None:
    """Whether the grounded arguments go back to the model instead of to the tool: the
    reason's name and the message for the model."""
    unwritten = ", ".join(f"{n} = {format_value(raw[n])}" for n in grounded.unwritten)
    if grounded.made_up:
        # Seen under load: "Who painted the portrait numbered 23-0?" passed the scope
        # gate, and a Zuber heat flux of four invented numbers came back as the answer.
        return "made_up", (
            f"{unwritten}: none of these numbers is written in the task, and the task writes "
            f"none that {tool.name} needs"
        )
    if grounded.unnamed:
        # A tool would compute a property of the model's own chemical: a confident wrong number.
        return "unwritten", (
            f"{', '.join(grounded.unnamed)}: the task names no such chemical; name each "
            "chemical as the task writes it"
        )
    if grounded.unwritten and (not revised or len(grounded.unwritten) > 1):
        # Asked once; one number the model keeps after that may be a constant it knows,
        # but not two (seen: N_min = R_min = 1 kept, and 2.7 stages answered for 19.4).
        return "unwritten", (
            f"{unwritten}: not written in the task; copy each number exactly as the task writes it"
        )
    if grounded.misplaced:
        # The tool would read the number in the model's unit: a silent wrong value.
        return "misplaced", (
            f"{'; '.join(grounded.misplaced)}; give each argument a number the task writes "
            "with a unit of its kind"
        )
    if bare := [n for n in grounded.bare if n in grounded.arguments]:
        # The number is the task's, its unit the model's: a silent wrong value.
        given = ", ".join(f"{n} = {format_value(grounded.arguments[n])}" for n in bare)
        return "bare", (
            f"{given}: the task writes no unit of that kind after this number; give each "
            "argument a number the task writes with a unit of its kind"
        )
    if grounded.unused:
        # The tool would estimate a value the task gives: a confident wrong number.
        return "unused", (
            f"the task writes {', '.join(grounded.unused)}, which no argument takes; give it "
            f"to the argument it belongs to ({', '.join(grounded.left_out)})"
        )
    return None


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)
