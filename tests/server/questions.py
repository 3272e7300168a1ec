"""The questions the server tests ask, with their answers worked out by hand.

The default pipeline routes a question with numbers to the calculation expert. With
the base 0.5B model its argument filling is reliable for the demo's pump question
(``pump_power``) and for plain unit conversions; pump questions with other flows
sometimes get a density put into ``mass_flow``, so tests that need many distinct
questions ask conversions.
"""

from __future__ import annotations

__all__ = ["DEMO_FLOW", "conversion_question", "pump_question"]

DEMO_FLOW = 20.0  # m3/h: the demo's question, also solved by tests/agent/test_assistant.py


def pump_question(flow_m3h: float) -> tuple[str, float]:
    """The demo's pump question with another flow, and its answer in W (rho g Q H / eta)."""
    question = (
        f"A centrifugal pump delivers {flow_m3h:g} m3/h of water (density 998 kg/m3) against a "
        "total head of 35 m. The pump efficiency is 70 %. What brake power does the pump need?"
    )
    return question, 998 * 9.80665 * flow_m3h / 3600 * 35 / 0.7


def conversion_question(bar: int) -> tuple[str, float]:
    """A pressure conversion and its answer in kPa."""
    return f"Convert {bar} bar to kPa.", 100.0 * bar
