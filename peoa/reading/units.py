"""Units as engineers write them after a number: symbols, words, and the trade's habits.

:func:`read_unit` reads the longest unit that starts at a position of the text:

- symbols in any of the usual spellings (``m³/h``, ``kg/m3``, ``W/(m²·K)``, ``mPa·s``,
  ``J mol-1 K-1``), which the project's pint registry reads
  (:func:`peoa.tools.quantity.engineering_spelling`);
- units spelt out ("cubic metres per hour", "kilopascals", "degrees Celsius",
  "US gallons per minute", "pounds per square inch gauge", "per cent");
- gauge and absolute pressures written after the unit ("bar g", "bar absolute",
  "psi (a)"), standard gas volumes (``MMscfd``, ``Nm³/h``), and a bare ``C`` or ``F``
  after a number, which is a temperature here (pint reads coulomb and farad).

An English word that pint happens to know ("at" is a technical atmosphere, "are"
an area, "a" a year) is not a unit: words count only when they are known unit words,
and short symbols only when they are on the list of symbols engineers use.

>>> read_unit("20 m3/h of water", 3).unit
'm3/h'
>>> read_unit("63400 barrels per day.", 6).unit
'bbl/d'
>>> read_unit("150 pounds per square inch gauge", 4).unit
'psig'
>>> read_unit("at 25 degrees Celsius and", 6).unit
'degC'
>>> read_unit("a 35 m head", 5).unit
'm'
>>> read_unit("5 at the inlet", 2) is None
True
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from peoa.exceptions import ToolInputError
from peoa.tools.quantity import parse_quantity, ureg

__all__ = [
    "UnitRead",
    "canonical_dimensionality",
    "dimensionality_of",
    "read_unit",
    "unit_words",
]


@dataclass(frozen=True)
class UnitRead:
    """A unit read from the text: pint's spelling, the text as written, where it ends."""

    unit: str
    written: str
    end: int
    dimensionality: str


# Spelt-out unit words, singular and plural, and what pint should read for each.
_WORDS: dict[str, str] = {}


def _words(symbol: str, *names: str) -> None:
    for name in names:
        _WORDS[name] = symbol
        if not name.endswith(("s", "x", "z")) and name not in {"celsius", "fahrenheit"}:
            _WORDS[name + "s"] = symbol
            _WORDS[name + "es"] = symbol


for _symbol, _names in {
    "m": ("metre", "meter"),
    "mm": ("millimetre", "millimeter"),
    "cm": ("centimetre", "centimeter"),
    "km": ("kilometre", "kilometer"),
    "um": ("micrometre", "micrometer", "micron"),
    "inch": ("inch",),
    "ft": ("foot", "feet"),
    "yd": ("yard",),
    "mile": ("mile",),
    "L": ("litre", "liter"),
    "mL": ("millilitre", "milliliter"),
    "gal": ("gallon",),
    "bbl": ("barrel",),
    "s": ("second", "sec"),
    "min": ("minute",),
    "h": ("hour", "hr"),
    "d": ("day",),
    "yr": ("year", "annum"),
    "g": ("gram", "gramme"),
    "kg": ("kilogram", "kilogramme"),
    "t": ("tonne", "metric ton"),
    "lb": ("pound", "lbm", "pound mass", "pound-mass"),
    "lbf": ("pound force", "pound-force"),
    "mol": ("mole", "mol"),
    "kmol": ("kilomole", "kmol", "kgmol", "kg-mol", "kg mol"),
    "lbmol": ("pound mole", "pound-mole", "lb-mol", "lbmol"),
    "Pa": ("pascal",),
    "kPa": ("kilopascal",),
    "MPa": ("megapascal",),
    "bar": ("bar",),
    "mbar": ("millibar",),
    "atm": ("atmosphere", "atm"),
    "psi": ("psi",),
    "K": ("kelvin",),
    "degC": ("celsius", "centigrade"),
    "degF": ("fahrenheit",),
    "degR": ("rankine",),
    "W": ("watt",),
    "kW": ("kilowatt",),
    "MW": ("megawatt",),
    "J": ("joule",),
    "kJ": ("kilojoule",),
    "MJ": ("megajoule",),
    "cal": ("calorie",),
    "kcal": ("kilocalorie",),
    "Btu": ("btu", "british thermal unit"),
    "hp": ("horsepower", "horse power", "bhp"),
    "N": ("newton",),
    "kN": ("kilonewton",),
    "P": ("poise",),
    "cP": ("centipoise",),
    "St": ("stokes",),
    "cSt": ("centistokes",),
    "rpm": ("rpm", "revolutions per minute", "revolution per minute"),
    "Hz": ("hertz",),
    "%": ("percent", "per cent", "percentage"),
    "ppm": ("ppm", "part per million", "parts per million"),
    "rad": ("radian",),
}.items():
    _words(_symbol, *_names)

