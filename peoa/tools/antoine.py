"""Vapour pressures and Raoult's-law bubble and dew points from the Antoine coefficients
the user gives (the ``vle`` topic; :mod:`peoa.tools.vle` has the library-data models).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Annotated

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool
from peoa.tools.quantity import ureg
from peoa.tools.vle import check_composition, check_low_pressure

__all__ = ["TOOLS", "antoine_bubble_dew", "antoine_vapor_pressure"]

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
    (default log10, mmHg, degC).

    Notes
    -----
    The equation holds only over the temperature range its coefficients were fitted to
    (typically about 1 to 200 kPa); the tool does not know that range and does not warn
    outside it. It refuses a temperature at which T + C is not positive, and a pressure
    that the equation never reaches (at or above base^A in the coefficients' units).

    Examples
    --------
    Benzene's coefficients (log10, mmHg, degC) give 760 mmHg at its normal boiling
    point, 80.1 degC:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("antoine_vapor_pressure", {"A": 6.90565, "B": 1211.033,
    ...     "C": 220.790, "temperature": {"value": 80.1, "unit": "degC"}})
    >>> round(r.value("vapor_pressure", "mmHg"), 1)
    760.0
    """
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
        assert vapor_pressure is not None  # exactly one of the two, checked above
        T_found = equation.T_sat(math.log(vapor_pressure))
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
    Returns the other phase's composition and the K-values. Low pressures only.

    Notes
    -----
    Raoult's law takes the liquid as an ideal solution and the vapour as an ideal gas:
    it suits mixtures of similar molecules at low pressure, predicts no azeotrope, and
    warns above 10 bar. Each component's coefficients hold only in their own fitted range,
    which is not checked. A bubble or dew temperature is found with brentq between the
    pure components' saturation temperatures at P.

    Examples
    --------
    Acetonitrile(1)/nitromethane(2) at 75 degC with x1 = 0.6 (Smith, Van Ness & Abbott,
    Example 10.3: P = 66.72 kPa, y1 = 0.7483):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("antoine_bubble_dew", {"A": [14.2724, 14.2043],
    ...     "B": [2945.47, 2972.64], "C": [224.0, 209.0], "base": "ln", "pressure_unit": "kPa",
    ...     "x": [0.6, 0.4], "temperature": {"value": 75, "unit": "degC"}})
    >>> round(r.value("pressure", "kPa"), 2), round(r.value("composition")[0], 4)
    (66.72, 0.7483)
    """
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
    given = x if x is not None else y
    assert given is not None  # x or y, checked above
    zs = check_composition(given, len(A), "x" if bubble else "y")
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

        assert pressure is not None  # exactly one of temperature and pressure, checked above
        P_ = pressure
        ln_target = math.log(P_)
        sat = [equations[i].T_sat(ln_target) for i in present]
        reached = [t for t in sat if t is not None]
        if len(reached) < len(sat):
            too_high = [i + 1 for i, t in zip(present, sat, strict=True) if t is None]
            raise ToolInputError(
                f"antoine_bubble_dew: component(s) {too_high} never reach {P_:.6g} Pa by their "
                "Antoine equation; check the coefficients and their units"
            )
        low, high = min(reached), max(reached)
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
    check_low_pressure(P_)
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


TOOLS = (antoine_vapor_pressure, antoine_bubble_dew)
