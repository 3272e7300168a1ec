"""The one reading of a question: values with units as written, what is named, what is asked."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peoa.distill.templates import TEMPLATES
from peoa.reading import read_question
from peoa.reading.units import dimensionality_of
from peoa.tools.quantity import parse_quantity


def _si(value: float, unit: str) -> tuple[float, str]:
    quantity = parse_quantity(value, unit).to_base_units()
    return float(quantity.magnitude), str(quantity.units)


def _found(reading, value: float, unit: str) -> bool:  # type: ignore[no-untyped-def]
    wanted = _si(value, unit)
    for mention in reading.data():
        if not math.isclose(mention.value, value, rel_tol=1e-12):
            continue
        got = _si(mention.value, mention.unit)
        if got[1] == wanted[1] and math.isclose(got[0], wanted[0], rel_tol=1e-9):
            return True
    return False


def _bank() -> list[tuple[str, str, dict]]:  # type: ignore[type-arg]
    problems = []
    for template in TEMPLATES.values():
        for wording in range(len(template.wordings)):
            for seed in range(3):
                problem = template.sample(random.Random(seed * 1000 + wording), wording)
                problems.append((problem.template, problem.question, problem.arguments))
    return problems


def test_the_reading_recovers_every_value_of_every_template_and_wording() -> None:
    """Each problem-bank question gives its tool's arguments in words; the reading finds
    every one of them, number and unit, among its mentions."""
    missed = []
    for template, question, arguments in _bank():
        reading = read_question(question)
        for name, argument in arguments.items():
            written = isinstance(argument, dict) and argument.get("unit")
            if written and not _found(reading, argument["value"], argument["unit"]):
                missed.append((template, name, argument, question))
    assert not missed, missed[:5]


_UNITS = [
    "m3/h", "m³/h", "kg/s", "kg/h", "bar", "barg", "psig", "psia", "kPa", "°C", "degF", "K",
    "mm", "ft", "m/s", "kg/m3", "kg/m³", "mPa·s", "cP", "W/(m²·K)", "kJ/kg", "kW", "hp",
    "US gpm", "L/min", "MMscfd", "Nm3/h", "%", "J/(kg·K)", "Btu/h", "rpm", "g/mol",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    value=st.floats(min_value=0.001, max_value=99999, allow_nan=False).map(lambda x: round(x, 3)),
    unit=st.sampled_from(_UNITS),
    lead=st.sampled_from(["flows at", "a value of", "is", "with", "at"]),
)
def test_a_value_written_with_a_unit_is_one_mention_with_that_value_and_unit(
    value: float, unit: str, lead: str
) -> None:
    written = f"{value:g}"
    question = f"The stream {lead} {written} {unit} in the line. What is the result?"
    reading = read_question(question)
    matches = [m for m in reading.data() if m.written.startswith(written)]
    assert len(matches) == 1, (question, reading.mentions)
    mention = matches[0]
    assert mention.value == float(written)
    assert dimensionality_of(mention.unit) == dimensionality_of(
        unit.replace("US gpm", "gpm").replace("°C", "degC")
    )
    assert question[mention.span[0] : mention.span[1]] == mention.written


@pytest.mark.parametrize(
    ("text", "unit", "si"),
    [
        ("63400 barrels per day", "bbl/d", 0.116667),
        ("350 US gallons per minute", "gpm", 0.0220816),
        ("10 cubic metres per hour", "m3/h", 0.0027778),
        ("150 pounds per square inch gauge", "psig", 1135537.0),
        ("25 degrees Celsius", "degC", 298.15),
        ("5 kilopascals", "kPa", 5000.0),
        ("2 kg/cm2 g", "kgcm2g", 297458.0),
        ("4.59 bar absolute", "bara", 459000.0),
        ("1 MMBtu/h", "MMBtu/h", 293071.0),
        ("120 Btu/(h·ft²·°F)", "Btu/(h·ft²·degF)", 681.39),
        ("8.314 J mol-1 K-1", "J mol-1 K-1", 8.314),
        ("45 cSt", "cSt", 4.5e-5),
        ("0.012 kg of water per kg of dry air", "(kg)/(kg)", 0.012),
        ("1 MMscfd", "MMscfd", 0.3277),
    ],
)
def test_units_are_read_as_engineers_write_them(text: str, unit: str, si: float) -> None:
    reading = read_question(f"The data sheet gives {text}. What is it in SI?")
    mention = reading.data()[0]
    assert dimensionality_of(mention.unit) == dimensionality_of(unit)
    magnitude = parse_quantity(mention.value, mention.unit).to_base_units().magnitude
    assert magnitude == pytest.approx(si, rel=1e-3)


@pytest.mark.parametrize(
    ("text", "designation", "value", "unit"),
    [
        ("an NPS 6 schedule 80 pipe", "NPS", 6.0, ""),
        ("a 6-inch NPS line", "NPS", 6.0, ""),
        ("a DN 150 pipe", "NPS", 6.0, ""),  # DN 150 designates NPS 6
        ("Sch 40 pipe of NPS 2", "schedule", 40.0, ""),
        ("a gas of MW 44", "MW", 44.0, "g/mol"),
        ("a liquid (SG 0.85)", "SG", 0.85, ""),
    ],
)
def test_designations_are_read_with_the_trades_conventions(
    text: str, designation: str, value: float, unit: str
) -> None:
    mention = next(m for m in read_question(text).mentions if m.designation == designation)
    assert (mention.value, mention.unit) == (value, unit)


def test_a_symbol_written_before_a_value_is_kept_and_a_chain_gives_one_value_each() -> None:
    reading = read_question("Kd = 0.975 and Kb = Kc = 1, with Z = 0.93 and k = 1.27.")
    assert [(m.symbol, m.value) for m in reading.data()] == [
        ("Kd", 0.975), ("Kb", 1.0), ("Kc", 1.0), ("Z", 0.93), ("k", 1.27),
    ]  # fmt: skip


def test_a_standard_states_temperature_is_part_of_the_symbol_not_a_value() -> None:
    reading = read_question("ΔH°298 = -92.2 kJ/mol and ΔG° = -32.9 kJ/mol; K at 500 K?")
    assert [(m.symbol, m.value) for m in reading.data()] == [
        ("ΔH°298", -92.2), ("ΔG°", -32.9), (None, 500.0),
    ]  # fmt: skip


def test_the_last_thing_asked_in_a_clause_is_the_answer_its_steps_come_first() -> None:
    chained = read_question("Given dG and dH, compute K at 600 K and the equilibrium conversion.")
    assert chained.asked.head == ("equilibrium", "conversion")
    then = read_question("Find the Reynolds number and then the friction factor of the pipe.")
    assert then.asked.head == ("friction", "factor")
    listed = read_question("Work out the duty, the LMTD and the area in square metres.")
    assert listed.asked.head == ("area",)
    # A value written after "and the" is data, not a second question.
    given = read_question("What area is needed for 200 kW when U is 400 W/(m²·K) and the mean "
                          "temperature difference is 20 K?")  # fmt: skip
    assert given.asked.head == ("area",)


def test_a_ranges_first_number_written_bare_takes_the_unit_after_the_second() -> None:
    changed = read_question("Oil is cooled from 150 to 60 °F; brine goes from 4 to 18 wt%.")
    assert [(m.value, m.unit, m.course) for m in changed.data()] == [
        (150.0, "degF", "from"), (60.0, "degF", "to"), (4.0, "wt%", "from"), (18.0, "wt%", "to"),
    ]  # fmt: skip
    between = read_question("The velocity lies between 1 and 3 m/s.").data()
    assert [m.unit for m in between] == ["m/s", "m/s"]
    # Without "from" or "between" a bare number keeps no unit ("3 to 5 bar" may be a count).
    assert [m.unit for m in read_question("Pick 3 to 5 bar ratings.").data()] == ["", "bar"]


def test_what_the_asking_sentence_points_back_to_is_named_by_its_earlier_words() -> None:
    reading = read_question(
        "Size the valve for 4000 kg/h of air at 12 barg and pick the smallest API 526 orifice "
        "that fits. What is that orifice's effective area, in in²?"
    )
    assert {"smallest", "API", "526"} <= set(reading.asked.focus)
    # "that" as a relative pronoun points at nothing.
    plain = read_question("Water at 3 bar flows. Find the pressure that the pump delivers.")
    assert plain.asked.focus == ("pressure", "pump", "delivers")


def test_a_request_after_the_question_names_its_own_unit_and_points_back() -> None:
    # The unit after "effective area" in the request is the one asked, not the flow's unit
    # described in the question; "the selected orifice" is the API 526 one asked about.
    reading = read_question(
        "Which API 526 orifice suits 15000 Nm³/h of propylene (flow in normal m³/h at 0 °C "
        "and 1 atm)? M = 42.08 g/mol, k = 1.15. Report the selected orifice's effective area "
        "in in²."
    )
    assert reading.asked.unit == "in²"
    assert {"API", "526"} <= set(reading.asked.focus)


def test_a_capital_letter_set_equal_to_a_value_is_its_symbol_not_an_article() -> None:
    reading = read_question("Antoine constants A = 6.8537, B = 1439, C = 226.7. P at 28 °C?")
    assert [m.symbol for m in reading.data()][:3] == ["A", "B", "C"]


def test_a_bracketed_list_after_a_symbol_is_that_symbols_values() -> None:
    reading = read_question("Feed z = [0.3, 0.4, 0.3]; at the drum K = [3.2, 1.1, 0.25]. V/F?")
    assert [(m.symbol, m.value) for m in reading.data()] == [
        ("z", 0.3), ("z", 0.4), ("z", 0.3), ("K", 3.2), ("K", 1.1), ("K", 0.25),
    ]  # fmt: skip
    # Outside brackets a symbol names its own value only.
    listed = read_question("With alpha = 2.5, 0.95 and 0.05 are the purities.").data()
    assert [m.symbol for m in listed] == ["alpha", None, None]


def test_a_percentage_added_to_a_value_is_data_not_a_formula() -> None:
    reading = read_question("Set pressure 12 barg + 10%, relieving at 80 °C; x + 2 = 5.")
    assert [(m.written, m.role) for m in reading.mentions] == [
        ("12 barg", "data"), ("10%", "data"), ("80 °C", "data"), ("2", "formula"),
        ("5", "data"),
    ]  # fmt: skip


def test_a_value_for_each_item_counts_the_items_of_its_own_clause() -> None:
    reading = read_question(
        "The line has four long-radius elbows with K = 0.45 each, 3 ball valves with K = 0.05 "
        "each and a tee with K = 1.8."
    )
    assert [(m.value, m.each, m.count) for m in reading.data() if m.symbol == "K"] == [
        (0.45, True, 4), (0.05, True, 3), (1.8, False, None),
    ]  # fmt: skip
    # A size before the items is no count of them.
    sized = read_question("A 78 mm line with elbows of K = 0.45 each.").data()
    assert [(m.value, m.count) for m in sized if m.each] == [(0.45, None)]


def test_citations_and_formula_constants_are_not_data() -> None:
    reading = read_question(
        "Per API 520 Part 1 (Table 4.2) and Churchill (1977), with Nu = 0.023 Re^0.8, "
        "for R-134a at 25 °C?"
    )
    assert [m.written for m in reading.data()] == ["25 °C"]
    assert {m.role for m in reading.mentions} == {"reference", "formula", "data"}


def test_gauge_absolute_and_standard_volumes_convert_as_the_trade_reads_them() -> None:
    reading = read_question("At 5 barg, 14.7 psia and 2 MMscfd of gas, what is the flow?")
    barg, psia, flow = reading.data()
    assert parse_quantity(barg.value, barg.unit).to("Pa").magnitude == pytest.approx(601325)
    assert parse_quantity(psia.value, psia.unit).to("Pa").magnitude == pytest.approx(101352.9, 1e-5)
    assert flow.unit == "MMscfd"


def test_substances_are_resolved_and_materials_kept_apart() -> None:
    reading = read_question(
        "Steam at 10 bar heats a benzene-toluene feed in a carbon steel exchanger; "
        "natural gas fires the boiler."
    )
    assert [s.canonical for s in reading.fluids()] == ["water", "benzene", "toluene"]
    assert [s.name for s in reading.substances if s.material] == ["carbon steel"]
    assert any(s.name == "natural gas" and s.cas is None for s in reading.substances)


@pytest.mark.parametrize(
    ("question", "unit", "conversion"),
    [
        ("What brake power does the pump need, in kW?", "kW", False),
        ("The header is at 12 bar. Convert it to kilopascals.", "kPa", True),
        ("What pressure drop (bar) does the pipe cause?", "bar", False),
        ("Find the boiling point of water at 2 bar. Answer in degrees Celsius.", "degC", False),
        ("Kv = 488 m³/h at 1 bar. What is the equivalent Cv (US gpm at 1 psi)?", None, True),
        ("How much air is supplied, in kg air per kg fuel?", "(kg)/(kg)", False),
        ("What is the Reynolds number?", None, False),
        ("Pump speeds (n in rpm, Q in m³/s): what is the specific speed?", None, False),
    ],
)
def test_the_asked_unit_is_read_wherever_the_question_asks_it(
    question: str, unit: str | None, conversion: bool
) -> None:
    asked = read_question(question).asked
    if unit is not None:
        assert asked.unit == unit
    else:
        assert asked.unit is None or "gpm" in asked.unit
    assert asked.conversion == conversion


def test_the_asked_words_read_asides_and_names_as_words() -> None:
    # "(total)" does not break "stagnation temperature"; "API 526" is a name, not a value,
    # so the words beside it still say what is asked.
    stagnation = read_question("Air at 300 K moves at 250 m/s. What is its stagnation (total) "
                               "temperature in kelvin?").asked  # fmt: skip
    assert stagnation.focus[-3:-1] == ("stagnation", "temperature")
    assert stagnation.focus[-1] == "total"
    orifice = read_question("A relief case of 5000 kg/h at 10 barg: select the smallest API 526 "
                            "standard orifice and give its effective area in in².").asked  # fmt: skip
    assert {"smallest", "API", "standard", "orifice"} <= set(orifice.focus)


def test_a_least_value_is_asked_by_its_word_its_subscript_or_total_reflux() -> None:
    assert read_question("What is the minimum reflux ratio?").asked.bound == "minimum"
    subscript = read_question("Find N_min by the Fenske equation: alpha = 2.")
    assert subscript.asked.bound == "minimum"
    at_total_reflux = read_question("How many stages at total reflux are needed, alpha 3.9?")
    assert at_total_reflux.asked.bound == "minimum"
    assert read_question("How many stages are needed at a reflux of 2?").asked.bound is None


def test_cases_asked_side_by_side_are_split() -> None:
    reading = read_question(
        "Hydraulic power of water for pump A (20 m3/h, 30 m) and for pump B (40 m3/h, 25 m)?"
    )
    assert len(reading.cases) == 2
    assert "40 m3/h" in reading.cases[1]


def test_a_follow_up_is_read_as_the_earlier_question_with_its_change() -> None:
    earlier = {"question": "Pump power for 20 m3/h at 30 m head of water?", "answer": 1.6,
               "unit": "kW"}  # fmt: skip
    reading = read_question("and with 40 m head instead?", earlier)
    assert reading.text == "Pump power for 20 m3/h at 40 m head of water?"
    assert reading.original == "and with 40 m head instead?"


def test_an_inch_before_a_particle_word_is_a_size() -> None:
    reading = read_question("The bed is packed with 0.25 in spheres at a voidage of 0.4.")
    assert [m.unit for m in reading.data()][:1] == ["in"]


def test_a_slash_between_two_states_separates_them() -> None:
    reading = read_question("Steam enters at 40 bar/400 °C and leaves at 0.1 bar absolute.")
    assert [(m.value, m.unit) for m in reading.data()] == [
        (40.0, "bar"), (400.0, "degC"), (0.1, "bara")
    ]  # fmt: skip
    units = [m.unit for m in read_question("The slope is 2 W/m.K and 3/4 of it.").data()]
    assert units[:1] == ["W/m.K"]


def test_a_change_of_a_quantity_is_read_with_its_ends_and_direction() -> None:
    reading = read_question(
        "Oil is cooled from 302 °F to 90 °C while water warms 25 °C → 40 °C at 3 bar. "
        "Pressure ranges 2-3 bar."
    )
    courses = [(m.written, m.course, m.trend) for m in reading.data()]
    assert courses[:4] == [
        ("302 °F", "from", "falls"), ("90 °C", "to", "falls"),  # 150 °C down to 90 °C
        ("25 °C", "from", "rises"), ("40 °C", "to", "rises"),
    ]  # fmt: skip
    assert all(course is None for _, course, _ in courses[4:])


def test_a_value_alone_in_brackets_is_named_by_the_words_before_them() -> None:
    reading = read_question(
        "Set pressure 10 barg, discharge to atmosphere (1.01325 bar); the air (21% O2, 79% N2) "
        "is dry."
    )
    atmosphere, oxygen = reading.data()[1], reading.data()[2]
    assert "atmosphere" in atmosphere.before
    assert oxygen.before == ()  # a bracket that goes on after the value is a list of its own


def test_cfm_is_an_actual_volume_flow_and_scfm_a_standard_one() -> None:
    from peoa.tools.quantity import gas_volume_basis

    actual, standard = read_question("Heat 10200 CFM of air; compress 500 SCFM of gas.").data()
    assert parse_quantity(actual.value, actual.unit).to("m**3/s").magnitude == pytest.approx(
        10200 * 0.3048**3 / 60
    )
    assert gas_volume_basis(actual.unit) is None and gas_volume_basis(standard.unit) is not None


def test_generic_heads_take_the_words_after_their_of() -> None:
    """ "The coefficient of performance", "the rate of heat transfer": the head is the
    whole name, not its first word."""
    assert read_question("Find the coefficient of performance of the cycle.").asked.head == (
        "coefficient", "of", "performance",
    )  # fmt: skip
    assert read_question("What is the rate of heat transfer in the boiler?").asked.head == (
        "rate", "of", "heat", "transfer",
    )  # fmt: skip
    assert read_question("What is the mass flow rate of the steam?").asked.head == (
        "mass", "flow", "rate",
    )  # fmt: skip


def test_refrigerant_spelt_out_is_the_refrigerant() -> None:
    reading = read_question("Refrigerant-134a enters the compressor at 0.14 MPa.")
    assert [s.canonical for s in reading.fluids()] == ["norflurane"]  # R-134a


def test_watts_per_kelvin_is_a_unit_and_a_ratio_of_symbols_is_not() -> None:
    """A capacity rate or UA in W/K is read with its unit; "V/F" and "L/D" stay ratios."""
    capacity = read_question(
        "The hot stream has a heat-capacity rate of 4000.0 W/K; UA is 8000 W/K."
    )
    assert [(m.value, m.unit) for m in capacity.mentions] == [(4000.0, "W/K"), (8000.0, "W/K")]
    ratios = read_question("The drum runs at V/F 0.4 and the vessel has L/D 3.")
    assert [m.unit for m in ratios.mentions] == ["", ""]


def test_a_subscripted_symbol_written_before_its_value_is_read() -> None:
    """ "h_fg 2198 kJ/kg", "NPSHr 5 m", "dH_rxn -37 kJ/mol" name their values as symbols do
    with "="; an ordinary word or a formula before a value is no symbol."""
    for text, symbol in (("h_fg 2198 kJ/kg", "h_fg"), ("with NPSHr 5 m", "NPSHr"),
                         ("dH_rxn -37 kJ/mol", "dH_rxn"), ("Re 149000", "Re"),
                         ("water 5 kg", None), ("NaOH 5 kg", None), ("about 5 m", None)):  # fmt: skip
        (mention,) = read_question(text).mentions
        assert mention.symbol == symbol, text
