"""Stoichiometry tools: molar masses, balanced equations, the limiting reactant of Felder &
Rousseau's acrylonitrile example, composition conversions and combustion air (Cengel &
Boles's octane, propane with excess air by hand)."""

from __future__ import annotations

import pytest

from peoa.exceptions import ToolInputError

from .helpers import call, q

# IUPAC atomic weights as chemicals.elements has them
M_C, M_H, M_O, M_N, M_S = 12.0107, 1.00794, 15.9994, 14.0067, 32.065
AIR = 0.21 * 2 * M_O + 0.79 * 2 * M_N  # dry air of 21 % O2, 79 % N2: 28.85 g/mol


def _moles(*values: float) -> list[dict[str, object]]:
    return [q(v, "mol") for v in values]


# -- molar_mass ---------------------------------------------------------------------------
def test_molar_mass_of_sulfuric_acid_and_its_mass_fractions() -> None:
    r = call("molar_mass", formula="H2SO4")
    mw = 2 * M_H + M_S + 4 * M_O  # 98.08 g/mol
    assert r.value("MW") == pytest.approx(mw, rel=1e-9)
    assert r.outputs["MW"].unit == "g/mol"
    fractions = dict(zip(r.value("elements"), r.value("mass_fractions"), strict=True))
    assert fractions["S"] == pytest.approx(M_S / mw, rel=1e-9)
    assert fractions["O"] == pytest.approx(4 * M_O / mw, rel=1e-9)
    assert sum(fractions.values()) == pytest.approx(1.0, abs=1e-12)
    assert r.value("formula") == "H2O4S"  # Hill order


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ("Ca(OH)2", 40.078 + 2 * (M_O + M_H)),
        ("Fe2(SO4)3", 2 * 55.845 + 3 * (M_S + 4 * M_O)),
        ("C6H12O6", 6 * M_C + 12 * M_H + 6 * M_O),
        ("CuSO4·5H2O", 63.546 + M_S + 4 * M_O + 5 * (2 * M_H + M_O)),  # a hydrate
        ("glucose", 6 * M_C + 12 * M_H + 6 * M_O),  # a name, looked up
    ],
)
def test_molar_mass_of_formulas_and_names(formula: str, expected: float) -> None:
    assert call("molar_mass", formula=formula).value("MW") == pytest.approx(expected, rel=1e-6)


def test_molar_mass_refuses_a_bad_formula() -> None:
    with pytest.raises(ToolInputError, match=r"unknown element symbol 'Xx'"):
        call("molar_mass", formula="H2Xx4")
    with pytest.raises(ToolInputError, match=r"unbalanced parentheses"):
        call("molar_mass", formula="Ca(OH2")
    with pytest.raises(ToolInputError, match=r"count above 0"):
        call("molar_mass", formula="C0H4")


def test_element_mass_fraction_of_a_compound() -> None:
    # Felder & Rousseau sec. 3.3a: ammonium nitrate is 35.0 % nitrogen by mass.
    r = call("element_mass_fraction", formula="NH4NO3", element="nitrogen")
    mw = 2 * M_N + 4 * M_H + 3 * M_O
    assert r.value("mass_fraction") == pytest.approx(2 * M_N / mw, rel=1e-9)
    assert r.value("mass_fraction") == pytest.approx(0.350, abs=5e-4)
    assert r.value("atoms") == 2 and r.value("MW") == pytest.approx(mw, rel=1e-9)
    with pytest.raises(ToolInputError, match=r"has no sulfur \(S\)"):
        call("element_mass_fraction", formula="glucose", element="sulfur")
    with pytest.raises(ToolInputError):
        call("element_mass_fraction", formula="H2O", element="unobtainium")


# -- balance_reaction ---------------------------------------------------------------------
def test_balance_propane_combustion() -> None:
    r = call("balance_reaction", reactants=["C3H8", "O2"], products=["CO2", "H2O"])
    assert r.value("coefficients") == [1, 5, 3, 4]
    assert r.value("stoichiometry") == [-1, -5, 3, 4]
    assert r.value("equation") == "C3H8 + 5 O2 -> 3 CO2 + 4 H2O"


