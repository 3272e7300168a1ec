"""``peoa eval``: run PEOA (and baselines) over datasets and report accuracy."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from peoa.cli.output import JsonFlag, RayAddress, console, emit, err_console


def _settings(config: Path | None) -> Any:
    """The settings in effect; ``--config`` makes FILE the ``peoa.toml`` for this run."""
    from peoa.config import get_settings

    if config is not None:
        if not config.is_file():
            raise typer.BadParameter(f"{config} is not a file", param_hint="--config")
        # Through PEOA_CONFIG, so every part that reads get_settings() (models by role,
        # the embedder, Neo4j) sees the same file; PEOA_* variables still win over it.
        os.environ["PEOA_CONFIG"] = str(config.resolve())
        get_settings.cache_clear()
    return get_settings()


def eval_(
    datasets: Annotated[list[Path], typer.Argument(help="JSONL datasets.")],
    config: Annotated[
        Path | None,
        typer.Option("--config", help="A peoa.toml whose settings apply to this run."),
    ] = None,
    out: Annotated[
        Path,
        typer.Option("--out", help="Folder for results, summary.json and the reports."),
    ] = Path("eval-results"),
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only the first N items.")
    ] = None,
    sample: Annotated[
        int | None,
        typer.Option(
            "--sample",
            min=1,
            help="A stratified sample of N items: spread evenly over the categories, "
            "drawn with --seed (the same N and seed give the same items).",
        ),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of --sample.")] = 0,
    concurrency: Annotated[
        int, typer.Option("--concurrency", min=1, max=64, help="Items in flight at once.")
    ] = 1,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip items already in the results files.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop at the first malformed line.")
    ] = False,
    baselines: Annotated[
        list[str] | None,
        typer.Option(
            "--baselines",
            help="Also run: direct, no-graph, no-revision, no-adapters, openai[:MODEL], react, "
            "or all (repeat or separate with commas).",
        ),
    ] = None,
    backend: Annotated[
        str, typer.Option("--backend", help="local (threads) or ray (one Ray task per item).")
    ] = "local",
    ray_address: RayAddress = None,
    json_: JsonFlag = False,
) -> None:
    """Solve every item; write per-item JSONL, a summary, and markdown and HTML reports."""
    from langgraph.checkpoint.memory import InMemorySaver

    from peoa.agent import Assistant
    from peoa.evaluation import load_dataset, run_suite
    from peoa.evaluation.metrics import stratified_sample
    from peoa.evaluation.variants import parse_baselines

    if backend not in ("local", "ray"):
        raise typer.BadParameter("use local or ray", param_hint="--backend")
    chosen_backend: Literal["local", "ray"] = "ray" if backend == "ray" else "local"
    if chosen_backend == "ray":
        from peoa.workers import import_ray

        import_ray()  # say so before any model loads
    wanted = parse_baselines(baselines or [])
    settings = _settings(config)
    items = []
    problems = []
    for path in datasets:
        loaded, skipped = load_dataset(path, strict=strict)
        items += loaded
        problems += skipped
    for problem in problems:
        err_console.print(f"skipped {problem.path}:{problem.line}: {problem.message}")
    if sample:
        items = stratified_sample(items, sample, lambda item: item.category, seed)
    items = items[:limit] if limit else items
    # Eval items are independent questions: keep them out of the conversation memory.
    assistant = Assistant(settings, checkpointer=InMemorySaver())
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[correct]} correct"),
            TimeElapsedColumn(),
            console=err_console,
            disable=json_,
        ) as progress:
            tasks: dict[str, Any] = {}
            correct: dict[str, int] = {}

            def on_start(name: str, total: int) -> None:
                correct[name] = 0
                tasks[name] = progress.add_task(name, total=total, correct=0)

            def on_item(name: str, record: Any) -> None:
                correct[name] += int(record.correct)
                progress.update(tasks[name], advance=1, correct=correct[name])

            document = run_suite(
                items,
                out,
                settings=settings,
                assistant=assistant,
                baselines=wanted,
                concurrency=concurrency,
                resume=resume,
                backend=chosen_backend,
                ray_address=ray_address,
                skipped_lines=problems,
                on_start=on_start,
                on_item=on_item,
            )
    finally:
        assistant.close()

    def render(data: dict[str, Any]) -> None:
        table = Table("category", "accuracy")
        for category, accuracy in data["per_category"].items():
            table.add_row(category, f"{accuracy:.0%}")
        console.print(table)
        if len(data["variants"]) > 1:
            compare = Table("variant", "accuracy", "unit ok", "p50 s", "note")
            for variant in data["variants"]:
                s = variant["summary"]
                if s is None:
                    compare.add_row(variant["name"], "", "", "", f"skipped: {variant['skipped']}")
                else:
                    compare.add_row(variant["name"], f"{s['accuracy']:.1%}",
                                    f"{s['unit_correctness']:.1%}", f"{s['latency_p50_s']:.1f}",
                                    "")  # fmt: skip
            console.print(compare)
        low, high = data.get("accuracy_ci95") or (0.0, 1.0)
        console.print(
            f"accuracy {data['accuracy']:.1%} (95 % CI {low:.1%}-{high:.1%}) over "
            f"{data['items']} items; confident wrong {data.get('confident_wrong', 0):.1%}; "
            f"median {data['latency_p50_s']:.1f} s; results and report.html in {out}"
        )

    emit(document, json_, render)


def register(root: typer.Typer) -> None:
    root.command("eval")(eval_)
