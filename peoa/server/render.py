"""Step events and solutions as short markdown, for the web chat and OpenAI streams."""

from __future__ import annotations

from typing import Any

__all__ = [
    "answer_headline",
    "describe_event",
    "event_title",
    "format_arguments",
    "solution_markdown",
]


def _value(value: Any) -> str:
    if isinstance(value, dict) and "value" in value:
        number = value["value"]
        text = f"{number:.6g}" if isinstance(number, int | float) else str(number)
        return f"{text} {value.get('unit') or ''}".strip()
    return str(value)


def format_arguments(arguments: dict[str, Any]) -> str:
    """``name=value unit`` pairs, as a tool call received them.

    >>> format_arguments({"P": {"value": 101325.0, "unit": "Pa"}, "fluid": "water"})
    'P=101325 Pa, fluid=water'
    """
    return ", ".join(f"{name}={_value(value)}" for name, value in arguments.items())


def event_title(kind: str, data: dict[str, Any]) -> str:
    """A one-line heading for a step event."""
    if kind == "plan":
        tool = f" · tool {data['tool']}" if data.get("tool") else ""
        return f"Step {data.get('index')} → {data.get('expert')}{tool}"
    if kind == "revision":
        return f"Retry of step {data.get('index')} (attempt {int(data.get('revision', 0)) + 1})"
    if kind == "step":
        ok = "✓" if data.get("result", {}).get("ok") else "✗"
        return f"{ok} Step {data.get('index')} ran ({data.get('expert')})"
    if kind == "validation":
        verdict = "passed" if data.get("valid") else "failed"
        return f"Check of step {data.get('index')} {verdict}"
    return kind


def describe_event(kind: str, data: dict[str, Any]) -> str:
    """The body of a step event: sub-task, tool calls with units, code and output, errors."""
    if kind in {"plan", "revision"}:
        parts = [data.get("sub_task", "")]
        if kind == "revision" and data.get("feedback"):
            parts.append(f"Fix: {data['feedback']}")
        return "\n".join(part for part in parts if part)
    if kind == "validation":
        return "; ".join(data.get("errors") or []) or "units and physical ranges look right"
    if kind != "step":
        return ""
    result = data.get("result", {})
    lines: list[str] = []
    for call in result.get("tool_calls", []):
        status = f" → error: {call['error']}" if call.get("error") else ""
        lines.append(
            f"- tool `{call['tool']}`({format_arguments(call.get('arguments', {}))}){status}"
        )
        outputs = call.get("outputs") or {}
        if outputs and not call.get("error"):
            lines.append("  - outputs: " + format_arguments(outputs))
        if call.get("reference"):
            lines.append(f"  - reference: {call['reference']}")
    if result.get("code"):
        lines.append("```python\n" + result["code"].rstrip() + "\n```")
        if result.get("stdout"):
            lines.append("output:\n```\n" + result["stdout"].rstrip()[:2000] + "\n```")
    if result.get("answer"):
        lines.append(f"= **{_value(result['answer'])}**")
    elif result.get("text"):
        lines.append(result["text"][:600])
    if result.get("error"):
        lines.append(f"error: {result['error']}")
    return "\n".join(lines)


def answer_headline(solution: dict[str, Any]) -> str:
    """The number and unit (or the status when there is none)."""
    if solution.get("status") == "answered" and solution.get("answer") is not None:
        return f"{solution['answer']:.6g} {solution.get('unit') or ''}".strip()
    if solution.get("status") == "clarification":
        return "Needs clarification"
    if solution.get("status") == "answered":
        return "Answer"
    return "No checked answer"


def solution_markdown(solution: dict[str, Any], *, chunk_url: str | None = "/v1/chunks/") -> str:
    """The answer: headline, explanation and numbered sources."""
    parts = [f"## {answer_headline(solution)}"]
    text = solution.get("text") or ""
    if text:
        parts.append(text)
    citations = solution.get("citations") or []
    if citations:
        lines = ["**Sources**"]
        for number, citation in enumerate(citations, start=1):
            where = citation.get("source", "")
            if citation.get("section"):
                where += f" § {citation['section']}"
            if citation.get("chunk_id") and chunk_url:
                where = f"[{where}]({chunk_url}{citation['chunk_id']})"
            lines.append(f"{number}. {where}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)