# Words that join unit words ("cubic metres per hour"); never a unit alone.
_POWER_WORDS = {"square": "**2", "sq": "**2", "cubic": "**3", "cu": "**3"}
_JOINERS = {"per": "/", "/": "/"}
_DEGREE_WORDS = frozenset({"degree", "degrees", "deg", "°", "º"})
_DEGREE_SCALES = {"c": "degC", "celsius": "degC", "centigrade": "degC", "f": "degF",
                  "fahrenheit": "degF", "r": "degR", "rankine": "degR", "k": "K",
                  "kelvin": "K"}  # fmt: skip
_GAUGE_WORDS = {"g": "g", "gauge": "g", "gage": "g", "(g)": "g", "(gauge)": "g",
                "a": "a", "abs": "a", "abs.": "a", "absolute": "a", "(a)": "a",
                "(abs)": "a", "(absolute)": "a"}  # fmt: skip
_PRESSURE_BASES = {"bar": "bar", "psi": "psi", "kpa": "kPa", "mpa": "MPa",
                   "kg/cm2": "kgcm2", "kg/cm²": "kgcm2", "kgf/cm2": "kgcm2",
                   "kgf/cm²": "kgcm2"}  # fmt: skip
# Short symbols that are units only as engineers use them; any other letters-only
# token must be a unit word above (pint knows "at", "are", "a", "hand", "point" ...).
_SYMBOLS = frozenset(
    """
    m mm cm km um µm μm nm in ft yd mi L l mL ml gal bbl bbls s sec min h hr hrs d yr g
    kg t lb lbs lbm lbf mol kmol lbmol gmol kgmol Pa kPa MPa GPa hPa bar mbar barg bara
    psi psia psig psid atm torr Torr mmHg inHg inH2O mmH2O mH2O ftH2O cmH2O kPag kPaa
    MPag MPaa K C F R degC degF degR W kW MW GW mW hp bhp J kJ MJ GJ Btu BTU MMBtu MMBTU
    MBtu cal kcal Gcal kWh MWh N kN lbf P cP cp mPa St cSt rpm Hz ppm ppmv ppmw ppb scf
    SCF scfm SCFM scfd SCFD Mscf MMscf MMscfd MMSCFD Nm3 Sm3 gpm GPM USgpm cfm CFM acfm ACFM
    rad deg mol%
    wt% vol% TR
    """.split()
)
_TEMPERATURE_LETTERS = {"C": "degC", "F": "degF", "R": "degR"}
_UNIT_CHARS = re.compile(r"[\d/·⋅*^°º²³⁻¹()%.\-]")
_TOKEN = re.compile(r"\S+")
_TRAILING = re.compile(r"[,;:?!\]]+$|\.$")
_MAX_TOKENS = 6

_EXTRA = (
    "MMBtu = 1e6 * Btu = MMBTU",
    "MBtu = 1e3 * Btu = MBTU",
    "lbm = pound",
    "bhp = horsepower",
)
for _definition in _EXTRA:
    with contextlib.suppress(Exception):  # defined already (the module was reloaded)
        ureg.define(_definition)


