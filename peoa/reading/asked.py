"""What a question asks for: the asking sentence, its words, and the unit asked.

The asked unit is read with the same unit reader as the given values, wherever the
question asks it: "…, in kPa?", "Express it in W/(m²·K).", "What pressure drop (bar)
does …", "Answer in psia.", "in kilowatts", "how many m³/h". A unit in a bracket that
defines symbols ("(n in rpm, Q in m³/h)") asks for nothing.

>>> a = read_asked("A pump delivers 20 m3/h. What brake power does it need, in kW?")
>>> a.unit, a.words
('kW', ('brake', 'power', 'need'))
>>> read_asked("The header is at 12 bar. Convert it to kilopascals.").unit
'kPa'
>>> read_asked("What pressure drop (bar) does the pipe cause?").unit
'bar'
>>> read_asked("What is the Reynolds number?").unit is None
True
"""

from __future__ import annotations

import re
from typing import Literal

from peoa.reading.mentions import number_role, words_of
from peoa.reading.model import AskedQuantity
from peoa.reading.units import UnitRead, read_unit

__all__ = ["asking_sentence", "read_asked"]

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z(\"'])")
_ASKS = re.compile(
    r"^\s*(?:what|which|how|find|calculate|compute|determine|estimate|evaluate|size|"
    r"select|express|convert|give|state|obtain|predict|check|work out|rate|count|"
    r"answer|report|is|are|does|do|will|can|should|by how)\b",
    re.IGNORECASE,
)
_ASKS_INSIDE = re.compile(
    r"\b(?:what|which|how (?:much|many|long|far|big|large|hot|cold)|find|calculate|compute|"
    r"determine|estimate|evaluate|size|select|express|convert|predict|work out)\b",
    re.IGNORECASE,
)
_CONVERSION = re.compile(
    r"^\s*(?:convert|express|change|restate|give)\b|\bequivalent\b"
    r"|\bwhat is (?:this|that|it|the same)\b",
    re.IGNORECASE,
)
# Where an asked unit starts: after "in", "to", "into", "as", "how many", or inside a
# bracket right after the quantity's name.
_UNIT_LEAD = re.compile(
    r"(?:\b(?:in|into|to|as|how many)\s+(?:(?:standard|normal|actual)\s+)?"
    r"|(?:(?<=\s)|^)\(\s*|,\s+(?=\S+\s*(?:[.?!]?\s*$|for\b)))",
    re.IGNORECASE,
)
# After a bracketed unit: its bracket closes, or the unit's conditions follow.
_AFTER_BRACKETED = re.compile(r"^\s*(?:[)\],]|(?:at|for)\b)", re.IGNORECASE)
_SAME_UNIT = re.compile(r"\bsame units?\b", re.IGNORECASE)
_BOUNDS: dict[Literal["minimum", "maximum"], tuple[str, ...]] = {
    "minimum": ("minimum", "min", "least", "lowest", "smallest"),
    "maximum": ("maximum", "max", "most", "highest", "largest", "peak"),
}
_TOTAL_REFLUX = re.compile(r"\b(?:at|under)\s+total\s+reflux\b", re.IGNORECASE)
_QUESTION_WORDS = frozenset(
    """
    what which how find calculate compute determine estimate evaluate size select
    express convert give state obtain predict check out rate count answer report is
    are does do did will can should would must be the a an of in to into as for it its
    this that these those much many by with at from on per and or required needed value
    result
    """.split()
)


_WH = re.compile(r"\b(?:what|which|how (?:much|many))\b", re.IGNORECASE)
_REQUEST = re.compile(
    r"\b(?:find|calculate|compute|determine|estimate|evaluate|size|select|predict|obtain|"
    r"report|give|state)\b",
    re.IGNORECASE,
)
_HEAD_SKIP = frozenset("is are was were will would be the a an its their this that".split())
_HEAD_STOP = frozenset(
    """
    of at in for to across through from on with by into over under between per when if
    does do did is are was were will would must should can could be that which gives give
    needed required removed supplied delivered produced transferred it they
    """.split()
)


# Heads that name no quantity alone: the words after their "of" do ("the rate of heat
# transfer" asks a heat rate).
_GENERIC_HEADS = frozenset("rate amount magnitude value quantity coefficient factor ratio".split())


