"""``peoa ingest``, ``peoa retrieve`` and ``peoa graph migrate|delete|stats|load-tools``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from peoa.cli.output import JsonFlag, RayAddress, console, emit, err_console
from peoa.config import load_settings

if TYPE_CHECKING:
    from neo4j import Driver

    from peoa.graph.ingest import Ingestor, IngestReport
    from peoa.graph.retrieve import RetrieverResult

app = typer.Typer(
    help="Manage the knowledge graph: schema, documents, tools.", no_args_is_help=True
)


def _driver() -> Driver:
    from peoa.neo4j_server import open_driver, quiet_driver_logs

    quiet_driver_logs()
    return open_driver(load_settings())


def _database() -> str:
    return load_settings().neo4j.database


def _ingestor(driver: Driver, *, llm: bool, progress: Any = None) -> Ingestor:
    from peoa.graph import Ingestor, migrate
    from peoa.llm import get_embedder

    migrate(driver, _database())
    llm_extractor = None
    if llm:
        from peoa.graph.llm_extract import LLMExtractor

        llm_extractor = LLMExtractor.from_config()
    return Ingestor(
        driver, get_embedder(), llm_extractor=llm_extractor, database=_database(), progress=progress
    )


def _render_ingest(report: IngestReport) -> None:
    from rich.table import Table

    table = Table("file", "status", "chunks", "entities", "seconds", "message")
    for item in report.files:
        colour = {"error": "red", "unchanged": "dim", "updated": "yellow"}.get(item.status, "green")
        table.add_row(
            item.path,
            f"[{colour}]{item.status}[/{colour}]",
            str(item.chunks),
            str(item.entities),
            f"{item.seconds:.2f}",
            item.message or "",
        )
    console.print(table)
    console.print(", ".join(f"{k}: {v}" for k, v in report.summary().items()))


def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders (md, txt, pdf, csv, xlsx).")
    ] = None,
    bundled: Annotated[
        bool, typer.Option("--bundled", help="Ingest PEOA's own knowledge base and tool docs.")
    ] = False,
    tools: Annotated[
        bool, typer.Option("--tools", help="Also load the tool registry's documentation.")
    ] = False,
    llm: Annotated[
        bool,
        typer.Option("--llm", help="Add the (slow) LLM extraction pass to the rule-based one."),
    ] = False,
    backend: Annotated[
        str, typer.Option("--backend", help="local, or ray: each document a Ray task.")
    ] = "local",
    ray_address: RayAddress = None,
    json_: JsonFlag = False,
) -> None:
    """Ingest documents into the knowledge graph (re-ingesting unchanged files does nothing)."""
    if backend not in ("local", "ray"):
        raise typer.BadParameter("use local or ray", param_hint="--backend")
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from peoa.graph.ingest import IngestReport, expand_paths

    if not paths and not bundled and not tools:
        raise typer.BadParameter("give files or folders, or --bundled (or --tools)")
    files = expand_paths(paths or [])
    reports = []
    show = not json_ and err_console.is_terminal
    with (
        _driver() as driver,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total} files · {task.fields[chunks]} chunks"),
            TimeElapsedColumn(),
            console=err_console,
            disable=not show,
        ) as bar,
    ):
        total = len(files) + (1 if bundled else 0) + (1 if tools and not bundled else 0)
        task = bar.add_task("ingesting", total=total, chunks=0)
        written: dict[str, int] = {}

        def progress(source: str, chunks: int) -> None:
            written[source] = chunks
            total = sum(written.values())
            bar.update(task, description=Path(source).name[-40:], chunks=total)

        ingestor = _ingestor(driver, llm=llm, progress=progress)
        if backend == "ray":
            from peoa.graph.ray_ingest import ingest_on_ray

            reports.extend(
                ingest_on_ray(files, load_settings(), address=ray_address, llm=llm,
                              on_report=lambda _: bar.advance(task))
            )  # fmt: skip
        else:
            reports.extend(ingestor.ingest_many([(path, None) for path in files]))
        bar.update(task, completed=len(files))
        if bundled:
            from peoa.graph.bundled import ingest_bundled

            reports.extend(ingest_bundled(ingestor, tools=True).files)
            bar.advance(task)
        elif tools:
            from peoa.graph.tools_loader import load_tools

            reports.append(load_tools(ingestor))
            bar.advance(task)
    report = IngestReport(files=reports)
    emit(
        {"files": report.files, "summary": report.summary()},
        json_,
        lambda _: _render_ingest(report),
    )
    if report.failed:
        raise typer.Exit(1)


def _render_results(result: RetrieverResult) -> None:
    if not result.items:
        console.print("[yellow]nothing relevant in the graph[/yellow]")
    for number, item in enumerate(result.items, start=1):
        console.rule(f"[bold]{number}[/bold] {item.citation()}  score {item.score:.4f}")
        console.print(item.text, markup=False, highlight=False)
        if item.entities:
            names = ", ".join(f"{e.name} ({e.label})" for e in item.entities[:12])
            console.print(f"[dim]entities: {names}[/dim]")
        if item.tools:
            console.print(f"[dim]tools: {', '.join(item.tools)}[/dim]")
    if result.tools:
        console.print("tools: " + ", ".join(f"{t.name} ({t.score:.2f})" for t in result.tools))


def retrieve(
    query: Annotated[str, typer.Argument(help="What to look for.")],
    k: Annotated[int, typer.Option("--k", "-k", min=1, max=100, help="How many results.")] = 5,
    mode: Annotated[
        str, typer.Option("--mode", "-m", help="vector, fulltext, hybrid or graph.")
    ] = "hybrid",
    json_: JsonFlag = False,
) -> None:
    """Find the passages of the knowledge graph that answer QUERY, with their sources."""
    from peoa.graph.retrieve import make_retriever
    from peoa.llm import get_embedder

    if mode not in ("vector", "fulltext", "hybrid", "graph"):
        raise typer.BadParameter(
            "mode must be vector, fulltext, hybrid or graph", param_hint="--mode"
        )
    with _driver() as driver:
        retriever = make_retriever(mode, driver, get_embedder(), database=_database())  # type: ignore[arg-type]  # checked against Mode above
        result = retriever.search(query, k)
    emit(result, json_, _render_results)


@app.command("migrate")
def migrate_cmd(json_: JsonFlag = False) -> None:
    """Create the graph's constraints and indexes; safe to run any number of times."""
    from peoa.graph import migrate

    with _driver() as driver:
        report = migrate(driver, _database())
    emit(
        report,
        json_,
        lambda r: console.print(
            f"schema version {r.schema_version}, migration {r.migration_version}: "
            f"applied {', '.join(r.applied) or 'nothing'}"
        ),
    )


