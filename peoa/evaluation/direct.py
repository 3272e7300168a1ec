"""A model answering directly: one chat call, the number and unit read from its text.

This is the paper's plainest baseline: no planning, no tools, no validation. The
reply is asked to end with ``Answer: <number> <unit>``; when it does not, the last
number in the text with the unit written after it is taken.
"""

from __future__ import annotations

import re
import uuid

from peoa.agent.solution import RunUsage, Solution
from peoa.evaluation.scoring import read_unit, unit_problem
from peoa.experts.base import LLMCall
from peoa.llm import LLM

__all__ = ["DirectSolver", "parse_answer"]

SYSTEM = (
    "You are a chemical process engineer. Solve the problem. Work briefly, then end your "
    "reply with one line of the form 'Answer: <number> <unit>', the number in plain digits "
    "(e.g. 2.72e3) and its unit (e.g. kW, kPa, m**3/h)."
)

_NUMBER = r"[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:\s*[eE][-+]?\d+|\s*[x×]\s*10\^?\s*[-+]?\d+)?"
_ANSWER = re.compile(rf"answer\s*[:=]?\s*(?:is\s*)?(?:about\s*)?\**\s*({_NUMBER})\s*([^\n]*)", re.I)
_ANY = re.compile(rf"({_NUMBER})\s*([^\s,;]*(?:\s*/\s*[^\s,;]+)?)")


def _number(text: str) -> float | None:
    text = text.replace(",", "").replace(" ", "")
    match = re.match(r"(.+?)[x×]10\^?([-+]?\d+)$", text)
    try:
        if match:
            return float(match.group(1)) * 10 ** int(match.group(2))
        return float(text)
    except ValueError:
        return None


def _unit(text: str) -> str:
    """The longest leading run of ``text`` that pint reads as a unit ('' for none)."""
    words = text.strip().strip("*").rstrip(".").split()
    for count in range(min(len(words), 3), 0, -1):
        candidate = " ".join(words[:count]).strip("*()[]<>,.;`")
        if candidate and unit_problem(candidate) is None:
            return read_unit(candidate)
    return ""


def parse_answer(text: str) -> tuple[float | None, str | None]:
    """The final number and unit of a model's reply.

    >>> parse_answer("P = rho g Q H / eta.\\nAnswer: 2.72 kW")
    (2.72, 'kW')
    >>> parse_answer("The flow is about 1,200 m3/h.")
    (1200.0, 'm**3/h')
    >>> parse_answer("I cannot tell.")
    (None, None)
    """
    found = list(_ANSWER.finditer(text)) or list(_ANY.finditer(text))
    for match in reversed(found):
        value = _number(match.group(1))
        if value is not None:
            return value, _unit(match.group(2))
    return None, None


class DirectSolver:
    """Ask ``llm`` the question once and read its number and unit."""

    def __init__(self, llm: LLM, *, adapter: str | None = None, max_tokens: int = 384) -> None:
        self.llm = llm
        self.adapter = adapter
        self.max_tokens = max_tokens

    def __call__(self, question: str) -> Solution:
        messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}]
        reply = self.llm.chat(messages, max_tokens=self.max_tokens, adapter=self.adapter)
        value, unit = parse_answer(reply.text)
        call = LLMCall(
            role="direct",
            model=reply.model,
            purpose="answer directly",
            prompt_tokens=reply.usage.prompt_tokens,
            completion_tokens=reply.usage.completion_tokens,
            latency_s=reply.latency_s,
        )
        return Solution(
            question=question,
            thread_id=uuid.uuid4().hex,
            status="answered" if value is not None else "failed",
            answer=value,
            unit=unit,
            text=reply.text,
            trace=[call],
            usage=RunUsage(
                llm_calls=1,
                prompt_tokens=reply.usage.prompt_tokens,
                completion_tokens=reply.usage.completion_tokens,
                latency_s=reply.latency_s,
                model_time_s=reply.latency_s,
            ),
        )
