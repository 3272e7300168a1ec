"""The sandbox's typed boundary: its limits and the result of one run."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ErrorKind", "SandboxLimits", "SandboxResult", "Violation"]

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
