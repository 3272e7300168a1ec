"""The ``[sandbox]`` settings: configurable limits, and the kernel-isolation requirement.

A missing layer is forced the documented way, with ``sandbox.disabled_layers``: the
child then does not apply that layer, and the kernel check reports it off, exactly as
on a kernel that lacks it. Nothing here fakes the check itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from peoa.config import get_settings, load_settings
from peoa.exceptions import ConfigError, PeoaError
from peoa.sandbox import (
    KERNEL_LAYERS,
    IsolationUnavailableError,
    SandboxLimits,
    SandboxSettings,
    run_python,
)


@pytest.fixture
def sandbox_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Set PEOA_SANDBOX__* variables for one test; the process settings are reloaded."""
    get_settings.cache_clear()
    yield monkeypatch
    monkeypatch.undo()
    get_settings.cache_clear()


def _kernel_layers_on() -> bool:
    layers = run_python("result = 1", limits=SandboxSettings()).layers
    return all(layers.get(name, "").startswith("on") for name in KERNEL_LAYERS)


def test_limits_come_from_the_environment(sandbox_env: pytest.MonkeyPatch) -> None:
    sandbox_env.setenv("PEOA_SANDBOX__TIMEOUT_S", "1.5")
    sandbox_env.setenv("PEOA_SANDBOX__OUTPUT_BYTES", "2048")
    sandbox_env.setenv("PEOA_SANDBOX__DISABLED_LAYERS", '["landlock"]')
    settings = get_settings().sandbox
    assert settings.timeout_s == 1.5 and settings.output_bytes == 2048
    assert settings.disabled_layers == ("landlock",)
    assert settings.require_kernel_isolation is False
    # run_python takes its limits from the settings when given none
    result = run_python("while True:\n    pass")
    assert result.error_kind == "timeout"
    assert "1.5 s wall-clock limit" in (result.error or "")
    printed = run_python("print('x' * 10000)")
    assert printed.stdout_truncated and len(printed.stdout) == 2048


def test_limits_come_from_peoa_toml(sandbox_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "peoa.toml"
    config.write_text("[sandbox]\nmemory_mb = 1024\ncpu_s = 3\nrequire_kernel_isolation = true\n")
    sandbox_env.setenv("PEOA_CONFIG", str(config))
    settings = load_settings().sandbox
    assert (settings.memory_mb, settings.cpu_s) == (1024, 3.0)
    assert settings.require_kernel_isolation is True
    assert settings.limits() == SandboxLimits(memory_mb=1024, cpu_s=3)


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("PEOA_SANDBOX__MEMORY_MB", "12", "sandbox.memory_mb"),
        ("PEOA_SANDBOX__DISABLED_LAYERS", '["apparmor"]', "sandbox.disabled_layers"),
        ("PEOA_SANDBOX__TIMEOUT_SECONDS", "3", "sandbox.timeout_seconds"),
    ],
)
def test_invalid_sandbox_settings_are_one_line_config_errors(
    sandbox_env: pytest.MonkeyPatch, variable: str, value: str, says: str
) -> None:
    sandbox_env.setenv(variable, value)
    with pytest.raises(ConfigError) as raised:
        load_settings()
    assert says in str(raised.value) and "\n" not in str(raised.value)


@pytest.mark.parametrize("layer", KERNEL_LAYERS)
def test_required_isolation_refuses_to_run_without_a_layer(layer: str) -> None:
    settings = SandboxSettings(require_kernel_isolation=True, disabled_layers=(layer,))
    with pytest.raises(IsolationUnavailableError) as raised:
        run_python("print('ran')\nresult = 1", limits=settings)
    error = raised.value
    assert isinstance(error, PeoaError)
    assert set(error.missing) == {layer}
    message = str(error)
    assert f"{layer} is off: disabled by sandbox.disabled_layers" in message
    assert "the code was not run" in message
    assert "PEOA_SANDBOX__REQUIRE_KERNEL_ISOLATION" in message and "\n" not in message


def test_required_isolation_runs_when_every_layer_is_on() -> None:
    if not _kernel_layers_on():
        pytest.skip("this kernel lacks a layer; the refusal is what the test above checks")
    result = run_python("result = 6 * 7", limits=SandboxSettings(require_kernel_isolation=True))
    assert result.ok and result.result == 42
    assert all(result.layers[name].startswith("on") for name in KERNEL_LAYERS)


def test_a_disabled_layer_without_the_requirement_runs_and_says_so() -> None:
    result = run_python(
        "result = 1", limits=SandboxSettings(disabled_layers=("seccomp", "landlock"))
    )
    assert result.ok
    assert result.layers["seccomp"] == "off: disabled by sandbox.disabled_layers"
    assert result.layers["landlock"] == "off: disabled by sandbox.disabled_layers"


def test_plain_limits_keep_the_configured_isolation_policy(
    sandbox_env: pytest.MonkeyPatch,
) -> None:
    # Passing resource limits alone must not loosen an administrator's requirement.
    sandbox_env.setenv("PEOA_SANDBOX__REQUIRE_KERNEL_ISOLATION", "true")
    sandbox_env.setenv("PEOA_SANDBOX__DISABLED_LAYERS", '["network_namespace"]')
    with pytest.raises(IsolationUnavailableError, match="network_namespace is off"):
        run_python("result = 1", limits=SandboxLimits(timeout_s=5))
