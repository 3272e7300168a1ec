"""One evaluation run: PEOA and its baselines over the same items, then the reports.

Layout of the output folder::

    results.jsonl, summary.json          PEOA as configured (summary.json also holds
                                         every baseline's summary and the skipped lines)
    baselines/<name>/results.jsonl       one folder per baseline
    report.md, report.html, plots/*.png  the comparison
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, Literal

from peoa.config import Settings
from peoa.evaluation.dataset import DatasetItem, LineProblem
from peoa.evaluation.report import VariantResult, write_reports
from peoa.evaluation.runner import ItemRecord, Summary, evaluate, summarise, write_summary
from peoa.evaluation.variants import DESCRIPTIONS, build_solver, skip_reason

__all__ = ["results_path", "run_suite"]

Backend = Literal["local", "ray"]


def results_path(out: Path, variant: str) -> Path:
    """Where ``variant``'s per-item records go."""
    if variant == "peoa":
        return out / "results.jsonl"
    return out / "baselines" / variant.replace(":", "_").replace("/", "_") / "results.jsonl"


def run_suite(
    items: Sequence[DatasetItem],
    out: Path,
    *,
    settings: Settings,
    assistant: Any,
    baselines: Sequence[str] = (),
    concurrency: int = 1,
    resume: bool = False,
    backend: Backend = "local",
    ray_address: str | None = None,
    skipped_lines: Sequence[LineProblem] = (),
    on_start: Callable[[str, int], None] | None = None,
    on_item: Callable[[str, ItemRecord], None] | None = None,
    reports: bool = True,
) -> dict[str, Any]:
    """Evaluate PEOA and ``baselines`` on ``items``; write results, summary and reports.

    Returns the summary document that ``summary.json`` holds: PEOA's summary fields
    at the top level, plus ``variants`` (each with its summary or why it was skipped)
    and ``skipped_lines``.
    """
    variants: list[VariantResult] = []
    records: dict[str, list[ItemRecord]] = {}
    for name in ["peoa", *baselines]:
        description = DESCRIPTIONS.get(name.split(":", 1)[0], name)
        if name.startswith("openai:"):
            description += f" ({name.split(':', 1)[1]})"
        reason = skip_reason(name, assistant, settings)
        if reason is not None:
            variants.append(VariantResult(name=name, description=description, skipped=reason))
            continue
        path = results_path(out, name)
        if on_start:
            on_start(name, len(items))
        if backend == "ray":
            from peoa.evaluation.ray_backend import ray_mapper

            mapper = ray_mapper(name, settings, address=ray_address, concurrency=concurrency)
            done = evaluate(items, None, path, resume=resume, mapper=mapper,
                            on_item=partial(on_item, name) if on_item else None)  # fmt: skip
        else:
            solver = build_solver(name, assistant, settings)
            done = evaluate(items, solver, path, resume=resume, concurrency=concurrency,
                            on_item=partial(on_item, name) if on_item else None)  # fmt: skip
        records[name] = done
        variants.append(
            VariantResult(
                name=name, description=description, summary=summarise(done), results=str(path)
            )
        )
    primary = variants[0].summary or Summary.model_validate(summarise([]).model_dump())
    document = primary.model_dump() | {
        "backend": backend,
        "concurrency": concurrency,
        "variants": [v.model_dump() for v in variants],
        "skipped_lines": [p.model_dump() for p in skipped_lines],
    }
    write_summary(document, out / "summary.json")
    for variant in variants[1:]:
        if variant.summary is not None and variant.results:
            write_summary(variant.summary, Path(variant.results).with_name("summary.json"))
    if reports:
        notes = [f"{len(items)} items, backend {backend}, concurrency {concurrency}"]
        notes += [f"skipped {p.path}:{p.line}: {p.message}" for p in skipped_lines]
        write_reports(out, variants, records, notes=notes)
    return document
