"""The experts on the ``openai:`` backend: they depend on the LLM interface only.

The models are configured the way a deployment would point them at vLLM, Ollama or
GPT-4o (``PEOA_MODELS__<ROLE>=openai:<model>`` and ``OPENAI_BASE_URL``); the server is
llama-cpp-python's own, on loopback, serving the same Qwen 0.5B file as the local
backend. The numbers asserted are the tools' and the sandbox's, from the question's
numbers. The calculation expert's runs are in ``make test``: the grounding step holds
the model's arguments to the question, so they depend on the transport, not on luck.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from peoa.config import get_settings
from peoa.experts import Expert, ExpertTask, load_experts
from peoa.llm.openai_compat import OpenAICompatibleLLM
from peoa.planning import Planner, PlanStep, QuantityGraph
from peoa.reading import Reading, read_question
from peoa.tools import get_registry, ureg

ROLES = ("calculation", "code")


@pytest.fixture
def remote_experts(
    openai_server: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, Expert]]:
    base, name = openai_server
    for role in ROLES:
        monkeypatch.setenv(f"PEOA_MODELS__{role.upper()}", f"openai:{name}")
    monkeypatch.setenv("OPENAI_BASE_URL", base)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    # A loaded CI machine can take minutes per request on 2 threads; waiting is not failing.
    monkeypatch.setenv("PEOA_LLM__REQUEST_TIMEOUT_S", "900")
    get_settings.cache_clear()
    try:
        yield load_experts()
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def _served_by_the_server(expert: Expert, openai_server: tuple[str, str]) -> None:
    llm = expert.llm  # type: ignore[attr-defined]
    assert isinstance(llm, OpenAICompatibleLLM)
    assert str(llm.client.base_url).rstrip("/") == openai_server[0]
    assert llm.remote_name == openai_server[1]


def _planned(question: str) -> tuple[Reading, PlanStep]:
    registry = get_registry()
    reading = read_question(question)
    plan = Planner(registry, QuantityGraph.from_registry(registry)).plan(reading)[0]
    return reading, plan.steps[-1]


def test_calculation_expert_chooses_among_rival_values_over_http(
    remote_experts: dict[str, Expert], openai_server: tuple[str, str]
) -> None:
    question = (
        "Water with density 998 kg/m3 and viscosity 1.002 mPa·s flows at 2 m/s through a "
        "pipe of 50 mm inner diameter. What is the Reynolds number?"
    )
    expert = remote_experts["calculation"]
    _served_by_the_server(expert, openai_server)
    reading, step = _planned(question)
    assert step.tool == "reynolds_number"
    # Offer the model a rival for the diameter (the 2 m/s is no length, so take another
    # length of the question: there is none; a rival is any other mention id here).
    diameter = step.binding("diameter")
    assert diameter is not None
    other = next(m.id for m in reading.data() if m.id not in diameter.mentions)
    rivalled = diameter.model_copy(update={"rivals": (other,)})
    step = step.model_copy(update={"bindings": tuple(
        rivalled if b.argument == "diameter" else b for b in step.bindings)})  # fmt: skip
    result = expert.run(ExpertTask(question=question, sub_task=step.sub_task, reading=reading,
                                   step=step))  # fmt: skip
    assert result.llm_calls and all(
        call.model == f"openai:{openai_server[1]}" for call in result.llm_calls
    )
    assert [c.purpose for c in result.llm_calls] == ["choose diameter"]
    call = result.tool_calls[-1]
    chosen = call.arguments["diameter"]
    assert chosen["value"] in {reading.mention(m).value for m in (*diameter.mentions, other)}
    if result.ok:  # the model kept the inner diameter: the tool's own number for it
        rerun = get_registry().run("reynolds_number", call.arguments).value("Re")
        assert result.answer is not None and result.answer.value == pytest.approx(rerun)
    # llama.cpp's server refuses response_format "json_schema"; the backend fell back to
    # "json_object" with the schema, which that server constrains by grammar
    assert expert.llm._json_style == "json_object"  # type: ignore[attr-defined]


def test_calculation_expert_runs_a_bound_conversion_without_the_model(
    remote_experts: dict[str, Expert], openai_server: tuple[str, str]
) -> None:
    question = "The feed pump moves 50 m3/h of brine. Express the flow rate in L/s."
    reading, step = _planned(question)
    result = remote_experts["calculation"].run(
        ExpertTask(question=question, sub_task=step.sub_task, reading=reading, step=step)
    )
    assert result.ok, result.error
    assert result.llm_calls == []  # one value, no rival: nothing for a model to choose
    assert result.answer is not None
    # the unit comes from the tool framework (unit_from="to_unit"), not from the expert
    answer = ureg.Quantity(result.answer.value, result.answer.unit)
    assert answer.to("L/s").magnitude == pytest.approx(50 * 1000 / 3600, rel=1e-9)


@pytest.mark.slow  # the script is the base model's own work, as in test_code_math.py
def test_code_expert_over_http(
    remote_experts: dict[str, Expert], openai_server: tuple[str, str]
) -> None:
    task = "Compute the kinetic energy in J of a 1200 kg car moving at 25 m/s."
    expert = remote_experts["code"]
    _served_by_the_server(expert, openai_server)
    result = expert.run(ExpertTask(question=task, sub_task=task))
    assert result.ok, result.text
    assert result.answer is not None and result.code
    energy = ureg.Quantity(result.answer.value, result.answer.unit).to("J").magnitude
    assert energy == pytest.approx(0.5 * 1200 * 25**2, rel=1e-9)
