"""The calculation expert: runs one plan step, every argument bound to the question.

The planner (:mod:`peoa.planning`) chose the tool and where each argument comes from:
a value the question writes, an earlier step's output, a substance or choice it
names. The model is asked only where the words leave a choice open: a value bound to
an argument with rivals that the question names about as well goes to the model as a
choice among the values' ids, under a grammar whose enum is those ids
(``[options] choose_rivals``). A model never writes a number here.

The registry checks and runs the call; a refusal fails the step, and the meta-agent
moves on to its next plan.
"""

from __future__ import annotations

import time
from typing import Any, Self

from peoa.exceptions import PeoaError, ToolError
from peoa.experts.base import Citation, ExpertManifest, ExpertResult, ExpertTask, Quantity, ToolCall
from peoa.experts.errors import ManifestError
from peoa.experts.runtime import ModelExpert, Trace, format_value
from peoa.llm import LLM, StructuredOutputError
from peoa.planning.binding import arguments
from peoa.planning.execute import step_arguments
from peoa.planning.model import Binding, PlanStep
from peoa.reading.model import Reading
from peoa.tools import Tool, ToolRegistry, ToolResult, get_registry
from peoa.tools.references import cited_source

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


def _source(reference: str) -> str:
    """The standard or book a tool's reference names first ("HI 1.3", "API 520 Part I")."""
    return cited_source(reference)[0][:80]


class CalculationExpert(ModelExpert):
    """Runs a bound plan step; asks the model only to choose among rival values."""

    def __init__(
        self,
        manifest: ExpertManifest,
        *,
        llm: LLM | None = None,
        registry: ToolRegistry | None = None,
    ) -> None:
        super().__init__(manifest, llm=llm)
        self.registry = registry or get_registry()
        self.allowed = set(resolve_tools(manifest, self.registry))
        if not self.allowed:
            raise ManifestError(
                f"{manifest.folder or manifest.name}: field 'tools': the calculation expert "
                "needs at least one tool (a name, 'topic:<topic>' or '*')"
            )

    def with_manifest(self, manifest: ExpertManifest) -> Self:
        """A new calculation expert over ``manifest`` with this one's model and registry."""
        return type(self)(manifest, llm=self._llm, registry=self.registry)

    # -- choosing among rival values --------------------------------------------------
    def settle(self, task: ExpertTask, tool: Tool, trace: Trace) -> PlanStep:
        """The step with each contested value chosen by the model among its rivals' ids."""
        step, reading = task.step, task.reading
        assert step is not None and reading is not None
        if not self.option("choose_rivals", False):
            return step
        taken = {m for b in step.bindings if not b.rivals for m in b.mentions}
        settled: list[Binding] = []
        for binding in step.bindings:
            if binding.source != "mention" or not binding.rivals:
                settled.append(binding)
                continue
            options = [m for m in (*binding.mentions, *binding.rivals) if m not in taken]
            chosen = self._choose_value(task, tool, binding, options, reading, trace)
            taken.add(chosen)
            settled.append(binding.model_copy(update={"mentions": (chosen,)}))
        return step.model_copy(update={"bindings": tuple(settled)})

    def _choose_value(self, task: ExpertTask, tool: Tool, binding: Binding, options: list[str],
                      reading: Reading, trace: Trace) -> str:  # fmt: skip
        if len(options) <= 1:
            return options[0] if options else binding.mentions[0]
        spec = arguments(tool)[binding.argument].spec
        listing = "\n".join(f"- {m}: {reading.mention(m).describe()}" for m in options)
        user = self.prompt(
            "bind", question=reading.text, argument=binding.argument,
            description=spec.description, values=listing,
        )  # fmt: skip
        messages = [
            {"role": "system", "content": self.prompt("system")},
            {"role": "user", "content": user},
        ]
        schema = {
            "type": "object",
            "properties": {"value": {"type": "string", "enum": options}},
            "required": ["value"],
            "additionalProperties": False,
        }
        try:
            data = self.structured(
                trace, messages, schema, purpose=f"choose {binding.argument}", max_tokens=16
            )
        except StructuredOutputError:
            return options[0]
        return str(data["value"])

    # -- the run -----------------------------------------------------------------------
    def run(self, task: ExpertTask) -> ExpertResult:
        trace = Trace()
        step, reading = task.step, task.reading
        if step is None or reading is None:
            return self.finish(task, trace, ok=False,
                               error="the calculation expert runs plan steps; this task has none")  # fmt: skip
        if step.tool not in self.allowed:
            return self.finish(task, trace, ok=False,
                               error=f"tool {step.tool!r} is not among this expert's tools")  # fmt: skip
        tool = self.registry.get(step.tool)
        try:
            step = self.settle(task, tool, trace)
            arguments_ = step_arguments(step, reading, task.prior, self.registry)
        except PeoaError as error:
            return self.finish(task, trace, ok=False, error=str(error))
        notes = [b.note for b in step.bindings if b.note]
        call, result = self._call(tool, arguments_, notes)
        if result is None:
            return self.finish(task, trace, ok=False, tool_calls=[call],
                               error=f"{tool.name} refused the call: {call.error}")  # fmt: skip
        outputs = _numeric_outputs(result)
        answer = outputs.get(step.output)
        shown = ", ".join(
            f"{k} = {format_value(v.model_dump())}"
            for k, v in result.outputs.items()
            if v.value is not None
        )
        return self.finish(
            task,
            trace,
            ok=answer is not None,
            answer=answer,
            outputs=outputs,
            text=f"{tool.name}: {shown}" + (f" (method {result.method})" if result.method else ""),
            citations=[Citation(source=_source(result.reference), text=result.reference)],
            tool_calls=[call],
            error=None if answer is not None else f"{tool.name} gave no {step.output}",
        )

    def _call(
        self, tool: Tool, arguments_: dict[str, Any], notes: list[str]
    ) -> tuple[ToolCall, ToolResult | None]:
        """Run ``tool``; the call as recorded and its result (``None`` when it refused)."""
        start = time.perf_counter()
        try:
            result = self.registry.run(tool.name, arguments_)
        except ToolError as error:
            call = ToolCall(tool=tool.name, arguments=arguments_, warnings=notes,
                            error=str(error), latency_s=time.perf_counter() - start)  # fmt: skip
            return call, None
        call = ToolCall(
            tool=tool.name,
            arguments=arguments_,
            outputs={k: v.model_dump() for k, v in result.outputs.items()},
            method=result.method,
            reference=result.reference,
            warnings=[*notes, *result.warnings],
            latency_s=time.perf_counter() - start,
        )
        return call, result
