"""The adapter PEOA ships: registered, intact, and usable by llama.cpp on a held-out problem."""

from __future__ import annotations

import hashlib
import json

import pytest

from peoa.distill.adapters import REGISTRY_FILE, AdapterRecord, _read
from peoa.distill.base import base_gguf
from peoa.distill.episodes import schema_errors
from peoa.paths import resource_dir
from tests.distill.held_out import SHIPPED, held_out_request


@pytest.fixture(scope="module")
def record() -> AdapterRecord:
    folder = resource_dir("adapters")
    records = _read(folder)
    assert SHIPPED in records, f"{SHIPPED} is missing from {folder / REGISTRY_FILE}"
    return records[SHIPPED]


def test_the_shipped_adapter_is_registered_and_its_file_matches(record: AdapterRecord) -> None:
    assert record.role == "calculation"
    assert record.file.is_file()
    assert record.sha256 == hashlib.sha256(record.file.read_bytes()).hexdigest()
    assert len(record.data_hash) == 64
    assert {"adapter_tool_accuracy", "base_tool_accuracy"} <= set(record.metrics)
    assert base_gguf(record.base).is_file()


@pytest.mark.parametrize("kind", ["choose_tool", "fill_arguments"])
def test_the_shipped_adapter_answers_a_held_out_request_in_schema(
    record: AdapterRecord, kind: str
) -> None:
    from peoa.llm.llama import LlamaCppLLM

    messages, schema = held_out_request(kind)
    llm = LlamaCppLLM(record.base, base_gguf(record.base), n_ctx=2048)
    # No grammar: the JSON and its fit to the schema must come from the adapter itself.
    text = llm.chat(messages, max_tokens=160, temperature=0.0, adapter=str(record.file)).text
    assert schema_errors(text.strip(), schema) is None, text
    json.loads(text)


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