@lru_cache(maxsize=8192)
def dimensionality_of(unit: str) -> str | None:
    """Pint's dimensionality of a unit in pint's spelling, or ``None`` if it is no unit.

    The text is canonical (dimensions sorted), so equal dimensionalities compare equal
    whatever units they came from.

    >>> dimensionality_of("m3/h"), dimensionality_of("%"), dimensionality_of("blah")
    ('[length]^3 [time]^-1', 'dimensionless', None)
    >>> dimensionality_of("kW") == dimensionality_of("Btu/h")
    True
    """
    try:
        quantity = parse_quantity(1.0, unit) if unit else ureg.Quantity(1.0)
    except ToolInputError:
        return None
    except Exception:  # pint raises assorted errors on prose
        return None
    return canonical_dimensionality(quantity.dimensionality)


def canonical_dimensionality(dimensionality: Any) -> str:
    """``"[length]^3 [time]^-1"``: pint's dimensionality with its dimensions sorted."""
    parts = sorted((str(name), float(power)) for name, power in dict(dimensionality).items())
    if not parts:
        return "dimensionless"
    return " ".join(f"{name}^{power:g}" if power != 1 else name for name, power in parts)


def unit_words() -> frozenset[str]:
    """Every spelt-out unit word the reader knows (to tell units from prose)."""
    return frozenset(_WORDS) | frozenset(_POWER_WORDS) | {"per"}


_SLASH_NUMBER = re.compile(r"/(?=\d)(?!100\b)")


def _tokens(text: str, start: int) -> list[tuple[str, int, int]]:
    """Up to a few tokens from ``start``: words and symbol groups, with their ends; a
    clause mark after a token ends the list (its own characters are left out)."""
    out: list[tuple[str, int, int]] = []
    position = start
    while len(out) < _MAX_TOKENS:
        match = _TOKEN.match(text, position) or _TOKEN.search(text, position)
        if match is None or text[position : match.start()].count("\n"):
            break
        if match.start() - position > 2:
            break
        body, begin = match.group(), match.start()
        # Parentheses that open inside a token close inside the unit ("W/(m² K)").
        end = match.end()
        while body.count("(") > body.count(")"):
            more = _TOKEN.match(text, end + 1) if end < len(text) and text[end] == " " else None
            if more is None:
                break
            body, end = text[begin : more.end()], more.end()
        # "10 bar/200 °C" writes two states; a number after a slash starts the next value
        # (a per-100 length, "psi/100 ft", stays one unit).
        slash = _SLASH_NUMBER.search(body)
        if slash is not None:
            body, end = body[: slash.start()], begin + slash.start()
            out.append((body, begin, end)) if body else None
            break
        stripped = _TRAILING.sub("", body)
        if stripped.count(")") > stripped.count("("):
            stripped = stripped[: stripped.rfind(")")]
        if not stripped:
            break
        out.append((stripped, begin, begin + len(stripped)))
        if stripped != body:
            break  # a clause mark or a closing bracket ends the unit
        position = end
    return out


def _spoken(words: list[str]) -> str | None:
    """Pint's spelling of a unit written in words, ``None`` if the words are not one."""
    out: list[str] = []
    power = ""
    i = 0
    lowered = [w.lower() for w in words]
    while i < len(lowered):
        word = lowered[i]
        if word in _DEGREE_WORDS and i + 1 < len(lowered) and lowered[i + 1] in _DEGREE_SCALES:
            out.append(_DEGREE_SCALES[lowered[i + 1]])
            i += 2
            continue
        if word in _POWER_WORDS:
            power = _POWER_WORDS[word]
            i += 1
            continue
        if word in _JOINERS:
            if not out or out[-1] == "/":
                return None
            out.append("/")
            i += 1
            continue
        if word == "us" and i + 1 < len(lowered) and lowered[i + 1].startswith(("gal", "gpm")):
            i += 1
            continue
        pair = f"{word} {lowered[i + 1]}" if i + 1 < len(lowered) else ""
        if pair in _WORDS:
            symbol, i = _WORDS[pair], i + 2
        elif word in _WORDS:
            symbol, i = _WORDS[word], i + 1
        elif words[i] in _SYMBOLS and words[i] != "in":
            symbol, i = words[i], i + 1  # "kJ per kg": symbols joined by words
        else:
            return None
        if out and out[-1] != "/":
            out.append("*")
        out.append(f"({symbol}){power}" if power else symbol)
        power = ""
    if power or not out or out[-1] == "/":
        return None
    text = "".join(out)
    # "pounds per square inch" is a pressure in every engineering text, not a mass per area.
    return text.replace("lb/(inch)**2", "psi").replace("lbf/(inch)**2", "psi")


