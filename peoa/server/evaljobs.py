"""Evaluations started over HTTP: background jobs with an id and a status.

A job solves its items one after another in its own thread with the server's
Assistant (so its model calls queue with the chat's) and appends one record per item
to ``<data_dir>/server/evals/<id>/results.jsonl``, as ``peoa eval`` does.
"""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

if TYPE_CHECKING:  # the evaluation package takes seconds to import: only once a job runs
    from peoa.evaluation import DatasetItem

__all__ = ["EvalJob", "EvalJobs"]


class EvalJob(BaseModel):
    """A job's public status."""

    id: str
    state: Literal["queued", "running", "completed", "failed", "cancelled"] = "queued"
    dataset: str
    total: int
    done: int = 0
    correct: int = 0
    summary: dict[str, Any] | None = None
    error: str | None = None
    created: str
    finished: str | None = None
    results_path: str


class EvalJobs:
    """The jobs of one server process."""

    def __init__(self, folder: Path, max_running: int = 2) -> None:
        self.folder = folder
        self.max_running = max_running
        self._jobs: dict[str, EvalJob] = {}
        self._stops: dict[str, threading.Event] = {}
        self._lock = threading.Lock()

    def running(self) -> int:
        with self._lock:
            return sum(job.state in {"queued", "running"} for job in self._jobs.values())

    def start(self, assistant: Any, items: list[DatasetItem], dataset: str) -> EvalJob:
        job_id = uuid.uuid4().hex[:16]
        out = self.folder / job_id / "results.jsonl"
        job = EvalJob(
            id=job_id,
            dataset=dataset,
            total=len(items),
            created=datetime.now(UTC).isoformat(timespec="seconds"),
            results_path=str(out),
        )
        stop = threading.Event()
        with self._lock:
            self._jobs[job_id] = job
            self._stops[job_id] = stop
        threading.Thread(
            target=self._work, args=(job, assistant, items, out, stop), daemon=True
        ).start()
        return job.model_copy()

    def get(self, job_id: str) -> EvalJob | None:
        with self._lock:
            job = self._jobs.get(job_id)
            return job.model_copy() if job else None

    def stop_all(self) -> None:
        with self._lock:
            for stop in self._stops.values():
                stop.set()

    def _work(
        self,
        job: EvalJob,
        assistant: Any,
        items: list[DatasetItem],
        out: Path,
        stop: threading.Event,
    ) -> None:
        class _Stopped(Exception):
            pass

        def solver(question: str) -> Any:
            if stop.is_set():
                raise _Stopped
            return assistant.solve(question)

        def on_item(record: Any) -> None:
            with self._lock:
                job.done += 1
                job.correct += int(record.correct)

        from peoa.evaluation import evaluate, summarise

        job.state = "running"
        try:
            records = evaluate(items, solver, out, on_item=on_item)
            summary = summarise(records)
            with self._lock:
                job.summary = summary.model_dump()
                job.state = "cancelled" if stop.is_set() else "completed"
        except Exception as error:
            with self._lock:
                job.state = "failed"
                job.error = f"{type(error).__name__}: {error}"
        finally:
            job.finished = datetime.now(UTC).isoformat(timespec="seconds")
