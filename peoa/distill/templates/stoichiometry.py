"""Templates for molar masses, compositions and combustion air."""

from __future__ import annotations

from peoa.distill.templates.base import Template, define, rounded

__all__ = ["BANK"]

BANK: tuple[Template, ...] = (
    # -- stoichiometry ---------------------------------------------------------------
    define(
        "molar_mass",
        "stoichiometry",
        "MW",
        "the molar mass",
        lambda r: {
            "formula": r.choice(
                (
                    "H2SO4",
                    "CaCO3",
                    "NaOH",
                    "C6H12O6",
                    "HNO3",
                    "NH4NO3",
                    "Ca(OH)2",
                    "Na2CO3",
                    "KMnO4",
                    "C2H5OH",
                )
            )
        },
        "What is the molar mass of {formula}?",
        "Calculate the molecular weight of {formula}.",
        "Molar mass of {formula} in g/mol?",
    ),
    define(
        "element_mass_fraction",
        "stoichiometry",
        "mass_fraction",
        "the mass fraction of an element",
        lambda r: r.choice(
            (
                {"formula": "H2SO4", "element": "oxygen"},
                {"formula": "CaCO3", "element": "calcium"},
                {"formula": "C6H12O6", "element": "carbon"},
                {"formula": "NH4NO3", "element": "nitrogen"},
                {"formula": "KMnO4", "element": "manganese"},
                {"formula": "NaOH", "element": "sodium"},
            )
        ),
        "What is the mass fraction of {element} in {formula}?",
        "Find the weight percent of {element} in {formula}.",
    ),
    define(
        "combustion_air",
        "stoichiometry",
        "air_fuel_ratio_mass",
        "the air-fuel ratio",
        lambda r: {
            "fuel": r.choice(("methane", "propane", "butane", "octane", "ethane", "ethanol")),
            "excess_air": {"value": rounded(r.uniform(5, 60)), "unit": "%"},
        },
        "{fuel} burns with {excess_air} excess air. What is the air-fuel ratio by mass?",
        "Find the mass air-fuel ratio for the complete combustion of {fuel} with {excess_air} excess air.",
        "Combustion of {fuel}, {excess_air} excess air: air to fuel ratio (kg air per kg fuel)?",
    ),
    define(
        "composition_convert",
        "stoichiometry",
        "MW",
        "the average molar mass",
        lambda r: (
            lambda x: {
                "components": list(
                    r.choice(
                        (
                            ("methane", "ethane"),
                            ("nitrogen", "oxygen"),
                            ("methanol", "water"),
                            ("propane", "butane"),
                        )
                    )
                ),
                "mole_fractions": [
                    {"value": x, "unit": "mol%"},
                    {"value": rounded(100 - x), "unit": "mol%"},
                ],
            }
        )(rounded(r.uniform(20, 80), 2)),
        "A mixture is {mole_fractions} of {components}, in that order. What is its average molar mass?",
        "Find the mean molecular weight of a gas of {mole_fractions} ({components} respectively).",
    ),
)
