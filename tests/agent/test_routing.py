"""Which expert takes a question: computation or knowledge, read from its reading (no model)."""

from __future__ import annotations

import pytest

from peoa.agent.definitions import Policy
from peoa.agent.routing import route_question
from peoa.evaluation import load_dataset
from peoa.paths import resource_dir
from peoa.reading import read_question

KNOWLEDGE = [
    "What does API 520 say about the set pressure of a relief valve?",
    "Explain the 3 modes of heat transfer.",
    "Describe the 2 main types of shell-and-tube exchanger in TEMA.",
    "Why do centrifugal pumps need 3 to 5 m of NPSH margin?",
    "According to API 521 section 4.4, how is the fire case sized?",
    "What is API 520?",
    "Per ASME B31.3 Table 302.3.4, what is the longitudinal weld joint factor?",
    "What is NPS 6 schedule 80?",
    "How does a vortex flow meter work?",
    "What is the difference between HHV and LHV?",
    "List 4 causes of cavitation.",
    "What are the main advantages of plate heat exchangers?",
]
COMPUTATION = [
    "A pump delivers 20 m3/h of water against 35 m of head. What power does it need?",
    "Convert 12 bar to kPa.",
    "What is the normal boiling point of benzene in K?",
    "Using the Churchill (1977) correlation, what is the Darcy friction factor at Re = 5000?",
    "How many stages at R = 1.5 if the minimum is 8.5 at total reflux?",
    "What does a pump need in power for 20 m3/h against 35 m of head?",
    "How much heat does 3 kg of steam at 10 bar release when it condenses?",
    "Flash z = [0.3, 0.4, 0.3] with K = [3.2, 1.1, 0.25]. What is V/F?",
    "What does the fit predict at x = 2.5?",  # asks for a number despite "what does"
]


@pytest.mark.parametrize("question", KNOWLEDGE)
def test_a_question_asking_for_knowledge_goes_to_the_text_expert(question: str) -> None:
    route = route_question(read_question(question))
    assert route.kind == "text", route


@pytest.mark.parametrize("question", COMPUTATION)
def test_a_question_asking_for_a_number_goes_to_the_numeric_expert(question: str) -> None:
    route = route_question(read_question(question))
    assert route.kind == "numeric", route


def test_every_evaluation_question_asks_for_a_number() -> None:
    for name in ("dev.jsonl", "process.jsonl", "maths.jsonl", "multistep.jsonl"):
        items, _ = load_dataset(resource_dir("datasets") / name)
        text = [(item.id, route_question(read_question(item.question))) for item in items]
        assert [t for t in text if t[1].kind != "numeric"] == [], name


def test_designations_are_not_values_given() -> None:
    # pint reads "section" as a survey section (an area): after "API 521" it is a name.
    reading = read_question("API 521 section 4.4 and 3 bar")
    assert [m.written for m in reading.with_units()] == ["3 bar"]
    reading = read_question("ASME B31.3 at 2.5 MPa; NPS 6 schedule 80")
    assert [m.written for m in reading.with_units()] == ["2.5 MPa"]
    assert read_question("Explain the 3 modes of heat transfer").with_units() == []


def test_text_cues_come_from_the_policy() -> None:
    question = "Estimate the wall temperature for 3 passes."
    assert route_question(read_question(question)).kind == "numeric"
    assert route_question(read_question(question), [r"estimate\b"]).kind == "text"


def test_a_cue_that_is_no_regular_expression_is_refused() -> None:
    with pytest.raises(ValueError, match="not a regular expression"):
        Policy(text_cues=["explain("])
