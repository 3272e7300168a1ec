"""Evaluation runs on the real models, tools and Neo4j: concurrency, baselines, the CLI.

Two easy unit conversions keep this cheap. The assertions compare runs with each
other (concurrent against sequential, baselines against PEOA), so they hold whatever
the base model makes of the questions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from langgraph.checkpoint.memory import InMemorySaver
from typer.testing import CliRunner

from peoa.agent import Assistant
from peoa.cli.main import app
from peoa.evaluation import DatasetItem, run_suite
from peoa.evaluation.runner import read_records
from tests.evaluation._fakes import write_jsonl

ROWS = [
    {"id": "bar", "category": "units", "question": "Convert 5 bar to kPa.", "answer": 500.0,
     "unit": "kPa", "rel_tol": 0.01, "tools": ["unit_convert"]},
    {"id": "heater", "category": "temperature", "answer": 623.15, "unit": "K", "rel_tol": 0.01,
     "question": "The outlet of a fired heater is at 662.0 °F. Convert the outlet temperature to kelvin.",
     "tools": ["unit_convert"]},
]  # fmt: skip
ITEMS = [DatasetItem.model_validate(r) for r in ROWS]
COMPARED = ("status", "answer", "unit", "correct", "unit_ok", "tools", "candidate_tools", "steps")


@pytest.fixture(scope="module")
def assistant(neo4j_driver, settings):  # type: ignore[no-untyped-def]
    helper = Assistant(settings, checkpointer=InMemorySaver())
    yield helper
    helper.close()


@pytest.fixture(scope="module")
def sequential(assistant: Assistant, settings: Any, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("eval-seq")
    document = run_suite(ITEMS, out, settings=settings, assistant=assistant, concurrency=1)
    return out, document


def _fields(out: Path) -> dict[str, tuple[Any, ...]]:
    records = read_records(out / "results.jsonl")
    return {key: tuple(getattr(r, f) for f in COMPARED) for key, r in records.items()}


def test_sequential_run_writes_records_summary_and_reports(sequential: Any) -> None:
    out, document = sequential
    records = read_records(out / "results.jsonl")
    assert set(records) == {"bar", "heater"}
    # Both conversions are one-step plans whose values nothing competes for: no model call.
    assert all(r.outcome == "correct" and r.prompt_tokens == 0 for r in records.values())
    for record in records.values():
        assert record.latency_s > 0
        assert record.candidate_tools, "the graph's tool ranking is recorded"
        assert record.gold_tools == ["unit_convert"]
    assert document["items"] == 2 and document["tool_items"] == 2
    assert set(document["tool_recall"]) == {"@1", "@3", "@5"}
    assert json.loads((out / "summary.json").read_text())["accuracy"] == document["accuracy"]
    assert (out / "report.md").exists() and (out / "report.html").exists()


def test_concurrent_run_gives_the_same_records_as_sequential(
    sequential: Any, assistant: Assistant, settings: Any, tmp_path: Path
) -> None:
    out, _ = sequential
    run_suite(ITEMS, tmp_path, settings=settings, assistant=assistant, concurrency=2,
              reports=False)  # fmt: skip
    assert _fields(tmp_path) == _fields(out)


def test_baselines_run_in_the_same_run_and_fill_the_comparison(
    sequential: Any, assistant: Assistant, settings: Any
) -> None:
    out, _ = sequential
    # One item; --resume: PEOA's own record is already there, only the baselines run.
    document = run_suite(
        ITEMS[:1], out, settings=settings, assistant=assistant, resume=True,
        baselines=["direct", "no-graph", "no-revision", "no-adapters", "openai"],
    )  # fmt: skip
    by_name = {v["name"]: v for v in document["variants"]}
    assert list(by_name) == ["peoa", "direct", "no-graph", "no-revision", "no-adapters", "openai"]
    assert "no LoRA adapter" in by_name["no-adapters"]["skipped"]
    assert "OpenAI-compatible" in by_name["openai"]["skipped"]
    for name in ("peoa", "direct", "no-graph", "no-revision"):
        assert by_name[name]["summary"]["items"] == 1, name
    direct = read_records(out / "baselines" / "direct" / "results.jsonl")
    assert all(r.steps == 0 and r.completion_tokens > 0 and not r.tools for r in direct.values())
    no_graph = read_records(out / "baselines" / "no-graph" / "results.jsonl")
    assert all(r.candidate_tools == [] for r in no_graph.values())
    no_revision = read_records(out / "baselines" / "no-revision" / "results.jsonl")
    assert all(r.revisions == 0 for r in no_revision.values())
    report = (out / "report.md").read_text()
    for name in by_name:
        assert f"| {name} |" in report
    assert "skipped: no LoRA adapter" in report


def test_cli_reports_bad_lines_and_resumes(sequential: Any, tmp_path: Path) -> None:
    out, _ = sequential
    data = write_jsonl(tmp_path / "d.jsonl", [ROWS[0], "{not json", {**ROWS[1], "id": "x",
                       "unit": "blorps"}, ROWS[1]])  # fmt: skip
    runner = CliRunner()
    result = runner.invoke(app, ["eval", str(data), "--out", str(out), "--resume", "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    lines = {p["line"]: p["message"] for p in document["skipped_lines"]}
    assert lines[2].startswith("not JSON")
    assert "blorps" in lines[3] and "pint" in lines[3]
    assert document["items"] == 2  # both answered from the earlier run, none solved again
    strict = runner.invoke(app, ["eval", str(data), "--out", str(tmp_path / "o"), "--strict"])
    assert strict.exit_code != 0
    assert "d.jsonl:2: not JSON" in str(strict.exception or "") + strict.output


def test_ray_backend_runs_items_as_tasks_with_the_same_results(
    ray_local: Any, sequential: Any, assistant: Assistant, settings: Any, tmp_path: Path
) -> None:
    out, _ = sequential
    document = run_suite(ITEMS, tmp_path, settings=settings, assistant=assistant,
                         backend="ray", concurrency=2, reports=False)  # fmt: skip
    assert document["backend"] == "ray" and document["items"] == 2
    assert _fields(tmp_path) == _fields(out)
