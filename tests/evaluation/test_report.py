"""Reports: the markdown and HTML files, and the HTML opens offline."""

from __future__ import annotations

import re
from pathlib import Path

from peoa.evaluation import summarise
from peoa.evaluation.report import VariantResult, comparison_rows, write_reports
from peoa.evaluation.runner import make_record
from tests.evaluation._fakes import item, solution


def _variants() -> tuple[list[VariantResult], dict[str, list]]:  # type: ignore[type-arg]
    items = [item("a", 1200.0, "kPa", tools=["unit_convert"]),
             item("b", 2720.0, "W", category="pumps"), item("c", 1.0, "m", category="pumps")]  # fmt: skip
    peoa = [make_record(items[0], lambda q: solution(12.0, "bar", tools=("unit_convert",))),
            make_record(items[1], lambda q: solution(2.72, "kW")),
            make_record(items[2], lambda q: solution(None, None, status="failed"))]  # fmt: skip
    direct = [make_record(i, lambda q: solution(1.0, "s")) for i in items]
    variants = [
        VariantResult(name="peoa", description="PEOA", summary=summarise(peoa)),
        VariantResult(name="direct", description="direct", summary=summarise(direct)),
        VariantResult(name="no-adapters", description="no adapters", skipped="none configured"),
    ]
    return variants, {"peoa": peoa, "direct": direct}


def test_reports_are_written_and_the_html_is_self_contained(tmp_path: Path) -> None:
    variants, records = _variants()
    md_path, html_path = write_reports(tmp_path, variants, records)
    md = md_path.read_text()
    page = html_path.read_text()
    assert "## Comparison" in md and "| peoa |" in md and "skipped: none configured" in md
    assert "| pumps | 50.0 % | 0.0 % |" in md
    # Item a needs one step (its gold tool); the others say nothing.
    assert "## Accuracy by steps needed" in md and "| 1 | 100.0 % | 0.0 % |" in md
    for name in ("accuracy_per_category", "latency", "error_types"):
        assert (tmp_path / "plots" / f"{name}.png").read_bytes()[:4] == b"\x89PNG"
        assert f"](plots/{name}.png)" in md
    # Three embedded plots and nothing fetched from elsewhere.
    assert len(re.findall(r'<img [^>]*src="data:image/png;base64,', page)) == 3
    external = re.findall(r'(?:src|href)\s*=\s*["\']?\s*(?:https?:)?//', page, re.I)
    assert external == []
    assert "<link" not in page and "<script" not in page and "@import" not in page
    assert "no answer" in page  # item c's outcome is listed


def test_comparison_table_lists_every_variant() -> None:
    variants, _ = _variants()
    rows = comparison_rows(variants)
    assert [r[0] for r in rows] == ["variant", "peoa", "direct", "no-adapters"]
    assert rows[1][3] == "66.7 %" and rows[2][3] == "0.0 %"
    assert rows[1][7] == "100.0 %"  # tool recall@5 of the one item with gold tools
    assert rows[2][7] == "0.0 %"
    assert all(len(r) == len(rows[0]) for r in rows)