def _head(asking: str) -> tuple[str, ...]:
    """The words naming what is asked right after the asking word: up to the first
    preposition or verb, three words at most ("What is the pressure drop across the
    bed?" -> pressure drop; "Size an aftercooler: …, what duty is needed?" -> duty).

    >>> _head("Find the density of methanol at 20 °C and atmospheric pressure.")
    ('density',)
    >>> _head("Size a cooler: it takes 5 kg/s. What duty is needed in kW?")
    ('duty',)
    >>> _head("What is the rate of heat transfer in the boiler?")
    ('rate', 'of', 'heat', 'transfer')
    >>> _head("Find NPSHa: surface pressure 2 bar, vapour pressure 0.1 bar.")
    ('NPSHa',)
    """
    cue = _WH.search(asking) or _REQUEST.search(asking)
    if cue is None:
        return ()
    rest = asking[cue.end() :]
    clause_end = _CLAUSE_BREAK.search(rest)  # "Find NPSHa: surface pressure …" asks NPSHa
    clause = rest[: clause_end.start()] if clause_end else rest
    # "Find K at 600 K and then the conversion", "work out the duty, the LMTD and the
    # area": the last thing asked is the answer, the ones before it its steps. One that
    # writes a value is data ("… for a duty of 229 kW and the mean temperature difference
    # is 22.6 °C").
    listed = _THEN_ASKED.split(rest) if not re.search(r"\d", rest) else []
    *_, last = _THEN_ASKED.split(clause)
    for part in (listed[-1:] if len(listed) > 1 else []) + [last]:
        if not re.search(r"\d", part) and (name := _name_at(part)):
            return name
    return _name_at(clause)


# "… and the …", "…, then the …", "…, the …": another thing asked in the same list.
_THEN_ASKED = re.compile(
    r"(?:\s+and|,\s*(?:and\s+)?)\s*(?:then\s+)?(?:also\s+)?(?=(?:the|its|their)\s)", re.I
)


def _name_at(clause: str) -> tuple[str, ...]:
    """The words naming a quantity at the start of ``clause`` (see :func:`_head`)."""
    head: list[str] = []
    for word in words_of(clause):
        lowered = word.lower()
        if not head and lowered in _HEAD_SKIP:
            continue
        generic = bool(head) and all(w.lower() in _GENERIC_HEADS | {"of"} for w in head)
        if generic and lowered in _HEAD_SKIP:
            continue
        if generic and lowered == "of" and "of" not in head:
            head.append(word)  # kept: "coefficient of performance" is one name
            continue
        if lowered in _HEAD_STOP or word[0].isdigit() or len(head) - head.count("of") == 3:
            break
        head.append(word)
    return tuple(head)


def asking_sentence(text: str) -> str:
    """The sentence that asks: the last with a question mark, else the last that opens
    like a question or a request, else the last.

    >>> asking_sentence("The pump efficiency is 70 %. What brake power does it need? Thanks.")
    'What brake power does it need?'
    """
    sentences = [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]
    tests = (
        lambda s: "?" in s,
        lambda s: bool(_ASKS.match(s)),
        lambda s: bool(_ASKS_INSIDE.search(s)),
    )
    for test in tests:
        asking = [s for s in sentences if test(s)]
        if asking:
            return asking[-1]
    return sentences[-1] if sentences else ""


def _symbol_definition(text: str, lead: re.Match[str]) -> bool:
    """Whether "in <unit>" defines a symbol's unit ("(n in rpm, Q in m³/h)")."""
    if not lead.group().lower().startswith("in"):
        return False
    before = text[: lead.start()]
    if before.count("(") <= before.count(")"):
        return False
    previous = (words_of(before)[-1:] or [""])[0]
    return len(previous) <= 2


