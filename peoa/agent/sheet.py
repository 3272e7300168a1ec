"""The calculation sheet of a solved question: what an engineer files.

It lists the question and the data it gives, the assumptions (properties looked up,
tool defaults taken, warnings about a correlation's validity), each step with its
inputs (and where each came from) and its outputs, the result and the references. It
is written as Markdown, as a self-contained HTML page (styles and figures inline, no
external URL) that a browser opens offline, and as PDF (fpdf2, with a bundled Unicode
font). A step gets a figure where one says more (a cycle's T–s diagram, a Moody chart,
a McCabe–Thiele staircase: :mod:`peoa.agent.sheet_figures`), embedded as a PNG data URI.
"""

from __future__ import annotations

import base64
import html
from typing import Any

from peoa.agent.display import shown
from peoa.agent.solution import Solution, StepRecord
from peoa.experts.base import Quantity, ToolCall
from peoa.planning import Plan, PlanStep

__all__ = ["sheet_html", "sheet_markdown", "sheet_pdf"]


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _quantity(value: Any) -> str:
    if isinstance(value, Quantity):
        value = value.model_dump()
    if isinstance(value, dict) and "value" in value:
        number = value["value"]
        if isinstance(number, int | float) and not isinstance(number, bool):
            if not value.get("unit"):
                return f"{number:.5g}"
            return shown(Quantity(value=float(number), unit=value["unit"]), 5)
        return f"{number} {value.get('unit') or ''}".strip()
    if isinstance(value, float):
        return f"{value:.5g}"
    return str(value)


def _final_steps(solution: Solution) -> list[StepRecord]:
    latest: dict[int, StepRecord] = {}
    for record in solution.steps:
        latest[record.index] = record
    return [r for _, r in sorted(latest.items()) if r.valid]


def _plan_step(solution: Solution, record: StepRecord) -> PlanStep | None:
    plan: Plan | None = next((p for p in solution.plans if p.id == record.plan), None)
    if plan is None or record.plan_step is None:
        return None
    return next((s for s in plan.steps if s.index == record.plan_step), None)


def _sources(solution: Solution, record: StepRecord) -> dict[str, str]:
    """Where each argument of a step came from, in words."""
    written = {g.id: g.written for g in solution.given}
    step = _plan_step(solution, record)
    if step is None:
        return {}
    first = min((r.index for r in _final_steps(solution) if r.plan == record.plan), default=1)
    found: dict[str, str] = {}
    for binding in step.bindings:
        if binding.source in ("mention", "mentions"):
            found[binding.argument] = "given: " + ", ".join(
                written.get(m, m) for m in binding.mentions
            )
        elif binding.source == "step" and binding.step is not None:
            scale = "".join(f"given {written.get(m, m)} × " for m in binding.mentions)
            found[binding.argument] = f"{scale}step {first + binding.step - 1} ({binding.output})"
        elif binding.source == "substance":
            found[binding.argument] = "the substance named"
        else:
            found[binding.argument] = binding.note or "from the question's words"
    return found


def _defaults(tool_name: str, arguments: dict[str, Any]) -> list[str]:
    """The optional arguments a tool call left at its default, as ``name = value``."""
    from peoa.tools import get_registry

    try:
        tool = get_registry().get(tool_name)
    except Exception:  # a tool of a plugin no longer installed: nothing to list
        return []
    return [
        f"{name} = {param.default}"
        for name, param in tool.params.items()
        if name not in arguments and param.default is not None
    ]


def _figure_lines(call: ToolCall) -> list[str]:
    """The figures of a step, as Markdown images with the PNG inline (a data URI)."""
    from peoa.agent.sheet_figures import figures_for

    lines: list[str] = []
    for figure in figures_for(call):
        data = base64.b64encode(figure.png).decode("ascii")
        lines += [
            f"![{figure.caption}](data:image/png;base64,{data})",
            "",
            f"*Figure: {figure.caption}*",
            "",
        ]
    return lines


