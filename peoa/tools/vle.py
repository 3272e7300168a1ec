"""Vapour-liquid equilibrium: bubble and dew points, flashes, activity coefficients.

Two families of models:

* **gamma-phi (Raoult and modified Raoult)**: ``y_i P = x_i gamma_i Psat_i(T)`` with an
  ideal-gas vapour; ``gamma_i = 1`` (Raoult), UNIFAC, Dortmund UNIFAC or NRTL (ChemSep
  binary parameters) through ``thermo``; vapour pressures from ``thermo``'s
  ``VaporPressure`` (DIPPR, Antoine, Wagner data);
* **cubic equations of state**: Peng-Robinson (``PRMIX``) and Soave-Redlich-Kwong
  (``SRKMIX``) for both phases, with ChemSep PR binary parameters where known.

Mixtures are given as a list of component names (name, CAS number or formula, resolved
by :func:`peoa.tools.chemical.resolve_chemical`) and a list of mole fractions that must
be non-negative and sum to 1 (within 0.001; they are then normalised).

>>> from peoa.tools import get_registry
>>> r = get_registry().run("flash_rachford_rice", {"z": [0.5, 0.3, 0.2],
...                                                 "K": [1.685, 0.742, 0.532]})
>>> round(r.outputs["vapor_fraction"].value, 4)
0.6907

The Antoine equation with given coefficients: benzene (log10, mmHg, degC) boils at
80.1 degC under 760 mmHg.

>>> r = get_registry().run("antoine_vapor_pressure", {"A": 6.90565, "B": 1211.033,
...     "C": 220.790, "temperature": {"value": 80.1, "unit": "degC"}})
>>> round(r.value("vapor_pressure", "mmHg"), 1)
760.0

Raoult's law with Antoine coefficients: acetonitrile/nitromethane (ln, kPa, degC) at
75 degC with x1 = 0.6 (Smith, Van Ness & Abbott, Example 10.3):

>>> r = get_registry().run("antoine_bubble_dew", {"A": [14.2724, 14.2043],
...     "B": [2945.47, 2972.64], "C": [224.0, 209.0], "base": "ln", "pressure_unit": "kPa",
...     "x": [0.6, 0.4], "temperature": {"value": 75, "unit": "degC"}})
>>> round(r.value("pressure", "kPa"), 2), round(r.value("composition")[0], 4)
(66.72, 0.7483)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import Annotated, Any

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn
from peoa.tools.chemical import resolve_chemical
from peoa.tools.quantity import ureg

__all__ = [
    "ACTIVITY_MODELS",
    "GAMMA_PHI_MODELS",
    "TOOLS",
    "activity_coefficients",
    "antoine_bubble_dew",
    "antoine_vapor_pressure",
    "check_composition",
    "flash_eos",
    "flash_rachford_rice",
    "flash_tp",
    "resolve_components",
    "vle_bubble_point",
    "vle_dew_point",
]

ACTIVITY_MODELS = ("unifac", "unifac_dortmund", "nrtl")
GAMMA_PHI_MODELS = ("raoult", *ACTIVITY_MODELS)
EOS_MODELS = ("PR", "SRK")
COMPOSITION_TOLERANCE = 1e-3
IDEAL_GAS_LIMIT = 1e6  # Pa; above ~10 bar an ideal-gas vapour is a poor assumption


def _check_low_pressure(pressure: float) -> None:
    if pressure > IDEAL_GAS_LIMIT:
        warn(
            f"P = {pressure / 1e5:.3g} bar: Raoult's law assumes an ideal-gas vapour, which is "
            "poor above about 10 bar; consider flash_eos"
        )


_MODEL_HELP = (
    "liquid model: raoult (ideal solution), unifac (original UNIFAC), unifac_dortmund, or "
    "nrtl (ChemSep binary parameters; not every pair has them)"
)
Components = Annotated[
    list[str],
    P("component names, CAS numbers or formulas, in the order of the fractions", chemical=True),
]
Model = Annotated[str, P(_MODEL_HELP, choices=GAMMA_PHI_MODELS)]


def check_composition(
    fractions: Sequence[float], n: int | None = None, what: str = "z"
) -> list[float]:
    """Mole fractions that are non-negative and sum to 1 (within 0.001), normalised.

    With ``n`` components and one fraction fewer, the last component is the rest, as
    engineers write it ("0.4 benzene and the rest toluene"); the result says so.

    >>> check_composition([0.5, 0.5005])
    [0.49975..., 0.50024...]
    >>> check_composition([0.5, 0.4])
    Traceback (most recent call last):
    ...
    peoa.exceptions.ToolInputError: mole fractions z sum to 0.9, not 1; ...
    """
    values = [float(v) for v in fractions]
    given = sum(values)
    if n is not None and n >= 2 and len(values) == n - 1 and 0 <= given <= 1:
        values.append(1.0 - given)
        warn(
            f"mole fraction {what} of the last component taken as the rest: "
            f"1 - {given:.6g} = {values[-1]:.6g}"
        )
    if n is not None and len(values) != n:
        raise ToolInputError(
            f"{len(values)} mole fractions {what} were given for {n} components; give one each"
        )
    if not values:
        raise ToolInputError(f"mole fractions {what} are empty")
    if any(not math.isfinite(v) or v < 0 for v in values):
        raise ToolInputError(f"mole fractions {what} must be finite and non-negative: {values}")
    total = sum(values)
    if abs(total - 1.0) > COMPOSITION_TOLERANCE:
        raise ToolInputError(
            f"mole fractions {what} sum to {total:.6g}, not 1; give fractions that add up to 1 "
            "(convert percentages or flows to fractions first)"
        )
    return [v / total for v in values]


def resolve_components(names: Sequence[str]) -> tuple[str, ...]:
    """CAS numbers of ``names``; an unknown name raises with close matches."""
    if not names:
        raise ToolInputError("give at least one component")
    cas = tuple(resolve_chemical(name).CAS for name in names)
    if len(set(cas)) != len(cas):
        raise ToolInputError(f"components {list(names)} name the same chemical twice")
    return cas


@lru_cache(maxsize=64)
def _package(cas: tuple[str, ...]) -> tuple[Any, Any]:
    from thermo import ChemicalConstantsPackage

    constants, correlations = ChemicalConstantsPackage.from_IDs(list(cas))
    missing = [
        c for c, tc, pc in zip(cas, constants.Tcs, constants.Pcs, strict=True) if not tc or not pc
    ]
    if missing:
        raise ToolInputError(f"no critical constants are known for {missing}")
    return constants, correlations


def _activity_model(model: str, constants: Any, T: float, xs: list[float]) -> Any:
    """The thermo ``GibbsExcess`` object for ``model`` (None for an ideal solution)."""
    if model == "raoult":
        return None
    if model in ("unifac", "unifac_dortmund"):
        from thermo.unifac import DOUFIP2016, DOUFSG, UFIP, UFSG, UNIFAC

        dortmund = model == "unifac_dortmund"
        groups = constants.UNIFAC_Dortmund_groups if dortmund else constants.UNIFAC_groups
        bad = [name for name, g in zip(constants.names, groups, strict=True) if not g]
        if bad:
            raise ToolInputError(
                f"{model}: no group assignment is known for {bad}; try nrtl or raoult"
            )
        return UNIFAC.from_subgroups(
            T=T,
            xs=xs,
            chemgroups=groups,
            version=1 if dortmund else 0,
            interaction_data=DOUFIP2016 if dortmund else UFIP,
            subgroups=DOUFSG if dortmund else UFSG,
        )
    from thermo import NRTL
    from thermo.interaction_parameters import IPDB

    cas = constants.CASs
    missing = [
        f"{constants.names[i]}-{constants.names[j]}"
        for i in range(len(cas))
        for j in range(i + 1, len(cas))
        if not IPDB.has_ip_specific("ChemSep NRTL", [cas[i], cas[j]], "bij")
    ]
    if missing:
        raise ToolInputError(
            f"nrtl: the ChemSep database has no NRTL parameters for {missing}; use unifac"
        )
    return NRTL(
        T=T,
        xs=xs,
        tau_bs=IPDB.get_ip_asymmetric_matrix("ChemSep NRTL", cas, "bij"),
        alpha_cs=IPDB.get_ip_asymmetric_matrix("ChemSep NRTL", cas, "alphaij"),
    )


@lru_cache(maxsize=64)
def _gamma_phi_flasher(cas: tuple[str, ...], model: str) -> Any:
    from thermo import FlashVL, GibbsExcessLiquid, IdealGas

    constants, props = _package(cas)
    n = len(cas)
    xs = [1.0 / n] * n
    liquid = GibbsExcessLiquid(
        VaporPressures=props.VaporPressures,
        HeatCapacityGases=props.HeatCapacityGases,
        VolumeLiquids=props.VolumeLiquids,
        GibbsExcessModel=_activity_model(model, constants, 298.15, xs),
        equilibrium_basis="Psat",
        caloric_basis="Psat",
        T=298.15,
        P=101325.0,
        zs=xs,
    )
    gas = IdealGas(HeatCapacityGases=props.HeatCapacityGases, T=298.15, P=101325.0, zs=xs)
    return FlashVL(constants, props, liquid=liquid, gas=gas)


@lru_cache(maxsize=32)
def _eos_flasher(cas: tuple[str, ...], eos: str) -> tuple[Any, bool]:
    from thermo import PRMIX, SRKMIX, CEOSGas, CEOSLiquid, FlashPureVLS, FlashVL
    from thermo.interaction_parameters import IPDB

    constants, props = _package(cas)
    kijs = [[0.0] * len(cas) for _ in cas]
    known = False
    if eos == "PR":
        kijs = IPDB.get_ip_symmetric_matrix("ChemSep PR", list(cas), "kij")
        known = any(any(row) for row in kijs)
    kwargs = {"Tcs": constants.Tcs, "Pcs": constants.Pcs, "omegas": constants.omegas, "kijs": kijs}
    cls = PRMIX if eos == "PR" else SRKMIX
    gas = CEOSGas(cls, kwargs, HeatCapacityGases=props.HeatCapacityGases)
    liquid = CEOSLiquid(cls, kwargs, HeatCapacityGases=props.HeatCapacityGases)
    if len(cas) == 1:
        return FlashPureVLS(constants, props, gas=gas, liquids=[liquid], solids=[]), known
    return FlashVL(constants, props, liquid=liquid, gas=gas), known


def _phase_fractions(res: Any, n: int) -> tuple[list[float], list[float]]:
    """Liquid and vapour compositions of a thermo result (the feed for an absent phase)."""
    zs = list(res.zs)
    liquid, gas = getattr(res, "liquid0", None), getattr(res, "gas", None)
    xs = list(liquid.zs) if liquid is not None else zs
    ys = list(gas.zs) if gas is not None else zs
    return xs[:n], ys[:n]


def _saturation(
    components: list[str],
    fractions: list[float],
    T: float | None,
    P_: float | None,
    model: str,
    vf: float,
) -> Outcome:
    if (T is None) == (P_ is None):
        raise ToolInputError("give exactly one of temperature and pressure")
    cas = resolve_components(components)
    zs = check_composition(fractions, len(cas), "x" if vf == 0 else "y")
    flasher = _gamma_phi_flasher(cas, model)
    spec = {"T": T} if T is not None else {"P": P_}
    res = flasher.flash(VF=vf, zs=zs, **spec)
    _check_low_pressure(res.P)
    xs, ys = _phase_fractions(res, len(cas))
    other = ys if vf == 0 else xs
    gammas = (
        res.liquid0.gammas() if res.liquid0 is not None and model != "raoult" else [1.0] * len(cas)
    )
    return Outcome(
        {
            "T": res.T,
            "P": res.P,
            "composition": other,
            "K": [y / x if x > 0 else math.inf for x, y in zip(xs, ys, strict=True)],
            "gamma": list(gammas),
        },
        method="Raoult's law" if model == "raoult" else f"modified Raoult's law ({model})",
    )


_SAT_OUT = {
    "K": Out("", "K-values y_i/x_i", kind="k_value", many=True),
    "gamma": Out("", "liquid activity coefficients (1 for Raoult)", kind="ratio", many=True),
}
_GAMMA_PHI_REF = (
    "Smith, Van Ness & Abbott, Introduction to Chemical Engineering Thermodynamics 7th ed. "
    "secs. 10.4-10.5 and 12.1; Fredenslund et al., AIChE J. 21 (1975) 1086 (UNIFAC); "
    "Renon & Prausnitz, AIChE J. 14 (1968) 135 (NRTL); thermo.FlashVL with "
    "GibbsExcessLiquid and IdealGas"
)


@tool(
    topic="vle",
    reference=_GAMMA_PHI_REF,
    outputs=_SAT_OUT
    | {
        "T": Out("K", "bubble-point temperature", kind="bubble_point"),
        "P": Out("Pa", "bubble-point pressure, where the liquid starts to boil"),
        "composition": Out(
            "", "vapour mole fractions y of the first bubble", kind="mole_fraction", many=True
        ),
    },
    alternatives=[("temperature", "pressure")],
)
def vle_bubble_point(
    components: Components,
    x: Annotated[list[float], Q("mole_fraction", "liquid mole fractions (sum to 1)", ge=0, le=1)],
    temperature: Annotated[
        float | None, Q("temperature", "given temperature (then P is found)")
    ] = None,
    pressure: Annotated[float | None, Q("pressure", "given pressure (then T is found)")] = None,
    model: Model = "raoult",
) -> Outcome:
    """Bubble point of a liquid mixture by Raoult's law (sum x_i Psat_i = P) or modified
    Raoult's law (sum x_i gamma_i Psat_i = P): give the liquid composition and either T
    (find the bubble pressure) or P (find the bubble temperature). Returns the vapour
    composition y. Low to moderate pressures (ideal-gas vapour)."""
    return _saturation(components, x, temperature, pressure, model, 0.0)


@tool(
    topic="vle",
    reference=_GAMMA_PHI_REF,
    outputs=_SAT_OUT
    | {
        "T": Out("K", "dew-point temperature", kind="dew_point"),
        "P": Out("Pa", "dew-point pressure, where the vapour starts to condense"),
        "composition": Out(
            "", "liquid mole fractions x of the first drop", kind="mole_fraction", many=True
        ),
    },
    alternatives=[("temperature", "pressure")],
)
def vle_dew_point(
    components: Components,
    y: Annotated[list[float], Q("mole_fraction", "vapour mole fractions (sum to 1)", ge=0, le=1)],
    temperature: Annotated[
        float | None, Q("temperature", "given temperature (then P is found)")
    ] = None,
    pressure: Annotated[float | None, Q("pressure", "given pressure (then T is found)")] = None,
    model: Model = "raoult",
) -> Outcome:
    """Dew point of a vapour mixture by Raoult's law (sum y_i P / Psat_i = 1) or modified
    Raoult's law: give the vapour composition and either T (find the dew pressure) or P
    (find the dew temperature). Returns the composition x of the first liquid drop."""
    return _saturation(components, y, temperature, pressure, model, 1.0)


@tool(
    topic="vle",
    reference="Rachford & Rice, J. Pet. Technol. 4 (1952) 19; Seader, Henley & Roper, "
    "Separation Process Principles 3rd ed. sec. 4.4; chemicals.rachford_rice.flash_inner_loop",
    outputs={
        "vapor_fraction": Out("", "molar vapour fraction V/F", kind="vapor_fraction"),
        "x": Out("", "liquid mole fractions", kind="mole_fraction", many=True),
        "y": Out("", "vapour mole fractions", kind="mole_fraction", many=True),
    },
)
def flash_rachford_rice(
    z: Annotated[list[float], Q("mole_fraction", "feed mole fractions (sum to 1)", ge=0, le=1)],
    K: Annotated[list[float], Q("k_value", "K-values y_i/x_i at the flash T and P", gt=0)],
) -> dict[str, Any]:
    """Isothermal flash with known K-values: solves the Rachford-Rice equation
    sum z_i (K_i - 1) / (1 + V/F (K_i - 1)) = 0 for the vapour fraction, then
    x_i = z_i / (1 + V/F (K_i - 1)) and y_i = K_i x_i. Use it when K-values are given
    (e.g. from DePriester charts)."""

    zs = check_composition(z)
    if len(K) != len(zs):
        raise ToolInputError(f"{len(K)} K-values for {len(zs)} feed fractions; give one each")
    return _rr(zs, list(K))


def _rr(zs: list[float], ks: list[float]) -> dict[str, Any]:
    from chemicals.rachford_rice import flash_inner_loop

    # Outside the two-phase window the feed is a single phase: report it as such.
    if sum(z * k for z, k in zip(zs, ks, strict=True)) <= 1.0:
        return {"vapor_fraction": 0.0, "x": zs, "y": [z * k for z, k in zip(zs, ks, strict=True)]}
    if sum(z / k for z, k in zip(zs, ks, strict=True)) <= 1.0:
        return {"vapor_fraction": 1.0, "x": [z / k for z, k in zip(zs, ks, strict=True)], "y": zs}
    vf, xs, ys = flash_inner_loop(zs=zs, Ks=ks)
    return {"vapor_fraction": vf, "x": list(xs), "y": list(ys)}


@tool(
    topic="vle",
    reference=_GAMMA_PHI_REF + "; Rachford & Rice (1952); chemicals.rachford_rice",
    outputs={
        "vapor_fraction": Out(
            "", "molar vapour fraction V/F (0 subcooled, 1 superheated)", kind="vapor_fraction"
        ),
        "x": Out("", "liquid mole fractions", kind="mole_fraction", many=True),
        "y": Out("", "vapour mole fractions", kind="mole_fraction", many=True),
        "K": Out("", "K-values at the flash conditions", kind="k_value", many=True),
    },
)
def flash_tp(
    components: Components,
    z: Annotated[list[float], Q("mole_fraction", "feed mole fractions (sum to 1)", ge=0, le=1)],
    temperature: Annotated[float, Q("temperature", "flash temperature")],
    pressure: Annotated[float, Q("pressure", "flash pressure")],
    model: Model = "raoult",
) -> Outcome:
    """Isothermal (TP) flash of a liquid/vapour mixture with Raoult's law (K_i = Psat_i/P,
    solved by Rachford-Rice) or modified Raoult's law with UNIFAC or NRTL activity
    coefficients (K_i = gamma_i Psat_i / P). Returns V/F and both phase compositions."""
    cas = resolve_components(components)
    zs = check_composition(z, len(cas))
    _check_low_pressure(pressure)
    if model == "raoult":
        _, props = _package(cas)
        ks = [vp(temperature) / pressure for vp in props.VaporPressures]
        values = _rr(zs, ks)
        return Outcome(values | {"K": ks}, method="Raoult's law, Rachford-Rice")
    res = _gamma_phi_flasher(cas, model).flash(T=temperature, P=pressure, zs=zs)
    xs, ys = _phase_fractions(res, len(cas))
    ks = [y / x if x > 0 else math.inf for x, y in zip(xs, ys, strict=True)]
    return Outcome(
        {"vapor_fraction": res.VF, "x": xs, "y": ys, "K": ks},
        method=f"modified Raoult's law ({model})",
    )


@tool(
    topic="vle",
    reference="Peng & Robinson, Ind. Eng. Chem. Fundam. 15 (1976) 59, doi:10.1021/i160057a011; "
    "Soave, Chem. Eng. Sci. 27 (1972) 1197; Michelsen, Fluid Phase Equilib. 9 (1982) 1 "
    "(stability); thermo.FlashVL/FlashPureVLS with CEOSGas, CEOSLiquid, PRMIX, SRKMIX",
    outputs={
        "temperature": Out("K", "temperature"),
        "pressure": Out("Pa", "pressure"),
        "vapor_fraction": Out("", "molar vapour fraction", kind="vapor_fraction"),
        "phase": Out(None, "phases present: L, V or VL"),
        "x": Out(
            "",
            "liquid mole fractions (the feed when there is no liquid)",
            kind="mole_fraction",
            many=True,
        ),
        "y": Out(
            "",
            "vapour mole fractions (the feed when there is no vapour)",
            kind="mole_fraction",
            many=True,
        ),
        "Z": Out("", "compressibility factor of the bulk mixture", kind="compressibility_factor"),
        "density": Out("kg/m**3", "bulk mass density"),
        "H": Out("J/mol", "molar enthalpy (ideal gas at 298.15 K, 1 atm = 0)"),
    },
    alternatives=[
        (
            ("temperature", "pressure"),
            ("temperature", "vapor_fraction"),
            ("pressure", "vapor_fraction"),
        )
    ],
    # Raoult's law is the ideal-solution model, not a cubic equation of state.
    ruled_out_by=("Raoult", "Raoult's", "ideal solution", "ideal mixture", "ideal liquid"),
)
def flash_eos(
    components: Components,
    z: Annotated[list[float], Q("mole_fraction", "feed mole fractions (sum to 1)", ge=0, le=1)],
    temperature: Annotated[float | None, Q("temperature", "temperature")] = None,
    pressure: Annotated[float | None, Q("pressure", "pressure")] = None,
    vapor_fraction: Annotated[
        float | None,
        Q("vapor_fraction", "vapour fraction: 0 for a bubble point, 1 for a dew point", ge=0, le=1),
    ] = None,
    eos: Annotated[str, P("cubic equation of state", choices=EOS_MODELS)] = "PR",
) -> Outcome:
    """Equilibrium flash with a cubic equation of state (Peng-Robinson or SRK) for both
    phases, valid at high pressure for hydrocarbons and light gases. Give exactly two of
    temperature, pressure and vapor_fraction: TP flash, or bubble/dew point (VF = 0 or 1)
    at a given T or P. Returns phase split, compositions, Z, density and enthalpy."""
    given = {
        k: v
        for k, v in (("T", temperature), ("P", pressure), ("VF", vapor_fraction))
        if v is not None
    }
    if len(given) != 2:
        raise ToolInputError("give exactly two of temperature, pressure and vapor_fraction")
    cas = resolve_components(components)
    zs = check_composition(z, len(cas))
    flasher, known_kij = _eos_flasher(cas, eos)
    res = flasher.flash(zs=zs, **given)
    xs, ys = _phase_fractions(res, len(cas))
    vf = float(res.VF)
    phase = "VL" if 0 < vf < 1 else ("V" if vf >= 1 else "L")
    note = "ChemSep kij" if known_kij else "kij = 0"
    return Outcome(
        {
            "temperature": res.T,
            "pressure": res.P,
            "vapor_fraction": vf,
            "phase": phase,
            "x": xs,
            "y": ys,
            "Z": res.Z(),
            "density": res.rho_mass(),
            "H": res.H(),
        },
        method=f"{eos} EOS ({note})",
    )


@tool(
    topic="vle",
    reference="Fredenslund, Jones & Prausnitz, AIChE J. 21 (1975) 1086 (UNIFAC); Gmehling et al., "
    "Ind. Eng. Chem. Res. 32 (1993) 178 (Dortmund); Renon & Prausnitz (1968) (NRTL); "
    "thermo.unifac.UNIFAC, thermo.nrtl.NRTL",
    outputs={
        "gamma": Out("", "activity coefficients", kind="ratio", many=True),
        "GE_RT": Out("", "dimensionless molar excess Gibbs energy G^E/(RT)", kind="ratio"),
    },
)
def activity_coefficients(
    components: Components,
    x: Annotated[list[float], Q("mole_fraction", "liquid mole fractions (sum to 1)", ge=0, le=1)],
    temperature: Annotated[float, Q("temperature", "liquid temperature")],
    model: Annotated[str, P("unifac, unifac_dortmund or nrtl", choices=ACTIVITY_MODELS)] = "unifac",
) -> Outcome:
    """Liquid-phase activity coefficients gamma_i of a mixture at T and x from UNIFAC
    (group contribution, predictive), Dortmund UNIFAC or NRTL (ChemSep binary
    parameters). Use them in modified Raoult's law y_i P = x_i gamma_i Psat_i."""
    cas = resolve_components(components)
    xs = check_composition(x, len(cas), "x")
    constants, _ = _package(cas)
    ge = _activity_model(model, constants, temperature, xs)
    from thermo.eos import R

    return Outcome({"gamma": list(ge.gammas()), "GE_RT": ge.GE() / (R * temperature)}, method=model)


