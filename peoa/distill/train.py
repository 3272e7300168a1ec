"""``peoa distill train``: LoRA SFT of a student on generated trajectories (TRL + PEFT).

The base is the local GGUF model, read by transformers (:mod:`peoa.distill.base`).
Each record becomes a conversational prompt/completion pair, so the loss falls on
the teacher's reply only and the chat template is the model's own (the one
llama.cpp applies at inference). On a CPU the budget is kept small: short
sequences packed together, gradient accumulation, a step limit. With a CUDA GPU and
``bitsandbytes`` installed the base is loaded in 4 bits (QLoRA).

Checkpoints go to ``<out>/checkpoints`` every ``save_steps``; running the same command
again after an interruption resumes from the last one. At the end the adapter is
saved in PEFT form (``<out>/peft``), exported to ``<out>/<name>.gguf`` for llama.cpp,
and registered by name.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from peoa.distill.errors import DistillError
from peoa.distill.generate import load_split
from peoa.llm.adapters import AdapterRecord, register_adapter, user_adapter_dir

__all__ = ["TrainConfig", "TrainReport", "data_hash", "to_prompt_completion", "train"]

TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


class TrainConfig(BaseModel):
    """The knobs of one training run (CPU-friendly defaults)."""

    lora_rank: int = 16
    lora_alpha: float = 32.0
    lora_dropout: float = 0.05
    learning_rate: float = 5e-4
    max_steps: int = 200
    epochs: float = 3.0  # the run stops at whichever of max_steps and epochs comes first
    batch_size: int = 4
    grad_accumulation: int = 2
    max_length: int = 1024
    packing: bool = True
    save_steps: int = 25
    logging_steps: int = 5
    seed: int = 0
    threads: int | None = None
    max_minutes: float | None = None  # stop (and still export) after this much training time


class TrainReport(BaseModel):
    """What a run produced."""

    name: str
    base: str
    role: str
    steps: int
    resumed_from: int | None
    train_examples: int
    dropped_too_long: int = 0  # examples longer than max_length, left out rather than cut
    losses: list[float]
    eval_loss: float | None
    seconds: float
    gguf: Path
    peft: Path
    registry: Path | None
    data_hash: str


def data_hash(data: Path) -> str:
    """sha256 of the train and validation files (what the adapter learnt from)."""
    digest = hashlib.sha256()
    for split in ("train", "validation"):
        path = data / f"{split}.jsonl"
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def to_prompt_completion(records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records (chat messages ending with the reply) as TRL prompt/completion rows."""
    rows = []
    for record in records:
        messages = record["messages"]
        if not messages or messages[-1]["role"] != "assistant":
            raise DistillError(f"record {record.get('id')} does not end with the assistant's reply")
        rows.append({"prompt": messages[:-1], "completion": messages[-1:]})
    return rows


def _length(tokenizer: Any, row: dict[str, Any]) -> int:
    """Tokens of a prompt/completion row under the model's chat template."""
    text = tokenizer.apply_chat_template(row["prompt"] + row["completion"], tokenize=False)
    return len(tokenizer(text, add_special_tokens=False)["input_ids"])


def _last_checkpoint(folder: Path) -> Path | None:
    points = [p for p in folder.glob("checkpoint-*") if (p / "trainer_state.json").is_file()]
    return max(points, key=lambda p: int(p.name.split("-")[1]), default=None)


