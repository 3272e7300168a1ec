"""Chemical equations a question writes ("CO + H2O(g) → CO2 + H2", "2A → products") and
the rate law's orders it states ("-rA = k CA²", "second-order in A", "elementary").

>>> (r,) = read_reactions("over the shift catalyst CO + H2O(g) → CO2 + H2 runs")
>>> r.species, r.coefficients, r.phases
(('CO', 'H2O', 'CO2', 'H2'), (-1.0, -1.0, 1.0, 1.0), (None, 'gas', None, None))
>>> read_reactions("A + B ⇌ C + D")[0].coefficients
(-1.0, -1.0, 1.0, 1.0)
>>> r = read_reactions("3A → products with rate −rA = k CA³, for 75 % conversion")[0]
>>> r.species, r.coefficients, r.key, r.orders
(('A', 'products'), (-3.0, 1.0), 'A', (3.0, 0.0))

A reaction named by its order alone ("a first-order liquid-phase reaction") is read as
A → products, first order in A; a gas-phase one is not (its change in moles is unknown):

>>> r = read_reactions("A first-order liquid-phase reaction (k = 0.2 1/min) in a CSTR")[0]
>>> r.species, r.orders
(('A', 'products'), (1.0, 0.0))
"""

from __future__ import annotations

import re

from peoa.reading.model import Reaction

__all__ = ["read_reactions"]

_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_PHASES = {"g": "gas", "l": "liquid", "s": "solid", "aq": "aqueous"}
# "A → products": the products unnamed; "n-C4H10 ⇌ i-C4H10": an isomer's prefix.
_NAME = r"(?:(?:(?<![\w-])[ni]-)?[A-Z][A-Za-z0-9₀-₉]*|products?\b)"
_TERM = rf"(?:\d+(?:\.\d+)?\s*)?{_NAME}(?:\s?\((?:g|l|s|aq)\))?"
_SIDE = rf"{_TERM}(?:\s*\+\s*{_TERM})*"
_EQUATION = re.compile(rf"(?P<left>{_SIDE})\s*(?:→|->|⟶|⇌|<=>|<->|=>|⇄|=)\s*(?P<right>{_SIDE})")
_ONE = re.compile(
    rf"(?:(?P<coef>\d+(?:\.\d+)?)\s*)?(?P<name>{_NAME})(?:\s?\((?P<phase>g|l|s|aq)\))?"
)
_ORDER_WORDS = {"zero": 0.0, "half": 0.5, "first": 1.0, "second": 2.0, "third": 3.0}
_ORDER = re.compile(
    r"\b(?P<n>zero|half|first|second|third)[- ]order\b"
    r"(?:\s+(?:in|with respect to)\s+(?P<species>[A-Z])\b)?",
    re.I,
)
_POWERS = {"²": 2.0, "³": 3.0, "½": 0.5}
# One concentration factor of a rate law: CA, C_A, C_{A}, [A], with a power (CA², CA^2).
_FACTOR = re.compile(
    r"\s*[·*×]?\s*(?:C_?\{?(?P<c>[A-Z])\}?|\[(?P<b>[A-Za-z0-9]+)\])"
    r"(?:\s*(?:\^|\*\*)\s*\(?(?P<power>\d+(?:\.\d+)?)\)?|(?P<sup>[²³½]))?"
)
_RATE_LAW = re.compile(r"(?<![A-Za-z])k(?:_?\d|_?[A-Z])?\s*(?=[·*×]?\s*(?:C_?\{?[A-Z]|\[))")
_CONVERSION_OF = re.compile(r"\bconversion\s+of\s+(?:the\s+)?(?:reactant\s+)?(?P<key>[A-Z])\b")
# "A first-order liquid-phase reaction", "an irreversible second-order reaction".
_ORDERED_REACTION = re.compile(
    r"\b(?P<n>zero|half|first|second|third)[- ]order\b(?:[\s,-]+[\w-]+){0,3}?\s+reactions?\b",
    re.I,
)


