"""``peoa ask`` and ``peoa chat``: questions to the meta-agent."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.panel import Panel

from peoa.cli.output import JsonFlag, console, emit

if TYPE_CHECKING:  # the agent is imported when a command runs, to keep `peoa --help` quick
    from peoa.agent.solution import Solution, StepEvent

ThreadOption = Annotated[
    str | None, typer.Option("--thread", help="Conversation id; reuse it for follow-ups.")
]


def _show_event(event: StepEvent) -> None:
    data = event.data
    if event.kind == "plan":
        tool = f" with {data['tool']}" if data.get("tool") else ""
        console.print(
            f"[cyan]step {data['index']}[/cyan] → {data['expert']}{tool}: {escape(data['sub_task'])}"
        )
    elif event.kind == "revision":
        console.print(
            f"[yellow]revising step {data['index']}[/yellow]: {escape(data.get('feedback') or '')}"
        )
    elif event.kind == "step":
        result = data["result"]
        for call in result.get("tool_calls", []):
            args = ", ".join(
                f"{k}={v['value']} {v.get('unit', '')}".strip()
                if isinstance(v, dict) and "value" in v
                else f"{k}={v}"
                for k, v in call["arguments"].items()
            )
            status = f"[red]{escape(call['error'])}[/red]" if call.get("error") else "ok"
            console.print(f"   tool {call['tool']}({escape(args)}): {status}")
        if result.get("code"):
            console.print(
                "   code ran in the sandbox"
                + (f": {escape(result['error'])}" if result.get("error") else "")
            )
        if result.get("answer"):
            console.print(f"   = {result['answer']['value']:.6g} {result['answer']['unit']}")
        elif result.get("error"):
            console.print(f"   [red]{escape(result['error'])}[/red]")
    elif event.kind == "validation" and not data["valid"]:
        console.print(f"   [red]check failed[/red]: {escape('; '.join(data['errors']))}")


def _show_solution(solution: Solution) -> None:
    if solution.status == "answered" and solution.answer is not None:
        headline = f"[bold green]{solution.answer:.6g} {escape(solution.unit or '')}[/bold green]"
    elif solution.status == "answered":
        headline = "[bold green]answer[/bold green]"
    elif solution.status == "clarification":
        headline = "[bold yellow]needs clarification[/bold yellow]"
    else:
        headline = "[bold red]no checked answer[/bold red]"
    body = escape(solution.text)
    if solution.citations:
        body += "\n\nSources:\n" + "\n".join(
            f"- {escape(c.source)}" + (f" § {escape(c.section)}" if c.section else "")
            for c in solution.citations
        )
    for flag in solution.injection:
        shown = "shown to the model marked as text" if flag.shown_to_model else "not used"
        body += (
            f"\n\n[yellow]Warning:[/yellow] a retrieved passage of {escape(flag.source)} "
            f"({escape(flag.chunk_id)}) reads like orders to the model "
            f"({escape(', '.join(flag.signs))}); {shown}."
        )
    usage = solution.usage
    console.print(
        Panel(
            body,
            title=headline,
            subtitle=f"{usage.latency_s:.1f} s, {usage.llm_calls} model calls, {usage.tool_calls} tool calls",
        )
    )


def _write_sheet(solution: Solution, path: Path) -> None:
    """The sheet in the format the file's name asks for: .pdf, .html or .htm, else Markdown."""
    from peoa.agent.sheet import sheet_html, sheet_markdown, sheet_pdf

    suffix = path.suffix.lower()
    if suffix == ".pdf":
        path.write_bytes(sheet_pdf(solution))
    elif suffix in {".html", ".htm"}:
        path.write_text(sheet_html(solution), encoding="utf-8")
    else:
        path.write_text(sheet_markdown(solution), encoding="utf-8")


def ask(
    question: Annotated[str, typer.Argument(help="The question, with values and units.")],
    thread: ThreadOption = None,
    json_: JsonFlag = False,
    sheet: Annotated[
        Path | None,
        typer.Option(
            "--sheet",
            help="Write the calculation sheet to FILE: PDF for a .pdf name, HTML for .html, "
            "else Markdown.",
            dir_okay=False,
            writable=True,
        ),
    ] = None,
) -> None:
    """Answer one question end to end (steps, checks, sources)."""
    from peoa.agent import Assistant, Solution
    from peoa.neo4j_server import quiet_driver_logs

    if sheet is not None and not sheet.parent.exists():
        raise typer.BadParameter(
            f"no folder {sheet.parent} to write the sheet in", param_hint="--sheet"
        )
    quiet_driver_logs()
    assistant = Assistant()
    try:
        if json_:
            answered = assistant.solve(question, thread_id=thread)
            if sheet is not None:
                _write_sheet(answered, sheet)
            emit(answered, True)
            return
        solution = None
        for event in assistant.stream(question, thread_id=thread):
            if event.kind == "final":
                solution = Solution.model_validate(event.data)
            else:
                _show_event(event)
        assert solution is not None
        _show_solution(solution)
        if sheet is not None:
            _write_sheet(solution, sheet)
            console.print(f"[dim]calculation sheet: {sheet}[/dim]")
        console.print(f"[dim]thread {solution.thread_id}[/dim]")
    finally:
        assistant.close()


def chat(thread: ThreadOption = None) -> None:
    """An interactive conversation: /new starts over, /history lists turns, /quit leaves."""
    from peoa.agent import Assistant, Solution
    from peoa.neo4j_server import quiet_driver_logs

    quiet_driver_logs()
    assistant = Assistant()
    thread_id = thread or uuid.uuid4().hex
    console.print(f"PEOA chat (thread {thread_id}). /new, /history, /quit")
    try:
        while True:
            try:
                line = console.input("[bold]you>[/bold] ").strip()
            except EOFError:
                break
            if not line:
                continue
            if line in {"/quit", "/exit"}:
                break
            if line == "/new":
                thread_id = uuid.uuid4().hex
                console.print(f"new conversation (thread {thread_id})")
                continue
            if line == "/history":
                for number, turn in enumerate(assistant.history(thread_id), start=1):
                    said = (
                        f"{turn['answer']:.6g} {turn.get('unit') or ''}"
                        if turn.get("answer") is not None
                        else turn.get("status")
                    )
                    console.print(f"{number}. {escape(turn['question'])} → {escape(str(said))}")
                continue
            for event in assistant.stream(line, thread_id=thread_id):
                if event.kind == "final":
                    _show_solution(Solution.model_validate(event.data))
                else:
                    _show_event(event)
    finally:
        assistant.close()


def register(root: typer.Typer) -> None:
    root.command("ask")(ask)
    root.command("chat")(chat)
