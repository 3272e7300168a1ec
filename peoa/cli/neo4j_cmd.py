"""Placeholder replaced in the next commit."""

import typer


def register(root: typer.Typer) -> None:
    pass
