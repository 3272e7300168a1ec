"""The tool registry's documentation as Tool nodes, found by retrieval."""

from __future__ import annotations

from neo4j import Driver

from peoa.graph import Ingestor
from peoa.graph.retrieve import GraphRetriever, HybridRetriever, search_tools
from peoa.graph.tools_loader import TOOLS_SOURCE, load_tools, tool_text
from peoa.llm import Embedder

from .conftest import count

DOCS = [
    {
        "name": "friction_factor_colebrook",
        "topic": "pipe_flow",
        "description": "Darcy friction factor of turbulent pipe flow from the Colebrook equation.",
        "reference": "Colebrook (1939); fluids.friction.Colebrook",
        "inputs": [
            {"name": "Re", "description": "Reynolds number", "required": True, "type": "float"},
            {"name": "roughness", "description": "relative roughness", "required": True},
        ],
        "outputs": [{"name": "fd", "unit": "", "description": "Darcy friction factor"}],
    },
    {
        "name": "relief_valve_gas_area",
        "topic": "relief_devices",
        "description": "Required effective discharge area of a pressure relief valve in gas "
        "service for critical flow.",
        "reference": "API 520 Part I (2014) eq. 9; fluids.safety_valve.API520_A_g",
        "inputs": [
            {"name": "mass_flow", "description": "relieving rate", "unit": "kg/s", "required": True}
        ],
        "outputs": [{"name": "A", "unit": "m**2", "description": "orifice area"}],
    },
]


def test_documented_tools_become_linked_tool_nodes(graph: Driver, ingestor: Ingestor) -> None:
    report = load_tools(ingestor, DOCS)
    assert report.status == "ingested", report
    assert count(graph, "MATCH (t:Tool) RETURN count(t)") == 2
    assert (
        count(
            graph,
            "MATCH (:Tool {name: 'friction_factor_colebrook'})-[:IMPLEMENTS]->"
            "(:Correlation {name: 'colebrook equation'}) RETURN count(*)",
        )
        == 1
    )
    assert (
        count(
            graph,
            "MATCH (:Tool {name: 'friction_factor_colebrook'})-[:COMPUTES]->"
            "(:Property {name: 'friction factor'}) RETURN count(*)",
        )
        == 1
    )
    assert (
        count(
            graph,
            "MATCH (:Tool {name: 'relief_valve_gas_area'})-[:IMPLEMENTS]->(:Standard {name: 'api 520'}) "
            "RETURN count(*)",
        )
        == 1
    )
    assert count(graph, "MATCH (:Chunk)-[:DESCRIBES]->(t:Tool) RETURN count(DISTINCT t)") == 2
    assert load_tools(ingestor, DOCS).status == "unchanged"
    assert "Inputs: Re: Reynolds number" in tool_text(DOCS[0])


def test_the_real_registry_is_loaded_and_found(
    graph: Driver, ingestor: Ingestor, embedder: Embedder
) -> None:
    from peoa.tools import get_registry

    report = load_tools(ingestor)
    assert report.status == "ingested", report
    names = {t.name for t in get_registry().list()}
    assert count(graph, "MATCH (t:Tool) RETURN count(t)") == len(names)
    assert count(
        graph, "MATCH (t:Tool)-[:COMPUTES|IMPLEMENTS]->(:Entity) RETURN count(DISTINCT t)"
    ) > (len(names) // 2)
    hits = search_tools(graph, embedder, "Reynolds number of flow in a pipe", k=3)
    assert "reynolds_number" in {h.name for h in hits}
    passages = HybridRetriever(graph, embedder).search("Reynolds number of pipe flow", k=3)
    assert passages.items[0].source == TOOLS_SOURCE
    expanded = GraphRetriever(graph, embedder).search("Reynolds number of pipe flow", k=3)
    assert expanded.tools and expanded.tools[0].name
    # deleting the registry document takes its Tool nodes with it
    from peoa.graph import delete_document

    delete_document(graph, TOOLS_SOURCE)
    assert count(graph, "MATCH (t:Tool) RETURN count(t)") == 0
