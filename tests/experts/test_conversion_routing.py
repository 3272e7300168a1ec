"""A plain unit conversion goes to the conversion tool alone, whatever retrieval ranks first.

Retrieval puts ``flow_coefficient_convert`` (its text mentions bar) level with
``unit_convert`` for "Convert N bar to kPa", and the base model picked by position;
these are the candidates the expert offers its model. A plain conversion's text also
says the value and both units, so the expert runs the tool without asking its model
(filling them, the base model once answered 350 kPa for "Convert 3 bar to kPa"). The
whole solve through the server is in ``tests/server/test_concurrency.py``.
"""

from __future__ import annotations

import pytest

from peoa.experts.base import ExpertTask

# What the graph's tool search returned for "Convert 3 bar to kPa." (best first).
RETRIEVED = ["flow_coefficient_convert", "unit_convert", "relief_valve_liquid", "heat_capacity"]


@pytest.mark.parametrize(
    "question",
    [
        "Convert 3 bar to kPa.",
        "How many kPa is 21 bar?",
        "What is 212 degF in degC?",
        "Express 5 m3/h in L/min",
        "30 psig in bar",
    ],
)
def test_a_plain_conversion_is_offered_only_the_conversion_tool(experts, question: str) -> None:
    task = ExpertTask(question=question, sub_task=question, candidate_tools=RETRIEVED)
    assert experts["calculation"].candidates(task) == ["unit_convert"]


@pytest.mark.parametrize(
    "question",
    [
        "Convert 10 Kv to Cv.",  # not pint units: the valve coefficients' own tool may apply
        "Convert 3 bar to kg.",  # no common dimension
        "Convert 3 bar to kPa, then give the boiling point of water at that pressure.",
    ],
)
def test_anything_else_keeps_the_retrieved_candidates(experts, question: str) -> None:
    task = ExpertTask(question=question, sub_task=question, candidate_tools=RETRIEVED)
    assert experts["calculation"].candidates(task) == RETRIEVED


@pytest.mark.parametrize(
    ("question", "value", "unit"),
    [
        ("Convert 3 bar to kPa.", 300.0, "kPa"),
        ("How many kPa is 21 bar?", 2100.0, "kPa"),
        ("What is 212 degF in degC?", 100.0, "degC"),
        ("Express 6 m3/h in L/min", 100.0, "L/min"),
    ],
)
def test_a_plain_conversion_is_solved_from_its_text_without_the_model(
    experts, question: str, value: float, unit: str
) -> None:
    result = experts["calculation"].run(ExpertTask(question=question, sub_task=question))
    assert result.ok, result.error
    assert result.llm_calls == []
    assert [c.tool for c in result.tool_calls] == ["unit_convert"]
    assert result.answer.value == pytest.approx(value) and result.answer.unit == unit
