"""Flow meter questions that need less than a whole meter calculation: a liquid's
discharge coefficient without a line pressure, a gas's expansibility from the taps."""

from __future__ import annotations

import fluids.flow_meter as fm
import pytest

from peoa.planning import Planner
from tests.planning.answers import answer


def test_a_liquids_discharge_coefficient_needs_no_line_pressure(planner: Planner) -> None:
    described, c = answer(
        planner,
        "What is the discharge coefficient of a flange-tapped orifice with a 45 mm bore in a "
        "100 mm pipe passing 6 kg/s of water (density 997 kg/m³, viscosity 0.89 mPa·s)?",
    )
    assert described == "flow_meter_dp.C"
    # Reader-Harris/Gallagher at this flow's Reynolds number, from fluids directly.
    expected = fm.C_Reader_Harris_Gallagher(0.1, 0.045, 997, 0.89e-3, 6, "flange")
    assert c == pytest.approx(expected, rel=1e-6)


def test_a_gas_expansibility_from_the_taps_and_k(planner: Planner) -> None:
    described, epsilon = answer(
        planner,
        "Air (k = 1.4) passes a 95 mm orifice bore in a 240 mm pipe; the upstream tap reads "
        "6.2 bar absolute and the downstream tap 5.9 bar absolute. Find the expansibility "
        "factor.",
    )
    assert described == "meter_expansibility.epsilon"
    beta = 95 / 240
    by_hand = 1 - (0.351 + 0.256 * beta**4 + 0.93 * beta**8) * (1 - (5.9 / 6.2) ** (1 / 1.4))
    assert epsilon == pytest.approx(by_hand, rel=1e-9)