@app.command("delete")
def delete_cmd(
    document: Annotated[str, typer.Argument(help="Document id, file path or file name.")],
    json_: JsonFlag = False,
) -> None:
    """Remove a document, its chunks, and the entities only it mentioned."""
    from peoa.graph import delete_document

    with _driver() as driver:
        report = delete_document(driver, document, _database())
    emit(
        report,
        json_,
        lambda r: console.print(
            f"deleted {r.source}: {r.chunks} chunks, {r.orphans_removed} orphaned entities"
        ),
    )


@app.command("stats")
def stats_cmd(json_: JsonFlag = False) -> None:
    """Count documents, chunks, entities and relationships; list the documents."""
    from peoa.graph import graph_stats

    with _driver() as driver:
        stats = graph_stats(driver, _database())
        records, _, _ = driver.execute_query(
            "MATCH (d:Document) RETURN d.id AS id, d.source AS source, d.chunk_count AS chunks, "
            "d.content_hash AS content_hash ORDER BY d.source",
            database_=_database(),
            routing_="r",
        )
    data = stats.model_dump() | {"document_list": [dict(r) for r in records]}
    emit(data, json_, lambda d: console.print({k: v for k, v in d.items() if k != "document_list"}))


@app.command("load-tools")
def load_tools_cmd(json_: JsonFlag = False) -> None:
    """Load the engineering tools' documentation as Tool nodes (same as ingest --tools)."""
    from peoa.graph.tools_loader import load_tools

    with _driver() as driver:
        report = load_tools(_ingestor(driver, llm=False))
    emit(report, json_)
    if report.status == "error":
        raise typer.Exit(1)


def register(root: typer.Typer) -> None:
    root.command("ingest")(ingest)
    root.command("retrieve")(retrieve)
    root.add_typer(app, name="graph")
