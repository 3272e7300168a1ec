"""Entity resolution: map a free-text entity name to the graph's canonical entity.

In order: the schema vocabulary (canonical terms and synonyms), the chemical database
(names, CAS numbers and formulas, through :func:`chemicals.CAS_from_any`), then the
names already known for that label, matched by edit distance (rapidfuzz) and, unless the
spelling is near-identical, confirmed by embedding similarity. A name that matches nothing becomes a new entity whose id is
its normalised name, so the same spelling always resolves to the same node.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz, process

from peoa.graph.extract import Entity, Extractor, entity_id, normalise
from peoa.llm import Embedder

__all__ = ["EntityResolver"]


class EntityResolver:
    """Resolves ``(label, name)`` pairs; remembers what it resolved."""

    def __init__(
        self,
        extractor: Extractor | None = None,
        embedder: Embedder | None = None,
        *,
        min_ratio: float = 88.0,
        min_cosine: float = 0.75,
        sure_ratio: float = 95.0,
    ) -> None:
        self.extractor = extractor or Extractor()
        self.embedder = embedder
        self.min_ratio = min_ratio
        self.min_cosine = min_cosine
        self.sure_ratio = sure_ratio
        self._known: dict[str, dict[str, Entity]] = {}
        for phrase, (label, name) in self.extractor.vocabulary.items():
            self._known.setdefault(label, {})[phrase] = self.extractor.vocabulary_entity(
                label, name
            )

    def add_known(self, entities: Iterable[Entity]) -> None:
        """Teach the resolver names already in the graph."""
        for entity in entities:
            self._known.setdefault(entity.label, {})[normalise(entity.name)] = entity

    def resolve(self, label: str, name: str) -> Entity | None:
        """The canonical entity for ``name`` of ``label``; None for a blank or invalid name."""
        key = normalise(name).strip(" .,;:")
        if not key or label not in self.extractor.schema.entity_labels:
            return None
        known = self._known.setdefault(label, {})
        if key in known:
            return known[key]
        if label == "Chemical":
            found = self._chemical(name.strip())
        elif label == "Unit":
            found = self.extractor.unit(name.strip())
        else:
            found = self._fuzzy(label, key)
        if found is None:
            found = Entity(entity_id(label, key), label, name.strip())
        known[key] = found
        return found

    def _chemical(self, name: str) -> Entity | None:
        from chemicals.identifiers import CAS_from_any

        from peoa.graph.extract import _chemical_db

        hit = self.extractor.extract(name)
        chemicals = [e for e in hit.entities if e.label == "Chemical"]
        if len(chemicals) == 1:
            return chemicals[0]
        try:
            cas = CAS_from_any(name)
        except Exception:  # chemicals raises ValueError and others for unknown names
            return None
        meta = _chemical_db().CAS_index.get(int(cas.replace("-", "")))
        return self.extractor.chemical(meta) if meta is not None else None

    def _fuzzy(self, label: str, key: str) -> Entity | None:
        known = self._known.get(label, {})
        if not known:
            return None
        match = process.extractOne(key, list(known), scorer=fuzz.ratio, score_cutoff=self.min_ratio)
        if match is None:
            return None
        candidate = known[match[0]]
        # A near-identical spelling is a typo; a looser one must also mean the same.
        if self.embedder is not None and match[1] < self.sure_ratio:
            vectors = self.embedder.embed([key, match[0]])
            if float(np.dot(vectors[0], vectors[1])) < self.min_cosine:
                return None
        return candidate
