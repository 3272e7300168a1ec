"""``peoa neo4j``: run PEOA's own Neo4j, or check the one NEO4J_URI names."""

from __future__ import annotations

from typing import Annotated

import typer

from peoa.cli.output import JsonFlag, console, emit
from peoa.config import load_settings
from peoa.neo4j_server import ManagedNeo4j, Neo4jStatus, open_driver

app = typer.Typer(help="Run PEOA's own Neo4j server.", no_args_is_help=True)


def _external_status() -> Neo4jStatus:
    settings = load_settings()
    assert settings.neo4j.uri is not None
    with open_driver(settings, start=False) as driver:
        records, _, _ = driver.execute_query(
            "CALL dbms.components() YIELD versions RETURN versions"
        )
    return Neo4jStatus(
        managed=False, running=True, uri=settings.neo4j.uri, version=records[0]["versions"][0]
    )


def _render(status: Neo4jStatus) -> None:
    state = "[green]running[/green]" if status.running else "[red]stopped[/red]"
    kind = "managed by PEOA" if status.managed else "external (NEO4J_URI)"
    console.print(f"Neo4j {status.version or ''} {state} at {status.uri} ({kind})")
    if status.home:
        console.print(f"data: {status.home}")


@app.command("start")
def start(json_: JsonFlag = False) -> None:
    """Start Neo4j (nothing happens if it already runs or NEO4J_URI is set)."""
    settings = load_settings()
    if not settings.managed_neo4j:
        emit(_external_status(), json_, _render)
        return
    if not json_:
        console.print("starting Neo4j (the first start downloads it with Maven)...")
    emit(ManagedNeo4j(settings).start(), json_, _render)


@app.command("stop")
def stop(json_: JsonFlag = False) -> None:
    """Stop PEOA's own Neo4j cleanly; the data stays."""
    settings = load_settings()
    if not settings.managed_neo4j:
        emit({"stopped": False, "reason": "NEO4J_URI is set; PEOA manages no server"}, json_)
        return
    stopped = ManagedNeo4j(settings).stop()
    emit(
        {"stopped": stopped},
        json_,
        lambda _: console.print("Neo4j stopped" if stopped else "Neo4j was not running"),
    )


@app.command("status")
def status(json_: JsonFlag = False) -> None:
    """Say whether Neo4j runs and where."""
    settings = load_settings()
    result = ManagedNeo4j(settings).status() if settings.managed_neo4j else _external_status()
    emit(result, json_, _render)
    if not result.running:
        raise typer.Exit(3)


@app.command("logs")
def logs(lines: Annotated[int, typer.Option("--lines", "-n", min=1)] = 50) -> None:
    """Show the end of the managed server's logs."""
    settings = load_settings()
    if not settings.managed_neo4j:
        console.print("NEO4J_URI is set: read that server's logs where it runs")
        return
    typer.echo(ManagedNeo4j(settings).logs(lines))


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="neo4j")
