"""Optional Text2Cypher, behind a guard.

A model may write Cypher for questions that passage retrieval answers badly ("which
tools implement API 520?"). Whatever it writes runs only if it passes
:func:`run_guarded`:

1. ``EXPLAIN`` first: the server plans the statement without running it, and its
   query type must be read-only (``r``), its plan free of write and procedure-call
   operators except an allowlist of read procedures;
2. every label and relationship type it names must be in the graph schema;
3. it runs in a read transaction, with a server-side time limit and a row limit.
"""

from __future__ import annotations

import re
from typing import Any

from neo4j import READ_ACCESS, Driver, unit_of_work
from neo4j.exceptions import ClientError, Neo4jError
from pydantic import BaseModel

from peoa.graph.errors import QueryRejectedError
from peoa.graph.schema import load_schema

__all__ = ["CypherAnswer", "Text2Cypher", "allowed_names", "run_guarded"]

_WRITE_OPERATORS = re.compile(
    r"create|merge|delete|detach|set|remove|foreach|load ?csv|emptyresult|"
    r"transactionforeach|transactionapply",
    re.IGNORECASE,
)
_ALLOWED_PROCEDURES = ("db.index.vector.querynodes", "db.index.fulltext.querynodes")
_NAMES = re.compile(r"[:|]\s*`?([A-Za-z_][A-Za-z0-9_]*)`?")
_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def allowed_names() -> frozenset[str]:
    """Labels and relationship types a generated statement may name."""
    schema = load_schema()
    return frozenset({*schema.labels, *schema.relationships, "Entity"})


class CypherAnswer(BaseModel):
    cypher: str
    rows: list[dict[str, Any]]
    truncated: bool


def _plan_operators(plan: Any) -> list[tuple[str, str]]:
    found = []
    stack = [plan] if plan else []
    while stack:
        node = stack.pop()
        operator = str(node.get("operatorType", "")) if isinstance(node, dict) else ""
        details = str((node.get("args") or {}).get("Details", "")) if isinstance(node, dict) else ""
        found.append((operator, details))
        stack.extend(node.get("children", []) if isinstance(node, dict) else [])
    return found


def _check_names(cypher: str) -> None:
    stripped = _STRINGS.sub("''", cypher)
    # map projections and property keys also follow a colon; only check names that
    # look like labels/types, i.e. start with an upper-case letter or underscore
    names = {n for n in _NAMES.findall(stripped) if n[0].isupper() or n[0] == "_"}
    unknown = sorted(names - allowed_names())
    if unknown:
        raise QueryRejectedError(
            f"the Cypher names labels or types outside the graph schema: {', '.join(unknown)}"
        )


def run_guarded(
    driver: Driver,
    cypher: str,
    params: dict[str, Any] | None = None,
    *,
    max_rows: int = 100,
    timeout_s: float = 5.0,
    database: str | None = None,
) -> CypherAnswer:
    """Run a generated read-only statement under the guard, or raise QueryRejectedError."""
    cypher = cypher.strip().rstrip(";")
    if not cypher or ";" in cypher:
        raise QueryRejectedError("give exactly one Cypher statement")
    if re.match(r"^\s*(explain|profile)\b", cypher, re.IGNORECASE):
        raise QueryRejectedError("the statement must not carry its own EXPLAIN or PROFILE")
    _check_names(cypher)
    params = params or {}
    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        try:
            summary = session.run(f"EXPLAIN {cypher}", params).consume()
        except ClientError as error:
            raise QueryRejectedError(
                f"the Cypher does not compile: {str(error.message or error).splitlines()[0]}"
            ) from None
        if summary.query_type != "r":
            raise QueryRejectedError(
                f"only read-only Cypher may run (this statement is of type {summary.query_type!r})"
            )
        for operator, details in _plan_operators(summary.plan):
            name = operator.split("@")[0]
            if _WRITE_OPERATORS.fullmatch(name.lower()) or name.lower().startswith(
                ("create", "merge", "delete", "set", "remove")
            ):
                raise QueryRejectedError(f"the plan writes ({name}); only reads may run")
            if "procedurecall" in name.lower() and not details.lower().startswith(
                _ALLOWED_PROCEDURES
            ):
                raise QueryRejectedError(f"procedure calls are not allowed ({details[:80]})")

        try:
            rows, truncated = _timed_read(session, cypher, params, max_rows, timeout_s)
        except Neo4jError as error:
            text = str(error.message or error).splitlines()[0]
            raise QueryRejectedError(f"the Cypher failed or ran out of time: {text}") from None
    return CypherAnswer(cypher=cypher, rows=rows, truncated=truncated)


def _timed_read(
    session: Any, cypher: str, params: dict[str, Any], max_rows: int, timeout_s: float
) -> tuple[list[dict[str, Any]], bool]:
    def work(tx: Any) -> tuple[list[dict[str, Any]], bool]:
        result = tx.run(cypher, params)
        rows = [dict(record) for record in result.fetch(max_rows + 1)]
        result.consume()
        return rows[:max_rows], len(rows) > max_rows

    # The server enforces the timeout and rolls the read back when it expires.
    return session.execute_read(unit_of_work(timeout=timeout_s)(work))


_PROMPT = """You write one read-only Cypher query for Neo4j 5 that answers the question.
Graph schema: node labels {labels}; every entity also has label Entity and properties id, name.
Relationships: {relationships}.
Use only these labels and relationship types, MATCH and RETURN only, and LIMIT 25."""


class Text2Cypher:
    """Question → Cypher with a chat model (schema-constrained JSON), run under the guard."""

    def __init__(self, llm: Any, driver: Driver, *, database: str | None = None) -> None:
        self.llm = llm
        self.driver = driver
        self.database = database

    def prompt(self) -> str:
        schema = load_schema()
        relationships = "; ".join(
            f"({'|'.join(spec.from_)})-[:{name}]->({'|'.join(spec.to)})"
            for name, spec in schema.relationships.items()
        )
        return _PROMPT.format(labels=", ".join(schema.labels), relationships=relationships)

    def ask(self, question: str, *, max_rows: int = 25, timeout_s: float = 5.0) -> CypherAnswer:
        answer, _ = self.llm.structured(
            [{"role": "system", "content": self.prompt()}, {"role": "user", "content": question}],
            {
                "type": "object",
                "properties": {"cypher": {"type": "string", "maxLength": 600}},
                "required": ["cypher"],
            },
        )
        return run_guarded(
            self.driver,
            str(answer.get("cypher", "")),
            max_rows=max_rows,
            timeout_s=timeout_s,
            database=self.database,
        )