def _units_in(text: str) -> list[tuple[int, UnitRead]]:
    found = []
    for lead in _UNIT_LEAD.finditer(text):
        read = read_unit(text, lead.end())
        ratio = read is not None and (
            read.unit.endswith("%") or read.unit == "ppm" or "/" in read.unit
        )
        if read is None or (read.dimensionality == "dimensionless" and not ratio):
            continue
        if lead.group().startswith(("(", "[")) and not _AFTER_BRACKETED.match(text[read.end :]):
            continue
        if re.match(r"\s*(?:=|\d)", text[read.end :]):
            continue  # "sum to K = 1.1": a symbol given a value
        if read.written.lower().startswith("atmosphere") and lead.group().lower().startswith(
            ("to", "into")
        ):
            continue  # "discharges to atmosphere"
        if _symbol_definition(text, lead):
            continue
        # A value written right before ("at 25 in" would be odd) is data, not a request.
        if re.search(r"(?<![A-Za-z\d^*])\d+(?:\.\d+)?\s*$", text[: lead.start()]):
            continue
        found.append((lead.start(), read))
    return found


def _pick(candidates: list[tuple[int, UnitRead]], text: str, asked_words: set[str]) -> UnitRead:
    """Of several units the asking sentence names ("(duty in kW, temperatures in °C)"),
    the one right after a word of the asked quantity, else the last."""
    for start, read in reversed(candidates):
        near = words_of(text[max(0, start - 30) : start])[-2:]
        near += words_of(text[read.end : read.end + 30])[:3]
        if {w.lower().rstrip("s") for w in near} & asked_words:
            return read
    return candidates[-1][1]


_TOKEN_OR_NUMBER = re.compile(r"(?P<number>[-+−]?\d[\d,.]*(?:[eE][-+]?\d+)?)|[^\s,;:()\[\]]+")


_CLAUSE_BREAK = re.compile(r"[:;?!]|[,.](?:\s|$)")


def _between(text: str, one: re.Match[str], other: re.Match[str]) -> str:
    first, last = sorted((one, other), key=lambda m: m.start())
    return text[first.end() : last.start()]


def _unlabelled(text: str) -> list[str]:
    """The words of ``text`` that are neither a value, its unit, nor the two words that
    label it before or the one after: what is asked, not what is given ("Specific heat
    of benzene at 24.8 °C?" -> "Specific heat of").

    >>> _unlabelled("the required API 520-1 effective area for the valve")
    ['the', 'required', 'API', 'effective', 'area', 'for', 'the', 'valve']
    >>> _unlabelled("Gas with k = 1.6 and M = 9 g/mol: constant-pressure specific heat?")
    ['Gas', 'with', 'constant-pressure', 'specific', 'heat']
    """
    tokens = list(_TOKEN_OR_NUMBER.finditer(text))
    drop: set[int] = set()
    for i, token in enumerate(tokens):
        if not token.group("number"):
            continue
        if (
            token.group()[0] in "-−+"
            and token.start() > 0
            and not text[token.start() - 1].isspace()
        ):
            continue  # "-1" of "API 520-1": the rest of a name's number, no value
        # A name's number ("API 526") stays with its words; a value's label does not
        # reach across a clause's end ("M = 9.14 g/mol: cp?").
        if number_role(text, token.start(), token.end()) != "reference":
            drop |= {j for j in range(i - 2, i + 3) if 0 <= j < len(tokens)
                     and not _CLAUSE_BREAK.search(_between(text, tokens[i], tokens[j]))}  # fmt: skip
    kept = " ".join(t.group() for i, t in enumerate(tokens) if i not in drop)
    return words_of(kept)


# "that orifice's area", "the selected pump": a thing the question named before.
_POINTING = re.compile(
    r"\b(?:that|this|the\s+(?:chosen|selected|same))\s+(?P<noun>[A-Za-z]{3,})", re.IGNORECASE
)


def _referent(text: str, asking: str) -> tuple[str, ...]:
    """The words that name what the asking words point back to ("… then choose the next
    larger API 526 orifice. What is that orifice's area?" adds "next larger API 526"): up
    to four words before the thing's last naming earlier in ``text``, within its clause.

    >>> _referent("Size it, then choose the next larger API 526 orifice. That orifice's area?",
    ...           "That orifice's area?")
    ('next', 'larger', 'API', '526')
    """
    pointing = _POINTING.search(asking)
    if pointing is None:
        return ()
    noun = pointing.group("noun").lower()
    if noun in _QUESTION_WORDS or noun in _HEAD_STOP:
        return ()  # "the pressure that the pump delivers": "that" points at nothing
    before = text[: max(text.rfind(pointing.group()), 0)]
    named = list(re.finditer(rf"\b{re.escape(noun)}s?\b", before, re.IGNORECASE))
    if not named:
        return ()
    start = named[-1].start()
    clause = re.split(r"[.;:!?,()]", before[:start])[-1]
    return tuple(w for w in clause.split()[-4:] if w.lower() not in _QUESTION_WORDS)


