"""Run Python written by the code expert in a confined child process.

>>> from peoa.sandbox import run_python
>>> run_python("import math\\nresult = math.sqrt(2)").ok
True
"""

from peoa.sandbox.models import (
    KERNEL_LAYERS,
    ErrorKind,
    KernelLayer,
    SandboxLimits,
    SandboxResult,
    SandboxSettings,
    Violation,
)
from peoa.sandbox.runner import IsolationUnavailableError, SandboxError, run_python

__all__ = [
    "KERNEL_LAYERS",
    "ErrorKind",
    "IsolationUnavailableError",
    "KernelLayer",
    "SandboxError",
    "SandboxLimits",
    "SandboxResult",
    "SandboxSettings",
    "Violation",
    "run_python",
]
