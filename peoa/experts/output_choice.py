"""Which of a tool's outputs a question asks for, read from the question's own words.

A tool often returns several numbers (``heat_of_combustion``: HHV and LHV, per mole
and per kg). A small model asked to pick one by name picks badly ("lower heating
value" answered with ``HHV_mass``), so the question's words decide first:

- :func:`named_outputs`: the outputs the text names outright, by the output's name
  ("LHV", "brake power" for ``brake_power``) or by the head of its description
  ("lower heating value", the words before any comma or parenthesis); a name inside a
  longer named one ("lower heating value" inside "lower heating value per kg of
  fuel") gives way to the longer;
- :func:`best_distinguished`: among outputs of one dimension, the one whose
  distinguishing words (those not shared by all of them: "lower" against "higher",
  "brake" against "hydraulic") the text uses most, when exactly one does;
- :func:`asked_elsewhere`: the other tools whose quantity the question asks for by a
  name of two words or more ("relative volatility", "inside diameter"), when it names
  nothing the answering tool computes: a step that answers another quantity of the
  same kind (a pipe's roughness for its inside diameter, both in mm) passes every unit
  check.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = [
    "asked_elsewhere",
    "asking_sentence",
    "best_distinguished",
    "head_phrase",
    "named_outputs",
    "output_terms",
]

_HEAD_END = re.compile(r"\s*(?:[(,;:=\[]|\s-\s)")
_WORD = re.compile(r"[a-z][a-z0-9]*|\d+[a-z][a-z0-9]*", re.IGNORECASE)
# A name with its value ("Re = 5000", "a head of 35 m", "70 % relative humidity",
# "75.7 kPa of differential pressure"),
# inside a formula ("ln Re − 1.64") or naming a method ("the ε-NTU method") gives
# an input or a way of working, not the answer asked for.
_GIVEN = re.compile(
    r"\s*(?:=|:|≈)\s*[-+]?\.?\d|\s(?:of\s+)?[-+]?\.?\d|\s*[−+*/^]"
    r"|\s+(?:method|correlation|equation|model|chart|relation)\b",
    re.IGNORECASE,
)
_GIVEN_BEFORE = re.compile(r"(?:\d\s*(?:%|[^\s\d]+)?(?:\s+of)?|\b(?:ln|log|exp)|[*/^])\s*$")
# Words that say nothing about which quantity is meant.
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "used",
        "with",
        "without",
        "null",
        "when",
    ]
)


def asking_sentence(text: str) -> str:
    """The sentence of ``text`` that asks: the last one with a question mark, else the last.

    >>> asking_sentence("The pump efficiency is 70 %. What brake power does it need? Thanks.")
    'What brake power does it need?'
    """
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s]
    asking = [s for s in sentences if "?" in s]
    return (asking or sentences or [""])[-1]


def head_phrase(description: str) -> str:
    """The words a description opens with, before any comma, parenthesis or formula.

    >>> head_phrase("lower heating value (water vapour), positive")
    'lower heating value'
    >>> head_phrase("pressure drop P1 - P2")
    'pressure drop P1'
    """
    return _HEAD_END.split(description.strip(), maxsplit=1)[0].strip()


# Words engineers use for one another in a quantity's name ("inner diameter").
_SAME_WORDS = [
    ("inside", "inner", "internal"),
    ("outside", "outer", "external"),
    ("vapour", "vapor"),
    ("vaporisation", "vaporization"),
]
_ALTERNATIVES = {w: "(?:" + "|".join(group) + ")" for group in _SAME_WORDS for w in group}


def _phrase_pattern(phrase: str, *, exact_case: bool) -> re.Pattern[str] | None:
    words = phrase.split()
    if not words or len(phrase) < 2:
        return None
    body = r"[\s-]+".join(
        re.escape(w) if exact_case else _ALTERNATIVES.get(w.lower(), re.escape(w)) for w in words
    )
    return re.compile(rf"(?<![\w]){body}(?![\w])", 0 if exact_case else re.IGNORECASE)


def _asked_at(text: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Where ``pattern`` names a quantity ``text`` asks for, not one it gives a value."""
    if pattern is None:
        return []
    return [
        m.span()
        for m in pattern.finditer(text)
        if not _GIVEN.match(text, m.end()) and not _GIVEN_BEFORE.search(text, 0, m.start())
    ]


def _spans(text: str, name: str, description: str) -> list[tuple[int, int]]:
    """Where ``text`` names the output: its name as written, spelt out, or its head phrase."""
    patterns = [
        _phrase_pattern(name, exact_case=True),  # "LHV", "Nu", "dP"
        _phrase_pattern(name.replace("_", " "), exact_case=False) if "_" in name else None,
        _phrase_pattern(head_phrase(description), exact_case=False) if description else None,
    ]
    return [span for p in patterns for span in _asked_at(text, p)]


