"""``peoa eval --config FILE``: the file's settings apply to the run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

from peoa.cli.eval_cmd import _settings
from peoa.config import get_settings


@pytest.fixture()
def restore_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("PEOA_CONFIG", raising=False)
    yield
    # Not monkeypatch.delenv: it would record the value --config set and put it back at
    # teardown, and every later test would run with this test's peoa.toml (its SmolLM2
    # calculation model included).
    os.environ.pop("PEOA_CONFIG", None)
    get_settings.cache_clear()


def test_config_file_applies_and_environment_still_wins(
    tmp_path: Path, restore_settings: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "peoa.toml"
    config.write_text('[llm]\nmax_tokens = 77\n\n[models]\ncalculation = "smollm2-135m-instruct"\n'
                      '[neo4j]\nheap = "640m"\n')  # fmt: skip
    monkeypatch.setenv("PEOA_NEO4J__HEAP", "700m")
    settings = _settings(config)
    assert settings.llm.max_tokens == 77
    assert settings.models.calculation == "smollm2-135m-instruct"
    assert settings.neo4j.heap == "700m"
    assert get_settings() is settings  # every part of the run reads the same settings


def test_missing_config_file_is_a_usage_error(tmp_path: Path, restore_settings: None) -> None:
    with pytest.raises(typer.BadParameter, match="is not a file"):
        _settings(tmp_path / "nope.toml")
