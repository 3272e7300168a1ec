"""Every number a question writes, as a :class:`~peoa.reading.model.Mention`.

One pattern finds numbers (:data:`NUMBER`: signs, thousands separators, exponents as
``1.2e5``, ``1.2 × 10^5`` or ``1.2×10⁵``); for each, :func:`~peoa.reading.units.read_unit`
reads the unit written after it. A number then gets its role:

- ``reference``: part of a citation or a name ("API 520", "ISO 5167-3", "Table 4.2",
  "Churchill (1977)", "R-134a", "CO2");
- ``formula``: a constant in a formula the question writes ("Nu = 0.023 Re^0.8",
  "(0.790 ln Re − 1.64)⁻²");
- ``data``: everything else, a value given for the problem.

The symbol written before a value ("Z = 0.91", "k = 1.29"; "Kb = Kc = 1" gives one
value to each) and the trade's designations ("NPS 6", "DN 150", "schedule 80",
"MW 44" (g/mol), "SG 0.85") are kept with it, and so are the words around it in its
clause, and the noun phrase it describes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from peoa.exceptions import ToolInputError
from peoa.reading.model import Mention, MentionRole
from peoa.reading.units import UnitRead, read_unit
from peoa.tools.quantity import Quantity, dimension_of_unit, gas_volume_basis, to_si

__all__ = ["NUMBER", "number_value", "read_mentions", "words_of"]

_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
NUMBER = re.compile(
    r"(?<![\w.,^*])(?<![\d)\]]/)(?<![^A-Za-z]/)(?<![a-z]{3}/(?=100\b))(?<![A-Za-z]-)(?<!\d-)"
    r"(?<![A-Za-z]°)"  # "ΔH°298": a standard state's temperature in a symbol's name
    r"(?P<sign>[-+−](?=[\d.]))?"
    r"(?P<digits>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"(?P<exp>[eE][-+−]?\d+"
    r"|\s?[×x*]\s?10\s?(?:\^|\*\*)\s?[-+−]?\d+"
    r"|\s?[×x]\s?10[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?"
    r"(?![\d])"
)
"""A number as written in engineering prose; the one number pattern of the reading."""

_WORD = re.compile(r"[A-Za-zÀ-ÿα-ωΑ-ΩΔμρ][\w'’-]*")
# Where a clause ends: the words around a value stop there.
_CLAUSE = re.compile(r"[;:?!()\[\]]|,(?!\d{3})|\.(?!\d)|\s-\s|\s–\s|\s—\s")
_CITATION_WORDS = frozenset(
    """
    table tab fig figure eq eqn equation section sec chapter ch part example problem
    appendix no vol rev edition ed item page p pp step case option
    """.split()
)
_STANDARD_BODIES = frozenset(
    """
    API ISO IEC ASME ANSI ASTM HI TP NFPA EN DIN BS TEMA AGA GPA IEEE ISA RP Std MSS CSA
    NACE IS JIS UL OSHA EPA NIST DIPPR GPSA
    """.split()
)
_SYMBOL_BEFORE = re.compile(
    r"(?<![\w′'’/.])(?P<symbol>[A-Za-zα-ωΑ-ΩΔμρηεγκλ][\w′'’/.°]{0,9}(?:\s?\([\w ,.]{1,12}\))?)"
    r"\s*(?:=|≈)\s*\[?\s*$"  # "z = [0.3, 0.4, 0.3]": the list's first value
)
# A dimensionless group raised to a power, or a function: the number before it is a
# formula's constant ("Nu = 0.023 Re^0.8", "(0.790 ln Re - 1.64)"), not a value.
_FORMULA_AFTER = re.compile(
    r"\s?(?:(?:Re|Pr|Nu|Gr|Ra|Sc|Sh|Pe|Ma|We|Fr|Bi|Le|St)\b\s?(?:\^|\*\*|[⁰¹²³⁴⁵⁶⁷⁸⁹⁻])"
    r"|ln\b|log\b|exp\b)"
)
# An operator before a number makes it a formula's ("x/2", "2*(…"); a slash after a unit
# word separates two states ("10 bar/200 °C").
_OPERATOR_BEFORE = re.compile(r"(?:(?<![A-Za-z]{2})[\w)]\s?/|[\w)]\s?[−+*×^]|[−+*/×^]\s?\()\s?$")
_ALLOWANCE = re.compile(r"[A-Za-z)]\s?\+\s?$")
_YEAR_AFTER_NAME = re.compile(r"[A-Z][a-z]+(?: et al\.?)?,?\s*\($")
_EACH = re.compile(r"^\s*(?:each|apiece|per (?:fitting|elbow|valve|bend|item|unit))\b", re.I)

# The trade's designations: what the number is, and the unit it carries by convention.
_DESIGNATIONS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("NPS", re.compile(r"\b(?:NPS|nominal pipe size|nominal size)\s*(?:of\s+)?$", re.I), ""),
    ("DN", re.compile(r"\bDN\s*$"), ""),
    ("schedule", re.compile(r"\b(?:schedule|sch\.?)\s*$", re.I), ""),
    ("MW", re.compile(r"\b(?:MW|M\.W\.|Mw|mol(?:ecular|ar)? (?:weight|mass))\s*(?:=|:|of|is)?\s*$"), "g/mol"),
    ("SG", re.compile(r"\b(?:SG|S\.G\.|sp\.?\s?gr\.?|specific gravity|relative density)\s*(?:=|:|of|is)?\s*$", re.I), ""),
)  # fmt: skip
# Metric nominal sizes (DN, ISO 6708) and the NPS they designate (ASME B36.10M table 1).
# Keyed by float: the value read is one, and 150.0 finds the entry of DN 150.
_DN_TO_NPS: dict[float, float] = {
    6: 0.125, 8: 0.25, 10: 0.375, 15: 0.5, 20: 0.75, 25: 1.0, 32: 1.25, 40: 1.5, 50: 2.0,
    65: 2.5, 80: 3.0, 90: 3.5, 100: 4.0, 125: 5.0, 150: 6.0, 200: 8.0, 250: 10.0, 300: 12.0,
    350: 14.0, 400: 16.0, 450: 18.0, 500: 20.0, 550: 22.0, 600: 24.0, 650: 26.0, 700: 28.0,
    750: 30.0, 800: 32.0, 850: 34.0, 900: 36.0, 1000: 40.0, 1050: 42.0, 1200: 48.0,
}  # fmt: skip
_NPS_AFTER = re.compile(r"^\s*(?:-?\s*(?:in(?:ch)?\.?|\"|″)\s*)?(?:NPS|nominal)\b", re.I)
# A size in inches with a schedule is a nominal size: "4-inch schedule 40", '6" sch 80 line'.
_INCH_SCHEDULE = re.compile(
    r"^\s*-?\s*(?:in(?:ch(?:es)?)?\.?|\"|″)\s*(?:[A-Za-z-]+\s+){0,2}?(?:schedule|sch\.?)\s*(?:\d|STD|XX?S)",
    re.I,
)
_SCHEDULE_LABEL = re.compile(r"^(?:\d+S?|STD|XS|XXS)\b", re.I)
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "twelve": 12}  # fmt: skip
_STOP = frozenset(
    """
    a an the of at in on to for with by from and or as is are was be been being its it
    this that these those which whose who what how much many per into onto than then
    there their each all any some
    """.split()
)


def number_value(match: re.Match[str]) -> float:
    """The value of a :data:`NUMBER` match.

    >>> number_value(NUMBER.search("about 1,250.5 kg")), number_value(NUMBER.search("−3.2e-3"))
    (1250.5, -0.0032)
    >>> number_value(NUMBER.search("1.2 × 10^5 Pa")), number_value(NUMBER.search("4×10⁻³"))
    (120000.0, 0.004)
    """
    digits = match.group("digits").replace(",", "")
    value = float(digits)
    exp = match.group("exp")
    if exp:
        text = exp.translate(_SUPERSCRIPT_DIGITS).replace("−", "-")
        power = re.search(r"[eE]([-+]?\d+)$", text) or re.search(
            r"10\s?(?:\^|\*\*)?\s?([-+]?\d+)$", text
        )
        value *= 10.0 ** int(power.group(1)) if power else 1.0
    sign = match.group("sign")
    return -value if sign in ("-", "−") else value


def words_of(text: str) -> list[str]:
    """The words of ``text``, in order (letters first; hyphens and digits may follow)."""
    return _WORD.findall(text)


@dataclass
class _Found:
    start: int
    end: int
    value: float
    unit: UnitRead | None
    role: MentionRole
    symbols: tuple[str, ...]
    designation: str | None
    each: bool = False


def number_role(text: str, start: int, end: int) -> MentionRole:
    """What the number at ``text[start:end]`` is: data, part of a reference or a formula."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 12]
    last_word = (words_of(before)[-1:] or [""])[0]
    tail = before.rstrip()
    if last_word in _STANDARD_BODIES and before.endswith(
        (last_word + " ", last_word + "-", last_word)
    ):
        return "reference"
    if last_word.lower().rstrip(".") in _CITATION_WORDS and re.search(
        rf"\b{re.escape(last_word)}\.?\s*$", before
    ):
        return "reference"
    if _YEAR_AFTER_NAME.search(tail) and after.startswith(")"):  # "Churchill (1977)"
        return "reference"
    if after[:1].isalpha() and after[:1] not in "eE":
        return "reference"  # "134a", "2nd": part of a name, unless a unit follows directly
    percent = after.lstrip().startswith("%") or text[end - 1 : end] == "%"
    if _ALLOWANCE.search(before) and percent:
        return "data"  # "set at 10.2 barg + 10%": a percentage added on, not a formula's
    if _FORMULA_AFTER.match(after) or _OPERATOR_BEFORE.search(before):
        return "formula"
    return "data"


