"""How commands print: a rich rendering for people, or JSON with ``--json``."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from pydantic import BaseModel
from rich.console import Console

__all__ = ["JsonFlag", "RayAddress", "console", "emit", "err_console"]

console = Console()
err_console = Console(stderr=True)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
# Shared by every command that can run on Ray (eval, ingest).
RayAddress = Annotated[
    str | None,
    typer.Option("--ray-address", help="Ray cluster (ray://host:10001, auto); default local."),
]


def _plain(data: Any) -> Any:
    if isinstance(data, BaseModel):
        return data.model_dump(mode="json")
    if isinstance(data, list | tuple):
        return [_plain(item) for item in data]
    if isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    return data


def emit(data: Any, as_json: bool, render: Any = None) -> None:
    """Print ``data`` as JSON on stdout, or hand it to ``render`` (default: pretty print)."""
    if as_json:
        sys.stdout.write(json.dumps(_plain(data), indent=2, default=str) + "\n")
    elif render is not None:
        render(data)
    else:
        console.print(_plain(data))
