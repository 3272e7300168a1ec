"""What a question's words say about the tools that may answer it.

Which tools they allow at all (an apparatus a tool needs, a model they rule out, a
mixture for a pure-fluid tool), which quantity kinds they name, and the vocabularies
that score a tool's outputs against the asking words. The planner
(:mod:`peoa.planning.planner`) ranks its answer targets and look-ups with these.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from pint.errors import PintError

from peoa.planning.binding import INLET_PARTS, arguments, name_parts, said_in
from peoa.planning.words import STOP, Vocabulary, phrases_in, stem, tokens
from peoa.reading.model import Reading
from peoa.reading.units import dimensionality_of
from peoa.tools.base import P, Tool
from peoa.tools.kinds import kind, kinds
from peoa.tools.quantity import ureg
from peoa.tools.registry import ToolRegistry

__all__ = [
    "described",
    "distinctive_names",
    "given_labels",
    "is_inlet",
    "is_mixture_for",
    "is_outlet",
    "kind_vocabulary",
    "methods_named",
    "named_kinds",
    "named_states",
    "names_a_given_value",
    "offered",
    "output_vocabulary",
    "proper_names",
    "state_symbols",
]

_GENERIC_NAME_WORDS = frozenset(
    "pump power head flow pipe heat pressure drop temperature number factor properties "
    "point stages reflux ratio rate area duty coefficient valve relief gas liquid steam "
    "flux film transfer saturation vapor critical".split()
)

_OUTLET = re.compile(r"\b(?:outlet|discharge|exit|downstream)\b", re.IGNORECASE)


def is_inlet(argument: str) -> bool:
    """``T_in``, ``T_hot_in``, ``P1``, ``suction_pressure``: a stream's inlet state."""
    return bool(name_parts(argument) & INLET_PARTS)


def is_outlet(tool: Tool, output: str) -> bool:
    """A unit's outlet state (a compressor's discharge temperature ``T2``)."""
    return bool(_OUTLET.search(tool.outputs[output].description))


@lru_cache(maxsize=4)
def distinctive_names(registry: ToolRegistry) -> dict[str, set[str]]:
    """The words of each tool's name that no other tool's name has, mostly authors
    (``nu_dittus_boelter`` -> dittus, boelter)."""
    parts = {t.name: {stem(p) for p in t.name.split("_") if len(p) > 3} for t in registry.list()}
    counts: dict[str, int] = {}
    for words in parts.values():
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    return {name: {w for w in words if counts[w] == 1 and w not in _GENERIC_NAME_WORDS}
            for name, words in parts.items()}  # fmt: skip


_CAPITALS = re.compile(r"\b[A-Z]{3,5}\b")


def abbreviated_tools(text: str, registry: ToolRegistry) -> frozenset[str]:
    """The tools whose name has a part, its own among all tools', that ``text`` writes as
    an abbreviation in capitals ("CSTR", "PFR"): the unit the question is about.

    >>> from peoa.tools import get_registry
    >>> sorted(abbreviated_tools("An isothermal PFR fed with pure A", get_registry()))
    ['reactor_pfr']
    """
    written = {word.lower() for word in _CAPITALS.findall(text)}
    if not written:
        return frozenset()
    return frozenset(name for name, own in _own_name_parts(registry).items() if own & written)


@lru_cache(maxsize=4)
def _own_name_parts(registry: ToolRegistry) -> dict[str, frozenset[str]]:
    """The parts of each tool's name that no other tool's name has (reactor_pfr: pfr)."""
    parts = {t.name: set(t.name.split("_")) for t in registry.list()}
    counts: dict[str, int] = {}
    for words in parts.values():
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    return {name: frozenset(w for w in words if counts[w] == 1) for name, words in parts.items()}


_PROPER_NAME = re.compile(
    r"(?<![.?!:;]\s)(?<=[\s(\"'])([A-Z][a-z]+(?:-[A-Z][a-z]+)*)|\b([A-Z][a-z]+(?:-[A-Z][a-z]+)+)"
)


