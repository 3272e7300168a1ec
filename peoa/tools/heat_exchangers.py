"""Heat exchangers: LMTD and its F correction, epsilon-NTU, duty, area and overall U.

Steady, single-phase (or condensing/boiling at constant temperature) exchangers with
constant heat capacities, after Incropera (Bergman et al., *Fundamentals of Heat and
Mass Transfer*, 7th ed., ch. 11) and Kern (*Process Heat Transfer*, 1950), using
``ht.hx`` and ``ht.conduction``.
"""

from __future__ import annotations

import math
from typing import Annotated

import ht
import ht.conduction

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn

__all__ = [
    "CONFIGURATIONS",
    "TOOLS",
    "hx_area",
    "hx_duty",
    "hx_effectiveness_from_ntu",
    "hx_lmtd",
    "hx_ntu_from_effectiveness",
    "hx_overall_u",
    "hx_rating_ntu",
    "phase_change_duty",
]

CONFIGURATIONS: dict[str, str] = {
    "counterflow": "counterflow",
    "parallel": "parallel",
    "shell_and_tube": "S&T",
    "crossflow_unmixed": "crossflow",
    "crossflow_cmin_mixed": "crossflow, mixed Cmin",
    "crossflow_cmax_mixed": "crossflow, mixed Cmax",
    "boiler_condenser": "boiler",
}
"""PEOA's configuration names -> ``ht.hx`` subtypes."""

# How questions name the arrangements in words (the experts bind a choice to these).
ARRANGEMENT_WORDS = (
    ("shell_and_tube", ("shell-and-tube", "shell and tube", "shell pass", "shell passes",
                        "tube passes", "TEMA E", "1-2 exchanger")),
    ("counterflow", ("counter-current", "countercurrent", "counter-flow", "counter flow")),
    ("parallel", ("co-current", "cocurrent", "parallel flow", "parallel-flow")),
)  # fmt: skip
_CONFIG_HELP = (
    "flow arrangement: counterflow, parallel, shell_and_tube (TEMA E, one shell pass per "
    "shell, 2n tube passes), crossflow_unmixed, crossflow_cmin_mixed, crossflow_cmax_mixed, "
    "boiler_condenser (one stream at constant temperature, Cr = 0)"
)

_T = "temperature"
# A side at one temperature: steam condensing, a liquid boiling.
_T_CONDENSING = Q("saturation_temperature", "temperature at which the hot side condenses (steam)")
_T_BOILING = Q("saturation_temperature", "temperature at which the cold side boils")


def _check_hot_cold(thi: float, tho: float, tci: float, tco: float) -> None:
    if tho > thi:
        raise ToolInputError("the hot stream must cool: T_hot_out must not exceed T_hot_in")
    if tco < tci:
        raise ToolInputError("the cold stream must heat up: T_cold_out must not be below T_cold_in")
    if thi <= tci:
        raise ToolInputError("T_hot_in must be above T_cold_in for heat to flow from hot to cold")


def _terminals(
    hot: tuple[float | None, float | None],
    cold: tuple[float | None, float | None],
    condensing: float | None,
    boiling: float | None,
    otherwise: str = "",
) -> tuple[float, float, float, float]:
    """The four terminal temperatures; a side that condenses or boils at one temperature
    enters and leaves at it."""
    if condensing is not None:
        hot = (condensing, condensing)
    if boiling is not None:
        cold = (boiling, boiling)
    (thi, tho), (tci, tco) = hot, cold
    if thi is None or tho is None or tci is None or tco is None:
        raise ToolInputError(
            f"give {otherwise}both hot-side temperatures (or T_condensing) and both cold-side "
            "temperatures (or T_boiling)"
        )
    return thi, tho, tci, tco


def _lmtd_and_f(
    thi: float, tho: float, tci: float, tco: float, arrangement: str, shells: int
) -> tuple[float, float]:
    _check_hot_cold(thi, tho, tci, tco)
    counter = arrangement != "parallel"
    dt1, dt2 = (thi - tco, tho - tci) if counter else (thi - tci, tho - tco)
    if dt1 <= 0 or dt2 <= 0:
        raise ToolInputError(
            f"the terminal temperature differences are {dt1:.4g} K and {dt2:.4g} K; both must "
            f"be positive for {arrangement} flow (a temperature cross is impossible)"
        )
    lmtd = ht.LMTD(thi, tho, tci, tco, counterflow=counter)
    f = 1.0
    if arrangement == "shell_and_tube" and tco > tci and tho < thi:
        try:
            f = ht.F_LMTD_Fakheri(Thi=thi, Tho=tho, Tci=tci, Tco=tco, shells=shells)  # type: ignore[arg-type]  # ht annotates Thi, Tci as int
        except (ValueError, ZeroDivisionError):  # logarithm of a negative: no solution
            f = math.nan
        if not math.isfinite(f) or f <= 0:
            raise ToolInputError(
                f"no F correction exists for {shells} shell pass(es) at these temperatures "
                "(temperature cross); add shells in series"
            )
        if f < 0.75:
            warn(f"F = {f:.3f} is below 0.75; designs usually add shell passes instead")
    return lmtd, f


