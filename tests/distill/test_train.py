"""LoRA training on tiny data: the loss falls, the adapter changes, it exports to GGUF,
llama.cpp loads it and generates differently, and an interrupted run resumes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

pytest.importorskip("trl", reason="training needs the 'distill' extra: pip install 'peoa[distill]'")

from transformers import TrainerCallback

from peoa.distill.base import base_gguf
from peoa.distill.train import TrainConfig, train
from peoa.llm.adapters import list_adapters, resolve_adapter

BASE = "smollm2-135m-instruct"
PROMPT = [{"role": "user", "content": "Which tool sizes a relief valve?"}]
REPLY = '{"tool": "relief_valve_gas"}'

TINY = TrainConfig(
    max_steps=8, epochs=100, batch_size=2, grad_accumulation=1, max_length=64,
    learning_rate=3e-3, save_steps=2, logging_steps=1, lora_rank=8, lora_alpha=16,
    packing=False,
)  # fmt: skip


def _tiny_data(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    record = {
        "id": "t",
        "role": "calculation",
        "messages": [*PROMPT, {"role": "assistant", "content": REPLY}],
    }
    lines = "".join(json.dumps(record | {"id": f"t{i}"}) + "\n" for i in range(8))
    # One example longer than max_length: it must be left out, not cut before its reply.
    long_prompt = [{"role": "user", "content": "Which tool sizes a relief valve? " * 20}]
    long = record | {"id": "long", "messages": [*long_prompt, record["messages"][-1]]}
    lines += json.dumps(long) + "\n"
    (folder / "train.jsonl").write_text(lines)
    return folder


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("distill")
    data = _tiny_data(root / "data")
    report = train(
        "calculation", BASE, data, root / "run", name="tiny-test-lora", config=TINY,
        registry_dir=root / "registry",
    )  # fmt: skip
    return report, root


def test_training_lowers_the_loss_and_changes_the_adapter(trained) -> None:
    from safetensors.torch import load_file

    report, _ = trained
    assert report.steps == TINY.max_steps
    assert (report.train_examples, report.dropped_too_long) == (8, 1)
    assert report.losses[-1] < report.losses[0]
    weights = load_file(str(report.peft / "adapter_model.safetensors"))
    lora_b = [t for k, t in weights.items() if "lora_B" in k]
    assert lora_b and any(float(t.abs().max()) > 0 for t in lora_b)  # PEFT starts B at zero


def test_exported_adapter_loads_in_llama_cpp_and_changes_generation(trained, monkeypatch) -> None:
    from peoa.llm.llama import LlamaCppLLM

    _report, root = trained
    monkeypatch.setenv("PEOA_ADAPTERS_DIR", str(root / "registry"))
    assert "tiny-test-lora" in list_adapters()
    path = resolve_adapter("tiny-test-lora")
    assert path.is_file() and path.suffix == ".gguf"
    assert list_adapters()["tiny-test-lora"].sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    llm = LlamaCppLLM(BASE, base_gguf(BASE), n_ctx=512)
    base_text = llm.chat(PROMPT, max_tokens=16).text
    adapted_text = llm.chat(PROMPT, max_tokens=16, adapter=str(path)).text
    assert adapted_text != base_text
    assert "relief_valve_gas" in adapted_text


class _Interrupt(TrainerCallback):
    """Stops the process the way Ctrl-C would, right after step ``at``."""

    def __init__(self, at: int) -> None:
        self.at = at

    def on_step_end(self, args, state, control, **kwargs):  # type: ignore[no-untyped-def]
        if state.global_step == self.at:
            raise KeyboardInterrupt


def test_an_interrupted_run_resumes_from_its_last_checkpoint(tmp_path: Path) -> None:
    data = _tiny_data(tmp_path / "data")
    config = TINY.model_copy(update={"max_steps": 3})
    with pytest.raises(KeyboardInterrupt):
        train("calculation", BASE, data, tmp_path / "run", config=config, register=False,
              callbacks=[_Interrupt(3)])  # fmt: skip
    assert (tmp_path / "run" / "checkpoints" / "checkpoint-2").is_dir()
    report = train("calculation", BASE, data, tmp_path / "run", config=config, register=False)
    assert report.resumed_from == 2
    assert report.steps == 3