def test_balance_a_redox_reaction() -> None:
    # 2 KMnO4 + 16 HCl -> 2 KCl + 2 MnCl2 + 8 H2O + 5 Cl2 (a textbook redox equation)
    r = call(
        "balance_reaction",
        reactants=["KMnO4", "HCl"],
        products=["KCl", "MnCl2", "H2O", "Cl2"],
    )
    assert r.value("coefficients") == [2, 16, 2, 2, 8, 5]


def test_an_unbalanceable_reaction_is_refused() -> None:
    with pytest.raises(ToolInputError, match=r"cannot be balanced: element\(s\) C, H appear"):
        call("balance_reaction", reactants=["C", "O2"], products=["H2O"])
    with pytest.raises(ToolInputError, match=r"more than one independent way"):
        call("balance_reaction", reactants=["CH4", "O2"], products=["CO2", "CO", "H2O"])
    # CO2 + O2 -> CO balances only with O2 as a product
    with pytest.raises(ToolInputError, match=r"which side each species is on"):
        call("balance_reaction", reactants=["CO2", "O2"], products=["CO"])


# -- limiting_reactant --------------------------------------------------------------------
SPECIES = ["C3H6", "NH3", "O2", "C3H3N", "H2O", "N2"]
STOICHIOMETRY = [-1, -1, -1.5, 1, 3, 0]


def test_acrylonitrile_felder_rousseau_example_4_6_1() -> None:
    # Felder & Rousseau, Elementary Principles of Chemical Processes 4th ed., Example 4.6-1:
    # C3H6 + NH3 + 3/2 O2 -> C3H3N + 3 H2O; feed 100 mol: 10.0 C3H6, 12.0 NH3, 78.0 air
    # (16.4 O2, 61.6 N2). By hand: C3H6 is limiting (10/1 < 12/1 < 16.4/1.5); NH3 excess
    # (12 - 10)/10 = 20 %; O2 excess (16.4 - 15)/15 = 9.3 %. At 30 % conversion of C3H6
    # the extent is 0.3 * 10 = 3.0 mol and n_i = n_i0 + nu_i * 3.0.
    r = call(
        "limiting_reactant",
        species=SPECIES,
        stoichiometry=STOICHIOMETRY,
        feed_moles=_moles(10.0, 12.0, 16.4, 0, 0, 61.6),
        conversion=0.3,
    )
    assert r.value("limiting_reactant") == "C3H6"
    excess = r.value("percent_excess")
    assert excess["NH3"] == pytest.approx(20.0, rel=1e-9)
    assert excess["O2"] == pytest.approx(100 * (16.4 - 15) / 15, rel=1e-9)  # 9.3 %
    assert round(excess["O2"], 1) == 9.3
    assert r.value("extent", "mol") == pytest.approx(3.0, rel=1e-12)
    assert r.value("outlet_moles") == pytest.approx([7.0, 9.0, 11.9, 3.0, 9.0, 61.6], rel=1e-9)
    assert r.value("conversions")[1] == pytest.approx(3.0 / 12.0, rel=1e-9)  # NH3
    masses = r.value("outlet_masses", "g")
    assert masses[3] == pytest.approx(3.0 * (3 * M_C + 3 * M_H + M_N), rel=1e-9)  # acrylonitrile


def test_limiting_reactant_from_masses_by_hand() -> None:
    # CH4 + 2 O2 -> CO2 + 2 H2O with 1 mol CH4 and 48 g = 1.5 mol O2: O2 is limiting
    # (1.5/2 < 1/1); CH4 excess (1 - 0.75)/0.75 = 33.3 %; extent 0.75 mol.
    mw_ch4, mw_o2 = M_C + 4 * M_H, 2 * M_O
    r = call(
        "limiting_reactant",
        species=["methane", "O2", "CO2", "H2O"],
        stoichiometry=[-1, -2, 1, 2],
        feed_masses=[q(mw_ch4, "g"), q(1.5 * mw_o2, "g"), q(0, "g"), q(0, "g")],
    )
    assert r.value("limiting_reactant") == "O2"
    assert r.value("percent_excess")["methane"] == pytest.approx(100 / 3, rel=1e-9)
    assert r.value("extent") == pytest.approx(0.75, rel=1e-9)
    assert r.value("outlet_moles") == pytest.approx([0.25, 0.0, 0.75, 1.5], abs=1e-12)
    assert r.value("outlet_masses", "g")[2] == pytest.approx(0.75 * (M_C + 2 * M_O), rel=1e-9)


