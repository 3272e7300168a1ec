"""What sandboxed code may import and which files it may read.

The import allowlist is a policy for honest code: it tells the code expert, with
a clear message, which libraries it may use. It is not the security boundary,
because an allowed library can hand out references to modules such as ``os``;
the audit hook and the kernel layers are what stop the operations themselves.
"""

from __future__ import annotations

import os
import sys
import sysconfig
from functools import lru_cache

__all__ = [
    "ALLOWED_IMPORTS",
    "DENIED_MODULES",
    "READ_FILES",
    "child_sys_path",
    "kernel_read_paths",
    "python_read_roots",
]

#: Top-level modules the user's code may import.
ALLOWED_IMPORTS: frozenset[str] = frozenset(
    {
        # the numerical and field libraries
        "numpy", "scipy", "sympy", "mpmath", "pandas", "pint",
        "fluids", "ht", "thermo", "chemicals", "CoolProp", "cantera",
        # harmless stdlib
        "__future__", "abc", "array", "bisect", "calendar", "cmath", "collections",
        "contextlib", "copy", "dataclasses", "datetime", "decimal", "enum", "fractions",
        "functools", "heapq", "itertools", "json", "math", "numbers", "operator", "pprint",
        "random", "re", "statistics", "string", "textwrap", "time", "typing",
        "unicodedata", "warnings",
    }
)  # fmt: skip

#: Submodules of allowed packages that exist to reach native code or run programs.
DENIED_MODULES: tuple[str, ...] = (
    "numpy.ctypeslib",
    "numpy.f2py",
    "numpy.distutils",
    "numpy.testing",
    "pandas.io.clipboard",
    "sympy.utilities.autowrap",
)

#: Single files any code may read: CPU counts and quotas that libraries (joblib/loky
#: under thermo, OpenBLAS) look up to size their thread pools.
READ_FILES: tuple[str, ...] = (
    "/sys/fs/cgroup/cpu.max",
    "/sys/fs/cgroup/cpu/cpu.cfs_quota_us",
    "/sys/fs/cgroup/cpu/cpu.cfs_period_us",
    "/proc/cpuinfo",
    "/proc/meminfo",
    "/proc/stat",
    "/dev/urandom",
)


def _existing(paths: list[str]) -> list[str]:
    seen: list[str] = []
    for path in paths:
        # /proc/self must stay a name: resolved here it would be the parent's pid.
        real = path if path.startswith("/proc/") else os.path.realpath(path)
        if os.path.exists(real) and real not in seen:
            seen.append(real)
    return seen


@lru_cache(maxsize=1)
def python_read_roots() -> tuple[str, ...]:
    """Directories the interpreter and the installed libraries are read from."""
    names = ("stdlib", "platstdlib", "purelib", "platlib")
    own = sysconfig.get_paths()
    base = sysconfig.get_paths(vars={"base": sys.base_prefix, "platbase": sys.base_exec_prefix})
    return tuple(_existing([own[n] for n in names] + [base[n] for n in names]))


@lru_cache(maxsize=1)
def child_sys_path() -> tuple[str, ...]:
    """``sys.path`` of the child: this interpreter's entries that lie under the roots.

    The editable install's checkout and the current directory are left out, so the
    child never looks for modules in the repository.
    """
    roots = tuple(r + os.sep for r in python_read_roots())
    kept = [p for p in sys.path if p and (os.path.realpath(p) + os.sep).startswith(roots)]
    zipped = os.path.join(
        sys.base_prefix, "lib", f"python{sys.version_info[0]}{sys.version_info[1]}.zip"
    )
    return tuple(p for p in dict.fromkeys([zipped, *kept]) if os.path.exists(p))


def kernel_read_paths() -> list[str]:
    """Read-only paths for the Landlock layer: Python, the shared libraries, CPU info.

    Wider than the audit hook's roots because the dynamic loader and OpenBLAS read
    files that Python code never opens.
    """
    paths = [sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix]
    paths += list(python_read_roots())
    paths += [
        "/lib", "/lib32", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib",
        "/etc/ld.so.cache", "/etc/localtime", "/usr/share/zoneinfo",
        "/sys/devices/system/cpu", "/proc/self", *READ_FILES,
    ]  # fmt: skip
    return _existing(paths)