def named_outputs(text: str, descriptions: Mapping[str, str]) -> list[str]:
    """The outputs ``text`` names, in ``descriptions``' order; inner names give way.

    >>> outputs = {"HHV": "higher heating value (water liquid)",
    ...            "LHV": "lower heating value (water vapour)",
    ...            "HHV_mass": "higher heating value per kg of fuel",
    ...            "LHV_mass": "lower heating value per kg of fuel"}
    >>> named_outputs("What is the lower heating value of methane?", outputs)
    ['LHV']
    >>> named_outputs("the lower heating value per kg of fuel", outputs)
    ['LHV_mass']
    >>> named_outputs("What is the heat of combustion?", outputs)
    []
    >>> named_outputs("At Re = 5000 and Pr 4, what is Nu?", {"Re": "", "Pr": "", "Nu": ""})
    ['Nu']
    >>> named_outputs("By the ε-NTU method, how hot does it leave?", {"NTU": "", "T_out": ""})
    []
    """
    spans = {name: _spans(text, name, d) for name, d in descriptions.items()}
    spans = {name: found for name, found in spans.items() if found}

    def inside(span: tuple[int, int], other: str) -> bool:
        return any(s <= span[0] and span[1] <= e and (e - s) > (span[1] - span[0])
                   for s, e in spans[other])  # fmt: skip

    return [
        name
        for name, found in spans.items()
        if not all(any(inside(span, o) for o in spans if o != name) for span in found)
    ]


def output_terms(name: str, description: str) -> set[str]:
    """The words that identify an output: its name's parts and its description's head."""
    parts = [p for p in re.split(r"[_\s]+", name) if p]
    words = [w.lower() for w in _WORD.findall(head_phrase(description))]
    return {p.lower() for p in parts if len(p) > 1} | {w for w in words if w not in _STOP}


