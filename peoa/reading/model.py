"""The reading of a question: what it gives and what it asks, as typed values.

A question is read once, when a solve starts (:func:`peoa.reading.read_question`).
Everything later (routing, planning, binding a tool's arguments, the asked unit, the
check that the given data was used) reads this object; nothing re-reads the text for
numbers.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from peoa.tools.quantity import Quantity

__all__ = ["AskedQuantity", "Mention", "MentionRole", "Reaction", "Reading", "Substance"]

MentionRole = Literal["data", "reference", "formula"]
"""What a number in the text is: a value given for the problem (``data``), part of a
name or citation ("API 520", "Table 4.2", "(1977)"), or a constant inside a formula the
question writes ("Nu = 0.023 Re^0.8")."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Mention(_Frozen):
    """One number the question writes, with its unit as written and what it describes.

    ``quantity`` is the value with the unit in pint's spelling (``"m**3/h"`` for
    "cubic metres per hour"; ``""`` for a bare number); ``dimensionality`` is pint's
    (``"[length] ** 3 / [time]"``, ``"dimensionless"``). ``before`` and ``after`` are
    the words on either side up to the next value or clause mark, nearest first for
    ``before``; ``clause`` is every word of the clause it is in (commas inside brackets
    do not end one: "hot side 4.1 kg/s at 165 °C (cp 2.3 kJ/(kg·K))");
    ``phrase`` is the noun phrase the value describes ("total head" for "a total head
    of 35 m", "pipe" for "80 m of pipe").
    """

    id: str
    quantity: Quantity
    written: str  # the text of the span, number and unit
    unit_written: str  # the unit as written ("cubic metres per hour", "psig", "")
    span: tuple[int, int]
    dimensionality: str
    role: MentionRole = "data"
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    clause: tuple[str, ...] = ()  # every word of its clause: what the stream or item is
    phrase: str = ""
    symbol: str | None = None  # "Z" in "Z = 0.93", "MW" in "MW 44"
    designation: str | None = None  # a trade designation: "NPS", "DN", "schedule"
    each: bool = False  # "K = 0.3 each": the value stands for several items
    count: int | None = None  # "6 elbows": how many items a following value is for
    # "from 30 °C to 80 °C", "28 °C → 111 °C": the value is where a stream starts (from)
    # or ends (to), and whether the stream rises or falls between the two.
    course: Literal["from", "to"] | None = None
    trend: Literal["rises", "falls"] | None = None

    @property
    def value(self) -> float:
        return self.quantity.value

    @property
    def unit(self) -> str:
        return self.quantity.unit

    @property
    def dimensionless(self) -> bool:
        return self.dimensionality == "dimensionless"

    def words(self) -> tuple[str, ...]:
        """Every word around the value, nearest first on the left, then the right."""
        return (*self.before, *self.after)

    def describe(self) -> str:
        """``"35 m (total head)"``: how the value is shown to a model or in a trace."""
        label = self.symbol or self.phrase or " ".join(self.before[:3][::-1])
        return f"{self.written} ({label})" if label else self.written


class Substance(_Frozen):
    """A chemical or fluid the question names, resolved with ``chemicals``/CoolProp when
    it is a pure compound (``cas`` is ``None`` for a mixture such as natural gas)."""

    name: str  # as written
    span: tuple[int, int]
    cas: str | None = None
    canonical: str | None = None  # the library's name ("toluene", "Water")
    material: bool = False  # a material of construction ("carbon steel"), not a fluid


class Reaction(_Frozen):
    """A chemical equation the question writes: species in order, coefficients (negative
    for reactants) and phases (``"gas"``, ``"liquid"``, ``"solid"``, ``"aqueous"`` or
    ``None`` when not written).

    ``key`` is the reactant a conversion refers to ("the conversion of B"; else the first
    reactant). ``orders`` are the rate law's orders in species order when the question
    states them (a rate law "-rA = k CA²", "second-order in A", "first-order", an
    "elementary" reaction), else ``None``. ``feed`` gives the feed's mole ratios in
    species order (products unfed) when the words fix every reactant's, else ``None``."""

    species: tuple[str, ...]
    coefficients: tuple[float, ...]
    phases: tuple[str | None, ...]
    span: tuple[int, int]
    key: str | None = None
    orders: tuple[float, ...] | None = None
    feed: tuple[float, ...] | None = None
    # Where the feed's words are: the values written there are the feed's.
    feed_spans: tuple[tuple[int, int], ...] = ()

    @property
    def generic(self) -> bool:
        """Whether the species are letters standing for substances ("A ⇌ B", "2A → R"),
        not chemicals a property look-up could find."""
        return all(len(s) == 1 and s.isupper() for s in self.species)

    @property
    def reactants(self) -> dict[str, float]:
        """Each reactant with its coefficient made positive ("A + 2B →": A 1, B 2)."""
        return {s: -c for s, c in zip(self.species, self.coefficients, strict=True) if c < 0}


class AskedQuantity(_Frozen):
    """What the question asks for: the asking words, the unit and its dimensionality.

    ``words`` are the asking sentence's words that name the quantity ("brake power"
    in "What brake power does the pump need, in kW?"), and ``focus`` those of them in
    clauses that write no value ("Size a PSV in liquid service: flow 59100 kg/h, …" is
    focused on "Size a PSV in liquid service"); ``head`` the words that name the quantity
    right after the asking word, up to a preposition or a verb; ``unit`` is the asked unit in
    pint's spelling (``None`` when none is asked); ``same_unit`` marks "in the same
    unit" (the answer takes the unit of the given value of its kind).
    """

    sentence: str
    words: tuple[str, ...] = ()
    focus: tuple[str, ...] = ()  # the asking words of clauses that give no value
    head: tuple[str, ...] = ()  # the words right after the asking word ("what duty")
    unit: str | None = None
    unit_written: str | None = None
    dimensionality: str | None = None
    conversion: bool = False  # "Convert … to …", "Express it in …": a unit change only
    same_unit: bool = False
    bound: Literal["minimum", "maximum"] | None = None  # asks for a least or most value


class Reading(_Frozen):
    """Everything the question says, read once.

    ``text`` is the question read (a follow-up already rewritten as a whole question,
    with ``original`` the words the user wrote); ``cases`` are the independent
    questions it asks side by side ("for pump A (…) and for pump B (…)"), empty when it
    asks one thing.
    """

    text: str
    original: str | None = None
    mentions: tuple[Mention, ...] = ()
    substances: tuple[Substance, ...] = ()
    phase: Literal["liquid", "gas"] | None = None  # the process fluid's, when said
    reactions: tuple[Reaction, ...] = ()
    asked: AskedQuantity
    cases: tuple[str, ...] = ()

    def data(self) -> list[Mention]:
        """The values given for the problem (not citations or formula constants)."""
        return [m for m in self.mentions if m.role == "data"]

    def mention(self, mention_id: str) -> Mention:
        for mention in self.mentions:
            if mention.id == mention_id:
                return mention
        raise KeyError(mention_id)

    def with_units(self) -> list[Mention]:
        """The given values written with a unit (``%`` counts as one)."""
        return [m for m in self.data() if m.unit_written]

    def fluids(self) -> list[Substance]:
        """The named substances that are process fluids, resolved to a compound."""
        return [s for s in self.substances if s.cas is not None and not s.material]
