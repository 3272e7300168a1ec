"""Deterministic entity extraction: chemicals, units, and the schema's vocabulary.

* **Chemicals** come from the ``chemicals`` database (PubChem metadata): names are
  matched on word n-grams, but only when the phrase is the compound's common or IUPAC
  name (not one of the thousands of trade synonyms) and not a word the schema lists as
  ambiguous in running English (``lead``, ``tin``, ...). CAS numbers are matched by
  pattern, check digit and database; formulas only when they have a digit or at least
  two element symbols (``H2O``, ``NaCl``; not ``He`` or ``Re``).
* **Units** are the word after a number that pint parses as a unit (``3 bar``,
  ``25 °C``, ``1.2 kg/m3``), canonicalised by pint.
* **Equipment, unit operations, properties, correlations and standards** are the
  schema's vocabulary, whole words, longest match first, synonyms resolved to the
  canonical term; vocabulary relations (``COMPUTES``, ``USED_IN``, ``PART_OF``) come along.

>>> found = Extractor().extract("Water at 25 °C flows through a centrifugal pump; "
...                             "the Colebrook equation gives the friction factor.")
>>> sorted(e.id for e in found.entities)  # doctest: +NORMALIZE_WHITESPACE
['chemical:7732-18-5', 'correlation:colebrook-equation', 'equipment:centrifugal-pump',
 'property:friction-factor', 'unit:degree_Celsius']
>>> [(r.source, r.type, r.target) for r in found.relations]
[('correlation:colebrook-equation', 'COMPUTES', 'property:friction-factor')]
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from peoa.graph.schema import GraphSchema, load_schema

__all__ = ["Entity", "Extraction", "Extractor", "Relation", "entity_id", "normalise"]

_WORD = re.compile(r"[A-Za-z0-9α-ωΑ-Ωε][\w'’\-]*[\w)]|[A-Za-z0-9]")
_CAS = re.compile(r"\b(\d{2,7})-(\d{2})-(\d)\b")
_FORMULA_TOKEN = re.compile(r"\b(?:[A-Z][a-z]?\d*){1,8}\b")
_ELEMENT = re.compile(r"[A-Z][a-z]?")
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_NUMBER_UNIT = re.compile(
    r"(?<![\w.])[-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?\s?"
    r"(°[CFR]|[A-Za-zµμΩ°%][A-Za-z0-9µμΩ°/·*^²³\-]*(?:\s?/\s?[A-Za-z][A-Za-z0-9²³^]*)?)"
)
_STANDARD = re.compile(
    r"\b(API|ASME|ISO|IEC|ANSI|ISA|TEMA|DIN|EN|BS|NFPA|ASTM)[\s-]?((?:[A-Z]\s?)?\d[\d.\-]*\d|\d)\b"
)
# Words after a number that pint would read as units but that are English here.
_UNIT_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "with",
        "stage",
        "stages",
        "times",
        "step",
        "steps",
        "trays",
        "tray",
        "x",
    ]
)
_MAX_NGRAM = 5


def normalise(text: str) -> str:
    """Lower-case, single-spaced, typographic quotes and dashes made plain.

    >>> normalise("  Raoult’s   Law ")
    "raoult's law"
    """
    text = text.replace("’", "'").replace("–", "-").replace("—", "-")
    return " ".join(text.casefold().split())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9.']+", "-", normalise(text)).strip("-")


def entity_id(label: str, key: str) -> str:
    """The stable id of an entity: its label and a normalised key.

    >>> entity_id("Equipment", "Centrifugal Pump")
    'equipment:centrifugal-pump'
    """
    return f"{label.lower()}:{_slug(key) if label != 'Unit' else key}"


@dataclass(frozen=True)
class Entity:
    id: str
    label: str
    name: str
    properties: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    aliases: tuple[str, ...] = field(default=(), compare=False, hash=False)


@dataclass(frozen=True)
class Relation:
    source: str
    type: str
    target: str


@dataclass
class Extraction:
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, entity: Entity) -> None:
        if entity.id not in self.counts:
            self.entities.append(entity)
        self.counts[entity.id] += 1


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _chemical_db() -> Any:
    from chemicals.identifiers import pubchem_db

    with _lock:
        pubchem_db.autoload_main_db()
    return pubchem_db


@lru_cache(maxsize=1)
def _unit_registry() -> Any:
    import pint

    return pint.UnitRegistry()


def _cas_text(number: int) -> str:
    digits = str(number)
    return f"{digits[:-3]}-{digits[-3:-1]}-{digits[-1]}"


def _cas_valid(text: str) -> bool:
    digits = text.replace("-", "")
    check = sum(int(d) * (i + 1) for i, d in enumerate(reversed(digits[:-1]))) % 10
    return check == int(digits[-1])


class Extractor:
    """The deterministic pass; one instance is reusable across documents (caches inside)."""

    def __init__(self, schema: GraphSchema | None = None, *, chemicals: bool = True) -> None:
        self.schema = schema or load_schema()
        self.use_chemicals = chemicals
        self._ambiguous = frozenset(normalise(w) for w in self.schema.chemicals.ambiguous)
        self._aliases = {normalise(k): v for k, v in self.schema.chemicals.aliases.items()}
        # phrase -> (label, canonical name); vocabulary relations by canonical entity id
        self.vocabulary: dict[str, tuple[str, str]] = {}
        self._relations: dict[str, list[Relation]] = {}
        for label, entries in self.schema.vocabulary.items():
            for entry in entries:
                for term in entry.terms:
                    self.vocabulary.setdefault(normalise(term), (label, entry.name))
        for label, entries in self.schema.vocabulary.items():
            for entry in entries:
                source = entity_id(label, entry.name)
                rels = self._relations.setdefault(source, [])
                for rel_type, targets in (
                    ("COMPUTES", entry.computes),
                    ("USED_IN", entry.used_in),
                    ("PART_OF", entry.part_of),
                ):
                    for target in targets:
                        found = self.vocabulary.get(normalise(target))
                        if found and self.schema.allows(rel_type, label, found[0]):
                            rels.append(Relation(source, rel_type, entity_id(*found)))
        self._units: dict[str, Entity | None] = {}
        self._chemicals: dict[str, Entity | None] = {}

    # ------------------------------------------------------------------ pieces
    def vocabulary_entity(self, label: str, name: str) -> Entity:
        aliases: tuple[str, ...] = ()
        for entry in self.schema.vocabulary.get(label, ()):
            if entry.name == name:
                aliases = entry.terms[1:]
        return Entity(entity_id(label, name), label, name, {}, aliases)

    def chemical(self, metadata: Any) -> Entity:
        cas = _cas_text(metadata.CAS)
        name = metadata.common_name or metadata.iupac_name or cas
        return Entity(
            entity_id("Chemical", cas),
            "Chemical",
            name,
            {"cas": cas, "formula": metadata.formula},
            tuple(a for a in (metadata.iupac_name, metadata.formula) if a and a != name),
        )

    def _chemical_by_name(self, phrase: str) -> Entity | None:
        if phrase in self._chemicals:
            return self._chemicals[phrase]
        found: Entity | None = None
        db = _chemical_db()
        if phrase in self._aliases:
            meta = db.CAS_index.get(int(self._aliases[phrase].replace("-", "")))
            found = self.chemical(meta) if meta else None
        elif phrase not in self._ambiguous and len(phrase) >= 3 and not phrase.isdigit():
            meta = db.name_index.get(phrase)
            if meta is not None and phrase in (
                normalise(meta.common_name or ""),
                normalise(meta.iupac_name or ""),
            ):
                found = self.chemical(meta)
        self._chemicals[phrase] = found
        return found

    def unit(self, text: str) -> Entity | None:
        """The pint unit ``text`` names, or None (cached)."""
        if text in self._units:
            return self._units[text]
        found: Entity | None = None
        clean = text.replace("·", "*").replace("^", "**").replace("²", "**2").replace("³", "**3")
        clean = clean.replace("μ", "µ").rstrip("-")
        clean = re.sub(r"([A-Za-z])(\d)", r"\1**\2", clean)  # m3 -> m**3
        if clean.lower() not in _UNIT_STOP and len(clean) <= 16:
            registry = _unit_registry()
            try:
                units = registry.parse_units(clean.replace(" ", ""))
            except Exception:  # pint raises a zoo of types on non-units
                units = None
            if units is not None and not units.dimensionless:
                canonical = str(units)
                found = Entity(
                    entity_id("Unit", canonical.replace(" ", "")),
                    "Unit",
                    canonical,
                    {"symbol": f"{units:~}", "dimensionality": str(units.dimensionality)},
                )
        self._units[text] = found
        return found

    # -------------------------------------------------------------------- pass
    def extract(self, text: str) -> Extraction:
        """All entities in ``text`` with mention counts, plus vocabulary relations."""
        result = Extraction()
        words = [(m.group(0), m.start()) for m in _WORD.finditer(text)]
        lowered = [normalise(w.rstrip(",")) for w, _ in words]
        i = 0
        while i < len(words):
            matched = 0
            for n in range(min(_MAX_NGRAM, len(words) - i), 0, -1):
                phrase = " ".join(lowered[i : i + n])
                hit = self._match_phrase(phrase)
                if hit is None and phrase.endswith("s") and len(phrase) > 4:
                    hit = self._match_phrase(phrase[:-1], vocabulary_only=True)
                if hit is not None:
                    result.add(hit)
                    matched = n
                    break
            i += matched or 1
        for match in _CAS.finditer(text):
            self._add_cas(match.group(0), result)
        for match in _FORMULA_TOKEN.finditer(text.translate(_SUBSCRIPTS)):
            self._add_formula(match.group(0), result)
        for match in _NUMBER_UNIT.finditer(text):
            unit = self.unit(match.group(1))
            if unit is not None:
                result.add(unit)
        for match in _STANDARD.finditer(text):
            name = f"{match.group(1)} {match.group(2).replace(' ', '')}"
            known = self.vocabulary.get(normalise(name))
            if known is None or known[0] == "Standard":
                label, canonical = known or ("Standard", name)
                entity = self.vocabulary_entity(label, canonical)
                if entity.id not in result.counts:  # the vocabulary pass may have it already
                    result.add(entity)
        seen = {e.id for e in result.entities}
        for entity in list(result.entities):
            for relation in self._relations.get(entity.id, ()):
                result.relations.append(relation)
                if relation.target not in seen:
                    label, name = self._by_id(relation.target)
                    result.entities.append(self.vocabulary_entity(label, name))
                    seen.add(relation.target)
        return result

    def _by_id(self, target: str) -> tuple[str, str]:
        for label, name in self.vocabulary.values():
            if entity_id(label, name) == target:
                return label, name
        raise KeyError(target)

    def _match_phrase(self, phrase: str, vocabulary_only: bool = False) -> Entity | None:
        known = self.vocabulary.get(phrase)
        if known is not None:
            return self.vocabulary_entity(*known)
        if vocabulary_only or not self.use_chemicals:
            return None
        return self._chemical_by_name(phrase)

    def _add_cas(self, text: str, result: Extraction) -> None:
        if not self.use_chemicals or not _cas_valid(text):
            return
        meta = _chemical_db().CAS_index.get(int(text.replace("-", "")))
        if meta is not None:
            result.add(self.chemical(meta))

    def _add_formula(self, token: str, result: Extraction) -> None:
        if not self.use_chemicals or len(token) < 2:
            return
        symbols = _ELEMENT.findall(token)
        if not any(c.isdigit() for c in token) and len(symbols) < 2:
            return
        if token.isupper() and not any(c.isdigit() for c in token):
            return  # acronyms such as CSTR, NPSH, PFR
        meta = _chemical_db().formula_index.get(token)
        if meta is None:
            meta = self._hill_lookup(token)
        if meta is not None:
            result.add(self.chemical(meta))

    @staticmethod
    def _hill_lookup(token: str) -> Any:
        """Inorganic formulas in any element order (NaCl is ClNa in Hill order).

        Organic ones must already be in Hill order: a condensed formula such as C2H5OH
        names one isomer, and the Hill formula C2H6O would pick an arbitrary one.
        """
        from chemicals.elements import atoms_to_Hill, simple_formula_parser

        try:
            atoms = simple_formula_parser(token)
        except Exception:  # not a formula after all
            return None
        if "C" in atoms or not atoms:
            return None
        return _chemical_db().formula_index.get(atoms_to_Hill(atoms))
