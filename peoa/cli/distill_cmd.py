"""``peoa distill``: generate verified trajectories, train LoRA adapters, evaluate them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from peoa.cli.output import JsonFlag, console, emit, err_console

app = typer.Typer(
    help="Teacher-student distillation: trajectories, LoRA training, evaluation, adapters.",
    no_args_is_help=True,
)

RoleOption = Annotated[
    str, typer.Option("--role", help="action_generator, calculation (or all, for generate).")
]


def _progress(label: str) -> Any:
    def show(index: int, total: int) -> None:
        if index == total or index % 10 == 0:
            err_console.print(f"{label}: {index}/{total}", highlight=False)

    return show


@app.command("generate")
def generate_cmd(
    out: Annotated[Path, typer.Option("--out", help="Folder for the JSONL files and datasheet.")],
    role: RoleOption = "all",
    n: Annotated[
        int, typer.Option("--n", help="Problems to draw (each gives several examples).")
    ] = 200,
    teacher: Annotated[
        str | None,
        typer.Option(
            "--teacher",
            help="programmatic, openai:<model>, or a local model name; default openai:gpt-4o "
            "when OPENAI_API_KEY is set, else programmatic.",
        ),
    ] = None,
    seed: Annotated[int, typer.Option("--seed")] = 0,
    json_: JsonFlag = False,
) -> None:
    """Have a teacher solve templated problems in PEOA's runtime; keep the verified calls."""
    from peoa.distill.generate import generate
    from peoa.distill.teachers import default_teacher_name

    sheet = generate(
        role,  # type: ignore[arg-type]  # generate rejects an unknown role by name
        n,
        teacher or default_teacher_name(),
        out,
        seed=seed,
        progress=_progress("problems") if not json_ else None,
    )
    emit(sheet, json_, lambda s: console.print(s.markdown(), highlight=False))


@app.command("train")
def train_cmd(
    data: Annotated[Path, typer.Option("--data", help="A folder made by 'peoa distill generate'.")],
    role: RoleOption = "calculation",
    base: Annotated[
        str, typer.Option("--base", help="The student's GGUF model name or path.")
    ] = "smollm2-135m-instruct",
    out: Annotated[
        Path | None, typer.Option("--out", help="Run folder (default: <data>/runs/<name>).")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help="Adapter name in the registry.")
    ] = None,
    max_steps: Annotated[int, typer.Option("--max-steps")] = 200,
    epochs: Annotated[float, typer.Option("--epochs")] = 3.0,
    rank: Annotated[int, typer.Option("--rank", help="LoRA rank.")] = 16,
    learning_rate: Annotated[float, typer.Option("--lr")] = 5e-4,
    batch_size: Annotated[int, typer.Option("--batch-size")] = 4,
    grad_accumulation: Annotated[int, typer.Option("--grad-accumulation")] = 2,
    max_length: Annotated[int, typer.Option("--max-length")] = 1024,
    packing: Annotated[
        bool, typer.Option("--packing/--no-packing", help="Pack short examples together.")
    ] = True,
    max_minutes: Annotated[
        float | None,
        typer.Option("--max-minutes", help="Stop after this much training; still export."),
    ] = None,
    registry: Annotated[
        Path | None,
        typer.Option(
            "--registry", help="Register in this folder (default: the user's; adapters/ ships)."
        ),
    ] = None,
    json_: JsonFlag = False,
) -> None:
    """LoRA SFT of the student (TRL + PEFT); resumes an interrupted run; exports GGUF."""
    from peoa.distill.train import TrainConfig, train

    name = name or f"{role}-{Path(base).stem}-lora"
    config = TrainConfig(
        max_steps=max_steps, epochs=epochs, lora_rank=rank, lora_alpha=2.0 * rank,
        learning_rate=learning_rate, batch_size=batch_size,
        grad_accumulation=grad_accumulation, max_length=max_length, packing=packing,
        max_minutes=max_minutes,
    )  # fmt: skip
    report = train(
        role, base, data, out or data / "runs" / name, name=name, config=config,
        registry_dir=registry,
    )  # fmt: skip
    emit(
        report,
        json_,
        lambda r: console.print(
            f"adapter {r.name}: {r.steps} steps in {r.seconds:.0f} s, loss "
            f"{r.losses[0]:.3f} -> {r.losses[-1]:.3f}; {r.gguf} (registered in {r.registry})"
            if r.losses
            else f"adapter {r.name}: {r.gguf}",
            highlight=False,
        ),
    )


@app.command("evaluate")
def evaluate_cmd(
    data: Annotated[Path, typer.Option("--data", help="A folder made by 'peoa distill generate'.")],
    role: RoleOption = "calculation",
    base: Annotated[str, typer.Option("--base")] = "smollm2-135m-instruct",
    adapter: Annotated[
        str | None, typer.Option("--adapter", help="Registered adapter name or GGUF path.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", help="At most this many problems.")
    ] = None,
    record: Annotated[
        bool,
        typer.Option("--record", help="Write the scores into the adapter's registry entry."),
    ] = False,
    json_: JsonFlag = False,
) -> None:
    """Base model vs base + adapter on the held-back test split."""
    from peoa.distill.evaluate import evaluate

    report = evaluate(
        role, base, data, adapter=adapter, limit=limit, progress=None if json_ else _progress_eval
    )
    if record and adapter and report.adapter is not None:
        from peoa.llm.adapters import record_metrics

        record_metrics(adapter, report.registry_metrics())

    def render(r: Any) -> None:
        from rich.table import Table

        table = Table("metric", "base", "adapter", "gain (points)")
        base, adapted, gains = r.base_rows(), r.adapter_rows(), r.gains()
        for key, value in base.items():
            other = adapted.get(key)
            if key == "tokens_per_s":
                shown, gain = (
                    f"{value:.1f}",
                    (f"x{gains['tokens_per_s_ratio']:.2f}" if gains else "-"),
                )
                table.add_row(key, shown, f"{other:.1f}" if other is not None else "-", gain)
                continue
            gain_value = gains.get(key)
            table.add_row(key, f"{100 * value:.1f} %",
                          f"{100 * other:.1f} %" if other is not None else "-",
                          f"{gain_value:+.1f}" if gain_value is not None else "-")  # fmt: skip
        for kind, accuracy in r.ranking.items():
            table.add_row(f"{kind}_accuracy (ranking alone)", f"{100 * accuracy:.1f} %", "", "")
        console.print(f"{r.role} on {r.base.problems} held-back problems ({r.data})")
        console.print(table)

    emit(report, json_, render)


def _progress_eval(label: str, index: int, total: int) -> None:
    if index == total or index % 10 == 0:
        err_console.print(f"{label}: {index}/{total}", highlight=False)


@app.command("adapters")
def adapters_cmd(json_: JsonFlag = False) -> None:
    """List the registered LoRA adapters."""
    from peoa.llm.adapters import list_adapters

    records = list(list_adapters().values())

    def render(rows: list[Any]) -> None:
        from rich.table import Table

        table = Table("name", "role", "base", "steps", "metrics", "file")
        for r in rows:
            metrics = ", ".join(f"{k}={v:.3g}" for k, v in sorted(r.metrics.items()))
            table.add_row(r.name, r.role, r.base, str(r.steps), metrics, str(r.file))
        console.print(table)

    emit(
        [r.model_dump(mode="json") | {"file": str(r.file)} for r in records],
        json_,
        lambda _: render(records),
    )


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="distill")
