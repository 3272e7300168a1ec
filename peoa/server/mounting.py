"""An ASGI middleware that holds requests until the routes they need are mounted.

``peoa serve`` listens before it imports the API's routes and the web chat (seconds of
imports), so that ``/healthz`` answers at once; a request for anything else that
arrives meanwhile waits for the mounting instead of getting a 404.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.responses import JSONResponse

if TYPE_CHECKING:
    from peoa.server.state import ServerState

__all__ = ["HoldUntilMounted"]

ALWAYS_OPEN = ("/healthz",)  # mounted at once: never held


class HoldUntilMounted:
    """Hold HTTP and WebSocket requests until ``state.mounted`` is set; then, if the
    mounting failed, answer 503 with the reason."""

    def __init__(self, app: Any, *, state: ServerState, mount_now: Callable[[], None]) -> None:
        self.app = app
        self.state = state
        self.mount_now = mount_now  # for an app whose lifespan never started the mounting

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        held = scope["type"] in {"http", "websocket"} and scope["path"] not in ALWAYS_OPEN
        if held and not self.state.mounted.is_set():
            if self.state.loading_started:
                await self.state.mounted.wait(self.state.settings.startup_wait_s)
            else:
                await asyncio.to_thread(self.mount_now)
        error = self.state.mount_error
        if held and error is not None and scope["type"] == "http":
            failed = JSONResponse({"detail": f"PEOA failed to start: {error}"}, status_code=503)
            await failed(scope, receive, send)
            return
        await self.app(scope, receive, send)