ANTOINE_BASES = ("log10", "ln")
ANTOINE_PRESSURE_UNITS = ("mmHg", "kPa", "bar", "Pa")
ANTOINE_TEMPERATURE_UNITS = ("degC", "K")
# Pa per unit, as pint reads each unit (so that a result asked back in mmHg is exact)
_ANTOINE_PA = {
    unit: float(ureg.Quantity(1.0, unit).to("Pa").magnitude) for unit in ANTOINE_PRESSURE_UNITS
}
_ANTOINE_REF = (
    "Antoine equation log P = A - B/(T + C) (Poling, Prausnitz & O'Connell, The Properties of "
    "Gases and Liquids 5th ed. eq. 7-3.1; Felder & Rousseau, Elementary Principles of Chemical "
    "Processes 3rd ed. Table B.4)"
)
AntoineBase = Annotated[
    str,
    P(
        "logarithm the coefficients are written for: log10 (log10 P = A - B/(T + C)) or ln",
        choices=ANTOINE_BASES,
    ),
]
AntoinePressureUnit = Annotated[
    str, P("pressure unit the coefficients give P in", choices=ANTOINE_PRESSURE_UNITS)
]
AntoineTemperatureUnit = Annotated[
    str, P("temperature unit the coefficients take T in", choices=ANTOINE_TEMPERATURE_UNITS)
]


