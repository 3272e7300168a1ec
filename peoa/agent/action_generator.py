"""The action generator: question and history in, the next step out (schema-constrained)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from peoa.agent.definitions import ActionGeneratorDefinition
from peoa.distill.adapters import fitting_adapter
from peoa.experts.base import Expert, LLMCall
from peoa.llm.base import LLM, Completion

__all__ = ["ActionGenerator", "ErrorVerdict", "NextStep"]


class NextStep(BaseModel):
    action: Literal["call_expert", "final_answer", "clarify"]
    expert: str
    sub_task: str = ""
    tool: str = "none"
    answer_step: int = 0
    message: str = ""
    # Sub-tasks that need neither this step's result nor each other's: run alongside it.
    parallel_sub_tasks: list[str] = []


class ErrorVerdict(BaseModel):
    """Error identification: the faulty step and what its expert should change."""

    step: int = Field(ge=1)
    feedback: str = Field(max_length=300)


def _call(role: str, completion: Completion, purpose: str) -> LLMCall:
    return LLMCall(
        role=role,
        model=completion.model,
        adapter=completion.adapter,
        prompt_tokens=completion.usage.prompt_tokens,
        completion_tokens=completion.usage.completion_tokens,
        latency_s=completion.latency_s,
        purpose=purpose,
    )


class ActionGenerator:
    """Wraps the action-generator model with its prompts and step schema from ``agents/``."""

    def __init__(self, llm: LLM, definition: ActionGeneratorDefinition, experts: dict[str, Expert]):
        self.llm = llm
        self.definition = definition
        self.experts = experts
        self.adapter = fitting_adapter(definition.adapter, llm.name)
        # The first sentence of each description: a small model reads short lists better.
        listing = "\n".join(
            f"- {name}: {e.manifest.description.split('. ')[0].strip().rstrip('.')}."
            for name, e in experts.items()
        )
        self.system = definition.prompt("system").replace("{experts}", listing)

    def next_step(
        self,
        question: str,
        history: list[str],
        tools: list[dict[str, Any]],
        conversation: str = "",
    ) -> tuple[NextStep, LLMCall]:
        """Predict the next step; the schema allows only known experts and candidate tools."""
        tool_lines = "\n".join(f"- {t['name']}: {t.get('description', '')[:160]}" for t in tools)
        prompt = (
            self.definition.prompt("next_step")
            .replace("{conversation}", conversation)
            .replace("{question}", question)
            .replace("{history}", "\n".join(history) or "(none yet)")
            .replace("{tools}", tool_lines or "(none)")
        )
        schema = self.definition.schema(
            list(self.experts), [t["name"] for t in tools], can_finish=bool(history)
        )
        data, completion = self.llm.structured(
            [{"role": "system", "content": self.system}, {"role": "user", "content": prompt}],
            schema,
            max_tokens=self.definition.max_tokens,
            adapter=self.adapter,
        )
        return NextStep.model_validate(data), _call(self.definition.role, completion, "next step")

    def identify_error(
        self, question: str, history: list[str], failed_step: int, error: str
    ) -> tuple[ErrorVerdict, LLMCall]:
        """Name the faulty step (at most the failed one) and the fix for its expert."""
        prompt = (
            self.definition.prompt("identify_error")
            .replace("{question}", question)
            .replace("{history}", "\n".join(history))
            .replace("{step}", str(failed_step))
            .replace("{error}", error)
        )
        schema = ErrorVerdict.model_json_schema()
        schema["properties"]["step"]["maximum"] = failed_step
        data, completion = self.llm.structured(
            [{"role": "system", "content": self.system}, {"role": "user", "content": prompt}],
            schema,
            max_tokens=self.definition.max_tokens,
            adapter=self.adapter,
        )
        verdict = ErrorVerdict.model_validate(data)
        return verdict, _call(self.definition.role, completion, "identify error")
