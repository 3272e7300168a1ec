"""Typed dependencies for the routes; tests swap them with ``app.dependency_overrides``.

The ones that only read the app's state are ``async def``: FastAPI runs a plain ``def``
dependency in its thread pool, a thread hop per dependency per request that showed in
the time to a solve's first step event.
"""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, HTTPException, Request

from peoa.server.auth import ApiKey
from peoa.server.settings import ServerSettings
from peoa.server.state import AssistantNotReadyError, ServerState

if TYPE_CHECKING:  # importing the agent takes seconds; the server listens before that
    from peoa.agent import Assistant

__all__ = [
    "AssistantDep",
    "Authorized",
    "DriverDep",
    "EmbedderDep",
    "ServerSettingsDep",
    "StateDep",
    "assistant_when_ready",
    "check_api_key",
    "get_assistant",
    "get_server_settings",
    "get_state",
    "require_api_key",
    "require_api_key_browser",
    "require_json",
    "require_multipart",
]


async def get_state(request: Request) -> ServerState:
    return request.app.state.peoa


StateDep = Annotated[ServerState, Depends(get_state)]


async def get_server_settings(state: StateDep) -> ServerSettings:
    return state.settings


ServerSettingsDep = Annotated[ServerSettings, Depends(get_server_settings)]


async def assistant_when_ready(state: ServerState) -> Assistant:
    """The Assistant; while the server is starting, waits for it to load (up to
    ``startup_wait_s``). 503 with the reason when it failed to load or is still loading."""
    try:
        return await state.wait_for_assistant()
    except AssistantNotReadyError as error:
        headers = None if error.failed else {"Retry-After": "10"}
        raise HTTPException(503, str(error), headers=headers) from None


async def get_assistant(state: StateDep) -> Assistant:
    return await assistant_when_ready(state)


if TYPE_CHECKING:
    AssistantDep = Annotated[Assistant, Depends(get_assistant)]
else:  # FastAPI reads this at run time, when the Assistant's class is not imported yet
    AssistantDep = Annotated[Any, Depends(get_assistant)]


def get_driver(assistant: AssistantDep) -> Any:
    return assistant.driver


DriverDep = Annotated[Any, Depends(get_driver)]


def get_embedder(assistant: AssistantDep) -> Any:
    return assistant.embedder


EmbedderDep = Annotated[Any, Depends(get_embedder)]


def _presented_key(request: Request) -> str | None:
    """The key from ``Authorization: Bearer <key>``, or from HTTP Basic with the key as
    the password (what a browser sends after its sign-in prompt, e.g. for ``/docs``)."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    value = value.strip()
    if scheme.lower() == "bearer" and value:
        return value
    if scheme.lower() == "basic" and value:
        try:
            decoded = base64.b64decode(value, validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return None
        return decoded.partition(":")[2].strip() or None
    return None


def check_api_key(request: Request, state: ServerState, challenge: str = "Bearer") -> ApiKey | None:
    """When auth is on: a valid key within its rate limit, else 401 (or 429)."""
    if not state.settings.auth_required:
        return None
    presented = _presented_key(request)
    headers = {"WWW-Authenticate": challenge}
    if presented is None:
        raise HTTPException(
            401,
            "an API key is required: send 'Authorization: Bearer <key>' (create one with "
            "'peoa serve keys create')",
            headers=headers,
        )
    key = state.keys.verify(presented)
    if key is None:
        raise HTTPException(401, "the API key is not valid (revoked or mistyped)", headers=headers)
    wait = state.limiter.hit(key.id, key.rate_per_minute)
    if wait is not None:
        raise HTTPException(
            429,
            f"rate limit of {key.rate_per_minute} requests per minute exceeded for key "
            f"{key.id}; retry in {wait:.0f} s",
            headers={"Retry-After": str(max(1, round(wait)))},
        )
    return key


async def require_api_key(request: Request, state: StateDep) -> ApiKey | None:
    """When auth is on: a valid ``Authorization: Bearer <key>`` within its rate limit."""
    return check_api_key(request, state)


async def require_api_key_browser(request: Request, state: StateDep) -> ApiKey | None:
    """As :func:`require_api_key`, but a 401 asks the browser for Basic credentials (any
    user name, the key as password), so people can open ``/docs`` when auth is on."""
    return check_api_key(request, state, challenge='Basic realm="PEOA", charset="UTF-8"')


Authorized = Annotated[ApiKey | None, Depends(require_api_key)]


async def require_json(request: Request) -> None:
    """415 unless the body is declared as JSON (a form or text body is a client mistake)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json" and not kind.endswith("+json"):
        raise HTTPException(
            415,
            f"this endpoint takes a JSON body; send 'Content-Type: application/json' "
            f"(got {kind or 'no content type'})",
        )


async def require_multipart(request: Request) -> None:
    """415 unless the body is ``multipart/form-data`` (how files are uploaded)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "multipart/form-data":
        raise HTTPException(
            415,
            "this endpoint takes file uploads: send 'Content-Type: multipart/form-data' with "
            f"the documents in the field 'files' (got {kind or 'no content type'})",
        )