_METHOD_LEAD = re.compile(
    r"\b(?:using|use|by|according to|per|after|apply|applying)\s+(?:the\s+)?", re.I
)
_METHOD_TAIL = re.compile(
    r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)*)\s+(?:equation|correlation|method|chart|model|form)\b"
)
_NAME_LIST = re.compile(r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*|,|\s+|and\b|the\b)+")


def methods_named(text: str) -> set[str]:
    """The stems of the names ``text`` gives as the method to use: after "using", "by", "apply",
    "according to" ("Using Fenske, Underwood and Gilliland"), or before "equation",
    "correlation", "method" ("the Ergun equation") — not a name that is a quantity's
    ("a Reynolds number of 120000").

    >>> sorted(methods_named("Using Fenske, Underwood and Gilliland (Molokanov form), how many?"))
    ['fenske', 'gilliland', 'molokanov', 'underwood']
    >>> sorted(methods_named("At a Reynolds number of 71500, by the Colebrook equation?"))
    ['colebrook']
    """
    found: set[str] = set()
    for lead in _METHOD_LEAD.finditer(text):
        names = _NAME_LIST.match(text, lead.end())
        if names:
            found |= proper_names(" " + names.group(0))
    for name in _METHOD_TAIL.findall(text):
        found |= {stem(part) for part in name.split("-")}
    return found


def proper_names(text: str) -> set[str]:
    """The stems of the words ``text`` writes as names, capitalised inside a sentence
    ("Using the Ergun equation") or joined to another name anywhere ("Dittus-Boelter
    gives …"): a tool's author, not a word that happens to be in its name ("Size an
    aftercooler" names no motor sizing).

    >>> sorted(proper_names("Size it. Using the Dittus-Boelter and Ergun forms, what is it?"))
    ['boelter', 'dittus', 'ergun']
    """
    return {stem(part) for found in _PROPER_NAME.findall(text) for name in found if name
            for part in name.split("-")}  # fmt: skip


# Topics whose tools take one pure fluid's equation of state.
_PURE_FLUID_TOPICS = frozenset({"thermodynamics", "cycles"})
_COMPOSITIONS = frozenset({"mole_fraction", "mass_fraction", "k_value"})


def offered(reading: Reading, tool: Tool) -> bool:
    """Whether the question's words allow ``tool`` at all: an apparatus it names (a
    Rankine cycle needs a power plant), a model it does not rule out (a real gas's
    equation of state "treating the gas as ideal"), a pure fluid for a pure fluid."""
    if tool.cues and not said_in(reading.text, tool.cues):
        return False
    if tool.ruled_out_by and said_in(reading.text, tool.ruled_out_by):
        return False
    return not (tool.topic in _PURE_FLUID_TOPICS and is_mixture_for(reading, tool))


def is_mixture_for(reading: Reading, tool: Tool) -> bool:
    """Whether the question is about a mixture that ``tool``'s one pure fluid cannot be:
    it names several fluids and a composition (or three fluids or more), and the tool
    takes a single one (a two-stream exchanger's hot and cold fluids are two)."""
    single = [a for a in arguments(tool).values()
              if isinstance(a.spec, P) and a.spec.chemical and not a.is_list]  # fmt: skip
    fluids = {s.cas for s in reading.fluids()}
    if len(single) != 1 or len(fluids) < 2:
        return False
    return len(fluids) >= 3 or bool(_COMPOSITIONS & named_kinds(reading))


def named_states(reading: Reading) -> frozenset[str]:
    """The narrower kinds of the given states (a saturation temperature, a dew point)
    that the question names, or implies ("steam condensing at 5 bar")."""
    words = tokens(reading.text)
    return frozenset(
        k.name
        for k in kinds().values()
        if k.specific and k.broader is not None and kind(k.broader).given
        and kind_vocabulary(k.name).score_words(words) > 0
    )  # fmt: skip


