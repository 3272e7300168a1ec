"""Configuration: sources, precedence, validation and masking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peoa.config import load_settings
from peoa.exceptions import ConfigError


@pytest.fixture()
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    for name in (
        "NEO4J_URI",
        "NEO4J_USERNAME",
        "NEO4J_PASSWORD",
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "PEOA_CONFIG",
        "PEOA_NEO4J__PORT",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no ./peoa.toml unless a test writes one
    return monkeypatch


def test_defaults_use_managed_neo4j_and_local_models(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.delenv("PEOA_MODELS_DIR", raising=False)
    settings = load_settings()
    assert settings.managed_neo4j
    assert settings.neo4j.version.startswith("5.26.")
    assert settings.models.action_generator == "qwen2.5-coder-0.5b-instruct"
    assert settings.models.embedder == "all-minilm-l6-v2"
    assert settings.models_dir == settings.data_dir / "models"


def test_standard_variables_are_honoured(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("NEO4J_URI", "neo4j+s://example.databases.neo4j.io")
    clean_env.setenv("NEO4J_PASSWORD", "s3cret")
    clean_env.setenv("OPENAI_API_KEY", "sk-test-123")
    settings = load_settings()
    assert not settings.managed_neo4j
    assert settings.neo4j.uri == "neo4j+s://example.databases.neo4j.io"
    assert settings.neo4j.password is not None
    assert settings.neo4j.password.get_secret_value() == "s3cret"
    assert settings.openai.api_key is not None


def test_peoa_variables_override_toml_which_overrides_defaults(
    clean_env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "peoa.toml").write_text(
        '[neo4j]\nport = 7800\nheap = "1g"\n[models]\nmath = "smollm2-135m-instruct"\n'
    )
    clean_env.setenv("PEOA_NEO4J__PORT", "7900")
    settings = load_settings()
    assert settings.neo4j.port == 7900  # environment beats the file
    assert settings.neo4j.heap == "1g"  # the file beats the default
    assert settings.models.for_role("math") == "smollm2-135m-instruct"


def test_invalid_values_raise_a_config_error_naming_the_field(
    clean_env: pytest.MonkeyPatch,
) -> None:
    clean_env.setenv("PEOA_NEO4J__PORT", "70000")
    with pytest.raises(ConfigError, match=r"neo4j\.port"):
        load_settings()


def test_a_typo_in_peoa_toml_is_reported(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "peoa.toml").write_text("[neo4j]\nprot = 7800\n")
    with pytest.raises(ConfigError, match=r"neo4j\.prot"):
        load_settings()


def test_malformed_toml_is_a_config_error(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "peoa.toml").write_text("[neo4j\nport = \n")
    with pytest.raises(ConfigError, match="cannot read the configuration"):
        load_settings()


def test_missing_explicit_config_file(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clean_env.setenv("PEOA_CONFIG", str(tmp_path / "nowhere.toml"))
    with pytest.raises(ConfigError, match="not a file"):
        load_settings()


def test_unknown_role_is_a_config_error(clean_env: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="no model is configured for role 'plumbing'"):
        load_settings().models.for_role("plumbing")


def test_config_show_masks_secrets(peoa_cli, isolated_dirs) -> None:
    secret_pw, secret_key = "pw-do-not-print-7731", "sk-do-not-print-9911"
    result = peoa_cli(
        "config",
        "show",
        "--json",
        env={**isolated_dirs, "NEO4J_PASSWORD": secret_pw, "OPENAI_API_KEY": secret_key},
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["neo4j"]["password"] == "**********"
    assert data["openai"]["api_key"] == "**********"
    assert secret_pw not in result.stdout + result.stderr
    assert secret_key not in result.stdout + result.stderr


def test_config_error_on_the_cli_is_one_line_without_traceback(peoa_cli, isolated_dirs) -> None:
    result = peoa_cli("config", "show", env={**isolated_dirs, "PEOA_NEO4J__PORT": "-1"})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("peoa: error: invalid configuration: neo4j.port")