# The one-letter ratios that are units: a capacity rate or a UA in W/K, an entropy in J/K.
_PER_KELVIN = frozenset({"W/K", "J/K"})


def _is_symbol_token(token: str) -> bool:
    return bool(token in _SYMBOLS or _UNIT_CHARS.search(token))


def _symbolic(tokens: list[str]) -> str | None:
    """Pint's spelling of a unit written in symbols (each token a symbol), else ``None``."""
    if len(tokens) > 1 and tokens[0] in ("US", "U.S."):
        tokens = tokens[1:]  # "US gpm"
    if len(tokens) > 1 and "in" in tokens:
        return None  # "N in rpm" defines a symbol; "in" is an inch only alone
    if (
        len(tokens) == 1
        and re.fullmatch(r"[A-Z]/[A-Z]", tokens[0])
        and tokens[0] not in _PER_KELVIN
    ):
        return None  # "V/F", "L/D": a ratio of symbols, not volt per farad
    if not all(_is_symbol_token(t) for t in tokens):
        return None
    if len(tokens) == 2 and tokens[0] in _DEGREE_WORDS | {"°", "º"}:
        scale = _DEGREE_SCALES.get(tokens[1].lower())
        return scale
    text = " ".join(tokens)
    text = re.sub(r"[°º]\s*([CFR])\b", lambda m: _TEMPERATURE_LETTERS[m.group(1)], text)
    if text in _TEMPERATURE_LETTERS:
        return _TEMPERATURE_LETTERS[text]
    return text


def _with_gauge(unit: str, suffix: str) -> str | None:
    """``barg``/``bara`` for a pressure unit followed by "g"/"gauge" or "a"/"absolute"."""
    base = _PRESSURE_BASES.get(unit.lower())
    if base is None:
        return None
    if base == "kgcm2":
        return "kgcm2g" if suffix == "g" else "kgf/cm**2"
    if base == "bar" and suffix == "a":
        return "bara"
    return base + suffix if suffix == "g" or base in {"psi", "kPa", "MPa"} else base


def _candidate(tokens: list[str]) -> str | None:
    """Pint's spelling of ``tokens`` read as one unit, or ``None``."""
    *head, last = tokens
    suffix = _GAUGE_WORDS.get(last.lower()) if head else None
    if suffix is not None:
        inner = _candidate(head)
        gauge = _with_gauge(inner, suffix) if inner else None
        if gauge is not None:
            return gauge
    for reading in (_symbolic(tokens), _spoken(tokens)):
        if reading is not None and dimensionality_of(reading) is not None:
            return reading
    return None


_QUANTITY_NAME_AFTER = re.compile(r"\s*(?:fractions?|ratios?|percent|basis|balance|number)\b", re.I)


def _plausible_end(text: str, end: int, tokens: list[str]) -> bool:
    """An ``in`` (inch) must stand where an inch can: before a pipe word, a clause mark or
    the end, written ``in.``; elsewhere it is the preposition ("5 in the tank")."""
    if tokens[-1].lower() in _WORDS and _QUANTITY_NAME_AFTER.match(text[end:]):
        return False  # "0.98 mole fraction": the word names the quantity, not a unit
    if tokens[-1] != "in":
        return True
    named = re.search(r"\b(?:diameter|bore|ID|OD|thickness|size|dia)\b\W*(?:of\W+|is\W+)?[\d.,\s]*$",
                      text[max(0, end - 40) : end - len(tokens[-1])])  # fmt: skip
    if named is not None:
        return True  # "diameter 7.55 in transports …"
    rest = text[end:].lstrip()
    if not rest or rest[0] in ",;:)?!" or rest.startswith("."):
        return True
    following = rest.split(maxsplit=1)[0].lower().strip(",.;:")
    return following in {"pipe", "line", "diameter", "id", "od", "nps", "nominal", "sch",
                         "schedule", "bore", "long", "thick", "wide", "tube", "dia",
                         "diam", "inside", "outside", "valve", "header", "tubes", "sphere",
                         "spheres", "particle", "particles", "pellets", "beads", "balls",
                         "rings", "plate", "plates"}  # fmt: skip


