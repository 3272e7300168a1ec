"""The runner's bookkeeping: resume, a torn last line, item order under concurrency."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from peoa.evaluation import evaluate
from peoa.evaluation.runner import ItemRecord, read_records
from tests.evaluation._fakes import item, solution

ITEMS = [item(f"i{n}", float(n), "m") for n in range(6)]


def _solver(calls: list[str]):  # type: ignore[no-untyped-def]
    lock = threading.Lock()

    def solve(question: str):  # type: ignore[no-untyped-def]
        with lock:
            calls.append(question)
        n = int(question.split()[1].removeprefix("i").rstrip("?"))
        time.sleep(0.01 * (6 - n))  # later items finish first under concurrency
        return solution(float(n) if n % 2 == 0 else n + 10.0, "m")

    return solve


def test_resume_skips_finished_items_and_reruns_a_torn_line(tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    calls: list[str] = []
    first = evaluate(ITEMS[:3], _solver(calls), out)
    assert [r.id for r in first] == ["i0", "i1", "i2"]
    # A kill mid-write leaves half a line: that item runs again, the others do not.
    text = out.read_text().splitlines()
    out.write_text("\n".join(text[:2]) + "\n" + text[2][:20])
    calls.clear()
    again = evaluate(ITEMS, _solver(calls), out, resume=True)
    assert calls == [f"question i{n}?" for n in (2, 3, 4, 5)]
    assert [r.id for r in again] == [i.id for i in ITEMS]
    assert [r.correct for r in again] == [True, False, True, False, True, False]
    assert set(read_records(out)) == {i.id for i in ITEMS}
    # Without --resume the file starts over.
    calls.clear()
    evaluate(ITEMS[:1], _solver(calls), out)
    assert len(out.read_text().splitlines()) == 1 and calls == ["question i0?"]


def test_concurrency_keeps_item_order_and_each_record_once(tmp_path: Path) -> None:
    calls: list[str] = []
    seen: list[ItemRecord] = []
    records = evaluate(ITEMS, _solver(calls), tmp_path / "r.jsonl", concurrency=3,
                       on_item=seen.append)  # fmt: skip
    assert [r.id for r in records] == [i.id for i in ITEMS]
    assert sorted(calls) == sorted(f"question {i.id}?" for i in ITEMS)
    assert sorted(r.id for r in seen) == [i.id for i in ITEMS]
    lines = (tmp_path / "r.jsonl").read_text().splitlines()
    assert sorted(ItemRecord.model_validate_json(line).id for line in lines) == [
        i.id for i in ITEMS
    ]
