"""What every Ray task of PEOA needs: Ray itself, and the driver's configuration.

``peoa eval --backend ray`` and ``peoa ingest --backend ray`` send work to Ray tasks
that may run on other machines. Each task receives the driver's settings as ``PEOA_*``
variables (:func:`settings_env`) and adopts them before it does anything
(:func:`adopt_settings`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from peoa.config import STANDARD_ENV_VARIABLES, Settings
from peoa.exceptions import PeoaError

__all__ = ["RayUnavailableError", "adopt_settings", "import_ray", "settings_env"]


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