def _symbols(text: str, start: int) -> tuple[str, ...]:
    """The symbols a value is set equal to, nearest first ("Kb = Kc = 1" -> Kc, Kb)."""
    found: list[str] = []
    end = start
    while True:
        match = _SYMBOL_BEFORE.search(text[max(0, end - 30) : end])
        if match is None:
            break
        symbol = match.group("symbol").strip()
        # A capital letter set equal to a value is a symbol ("A = 6.85"), not an article.
        article = symbol.lower() in _STOP and not (len(symbol) == 1 and symbol.isupper())
        if article or len(symbol) > 12:
            break
        found.append(symbol)
        end = end - (len(text[max(0, end - 30) : end]) - match.start())
    return tuple(found)


# A symbol written right before its value, without "=" ("k 1.31", "Re 149000", "D 13.7 mm").
_BARE_SYMBOL = re.compile(r"(?<![\w′'’/.-])(?P<symbol>[A-Za-zα-ωΑ-ΩΔμρηεγκλ][A-Za-z0-9_]{0,5})\s+$")
# A longer one is subscripted ("h_fg", "dH_rxn") or capitals with a lower-case suffix
# ("NPSHr"): a word is neither.
_LONG_SYMBOL = re.compile(r"^(?:[^_]{1,3}_\w{1,4}|[A-Z]{2,5}[a-z]?)$")
_NOT_SYMBOLS = frozenset(
    "a an at as in is it of on or to by be do if no so up we and the for per via two one six "
    "ten max min new old air gas oil all any are was has had its our few low".split()
)


