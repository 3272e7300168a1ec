"""``peoa serve``: the HTTP API and web chat; ``peoa serve keys create|list|revoke``."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from peoa.cli.output import JsonFlag, console, emit, err_console

app = typer.Typer(
    help="Serve the HTTP API, the OpenAI-compatible endpoint and the web chat.",
    invoke_without_command=True,
)
keys_app = typer.Typer(help="API keys (needed when the server binds beyond localhost).")
app.add_typer(keys_app, name="keys")


@app.callback()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535)] = 8000,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option("--cors-origin", help="Allow this browser origin (repeatable); default none."),
    ] = None,
    require_auth: Annotated[
        bool | None,
        typer.Option(
            "--require-auth/--no-require-auth",
            help="Force API keys on or off; by default they are required off localhost.",
        ),
    ] = None,
    web_chat: Annotated[bool, typer.Option("--web-chat/--no-web-chat")] = True,
) -> None:
    """Run the server: API at /v1, docs at /docs, health at /healthz, chat at /chat."""
    if ctx.invoked_subcommand is not None:
        return
    import uvicorn

    from peoa.server import ServerSettings, create_app

    overrides: dict[str, Any] = {"host": host, "port": port, "web_chat": web_chat}
    if cors_origin:
        overrides["cors_origins"] = cors_origin
    if require_auth is not None:
        overrides["require_auth"] = require_auth
    settings = ServerSettings(**overrides)
    if settings.malloc_arenas:
        from peoa.server.allocator import limit_malloc_arenas

        limit_malloc_arenas(settings.malloc_arenas)  # before the models and worker threads
    if settings.auth_required:
        from peoa.server.app import key_store

        if not key_store().list():
            err_console.print(
                "[yellow]API keys are required but none exist: create one with "
                "'peoa serve keys create'[/yellow]"
            )
    err_console.print(
        f"PEOA on http://{host}:{port} (chat /chat, docs /docs); "
        f"API keys {'required' if settings.auth_required else 'not required'}"
    )
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


@keys_app.command("create")
def keys_create(
    rate: Annotated[
        int | None, typer.Option("--rate", min=1, help="Requests per minute (default 60).")
    ] = None,
    name: Annotated[str, typer.Option("--name", help="A note: whose key it is.")] = "",
    json_: JsonFlag = False,
) -> None:
    """Create a key and print it once; only its salted hash is kept."""
    from peoa.server import ServerSettings
    from peoa.server.app import key_store

    limit = rate or ServerSettings().default_rate_per_minute
    record, key = key_store().create(limit, name)
    data = {"id": record.id, "key": key, "rate_per_minute": record.rate_per_minute}

    def render(_: object) -> None:
        console.print(key, highlight=False)
        err_console.print(
            f"key {record.id}, {limit} requests/minute; shown once: store it now "
            "(send it as 'Authorization: Bearer <key>')"
        )

    emit(data, json_, render)


@keys_app.command("list")
def keys_list(json_: JsonFlag = False) -> None:
    """The keys (ids, names, limits; never the keys themselves)."""
    from peoa.server.app import key_store

    keys = [k.model_dump(exclude={"salt", "hash"}) for k in key_store().list()]

    def render(rows: list[dict[str, object]]) -> None:
        table = Table("id", "name", "requests/min", "created")
        for row in rows:
            table.add_row(str(row["id"]), str(row["name"]), str(row["rate_per_minute"]),
                          str(row["created"]))  # fmt: skip
        console.print(table)

    emit(keys, json_, render)


@keys_app.command("revoke")
def keys_revoke(key_id: Annotated[str, typer.Argument(help="The id 'keys list' shows.")]) -> None:
    """Revoke a key; a running server refuses it from its next request."""
    from peoa.server.app import key_store

    key_store().revoke(key_id)
    err_console.print(f"revoked key {key_id}")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="serve")
