"""The evaluation's reports: ``report.md`` and a self-contained ``report.html``.

The HTML report opens offline: its plots (matplotlib, Agg) are embedded as base64
PNG and its style is inline, so it references nothing outside the file. The
markdown report shows the same tables and links the same plots, saved as PNG files
beside it under ``plots/``.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from peoa.evaluation.runner import TOOL_KS, ItemRecord, Summary

__all__ = ["VariantResult", "comparison_rows", "write_reports"]

_K = f"@{TOOL_KS[-1]}"
_OUTCOMES = ("correct", "wrong_value", "wrong_unit", "bad_unit", "no_answer", "clarification",
             "error")  # fmt: skip


class VariantResult(BaseModel):
    """One evaluated configuration: its summary, or why it was skipped."""

    name: str
    description: str
    summary: Summary | None = None
    skipped: str | None = None
    results: str | None = None  # path of its results.jsonl


def _pct(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f} %"


def comparison_rows(variants: Sequence[VariantResult]) -> list[list[str]]:
    """The comparison table: a header row, then one row per variant."""
    header = ["variant", "configuration", "items", "accuracy", "unit ok", "executed",
              "repair rate", f"tool recall{_K}", f"tool NDCG{_K}", "p50 s", "p95 s",
              "tokens"]  # fmt: skip
    rows = [header]
    for v in variants:
        s = v.summary
        if s is None:
            rows.append([v.name, f"{v.description} — skipped: {v.skipped}"] + [""] * 10)
            continue
        rows.append([
            v.name, v.description, str(s.items), _pct(s.accuracy), _pct(s.unit_correctness),
            _pct(s.execution_success),
            _pct(s.repair_rate) if s.revised_items else "n/a",
            _pct(s.tool_recall[_K]) if s.tool_recall else "n/a",
            _pct(s.tool_ndcg[_K]) if s.tool_ndcg else "n/a",
            f"{s.latency_p50_s:.2f}", f"{s.latency_p95_s:.2f}",
            str(s.prompt_tokens + s.completion_tokens),
        ])  # fmt: skip
    return rows


def _ran(variants: Sequence[VariantResult]) -> list[tuple[str, Summary]]:
    """The variants that ran, by name, with their summaries."""
    return [(v.name, v.summary) for v in variants if v.summary is not None]


def _category_rows(variants: Sequence[VariantResult]) -> list[list[str]]:
    ran = _ran(variants)
    categories = sorted({c for _, s in ran for c in s.per_category})
    rows = [["category", *[name for name, _ in ran]]]
    for category in categories:
        rows.append([category, *[_pct(s.per_category.get(category)) for _, s in ran]])
    return rows


def _steps_rows(variants: Sequence[VariantResult]) -> list[list[str]]:
    ran = _ran(variants)
    counts = sorted({k for _, s in ran for k in s.per_steps}, key=int)
    rows = [["steps needed", *[name for name, _ in ran]]]
    for count in counts:
        rows.append([count, *[_pct(s.per_steps.get(count)) for _, s in ran]])
    return rows


def _error_rows(variants: Sequence[VariantResult]) -> list[list[str]]:
    ran = _ran(variants)
    rows = [["outcome", *[name for name, _ in ran]]]
    for outcome in _OUTCOMES:
        counts = [str(s.errors.get(outcome, 0)) for _, s in ran]
        if any(c != "0" for c in counts):
            rows.append([outcome.replace("_", " "), *counts])
    return rows


def _markdown_table(rows: list[list[str]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(rows[0]), "|" + "---|" * len(rows[0]), *map(line, rows[1:])])


def _html_table(rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in rows[0])
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows[1:]
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# -- plots ---------------------------------------------------------------------------------
def _plots(
    variants: Sequence[VariantResult], records: dict[str, list[ItemRecord]]
) -> dict[str, bytes]:
    """PNG bytes of each plot, by name."""
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt
    import numpy as np

    ran = _ran(variants)
    pngs: dict[str, bytes] = {}

    def save(fig: Any, name: str) -> None:
        buffer = io.BytesIO()
        fig.tight_layout()
        fig.savefig(buffer, format="png", dpi=100)
        plt.close(fig)
        pngs[name] = buffer.getvalue()

    categories = sorted({c for _, s in ran for c in s.per_category})
    fig, ax = plt.subplots(figsize=(max(6, 1.2 * len(categories) + 2), 3.6))
    width = 0.8 / max(1, len(ran))
    x = np.arange(len(categories))
    for i, (name, s) in enumerate(ran):
        values = [100 * s.per_category.get(c, 0.0) for c in categories]
        ax.bar(x + i * width, values, width, label=name)
    ax.set_xticks(x + width * (len(ran) - 1) / 2, categories, rotation=30, ha="right")
    ax.set_ylabel("accuracy [%]")
    ax.set_ylim(0, 100)
    ax.set_title("Accuracy per category")
    ax.legend(fontsize="small")
    save(fig, "accuracy_per_category")

    fig, ax = plt.subplots(figsize=(7, 3.6))
    data = [[r.latency_s for r in records.get(name, [])] or [0.0] for name, _ in ran]
    ax.boxplot(data, tick_labels=[name for name, _ in ran], showfliers=True)
    ax.set_ylabel("latency per item [s]")
    ax.set_title("Latency distribution")
    save(fig, "latency")

    fig, ax = plt.subplots(figsize=(7, 3.6))
    bottom = np.zeros(len(ran))
    for outcome in _OUTCOMES:
        counts = np.array([s.errors.get(outcome, 0) for _, s in ran], dtype=np.float64)
        if counts.any():
            ax.bar(
                [name for name, _ in ran], counts, bottom=bottom, label=outcome.replace("_", " ")
            )
            bottom += counts
    ax.set_ylabel("items")
    ax.set_title("Outcomes and error types")
    ax.legend(fontsize="small")
    save(fig, "error_types")
    return pngs


_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:75em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:.9em}
th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}
th{background:#f3f3f3} img{max-width:100%} code{background:#f3f3f3;padding:0 .2em}
"""


