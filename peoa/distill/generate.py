"""``peoa distill generate``: verified trajectories, split by template, with a datasheet.

For each of ``n`` problems drawn from the template bank (tools and wordings taken in
turn, inputs at random from ``seed``), the teacher solves the problem in PEOA's own
runtime (:mod:`peoa.distill.episodes`). Episodes with a malformed reply are discarded
and counted; episodes whose re-run tool call does not reproduce the reference answer
are dropped and counted; problems too close to an item of any evaluation set
(``datasets/*.jsonl``: dev, process, maths) are never used; duplicate questions and
duplicate examples are removed. Each example goes to the split of its template's
wording, so test wordings are never seen in training.

Output in ``out``: ``train.jsonl``, ``validation.jsonl``, ``test.jsonl`` (one model call
a line: chat ``messages`` ending with the assistant's reply, ready for TRL's SFT, plus
the problem and its reference answer) and ``datasheet.json`` / ``datasheet.md``.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from rapidfuzz import fuzz, process

from peoa.distill.episodes import Episode, EpisodeRunner, Example, Kind
from peoa.distill.errors import DistillError
from peoa.distill.teachers import Teacher, make_teacher
from peoa.distill.templates import TEMPLATES, Problem, split_of

__all__ = ["ROLES", "Datasheet", "draw_problems", "few_shots", "generate", "load_split"]

ROLES = ("action_generator", "calculation", "all")
SPLITS = ("train", "validation", "test")
Role = Literal["action_generator", "calculation", "all"]

#: Questions at least this similar (rapidfuzz ratio, 0-100) to an evaluation item are excluded.
DEV_SIMILARITY = 85.0


class Datasheet(BaseModel):
    """What a generated data set holds and how it was made."""

    role: str
    teacher: str
    seed: int
    problems: int
    verified: int
    failed_verification: int
    malformed: int
    duplicates: int
    excluded_dev_overlap: int
    examples: dict[str, int]  # per split
    per_category: dict[str, dict[str, int]]  # split -> category -> examples
    per_kind: dict[str, int]
    templates: dict[str, list[str]]  # split -> template ids
    failure_reasons: dict[str, int]
    data_hash: str

    def markdown(self) -> str:
        lines = [
            f"# Distillation data: {self.role}",
            "",
            f"- teacher: `{self.teacher}`; seed: {self.seed}",
            f"- problems drawn: {self.problems}; verified episodes: {self.verified}",
            f"- dropped: {self.failed_verification} failed verification, {self.malformed} "
            f"malformed teacher output, {self.duplicates} duplicates, "
            f"{self.excluded_dev_overlap} too close to the evaluation set",
            "- examples: " + ", ".join(f"{s} {n}" for s, n in self.examples.items()),
            "- per decision: " + ", ".join(f"{k} {n}" for k, n in sorted(self.per_kind.items())),
            f"- data hash (sha256 of the JSONL files): `{self.data_hash}`",
            "",
            "| category | " + " | ".join(SPLITS) + " |",
            "|---|" + "---|" * len(SPLITS),
        ]
        categories = sorted({c for per in self.per_category.values() for c in per})
        for category in categories:
            counts = [str(self.per_category.get(s, {}).get(category, 0)) for s in SPLITS]
            lines.append(f"| {category} | " + " | ".join(counts) + " |")
        lines += [
            "",
            "The split is by template wording: each tool's test wording and validation "
            "wording never appear in training. Every episode was run in PEOA's own action "
            "generator and calculation expert and its tool call re-run through the registry.",
        ]
        if self.failure_reasons:
            lines += ["", "Reasons for dropped episodes:", ""]
            lines += [f"- {n} x {reason}" for reason, n in sorted(self.failure_reasons.items())]
        return "\n".join(lines) + "\n"


def draw_problems(n: int, seed: int, tools: Iterable[str] | None = None) -> list[Problem]:
    """``n`` problems, taking tools and wordings in turn so every split gets its share."""
    rng = random.Random(seed)
    names = list(tools or TEMPLATES)
    problems = []
    for i in range(n):
        template = TEMPLATES[names[i % len(names)]]
        wording = (i // len(names) + seed) % len(template.wordings)
        problems.append(template.sample(rng, wording))
    return problems


def _dev_questions(path: Path | None) -> list[str]:
    """The questions of every evaluation set: ``path`` (a JSONL file or a folder of them),
    by default all of ``datasets/*.jsonl`` (dev, process, maths, ...)."""
    if path is None:
        from peoa.paths import resource_dir

        path = resource_dir("datasets")
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path] if path.is_file() else []
    questions: list[str] = []
    for file in files:
        with file.open(encoding="utf-8") as handle:
            questions += [json.loads(line)["question"] for line in handle if line.strip()]
    return questions


def few_shots(runner: EpisodeRunner, seed: int, per_kind: int = 2) -> dict[Kind, list[Example]]:
    """Solved examples of each decision, from training wordings, for an LLM teacher."""
    from peoa.distill.teachers import ProgrammaticTeacher

    teacher = ProgrammaticTeacher()
    shots: dict[Kind, list[Example]] = {}
    tools = ["compressor_power_isentropic", "pump_power", "hx_lmtd", "flow_meter_flow"]
    for problem in draw_problems(4 * len(tools), seed + 7919, tools):
        if split_of(problem.template) != "train":
            continue
        episode = runner.run(problem, teacher.answerer(problem))
        for example in episode.examples:
            bucket = shots.setdefault(example.kind, [])
            if len(bucket) < per_kind:
                bucket.append(example)
    return shots


def _record(episode: Episode, example: Example, teacher: str) -> dict[str, Any]:
    problem = episode.problem
    messages = [*example.messages, {"role": "assistant", "content": example.completion}]
    key = json.dumps([messages, example.schema], sort_keys=True, ensure_ascii=False)
    return {
        "id": hashlib.sha256(key.encode()).hexdigest()[:16],
        "role": example.role,
        "kind": example.kind,
        "template": problem.template,
        "category": problem.category,
        "tool": problem.tool,
        "split": split_of(problem.template),
        "teacher": teacher,
        "plan": episode.plan,
        "messages": messages,
        "schema": example.schema,
        "problem": {
            "question": problem.question,
            "tool": problem.tool,
            "target": problem.target,
            "task": problem.task,
            "arguments": problem.arguments,
            "reference": episode.reference,
        },
    }


def generate(
    role: Role,
    n: int,
    teacher: str | Teacher,
    out: Path,
    *,
    seed: int = 0,
    dev_path: Path | None = None,
    runner: EpisodeRunner | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Datasheet:
    """Generate verified trajectories for ``role`` into ``out`` and return the datasheet."""
    if role not in ROLES:
        raise DistillError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    if n < 1:
        raise DistillError(f"--n must be at least 1, got {n}")
    runner = runner or EpisodeRunner()
    if isinstance(teacher, str):
        teacher = make_teacher(teacher, lambda: few_shots(runner, seed))
    dev = _dev_questions(dev_path)
    problems = draw_problems(n, seed)
    seen_questions: set[str] = set()
    seen_ids: set[str] = set()
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    rows: dict[str, list[dict[str, Any]]] = {s: [] for s in SPLITS}
    for index, problem in enumerate(problems, start=1):
        if progress:
            progress(index, len(problems))
        if problem.question in seen_questions:
            counts["duplicates"] += 1
            continue
        seen_questions.add(problem.question)
        if dev and process.extractOne(
            problem.question, dev, scorer=fuzz.ratio, score_cutoff=DEV_SIMILARITY
        ):
            counts["dev"] += 1
            continue
        episode = runner.run(problem, teacher.answerer(problem))
        if episode.status != "verified":
            counts[episode.status] += 1
            reasons[f"{episode.status}: {episode.reason.split(':')[0][:80]}"] += 1
            continue
        counts["verified"] += 1
        for example in episode.examples:
            if role != "all" and example.role != role:
                continue
            record = _record(episode, example, teacher.name)
            if record["id"] in seen_ids:
                counts["duplicates"] += 1
                continue
            seen_ids.add(record["id"])
            rows[record["split"]].append(record)
    out.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    for split in SPLITS:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[split])
        (out / f"{split}.jsonl").write_text(text, encoding="utf-8")
        digest.update(text.encode())
    sheet = Datasheet(
        role=role,
        teacher=teacher.name,
        seed=seed,
        problems=n,
        verified=counts["verified"],
        failed_verification=counts["failed"],
        malformed=counts["malformed"],
        duplicates=counts["duplicates"],
        excluded_dev_overlap=counts["dev"],
        examples={s: len(rows[s]) for s in SPLITS},
        per_category={s: dict(Counter(r["category"] for r in rows[s])) for s in SPLITS},
        per_kind=dict(Counter(r["kind"] for s in SPLITS for r in rows[s])),
        templates={s: sorted({r["template"] for r in rows[s]}) for s in SPLITS},
        failure_reasons=dict(reasons),
        data_hash=digest.hexdigest(),
    )
    (out / "datasheet.json").write_text(sheet.model_dump_json(indent=2), encoding="utf-8")
    (out / "datasheet.md").write_text(sheet.markdown(), encoding="utf-8")
    return sheet


def load_split(data: Path, split: str, role: str | None = None) -> list[dict[str, Any]]:
    """The records of one split of a generated data set (optionally of one role)."""
    path = data / f"{split}.jsonl"
    if not path.is_file():
        raise DistillError(f"{path} does not exist: run 'peoa distill generate --out {data}' first")
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [r for r in rows if role in (None, "all") or r["role"] == role]
