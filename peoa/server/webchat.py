"""The web chat for process engineers: a Gradio app mounted on the API at ``/chat``.

It runs in the server process and talks to the same Assistant as the API (through
the same run registry, so a chat solve queues and cancels like an API one):

* conversations: a list per browser session; each is a PEOA thread, so follow-ups
  see the earlier turns;
* the steps live, as collapsible messages: the plan, the expert, each tool call with
  its arguments and units, code and its output, checks and retries;
* the answer's value in large type, in the engineer's unit or the unit system this
  browser session chooses (auto, SI or US customary; converted from the SI value, not
  solved again), then the explanation in sentences, the given data and assumptions one
  click away, and the calculation sheet to download (HTML, PDF);
* citations: pick one to read the passage it came from (``GET /v1/chunks/{id}``);
* documents: upload and ingest with progress, then search them;
* settings: the model for each role and the retries per step, for this browser
  session only (other users and the API keep the server's configuration);
* export of the conversation as markdown (a download button).

When the server requires API keys, the chat asks for one at sign-in (any user name,
the key as password).
"""

from __future__ import annotations

import asyncio
import html
import os
import re
import tempfile
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from peoa.agent.display import UnitSystem, answer_in_units, shown
from peoa.agent.solution import Solution
from peoa.experts.base import Quantity
from peoa.graph.retrieve import Mode
from peoa.server.render import answer_headline, describe_event, event_title
from peoa.server.runs import ThreadBusyError, TooManyRunsError
from peoa.server.state import STARTING_MESSAGE, AssistantNotReadyError, ServerState
from peoa.server.variants import CHAT_ROLES, SessionSettings, Variants, chat_models
from peoa.tools.references import cited_source

__all__ = ["build_web_chat", "mount_web_chat"]

CHAT_PATH = "/chat"

_CSS = """
#answer-value .value {font-size: 2.6rem; font-weight: 700;}
#answer-value .unit {font-size: 1.8rem; font-weight: 600; margin-left: .4rem; opacity: .8;}
#answer-value .status {font-size: 1.4rem; font-weight: 600;}
#answer-value .si {font-size: 1rem; margin-left: 1rem; opacity: .6;}
"""


def _new_session() -> dict[str, Any]:
    return {"threads": {}, "order": [], "current": None, "settings": {}}


def _thread(session: dict[str, Any], thread_id: str | None = None) -> dict[str, Any]:
    if thread_id is None:
        thread_id = uuid.uuid4().hex
    if thread_id not in session["threads"]:
        session["threads"][thread_id] = {"title": "New conversation", "messages": [], "turns": []}
        session["order"].insert(0, thread_id)
    session["current"] = thread_id
    return session["threads"][thread_id]


def _thread_choices(session: dict[str, Any]) -> list[tuple[str, str]]:
    return [(session["threads"][t]["title"], t) for t in session["order"]]


def _significant() -> int:
    from peoa.config import get_settings

    return get_settings().display.significant


def _shown_answer(solution: dict[str, Any], units: UnitSystem) -> str | None:
    """``"2.719 kW"``: the answer in the ``units`` system, to the configured figures."""
    quantity = answer_in_units(Solution.model_validate(solution), units)
    return None if quantity is None else shown(quantity, _significant())


def _headline_html(solution: dict[str, Any] | None, units: UnitSystem = "auto") -> str:
    if solution is None:
        return "<div class='status'>Ask a question to see the answer here.</div>"
    text = _shown_answer(solution, units) if solution.get("status") == "answered" else None
    if text is None:
        return f"<div class='status'>{html.escape(answer_headline(solution))}</div>"
    value, _, unit = text.partition(" ")
    si = ""
    if solution.get("si_unit") and solution["si_unit"] != unit:
        si_quantity = Quantity(value=solution["si_answer"], unit=solution["si_unit"])
        si_text = shown(si_quantity, _significant())
        si = f"<span class='si'>= {html.escape(si_text)} (SI)</span>"
    return (
        f"<span class='value'>{html.escape(value)}</span>"
        f"<span class='unit'>{html.escape(unit)}</span>{si}"
    )