class _Antoine:
    """One component's Antoine equation in the units of its coefficients."""

    def __init__(
        self, A: float, B: float, C: float, base: str, pressure_unit: str, temperature_unit: str
    ) -> None:
        self.A, self.B, self.C = A, B, C
        self.ln_base = math.log(10.0) if base == "log10" else 1.0
        self.ln_unit = math.log(_ANTOINE_PA[pressure_unit])
        self.offset = 273.15 if temperature_unit == "degC" else 0.0

    def ln_psat(self, T: float) -> float:
        """ln(Psat / Pa) at T [K]; -inf below the equation's asymptote T = -C."""
        denominator = T - self.offset + self.C
        if denominator <= 0.0:
            return -math.inf
        return (self.A - self.B / denominator) * self.ln_base + self.ln_unit

    def T_sat(self, ln_P: float) -> float | None:
        """Temperature [K] at the pressure exp(ln_P) [Pa]; None when P is above the
        equation's limit b^A as T grows without bound."""
        gap = self.A - (ln_P - self.ln_unit) / self.ln_base
        if not gap > 0.0:
            return None
        return self.B / gap - self.C + self.offset


def _exp_pressure(ln_p: float, tool_name: str) -> float:
    if ln_p > 700.0:
        raise ToolInputError(
            f"{tool_name}: the vapour pressure overflows; check the coefficients, their base "
            "and units"
        )
    return math.exp(ln_p)


