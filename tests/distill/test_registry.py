"""The adapter registry: evaluation scores are merged into the adapter's own entry."""

from __future__ import annotations

import pytest

from peoa.distill.errors import AdapterNotFoundError
from peoa.distill.evaluate import EvalReport, Metrics
from peoa.llm.adapters import (
    AdapterRecord,
    fitting_adapter,
    list_adapters,
    record_metrics,
    register_adapter,
)


def _metrics(adapter: str | None, plan: float) -> Metrics:
    return Metrics(
        model="smollm2-135m-instruct", adapter=adapter, problems=20,
        decisions={"choose_plan": 12, "choose_value": 8},
        choice_accuracy={"choose_plan": plan, "choose_value": 0.5},
        json_valid=1.0, end_to_end=plan / 2, tokens_per_s=50.0, seconds=9.0,
    )  # fmt: skip


def test_evaluation_scores_are_recorded_in_the_adapters_registry(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PEOA_ADAPTERS_DIR", str(tmp_path))
    record = AdapterRecord(
        name="calc-test-lora", base="smollm2-135m-instruct", role="calculation",
        path="calc-test-lora.gguf", data_hash="0" * 64, metrics={"train_loss": 0.5},
    )  # fmt: skip
    register_adapter(record, tmp_path)
    report = EvalReport(
        role="calculation", data="d", base=_metrics(None, 0.25), adapter=_metrics("x", 0.75)
    )
    record_metrics("calc-test-lora", report.registry_metrics())
    stored = list_adapters()["calc-test-lora"].metrics
    assert stored["train_loss"] == 0.5
    assert (stored["base_choose_plan_accuracy"], stored["adapter_choose_plan_accuracy"]) == (
        0.25,
        0.75,
    )
    assert stored["test_problems"] == 20
    assert report.gains()["choose_plan_accuracy"] == pytest.approx(50.0)
    assert report.gains()["choose_value_accuracy"] == pytest.approx(0.0)


def test_recording_scores_for_an_unknown_adapter_names_the_problem(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PEOA_ADAPTERS_DIR", str(tmp_path))
    with pytest.raises(AdapterNotFoundError, match="no LoRA adapter named 'nope'"):
        record_metrics("nope", {"x": 1.0})


def test_an_adapter_is_applied_only_to_the_base_it_was_trained_on(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PEOA_ADAPTERS_DIR", str(tmp_path))
    (tmp_path / "calc-test-lora.gguf").write_bytes(b"GGUF")
    record = AdapterRecord(
        name="calc-test-lora", base="smollm2-135m-instruct", role="calculation",
        path="calc-test-lora.gguf", data_hash="0" * 64,
    )  # fmt: skip
    register_adapter(record, tmp_path)
    assert fitting_adapter("calc-test-lora", "smollm2-135m-instruct") == "calc-test-lora"
    # A user who points the role at another model gets that model without the adapter.
    assert fitting_adapter("calc-test-lora", "qwen2.5-coder-0.5b-instruct") is None
    assert fitting_adapter(None, "qwen2.5-coder-0.5b-instruct") is None
    with pytest.raises(AdapterNotFoundError, match="no LoRA adapter named 'nope'"):
        fitting_adapter("nope", "smollm2-135m-instruct")
