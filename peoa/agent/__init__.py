"""The meta-agent: LangGraph orchestration of the action generator and the experts.

The names below load on first use: importing the Assistant loads LangGraph and the
model runtime (seconds), and ``peoa serve`` must listen before that.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from peoa.agent.assistant import Assistant
    from peoa.agent.solution import RunUsage, Solution, StepEvent, StepRecord

__all__ = ["Assistant", "RunUsage", "Solution", "StepEvent", "StepRecord"]

_HOMES = {
    "Assistant": "peoa.agent.assistant",
    "RunUsage": "peoa.agent.solution",
    "Solution": "peoa.agent.solution",
    "StepEvent": "peoa.agent.solution",
    "StepRecord": "peoa.agent.solution",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # later look-ups skip this function
    return value