@tool(
    topic="vle",
    reference=_ANTOINE_REF,
    outputs={
        "vapor_pressure": Out("Pa", "vapour pressure at the temperature", kind="vapor_pressure"),
        "saturation_temperature": Out(
            "K",
            "temperature at which the vapour pressure is reached",
            kind="saturation_temperature",
        ),
    },
    alternatives=[("temperature", "vapor_pressure")],
)
def antoine_vapor_pressure(
    A: Annotated[float, Q("antoine_coefficient", "Antoine coefficient A")],
    B: Annotated[float, Q("antoine_coefficient", "Antoine coefficient B (positive)", gt=0)],
    C: Annotated[float, Q("antoine_coefficient", "Antoine coefficient C")],
    temperature: Annotated[
        float | None, Q("temperature", "temperature (then the vapour pressure is found)")
    ] = None,
    vapor_pressure: Annotated[
        float | None,
        Q("vapor_pressure", "vapour pressure (then the saturation temperature is found)", gt=0),
    ] = None,
    base: AntoineBase = "log10",
    pressure_unit: AntoinePressureUnit = "mmHg",
    temperature_unit: AntoineTemperatureUnit = "degC",
) -> Outcome:
    """Antoine equation log P = A - B/(T + C) with the coefficients given: the vapour
    pressure at a temperature, or the saturation (boiling) temperature at a pressure. State
    the log base and the pressure and temperature units the coefficients are written for
    (default log10, mmHg, degC)."""
    if (temperature is None) == (vapor_pressure is None):
        raise ToolInputError(
            "antoine_vapor_pressure: give exactly one of 'temperature' or 'vapor_pressure'"
        )
    equation = _Antoine(A, B, C, base, pressure_unit, temperature_unit)
    if temperature is not None:
        ln_p = equation.ln_psat(temperature)
        if ln_p == -math.inf:
            raise ToolInputError(
                f"antoine_vapor_pressure: T + C is not positive at {temperature:.6g} K "
                f"(C = {C:g}, T in {temperature_unit}); the equation does not reach this "
                "temperature, check C and the temperature unit"
            )
        T, P_ = temperature, _exp_pressure(ln_p, "antoine_vapor_pressure")
    else:
        T_found = equation.T_sat(math.log(vapor_pressure))  # type: ignore[arg-type]
        if T_found is None or not T_found > 0.0:
            raise ToolInputError(
                f"antoine_vapor_pressure: no temperature gives {vapor_pressure:.6g} Pa with "
                f"A = {A:g}, B = {B:g}, C = {C:g} ({base}, {pressure_unit}, {temperature_unit}); "
                "check the coefficients and their units"
            )
        T, P_ = T_found, vapor_pressure
    return Outcome(
        {"vapor_pressure": P_, "saturation_temperature": T},
        method=f"Antoine, {base} P[{pressure_unit}] with T[{temperature_unit}]",
    )


