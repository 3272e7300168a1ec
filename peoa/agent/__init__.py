"""The meta-agent: LangGraph orchestration of the action generator and the experts."""

from peoa.agent.assistant import Assistant
from peoa.agent.solution import RunUsage, Solution, StepEvent, StepRecord

__all__ = ["Assistant", "RunUsage", "Solution", "StepEvent", "StepRecord"]