@tool(
    topic="heat_exchangers",
    reference=(
        "Bergman et al., Fundamentals of Heat and Mass Transfer 7th ed. eq. 11.15; "
        "Fakheri, J. Heat Transfer 125 (2003) 527, doi:10.1115/1.1571078; "
        "ht.hx.LMTD, ht.hx.F_LMTD_Fakheri"
    ),
    outputs={
        "LMTD": Out("K", "log-mean temperature difference (counterflow or parallel)", kind="lmtd"),
        "F": Out(
            "",
            "LMTD correction factor (1 for pure counterflow or parallel)",
            kind="lmtd_correction",
        ),
        "dT_mean": Out(
            "K", "effective mean temperature difference F*LMTD", kind="temperature_difference"
        ),
        "R": Out(
            "",
            "capacity ratio R = (Thi-Tho)/(Tco-Tci); 0 when the cold stream is "
            "isothermal (boiling), where F = 1",
            kind="ratio",
        ),
        "P": Out(
            "", "thermal effectiveness of the cold side P = (Tco-Tci)/(Thi-Tci)", kind="ratio"
        ),
    },
    alternatives=[
        (("T_hot_in", "T_hot_out"), "T_condensing"),
        (("T_cold_in", "T_cold_out"), "T_boiling"),
    ],
)
def hx_lmtd(
    T_hot_in: Annotated[float | None, Q("temperature", "hot stream inlet temperature")] = None,
    T_hot_out: Annotated[float | None, Q("temperature", "hot stream outlet temperature")] = None,
    T_cold_in: Annotated[float | None, Q("temperature", "cold stream inlet temperature")] = None,
    T_cold_out: Annotated[float | None, Q("temperature", "cold stream outlet temperature")] = None,
    T_condensing: Annotated[float | None, _T_CONDENSING] = None,
    T_boiling: Annotated[float | None, _T_BOILING] = None,
    arrangement: Annotated[
        str,
        P(
            "counterflow, parallel, or shell_and_tube (counterflow LMTD times Fakheri's F "
            "for 1..N shell passes, even tube passes)",
            choices=("counterflow", "parallel", "shell_and_tube"),
            said_choice=ARRANGEMENT_WORDS,
        ),
    ] = "counterflow",
    shell_passes: Annotated[int, P("number of shell passes (shell_and_tube only)", ge=1)] = 1,
) -> dict[str, float]:
    """Log-mean temperature difference of a heat exchanger from its four terminal
    temperatures, dTlm = (dT1 - dT2)/ln(dT1/dT2), and for shell-and-tube exchangers the
    correction factor F, so that Q = U A F dTlm. Use it to size or rate an exchanger when
    all four temperatures are known, or a side's condensing (boiling) temperature and the
    other side's two.

    Notes
    -----
    Steady flow with U and both heat capacities constant along the exchanger, no heat
    loss, each side single-phase or at one temperature (condensing, boiling). F is
    Fakheri's closed form for N TEMA E shells with an even number of tube passes; a
    temperature cross is refused, and F < 0.75 gives a warning.

    Examples
    --------
    Bergman et al. Example 11.1, oil cooled from 100 to 60 degC by water heated from 30 to
    40.2 degC in counterflow: dTlm = 43.2 degC:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("hx_lmtd", {"T_hot_in": "100 degC", "T_hot_out": "60 degC",
    ...     "T_cold_in": "30 degC", "T_cold_out": "40.2 degC"})
    >>> round(r.value("LMTD", "K"), 1), r.value("F")
    (43.2, 1.0)
    """
    thi, tho, tci, tco = _terminals(
        (T_hot_in, T_hot_out), (T_cold_in, T_cold_out), T_condensing, T_boiling
    )
    lmtd, f = _lmtd_and_f(thi, tho, tci, tco, arrangement, shell_passes)
    dt_cold = tco - tci
    r = (thi - tho) / dt_cold if dt_cold > 0 else math.inf
    return {
        "LMTD": lmtd,
        "F": f,
        "dT_mean": f * lmtd,
        "R": r if math.isfinite(r) else 0.0,
        "P": dt_cold / (thi - tci),
    }


