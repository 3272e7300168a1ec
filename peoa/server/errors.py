"""Every error the API returns is JSON with one ``detail`` string that says what to fix."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from peoa.exceptions import ConfigError, ModelError, Neo4jError, PeoaError

__all__ = ["describe_validation", "install_error_handlers"]


def describe_validation(errors: list[dict[str, Any]]) -> tuple[int, str]:
    """One status and one line for a list of pydantic/FastAPI validation errors."""
    for item in errors:
        if item.get("type") == "json_invalid":
            where = item.get("ctx", {}).get("error", "malformed JSON")
            return 400, f"the request body is not valid JSON ({where}); send a JSON object"
    parts = []
    for item in errors[:5]:
        loc = [str(p) for p in item.get("loc", ()) if p not in ("body",)]
        where = ".".join(loc) or "body"
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return 422, "invalid request: " + "; ".join(parts)


def _status_for(error: PeoaError) -> int:
    from peoa.graph.errors import DocumentNotFoundError, QueryRejectedError

    if isinstance(error, DocumentNotFoundError):
        return 404
    if isinstance(error, QueryRejectedError):
        return 400
    if isinstance(error, Neo4jError | ModelError | ConfigError):
        return 503
    return 400


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, error: RequestValidationError) -> JSONResponse:
        status, detail = describe_validation(list(error.errors()))
        return JSONResponse({"detail": detail}, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        detail = error.detail if isinstance(error.detail, str) else str(error.detail)
        return JSONResponse(
            {"detail": detail}, status_code=error.status_code, headers=error.headers
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        # A bug, not a client mistake: still one JSON line, never a bare HTML page.
        return JSONResponse(
            {"detail": f"internal error: {type(error).__name__}: {error}"}, status_code=500
        )

    @app.exception_handler(PeoaError)
    async def _peoa(request: Request, error: PeoaError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=_status_for(error))
