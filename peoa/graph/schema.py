"""The machine-readable graph schema (``graph_schema/schema.toml``) as typed objects.

Extraction asks this module which labels, relationship types and vocabulary terms
exist, so nothing outside the schema reaches the graph.

>>> schema = load_schema()
>>> schema.version >= 1 and "Chemical" in schema.entity_labels
True
>>> schema.allows("COMPUTES", "Tool", "Property")
True
>>> schema.allows("COMPUTES", "Chunk", "Property")
False
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from peoa.exceptions import ConfigError
from peoa.paths import resource_dir

__all__ = [
    "GraphSchema",
    "LabelSpec",
    "RelationshipSpec",
    "VocabularyEntry",
    "load_schema",
    "schema_dir",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LabelSpec(_Strict):
    """A node label and the properties it may carry."""

    description: str = ""
    properties: tuple[str, ...]
    entity: bool = False


class RelationshipSpec(_Strict):
    """A relationship type and the labels allowed at its ends."""

    from_: tuple[str, ...] = Field(alias="from")
    to: tuple[str, ...]


class VocabularyEntry(_Strict):
    """One vocabulary concept: canonical name first, then synonyms, plus typed relations."""

    terms: tuple[str, ...] = Field(min_length=1)
    computes: tuple[str, ...] = ()
    used_in: tuple[str, ...] = ()
    part_of: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.terms[0]


class ChemicalRules(_Strict):
    ambiguous: tuple[str, ...] = ()
    aliases: dict[str, str] = Field(default_factory=dict)


class GraphSchema(_Strict):
    """Everything ``schema.toml`` declares."""

    version: int = Field(ge=1)
    embedding_dimensions: int = Field(gt=0)
    labels: dict[str, LabelSpec]
    relationships: dict[str, RelationshipSpec]
    chemicals: ChemicalRules = Field(default_factory=ChemicalRules)
    vocabulary: dict[str, tuple[VocabularyEntry, ...]] = Field(default_factory=dict)

    @property
    def entity_labels(self) -> tuple[str, ...]:
        return tuple(name for name, spec in self.labels.items() if spec.entity)

    @property
    def relation_types(self) -> tuple[str, ...]:
        """Relationship types between entities (what the LLM pass may emit)."""
        entities = set(self.entity_labels)
        return tuple(
            name
            for name, spec in self.relationships.items()
            if set(spec.from_) & entities and set(spec.to) & entities and name != "MENTIONS"
        )

    def allows(self, rel_type: str, source: str, target: str) -> bool:
        spec = self.relationships.get(rel_type)
        return spec is not None and source in spec.from_ and target in spec.to


def schema_dir() -> Path:
    """The ``graph_schema`` folder of this installation."""
    return resource_dir("graph_schema")


def _check(schema: GraphSchema) -> None:
    for rel, spec in schema.relationships.items():
        for label in (*spec.from_, *spec.to):
            if label not in schema.labels:
                raise ConfigError(f"schema.toml: relationship {rel} names unknown label {label}")
    for label in schema.vocabulary:
        if label not in schema.entity_labels:
            raise ConfigError(f"schema.toml: vocabulary for {label}, which is not an entity label")


@lru_cache(maxsize=4)
def load_schema(path: Path | None = None) -> GraphSchema:
    """Parse and check ``schema.toml`` (the bundled one unless ``path`` is given)."""
    path = path or schema_dir() / "schema.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        schema = GraphSchema.model_validate(data)
    except (OSError, tomllib.TOMLDecodeError, ValueError) as error:
        first = str(error).splitlines()[0]
        raise ConfigError(f"cannot load the graph schema {path}: {first}") from None
    _check(schema)
    return schema
