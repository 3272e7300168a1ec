"""``peoa tools``: list the engineering tools, show one's page, run one with JSON arguments."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from peoa.cli.output import JsonFlag, console, emit
from peoa.exceptions import ToolInputError

app = typer.Typer(help="List and run the engineering tools.", no_args_is_help=True)


def _render_list(rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table("topic", "name", "description", "reference", show_lines=False)
    for row in rows:
        table.add_row(
            row["topic"], row["name"], row["description"].split("\n")[0], row["reference"]
        )
    console.print(table)
    console.print(f"{len(rows)} tools")


@app.command("list")
def list_tools(
    topic: Annotated[str | None, typer.Option("--topic", help="Only this topic.")] = None,
    json_: JsonFlag = False,
) -> None:
    """List the tools, by topic: name, description, reference (and inputs with --json)."""
    from peoa.tools import get_registry

    tools = get_registry().list(topic)
    emit([item.doc() for item in tools], json_, _render_list)


@app.command("show")
def show_tool(
    name: Annotated[str, typer.Argument(help="Tool name, e.g. pipe_pressure_drop.")],
    json_: JsonFlag = False,
) -> None:
    """Show one tool's page: what it computes, its parameters and returns with units,
    where it is valid, its references and an example (the numpydoc layout)."""
    from peoa.tools import get_registry

    tool = get_registry().get(name)
    page = tool.__doc__ or ""
    emit({"name": tool.name, "topic": tool.topic, "page": page}, json_,
         lambda _: console.print(page, markup=False, highlight=False, soft_wrap=True))  # fmt: skip


def _render_result(result: Any) -> None:
    from rich.table import Table

    table = Table("output", "value", "unit")
    for name, value in result.outputs.items():
        shown = f"{value.value:.6g}" if isinstance(value.value, float) else str(value.value)
        table.add_row(name, shown, value.unit or "")
    console.print(f"[bold]{result.tool}[/bold]" + (f" ({result.method})" if result.method else ""))
    console.print(table)
    for warning in result.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
    console.print(f"reference: {result.reference}")


@app.command("run")
def run_tool(
    name: Annotated[str, typer.Argument(help="Tool name, e.g. reynolds_number.")],
    args: Annotated[
        str,
        typer.Option(
            "--args",
            help='Arguments as a JSON object, e.g. \'{"diameter": {"value": 50, "unit": "mm"}}\'.',
        ),
    ] = "{}",
    json_: JsonFlag = False,
) -> None:
    """Run one tool with its arguments given as a JSON object."""
    from peoa.tools import get_registry

    try:
        arguments = json.loads(args)
    except json.JSONDecodeError as error:
        raise ToolInputError(
            f"--args is not valid JSON ({error.msg} at line {error.lineno} "
            f"column {error.colno}); give a JSON object"
        ) from None
    if not isinstance(arguments, dict):
        raise ToolInputError("--args must be a JSON object of argument names to values")
    result = get_registry().run(name, arguments)
    emit(result, json_, _render_result)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="tools")