def _logsumexp(values: Sequence[float]) -> float:
    top = max(values)
    if math.isinf(top):
        return top
    return top + math.log(sum(math.exp(v - top) for v in values))


@tool(
    topic="vle",
    reference="Raoult's law y_i P = x_i Psat_i (Smith, Van Ness & Abbott, Introduction to "
    "Chemical Engineering Thermodynamics 7th ed. sec. 10.4 and Example 10.3) with "
    + _ANTOINE_REF
    + "; scipy.optimize.brentq for the temperature",
    outputs={
        "temperature": Out("K", "bubble- or dew-point temperature"),
        "pressure": Out("Pa", "bubble- or dew-point pressure"),
        "composition": Out(
            "",
            "mole fractions of the other phase: vapour y at a bubble point, liquid x at a dew "
            "point",
            kind="mole_fraction",
            many=True,
        ),
        "K": Out("", "K-values Psat_i / P", kind="k_value", many=True),
        "point": Out(None, "bubble or dew"),
    },
    alternatives=[("x", "y"), ("temperature", "pressure")],
)
def antoine_bubble_dew(
    A: Annotated[list[float], Q("antoine_coefficient", "Antoine coefficients A, one each")],
    B: Annotated[
        list[float], Q("antoine_coefficient", "Antoine coefficients B (positive), one each", gt=0)
    ],
    C: Annotated[list[float], Q("antoine_coefficient", "Antoine coefficients C, one each")],
    x: Annotated[
        list[float] | None,
        Q("mole_fraction", "liquid mole fractions, for a bubble point (sum to 1)", ge=0, le=1),
    ] = None,
    y: Annotated[
        list[float] | None,
        Q("mole_fraction", "vapour mole fractions, for a dew point (sum to 1)", ge=0, le=1),
    ] = None,
    temperature: Annotated[
        float | None, Q("temperature", "given temperature (then P is found)")
    ] = None,
    pressure: Annotated[
        float | None, Q("pressure", "given pressure (then T is found)", gt=0)
    ] = None,
    base: AntoineBase = "log10",
    pressure_unit: AntoinePressureUnit = "mmHg",
    temperature_unit: AntoineTemperatureUnit = "degC",
) -> Outcome:
    """Bubble or dew point of an ideal mixture (Raoult's law) with the Antoine coefficients
    given for each component: the liquid composition x for a bubble point or the vapour
    composition y for a dew point, with the temperature (find P) or the pressure (find T).
    Returns the other phase's composition and the K-values. Low pressures only."""
    if (x is None) == (y is None):
        raise ToolInputError(
            "antoine_bubble_dew: give the liquid x (bubble point) or the vapour y (dew point)"
        )
    if (temperature is None) == (pressure is None):
        raise ToolInputError("antoine_bubble_dew: give exactly one of temperature and pressure")
    if not len(A) == len(B) == len(C) or not A:
        raise ToolInputError(
            f"antoine_bubble_dew: {len(A)} A, {len(B)} B and {len(C)} C coefficients were "
            "given; give one of each for every component"
        )
    bubble = x is not None
    zs = check_composition(x if bubble else y, len(A), "x" if bubble else "y")  # type: ignore[arg-type]
    equations = [
        _Antoine(a, b, c, base, pressure_unit, temperature_unit)
        for a, b, c in zip(A, B, C, strict=True)
    ]
    present = [i for i, z in enumerate(zs) if z > 0.0]

    def ln_pressure(T: float) -> float:
        """ln of the bubble pressure (sum x Psat) or the dew pressure (1 / sum y/Psat)."""
        ln_ps = [equations[i].ln_psat(T) for i in present]
        if bubble:
            return _logsumexp([math.log(zs[i]) + lp for i, lp in zip(present, ln_ps, strict=True)])
        return -_logsumexp([math.log(zs[i]) - lp for i, lp in zip(present, ln_ps, strict=True)])

    if temperature is not None:
        T = temperature
        ln_p = ln_pressure(T)
        if ln_p == -math.inf:
            raise ToolInputError(
                f"antoine_bubble_dew: T + C is not positive at {T:.6g} K for a component; "
                "check the C coefficients and the temperature unit"
            )
        P_ = _exp_pressure(ln_p, "antoine_bubble_dew")
    else:
        from scipy.optimize import brentq

        P_ = pressure  # type: ignore[assignment]
        ln_target = math.log(P_)
        sat = [equations[i].T_sat(ln_target) for i in present]
        if any(t is None for t in sat):
            too_high = [i + 1 for i, t in zip(present, sat, strict=True) if t is None]
            raise ToolInputError(
                f"antoine_bubble_dew: component(s) {too_high} never reach {P_:.6g} Pa by their "
                "Antoine equation; check the coefficients and their units"
            )
        low, high = min(sat), max(sat)  # type: ignore[type-var]
        if high - low <= 1e-9 * max(abs(high), 1.0):
            T = high
        else:

            def excess(T_: float) -> float:
                return max(min(ln_pressure(T_) - ln_target, 1e10), -1e10)

            T = brentq(excess, low, high, xtol=1e-10, rtol=1e-13)
        if not T > 0.0:
            raise ToolInputError(
                f"antoine_bubble_dew: the equations give no positive temperature at {P_:.6g} Pa; "
                "check the coefficients and their units"
            )
    _check_low_pressure(P_)
    ln_P = math.log(P_)
    ln_K = [eq.ln_psat(T) - ln_P for eq in equations]
    if max(ln_K) > 700.0:
        raise ToolInputError(
            "antoine_bubble_dew: a K-value overflows; check the coefficients and their units"
        )
    ks = [math.exp(v) for v in ln_K]
    if bubble:
        other = [z * k for z, k in zip(zs, ks, strict=True)]
    else:
        other = [z / k if k > 0.0 else 0.0 for z, k in zip(zs, ks, strict=True)]
    total = sum(other)
    other = [v / total for v in other] if total > 0 else other
    return Outcome(
        {
            "temperature": T,
            "pressure": P_,
            "composition": other,
            "K": ks,
            "point": "bubble" if bubble else "dew",
        },
        method=f"Raoult's law, {'bubble' if bubble else 'dew'} "
        f"{'pressure' if temperature is not None else 'temperature'} (Antoine, {base} "
        f"P[{pressure_unit}], T[{temperature_unit}])",
    )


TOOLS = (
    vle_bubble_point,
    vle_dew_point,
    flash_rachford_rice,
    flash_tp,
    flash_eos,
    activity_coefficients,
    antoine_vapor_pressure,
    antoine_bubble_dew,
)
