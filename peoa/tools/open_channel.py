"""Uniform flow in open channels and partly full pipes by Manning's equation.

Rectangular and trapezoidal channels and circular pipes flowing partly full, in the SI
form of Manning's equation (Chow, *Open-Channel Hydraulics*, 1959, ch. 5-6). The tool
keeps the topic of :mod:`peoa.tools.pipe_flow` (pipes running full), which it left for
its own module.
"""

from __future__ import annotations

import math
from typing import Annotated

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn

__all__ = ["CHANNEL_SHAPES", "TOOLS", "open_channel_flow"]

_G = 9.80665  # standard gravity, m/s^2

CHANNEL_SHAPES = ("rectangular", "trapezoidal", "circular")


def _channel_section(
    shape: str, width: float, depth: float, side_slope: float
) -> tuple[float, float, float]:
    """Flow area, wetted perimeter and top width of a channel section at a depth."""
    if shape == "rectangular":
        return width * depth, width + 2.0 * depth, width
    if shape == "trapezoidal":
        return (
            (width + side_slope * depth) * depth,
            width + 2.0 * depth * math.sqrt(1.0 + side_slope**2),
            width + 2.0 * side_slope * depth,
        )
    if depth > width:
        raise ToolInputError(
            f"open_channel_flow: the depth {depth:.6g} m is above the pipe diameter "
            f"{width:.6g} m; a partly full pipe flows at most full (depth = diameter)"
        )
    theta = 2.0 * math.acos(1.0 - 2.0 * depth / width)  # central angle wetted, rad
    area = width**2 / 8.0 * (theta - math.sin(theta))
    top = 0.0 if depth == width else width * math.sin(theta / 2.0)  # full: no free surface
    return area, width * theta / 2.0, top


@tool(
    topic="pipe_flow",
    reference="Manning's equation, SI form V = R^(2/3) S^(1/2) / n (Chow, Open-Channel "
    "Hydraulics (1959) ch. 5-6; Cengel and Cimbala, Fluid Mechanics (2006) sec. 13-6); "
    "partly full circular sections from the wetted central angle",
    outputs={
        "area": Out("m**2", "flow area", kind="cross_section_area"),
        "wetted_perimeter": Out("m", "wetted perimeter", kind="wetted_perimeter"),
        "hydraulic_radius": Out("m", "hydraulic radius R = A / P", kind="hydraulic_radius"),
        "velocity": Out("m/s", "mean velocity of the uniform flow"),
        "volumetric_flow": Out("m**3/s", "volumetric flow (discharge)"),
        "froude_number": Out(
            "",
            "Froude number V / sqrt(g A / top width), above 1 supercritical (null when full)",
        ),
    },
    alternatives=[("width", "diameter")],
)
def open_channel_flow(
    depth: Annotated[float, Q("flow_depth", "depth of the uniform flow", gt=0)],
    slope: Annotated[
        float, Q("bed_slope", "bed slope S (drop per length, e.g. 0.001 or 0.1 %)", gt=0, le=1)
    ],
    manning_n: Annotated[
        float, Q("manning_n", "Manning roughness coefficient n (SI, e.g. 0.013 concrete)", gt=0)
    ],
    width: Annotated[
        float | None,
        Q("channel_width", "bottom width of a rectangular or trapezoidal channel", gt=0),
    ] = None,
    diameter: Annotated[
        float | None, Q("inside_diameter", "inner diameter of a partly full circular pipe", gt=0)
    ] = None,
    side_slope: Annotated[
        float | None,
        Q("side_slope", "side slope z, horizontal per unit vertical (trapezoidal only)", ge=0),
    ] = None,
    shape: Annotated[
        str | None,
        P(
            "channel section: rectangular, trapezoidal, or circular (a partly full pipe); "
            "default: circular with a diameter, trapezoidal with a side slope, else rectangular",
            choices=CHANNEL_SHAPES,
        ),
    ] = None,
) -> Outcome:
    """Uniform flow in an open channel or a partly full circular pipe by Manning's equation
    V = R^(2/3) S^(1/2) / n (SI): flow area, wetted perimeter, hydraulic radius, velocity
    and flow from the section (a rectangular or trapezoidal channel's bottom width, or a
    pipe's diameter), the flow depth, the bed slope and Manning's n.

    Notes
    -----
    Steady uniform flow at normal depth (the energy slope equals the bed slope) in a
    prismatic channel, fully rough turbulent, where Manning's n is a constant of the
    surface; n is the SI value (US units use 1.49 in the numerator). Above 94 % of a
    pipe's diameter the tool warns: the flow is unstable and tends to run full.

    Examples
    --------
    Chow (1959) Example 6-2: a trapezoidal channel, b = 20 ft, z = 2, S = 0.0016,
    n = 0.025, at its normal depth of 3.36 ft for 400 ft^3/s:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("open_channel_flow", {"width": "20 ft", "depth": "3.36 ft",
    ...     "side_slope": 2, "slope": 0.0016, "manning_n": 0.025})
    >>> round(r.value("volumetric_flow", "ft^3/s"))
    400
    """
    if (width is None) == (diameter is None):
        raise ToolInputError(
            "open_channel_flow: give the channel's bottom 'width' or the pipe's 'diameter'"
        )
    if shape is None:
        shape = (
            "circular"
            if diameter is not None
            else ("trapezoidal" if side_slope is not None else "rectangular")
        )
    if (shape == "circular") != (diameter is not None):
        raise ToolInputError(
            f"open_channel_flow: a {shape} section takes "
            f"{'the diameter' if shape == 'circular' else 'the bottom width'}, not "
            f"{'the diameter' if diameter is not None else 'a width'}"
        )
    if shape == "trapezoidal" and side_slope is None:
        raise ToolInputError(
            "open_channel_flow: argument 'side_slope' is needed for a trapezoidal channel"
        )
    if shape != "trapezoidal" and side_slope not in (None, 0.0):
        raise ToolInputError(
            f"open_channel_flow: argument 'side_slope' is for a trapezoidal channel, not a "
            f"{shape} one"
        )
    size = diameter if diameter is not None else width
    assert size is not None  # the width or the diameter, checked above
    area, perimeter, top = _channel_section(shape, size, depth, side_slope or 0.0)
    radius = area / perimeter
    velocity = radius ** (2.0 / 3.0) * math.sqrt(slope) / manning_n
    if shape == "circular" and depth > 0.938 * size:
        warn(
            "above about 94 % of the diameter a pipe carries less than its peak flow, and "
            "the flow is unstable: it tends to run full"
        )
    return Outcome(
        {
            "area": area,
            "wetted_perimeter": perimeter,
            "hydraulic_radius": radius,
            "velocity": velocity,
            "volumetric_flow": velocity * area,
            # A full pipe has no free surface, so no Froude number.
            "froude_number": velocity / math.sqrt(_G * area / top) if top > 0 else None,
        },
        method=f"Manning, {shape} section",
    )


TOOLS = (open_channel_flow,)
