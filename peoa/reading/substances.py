"""The chemicals, fluids and materials a question names.

A name is looked up the way the property tools look it up: CoolProp's fluids (names,
aliases, CAS numbers) first, then ``chemicals``' database for words that read as a
chemical name (two or more words such as "acetic acid", a chemical ending such as
"-ane" or "-ol", a formula such as ``CO2`` or ``H₂S``, a refrigerant number such as
``R-134a``). Common mixtures ("natural gas", "flue gas", "brine") are named but not
resolved: no property tool should look one up as a pure compound. Materials of
construction ("carbon steel", "cast iron") are kept apart from the fluids.

>>> [(s.name, s.canonical) for s in read_substances("Water at 25 °C flows in a carbon steel pipe.")]
[('Water', 'water'), ('carbon steel', None)]
>>> [s.cas for s in read_substances("A 40/60 benzene-toluene feed")]
['71-43-2', '108-88-3']
>>> [s.canonical for s in read_substances("saturated liquid n-hexane-n-heptane")]
['hexane', 'heptane']
>>> [s.cas for s in read_substances("the molecular weight of Ca(OH)2")]
['1305-62-0']
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Literal

from peoa.reading.model import Substance

__all__ = ["read_phase", "read_substances"]

_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_TOKEN = re.compile(
    r"[A-Z][A-Za-z0-9₀-₉]*(?:\([A-Za-z0-9₀-₉]+\)[0-9₀-₉]*)+[A-Za-z0-9₀-₉]*"  # Ca(OH)2
    r"|[A-Za-z][A-Za-z0-9₀-₉]*(?:-[A-Za-z0-9]+)*|\d+(?:,\d+)*-[A-Za-z][\w-]*"
)
_MIXTURES = frozenset(
    name.strip()
    for name in """natural gas|flue gas|fuel gas|syngas|synthesis gas|crude|crude oil|fuel oil|lube oil|
    lubricating oil|oil|brine|sea water|seawater|glycol solution|LPG|LNG|gasoline|diesel|
    kerosene|naphtha|condensate|sour gas|biogas|exhaust gas|combustion gas|hot oil|
    thermal oil|slurry|sludge|milk|juice""".split("|")
)
_MATERIALS = frozenset(
    name.strip()
    for name in """carbon steel|stainless steel|commercial steel|cast iron|ductile iron|galvanized iron|
    galvanised iron|galvanized steel|galvanised steel|wrought iron|steel|copper|brass|
    bronze|aluminium|aluminum|titanium|PVC|HDPE|concrete|glass|drawn tubing|
    plastic|lead|nickel""".split("|")
)
_ALIASES = {"steam": "water", "water vapour": "water", "water vapor": "water",
            "ice": "water", "freshwater": "water"}  # fmt: skip
_CHEMICAL_ENDING = re.compile(
    r"(?:ane|ene|yne|anol|enol|ol|one|ide|ate|ite|ine|yl|ether|ose|oxide)s?$", re.I
)
_FORMULA = re.compile(r"^(?:[A-Z][a-z]?\d*|\((?:[A-Z][a-z]?\d*)+\)\d*){1,8}$")
_REFRIGERANT = re.compile(r"^R-?\d{2,4}[a-zA-Z]{0,2}$")
# "Refrigerant-134a", the textbooks' spelling of R-134a.
_REFRIGERANT_WORD = re.compile(r"^refrigerant-(\d{2,4}[a-zA-Z]{0,2})$", re.I)
# Common words that look like chemical names by their ending.
_NOT_CHEMICALS = frozenset(
    """
    line pipeline turbine engine machine combine determine examine define routine rate
    state plate estimate calculate separate operate saturate concentrate moderate
    approximate accurate immediate adequate intermediate indicate duplicate evaporate
    one none zone done phone tone alone ozone total normal ideal nominal final internal
    external vertical horizontal actual thermal isothermal critical typical several
    local global general initial partial overall equal original potential special
    material mechanical chemical electrical cylindrical annual manual usual interval
    inside outside side wide provide guide divide decide slide control pool tool those
    whose suppose purpose close hose choose dose loose plane lane crane scene site ane
    ene ol al hydraulic medium
    """.split()
)
# Words never read as chemicals even when a database knows them (symbols, units, verbs).
_STOP = frozenset(
    """
    a an at as in is it of on or to be by do go no so up us we he me my the and for are
    was use per via kg mol bar psi atm rpm gpm kpa mpa kw mw hp pump flow heat head pipe
    tank line feed duty work fan gas liquid vapor vapour inlet outlet stream
    """.split()
)


@lru_cache(maxsize=1)
def _coolprop_names() -> dict[str, str]:
    from peoa.tools.chemical import coolprop_fluids

    return coolprop_fluids()


# Formulas without a digit that process questions write.
_PLAIN_FORMULAS = frozenset({"CO", "HCl", "NaCl", "NaOH", "KOH", "HF", "HBr", "NO", "HCN"})
# Short names that are fluids (CoolProp also knows "MM", "D4" … which read as prose here).
_SHORT_FLUIDS = frozenset({"air", "he", "ar", "ne", "kr", "xe"})
_GENERIC_LAST = frozenset(
    """
    solution mixture feed stream liquid gas vapour vapor phase side mass flow
    """.split()
)
_CHEMICAL_WORDS = frozenset(
    ["acid", "oxide", "dioxide", "monoxide", "glycol", "alcohol", "ether", "ester"]
)


def _looks_chemical(name: str) -> bool:
    words = name.split()
    if len(words) >= 2:
        if words[-1].lower() in _GENERIC_LAST:
            return False
        if any(len(w) < 3 or not w.isalpha() or w.lower() in _STOP for w in words):
            return False
        return any(
            w.lower() in _CHEMICAL_WORDS or _CHEMICAL_ENDING.search(w.lower()) for w in words
        )
    word = words[0]
    if _REFRIGERANT.match(word) or word in _PLAIN_FORMULAS:
        return True
    if re.fullmatch(r"[in]C\d{1,2}", word):
        return True  # iC4, nC5: the trade's names of the butanes and pentanes
    if _FORMULA.match(word) and any(c.isdigit() for c in word):
        # "P1", "T2" are symbols; of one element with a count only the diatomic gases
        # ("H2", "N2", "Cl2") are written as chemicals.
        single = re.fullmatch(r"([A-Z][a-z]?)(\d+)", word)
        return single is None or single.group(1) in {"H", "N", "O", "F", "Cl", "Br", "I"}
    lowered = word.lower()
    if lowered in _NOT_CHEMICALS or len(lowered) < 5 or not re.fullmatch(r"[a-z][a-z-]*", lowered):
        return False
    return bool(_CHEMICAL_ENDING.search(lowered)) or "-" in lowered


@lru_cache(maxsize=4096)
def _resolve(name: str) -> tuple[str, str] | None:
    """``(CAS, library name)`` for a pure compound named ``name``, or ``None``."""
    from chemicals.identifiers import CAS_from_any, search_chemical

    if spelled := _REFRIGERANT_WORD.match(name):
        name = f"R{spelled.group(1)}"
    lowered = name.lower()
    known = _ALIASES.get(lowered, lowered)
    if known in _STOP:
        return None
    fluid = _coolprop_names().get(known)
    short = fluid is not None and len(known) <= 3 and known not in _SHORT_FLUIDS
    if short and not (_FORMULA.match(name) and any(c.isdigit() for c in name)):
        fluid = None  # "MM", "D4": CoolProp siloxanes, prose in a question
    if fluid is None and not _looks_chemical(name):
        return None
    if fluid is not None:
        from peoa.tools.chemical import resolve_chemical

        chemical = resolve_chemical(fluid)
        return chemical.CAS, chemical.name
    try:
        cas = CAS_from_any(known if known != lowered else name)
        return cas, search_chemical(cas).common_name or name
    except Exception:  # chemicals raises plain errors for names it does not know
        return None


def _candidates(text: str) -> list[tuple[str, int, int]]:
    """Runs of up to three words within a clause, longest first at each position."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found: list[tuple[str, int, int]] = []
    for i in range(len(tokens)):
        for n in (3, 2, 1):
            run = tokens[i : i + n]
            if len(run) < n:
                continue
            # Words of one name are separated by single spaces only.
            if any(text[a[2] : b[1]] != " " for a, b in itertools.pairwise(run)):
                continue
            found.append((" ".join(t[0] for t in run), run[0][1], run[-1][2]))
    return found


