"""The optional LLM extraction pass: schema-constrained JSON from the local model or teacher.

The JSON schema handed to the model enumerates the graph schema's entity labels and
relation types, so grammar-constrained decoding cannot produce anything else; the
output is then resolved (:class:`~peoa.graph.resolve.EntityResolver`) and relations are
kept only where the schema allows their endpoints. Off by default: on a CPU it costs
seconds per chunk (``peoa ingest --llm`` turns it on).
"""

from __future__ import annotations

from typing import Any

from peoa.graph.extract import Extraction, Relation
from peoa.graph.resolve import EntityResolver
from peoa.graph.schema import GraphSchema, load_schema

__all__ = ["LLMExtractor", "extraction_schema"]

_SYSTEM = (
    "You extract process-engineering entities and relations from a passage. Use only "
    "names that appear in the passage. Labels: {labels}. Relation types: {relations}. "
    'Example: "The pump feeds toluene to the column." -> {{"entities": [{{"label": '
    '"Equipment", "name": "pump"}}, {{"label": "Chemical", "name": "toluene"}}, '
    '{{"label": "Equipment", "name": "column"}}], "relations": []}}. '
    "Answer with JSON only."
)


def extraction_schema(schema: GraphSchema | None = None, max_items: int = 12) -> dict[str, Any]:
    """The JSON schema of the LLM's answer, with the graph schema's vocabularies as enums.

    >>> s = extraction_schema()
    >>> "Chemical" in s["properties"]["entities"]["items"]["properties"]["label"]["enum"]
    True
    """
    schema = schema or load_schema()
    name = {"type": "string", "minLength": 1, "maxLength": 80}
    return {
        "type": "object",
        "properties": {
            "entities": {
                "type": "array",
                # Without a floor the 0.5B model answered [] to a plain passage about a
                # pump and benzene; the checks in merge() drop names it makes up.
                "minItems": 1,
                "maxItems": max_items,
                "items": {
                    "type": "object",
                    "properties": {
                        "label": {"type": "string", "enum": list(schema.entity_labels)},
                        "name": name,
                    },
                    "required": ["label", "name"],
                    "additionalProperties": False,
                },
            },
            "relations": {
                "type": "array",
                "maxItems": max_items,
                "items": {
                    "type": "object",
                    "properties": {
                        "source": name,
                        "type": {"type": "string", "enum": list(schema.relation_types)},
                        "target": name,
                    },
                    "required": ["source", "type", "target"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["entities", "relations"],
        "additionalProperties": False,
    }


class LLMExtractor:
    """Adds what a chat model finds in a chunk to the deterministic extraction."""

    def __init__(self, llm: Any, resolver: EntityResolver | None = None, *, max_tokens: int = 384):
        self.llm = llm
        self.resolver = resolver or EntityResolver()
        self.schema = self.resolver.extractor.schema
        self.max_tokens = max_tokens
        self._json_schema = extraction_schema(self.schema)

    @classmethod
    def from_config(cls, role: str = "knowledge") -> LLMExtractor:
        from peoa.llm import get_embedder, get_llm

        return cls(get_llm(role), EntityResolver(embedder=get_embedder()))

    def extend(self, text: str, found: Extraction) -> None:
        """Ask the model about ``text`` and merge its valid answer into ``found``."""
        from peoa.llm import StructuredOutputError

        system = _SYSTEM.format(
            labels=", ".join(self.schema.entity_labels),
            relations=", ".join(self.schema.relation_types),
        )
        messages = [{"role": "system", "content": system}, {"role": "user", "content": text}]
        try:
            data, _ = self.llm.structured(messages, self._json_schema, max_tokens=self.max_tokens)
        except StructuredOutputError:
            return  # a cut-off answer adds nothing; the deterministic pass still stands
        self.merge(data, text, found)

    def merge(self, data: dict[str, Any], text: str, found: Extraction) -> None:
        """Resolve and check the model's answer, then add it to ``found``.

        Entities whose name is not in the passage are dropped (the model must not
        invent), as are relations the schema does not allow.
        """
        lowered = text.casefold()
        by_name: dict[str, Any] = {}
        for item in data.get("entities", []):
            label, name = item.get("label"), str(item.get("name", ""))
            if name.casefold() not in lowered:
                continue
            entity = self.resolver.resolve(str(label), name)
            if entity is None:
                continue
            by_name[name.casefold()] = entity
            if entity.id not in found.counts:
                found.add(entity)
        for item in data.get("relations", []):
            source = by_name.get(str(item.get("source", "")).casefold())
            target = by_name.get(str(item.get("target", "")).casefold())
            rel_type = str(item.get("type"))
            if source and target and self.schema.allows(rel_type, source.label, target.label):
                relation = Relation(source.id, rel_type, target.id)
                if relation not in found.relations:
                    found.relations.append(relation)