# A feed's words: "3 moles H2O per mole of CO", "pure A", "an H2/CO molar ratio of 2",
# "an equimolar feed", "in stoichiometric proportions".
_WORDS = r"[A-Za-z][\w₀-₉-]*(?:\s+[A-Za-z][\w₀-₉-]*)?"
_AMOUNT = r"(?:k?mol(?:e|es)?)"
_PER = re.compile(
    rf"(?P<n>\d+(?:\.\d+)?)\s*{_AMOUNT}\s+(?:of\s+)?(?P<a>{_WORDS})\s+(?:per|for\s+each|/)\s+"
    rf"(?:{_AMOUNT}\s+(?:of\s+)?)?(?P<b>{_WORDS})",
    re.I,
)
_RATIO = re.compile(
    r"(?P<a>[A-Za-z][\w₀-₉]*)\s*(?:/|:|-to-|\s+to\s+)\s*(?P<b>[A-Za-z][\w₀-₉]*)\s+"
    r"(?:(?:molar|mole)\s+)?ratio\s+(?:of\s+|is\s+|=\s*)?(?P<n>\d+(?:\.\d+)?)",
    re.I,
)
_PURE = re.compile(rf"\bpure\s+(?P<a>{_WORDS})", re.I)
_EQUIMOLAR = re.compile(r"\bequimolar\b", re.I)
_STOICHIOMETRIC = re.compile(
    r"\bstoichiometric\s+(?:feed|proportions?|ratio|amounts?|mixture)\b", re.I
)


def _species_named(words: str, species: tuple[str, ...]) -> str | None:
    """The species ``words`` name: its formula or letter, or a name of the same chemical
    ("steam" is H2O); the first word alone when the two do not name one."""
    from peoa.reading.substances import read_substances

    for name in dict.fromkeys([words.strip(), words.split()[0]]):
        plain = name.translate(_SUBSCRIPTS)
        if plain in species:
            return plain
        found = read_substances(plain)
        cas = found[0].cas if len(found) == 1 else None
        if cas is None:
            continue
        for one in species:
            same = read_substances(one)
            if len(same) == 1 and same[0].cas == cas:
                return one
    return None


def _feed(text: str, species: tuple[str, ...], coefficients: tuple[float, ...]
          ) -> tuple[tuple[float, ...] | None, tuple[tuple[int, int], ...]]:  # fmt: skip
    """The feed's mole ratios in species order and where they are written, when the words
    fix every reactant's (products unfed); else ``(None, ())``."""
    reactants = [s for s, c in zip(species, coefficients, strict=True) if c < 0]
    amounts: dict[str, float] = {}
    spans: list[tuple[int, int]] = []
    for pattern in (_PER, _RATIO):
        for match in pattern.finditer(text):
            a = _species_named(match.group("a"), species)
            b = _species_named(match.group("b"), species)
            if a is None or b is None or a == b:
                continue
            scale = amounts.get(b, 1.0)
            amounts.setdefault(b, scale)
            amounts[a] = float(match.group("n")) * scale
            spans.append(match.span())
    pure = [m for m in _PURE.finditer(text) if _species_named(m.group("a"), species)]
    shared = _EQUIMOLAR.search(text) or _STOICHIOMETRIC.search(text)
    if amounts:
        pass  # the ratios written settle it
    elif len(pure) == 1 and reactants == [_species_named(pure[0].group("a"), species)]:
        amounts, spans = {reactants[0]: 1.0}, [pure[0].span()]
    elif shared is not None:
        equal = shared.re is _EQUIMOLAR
        amounts = {s: 1.0 if equal else -c for s, c in zip(species, coefficients, strict=True)
                   if c < 0}  # fmt: skip
        spans = [shared.span()]
    if not amounts or set(reactants) - set(amounts):
        return None, ()
    return tuple(amounts.get(s, 0.0) for s in species), tuple(spans)


def _side(text: str, sign: float) -> list[tuple[str, float, str | None]]:
    terms = []
    for part in text.split("+"):
        match = _ONE.fullmatch(part.strip())
        if match is None:
            return []
        coefficient = float(match.group("coef") or 1.0)
        name = match.group("name").translate(_SUBSCRIPTS)
        terms.append((name, sign * coefficient, _PHASES.get(match.group("phase") or "")))
    return terms


