"""The figures of a calculation sheet: a picture for a step where one says more.

Each figure is drawn from one tool call of a solved step, by a function registered under
the tool's name with :func:`draws`; adding a figure is adding a function here, the sheet
itself does not change. A function returns ``None`` when the call lacks the data its
picture needs. The figures are PNG bytes (matplotlib, the Agg canvas, no pyplot: no
global state, safe in the server's threads), drawn only when a sheet is asked for.

- cycles (``rankine_cycle``, ``rankine_regenerative_cycle``, ``refrigeration_cycle``,
  ``brayton_cycle``): the T–s diagram of the state table, the heat-exchange lines drawn
  along their isobars and, for a condensing fluid, CoolProp's saturation dome;
- pipe friction (``friction_factor``, ``pipe_pressure_drop``, ``flow_from_head``): the
  operating point on a Moody chart drawn with ``fluids.friction.friction_factor``;
- ``mccabe_thiele_stages``: the McCabe–Thiele staircase;
- ``pump_affinity``: the two operating points on their affinity parabola (H ∝ Q²); no
  tool gives a pump's own curve or a system curve, so there is no intersection to draw.
"""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from peoa.experts.base import Quantity, ToolCall

__all__ = ["ASPECT", "SheetFigure", "draws", "figure_tools", "figures_for"]

log = logging.getLogger(__name__)

_DPI = 110
_SIZE = (6.4, 4.0)  # inches: the width of the sheet's text column
ASPECT = _SIZE[1] / _SIZE[0]  # a figure's height over its width


@dataclass(frozen=True)
class SheetFigure:
    """One picture of a step: what it shows (alt text and caption) and its PNG bytes."""

    caption: str
    png: bytes


Drawer = Callable[[ToolCall, dict[str, Any]], SheetFigure | None]
_DRAWERS: dict[str, Drawer] = {}


def draws(*tool_names: str) -> Callable[[Drawer], Drawer]:
    """Register a function that draws the figure of a call of any of ``tool_names``."""

    def register(drawer: Drawer) -> Drawer:
        for name in tool_names:
            _DRAWERS[name] = drawer
        return drawer

    return register


def figure_tools() -> list[str]:
    """The tools whose calls get a figure."""
    return sorted(_DRAWERS)


def figures_for(call: ToolCall) -> list[SheetFigure]:
    """The figures of one tool call: none for a tool without a drawer, a call that failed
    or one whose data does not support its picture. A figure that cannot be drawn is
    logged and left out: the sheet matters more than its pictures."""
    drawer = _DRAWERS.get(call.tool)
    if drawer is None or call.error:
        return []
    try:
        figure = drawer(call, _arguments(call))
    except Exception:
        log.warning("no figure for the %s step", call.tool, exc_info=True)
        return []
    return [figure] if figure is not None else []


def _arguments(call: ToolCall) -> dict[str, Any]:
    """The call's arguments in the tool's own (SI) units, its defaults filled in."""
    from peoa.tools import get_registry

    kwargs, _, _ = get_registry().get(call.tool).validate(call.arguments)
    return kwargs


def _output(call: ToolCall, name: str) -> Any:
    """An output's value (SI), or ``None``."""
    value = call.outputs.get(name)
    if isinstance(value, Quantity):
        return value.value
    if isinstance(value, dict):
        return value.get("value")
    return value


def _canvas() -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=_SIZE, dpi=_DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=_DPI)
    return buffer.getvalue()


# -- cycles: T–s diagram ------------------------------------------------------------------

_CYCLE_FLUID = {  # the argument that names the working fluid, and the fluid without one
    "rankine_cycle": ("fluid", "water"),
    "rankine_regenerative_cycle": (None, "Water"),
    "refrigeration_cycle": ("refrigerant", None),
    "brayton_cycle": (None, "Air"),
}


