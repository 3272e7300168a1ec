"""The FastAPI application: ``create_app()`` builds it, ``peoa serve`` runs it.

One :class:`~peoa.agent.Assistant` per process holds the models. The lifespan starts
building it in a background thread (unless one is passed in) and yields at once, so
``/healthz`` answers "starting" within seconds; the routes receive the Assistant through
:data:`peoa.server.deps.AssistantDep`, which waits for the loading to end.

Importing the routes' models (the agent's, the graph's, the evaluation's) and gradio
takes seconds, so this module imports only FastAPI and the server's light parts: the
background thread imports and mounts the API routes and the web chat first, and
:class:`~peoa.server.mounting.HoldUntilMounted` holds a request that arrives before then.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from typing import TYPE_CHECKING, Any

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from peoa.exceptions import PeoaError
from peoa.server.auth import KeyStore
from peoa.server.deps import require_api_key_browser
from peoa.server.errors import install_error_handlers
from peoa.server.evaljobs import EvalJobs
from peoa.server.limits import BodyLimit
from peoa.server.mounting import HoldUntilMounted
from peoa.server.routes import health
from peoa.server.runs import RunRegistry
from peoa.server.settings import ServerSettings
from peoa.server.state import Readiness, ServerState

if TYPE_CHECKING:
    from peoa.config import Settings

__all__ = ["build_assistant", "create_app", "key_store"]

_log = logging.getLogger(__name__)


def key_store() -> KeyStore:
    """The API keys of the configured data directory."""
    from peoa.config import get_settings

    return KeyStore(get_settings().data_dir / "server")


def build_assistant(settings: Settings | None = None) -> Any:
    """The Assistant, with its graph connection opened (Neo4j started if PEOA manages it)."""
    from peoa.agent import Assistant

    assistant = Assistant(settings)
    try:
        assistant.driver  # noqa: B018 -- connect, migrate and load tool docs before serving
    except BaseException:
        assistant.close()
        raise
    return assistant


ChatLifespan = Callable[[FastAPI], AbstractAsyncContextManager[Any]]


def _mount_routes(app: FastAPI) -> None:
    """The API's routes (all but ``/healthz``); their modules import the agent's models."""
    from peoa.server.routes import chunks, eval, ingest, openai, retrieve, solutions, solve, threads

    for module in (solve, threads, ingest, retrieve, chunks, eval, openai, solutions):
        app.include_router(module.router)


@asynccontextmanager
async def _no_lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield


def _mount_web_chat_late(app: FastAPI, state: ServerState) -> ChatLifespan:
    """Mount the web chat on a started app; returns the lifespan the chat needs entered.

    gradio's ``mount_gradio_app`` wraps the app's lifespan with the chat's own (which
    starts its queue), but a started app has run its lifespan already: the wrapper is
    taken here, over a lifespan that does nothing, for the caller to enter.
    """
    from peoa.server.webchat import mount_web_chat

    original = app.router.lifespan_context
    app.router.lifespan_context = _no_lifespan
    try:
        mount_web_chat(app, state)
        chat_lifespan: ChatLifespan = app.router.lifespan_context
    finally:
        app.router.lifespan_context = original
    return chat_lifespan


def _load_in_background(
    app: FastAPI,
    state: ServerState,
    builder: Callable[[], Any],
    enter: Callable[[ChatLifespan], None],
) -> threading.Thread:
    """Mount the routes and the chat, then build the Assistant, in a daemon thread, and
    record the outcome on ``state``.

    A daemon thread, not the event loop's executor: the loop waits for its executor at
    shutdown, and a server stopped while loading must not wait minutes for the models.
    ``enter`` enters the web chat's lifespan on the event loop.
    """
    state.loading_since = time.monotonic()

    def mount() -> None:
        try:
            _mount_routes(app)
            if state.settings.web_chat:
                enter(_mount_web_chat_late(app, state))
        except Exception as error:  # a broken install: reported by /healthz and 503s
            _log.exception("mounting the routes failed")
            state.mount_error = f"{type(error).__name__}: {error}"
        finally:
            state.mounted.set()

    def load() -> None:
        if not state.mounted.is_set():  # a restarted app keeps what it mounted
            mount()
        if state.mount_error is not None:
            state.finish_loading(error=state.mount_error)
            return
        try:
            assistant = builder()
        except PeoaError as error:
            state.finish_loading(error=str(error))
        except Exception as error:  # a bug or a broken install: still reported, not fatal
            _log.exception("building the Assistant failed")
            state.finish_loading(error=f"{type(error).__name__}: {error}")
        else:
            with state.lock:
                closed = state.closed
                if not closed:
                    state.finish_loading(assistant)
            if closed:  # the server stopped while this was loading
                assistant.close()

    thread = threading.Thread(target=load, name="peoa-load-assistant", daemon=True)
    thread.start()
    return thread


def _add_keyed_docs(app: FastAPI) -> None:
    """``/openapi.json``, ``/docs`` and ``/redoc`` behind the API key."""
    keyed = [Depends(require_api_key_browser)]

    @app.get("/openapi.json", include_in_schema=False, dependencies=keyed)
    def openapi() -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False, dependencies=keyed)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{app.title} - docs")

    @app.get("/redoc", include_in_schema=False, dependencies=keyed)
    def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url="/openapi.json", title=f"{app.title} - ReDoc")


def create_app(
    settings: ServerSettings | None = None,
    *,
    assistant: Any = None,
    builder: Callable[[], Any] = build_assistant,
) -> FastAPI:
    """The API (``/v1/...``, ``/healthz``, docs at ``/docs``) and the web chat at ``/chat``.

    When the settings require auth, every route but ``/healthz`` needs an API key,
    the docs and ``/openapi.json`` included.

    With ``assistant`` given, the app uses it, is ready at once and leaves closing it
    to the caller. Otherwise the lifespan calls ``builder`` in a background thread and
    the server answers meanwhile: ``/healthz`` says "starting" (503), and a request that
    needs the Assistant waits for it (up to ``settings.startup_wait_s``, then 503). The
    app closes what ``builder`` built at shutdown. A startup failure (no Neo4j, a
    missing model) does not stop the server: ``/healthz`` and every endpoint that needs
    the Assistant answer 503 with the reason.
    """
    from peoa.config import get_settings

    settings = settings or ServerSettings()
    folder = get_settings().data_dir / "server"
    state = ServerState(
        settings=settings,
        keys=KeyStore(folder),
        runs=RunRegistry(settings.max_concurrent_solves),
        evals=EvalJobs(folder / "evals"),
        assistant=assistant,
        loaded=Readiness(done=assistant is not None),
    )
    owned = assistant is None
    chat_lifespans: list[ChatLifespan] = []  # the web chat's, once mounted late

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        chats = AsyncExitStack()  # the web chat's lifespan, once it is mounted
        if owned:
            with state.lock:
                state.closed = False
            state.loaded = Readiness()
            for chat_lifespan in chat_lifespans:  # a restarted app: the chat is mounted
                await chats.enter_async_context(chat_lifespan(app))
            loop = asyncio.get_running_loop()

            def enter(chat_lifespan: ChatLifespan) -> None:
                chat_lifespans.append(chat_lifespan)

                async def entering() -> None:
                    if not state.closed:  # else the lifespan has exited: nothing would close it
                        await chats.enter_async_context(chat_lifespan(app))

                asyncio.run_coroutine_threadsafe(entering(), loop).result(timeout=120)

            state.loading_started = True
            _load_in_background(app, state, builder, enter)
        try:
            yield
        finally:
            state.runs.cancel_all()
            state.evals.stop_all()
            await chats.aclose()
            if owned:
                with state.lock:  # a load still running closes its Assistant itself
                    state.closed = True
                    loaded, state.assistant = state.assistant, None
                if loaded is not None:
                    loaded.close()

    # With auth on, nothing but /healthz is open: the docs are served by routes below
    # that ask for a key (the browser prompts for it), instead of FastAPI's open ones.
    open_docs = not settings.auth_required
    app = FastAPI(
        title="PEOA",
        summary="Process Engineering Operations Assistant: answers with numbers, units and sources.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url="/docs" if open_docs else None,
        redoc_url="/redoc" if open_docs else None,
        openapi_url="/openapi.json" if open_docs else None,
    )
    app.state.peoa = state
    install_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "X-PEOA-Thread"],
        )
    mount_lock = threading.Lock()

    def mount_without_lifespan() -> None:
        """The routes, for an app whose lifespan never ran: no background loader will
        mount them, and a held request would wait for nothing."""
        with mount_lock:
            if not state.mounted.is_set():
                _mount_routes(app)
                state.mounted.set()

    app.add_middleware(HoldUntilMounted, state=state, mount_now=mount_without_lifespan)
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes, prefixes=("/v1/ingest",))
    app.include_router(health.router)
    if not owned:  # given an Assistant (tests, embedding): everything at once
        _mount_routes(app)
        if settings.web_chat:
            from peoa.server.webchat import mount_web_chat

            mount_web_chat(app, state)
        state.mounted.set()
    if not open_docs:
        _add_keyed_docs(app)

    @app.get("/", include_in_schema=False)
    def index() -> RedirectResponse:
        return RedirectResponse("/chat/" if settings.web_chat else "/docs")

    return app
