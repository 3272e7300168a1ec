"""The sandbox's typed boundary: its limits and the result of one run."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "KERNEL_LAYERS",
    "ErrorKind",
    "KernelLayer",
    "SandboxLimits",
    "SandboxResult",
    "SandboxSettings",
    "Violation",
]

KernelLayer = Literal["network_namespace", "landlock", "seccomp"]
#: The kernel layers that hold when the Python-level guards are bypassed (see ``_confine``).
KERNEL_LAYERS: tuple[KernelLayer, ...] = ("network_namespace", "landlock", "seccomp")

ErrorKind = Literal[
    "syntax_error",
    "exception",
    "timeout",
    "cpu_limit",
    "memory_limit",
    "output_limit",
    "policy_violation",
    "result_error",
    "crashed",
]


class SandboxLimits(BaseModel):
    """Resource limits of one sandbox run; the defaults suit engineering scripts.

    The limits are enforced by the kernel in the child (``setrlimit``) and by the
    parent (the wall-clock timeout and the output caps).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    timeout_s: float = Field(30.0, gt=0, description="Wall-clock limit; the child is killed.")
    cpu_s: float = Field(20.0, gt=0, description="CPU-time limit (RLIMIT_CPU), whole seconds.")
    memory_mb: int = Field(
        2048, ge=256, description="Address-space limit (RLIMIT_AS); thermo+cantera need ~700."
    )
    output_bytes: int = Field(64 * 1024, ge=1024, description="Kept of stdout and of stderr.")
    result_bytes: int = Field(1024 * 1024, ge=1024, description="Largest result, as JSON.")
    file_bytes: int = Field(64 * 1024 * 1024, ge=0, description="Largest file written (FSIZE).")
    open_files: int = Field(256, ge=32, description="Open file descriptors (RLIMIT_NOFILE).")
    threads: int = Field(1, ge=1, description="Threads for OpenBLAS/OpenMP in the child.")


class SandboxSettings(SandboxLimits):
    """The ``[sandbox]`` settings: the limits of every run, and the isolation it requires.

    ``PEOA_SANDBOX__TIMEOUT_S=10``, ``PEOA_SANDBOX__REQUIRE_KERNEL_ISOLATION=true``,
    ``PEOA_SANDBOX__DISABLED_LAYERS='["landlock"]'``, or a ``[sandbox]`` table in
    ``peoa.toml``.
    """

    require_kernel_isolation: bool = Field(
        False,
        description="Refuse to run code unless every kernel layer (user and network "
        "namespaces, Landlock, seccomp) is on, instead of relying on the Python-level "
        "guards where one is missing.",
    )
    disabled_layers: tuple[KernelLayer, ...] = Field(
        (),
        description="Kernel layers not to apply, for a kernel where one misbehaves; a "
        "disabled layer counts as missing for require_kernel_isolation.",
    )

    def limits(self) -> SandboxLimits:
        """The resource limits alone."""
        return SandboxLimits(**self.model_dump(include=set(SandboxLimits.model_fields)))


class Violation(BaseModel):
    """One operation the sandbox refused."""

    rule: str = Field(description="The broken rule: filesystem_read, network, process, import…")
    event: str = Field(description="The audit event or operation that was refused.")
    detail: str = Field("", description="The path, module or call concerned.")


class SandboxResult(BaseModel):
    """What one run of user code produced, ready to hand back to the code expert."""

    ok: bool
    result: Any = Field(None, description="`result` or the last emit(); pint → {value, unit}.")
    stdout: str = ""
    stderr: str = ""
    stdout_truncated: bool = False
    stderr_truncated: bool = False
    error_kind: ErrorKind | None = None
    error: str | None = Field(None, description="One line: what failed.")
    traceback: str | None = Field(None, description="Trimmed to the user's frames.")
    line: int | None = Field(None, description="Line of the user's code where it failed.")
    duration_s: float = 0.0
    cpu_s: float = Field(0.0, description="User plus system CPU time of the child.")
    violations: list[Violation] = Field(default_factory=list)
    layers: dict[str, str] = Field(
        default_factory=dict, description="Each isolation layer: on, or off with the reason."
    )
