"""The code expert: the model writes a short Python script, the sandbox runs it.

The script may import only the sandbox's allowed libraries and reports its answer by
setting ``result = {"value": ..., "unit": ...}``. When it fails (an exception, a
refused operation, a timeout, or a result that is not a number with a unit) the
error and the trimmed traceback go back to the model, which repairs the script, up
to ``max_revisions`` times.

The sandbox's limits and isolation policy are the ``[sandbox]`` settings
(``PEOA_SANDBOX__*``); a manifest's ``[options] timeout_s`` may set its own
wall-clock limit on top of them.
"""

from __future__ import annotations

import math
import re
from typing import Any, Self

from peoa.exceptions import PeoaError
from peoa.experts.base import ExpertManifest, ExpertResult, ExpertTask, Quantity
from peoa.experts.runtime import ModelExpert, Trace, task_context
from peoa.llm import LLM
from peoa.sandbox import SandboxResult, SandboxSettings, run_python
from peoa.sandbox.policy import ALLOWED_IMPORTS

__all__ = ["CodeExpert", "ResultError", "extract_code", "interpret_result"]

_FENCE = re.compile(r"```[ \t]*(?:python|py|python3)?[ \t]*\n(.*?)(?:\n```|\Z)", re.S | re.I)
_LIBRARIES = ("numpy", "scipy", "sympy", "pandas", "pint", "fluids", "ht", "thermo", "chemicals",
              "CoolProp", "cantera", "math")  # fmt: skip


class ResultError(ValueError):
    """The script ran but its ``result`` is not a number with a unit."""


def extract_code(reply: str) -> str:
    """The Python in a model's reply: the first fenced block, else the reply itself.

    A reply cut at the closing fence (the stop sequence) has an opening fence only.

    >>> extract_code("Here:\\n```python\\nx = 1\\nresult = x\\n```\\nDone.")
    'x = 1\\nresult = x'
    >>> extract_code("```python\\nresult = 2")
    'result = 2'
    >>> extract_code("result = 3\\n")
    'result = 3'
    """
    match = _FENCE.search(reply)
    code = match.group(1) if match else reply
    code = code.strip("\n")
    if code.lstrip().startswith("```"):  # a fence with nothing after it
        return ""
    return code.rstrip()


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dict) and set(value) == {"real", "imag"}:
        real, imag = value["real"], value["imag"]
        if abs(imag) <= 1e-9 * max(1.0, abs(real)):
            return float(real)
        return None
    if isinstance(value, list) and len(value) == 1:
        return _number(value[0])
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _quantity(value: Any, name: str) -> Quantity:
    from peoa.tools import ureg

    if isinstance(value, dict) and "value" in value:
        raw, unit = value["value"], value.get("unit") or ""
    else:
        raw, unit = value, ""
    if isinstance(raw, list) and len(raw) > 1:
        shown = ", ".join(str(v) for v in raw[:6])
        raise ResultError(
            f"{name} holds several values ({shown}); set it to the one value the sub-task asks for"
        )
    number = _number(raw)
    if number is None:
        raise ResultError(f"{name} is {raw!r}, not a real number")
    if not math.isfinite(number):
        raise ResultError(f"{name} is {number}, not a finite number")
    if not isinstance(unit, str):
        raise ResultError(f"the unit of {name} is {unit!r}, not a text such as 'kW'")
    try:
        ureg.Quantity(1, unit)
    except Exception:
        raise ResultError(f"the unit {unit!r} of {name} is not a unit pint knows") from None
    return Quantity(value=number, unit=unit)


def interpret_result(result: Any) -> tuple[Quantity, dict[str, Quantity]]:
    """The answer and the named outputs in a script's ``result``.

    ``result`` is ``{"value", "unit"}``, a plain number (dimensionless), or a mapping of
    names to either; in a mapping the answer is ``value``, ``answer`` or ``result``, or
    the only entry.

    >>> interpret_result({"value": 12.5, "unit": "kW"})[0]
    Quantity(value=12.5, unit='kW')
    >>> interpret_result({"Re": 1.2e5, "dP": {"value": 3.1, "unit": "kPa"}, "answer": {"value": 3.1, "unit": "kPa"}})[0].unit
    'kPa'
    """
    if result is None:
        raise ResultError(
            'the script set no result; end it with result = {"value": ..., "unit": "..."}'
        )
    if isinstance(result, dict) and "value" in result and set(result) <= {"value", "unit"}:
        answer = _quantity(result, "result")
        return answer, {"value": answer}
    if isinstance(result, dict) and result and {"real", "imag"} != set(result):
        outputs = {str(k): _quantity(v, f"result[{k!r}]") for k, v in result.items()}
        for key in ("value", "answer", "result"):
            if key in outputs:
                return outputs[key], outputs
        if len(outputs) == 1:
            return next(iter(outputs.values())), outputs
        raise ResultError(
            f"result has several entries ({', '.join(outputs)}) and none is named 'value'; "
            'set result = {"value": ..., "unit": "..."} for the answer'
        )
    answer = _quantity(result, "result")
    return answer, {"value": answer}


