"""The sandbox child: confines itself, then runs the user's code and reports back.

Run as ``python -I -S -X utf8 _child.py``; it reads one JSON document from stdin
(the code and the policy, written by :mod:`peoa.sandbox.runner`) and writes JSON
lines to the control file descriptor the policy names: ``violation`` records as they
happen, ``result`` records from ``emit()``, and one final ``outcome`` record.

Only the stdlib is imported here, so that a trivial script starts fast; the allowed
libraries are imported lazily, when the user's code asks for them.

Python-level policy (the kernel layers are in ``_confine``):

* an audit hook, installed just before the user's code starts and never removed,
  refuses process creation, sockets, ``ctypes``, writes outside the working
  directory, reads outside it and the library roots, and a few introspection calls;
  every refusal is written to the control channel before the exception is raised,
  so catching the exception does not hide it;
* the user's code runs with its own ``__builtins__`` whose ``__import__`` accepts
  only the allowlisted top-level modules.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import os
import resource
import signal
import sys

USER_FILENAME = "main.py"
_HERE = os.path.dirname(os.path.abspath(__file__))


class SandboxViolation(PermissionError):
    """Raised into the user's code when the sandbox policy refuses an operation."""


class SandboxImportRefused(ImportError):
    """Raised into the user's code for an import outside the allowlist."""


def _write_record(fd: int, record: dict[str, object], limit: int | None = None) -> None:
    data = (json.dumps(record, default=_jsonable, allow_nan=True) + "\n").encode()
    if limit is not None and len(data) > limit:
        raise ValueError(f"it is {len(data)} bytes as JSON, over the {limit}-byte limit")
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _jsonable(obj: object) -> object:
    """``json.dumps`` fallback for the values engineering code produces."""
    module = type(obj).__module__ or ""
    top = module.partition(".")[0]
    if top == "pint" and hasattr(obj, "magnitude") and hasattr(obj, "units"):
        return {"value": obj.magnitude, "unit": str(obj.units)}
    if top == "numpy" and hasattr(obj, "tolist"):
        return obj.tolist()
    if top == "pandas" and hasattr(obj, "to_dict"):
        return obj.to_dict()
    if isinstance(obj, (set, frozenset)):
        return sorted(obj, key=repr)
    if isinstance(obj, complex):
        return {"real": obj.real, "imag": obj.imag}
    if module in ("decimal", "fractions") or top == "sympy":
        try:
            return float(obj)  # type: ignore[arg-type]  # a number type; the except catches the rest
        except (TypeError, ValueError):
            return str(obj)
    if module == "datetime" and hasattr(obj, "isoformat"):
        return obj.isoformat()
    raise TypeError(f"a value of type {type(obj).__name__} is not JSON-serialisable")


_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

# fmt: off
# Events refused outright, whoever raises them, with the rule they break.
_DENY = {
    "os.system": "process", "os.exec": "process", "os.posix_spawn": "process",
    "os.spawn": "process", "os.fork": "process", "os.forkpty": "process",
    "subprocess.Popen": "process", "pty.spawn": "process", "os.kill": "signal",
    "os.killpg": "signal", "signal.pthread_kill": "signal", "os.pidfd_open": "signal",
    "sys.addaudithook": "audit", "sys._current_frames": "introspection",
    "gc.get_objects": "introspection", "gc.get_referrers": "introspection",
    "gc.get_referents": "introspection", "code.__new__": "introspection",
    "resource.setrlimit": "limits", "resource.prlimit": "limits",
    "sqlite3.enable_load_extension": "native_code", "sqlite3.load_extension": "native_code",
    "webbrowser.open": "process", "os.add_dll_directory": "native_code",
}
_DENY_PREFIX = {"socket": "network", "ctypes": "native_code", "syslog": "network"}
# Events whose first argument is a path that is only read; the rest modify files.
_READ_EVENTS = frozenset({"os.listdir", "os.scandir", "glob.glob", "glob.glob/2",
                          "os.listxattr", "os.getxattr"})
_WRITE_EVENTS = frozenset({
    "os.chdir", "os.chmod", "os.chown", "os.chflags", "os.lchflags", "os.mkdir",
    "os.mkfifo", "os.mknod", "os.remove", "os.rmdir", "os.truncate", "os.utime",
    "os.setxattr", "os.removexattr", "shutil.rmtree", "shutil.chown", "shutil.copymode",
    "shutil.copystat", "shutil.make_archive", "tempfile.mkstemp", "tempfile.mkdtemp",
})
_TWO_PATH_EVENTS = frozenset({"os.rename", "os.link", "os.symlink", "shutil.copyfile",
                              "shutil.copytree", "shutil.move", "shutil.unpack_archive"})
# fmt: on


def _violation_writer(control_fd: int):
    """A writer of violation records that user code cannot redirect.

    It keeps its own references (no module globals, no ``json``) and encodes each
    record by hand, so patching ``json`` or this module does not silence it.
    """
    write = os.write

    def report(rule: str, event: str, detail: str) -> None:
        line = f"V\t{rule}\t{event}\t{detail.encode('utf-8', 'replace').hex()}\n".encode()
        while line:
            line = line[write(control_fd, line) :]

    return report


