"""An ASGI middleware that refuses request bodies over the upload limit with 413.

It checks ``Content-Length`` before anything is read, and counts the bytes of bodies
sent without one (chunked), so no upload is ever read past the limit. When the count
goes over, whatever the app would have answered is replaced by the 413.
"""

from __future__ import annotations

import contextlib
from typing import Any

from starlette.responses import JSONResponse

__all__ = ["BodyLimit"]

Scope = dict[str, Any]


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Limit request bodies on paths starting with one of ``prefixes``."""

    def __init__(self, app: Any, *, limit: int, prefixes: tuple[str, ...]) -> None:
        self.app = app
        self.limit = limit
        self.prefixes = prefixes

    async def _refuse(self, scope: Scope, receive: Any, send: Any) -> None:
        mib = self.limit / (1024 * 1024)
        detail = (
            f"the upload is larger than this server's limit of {mib:.3g} MiB ({self.limit} bytes); "
            "split the document or raise PEOA_SERVER_MAX_UPLOAD_MB"
        )
        refusal = JSONResponse({"detail": detail}, status_code=413, headers={"connection": "close"})
        await refusal(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefixes):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        seen = {"bytes": 0, "over": False, "started": False}

        async def counted() -> dict[str, Any]:
            message = await receive()
            if message["type"] == "http.request":
                seen["bytes"] += len(message.get("body", b""))
                if seen["bytes"] > self.limit:
                    seen["over"] = True
                    raise _TooLarge
            return message

        async def guarded(message: dict[str, Any]) -> None:
            if seen["over"]:
                return  # the app's own error answer is replaced by the 413
            seen["started"] = True
            await send(message)

        with contextlib.suppress(_TooLarge):  # the 413 below answers it
            await self.app(scope, counted, guarded)
        if seen["over"] and not seen["started"]:
            await self._refuse(scope, receive, send)