@tool(
    topic="heat_exchangers",
    reference="First law for a stream with constant cp: Q = m cp (T_out - T_in); "
    "Bergman et al. 7th ed. eq. 11.6",
    outputs={
        # The duty first: a heater's or a cooler's duty is the heat transferred, positive.
        "Q_abs": Out("W", "heat duty (load), the heat the stream gains or loses", kind="heat_duty"),
        "Q": Out(
            "W",
            "heat absorbed by the stream, signed (negative when it gives heat off)",
            kind="heat_duty",
        ),
        "C": Out("W/K", "heat capacity rate m*cp"),
    },
)
def hx_duty(
    mass_flow: Annotated[float, Q("mass_flow", "stream mass flow rate", gt=0)],
    specific_heat: Annotated[float, Q("specific_heat", "mean specific heat cp", gt=0)],
    T_in: Annotated[float, Q("temperature", "stream inlet temperature")],
    T_out: Annotated[float, Q("temperature", "stream outlet temperature")],
) -> dict[str, float]:
    """Sensible heat duty of one stream, Q = m cp (T_out - T_in): the heat a stream gains
    (positive) or loses (negative) between two temperatures without phase change. Use it
    for the duty of a heater, cooler or either side of an exchanger.

    Notes
    -----
    Sensible heat only: steady flow, no phase change, cp constant (a mean over T_in to
    T_out). For a stream that boils or condenses use phase_change_duty, or enthalpies
    from fluid_state; the sign of Q tells heating (positive) from cooling.

    Examples
    --------
    The oil of Bergman et al. Example 11.1, 0.1 kg/s with cp = 2131 J/(kg K) cooled from
    100 to 60 degC: q = 8524 W:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("hx_duty", {"mass_flow": "0.1 kg/s",
    ...     "specific_heat": "2131 J/kg/K", "T_in": "100 degC", "T_out": "60 degC"})
    >>> round(r.value("Q_abs", "W")), round(r.value("Q", "W"))
    (8524, -8524)
    """
    c = mass_flow * specific_heat
    q = c * (T_out - T_in)
    return {"Q": q, "Q_abs": abs(q), "C": c}


@tool(
    topic="heat_exchangers",
    reference="Latent heat balance Q = m hfg for a stream that boils or condenses at constant "
    "temperature (Kern, Process Heat Transfer, 1950, ch. 12; Bergman et al. 7th ed. sec. 10)",
    outputs={
        "Q": Out("W", "heat duty of the boiling or condensing stream", kind="heat_duty"),
        "mass_flow": Out("kg/s", "flow that boils or condenses", kind="mass_flow"),
    },
    alternatives=[("mass_flow", "duty")],
)
def phase_change_duty(
    latent_heat: Annotated[float, Q("latent_heat", "latent heat of the phase change", gt=0)],
    mass_flow: Annotated[float | None, Q("mass_flow", "flow that boils or condenses", gt=0)] = None,
    duty: Annotated[float | None, Q("heat_duty", "heat duty to supply or remove", gt=0)] = None,
) -> dict[str, float]:
    """Duty of a stream that boils or condenses completely at constant temperature, Q = m
    hfg (a vaporiser, reboiler or condenser), or the flow a duty boils or condenses
    (the steam a heater condenses): give the flow or the duty.

    Notes
    -----
    All of the flow changes phase at one pressure, with hfg at that pressure; sensible
    heat to or from the stream (superheat, subcooling) is not included, so add hx_duty
    for it. For a partial condenser give the flow that condenses, not the feed.

    Examples
    --------
    1800 kg/h of steam condensing with hfg = 2107.4 kJ/kg; by hand 0.5 kg/s x 2107.4
    kJ/kg = 1053.7 kW:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("phase_change_duty", {"latent_heat": "2107.4 kJ/kg",
    ...     "mass_flow": "1800 kg/h"})
    >>> round(r.value("Q", "kW"), 1)
    1053.7
    """
    if (mass_flow is None) == (duty is None):
        raise ToolInputError("phase_change_duty: give the mass flow or the duty")
    if mass_flow is not None:
        return {"Q": mass_flow * latent_heat, "mass_flow": mass_flow}
    assert duty is not None
    return {"Q": duty, "mass_flow": duty / latent_heat}


