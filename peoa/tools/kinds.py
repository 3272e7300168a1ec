"""Quantity kinds: the controlled vocabulary every tool input and output declares.

A kind says what a number is, on top of its dimension: an ``inside_diameter`` and a
``roughness`` are both lengths, a ``vapor_pressure`` and a ``pressure`` both pressures.
The vocabulary lives in ``graph_schema/quantities.toml`` (declarative, loaded once);
the planner chains tools through the kinds they take and give, and the binder matches a
question's values to arguments by their kind's words and symbols.

>>> k = kind("vapor_pressure")
>>> k.dimension, k.specific, k.broader
('pressure', True, 'pressure')
>>> generic_kind("length"), kind("length").specific
('length', False)
>>> kind("inside_diametre")
Traceback (most recent call last):
...
peoa.exceptions.ToolError: unknown quantity kind 'inside_diametre' (did you mean 'inside_diameter'?); the kinds are in graph_schema/quantities.toml
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import process

from peoa.exceptions import ToolError
from peoa.paths import resource_dir
from peoa.tools.quantity import DIMENSIONS

__all__ = ["Kind", "generic_kind", "kind", "kinds", "read_vocabulary"]


@dataclass(frozen=True)
class Kind:
    """One kind of quantity: its dimension, and how engineers name it."""

    name: str
    dimension: str
    label: str
    words: tuple[str, ...] = ()
    symbols: tuple[str, ...] = ()
    specific: bool = False
    broader: str | None = None
    given: bool = False  # a state a question gives; no tool computes it for another
    # Words that state a value of this kind without a number ("saturated vapour" is a
    # vapour fraction of 1), as (phrase, value in the kind's SI unit).
    said: tuple[tuple[str, float], ...] = ()
    # Words that put a stream at a state of this kind without a value ("condensing" steam
    # is at its saturation temperature): a plan may compute the state; no value binds.
    implied_by: tuple[str, ...] = ()
    # The range its values take in practice, in the dimension's SI unit: a value far
    # outside it (a 100 m pipe diameter) is weak evidence for this kind.
    typical: tuple[float, float] | None = None

    def lineage(self) -> tuple[str, ...]:
        """This kind and the broader kinds it specialises, narrowest first."""
        chain = [self.name]
        current = self
        while current.broader is not None:
            current = kind(current.broader)
            chain.append(current.name)
        return tuple(chain)


def _load() -> dict[str, Kind]:
    path = resource_dir("graph_schema") / "quantities.toml"
    return read_vocabulary(tomllib.loads(path.read_text(encoding="utf-8")), path.name)


def read_vocabulary(data: dict[str, Any], source: str = "quantities.toml") -> dict[str, Kind]:
    """The kinds of a vocabulary's data, checked: known dimensions, a broader kind of the
    same dimension, no cycle, a generic kind for every dimension. ``ToolError`` names the
    first problem (raised when the tools load, never at solve time)."""
    path = _Named(source)
    found: dict[str, Kind] = {}
    for name, entry in (data.get("kinds") or {}).items():
        fields = {
            "dimension", "label", "words", "symbols", "specific", "broader", "given", "said",
            "implied_by", "typical",
        }  # fmt: skip
        unknown = set(entry) - fields
        if unknown:
            raise ToolError(f"{path.name}: kind {name!r} has unknown fields {sorted(unknown)}")
        if entry.get("dimension") not in DIMENSIONS:
            raise ToolError(
                f"{path.name}: kind {name!r} has dimension {entry.get('dimension')!r}, "
                f"not one of {', '.join(DIMENSIONS)}"
            )
        typical = entry.get("typical")
        if typical is not None and not (
            isinstance(typical, list)
            and len(typical) == 2
            and all(isinstance(v, int | float) for v in typical)
            and 0 <= typical[0] < typical[1]
        ):
            raise ToolError(
                f"{path.name}: kind {name!r} has typical = {typical!r}; give [low, high] in "
                "the dimension's SI unit, low below high"
            )
        found[name] = Kind(
            name=name,
            dimension=entry["dimension"],
            label=entry.get("label", name.replace("_", " ")),
            words=tuple(entry.get("words", ())),
            symbols=tuple(entry.get("symbols", ())),
            specific=bool(entry.get("specific", False)),
            broader=entry.get("broader"),
            given=bool(entry.get("given", False)),
            said=tuple((str(k), float(v)) for k, v in (entry.get("said") or {}).items()),
            implied_by=tuple(entry.get("implied_by", ())),
            typical=None if typical is None else (float(typical[0]), float(typical[1])),
        )
    for entry in found.values():
        seen = {entry.name}
        current = entry
        while current.broader is not None:
            parent = found.get(current.broader)
            if parent is None or parent.dimension != entry.dimension:
                raise ToolError(
                    f"{path.name}: kind {entry.name!r} is broadened by {current.broader!r}, "
                    "which must be a kind of the same dimension"
                )
            if parent.name in seen:
                raise ToolError(f"{path.name}: kinds {sorted(seen)} broaden each other in a cycle")
            seen.add(parent.name)
            current = parent
    missing = [d for d in DIMENSIONS if d not in found]
    if missing:
        raise ToolError(f"{path.name}: no generic kind for the dimensions {missing}")
    return found


class _Named:
    def __init__(self, name: str) -> None:
        self.name = name


@lru_cache(maxsize=1)
def kinds() -> dict[str, Kind]:
    """Every kind of the vocabulary, by name (read once)."""
    return _load()


def kind(name: str) -> Kind:
    """The kind called ``name``; :class:`ToolError` with close matches if there is none."""
    table = kinds()
    if name in table:
        return table[name]
    close = process.extractOne(name, list(table))
    hint = f" (did you mean {close[0]!r}?)" if close and close[1] >= 80 else ""
    raise ToolError(
        f"unknown quantity kind {name!r}{hint}; the kinds are in graph_schema/quantities.toml"
    )


def generic_kind(dimension: str) -> str:
    """The generic kind of a dimension (named after it)."""
    return kind(dimension).name