def _split_pairs(name: str, start: int) -> list[tuple[str, int, int]]:
    """ "benzene-toluene" and "n-hexane-n-heptane" name two chemicals; "n-butane" and
    "R-134a" name one."""
    parts = name.split("-")
    if len(parts) == 2 and all(len(p) > 3 for p in parts):
        return [(parts[0], start, start + len(parts[0])),
                (parts[1], start + len(parts[0]) + 1, start + len(name))]  # fmt: skip
    for cut in range(1, len(parts)):
        left, right = "-".join(parts[:cut]), "-".join(parts[cut:])
        if len(left) > 3 and len(right) > 3 and _resolve(left) and _resolve(right):
            return [(left, start, start + len(left)),
                    (right, start + len(left) + 1, start + len(name))]  # fmt: skip
    return []


def read_substances(text: str) -> list[Substance]:
    """The substances ``text`` names, in order, each once."""
    taken: list[tuple[int, int]] = []
    found: list[Substance] = []
    seen: set[str] = set()

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for name, start, end in _candidates(text):
        if not free(start, end):
            continue
        plain = name.translate(_SUBSCRIPTS)
        lowered = plain.lower()
        substance: Substance | None = None
        if lowered in _MATERIALS or plain in _MATERIALS:
            substance = Substance(name=name, span=(start, end), material=True)
        elif lowered in _MIXTURES or plain in _MIXTURES:
            substance = Substance(name=name, span=(start, end))
        elif (resolved := _resolve(plain)) is not None:
            cas, canonical = resolved
            substance = Substance(name=name, span=(start, end), cas=cas, canonical=canonical)
        elif " " not in name and (pairs := _split_pairs(plain, start)):
            for part, a, b in pairs:
                if (resolved := _resolve(part)) is not None and resolved[0] not in seen:
                    seen.add(resolved[0])
                    taken.append((a, b))
                    found.append(Substance(name=text[a:b], span=(a, b), cas=resolved[0],
                                           canonical=resolved[1]))  # fmt: skip
            continue
        if substance is None:
            continue
        taken.append((start, end))
        key = substance.cas or lowered
        if key in seen:
            continue
        seen.add(key)
        found.append(substance)
    return sorted(found, key=lambda s: s.span)


