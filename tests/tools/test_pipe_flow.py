"""Pipe flow tools against Crane TP-410, ASME B36.10M, Hooper and Darby, and hand
calculations of Darcy-Weisbach with an independently solved Colebrook equation."""

from __future__ import annotations

import math

import pytest

from peoa.exceptions import ToolInputError

from .helpers import call, q

G = 9.80665


def colebrook(Re: float, eD: float) -> float:
    """Colebrook (1939) solved by fixed-point iteration, independent of fluids."""
    f = 0.02
    for _ in range(200):
        f = (-2.0 * math.log10(eD / 3.7 + 2.51 / (Re * math.sqrt(f)))) ** -2
    return f


def churchill_1977(Re: float, eD: float) -> float:
    """Churchill, Chem. Eng. 84 (1977) 91, written out from the paper."""
    A = (2.457 * math.log(1.0 / ((7.0 / Re) ** 0.9 + 0.27 * eD))) ** 16
    B = (37530.0 / Re) ** 16
    return 8.0 * ((8.0 / Re) ** 12 + 1.0 / (A + B) ** 1.5) ** (1.0 / 12.0)


def test_reynolds_number_hand_calculation() -> None:
    result = call(
        "reynolds_number",
        velocity=q(2, "m/s"),
        diameter=q(50, "mm"),
        density=q(998.2, "kg/m^3"),
        viscosity=q(1.002, "mPa*s"),
    )
    assert result.value("Re") == pytest.approx(998.2 * 2 * 0.05 / 1.002e-3, rel=1e-12)
    assert result.value("regime") == "turbulent"


@pytest.mark.parametrize(("Re", "eD"), [(1e5, 1e-4), (5e4, 1e-3), (1e6, 0.0)])
def test_friction_factor_colebrook_and_churchill(Re: float, eD: float) -> None:
    cole = call("friction_factor", Re=Re, relative_roughness=eD, method="Colebrook")
    assert cole.value("fd") == pytest.approx(colebrook(Re, eD), rel=1e-9)
    assert cole.method == "Colebrook"
    church = call("friction_factor", Re=Re, relative_roughness=eD, method="Churchill_1977")
    assert church.value("fd") == pytest.approx(churchill_1977(Re, eD), rel=1e-9)
    # Moody (1944): Re 1e5, e/D 1e-4 reads 0.0185
    if Re == 1e5:
        assert cole.value("fd") == pytest.approx(0.0185, abs=2e-4)


def test_friction_factor_from_roughness_and_laminar() -> None:
    result = call("friction_factor", Re=1e5, roughness=q(0.0457, "mm"), diameter=q(2, "in"))
    assert result.value("fd") == pytest.approx(colebrook(1e5, 0.0457e-3 / 0.0508), rel=1e-4)
    laminar = call("friction_factor", Re=1000, relative_roughness=0)
    assert laminar.value("fd") == pytest.approx(64 / 1000)
    assert laminar.method.startswith("laminar")
    with pytest.raises(ToolInputError, match=r"relative_roughness"):
        call("friction_factor", Re=1e5)


def test_pipe_roughness_farshad() -> None:
    # Farshad and Rieke (2006) Table 2: bare carbon steel, 0.0014 in average = 35.6 um
    result = call("pipe_roughness", material="Carbon steel, bare", diameter=q(4, "in"))
    assert result.value("roughness") == pytest.approx(35e-6, rel=0.05)
    with pytest.raises(ToolInputError, match=r"did you mean"):
        call("pipe_roughness", material="Carbon steel bare")


def test_fitting_k_crane_globe_valve() -> None:
    # Crane TP-410 (2009) A-27: globe valve K = 340 f_t; A-26: f_t = 0.019 for 2-in pipe
    result = call("fitting_loss_coefficient", fitting="globe valve", diameter=q(52.5, "mm"))
    assert result.value("K") == pytest.approx(340 * 0.019, rel=0.01)
    assert result.value("L_over_D") == pytest.approx(340)
    assert result.method == "Crane"


