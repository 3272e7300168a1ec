"""Field-library look-ups shared by several problem kinds (thermo, CoolProp, fluids; never
PEOA's own tool wrappers, so a dataset does not test a tool against itself)."""

from __future__ import annotations

from functools import cache
from typing import Any

from bank.core import P_ATM

__all__ = ["LIQUIDS", "_chemical", "_coolprop", "_darcy", "_humid", "_liquid", "_psat", "_tsat"]


@cache
def _chemical(name: str) -> Any:
    from thermo import Chemical

    return Chemical(name)


def _psat(name: str, T: float) -> float:
    """Vapour pressure [Pa] from thermo's default (recommended) correlation."""
    return float(_chemical(name).VaporPressure(T))


def _tsat(name: str, P: float) -> float:
    return float(_chemical(name).VaporPressure.solve_property(P))


def _coolprop(output: str, name1: str, v1: float, name2: str, v2: float, fluid: str) -> float:
    from CoolProp.CoolProp import PropsSI

    return float(PropsSI(output, name1, v1, name2, v2, fluid))


def _humid(output: str, T: float, P: float, RH: float) -> float:
    from CoolProp.HumidAirProp import HAPropsSI

    return float(HAPropsSI(output, "T", T, "P", P, "R", RH))


def _darcy(Re: float, eD: float) -> float:
    from fluids import friction_factor

    return float(friction_factor(Re=Re, eD=eD, Method="Colebrook"))


LIQUIDS = {  # display name -> thermo name
    "benzene": "benzene",
    "toluene": "toluene",
    "ethanol": "ethanol",
    "methanol": "methanol",
    "acetone": "acetone",
    "n-hexane": "hexane",
    "n-heptane": "heptane",
    "cyclohexane": "cyclohexane",
    "water": "water",
}


@cache
def _liquid(name: str, T: float, P: float = P_ATM) -> dict[str, float]:
    """Density, viscosity, conductivity and heat capacity of a pure liquid (thermo 0.6
    ``Chemical``, which takes CoolProp's reference equations where CoolProp has the fluid)."""
    from thermo import Chemical

    chem = Chemical(LIQUIDS[name], T=T, P=P)
    return {"rho": chem.rho, "mu": chem.mu, "k": chem.k, "cp": chem.Cp, "MW": chem.MW}
