"""The :class:`ToolRegistry`, filled from the ``peoa.tools`` entry-point group.

Every entry point in the group is a callable that receives the registry and
registers its tools. PEOA's own tools come in through the same hook
(``builtin = "peoa.tools.builtin:register"`` in ``pyproject.toml``), so a plugin
package is a module plus one ``[project.entry-points."peoa.tools"]`` line.
"""

from __future__ import annotations

import builtins
import threading
from collections.abc import Iterable, Mapping
from importlib.metadata import entry_points
from typing import Any

from rapidfuzz import process

from peoa.exceptions import PeoaError, UnknownToolError
from peoa.tools.base import Tool, ToolResult

__all__ = ["ENTRY_POINT_GROUP", "ToolRegistry", "get_registry"]

ENTRY_POINT_GROUP = "peoa.tools"


class ToolRegistry:
    """Tools by name; ``run(name, arguments)`` is the one call an expert makes."""

    def __init__(self, tools: Iterable[Tool] = ()) -> None:
        self._tools: dict[str, Tool] = {}
        for item in tools:
            self.register(item)

    def __len__(self) -> int:
        return len(self._tools)

    def __contains__(self, name: object) -> bool:
        return name in self._tools

    def register(self, item: Tool) -> Tool:
        """Add ``item``; a second tool with the same name is an error."""
        if not isinstance(item, Tool):
            raise TypeError(f"only Tool objects can be registered, got {type(item).__name__}")
        existing = self._tools.get(item.name)
        if existing is not None and existing is not item:
            raise PeoaError(
                f"two tools are named {item.name!r} (topics {existing.topic!r} and "
                f"{item.topic!r}); rename one of them"
            )
        self._tools[item.name] = item
        return item

    def register_all(self, items: Iterable[Tool]) -> None:
        for item in items:
            self.register(item)

    def get(self, name: str) -> Tool:
        """The tool called ``name``; an unknown name lists the closest registered names."""
        found = self._tools.get(name)
        if found is not None:
            return found
        close = [
            n for n, score, _ in process.extract(name, list(self._tools), limit=3) if score >= 60
        ]
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        raise UnknownToolError(
            f"no tool named {name!r}{hint} (`peoa tools list` shows all {len(self)} tools)"
        )

    def list(self, topic: str | None = None) -> list[Tool]:
        """Tools sorted by topic then name, optionally of one ``topic``."""
        items = sorted(self._tools.values(), key=lambda t: (t.topic, t.name))
        if topic is None:
            return items
        chosen = [t for t in items if t.topic == topic]
        if not chosen:
            raise UnknownToolError(
                f"no tools in topic {topic!r}; topics are {', '.join(self.topics())}"
            )
        return chosen

    def topics(self) -> builtins.list[str]:
        return sorted({t.topic for t in self._tools.values()})

    def run(self, name: str, arguments: Mapping[str, Any]) -> ToolResult:
        """Run tool ``name`` with a model's JSON ``arguments``."""
        return self.get(name).run(arguments)

    def load_entry_points(self, group: str = ENTRY_POINT_GROUP) -> None:
        """Call every entry point of ``group`` with this registry."""
        for point in sorted(entry_points(group=group), key=lambda p: p.name):
            try:
                hook = point.load()
                hook(self)
            except PeoaError:
                raise
            except Exception as error:
                raise PeoaError(
                    f"tool plugin {point.name!r} ({point.value}) failed to load: "
                    f"{type(error).__name__}: {error}; fix or uninstall it"
                ) from error


_LOCK = threading.Lock()
_REGISTRY: ToolRegistry | None = None


def get_registry() -> ToolRegistry:
    """The process-wide registry, loaded from the entry points on first use."""
    global _REGISTRY
    if _REGISTRY is None:
        with _LOCK:
            if _REGISTRY is None:
                registry = ToolRegistry()
                registry.load_entry_points()
                if not len(registry):
                    raise PeoaError(
                        "no tools are registered: the 'peoa.tools' entry points are missing; "
                        "reinstall PEOA (pip install -e .)"
                    )
                _REGISTRY = registry
    return _REGISTRY