def test_fitting_k_hooper_and_darby() -> None:
    # Hooper, Chem. Eng. 88 (1981): K = K1/Re + Kinf (1 + 1/D[in]); globe valve K1=1500,
    # Kinf=4
    hooper = call(
        "fitting_loss_coefficient", fitting="Valve, Globe, Standard", diameter=q(2, "in"), Re=1e4
    )
    assert hooper.value("K") == pytest.approx(1500 / 1e4 + 4 * (1 + 1 / 2), rel=1e-9)
    # Darby, Chem. Eng. 106 (1999): K = K1/Re + Ki (1 + Kd / NPS^0.3); globe K1=1500,
    # Ki=1.7, Kd=3.6; schedule 40 2-in pipe (Di 52.48 mm) is NPS 2
    darby = call(
        "fitting_loss_coefficient",
        fitting="Valve, Globe valve, standard, β = 1",
        diameter=q(52.48, "mm"),
        Re=1e4,
    )
    assert darby.value("K") == pytest.approx(1500 / 1e4 + 1.7 * (1 + 3.6 / 2**0.3), rel=1e-3)
    with pytest.raises(ToolInputError, match=r"Hooper"):
        call(
            "fitting_loss_coefficient",
            fitting="Valve, Globe, Standard",
            diameter=q(2, "in"),
            Re=1e4,
            method="Crane",
        )


def test_pipe_pressure_drop_hand_calculation() -> None:
    D, L, rho, mu, Qv, K, dz = 0.0525, 100.0, 998.0, 1e-3, 10 / 3600, 3.0, 5.0
    result = call(
        "pipe_pressure_drop",
        diameter=q(52.5, "mm"),
        length=q(100, "m"),
        density=q(998, "kg/m^3"),
        viscosity=q(1, "cP"),
        volumetric_flow=q(10, "m^3/h"),
        roughness=q(0.0457, "mm"),
        sum_K=K,
        elevation_change=q(5, "m"),
        method="Colebrook",
    )
    V = Qv / (math.pi / 4 * D**2)
    Re = rho * V * D / mu
    f = colebrook(Re, 0.0457e-3 / D)
    expected = (f * L / D + K) * rho * V**2 / 2 + rho * G * dz
    assert result.value("dP") == pytest.approx(expected, rel=1e-9)
    assert result.value("velocity") == pytest.approx(V)
    with pytest.raises(ToolInputError, match=r"exactly one"):
        call(
            "pipe_pressure_drop",
            diameter=q(52.5, "mm"),
            length=q(100, "m"),
            density=q(998, "kg/m^3"),
            viscosity=q(1, "cP"),
        )


def test_pipe_schedule_asme_b36_10() -> None:
    # ASME B36.10M: NPS 2 schedule 40: OD 60.3 mm, wall 3.91 mm, ID 52.48 mm
    result = call("pipe_schedule", NPS=2, schedule="40")
    assert result.value("Do") == pytest.approx(0.0603)
    assert result.value("t") == pytest.approx(0.00391)
    assert result.value("Di") == pytest.approx(0.05248)
    # the smallest schedule-80 pipe with at least 50 mm bore: NPS 2-1/2 (ID 59.0 mm)
    bigger = call("pipe_schedule", inner_diameter=q(50, "mm"), schedule="80")
    assert bigger.value("NPS") == pytest.approx(2.5)


def test_flow_from_head_closes_darcy_weisbach() -> None:
    D, L, rho, mu, K = 0.0525, 100.0, 998.0, 1e-3, 3.0
    result = call(
        "flow_from_head",
        diameter=q(52.5, "mm"),
        length=q(100, "m"),
        density=q(998, "kg/m^3"),
        viscosity=q(1, "cP"),
        available_head=q(5, "m"),
        roughness=q(0.0457, "mm"),
        sum_K=K,
        method="Colebrook",
    )
    V = result.value("velocity")
    f = colebrook(rho * V * D / mu, 0.0457e-3 / D)
    assert (f * L / D + K) * V**2 / (2 * G) == pytest.approx(5.0, rel=1e-8)
    assert result.value("volumetric_flow") == pytest.approx(V * math.pi / 4 * D**2)