@tool(
    topic="heat_exchangers",
    reference="Design equation Q = U A F dTlm, Bergman et al. 7th ed. eq. 11.14; Kern (1950) "
    "ch. 7; ht.hx.LMTD, ht.hx.F_LMTD_Fakheri",
    outputs={
        "A": Out("m**2", "required heat transfer area", kind="heat_transfer_area"),
        "dT_mean": Out(
            "K", "mean temperature difference used (F*LMTD)", kind="temperature_difference"
        ),
        "F": Out("", "LMTD correction factor used", kind="lmtd_correction"),
    },
    alternatives=[
        (
            "LMTD",
            ("T_hot_in", "T_hot_out", "T_cold_in", "T_cold_out"),
            ("T_condensing", "T_cold_in", "T_cold_out"),
            ("T_hot_in", "T_hot_out", "T_boiling"),
        )
    ],
)
def hx_area(
    duty: Annotated[float, Q("heat_duty", "heat duty Q", gt=0)],
    U: Annotated[
        float, Q("overall_heat_transfer_coefficient", "overall heat transfer coefficient", gt=0)
    ],
    LMTD: Annotated[
        float | None,
        Q(
            "lmtd",
            "mean temperature difference (or give the 4 temperatures)",
            gt=0,
        ),
    ] = None,
    F: Annotated[float, Q("lmtd_correction", "LMTD correction factor", gt=0, le=1)] = 1.0,
    T_hot_in: Annotated[float | None, Q("temperature", "hot inlet temperature")] = None,
    T_hot_out: Annotated[float | None, Q("temperature", "hot outlet temperature")] = None,
    T_cold_in: Annotated[float | None, Q("temperature", "cold inlet temperature")] = None,
    T_cold_out: Annotated[float | None, Q("temperature", "cold outlet temperature")] = None,
    T_condensing: Annotated[float | None, _T_CONDENSING] = None,
    T_boiling: Annotated[float | None, _T_BOILING] = None,
    arrangement: Annotated[
        str,
        P(
            "with temperatures: counterflow, parallel or shell_and_tube",
            choices=("counterflow", "parallel", "shell_and_tube"),
            said_choice=ARRANGEMENT_WORDS,
        ),
    ] = "counterflow",
    shell_passes: Annotated[int, P("shell passes (shell_and_tube)", ge=1)] = 1,
) -> dict[str, float]:
    """Heat transfer area from the design equation A = Q / (U F dTlm). Give the duty and U,
    and either the log-mean temperature difference (with F if it is not 1) or the four
    terminal temperatures with the flow arrangement (then LMTD and F are computed); a side
    that condenses (boils) at one temperature gives T_condensing (T_boiling) for its two.

    Notes
    -----
    U is constant over the whole area, and the mean temperature difference carries the
    assumptions of hx_lmtd (steady flow, constant heat capacities, no heat loss). From
    temperatures, LMTD and F are computed as hx_lmtd does; a given LMTD is used with the
    given F (default 1, pure counterflow or parallel flow).

    Examples
    --------
    Bergman et al. Example 11.1: q = 8524 W, U = 38.1 W/(m2 K), dTlm = 43.2 K; 5.18 m2 is
    the book's 65.9 m of 25 mm tube:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("hx_area", {"duty": "8524 W", "U": "38.1 W/m^2/K",
    ...     "LMTD": "43.2 K"})
    >>> round(r.value("A", "m^2"), 2)
    5.18
    """
    if LMTD is None:
        temps = _terminals(
            (T_hot_in, T_hot_out), (T_cold_in, T_cold_out), T_condensing, T_boiling,
            otherwise="LMTD, or ",
        )  # fmt: skip
        LMTD, F = _lmtd_and_f(*temps, arrangement, shell_passes)
    dt = F * LMTD
    return {"A": duty / (U * dt), "dT_mean": dt, "F": F}


