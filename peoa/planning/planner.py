"""The planner: tool chains from what a question gives to what it asks.

1. **Answer targets.** The tool outputs that can be the answer: those whose dimension
   is the asked unit's (when a unit is asked), scored by how well the asking words name
   them (the output's name, description and kind); the tools retrieved for the
   question add their relevance.
2. **Backward chaining.** For each target, the tool's arguments are bound to the
   question's values (:mod:`peoa.planning.binding`). An input no value fits is asked of
   the quantity graph: the tools that give its kind (or a narrower one) are planned the
   same way, up to ``max_steps`` steps. A property a named substance has at stated
   conditions (a density, a vapour pressure) is such a step, a property look-up.
3. **A plain conversion** when the question asks a written value in another unit.
4. **Ranking**: plans whose answer the asking words name come first; then the plans
   that use more of the question's values (the unused-data check is the objective),
   fewer steps, stronger word evidence, and the tools' relevance.

Nothing here calls a model: the action generator chooses among the plans it returns.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Literal

from pint.errors import PintError

from peoa.planning.binding import (
    ArgumentSpec,
    arguments,
    assign_values,
    bind_plain,
    fits,
    multiplier,
)
from peoa.planning.cues import (
    abbreviated_tools,
    asked_basis,
    described,
    distinctive_names,
    given_labels,
    head_dimensionality,
    is_inlet,
    is_outlet,
    kind_vocabulary,
    methods_named,
    named_kinds,
    named_states,
    names_a_given_value,
    offered,
    output_vocabulary,
    proper_names,
    state_symbols,
    unit_basis,
)
from peoa.planning.graph import QuantityGraph
from peoa.planning.model import Binding, Plan, PlanStep
from peoa.planning.words import Vocabulary, tokens
from peoa.reading.model import Mention, Reading
from peoa.reading.units import dimensionality_of
from peoa.tools.base import P, Q, Tool
from peoa.tools.kinds import kind
from peoa.tools.quantity import dimension_of_unit, ureg
from peoa.tools.registry import ToolRegistry

__all__ = ["Planner"]

_CONVERSION_TOOL = "unit_convert"
_SAME_NAME = 0.05  # an output fed to the argument of its own name (a tie-break)
_MULTIPLE_OF_WORDS = 4  # "1.3 times the minimum reflux": the words that name the base
_STATE = ("temperature", "pressure")  # the state a substance's property is taken at
_NAMES_QUANTITY = 2.0  # an answer target this well named makes a question a computation
_DATA_WORDS = 0.4  # the weight of asking words in the clauses that give values
# Tools of this topic restate a given value (absolute from gauge, mass from volume flow).
_RESTATING_TOPIC = "units"
_BOUND = re.compile(r"^\s*(?:minimum|maximum|min\.?|max\.?)\b", re.IGNORECASE)


@lru_cache(maxsize=4)
def _lookups(registry: ToolRegistry) -> frozenset[str]:
    """The property look-ups: tools that take a chemical, or are made for one substance
    (the steam tables)."""
    return frozenset(
        t.name
        for t in registry.list()
        if t.substance is not None
        or any(isinstance(a.spec, P) and a.spec.chemical for a in arguments(t).values())
    )


def _is_reference(argument: str) -> bool:
    return argument.endswith("_ref") or argument.startswith("reference_")


@lru_cache(maxsize=4)
def _restating_kinds(registry: ToolRegistry) -> frozenset[str]:
    """The kinds a tool gives while taking a reference state's value (``K_ref``): only a
    value of these kinds may be restated from a reference."""
    return frozenset(
        k
        for t in registry.list()
        if any(_is_reference(name) for name in arguments(t))
        for k in t.output_kinds.values()
        if k is not None
    )


def _takes_as_reference(step: PlanStep, mentions: Sequence[str]) -> bool:
    """Whether ``step`` takes the written ``mentions`` as a reference state's value
    (``K_ref``, ``reference_temperature``)."""
    return any(
        _is_reference(b.argument) and set(mentions) <= set(b.mentions) for b in step.bindings
    )


_DIFFERENCE_WORDS = re.compile(
    r"\b(?:rise|increase|drop|difference|change|span|approach|differential)\b", re.I
)


# Asking for a difference of two states ("over what temperature range", "the dew point
# minus the bubble point") is not answered by a state itself.
_ASKS_DIFFERENCE = re.compile(
    r"\b(?:range|minus|difference|rise|increase|drop|change|glide|separates?)\b", re.I
)
_STATES = frozenset({"temperature", "pressure"})
_NAMED_CHOICE = 1.0  # evidence for computing the narrower kind the question names
_OTHER_QUESTION = 0.45  # a target named this much less than the best answers another question


@dataclass
class _Partial:
    """A chain under construction: its steps (last one answers), values used, evidence."""

    steps: list[PlanStep]
    uses: frozenset[str]
    evidence: float
    tools: frozenset[str] = field(default_factory=frozenset)
    # A value written as a multiple of this chain's result ("1.3 times the minimum"):
    # the argument it feeds takes that many times the result.
    scale: str | None = None


def _written_only(argument: ArgumentSpec) -> bool:
    """Whether only the question may give ``argument`` (``Q(written=True)``)."""
    return isinstance(argument.spec, Q) and argument.spec.written


def _quantity_kind(argument: ArgumentSpec) -> str | None:
    """The kind of a quantity argument; ``None`` for a plain one (text, choice, flag)."""
    return argument.spec.kind if isinstance(argument.spec, Q) else None


def _unit_dimensionality(tool: Tool, output: str) -> str | None:
    unit = tool.outputs[output].unit
    return dimensionality_of(unit) if unit is not None else None


@dataclass
class Planner:
    """Enumerates and ranks plans for a reading, over a registry and its quantity graph."""

    registry: ToolRegistry
    graph: QuantityGraph
    max_steps: int = 4
    max_plans: int = 5
    max_targets: int = 24
    branching: int = 2
    combinations: int = 16  # of the inputs' options, per step

    # -- answer targets --------------------------------------------------------------
    def targets(
        self, reading: Reading, relevance: Mapping[str, float]
    ) -> list[tuple[str, str, float]]:
        """``(tool, output, match)`` that can answer, best first: the asked unit's
        dimension, then how well the asking words name the output."""
        asked = reading.asked
        words = list(asked.words) or tokens(asked.sentence)
        indexed = state_symbols(reading, asked.focus)  # "Find H2" given H1: a head
        focus = list(asked.focus)
        question = proper_names(reading.text)
        authors = distinctive_names(self.registry)
        difference = bool(_ASKS_DIFFERENCE.search(" ".join(focus)))
        text = tuple(tokens(reading.text))
        states_named = 0.0
        labels = given_labels(reading)
        found = []
        for tool in self.registry.list():
            if tool.name == _CONVERSION_TOOL or not offered(reading, tool):
                continue
            # A method the question names by its author ("Using Dittus-Boelter").
            named_method = 2.5 if authors.get(tool.name, set()) & question else 0.0
            for output, kind_name in tool.output_kinds.items():
                if kind_name is None or tool.outputs[output].many:  # text or a list: no answer
                    continue
                if (
                    asked.dimensionality
                    and _unit_dimensionality(tool, output) != asked.dimensionality
                ):
                    continue
                if _BOUND.match(tool.outputs[output].description) and asked.bound is None:
                    continue  # Fenske's minimum stages do not answer "how many stages"
                vocabulary = output_vocabulary(tool, output, kind_name)
                # The words of the clauses that ask count fully; those beside values less.
                match = vocabulary.score_words(focus) + _DATA_WORDS * vocabulary.score_words(words)
                # An asked symbol at a state ("H2" given H1) names its kind's output.
                by_symbol = bool(vocabulary.symbols & set(indexed))
                match += _NAMES_QUANTITY if by_symbol else 0.0
                match += named_method if match > 0 else 0.0
                if difference and kind(kind_name).dimension in _STATES:
                    # A bubble point does not answer "dew point minus bubble point".
                    states_named = max(states_named, match)
                    continue
                rel = relevance.get(tool.name, 0.0)
                if match > 0 or (asked.dimensionality and rel > 0):
                    # The output itself, not its tool's name, answers to the asking
                    # words ("what duty": a heat duty, not hx_duty's heat capacity rate).
                    own = output_vocabulary(tool, output, kind_name, tool_name=False)
                    head = by_symbol or own.score_words(asked.head) > 0
                    given = names_a_given_value(own, _unit_dimensionality(tool, output), labels)
                    found.append(
                        (tool.name, output, match, rel, head, described(tool, text), given)
                    )
        # A name that ends in a dimension's noun asks a value of that dimension, where no
        # unit says so ("what pressure drop": not the head loss the same words name).
        named = head_dimensionality(asked.head) if asked.dimensionality is None else None
        if named and any(self._dimensionality(t[0], t[1]) == named for t in found):
            found = [t for t in found if self._dimensionality(t[0], t[1]) == named]
        # "Per kilogram" or "per mole" asks the answer on that basis (a heating value per
        # kg, not per mol), where no unit says so.
        basis = asked_basis(asked.sentence) if asked.dimensionality is None else None
        if basis and any(self._basis(t[0], t[1]) == basis for t in found):
            found = [t for t in found if self._basis(t[0], t[1]) in (basis, None)]
        # The words right after the asking word name the quantity: where some outputs
        # answer to them ("what duty is needed"), those that do not (a compressor's power
        # in a question that also names the compressor) are not what is asked.
        if any(t[4] for t in found):
            found = [t for t in found if t[4]]
        # A quantity the question gives a value of is not what it asks ("area of an
        # exchanger with ... log-mean temperature difference 41.3 °C?"), unless the
        # asking words name it.
        if any(not t[4] and t[6] for t in found) and not all(t[6] for t in found):
            found = [t for t in found if t[4] or not t[6]]
        # Nor does a quantity named far less well than the states whose difference is
        # asked (a mean temperature difference for "dew point minus bubble point").
        found = [t for t in found if t[2] >= _OTHER_QUESTION * states_named]
        # Of the outputs named alike, those of the tools whose descriptions the question's
        # words fit best come first (a tool's outputs keep their declared order).
        found.sort(key=lambda t: (-t[2], -t[3], -t[5]))
        return [(t, o, m) for t, o, m, *_ in found[: self.max_targets]]

    def _dimensionality(self, tool_name: str, output: str) -> str | None:
        return _unit_dimensionality(self.registry.get(tool_name), output)

    def _basis(self, tool_name: str, output: str) -> str | None:
        return unit_basis(self.registry.get(tool_name).outputs[output].unit)

    # -- expansion --------------------------------------------------------------------
    def _expand(self, reading: Reading, tool_name: str, output: str, depth: int,
                avoid: frozenset[str]) -> list[_Partial]:  # fmt: skip
        """Partial plans ending in ``tool_name`` giving ``output``, best few first; none
        that calls a tool of ``avoid`` again (a chain never loops)."""
        key = (tool_name, output, depth)
        if key not in self._memo:
            self._memo[key] = self._expand_new(reading, tool_name, output, depth)
        return [p for p in self._memo[key] if not (p.tools - {tool_name}) & avoid]

    def _producers(self, wanted: str) -> list[tuple[str, str]]:
        """The graph's producers of ``wanted``, each tool's outputs in the order the tool
        declares them: its main result first (a pipe's total pressure drop before its
        friction and fittings parts), whatever order the graph returned its edges in."""

        def declared(pair: tuple[str, str]) -> tuple[str, int]:
            outputs = list(self.registry.get(pair[0]).outputs)
            return pair[0], outputs.index(pair[1]) if pair[1] in outputs else len(outputs)

        return sorted(self.graph.producers(wanted), key=declared)

    def _scaled(
        self, reading: Reading, subs: Sequence[tuple[str, _Partial]], argument: ArgumentSpec
    ) -> list[tuple[str, _Partial]]:
        """The chains whose result a value is written as a multiple of ("reflux 1.3 times
        the minimum": the minimum reflux ratio's chain, scaled by 1.3), as scaled variants."""
        found = []
        for mention in reading.data():
            if not multiplier(mention):
                continue
            following = tokens(reading.text[mention.span[1] :])[1:_MULTIPLE_OF_WORDS]
            for name, partial in subs:
                last = partial.steps[-1]
                # The value is of the kind fed ("the reflux ratio is 1.25 times ...").
                if last.kind is None or not kind_vocabulary(last.kind).score_words(
                    [*mention.clause, *following]
                ):
                    continue
                # The base is named by more than its kind ("the minimum", not "the reflux").
                words = [w for w in following if not kind_vocabulary(last.kind).score_words([w])]
                vocabulary = output_vocabulary(self.registry.get(last.tool), last.output, None)
                if (
                    partial.scale is None
                    and vocabulary.score_words(words) > 0
                    # ... and the argument is not the base itself (R, not R_min)
                    and not argument.vocabulary.score_words(words)
                ):
                    found.append((name, replace(partial, scale=mention.id)))
        return found

    def _may_state(
        self,
        consumer: Tool,
        gives_here: Sequence[str],
        argument: str,
        producer: str,
        produced: str,
        wanted: str,
    ) -> bool:
        """Whether ``producer`` may give ``consumer``'s ``argument`` of the given state
        ``wanted``: a restatement of a written value (gauge to absolute); one unit's
        outlet as the next unit's inlet (a compressor's discharge temperature into its
        aftercooler); or, for a substance's property, a narrower state the question
        names (the latent heat at the boiling temperature for a stated pressure). Never
        the state the consumer gives itself (steam's temperature "at" its boiling point)."""
        tool = self.registry.get(producer)
        if tool.topic == _RESTATING_TOPIC:
            return True
        if wanted in gives_here:
            return False
        gives = tool.output_kinds.get(produced)
        if gives == wanted and is_inlet(argument) and is_outlet(tool, produced):
            return True
        return (
            gives is not None
            and gives != wanted
            and gives in self._said
            and consumer.name in _lookups(self.registry)
        )

    def _fed(
        self,
        reading: Reading,
        tool: Tool,
        gives: Sequence[str],
        name: str,
        wanted: str,
        depth: int,
    ) -> list[_Partial]:
        """The best chain from each producer of ``wanted`` that may feed ``tool``'s optional
        or written ``name``: for a given state, only what :meth:`_may_state` allows."""
        given = kind(wanted).given
        if _written_only(arguments(tool)[name]):
            return []
        return [
            partial
            for producer, produced in self._producers(wanted)
            if producer not in (tool.name, _CONVERSION_TOOL)
            and (not given or self._may_state(tool, gives, name, producer, produced, wanted))
            for partial in self._expand(
                reading, producer, produced, depth + 1, frozenset({tool.name})
            )[:1]
        ]  # fmt: skip

    def _lookups_in(self, partial: _Partial) -> int:
        return sum(s.tool in _lookups(self.registry) for s in partial.steps)

    def _order(self, partial: _Partial) -> tuple[float, ...]:
        """Partial plans in the order of :meth:`Plan.rank`: values used, steps, look-ups,
        substances used, evidence."""
        values = sum(1 for u in partial.uses if not u.startswith("substance:"))
        names = len(partial.uses) - values
        values -= self._repeats(partial.uses)
        return (-values, len(partial.steps), self._lookups_in(partial), -names, -partial.evidence)

    def _repeats(self, uses: Iterable[str]) -> int:
        """How many of ``uses`` restate a value another of them writes (the same number
        and unit): a plan gains nothing by binding a repeated value twice."""
        mentions = [u for u in uses if ":" not in u]
        return len(mentions) - len({self._written[m] for m in mentions})

    def _values(self, reading: Reading, tool: Tool) -> dict[str, Binding]:
        if tool.name not in self._bound:
            self._bound[tool.name] = assign_values(reading, tool)
        return self._bound[tool.name]

    def _expand_new(
        self, reading: Reading, tool_name: str, output: str, depth: int
    ) -> list[_Partial]:
        tool = self.registry.get(tool_name)
        named = {(s.canonical or s.name).lower() for s in reading.fluids()}
        if tool.substance is not None and named and tool.substance not in named:
            return []  # the steam tables for a question about propane
        if tool.phase is not None and reading.phase not in (None, tool.phase):
            return []  # a liquid relief valve for a question about steam
        if not offered(reading, tool):
            return []
        specs = arguments(tool)
        values = self._values(reading, tool)
        plain = {name: bind_plain(reading, tool, name) for name in specs if name not in values}
        bound: dict[str, Binding] = {**values, **{k: v for k, v in plain.items() if v}}
        state = tool.output_kinds.get(output)
        if (
            tool.topic == _RESTATING_TOPIC
            and state is not None
            and kind(state).given
            and any(b.source == "mention" and b.score <= 0 for b in bound.values())
        ):
            return []  # a state restated from values the words do not name ("1 atm" as gauge)
        needed = [name for name, a in specs.items() if a.required and name not in bound]
        needs = [(n,) if isinstance(n, str) else n for n in tool.outputs[output].needs]
        # One option of each group of alternatives; the others' values are left out. A
        # look-up never takes the quantity it gives: a saturation pressure "at" a pressure
        # is that pressure again.
        gives = kind(state).lineage() if state else ()
        chosen: list[tuple[str, ...]] = []
        for group in tool.alternatives:
            open_options = tuple(
                o for o in group
                if not any(_quantity_kind(specs[n]) in gives[1:] for n in o)
            ) or group  # fmt: skip
            # The option holding what the output needs comes first (an affinity law's
            # new head needs the old head, whatever else is given); then the one most
            # bound, and of those the one taking more of the question's values (dG° and
            # dH° as written rather than looked up for the equation's species).
            options = sorted(
                open_options,
                key=lambda o: (
                    not any(n in o for item in needs for n in item),
                    -sum(n in bound for n in o) / len(o),
                    -sum(n in bound and bound[n].source == "mention" for n in o),
                    len(o),
                ),
            )
            chosen.append(options[0])
        # A value of an option not chosen is left out, unless a chosen option of another
        # group takes it (the viscosity for Re when Pr is given).
        taken = {n for option in chosen for n in option}
        for group in tool.alternatives:
            for name in {n for option in group for n in option} - taken:
                bound.pop(name, None)
        needed += [n for option in chosen for n in option if n not in bound]
        # What the output needs outside the alternatives must be bound or computed too.
        needed += [item[0] for item in needs if not any(n in bound or n in needed for n in item)]
        # Needed non-number inputs cannot come from another tool.
        needed_kinds: list[tuple[str, str]] = []
        for name in needed:
            wanted = _quantity_kind(specs[name])
            if wanted is None or specs[name].is_list or _written_only(specs[name]):
                return []
            needed_kinds.append((name, wanted))
        if needed and depth >= self.max_steps:
            return []
        # Read-only once built, so a list of plain chains is one of optional chains too.
        options_per_input: list[Sequence[tuple[str, _Partial | None]]] = []
        for name, wanted in needed_kinds:
            given = kind(wanted).given  # a state the question gives (a temperature, a length)
            subs: list[tuple[str, _Partial]] = []
            for producer, produced in self._producers(wanted):
                if producer in (tool_name, _CONVERSION_TOOL):
                    continue
                if given and not self._may_state(tool, gives, name, producer, produced, wanted):
                    continue  # a given state is restated or named, never computed freely
                for partial in self._expand(reading, producer, produced, depth + 1,
                                            frozenset({tool_name}))[: self.branching]:  # fmt: skip
                    subs.append((name, partial))
            subs += self._scaled(reading, subs, specs[name])
            if not subs:
                return []
            subs.sort(key=lambda pair: self._order(pair[1]))
            kept = subs[: self.branching]
            # A look-up uses the substance and its state; a computation from the question's
            # own data (cp from k and M) may use fewer values here and as many in the end.
            computed = [p for p in subs if not self._lookups_in(p[1])]
            if computed and computed[0] not in kept:
                kept.append(computed[0])
            # A rival correlation offers an input the tool reports again (Pr) through the
            # other inputs' chains; the shortest (Pr looked up) does as well beside them.
            shortest = min(subs, key=lambda pair: len(pair[1].steps))
            if wanted in tool.output_kinds.values() and shortest not in kept:
                kept.append(shortest)
            options_per_input.append(kept)
        # Options beside a written value or a tool's default, each a list that starts
        # with None (keep it); the ranking chooses.
        restated: list[Sequence[tuple[str, _Partial | None]]] = []
        alternative = {n for group in tool.alternatives for option in group for n in option}
        for name, argument in specs.items():
            spec = argument.spec
            if not isinstance(spec, Q) or depth >= self.max_steps:
                continue
            binding = bound.get(name)
            given = kind(spec.kind).given
            restating = given or spec.kind in _restating_kinds(self.registry)
            if binding is not None and binding.source == "mention" and restating:
                # A given state written as a value may be restated with more of the
                # question (5 barg and the stated barometer as absolute), or be the outlet
                # of the unit upstream that takes it (an aftercooler's inlet is the
                # compressor's discharge, not its suction at the written temperature).
                # Another value is restated only by a tool taking it as its reference (a K
                # written at 298 K, brought to the reaction's temperature).
                feeds = [
                    (name, p) for p in self._fed(reading, tool, gives, name, spec.kind, depth)
                    if len(p.uses - set(binding.mentions)) >= 1
                    and set(binding.mentions) <= p.uses
                    and (given or _takes_as_reference(p.steps[-1], binding.mentions))
                ]  # fmt: skip
            elif argument.required or binding is not None or name in alternative or name in needed:
                continue  # bound, or computed above (an optional input the output needs)
            elif given:
                # A state left to the tool's default (a latent heat at the normal boiling
                # point) may be the one the question names ("at the boiling temperature
                # for 2 bar").
                feeds = [(name, p) for p in self._fed(reading, tool, gives, name, spec.kind, depth)]
            elif spec.kind in self._named:
                # An optional quantity the question names ("using the vapour pressure
                # at 108 °C") is looked up rather than left unchecked: by a property
                # look-up, never by a whole apparatus (a cycle's efficiency is no motor's).
                feeds = [
                    (name, p)
                    for p in self._fed(reading, tool, gives, name, spec.kind, depth)
                    if p.steps[-1].tool in _lookups(self.registry)
                    and not self.registry.get(p.steps[-1].tool).cues
                ][: self.branching]
            else:
                continue
            if feeds:
                restated.append([(name, None), *feeds])
        own_evidence = sum(b.score for b in bound.values()) / max(len(bound), 1)
        results = []
        choices: list[Sequence[tuple[str, _Partial | None]]] = [*options_per_input, *restated]
        for combination in itertools.islice(itertools.product(*choices), self.combinations):
            combined = self._combine(tool, output, specs, bound, own_evidence, combination)
            if combined is not None and len(combined.steps) <= self.max_steps:
                results.append(combined)
        results.sort(key=self._order)
        return results

    def _combine(
        self,
        tool: Tool,
        output: str,
        specs: Mapping[str, Any],
        bound: dict[str, Binding],
        evidence: float,
        combination: Sequence[tuple[str, _Partial | None]],
    ) -> _Partial | None:
        """This step on top of the steps that feed it, or ``None`` when a required value
        of it is one an earlier step takes for another argument, or one earlier result
        would feed two of its arguments."""
        steps: list[PlanStep] = []
        feeds: dict[str, Binding] = {}
        tools = {tool.name}
        # What an earlier step feeds is not this step's own value (a tank's pressure
        # restated as absolute feeds both the density look-up and the NPSH).
        fed = {name for name, partial in combination if partial is not None}
        own = {name: b for name, b in bound.items() if name not in fed}
        # The inputs of the options chosen among alternatives are as good as required.
        chosen = {n for group in tool.alternatives for option in group for n in option
                  if n in own or n in fed}  # fmt: skip
        children = frozenset[str]()
        for name, partial in combination:
            if partial is None:
                continue  # the value as written
            # A value one of the tool's options of inputs needs together (an exchanger's
            # four terminal temperatures) is the same stream's as the earlier step's.
            together = {n for group in tool.alternatives for o in group if len(o) > 1
                        for n in o if set(o) <= set(own) | fed}  # fmt: skip
            for argument, earlier in _reused(own, partial, _lookups(self.registry)).items():
                if argument in together:
                    if all(_same_role(e, argument) for e in earlier):
                        continue  # a duty's inlet temperature is the exchanger's hot inlet
                    return None  # ... its outlet is not the cold stream's inlet
                if specs[argument].required or argument in chosen:
                    return None  # a set pressure given again as this step's inlet pressure
                del own[argument]  # ... or as its optional back pressure: left to its default
            placed = _place(steps, partial.steps)
            children |= partial.uses
            evidence += partial.evidence * 0.5
            tools |= partial.tools
            feed = (placed[partial.steps[-1].index], partial.steps[-1].output)
            if partial.scale is not None:
                feeds[name] = Binding(argument=name, source="step", step=feed[0],
                                      output=feed[1], mentions=(partial.scale,), score=1.0,
                                      note="times")  # fmt: skip
                children |= {partial.scale}
                continue
            if any((b.step, b.output) == feed and not b.mentions for b in feeds.values()):
                return None  # one restated set pressure is not also the back pressure
            if feed[1] == name:
                evidence += _SAME_NAME  # R_min into R_min, not into R
            feeds[name] = Binding(argument=name, source="step", step=feed[0], output=feed[1],
                                  score=1.0)  # fmt: skip
        uses = (
            children
            | frozenset(m for b in own.values() for m in b.mentions)
            | frozenset(f"substance:{b.value}" for b in own.values() if b.source == "substance")
        )
        if tool.substance is not None:
            uses |= {f"substance:{tool.substance}"}
        # An optional quantity the question names ("looking up the vapour pressure") that
        # a step computes for this one is part of what it asks; for a required one, the
        # kind it names ("on the lower heating value") is the better of two that fit.
        for name, partial in combination:
            if partial is None:
                continue
            wanted, given = specs[name].spec.kind, partial.steps[-1].kind
            if not specs[name].required and wanted in self._named:
                uses |= {f"named:{wanted}"}
            elif given != wanted and given in self._named:
                evidence += _NAMED_CHOICE

        every = {**own, **feeds}
        steps.append(PlanStep(
            index=len(steps) + 1, tool=tool.name,
            bindings=tuple(every[n] for n in specs if n in every),
            output=output, kind=tool.output_kinds.get(output), sub_task=_sub_task(tool, output),
        ))  # fmt: skip
        return _Partial(steps, frozenset(uses), evidence, frozenset(tools))

    def names_a_quantity(self, reading: Reading) -> bool:
        """Whether the asking words name a quantity some tool computes ("What pump power
        do I need?"), strongly enough to read the question as asking for a number."""
        return any(match >= _NAMES_QUANTITY for _, _, match in self.targets(reading, {})[:1])

    def missing(self, reading: Reading, relevance: Mapping[str, float] | None = None) -> str:
        """Why no plan reaches the asked quantity: for the tools that would give it, the
        inputs for which the question gives no value (and no tool computes from it)."""
        lines = []
        for tool_name, output, _ in self.targets(reading, relevance or {})[:3]:
            tool = self.registry.get(tool_name)
            specs = arguments(tool)
            bound = assign_values(reading, tool)
            lacking = [
                (kind(a.spec.kind).label if isinstance(a.spec, Q) else name.replace("_", " "))
                for name, a in specs.items()
                if a.required and name not in bound and bind_plain(reading, tool, name) is None
            ]
            for group in tool.alternatives:
                if not any(all(n in bound for n in option) for option in group):
                    lacking.append(" or ".join(" and ".join(option) for option in group))
            if lacking:
                description = tool.outputs[output].description
                lines.append(f"the {description} ({tool_name}) needs {', '.join(lacking)}")
        if not lines:
            return "No chain of tools reaches the quantity asked from the values given."
        return "The question does not give what the tools need: " + "; ".join(lines) + "."

    # -- plans ------------------------------------------------------------------------
    def plan(self, reading: Reading, relevance: Mapping[str, float] | None = None) -> list[Plan]:
        """The best plans for ``reading``, best first (at most ``max_plans``)."""
        relevance = relevance or {}
        self._memo: dict[tuple[str, str, int], list[_Partial]] = {}
        self._bound: dict[str, dict[str, Binding]] = {}
        self._said = named_states(reading)
        self._named = named_kinds(reading)
        self._written = {m.id: (m.value, m.unit) for m in reading.mentions}
        feasible: list[tuple[float, Plan]] = []
        seen: set[str] = set()
        targets = self.targets(reading, relevance)
        for tool_name, output, match in targets:
            for partial in self._expand(reading, tool_name, output, 1, frozenset())[:3]:
                plan = self._finish(reading, partial.steps, partial.uses, partial.evidence + match,
                                    relevance, "tools")  # fmt: skip
                key = plan.describe() + repr([s.bindings for s in plan.steps])
                if key not in seen:
                    seen.add(key)
                    feasible.append((match, plan))
        # The plans whose answer the asking words name about as well as the best feasible
        # one come first, and only those; a plan far below the best named target overall
        # (feasible or not) answers another question.
        best_match = max((m for m, _ in feasible), default=0.0)
        best_target = max((m for _, _, m in targets), default=0.0)
        units = abbreviated_tools(reading.text, self.registry)
        plans: list[tuple[tuple[float, ...], Plan]] = []
        for match, plan in feasible:
            named = best_match > 0 and match >= max(0.6 * best_match, _OTHER_QUESTION * best_target)
            plan = plan.model_copy(update={"named": named})
            plans.append(((-float(named), *plan.rank(units)), plan))
        conversion = self._conversion(reading, relevance)
        if conversion is not None:
            named = reading.asked.conversion or not plans
            conversion = conversion.model_copy(update={"named": named})
            plans.append(((-float(named), *conversion.rank(units)), conversion))
        plans.sort(key=lambda pair: pair[0])
        # A method the question names by its author ("using Fenske, Underwood and
        # Gilliland") is the method asked: a plan that uses none of them answers another
        # question (McCabe-Thiele stepping gives another number of stages).
        named_methods = methods_named(reading.text)
        asked = {
            t for t, words in distinctive_names(self.registry).items() if words & named_methods
        }
        if asked:
            plans = [(key, plan) for key, plan in plans if asked & {s.tool for s in plan.steps}]
        # A plan whose answer the asking words do not name answers another question.
        if any(plan.named for _, plan in plans):
            plans = [(key, plan) for key, plan in plans if plan.named]
        elif best_target > 0:
            plans = []
        ranked = [plan for _, plan in plans[: self.max_plans]]
        return [p.model_copy(update={"id": f"p{i}"}) for i, p in enumerate(ranked, start=1)]

    def _finish(self, reading: Reading, steps: Sequence[PlanStep], uses: frozenset[str],
                evidence: float, relevance: Mapping[str, float],
                kind_: Literal["tools", "conversion", "code"]) -> Plan:  # fmt: skip
        # A value written for a factor a plan's tool computes or assumes ("Kw = Kv = 1" for
        # a relief valve that reports both), or written once for several symbols of which
        # one is used ("Kb = Kc = 1"), is accounted for.
        # A value written again ("… at 22 °C. With its properties at 22 °C, …") is the
        # same value, used when the first is.
        named = {o for s in steps for o in self.registry.get(s.tool).outputs}
        used = [reading.mention(m) for m in uses if ":" not in m]
        used_spans = {m.span for m in used}
        repeated = {(m.value, m.unit) for m in used}
        countable = [
            m.id
            for m in reading.data()
            if (m.unit_written or m.symbol) and m.symbol not in named
            and m.span not in used_spans and (m.value, m.unit) not in repeated
        ]  # fmt: skip
        uses = frozenset(u for u in uses if not u.startswith("substance:")) | frozenset(
            u for u in uses if u.startswith("substance:")
        )
        tools = {s.tool for s in steps}
        unused = tuple(m for m in countable if m not in uses)
        return Plan(
            id="p0",
            steps=tuple(steps),
            uses=tuple(sorted(uses)),
            unused=unused,
            ignored=self._ignored(reading, steps, unused),
            evidence=round(evidence, 3),
            relevance=round(max((relevance.get(t, 0.0) for t in tools), default=0.0), 3),
            lookups=sum(s.tool in _lookups(self.registry) for s in steps),
            repeats=self._repeats(uses),
            kind=kind_,
        )

    def _ignored(
        self, reading: Reading, steps: Sequence[PlanStep], unused: Sequence[str]
    ) -> tuple[str, ...]:
        """The unused values that an argument a step leaves to its default could take: the
        plan answers another case than the question's (a latent heat at the normal
        boiling point when the question gives the pressure)."""
        open_arguments = []
        state_open = False  # a substance's property left at a default state
        for step in steps:
            tool = self.registry.get(step.tool)
            specs = arguments(tool)
            # An alternative's arguments are not open: its values belong to another option.
            alternative = {n for group in tool.alternatives for option in group for n in option}
            free = [a for n, a in specs.items() if step.binding(n) is None and n not in alternative]
            open_arguments += free
            looks_up = any(isinstance(a.spec, P) and a.spec.chemical for a in specs.values())
            state_open |= looks_up and any(
                isinstance(a.spec, Q) and a.spec.dimension in _STATE for a in free
            )

        def taken_elsewhere(mention: Mention) -> bool:
            if any(fits(mention, spec) is not None for spec in open_arguments):
                return True
            # A pressure given for a property the plan takes at its default temperature
            # (a latent heat "at 2 bar" read at the normal boiling point).
            return state_open and dimension_of_unit(mention.unit) in _STATE

        return tuple(m for m in unused if taken_elsewhere(reading.mention(m)))

    def _conversion(self, reading: Reading, relevance: Mapping[str, float]) -> Plan | None:
        """A written value in the asked unit, when the question asks that of one."""
        asked = reading.asked
        if asked.unit is None or _CONVERSION_TOOL not in self.registry:
            return None
        same = [m for m in reading.data() if m.unit_written and m.dimensionality == asked.dimensionality
                and m.span[0] < reading.text.find(asked.sentence) + len(asked.sentence)]  # fmt: skip
        if not same:
            return None
        vocabulary = Vocabulary.build([(w, 1.0) for w in asked.words])
        same.sort(key=lambda m: (-vocabulary.score_words([*m.before, *m.after]), m.span))
        mention = same[0]
        if not asked.conversion and _same_unit(mention.unit, asked.unit):
            return None  # 100 kmol/h asked again in kmol/h: the question asks something else
        difference = bool(
            _DIFFERENCE_WORDS.search(" ".join([*mention.before[:3], *mention.after[:3]]))
        )
        bindings = (
            Binding(argument="value", source="mention", mentions=(mention.id,), score=1.0,
                    rivals=tuple(m.id for m in same[1:])),
            Binding(argument="from_unit", source="choice", value=mention.unit),
            Binding(argument="to_unit", source="choice", value=asked.unit),
            Binding(argument="difference", source="choice", value=difference),
        )  # fmt: skip
        step = PlanStep(index=1, tool=_CONVERSION_TOOL, bindings=bindings, output="value",
                        sub_task=f"Convert {mention.written} to {asked.unit_written}")  # fmt: skip
        plan = self._finish(reading, [step], frozenset({mention.id}),
                            3.0 if asked.conversion else 0.5, relevance, "conversion")  # fmt: skip
        # Other given values the conversion leaves out say the question asks more of them.
        return plan if asked.conversion or not plan.unused else None


def _same_unit(a: str, b: str) -> bool:
    try:
        return a == b or bool(ureg.Unit(a) == ureg.Unit(b))
    except (PintError, ValueError):  # a unit pint cannot read compares by its spelling only
        return False


def _reused(
    bound: Mapping[str, Binding], partial: _Partial, lookups: frozenset[str]
) -> dict[str, set[str]]:
    """This step's arguments bound to a value that an earlier step takes for an argument
    of another name (a set pressure given again as the back pressure), with those other
    names. A property look-up's state is no such use: the tank's pressure is the
    liquid's too."""
    earlier: dict[str, set[str]] = {}
    for step in partial.steps:
        if step.tool in lookups:
            continue
        for b in step.bindings:
            for m in b.mentions:
                earlier.setdefault(m, set()).add(b.argument)
    reused: dict[str, set[str]] = {}
    for name, binding in bound.items():
        others = {a for m in binding.mentions for a in earlier.get(m, set())} - {name}
        if others:
            reused[name] = others
    return reused


def _same_role(earlier: str, argument: str) -> bool:
    """Whether an earlier step's argument names a narrower or the same role as this
    one's: ``T_in`` and ``T_hot_in`` may be one stream's inlet, ``T_out`` and
    ``T_cold_in`` are not one value."""
    return set(earlier.lower().split("_")) <= set(argument.lower().split("_"))


def _place(steps: list[PlanStep], more: Sequence[PlanStep]) -> dict[int, int]:
    """Append ``more`` (numbered from 1) to ``steps``; a call already there (the same tool
    on the same bindings: one pipe's schedule feeding both a velocity and a Reynolds
    number) is made once. Returns where each of ``more`` ended up."""
    placed: dict[int, int] = {}
    for step in more:
        bindings = tuple(
            b.model_copy(update={"step": placed[b.step]}) if b.step is not None else b
            for b in step.bindings
        )
        same = next((s for s in steps if s.tool == step.tool and s.bindings == bindings), None)
        if same is None:
            same = step.model_copy(update={"index": len(steps) + 1, "bindings": bindings})
            steps.append(same)
        placed[step.index] = same.index
    return placed


def _sub_task(tool: Tool, output: str) -> str:
    description = tool.outputs[output].description
    return f"Compute the {description} with {tool.name}"
