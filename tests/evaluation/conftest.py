"""A local Ray for the Ray-backend tests, started once (skipped where Ray is missing)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def ray_local(settings: Any) -> Iterator[Any]:
    # `settings` first: the PEOA_* variables it depends on are set before Ray starts.
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'peoa[ray]')")
    # One CPU: one worker process at a time (each loads the models; the machine is shared).
    # Tasks beyond it queue, so the in-flight bookkeeping is still exercised.
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()