def _bare_symbol(text: str, start: int) -> str | None:
    match = _BARE_SYMBOL.search(text[max(0, start - 9) : start])
    if match is None:
        return None
    symbol = match.group("symbol")
    if len(symbol) > 3:
        return symbol if _LONG_SYMBOL.match(symbol) else None
    looks = len(symbol) == 1 or any(c.isupper() or c.isdigit() or c == "_" for c in symbol[1:])
    looks = looks or (symbol[0].isupper() and len(symbol) <= 2)
    return symbol if looks and symbol.lower() not in _NOT_SYMBOLS else None


def _designation(text: str, start: int, end: int) -> tuple[str | None, str]:
    before = text[max(0, start - 40) : start]
    for name, pattern, unit in _DESIGNATIONS:
        if pattern.search(before):
            return name, unit
    if _NPS_AFTER.match(text[end : end + 20]) or _INCH_SCHEDULE.match(text[end : end + 40]):
        return "NPS", ""
    return None, ""


def _scan(text: str) -> Iterator[_Found]:
    for match in NUMBER.finditer(text):
        start, end = match.span()
        value = number_value(match)
        designation, implied = _designation(text, start, end)
        formula = designation is None and number_role(text, start, end) == "formula"
        unit = read_unit(text, end) if designation in (None, "MW") and not formula else None
        if designation == "NPS" and (
            _NPS_AFTER.match(text[end : end + 20]) or _INCH_SCHEDULE.match(text[end : end + 40])
        ):
            inch = re.match(r"^\s*-?\s*(?:in(?:ch)?\.?|\"|″)", text[end:])
            end = end + inch.end() if inch else end
        if designation == "DN" and value in _DN_TO_NPS:
            # DN 150 is NPS 6; the span takes the designation, so "DN 150" is what was read.
            designation, value = "NPS", _DN_TO_NPS[value]
            start = text.rindex("DN", 0, start)
        if designation == "schedule":
            label = _SCHEDULE_LABEL.match(text[start:])
            end = start + label.end() if label else end
        if unit is None and implied:
            unit = UnitRead(unit=implied, written="", end=end, dimensionality="")
        role = number_role(text, start, unit.end if unit and unit.written else end)
        if unit is not None and unit.written and role == "reference":
            role = "data"  # "10m", "5bar": a unit written without a space
        yield _Found(
            start=start,
            end=unit.end if unit and unit.written else end,
            value=value,
            unit=unit,
            role=role if designation is None else "data",
            symbols=(_symbols(text, start) or tuple(filter(None, [_bare_symbol(text, start)])))
            if designation is None
            else (designation,),
            designation=designation,
            each=bool(_EACH.match(text[unit.end if unit else end :]))
            or bool(re.search(r"\beach\s*(?:=|of|is)?\s*$", text[max(0, start - 12) : start])),
        )


