"""The code and math experts run their scripts under the ``[sandbox]`` settings.

What is under test is the plumbing from the settings to the sandbox, not the model's
skill, so the scripts come from a scripted model behind the same :class:`LLM`
interface; the sandbox is the real one.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from peoa.config import get_settings
from peoa.experts import Expert, ExpertTask
from peoa.experts.codegen import CodeExpert
from peoa.llm import LLM
from peoa.llm.base import Delta, GenerationRequest, Usage
from peoa.sandbox import SandboxSettings

TASK = ExpertTask(question="Compute 6 times 7.", sub_task="Compute 6 times 7.")
SPIN = "```python\nwhile True:\n    pass\n```"
ANSWER = '```python\nresult = {"value": 6 * 7, "unit": ""}\n```'


class ScriptedLLM(LLM):
    """Replies with the given texts in turn (the last one repeats)."""

    def __init__(self, *replies: str) -> None:
        super().__init__("scripted")
        self.replies = list(replies)
        self.calls = 0

    def _generate(self, request: GenerationRequest, stream: bool) -> Iterator[Delta]:
        reply = self.replies[min(self.calls, len(self.replies) - 1)]
        self.calls += 1
        yield Delta(text=reply)
        yield Delta(usage=Usage(prompt_tokens=1, completion_tokens=1), finish_reason="stop")


@pytest.fixture
def sandbox_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    get_settings.cache_clear()
    yield monkeypatch
    monkeypatch.undo()
    get_settings.cache_clear()


def _with_model(expert: Expert, llm: LLM, **kwargs: object) -> CodeExpert:
    assert isinstance(expert, CodeExpert)
    return type(expert)(expert.manifest, llm=llm, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["code", "math"])
def test_the_wall_clock_limit_comes_from_the_settings(
    experts: dict[str, Expert], sandbox_env: pytest.MonkeyPatch, name: str
) -> None:
    sandbox_env.setenv("PEOA_SANDBOX__TIMEOUT_S", "1")
    expert = _with_model(experts[name], ScriptedLLM(SPIN))
    assert expert.sandbox.timeout_s == 1.0
    result = expert.run(TASK)
    assert not result.ok
    assert result.error == "the script ran past the 1 s wall-clock limit and was killed"


@pytest.mark.parametrize("name", ["code", "math"])
def test_required_isolation_stops_the_expert_with_the_missing_layer(
    experts: dict[str, Expert], sandbox_env: pytest.MonkeyPatch, name: str
) -> None:
    sandbox_env.setenv("PEOA_SANDBOX__REQUIRE_KERNEL_ISOLATION", "true")
    sandbox_env.setenv("PEOA_SANDBOX__DISABLED_LAYERS", '["seccomp"]')
    llm = ScriptedLLM(ANSWER)
    result = _with_model(experts[name], llm).run(TASK)
    assert not result.ok and result.answer is None
    assert result.error is not None
    assert "requires kernel isolation" in result.error
    assert "seccomp is off: disabled by sandbox.disabled_layers" in result.error
    assert llm.calls == 1  # not a script problem: no repair round


def test_injected_settings_and_a_manifest_timeout(experts: dict[str, Expert]) -> None:
    settings = SandboxSettings(memory_mb=1024, timeout_s=20)
    expert = _with_model(experts["code"], ScriptedLLM(ANSWER), sandbox=settings)
    assert expert.sandbox == settings
    result = expert.run(TASK)
    assert result.ok and result.answer is not None and result.answer.value == 42
    # a manifest may set its own wall-clock limit on top of the settings
    manifest = experts["code"].manifest
    own = manifest.model_copy(update={"options": {**manifest.options, "timeout_s": 5}})
    timed = CodeExpert(own, llm=ScriptedLLM(ANSWER), sandbox=settings)
    assert timed.sandbox.timeout_s == 5.0 and timed.sandbox.memory_mb == 1024