def _make_hook(
    control_fd: int,
    workdir: str,
    read_roots: list[str],
    read_files: list[str],
    write_files: list[str],
):
    """The audit hook; its rules live only in this closure, out of reach of user code."""
    report = _violation_writer(control_fd)
    realpath, join, getcwd, fsdecode = (os.path.realpath, os.path.join, os.getcwd, os.fsdecode)
    work = workdir.rstrip("/") + "/"
    readable_dirs = (work, *(r.rstrip("/") + "/" for r in read_roots))
    writable_files = frozenset(write_files)
    readable_files = writable_files | frozenset(read_files)
    deny, deny_prefix = dict(_DENY), dict(_DENY_PREFIX)
    read_events, write_events, two_path_events = _READ_EVENTS, _WRITE_EVENTS, _TWO_PATH_EVENTS
    pathlib_types = frozenset({"PosixPath", "PurePosixPath", "Path", "PurePath"})

    def resolve(value: object) -> str | int | None:
        if isinstance(value, int):
            return value
        if isinstance(value, bytes):
            value = fsdecode(value)
        elif not isinstance(value, str):
            cls = type(value)
            # Only pathlib's own classes: a user subclass could lie in __fspath__.
            if cls.__module__ != "pathlib" or cls.__name__ not in pathlib_types:
                return None
            value = str(value)
        return realpath(join(getcwd(), value))

    def may(value: object, writing: bool) -> tuple[bool, str]:
        path = resolve(value)
        if isinstance(path, int):
            return True, str(path)  # an already open descriptor
        if path is None:
            return False, f"<{type(value).__name__} path>"
        if writing:
            return (path + "/").startswith(work) or path in writable_files, path
        return (path + "/").startswith(readable_dirs) or path in readable_files, path

    def check(event: str, args: tuple[object, ...]) -> tuple[str, str] | None:
        rule = deny.get(event) or deny_prefix.get(event.partition(".")[0])
        if rule is not None:
            return rule, event
        if event == "open":
            mode = args[1] if len(args) > 1 else None
            flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
            writing = bool(flags & _WRITE_FLAGS) or (
                isinstance(mode, str) and any(c in mode for c in "wax+")
            )
            ok, shown = may(args[0], writing)
            if not ok:
                return ("filesystem_write" if writing else "filesystem_read"), shown
        elif event in read_events:
            if args and args[0] is not None:  # listdir() alone lists the working directory
                ok, shown = may(args[0], False)
                if not ok:
                    return "filesystem_read", shown
        elif event in write_events:
            ok, shown = may(args[0] if args else None, True)
            if not ok:
                return "filesystem_write", shown
        elif event in two_path_events:
            for target in args[:2]:
                ok, shown = may(target, True)
                if not ok:
                    return "filesystem_write", shown
        elif event == "sqlite3.connect" and args and args[0] not in (":memory:", b":memory:", ""):
            ok, shown = may(args[0], True)
            if not ok:
                return "filesystem_write", shown
        return None

    def hook(event: str, args: tuple[object, ...]) -> None:
        found = check(event, args)
        if found is None:
            return
        rule, detail = found
        report(rule, event, detail)
        raise SandboxViolation(f"sandbox policy refused {event} ({rule}): {detail}")

    return hook


def _make_import(allowed: frozenset[str], denied: tuple[str, ...], control_fd: int):
    real_import = builtins.__import__
    report = _violation_writer(control_fd)
    shown = ", ".join(sorted(allowed))

    def refuse(name: str, why: str) -> None:
        report("import", "import", name)
        raise SandboxImportRefused(
            f"import of {name!r} is not allowed in the sandbox ({why}); allowed modules: {shown}"
        )

    def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level != 0:
            refuse(name or ".", "relative imports have no package here")
        if name.partition(".")[0] not in allowed:
            refuse(name, "not on the allowlist")
        for item in fromlist or ():
            full = f"{name}.{item}"
            if full.startswith(denied):
                refuse(full, "submodule is denied")
        if name.startswith(denied):
            refuse(name, "submodule is denied")
        return real_import(name, globals, locals, fromlist, level)

    return guarded_import


def _trimmed_traceback(exc: BaseException, bootstrap_file: str) -> tuple[str, int | None]:
    """The traceback from the user's first frame on, and the user's last line number."""
    import traceback

    te = traceback.TracebackException.from_exception(exc, lookup_lines=False)
    line: int | None = None
    seen: set[int] = set()
    node: traceback.TracebackException | None = te
    while node is not None and id(node) not in seen:
        seen.add(id(node))
        frames = [f for f in node.stack if f.filename != bootstrap_file]
        while frames and frames[0].filename != USER_FILENAME:
            frames.pop(0)
        node.stack = traceback.StackSummary.from_list(frames)
        if node is te:
            user = [f.lineno for f in frames if f.filename == USER_FILENAME]
            line = user[-1] if user else None
        node = node.__cause__ or node.__context__
    if isinstance(exc, SyntaxError) and exc.filename == USER_FILENAME:
        line = exc.lineno
    return "".join(te.format()), line