@tool(
    topic="heat_exchangers",
    reference="Series thermal resistances, Bergman et al. 7th ed. eq. 11.5; Kern (1950) eq. 6.38; "
    "ht.conduction.R_cylinder",
    outputs={
        "U_outer": Out(
            "W/m**2/K",
            "overall coefficient based on the outer area",
            kind="overall_heat_transfer_coefficient",
        ),
        "U_inner": Out(
            "W/m**2/K",
            "overall coefficient based on the inner area",
            kind="overall_heat_transfer_coefficient",
        ),
        "R_total_outer": Out("m**2*K/W", "total resistance per unit outer area 1/U_outer"),
    },
)
def hx_overall_u(
    h_inner: Annotated[float, Q("film_coefficient", "inside film coefficient", gt=0)],
    h_outer: Annotated[float, Q("film_coefficient", "outside film coefficient", gt=0)],
    D_inner: Annotated[
        float | None, Q("inside_diameter", "tube inner diameter (omit for a flat wall)", gt=0)
    ] = None,
    D_outer: Annotated[
        float | None, Q("outside_diameter", "tube outer diameter (omit for a flat wall)", gt=0)
    ] = None,
    wall_conductivity: Annotated[
        float | None, Q("thermal_conductivity", "wall thermal conductivity (omit to neglect)", gt=0)
    ] = None,
    wall_thickness: Annotated[
        float | None, Q("wall_thickness", "flat wall thickness (flat wall only)", gt=0)
    ] = None,
    fouling_inner: Annotated[
        float, Q("fouling_resistance", "inside fouling resistance", ge=0)
    ] = 0.0,
    fouling_outer: Annotated[
        float, Q("fouling_resistance", "outside fouling resistance", ge=0)
    ] = 0.0,
) -> dict[str, float]:
    """Overall heat transfer coefficient from the film coefficients, the wall and fouling:
    1/Uo = 1/ho + Rfo + Do ln(Do/Di)/(2 k) + Rfi Do/Di + Do/(Di hi) for a tube, or
    1/U = 1/hi + Rfi + t/k + Rfo + 1/ho for a flat wall. The wall term is omitted when no
    conductivity is given.

    Notes
    -----
    Thermal resistances in series with one-dimensional conduction through a plain tube
    wall (or a flat wall): no fins, no contact resistance. Fouling resistances are design
    allowances the user gives (e.g. from TEMA tables); they are not predicted.

    Examples
    --------
    Bergman et al. Example 11.1, thin-walled tube, hi = 2250 and ho = 38.8 W/(m2 K):
    U = 38.1 W/(m2 K):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("hx_overall_u", {"h_inner": "2250 W/m^2/K",
    ...     "h_outer": "38.8 W/m^2/K"})
    >>> round(r.value("U_outer", "W/m^2/K"), 1)
    38.1
    """
    if (D_inner is None) != (D_outer is None):
        raise ToolInputError("give both D_inner and D_outer for a tube, or neither for a flat wall")
    if D_inner is not None and D_outer is not None:
        if D_outer <= D_inner:
            raise ToolInputError("D_outer must be larger than D_inner")
        ratio = D_outer / D_inner
        wall = 0.0
        if wall_conductivity is not None:
            # R_cylinder is per tube of length L; times the outer area per length gives m2K/W.
            wall = ht.conduction.R_cylinder(D_inner, D_outer, wall_conductivity, 1.0)
            wall *= math.pi * D_outer
        r_outer = 1 / h_outer + fouling_outer + wall + fouling_inner * ratio + ratio / h_inner
        return {"U_outer": 1 / r_outer, "U_inner": ratio / r_outer, "R_total_outer": r_outer}
    wall = 0.0
    if wall_conductivity is not None:
        if wall_thickness is None:
            raise ToolInputError("a flat wall needs wall_thickness with wall_conductivity")
        wall = wall_thickness / wall_conductivity
    r = 1 / h_inner + fouling_inner + wall + fouling_outer + 1 / h_outer
    return {"U_outer": 1 / r, "U_inner": 1 / r, "R_total_outer": r}


_CONFIG = Annotated[
    str, P(_CONFIG_HELP, choices=tuple(CONFIGURATIONS), said_choice=ARRANGEMENT_WORDS)
]


