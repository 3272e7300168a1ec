"""A task that names its method's author has chosen its tool (``peoa.experts.tool_choice``)."""

from __future__ import annotations

import json

import pytest

from peoa.experts.tool_choice import named_tool
from peoa.paths import resource_dir
from peoa.tools import get_registry

TOOLS = [tool.name for tool in get_registry().list()]
ITEMS = [
    json.loads(line)
    for name in ("dev.jsonl", "process.jsonl")
    for line in (resource_dir("datasets") / name).read_text(encoding="utf-8").splitlines()
    if line.strip()
]
NAMING = [item for item in ITEMS if named_tool(item["question"], TOOLS)]


def test_many_dataset_questions_name_their_method() -> None:
    assert len(NAMING) >= 30


@pytest.mark.parametrize("item", NAMING, ids=lambda item: item["id"])
def test_the_named_tool_is_one_the_problem_needs(item: dict) -> None:
    assert named_tool(item["question"], TOOLS) in item["tools"]


@pytest.mark.parametrize(
    "text",
    [
        "Steam at 10 bar condenses on a tube.",  # a capital at a sentence's start
        "What is the Nusselt number for Re = 20000 and Pr = 0.7?",  # a quantity's name
        "Use Fenske, Underwood and Gilliland for the column.",  # three methods: no choice
        "Water flows in a 50 mm pipe.",
    ],
)
def test_no_tool_is_named(text: str) -> None:
    assert named_tool(text, TOOLS) is None
