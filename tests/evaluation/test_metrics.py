"""Pure evaluation logic: tool-selection metrics, summaries, answer parsing, baselines."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peoa.evaluation import ndcg_at_k, quantile, recall_at_k, summarise
from peoa.evaluation.direct import parse_answer
from peoa.evaluation.runner import make_record, tool_ranking
from peoa.evaluation.variants import VariantError, parse_baselines
from tests.evaluation._fakes import item, solution

NAMES = st.lists(st.sampled_from(list("abcdefgh")), max_size=8)


def test_recall_and_ndcg_by_hand() -> None:
    ranking = ["pipe_velocity", "reynolds", "pump_power"]
    assert recall_at_k(ranking, ["pump_power"], 2) == 0.0
    assert recall_at_k(ranking, ["pump_power"], 3) == 1.0
    assert recall_at_k(ranking, ["pump_power", "reynolds"], 2) == 0.5
    # gold at rank 3: 1/log2(4) = 0.5 against the ideal 1
    assert ndcg_at_k(ranking, ["pump_power"], 3) == pytest.approx(0.5)
    # two gold at ranks 1 and 3 against ideal ranks 1 and 2
    assert ndcg_at_k(ranking, ["pipe_velocity", "pump_power"], 3) == pytest.approx(
        (1 + 0.5) / (1 + 1 / math.log2(3))
    )
    with pytest.raises(ValueError):
        recall_at_k(ranking, [], 3)
    with pytest.raises(ValueError):
        ndcg_at_k(ranking, ["a"], 0)


@given(ranking=NAMES, gold=NAMES.filter(bool), k=st.integers(1, 10))
def test_metrics_stay_in_range_and_grow_with_k(ranking: list[str], gold: list[str], k: int) -> None:
    for metric in (recall_at_k, ndcg_at_k):
        value = metric(ranking, gold, k)
        assert 0.0 <= value <= 1.0 + 1e-12
    assert recall_at_k(ranking, gold, k) <= recall_at_k(ranking, gold, k + 1)
    # The gold tools first is the ideal ranking.
    ideal = list(dict.fromkeys(gold))
    assert ndcg_at_k(ideal, gold, k) == pytest.approx(1.0)


def test_quantile_interpolates() -> None:
    values = [float(v) for v in range(1, 101)]
    assert quantile(values, 0.5) == pytest.approx(50.5)
    assert quantile(values, 0.95) == pytest.approx(95.05)


def test_records_and_summary_score_outcomes_tools_and_repairs() -> None:
    items = [
        item("a", 1200.0, "kPa", tools=["unit_convert"]),
        item("b", 2720.0, "W", category="pumps", tools=["pump_power"]),
        item("c", 1.0, "m"),
        item("d", 5.0, "kPa"),
        item("e", 5.0, "kPa"),
    ]
    answers = {
        "a": solution(12.0, "bar", tools=("unit_convert",), candidates=("unit_convert", "x")),
        "b": solution(
            2.72,
            "kW",
            tools=("pipe_velocity", "pump_power"),
            revisions=1,
            candidates=("pipe_velocity", "pump_power", "reynolds"),
        ),
        "c": solution(3.0, "s"),
        "d": solution(5.0, "blorps"),
        "e": solution(None, None, status="failed"),
    }
    records = [make_record(i, lambda q, i=i: answers[i.id]) for i in items]
    assert [r.outcome for r in records] == ["correct", "correct", "wrong_unit", "bad_unit",
                                            "no_answer"]  # fmt: skip
    assert "blorps" in (records[3].error or "") and "pint" in (records[3].error or "")
    assert records[1].tools == ["pipe_velocity", "pump_power"]
    summary = summarise(records)
    assert summary.accuracy == pytest.approx(2 / 5)
    assert summary.per_category == {"pumps": 1.0, "units": 0.25}
    assert summary.unit_correctness == pytest.approx(2 / 5)
    assert summary.execution_success == pytest.approx(4 / 5)
    assert summary.revised_items == 1 and summary.repair_rate == 1.0
    assert summary.errors == {"bad_unit": 1, "correct": 2, "no_answer": 1, "wrong_unit": 1}
    # Gold tools on a and b only: a's tool ranks first, b's second.
    assert summary.tool_items == 2
    assert summary.tool_recall == {"@1": 0.5, "@3": 1.0, "@5": 1.0}
    assert summary.tool_ndcg is not None
    assert summary.tool_ndcg["@1"] == 0.5
    assert summary.tool_ndcg["@3"] == pytest.approx((1 + 1 / math.log2(3)) / 2)
    assert summary.prompt_tokens == 50 and summary.completion_tokens == 25


def test_accuracy_by_the_steps_an_item_needs() -> None:
    # "steps" when the item says, else its gold tools; items that say neither are left out.
    items = [
        item("one", 1.0, "m", tools=["unit_convert"]),
        item("two", 2.0, "m", tools=["pipe_velocity", "reynolds_number"]),
        item("two-b", 3.0, "m", steps=2, tools=["pump_power"]),
        item("none", 4.0, "m"),
    ]
    answers = {"one": 1.0, "two": 2.0, "two-b": 30.0, "none": 4.0}
    records = [make_record(i, lambda q, i=i: solution(answers[i.id], "m")) for i in items]
    assert [r.gold_steps for r in records] == [1, 2, 2, None]
    assert summarise(records).per_steps == {"1": 1.0, "2": 0.5}


def test_without_gold_tools_there_is_no_tool_score() -> None:
    records = [make_record(item("a", 1.0, "m"), lambda q: solution(1.0, "m"))]
    summary = summarise(records)
    assert summary.tool_items == 0 and summary.tool_recall is None


def test_a_crashing_solver_is_an_error_record() -> None:
    def crash(question: str) -> None:
        raise RuntimeError("boom")

    record = make_record(item("a", 1.0, "m"), crash)
    assert record.status == "error" and record.outcome == "error" and "boom" in (record.error or "")


def test_tool_ranking_puts_called_tools_first() -> None:
    assert tool_ranking(["b"], ["a", "b", "c"]) == ["b", "a", "c"]
    assert tool_ranking([], []) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Power = rho*g*Q*H/eta\nAnswer: 2.72 kW", (2.72, "kW")),
        ("Answer: 3.5e3 Pa.", (3500.0, "Pa")),
        ("answer = 3.5 x 10^3 Pa", (3500.0, "Pa")),
        ("The answer is **1200 kPa**", (1200.0, "kPa")),
        ("Flow 20 m3/h gives 5.6 m/s", (5.6, "m/s")),
        ("Answer: 45000", (45000.0, "")),
        ("Answer: 662.0 <K>", (662.0, "K")),
        ("No idea.", (None, None)),
    ],
)
def test_direct_answers_are_parsed(text: str, expected: tuple[float | None, str | None]) -> None:
    value, unit = parse_answer(text)
    assert (value, unit) == (pytest.approx(expected[0]) if expected[0] else None, expected[1])


def test_baseline_names_are_checked() -> None:
    assert parse_baselines(["direct,no-graph", "openai:gpt-4o-mini"]) == [
        "direct", "no-graph", "openai:gpt-4o-mini",
    ]  # fmt: skip
    with pytest.raises(VariantError, match="unknown baseline 'nograph'"):
        parse_baselines(["nograph"])