@tool(
    topic="heat_exchangers",
    reference="Bergman et al. 7th ed. Table 11.3; Shah & Sekulic, Fundamentals of Heat "
    "Exchanger Design (2003); ht.hx.effectiveness_from_NTU",
    outputs={"effectiveness": Out("", "heat exchanger effectiveness Q/Qmax", kind="effectiveness")},
)
def hx_effectiveness_from_ntu(
    NTU: Annotated[float, Q("ntu", "number of transfer units UA/Cmin", gt=0)],
    Cr: Annotated[float, Q("capacity_ratio", "heat capacity rate ratio Cmin/Cmax", ge=0, le=1)],
    configuration: _CONFIG = "counterflow",
    shells: Annotated[int, P("shells in series (shell_and_tube only)", ge=1)] = 1,
) -> dict[str, float]:
    """Effectiveness of a heat exchanger from its NTU and capacity ratio Cr = Cmin/Cmax,
    eps = f(NTU, Cr, configuration) (e.g. counterflow eps = (1-exp(-NTU(1-Cr)))/
    (1-Cr exp(-NTU(1-Cr)))). Use it to rate an exchanger of known UA; Q = eps Cmin
    (Thi - Tci).

    Notes
    -----
    Steady flow, U and heat capacities constant, no heat loss. Crossflow with both
    fluids unmixed is ht's exact integral solution; shell_and_tube is TEMA E with an even
    number of tube passes and equal shells in series (at Cr = 1, where the series formula
    is 0/0, its limit n eps1 / (1 + (n - 1) eps1)). Cr = 0 (one side condensing or
    boiling) gives 1 - exp(-NTU) whatever the configuration.

    Examples
    --------
    ht's documented counterflow example, NTU = 5 and Cr = 0.7:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("hx_effectiveness_from_ntu", {"NTU": 5, "Cr": 0.7})
    >>> round(r.value("effectiveness"), 4)
    0.9207
    """
    subtype = "boiler" if Cr == 0 else CONFIGURATIONS[configuration]
    if subtype == "S&T":  # ht divides 0/0 for shells in series at Cr = 1
        return {"effectiveness": _in_series(_one_shell(NTU / shells, Cr), Cr, shells)}
    eff = ht.effectiveness_from_NTU(NTU=NTU, Cr=Cr, subtype=subtype)
    return {"effectiveness": eff}


@tool(
    topic="heat_exchangers",
    reference="Bergman et al. 7th ed. Table 11.4; Shah & Sekulic (2003); "
    "ht.hx.NTU_from_effectiveness",
    outputs={"NTU": Out("", "number of transfer units UA/Cmin", kind="ntu")},
)
def hx_ntu_from_effectiveness(
    effectiveness: Annotated[float, Q("effectiveness", "effectiveness Q/Qmax", gt=0, lt=1)],
    Cr: Annotated[float, Q("capacity_ratio", "heat capacity rate ratio Cmin/Cmax", ge=0, le=1)],
    configuration: _CONFIG = "counterflow",
    shells: Annotated[int, P("shells in series (shell_and_tube only)", ge=1)] = 1,
) -> dict[str, float]:
    """Number of transfer units NTU = UA/Cmin needed for a given effectiveness and capacity
    ratio Cr = Cmin/Cmax in the chosen configuration. Use it to size an exchanger by the
    epsilon-NTU method: then UA = NTU * Cmin.

    Notes
    -----
    The inverse of hx_effectiveness_from_ntu, with its assumptions (steady flow, constant
    U and heat capacities, no loss). An effectiveness the configuration cannot reach is
    refused, naming its maximum (1/(1 + Cr) in parallel flow). Crossflow with both fluids
    unmixed nears 1 only slowly; it is solved up to NTU = 300 and refused beyond.

    Examples
    --------
    ht's documented counterflow example run backwards, effectiveness 0.92067 at Cr = 0.7:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("hx_ntu_from_effectiveness", {"effectiveness": 0.92067,
    ...     "Cr": 0.7})
    >>> round(r.value("NTU"), 2)
    5.0
    """
    subtype = "boiler" if Cr == 0 else CONFIGURATIONS[configuration]
    limit = _max_effectiveness(subtype, Cr, shells)
    if effectiveness >= limit:
        where = (
            f"at NTU = {_CROSSFLOW_NTU_MAX:g}), the largest NTU this tool evaluates; the "
            "exact solution nears 1 only as NTU grows without bound"
            if subtype == "crossflow"
            else "as NTU grows without bound)"
        )
        raise ToolInputError(
            f"hx_ntu_from_effectiveness: effectiveness {effectiveness:.4g} is not reachable "
            f"in {configuration} flow with Cr = {Cr:.4g}"
            + (f" and {shells} shells" if subtype == "S&T" else "")
            + f": the maximum effectiveness is {limit:.4f} ({where}"
        )
    if subtype == "crossflow":
        return {"NTU": _crossflow_unmixed_ntu(effectiveness, Cr)}
    if subtype == "S&T":  # ht divides 0/0 at Cr = 1, for one shell or several
        return {"NTU": shells * _one_shell_ntu(_per_shell(effectiveness, Cr, shells), Cr)}
    ntu = ht.NTU_from_effectiveness(effectiveness=effectiveness, Cr=Cr, subtype=subtype)
    return {"NTU": ntu}