def _classify(exc: BaseException) -> str:
    if isinstance(exc, (SandboxViolation, SandboxImportRefused)):
        return "policy_violation"
    if isinstance(exc, MemoryError):
        return "memory_limit"
    if isinstance(exc, SyntaxError):
        return "syntax_error"
    return "exception"


def _set_limits(limits: dict[str, int]) -> None:
    def cap(which: int, value: int) -> None:
        _, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(which, (value, value if which != resource.RLIMIT_CPU else hard))

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    cpu = limits["cpu_s"]
    _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    # The soft limit sends SIGXCPU; the hard limit, a second later, SIGKILL.
    new_hard = cpu + 1 if cpu_hard == resource.RLIM_INFINITY else min(cpu + 1, cpu_hard)
    resource.setrlimit(resource.RLIMIT_CPU, (min(cpu, new_hard), new_hard))
    cap(resource.RLIMIT_AS, limits["memory_bytes"])
    cap(resource.RLIMIT_FSIZE, limits["file_bytes"])
    cap(resource.RLIMIT_NOFILE, limits["open_files"])
    if limits.get("processes"):
        cap(resource.RLIMIT_NPROC, limits["processes"])
    # A write past RLIMIT_FSIZE then fails with EFBIG instead of killing the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def main() -> int:
    spec = json.loads(sys.stdin.buffer.read())
    sys.stdin.close()
    control_fd: int = spec["control_fd"]
    result_limit: int = spec["limits"]["result_bytes"]
    workdir: str = spec["workdir"]
    sys.path[:] = spec["sys_path"]
    os.chdir(workdir)
    _set_limits(spec["limits"])
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # a TextIOWrapper here

    # Imported now, not under the hook: ctypes loads libraries as it is imported,
    # traceback and linecache are needed to report errors.
    import linecache
    import traceback

    sys.path.insert(0, _HERE)
    try:
        import _confine  # type: ignore[import-not-found]  # beside this file, on sys.path above
    finally:
        sys.path.pop(0)
    layers = _confine.confine(
        spec["kernel_read"], spec["kernel_write"], **spec.get("kernel_layers", {})
    )
    _write_record(control_fd, {"type": "layers", "layers": layers})
    missing = {
        name: layers.get(name, "off: not applied")
        for name in spec.get("require_layers", [])
        if not layers.get(name, "").startswith("on")
    }
    if missing:
        # Kernel isolation is required and not all there: the user's code never runs.
        _write_record(control_fd, {"type": "isolation_missing", "layers": missing})
        return 0

    code_text: str = spec["code"]
    linecache.cache[USER_FILENAME] = (
        len(code_text),
        None,
        code_text.splitlines(True),
        USER_FILENAME,
    )
    guarded = _make_import(
        frozenset(spec["allowed_imports"]), tuple(spec["denied_modules"]), control_fd
    )
    user_builtins = dict(builtins.__dict__)
    user_builtins["__import__"] = guarded
    for name in ("breakpoint", "input"):
        user_builtins.pop(name, None)

    def emit(value: object = None, /, **fields: object) -> None:
        """Record a structured result now; the last call, or ``result``, wins."""
        payload = dict(fields) if value is None else value
        if fields and isinstance(value, dict):
            payload = {**value, **fields}
        _write_record(control_fd, {"type": "result", "value": payload}, result_limit)

    user_globals: dict[str, object] = {
        "__name__": "__main__",
        "__file__": USER_FILENAME,
        "__builtins__": user_builtins,
        "emit": emit,
    }
    bootstrap_file = os.path.abspath(__file__)
    outcome: dict[str, object] = {"type": "outcome", "ok": True}
    sys.addaudithook(
        _make_hook(control_fd, workdir, spec["read_roots"], spec["read_files"], spec["write_files"])
    )
    try:
        compiled = compile(code_text, USER_FILENAME, "exec", dont_inherit=True)
        exec(compiled, user_globals)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            outcome.update(
                ok=False, kind="exception", error=f"the script exited with status {exc.code!r}"
            )
    except BaseException as exc:
        # Free what the code built (a MemoryError leaves memory full) before formatting.
        user_globals.clear()
        text, line = _trimmed_traceback(exc, bootstrap_file)
        first = traceback.format_exception_only(type(exc), exc)[-1].strip()
        outcome.update(ok=False, kind=_classify(exc), error=first, traceback=text, line=line)
    if outcome["ok"] and "result" in user_globals:
        try:
            _write_record(
                control_fd, {"type": "result", "value": user_globals["result"]}, result_limit
            )
        except (TypeError, ValueError) as exc:
            outcome.update(
                ok=False, kind="result_error", error=f"`result` could not be serialised: {exc}"
            )
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    _write_record(control_fd, outcome)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