_ASIDE = re.compile(r"\s*\(([^()\d]{1,40})\)")


def _asides_last(text: str) -> str:
    """Short asides in brackets moved to the end, so that the words around them read as
    one phrase: "the stagnation (total) temperature" names a stagnation temperature, and
    the aside still counts as a word of what is asked.

    >>> _asides_last("What is its stagnation (total) temperature in kelvin?")
    'What is its stagnation temperature in kelvin? total'
    """
    asides = [m.group(1) for m in _ASIDE.finditer(text)]
    return " ".join([_ASIDE.sub("", text), *asides]) if asides else text


def read_asked(text: str) -> AskedQuantity:
    """What ``text`` asks for (see the module's description)."""
    sentence = asking_sentence(text)
    # The asking sentence, and the requests after it ("Give the saturation temperature
    # in kelvin.") name what is asked.
    after = text[text.find(sentence) + len(sentence) :] if sentence in text else ""
    requests = [s for s in _SENTENCE_END.split(after) if _ASKS.match(s) or _ASKS_INSIDE.search(s)]
    asking = _asides_last(" ".join([sentence, *requests]))
    asking = re.sub(r"\bwork out\b", "find", asking, flags=re.IGNORECASE)  # "work" is asked
    before = text[: text.find(sentence)] if sentence in text else ""
    # A request right before the asking sentence ("Size it, then pick the API 526 orifice.
    # What area does it give?") names what is asked too, as the words beside values do
    # not: its last step, the one the asking sentence goes on from.
    previous = [s for s in _SENTENCE_END.split(before.strip()) if s][-1:]
    leading = " ".join(re.split(r"[,;]|\bthen\b", s)[-1] for s in previous if _ASKS.match(s))
    words = tuple(w for w in words_of(f"{asking} {leading}") if w.lower() not in _QUESTION_WORDS)
    focus = tuple(w for w in _unlabelled(f"{asking} {leading}") if w.lower() not in _QUESTION_WORDS)
    focus += _referent(text, asking)
    head = _head(asking)
    stems = {w.lower().rstrip("s") for w in words}
    # The asking sentence, and any request after it ("Answer in psia.", "Report … in in².").
    tail = text[text.find(sentence) + len(sentence) :] if sentence in text else ""
    asking_text = f"{sentence} {tail}"  # one text, so each unit's words are its own
    candidates = _units_in(asking_text)
    read = _pick(candidates, asking_text, stems) if candidates else None
    if read is not None:
        unit_words = {w.lower() for w in words_of(read.written)}
        words = tuple(w for w in words if w.lower() not in unit_words)
        focus = tuple(w for w in focus if w.lower() not in unit_words)
        head = tuple(w for w in head if w.lower() not in unit_words)
    # A least or most value asked ("what is the minimum reflux ratio"), not one the data
    # refer to ("… 1.25 times the minimum; how many stages?").
    lowered = {w.lower() for w in (head or words_of(sentence))}
    lowered |= {part for w in lowered for part in w.split("_")[1:]}  # N_min, R_min
    bound = next((b for b, names in _BOUNDS.items() if lowered & set(names)), None)
    if bound is None and _TOTAL_REFLUX.search(sentence):
        bound = "minimum"  # the stages at total reflux are the fewest a column can have
    return AskedQuantity(
        sentence=sentence,
        words=words,
        focus=focus,
        head=head,
        unit=read.unit if read else None,
        unit_written=read.written if read else None,
        dimensionality=read.dimensionality if read else None,
        conversion=bool(_CONVERSION.search(sentence)),
        same_unit=bool(_SAME_UNIT.search(text)),
        bound=bound,
    )