# -- tees and wyes (Crane TP-410) ------------------------------------------------------


def test_tee_converging_crane_example_7_35() -> None:
    # Crane TP-410 (2009) Example 7-35: a DN100 sch. 40 tee (D = 102.3 mm), 1135 L/min
    # through the run and 380 L/min joining through the 90 degree branch. Crane gives
    # K_branch = -0.04026 (fluids: -0.04044, its table interpolation). For the run at 90
    # degrees K_run = 1.55 (Qb/Qc) - (Qb/Qc)^2 by hand = 0.3258 (fluids' docstring misprints
    # Crane's value as 0.03258).
    result = call(
        "tee_loss_coefficient",
        flow="converging",
        combined_flow=q(0.018917 + 0.00633, "m^3/s"),
        branch_flow=q(0.00633, "m^3/s"),
        run_diameter=q(102.3, "mm"),
    )
    assert result.value("K_branch") == pytest.approx(-0.0404410851362, rel=1e-9)
    assert result.value("K_branch") == pytest.approx(-0.04026, abs=5e-4)
    ratio = 0.00633 / (0.018917 + 0.00633)
    assert result.value("flow_ratio") == pytest.approx(ratio)
    assert result.value("K_run") == pytest.approx(1.55 * ratio - ratio**2, rel=1e-9)
    assert result.value("K_run") == pytest.approx(0.32575847854551254, rel=1e-9)
    velocity = (0.018917 + 0.00633) / (math.pi / 4 * 0.1023**2)
    assert result.value("combined_velocity") == pytest.approx(velocity)


def test_wye_diverging_crane_example_7_36() -> None:
    # Crane TP-410 (2009) Example 7-36: a DN150 sch. 80 wye (D = 146 mm), 1515 L/min leaving
    # the run and 950 L/min through the 45 degree branch: K_branch = 0.4640, K_run = -0.06809.
    result = call(
        "tee_loss_coefficient",
        flow="diverging",
        combined_flow=q(0.02525 + 0.01583, "m^3/s"),
        branch_flow=q(0.01583, "m^3/s"),
        run_diameter=q(0.146, "m"),
        branch_diameter=q(0.146, "m"),
        angle=q(45, "deg"),
    )
    assert result.value("K_branch") == pytest.approx(0.4640, abs=2e-4)
    assert result.value("K_run") == pytest.approx(-0.06809, abs=2e-4)
    # By hand (Crane A-29, beta = 1, Qb/Qc = 0.385 <= 0.5): K_run = 2 (2 Qb/Qc - 1) (Qb/Qc)^2
    ratio = 0.01583 / (0.02525 + 0.01583)
    assert result.value("K_run") == pytest.approx(2 * (2 * ratio - 1) * ratio**2, rel=1e-9)


def test_tee_branch_flow_above_combined_is_refused() -> None:
    with pytest.raises(ToolInputError, match="exceeds the combined flow"):
        call(
            "tee_loss_coefficient",
            flow="converging",
            combined_flow=q(10, "L/s"),
            branch_flow=q(12, "L/s"),
            run_diameter=q(100, "mm"),
        )
    with pytest.raises(ToolInputError, match="angle"):
        call(
            "tee_loss_coefficient",
            flow="diverging",
            combined_flow=q(10, "L/s"),
            branch_flow=q(2, "L/s"),
            run_diameter=q(100, "mm"),
            angle=q(120, "deg"),
        )


# -- open channels (Manning) -----------------------------------------------------------


