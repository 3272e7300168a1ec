"""Planning: tool chains over the quantity graph, with every argument bound to the question.

:class:`Planner` turns a :class:`~peoa.reading.Reading` into ranked :class:`Plan` s;
:mod:`peoa.planning.binding` binds arguments; :mod:`peoa.planning.execute` turns a plan
step's bindings into the tool's arguments.
"""

from peoa.planning.graph import QuantityGraph
from peoa.planning.model import Binding, Plan, PlanStep, tied_plans
from peoa.planning.planner import Planner

__all__ = ["Binding", "Plan", "PlanStep", "Planner", "QuantityGraph", "tied_plans"]