_CONJUNCTIONS = frozenset("and or but while whereas then which where whose".split())


def _near_words(
    text: str, span: tuple[int, int], spans: list[tuple[int, int]], *, backwards: bool
) -> tuple[str, ...]:
    """The words between a value and the clause mark or other value next to it; a
    conjunction ("and", "while", "which") ends them too: "at 1.2 bar and delivers it at
    5.5 bar" gives "delivers" to the second value only."""
    start, end = span
    if backwards:
        piece = text[:start]
        # A value alone in brackets is what the words before it name: "discharge to
        # atmosphere (1.013 bar)".
        opened = re.search(r"\(\s*$", piece)
        if opened is not None and re.match(r"\s*\)", text[end:]):
            piece = piece[: opened.start()]
        cut = max((m.end() for m in _CLAUSE.finditer(piece)), default=0)
        other = max((e for s, e in spans if e <= start), default=0)
        words = list(reversed(words_of(piece[max(cut, other) :])))[:8]
    else:
        piece = text[end:]
        mark = _CLAUSE.search(piece)
        other = min((s - end for s, _ in spans if s >= end), default=len(piece))
        words = words_of(piece[: min(mark.start() if mark else len(piece), other)])[:8]
    near = []
    for word in words:
        if word.lower() in _CONJUNCTIONS:
            break
        near.append(word)
    return tuple(near)


def _clauses(text: str) -> list[tuple[int, int]]:
    """Where each clause starts and ends: at sentence marks, semicolons, and commas that
    are not inside brackets (a fluid's "(density 850 kg/m³, viscosity 2 mPa·s)" is one)."""
    bounds, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        ends = char in ";?!" or (char == "." and not text[i + 1 : i + 2].isdigit())
        if ends or (char == "," and depth == 0 and not text[i + 1 : i + 4].isdigit()):
            bounds.append((start, i))
            start = i + 1
    bounds.append((start, len(text)))
    return bounds


# Verbs that sit between a value and what it describes ("the pump delivers 20 m3/h").
_VERBS = frozenset(
    """
    is are was were be has have had does do did gives shows reads needs causes delivers
    carries passes flows operates runs takes draws enters leaves uses contains totalling
    totaling about approximately roughly nearly
    """.split()
)
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "this", "that", "each", "every"})


def _clause_text(
    text: str, clause: tuple[int, int], spans: list[tuple[int, int]]
) -> tuple[str, ...]:
    """The words of a clause, without the values' own numbers and units."""
    start, end = clause
    pieces, position = [], start
    for s, e in sorted(spans):
        if s >= start and e <= end + 1:
            pieces.append(text[position:s])
            position = e
    pieces.append(text[position:end])
    return tuple(words_of(" ".join(pieces)))


def _content(words: tuple[str, ...] | list[str], limit: int) -> list[str]:
    """The first few content words, skipping stop words before them, stopping at one after."""
    found: list[str] = []
    for word in words:
        if word.lower() in _STOP or word.lower() in _VERBS:
            if found:
                break
            continue
        found.append(word)
        if len(found) == limit:
            break
    return found


def _phrase(before: tuple[str, ...], after: tuple[str, ...]) -> str:
    """The noun phrase a value describes: the content words before it ("a total head of
    35 m" -> "total head"), or after it when an article comes right before it or an
    "of" right after ("a 35 m head", "35 m of head" -> "head")."""
    determined = bool(before) and before[0].lower() in _DETERMINERS
    following = list(after[1:] if after[:1] and after[0].lower() == "of" else after)
    if determined or len(following) < len(after):
        behind = _content(following, 2)
        if behind:
            return " ".join(behind)
    near = _content(before, 3)
    if near:
        return " ".join(reversed(near))
    return " ".join(_content(following, 2))