@draws(*_CYCLE_FLUID)
def cycle_ts_diagram(call: ToolCall, arguments: dict[str, Any]) -> SheetFigure | None:
    """The cycle's states on a T–s diagram, joined in the order of the state table."""
    from CoolProp.CoolProp import PropsSI

    from peoa.tools.fluid_states import coolprop_name

    states = _output(call, "states")
    if not isinstance(states, list) or len(states) < 3:
        return None
    argument, default = _CYCLE_FLUID[call.tool]
    named = arguments.get(argument) if argument else None
    fluid = coolprop_name(str(named), call.tool) if named else str(default)
    T = [row["T_K"] - 273.15 for row in states]
    s = [row["s_kJ_per_kgK"] for row in states]
    P = [row["P_kPa"] * 1000.0 for row in states]

    figure = _canvas()
    axes = figure.add_subplot()
    if fluid != "Air":  # a condensing fluid: its saturation dome
        t_low = max(PropsSI("Ttriple", fluid), min(T) + 273.15 - 30.0)
        t_crit = PropsSI("Tcrit", fluid)
        grid = [t_low + (t_crit - t_low) * (1 - (1 - i / 80) ** 2) for i in range(80)]
        liquid = [PropsSI("S", "T", t, "Q", 0, fluid) / 1000.0 for t in grid]
        vapour = [PropsSI("S", "T", t, "Q", 1, fluid) / 1000.0 for t in grid]
        celsius = [t - 273.15 for t in grid]
        axes.plot(liquid + vapour[::-1], celsius + celsius[::-1], color="0.55", lw=1,
                  label="saturation")  # fmt: skip
    for i in range(len(states)):
        j = (i + 1) % len(states)
        if not math.isclose(P[i], P[j], rel_tol=1e-3) or math.isclose(s[i], s[j]):
            path_s, path_T = [s[i], s[j]], [T[i], T[j]]  # a compression, expansion, throttle
        elif fluid == "Air":  # an ideal gas's isobar, T ∝ exp(s/cp), through both ends
            path_s = [s[i] + (s[j] - s[i]) * k / 40 for k in range(41)]
            ratio = (T[j] + 273.15) / (T[i] + 273.15)
            path_T = [(T[i] + 273.15) * ratio ** (k / 40) - 273.15 for k in range(41)]
        else:  # heat exchanged at constant pressure, across the dome
            path_s = [s[i] + (s[j] - s[i]) * k / 40 for k in range(41)]
            path_T = [PropsSI("T", "P", P[i], "S", x * 1000.0, fluid) - 273.15 for x in path_s]
        axes.plot(path_s, path_T, color="tab:blue", lw=1.6)
    axes.plot(s, T, "o", color="tab:red", ms=5, zorder=3)
    for row, x, y in zip(states, s, T, strict=True):
        axes.annotate(str(row["state"]).split()[0], (x, y), textcoords="offset points",
                      xytext=(5, 4), fontsize=9)  # fmt: skip
    axes.set_xlabel("s [kJ/(kg·K)]")
    axes.set_ylabel("T [°C]")
    axes.set_title(f"{call.tool.replace('_', ' ')}: T–s diagram ({fluid})", fontsize=10)
    axes.grid(alpha=0.3)
    return SheetFigure(caption=f"T–s diagram of the cycle's states, {fluid}", png=_png(figure))


# -- pipe friction: Moody chart -----------------------------------------------------------

_MOODY_CURVES = (0.0, 1e-6, 1e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2)


def _relative_roughness(arguments: dict[str, Any]) -> float | None:
    if arguments.get("relative_roughness") is not None:
        return float(arguments["relative_roughness"])
    roughness, diameter = arguments.get("roughness"), arguments.get("diameter")
    if roughness is None or not diameter:
        return None
    return float(roughness) / float(diameter)


@draws("friction_factor", "pipe_pressure_drop", "flow_from_head")
def moody_chart(call: ToolCall, arguments: dict[str, Any]) -> SheetFigure | None:
    """The Darcy friction factor found, at its Reynolds number and relative roughness."""
    from fluids.friction import friction_factor

    Re = _output(call, "Re") or arguments.get("Re")
    fd = _output(call, "fd")
    eD = _relative_roughness(arguments)
    if Re is None or fd is None or eD is None or Re <= 0:
        return None
    lo, hi = min(600.0, Re / 2), max(1e8, Re * 2)
    span = [
        10 ** (math.log10(lo) + (math.log10(hi) - math.log10(lo)) * k / 120) for k in range(121)
    ]
    turbulent = [r for r in span if r >= 2300]
    figure = _canvas()
    axes = figure.add_subplot()
    laminar = [r for r in span if r <= 3000]
    axes.plot(laminar, [64 / r for r in laminar], color="0.45", lw=1)
    for curve in _MOODY_CURVES:
        axes.plot(turbulent, [friction_factor(Re=r, eD=curve) for r in turbulent],
                  color="0.7", lw=0.8)  # fmt: skip
        axes.annotate(f"{curve:g}", (turbulent[-1], friction_factor(Re=turbulent[-1], eD=curve)),
                      fontsize=6, color="0.4", xytext=(-2, 2), textcoords="offset points",
                      ha="right")  # fmt: skip
    own = turbulent if Re >= 2300 else []
    if own:
        axes.plot(own, [friction_factor(Re=r, eD=eD) for r in own], color="tab:blue", lw=1.4,
                  label=f"ε/D = {eD:.3g}")  # fmt: skip
    axes.plot([Re], [fd], "o", color="tab:red", ms=7, zorder=3,
              label=f"Re = {Re:.4g}, f_D = {fd:.4g}")  # fmt: skip
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_ylim(min(0.007, fd / 1.3), max(0.11, fd * 1.3))
    axes.set_xlabel("Reynolds number Re")
    axes.set_ylabel("Darcy friction factor f_D")
    axes.set_title("Moody chart: the operating point", fontsize=10)
    axes.grid(alpha=0.3, which="both")
    axes.legend(fontsize=8, loc="lower left")
    return SheetFigure(
        caption=f"Moody chart: Re = {Re:.4g}, ε/D = {eD:.3g}, f_D = {fd:.4g}", png=_png(figure)
    )