def _source_name(citation: dict[str, Any]) -> str:
    """A citation as an engineer names it: the document and section, or the standard,
    book or paper a tool's reference names first (never the tool)."""
    if not citation.get("chunk_id") and citation.get("text"):
        name = cited_source(citation["text"])[0]
    else:
        name = citation.get("source", "")
    if citation.get("section"):
        name += f" § {citation['section']}"
    return name or citation.get("source", "")


def _citation_choices(solution: dict[str, Any] | None) -> list[tuple[str, str]]:
    return [
        (f"{number}. {_source_name(citation)}", str(number - 1))
        for number, citation in enumerate((solution or {}).get("citations") or [], start=1)
    ]


def _explanation(solution: dict[str, Any], *, chunk_url: str | None = "/v1/chunks/") -> str:
    """The sentences under the headline (without the headline the text starts with), then
    the numbered sources."""
    lines = (solution.get("text") or "").splitlines()
    if lines and solution.get("answer") is not None:
        configured = shown(
            Quantity(value=solution["answer"], unit=solution.get("unit") or ""), _significant()
        )
        if lines[0].strip() == configured:
            lines = lines[1:]
    parts = ["\n\n".join(line for line in lines if line.strip())]
    citations = solution.get("citations") or []
    if citations:
        sources = ["**Sources**"]
        for number, citation in enumerate(citations, start=1):
            where = _source_name(citation)
            if citation.get("chunk_id") and chunk_url:
                where = f"[{where}]({chunk_url}{citation['chunk_id']})"
            sources.append(f"{number}. {where}")
        parts.append("\n".join(sources))
    return "\n\n".join(part for part in parts if part)


def _answer_markdown(
    solution: dict[str, Any], units: UnitSystem = "auto", *, chunk_url: str | None = "/v1/chunks/"
) -> str:
    """The answer as a chat message or in the export: headline, explanation, sources."""
    headline = _shown_answer(solution, units) if solution.get("status") == "answered" else None
    head = f"## {headline or answer_headline(solution)}"
    return "\n\n".join(p for p in (head, _explanation(solution, chunk_url=chunk_url)) if p)


def _sheet_sections(sheet: str, names: tuple[str, ...]) -> str:
    """The named ``## `` sections of a calculation sheet's Markdown, one level down."""
    chosen: list[str] = []
    keep = False
    for line in sheet.splitlines():
        if line.startswith("## "):
            keep = line[3:].strip() in names
            line = "#" + line
        elif line.startswith("# "):
            keep = False
        if keep:
            chosen.append(line)
    return "\n".join(chosen).strip()


def assumptions_markdown(solution: dict[str, Any] | None) -> str:
    """The given data and the assumptions of a solved question, as its calculation sheet
    lists them (properties looked up with their source, tool defaults, warnings)."""
    if not solution or solution.get("status") != "answered":
        return ""
    from peoa.agent.sheet import sheet_markdown

    sheet = sheet_markdown(Solution.model_validate(solution), figures=False)
    text = _sheet_sections(sheet, ("Given data", "Assumptions"))
    if "### Assumptions" not in text:
        text += "\n\nNo property was looked up and no tool default was taken."
    return text.strip()


def _slug(text: str, fallback: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:40] or fallback


def write_sheets(solution: dict[str, Any], units: UnitSystem) -> list[Path]:
    """The calculation sheet of ``solution`` as files to download, its answer in the
    ``units`` system: HTML, then PDF (or Markdown where the sheet module writes no PDF)."""
    from peoa.agent import sheet

    solved = Solution.model_validate(solution)
    quantity = answer_in_units(solved, units)
    if quantity is not None:
        solved = solved.model_copy(update={"answer": quantity.value, "unit": quantity.unit})
    stem = f"peoa-sheet-{_slug(solved.question, 'question')}"
    folder = Path(tempfile.mkdtemp(prefix="peoa-sheet-"))
    html_path = folder / f"{stem}.html"
    html_path.write_text(sheet.sheet_html(solved), encoding="utf-8")
    pdf = getattr(sheet, "sheet_pdf", None)
    if pdf is not None:
        second = folder / f"{stem}.pdf"
        second.write_bytes(pdf(solved))
    else:
        second = folder / f"{stem}.md"
        second.write_text(sheet.sheet_markdown(solved), encoding="utf-8")
    return [html_path, second]