# One TEMA E shell (even tube passes) and equal shells in series, Shah & Sekulic (2003)
# Table 3.3 and eq. 3.131: the same as ht's, written so that Cr = 1 is its limit, not 0/0.
def _one_shell(ntu: float, Cr: float) -> float:
    root = math.sqrt(1 + Cr**2)
    decay = math.exp(-ntu * root)
    return 2 / (1 + Cr + root * (1 + decay) / (1 - decay))


def _one_shell_ntu(effectiveness: float, Cr: float) -> float:
    root = math.sqrt(1 + Cr**2)
    e = (2 / effectiveness - (1 + Cr)) / root
    return -math.log((e - 1) / (e + 1)) / root


def _in_series(one: float, Cr: float, shells: int) -> float:
    if shells == 1:
        return one
    if Cr == 1:
        return shells * one / (1 + (shells - 1) * one)
    ratio = ((1 - one * Cr) / (1 - one)) ** shells
    return (ratio - 1) / (ratio - Cr)


def _per_shell(effectiveness: float, Cr: float, shells: int) -> float:
    """The effectiveness each of ``shells`` equal shells in series needs (inverse of
    :func:`_in_series`)."""
    if shells == 1:
        return effectiveness
    if Cr == 1:
        return effectiveness / (shells - (shells - 1) * effectiveness)
    factor: float = ((effectiveness * Cr - 1) / (effectiveness - 1)) ** (1 / shells)
    return (factor - 1) / (factor - Cr)


# ht's exact crossflow (both unmixed) integral agrees with Shah & Sekulic's series to 1e-9
# up to NTU 350 for every Cr, and overflows past about 400; 300 stays inside that.
_CROSSFLOW_NTU_MAX = 300.0


def _max_effectiveness(subtype: str, Cr: float, shells: int) -> float:
    """The effectiveness an ht subtype approaches as NTU grows without bound; for
    crossflow with both fluids unmixed, which nears 1 only slowly, its value at the
    largest NTU evaluated."""
    if subtype == "parallel":
        return 1 / (1 + Cr)
    if subtype == "crossflow, mixed Cmin":
        return 1 - math.exp(-1 / Cr)
    if subtype == "crossflow, mixed Cmax":
        return (1 - math.exp(-Cr)) / Cr
    if subtype == "S&T":  # one TEMA E shell's limit, then shells in series
        one = 2 / (1 + Cr + math.sqrt(1 + Cr**2))
        if Cr == 1:
            return shells * one / (1 + (shells - 1) * one)
        ratio = ((1 - one * Cr) / (1 - one)) ** shells
        return (ratio - 1) / (ratio - Cr)
    if subtype == "crossflow":
        return float(ht.effectiveness_from_NTU(NTU=_CROSSFLOW_NTU_MAX, Cr=Cr, subtype=subtype))
    return 1.0  # counterflow, boiler or condenser


def _crossflow_unmixed_ntu(effectiveness: float, Cr: float) -> float:
    """NTU for crossflow with both fluids unmixed, bracketed: ht's secant, started from
    an approximate correlation, overshoots into overflow at high effectiveness."""
    from scipy.optimize import brentq

    def excess(ntu: float) -> float:
        return float(ht.effectiveness_from_NTU(NTU=ntu, Cr=Cr, subtype="crossflow")) - effectiveness

    return float(brentq(excess, 1e-12, _CROSSFLOW_NTU_MAX, xtol=1e-12, rtol=1e-12))


