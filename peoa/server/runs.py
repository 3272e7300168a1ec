"""Solves running for HTTP clients: one worker thread each, cancellable between steps.

``Assistant.stream`` is a synchronous generator that runs the meta-agent one node at a
time. A :class:`SolveRun` drives it in its own thread and hands each event to the
event loop. Cancelling (a client went away) makes the worker close the generator at
the next event, which stops the graph before its next node: the model call in flight
finishes, nothing after it runs, and the turn is not written to the thread's memory.
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from peoa.agent.solution import StepEvent

__all__ = ["RunRegistry", "SolveRun", "ThreadBusyError", "TooManyRunsError"]

State = Literal["queued", "running", "completed", "cancelled", "failed"]

_END = object()


class ThreadBusyError(Exception):
    """A solve is already running on this thread."""


class TooManyRunsError(Exception):
    """The server holds as many solves as it is configured to."""


class SolveRun:
    """One question being solved; iterate :meth:`events` from the event loop."""

    def __init__(self, assistant: Any, question: str, thread_id: str) -> None:
        self.id = uuid.uuid4().hex
        self.assistant = assistant
        self.question = question
        self.thread_id = thread_id
        self.state: State = "queued"
        self.error: str | None = None
        self.events_sent = 0
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self._queue: asyncio.Queue[Any] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def active(self) -> bool:
        return self.state in {"queued", "running"}

    def cancel(self) -> None:
        """Ask the worker to stop at the next step (safe from any thread, idempotent)."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker has ended (for tests and shutdown)."""
        return self._finished.wait(timeout)

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._queue = asyncio.Queue()
        threading.Thread(target=self._work, name=f"peoa-solve-{self.id[:8]}", daemon=True).start()

    def _put(self, item: Any) -> None:
        assert self._loop is not None and self._queue is not None
        try:
            self._loop.call_soon_threadsafe(self._queue.put_nowait, item)
        except RuntimeError:  # the loop has closed (server shutting down)
            self._cancel.set()

    def _work(self) -> None:
        self.state = "running"
        stream = self.assistant.stream(self.question, thread_id=self.thread_id)
        try:
            for event in stream:
                if self._cancel.is_set():
                    break
                self._put(event)
                self.events_sent += 1
            self.state = "cancelled" if self._cancel.is_set() else "completed"
        except Exception as error:  # reported to the client as an SSE error / 500
            self.state = "failed"
            self.error = f"{type(error).__name__}: {error}"
            self._put(error)
        finally:
            stream.close()  # stops the graph if we left the loop early
            self._finished.set()
            self._put(_END)

    async def events(self) -> AsyncIterator[StepEvent]:
        """The events as they come; raises the worker's exception if it failed.

        Leaving the iteration early (the caller broke out, or was cancelled because its
        client disconnected: the cancellation lands in the wait for the next event)
        cancels the solve.
        """
        if self._queue is None:
            self.start()
        assert self._queue is not None
        try:
            while True:
                item = await self._queue.get()
                if item is _END:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            if self.active:
                self.cancel()


class RunRegistry:
    """The server's solves: at most one active per thread, a bounded total."""

    def __init__(self, max_active: int, keep_finished: int = 256) -> None:
        self.max_active = max_active
        self.keep_finished = keep_finished
        self._runs: OrderedDict[str, SolveRun] = OrderedDict()
        self._lock = threading.Lock()

    def open(self, assistant: Any, question: str, thread_id: str) -> SolveRun:
        with self._lock:
            active = [r for r in self._runs.values() if r.active]
            if any(r.thread_id == thread_id for r in active):
                raise ThreadBusyError(thread_id)
            if len(active) >= self.max_active:
                raise TooManyRunsError(str(self.max_active))
            run = SolveRun(assistant, question, thread_id)
            self._runs[run.id] = run
            finished = [k for k, r in self._runs.items() if not r.active]
            for key in finished[: max(0, len(finished) - self.keep_finished)]:
                del self._runs[key]
            return run

    def latest(self, thread_id: str) -> SolveRun | None:
        """The newest run of ``thread_id``."""
        with self._lock:
            for run in reversed(self._runs.values()):
                if run.thread_id == thread_id:
                    return run
        return None

    def active(self) -> list[SolveRun]:
        with self._lock:
            return [r for r in self._runs.values() if r.active]

    def cancel_all(self) -> None:
        for run in self.active():
            run.cancel()
