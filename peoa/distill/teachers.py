"""Teachers: whoever fills the model seats while trajectories are generated.

* :class:`ProgrammaticTeacher` (``--teacher programmatic``) works offline: it knows the
  tool, the arguments and the answer of each templated problem, so its replies are
  right by construction, and verification still re-runs them.
* :class:`LLMTeacher` asks any chat model PEOA can name: ``openai:gpt-4o`` (the default
  when ``OPENAI_API_KEY`` is set), any ``openai:<model>`` served by an
  OpenAI-compatible server (``OPENAI_BASE_URL``: vLLM, Ollama, llama.cpp's server), or
  a local catalogue model such as ``qwen2.5-coder-1.5b-instruct``. Each request gets a
  few solved examples of the same decision (few-shot trajectories from the
  programmatic teacher) before the real one; whatever it answers is verified, and
  malformed replies are discarded and counted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from peoa.distill.episodes import Answerer, Example, Kind
from peoa.distill.templates import Problem
from peoa.llm.base import LLM, GenerationRequest

__all__ = ["LLMTeacher", "ProgrammaticTeacher", "Teacher", "default_teacher_name", "make_teacher"]


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


class Teacher:
    """Gives an :data:`~peoa.distill.episodes.Answerer` for each problem."""

    name: str = "teacher"

    def answerer(self, problem: Problem) -> Answerer:
        raise NotImplementedError


class ProgrammaticTeacher(Teacher):
    """Answers from the problem's template: the plan that ends in its tool and output,
    and, among rival values, the one the template wrote for the argument."""

    name = "programmatic"

    def answerer(self, problem: Problem) -> Answerer:
        from peoa.tools import get_registry

        last = (
            f"Compute the {get_registry().get(problem.tool).outputs[problem.target].description} "
        )
        last += f"with {problem.tool}"

        def answer(kind: Kind, request: GenerationRequest) -> str:
            schema = request.json_schema or {}
            prompt = request.messages[-1].content
            if kind == "choose_plan":
                ids = schema["properties"]["plan"]["enum"]
                for line in prompt.splitlines():
                    plan = line.split(":", 1)[0]
                    steps = line.split("; then ")[-1].split(" (uses")[0]
                    if plan in ids and steps.rstrip().endswith(last):
                        return _dumps({"plan": plan})
                return _dumps({"plan": ids[0]})
            ids = schema["properties"]["value"]["enum"]
            named = re.search(r'Input "([^"]+)"', prompt)
            gold = problem.arguments.get(named.group(1)) if named else None
            value = gold.get("value") if isinstance(gold, dict) else gold
            for line in prompt.splitlines():
                option = re.match(r"- (\w+): ([-+]?[\d.]+(?:[eE][-+]?\d+)?)", line)
                if option is None or option.group(1) not in ids or value is None:
                    continue
                if float(option.group(2)) == float(value):
                    return _dumps({"value": option.group(1)})
            return _dumps({"value": ids[0]})

        return answer


class LLMTeacher(Teacher):
    """A chat model as the teacher, prompted with few-shot solved examples."""

    def __init__(
        self,
        llm: LLM,
        shots: dict[Kind, list[Example]] | None = None,
        *,
        max_tokens: int = 400,
    ) -> None:
        self.llm = llm
        self.name = llm.name
        self.shots = shots or {}
        self.max_tokens = max_tokens

    def messages(self, kind: Kind, request: GenerationRequest) -> list[dict[str, str]]:
        """The request's messages with the few-shot examples put before its last turn."""
        real = [m.model_dump() for m in request.messages]
        system = [m for m in real[:1] if m["role"] == "system"]
        rest = real[len(system) :]
        demos: list[dict[str, str]] = []
        for shot in self.shots.get(kind, []):
            demos += [m for m in shot.messages if m["role"] != "system"]
            demos.append({"role": "assistant", "content": shot.completion})
        return [*system, *demos, *rest]

    def answerer(self, problem: Problem) -> Answerer:
        def answer(kind: Kind, request: GenerationRequest) -> str:
            completion = self.llm.chat(
                self.messages(kind, request),
                json_schema=request.json_schema,
                max_tokens=self.max_tokens,
                temperature=0.0,
            )
            return completion.text.strip()

        return answer


def default_teacher_name() -> str:
    """``openai:gpt-4o`` when an OpenAI key or endpoint is configured, else ``programmatic``."""
    from peoa.config import get_settings

    openai = get_settings().openai
    return "openai:gpt-4o" if (openai.api_key or openai.base_url) else "programmatic"


def make_teacher(
    name: str,
    shots: Callable[[], dict[Kind, list[Example]]] | None = None,
) -> Teacher:
    """The teacher called ``name``: ``programmatic`` or any model name PEOA resolves."""
    if name == "programmatic":
        return ProgrammaticTeacher()
    from peoa.config import get_settings
    from peoa.llm.factory import llm_for
    from peoa.llm.models import resolve

    settings = get_settings()
    llm = llm_for(resolve(name, settings), settings)
    return LLMTeacher(llm, shots() if shots else None)
