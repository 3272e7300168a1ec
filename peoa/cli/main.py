"""Entry point of the ``peoa`` command.

Each command group lives in its own module and exposes ``app``; this module mounts
them and turns every :class:`~peoa.exceptions.PeoaError` into one line on stderr and
exit code 1, so a user mistake never shows a traceback.
"""

from __future__ import annotations

import sys

import typer

from peoa.exceptions import PeoaError

app = typer.Typer(
    name="peoa",
    help="PEOA, the Process Engineering Operations Assistant.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


# Each module under peoa/cli/ that defines commands exposes ``register(app)``.
_COMMAND_MODULES = (
    "config_cmd",
    "neo4j_cmd",
    "models_cmd",
    "demo_cmd",
    "tools_cmd",
    "graph_cmd",
    "agent_cmd",
    "eval_cmd",
    "serve_cmd",
    "distill_cmd",
)


def _mount() -> None:
    from importlib import import_module

    for name in _COMMAND_MODULES:
        import_module(f"peoa.cli.{name}").register(app)


_mount()


def run() -> None:
    """Console-script entry: run the app, reporting PEOA errors on one line."""
    try:
        code = app(standalone_mode=False)
    except PeoaError as error:
        typer.echo(f"peoa: error: {error}", err=True)
        sys.exit(1)
    except typer.Abort:
        typer.echo("peoa: aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.echo("peoa: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # click's own usage errors come through here
        import click

        if isinstance(error, click.ClickException):
            error.show()
            sys.exit(error.exit_code)
        raise
    sys.exit(code if isinstance(code, int) else 0)