def _trim(text: str, limit: int = 1200) -> str:
    lines = text.strip().splitlines()
    kept = "\n".join(lines[-14:])
    return kept[-limit:]


class CodeExpert(ModelExpert):
    """Writes a Python script for the sub-task, runs it in the sandbox, repairs it on error."""

    def __init__(
        self,
        manifest: ExpertManifest,
        *,
        llm: LLM | None = None,
        sandbox: SandboxSettings | None = None,
    ) -> None:
        super().__init__(manifest, llm=llm)
        self._sandbox = sandbox

    def with_manifest(self, manifest: ExpertManifest) -> Self:
        """A new code expert over ``manifest`` with this one's model and sandbox settings."""
        return type(self)(manifest, llm=self._llm, sandbox=self._sandbox)

    @property
    def sandbox(self) -> SandboxSettings:
        """The sandbox settings its scripts run under: injected, else ``[sandbox]``."""
        if self._sandbox is not None:
            base = self._sandbox
        else:
            from peoa.config import get_settings

            base = get_settings().sandbox
        timeout = self.manifest.options.get("timeout_s")
        return base if timeout is None else base.model_copy(update={"timeout_s": float(timeout)})

    def libraries(self) -> str:
        allowed = [lib for lib in _LIBRARIES if lib in ALLOWED_IMPORTS]
        return ", ".join(allowed)

    def problem(self, run: SandboxResult) -> str:
        """What went wrong in a sandbox run, as the model will read it."""
        detail = run.error or run.error_kind or "the script failed"
        if run.traceback:
            detail = f"{detail}\n{_trim(run.traceback)}"
        elif run.stderr:
            detail = f"{detail}\n{_trim(run.stderr)}"
        return detail

    @staticmethod
    def prelude(task: ExpertTask) -> str:
        """The question's values as Python variables, defined before the model's script:
        the model uses them by name and never retypes a number."""
        lines = []
        for name, item in task.inputs.items():
            if isinstance(item, dict) and isinstance(item.get("value"), int | float):
                unit = item.get("unit") or "dimensionless"
                lines.append(
                    f"{name} = {float(item['value'])!r}  # {unit}: {item.get('means', '')}"
                )
        return "\n".join(lines)

    def messages(self, task: ExpertTask) -> list[dict[str, str]]:
        context = task_context(task.model_copy(update={"inputs": {}}))
        prelude = self.prelude(task)
        if prelude:
            context += (
                "\nThese variables are already defined with the question's values (use them by "
                f"name, never retype their numbers):\n{prelude}"
            )
        messages = [
            {"role": "system", "content": self.prompt("system", libraries=self.libraries())},
            {"role": "user", "content": context},
        ]
        previous = task.previous
        if previous is not None and previous.code:
            # the result's text holds the whole traceback; its error only the first line
            reported = previous.text if previous.error and previous.text else previous.error
            error = "; ".join(p for p in (reported, task.feedback) if p) or "it was wrong"
            messages += [
                {"role": "assistant", "content": f"```python\n{previous.code}\n```"},
                {"role": "user", "content": self.prompt("repair", error=error)},
            ]
        elif task.feedback:
            messages[1]["content"] += f"\nReviewer's feedback on the last attempt: {task.feedback}"
        return messages

    def run(self, task: ExpertTask) -> ExpertResult:
        trace = Trace()
        messages = self.messages(task)
        sandbox = self.sandbox
        code, error, stdout = "", "", None
        try:
            for attempt in range(1 + self.manifest.max_revisions):
                purpose = "write code" if attempt == 0 and task.previous is None else "repair code"
                reply = self.chat(trace, messages, purpose=purpose, stop=["\n```"])
                if attempt and extract_code(reply) == code:
                    break  # the model repeats the failed script; another round would too
                code = extract_code(reply)
                if not code.strip():
                    error = "the reply held no Python code; reply with one ```python block"
                else:
                    prelude = self.prelude(task)
                    run = run_python(f"{prelude}\n{code}" if prelude else code, limits=sandbox)
                    stdout = run.stdout or None
                    if run.ok:
                        try:
                            answer, outputs = interpret_result(run.result)
                        except ResultError as bad:
                            error = str(bad)
                        else:
                            return self.finish(
                                task,
                                trace,
                                ok=True,
                                answer=answer,
                                outputs=outputs,
                                text=f"script result: {answer.value:.6g} {answer.unit}".strip(),
                                code=code,
                                stdout=stdout,
                            )
                    else:
                        error = self.problem(run)
                messages = [
                    *messages[:2],
                    {"role": "assistant", "content": f"```python\n{code}\n```"},
                    {"role": "user", "content": self.prompt("repair", error=error)},
                ]
        except PeoaError as failure:
            error = str(failure)
        first_line = error.strip().splitlines()[0] if error.strip() else "the script failed"
        return self.finish(
            task, trace, ok=False, code=code or None, stdout=stdout, error=first_line, text=error
        )
