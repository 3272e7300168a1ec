"""The web chat end to end in headless Chromium (Debian's ``chromium``, driven by Playwright).

No browser is downloaded: Playwright launches the system's chromium (``make setup``
installs it with apt). One page serves the module: ask and watch the steps, read the answer
in the engineer's units and in another unit system, open its assumptions, download its
calculation sheet and export the conversation, upload a document and search it, and ask
about an uploaded document and open a citation's passage. Each test uploads what it needs itself, so any one of them
runs alone (``-k``, or ``-m slow``, which leaves the upload test out).
"""

from __future__ import annotations

import random
import re
import shutil
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from peoa.evaluation import score_answer
from tests.server.conftest import LiveServer
from tests.server.questions import DEMO_FLOW, pump_question

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# ms. A solve takes 10-60 s on an idle 2-core machine; a stuck one should fail the test
# in minutes, not after half an hour.
SOLVE = 300_000
INGEST = 120_000


def _marker() -> str:
    """A name only one uploaded document uses; letters only, since a question with a
    digit goes to the calculation expert rather than the knowledge expert."""
    return "Vextrane" + "".join(random.choices(string.ascii_lowercase, k=8))


@pytest.fixture(scope="module")
def page(live: LiveServer) -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.fail("Debian's chromium is missing: run 'make setup' (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        page = browser.new_page(accept_downloads=True)
        page.goto(f"{live.url}/chat/")
        page.locator("#question textarea").wait_for(timeout=60_000)
        yield page
        browser.close()


def _ask(page: Any, question: str) -> None:
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()


def _upload_notes(page: Any, folder: Path, marker: str) -> str:
    """Upload a note about the ``marker`` stripper and ingest it; returns its source name."""
    from playwright.sync_api import expect

    document = folder / f"{marker} notes.md"
    document.write_text(
        f"# {marker} stripper\n\nThe {marker} stripper runs at 1.8 bar with 14 trays and a "
        "reboiler duty of 2.4 MW.\n"
    )
    documents = page.locator("#documents")
    if not page.locator("#upload").is_visible():
        documents.get_by_text("Documents").first.click()
    page.locator("#upload input[type=file]").set_input_files(str(document))
    # Gradio shows the name as "<stem> .md"; an earlier upload may still be listed.
    expect(page.locator("#upload")).to_contain_text(document.stem, timeout=60_000)
    page.locator("#ingest").click()
    status = page.locator("#ingest-status")
    # This document's row of the report (the progress line names it too, and an earlier
    # report may still be showing).
    finished = re.compile(rf"Ingestion finished[\s\S]*{re.escape(document.name)}\s*ingested")
    expect(status).to_contain_text(finished, timeout=INGEST)
    return f"upload:{document.name}"


def _headline(page: Any) -> tuple[str, str]:
    """The headline's number as shown and its unit."""
    headline = page.locator("#answer-value")
    assert page.locator("#answer-value .value").count() == 1, headline.inner_text()
    value = page.locator("#answer-value .value").inner_text().strip()
    return value, page.locator("#answer-value .unit").inner_text().strip()


def _choose_units(page: Any, label: str) -> None:
    if not page.locator("#units").is_visible():
        page.locator("#settings").get_by_text("Settings (this browser session)").click()
    page.locator("#units").get_by_text(label, exact=True).click()


def _download(page: Any, button: str, target: Path) -> Path:
    from playwright.sync_api import expect

    expect(page.locator(button)).to_be_visible(timeout=60_000)
    with page.expect_download() as download:
        page.locator(button).click()
    download.value.save_as(target)
    return target


def test_ask_watch_the_steps_and_get_the_answer_with_its_unit(page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    question, watts = pump_question(DEMO_FLOW)
    _ask(page, question)
    chat = page.locator("#chat")
    # The steps show as they stream (the order of the events is tested on the SSE
    # endpoint, tests/server/test_api.py; a bound plan runs too fast to watch here).
    expect(chat).to_contain_text("Step 1", timeout=SOLVE)
    # Wait for the headline to change (an answer or a failure), so a failed solve fails
    # the test at once instead of at the timeout.
    headline = page.locator("#answer-value")
    expect(headline).not_to_contain_text("Ask a question", timeout=SOLVE)
    shown, unit = _headline(page)
    # A pump's power, asked in no unit by a question written in SI units, reads in kW.
    assert unit == "kW" and score_answer(float(shown), unit, watts, "W", 0.02)[0], (shown, unit)
    # The explanation says what was computed from which given values, by which standard;
    # no tool's name.
    explanation = page.locator("#answer-text")
    expect(explanation).to_contain_text(re.compile(r"computed the brake power from .*35 m"))
    expect(explanation).to_contain_text("HI 1.3")
    expect(explanation).not_to_contain_text("pump_power")
    # The given data and assumptions are one click away.
    page.locator("#assumptions").get_by_text("Given data and assumptions").click()
    expect(page.locator("#assumptions-text")).to_contain_text("35 m")
    # The tool call is shown with its arguments and their units (a click opens the
    # step), and the check.
    chat.get_by_text("Step 1 ran").first.click()
    expect(chat).to_contain_text("pump_power")
    expect(chat).to_contain_text(re.compile(rf"{DEMO_FLOW:g} m\^?3/h"))
    expect(chat).to_contain_text("Check of step 1 passed")
    # The conversation is listed and exports as markdown, with a button.
    expect(page.locator("#threads")).to_contain_text(question[:40])
    text = _download(page, "#export", tmp_path / "conversation.md").read_text()
    assert text.startswith("# ") and "## Question" in text and question in text
    assert "### Steps" in text and "pump_power" in text
    assert "### Answer" in text and f"{shown} {unit}" in text
    # The calculation sheet downloads, with the answer as shown.
    sheet = _download(page, "#sheet-html", tmp_path / "sheet.html").read_text()
    assert "Calculation sheet" in sheet and f"{shown} {unit}" in sheet
    assert question in sheet and "HI 1.3" in sheet


def test_the_answer_in_another_unit_system(page: Any, tmp_path: Path) -> None:
    """The session's unit choice converts the answer on show and the later ones (from
    the SI value, not solved again), and the sheet downloads in that system too."""
    from playwright.sync_api import expect

    question, watts = pump_question(DEMO_FLOW)
    page.locator("#new-thread").click()
    _ask(page, question)
    headline = page.locator("#answer-value")
    expect(headline).not_to_contain_text("Ask a question", timeout=SOLVE)
    expect(headline).to_contain_text("kW")
    try:
        _choose_units(page, "US customary")
        expect(page.locator("#answer-value .unit")).to_have_text("hp")
        shown, unit = _headline(page)
        assert score_answer(float(shown), unit, watts, "W", 0.02)[0], (shown, unit)
        expect(page.locator("#sheet-html")).to_be_visible(timeout=60_000)
        sheet = _download(page, "#sheet-html", tmp_path / "sheet.html").read_text()
        assert f"{shown} hp" in sheet
        pdf = _download(page, "#sheet-pdf", tmp_path / "sheet.pdf").read_bytes()
        assert pdf.startswith(b"%PDF")
        # A later question is answered in the chosen system too.
        page.locator("#new-thread").click()
        expect(headline).to_contain_text("Ask a question")
        _ask(page, question)
        expect(headline).not_to_contain_text("Ask a question", timeout=SOLVE)
        expect(page.locator("#answer-value .unit")).to_have_text("hp")
        _choose_units(page, "SI")
        expect(page.locator("#answer-value .unit")).to_have_text("kW")
    finally:
        _choose_units(page, "auto (the question's units)")


def test_upload_a_document_then_retrieve_from_it(page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    marker = _marker()
    source = _upload_notes(page, tmp_path, marker)
    page.locator("#search-query textarea").fill(f"{marker} stripper trays")
    page.locator("#search").click()
    expect(page.locator("#search-results")).to_contain_text(marker, timeout=120_000)
    expect(page.locator("#search-results")).to_contain_text(source)


def test_a_citation_opens_its_source_passage(page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    marker = _marker()
    source = _upload_notes(page, tmp_path, marker)
    # A question without numbers goes to the knowledge expert, which cites what it read.
    page.locator("#new-thread").click()
    _ask(page, f"What do the notes say about the {marker} stripper?")
    headline = page.locator("#answer-value")
    expect(headline).not_to_contain_text("Ask a question", timeout=SOLVE)
    # A citation names the document by its title (the file's stem) and the section.
    cited = f"{Path(source.removeprefix('upload:')).stem} § {marker} stripper"
    expect(page.locator("#chat")).to_contain_text(cited)
    page.locator("#citations input").click()
    page.get_by_role("option").filter(has_text=cited).first.click()
    passage = page.locator("#passage")
    expect(passage).to_contain_text("reboiler duty of 2.4 MW", timeout=60_000)
    expect(passage).to_contain_text(f"{marker} stripper")
