"""Every tool's page is in the numpydoc layout and its examples run.

The ``Parameters``, ``Returns`` and ``References`` sections are composed from the tool's
declarations (:mod:`peoa.tools.docs`); the tool writes its ``Notes`` (validity range,
assumptions) and ``Examples``. pytest's ``--doctest-modules`` runs the examples as part
of ``make test``; this test checks that every tool has them, in the right place.
"""

from __future__ import annotations

import doctest

import pytest

from peoa.tools import get_registry
from peoa.tools.base import Tool
from peoa.tools.docs import HANDWRITTEN, SECTIONS, split_docstring

TOOLS = sorted(get_registry().list(), key=lambda t: (t.func.__module__, t.name))


def _id(tool: Tool) -> str:
    return f"{tool.func.__module__.rsplit('.', 1)[-1]}.{tool.name}"


@pytest.mark.parametrize("tool", TOOLS, ids=_id)
def test_tool_page_has_every_numpydoc_section_in_order(tool: Tool) -> None:
    assert tool.__doc__ is not None
    description, sections = split_docstring(tool.__doc__)
    assert description == tool.description
    expected = [s for s in SECTIONS if s != "Parameters" or tool.params]
    assert list(sections) == expected, f"{tool.name}: sections {list(sections)}"
    assert set(tool.doc_sections) <= set(HANDWRITTEN), (
        f"{tool.name} writes {sorted(set(tool.doc_sections) - set(HANDWRITTEN))}; "
        "Parameters, Returns and References come from its declarations"
    )


@pytest.mark.parametrize("tool", TOOLS, ids=_id)
def test_tool_examples_call_the_tool_and_keep_out_of_the_description(tool: Tool) -> None:
    assert ">>>" not in tool.description, f"{tool.name}: examples belong under Examples"
    examples = doctest.DocTestParser().get_examples(tool.doc_sections.get("Examples", ""))
    assert examples, f"{tool.name} has no example"
    assert any(tool.name in example.source for example in examples)
    assert any(example.want.strip() for example in examples), "an example shows a result"


@pytest.mark.parametrize("tool", TOOLS, ids=_id)
def test_tool_notes_say_where_the_method_is_valid(tool: Tool) -> None:
    notes = tool.doc_sections.get("Notes", "")
    assert len(notes.split()) >= 8, f"{tool.name}: the Notes say too little: {notes!r}"


def test_the_page_is_what_doctest_collects() -> None:
    tool = get_registry().get("element_mass_fraction")
    finder = doctest.DocTestFinder()
    module = __import__(tool.func.__module__, fromlist=["_"])
    names = {test.name for test in finder.find(module)}
    assert f"{tool.func.__module__}.{tool.name}" in names