def _download_label(path: Path) -> str:
    return f"Calculation sheet ({'PDF' if path.suffix == '.pdf' else 'Markdown'})"


def conversation_markdown(thread: dict[str, Any]) -> str:
    """A conversation as markdown: each question, its steps and its answer."""
    lines = [f"# {thread['title']}", ""]
    for turn in thread["turns"]:
        lines += ["## Question", "", turn["question"], ""]
        if turn.get("steps"):
            lines += ["### Steps", ""]
            for title, body in turn["steps"]:
                lines += [f"**{title}**", "", body, ""] if body else [f"**{title}**", ""]
        if turn.get("solution"):
            answer = _answer_markdown(turn["solution"], turn.get("units", "auto"), chunk_url=None)
            lines += ["### Answer", "", answer, ""]
        elif turn.get("error"):
            lines += ["### Error", "", turn["error"], ""]
    return "\n".join(lines).rstrip() + "\n"


def build_web_chat(state: ServerState) -> Any:
    """The Gradio Blocks of the chat, bound to the server's state."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    import gradio as gr

    from peoa.server.routes.chunks import fetch_chunk
    from peoa.server.routes.ingest import ingest_uploads, safe_name

    variants_box: dict[str, Variants] = {}

    def variants() -> Variants:
        if state.assistant is None:
            raise gr.Error(state.startup_error or "PEOA is still loading its models")
        box = variants_box.get("v")
        if box is None or box.base is not state.assistant:
            box = variants_box["v"] = Variants(state.assistant)
        return box

    async def ask(question: str, session: dict[str, Any]) -> AsyncIterator[tuple[Any, ...]]:
        question = (question or "").strip()
        if not question:
            raise gr.Error("Type a question first, with its values and units.")
        thread = _thread(session, session.get("current"))
        thread_id = session["current"]
        state.add_thread(thread_id)
        if thread["title"] == "New conversation":
            thread["title"] = question[:48] + ("…" if len(question) > 48 else "")
        messages = thread["messages"]
        messages.append({"role": "user", "content": question})
        turn: dict[str, Any] = {"question": question, "steps": []}
        thread["turns"].append(turn)
        threads = gr.update(choices=_thread_choices(session), value=thread_id)
        yield (
            messages,
            _headline_html(None),
            "",
            gr.update(choices=[], value=None),
            threads,
            session,
            "",
        )
        if not state.loaded.is_set():  # say so, then wait for the models as the API does
            note = "Your question is answered as soon as they are loaded."
            meta = {"title": STARTING_MESSAGE, "status": "pending"}
            messages.append({"role": "assistant", "content": note, "metadata": meta})
            yield messages, _headline_html(None), "", gr.update(), threads, session, ""
            try:
                await state.wait_for_assistant()
            except AssistantNotReadyError as error:
                meta["status"] = "done"
                raise gr.Error(str(error)) from None
        assistant = await asyncio.to_thread(
            variants().get, SessionSettings.model_validate(session.get("settings") or {})
        )
        try:
            run = state.runs.open(assistant, question, thread_id)
        except ThreadBusyError:
            raise gr.Error("This conversation is still answering; wait for it.") from None
        except TooManyRunsError:
            raise gr.Error("The server is busy with other questions; try again shortly.") from None
        solution = None
        try:
            async for event in run.events():
                if event.kind == "final":
                    solution = event.data
                    break
                title = event_title(event.kind, event.data)
                body = describe_event(event.kind, event.data)
                turn["steps"].append((title, body))
                for earlier in messages:
                    if earlier.get("metadata", {}).get("status") == "pending":
                        earlier["metadata"]["status"] = "done"
                pending = event.kind in {"plan", "revision"}
                messages.append(
                    {
                        "role": "assistant",
                        "content": body or title,
                        "metadata": {"title": title, "status": "pending" if pending else "done"},
                    }
                )
                yield messages, _headline_html(None), "", gr.update(), threads, session, ""
        except Exception as error:
            turn["error"] = f"the solve failed: {type(error).__name__}: {error}"
            messages.append({"role": "assistant", "content": turn["error"]})
            yield messages, _headline_html(None), turn["error"], gr.update(), threads, session, ""
            return
        for earlier in messages:
            if earlier.get("metadata", {}).get("status") == "pending":
                earlier["metadata"]["status"] = "done"
        if solution is None:
            return
        units = session.get("units", default_units)
        turn["solution"], turn["units"] = solution, units
        session["last_solution"] = solution
        messages.append({"role": "assistant", "content": _answer_markdown(solution, units)})
        citations = gr.update(choices=_citation_choices(solution), value=None)
        headline = _headline_html(solution, units)
        yield messages, headline, _explanation(solution), citations, threads, session, ""

    def new_thread(session: dict[str, Any]) -> tuple[Any, ...]:
        _thread(session)
        return (
            [],
            _headline_html(None),
            "",
            gr.update(choices=[], value=None),
            gr.update(choices=_thread_choices(session), value=session["current"]),
            session,
        )

    def switch_thread(thread_id: str | None, session: dict[str, Any]) -> tuple[Any, ...]:
        if not thread_id or thread_id not in session["threads"]:
            return gr.update(), gr.update(), gr.update(), gr.update(), session
        session["current"] = thread_id
        thread = session["threads"][thread_id]
        solved = [t["solution"] for t in thread["turns"] if t.get("solution")]
        last = solved[-1] if solved else None
        session["last_solution"] = last
        return (
            thread["messages"],
            _headline_html(last, session.get("units", default_units)),
            _explanation(last) if last else "",
            gr.update(choices=_citation_choices(last), value=None),
            session,
        )

    def open_citation(choice: str | None, session: dict[str, Any]) -> str:
        solution = session.get("last_solution") or {}
        citations = solution.get("citations") or []
        if choice is None or not choice.isdigit() or int(choice) >= len(citations):
            return ""
        citation = citations[int(choice)]
        if not citation.get("chunk_id"):
            quoted = f"\n\n> {citation['text']}" if citation.get("text") else ""
            return (
                f"**{citation.get('source', '')}** (a tool's reference, no stored passage){quoted}"
            )
        chunk = fetch_chunk(state.assistant, citation["chunk_id"])
        if chunk is None:
            return "That passage is no longer in the graph (the document was re-ingested)."
        where = ", ".join(
            p for p in (chunk.document or chunk.source, chunk.section and f"§ {chunk.section}",
                        chunk.page and f"p. {chunk.page}") if p
        )  # fmt: skip
        return f"**{where}**\n\n{chunk.text}"

    def apply_settings(*values: Any) -> tuple[dict[str, Any], str]:
        *models, retries, session = values
        settings = SessionSettings(
            models=dict(zip(CHAT_ROLES, models, strict=True)), retries=int(retries)
        )
        session["settings"] = settings.model_dump()
        variants().get(settings)  # builds it now, so a bad choice shows here
        return session, "Applied to this browser session (the server's defaults are unchanged)."

    def ingest(files: list[Any] | None) -> Iterator[str]:
        if not files:
            raise gr.Error("Choose one or more documents first.")
        if state.assistant is None:
            raise gr.Error(state.startup_error or "PEOA is still loading its models")
        paths = [Path(getattr(f, "name", f)) for f in files]
        uploads = [(safe_name(p.name), p) for p in paths]
        progress: dict[str, Any] = {"source": "", "chunks": 0}
        done = threading.Event()
        result: dict[str, Any] = {}

        def report(source: str, chunks: int) -> None:
            progress["source"], progress["chunks"] = source, chunks

        def work() -> None:
            try:
                result["reports"] = ingest_uploads(state.assistant, uploads, progress=report)
            except Exception as error:
                result["error"] = f"{type(error).__name__}: {error}"
            finally:
                done.set()

        threading.Thread(target=work, daemon=True).start()
        names = ", ".join(name for name, _ in uploads)
        while not done.wait(0.5):
            source = progress["source"].removeprefix("upload:")
            yield f"Ingesting {names}… {progress['chunks']} chunks written {('of ' + source) if source else ''}"
        if "error" in result:
            yield f"Ingestion failed: {result['error']}"
            return
        lines = ["| document | status | chunks | entities |", "|---|---|---|---|"]
        for item in result["reports"]:
            status = item.status if not item.message else f"{item.status}: {item.message}"
            lines.append(f"| {item.path} | {status} | {item.chunks} | {item.entities} |")
        yield "Ingestion finished.\n\n" + "\n".join(lines)

    def search(query: str, mode: Mode) -> str:
        from peoa.graph.retrieve import make_retriever

        if not (query or "").strip():
            raise gr.Error("Type what to look for.")
        assistant = state.assistant
        if assistant is None:
            raise gr.Error(state.startup_error or "PEOA is still loading its models")
        retriever = make_retriever(
            mode,
            assistant.driver,
            assistant.embedder,
            database=assistant.settings.neo4j.database,
        )
        result = retriever.search(query, 5)
        if not result.items:
            return "Nothing found."
        blocks = []
        for number, item in enumerate(result.items, start=1):
            text = item.text if len(item.text) < 700 else item.text[:700] + "…"
            blocks.append(f"**{number}. {item.citation()}** (score {item.score:.3f})\n\n{text}")
        return "\n\n---\n\n".join(blocks)

    def change_units(units: UnitSystem, session: dict[str, Any]) -> tuple[Any, ...]:
        session["units"] = units
        # The headline and the sheets on offer change in one update, so a download never
        # gets the sheet of the units before.
        headline = _headline_html(session.get("last_solution"), units)
        return (headline, session, *answer_files(session))

    def answer_files(session: dict[str, Any]) -> tuple[Any, ...]:
        """What goes with the answer on show: its assumptions, its calculation sheet to
        download (in the session's units) and the conversation to export."""
        solution = session.get("last_solution")
        current = session.get("current")
        thread = session["threads"].get(current) if current else None
        export = gr.update(value=None, visible=False)
        if thread and thread["turns"]:
            folder = Path(tempfile.mkdtemp(prefix="peoa-export-"))
            path = folder / f"peoa-{_slug(thread['title'], 'conversation')}.md"
            path.write_text(conversation_markdown(thread), encoding="utf-8")
            export = gr.update(value=str(path), visible=True)
        hidden = gr.update(value=None, visible=False)
        if not solution or solution.get("status") != "answered":
            return "", hidden, hidden, export
        sheets = write_sheets(solution, session.get("units", default_units))
        html_sheet, second = sheets[0], sheets[1] if len(sheets) > 1 else None
        return (
            assumptions_markdown(solution),
            gr.update(value=str(html_sheet), visible=True),
            gr.update(value=str(second), visible=True, label=_download_label(second))
            if second
            else hidden,
            export,
        )

    from peoa.config import get_settings as _get_settings

    default_units: UnitSystem = _get_settings().display.units

    try:
        models = chat_models()
    except Exception:  # an unreadable catalogue must not take the chat down
        models = []
    from peoa.agent.definitions import load_definitions
    from peoa.config import get_settings

    configured = get_settings().models
    defaults = {role: configured.for_role(role) for role in CHAT_ROLES}
    default_retries = load_definitions()[0].limits.max_revisions_per_step

    with gr.Blocks(title="PEOA") as demo:
        session = gr.State(_new_session())
        gr.Markdown("# PEOA · Process Engineering Operations Assistant")
        with gr.Row():
            with gr.Column(scale=1, min_width=280):
                new_button = gr.Button("New conversation", elem_id="new-thread")
                threads = gr.Radio(label="Conversations", choices=[], elem_id="threads")
                export_button = gr.DownloadButton(
                    "Export conversation as markdown", visible=False, elem_id="export"
                )
                with gr.Accordion("Documents", open=False, elem_id="documents"):
                    uploads = gr.File(
                        label="Upload documents (md, txt, pdf, csv, xlsx)",
                        file_count="multiple",
                        elem_id="upload",
                    )
                    ingest_button = gr.Button("Ingest into the knowledge graph", elem_id="ingest")
                    ingest_status = gr.Markdown(elem_id="ingest-status")
                    query = gr.Textbox(label="Search the documents", elem_id="search-query")
                    mode = gr.Radio(
                        ["hybrid", "vector", "fulltext", "graph"], value="hybrid", label="Mode"
                    )
                    search_button = gr.Button("Search", elem_id="search")
                    results = gr.Markdown(elem_id="search-results")
                with gr.Accordion(
                    "Settings (this browser session)", open=False, elem_id="settings"
                ):
                    units_choice = gr.Radio(
                        [("auto (the question's units)", "auto"), ("SI", "si"),
                         ("US customary", "us")],
                        value=default_units,
                        label="Units of the answer",
                        elem_id="units",
                    )  # fmt: skip
                    role_boxes = [
                        gr.Dropdown(
                            choices=sorted({*models, defaults.get(role, "")} - {""}),
                            value=defaults.get(role),
                            label=f"Model: {role.replace('_', ' ')}",
                            allow_custom_value=True,
                        )
                        for role in CHAT_ROLES
                    ]
                    retries = gr.Slider(
                        0, 5, step=1, value=default_retries, label="Retries per step"
                    )
                    apply_button = gr.Button("Apply", elem_id="apply-settings")
                    settings_status = gr.Markdown()
            with gr.Column(scale=3):
                answer_value = gr.HTML(_headline_html(None), elem_id="answer-value")
                answer_text = gr.Markdown(elem_id="answer-text")
                with gr.Accordion("Given data and assumptions", open=False, elem_id="assumptions"):
                    assumptions = gr.Markdown(elem_id="assumptions-text")
                with gr.Row():
                    sheet_html_button = gr.DownloadButton(
                        "Calculation sheet (HTML)", visible=False, size="sm", elem_id="sheet-html"
                    )
                    sheet_other_button = gr.DownloadButton(
                        "Calculation sheet (PDF)", visible=False, size="sm", elem_id="sheet-pdf"
                    )
                chat = gr.Chatbot(label="Steps and answers", height=520, elem_id="chat")
                with gr.Row():
                    question = gr.Textbox(
                        placeholder="e.g. Convert 25 psi to kPa",
                        show_label=False,
                        scale=5,
                        elem_id="question",
                    )
                    send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                citations = gr.Dropdown(
                    label="Citations: choose one to read its passage", choices=[],
                    elem_id="citations",
                )  # fmt: skip
                passage = gr.Markdown(elem_id="passage")

        ask_outputs = [chat, answer_value, answer_text, citations, threads, session, question]
        files = [assumptions, sheet_html_button, sheet_other_button, export_button]
        send.click(ask, [question, session], ask_outputs, concurrency_limit=None).then(
            answer_files, [session], files
        )
        question.submit(ask, [question, session], ask_outputs, concurrency_limit=None).then(
            answer_files, [session], files
        )
        new_button.click(
            new_thread, [session], [chat, answer_value, answer_text, citations, threads, session]
        ).then(answer_files, [session], files)
        threads.input(
            switch_thread, [threads, session], [chat, answer_value, answer_text, citations, session]
        ).then(answer_files, [session], files)
        units_choice.input(change_units, [units_choice, session], [answer_value, session, *files])
        citations.input(open_citation, [citations, session], [passage])
        ingest_button.click(ingest, [uploads], [ingest_status])
        search_button.click(search, [query, mode], [results])
        query.submit(search, [query, mode], [results])
        apply_button.click(
            apply_settings, [*role_boxes, retries, session], [session, settings_status]
        )
    demo.queue(default_concurrency_limit=4)
    return demo


def mount_web_chat(app: FastAPI, state: ServerState) -> None:
    """Mount the chat at ``/chat``; with auth on, it signs in with an API key."""
    import gradio as gr

    auth = None
    if state.settings.auth_required:

        def auth(username: str, password: str) -> bool:
            return state.keys.verify(password) is not None

    theme = gr.themes.Soft(
        font=["ui-sans-serif", "system-ui", "sans-serif"],  # no web fonts: works offline
        font_mono=["ui-monospace", "monospace"],
    )
    gr.mount_gradio_app(
        app,
        build_web_chat(state),
        path=CHAT_PATH,
        auth=auth,
        auth_message="Sign in with any name and a PEOA API key as the password.",
        max_file_size=state.settings.max_upload_bytes,
        ssr_mode=False,
        theme=theme,
        css=_CSS,
        footer_links=["api"],
    )
