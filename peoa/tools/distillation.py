"""Distillation shortcut design: relative volatility, Fenske, Underwood, Gilliland, McCabe-Thiele.

The Fenske-Underwood-Gilliland shortcut (Seader, Henley & Roper, *Separation Process
Principles*, 3rd ed., ch. 9) and McCabe-Thiele stage stepping for a binary of constant
relative volatility (McCabe & Thiele, Ind. Eng. Chem. 17 (1925) 605). No field library
implements these, so the few lines of algebra live here; Underwood's equation is solved
with ``scipy.optimize.brentq`` and vapour pressures come from ``thermo``.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn
from peoa.tools.vle import check_composition, resolve_components

__all__ = [
    "TOOLS",
    "fenske_min_stages",
    "gilliland_stages",
    "mccabe_thiele_stages",
    "relative_volatility",
    "underwood_min_reflux",
]


@tool(
    topic="distillation",
    reference="Raoult's law alpha_ij = Psat_i/Psat_j (Seader, Henley & Roper 3rd ed. eq. 2-44); "
    "vapour pressures from thermo.VaporPressure",
    outputs={
        "alpha": Out(
            "",
            "relative volatility of each component to the reference",
            kind="relative_volatility",
            many=True,
        ),
        "alpha_key": Out(
            "",
            "relative volatility of the first component other than the reference, to the "
            "reference (of a binary's light component to its heavy one)",
            kind="relative_volatility",
        ),
        "Psat": Out("Pa", "pure-component vapour pressures at T", kind="vapor_pressure", many=True),
    },
)
def relative_volatility(
    components: Annotated[list[str], P("component names, CAS numbers or formulas", chemical=True)],
    temperature: Annotated[float, Q("temperature", "temperature at which to evaluate")],
    reference: Annotated[
        str | None, P("reference (usually heavy key) component; default the last one")
    ] = None,
) -> dict[str, Any]:
    """Relative volatility of each component to a reference component for an ideal
    mixture (Raoult's law), alpha_i = Psat_i(T) / Psat_ref(T); ``alpha_key`` is the one
    number of a binary ("benzene to toluene": alpha of benzene). Use it for Fenske,
    Underwood and McCabe-Thiele; evaluate at the column's average temperature (or take
    the geometric mean of top and bottom values).

    Notes
    -----
    Raoult's law (ideal liquid, ideal-gas vapour): alpha is the ratio of the pure
    vapour pressures, the same at every composition, so it does not hold for strongly
    non-ideal mixtures (ethanol-water) or at high pressure. A temperature at which
    ``thermo`` gives no vapour pressure for a component is refused.

    Examples
    --------
    Benzene to toluene at 100 degC; the Antoine equations (log10, mmHg, degC; A, B, C =
    6.90565, 1211.033, 220.790 and 6.95464, 1344.8, 219.482) give 1350.5 and 556.3 mmHg,
    a ratio of 2.43:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("relative_volatility", {"components": ["benzene", "toluene"],
    ...     "temperature": {"value": 100, "unit": "degC"}})
    >>> round(r.value("alpha_key"), 2)
    2.43
    """
    from peoa.tools.vle import _package

    cas = resolve_components(components)
    _, props = _package(cas)
    psat = [vp(temperature) for vp in props.VaporPressures]
    if any(p is None or not math.isfinite(p) for p in psat):
        raise ToolInputError(
            f"no vapour pressure is available at {temperature:.5g} K for some "
            "component (outside its data range)"
        )
    if reference is None:
        index = len(cas) - 1
    else:
        ref_cas = resolve_components([reference])[0]
        if ref_cas not in cas:
            raise ToolInputError(f"reference {reference!r} is not one of {components}")
        index = cas.index(ref_cas)
    alpha = [p / psat[index] for p in psat]
    key = next(i for i in range(len(cas)) if i != index) if len(cas) > 1 else index
    return {"alpha": alpha, "alpha_key": alpha[key], "Psat": psat}


@tool(
    topic="distillation",
    reference="Fenske, Ind. Eng. Chem. 24 (1932) 482, doi:10.1021/ie50269a003; Seader, "
    "Henley & Roper 3rd ed. eq. 9-12",
    outputs={
        "N_min": Out(
            "",
            "minimum number of equilibrium stages (including a partial reboiler) at total reflux",
            kind="minimum_stage_count",
        )
    },
)
def fenske_min_stages(
    alpha: Annotated[
        float, Q("relative_volatility", "relative volatility light key / heavy key", gt=1)
    ],
    xD_light: Annotated[
        float, Q("mole_fraction", "light key mole fraction in the distillate", gt=0, lt=1)
    ],
    xB_light: Annotated[
        float, Q("mole_fraction", "light key mole fraction in the bottoms", gt=0, lt=1)
    ],
    xD_heavy: Annotated[
        float | None,
        Q(
            "mole_fraction",
            "heavy key fraction in the distillate (default 1 - xD_light, a binary)",
            gt=0,
            lt=1,
        ),
    ] = None,
    xB_heavy: Annotated[
        float | None,
        Q(
            "mole_fraction",
            "heavy key fraction in the bottoms (default 1 - xB_light, a binary)",
            gt=0,
            lt=1,
        ),
    ] = None,
) -> dict[str, float]:
    """Minimum number of equilibrium stages at total reflux by the Fenske equation,
    N_min = ln[(xD_LK/xD_HK)(xB_HK/xB_LK)] / ln(alpha_LK,HK), for constant relative
    volatility. For a binary give only the light-component fractions.

    Notes
    -----
    Total reflux with one relative volatility of the keys through the column (take the
    geometric mean of the top and bottom values when it varies); N_min counts a partial
    reboiler as a stage. Only the two keys enter; the distillate must be richer in the
    light key than the bottoms.

    Examples
    --------
    alpha = 2.5, 95 % light in the distillate and 5 % in the bottoms: ln(19 x 19)/ln 2.5
    = 6.427 stages:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("fenske_min_stages", {"alpha": 2.5, "xD_light": 0.95,
    ...     "xB_light": 0.05})
    >>> round(r.value("N_min"), 3)
    6.427
    """
    xd_h = 1 - xD_light if xD_heavy is None else xD_heavy
    xb_h = 1 - xB_light if xB_heavy is None else xB_heavy
    separation = (xD_light / xd_h) * (xb_h / xB_light)
    if separation <= 1:
        raise ToolInputError("the distillate must be richer in the light key than the bottoms")
    return {"N_min": math.log(separation) / math.log(alpha)}


@tool(
    topic="distillation",
    reference="Underwood, Chem. Eng. Prog. 44 (1948) 603; Seader, Henley & Roper 3rd ed. "
    "eqs. 9-28 and 9-29; root found with scipy.optimize.brentq",
    outputs={
        "R_min": Out("", "minimum reflux ratio L/D", kind="reflux_ratio"),
        "theta": Out("", "Underwood root between the key volatilities", kind="ratio"),
    },
)
def underwood_min_reflux(
    alpha: Annotated[
        list[float],
        Q(
            "relative_volatility",
            "relative volatilities of all components (to the heavy key or any reference)",
            gt=0,
        ),
    ],
    z_feed: Annotated[
        list[float], Q("mole_fraction", "feed mole fractions (sum to 1)", ge=0, le=1)
    ],
    x_distillate: Annotated[
        list[float], Q("mole_fraction", "distillate mole fractions (sum to 1)", ge=0, le=1)
    ],
    q: Annotated[
        float, Q("feed_quality", "feed quality: 1 saturated liquid, 0 saturated vapour")
    ] = 1.0,
    light_key: Annotated[
        int | None, P("0-based index of the light key (default: for a binary 0)", ge=0)
    ] = None,
    heavy_key: Annotated[
        int | None, P("0-based index of the heavy key (default: for a binary 1)", ge=0)
    ] = None,
) -> dict[str, float]:
    """Minimum reflux ratio by Underwood's method (class 2 separations, constant alpha and
    molar overflow): solve sum alpha_i z_i/(alpha_i - theta) = 1 - q for theta between the
    key volatilities, then R_min + 1 = sum alpha_i xD_i/(alpha_i - theta).

    Notes
    -----
    Constant relative volatilities and constant molar overflow; only the root between
    the key volatilities is used, so non-key components are taken not to distribute.
    The distillate composition is the user's: an R_min that comes out not positive is
    refused as inconsistent.

    Examples
    --------
    An equimolar saturated-liquid binary, alpha = 2.5, xD = 0.95: by hand, R_min =
    (0.95/0.5 - 2.5 x 0.05/0.5)/(2.5 - 1) = 1.1 and theta = 2.5/1.75 = 1.4286:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("underwood_min_reflux", {"alpha": [2.5, 1.0],
    ...     "z_feed": [0.5, 0.5], "x_distillate": [0.95, 0.05]})
    >>> round(r.value("R_min"), 4), round(r.value("theta"), 4)
    (1.1, 1.4286)
    """
    from scipy.optimize import brentq

    n = len(alpha)
    zs = check_composition(z_feed, n, "z_feed")
    xd = check_composition(x_distillate, n, "x_distillate")
    if light_key is None or heavy_key is None:
        if n != 2:
            raise ToolInputError(
                "give light_key and heavy_key (0-based indices) for more than two components"
            )
        light_key, heavy_key = (0, 1) if alpha[0] > alpha[1] else (1, 0)
    if max(light_key, heavy_key) >= n:
        raise ToolInputError(f"key indices must be below {n}")
    a_lk, a_hk = alpha[light_key], alpha[heavy_key]
    if a_lk <= a_hk:
        raise ToolInputError("the light key must be more volatile than the heavy key")

    def feed_eq(theta: float) -> float:
        return sum(a * z / (a - theta) for a, z in zip(alpha, zs, strict=True)) - (1 - q)

    span = a_lk - a_hk
    eps = 1e-10 * span
    theta = brentq(feed_eq, a_hk + eps, a_lk - eps, xtol=1e-14, maxiter=500)
    r_min = sum(a * x / (a - theta) for a, x in zip(alpha, xd, strict=True)) - 1
    if r_min <= 0:
        raise ToolInputError(
            f"Underwood gives R_min = {r_min:.4g}; check the distillate "
            "composition is consistent with the feed and the keys"
        )
    return {"R_min": r_min, "theta": theta}


@tool(
    topic="distillation",
    reference="Gilliland, Ind. Eng. Chem. 32 (1940) 1220, doi:10.1021/ie50369a035; "
    "Molokanov et al., Int. Chem. Eng. 12 "
    "(1972) 209 (Seader, Henley & Roper 3rd ed. eq. 9-34); Eduljee, Hydrocarbon Process. 54(9) "
    "(1975) 120",
    outputs={
        "N": Out(
            "", "number of equilibrium stages (including a partial reboiler)", kind="stage_count"
        ),
        "X": Out("", "Gilliland abscissa (R - R_min)/(R + 1)", kind="ratio"),
        "Y": Out("", "Gilliland ordinate (N - N_min)/(N + 1)", kind="ratio"),
    },
)
def gilliland_stages(
    N_min: Annotated[float, Q("minimum_stage_count", "minimum stages from Fenske", gt=0)],
    R_min: Annotated[float, Q("reflux_ratio", "minimum reflux ratio from Underwood", gt=0)],
    R: Annotated[float, Q("reflux_ratio", "operating reflux ratio L/D", gt=0)],
    method: Annotated[
        str,
        P(
            "Molokanov (default) or Eduljee fit of Gilliland's chart",
            choices=("Molokanov", "Eduljee"),
        ),
    ] = "Molokanov",
) -> dict[str, float]:
    """Number of equilibrium stages at an operating reflux ratio from the Gilliland
    correlation, with X = (R - R_min)/(R + 1) and Y = (N - N_min)/(N + 1):
    Molokanov Y = 1 - exp[(1 + 54.4 X)/(11 + 117.2 X) (X - 1)/X^0.5], or Eduljee
    Y = 0.75 (1 - X^0.5668). Then N = (N_min + Y)/(1 - Y).

    Notes
    -----
    Both fits follow Gilliland's empirical chart, whose data span X of about 0.01 to 0.9;
    below X = 0.01 the tool warns (above 0.9 it does not). N counts a partial reboiler
    when N_min does (as Fenske's does).

    Examples
    --------
    N_min = 6.427, R_min = 1.1, R = 1.5: X = 0.4/2.5 = 0.16, Molokanov's Y = 0.4959, so
    N = (6.427 + 0.4959)/(1 - 0.4959) = 13.73:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("gilliland_stages", {"N_min": 6.427, "R_min": 1.1, "R": 1.5})
    >>> round(r.value("N"), 2)
    13.73
    """
    if R <= R_min:  # noqa: SIM300 - R is the reflux ratio, not a constant
        raise ToolInputError(f"R = {R:.4g} must exceed R_min = {R_min:.4g}")
    x = (R - R_min) / (R + 1)
    if method == "Molokanov":
        y = 1 - math.exp((1 + 54.4 * x) / (11 + 117.2 * x) * (x - 1) / math.sqrt(x))
    else:
        y = 0.75 * (1 - x**0.5668)
    if x < 0.01:
        warn(f"X = {x:.3g} is below the range of Gilliland's data (0.01 < X < 0.9)")
    return {"N": (N_min + y) / (1 - y), "X": x, "Y": y}


def _x_eq(y: float, alpha: float) -> float:
    """Liquid in equilibrium with vapour y for constant alpha."""
    return y / (alpha - (alpha - 1) * y)


@tool(
    topic="distillation",
    reference="McCabe & Thiele, Ind. Eng. Chem. 17 (1925) 605, doi:10.1021/ie50186a023; "
    "McCabe, Smith & Harriott, Unit "
    "Operations of Chemical Engineering 7th ed. ch. 21; stepping from the top with constant "
    "relative volatility and constant molar overflow",
    outputs={
        "stages": Out(
            "",
            "equilibrium stages stepped off (fractional last stage; includes the partial reboiler)",
            kind="stage_count",
        ),
        "stages_whole": Out("", "whole number of equilibrium stages", kind="stage_count"),
        "feed_stage": Out("", "optimal feed stage, counted from the top", kind="stage_count"),
        "R_min": Out("", "minimum reflux ratio (pinch at the feed line)", kind="reflux_ratio"),
        "R": Out("", "reflux ratio used", kind="reflux_ratio"),
        "x_stages": Out(
            "", "liquid mole fraction leaving each stage, top down", kind="mole_fraction", many=True
        ),
        "y_stages": Out(
            "", "vapour mole fraction leaving each stage, top down", kind="mole_fraction", many=True
        ),
    },
)
def mccabe_thiele_stages(
    alpha: Annotated[
        float, Q("relative_volatility", "relative volatility (light/heavy), constant", gt=1)
    ],
    xD: Annotated[
        float, Q("mole_fraction", "light component fraction in the distillate", gt=0, lt=1)
    ],
    xB: Annotated[float, Q("mole_fraction", "light component fraction in the bottoms", gt=0, lt=1)],
    zF: Annotated[float, Q("mole_fraction", "light component fraction in the feed", gt=0, lt=1)],
    q: Annotated[
        float, Q("feed_quality", "feed quality: 1 saturated liquid, 0 saturated vapour")
    ] = 1.0,
    R: Annotated[float | None, Q("reflux_ratio", "reflux ratio L/D", gt=0)] = None,
    R_over_Rmin: Annotated[
        float | None, Q("ratio", "reflux as a multiple of the minimum (give this or R)", gt=1)
    ] = None,
) -> Outcome:
    """Number of equilibrium stages of a binary distillation column by McCabe-Thiele
    stepping: equilibrium y = alpha x/(1 + (alpha-1)x), rectifying line y = R/(R+1) x +
    xD/(R+1), q-line, stripping line through (xB, xB), total condenser, stepping from the
    top and switching lines at the feed. Give R or R/R_min.

    Notes
    -----
    A binary with constant relative volatility and constant molar overflow, a total
    condenser and a partial reboiler (the last stage); the feed goes on the optimal stage.
    A reflux at or below the minimum, or more than 500 stages, is refused.

    Examples
    --------
    The binary of underwood_min_reflux (alpha = 2.5, 0.95/0.05, equimolar saturated-liquid
    feed) at R = 1.5: R_min = 1.1 as Underwood gives, and stepping it independently takes
    13 stages with the feed on stage 6:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("mccabe_thiele_stages", {"alpha": 2.5, "xD": 0.95, "xB": 0.05,
    ...     "zF": 0.5, "R": 1.5})
    >>> round(r.value("R_min"), 4), r.value("stages_whole"), r.value("feed_stage")
    (1.1, 13.0, 6.0)
    """
    if not xB < zF < xD:
        raise ToolInputError("need xB < zF < xD (light component fractions)")
    # pinch: intersection of the q-line with the equilibrium curve
    if abs(q - 1) < 1e-12:
        xp = zF
    else:
        from scipy.optimize import brentq

        def gap(x: float) -> float:
            y_q = q / (q - 1) * x - zF / (q - 1)
            return alpha * x / (1 + (alpha - 1) * x) - y_q

        xp = brentq(gap, 1e-12, 1 - 1e-12)
    yp = alpha * xp / (1 + (alpha - 1) * xp)
    if yp >= xD:
        r_min = 0.0
    else:
        slope = (xD - yp) / (xD - xp)
        r_min = slope / (1 - slope)
    if R is None:
        if R_over_Rmin is None:
            raise ToolInputError("give R or R_over_Rmin")
        R = R_over_Rmin * r_min
    if R <= r_min:  # noqa: SIM300 - R is the reflux ratio, not a constant
        raise ToolInputError(f"R = {R:.4g} is not above R_min = {r_min:.4g}: infinite stages")
    # intersection of the operating lines (on the q-line)
    saturated_liquid = abs(q - 1) < 1e-12
    xi = zF if saturated_liquid else (zF / (q - 1) + xD / (R + 1)) / (q / (q - 1) - R / (R + 1))
    yi = R / (R + 1) * xi + xD / (R + 1)
    s_slope = (yi - xB) / (xi - xB)

    xs: list[float] = []
    ys: list[float] = []
    feed_stage = 0
    y = xD
    stripping = False
    stages = 0.0
    while True:
        x = _x_eq(y, alpha)
        xs.append(x)
        ys.append(y)
        if x <= xB:
            # the last step counts by the fraction of its width needed to reach xB
            prev = xD if len(xs) == 1 else xs[-2]
            stages = len(xs) - 1 + (prev - xB) / (prev - x)
            break
        if not stripping and x < xi:
            stripping = True
            feed_stage = len(xs)
        y = xB + s_slope * (x - xB) if stripping else R / (R + 1) * x + xD / (R + 1)
        if len(xs) > 500:
            raise ToolInputError("more than 500 stages: the reflux is too close to the minimum")
    if feed_stage == 0:
        feed_stage = len(xs)
    return Outcome(
        {
            "stages": stages,
            "stages_whole": float(len(xs)),
            "feed_stage": float(feed_stage),
            "R_min": r_min,
            "R": R,
            "x_stages": xs,
            "y_stages": ys,
        },
        method="McCabe-Thiele, constant alpha",
    )


TOOLS = (
    relative_volatility,
    fenske_min_stages,
    underwood_min_reflux,
    gilliland_stages,
    mccabe_thiele_stages,
)