def _has_unit(text: str, end: int) -> bool:
    read = read_unit(text, end)
    return read is not None and bool(read.written)


def _count_before(text: str, start: int) -> int | None:
    """How many items a value counts ("six elbows (K = 0.3 each)" -> 6): the count
    nearest before it in its own clause ("…0.2 each, 3 plug valves of K = 0.4 each",
    "a 78 mm pipe with four elbows with K = 0.45 each")."""
    window = re.split(r"[,;](?=\s)", text[max(0, start - 60) : start])[-1]
    offset = start - len(window)
    counts = [
        found
        for found in re.finditer(
            r"(?<![\d.])\b(\d+|" + "|".join(_COUNT_WORDS) + r")\s+"
            r"(?=(?:\w+\s+){0,2}\w+s?\s*[(,]?[^()]*$)",
            window,
            re.I,
        )
        if not _has_unit(text, offset + found.end(1))  # "a 78 mm pipe": a size, no count
    ]
    if not counts:
        return None
    word = counts[-1].group(1).lower()
    return int(word) if word.isdigit() else _COUNT_WORDS.get(word)


_LIST_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$")


def _open_bracket(text: str, position: int) -> int:
    """Where the square bracket that ``position`` lies inside opens; -1 outside one."""
    opened = text.rfind("[", 0, position)
    return opened if opened > text.rfind("]", 0, position) else -1


def _listed(mentions: list[Mention], text: str) -> list[Mention]:
    """Values written as a list after one label ("mole fractions 0.48, 0.3 and 0.22")
    take the first one's words before them: the label names them all; the values of
    one bracketed list after a symbol ("K = [3.2, 1.1, 0.25]") take its symbol too."""
    out = list(mentions)
    for i in range(1, len(out)):
        previous, current = out[i - 1], out[i]
        joined = _LIST_JOIN.match(text[previous.span[1] : current.span[0]])
        same = previous.unit == current.unit and previous.role == current.role == "data"
        if joined and same and not current.before and current.symbol is None:
            bracket = _open_bracket(text, current.span[0])
            one_list = bracket >= 0 and bracket == _open_bracket(text, previous.span[0])
            out[i] = current.model_copy(
                update={"before": previous.before, "phrase": previous.phrase}
                | ({"symbol": previous.symbol} if one_list else {})
            )
    return out


def read_mentions(text: str) -> list[Mention]:
    """Every number ``text`` writes, in order, as mentions with ids ``m1``, ``m2``, …

    >>> [m.written for m in read_mentions("Pump 20 m3/h of water against 35 m head.")]
    ['20 m3/h', '35 m']
    >>> m = read_mentions("natural gas (M = 19.2 g/mol, k = 1.29, Z = 0.91)")
    >>> [(x.symbol, x.value, x.unit) for x in m]
    [('M', 19.2, 'g/mol'), ('k', 1.29, ''), ('Z', 0.91, '')]
    >>> [(x.role, x.value) for x in read_mentions("Per API 520 (Table 4.2), size it.")]
    [('reference', 520.0), ('reference', 4.2)]
    >>> [(x.designation, x.value) for x in read_mentions("an NPS 6 schedule 80 pipe")]
    [('NPS', 6.0), ('schedule', 80.0)]
    >>> [(x.designation, x.value, x.written) for x in read_mentions("a DN 150 schedule 40 line")]
    [('NPS', 6.0, 'DN 150'), ('schedule', 40.0, '40')]
    >>> [(x.designation, x.value) for x in read_mentions('a 4-inch schedule 40 line, a 6" sch. 80')]
    [('NPS', 4.0), ('schedule', 40.0), ('NPS', 6.0), ('schedule', 80.0)]
    """
    mentions: list[Mention] = []
    found_all = list(_scan(text))
    spans = [(f.start, f.end) for f in found_all]
    clauses = _clauses(text)
    for found in found_all:
        unit = found.unit.unit if found.unit else ""
        written_unit = found.unit.written if found.unit else ""
        dimensionality = (found.unit.dimensionality or None) if found.unit else None
        if dimensionality is None:
            from peoa.reading.units import dimensionality_of

            dimensionality = dimensionality_of(unit) or "dimensionless"
        others = [s for s in spans if s != (found.start, found.end)]
        before = _near_words(text, (found.start, found.end), others, backwards=True)
        after = _near_words(text, (found.start, found.end), others, backwards=False)
        clause = next((c for c in clauses if c[0] <= found.start < c[1] + 1), (0, len(text)))
        symbols = found.symbols or (None,)
        for symbol in reversed(symbols):
            mentions.append(
                Mention(
                    id=f"m{len(mentions) + 1}",
                    quantity=Quantity(value=found.value, unit=unit),
                    written=text[found.start : found.end],
                    unit_written=written_unit,
                    span=(found.start, found.end),
                    dimensionality=dimensionality,
                    role=found.role,
                    before=before,
                    after=after,
                    clause=_clause_text(text, clause, spans),
                    phrase=_phrase(before, after),
                    symbol=symbol,
                    designation=found.designation,
                    each=found.each,
                    count=_count_before(text, found.start) if found.each else None,
                )
            )
    return _courses(_reference_conditions(_listed(_ranges(mentions, text), text)), text)


