"""Distillation shortcut tools against closed-form results computed here."""

from __future__ import annotations

import math

import pytest

from peoa.exceptions import ToolInputError

from .helpers import call, q


def test_fenske_binary_and_multicomponent() -> None:
    r = call("fenske_min_stages", alpha=2.5, xD_light=0.95, xB_light=0.05)
    assert r.value("N_min") == pytest.approx(math.log(19 * 19) / math.log(2.5), rel=1e-12)
    m = call(
        "fenske_min_stages", alpha=2.0, xD_light=0.9, xB_light=0.02, xD_heavy=0.05, xB_heavy=0.6
    )
    assert m.value("N_min") == pytest.approx(
        math.log(0.9 / 0.05 * 0.6 / 0.02) / math.log(2), rel=1e-12
    )


def test_underwood_binary_matches_analytic_minimum_reflux() -> None:
    # saturated-liquid feed, binary: R_min = [xD/zF - alpha (1-xD)/(1-zF)] / (alpha - 1)
    alpha, zf, xd = 2.5, 0.4, 0.95
    analytic = (xd / zf - alpha * (1 - xd) / (1 - zf)) / (alpha - 1)
    r = call(
        "underwood_min_reflux",
        alpha=[alpha, 1.0],
        z_feed=[zf, 1 - zf],
        x_distillate=[xd, 1 - xd],
        q=1.0,
    )
    assert r.value("R_min") == pytest.approx(analytic, rel=1e-9)


def test_underwood_three_components_satisfies_both_equations() -> None:
    alpha, z, xd, qf = [4.0, 2.0, 1.0], [0.3, 0.3, 0.4], [0.6, 0.39, 0.01], 0.5
    r = call(
        "underwood_min_reflux",
        alpha=alpha,
        z_feed=z,
        x_distillate=xd,
        q=qf,
        light_key=1,
        heavy_key=2,
    )
    theta = r.value("theta")
    assert 1.0 < theta < 2.0
    assert sum(a * zi / (a - theta) for a, zi in zip(alpha, z, strict=True)) == pytest.approx(
        1 - qf, abs=1e-9
    )
    assert r.value("R_min") == pytest.approx(
        sum(a * x / (a - theta) for a, x in zip(alpha, xd, strict=True)) - 1, rel=1e-12
    )
    with pytest.raises(ToolInputError, match="light_key"):
        call("underwood_min_reflux", alpha=alpha, z_feed=z, x_distillate=xd)


def test_gilliland_molokanov_and_eduljee() -> None:
    n_min, r_min, r = 6.43, 1.1, 1.65
    x = (r - r_min) / (r + 1)
    y = 1 - math.exp((1 + 54.4 * x) / (11 + 117.2 * x) * (x - 1) / math.sqrt(x))
    mol = call("gilliland_stages", N_min=n_min, R_min=r_min, R=r)
    assert mol.value("N") == pytest.approx((n_min + y) / (1 - y), rel=1e-12)
    y_e = 0.75 * (1 - x**0.5668)
    edu = call("gilliland_stages", N_min=n_min, R_min=r_min, R=r, method="Eduljee")
    assert edu.value("N") == pytest.approx((n_min + y_e) / (1 - y_e), rel=1e-12)
    with pytest.raises(ToolInputError, match="must exceed"):
        call("gilliland_stages", N_min=n_min, R_min=r_min, R=1.0)


def test_mccabe_thiele_total_reflux_and_minimum_reflux() -> None:
    # at (nearly) total reflux the staircase needs ceil(Fenske N_min) stages
    fenske = math.log(19 * 19) / math.log(2.5)
    total = call("mccabe_thiele_stages", alpha=2.5, xD=0.95, xB=0.05, zF=0.5, R=1e6)
    assert total.value("stages_whole") == math.ceil(fenske)
    assert total.value("stages") == pytest.approx(fenske, abs=0.5)
    # the pinch R_min for a saturated-liquid feed is the analytic binary Underwood value
    design = call("mccabe_thiele_stages", alpha=2.5, xD=0.95, xB=0.05, zF=0.5, R_over_Rmin=1.5)
    assert design.value("R_min") == pytest.approx((0.95 / 0.5 - 2.5 * 0.05 / 0.5) / 1.5, rel=1e-9)
    xs, ys = design.value("x_stages"), design.value("y_stages")
    for x, y in zip(xs, ys, strict=True):  # every stage is an equilibrium stage
        assert y == pytest.approx(2.5 * x / (1 + 1.5 * x), rel=1e-9)
    assert xs[-1] <= 0.05 < xs[-2]
    assert 1 < design.value("feed_stage") < design.value("stages_whole")
    # a vapour feed (q = 0) needs more reflux than a liquid feed
    vapour = call("mccabe_thiele_stages", alpha=2.5, xD=0.95, xB=0.05, zF=0.5, q=0.0, R=3.0)
    assert vapour.value("R_min") > design.value("R_min")


def test_relative_volatility_benzene_toluene() -> None:
    # around 2.4-2.6 across the column (McCabe, Smith & Harriott use alpha = 2.5)
    r = call("relative_volatility", components=["benzene", "toluene"], temperature=q(95, "degC"))
    psat = r.value("Psat")
    assert r.value("alpha")[0] == pytest.approx(psat[0] / psat[1], rel=1e-12)
    assert 2.3 < r.value("alpha")[0] < 2.6
    # the binary's one number, whichever order the components come in
    assert r.value("alpha_key") == r.value("alpha")[0]
    swapped = call("relative_volatility", components=["toluene", "benzene"],
                   temperature=q(95, "degC"), reference="toluene")  # fmt: skip
    assert swapped.value("alpha_key") == pytest.approx(r.value("alpha_key"), rel=1e-12)
    with pytest.raises(ToolInputError, match="xB < zF < xD"):
        call("mccabe_thiele_stages", alpha=2.5, xD=0.4, xB=0.05, zF=0.5, R=2)