def named_kinds(reading: Reading) -> frozenset[str]:
    """The specific kinds the question names in words ("the vapour pressure", "its
    viscosity"): an optional input of such a kind is worth looking up."""
    words = tokens(reading.text)
    return frozenset(
        k.name
        for k in kinds().values()
        if k.specific and not k.given and kind_vocabulary(k.name).score_words(words) > 0
    )  # fmt: skip


_INDEXED = re.compile(r"([A-Za-z]{1,3})_?([0-9])")


def state_symbols(reading: Reading, asked: Sequence[str]) -> list[str]:
    """The plain symbols of asked symbols indexed by a state ("Find H2" when the
    question gives H1 = 47.5 m: the head, at state 2). Only where the question writes
    the same symbol with another index, so hydrogen (H2) or nitrogen (N2) stay themselves."""
    given = {m.symbol for m in reading.data() if m.symbol}
    plain = []
    for word in asked:
        indexed = _INDEXED.fullmatch(word)
        if indexed is None:
            continue
        base = indexed.group(1)
        others = {s for s in given if s != word and (match := _INDEXED.fullmatch(s))
                  and match.group(1) == base}  # fmt: skip
        if others:
            plain.append(base)
    return plain


_LINKS = frozenset({"of", "is", "are", "was", "were", "be", "="})


def given_labels(reading: Reading) -> list[tuple[list[str], str]]:
    """The words that name each value the question writes (as stems, in order), with
    the value's dimensionality: "log-mean temperature difference 41.3 °C"."""
    labels = []
    for mention in reading.data():
        # The name runs back from the value to the first small word: "inside diameter
        # of 52.5 mm", but not "what is the friction factor at Re = 5000".
        nearest = list(mention.before)
        while nearest and nearest[0].lower() in _LINKS:
            nearest.pop(0)
        name: list[str] = []
        for word in nearest:
            if word.lower() in STOP:
                break
            name.insert(0, word)
        label = [stem(w) for w in tokens(" ".join(name).replace("-", " "))]
        if label:
            labels.append((label, mention.dimensionality))
    return labels


def names_a_given_value(
    vocabulary: Vocabulary, dimensionality: str | None, labels: list[tuple[list[str], str]]
) -> bool:
    """Whether a phrase of more than one word of ``vocabulary`` names a value the
    question gives, of the same dimensionality: the question gives it, not asks it."""
    return any(
        len(phrase) > 1 and given == dimensionality and phrases_in(phrase, label)
        for phrase, _ in vocabulary.phrases
        for label, given in labels
    )


@lru_cache(maxsize=512)
def kind_vocabulary(name: str) -> Vocabulary:
    entry = kind(name)
    phrases = (*entry.words, *entry.implied_by, entry.label)
    return Vocabulary.build([(w, 1.0) for w in phrases], entry.symbols)


@lru_cache(maxsize=2048)
def output_vocabulary(
    tool: Tool, output: str, kind_name: str | None, tool_name: bool = True
) -> Vocabulary:
    """The words that name a tool's output: its name, its description, its kind's words,
    and (``tool_name``) the tool's name, which says what the tool computes ("choked_flow"
    for a critical pressure) but names every output of the tool alike."""
    out = tool.outputs[output]
    phrases = [(w, 1.2) for w in re.split(r"_", output) if len(w) > 1] + [(output, 1.5)]
    if tool_name:
        phrases += [(w, 0.8) for w in tool.name.split("_") if len(w) > 2]
    head = re.split(r"[(,;:=]| - ", out.description, maxsplit=1)[0]
    words = tokens(out.description)
    phrases += [(head, 2.0)] + [(w, 0.5) for w in words if len(w) > 2]
    # Two words side by side say more than each apart: "constant pressure" names a cp,
    # where "constant" alone also names a gas constant.
    phrases += [
        (f"{a} {b}", 0.5) for a, b in itertools.pairwise(words)
        if min(len(a), len(b)) > 2 and not {a.lower(), b.lower()} & STOP
    ]  # fmt: skip
    symbols = {output}
    if kind_name is not None:
        entry = kind(kind_name)
        weight = 2.0 if entry.specific else 1.0  # "boil" says more than "temperature"
        phrases += [(w, weight) for w in entry.words] + [(entry.label, weight)]
        symbols |= set(entry.symbols)
    return Vocabulary.build(phrases, symbols)