def best_distinguished(text: str, descriptions: Mapping[str, str]) -> str | None:
    """The one output whose distinguishing words ``text`` uses most; ``None`` on a tie.

    Meant for outputs of one dimension, which differ by a qualifier.

    >>> best_distinguished("the lower heating value, in MJ/kg",
    ...     {"HHV_mass": "higher heating value per kg of fuel",
    ...      "LHV_mass": "lower heating value per kg of fuel"})
    'LHV_mass'
    >>> best_distinguished("the heating value, in MJ/kg",
    ...     {"HHV_mass": "higher heating value per kg of fuel",
    ...      "LHV_mass": "lower heating value per kg of fuel"}) is None
    True
    """
    if len(descriptions) < 2:
        return next(iter(descriptions), None)
    terms = {name: output_terms(name, d) for name, d in descriptions.items()}
    shared = set.intersection(*terms.values())
    used = {w.lower() for w in _WORD.findall(text)}
    scores = {name: len((t - shared) & used) for name, t in terms.items()}
    best = max(scores.values())
    winners = [name for name, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


# Where the asking starts ("Using water's vapour pressure at 70 °C, what is the available
# NPSH?") and where the data start ("Find the bubble temperature of 0.11 benzene / 0.89
# toluene (mole fractions)").
_ASKING = re.compile(
    r"\b(?:what|which|how|find|compute|calculate|estimate|determine|size|select)\b",
    re.IGNORECASE,
)
_DATA = re.compile(r"[-+]?\.?\d")


def _asked_window(sentence: str) -> tuple[int, int]:
    """Where ``sentence`` says what is asked: from its question word to its first number
    after it; empty when it has no question word.

    >>> text = "Using the vapour pressure at 70 °C, what is the available NPSH in m?"
    >>> start, end = _asked_window(text)
    >>> text[start:end]
    'what is the available NPSH in m?'
    >>> _asked_window("Colebrook friction factor, level pipe.")
    (0, 0)
    """
    start = _ASKING.search(sentence)
    if start is None:
        return 0, 0
    data = _DATA.search(sentence, start.start())
    return start.start(), data.start() if data else len(sentence)


def _long_names(name: str, description: str) -> list[str]:
    """An output's names of two words or more: spelt out, and its description's head."""
    names = [name.replace("_", " "), head_phrase(description)]
    return [n for n in names if len(n.split()) >= 2]


def _names_tool(text: str, tool: str, outputs: Mapping[str, str]) -> bool:
    """Whether ``text`` names ``tool``: one of its outputs, or two words of its name in a
    row ("dew point" for ``vle_dew_point``).

    >>> _names_tool("What is the standard heat of reaction?", "heat_of_combustion", {})
    False
    """
    if named_outputs(text, outputs):
        return True
    words = tool.split("_")
    runs = (words[i:j] for i in range(len(words)) for j in range(i + 2, len(words) + 1))
    return any(
        _asked_at(text, _phrase_pattern(" ".join(run), exact_case=False))
        for run in runs
        if len(set(run) - _STOP) >= 2  # "heat of" names no more heat of combustion than of reaction
    )


# Words that ask for a bound; stages "at total reflux" are the minimum by definition.
_BOUNDS = {"minimum": ("minimum", "min", "least", "smallest", "lowest", "total reflux"),
           "maximum": ("maximum", "max", "most", "largest", "highest")}  # fmt: skip


def unasked_bound(text: str, description: str) -> str | None:
    """The bound ("minimum", "maximum") an output's description opens with when the
    sentence of ``text`` that asks does not ask for one; ``None`` otherwise.

    Seen: Fenske's minimum number of stages answered "how many theoretical stages are
    needed?", a three-step problem (Fenske, Underwood, Gilliland) cut to its first step.

    >>> fenske = "minimum number of equilibrium stages at total reflux"
    >>> unasked_bound("Using Fenske, Underwood and Gilliland, how many stages are needed?", fenske)
    'minimum'
    >>> unasked_bound("What is the minimum number of stages at total reflux (Fenske)?", fenske)
    >>> unasked_bound("What is N_min for alpha = 2.45?", fenske)
    >>> unasked_bound("How many stages at total reflux are needed? Use Fenske.", fenske)
    >>> unasked_bound("How many stages are needed?", "number of equilibrium stages")
    """
    opening = head_phrase(description).lower().split()[:1]
    bound = opening[0] if opening and opening[0] in _BOUNDS else None
    if bound is None:
        return None
    sentence = asking_sentence(text)
    start, end = _asked_window(sentence)
    asked = sentence[start:end].lower() if end > start else sentence.lower()
    if any(re.search(rf"(?<![a-z]){words}(?![a-z])", asked) for words in _BOUNDS[bound]):
        return None
    return bound


def asked_elsewhere(text: str, tool: str, tools: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """The other tools whose quantity ``text`` asks for, each with the name it uses, when
    it names nothing of ``tool``. ``tools`` maps every tool to its outputs' descriptions.

    Only names of two words or more count ("relative volatility", not "flow"), of a tool
    or of its outputs, written where the asking sentence asks (after its question word,
    before its first number); a tool with an output of the same name as one asked for
    (``R_min`` of Underwood's method and of McCabe-Thiele's) computes it too.

    >>> tools = {"vapor_pressure": {"Psat": "vapour pressure"},
    ...          "relative_volatility": {"alpha": "relative volatility of each component"},
    ...          "pipe_roughness": {"roughness": "absolute roughness"},
    ...          "pipe_schedule": {"Di": "inside diameter", "Do": "outside diameter"}}
    >>> asked_elsewhere("What is the relative volatility of benzene to toluene at 95 °C?",
    ...                 "vapor_pressure", tools)
    {'relative_volatility': 'relative volatility'}
    >>> asked_elsewhere("What is the inner diameter of NPS 6 schedule 80 pipe, in mm?",
    ...                 "pipe_roughness", tools)
    {'pipe_schedule': 'inner diameter'}
    >>> asked_elsewhere("What is the vapour pressure of benzene at 95 °C?", "vapor_pressure", tools)
    {}
    >>> meters = {"flow_meter_flow": {"mass_flow": "mass flow rate"},
    ...           "flow_meter_dp": {"differential_pressure": "differential pressure P1 - P2"}}
    >>> asked_elsewhere("What flow passes a venturi that shows 75.7 kPa of differential "
    ...                 "pressure?", "flow_meter_flow", meters)
    {}
    """
    sentence = asking_sentence(text)
    start, end = _asked_window(sentence)

    def asked(phrase: str) -> str | None:
        """``phrase`` as the sentence writes it where it asks, if it does."""
        spans = _asked_at(sentence, _phrase_pattern(phrase, exact_case=False))
        inside = [(s, e) for s, e in spans if start <= s and e <= end]
        return sentence[inside[0][0] : inside[0][1]] if inside else None

    own = tools.get(tool, {})
    if _names_tool(sentence, tool, own):
        return {}
    found: dict[str, str] = {}
    for other, outputs in tools.items():
        if other == tool:
            continue
        spelt = other.replace("_", " ")
        if len(spelt.split()) >= 2 and (written := asked(spelt)):
            found[other] = written
        for name, description in outputs.items():
            written = next(filter(None, map(asked, _long_names(name, description))), None)
            if written is None:
                continue
            if name in own:
                return {}  # the answering tool computes a quantity of that name too
            found.setdefault(other, written)
    return found
