"""The quantity graph in Neo4j: what each tool takes and gives, written by load-tools."""

from __future__ import annotations

from neo4j import Driver

from peoa.graph import Ingestor
from peoa.graph.quantities import quantity_edges, read_quantity_edges
from peoa.graph.store import graph_stats
from peoa.graph.tools_loader import load_tools
from peoa.planning import QuantityGraph
from peoa.tools import get_registry

from .conftest import count


def _key(edge: dict) -> tuple:  # type: ignore[type-arg]
    return (edge["tool"], edge["direction"], edge["name"], edge["quantity"], bool(edge["required"]),
            bool(edge["many"]))  # fmt: skip


def test_every_declared_kind_round_trips_through_neo4j_without_orphans(
    ingestor: Ingestor, graph: Driver
) -> None:
    assert load_tools(ingestor).status == "ingested"
    docs = [t.doc() for t in get_registry().list()]
    declared = {_key(e) for e in quantity_edges(docs)}
    stored = {_key(e) for e in read_quantity_edges(graph)}
    assert stored == declared
    kinds = {e[3] for e in declared}
    names = {r["name"] for r in graph.execute_query("MATCH (q:Quantity) RETURN q.name AS name")[0]}
    assert kinds <= names
    orphans = count(graph, "MATCH (q:Quantity) WHERE NOT (q)--() RETURN count(q)")
    assert orphans == 0
    assert graph_stats(graph).quantities == len(names) > 50
    relationships = graph_stats(graph).relationships
    assert relationships["INPUT_OF"] > 300 and relationships["GIVES"] > 200


def test_loading_twice_changes_nothing_and_the_planner_reads_the_same_graph(
    ingestor: Ingestor, graph: Driver
) -> None:
    load_tools(ingestor)
    first = graph_stats(graph)
    assert load_tools(ingestor).status == "unchanged"
    assert graph_stats(graph) == first
    from_neo4j = QuantityGraph.from_edges(read_quantity_edges(graph))
    from_registry = QuantityGraph.from_registry(get_registry())
    assert from_neo4j == from_registry
    assert ("vapor_pressure", "Psat") in from_neo4j.producers("vapor_pressure")
