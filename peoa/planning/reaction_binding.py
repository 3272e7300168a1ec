"""Arguments a question's chemical equation gives: species, coefficients, phases, the key
reactant, the rate law's orders, the rate constant, the feed's concentrations and its
mole ratios.

A reactor design tool takes the reaction as lists in species order; the reading gives
the equation (:class:`~peoa.reading.model.Reaction`), and this module lays the
question's values out in that order. The orders come from the reading when the question
states them; otherwise a rate constant's unit fixes the overall order (a k in 1/min is
first order, in L/(mol·min) second order), which settles the orders when one reactant
(or an elementary reaction) leaves no choice. A species the question gives no feed
concentration for is not fed.
"""

from __future__ import annotations

import re
from typing import Any

from peoa.planning.model import Binding
from peoa.reading.model import Mention, Reaction, Reading
from peoa.tools.quantity import parse_quantity

__all__ = ["bind_reaction", "feed_species", "rate_constant_mention"]

# "k", "k1", "kA", "k_1", "k'": a rate constant's symbol.
_RATE_SYMBOL = re.compile(r"^k(?:_?\d|_?[A-Z]|')?$")
# "CA0", "C_A0", "C_{A0}", "CA,0", "[A]0": a species' inlet concentration.
_FEED_SYMBOL = re.compile(r"^(?:C_?\{?(?P<c>[A-Z])_?,?0\}?|\[(?P<b>[A-Za-z0-9]+)\]_?0)$")


def _order_of(mention: Mention) -> float | None:
    """The overall order a rate constant's unit fixes: (mol/m³)^(1-n)/s, or ``None``
    when the unit is no rate constant's (per volume of reactor)."""
    dims = parse_quantity(1.0, mention.unit).dimensionality
    amount = dims.get("[substance]", 0)
    if (
        not isinstance(amount, int | float)
        or dims.get("[time]", 0) != -1
        or dims.get("[length]", 0) != -3 * amount
    ):
        return None
    if set(dims) - {"[time]", "[length]", "[substance]"}:
        return None
    return float(1 - amount)


def rate_constant_mention(reading: Reading) -> Mention | None:
    """The value written as the rate constant: a k symbol or the words "rate constant",
    in a unit a rate constant has."""
    found = [
        m for m in reading.data()
        if (m.symbol is not None and _RATE_SYMBOL.match(m.symbol))
        or {"rate", "constant"} <= set(w.lower() for w in m.before[:3])
    ]  # fmt: skip
    found = [m for m in found if _order_of(m) is not None]
    return found[0] if len(found) == 1 else None


def _orders(reading: Reading, reaction: Reaction) -> list[float] | None:
    if reaction.orders is not None:
        return list(reaction.orders)
    k = rate_constant_mention(reading)
    order = _order_of(k) if k is not None else None
    if order is None:
        return None
    reactants = reaction.reactants
    if len(reactants) == 1:
        return [order if s == reaction.key else 0.0 for s in reaction.species]
    if order == sum(reactants.values()):  # the reaction as written is the rate law
        return [reactants.get(s, 0.0) for s in reaction.species]
    return None


def feed_species(mention: Mention, reaction: Reaction) -> str | None:
    """The species an inlet concentration is written for ("CA0 = 2 mol/L" is A's)."""
    match = _FEED_SYMBOL.match(mention.symbol or "")
    if match is None:
        return None
    name = match.group("c") or match.group("b")
    return name if name in reaction.species else None


def _feed(reading: Reading, reaction: Reaction, found: list[Mention]) -> Binding | None:
    """The inlet concentration of each species, in species order: the value written for
    it, the one value written for the key (or, "equimolar", for every reactant), else 0."""
    if not found:
        return None
    given: dict[str, Mention] = {}
    for mention in found:
        species = feed_species(mention, reaction)
        if species is None and len(found) == 1:
            species = reaction.key
        if species is None or species in given:
            return None
        given[species] = mention
    if len(given) == 1 and re.search(r"\bequimolar\b", reading.text, re.I):
        (mention,) = given.values()
        given = dict.fromkeys(reaction.reactants, mention)
    unit = next(iter(given.values())).unit
    value = [
        {"value": given[s].value, "unit": given[s].unit} if s in given else {"value": 0.0, "unit": unit}
        for s in reaction.species
    ]  # fmt: skip
    used = tuple(dict.fromkeys(m.id for m in given.values()))
    return Binding(argument="", source="choice", value=value, mentions=used, score=2.0)


def bind_reaction(
    reading: Reading, name: str, part: str, concentrations: list[Mention] | None = None
) -> Binding | None:
    """``name`` bound to the ``part`` of the question's first chemical equation, or
    ``None`` when the question does not give it. ``concentrations`` are the values that
    fit a feed-concentration list, for ``part == "feed"``."""
    if not reading.reactions:
        return None
    reaction = reading.reactions[0]
    value: Any
    mentions: tuple[str, ...] = ()
    if part == "species":
        value = list(reaction.species)
    elif part == "coefficients":
        value = list(reaction.coefficients)
    elif part == "phases":
        value = [phase or "gas" for phase in reaction.phases]
    elif part == "key":
        value = reaction.key
    elif part == "orders":
        value = _orders(reading, reaction)
    elif part == "rate_constant":
        k = rate_constant_mention(reading)
        value = {"value": k.value, "unit": k.unit} if k is not None else None
        mentions = (k.id,) if k is not None else ()
    elif part == "feed":
        feed = _feed(reading, reaction, concentrations or [])
        return feed.model_copy(update={"argument": name}) if feed is not None else None
    elif part == "feed_ratios":
        value = list(reaction.feed) if reaction.feed is not None else None
        mentions = tuple(
            m.id for m in reading.mentions
            if any(a <= m.span[0] and m.span[1] <= b for a, b in reaction.feed_spans)
        )  # fmt: skip
    else:
        raise ValueError(f"unknown part of a reaction: {part!r}")
    if value is None:
        return None
    return Binding(argument=name, source="choice", value=value, mentions=mentions, score=2.0)
