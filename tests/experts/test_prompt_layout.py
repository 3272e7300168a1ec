"""A second filling repeats the first one's prompt and adds to it, so llama.cpp reuses it.

A call reuses whole ``n_batch`` blocks of the previous call's prompt (``[llm] n_batch``,
:func:`peoa.llm.llama.reusable_prefix`), so a retry that opens with the first filling's
messages and adds the refused reply and the reviewer's note re-reads only those. What is
under test is the layout of the messages, not the model's skill, so a scripted model
records them.
"""

from __future__ import annotations

from collections.abc import Iterator

from peoa.experts import ExpertTask
from peoa.experts.calculation import CalculationExpert
from peoa.llm.base import GenerationRequest
from peoa.tools import get_registry
from tests.experts.test_sandbox_settings import ScriptedLLM

QUESTION = (
    "A pump delivers 40 m3/h of water (density 998 kg/m3) against 35 m of head at 72 % "
    "efficiency. What power does it need?"
)
INVENTED = (
    '{"volumetric_flow": {"value": 40, "unit": "m3/h"}, "head": {"value": 53, "unit": "m"}, '
    '"density": {"value": 998, "unit": "kg/m3"}, "efficiency": {"value": 72, "unit": "%"}}'
)
COPIED = INVENTED.replace('"value": 53', '"value": 35')


class RecordingLLM(ScriptedLLM):
    def __init__(self, *replies: str) -> None:
        super().__init__(*replies)
        self.requests: list[GenerationRequest] = []

    def _generate(self, request: GenerationRequest, stream: bool) -> Iterator:  # type: ignore[type-arg]
        self.requests.append(request)
        return super()._generate(request, stream)


def test_a_second_filling_extends_the_first(experts) -> None:
    llm = RecordingLLM(INVENTED, COPIED, '{"output": "brake_power"}')
    expert = CalculationExpert(experts["calculation"].manifest, llm=llm, registry=get_registry())
    task = ExpertTask(
        question=QUESTION,
        sub_task=QUESTION,
        tool_hint="pump_power",
        candidate_tools=["pump_power"],
    )
    result = expert.run(task)
    assert result.ok, result.error
    fillings = [r for r, c in zip(llm.requests, result.llm_calls, strict=True)
                if c.purpose.startswith("fill")]  # fmt: skip
    assert len(fillings) == 2
    first, second = fillings
    assert second.messages[: len(first.messages)] == first.messages
    assert [m.role for m in second.messages[len(first.messages) :]] == ["assistant", "user"]
    assert "53" in second.messages[-2].content  # the refused reply, then what was wrong
