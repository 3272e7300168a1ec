"""Hold a model's tool arguments to what the task actually says.

A small model fills an argument schema well enough to pick which number goes where,
but it also slips: it copies the unit from the schema's examples instead of the one
written after the number (``m^3/s`` for "50 m3/h"), writes a percentage as a bare
number, invents optional arguments, or garbles a digit. The checks here compare each
quantity with the numbers written in the task and the units written after them:

- a unit that differs from the one written after that number in the task, while the
  written one fits the argument's dimension, is replaced by the written one;
- an optional argument whose number is not written in the task, or whose number an
  earlier argument already took, is dropped;
- a required argument whose number is not written in the task is reported, so the
  expert can ask the model to copy it again;
- a required quantity argument the model filled with a number the task does not write
  as its kind takes the one number of its kind no other argument took ("2.5 m/s" for a
  velocity given 15 m/s from "15 mm");
- a number the task writes only with units of another kind ("25 m3/h" given as the
  ``mass_flow``) moves to the one argument left empty that takes that kind
  (``volumetric_flow``); with no such argument, an optional one is dropped and a required
  one is reported: the tool would read the number in the model's unit, a silent wrong
  value;
- a misplaced number with nowhere to go leaves its argument the one number of the
  argument's kind that no other took, when the task writes it by the argument's name
  ("20 m3/h at 40 m head" given a head of 20 m takes 40 m);
- one number feeds several arguments only when the task writes it "each" for several
  things ("fouling resistances are each 0.0002 m²·K/W");
- a whole-number argument takes the count the task writes before its name ("one shell
  pass"), and a formula's exponent ("Pr^0.4") is no value the task gives;
- a number the task writes with no unit of the argument's kind ("NPS 6" given as a
  6 mm diameter) is dropped from an optional argument and reported for a required one:
  its unit would be the model's own;
- a number the model invents gives way to the one the task writes right after the
  argument's name ("NPS 6", "Re = 5000"), and so does a choice ("schedule 80");
- a required ratio the model invents takes the bare number no argument took whose
  neighbouring words its description names ("a distillate with 0.98 mole fraction light
  key"), when each is the other's one best match;
- a choice the model gave gives way to the one choice of a short list the task names
  ("machined convergent venturi tube", "flange taps", or "water" for a liquid by
  ``P(said_choice=…)``);
- a tool that takes a reaction gets the one chemical equation the task writes
  ("CO + H2O(g) → CO2 + H2"), species, coefficients and phases;
- a chemical the model names that the task does not write (by name, formula or CAS
  number) is reported;
- a ``%`` the model writes after a number the task writes bare ("k = 1.4" given as
  1.4 %) is dropped when the bare number is within the argument's range;
- a text argument that is the unit of a number argument (``P(unit_of=…)``, such as
  ``unit_convert``'s ``from_unit``) takes the unit written after that number when the
  two differ but measure the same thing ("150 psig" read as ``psi`` is a gauge reading
  converted as an absolute one).

Units are copied as written, never converted or respelt: the project's pint registry
reads engineers' spellings (``m3/h``, ``kg/m3``) and converts inside the tool.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from peoa.exceptions import PeoaError, ToolInputError
from peoa.tools import Tool
from peoa.tools.base import P, Q
from peoa.tools.chemical import resolve_chemical
from peoa.tools.quantity import DIMENSIONS, parse_quantity, to_si

__all__ = [
    "Grounding",
    "WrittenNumber",
    "dimensioned_numbers",
    "ground_arguments",
    "reads_as",
    "written_numbers",
]

_NUMBER = r"(?<![\w.^])(?P<number>[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)"
# The word after a number: "50 m3/h", "a 3-inch pipe", "100 US gpm".
_UNIT = (
    r"(?:(?:[ \t]|-(?=[A-Za-z]))?"
    r"(?P<unit>(?:US[ \t]+)?[A-Za-z°µμΩ%][\w°µμΩ%/*^·.()³²¹⁻\-]*|%))?"
)
_WRITTEN = re.compile(_NUMBER + _UNIT)


@dataclass(frozen=True)
class WrittenNumber:
    """A number written in the task and the word that follows it (maybe a unit)."""

    value: float
    unit: str


def _clean_unit(text: str) -> str:
    text = text.rstrip(".,;:")
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip(".,;:")
    return text


def written_numbers(text: str) -> list[WrittenNumber]:
    """Every number in ``text`` with the word written right after it.

    >>> [(w.value, w.unit) for w in written_numbers("50 m3/h of water (998 kg/m3), 70 %.")]
    [(50.0, 'm3/h'), (998.0, 'kg/m3'), (70.0, '%')]
    >>> [(w.value, w.unit) for w in written_numbers("a 3-inch line, 100 US gpm, NPS 6")]
    [(3.0, 'inch'), (100.0, 'US gpm'), (6.0, '')]

    An exponent of a formula is not a value the task gives (seen: "Nu = 0.023 Re^0.8
    Pr^0.4" filled as a Prandtl number of 0.4):

    >>> [w.value for w in written_numbers("Nu = 0.023 Re^0.8 Pr^0.4")]
    [0.023]
    """
    found = []
    for match in _WRITTEN.finditer(text):
        try:
            value = float(match.group("number").replace(",", ""))
        except ValueError:
            continue
        found.append(WrittenNumber(value, _clean_unit(match.group("unit") or "")))
    return found


def reads_as(unit: str, dimension: str, target: str) -> bool:
    """Whether pint reads ``unit`` as a unit of ``dimension`` (``m3/h`` as a flow).

    >>> reads_as("m3/h", "volumetric_flow", "m**3/s")
    True
    >>> reads_as("pumps", "length", "m")
    False
    """
    try:
        to_si(1.0, unit, dimension, target)
    except (ToolInputError, ValueError, TypeError, ZeroDivisionError):
        return False
    return True


def _same_unit(a: str, b: str) -> bool:
    try:
        return bool(parse_quantity(1.0, a).units == parse_quantity(1.0, b).units)
    except ToolInputError:
        return False


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


@dataclass
class Grounding:
    """The checked arguments and what the checks changed or found."""

    arguments: dict[str, Any]
    notes: list[str] = field(default_factory=list)  # what was corrected or dropped
    unwritten: list[str] = field(default_factory=list)  # required arguments with invented numbers
    # Percentages the task writes that no argument took, while optional fraction
    # arguments (efficiencies...) are left out: the tool would estimate what was given.
    unused: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # those optional fraction arguments
    # Required arguments given a number the task writes only with a unit of another kind.
    misplaced: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # quantity arguments the task gives
    # Quantity arguments whose number the task writes, but bare or not as their kind
    # ("numbered 37-1" read as a density of 1 kg/m3); the optional ones are dropped.
    bare: list[str] = field(default_factory=list)
    # Chemicals the model named that the task does not ("water" for "a lube oil").
    unnamed: list[str] = field(default_factory=list)

    @property
    def made_up(self) -> bool:
        """Whether the model gave the tool only numbers of its own: two or more arguments
        not written in the task, or written bare, and none written with its unit (an
        off-topic question that slipped through, read as inputs to some formula). One
        unwritten number may be a constant it knows."""
        return len(self.unwritten) + len(self.bare) >= 2 and not self.written


def ground_arguments(tool: Tool, arguments: dict[str, Any], source: str) -> Grounding:
    """Check ``arguments`` for ``tool`` against the task text ``source``.

    >>> from peoa.tools import get_registry
    >>> g = ground_arguments(get_registry().get("pump_power"), {
    ...     "density": {"value": 1000, "unit": "kg/m^3"},
    ...     "volumetric_flow": {"value": 50, "unit": "m^3/s"},
    ...     "head": {"value": 30, "unit": "m"},
    ...     "efficiency": 70, "motor_efficiency": 70},
    ...     "50 m3/h of water, density 1000 kg/m3, head 30 m, pump efficiency 70 %")
    >>> g.arguments["volumetric_flow"], g.arguments["efficiency"]
    ({'value': 50, 'unit': 'm3/h'}, {'value': 70, 'unit': '%'})
    >>> "motor_efficiency" in g.arguments
    False
    """
    written = written_numbers(source)
    remaining = [w.value for w in written]  # each written number feeds one argument
    shared = _written_for_each(source)  # ...but "are each 0.0002 m2K/W" feeds several
    result = Grounding(arguments={})
    arguments = _the_one_of_its_kind(tool, arguments, written, result)
    arguments = _by_written_kind(tool, arguments, written, source, result)
    # A number two arguments claim goes to the one its written unit fits: "2.0 bar" is
    # the pressure, not a relative humidity of 2 % (which the base model also gave it).
    claims = sorted(arguments.items(), key=lambda item: not _unit_fits(tool, *item, written))
    for name, value in claims:
        param = tool.params.get(name)
        if param is None or not isinstance(param.spec, Q) or param.is_list:
            result.arguments[name] = value
            continue
        quantity = _as_quantity(value)
        if quantity is None:
            result.arguments[name] = value
            continue
        number, unit = quantity
        if not any(_same(number, w.value) for w in written) and (
            own := _written_after_name(name, param.spec, source)
        ):
            result.notes.append(
                f"{name}: {f'{number:g} {unit}'.rstrip()} replaced by "
                f"{f'{own.value:g} {own.unit}'.rstrip()}, written after its name"
            )
            number, unit, value = own.value, own.unit, {"value": own.value, "unit": own.unit}
        if not any(_same(number, w.value) for w in written):
            if param.required:
                result.unwritten.append(name)
                result.arguments[name] = value
            else:
                result.notes.append(
                    f"dropped optional argument {name} = {number:g} {unit}".rstrip()
                    + ": that number is not written in the task"
                )
            continue
        taken = next((i for i, v in enumerate(remaining) if _same(number, v)), None)
        if taken is None and not param.required and not any(_same(number, v) for v in shared):
            result.notes.append(
                f"dropped optional argument {name} = {number:g}: an earlier argument took "
                "that number"
            )
            continue
        if taken is not None:
            remaining.pop(taken)
        if param.spec.dimension == "dimensionless" or _fitting_units(number, param.spec, written):
            result.written.append(name)
        else:
            result.bare.append(name)
            if not param.required:
                # "NPS 6" given as a 6 mm diameter: the unit would be the model's own.
                result.notes.append(
                    f"dropped optional argument {name} = {number:g} {unit}".rstrip()
                    + f": the task writes {number:g} with no unit of its kind"
                )
                continue
        result.arguments[name] = _unit_as_written(
            name, number, unit, value, param.spec, written, result.notes
        )
    _ratios_by_description(tool, result, written, remaining, source)
    _unit_texts_as_written(tool, result, written)
    _counts_as_written(tool, result, source)
    _flags_as_written(tool, result, source)
    _choices_as_written(tool, result, source)
    _choices_in_text(tool, result, source)
    _reaction_as_written(tool, result, source)
    _chemicals_as_written(tool, result, source)
    _unused_percentages(tool, result, written, source)
    return result


# Words of an argument's description too common to tell two ratios apart.
_GENERIC_WORDS = frozenset(
    {"mole", "mass", "fraction", "fractions", "with", "from", "that", "this", "each", "given"}
)


def _bare_phrases(source: str, number: float) -> set[str]:
    """The words between ``number`` and the nearest number, clause mark or "and" on
    each side: "a distillate with 0.98 mole fraction light key and …" gives
    distillate, with, mole, fraction, light, key."""
    words: set[str] = set()
    pattern = rf"(?<![\d.]){re.escape(f'{number:g}')}(?:\.0+)?(?![\d.]\d)"
    boundary = r"[-+]?\d[\d.,]*|[.;,:()\n]|\band\b"
    for match in re.finditer(pattern, source):
        before = re.split(boundary, source[: match.start()])[-1]
        after = re.split(boundary, source[match.end() :])[0]
        words.update(re.findall(r"[a-z]+", f"{before} {after}".lower()))
    return words


def _ratios_by_description(
    tool: Tool,
    result: Grounding,
    written: list[WrittenNumber],
    remaining: list[float],
    source: str,
) -> None:
    """Give each required ratio the model invented (all 1s, seen for Fenske and
    Gilliland) the bare number that no argument took and whose neighbouring words its
    description names: "a distillate with 0.98 mole fraction light key" for the light
    key's distillate fraction. A number goes to an argument only when each is the
    other's one best match; matches are made strongest first.

    >>> from peoa.tools import get_registry
    >>> g = ground_arguments(get_registry().get("fenske_min_stages"),
    ...     {"alpha": 1, "xD_light": 1, "xB_light": 1},
    ...     "A binary column must produce a distillate with 0.98 mole fraction light key "
    ...     "and a bottoms with 0.02. The relative volatility is constant at 2.45.")
    >>> g.arguments, g.unwritten
    ({'alpha': {'value': 2.45, 'unit': ''}, 'xD_light': {'value': 0.98, 'unit': ''}, \
'xB_light': {'value': 0.02, 'unit': ''}}, [])
    """
    targets = {
        name: (_name_words(name) | _text_words(spec.description)) - _GENERIC_WORDS
        for name in result.unwritten
        if isinstance(spec := tool.params[name].spec, Q)
        and spec.dimension == "dimensionless"
        and not tool.params[name].is_list
    }
    pool = {
        w.value: _bare_phrases(source, w.value)
        for w in written
        if any(_same(w.value, v) for v in remaining)
        and (not (_kinds(w.unit) - {"dimensionless"}) or f"{w.unit} fraction" in source)
    }
    while targets and pool:
        scores = {(n, v): len(targets[n] & pool[v]) for n in targets for v in pool}
        matched = False
        for (name, number), score in sorted(scores.items(), key=lambda item: -item[1]):
            if score == 0:
                break
            if any(
                rival >= score for (n, v), rival in scores.items() if (n == name) != (v == number)
            ):
                continue  # another number fits this argument as well, or the reverse
            result.notes.append(
                f"{name}: {_shown(result.arguments.get(name))} replaced by {number:g}, "
                "the number the task writes by what it describes"
            )
            result.arguments[name] = {"value": number, "unit": ""}
            result.unwritten.remove(name)
            result.written.append(name)
            remaining.pop(next(i for i, v in enumerate(remaining) if _same(number, v)))
            del targets[name], pool[number]
            matched = True
            break
        if not matched:
            return


def _text_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]+", text.lower()) if len(word) > 3}


def _shown(value: Any) -> str:
    quantity = _as_quantity(value)
    return "nothing" if quantity is None else f"{quantity[0]:g} {quantity[1]}".rstrip()


_COUNT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _counts_as_written(tool: Tool, result: Grounding, source: str) -> None:
    """Hold each whole-number argument to the count the task writes before its name
    ("one shell pass" for ``shell_passes``; seen: 2, from the "two tube passes" after it).

    >>> from peoa.tools import get_registry
    >>> g = ground_arguments(get_registry().get("hx_lmtd"), {"shell_passes": 2},
    ...     "A shell-and-tube exchanger with one shell pass and two tube passes")
    >>> g.arguments, g.notes
    ({'shell_passes': 1}, ['shell_passes: 2 replaced by 1, written before shell'])
    """
    for name, given in list(result.arguments.items()):
        param = tool.params.get(name)
        if param is None or param.annotation is not int or type(given) is not int:
            continue
        word = name.split("_")[0]
        if len(word) < 4:
            continue
        pattern = rf"\b(\d+|{'|'.join(_COUNT_WORDS)})[\s-]+{re.escape(word)}\b"
        counts = {
            int(m) if m.isdigit() else _COUNT_WORDS.index(m.lower()) + 1
            for m in re.findall(pattern, source, flags=re.IGNORECASE)
        }
        if len(counts) == 1 and (count := counts.pop()) != given:
            result.arguments[name] = count
            result.notes.append(f"{name}: {given} replaced by {count}, written before {word}")


def _written_after_name(name: str, spec: Q, text: str) -> WrittenNumber | None:
    """The one number ``text`` writes right after the argument's name, with a unit of its
    kind if it has one: "NPS 6", "Re = 5000", "P1: 2 bar". A name of one or two letters
    needs its "=" or ":" ("k = 1.4", not "k 1.4").

    >>> from peoa.tools import get_registry
    >>> nps = get_registry().get("pipe_schedule").params["NPS"].spec
    >>> _written_after_name("NPS", nps, "What is the inside diameter of NPS 6 schedule 80 pipe?")
    WrittenNumber(value=6.0, unit='')
    """
    sign = r"\s*(?:=|:)\s*" if len(name) < 3 else r"\s*(?:=|:)?\s*"
    pattern = re.compile(rf"(?<![\w.]){re.escape(name)}{sign}" + _NUMBER + _UNIT)
    found = {
        WrittenNumber(float(m.group("number").replace(",", "")), unit if _kinds(unit) else "")
        for m in pattern.finditer(text)
        for unit in [_clean_unit(m.group("unit") or "")]  # a word after it is no unit
    }
    if len(found) != 1:
        return None
    own = found.pop()
    fits = spec.dimension == "dimensionless" or spec.dimension in _kinds(own.unit)
    return own if fits else None


def _choices_as_written(tool: Tool, result: Grounding, source: str) -> None:
    """Set each choice the task writes right after the argument's name ("schedule 80"),
    when the model gave another (seen: the default "40").

    >>> from peoa.tools import get_registry
    >>> g = ground_arguments(get_registry().get("pipe_schedule"), {"schedule": "40", "NPS": 6},
    ...     "What is the inside diameter of NPS 6 schedule 80 steel pipe?")
    >>> g.arguments["schedule"], g.notes
    ('80', ['schedule: 40 replaced by 80, written after its name'])
    """
    for name, param in tool.params.items():
        spec = param.spec
        given = result.arguments.get(name)
        if not isinstance(spec, P) or not spec.choices or len(name) < 3 or given is None:
            continue
        words = r"[\s-]+".join(map(re.escape, name.split("_")))
        after = re.findall(rf"\b{words}\s*(?:=|:)?\s*([\w.]+)", source, flags=re.IGNORECASE)
        written = {c for c in spec.choices for word in after if word.rstrip(".") == c}
        if len(written) == 1 and (choice := written.pop()) != given:
            result.arguments[name] = choice
            result.notes.append(f"{name}: {given} replaced by {choice}, written after its name")


_FEW_CHOICES = 8


def _choices_in_text(tool: Tool, result: Grounding, source: str) -> None:
    """Set each choice the model gave that the task names otherwise: the one choice whose
    own name is written ("flange taps"), or whose words of three letters or more are
    all written ("ISA 1932 flow nozzle" for "ISA 1932 nozzle"), or whose words in
    ``P(said_choice=…)`` are ("water" for a liquid). Seen: a venturi tube and a flow
    nozzle rated as orifices, water as a gas.

    >>> from peoa.tools import get_registry
    >>> g = ground_arguments(get_registry().get("flow_meter_flow"),
    ...     {"meter_type": "ISO 5167 orifice", "phase": "gas"},
    ...     "An ISA 1932 flow nozzle (ISO 5167-3) in a 154.1 mm pipe measures water.")
    >>> g.arguments
    {'meter_type': 'ISA 1932 nozzle', 'phase': 'liquid'}
    >>> g = ground_arguments(get_registry().get("flow_meter_flow"),
    ...     {"phase": "liquid"}, "Water vapour and water droplets pass an orifice.")
    >>> g.arguments  # both sides written: the model's reading stands
    {'phase': 'liquid'}
    """
    for name, param in tool.params.items():
        spec = param.spec
        # A long table (150 pipe materials) names its entries in words a question uses
        # loosely: "steel pipe" is not the table's drawn-tubing "Steel" (0.0015 mm).
        if not isinstance(spec, P) or not spec.choices or len(spec.choices) > _FEW_CHOICES:
            continue
        words = dict(spec.said_choice)
        named = [
            choice
            for choice in spec.choices
            if _writes(source, choice)
            or _writes_words_of(source, choice)
            or any(_writes(source, word) for word in words.get(choice, ()))
        ]
        given = result.arguments.get(name)
        if given is None or len(named) != 1 or named[0] == given:
            continue  # a choice left out keeps its default, which the task may also name
        result.arguments[name] = named[0]
        result.notes.append(f"{name}: {given} replaced by {named[0]}, as the task names it")


def _writes(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def _writes_words_of(text: str, choice: str) -> bool:
    words = [w for w in re.findall(r"[a-z0-9]+", choice.lower()) if len(w) >= 3]
    return len(words) >= 2 and all(_writes(text, word) for word in words)


# A chemical equation: "CO + H2O(g) → CO2 + H2", "2 SO2 + O2 -> 2 SO3", "A ⇌ 2 B".
_ARROW = re.compile(r"\s*(?:→|⟶|->|⇌|⇄|<=>|<->)\s*")
_TERM = re.compile(
    r"(?:(?P<coefficient>\d+(?:\.\d+)?)\s*)?(?P<species>[A-Z][A-Za-z0-9₀-₉]*)"
    r"(?:\s*\((?P<phase>g|l|s|aq)\))?"
)
_SIDE = rf"{_TERM.pattern}(?:\s*\+\s*{_TERM.pattern})*"


def written_reaction(text: str) -> list[tuple[str, float, str | None]] | None:
    """The one chemical equation ``text`` writes, as (species, coefficient, phase) with
    reactants negative; ``None`` when it writes none or several.

    >>> written_reaction("the water-gas shift reaction CO + H2O(g) → CO2 + H2, in kJ/mol")
    [('CO', -1.0, None), ('H2O', -1.0, 'gas'), ('CO2', 1.0, None), ('H2', 1.0, None)]
    >>> written_reaction("2 SO2 + O2 -> 2 SO3 at 25 °C")
    [('SO2', -2.0, None), ('O2', -1.0, None), ('SO3', 2.0, None)]
    >>> written_reaction("K = 0.15 and Q = UA dT") is None
    True
    >>> written_reaction("CO + ½ O₂ → CO₂") is None  # a coefficient it cannot read
    True
    """
    text = text.translate(_SUBSCRIPTS)
    found = []
    for arrow in _ARROW.finditer(text):
        before, after = text[: arrow.start()], text[arrow.end() :]
        left = re.search(rf"(?<![\w(])(?:{_plain(_SIDE)})$", before)
        right = re.match(_plain(_SIDE), after)
        if left is None or right is None:
            continue
        # Sides read whole, or not at all ("CO + ½ O2" is not the reaction of O2 alone).
        if before[: left.start()].rstrip().endswith(("+", "½")) or re.match(
            r"\s*[+½]", after[right.end() :]
        ):
            return None
        terms = [(m, -1.0) for m in _TERM.finditer(left.group())]
        terms += [(m, 1.0) for m in _TERM.finditer(right.group())]
        found.append(
            [
                (
                    m.group("species"),
                    sign * float(m.group("coefficient") or 1),
                    _PHASE_NAMES.get(m.group("phase") or ""),
                )
                for m, sign in terms
            ]
        )
    return found[0] if len(found) == 1 else None


_PHASE_NAMES = {"g": "gas", "l": "liquid", "s": "solid", "aq": "liquid"}
_REACTION = frozenset({"species", "stoichiometry", "phases"})
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")


def _plain(pattern: str) -> str:
    """``pattern`` without its named groups, to repeat it."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _reaction_as_written(tool: Tool, result: Grounding, source: str) -> None:
    """Give a tool that takes a reaction (``species`` and ``stoichiometry``) the one the
    task writes, when the model's differs and no other list follows its species order. Seen: the water-gas shift given as
    ``species = [CO, H2O]``, ``stoichiometry = [1, 1]``, and -396 kJ/mol answered for -41.

    >>> from peoa.tools import get_registry
    >>> g = ground_arguments(get_registry().get("heat_of_reaction"),
    ...     {"species": ["CO", "H2O"], "stoichiometry": [1, 1], "phases": ["gas", "liquid"]},
    ...     "What is the standard heat of reaction of CO + H2O(g) → CO2 + H2, in kJ/mol?")
    >>> g.arguments
    {'species': ['CO', 'H2O', 'CO2', 'H2'], 'stoichiometry': [-1.0, -1.0, 1.0, 1.0], 'phases': ['gas', 'gas', 'gas', 'gas']}
    """
    if not {"species", "stoichiometry"} <= set(tool.params):
        return
    aligned = [
        name
        for name, param in tool.params.items()
        if param.is_list and name not in _REACTION and result.arguments.get(name) is not None
    ]
    if aligned:
        return  # lists in the model's species order (a rate law's orders): left as they are
    written = written_reaction(source)
    if written is None:
        return
    species = list(result.arguments.get("species") or [])
    coefficients = list(result.arguments.get("stoichiometry") or [])
    given = sorted(zip(species, map(float, coefficients), strict=False))
    if given == sorted((s, c) for s, c, _ in written):
        return
    result.arguments["species"] = [s for s, _, _ in written]
    result.arguments["stoichiometry"] = [c for _, c, _ in written]
    if "phases" in tool.params:
        phases = dict(zip(species, result.arguments.get("phases") or [], strict=False))
        result.arguments["phases"] = [p or phases.get(s, "gas") for s, _, p in written]
    shown = " + ".join(f"{-c:g} {s}" for s, c, _ in written if c < 0)
    shown += " -> " + " + ".join(f"{c:g} {s}" for s, c, _ in written if c > 0)
    result.notes.append(f"species and stoichiometry: the reaction the task writes, {shown}")


def _chemicals_as_written(tool: Tool, result: Grounding, source: str) -> None:
    """Report each chemical the model names that the task does not write, by that name,
    the chemical's own name, its formula or its CAS number (``P(chemical=True)``). Seen:
    a water viscosity answered for "a lube oil" (0.89 mPa·s for 39.2).

    >>> from peoa.tools import get_registry
    >>> viscosity = get_registry().get("viscosity")
    >>> text = "A lube oil at 40 °C: what is its viscosity?"
    >>> ground_arguments(viscosity, {"chemical": "water"}, text).unnamed
    ["chemical = 'water'"]
    >>> ground_arguments(viscosity, {"chemical": "H2O"}, "Water at 40 °C?").unnamed
    []
    """
    for name, param in tool.params.items():
        given = result.arguments.get(name)
        if not isinstance(param.spec, P) or not param.spec.chemical or not given:
            continue
        names = given if isinstance(given, list) else [given]
        for chemical in names:
            if isinstance(chemical, str) and not _names_written(chemical, source):
                result.unnamed.append(f"{name} = {chemical!r}")


def _names_written(chemical: str, text: str) -> bool:
    """Whether ``text`` writes ``chemical`` by that name, its own name, formula or CAS."""
    names = {chemical}
    try:
        identity = resolve_chemical(chemical)
        names |= {identity.name, identity.formula or "", identity.CAS}
    except PeoaError:
        pass  # a name no database knows: as written, or not at all
    lowered = text.lower()
    return any(
        re.search(rf"(?<![a-z0-9]){re.escape(n.lower())}(?![a-z0-9])", lowered)
        for n in names
        if n and n.strip()
    )


def _flags_as_written(tool: Tool, result: Grounding, source: str) -> None:
    """Set each flag the task settles in words (``P(said_true=…, said_false=…)``), given or
    left out; seen: ``heating`` false for "Water is heated" (6648 W/(m²·K) answered 5742).

    >>> from peoa.tools import get_registry
    >>> dittus_boelter = get_registry().get("nu_dittus_boelter")
    >>> g = ground_arguments(dittus_boelter, {"heating": False}, "Water is heated in a tube")
    >>> g.arguments, g.notes
    ({'heating': True}, ['heating: false replaced by true, as the task writes "heated"'])
    >>> g = ground_arguments(dittus_boelter, {}, "Oil is cooled by water")
    >>> g.arguments, g.notes
    ({'heating': False}, ['heating: set to false, as the task writes "cooled"'])
    >>> ground_arguments(dittus_boelter, {"heating": False}, "heated, then cooled").arguments
    {'heating': False}
    """
    for name, param in tool.params.items():
        spec = param.spec
        if not isinstance(spec, P) or not (spec.said_true or spec.said_false):
            continue
        said = {
            side: next(
                (w for w in words if re.search(rf"\b{re.escape(w)}\b", source, re.IGNORECASE)),
                None,
            )
            for side, words in ((True, spec.said_true), (False, spec.said_false))
        }
        if (said[True] is None) == (said[False] is None):
            continue  # neither side written, or both: the model's reading stands
        value = said[True] is not None
        given = result.arguments.get(name, param.default)
        if given is value:
            continue
        change = f"{str(given).lower()} replaced by" if name in result.arguments else "set to"
        result.arguments[name] = value
        result.notes.append(
            f'{name}: {change} {str(value).lower()}, as the task writes "{said[value]}"'
        )


# English words pint also reads as units ("at" is a technical atmosphere): after a
# number they say nothing about its kind.
_NOT_UNITS = frozenset({"a", "an", "as", "at", "in", "point", "points"})


@lru_cache(maxsize=1024)
def _kinds(unit: str) -> frozenset[str]:
    """The dimensions pint reads ``unit`` as (empty for a bare number or a plain word)."""
    if not unit or unit.lower() in _NOT_UNITS:
        return frozenset()
    return frozenset(key for key, dim in DIMENSIONS.items() if reads_as(unit, key, dim.si_unit))


def dimensioned_numbers(text: str) -> list[WrittenNumber]:
    """The numbers ``text`` writes with a unit after them (not bare, not before a word).

    >>> [(w.value, w.unit) for w in dimensioned_numbers("Portrait 23-0, at 5 bar, 3 pumps")]
    [(5.0, 'bar')]
    """
    return [w for w in written_numbers(text) if _kinds(w.unit)]


def _the_one_of_its_kind(
    tool: Tool, arguments: dict[str, Any], written: list[WrittenNumber], result: Grounding
) -> dict[str, Any]:
    """Give a required quantity argument the model filled with a number the task does not
    write as its kind the one number of its kind that no other argument of that kind
    took. Seen: "velocity = 15 m/s" for a task that writes 2.5 m/s and 15 mm; "P1 = 1.5
    kg/s" where the task writes 1.0 and 4.0 bar, and P2 took 4.0. An argument the model
    left out, or an optional one, is left alone: the number may be for something else
    ("40 m of pipe" is no pump head).

    >>> from peoa.tools import get_registry
    >>> g = ground_arguments(get_registry().get("reynolds_number"), {
    ...     "velocity": {"value": 15, "unit": "m/s"}, "diameter": {"value": 15, "unit": "mm"},
    ...     "density": {"value": 998, "unit": "kg/m3"}, "viscosity": {"value": 1, "unit": "cP"}},
    ...     "Water (998 kg/m3, 1.0 cP) flows at 2.5 m/s in a 15 mm tube. What is Re?")
    >>> g.arguments["velocity"]
    {'value': 2.5, 'unit': 'm/s'}
    >>> g.notes
    ['velocity: 15 m/s replaced by 2.5 m/s, the one number of its kind no other argument took']
    """
    params = {
        name: p
        for name, p in tool.params.items()
        if isinstance(p.spec, Q) and not p.is_list and p.spec.dimension != "dimensionless"
    }
    of_kind = {
        name: {(w.value, w.unit) for w in written if w.unit and p.spec.dimension in _kinds(w.unit)}
        for name, p in params.items()
    }
    given = {name: _as_quantity(arguments.get(name)) for name in params}

    def holds_own(name: str) -> bool:  # given a number the task writes as its kind
        return given[name] is not None and any(_same(given[name][0], v) for v, _ in of_kind[name])

    settled = dict(arguments)
    for name, param in params.items():
        if not param.required or given[name] is None or holds_own(name):
            continue
        dimension = param.spec.dimension
        taken = [
            given[other][0]
            for other, p in params.items()
            if other != name and p.spec.dimension == dimension and holds_own(other)
        ]
        free = {(v, u) for v, u in of_kind[name] if not any(_same(v, t) for t in taken)}
        if len({v for v, _ in free}) != 1:
            continue
        value, unit = sorted(free)[0]
        settled[name] = {"value": value, "unit": unit}
        result.notes.append(
            f"{name}: {f'{given[name][0]:g} {given[name][1]}'.rstrip()} replaced by "
            f"{value:g} {unit}, the one number of its kind no other argument took"
        )
    return settled


def _by_written_kind(
    tool: Tool,
    arguments: dict[str, Any],
    written: list[WrittenNumber],
    source: str,
    result: Grounding,
) -> dict[str, Any]:
    """Move each number the task writes only with units of another kind than its
    argument's to the one empty argument of that kind. Else give the argument the one
    number of its own kind that the task writes by its name and no argument took; else
    drop it (optional) or report it (required).

    >>> from peoa.tools import get_registry
    >>> g = ground_arguments(get_registry().get("pipe_pressure_drop"), {
    ...     "mass_flow": {"value": 25, "unit": "kg/s"}, "diameter": {"value": 102.3, "unit": "mm"},
    ...     "length": {"value": 80, "unit": "m"}, "density": {"value": 998.2, "unit": "kg/m3"},
    ...     "viscosity": {"value": 1.002, "unit": "mPa*s"}},
    ...     "Water at 25.0 m³/h (density 998.2 kg/m³, viscosity 1.002 mPa·s) flows through "
    ...     "80.0 m of pipe with 102.3 mm inside diameter.")
    >>> g.arguments["volumetric_flow"], "mass_flow" in g.arguments
    ({'value': 25.0, 'unit': 'm³/h'}, False)
    """
    # First every misplaced number leaves its argument, so that one can take another's
    # place (seen: 25 m3/h as mass_flow and 80 m as volumetric_flow).
    misplaced: dict[str, tuple[float, str, list[str], str]] = {}
    for name, value in arguments.items():
        param = tool.params.get(name)
        quantity = _as_quantity(value)
        if param is None or not isinstance(param.spec, Q) or param.is_list or quantity is None:
            continue
        units = _units_after(quantity[0], written)
        kinds = [_kinds(u) for u in units]
        if units and all(kinds) and not any(param.spec.dimension in k for k in kinds):
            misplaced[name] = (quantity[0], quantity[1], units, param.spec.dimension)
    moved = {k: v for k, v in arguments.items() if k not in misplaced}
    places = {
        name: [
            other
            for other, p in tool.params.items()
            if isinstance(p.spec, Q)
            and not p.is_list
            and moved.get(other) is None
            and len(units) == 1
            and p.spec.dimension in _kinds(units[0])
        ]
        for name, (_, _, units, _) in misplaced.items()
    }
    # One number the model gave several arguments ("10 bar" as a temperature, an enthalpy
    # and an entropy) still wants its place once; the first of them moves it there.
    wanted = Counter(
        place
        for place, _ in {
            (place, misplaced[name][0]) for name, found in places.items() for place in found
        }
    )
    for name, (number, unit, units, kind) in misplaced.items():
        dimension = DIMENSIONS[kind]
        why = f"the task writes {number:g} {' or '.join(units)}, not {dimension.describe()}"
        if (
            len(places[name]) == 1
            and wanted[places[name][0]] == 1
            and moved.get(places[name][0]) is None
        ):
            moved[places[name][0]] = {"value": number, "unit": units[0]}
            result.notes.append(f"{name}: {why}; moved to {places[name][0]}")
        elif own := _unclaimed_named(name, kind, moved, written, source):
            moved[name] = {"value": own.value, "unit": own.unit}
            result.notes.append(
                f"{name}: {why}; took {own.value:g} {own.unit}, written by its name"
            )
        elif not tool.params[name].required:
            result.notes.append(f"dropped optional argument {name}: {why}")
        else:
            moved[name] = arguments[name]
            result.misplaced.append(f"{name} = {f'{number:g} {unit}'.rstrip()}: {why}")
    return moved


_FOR_EACH = re.compile(r"\beach(?:\s+(?:of|at|with|by|is|are|be))?\s+" + _NUMBER)


def _written_for_each(text: str) -> list[float]:
    """The numbers written as one value for several things ("fouling resistances are
    each 0.0002 m²·K/W"), which several arguments may take. Not "K = 0.3 each": that is
    one item's share of a total.

    >>> _written_for_each("Inside and outside fouling resistances are each 0.0002 m²·K/W; "
    ...                   "6 elbows with K = 0.3 each")
    [0.0002]
    """
    return [float(m.group("number").replace(",", "")) for m in _FOR_EACH.finditer(text)]


def _unclaimed_named(
    name: str, kind: str, arguments: dict[str, Any], written: list[WrittenNumber], source: str
) -> WrittenNumber | None:
    """The one number the task writes with a unit of ``kind`` that no argument took, if
    the words around it name argument ``name`` ("40 m head" for ``head``).

    Seen: a follow-up "… 20 m3/h at 40 m head of water?" filled with a head of 20 m.

    >>> from peoa.tools import get_registry
    >>> task = "What hydraulic power does a pump need for 20 m3/h at 40 m head of water?"
    >>> g = ground_arguments(get_registry().get("pump_power"), {
    ...     "volumetric_flow": {"value": 20, "unit": "m3/h"}, "head": {"value": 20, "unit": "m"},
    ...     "density": {"value": 1000, "unit": "kg/m3"}}, task)
    >>> g.arguments["head"], g.misplaced
    ({'value': 40.0, 'unit': 'm'}, [])
    >>> g = ground_arguments(get_registry().get("pump_power"), {
    ...     "volumetric_flow": {"value": 20, "unit": "m3/h"}, "head": {"value": 20, "unit": "m"},
    ...     "density": {"value": 1000, "unit": "kg/m3"}}, task.replace("head of water", "of pipe"))
    >>> "head" in g.arguments, g.notes[0]
    (False, 'dropped optional argument head: the task writes 20 m3/h, not a length (e.g. m, mm, in, ft)')
    """
    taken = [q[0] for value in arguments.values() if (q := _as_quantity(value))]
    unclaimed = list(
        dict.fromkeys(
            w
            for w in written
            if w.unit and kind in _kinds(w.unit) and not any(_same(w.value, t) for t in taken)
        )
    )
    if len(unclaimed) != 1:
        return None
    own = unclaimed[0]
    words = _words_around(source, own.value, re.escape(own.unit))
    return own if _name_words(name) & words else None


def _name_words(name: str) -> set[str]:
    """The words of an argument's name long enough to look for in the task."""
    return {part for part in name.lower().split("_") if len(part) > 3}


def _unit_fits(tool: Tool, name: str, value: Any, written: list[WrittenNumber]) -> bool:
    """Whether the task writes ``value``'s number with a unit of argument ``name``'s kind."""
    param = tool.params.get(name)
    quantity = _as_quantity(value)
    if param is None or not isinstance(param.spec, Q) or quantity is None:
        return False
    return bool(_fitting_units(quantity[0], param.spec, written))


def _units_after(number: float, written: Iterable[WrittenNumber]) -> list[str]:
    """The words the task writes after ``number``, each once ("" where it is bare)."""
    return list(dict.fromkeys(w.unit for w in written if _same(number, w.value)))


def _fitting_units(number: float, spec: Q, written: Iterable[WrittenNumber]) -> list[str]:
    """The units the task writes after ``number`` that measure what ``spec`` measures."""
    return list(
        dict.fromkeys(
            w.unit
            for w in written
            if w.unit and _same(number, w.value) and reads_as(w.unit, spec.dimension, spec.target)
        )
    )


def _unused_percentages(
    tool: Tool, result: Grounding, written: list[WrittenNumber], source: str
) -> None:
    """Note the percentages the task writes that no argument took, when the tool has
    optional fraction arguments left out (a pump efficiency the tool would estimate)
    and the words next to the percentage name one of them ("pump efficiency 70 %", not
    "air (21 % O2)").

    >>> from peoa.tools import get_registry
    >>> g = ground_arguments(get_registry().get("pump_power"), {
    ...     "density": {"value": 998, "unit": "kg/m^3"},
    ...     "volumetric_flow": {"value": 20, "unit": "m3/h"},
    ...     "head": {"value": 35, "unit": "m"}},
    ...     "20 m3/h of water (density 998 kg/m3), head 35 m, pump efficiency 70 %")
    >>> g.unused, g.left_out
    (['70 %'], ['efficiency', 'motor_efficiency'])
    """
    left_out = [
        name
        for name, param in tool.params.items()
        if isinstance(param.spec, Q)
        and param.spec.dimension == "dimensionless"
        and not param.required
        and not param.is_list
        and name not in result.arguments
    ]
    if not left_out:
        return
    taken = [q[0] for value in result.arguments.values() if (q := _as_quantity(value))]
    for number in written:  # a task (with its revisions) may write one value many times
        shown = f"{number.value:g} {number.unit}"
        if number.unit not in ("%", "percent") or shown in result.unused:
            continue
        if any(_same(number.value, value) for value in taken):
            continue
        words = _words_around(source, number.value, r"(?:%|percent\b)")
        named = [n for n in left_out if _name_words(n) & words]
        # A percentage equal to the argument's default (10 % overpressure) changes nothing.
        defaults = [tool.params[n].default for n in named]
        if named and not any(
            isinstance(d, int | float) and _same(d, number.value / 100) for d in defaults
        ):
            result.unused.append(shown)
    if result.unused:
        result.left_out = left_out


def _words_around(text: str, number: float, unit: str) -> set[str]:
    """The words of the clauses around each place ``text`` writes ``number`` followed by
    the pattern ``unit``."""
    words: set[str] = set()
    pattern = rf"(?<![\d.]){re.escape(f'{number:g}')}(?:\.0+)?\s*{unit}"
    for match in re.finditer(pattern, text):
        before = re.split(r"[.;:()\n]", text[max(0, match.start() - 60) : match.start()])[-1]
        after = re.split(r"[.;:()\n]", text[match.end() : match.end() + 40])[0]
        words.update(re.findall(r"[a-z]+", f"{before} {after}".lower()))
    return words


def _unit_texts_as_written(tool: Tool, result: Grounding, written: list[WrittenNumber]) -> None:
    """Hold each ``unit_of`` text argument to the unit written after its number."""
    for name, param in tool.params.items():
        spec, given = param.spec, result.arguments.get(name)
        if not isinstance(spec, P) or spec.unit_of is None or not isinstance(given, str):
            continue
        quantity = _as_quantity(result.arguments.get(spec.unit_of))
        if quantity is None:
            continue
        units = [u for u in _units_after(quantity[0], written) if u]
        if len(units) != 1 or units[0] == given or _same_unit(given, units[0]):
            continue
        try:  # the written word must be a unit measuring what the given one does
            same_kind = (
                parse_quantity(1.0, units[0]).dimensionality
                == parse_quantity(1.0, given).dimensionality
            )
        except ToolInputError:
            same_kind = False
        if same_kind:
            result.arguments[name] = units[0]
            result.notes.append(
                f"{name}: unit {given!r} replaced by {units[0]!r}, written after "
                f"{quantity[0]:g} in the task"
            )


def _as_quantity(value: Any) -> tuple[float, str] | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value), ""
    if isinstance(value, dict) and isinstance(value.get("value"), int | float):
        unit = value.get("unit")
        return float(value["value"]), unit if isinstance(unit, str) else ""
    return None


def _unit_as_written(
    name: str,
    number: float,
    unit: str,
    value: Any,
    spec: Q,
    written: Iterable[WrittenNumber],
    notes: list[str],
) -> Any:
    if spec.dimension == "dimensionless" and unit in ("%", "percent"):
        units = _units_after(number, written)
        # Written bare somewhere and never with a "%" (seen: "Z = 1" beside "1.0 bar", and
        # Z = 1 % gave a hundredth of the compressor's power).
        bare = "" in units or not any(_kinds(u) for u in units)
        if units and bare and "%" not in units and spec.contains(number):
            notes.append(f"{name}: dropped the {unit!r} the task does not write after {number:g}")
            return number
    fitting = _fitting_units(number, spec, written)
    if not fitting:
        return value
    if unit and any(_same_unit(unit, w) for w in fitting):
        return value  # the written unit in another spelling (kg/m^3 for kg/m3)
    if len(fitting) > 1:
        return value
    original = value["value"] if isinstance(value, dict) else value
    notes.append(
        f"{name}: unit {unit or 'none'!r} replaced by {fitting[0]!r} as written in the task"
    )
    return {"value": original, "unit": fitting[0]}