def test_open_channel_trapezoid_chow_example_6_2() -> None:
    # Chow, Open-Channel Hydraulics (1959) Example 6-2: trapezoidal channel, b = 20 ft,
    # z = 2, S0 = 0.0016, n = 0.025, Q = 400 cfs -> normal depth yn = 3.36 ft. Checked
    # forward here: at y = 3.36 ft, A = (20 + 2*3.36) 3.36 = 89.78 ft^2,
    # P = 20 + 2*3.36*sqrt(5) = 35.03 ft, R = 2.563 ft, and Q comes back as 400 cfs
    # (Chow's 1.49 is 3.2808^(1/3) = 1.486 rounded, so the SI form gives 0.3 % less).
    result = call(
        "open_channel_flow",
        width=q(20, "ft"),
        depth=q(3.36, "ft"),
        side_slope=2,
        slope=0.0016,
        manning_n=0.025,
    )
    area = (20 + 2 * 3.36) * 3.36
    perimeter = 20 + 2 * 3.36 * math.sqrt(5)
    assert area == pytest.approx(89.78, abs=0.01) and perimeter == pytest.approx(35.03, abs=0.01)
    assert result.value("area", "ft^2") == pytest.approx(area, rel=1e-9)
    assert result.value("wetted_perimeter", "ft") == pytest.approx(perimeter, rel=1e-9)
    assert result.value("hydraulic_radius", "ft") == pytest.approx(area / perimeter, rel=1e-9)
    assert result.value("volumetric_flow", "ft^3/s") == pytest.approx(400, rel=0.005)
    # SI by hand: Q = A R^(2/3) S^(1/2) / n
    a_si, r_si = area * 0.3048**2, area / perimeter * 0.3048
    q_si = a_si * r_si ** (2 / 3) * 0.04 / 0.025
    assert result.value("volumetric_flow", "m^3/s") == pytest.approx(q_si, rel=1e-9)
    assert result.value("velocity", "m/s") == pytest.approx(q_si / a_si, rel=1e-9)


def test_open_channel_rectangle_and_partly_full_pipe_by_hand() -> None:
    # Rectangle 3 m wide, 1 m deep, S = 0.001, n = 0.015: A = 3, P = 5, R = 0.6 m,
    # V = 0.6^(2/3) 0.001^0.5 / 0.015 = 1.500 m/s, Q = 4.500 m^3/s.
    rect = call(
        "open_channel_flow",
        width=q(3, "m"),
        depth=q(1, "m"),
        slope=q(0.1, "%"),
        manning_n=0.015,
    )
    v = 0.6 ** (2 / 3) * math.sqrt(0.001) / 0.015
    assert rect.value("hydraulic_radius", "m") == pytest.approx(0.6)
    assert rect.value("velocity", "m/s") == pytest.approx(v)
    assert rect.value("volumetric_flow", "m^3/s") == pytest.approx(3 * v)
    assert rect.value("froude_number") == pytest.approx(v / math.sqrt(G * 1.0))
    # A pipe half full and full both have R = D/4; half full carries half the full flow.
    half, full = (
        call(
            "open_channel_flow",
            diameter=q(600, "mm"),
            depth=q(depth, "mm"),
            slope=0.002,
            manning_n=0.013,
        )
        for depth in (300, 600)
    )
    assert half.value("hydraulic_radius", "m") == pytest.approx(0.15)
    assert full.value("hydraulic_radius", "m") == pytest.approx(0.15)
    assert half.value("area", "m^2") == pytest.approx(math.pi * 0.3**2 / 2)
    assert half.value("wetted_perimeter", "m") == pytest.approx(math.pi * 0.3)
    assert half.value("volumetric_flow") == pytest.approx(full.value("volumetric_flow") / 2)
    assert full.warnings  # above 94 % of the diameter the flow tends to run full
    assert full.value("froude_number") is None  # no free surface
    assert half.method == "Manning, circular section"