def test_limiting_reactant_refuses_bad_input() -> None:
    with pytest.raises(ToolInputError, match=r"'feed_moles': -1 mol is out of range"):
        call(
            "limiting_reactant",
            species=SPECIES,
            stoichiometry=STOICHIOMETRY,
            feed_moles=_moles(10, -1, 16.4, 0, 0, 61.6),
        )
    with pytest.raises(ToolInputError, match=r"not balanced in H \(-2\), O \(\+1\)"):
        call(
            "limiting_reactant",
            species=["CH4", "O2", "CO2", "H2O"],
            stoichiometry=[-1, -1, 1, 1],
            feed_moles=_moles(1, 2, 0, 0),
        )
    with pytest.raises(ToolInputError, match=r"one amount per species"):
        call("limiting_reactant", species=SPECIES, stoichiometry=STOICHIOMETRY,
             feed_moles=_moles(10, 12))  # fmt: skip
    with pytest.raises(ToolInputError, match=r"'feed_moles' or as 'feed_masses'"):
        call("limiting_reactant", species=SPECIES, stoichiometry=STOICHIOMETRY)


# -- composition_convert ------------------------------------------------------------------
def test_air_mole_fractions_to_mass_fractions_by_hand() -> None:
    # 21 % O2, 79 % N2 by mole: M = 0.21 * 32.00 + 0.79 * 28.01 = 28.85 g/mol and
    # w_O2 = 0.21 * 32.00 / 28.85 = 0.233 (Felder & Rousseau 4th ed. sec. 3.3b)
    r = call("composition_convert", components=["oxygen", "nitrogen"], mole_fractions=[0.21, 0.79])
    assert r.value("MW") == pytest.approx(AIR, rel=1e-9)
    assert r.value("mass_fractions")[0] == pytest.approx(0.21 * 2 * M_O / AIR, rel=1e-9)
    assert r.value("mole_fractions") == pytest.approx([0.21, 0.79], rel=1e-12)


def test_mass_fractions_to_mole_fractions_round_trip() -> None:
    # 50 wt% ethanol in water: x_EtOH = (0.5/46.07) / (0.5/46.07 + 0.5/18.02) = 0.281
    mw_w, mw_e = 2 * M_H + M_O, 2 * M_C + 6 * M_H + M_O
    r = call(
        "composition_convert",
        components=["water", "C2H5OH"],
        mass_fractions=[0.5, 0.5],
    )
    x_e = (0.5 / mw_e) / (0.5 / mw_e + 0.5 / mw_w)
    assert r.value("mole_fractions")[1] == pytest.approx(x_e, rel=1e-9)
    assert r.value("MW") == pytest.approx(1 / (0.5 / mw_w + 0.5 / mw_e), rel=1e-9)
    back = call("composition_convert", components=["water", "C2H5OH"],
                mole_fractions=r.value("mole_fractions"))  # fmt: skip
    assert back.value("mass_fractions") == pytest.approx([0.5, 0.5], rel=1e-9)


def test_fractions_not_summing_to_one_are_refused() -> None:
    with pytest.raises(ToolInputError, match=r"the fractions sum to 0.9, not 1"):
        call("composition_convert", components=["water", "ethanol"], mole_fractions=[0.5, 0.4])
    with pytest.raises(ToolInputError, match=r"one fraction per component"):
        call("composition_convert", components=["water", "ethanol"], mass_fractions=[1.0])
    with pytest.raises(ToolInputError, match=r"one of them"):
        call("composition_convert", components=["water", "ethanol"])


def test_a_mixtures_average_molar_mass_is_planned_from_its_written_composition() -> None:
    from peoa.planning import Planner, QuantityGraph
    from peoa.planning.execute import run_plan
    from peoa.reading import read_question
    from peoa.tools import get_registry

    registry = get_registry()
    reading = read_question(
        "A gas mixture is 70 mol% methane and 30 mol% ethane. What is its average molar mass?"
    )
    plan = Planner(registry, QuantityGraph.from_registry(registry)).plan(reading)[0]
    assert plan.describe() == "composition_convert.MW" and plan.unused == ()
    results = run_plan(plan, reading, registry)
    assert results[1].value("MW") == pytest.approx(0.7 * 16.043 + 0.3 * 30.069, rel=1e-3)