_PER_OTHER = re.compile(r"(?:\s+of)?(?:\s+[A-Za-z][\w-]*){0,3}?\s+per\s+")
_YEAR = frozenset({"yr", "year", "a", "annum"})
_PER_YEAR = re.compile(r"^\(?(h|hr|hour|hours|d|day|days)\)?/\(?(?:yr|year|a|annum)\)?$")
_COEFFICIENT_BASIS = re.compile(r"\s+at\s+1(?:\.0)?\s+(bar|psi)\b")


def read_unit(text: str, start: int) -> UnitRead | None:
    """The longest unit written from ``start`` (spaces and one hyphen skipped), or ``None``.

    Two of the trade's ways of writing a unit are read whole: a ratio of two amounts of
    named things ("kg of water per kg of dry air", "mol air per mol fuel"), and a valve
    flow coefficient's basis ("m³/h at 1 bar" is a Kv in m³/h/bar^0.5, "US gpm at 1
    psi" a Cv).

    >>> read_unit("0.012 kg of water per kg of dry air", 6).unit
    '(kg)/(kg)'
    >>> read_unit("Kv 250 m³/h at 1 bar", 7).unit
    '(m³/h)/(bar)**0.5'
    >>> read_unit("runs 8000 h per year", 10).unit
    'h'
    """
    read = _read_one(text, start)
    if read is None:
        return None
    per = _PER_OTHER.match(text, read.end)
    other = _read_one(text, per.end()) if per else None
    if other is not None and read.dimensionality == "[time]" and other.unit in _YEAR:
        # "8000 h per year" is an operating time: hours in each year.
        return UnitRead(read.unit, text[start : other.end].strip(), other.end, "[time]")
    if per is not None and other is not None and "/" not in read.unit:
        unit = f"({read.unit})/({other.unit})"
        end = other.end
        tail = re.match(r"\s+of(?:\s+[A-Za-z][\w-]*){1,2}", text[end:])
        end += tail.end() if tail else 0
        dimensionality = dimensionality_of(unit)
        if dimensionality is not None:
            return UnitRead(unit, text[start:end].strip(), end, dimensionality)
    basis = _COEFFICIENT_BASIS.match(text, read.end)
    if basis is not None and read.dimensionality == "[length]^3 [time]^-1":
        unit = f"({read.unit})/({basis.group(1)})**0.5"
        dimensionality = dimensionality_of(unit)
        if dimensionality is not None:
            return UnitRead(unit, text[start : basis.end()].strip(), basis.end(), dimensionality)
    return read


# Dimensions no process quantity has: a reading with one is prose that pint happens to
# parse (a tesla, an ampere, a candela).
_NOT_PROCESS = ("[current]", "[luminosity]")


def _read_one(text: str, start: int) -> UnitRead | None:
    """The longest single unit written from ``start``."""
    position = start
    if text[position : position + 1] == "-" and text[position + 1 : position + 2].isalpha():
        position += 1  # "3-inch", "50-mm"
    tokens = _tokens(text, position)
    for n in range(len(tokens), 0, -1):
        words = [t for t, _, _ in tokens[:n]]
        end = tokens[n - 1][2]
        unit = _candidate(words)
        if unit is None or not _plausible_end(text, end, words):
            continue
        dimensionality = dimensionality_of(unit)
        if dimensionality is None:
            continue
        if yearly := _PER_YEAR.match(unit):
            unit, dimensionality = yearly.group(1), "[time]"  # "8000 h/yr": hours a year
        fraction = unit in ("%", "ppm", "ppb", "percent") or "%" in "".join(words)
        if dimensionality == "dimensionless" and not fraction and not {"ppmv", "ppmw"} & set(words):
            continue  # "rad", "turn" and friends stay unread: a bare number is clearer
        if any(d in dimensionality for d in _NOT_PROCESS) or "," in text[tokens[0][1] : end]:
            continue  # "(P in mmHg, T in °C)" is no unit of poise, inches and teslas
        return UnitRead(
            unit=unit,
            written=text[tokens[0][1] : end],
            end=end,
            dimensionality=dimensionality,
        )
    return None
