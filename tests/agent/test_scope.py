"""The scope gate: a question is worked on when a tool, or a passage of the graph, fits it."""

from __future__ import annotations

from pathlib import Path

from peoa.agent import Assistant
from peoa.agent.graph import prepare
from peoa.graph import Ingestor, delete_document
from peoa.llm import get_embedder

NOTE = """# Quillfen stripper

The Quillfen stripper runs at 1.8 bar with 14 trays and a reboiler duty of 2.4 MW.
Its overhead goes to the flare header during start-up.
"""
QUESTION = "What do the notes say about the Quillfen stripper?"


def test_a_question_about_an_ingested_document_is_in_scope(
    neo4j_driver, settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    note = tmp_path / "quillfen-stripper.md"
    note.write_text(NOTE, encoding="utf-8")
    assistant = Assistant(settings)
    report = Ingestor(neo4j_driver, get_embedder()).ingest_paths([note])
    try:
        ctx = assistant._context()
        limits = assistant.meta.limits
        tools = assistant.find_tools(QUESTION, limits.tool_candidates)
        # The tool documentation alone would turn this question away...
        assert max(t["score"] for t in tools) < limits.min_tool_relevance, tools
        # ...the ingested note lets it through.
        assert prepare({"question": QUESTION}, ctx)["outcome"] is None
        off_topic = prepare({"question": "Who won the football world cup in 1998?"}, ctx)
        assert off_topic["outcome"]["action"] == "clarify"
    finally:
        for document in report.files:
            delete_document(neo4j_driver, document.document_id)
        assistant.close()


EARLIER = {
    "question": "The header pressure is 7 bar. Convert the header pressure to kPa.",
    "answer": 700.0,
    "unit": "kPa",
    "status": "answered",
}


def test_an_off_topic_question_on_an_engineering_thread_is_clarified(settings) -> None:  # type: ignore[no-untyped-def]
    # Read together with the thread's earlier turn, such a question passed the gate and
    # the experts answered it with a number.
    assistant = Assistant(settings)
    try:
        ctx = assistant._context()
        off_topic = {
            "question": "Who painted the portrait numbered 3-1?",
            "conversation": [EARLIER],
        }
        assert prepare(off_topic, ctx)["outcome"]["action"] == "clarify"
        follow_up = {"question": "And what is that in psi?", "conversation": [EARLIER]}
        assert prepare(follow_up, ctx)["outcome"] is None
    finally:
        assistant.close()