_COURSE_JOIN = re.compile(r"^\s*(?:to|→|->|–|—|-)\s*$", re.I)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:to|and|–|—|-)\s*$", re.I)


def _ranges(mentions: list[Mention], text: str) -> list[Mention]:
    """A range's first number written bare takes the unit written after the second
    ("from 30 to 80 °C", "between 10 and 12 wt%").

    >>> [(m.value, m.unit) for m in read_mentions("heated from 30 to 80 °C")]
    [(30.0, 'degC'), (80.0, 'degC')]
    """
    out = list(mentions)
    for i in range(1, len(out)):
        start, end = out[i - 1], out[i]
        if (start.unit or not end.unit or start.symbol or start.role != "data"
                or end.role != "data"):  # fmt: skip
            continue
        if _RANGE_OPEN.search(text[: start.span[0]]) and _RANGE_JOIN.match(
            text[start.span[1] : end.span[0]]
        ):
            out[i - 1] = start.model_copy(
                update={
                    "quantity": Quantity(value=start.value, unit=end.unit),
                    "unit_written": end.unit_written,
                    "dimensionality": end.dimensionality,
                }
            )
    return out


def _courses(mentions: list[Mention], text: str) -> list[Mention]:
    """Two values of one quantity written as a change ("from 30 °C to 80 °C",
    "28 °C → 111 °C"): where the stream starts and ends, and which way it goes.

    >>> [(m.course, m.trend) for m in read_mentions("cooled from 90 °C to 40 °C at 2 bar")]
    [('from', 'falls'), ('to', 'falls'), (None, None)]
    """
    out = list(mentions)
    for i in range(1, len(out)):
        start, end = out[i - 1], out[i]
        if not (start.role == end.role == "data" and start.dimensionality == end.dimensionality
                and start.unit and end.unit):  # fmt: skip
            continue
        if not _COURSE_JOIN.match(text[start.span[1] : end.span[0]]):
            continue
        dimension = dimension_of_unit(start.unit)
        if dimension is None:
            continue
        try:
            first, second = (to_si(m.value, m.unit, dimension) for m in (start, end))
        except ToolInputError:
            continue
        if first == second:
            continue
        trend: Literal["rises", "falls"] = "rises" if second > first else "falls"
        out[i - 1] = start.model_copy(update={"course": "from", "trend": trend})
        out[i] = end.model_copy(update={"course": "to", "trend": trend})
    return out


def _reference_conditions(mentions: list[Mention]) -> list[Mention]:
    """The values that state a standard volume's reference conditions ("5000 SCFM (at
    60 °F and 14.696 psia)") are part of its unit, not data of the problem.

    >>> [(m.written, m.role) for m in read_mentions("5000 SCFM (at 60 °F and 14.696 psia) at 25 °C")]
    [('5000 SCFM', 'data'), ('60 °F', 'reference'), ('14.696 psia', 'reference'), ('25 °C', 'data')]
    """
    marked = list(mentions)
    for mention in mentions:
        basis = gas_volume_basis(mention.unit) if mention.unit else None
        if basis is None:
            continue
        conditions = {"temperature": basis[0].temperature_K, "pressure": basis[0].pressure_Pa}
        for i, other in enumerate(marked):
            if not 0 <= other.span[0] - mention.span[1] <= 120:
                continue
            for dimension, reference in conditions.items():
                try:
                    value = to_si(other.value, other.unit, dimension)
                except ToolInputError:
                    continue
                if abs(value - reference) <= 0.005 * reference:
                    marked[i] = other.model_copy(update={"role": "reference"})
    return marked