def write_reports(
    out: Path,
    variants: Sequence[VariantResult],
    records: dict[str, list[ItemRecord]],
    *,
    title: str = "PEOA evaluation",
    notes: Sequence[str] = (),
) -> tuple[Path, Path]:
    """Write ``report.md``, ``report.html`` and ``plots/*.png`` under ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    pngs = _plots(variants, records) if any(v.summary for v in variants) else {}
    plots_dir = out / "plots"
    plots_dir.mkdir(exist_ok=True)
    for name, data in pngs.items():
        (plots_dir / f"{name}.png").write_bytes(data)
    sections = [
        ("Comparison", comparison_rows(variants)),
        ("Accuracy per category", _category_rows(variants)),
        ("Accuracy by steps needed", _steps_rows(variants)),
        ("Outcomes and error types", _error_rows(variants)),
    ]
    sections = [(heading, rows) for heading, rows in sections if len(rows) > 1]
    md = [f"# {title}", "", *[f"- {n}" for n in notes], ""]
    for heading, rows in sections:
        md += [f"## {heading}", "", _markdown_table(rows), ""]
    md += ["## Plots", ""]
    md += [f"![{name}](plots/{name}.png)" for name in pngs]
    md_path = out / "report.md"
    md_path.write_text("\n".join(md) + "\n", encoding="utf-8")

    parts = [f"<h1>{html.escape(title)}</h1>"]
    if notes:
        parts.append("<ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in notes) + "</ul>")
    for heading, rows in sections:
        parts += [f"<h2>{html.escape(heading)}</h2>", _html_table(rows)]
    parts.append("<h2>Plots</h2>")
    for name, data in pngs.items():
        encoded = base64.b64encode(data).decode("ascii")
        parts.append(f'<p><img alt="{name}" src="data:image/png;base64,{encoded}"></p>')
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{''.join(parts)}</body></html>\n"
    )
    html_path = out / "report.html"
    html_path.write_text(page, encoding="utf-8")
    return md_path, html_path