# Words that put the process fluid in one phase. Names of properties ("vapour pressure",
# "gas constant", "liquid density") say nothing about the phase the fluid is in.
_PROPERTY_NAMES = re.compile(
    r"\b(?:vapou?r\s+(?:pressure|fraction|quality|density|phase\s+fraction)|gas\s+constant|"
    r"liquid\s+(?:density|fraction|holdup|level|head)|ideal[-\s]gas|vapou?r[-\s]liquid|"
    r"gas[-\s]liquid|liquid[-\s]vapou?r|two[-\s]phase|flash\w*|boil\w*|condens\w*)\b",
    re.IGNORECASE,
)
_GAS_WORDS = re.compile(
    r"\b(?:steam|vapou?rs?|gas|gases|gaseous|air|methane|natural\s+gas|flue\s+gas)\b",
    re.IGNORECASE,
)
_LIQUID_WORDS = re.compile(r"\b(?:liquids?|crude|oil|brine|slurry)\b", re.IGNORECASE)


def read_phase(text: str) -> Literal["liquid", "gas"] | None:
    """The phase the question's fluid is in, when its words say one and only one:
    ``"gas"`` (steam, a vapour, a gas) or ``"liquid"``; ``None`` when they say neither
    or both (a vapour pressure or a flash says nothing about the flowing fluid).

    >>> read_phase("A safety valve must relieve 10 t/h of saturated steam at 15 barg.")
    'gas'
    >>> read_phase("A liquid of vapour pressure 30 kPa is pumped at 20 m3/h.")
    'liquid'
    >>> read_phase("Water at 25 °C flows at 2 m/s.") is None
    True
    """
    plain = _PROPERTY_NAMES.sub(" ", text)
    gas, liquid = bool(_GAS_WORDS.search(plain)), bool(_LIQUID_WORDS.search(plain))
    if gas == liquid:
        return None
    return "gas" if gas else "liquid"
