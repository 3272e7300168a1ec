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
        # a value stated, then asked again in another unit
        (
            "The cooling-water header runs at 1200 US gallons per minute. What is that in L/s?",
            1200 * 3.785411784 / 60,
            "L/s",
        ),
        (
            "The skid exports 5000 bbl/d of condensate. Express it in m3/h.",
            5000 * 0.158987294928 / 24,
            "m3/h",
        ),
        ("A reboiler outlet reads 400 °F. What is this temperature in °C?", 204.444444, "°C"),
        # ...or named again: the base model once took this for a pump head (71.4 m)
        ("The header pressure is 7 bar. Convert the header pressure to kPa.", 700.0, "kPa"),
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


@pytest.mark.parametrize(
    "question",
    [
        # other data beside the value: the answer is computed, not converted
        "A gas plant processes 239 MMSCFD of gas at 60 °F and 14.696 psia. What is that flow "
        "in Nm3/d at 0 °C and 101.325 kPa?",
        # a question first: "it" is its answer
        "What is the dew point of air at 25 °C and 50 % relative humidity? Give it in °F.",
        "What is the dew point of air at 25 °C? Give it in °F.",
        # the asked unit does not fit the value
        "The tank holds 30 m3 of water. What is that in kg?",
        # the name asked is not the value's: the outlet temperature is not given
        "The inlet temperature is 300 K. Convert the outlet temperature to °C.",
        # more is asked after the conversion
        "The header pressure is 7 bar. Convert the header pressure to kPa, then find the "
        "boiling point of water at that pressure.",
    ],
)
def test_a_computed_answer_asked_in_a_unit_is_not_a_conversion(experts, question: str) -> None:
    task = ExpertTask(question=question, sub_task=question, candidate_tools=RETRIEVED)
    assert experts["calculation"].plain_conversion_call(task) is None
    assert experts["calculation"].candidates(task) == RETRIEVED
