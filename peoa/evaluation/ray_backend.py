"""``peoa eval --backend ray``: each item is a Ray task.

The same code runs on a local Ray (``ray.init()`` starts one) and on a cluster
(``--ray-address ray://head:10001``). Every worker process builds the evaluated
variant once, from the driver's settings passed to each task as ``PEOA_*`` variables
(:func:`adopt_settings`), and reuses it for the items it receives. The workers
need PEOA installed (``pip install 'peoa[ray]'``), the models in the configured
models folder (``peoa models pull``) and a reachable Neo4j (``NEO4J_URI``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from peoa.config import Settings
from peoa.evaluation.dataset import DatasetItem
from peoa.evaluation.runner import ItemRecord, Mapper, make_record
from peoa.workers import adopt_settings, import_ray, settings_env

__all__ = ["ray_mapper"]

_solvers: dict[tuple[str, str], Any] = {}  # per worker process: (variant, settings) -> solver


def _worker_solver(variant: str) -> Any:
    from peoa.config import get_settings

    settings = get_settings()
    key = (variant, settings.model_dump_json())
    if key not in _solvers:
        from langgraph.checkpoint.memory import InMemorySaver

        from peoa.agent import Assistant
        from peoa.evaluation.variants import build_solver

        # Eval items are independent questions: no conversation memory on disk.
        assistant = Assistant(settings, checkpointer=InMemorySaver())
        _solvers[key] = build_solver(variant, assistant, settings)
    return _solvers[key]


def _solve_item(item: dict[str, Any], variant: str, env: dict[str, str]) -> dict[str, Any]:
    """The Ray task: solve and score one item in a worker."""
    adopt_settings(env)
    record = make_record(DatasetItem.model_validate(item), _worker_solver(variant))
    return record.model_dump()


def ray_mapper(
    variant: str,
    settings: Settings,
    *,
    address: str | None = None,
    concurrency: int = 1,
    num_cpus: float = 1.0,
) -> Mapper:
    """A mapper that runs items as Ray tasks, at most ``concurrency`` in flight.

    Connects to ``address`` (``ray://…``, ``auto``) or starts a local Ray unless one
    is already initialised in this process.
    """
    ray = import_ray()
    env = settings_env(settings)

    def run(items: list[DatasetItem]) -> Iterator[ItemRecord]:
        if not ray.is_initialized():
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        task = ray.remote(_solve_item).options(num_cpus=num_cpus, max_retries=0)
        queue = list(reversed(items))
        pending: list[Any] = []
        while queue or pending:
            while queue and len(pending) < max(1, concurrency):
                pending.append(task.remote(queue.pop().model_dump(), variant, env))
            done, pending = ray.wait(pending, num_returns=1)
            yield ItemRecord.model_validate(ray.get(done[0]))

    return run
