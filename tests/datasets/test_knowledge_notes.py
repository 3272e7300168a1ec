"""knowledge/: the bundled notes have the structure that ingestion and retrieval rely on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from peoa.paths import resource_dir
from tests.datasets._helpers import knowledge_notes, split_front_matter

NOTES = knowledge_notes()
ROOT = resource_dir("knowledge")
FOLDERS = {
    "fluid_flow",
    "pumps_compressors",
    "heat_transfer",
    "separations",
    "reactors",
    "balances",
    "safety_valves_measurement",
    "thermo_units",
}


def test_there_are_at_least_40_notes_in_every_folder() -> None:
    assert len(NOTES) >= 40
    used = {p.relative_to(ROOT).parts[0] for p in NOTES}
    assert used == FOLDERS


@pytest.mark.parametrize("path", NOTES, ids=[p.stem for p in NOTES])
def test_note_structure(path: Path) -> None:
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    for key in ("title", "topic", "keywords", "tools"):
        assert key in meta, f"front matter lacks {key}"
    assert isinstance(meta["title"], str) and meta["title"]
    assert meta["topic"] == path.parent.name
    assert isinstance(meta["tools"], list) and meta["tools"]
    assert isinstance(meta["keywords"], list) and len(meta["keywords"]) >= 3
    titles = re.findall(r"^# (.+)$", body, re.MULTILINE)
    assert titles == [meta["title"]], "one '# Title' matching the front matter"
    sections = re.findall(r"^## (.+)$", body, re.MULTILINE)
    assert len(sections) >= 3
    assert "References" in sections
    assert "Computed by" in sections
    words = len(body.split())
    assert 250 <= words <= 900, f"{words} words"


def test_note_titles_are_unique() -> None:
    titles = [split_front_matter(p.read_text(encoding="utf-8"))[0]["title"] for p in NOTES]
    assert len(titles) == len(set(titles))
