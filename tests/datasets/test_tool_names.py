"""Every tool a note or a dataset line names is a tool the registry really has."""

from __future__ import annotations

from peoa.tools import get_registry
from tests.datasets._helpers import dev_records, knowledge_notes, split_front_matter


def test_note_tools_exist() -> None:
    registry = get_registry()
    missing = {
        (path.stem, name)
        for path in knowledge_notes()
        for name in split_front_matter(path.read_text(encoding="utf-8"))[0].get("tools", [])
        if name not in registry
    }
    assert not missing, sorted(missing)


def test_dataset_tools_exist() -> None:
    registry = get_registry()
    missing = {
        (record["id"], name)
        for record in dev_records()
        for name in record.get("tools", [])
        if name not in registry
    }
    assert not missing, sorted(missing)
