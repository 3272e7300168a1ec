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
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import Annotated, Any

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn
from peoa.tools.chemical import resolve_chemical

__all__ = [
    "ACTIVITY_MODELS",
    "GAMMA_PHI_MODELS",
    "IDEAL_SOLUTION_WORDS",
    "TOOLS",
    "activity_coefficients",
    "check_composition",
    "check_low_pressure",
    "condensing_range",
    "eos_flasher",
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


def check_low_pressure(pressure: float) -> None:
    if pressure > IDEAL_GAS_LIMIT:
        warn(
            f"P = {pressure / 1e5:.3g} bar: Raoult's law assumes an ideal-gas vapour, which is "
            "poor above about 10 bar; consider flash_eos"
        )


# Raoult's law is the ideal-solution model, not a cubic equation of state: these words
# rule the equation-of-state tools out.
IDEAL_SOLUTION_WORDS = ("Raoult", "Raoult's", "ideal solution", "ideal mixture", "ideal liquid")

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
def eos_flasher(cas: tuple[str, ...], eos: str) -> tuple[Any, bool]:
    """A thermo flasher with a cubic equation of state for both phases (one component
    or several), and whether binary interaction parameters were found."""
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
    check_low_pressure(res.P)
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
    "secs. 10.4-10.5 and 12.1; Fredenslund et al., AIChE J. 21 (1975) 1086 (UNIFAC), "
    "doi:10.1002/aic.690210607; Renon & Prausnitz, AIChE J. 14 (1968) 135 (NRTL), "
    "doi:10.1002/aic.690140124; thermo.FlashVL with "
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
    composition y. Low to moderate pressures (ideal-gas vapour).

    Notes
    -----
    Gamma-phi through ``thermo.FlashVL``: an ideal-gas vapour and no Poynting or
    saturation-fugacity correction, vapour pressures from ``thermo``'s correlations. Meant
    for low to moderate pressure: above 10 bar it warns (flash_eos fits there). UNIFAC
    needs group assignments and NRTL ChemSep pairs, or the tool refuses.

    Examples
    --------
    An equimolar benzene-toluene liquid boils at 365.2 K (92.1 degC) at 1 atm by Raoult's
    law (checked with ``thermo``'s vapour pressures, sum x_i Psat_i = P):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("vle_bubble_point", {"components": ["benzene", "toluene"],
    ...     "x": [0.5, 0.5], "pressure": "1 atm"})
    >>> round(r.value("T"), 1), round(r.value("composition")[0], 3)
    (365.2, 0.714)
    """
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
    (find the dew temperature). Returns the composition x of the first liquid drop.

    Notes
    -----
    Gamma-phi through ``thermo.FlashVL``: an ideal-gas vapour and no Poynting or
    saturation-fugacity correction, vapour pressures from ``thermo``'s correlations. Meant
    for low to moderate pressure: above 10 bar it warns (flash_eos fits there). UNIFAC
    needs group assignments and NRTL ChemSep pairs, or the tool refuses.

    Examples
    --------
    An equimolar benzene-toluene vapour starts to condense at 371.9 K at 1 atm by Raoult's
    law (checked with ``thermo``'s vapour pressures, sum y_i P / Psat_i = 1):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("vle_dew_point", {"components": ["benzene", "toluene"],
    ...     "y": [0.5, 0.5], "pressure": "1 atm"})
    >>> round(r.value("T"), 1), round(r.value("composition")[0], 3)
    (371.9, 0.291)
    """
    return _saturation(components, y, temperature, pressure, model, 1.0)


@tool(
    topic="vle",
    reference=_GAMMA_PHI_REF,
    outputs={
        "T_bubble": Out("K", "bubble-point temperature at the pressure", kind="bubble_point"),
        "T_dew": Out("K", "dew-point temperature at the pressure", kind="dew_point"),
        "range": Out(
            "K",
            "condensing (boiling) temperature range or glide: dew point minus bubble point",
            kind="temperature_difference",
        ),
    },
)
def condensing_range(
    components: Components,
    z: Annotated[list[float], Q("mole_fraction", "mixture mole fractions (sum to 1)", ge=0, le=1)],
    pressure: Annotated[float, Q("pressure", "pressure")],
    model: Model = "raoult",
) -> Outcome:
    """Temperature range over which a mixture condenses (or boils) at a pressure: its dew
    and bubble points and their difference, by Raoult's or modified Raoult's law.

    Notes
    -----
    The same gamma-phi model as vle_bubble_point and vle_dew_point, at one composition:
    the vapour of that composition starts to condense at the dew point and is all liquid
    at the bubble point. Low to moderate pressure only (above 10 bar it warns).

    Examples
    --------
    Equimolar benzene-toluene at 1 atm condenses between 371.9 K and 365.2 K (the dew and
    bubble points of the two tools above), a range of 6.7 K:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("condensing_range", {"components": ["benzene", "toluene"],
    ...     "z": [0.5, 0.5], "pressure": "1 atm"})
    >>> round(r.value("T_dew"), 1), round(r.value("T_bubble"), 1), round(r.value("range"), 1)
    (371.9, 365.2, 6.7)
    """
    bubble = _saturation(components, z, None, pressure, model, 0.0)
    dew = _saturation(components, z, None, pressure, model, 1.0)
    t_bubble, t_dew = bubble.values["T"], dew.values["T"]
    return Outcome(
        {"T_bubble": t_bubble, "T_dew": t_dew, "range": t_dew - t_bubble}, method=bubble.method
    )


