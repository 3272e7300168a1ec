from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def run_peoa(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a child process, as a user would."""
    full_env = {**os.environ, **(env or {})}
    for key, value in list(full_env.items()):
        if value == "<unset>":
            del full_env[key]
    return subprocess.run(
        [sys.executable, "-m", "peoa", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        check=False,
    )


@pytest.fixture()
def peoa_cli():
    return run_peoa


@pytest.fixture()
def isolated_dirs(tmp_path: Path) -> dict[str, str]:
    """Environment for a CLI run with its own data directory (and no peoa.toml)."""
    return {"PEOA_DATA_DIR": str(tmp_path / "data"), "PEOA_CONFIG": "<unset>"}
