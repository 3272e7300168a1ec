"""What one server process holds: its settings, the Assistant, runs, keys, jobs."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from peoa.server.auth import KeyStore, RateLimiter
from peoa.server.evaljobs import EvalJobs
from peoa.server.runs import RunRegistry
from peoa.server.settings import ServerSettings

__all__ = ["ServerState"]


@dataclass
class ServerState:
    """Stored on ``app.state.peoa``; the dependencies in :mod:`peoa.server.deps` read it."""

    settings: ServerSettings
    keys: KeyStore
    runs: RunRegistry
    evals: EvalJobs
    limiter: RateLimiter = field(default_factory=RateLimiter)
    assistant: Any = None  # set by the lifespan (or given to create_app)
    startup_error: str | None = None
    created_threads: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

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