def sheet_markdown(solution: Solution, *, figures: bool = True) -> str:
    """The calculation sheet of ``solution`` as Markdown; ``figures=False`` leaves out the
    pictures (which are drawn here, so only a sheet asked for pays for them)."""
    lines = ["# Calculation sheet", "", "## Question", "", solution.question, ""]
    if solution.resolved_question:
        lines += [f"Read as: {solution.resolved_question}", ""]
    if solution.given:
        lines += ["## Given data", "", "| | value | describes |", "|---|---|---|"]
        lines += [f"| {g.id} | {_cell(g.written)} | {_cell(g.describes)} |" for g in solution.given]
        lines.append("")
    steps = _final_steps(solution)
    assumptions: list[str] = []
    references: list[str] = []
    body: list[str] = []
    for number, record in enumerate(steps, start=1):
        sources = _sources(solution, record)
        for call in record.result.tool_calls:
            if call.error:
                continue
            body += [f"### Step {number}: {call.tool}", "", record.sub_task, ""]
            if call.method:
                body += [f"Method: {call.method}", ""]
            body += ["| input | value | from |", "|---|---|---|"]
            body += [
                f"| {name} | {_cell(_quantity(value))} | {_cell(sources.get(name, ''))} |"
                for name, value in call.arguments.items()
            ]
            body += ["", "| output | value |", "|---|---|"]
            body += [
                f"| {name} | {_cell(_quantity(value))} |"
                for name, value in call.outputs.items()
                if _is_quantity(value) or isinstance(value, int | float | str)
            ]
            body.append("")
            if figures:
                body += _figure_lines(call)
            looked_up = [n for n, s in sources.items() if s == "the substance named"]
            if looked_up:
                assumptions.append(
                    f"Step {number} ({call.tool}) takes properties from its data for "
                    + ", ".join(str(call.arguments[n]) for n in looked_up if n in call.arguments)
                    + f" ({call.reference or call.tool})."
                )
            defaults = _defaults(call.tool, call.arguments)
            if defaults:
                assumptions.append(
                    f"Step {number} ({call.tool}) assumes " + "; ".join(defaults) + "."
                )
            assumptions += [f"Step {number} ({call.tool}): {w}" for w in call.warnings]
            if call.reference and call.reference not in references:
                references.append(call.reference)
    if assumptions:
        lines += ["## Assumptions", ""] + [f"- {a}" for a in assumptions] + [""]
    if body:
        lines += ["## Steps", "", *body]
    lines += ["## Result", ""]
    if solution.answer is not None:
        result = shown(Quantity(value=solution.answer, unit=solution.unit or ""))
        lines.append(f"**{result}**")
        if solution.si_answer is not None:
            lines.append(f"(SI: {solution.si_answer:.6g} {solution.si_unit or ''})")
    else:
        lines.append(solution.text.splitlines()[0] if solution.text else solution.status)
    lines.append("")
    references += [
        c.source for c in solution.citations if not any(c.source in r for r in references)
    ]
    if references:
        lines += ["## References", ""] + [f"{i}. {r}" for i, r in enumerate(references, 1)]
        lines.append("")
    return "\n".join(lines)


def _is_quantity(value: Any) -> bool:
    """A number with its unit (a table of states or a list of compositions is not shown)."""
    if isinstance(value, Quantity):
        return True
    return (
        isinstance(value, dict)
        and "value" in value
        and isinstance(value["value"], int | float)
        and value["value"] is not None
    )


_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.6rem; text-align: left; }
th { background: #f0f0f0; }
img { max-width: 100%; }
h1 { border-bottom: 2px solid #333; }
@media print { h2, h3 { page-break-after: avoid; } }
"""


def sheet_html(solution: Solution) -> str:
    """The calculation sheet as one self-contained HTML page (no external URL)."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark").enable("table").render(sheet_markdown(solution))
    title = html.escape(solution.question[:80])
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Calculation sheet: {title}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )


_FONTS = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf",
          "BI": "DejaVuSans-BoldOblique.ttf"}  # fmt: skip
_FIGURE_WIDTH_PT = 430  # a figure's width on the page (the text column is ~480 pt)


def sheet_pdf(solution: Solution) -> bytes:
    """The calculation sheet as PDF (A4), from the same HTML as :func:`sheet_html`.

    The text is set in DejaVu Sans, the TTF font matplotlib bundles, since the PDF core
    fonts cover Latin-1 only and a sheet writes °C, m³, ² and ·.
    """
    from pathlib import Path

    import matplotlib
    from fpdf import FPDF, FontFace
    from markdown_it import MarkdownIt

    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    body = MarkdownIt("commonmark").enable("table").render(sheet_markdown(solution))
    from peoa.agent.sheet_figures import ASPECT

    height = round(_FIGURE_WIDTH_PT * ASPECT)
    body = body.replace("<img ", f'<img width="{_FIGURE_WIDTH_PT}" height="{height}" ')
    pdf = FPDF(format="A4")
    pdf.set_title("Calculation sheet")
    pdf.set_subject(solution.question[:200])
    pdf.set_creator("PEOA")
    for style, file in _FONTS.items():
        pdf.add_font("DejaVu", style, str(fonts / file))
    pdf.add_font("DejaVuMono", "", str(fonts / "DejaVuSansMono.ttf"))
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    pdf.set_font("DejaVu", size=10)
    pdf.write_html(
        body,
        font_family="DejaVu",
        table_line_separators=True,
        tag_styles={
            "h1": FontFace(family="DejaVu", emphasis="BOLD", size_pt=16),
            "h2": FontFace(family="DejaVu", emphasis="BOLD", size_pt=13),
            "h3": FontFace(family="DejaVu", emphasis="BOLD", size_pt=11),
            "code": FontFace(family="DejaVuMono"),
        },
    )
    return bytes(pdf.output())