@tool(
    topic="heat_exchangers",
    reference="epsilon-NTU rating, Bergman et al. 7th ed. sec. 11.4; ht.hx.effectiveness_NTU_method",
    outputs={
        "Q": Out("W", "heat duty", kind="heat_duty"),
        "T_hot_out": Out("K", "hot stream outlet temperature"),
        "T_cold_out": Out("K", "cold stream outlet temperature"),
        "effectiveness": Out("", "effectiveness", kind="effectiveness"),
        "NTU": Out("", "number of transfer units", kind="ntu"),
        "Cmin": Out("W/K", "smaller heat capacity rate"),
        "Cr": Out("", "capacity ratio Cmin/Cmax", kind="capacity_ratio"),
    },
    alternatives=[
        (("hot_mass_flow", "hot_cp"), "hot_capacity_rate"),
        (("cold_mass_flow", "cold_cp"), "cold_capacity_rate"),
    ],
)
def hx_rating_ntu(
    T_hot_in: Annotated[float, Q("temperature", "hot inlet temperature")],
    T_cold_in: Annotated[float, Q("temperature", "cold inlet temperature")],
    UA: Annotated[float, Q("ua", "product U*A of the exchanger (W/K)", gt=0)],
    hot_mass_flow: Annotated[float | None, Q("mass_flow", "hot stream mass flow", gt=0)] = None,
    hot_cp: Annotated[float | None, Q("specific_heat", "hot stream specific heat", gt=0)] = None,
    cold_mass_flow: Annotated[float | None, Q("mass_flow", "cold stream mass flow", gt=0)] = None,
    cold_cp: Annotated[float | None, Q("specific_heat", "cold stream specific heat", gt=0)] = None,
    hot_capacity_rate: Annotated[
        float | None,
        Q("heat_capacity_rate", "hot stream heat-capacity rate m*cp (W/K), if given as such", gt=0),
    ] = None,
    cold_capacity_rate: Annotated[
        float | None,
        Q(
            "heat_capacity_rate",
            "cold stream heat-capacity rate m*cp (W/K), if given as such",
            gt=0,
        ),
    ] = None,
    configuration: _CONFIG = "counterflow",
    shells: Annotated[int, P("shells in series (shell_and_tube only)", ge=1)] = 1,
) -> Outcome:
    """Rate an existing heat exchanger by the epsilon-NTU method: from both streams' heat
    capacity rates (each as mass flow and specific heat, or as m*cp in W/K), the inlet
    temperatures and UA, find the duty and both outlet temperatures.
    Use it when the outlet temperatures are unknown (LMTD would need iteration).

    Notes
    -----
    Steady flow with U constant over the area and constant heat capacities (no phase
    change), no heat loss; the configurations are those of hx_effectiveness_from_ntu.
    The outlets follow from eps, Cmin and the inlets directly, with no iteration.

    Examples
    --------
    ht's documented example for effectiveness_NTU_method (after Holman's Example 10-8):
    steam 5.2 kg/s (cp 1860) mixed, oil 1.45 kg/s (cp 1900) in crossflow, UA = 3041.75 W/K:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("hx_rating_ntu", {"T_hot_in": "130 degC",
    ...     "T_cold_in": "15 degC", "UA": "3041.75 W/K", "hot_mass_flow": "5.2 kg/s",
    ...     "hot_cp": "1860 J/kg/K", "cold_mass_flow": "1.45 kg/s", "cold_cp": "1900 J/kg/K",
    ...     "configuration": "crossflow_cmax_mixed"})
    >>> round(r.value("Q", "kW"), 1), round(r.value("T_cold_out", "degC"), 2)
    (192.8, 85.0)
    """
    if T_hot_in <= T_cold_in:
        raise ToolInputError("T_hot_in must be above T_cold_in")
    hot = _capacity_rate("hot", hot_mass_flow, hot_cp, hot_capacity_rate)
    cold = _capacity_rate("cold", cold_mass_flow, cold_cp, cold_capacity_rate)
    result = ht.effectiveness_NTU_method(
        mh=hot,
        mc=cold,
        Cph=1.0,
        Cpc=1.0,
        subtype=CONFIGURATIONS[configuration],
        Thi=T_hot_in,
        Tci=T_cold_in,
        UA=UA,
        n_shell_tube=shells if configuration == "shell_and_tube" else None,
    )
    return Outcome(
        {
            "Q": result["Q"],
            "T_hot_out": result["Tho"],
            "T_cold_out": result["Tco"],
            "effectiveness": result["effectiveness"],
            "NTU": result["NTU"],
            "Cmin": result["Cmin"],
            "Cr": result["Cr"],
        },
        method=configuration,
    )


def _capacity_rate(
    stream: str, mass_flow: float | None, cp: float | None, rate: float | None
) -> float:
    """A stream's heat-capacity rate m*cp in W/K, given as such or as its two factors."""
    if rate is not None and mass_flow is None and cp is None:
        return rate
    if rate is None and mass_flow is not None and cp is not None:
        return mass_flow * cp
    both = rate is not None and (mass_flow is not None or cp is not None)
    raise ToolInputError(
        f"give the {stream} stream's {stream}_mass_flow and {stream}_cp, or its "
        f"{stream}_capacity_rate (W/K)" + (", not both" if both else "")
    )


TOOLS = (
    hx_lmtd,
    hx_duty,
    phase_change_duty,
    hx_area,
    hx_overall_u,
    hx_effectiveness_from_ntu,
    hx_ntu_from_effectiveness,
    hx_rating_ntu,
)
