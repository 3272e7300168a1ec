"""Templates for heat exchangers and convective heat transfer."""

from __future__ import annotations

import random
from typing import Any

from peoa.distill.templates.base import (
    CONDUCTIVITY,
    CP,
    HTC,
    MASSFLOW,
    POWER,
    Template,
    define,
    num,
    q,
    rounded,
)

__all__ = ["BANK"]


def _hx_temperatures(rng: random.Random) -> dict[str, Any]:
    """Four stream temperatures in one unit: the hot stream cools, the cold one warms."""
    unit = rng.choice(["°C", "K", "°F"])
    shift = {"°C": 0.0, "K": 273.15, "°F": None}[unit]
    hot_in = rng.uniform(120, 200)
    hot_out = hot_in - rng.uniform(30, 70)
    cold_in = rng.uniform(15, 40)
    cold_out = cold_in + rng.uniform(20, max(21.0, hot_out - cold_in - 10))

    def conv(t: float) -> dict[str, Any]:
        value = t * 9 / 5 + 32 if shift is None else t + shift
        return {"value": rounded(value, 4), "unit": unit}

    return {"T_hot_in": conv(hot_in), "T_hot_out": conv(hot_out),
            "T_cold_in": conv(cold_in), "T_cold_out": conv(cold_out)}  # fmt: skip


BANK: tuple[Template, ...] = (
    # -- heat exchangers -------------------------------------------------------------
    define(
        "hx_lmtd",
        "heat_exchangers",
        "LMTD",
        "the log-mean temperature difference",
        _hx_temperatures,
        "A counter-current exchanger cools a hot stream from {T_hot_in} to {T_hot_out} while heating a cold stream from {T_cold_in} to {T_cold_out}. What is the LMTD?",
        "Find the log-mean temperature difference: hot side {T_hot_in} in, {T_hot_out} out; cold side {T_cold_in} in, {T_cold_out} out.",
        "What LMTD should be used for an exchanger with hot inlet {T_hot_in}, hot outlet {T_hot_out}, cold inlet {T_cold_in} and cold outlet {T_cold_out}?",
        "Terminal temperatures {T_hot_in} -> {T_hot_out} (hot) and {T_cold_in} -> {T_cold_out} (cold), countercurrent. Log-mean temperature difference?",
    ),
    define(
        "hx_duty",
        "heat_exchangers",
        "Q_abs",
        "the heat duty",
        lambda r: {
            "mass_flow": q(r, MASSFLOW),
            "specific_heat": q(r, CP),
            "T_in": q(r, {"°C": (20, 40)}),
            "T_out": q(r, {"°C": (60, 95)}),
        },
        "What duty is needed to heat {mass_flow} of liquid with heat capacity {specific_heat} from {T_in} to {T_out}?",
        "Find the heat load for {mass_flow} of a stream (cp {specific_heat}) heated from {T_in} to {T_out}.",
        "A heater warms {mass_flow} from {T_in} to {T_out}; the fluid's specific heat is {specific_heat}. What is the heat duty?",
        "Sensible heat: m = {mass_flow}, cp = {specific_heat}, T1 = {T_in}, T2 = {T_out}. Duty?",
    ),
    define(
        "hx_area",
        "heat_exchangers",
        "A",
        "the heat-transfer area",
        lambda r: {
            "duty": q(r, POWER),
            "U": q(r, HTC),
            "LMTD": q(r, {"K": (10, 60), "°C": (10, 60)}),
        },
        "An exchanger must transfer {duty} with an overall coefficient of {U} and an LMTD of {LMTD}. What area is needed?",
        "Find the required heat-transfer area for Q = {duty}, U = {U}, LMTD = {LMTD}.",
        "What surface does a cooler need for a duty of {duty} when U is {U} and the mean temperature difference is {LMTD}?",
        "Area of a heat exchanger with duty {duty}, overall U {U}, log-mean temperature difference {LMTD}?",
    ),
    define(
        "hx_overall_u",
        "heat_exchangers",
        "U_outer",
        "the overall heat-transfer coefficient",
        lambda r: {"h_inner": q(r, HTC), "h_outer": q(r, HTC)},
        "The tube-side film coefficient is {h_inner} and the shell-side one is {h_outer}. What is the overall heat-transfer coefficient (thin wall, clean)?",
        "Find U from film coefficients h_i = {h_inner} and h_o = {h_outer}.",
        "Combine an inside coefficient of {h_inner} with an outside coefficient of {h_outer} into an overall U.",
        "Overall coefficient for film coefficients {h_inner} (inside) and {h_outer} (outside)?",
    ),
    define(
        "hx_ntu_from_effectiveness",
        "heat_exchangers",
        "NTU",
        "the number of transfer units",
        lambda r: {"effectiveness": num(r, 0.3, 0.8, 2), "Cr": num(r, 0.2, 0.9, 2)},
        "A counterflow exchanger must reach an effectiveness of {effectiveness} with a capacity ratio of {Cr}. How many transfer units are needed?",
        "Find NTU for effectiveness {effectiveness} and Cr = {Cr}.",
        "What NTU gives an effectiveness of {effectiveness} when Cmin/Cmax = {Cr}?",
        "epsilon = {effectiveness}, Cr = {Cr}: number of transfer units?",
    ),
    # -- heat transfer ---------------------------------------------------------------
    define(
        "nu_dittus_boelter",
        "heat_transfer",
        "h",
        "the film coefficient",
        lambda r: {
            "diameter": q(r, {"mm": (10, 50)}),
            "thermal_conductivity": q(r, CONDUCTIVITY),
            "Re": num(r, 12000, 200000),
            "Pr": num(r, 1, 20),
        },
        "Water flows in a {diameter} tube with Re = {Re} and Pr = {Pr}; its thermal conductivity is {thermal_conductivity}. What is the heat-transfer coefficient (Dittus-Boelter)?",
        "Find the tube-side film coefficient from Re {Re}, Pr {Pr}, tube diameter {diameter} and k = {thermal_conductivity}.",
        "Estimate h inside a tube of {diameter} ID for turbulent flow, Reynolds {Re}, Prandtl {Pr}, fluid conductivity {thermal_conductivity}.",
        "Dittus-Boelter: D = {diameter}, k = {thermal_conductivity}, Re = {Re}, Pr = {Pr}. Heat-transfer coefficient?",
    ),
    define(
        "nu_gnielinski",
        "heat_transfer",
        "Nu",
        "the Nusselt number",
        lambda r: {
            "diameter": q(r, {"mm": (10, 50)}),
            "thermal_conductivity": q(r, CONDUCTIVITY),
            "Re": num(r, 5000, 200000),
            "Pr": num(r, 0.7, 20),
        },
        "Use the Gnielinski correlation to find the Nusselt number for Re = {Re}, Pr = {Pr} in a {diameter} tube (fluid k = {thermal_conductivity}).",
        "What Nusselt number does Gnielinski give at a Reynolds number of {Re} and Prandtl number of {Pr}? Tube {diameter}, conductivity {thermal_conductivity}.",
        "Turbulent tube flow: Re {Re}, Pr {Pr}, D {diameter}, k {thermal_conductivity}. Nu by Gnielinski?",
        "Find Nu (Gnielinski) for a {diameter} pipe, Re {Re}, Pr {Pr}, k {thermal_conductivity}.",
    ),
)
