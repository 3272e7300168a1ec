"""The code expert's pure logic, without a model: code extraction, results, the prelude."""

from __future__ import annotations

import pytest

from peoa.experts.base import ExpertTask
from peoa.experts.codegen import CodeExpert, ResultError, extract_code, interpret_result


def test_extract_code_from_fenced_raw_and_cut_replies() -> None:
    assert (
        extract_code("Sure!\n```python\nx = 1\nresult = x\n```\nThis works.") == "x = 1\nresult = x"
    )
    assert extract_code("```py\nresult = 2\n") == "result = 2"
    assert (
        extract_code("result = {'value': 1, 'unit': 'm'}") == "result = {'value': 1, 'unit': 'm'}"
    )
    assert extract_code("```python\n```") == ""


@pytest.mark.parametrize(
    ("result", "value", "unit"),
    [
        ({"value": 12.5, "unit": "kW"}, 12.5, "kW"),
        (3.0, 3.0, ""),
        ({"value": [4.0], "unit": "m"}, 4.0, "m"),
        ({"Re": 1e5, "value": {"value": 2.0, "unit": "bar"}}, 2.0, "bar"),
        ({"value": {"real": 1.5, "imag": 0.0}, "unit": ""}, 1.5, ""),
    ],
)
def test_interpret_result_accepts_numbers_with_units(
    result: object, value: float, unit: str
) -> None:
    answer, _ = interpret_result(result)
    assert (answer.value, answer.unit) == (value, unit)


@pytest.mark.parametrize(
    ("result", "says"),
    [
        (None, "set no result"),
        ({"value": [1.0, 3.0], "unit": ""}, "several values"),
        ({"value": "fast", "unit": ""}, "not a real number"),
        ({"value": 1.0, "unit": "furlongs per fortnightx"}, "not a unit pint knows"),
        ({"a": 1.0, "b": 2.0}, "none is named 'value'"),
        (float("nan"), "not a finite number"),
    ],
)
def test_interpret_result_explains_what_to_fix(result: object, says: str) -> None:
    with pytest.raises(ResultError, match=says):
        interpret_result(result)


def test_the_questions_values_are_variables_the_script_starts_with() -> None:
    task = ExpertTask(
        question="q", sub_task="q",
        inputs={"m1": {"value": 300.0, "unit": "K", "means": "300 K (inlet)"},
                "m2": {"value": 2, "unit": "", "means": "2 (passes)"}},
    )  # fmt: skip
    prelude = CodeExpert.prelude(task)
    assert prelude.splitlines() == [
        "m1 = 300.0  # K: 300 K (inlet)",
        "m2 = 2.0  # dimensionless: 2 (passes)",
    ]
    namespace: dict[str, float] = {}
    exec(prelude, namespace)  # the prelude is valid Python that defines the values
    assert (namespace["m1"], namespace["m2"]) == (300.0, 2.0)
