"""The calculation expert's prompts share their beginning, so llama.cpp reuses it.

A call reuses whole ``n_batch`` blocks of the previous call's prompt (``[llm] n_batch``,
:func:`peoa.llm.llama.reusable_prefix`). The tool choice, the filling and the output
choice therefore open with the same system prompt, and the first two with the same task
lines. What is under test is the layout of the messages, not the model's skill, so a
scripted model records them.
"""

from __future__ import annotations

from collections.abc import Iterator

from peoa.experts import ExpertTask
from peoa.experts.calculation import CalculationExpert
from peoa.llm.base import Delta, GenerationRequest
from peoa.tools import get_registry
from tests.experts.test_sandbox_settings import ScriptedLLM

QUESTION = (
    "A pump delivers 40 m3/h of water (density 998 kg/m3) against 35 m of head at 72 % "
    "efficiency. What power does it need?"
)
FILLING = (
    '{"volumetric_flow": {"value": 40, "unit": "m3/h"}, "head": {"value": 35, "unit": "m"}, '
    '"density": {"value": 998, "unit": "kg/m3"}, "efficiency": {"value": 72, "unit": "%"}}'
)


class RecordingLLM(ScriptedLLM):
    def __init__(self, *replies: str) -> None:
        super().__init__(*replies)
        self.requests: list[GenerationRequest] = []

    def _generate(self, request: GenerationRequest, stream: bool) -> Iterator[Delta]:
        self.requests.append(request)
        return super()._generate(request, stream)


def test_choice_filling_and_output_choice_open_alike(experts) -> None:
    llm = RecordingLLM('{"tool": "pump_power"}', FILLING, '{"output": "brake_power"}')
    expert = CalculationExpert(experts["calculation"].manifest, llm=llm, registry=get_registry())
    task = ExpertTask(
        question=QUESTION,
        sub_task=QUESTION,
        candidate_tools=["pump_power", "pump_head", "npsh_available"],
    )
    result = expert.run(task)
    assert result.ok, result.error
    purposes = [call.purpose for call in result.llm_calls]
    assert purposes == ["choose tool", "fill pump_power arguments", "choose output"]
    systems = {request.messages[0].content for request in llm.requests}
    assert len(systems) == 1  # one system prompt for every call
    users = [request.messages[1].content for request in llm.requests]
    opening = f"Question: {QUESTION}\nSub-task: {QUESTION}\n"
    assert all(user.startswith(opening) for user in users[:2])
    # Each call's own instruction closes its message, after the shared part.
    assert users[0].rstrip().endswith(expert.prompt("choose").strip())
