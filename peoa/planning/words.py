"""Words as the planner compares them: stems, engineers' synonyms, and phrases.

A quantity is named in many ways ("inside diameter", "ID", "bore"; "vapour pressure",
"vapor pressure"). :func:`stem` folds a word to a comparable form, and a
:class:`Vocabulary` holds the phrases and symbols that name something (a kind, a tool
argument, a tool output), each with a weight, and scores how well a mention's words or
the question's asking words name it.

>>> stem("Vapour"), stem("diameters"), stem("inner"), stem("ID")
('vapor', 'diameter', 'inside', 'id')
>>> v = Vocabulary.build([("vapour pressure", 2.0), ("pressure", 0.5)], symbols=["Psat"])
>>> v.score_words(["the", "vapor", "pressure", "of", "water"])
3.0
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["STOP", "Vocabulary", "phrases_in", "stem", "stems"]

_SYNONYMS = {
    "vapour": "vapor", "vapourisation": "vaporization", "vaporisation": "vaporization",
    "vaporised": "vaporized", "vaporise": "vaporize", "inner": "inside", "internal": "inside",
    "interior": "inside", "outer": "outside", "external": "outside", "metre": "meter",
    "litre": "liter", "centre": "center", "centreline": "centerline", "colour": "color",
    "gage": "gauge", "i.d": "id", "o.d": "od", "dia": "diameter", "diam": "diameter",
    "temp": "temperature", "visc": "viscosity", "coeff": "coefficient", "eff": "efficiency",
    "upstream": "inlet", "downstream": "outlet", "suction": "inlet", "discharge": "outlet",
    "entering": "inlet", "leaving": "outlet", "initial": "inlet", "final": "outlet",
    "supply": "inlet", "exit": "outlet", "in": "in", "out": "out", "heated": "heat",
    "heating": "heat", "cooled": "cool", "cooling": "cool", "boiling": "boil", "boils": "boil",
    "delivery": "outlet", "delivers": "outlet", "delivered": "outlet", "intake": "inlet",
    "feed": "inlet", "product": "outlet", "effluent": "outlet", "mean": "average",
    "avg": "average",
}  # fmt: skip
STOP = frozenset(
    "a an the of at in on to for with by from and or as is are was be it its this that "
    "what which how much many per into than then there their each all any some given "
    "find calculate compute determine estimate use using value values through via when "
    "where while".split()
)
_TOKEN = re.compile(r"[A-Za-zα-ωΑ-ΩΔ][\w./'’-]*|\d+(?:\.\d+)?")


def stem(word: str) -> str:
    """A word folded for comparison: lower case, British and synonymous spellings joined,
    a plural's "s" dropped, an adjective in "-ional" folded to its noun.

    >>> stem("Frictional"), stem("fractions"), stem("total")
    ('friction', 'fraction', 'total')
    """
    lowered = word.lower().strip(".,;:()'’")
    lowered = _SYNONYMS.get(lowered, lowered)
    if len(lowered) > 4 and lowered.endswith("ies"):
        lowered = lowered[:-3] + "y"
    elif len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")):
        lowered = lowered[:-1]
    elif len(lowered) > 7 and lowered.endswith("ional"):
        lowered = lowered[:-2]  # "frictional loss" names the friction loss
    return _SYNONYMS.get(lowered, lowered)


def stems(words: Iterable[str]) -> list[str]:
    """The stems of ``words`` that carry meaning (stop words dropped)."""
    return [stem(w) for w in words if w.lower() not in STOP and stem(w)]


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _split(words: Sequence[str], weights: Sequence[float] | None) -> tuple[list[str], list[float]]:
    """Hyphenated words as their parts ("dew-point" is "dew point"), a ratio's too ("cp/cv"
    is "cp cv"), weights carried along."""
    out: list[str] = []
    out_weights: list[float] = []
    for i, word in enumerate(words):
        joined = re.search(r"[-/]", word[1:]) is not None
        parts = [p for p in re.split(r"[-/]", word) if p] if joined else [word]
        out += parts
        out_weights += [weights[i] if weights is not None else 1.0] * len(parts)
    return out, out_weights


def phrases_in(phrase: Sequence[str], words: Sequence[str]) -> list[int]:
    """Where the stemmed ``phrase`` occurs in the stemmed ``words`` (start positions)."""
    n = len(phrase)
    if n == 0:
        return []
    return [i for i in range(len(words) - n + 1) if list(words[i : i + n]) == list(phrase)]


@dataclass(frozen=True)
class Vocabulary:
    """Phrases (as stem tuples, with weights) and symbols (case-sensitive) naming a thing."""

    phrases: tuple[tuple[tuple[str, ...], float], ...]
    symbols: frozenset[str] = frozenset()

    @classmethod
    def build(cls, phrases: Iterable[tuple[str, float]], symbols: Iterable[str] = ()) -> Vocabulary:
        best: dict[tuple[str, ...], float] = {}
        for text, weight in phrases:
            parts, _ = _split(tokens(text), None)
            key = tuple(stem(w) for w in parts if stem(w))
            # The reading drops "value" from the asking words ("what value of …"), so a
            # name ends before it: "lower heating value" is named by "lower heating".
            if len(key) > 1 and key[-1] == "value":
                key = key[:-1]
            # Single stop words name nothing; a phrase keeps its inner stop words.
            if not key or (len(key) == 1 and key[0] in STOP):
                continue
            best[key] = max(weight, best.get(key, 0.0))
        return cls(phrases=tuple(sorted(best.items())), symbols=frozenset(symbols))

    def score_words(self, words: Sequence[str], weights: Sequence[float] | None = None) -> float:
        """How strongly ``words`` name this thing: the sum over its phrases found in them of
        the phrase's weight times the weight of the word where it starts (default 1)."""
        split, split_weights = _split(words, weights)
        stemmed = [stem(w) for w in split]
        total = 0.0
        for phrase, weight in self.phrases:
            found = phrases_in(phrase, stemmed)
            if found:
                position = split_weights[found[0]]
                total += weight * position * (1.0 + 0.25 * (len(phrase) - 1))
        return total
