"""One test per kind of escape the issue names; each must be stopped and reported."""

from __future__ import annotations

import pytest

from peoa.sandbox import SandboxResult, run_python
from tests.sandbox.conftest import REPO_ROOT, Outside

OS_GLOBALS = (
    "OS = next(c for c in ().__class__.__base__.__subclasses__() "
    'if c.__name__ == "_wrap_close").__init__.__globals__\n'
)


def _refused(result: SandboxResult, rule: str) -> None:
    assert not result.ok
    assert result.error_kind == "policy_violation", (result.error_kind, result.error)
    assert rule in {v.rule for v in result.violations}, result.violations


def test_read_etc_passwd(outside: Outside) -> None:
    result = run_python("print(open('/etc/passwd').read())")
    _refused(result, "filesystem_read")
    assert "root:" not in result.stdout
    assert result.line == 1


def test_read_repository_file() -> None:
    result = run_python(f"print(open({str(REPO_ROOT / 'pyproject.toml')!r}).read())")
    _refused(result, "filesystem_read")
    assert "peoa" not in result.stdout


def test_read_via_io_and_pathlib_imports_refused(outside: Outside) -> None:
    for module in ("io", "pathlib"):
        result = run_python(f"import {module}")
        _refused(result, "import")
        assert f"import of '{module}' is not allowed" in (result.error or "")


def test_read_via_pathlib_reached_without_import(outside: Outside) -> None:
    code = f"p = print.__self__.__import__('pathlib')\nprint(p.Path({str(outside.secret_file)!r}).read_text())"
    result = run_python(code)
    _refused(result, "filesystem_read")
    assert outside.secret not in result.stdout


def test_write_outside(outside: Outside) -> None:
    result = run_python(f"open({str(outside.marker)!r}, 'w').write('x')")
    _refused(result, "filesystem_write")
    assert not outside.marker.exists()


def test_write_inside_working_directory_is_allowed() -> None:
    result = run_python(
        "open('data.csv', 'w').write('a,b\\n1,2\\n')\nresult = open('data.csv').read()"
    )
    assert result.ok, result.error
    assert result.result == "a,b\n1,2\n"


def test_socket_connect_to_local_listener(outside: Outside) -> None:
    result = run_python(f"import socket\nsocket.create_connection(('127.0.0.1', {outside.port}))")
    _refused(result, "import")
    code = (
        "s = print.__self__.__import__('socket')\n"
        f"s.create_connection(('127.0.0.1', {outside.port}), timeout=2).sendall(b'x')"
    )
    result = run_python(code)
    _refused(result, "network")
    assert not outside.connection_arrived()


@pytest.mark.parametrize(
    "call",
    [
        "import subprocess\nsubprocess.run(['touch', {m!r}])",
        OS_GLOBALS + "OS['system']('touch {m}')",
        OS_GLOBALS + "OS['execv']('/usr/bin/touch', ['touch', {m!r}])",
        OS_GLOBALS + "OS['fork']()",
        OS_GLOBALS + "OS['posix_spawn']('/usr/bin/touch', ['touch', {m!r}], {{}})",
    ],
    ids=["subprocess", "os.system", "os.execv", "os.fork", "os.posix_spawn"],
)
def test_process_creation(call: str, outside: Outside) -> None:
    result = run_python(call.format(m=str(outside.marker)))
    assert not result.ok
    assert result.error_kind == "policy_violation"
    assert {v.rule for v in result.violations} & {"import", "process"}
    assert not outside.marker.exists()


def test_fork_bomb(outside: Outside) -> None:
    code = (
        OS_GLOBALS
        + "while True:\n    try:\n        OS['fork']()\n    except BaseException:\n        pass"
    )
    result = run_python(code, timeout_s=3, cpu_s=2)
    assert not result.ok
    assert result.error_kind == "policy_violation"
    assert all(v.rule == "process" for v in result.violations)


def test_fork_without_audit_event_is_killed_by_seccomp(outside: Outside) -> None:
    code = (
        "import scipy.optimize\n"
        "P = next(c for c in object.__subclasses__() if c.__name__ == 'Popen')\n"
        "g = P.__init__.__globals__\n"
        "r, w = g['os'].pipe()\n"
        f"g['_fork_exec']([b'/usr/bin/touch', {str(outside.marker).encode()!r}], "
        "[b'/usr/bin/touch'], True, (w,), None, None, -1, -1, -1, -1, -1, -1, r, w, "
        "False, False, -1, None, None, None, -1, None, True)"
    )
    result = run_python(code)
    if result.layers.get("seccomp") != "on":
        pytest.skip(f"seccomp is {result.layers.get('seccomp')} on this kernel")
    _refused(result, "syscall")
    assert not outside.marker.exists()


def test_ctypes(outside: Outside) -> None:
    _refused(run_python("import ctypes"), "import")
    code = (
        f"c = print.__self__.__import__('ctypes')\nc.CDLL(None).system(b'touch {outside.marker}')"
    )
    _refused(run_python(code), "native_code")
    assert not outside.marker.exists()


def test_infinite_loop_hits_the_wall_clock_limit() -> None:
    result = run_python("import time\ntime.sleep(60)", timeout_s=1.5)
    assert result.error_kind == "timeout"
    assert "wall-clock" in (result.error or "")


def test_cpu_burn_hits_the_cpu_limit() -> None:
    result = run_python("while True:\n    pass", cpu_s=1, timeout_s=20)
    assert result.error_kind == "cpu_limit", (result.error_kind, result.error)
    assert result.cpu_s > 0.5


def test_huge_allocation_hits_the_memory_limit() -> None:
    result = run_python(
        "blocks = []\nwhile True:\n    blocks.append(bytearray(10**7))", memory_mb=512
    )
    assert result.error_kind == "memory_limit", (result.error_kind, result.error)
    assert result.line == 3


def test_dunder_import_os() -> None:
    _refused(run_python("__import__('os')"), "import")


def test_importlib_import_module() -> None:
    _refused(run_python("import importlib\nimportlib.import_module('os')"), "import")


def test_builtins_tricks(outside: Outside) -> None:
    _refused(run_python("__builtins__['__import__']('os')"), "import")
    _refused(run_python("import builtins"), "import")
    code = f"exec(\"import os\\nos.system('touch {outside.marker}')\", {{'__builtins__': print.__self__}})"
    _refused(run_python(code), "process")
    assert not outside.marker.exists()


def test_sys_modules_trick(outside: Outside) -> None:
    code = OS_GLOBALS + f"OS['sys'].modules['os'].system('touch {outside.marker}')"
    _refused(run_python(code), "process")
    assert not outside.marker.exists()


def test_eval_and_exec_of_forbidden_imports() -> None:
    _refused(run_python("eval(\"__import__('os')\")"), "import")
    _refused(run_python("exec('import subprocess')"), "import")


def test_gc_get_objects() -> None:
    _refused(run_python("print.__self__.__import__('gc').get_objects()"), "introspection")


def test_caught_violation_is_still_reported(outside: Outside) -> None:
    code = f"try:\n    open({str(outside.secret_file)!r}).read()\nexcept Exception:\n    pass\nresult = 1"
    result = run_python(code)
    _refused(result, "filesystem_read")
