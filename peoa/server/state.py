"""What one server process holds: its settings, the Assistant, runs, keys, jobs.

The Assistant (models, Neo4j, the bundled tool documentation) loads in the background
while the server already answers: :class:`Readiness` says when that loading has ended,
and :meth:`ServerState.wait_for_assistant` is the one place a request waits for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Literal

from peoa.exceptions import PeoaError
from peoa.server.auth import KeyStore, RateLimiter
from peoa.server.evaljobs import EvalJobs
from peoa.server.runs import RunRegistry
from peoa.server.settings import ServerSettings

__all__ = ["STARTING_MESSAGE", "AssistantNotReadyError", "Phase", "Readiness", "ServerState"]

Phase = Literal["starting", "ready", "failed"]

STARTING_MESSAGE = "PEOA is starting: loading the models…"


class AssistantNotReadyError(PeoaError):
    """The Assistant failed to load, or did not load within the wait allowed."""

    def __init__(self, message: str, *, failed: bool) -> None:
        super().__init__(message)
        self.failed = failed  # True: it will not load (restart the server); False: retry later


def _settle(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


class Readiness:
    """A flag set once, from any thread, when loading ends (in success or failure).

    Coroutines await it on whichever event loop they run (uvicorn's, a test client's),
    so it holds one future per waiter instead of an ``asyncio.Event`` bound to one loop.
    """

    def __init__(self, *, done: bool = False) -> None:
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._waiters: set[asyncio.Future[None]] = set()
        if done:
            self._done.set()

    def is_set(self) -> bool:
        return self._done.is_set()

    def set(self) -> None:
        with self._lock:
            self._done.set()
            waiters, self._waiters = self._waiters, set()
        for waiter in waiters:
            # RuntimeError: that waiter's loop has closed, so nobody waits there any more.
            with contextlib.suppress(RuntimeError):
                waiter.get_loop().call_soon_threadsafe(_settle, waiter)

    async def wait(self, timeout: float) -> bool:
        """True once set; False if ``timeout`` seconds pass first."""
        with self._lock:
            if self._done.is_set():
                return True
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.add(waiter)
        try:
            await asyncio.wait_for(waiter, timeout)
            return True
        except TimeoutError:
            return False
        finally:
            with self._lock:
                self._waiters.discard(waiter)


@dataclass
class ServerState:
    """Stored on ``app.state.peoa``; the dependencies in :mod:`peoa.server.deps` read it."""

    settings: ServerSettings
    keys: KeyStore
    runs: RunRegistry
    evals: EvalJobs
    limiter: RateLimiter = field(default_factory=RateLimiter)
    assistant: Any = None  # set once loaded (or given to create_app)
    startup_error: str | None = None
    loaded: Readiness = field(default_factory=Readiness)  # set when loading has ended
    mounted: Readiness = field(default_factory=Readiness)  # set when the routes are mounted
    mount_error: str | None = None  # why mounting the routes failed (a broken install)
    # Set by the lifespan when it starts the background loading; an app whose lifespan
    # never runs (a TestClient outside ``with``) mounts the routes on its first request
    # and answers 503 at once where the Assistant is needed.
    loading_started: bool = False
    loading_since: float = field(default_factory=time.monotonic)
    loading_took: float | None = None  # seconds the loading took, once it has ended
    closed: bool = False  # the server has shut down: a load that ends now closes its Assistant
    created_threads: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def phase(self) -> Phase:
        if not self.loaded.is_set():
            return "starting"
        return "ready" if self.assistant is not None else "failed"

    def finish_loading(self, assistant: Any = None, error: str | None = None) -> None:
        """Record the loaded Assistant (or why it failed) and wake whoever waits for it."""
        self.assistant, self.startup_error = assistant, error
        self.loading_took = time.monotonic() - self.loading_since
        self.loaded.set()

    async def wait_for_assistant(self) -> Any:
        """The Assistant, once loaded; waits up to ``settings.startup_wait_s`` for it.

        Raises :class:`AssistantNotReadyError` when loading failed or is still going on
        after that wait.
        """
        if self.assistant is None and not self.loading_started:
            # An app whose lifespan never ran (a TestClient outside ``with``): nothing
            # is loading, so there is nothing to wait for.
            raise AssistantNotReadyError(
                "PEOA has not started loading the models (the server's startup did not run)",
                failed=False,
            )
        if not await self.loaded.wait(self.settings.startup_wait_s):
            waited = time.monotonic() - self.loading_since
            raise AssistantNotReadyError(
                f"PEOA is still starting (loading the models, Neo4j and the tool "
                f"documentation, {waited:.0f} s so far); retry shortly, GET /healthz says "
                "when it is ready",
                failed=False,
            )
        if self.assistant is None:
            raise AssistantNotReadyError(
                f"PEOA failed to start: {self.startup_error or 'unknown error'}; see GET "
                "/healthz, fix the cause and restart the server",
                failed=True,
            )
        return self.assistant

    def thread_exists(self, thread_id: str) -> bool:
        """True for a thread created here or one the checkpointer remembers."""
        with self.lock:
            if thread_id in self.created_threads:
                return True
        if self.assistant is None:
            return False
        config = {"configurable": {"thread_id": thread_id}}
        return self.assistant.checkpointer.get_tuple(config) is not None

    def add_thread(self, thread_id: str) -> None:
        with self.lock:
            self.created_threads.add(thread_id)