def test_open_channel_bad_inputs() -> None:
    with pytest.raises(ToolInputError, match="above the pipe diameter"):
        call(
            "open_channel_flow",
            diameter=q(1, "m"),
            depth=q(1.2, "m"),
            slope=0.001,
            manning_n=0.013,
        )
    with pytest.raises(ToolInputError, match=r"side_slope.*trapezoidal"):
        call(
            "open_channel_flow",
            shape="trapezoidal",
            width=q(1, "m"),
            depth=q(0.5, "m"),
            slope=0.001,
            manning_n=0.013,
        )
    with pytest.raises(ToolInputError, match="manning_n"):
        call(
            "open_channel_flow",
            width=q(1, "m"),
            depth=q(0.5, "m"),
            slope=0.001,
            manning_n=0,
        )
    with pytest.raises(ToolInputError, match="bottom 'width' or the pipe's 'diameter'"):
        call(
            "open_channel_flow",
            width=q(1, "m"),
            diameter=q(1, "m"),
            depth=q(0.5, "m"),
            slope=0.001,
            manning_n=0.013,
        )
    with pytest.raises(ToolInputError, match="circular section takes the diameter"):
        call(
            "open_channel_flow",
            shape="circular",
            width=q(1, "m"),
            depth=q(0.5, "m"),
            slope=0.001,
            manning_n=0.013,
        )


# -- a named friction method in laminar flow ---------------------------------------------


def test_friction_factor_reports_laminar_when_a_named_method_is_not_used() -> None:
    # Below Re = 2040 fluids returns 64/Re whatever method is named: say so.
    result = call("friction_factor", Re=1000, relative_roughness=1e-4, method="Haaland")
    assert result.value("fd") == pytest.approx(64 / 1000, rel=1e-12)
    assert result.method == "laminar (64/Re)"
    assert any("Haaland" in w and "64/Re" in w for w in result.warnings)
    turbulent = call("friction_factor", Re=1e5, relative_roughness=1e-4, method="Haaland")
    assert turbulent.method == "Haaland"


def test_pipe_pressure_drop_reports_laminar_when_a_named_method_is_not_used() -> None:
    # Oil, 100 cP and 900 kg/m3, 1 m3/h in 52.5 mm: Re = 60.6, so f = 64/Re (Hagen-Poiseuille).
    D, L, rho, mu = 0.0525, 100.0, 900.0, 0.1
    V = 1 / 3600 / (math.pi / 4 * D**2)
    Re = rho * V * D / mu
    result = call("pipe_pressure_drop", diameter=q(52.5, "mm"), length=q(100, "m"),
                  density=q(900, "kg/m^3"), viscosity=q(100, "cP"),
                  volumetric_flow=q(1, "m^3/h"), method="Haaland")  # fmt: skip
    assert result.value("dP") == pytest.approx(64 / Re * L / D * rho * V**2 / 2, rel=1e-9)
    assert result.method == "laminar (64/Re)"


def test_flow_from_head_reports_laminar_when_a_named_method_is_not_used() -> None:
    # Hagen-Poiseuille under a 1 m head, no fittings: V = rho g h D^2 / (32 mu L).
    D, L, rho, mu, h = 0.0525, 100.0, 900.0, 0.1, 1.0
    result = call("flow_from_head", diameter=q(52.5, "mm"), length=q(100, "m"),
                  density=q(900, "kg/m^3"), viscosity=q(100, "cP"),
                  available_head=q(1, "m"), method="Haaland")  # fmt: skip
    assert result.value("velocity") == pytest.approx(rho * G * h * D**2 / (32 * mu * L), rel=1e-8)
    assert result.value("Re") < 2040
    assert result.method == "laminar (64/Re)"


def test_a_level_difference_between_open_tanks_drives_the_flow_as_a_head() -> None:
    base = {"diameter": q(52.5, "mm"), "length": q(100, "m"), "density": q(998, "kg/m^3"),
            "viscosity": q(1, "cP"), "sum_K": 3}  # fmt: skip
    by_head = call("flow_from_head", **base, available_head=q(5, "m"))
    by_level = call("flow_from_head", **base, level_difference=q(5, "m"))
    assert by_level.value("volumetric_flow") == pytest.approx(by_head.value("volumetric_flow"))
    with pytest.raises(ToolInputError, match="exactly one"):
        call("flow_from_head", **base, available_head=q(5, "m"), level_difference=q(5, "m"))
