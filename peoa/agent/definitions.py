"""The meta-agent's and action generator's declarative definitions, from ``agents/``."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from peoa.agent.routing import DEFAULT_TEXT_CUES
from peoa.exceptions import ConfigError
from peoa.paths import resource_dir

__all__ = ["ActionGeneratorDefinition", "Limits", "MetaAgentDefinition", "load_definitions"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Limits(_Strict):
    max_steps: int = Field(4, ge=1, le=20)
    # Plans tried per question (or per case of a split one) before it fails.
    max_plans: int = Field(3, ge=1, le=20)
    # Plans the action generator chooses among when the ranking leaves a tie.
    plan_choices: int = Field(3, ge=1, le=10)
    max_revisions_per_step: int = Field(2, ge=0, le=10)
    max_revisions_total: int = Field(4, ge=0, le=50)
    tool_candidates: int = Field(5, ge=1, le=20)
    min_tool_relevance: float = Field(0.6, ge=0.0, le=1.0)
    min_passage_relevance: float = Field(0.7, ge=0.0, le=1.0)
    # An answer is withheld when more of the question's values than this (numbers written
    # with a unit or a symbol) were used by no step (see agents/meta_agent.toml).
    max_unused_values: int = Field(1, ge=0)


class Policy(_Strict):
    numeric_expert: str = "calculation"
    text_expert: str = "knowledge"
    # A question no tool chain answers goes to this expert (its values as named
    # variables); "" to report what could not be reached instead.
    code_expert: str = ""
    # "rank": the planner's best plan runs; "model": the action generator chooses among
    # the best plans when the ranking leaves them tied (plan_choices of them).
    plan_choice: Literal["rank", "model"] = "rank"
    # Regexes a question may open with to ask for knowledge rather than a number
    # ("explain", "what does … say"); see peoa.agent.routing for the whole decision.
    text_cues: list[str] = list(DEFAULT_TEXT_CUES)
    # "graph": candidate tools come from the graph's tool documentation (and gate
    # out-of-scope questions); "none": no retrieval, experts choose on their own
    # (the evaluation's "without graph retrieval" baseline).
    tool_retrieval: Literal["graph", "none"] = "graph"
    # Run independent steps at the same time: the cases of a question that asks the
    # same thing for several (pump A …, pump B …), and the steps of a plan that do not
    # need each other. false: one step at a time.
    parallel_steps: bool = True

    @field_validator("text_cues")
    @classmethod
    def _compiles(cls, cues: list[str]) -> list[str]:
        for cue in cues:
            try:
                re.compile(cue)
            except re.error as error:
                raise ValueError(f"text cue {cue!r} is not a regular expression: {error}") from None
        return cues


class Memory(_Strict):
    checkpointer: str = "sqlite"
    history_turns: int = Field(3, ge=0, le=20)


class Sanity(_Strict):
    model_config = ConfigDict(extra="allow")  # dimensionality -> [low, high]

    efficiency_names: list[str] = []
    absolute_pressure_names: list[str] = []

    def ranges(self) -> dict[str, tuple[float, float]]:
        return {key: (float(v[0]), float(v[1])) for key, v in (self.model_extra or {}).items()}


class MetaAgentDefinition(_Strict):
    limits: Limits = Limits()
    policy: Policy = Policy()
    memory: Memory = Memory()
    sanity: Sanity = Sanity()


class ActionGeneratorDefinition(_Strict):
    role: str = "action_generator"
    adapter: str = ""
    max_tokens: int = Field(16, ge=4)
    prompts: dict[str, str]
    folder: Path = Field(exclude=True)

    def prompt(self, key: str) -> str:
        return (self.folder / self.prompts[key]).read_text()


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text())
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read agent definition {path}: {error}") from None


@lru_cache(maxsize=1)
def load_definitions() -> tuple[MetaAgentDefinition, ActionGeneratorDefinition]:
    """Read ``agents/meta_agent.toml`` and ``agents/action_generator/agent.toml``."""
    folder = resource_dir("agents")
    meta_path = folder / "meta_agent.toml"
    ag_path = folder / "action_generator" / "agent.toml"
    try:
        meta = MetaAgentDefinition.model_validate(_read(meta_path))
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"{meta_path}: {where}: {first['msg']}") from None
    try:
        generator = ActionGeneratorDefinition.model_validate(
            {**_read(ag_path), "folder": ag_path.parent}
        )
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"{ag_path}: {where}: {first['msg']}") from None
    return meta, generator
