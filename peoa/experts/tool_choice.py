"""The tool a task names by its method's author ("Using Dittus-Boelter, …").

Correlations carry their authors' names, and so do the tools that implement them
(``nu_dittus_boelter``, ``fenske_min_stages``). A task that names one has chosen its
tool; the base model, shown ``nu_gnielinski`` beside it, still picked that one (dev
``heat_transfer-001``: 7529 W/(m²·K) for 6648). On every question of the dev and
process datasets that names exactly one candidate's author, that tool is the right one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["named_tool"]

# A capitalised word (or hyphenated pair, "Dittus-Boelter", "McCabe-Thiele") inside a
# sentence: a proper name, where a word opening a sentence may be any word ("Steam at …").
_NAME = re.compile(r"[A-Z][a-z]{3,}(?:-(?:Mc)?[A-Z][a-z]{3,})*")


def _proper_names(text: str) -> set[str]:
    names: set[str] = set()
    for match in _NAME.finditer(text):
        before = text[: match.start()].rstrip()
        if not before or before[-1] in ".?!:":
            continue
        if re.match(r"\s+numbers?\b", text[match.end() :]):
            continue  # "Nusselt number", "Reynolds number": a quantity, not a method
        names.update(part.lower() for part in match.group().split("-"))
    return names


def named_tool(text: str, tools: Iterable[str]) -> str | None:
    """The one tool among ``tools`` whose name holds a proper name written in ``text``.

    >>> named_tool("Using Dittus-Boelter (Nu = 0.023 Re^0.8 Pr^0.4), what is h?",
    ...            ["nu_gnielinski", "nu_dittus_boelter", "reynolds_number"])
    'nu_dittus_boelter'
    >>> named_tool("Steam at 10 bar: what is the Nusselt number?", ["steam_properties",
    ...            "h_condensation_nusselt"]) is None
    True
    """
    names = _proper_names(text)
    named = [tool for tool in tools if names & set(tool.split("_"))]
    return named[0] if len(named) == 1 else None
