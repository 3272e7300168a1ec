"""The Text2Cypher guard on a real Neo4j: reads pass, everything else is refused."""

from __future__ import annotations

import pytest
from neo4j import Driver

from peoa.graph.errors import QueryRejectedError
from peoa.graph.text2cypher import Text2Cypher, run_guarded

from .test_ingest import fingerprint


@pytest.fixture()
def small(graph: Driver) -> Driver:
    graph.execute_query(
        "CREATE (:Entity:Equipment {id: 'equipment:pump', name: 'pump'}), "
        "(:Entity:Property {id: 'property:head', name: 'head'})"
    )
    return graph


def test_a_read_runs(small: Driver) -> None:
    answer = run_guarded(small, "MATCH (e:Equipment) RETURN e.name AS name")
    assert answer.rows == [{"name": "pump"}] and not answer.truncated


@pytest.mark.parametrize(
    "cypher",
    [
        "CREATE (n:Equipment {name: 'x'}) RETURN n",
        "MATCH (n) DETACH DELETE n",
        "MATCH (n:Equipment) SET n.name = 'hacked' RETURN n",
        "MERGE (n:Equipment {id: 'x'}) RETURN n",
        "MATCH (n:Equipment) REMOVE n:Equipment RETURN n",
        "MATCH (n:Equipment) RETURN n; MATCH (m) DETACH DELETE m",
        "CALL dbms.components() YIELD name RETURN name",
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        "MATCH (n:User) RETURN n",
        "MATCH (n:Equipment)-[:OWNS]->(m) RETURN m",
        "DROP INDEX chunk_text",
        "EXPLAIN MATCH (n) RETURN n",
        "MATCH (n:Equipment RETURN n",
        "",
    ],
)
def test_writes_procedures_and_unknown_labels_are_refused(small: Driver, cypher: str) -> None:
    before = fingerprint(small)
    with pytest.raises(QueryRejectedError):
        run_guarded(small, cypher)
    assert fingerprint(small) == before


def test_row_and_time_limits(small: Driver) -> None:
    answer = run_guarded(small, "UNWIND range(1, 1000) AS x RETURN x", max_rows=10)
    assert len(answer.rows) == 10 and answer.truncated
    with pytest.raises(QueryRejectedError, match=r"ran out of time|failed"):
        run_guarded(
            small,
            "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n",
            timeout_s=0.5,
        )


class _ScriptedLLM:
    """Stands in for a model's answer; the guard it goes through is real."""

    def __init__(self, cypher: str) -> None:
        self.cypher = cypher

    def structured(self, messages, schema, **options):  # type: ignore[no-untyped-def]
        assert "Equipment" in messages[0]["content"]
        return {"cypher": self.cypher}, None


def test_generated_cypher_goes_through_the_guard(small: Driver) -> None:
    ok = Text2Cypher(_ScriptedLLM("MATCH (p:Property) RETURN p.name AS name"), small)
    assert ok.ask("which properties exist?").rows == [{"name": "head"}]
    bad = Text2Cypher(_ScriptedLLM("MATCH (n) DETACH DELETE n"), small)
    with pytest.raises(QueryRejectedError):
        bad.ask("delete everything")
