"""``peoa config``: inspect the effective configuration."""

from __future__ import annotations

import typer

from peoa.cli.output import JsonFlag, emit
from peoa.config import load_settings

app = typer.Typer(help="Inspect the configuration.", no_args_is_help=True)


@app.command("show")
def show(json_: JsonFlag = False) -> None:
    """Print the effective configuration, secrets masked."""
    emit(load_settings().public_dict(), json_)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="config")
