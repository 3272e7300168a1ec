"""The web chat for process engineers: a Gradio app mounted on the API at ``/chat``.

It runs in the server process and talks to the same Assistant as the API (through
the same run registry, so a chat solve queues and cancels like an API one):

* conversations: a list per browser session; each is a PEOA thread, so follow-ups
  see the earlier turns;
* the steps live, as collapsible messages: the plan, the expert, each tool call with
  its arguments and units, code and its output, checks and retries;
* the answer's value and unit in large type, then the explanation;
* citations: pick one to read the passage it came from (``GET /v1/chunks/{id}``);
* documents: upload and ingest with progress, then search them;
* settings: the model for each role and the retries per step, for this browser
  session only (other users and the API keep the server's configuration);
* export of the conversation as markdown.

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
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from peoa.server.render import answer_headline, describe_event, event_title, solution_markdown
from peoa.server.runs import ThreadBusyError, TooManyRunsError
from peoa.server.state import STARTING_MESSAGE, AssistantNotReadyError, ServerState
from peoa.server.variants import CHAT_ROLES, SessionSettings, Variants, chat_models

__all__ = ["build_web_chat", "mount_web_chat"]

CHAT_PATH = "/chat"

_CSS = """
#answer-value .value {font-size: 2.6rem; font-weight: 700;}
#answer-value .unit {font-size: 1.8rem; font-weight: 600; margin-left: .4rem; opacity: .8;}
#answer-value .status {font-size: 1.4rem; font-weight: 600;}
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


def _headline_html(solution: dict[str, Any] | None) -> str:
    if solution is None:
        return "<div class='status'>Ask a question to see the answer here.</div>"
    if solution.get("status") == "answered" and solution.get("answer") is not None:
        return (
            f"<span class='value'>{solution['answer']:.6g}</span>"
            f"<span class='unit'>{html.escape(solution.get('unit') or '')}</span>"
        )
    return f"<div class='status'>{html.escape(answer_headline(solution))}</div>"


def _citation_choices(solution: dict[str, Any] | None) -> list[tuple[str, str]]:
    choices = []
    for number, citation in enumerate((solution or {}).get("citations") or [], start=1):
        label = citation.get("source", "")
        if citation.get("section"):
            label += f" § {citation['section']}"
        choices.append((f"{number}. {label}", str(number - 1)))
    return choices


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
            lines += ["### Answer", "", solution_markdown(turn["solution"], chunk_url=None), ""]
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

    async def ask(question: str, session: dict[str, Any]):  # type: ignore[no-untyped-def]
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
        turn["solution"] = solution
        session["last_solution"] = solution
        messages.append({"role": "assistant", "content": solution_markdown(solution)})
        citations = gr.update(choices=_citation_choices(solution), value=None)
        explanation = solution_markdown(solution).split("\n\n", 1)[-1]
        yield messages, _headline_html(solution), explanation, citations, threads, session, ""

    def new_thread(session: dict[str, Any]):  # type: ignore[no-untyped-def]
        _thread(session)
        return (
            [],
            _headline_html(None),
            "",
            gr.update(choices=[], value=None),
            gr.update(choices=_thread_choices(session), value=session["current"]),
            session,
        )

    def switch_thread(thread_id: str | None, session: dict[str, Any]):  # type: ignore[no-untyped-def]
        if not thread_id or thread_id not in session["threads"]:
            return gr.update(), gr.update(), gr.update(), gr.update(), session
        session["current"] = thread_id
        thread = session["threads"][thread_id]
        solved = [t["solution"] for t in thread["turns"] if t.get("solution")]
        last = solved[-1] if solved else None
        session["last_solution"] = last
        explanation = solution_markdown(last).split("\n\n", 1)[-1] if last else ""
        return (
            thread["messages"],
            _headline_html(last),
            explanation,
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

    def apply_settings(*values: Any):  # type: ignore[no-untyped-def]
        *models, retries, session = values
        settings = SessionSettings(
            models=dict(zip(CHAT_ROLES, models, strict=True)), retries=int(retries)
        )
        session["settings"] = settings.model_dump()
        variants().get(settings)  # builds it now, so a bad choice shows here
        return session, "Applied to this browser session (the server's defaults are unchanged)."

    def ingest(files: list[Any] | None):  # type: ignore[no-untyped-def]
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

    def search(query: str, mode: str) -> str:
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
            database=assistant.settings.neo4j.database,  # type: ignore[arg-type]
        )
        result = retriever.search(query, 5)
        if not result.items:
            return "Nothing found."
        blocks = []
        for number, item in enumerate(result.items, start=1):
            text = item.text if len(item.text) < 700 else item.text[:700] + "…"
            blocks.append(f"**{number}. {item.citation()}** (score {item.score:.3f})\n\n{text}")
        return "\n\n---\n\n".join(blocks)

    def export(session: dict[str, Any]) -> str:
        current = session.get("current")
        if current is None or current not in session["threads"]:
            raise gr.Error("There is no conversation to export yet.")
        thread = session["threads"][current]
        slug = re.sub(r"[^A-Za-z0-9]+", "-", thread["title"]).strip("-")[:40] or "conversation"
        folder = Path(tempfile.mkdtemp(prefix="peoa-export-"))
        path = folder / f"peoa-{slug}.md"
        path.write_text(conversation_markdown(thread), encoding="utf-8")
        return str(path)

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
                export_button = gr.Button("Export conversation as markdown", elem_id="export")
                export_file = gr.File(label="Export", interactive=False, elem_id="export-file")
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
        send.click(ask, [question, session], ask_outputs, concurrency_limit=None)
        question.submit(ask, [question, session], ask_outputs, concurrency_limit=None)
        new_button.click(
            new_thread, [session], [chat, answer_value, answer_text, citations, threads, session]
        )
        threads.input(
            switch_thread, [threads, session], [chat, answer_value, answer_text, citations, session]
        )
        citations.input(open_citation, [citations, session], [passage])
        ingest_button.click(ingest, [uploads], [ingest_status])
        search_button.click(search, [query, mode], [results])
        query.submit(search, [query, mode], [results])
        apply_button.click(
            apply_settings, [*role_boxes, retries, session], [session, settings_status]
        )
        export_button.click(export, [session], [export_file])
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
