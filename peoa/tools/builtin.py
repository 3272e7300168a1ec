"""PEOA's own tools, registered through the ``peoa.tools`` entry point like any plugin.

Every module of the ``peoa.tools`` package that defines ``TOOLS`` (a sequence of
:class:`~peoa.tools.base.Tool`) is a topic module; adding a topic is adding a module,
with no list to edit.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peoa.tools.registry import ToolRegistry

__all__ = ["register", "topic_modules"]


def topic_modules() -> list[str]:
    """Names of the ``peoa.tools`` modules that define ``TOOLS``, sorted."""
    import peoa.tools as package

    names = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_") or info.ispkg:
            continue
        module = import_module(f"peoa.tools.{info.name}")
        if hasattr(module, "TOOLS"):
            names.append(info.name)
    return sorted(names)


def register(registry: ToolRegistry) -> None:
    """Entry point: register every built-in tool."""
    for name in topic_modules():
        registry.register_all(import_module(f"peoa.tools.{name}").TOOLS)
