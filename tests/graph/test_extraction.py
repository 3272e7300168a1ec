"""Deterministic extraction, entity resolution and the LLM pass's checking of answers."""

from __future__ import annotations

import pytest

from peoa.graph.extract import Extraction, Extractor
from peoa.graph.llm_extract import LLMExtractor, extraction_schema
from peoa.graph.resolve import EntityResolver
from peoa.llm import Embedder


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def ids(text: str, extractor: Extractor) -> set[str]:
    return {e.id for e in extractor.extract(text).entities}


def test_common_words_are_not_chemicals(extractor: Extractor) -> None:
    found = ids(
        "Heat and salt lead to a liquid cycle; time, power and yield matter. He sat in a tin hut.",
        extractor,
    )
    assert not {i for i in found if i.startswith("chemical:")}


def test_chemicals_by_name_cas_and_formula(extractor: Extractor) -> None:
    found = ids("Toluene, CAS 71-43-2, CO2 and NaCl; H₂O. Not CSTR, NPSH or Re.", extractor)
    assert {
        "chemical:108-88-3", "chemical:71-43-2", "chemical:124-38-9",
        "chemical:7647-14-5", "chemical:7732-18-5",
    } <= found  # fmt: skip
    assert len([i for i in found if i.startswith("chemical:")]) == 5
    assert "chemical:71-43-3" not in ids("a bad check digit 71-43-3", extractor)


def test_units_through_pint_only_after_numbers(extractor: Extractor) -> None:
    found = ids("A 3 bar rise, 50 m3/h, 25 °C and 1.2 kg/m³ in a pipe at noon.", extractor)
    units = {i for i in found if i.startswith("unit:")}
    assert units == {
        "unit:bar", "unit:meter**3/hour", "unit:degree_Celsius", "unit:kilogram/meter**3"
    }  # fmt: skip


def test_vocabulary_synonyms_resolve_to_one_entity(extractor: Extractor) -> None:
    a = ids("the PSV on the drum", extractor)
    b = ids("the pressure relief valve", extractor)
    assert "equipment:pressure-relief-valve" in a & b


def test_resolver_uses_vocabulary_chemicals_and_fuzzy_names(embedder: Embedder) -> None:
    resolver = EntityResolver(embedder=embedder)
    assert resolver.resolve("Equipment", "Shell and tube heat exchanger").id == (  # type: ignore[union-attr]
        "equipment:shell-and-tube-heat-exchanger"
    )
    assert resolver.resolve("Chemical", "C7H8").id == "chemical:108-88-3"  # type: ignore[union-attr]
    assert resolver.resolve("Chemical", "methylbenzene").id == "chemical:108-88-3"  # type: ignore[union-attr]
    # a misspelling within edit distance and embedding similarity joins the known entity
    assert resolver.resolve("Correlation", "Colebrok equation").id == (  # type: ignore[union-attr]
        "correlation:colebrook-equation"
    )
    new = resolver.resolve("Equipment", "Spiral heat exchanger")
    assert new is not None and new.id == "equipment:spiral-heat-exchanger"
    assert resolver.resolve("Nonsense", "x") is None


class _ScriptedLLM:
    """Stands in for a chat model's *answer* only; the checking under test is real."""

    def __init__(self, answer: dict) -> None:
        self.answer = answer

    def structured(self, messages, schema, **options):  # type: ignore[no-untyped-def]
        assert schema["properties"]["entities"]["items"]["properties"]["label"]["enum"]
        return self.answer, None


def test_llm_answers_are_checked_against_text_and_schema(embedder: Embedder) -> None:
    text = "The knock-out drum protects the compressor; Weymouth's equation sizes the line."
    answer = {
        "entities": [
            {"label": "Equipment", "name": "knock-out drum"},
            {"label": "Equipment", "name": "compressor"},
            {"label": "Correlation", "name": "Weymouth's equation"},
            {"label": "Chemical", "name": "unobtainium"},  # not in the passage: dropped
        ],
        "relations": [
            {"source": "knock-out drum", "type": "PART_OF", "target": "compressor"},
            {"source": "compressor", "type": "COMPUTES", "target": "knock-out drum"},  # not allowed
        ],
    }
    extractor = LLMExtractor(_ScriptedLLM(answer), EntityResolver(embedder=embedder))
    found = Extraction()
    extractor.extend(text, found)
    names = {e.id for e in found.entities}
    assert "equipment:flash-drum" in names  # knock-out drum is a synonym
    assert "equipment:compressor" in names
    assert not any("unobtainium" in i for i in names)
    assert [(r.type) for r in found.relations] == ["PART_OF"]


def test_extraction_schema_enumerates_the_graph_schema() -> None:
    schema = extraction_schema()
    relation = schema["properties"]["relations"]["items"]["properties"]["type"]
    assert "MENTIONS" not in relation["enum"] and "COMPUTES" in relation["enum"]