# -- distillation: McCabe–Thiele ----------------------------------------------------------


@draws("mccabe_thiele_stages")
def mccabe_thiele(call: ToolCall, arguments: dict[str, Any]) -> SheetFigure | None:
    """Equilibrium curve, operating lines, q-line and the stages stepped off."""
    xs, ys = _output(call, "x_stages"), _output(call, "y_stages")
    R = _output(call, "R")
    if not isinstance(xs, list) or not isinstance(ys, list) or not xs or R is None:
        return None
    alpha, xD, xB, zF = (float(arguments[k]) for k in ("alpha", "xD", "xB", "zF"))
    q = float(arguments.get("q", 1.0))
    # where the operating lines meet, on the q-line (as the tool finds it)
    saturated_liquid = abs(q - 1) < 1e-12  # a vertical q-line
    xi = zF if saturated_liquid else (zF / (q - 1) + xD / (R + 1)) / (q / (q - 1) - R / (R + 1))
    yi = R / (R + 1) * xi + xD / (R + 1)

    figure = _canvas()
    axes = figure.add_subplot()
    grid = [k / 100 for k in range(101)]
    axes.plot(grid, [alpha * x / (1 + (alpha - 1) * x) for x in grid], color="tab:green",
              label=f"equilibrium, α = {alpha:.3g}")  # fmt: skip
    axes.plot([0, 1], [0, 1], color="0.5", lw=0.8)
    axes.plot([xD, xi], [xD, yi], color="tab:blue", label=f"rectifying, R = {R:.3g}")
    axes.plot([xB, xi], [xB, yi], color="tab:purple", label="stripping")
    axes.plot([zF, xi], [zF, yi], color="tab:orange", ls="--", label=f"q-line, q = {q:.3g}")
    stair_x, stair_y = [xD], [xD]
    for k, (x, y) in enumerate(zip(xs, ys, strict=True)):
        stair_x += [x, x]
        stair_y += [y, ys[k + 1] if k + 1 < len(ys) else x]
    axes.plot(stair_x, stair_y, color="tab:red", lw=1)
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.set_aspect("equal")
    axes.set_xlabel("x, light component in the liquid")
    axes.set_ylabel("y, in the vapour")
    axes.set_title(f"McCabe–Thiele: {len(xs)} stages stepped off", fontsize=10)
    axes.legend(fontsize=7, loc="lower right")
    axes.grid(alpha=0.3)
    return SheetFigure(caption=f"McCabe–Thiele diagram, {len(xs)} stages", png=_png(figure))


# -- pumps: affinity laws -----------------------------------------------------------------


@draws("pump_affinity")
def pump_affinity_points(call: ToolCall, arguments: dict[str, Any]) -> SheetFigure | None:
    """The original and the scaled operating point on the parabola H = H1 (Q/Q1)²."""
    Q1, H1 = arguments.get("flow"), arguments.get("head")
    Q2, H2 = _output(call, "flow"), _output(call, "head")
    if Q1 is None or H1 is None or Q2 is None or H2 is None:
        return None  # a flow and a head are both needed for a point
    per_hour = 3600.0
    top = max(Q1, Q2) * 1.25
    grid = [top * k / 60 for k in range(61)]
    figure = _canvas()
    axes = figure.add_subplot()
    axes.plot([q * per_hour for q in grid], [H1 * (q / Q1) ** 2 for q in grid], color="0.5",
              lw=1, label="affinity parabola H ∝ Q²")  # fmt: skip
    axes.plot([Q1 * per_hour], [H1], "o", color="tab:blue", ms=7, label="original point")
    axes.plot([Q2 * per_hour], [H2], "s", color="tab:red", ms=7,
              label=f"scaled ({_output(call, 'ratio'):.3g}×, by {call.method or 'ratio'})")  # fmt: skip
    axes.set_xlabel("flow Q [m³/h]")
    axes.set_ylabel("head H [m]")
    axes.set_xlim(0, top * per_hour)
    axes.set_ylim(0, max(H1, H2) * 1.6)
    axes.set_title("Pump operating points by the affinity laws", fontsize=10)
    axes.legend(fontsize=8, loc="upper left")
    axes.grid(alpha=0.3)
    return SheetFigure(
        caption=f"pump operating points: {Q1 * per_hour:.4g} m³/h at {H1:.4g} m → "
        f"{Q2 * per_hour:.4g} m³/h at {H2:.4g} m",
        png=_png(figure),
    )
