"""Where a solve's time went: the evaluation records' timings and bench_agent's figures."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from benchmarks.bench_agent import figures
from peoa.evaluation.runner import ItemRecord, _steps_time


def test_overlapping_steps_count_once() -> None:
    steps = [SimpleNamespace(started_at=10.0, finished_at=14.0),
             SimpleNamespace(started_at=11.0, finished_at=13.0),  # inside the first
             SimpleNamespace(started_at=13.5, finished_at=16.0),  # overlaps its end
             SimpleNamespace(started_at=20.0, finished_at=21.0),
             SimpleNamespace(started_at=None, finished_at=None)]  # never ran  # fmt: skip
    assert _steps_time(steps) == pytest.approx(7.0)


def _record(latency: float, model: float, tool: float, steps: float, correct: bool) -> ItemRecord:
    return ItemRecord(id=f"i{latency}", category="units", status="answered", reference=1.0,
                      reference_unit="kPa", correct=correct, latency_s=latency,
                      model_time_s=model, tool_time_s=tool, steps_time_s=steps)  # fmt: skip


def test_bench_agent_figures_from_records() -> None:
    records = [_record(10.0, 9.0, 0.5, 9.8, True), _record(20.0, 18.0, 1.0, 19.0, False),
               _record(30.0, 27.0, 0.0, 29.0, True)]  # fmt: skip
    found = {m.metric: m for m in figures(records)}
    assert found["median end-to-end time per dev problem"].value == 20.0
    assert found["median end-to-end time per dev problem"].met is True
    overhead = found["orchestration overhead (outside models and tools)"]
    assert overhead.value == pytest.approx((0.5 + 1.0 + 3.0) / 60.0)
    assert overhead.met is False  # 7.5 % > 5 %
    assert "3 dev problems, 2 correct" in found["median end-to-end time per dev problem"].notes


def test_records_without_timings_are_refused() -> None:
    with pytest.raises(ValueError, match="no model timings"):
        figures([_record(10.0, 0.0, 0.0, 0.0, True)])
