"""Plans: chains of tool calls whose every argument is bound, never written.

A :class:`Binding` says where one argument's value comes from: a value the question
writes (a mention), an earlier step's output, a substance or choice the question
names, or a convention of the trade applied to a written value (a binary's second
mole fraction is one minus the first). A :class:`PlanStep` is one tool call; a
:class:`Plan` is the steps that end in the asked quantity, with what they use of the
question and what they leave out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

__all__ = [
    "BINARY_COMPLEMENT",
    "BINARY_REFERENCE",
    "Binding",
    "BindingSource",
    "Plan",
    "PlanStep",
    "tied_plans",
]

# The trade's conventions for a binary written with one value.
BINARY_COMPLEMENT = "binary: the second mole fraction is 1 − the first"
BINARY_REFERENCE = "binary: the heavy key's relative volatility is 1 (the reference)"
# A sum the tool takes ("sum of fitting loss coefficients") of the values written for it.
SUMMED = "the sum of the values written, each times the count it is written for"

BindingSource = Literal["mention", "step", "substance", "choice", "mentions"]
"""``mention``: one written value; ``step``: an earlier step's output; ``substance``:
a chemical the question names; ``choice``: a choice, flag or unit the question names;
``mentions``: a list of written values (mole fractions, K-values)."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Binding(_Frozen):
    """Where one argument of a step gets its value."""

    argument: str
    source: BindingSource
    # mention ids: one for "mention", several for "mentions"; for "step", a written
    # multiple of the step's output ("1.3 times the minimum")
    mentions: tuple[str, ...] = ()
    step: int | None = None  # the earlier step, for "step"
    output: str | None = None  # that step's output
    value: Any = None  # the substance's name or the choice as the question names it
    score: float = 0.0  # how strongly the question's words support this binding
    rivals: tuple[str, ...] = ()  # other mentions that nearly fit as well (for a model's choice)
    note: str | None = None  # a convention applied ("1 - x for the second component")

    def describe(self) -> str:
        if self.source == "step":
            scale = "".join(f"{m} × " for m in self.mentions)
            return f"{self.argument} ← {scale}step {self.step}.{self.output}"
        if self.source in ("mention", "mentions"):
            return f"{self.argument} ← {', '.join(self.mentions)}"
        return f"{self.argument} ← {self.value!r}"


class PlanStep(_Frozen):
    """One tool call of a plan: its bound arguments and the output the plan takes."""

    index: int  # 1-based, in the order the steps run
    tool: str
    bindings: tuple[Binding, ...]
    output: str  # the output the next step, or the answer, takes
    kind: str | None = None  # that output's quantity kind
    sub_task: str = ""  # the step in words, for the trace and the models

    @property
    def depends_on(self) -> tuple[int, ...]:
        return tuple(sorted({b.step for b in self.bindings if b.step is not None}))

    def binding(self, argument: str) -> Binding | None:
        return next((b for b in self.bindings if b.argument == argument), None)


class Plan(_Frozen):
    """Tool calls from what the question gives to what it asks, best first by ``rank``."""

    id: str
    steps: tuple[PlanStep, ...]
    # The mention ids the plan binds; "substance:water" for a substance it names, and
    # "named:vapor_pressure" for an optional quantity the question names that it computes.
    uses: tuple[str, ...]
    unused: tuple[str, ...]  # the question's values (with units) it leaves out
    # ... of which a step could have taken these (an argument it leaves to its default)
    ignored: tuple[str, ...] = ()
    evidence: float = 0.0  # the bindings' and the answer's word support
    named: bool = False  # the asking words name the plan's answer (as well as any plan's)
    relevance: float = 0.0  # the tools' relevance to the question (retrieval score)
    lookups: int = 0  # steps that look a substance's property up instead of computing it
    # A value written twice ("both streams at 300 kPa") counts once among those used.
    repeats: int = 0
    kind: Literal["tools", "conversion", "code"] = "tools"

    @property
    def answer_step(self) -> PlanStep:
        return self.steps[-1]

    def describe(self) -> str:
        """``"pipe_pressure_drop → pump_head → pump_power.brake_power"``."""
        chain = " → ".join(s.tool for s in self.steps)
        return f"{chain}.{self.answer_step.output}"

    def mentions_used(self) -> tuple[str, ...]:
        """The ids of the question's values the plan binds."""
        return tuple(u for u in self.uses if ":" not in u)

    def values_used(self) -> int:
        """How many of the question's values, and of the quantities it names for a look-up
        ("using the vapour pressure at 108 °C"), the plan uses (substances not counted)."""
        return sum(1 for u in self.uses if not u.startswith("substance:")) - self.repeats

    def rank(self, named_units: frozenset[str] = frozenset()) -> tuple[float, ...]:
        """Sort key, best first: the question's values used, fewer steps, fewer look-ups (a
        property the question gives the data for is computed from it: an ideal gas's cp
        from its k and M), the substances it names used, a tool of ``named_units`` used
        (the question's "PFR" decides between a CSTR's and a PFR's volume, which use its
        values alike), word evidence, relevance."""
        names = len(self.uses) - self.values_used() - self.repeats
        named_unit = bool(named_units & {s.tool for s in self.steps})
        return (-self.values_used(), len(self.steps), self.lookups, -names, -named_unit,
                -round(self.evidence, 3), -self.relevance)  # fmt: skip


def tied_plans(plans: Sequence[Plan], limit: int) -> list[Plan]:
    """The best plans the ranking cannot tell apart (named alike, using as many of the
    question's values, as few steps): what the action generator chooses among."""
    if not plans:
        return []
    first = plans[0]
    key = (first.named, first.values_used(), len(first.steps))
    return [p for p in plans if (p.named, p.values_used(), len(p.steps)) == key][:limit]
