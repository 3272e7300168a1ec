"""``peoa eval``: run PEOA over datasets and report accuracy."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from peoa.cli.output import JsonFlag, console, emit, err_console


def eval_(
    datasets: Annotated[list[Path], typer.Argument(help="JSONL datasets.")],
    out: Annotated[
        Path, typer.Option("--out", help="Folder for results.jsonl and summary.json.")
    ] = Path("eval-results"),
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only the first N items.")
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip items already in results.jsonl.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop at the first malformed line.")
    ] = False,
    json_: JsonFlag = False,
) -> None:
    """Solve every item and report accuracy, per category, latency and tokens."""
    from peoa.agent import Assistant
    from peoa.evaluation import evaluate, load_dataset, summarise
    from peoa.evaluation.runner import write_summary

    items = []
    problems = []
    for path in datasets:
        loaded, skipped = load_dataset(path, strict=strict)
        items += loaded
        problems += skipped
    for problem in problems:
        err_console.print(f"skipped {problem.path}:{problem.line}: {problem.message}")
    items = items[:limit] if limit else items
    assistant = Assistant()
    try:
        with Progress(console=err_console, disable=json_) as progress:
            task = progress.add_task("evaluating", total=len(items))
            records = evaluate(
                items,
                assistant.solve,
                out / "results.jsonl",
                resume=resume,
                on_item=lambda _: progress.advance(task),
            )
    finally:
        assistant.close()
    summary = summarise(records)
    out.mkdir(parents=True, exist_ok=True)
    write_summary(summary, out / "summary.json")
    payload = summary.model_dump() | {"skipped_lines": [p.model_dump() for p in problems]}

    def render(data: dict) -> None:  # type: ignore[type-arg]
        table = Table("category", "accuracy")
        for category, accuracy in data["per_category"].items():
            table.add_row(category, f"{accuracy:.0%}")
        console.print(table)
        console.print(
            f"accuracy {data['accuracy']:.1%} over {data['items']} items; "
            f"median {data['latency_p50_s']:.1f} s; results in {out}"
        )

    emit(payload, json_, render)


def register(root: typer.Typer) -> None:
    root.command("eval")(eval_)