def train(
    role: str,
    base: str,
    data: Path,
    out: Path,
    *,
    name: str | None = None,
    config: TrainConfig | None = None,
    register: bool = True,
    registry_dir: Path | None = None,
    callbacks: Sequence[Any] = (),
) -> TrainReport:
    """Fine-tune a LoRA adapter for ``role`` on ``base`` with the data in ``data``."""
    from peoa.distill.base import load_base, require_training_packages

    require_training_packages()
    import torch
    from peft import LoraConfig
    from trl import SFTConfig, SFTTrainer

    from datasets import Dataset

    config = config or TrainConfig()
    name = name or f"{role}-{Path(base).stem}-lora"
    records = load_split(data, "train", role)
    if not records:
        raise DistillError(
            f"{data}/train.jsonl holds no {role!r} examples: generate with --role {role} or all"
        )
    validation = (
        load_split(data, "validation", role) if (data / "validation.jsonl").is_file() else []
    )
    if config.threads:
        torch.set_num_threads(config.threads)
    torch.manual_seed(config.seed)
    model, tokenizer, gguf_path = load_base(base)
    # A cut example would lose its reply (the only tokens with a loss), so drop it.
    rows = to_prompt_completion(records)
    kept = [r for r in rows if _length(tokenizer, r) <= config.max_length]
    if not kept:
        raise DistillError(
            f"every {role!r} example is longer than max_length={config.max_length} tokens; "
            "raise --max-length"
        )
    gpu = torch.cuda.is_available()
    if gpu:
        model = _quantized_on_gpu(model, base)
    out.mkdir(parents=True, exist_ok=True)
    checkpoints = out / "checkpoints"
    resume = _last_checkpoint(checkpoints)
    args = SFTConfig(
        output_dir=str(checkpoints),
        max_steps=config.max_steps,
        num_train_epochs=config.epochs,
        per_device_train_batch_size=config.batch_size,
        gradient_accumulation_steps=config.grad_accumulation,
        learning_rate=config.learning_rate,
        lr_scheduler_type="cosine",
        warmup_steps=min(10, max(1, config.max_steps // 10)),
        logging_steps=config.logging_steps,
        save_steps=config.save_steps,
        save_total_limit=2,
        max_length=config.max_length,
        packing=config.packing,
        completion_only_loss=True,
        seed=config.seed,
        report_to="none",
        use_cpu=not gpu,
        bf16=gpu,
        dataloader_num_workers=0,
        disable_tqdm=True,
        eval_strategy="no",
        # Recomputing activations saves memory a 135M-0.5B student does not need on CPU,
        # at about a third more time per step.
        gradient_checkpointing=gpu,
    )
    peft_config = LoraConfig(
        r=config.lora_rank,
        lora_alpha=config.lora_alpha,  # type: ignore[arg-type]  # peft says int; any scale works
        lora_dropout=config.lora_dropout,
        target_modules=list(TARGETS),
        task_type="CAUSAL_LM",
    )
    trainer = SFTTrainer(
        model=model,
        args=args,
        train_dataset=Dataset.from_list(kept),
        processing_class=tokenizer,
        peft_config=peft_config,
        callbacks=[*callbacks, *([_time_limit(config.max_minutes)] if config.max_minutes else [])],
    )
    start = time.perf_counter()
    trainer.train(resume_from_checkpoint=str(resume) if resume else None)
    seconds = time.perf_counter() - start
    losses = [float(e["loss"]) for e in trainer.state.log_history if "loss" in e]
    eval_loss = _eval_loss(trainer, tokenizer, validation) if validation else None
    peft_dir = out / "peft"
    # a PeftModel, since the trainer was given a peft_config (transformers types it loosely)
    model_out: Any = trainer.model
    model_out.save_pretrained(str(peft_dir))
    from peoa.distill.export import export_gguf_adapter

    gguf_file = export_gguf_adapter(
        {k: v for k, v in model_out.state_dict().items() if "lora_" in k},
        out / f"{name}.gguf",
        base_gguf=gguf_path,
        alpha=config.lora_alpha,
        n_head=model.config.num_attention_heads,
        n_head_kv=getattr(model.config, "num_key_value_heads", None)
        or model.config.num_attention_heads,
        name=name,
    )
    digest = data_hash(data)
    registry_path = None
    if register:
        folder = registry_dir or user_adapter_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / gguf_file.name
        if target.resolve() != gguf_file.resolve():
            target.write_bytes(gguf_file.read_bytes())
        registry_path = register_adapter(
            AdapterRecord(
                name=name, base=base, role=role, path=target.name, data_hash=digest,
                sha256=hashlib.sha256(target.read_bytes()).hexdigest(),
                lora_rank=config.lora_rank, lora_alpha=config.lora_alpha,
                steps=int(trainer.state.global_step),
                created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                metrics={"train_loss": losses[-1] if losses else math.nan}
                | ({"eval_loss": eval_loss} if eval_loss is not None else {}),
            ),
            folder,
        )  # fmt: skip
    report = TrainReport(
        name=name, base=base, role=role, steps=int(trainer.state.global_step),
        resumed_from=int(resume.name.split("-")[1]) if resume else None,
        train_examples=len(kept), dropped_too_long=len(rows) - len(kept), losses=losses,
        eval_loss=eval_loss, seconds=seconds,
        gguf=gguf_file, peft=peft_dir, registry=registry_path, data_hash=digest,
    )  # fmt: skip
    (out / "train_report.json").write_text(report.model_dump_json(indent=2), encoding="utf-8")
    return report


def _time_limit(minutes: float) -> Any:
    """A callback that ends training once ``minutes`` have passed; the adapter is still
    saved, exported and registered, with the steps it reached."""
    from transformers import TrainerCallback

    class TimeLimit(TrainerCallback):
        def __init__(self) -> None:
            self.deadline = time.monotonic() + 60.0 * minutes

        def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> Any:
            if time.monotonic() >= self.deadline:
                control.should_training_stop = True
                control.should_save = True
            return control

    return TimeLimit()


def _eval_loss(trainer: Any, tokenizer: Any, records: Sequence[dict[str, Any]]) -> float:
    """Mean completion loss on the validation records (one pass, no packing)."""
    import torch

    model = trainer.model
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for row in to_prompt_completion(records[:64]):
            prompt = tokenizer.apply_chat_template(
                row["prompt"], tokenize=False, add_generation_prompt=True
            )
            full = tokenizer.apply_chat_template(row["prompt"] + row["completion"], tokenize=False)
            prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
            ids = tokenizer(full, add_special_tokens=False, return_tensors="pt")["input_ids"]
            labels = ids.clone()
            labels[:, : len(prompt_ids)] = -100
            loss = model(input_ids=ids.to(model.device), labels=labels.to(model.device)).loss
            total += float(loss)
            count += 1
    model.train()
    return total / max(count, 1)


def _quantized_on_gpu(model: Any, base: str) -> Any:
    """QLoRA: the base in 4-bit NF4 on the GPU when bitsandbytes is installed."""
    import torch

    try:
        import bitsandbytes  # noqa: F401
        from transformers import AutoModelForCausalLM, BitsAndBytesConfig
    except ImportError:
        return model.to("cuda")
    folder = Path(model.name_or_path)
    del model
    return AutoModelForCausalLM.from_pretrained(
        folder,
        quantization_config=BitsAndBytesConfig(
            load_in_4bit=True,
            bnb_4bit_quant_type="nf4",
            bnb_4bit_compute_dtype=torch.bfloat16,
        ),
        device_map={"": 0},
    )


def read_report(out: Path) -> dict[str, Any]:
    """The ``train_report.json`` of a finished run."""
    return json.loads((out / "train_report.json").read_text(encoding="utf-8"))
