"""Run untrusted Python in a confined child process: :func:`run_python`.

The parent makes a fresh working directory, starts ``_child.py`` in a new session
with a clean environment, sends it the code and the policy on stdin, and reads
stdout, stderr and a private control pipe until the child is done or the
wall-clock limit passes, when the whole process group is killed. The working
directory is removed afterwards.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from peoa.exceptions import PeoaError
from peoa.sandbox.models import (
    KERNEL_LAYERS,
    ErrorKind,
    SandboxLimits,
    SandboxResult,
    SandboxSettings,
    Violation,
)
from peoa.sandbox.policy import (
    ALLOWED_IMPORTS,
    DENIED_MODULES,
    READ_FILES,
    child_sys_path,
    kernel_read_paths,
    python_read_roots,
)

__all__ = ["IsolationUnavailableError", "SandboxError", "run_python"]

_CHILD = Path(__file__).with_name("_child.py")
_READ_CHUNK = 65536
# Output beyond this many times the kept size means a runaway print loop: stop it.
_OUTPUT_KILL_FACTOR = 64
_MAX_VIOLATIONS = 50


class SandboxError(PeoaError):
    """The sandbox itself could not run (not a failure of the user's code)."""


class IsolationUnavailableError(SandboxError):
    """Kernel isolation is required and a kernel layer is not available."""

    def __init__(self, missing: dict[str, str]) -> None:
        self.missing = dict(missing)
        shown = "; ".join(f"{name} is {status}" for name, status in missing.items())
        super().__init__(
            f"the sandbox requires kernel isolation (sandbox.require_kernel_isolation) but "
            f"{shown}; the code was not run. Run PEOA on a Linux kernel with unprivileged user "
            "namespaces, Landlock and seccomp and clear sandbox.disabled_layers, or set "
            "PEOA_SANDBOX__REQUIRE_KERNEL_ISOLATION=false to accept the Python-level guards"
        )


class _Stream:
    """A pipe's bytes, kept up to ``cap``; the rest is counted and dropped."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.data = bytearray()
        self.total = 0

    def feed(self, chunk: bytes) -> None:
        self.total += len(chunk)
        room = self.cap - len(self.data)
        if room > 0:
            self.data += chunk[:room]

    @property
    def truncated(self) -> bool:
        return self.total > len(self.data)

    def text(self) -> str:
        return self.data.decode("utf-8", errors="replace")


def _spec(
    code: str, workdir: str, control_fd: int, limits: SandboxLimits, settings: SandboxSettings
) -> dict[str, Any]:
    read_roots = [*python_read_roots(), "/usr/share/zoneinfo"]
    off = set(settings.disabled_layers)
    return {
        "code": code,
        "workdir": workdir,
        "control_fd": control_fd,
        "sys_path": list(child_sys_path()),
        "read_roots": read_roots,
        "read_files": list(READ_FILES),
        "write_files": ["/dev/null"],
        "kernel_read": kernel_read_paths(),
        "kernel_write": [workdir, "/dev/null"],
        "allowed_imports": sorted(ALLOWED_IMPORTS),
        "denied_modules": list(DENIED_MODULES),
        "kernel_layers": {
            "network": "network_namespace" not in off,
            "landlock": "landlock" not in off,
            "seccomp": "seccomp" not in off,
        },
        "require_layers": list(KERNEL_LAYERS) if settings.require_kernel_isolation else [],
        "limits": {
            "cpu_s": max(1, int(limits.cpu_s + 0.999)),
            "memory_bytes": limits.memory_mb * 1024 * 1024,
            "file_bytes": limits.file_bytes,
            "open_files": limits.open_files,
            "result_bytes": limits.result_bytes,
        },
    }


def _environment(workdir: str, threads: int) -> dict[str, str]:
    # Nothing of the caller's environment (API keys, passwords) reaches the child.
    n = str(threads)
    return {
        "HOME": workdir, "TMPDIR": workdir, "XDG_CACHE_HOME": workdir,
        "XDG_CONFIG_HOME": workdir, "XDG_DATA_HOME": workdir, "MPLCONFIGDIR": workdir,
        "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "OPENBLAS_NUM_THREADS": n,
        "OMP_NUM_THREADS": n, "MKL_NUM_THREADS": n, "NUMEXPR_MAX_THREADS": n,
    }  # fmt: skip


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def _pump(
    proc: subprocess.Popen[bytes], control_r: int, limits: SandboxLimits, deadline: float
) -> tuple[_Stream, _Stream, _Stream, str | None]:
    """Read the three pipes until they close or a limit stops the child."""
    out, err = _Stream(limits.output_bytes), _Stream(limits.output_bytes)
    control = _Stream(limits.result_bytes * 4 + 65536)
    assert proc.stdout is not None and proc.stderr is not None  # started with PIPE
    streams = {proc.stdout.fileno(): out, proc.stderr.fileno(): err, control_r: control}
    stopped: str | None = None
    with selectors.DefaultSelector() as sel:
        for fd in streams:
            sel.register(fd, selectors.EVENT_READ)
        while sel.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                stopped = "timeout"
                break
            for key, _ in sel.select(timeout=remaining):
                chunk = os.read(key.fd, _READ_CHUNK)
                if not chunk:
                    sel.unregister(key.fd)
                    continue
                streams[key.fd].feed(chunk)
            if out.total + err.total > _OUTPUT_KILL_FACTOR * limits.output_bytes:
                stopped = "output_limit"
                break
    return out, err, control, stopped


def _wait(pid: int, deadline: float) -> tuple[int, Any, bool]:
    """``wait4`` the child; kill it if it outlives the deadline after closing its pipes."""
    while True:
        waited, status, usage = os.wait4(pid, os.WNOHANG)
        if waited == pid:
            return status, usage, False
        if time.monotonic() >= deadline:
            _kill_group(pid)
            _, status, usage = os.wait4(pid, 0)
            return status, usage, True
        time.sleep(0.0005)


def _records(raw: bytes) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for line in raw.splitlines():
        if line.startswith(b"V\t"):
            # Violation records are tab-separated with a hex detail (see _child.py).
            parts = line.split(b"\t")
            if len(parts) == 4:
                try:
                    detail = bytes.fromhex(parts[3].decode()).decode("utf-8", "replace")
                except ValueError:
                    detail = ""
                records.append(
                    {
                        "type": "violation",
                        "rule": parts[1].decode(errors="replace"),
                        "event": parts[2].decode(errors="replace"),
                        "detail": detail,
                    }
                )
            continue
        try:
            item = json.loads(line)
        except ValueError:
            continue  # a partial line cut by a kill, or the user's own writes to the fd
        if isinstance(item, dict):
            records.append(item)
    return records


def _configured() -> SandboxSettings:
    # Imported here: peoa.config imports this package for the [sandbox] section's model.
    from peoa.config import get_settings

    return get_settings().sandbox


def run_python(
    code: str,
    *,
    timeout_s: float | None = None,
    cpu_s: float | None = None,
    memory_mb: int | None = None,
    limits: SandboxLimits | None = None,
) -> SandboxResult:
    """Run ``code`` in the sandbox and return what it printed, produced or broke.

    The code reports a structured result by assigning ``result`` (any
    JSON-serialisable value; pint quantities become ``{"value", "unit"}``) or by
    calling ``emit(value)``. ``limits`` defaults to the ``[sandbox]`` settings; keyword
    limits override it. The isolation policy (``require_kernel_isolation``,
    ``disabled_layers``) comes from ``limits`` when it is a :class:`SandboxSettings`,
    else from the settings, so that passing plain limits never loosens it.

    Raises :class:`IsolationUnavailableError` when kernel isolation is required and a
    layer is missing (the code is not run), :class:`SandboxError` when the sandbox
    cannot start.

    >>> run_python("result = {'answer': 6 * 7}").result
    {'answer': 42}
    """
    settings = limits if isinstance(limits, SandboxSettings) else _configured()
    overrides = {"timeout_s": timeout_s, "cpu_s": cpu_s, "memory_mb": memory_mb}
    base = (limits or settings).model_dump(include=set(SandboxLimits.model_fields))
    limits = SandboxLimits(**(base | {k: v for k, v in overrides.items() if v is not None}))
    workdir = tempfile.mkdtemp(prefix="peoa-sandbox-")
    control_r, control_w = os.pipe()
    start = time.monotonic()
    deadline = start + limits.timeout_s
    proc: subprocess.Popen[bytes] | None = None
    try:
        try:
            proc = subprocess.Popen(
                [sys.executable, "-I", "-S", "-B", "-X", "utf8", str(_CHILD)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                pass_fds=(control_w,),
                cwd=workdir,
                env=_environment(workdir, limits.threads),
                start_new_session=True,
            )
        except OSError as exc:
            raise SandboxError(
                f"could not start the sandbox interpreter {sys.executable}: {exc}; "
                "check that the virtual environment is intact"
            ) from exc
        # pass_fds keeps the descriptor's number, so the child writes to the same one.
        spec = json.dumps(_spec(code, workdir, control_w, limits, settings))
        os.close(control_w)
        control_w = -1
        assert proc.stdin is not None  # started with PIPE
        try:
            proc.stdin.write(spec.encode())
            proc.stdin.close()
        except BrokenPipeError:
            pass  # the child died at start; its status says why
        out, err, control, stopped = _pump(proc, control_r, limits, deadline)
        if stopped is not None:
            _kill_group(proc.pid)
        status, usage, late_kill = _wait(proc.pid, deadline)
        proc.returncode = os.waitstatus_to_exitcode(status)
        duration = time.monotonic() - start
        if late_kill and stopped is None:
            stopped = "timeout"
        records = _records(bytes(control.data))
        missing = next((r for r in records if r.get("type") == "isolation_missing"), None)
        if missing is not None:
            raise IsolationUnavailableError(missing.get("layers", {}))
        return _build_result(
            limits,
            out,
            err,
            records,
            stopped,
            status,
            usage.ru_utime + usage.ru_stime,
            duration,
        )
    finally:
        if control_w >= 0:
            os.close(control_w)
        os.close(control_r)
        if proc is not None:
            if proc.returncode is None:
                _kill_group(proc.pid)
                proc.wait()
            for pipe in (proc.stdout, proc.stderr, proc.stdin):
                if pipe is not None and not pipe.closed:
                    pipe.close()
        shutil.rmtree(workdir, ignore_errors=True)


def _build_result(
    limits: SandboxLimits,
    out: _Stream,
    err: _Stream,
    records: list[dict[str, Any]],
    stopped: str | None,
    status: int,
    cpu: float,
    duration: float,
) -> SandboxResult:
    violations = [
        Violation(rule=str(r.get("rule")), event=str(r.get("event")), detail=str(r.get("detail")))
        for r in records
        if r.get("type") == "violation"
    ]
    results = [r for r in records if r.get("type") == "result"]
    outcome = next((r for r in reversed(records) if r.get("type") == "outcome"), None)
    layers = next((r for r in records if r.get("type") == "layers"), {}).get("layers", {})
    kind: ErrorKind | None = None
    error: str | None = None
    signum = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    if stopped == "timeout":
        kind = "timeout"
        error = f"the script ran past the {limits.timeout_s:g} s wall-clock limit and was killed"
    elif stopped == "output_limit":
        kind = "output_limit"
        error = "the script printed far more than the output limit and was stopped"
    elif signum == signal.SIGXCPU or (signum == signal.SIGKILL and cpu >= limits.cpu_s - 0.05):
        kind = "cpu_limit"
        error = f"the script used its {limits.cpu_s:g} s of CPU time and was killed"
    elif signum == signal.SIGSYS:
        kind = "policy_violation"
        error = (
            "the kernel's seccomp filter killed the script for a forbidden system call "
            "(process creation, ptrace, mount or similar)"
        )
        violations.append(Violation(rule="syscall", event="seccomp", detail=error))
    elif outcome is not None:
        if not outcome.get("ok", False):
            kind = outcome.get("kind", "exception")
            error = outcome.get("error")
    elif signum is not None:
        kind = "crashed"
        error = f"the sandbox process died from signal {signal.Signals(signum).name}"
    else:
        kind = "crashed"
        error = f"the sandbox process exited with status {os.WEXITSTATUS(status)} without a report"
        if err.data:
            error += f": {err.text().strip().splitlines()[-1]}"
    if violations:
        # A refused operation is the news, even when the code caught the exception and
        # went on to fail otherwise (a fork bomb that retries until the timeout).
        if kind != "policy_violation":
            first = violations[0]
            error = f"sandbox policy refused {first.event} ({first.rule}): {first.detail}" + (
                f"; then: {error}" if error else ""
            )
        kind = "policy_violation"
        if len(violations) > _MAX_VIOLATIONS:
            error = f"{error} ({len(violations)} refusals, the first {_MAX_VIOLATIONS} listed)"
            violations = violations[:_MAX_VIOLATIONS]
    return SandboxResult(
        ok=kind is None,
        result=results[-1].get("value") if results else None,
        stdout=out.text(),
        stderr=err.text(),
        stdout_truncated=out.truncated,
        stderr_truncated=err.truncated,
        error_kind=kind,
        error=error,
        traceback=(outcome or {}).get("traceback"),
        line=(outcome or {}).get("line"),
        duration_s=duration,
        cpu_s=cpu,
        violations=violations,
        layers=layers,
    )
