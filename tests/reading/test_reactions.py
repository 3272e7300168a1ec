"""Reading a reaction: its equation, the key reactant and the rate law's orders."""

from __future__ import annotations

import pytest

from peoa.reading import read_question
from peoa.reading.reactions import read_reactions


@pytest.mark.parametrize(
    ("text", "species", "orders"),
    [
        # A rate law written with the species' concentrations.
        ("A + B → C, with -r_A = k C_A C_B^2", ("A", "B", "C"), (1.0, 2.0, 0.0)),
        ("For A + 2B -> C the rate is k[A][B]", ("A", "B", "C"), (1.0, 1.0, 0.0)),
        ("2A → products, −rA = k CA²", ("A", "products"), (2.0, 0.0)),
        # Orders named per species, one overall order, an elementary reaction.
        ("A + B → C is first-order in A and zero-order in B", ("A", "B", "C"), (1.0, 0.0, 0.0)),
        ("The reaction 2A → B is second order in A", ("A", "B"), (2.0, 0.0)),
        ("A first-order reaction A → 2B", ("A", "B"), (1.0, 0.0)),
        ("The elementary reaction A + B → C", ("A", "B", "C"), (1.0, 1.0, 0.0)),
        ("A + B → C is second order overall", ("A", "B", "C"), (1.0, 1.0, 0.0)),
        # Nothing said, or an overall order the equation cannot split: not guessed.
        ("A + B → C in a CSTR", ("A", "B", "C"), None),
        ("A + B → C is third order", ("A", "B", "C"), None),
    ],
)
def test_the_rate_laws_orders_are_read_as_stated(
    text: str, species: tuple[str, ...], orders: tuple[float, ...] | None
) -> None:
    (reaction,) = read_reactions(text)
    assert reaction.species == species
    assert reaction.orders == orders


def test_the_key_is_the_reactant_whose_conversion_is_asked() -> None:
    (first,) = read_reactions("A + B → C; what volume gives 80 % conversion?")
    (named,) = read_reactions("A + B → C; what volume gives a conversion of B of 0.8?")
    assert (first.key, named.key) == ("A", "B")


def test_a_reaction_named_by_its_order_alone_is_read_only_for_a_liquid() -> None:
    liquid = read_question(
        "An irreversible second-order liquid-phase reaction in a PFR, k = 2 L/(mol·h)"
    )
    (reaction,) = liquid.reactions
    assert (reaction.species, reaction.coefficients, reaction.orders) == (
        ("A", "products"),
        (-1.0, 1.0),
        (2.0, 0.0),
    )
    # A gas's change in moles is unknown, and "first-order lag" is no reaction.
    assert read_reactions("A first-order gas-phase reaction in a PFR") == []
    assert read_reactions("The level loop behaves as a first-order lag with τ = 5 s") == []


@pytest.mark.parametrize(
    ("text", "feed"),
    [
        # Moles of one species per mole of another, by formula or by name (steam is H2O).
        ("CO + H2O ⇌ CO2 + H2 fed with 2.5 mol of steam per mol of CO", (1.0, 2.5, 0.0, 0.0)),
        ("CO + H2O ⇌ CO2 + H2, a feed of 3 moles H2O per mole of CO", (1.0, 3.0, 0.0, 0.0)),
        ("CO + 2 H2 ⇌ CH3OH at a H2/CO molar ratio of 2.2", (1.0, 2.2, 0.0)),
        # One reactant fed alone, an equimolar feed, stoichiometric proportions.
        ("n-C4H10 ⇌ i-C4H10 starting from pure n-butane", (1.0, 0.0)),
        ("A ⇌ B, pure A is charged", (1.0, 0.0)),
        ("A + B ⇌ C from an equimolar feed", (1.0, 1.0, 0.0)),
        ("N2 + 3 H2 ⇌ 2 NH3 with the reactants in stoichiometric proportions", (1.0, 3.0, 0.0)),
        # A reactant whose share the words leave open, or "pure" of one of two: no feed.
        ("CO + H2O ⇌ CO2 + H2 at 700 K", None),
        ("A + B ⇌ C starting from pure A", None),
        ("CO + H2O ⇌ CO2 + H2 with 2 mol of nitrogen per mol of CO", None),
    ],
)
def test_the_feeds_mole_ratios_are_read_when_the_words_fix_every_reactant(
    text: str, feed: tuple[float, ...] | None
) -> None:
    (reaction,) = read_reactions(text)
    assert reaction.feed == feed
    assert bool(reaction.feed_spans) == (feed is not None)


def test_an_isomers_prefix_is_part_of_the_species_name() -> None:
    (reaction,) = read_reactions("the isomerisation n-C4H10 ⇌ i-C4H10 in the gas phase")
    assert reaction.species == ("n-C4H10", "i-C4H10")
