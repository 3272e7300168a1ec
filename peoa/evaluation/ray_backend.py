"""``peoa eval --backend ray``: each item is a Ray task.

The same code runs on a local Ray (``ray.init()`` starts one) and on a cluster
(``--ray-address ray://head:10001``). Every worker process builds the evaluated
variant once, from the driver's settings passed to each task as ``PEOA_*`` variables
(:func:`adopt_settings`), and reuses it for the items it receives. The workers
need PEOA installed (``pip install 'peoa[ray]'``), the models in the configured
models folder (``peoa models pull``) and a reachable Neo4j (``NEO4J_URI``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from peoa.config import STANDARD_ENV_VARIABLES, Settings
from peoa.evaluation.dataset import DatasetItem
from peoa.evaluation.runner import ItemRecord, Mapper, make_record
from peoa.exceptions import PeoaError

__all__ = ["RayUnavailableError", "adopt_settings", "import_ray", "ray_mapper", "settings_env"]

_solvers: dict[tuple[str, str], Any] = {}  # per worker process: (variant, settings) -> solver


class RayUnavailableError(PeoaError):
    """Ray is not installed."""


def import_ray() -> Any:
    """The ``ray`` module, or a one-line error saying how to install it."""
    try:
        import ray
    except ImportError:
        raise RayUnavailableError(
            "--backend ray needs Ray: pip install 'peoa[ray]' (or use --backend local)"
        ) from None
    return ray


def _plain(value: Any) -> Any:
    if isinstance(value, SecretStr):
        return value.get_secret_value()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def settings_env(settings: Settings) -> dict[str, str]:
    """``settings`` as ``PEOA_*`` variables (nested sections as JSON), secrets included,
    so a worker's ``get_settings()`` reads exactly the driver's configuration."""
    data = {name: getattr(settings, name) for name in type(settings).model_fields}
    env: dict[str, str] = {}
    for name, value in data.items():
        if value is None:
            continue
        if hasattr(value, "model_dump"):
            dumped = value.model_dump()
            text = json.dumps(_plain(dumped))
        else:
            text = str(_plain(value))
        env[f"PEOA_{name.upper()}"] = text
    return env


def adopt_settings(env: Mapping[str, str]) -> None:
    """Make this worker's configuration exactly the driver's ``env`` (:func:`settings_env`).

    A worker inherits the environment its Ray node started in. A ``PEOA_NEO4J__PORT``
    there would win over the driver's ``PEOA_NEO4J`` (pydantic-settings merges nested
    variables over a section's JSON), and the worker would write to another server; so
    every PEOA variable the driver did not set is removed first.
    """
    from peoa.config import get_settings

    for name in list(os.environ):
        if (name.startswith("PEOA_") or name in STANDARD_ENV_VARIABLES) and name not in env:
            del os.environ[name]
    os.environ.update(env)
    get_settings.cache_clear()


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