@tool(
    topic="vle",
    reference="Rachford & Rice, J. Pet. Technol. 4 (1952) 19, doi:10.2118/952327-G; Seader, "
    "Henley & Roper, Separation Process Principles 3rd ed. sec. 4.4; "
    "chemicals.rachford_rice.flash_inner_loop",
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
    (e.g. from DePriester charts).

    Notes
    -----
    The K-values are held fixed (independent of composition), as read from DePriester
    charts at the flash T and P. A feed with sum z_i K_i <= 1 is a subcooled liquid (V/F
    = 0) and one with sum z_i / K_i <= 1 a superheated vapour (V/F = 1); between them
    ``chemicals.rachford_rice.flash_inner_loop`` solves for V/F.

    Examples
    --------
    The ``chemicals.rachford_rice`` documented example:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("flash_rachford_rice", {"z": [0.5, 0.3, 0.2],
    ...     "K": [1.685, 0.742, 0.532]})
    >>> round(r.value("vapor_fraction"), 4)
    0.6907
    """

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
    reference=_GAMMA_PHI_REF
    + "; Rachford & Rice (1952), doi:10.2118/952327-G; chemicals.rachford_rice",
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
    coefficients (K_i = gamma_i Psat_i / P). Returns V/F and both phase compositions.

    Notes
    -----
    Raoult's law takes K_i = Psat_i / P with ``thermo``'s vapour pressures and solves
    Rachford-Rice; UNIFAC and NRTL flash through ``thermo.FlashVL`` (ideal-gas vapour, no
    Poynting correction). Meant for low to moderate pressure: above 10 bar it warns. A
    feed below its bubble point gives V/F = 0, one above its dew point V/F = 1.

    Examples
    --------
    Equimolar benzene-toluene at 95 degC and 1 atm by Raoult's law (checked with
    K_i = Psat_i / P from ``thermo`` and ``chemicals.rachford_rice``):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("flash_tp", {"components": ["benzene", "toluene"],
    ...     "z": [0.5, 0.5], "temperature": "95 degC", "pressure": "1 atm"})
    >>> round(r.value("vapor_fraction"), 3), round(r.value("x")[0], 3)
    (0.435, 0.404)
    """
    cas = resolve_components(components)
    zs = check_composition(z, len(cas))
    check_low_pressure(pressure)
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
    "Soave, Chem. Eng. Sci. 27 (1972) 1197, doi:10.1016/0009-2509(72)80096-4; Michelsen, "
    "Fluid Phase Equilib. 9 (1982) 1 (stability), doi:10.1016/0378-3812(82)85001-2; thermo.FlashVL/"
    "FlashPureVLS with CEOSGas, CEOSLiquid, PRMIX, SRKMIX",
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
    ruled_out_by=IDEAL_SOLUTION_WORDS,
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
    at a given T or P. Returns phase split, compositions, Z, density and enthalpy.

    Notes
    -----
    ``thermo``'s PRMIX or SRKMIX with van der Waals mixing for both phases; Peng-Robinson
    takes ChemSep kij where known, SRK and unknown pairs kij = 0 (the method says which).
    Good for hydrocarbons and light gases to high pressure; poor for polar or associating
    liquids (water, alcohols), and liquid densities carry errors of several per cent (no
    volume translation).

    Examples
    --------
    Equimolar methane-propane at 250 K and 3 MPa splits into two phases (checked with a
    PRMIX ``FlashVL`` built directly in ``thermo``):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("flash_eos", {"components": ["methane", "propane"],
    ...     "z": [0.5, 0.5], "temperature": "250 K", "pressure": "3 MPa"})
    >>> r.value("phase"), round(r.value("vapor_fraction"), 3)
    ('VL', 0.4)
    """
    given = {
        k: v
        for k, v in (("T", temperature), ("P", pressure), ("VF", vapor_fraction))
        if v is not None
    }
    if len(given) != 2:
        raise ToolInputError("give exactly two of temperature, pressure and vapor_fraction")
    cas = resolve_components(components)
    zs = check_composition(z, len(cas))
    flasher, known_kij = eos_flasher(cas, eos)
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
    reference="Fredenslund, Jones & Prausnitz, AIChE J. 21 (1975) 1086 (UNIFAC), "
    "doi:10.1002/aic.690210607; Gmehling et al., Ind. Eng. Chem. Res. 32 (1993) 178 "
    "(Dortmund), doi:10.1021/ie00013a024; Renon & Prausnitz (1968) (NRTL), "
    "doi:10.1002/aic.690140124; "
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
    parameters). Use them in modified Raoult's law y_i P = x_i gamma_i Psat_i.

    Notes
    -----
    For non-electrolyte liquids at low pressure (no pressure effect): original UNIFAC,
    Dortmund UNIFAC (temperature-dependent parameters, 2016 table) or NRTL with ChemSep
    binary parameters. A component without group assignments, or a pair without NRTL
    parameters, is refused. The UNIFAC tables were fitted to VLE, so liquid-liquid
    equilibria are predicted poorly.

    Examples
    --------
    Equimolar ethanol-water at 25 degC by UNIFAC (checked with ``thermo.unifac.UNIFAC``
    built directly):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("activity_coefficients", {"components": ["ethanol", "water"],
    ...     "x": [0.5, 0.5], "temperature": "25 degC"})
    >>> [round(g, 3) for g in r.value("gamma")]
    [1.204, 1.497]
    """
    cas = resolve_components(components)
    xs = check_composition(x, len(cas), "x")
    constants, _ = _package(cas)
    ge = _activity_model(model, constants, temperature, xs)
    from thermo.eos import R

    return Outcome({"gamma": list(ge.gammas()), "GE_RT": ge.GE() / (R * temperature)}, method=model)


TOOLS = (
    vle_bubble_point,
    vle_dew_point,
    condensing_range,
    flash_rachford_rice,
    flash_tp,
    flash_eos,
    activity_coefficients,
)
