"""``GET /v1/solutions/{id}/sheet``: an answer's calculation sheet, fetched by the id that
``POST /v1/solve`` returned, from the real server and the real Assistant."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from langgraph.checkpoint.memory import InMemorySaver
from pypdf import PdfReader

from peoa.agent.graph import build_graph
from peoa.planning import Planner, QuantityGraph
from peoa.server.routes.solutions import find_solution
from peoa.tools import get_registry
from tests.agent.test_graph_logic import _ctx
from tests.server.conftest import LiveServer
from tests.server.questions import DEMO_FLOW, pump_question

QUESTION, _ = pump_question(DEMO_FLOW)


@pytest.fixture(scope="module")
def solved(live: LiveServer) -> Iterator[tuple[httpx.Client, dict[str, Any]]]:
    """A client of the live server, and one answer it gave."""
    with httpx.Client(base_url=live.url, timeout=900) as client:
        response = client.post("/v1/solve", json={"question": QUESTION})
        assert response.status_code == 200, response.text
        yield client, response.json()


def test_the_answer_id_fetches_its_sheet_in_each_format(
    solved: tuple[httpx.Client, dict[str, Any]],
) -> None:
    client, solution = solved
    assert solution["id"].startswith(solution["thread_id"] + "~")
    url = f"/v1/solutions/{solution['id']}/sheet"
    markdown, page, pdf = (client.get(url, params={"format": f}) for f in ("md", "html", "pdf"))
    default = client.get(url)
    for response, media, suffix in (
        (markdown, "text/markdown", ".md"),
        (page, "text/html", ".html"),
        (pdf, "application/pdf", ".pdf"),
    ):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith(media)
        disposition = response.headers["content-disposition"]
        assert disposition.startswith("attachment; filename=") and disposition.endswith(
            f'{suffix}"'
        )
    assert default.text == markdown.text
    assert markdown.text.startswith("# Calculation sheet") and QUESTION in markdown.text
    assert page.text.startswith("<!DOCTYPE html>") and "http" not in page.text
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "35 m" in text and "Result" in text


def test_an_unknown_id_is_404_and_an_unknown_format_422(
    solved: tuple[httpx.Client, dict[str, Any]],
) -> None:
    client, solution = solved
    unknown = [
        client.get(f"/v1/solutions/{solution['thread_id']}~0123456789abcdef/sheet"),
        client.get("/v1/solutions/no-such-answer/sheet"),
    ]
    for response in unknown:
        assert response.status_code == 404
        assert "unknown solution id" in response.json()["detail"]
    docx = client.get(f"/v1/solutions/{solution['id']}/sheet", params={"format": "docx"})
    assert docx.status_code == 422
    assert all(name in docx.json()["detail"] for name in ("'md'", "'html'", "'pdf'"))


def test_each_answer_of_a_thread_is_found_in_its_checkpoints() -> None:
    registry = get_registry()
    planner = Planner(registry, QuantityGraph.from_registry(registry))
    saver = InMemorySaver()
    graph = build_graph(_ctx(planner, [{"name": "friction_factor", "score": 0.9}]))
    compiled = graph.compile(checkpointer=saver)
    answers = []
    for Re in (100000, 200000):
        question = (
            f"Water flows in a pipe at a Reynolds number of {Re}; the relative roughness is "
            "0.0002. What is the Darcy friction factor?"
        )
        state = compiled.invoke(
            {"question": question}, {"configurable": {"thread_id": "t-9"}, "recursion_limit": 60}
        )
        answers.append(state["solution"])
    first, second = answers
    assert first["id"] != second["id"]
    for answer in answers:
        found = find_solution(saver, answer["id"])
        assert found is not None and found.question == answer["question"]
        assert found.answer == answer["answer"]
    assert find_solution(saver, "t-8~" + first["id"].split("~")[1]) is None