# Nouns that name a dimension when they end the asked quantity's name, and the change
# words that may follow them ("pressure drop" is a pressure, "temperature rise" a
# temperature); the unit a value of that dimension is written in.
_DIMENSION_NOUNS = {
    "pressure": "Pa", "temperature": "K", "velocity": "m/s", "power": "W",
    "duty": "W", "density": "kg/m**3", "area": "m**2", "volume": "m**3", "diameter": "m",
    "length": "m",
}  # fmt: skip
_CHANGES = frozenset({"drop", "loss", "rise", "difference", "change", "increase", "decrease"})


def head_dimensionality(head: Sequence[str]) -> str | None:
    """The dimensionality the asked quantity's name gives when it ends in a dimension's
    noun ("what downstream pressure": a pressure, not a pressure ratio; "the frictional
    pressure drop": a pressure, not a head loss), or None.

    >>> head_dimensionality(("frictional", "pressure", "drop")) == dimensionality_of("Pa")
    True
    >>> head_dimensionality(("pressure", "ratio")) is None
    True
    """
    words = [stem(w) for w in head]
    if words and words[-1] in _CHANGES:
        words.pop()
    unit = _DIMENSION_NOUNS.get(words[-1]) if words else None
    return dimensionality_of(unit) if unit else None


_PER_MASS = re.compile(
    r"\b(?:per|a|one|each|every|1)\s+(?:kg|kilogram|kilogramme|lb|lbm|pound|gram|g|tonne|ton)s?\b"
    r"|\bper\s+unit\s+mass\b|\bmass\s+basis\b",
    re.IGNORECASE,
)
_PER_MOLE = re.compile(
    r"\b(?:per|a|one|each|every|1)\s+(?:mol|mole|kmol|gmol|lbmol|kilomole)s?\b"
    r"|\bmolar\b|\bmole\s+basis\b",
    re.IGNORECASE,
)


def asked_basis(sentence: str) -> Literal["mass", "molar"] | None:
    """The basis the asking words give an intensive answer: "per kilogram" a mass basis,
    "per mole" or "molar" a molar one.

    >>> asked_basis("What is the lower heating value of ethanol per kilogram?")
    'mass'
    >>> asked_basis("Heat capacity of toluene per mole at 300 K?"), asked_basis("Cp?")
    ('molar', None)
    """
    mass, molar = bool(_PER_MASS.search(sentence)), bool(_PER_MOLE.search(sentence))
    return "mass" if mass and not molar else "molar" if molar and not mass else None


@lru_cache(maxsize=1024)
def unit_basis(unit: str | None) -> Literal["mass", "molar"] | None:
    """The basis of an output's unit: divided by a mass (J/kg) or by an amount (J/mol).

    >>> unit_basis("J/(kg*K)"), unit_basis("kJ/kmol"), unit_basis("W")
    ('mass', 'molar', None)
    """
    if not unit:
        return None
    try:
        # The unit's own factors (J and kg⁻¹), which its dimensionality (m²/s²) merges.
        parts = ureg.Unit(unit)._units.items()
        per = [ureg.Unit(name).dimensionality for name, power in parts if float(power.real) < 0]
    except (PintError, ValueError, TypeError):  # a unit pint cannot read has no basis to tell
        return None
    if any(d == {"[mass]": 1} for d in per):
        return "mass"
    return "molar" if any(d == {"[substance]": 1} for d in per) else None


@lru_cache(maxsize=4096)
def described(tool: Tool, text: tuple[str, ...]) -> float:
    """How many of the tool description's words the question uses (a tie-break)."""
    words = {stem(w) for w in tokens(tool.description) if len(w) > 3}
    return float(len(words & {stem(w) for w in text}))
