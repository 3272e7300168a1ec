"""The adapters PEOA ships: registered, intact, better than their base on the held-back
split as recorded, and usable by llama.cpp on a held-out problem."""

from __future__ import annotations

import hashlib

import pytest

from peoa.distill.base import base_gguf
from peoa.llm.adapters import REGISTRY_FILE, AdapterRecord, _read
from peoa.paths import resource_dir
from tests.distill.held_out import DEFAULT_ACTION_GENERATOR, SHIPPED, SHIPPED_ACTION_GENERATOR


def _shipped(name: str) -> AdapterRecord:
    folder = resource_dir("adapters")
    records = _read(folder)
    assert name in records, f"{name} is missing from {folder / REGISTRY_FILE}"
    return records[name]


@pytest.fixture(scope="module")
def record() -> AdapterRecord:
    return _shipped(SHIPPED)


@pytest.mark.parametrize(
    ("name", "role"),
    [
        (SHIPPED, "calculation"),
        (SHIPPED_ACTION_GENERATOR, "action_generator"),
        (DEFAULT_ACTION_GENERATOR, "action_generator"),
    ],
)
def test_the_shipped_adapters_are_registered_and_their_files_match(name: str, role: str) -> None:
    record = _shipped(name)
    assert record.role == role
    assert record.file.is_file()
    assert record.sha256 == hashlib.sha256(record.file.read_bytes()).hexdigest()
    assert len(record.data_hash) == 64
    assert base_gguf(record.base).is_file()
    # The targets, as 'peoa distill evaluate' measured them on the held-back split.
    m = record.metrics
    if "adapter_choose_plan_accuracy" in m:  # the plan-choice student
        assert m["adapter_choose_plan_accuracy"] > m["ranking_choose_plan_accuracy"]
        assert m["adapter_choose_plan_accuracy"] - m["base_choose_plan_accuracy"] >= 0.30
    else:  # the earlier tool-call students of SmolLM2
        assert m["adapter_tool_accuracy"] - m["base_tool_accuracy"] >= 0.30
    assert m["adapter_end_to_end"] - m["base_end_to_end"] >= 0.30


def test_the_calculation_expert_applies_the_adapter_only_on_its_base(
    record: AdapterRecord, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peoa.config import get_settings
    from peoa.experts import load_experts
    from peoa.llm.factory import _cached_llm

    assert load_experts()["calculation"].manifest.adapter == SHIPPED
    for model, applied in ((record.base, SHIPPED), ("qwen2.5-coder-0.5b-instruct", None)):
        monkeypatch.setenv("PEOA_MODELS__CALCULATION", model)
        get_settings.cache_clear()
        _cached_llm.cache_clear()
        try:
            assert load_experts()["calculation"].adapter == applied
        finally:
            get_settings.cache_clear()
            _cached_llm.cache_clear()


def test_the_action_generator_applies_its_adapter_only_on_its_base() -> None:
    from peoa.agent.action_generator import ActionGenerator
    from peoa.agent.definitions import load_definitions
    from peoa.config import get_settings
    from peoa.llm.llama import LlamaCppLLM

    _, definition = load_definitions()
    assert definition.adapter == DEFAULT_ACTION_GENERATOR
    base = _shipped(DEFAULT_ACTION_GENERATOR).base
    # The default configuration runs the adapter's base in the action generator's seat.
    assert get_settings().models.for_role("action_generator") == base
    for model, applied in ((base, DEFAULT_ACTION_GENERATOR), ("smollm2-135m-instruct", None)):
        llm = LlamaCppLLM(model, base_gguf(model))  # loads nothing until it generates
        assert ActionGenerator(llm, definition).adapter == applied
