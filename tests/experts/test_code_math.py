"""The code and math experts with the real local model and the real sandbox."""

from __future__ import annotations

import pytest

from peoa.experts import ExpertResult, ExpertTask
from peoa.sandbox import run_python
from peoa.tools import ureg

pytestmark = pytest.mark.slow

CAR = "Compute the kinetic energy in J of a 1200 kg car moving at 25 m/s."


def joules(result: ExpertResult) -> float:
    assert result.answer is not None
    return float(ureg.Quantity(result.answer.value, result.answer.unit).to("J").magnitude)


def test_code_expert_returns_the_sandboxed_result(experts) -> None:
    result = experts["code"].run(ExpertTask(question=CAR, sub_task=CAR))
    assert result.ok, result.text
    assert joules(result) == pytest.approx(0.5 * 1200 * 25**2)
    # the number is the script's: running the script again gives it
    again = run_python(result.code or "")
    assert again.ok and again.result["value"] == pytest.approx(result.answer.value)


def test_code_expert_repairs_a_failing_script(experts) -> None:
    broken = (
        "import math\n"
        "m = 1200.0  # kg\n"
        "v = 25.0  # m/s\n"
        "E = 0.5 * m * math.pow(v)\n"
        'result = {"value": E, "unit": "J"}\n'
    )
    failed = run_python(broken)
    assert not failed.ok and failed.traceback
    previous = ExpertResult(
        expert="code",
        sub_task=CAR,
        ok=False,
        code=broken,
        error=failed.error,
        text=f"{failed.error}\n{failed.traceback}",
    )
    result = experts["code"].run(
        ExpertTask(question=CAR, sub_task=CAR, previous=previous, feedback=failed.error, attempt=2)
    )
    assert result.ok, result.text
    assert result.llm_calls[0].purpose == "repair code"
    assert result.code != broken
    assert joules(result) == pytest.approx(0.5 * 1200 * 25**2)


def test_math_expert_solves_an_equation(experts) -> None:
    sub_task = "Find the real root of x**3 - 2*x - 5 = 0."
    result = experts["math"].run(ExpertTask(question=sub_task, sub_task=sub_task))
    assert result.ok, result.text
    assert result.answer is not None
    x = result.answer.value
    assert x**3 - 2 * x - 5 == pytest.approx(0, abs=1e-9)
    assert "sympy" in (result.code or "") or "scipy" in (result.code or "")
