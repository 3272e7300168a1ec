"""PEOA, the Process Engineering Operations Assistant.

>>> from peoa import Assistant      # doctest: +SKIP
>>> Assistant().solve("...").answer  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Assistant", "Solution", "__version__"]

if TYPE_CHECKING:
    from peoa.agent import Assistant, Solution


def __getattr__(name: str) -> Any:
    # Importing the agent loads LangGraph and the model runtime: only on demand, so
    # `import peoa.config` and the CLI's help stay fast.
    if name in {"Assistant", "Solution"}:
        from peoa import agent

        return getattr(agent, name)
    raise AttributeError(f"module 'peoa' has no attribute {name!r}")