# -- combustion_air -----------------------------------------------------------------------
def test_octane_with_theoretical_air_cengel_boles_example_15_1() -> None:
    # Cengel & Boles, Thermodynamics: An Engineering Approach, ch. 15 (theoretical combustion
    # of octane, the Example 15-1 region): C8H18 + 12.5 (O2 + 3.76 N2) -> 8 CO2 + 9 H2O
    # + 47 N2; AF = 12.5 * 4.76 * 29 / 114
    # = 15.1 kg air/kg fuel with the book's 29 kg/kmol air. With 21/79 air of 28.85 g/mol
    # it is 12.5 / 0.21 * 28.85 / 114.23 = 15.03, within 0.5 % of the book.
    r = call("combustion_air", fuel="C8H18")
    mw_fuel = 8 * M_C + 18 * M_H
    assert r.value("O2_theoretical") == pytest.approx(12.5, rel=1e-12)
    assert r.value("air_theoretical") == pytest.approx(12.5 / 0.21, rel=1e-12)
    assert r.value("air_fuel_ratio_mass") == pytest.approx(15.1, rel=0.01)
    assert r.value("air_fuel_ratio_mass") == pytest.approx(12.5 / 0.21 * AIR / mw_fuel, rel=1e-9)
    assert r.value("air_fuel_ratio_mass") == r.value("air_theoretical_mass")
    flue = dict(zip(r.value("flue_gas_species"), r.value("flue_gas_moles"), strict=True))
    assert flue == pytest.approx({"CO2": 8, "H2O": 9, "N2": 0.79 * 12.5 / 0.21})
    assert r.value("equivalence_ratio") == 1.0


def test_propane_with_fifty_percent_excess_air_by_hand() -> None:
    # C3H8 + 5 O2 -> 3 CO2 + 4 H2O. Theoretical O2 5 mol, air 5/0.21 = 23.81 mol; with 50 %
    # excess 35.71 mol air: flue gas 3 CO2, 4 H2O, 2.5 O2 and 0.79 * 35.71 = 28.21 N2,
    # 37.71 mol in all; y_CO2 = 3/37.71 = 0.0795 wet, 3/33.71 = 0.0890 dry.
    r = call("combustion_air", fuel="propane", excess_air=q(50, "%"))
    air = 1.5 * 5 / 0.21
    assert r.value("air_fuel_ratio_molar") == pytest.approx(air, rel=1e-12)
    assert r.value("air_fuel_ratio_mass") == pytest.approx(
        air * AIR / (3 * M_C + 8 * M_H), rel=1e-9
    )
    assert r.value("air_fuel_ratio_mass") == pytest.approx(23.37, abs=0.01)
    species = r.value("flue_gas_species")
    flue = dict(zip(species, r.value("flue_gas_moles"), strict=True))
    assert flue == pytest.approx({"CO2": 3, "H2O": 4, "O2": 2.5, "N2": 0.79 * air})
    total = 3 + 4 + 2.5 + 0.79 * air
    assert r.value("flue_gas_total") == pytest.approx(total, rel=1e-12)
    wet = dict(zip(species, r.value("flue_gas_mole_fractions"), strict=True))
    dry = dict(zip(species, r.value("flue_gas_dry_mole_fractions"), strict=True))
    assert wet["CO2"] == pytest.approx(3 / total, rel=1e-12)
    assert dry["CO2"] == pytest.approx(3 / (total - 4), rel=1e-12)
    assert r.value("equivalence_ratio") == pytest.approx(1 / 1.5, rel=1e-12)


def test_combustion_air_refuses_what_does_not_burn() -> None:
    with pytest.raises(ToolInputError, match=r"CO2 needs no oxygen to burn"):
        call("combustion_air", fuel="CO2")
    with pytest.raises(ToolInputError, match=r"fuels of C, H, O, N and S only"):
        call("combustion_air", fuel="NaCl")
