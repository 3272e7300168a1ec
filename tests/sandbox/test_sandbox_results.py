"""What a sandbox run returns for working and broken code, with the real libraries."""

from __future__ import annotations

import glob
import math

import pytest

from peoa.sandbox import SandboxLimits, run_python


def test_trivial_result_and_stdout() -> None:
    result = run_python("print('hello')\nresult = {'value': 2 + 3, 'unit': 'm'}")
    assert result.ok
    assert result.stdout == "hello\n"
    assert result.result == {"value": 5, "unit": "m"}
    assert result.error_kind is None
    assert result.violations == []


def test_emit_reports_a_result() -> None:
    result = run_python("emit({'a': 1}, b=2)")
    assert result.ok
    assert result.result == {"a": 1, "b": 2}


def test_numpy_result_is_serialised() -> None:
    result = run_python("import numpy as np\nresult = np.linalg.solve([[2, 0], [0, 4]], [2, 8])")
    assert result.ok, result.error
    assert result.result == pytest.approx([1.0, 2.0])


def test_scipy_root_finding() -> None:
    result = run_python(
        "from scipy.optimize import brentq\nresult = brentq(lambda x: x**2 - 2, 0, 2)"
    )
    assert result.ok, result.error
    assert result.result == pytest.approx(math.sqrt(2))


def test_fluids_reynolds_number() -> None:
    # fluids' own docstring example: Reynolds(V=2.5, D=0.25, rho=1.1613, mu=1.9E-5)
    result = run_python(
        "import fluids\nresult = fluids.Reynolds(V=2.5, D=0.25, rho=1.1613, mu=1.9E-5)"
    )
    assert result.ok, result.error
    assert result.result == pytest.approx(38200.6579, rel=1e-6)


def test_pint_quantity_becomes_value_and_unit() -> None:
    code = "import pint\nu = pint.UnitRegistry()\nresult = (3.6 * u.km / u.hour).to('m/s')"
    result = run_python(code)
    assert result.ok, result.error
    assert result.result["value"] == pytest.approx(1.0)
    assert result.result["unit"] == "meter / second"


def test_traceback_names_the_right_line() -> None:
    code = "import math\n\ndef f(x):\n    return math.log(x)\n\ny = f(-1)\n"
    result = run_python(code)
    assert not result.ok
    assert result.error_kind == "exception"
    assert result.error == "ValueError: math domain error"
    assert result.line == 4
    assert 'File "main.py", line 6, in <module>' in result.traceback
    assert 'File "main.py", line 4, in f' in result.traceback
    assert "_child.py" not in result.traceback


def test_library_error_traceback_starts_at_user_code() -> None:
    result = run_python("import numpy as np\nx = np.ones(3)\ny = x.reshape(2, 2)")
    assert result.error_kind == "exception"
    assert result.line == 3
    assert result.traceback.splitlines()[1].strip() == 'File "main.py", line 3, in <module>'


def test_syntax_error() -> None:
    result = run_python("x = 1\ny = (2 +\n")
    assert result.error_kind == "syntax_error"
    assert result.line == 2


def test_unserialisable_result() -> None:
    result = run_python("result = object()")
    assert result.error_kind == "result_error"
    assert "object" in (result.error or "")


def test_output_is_capped() -> None:
    limits = SandboxLimits(output_bytes=1024)
    result = run_python("print('x' * 5000)", limits=limits)
    assert result.ok
    assert len(result.stdout) == 1024
    assert result.stdout_truncated


def test_working_directory_is_removed() -> None:
    before = set(glob.glob("/tmp/peoa-sandbox-*"))
    result = run_python("open('scratch.txt', 'w').write('x')")
    assert result.ok
    assert set(glob.glob("/tmp/peoa-sandbox-*")) <= before


def test_environment_secrets_do_not_reach_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-should-not-leak")
    code = "g = next(c for c in ().__class__.__base__.__subclasses__() if c.__name__ == '_wrap_close').__init__.__globals__\nresult = dict(g['environ'])"
    result = run_python(code)
    assert result.ok, result.error
    assert "OPENAI_API_KEY" not in result.result


def test_isolation_layers_are_reported() -> None:
    result = run_python("result = 1")
    assert result.ok
    assert set(result.layers) >= {"network_namespace", "landlock", "seccomp"}