def _rate_law(text: str, species: tuple[str, ...]) -> tuple[float, ...] | None:
    """The orders of a rate law written with the reaction's species ("k CA CB²")."""
    for match in _RATE_LAW.finditer(text):
        orders = dict.fromkeys(species, 0.0)
        at = match.end()
        while (factor := _FACTOR.match(text, at)) is not None:
            name = factor.group("c") or factor.group("b")
            if name not in orders:
                return None
            power = factor.group("power") or factor.group("sup")
            orders[name] += float(_POWERS.get(power, power or 1.0))
            at = factor.end()
        if at > match.end():
            return tuple(orders.values())
    return None


def _orders(text: str, species: tuple[str, ...], coefficients: tuple[float, ...],
            key: str) -> tuple[float, ...] | None:  # fmt: skip
    """The orders the question states: a rate law, orders in named species, one overall
    order, or an elementary reaction (orders = the reactants' coefficients)."""
    if (law := _rate_law(text, species)) is not None:
        return law
    reactants = {s: -c for s, c in zip(species, coefficients, strict=True) if c < 0}
    stated = [
        (_ORDER_WORDS[m.group("n").lower()], m.group("species")) for m in _ORDER.finditer(text)
    ]
    per_species = {name: n for n, name in stated if name is not None}
    if per_species:
        if not set(per_species) <= set(species):
            return None
        return tuple(per_species.get(s, 0.0) for s in species)
    overall = {n for n, _ in stated}
    elementary = re.search(r"\belementary\b", text, re.I) is not None
    if len(overall) == 1:
        (n,) = overall
        if len(reactants) == 1:
            return tuple(n if s == key else 0.0 for s in species)
        if n == sum(reactants.values()):
            elementary = True  # "A + B → C, second order": first order in each
        else:
            return None
    if elementary:
        return tuple(reactants.get(s, 0.0) for s in species)
    return None


def _key(text: str, species: tuple[str, ...], coefficients: tuple[float, ...]) -> str:
    """The reactant a conversion refers to: the one named ("conversion of B"), else the first."""
    reactants = [s for s, c in zip(species, coefficients, strict=True) if c < 0]
    named = _CONVERSION_OF.search(text)
    if named is not None and named.group("key") in reactants:
        return named.group("key")
    return reactants[0]


def _reaction(text: str, species: tuple[str, ...], coefficients: tuple[float, ...],
              phases: tuple[str | None, ...], span: tuple[int, int]) -> Reaction:  # fmt: skip
    key = _key(text, species, coefficients)
    feed, feed_spans = _feed(text, species, coefficients)
    return Reaction(species=species, coefficients=coefficients, phases=phases, span=span,
                    key=key, orders=_orders(text, species, coefficients, key), feed=feed,
                    feed_spans=feed_spans)  # fmt: skip


def read_reactions(text: str) -> list[Reaction]:
    """The chemical equations in ``text``, in order."""
    found = []
    for match in _EQUATION.finditer(text):
        left, right = _side(match.group("left"), -1.0), _side(match.group("right"), 1.0)
        # "Re = 5000" or "Z = 0.93" is no equation: both sides name species.
        if not left or not right or text[match.end("left") : match.start("right")].strip() == "=":
            continue
        if all(t[0].lower().startswith("product") for t in left):
            continue
        terms = left + right
        found.append(_reaction(text, tuple(t[0] for t in terms), tuple(t[1] for t in terms),
                               tuple(t[2] for t in terms), match.span()))  # fmt: skip
    ordered = _ORDERED_REACTION.search(text)
    if not found and ordered is not None and not re.search(r"\bgas(?:eous)?\b", text, re.I):
        # A reaction named by its order alone: the products do not matter to a liquid.
        found.append(_reaction(text, ("A", "products"), (-1.0, 1.0), (None, None), ordered.span()))
    return found
