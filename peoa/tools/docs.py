"""A tool's documentation in the numpydoc layout, composed from its declarations.

A tool function's docstring holds what only a person can write: the summary and the
method, then the ``Notes`` (the validity range and the assumptions), and ``Examples``
that run as doctests. The ``Parameters`` and ``Returns`` sections are written here from
the :class:`~peoa.tools.spec.Q` / :class:`~peoa.tools.spec.P` and
:class:`~peoa.tools.spec.Out` declarations, with units in brackets as in ``fluids``,
and ``References`` from the decorator's ``reference`` (one entry per source,
:func:`~peoa.tools.references.sources`), so a unit or a range is written once and the page cannot disagree with what the
tool accepts.

>>> description, sections = split_docstring('''Sum.
...
... Notes
... -----
... Valid for two numbers.
... ''')
>>> description, list(sections)
('Sum.', ['Notes'])
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from peoa.tools.references import sources
from peoa.tools.spec import Out, P, Q

__all__ = ["HANDWRITTEN", "SECTIONS", "numpydoc", "split_docstring"]

#: The numpydoc sections, in numpydoc's order; a tool writes ``HANDWRITTEN`` itself.
SECTIONS = ("Parameters", "Returns", "Notes", "References", "Examples")
HANDWRITTEN = ("Notes", "Examples")

_HEADING = re.compile(r"^([A-Z][A-Za-z ]+)\n-{3,}[ \t]*$", re.MULTILINE)


class _Parameter(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def spec(self) -> Q | P: ...
    @property
    def annotation(self) -> Any: ...
    @property
    def required(self) -> bool: ...
    @property
    def default(self) -> Any: ...
    @property
    def is_list(self) -> bool: ...


def split_docstring(doc: str) -> tuple[str, dict[str, str]]:
    """A cleaned docstring cut into its free text (the description) and its sections."""
    found = list(_HEADING.finditer(doc))
    description = (doc[: found[0].start()] if found else doc).strip()
    sections = {}
    for n, here in enumerate(found):
        end = found[n + 1].start() if n + 1 < len(found) else len(doc)
        sections[here.group(1).strip()] = doc[here.end() : end].strip("\n").rstrip()
    return description, sections


def _type_of(param: _Parameter) -> str:
    spec = param.spec
    if isinstance(spec, Q):
        text = f"float [{_unit(spec.target)}]"
    elif spec.choices is not None and len(spec.choices) <= 12:
        text = "{" + ", ".join(repr(c) for c in spec.choices) + "}"
    else:
        text = getattr(param.annotation, "__name__", str(param.annotation))
    if param.is_list:
        text = f"list of {text}"
    return text if param.required else f"{text}, optional"


def _parameter(param: _Parameter) -> str:
    spec = param.spec
    lines = [spec.description or param.name]
    if isinstance(spec, Q):
        lines.append(f"Kind {spec.kind}, in any unit of its dimension.")
    if spec.range_text():
        lines.append(f"Range {spec.range_text().replace('**', '^')}.")
    if not param.required and param.default is not None:
        unit = f" {_unit(spec.target)}" if isinstance(spec, Q) and spec.target else ""
        lines.append(f"Default {param.default!r}{unit}.")
    body = "\n".join(f"    {line}" for line in lines)
    return f"{param.name} : {_type_of(param)}\n{body}"


def _output(key: str, out: Out, kind: str | None) -> str:
    if out.unit is None:
        kind_text = "text" if not out.many else "list"
    elif out.unit_from is not None:
        kind_text = f"float [unit of {out.unit_from}]"
    else:
        kind_text = f"float [{_unit(out.unit)}]"
    if out.many and out.unit is not None:
        kind_text = f"list of {kind_text}"
    note = f" Kind {kind}." if kind else ""
    return f"{key} : {kind_text}\n    {out.description}.{note}"


def _unit(unit: str) -> str:
    return unit.replace("**", "^") or "-"


def _section(title: str, body: str) -> str:
    return f"{title}\n{'-' * len(title)}\n{body}"


def numpydoc(
    description: str,
    sections: Mapping[str, str],
    params: Sequence[_Parameter],
    outputs: Mapping[str, Out],
    output_kinds: Mapping[str, str | None],
    reference: str,
) -> str:
    """The whole page: the description, then every section of :data:`SECTIONS` that has
    a body (a tool's own section of the same name comes first in it)."""
    written = {
        "Parameters": "\n".join(_parameter(p) for p in params),
        "Returns": "\n".join(_output(k, o, output_kinds.get(k)) for k, o in outputs.items()),
        "References": "\n".join(
            f".. [{n}] {source}" for n, source in enumerate(sources(reference), start=1)
        ),
    }
    parts = [description]
    for title in SECTIONS:
        body = "\n".join(b for b in (sections.get(title, ""), written.get(title, "")) if b)
        if body:
            parts.append(_section(title, body))
    extra = [t for t in sections if t not in SECTIONS]
    parts += [_section(t, sections[t]) for t in extra]
    return "\n\n".join(parts) + "\n"
