"""Run Python written by the code expert in a confined child process.

>>> from peoa.sandbox import run_python
>>> run_python("import math\\nresult = math.sqrt(2)").ok
True
"""

from peoa.sandbox.models import ErrorKind, SandboxLimits, SandboxResult, Violation
from peoa.sandbox.runner import SandboxError, run_python

__all__ = ["ErrorKind", "SandboxError", "SandboxLimits", "SandboxResult", "Violation", "run_python"]
