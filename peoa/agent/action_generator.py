"""The action generator: chooses the plan to run among the planner's best.

The planner (:mod:`peoa.planning`) enumerates chains of tool calls that can be
executed, each argument bound; the action generator picks one by its id, under a
grammar whose enum is the offered ids. Decomposition is a choice among executable
plans, not free text, so a small model's reply cannot name a tool that does not exist
or write a number.
"""

from __future__ import annotations

from collections.abc import Sequence

from peoa.agent.definitions import ActionGeneratorDefinition
from peoa.experts.base import LLMCall
from peoa.llm.adapters import fitting_adapter
from peoa.llm.base import LLM, Completion
from peoa.planning.model import Plan
from peoa.reading.model import Reading

__all__ = ["ActionGenerator", "describe_plan"]


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


def describe_plan(plan: Plan, reading: Reading) -> str:
    """A plan as the model reads it: its steps in words, what it uses and leaves out."""
    steps = "; then ".join(s.sub_task for s in plan.steps)
    used = [reading.mention(m).written for m in plan.mentions_used()]
    text = f"{plan.id}: {steps}"
    if used:
        text += f" (uses {', '.join(used)})"
    if plan.unused:
        text += f" (leaves out {', '.join(reading.mention(m).written for m in plan.unused)})"
    return text


class ActionGenerator:
    """Wraps the action-generator model with its prompts from ``agents/action_generator``."""

    def __init__(self, llm: LLM, definition: ActionGeneratorDefinition) -> None:
        self.llm = llm
        self.definition = definition
        self.adapter = fitting_adapter(definition.adapter, llm.name)
        self.system = definition.prompt("system")

    def choose_plan(self, reading: Reading, plans: Sequence[Plan]) -> tuple[int, LLMCall]:
        """The index (in ``plans``) of the plan to run, and the model call."""
        prompt = (
            self.definition.prompt("choose_plan")
            .replace("{question}", reading.text)
            .replace("{plans}", "\n".join(describe_plan(p, reading) for p in plans))
        )
        ids = [p.id for p in plans]
        schema = {
            "type": "object",
            "properties": {"plan": {"type": "string", "enum": ids}},
            "required": ["plan"],
            "additionalProperties": False,
        }
        data, completion = self.llm.structured(
            [{"role": "system", "content": self.system}, {"role": "user", "content": prompt}],
            schema,
            max_tokens=self.definition.max_tokens,
            adapter=self.adapter,
        )
        return ids.index(str(data["plan"])), _call(self.definition.role, completion, "choose plan")
