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
        "A compressor takes air at 1.0 bar absolute and 300 K and delivers it at 4.0 bar "
        "absolute; k = 1.4 and the isentropic efficiency is 0.8. What is the discharge "
        "temperature in K?"
    )
    expert = remote_experts["calculation"]
    _served_by_the_server(expert, openai_server)
    options = {**expert.manifest.options, "choose_rivals": True}  # off by default
    expert.manifest = expert.manifest.model_copy(update={"options": options})
    reading, step = _planned(question)
    inlet, outlet = step.binding("P1"), step.binding("P2")
    assert inlet is not None and outlet is not None
    # The two pressures contest each other: the served model chooses P1 by id.
    contested = {
        "P1": inlet.model_copy(update={"rivals": outlet.mentions}),
        "P2": outlet.model_copy(update={"rivals": inlet.mentions}),
    }
    step = step.model_copy(update={"bindings": tuple(
        contested.get(b.argument, b) for b in step.bindings)})  # fmt: skip
    result = expert.run(ExpertTask(question=question, sub_task=step.sub_task, reading=reading,
                                   step=step))  # fmt: skip
    assert [c.purpose for c in result.llm_calls] == ["choose P1"]
    assert result.llm_calls[0].model == f"openai:{openai_server[1]}"
    arguments = result.tool_calls[-1].arguments
    written = {reading.mention(m).value for m in (*inlet.mentions, *outlet.mentions)}
    assert {arguments["P1"]["value"], arguments["P2"]["value"]} == written


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
