"""Heat transfer coefficients: forced, natural convection, condensation and boiling.

Each tool evaluates one published correlation from ``ht`` (``conv_internal``,
``conv_external``, ``conv_free_immersed``, ``condensation``, ``boiling_nucleic``) and
turns the Nusselt number into a film coefficient h = Nu k / L. Dimensionless groups may
be given directly or computed from the fluid properties, so a model never computes
them itself.
"""

from __future__ import annotations

from typing import Annotated

import fluids.core
import fluids.friction
import ht

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn
from peoa.tools.chemical import resolve_chemical

__all__ = [
    "TOOLS",
    "critical_heat_flux_zuber",
    "h_boiling_cooper",
    "h_boiling_rohsenow",
    "h_condensation_nusselt",
    "nu_cylinder_zukauskas",
    "nu_dittus_boelter",
    "nu_gnielinski",
    "nu_natural_convection",
]

_FILM_OUT = {
    "Re": Out("", "Reynolds number used", kind="reynolds_number"),
    "Pr": Out("", "Prandtl number used", kind="prandtl_number"),
    "Nu": Out("", "Nusselt number", kind="nusselt_number"),
    "h": Out(
        "W/m**2/K",
        "film heat transfer coefficient h = Nu k / D",
        kind="film_coefficient",
        needs=("diameter", "thermal_conductivity"),
    ),
}

Velocity = Annotated[float | None, Q("velocity", "mean (or free-stream) velocity", gt=0)]
Density = Annotated[float | None, Q("density", "fluid density", gt=0)]
Viscosity = Annotated[float | None, Q("dynamic_viscosity", "fluid dynamic viscosity", gt=0)]
SpecificHeat = Annotated[float | None, Q("specific_heat", "fluid specific heat cp", gt=0)]
# The Nusselt number needs only Re and Pr; the diameter and the conductivity turn it into
# h (and compute Re and Pr when those are not given).
Conductivity = Annotated[
    float | None, Q("thermal_conductivity", "fluid thermal conductivity (for h, or Pr)", gt=0)
]
TubeDiameter = Annotated[
    float | None, Q("inside_diameter", "tube inner (or hydraulic) diameter (for h, or Re)", gt=0)
]
# Re, or what it is computed from (with the diameter); Pr likewise (with the conductivity).
_RE_PR_ALTERNATIVES = [
    ("Re", ("velocity", "density", "viscosity")),
    ("Pr", ("specific_heat", "viscosity")),
]
ReArg = Annotated[
    float | None,
    Q("reynolds_number", "Reynolds number (or give velocity, density, viscosity)", gt=0),
]
PrArg = Annotated[
    float | None, Q("prandtl_number", "Prandtl number (or give specific_heat and viscosity)", gt=0)
]


def _re_pr(
    re: float | None,
    pr: float | None,
    length: float | None,
    k: float | None,
    velocity: float | None,
    density: float | None,
    viscosity: float | None,
    cp: float | None,
) -> tuple[float, float]:
    """Use the given Re and Pr, or compute them from the properties (fluids.core)."""
    if re is None:
        if velocity is None or density is None or viscosity is None or length is None:
            raise ToolInputError(
                "give Re, or velocity, density, viscosity and diameter to compute it"
            )
        re = fluids.core.Reynolds(V=velocity, D=length, rho=density, mu=viscosity)
    if pr is None:
        if cp is None or viscosity is None or k is None:
            raise ToolInputError(
                "give Pr, or specific_heat, viscosity and thermal_conductivity to compute it"
            )
        pr = fluids.core.Prandtl(Cp=cp, k=k, mu=viscosity)
    return re, pr


def _film(nu: float, k: float | None, diameter: float | None) -> float | None:
    """h = Nu k / D, or ``None`` when the conductivity or the diameter is not given."""
    return None if k is None or diameter is None else nu * k / diameter


@tool(
    topic="heat_transfer",
    reference="Dittus & Boelter, Univ. Calif. Publ. Eng. 2 (1930) 443, as revised by McAdams "
    "(Nu = 0.023 Re^0.8 Pr^n); Bergman et al. 7th ed. eq. 8.60; "
    "ht.conv_internal.turbulent_Dittus_Boelter",
    outputs=_FILM_OUT,
    alternatives=_RE_PR_ALTERNATIVES,
)
def nu_dittus_boelter(
    diameter: TubeDiameter = None,
    thermal_conductivity: Conductivity = None,
    Re: ReArg = None,
    Pr: PrArg = None,
    heating: Annotated[
        bool,
        P(
            "true if the fluid is heated (n = 0.4), false if cooled (n = 0.3)",
            said_true=("heated", "heating of", "is heating", "warmed"),
            said_false=("cooled", "cooling of", "is cooling", "chilled"),
        ),
    ] = True,
    velocity: Velocity = None,
    density: Density = None,
    viscosity: Viscosity = None,
    specific_heat: SpecificHeat = None,
) -> dict[str, float | None]:
    """Film coefficient inside a smooth tube in fully developed turbulent flow by
    Dittus-Boelter, Nu = 0.023 Re^0.8 Pr^n (n = 0.4 heating, 0.3 cooling), valid for
    Re > 10000, 0.6 < Pr < 160, L/D > 10. Returns Nu and h = Nu k / D.

    Notes
    -----
    Fully developed turbulent flow in a smooth tube with a moderate wall-to-bulk
    temperature difference, properties at the bulk mean temperature: Re >= 1e4,
    0.6 <= Pr <= 160, L/D >= 10 (McAdams' 0.023 coefficient). Outside the Re and Pr range
    the tool answers but warns and suggests Gnielinski; errors can reach 25 %.

    Examples
    --------
    ht's documented example, Re = 1e5 and Pr = 1.2, heating; in a 25 mm tube with
    k = 0.6 W/(m K):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("nu_dittus_boelter", {"Re": 1e5, "Pr": 1.2,
    ...     "diameter": "25 mm", "thermal_conductivity": "0.6 W/m/K"})
    >>> round(r.value("Nu"), 2), round(r.value("h", "W/m^2/K"))
    (247.4, 5938)
    """
    re, pr = _re_pr(
        Re, Pr, diameter, thermal_conductivity, velocity, density, viscosity, specific_heat
    )
    if re < 1e4 or not 0.6 <= pr <= 160:
        warn(
            f"Dittus-Boelter is valid for Re > 1e4 and 0.6 <= Pr <= 160 (Re = {re:.4g}, "
            f"Pr = {pr:.4g}); consider Gnielinski"
        )
    nu = ht.turbulent_Dittus_Boelter(Re=re, Pr=pr, heating=heating)
    return {"Re": re, "Pr": pr, "Nu": nu, "h": _film(nu, thermal_conductivity, diameter)}


@tool(
    topic="heat_transfer",
    reference="Gnielinski, Int. Chem. Eng. 16 (1976) 359; Bergman et al. 7th ed. eq. 8.62; "
    "ht.conv_internal.turbulent_Gnielinski, fluids.friction.friction_factor",
    outputs=_FILM_OUT | {"fd": Out("", "Darcy friction factor used", kind="darcy_friction_factor")},
    alternatives=_RE_PR_ALTERNATIVES,
)
def nu_gnielinski(
    diameter: TubeDiameter = None,
    thermal_conductivity: Conductivity = None,
    Re: ReArg = None,
    Pr: PrArg = None,
    roughness: Annotated[float, Q("roughness", "absolute wall roughness (0 = smooth)", ge=0)] = 0.0,
    velocity: Velocity = None,
    density: Density = None,
    viscosity: Viscosity = None,
    specific_heat: SpecificHeat = None,
) -> dict[str, float | None]:
    """Film coefficient inside a tube in turbulent and transitional flow by Gnielinski,
    Nu = (f/8)(Re-1000)Pr / (1 + 12.7 (f/8)^0.5 (Pr^(2/3) - 1)), with the Darcy friction
    factor f from Colebrook (Clamond solution); valid 3000 < Re < 5e6, 0.5 < Pr < 2000.
    More accurate than Dittus-Boelter.

    Notes
    -----
    Fully developed flow in a tube, properties at the bulk mean temperature. The tool
    warns outside 2300 <= Re <= 5e6 and 0.5 <= Pr <= 2000 (the range ht quotes; Bergman
    et al. give 3000 as the lower Re). f is the Colebrook value for the given wall
    roughness (Clamond's solution), so a rough tube's higher transfer is included.

    Examples
    --------
    Re = 5e4, Pr = 4 in a smooth 25 mm tube, k = 0.6 W/(m K); by hand, Colebrook gives
    f = 0.02089 and Nu = (f/8)(Re - 1000) Pr / (1 + 12.7 (f/8)^0.5 (Pr^(2/3) - 1)) = 257.7:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("nu_gnielinski", {"Re": 5e4, "Pr": 4,
    ...     "diameter": "25 mm", "thermal_conductivity": "0.6 W/m/K"})
    >>> round(r.value("Nu"), 1), round(r.value("h", "W/m^2/K"))
    (257.7, 6184)
    """
    re, pr = _re_pr(
        Re, Pr, diameter, thermal_conductivity, velocity, density, viscosity, specific_heat
    )
    if not (2300 <= re <= 5e6 and 0.5 <= pr <= 2000):
        warn(
            f"Gnielinski is valid for 2300 <= Re <= 5e6 and 0.5 <= Pr <= 2000 "
            f"(Re = {re:.4g}, Pr = {pr:.4g})"
        )
    relative_roughness = 0.0
    if roughness:
        if diameter is None:
            raise ToolInputError("give the diameter for a rough tube's relative roughness")
        relative_roughness = roughness / diameter
    fd = fluids.friction.friction_factor(Re=re, eD=relative_roughness)
    nu = ht.turbulent_Gnielinski(Re=re, Pr=pr, fd=fd)
    return {"Re": re, "Pr": pr, "Nu": nu, "h": _film(nu, thermal_conductivity, diameter), "fd": fd}


@tool(
    topic="heat_transfer",
    reference="Zukauskas, Adv. Heat Transfer 8 (1972) 93; Bergman et al. 7th ed. eq. 7.53; "
    "ht.conv_external.Nu_cylinder_Zukauskas",
    outputs=_FILM_OUT,
    alternatives=_RE_PR_ALTERNATIVES,
)
def nu_cylinder_zukauskas(
    diameter: Annotated[
        float | None, Q("outside_diameter", "cylinder outer diameter (for h, or Re)", gt=0)
    ] = None,
    thermal_conductivity: Conductivity = None,
    Re: ReArg = None,
    Pr: PrArg = None,
    Pr_wall: Annotated[
        float | None,
        Q(
            "prandtl_number",
            "Prandtl number at the wall temperature (enables the (Pr/Prw)^0.25 correction)",
            gt=0,
        ),
    ] = None,
    velocity: Velocity = None,
    density: Density = None,
    viscosity: Viscosity = None,
    specific_heat: SpecificHeat = None,
) -> dict[str, float | None]:
    """Film coefficient for a single cylinder (tube) in cross flow by Zukauskas,
    Nu = C Re^m Pr^n (Pr/Prw)^(1/4), properties at the free-stream temperature; valid
    0.7 < Pr < 500 and 1 < Re < 1e6.

    Notes
    -----
    One smooth circular cylinder in a uniform cross flow, properties at the free-stream
    temperature and Pr_wall at the surface's. C and m come from Zukauskas's table by Re
    (1 to 1e6), n = 0.37 for Pr <= 10 and 0.36 above; outside 1 <= Re <= 1e6 or
    0.7 <= Pr <= 500 the nearest row is used and the tool warns. Without Pr_wall the
    (Pr/Pr_w)^(1/4) correction is left out. Tube banks need another correlation.

    Examples
    --------
    Bergman et al. (6th ed.) Example 7.3, air across a 12.7 mm cylinder, Nu = 50.5:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("nu_cylinder_zukauskas", {"Re": 7992, "Pr": 0.707,
    ...     "Pr_wall": 0.69, "diameter": "12.7 mm", "thermal_conductivity": "0.0263 W/m/K"})
    >>> round(r.value("Nu"), 1)
    50.5
    """
    re, pr = _re_pr(
        Re, Pr, diameter, thermal_conductivity, velocity, density, viscosity, specific_heat
    )
    if not (1 <= re <= 1e6 and 0.7 <= pr <= 500):
        warn(
            f"Zukauskas is valid for 1 <= Re <= 1e6 and 0.7 <= Pr <= 500 (Re = {re:.4g}, "
            f"Pr = {pr:.4g})"
        )
    nu = ht.Nu_cylinder_Zukauskas(Re=re, Pr=pr, Prw=Pr_wall)
    return {"Re": re, "Pr": pr, "Nu": nu, "h": _film(nu, thermal_conductivity, diameter)}


_NATURAL = {
    "vertical_plate": ht.Nu_vertical_plate_Churchill,
    "horizontal_cylinder": ht.Nu_horizontal_cylinder_Churchill_Chu,
    "sphere": ht.Nu_sphere_Churchill,
}


@tool(
    topic="heat_transfer",
    reference="Churchill & Chu, Int. J. Heat Mass Transfer 18 (1975) 1323 (vertical plate, "
    "doi:10.1016/0017-9310(75)90243-4) and 1049 (horizontal cylinder, "
    "doi:10.1016/0017-9310(75)90222-7); Churchill (1983) sphere; Bergman et al. 7th ed. "
    "eqs. 9.26, 9.34, 9.35; ht.conv_free_immersed; fluids.core.Grashof",
    outputs={
        "Gr": Out("", "Grashof number g beta |Ts - Tinf| L^3 / nu^2", kind="ratio"),
        "Ra": Out("", "Rayleigh number Gr Pr", kind="ratio"),
        "Nu": Out("", "Nusselt number", kind="nusselt_number"),
        "h": Out(
            "W/m**2/K", "natural convection coefficient h = Nu k / L", kind="film_coefficient"
        ),
        "heat_flux": Out("W/m**2", "heat flux h (Ts - Tinf), positive from the surface"),
    },
)
def nu_natural_convection(
    geometry: Annotated[
        str,
        P(
            "vertical_plate (L = height), horizontal_cylinder or sphere (L = diameter)",
            choices=tuple(_NATURAL),
        ),
    ],
    length: Annotated[
        float, Q("characteristic_length", "characteristic length: plate height or diameter", gt=0)
    ],
    T_surface: Annotated[float, Q("temperature", "surface temperature")],
    T_fluid: Annotated[float, Q("temperature", "quiescent fluid temperature far away")],
    thermal_conductivity: Annotated[
        float, Q("thermal_conductivity", "fluid thermal conductivity", gt=0)
    ],
    kinematic_viscosity: Annotated[
        float, Q("kinematic_viscosity", "fluid kinematic viscosity at the film temperature", gt=0)
    ],
    Pr: Annotated[float, Q("prandtl_number", "Prandtl number at the film temperature", gt=0)],
    beta: Annotated[
        float | None,
        Q(
            "thermal_expansion",
            "volumetric expansion coefficient (default 1/T_film, ideal gas)",
            gt=0,
        ),
    ] = None,
) -> Outcome:
    """Free (natural) convection coefficient from an isothermal surface in a quiescent
    fluid by the Churchill-Chu correlations, e.g. vertical plate Nu = {0.825 + 0.387
    Ra^(1/6) / [1 + (0.492/Pr)^(9/16)]^(8/27)}^2, valid over laminar and turbulent Ra
    (plate all Ra; cylinder Ra < 1e12; sphere Ra < 1e11, Pr > 0.7).

    Notes
    -----
    An isothermal surface in an otherwise quiescent fluid, properties at the film
    temperature (Ts + Tinf)/2; beta defaults to 1/T_film, right for an ideal gas only
    (give it for a liquid). Vertical plate: any Ra, laminar to turbulent; horizontal
    cylinder: Ra up to 1e12; sphere: ht's Churchill form, Ra up to 1e13 (Nu -> 2 as
    Ra -> 0). Ra outside these ranges is neither refused nor warned about.

    Examples
    --------
    Bergman et al. (6th ed.) Example 9.2: a 0.71 m high glass fire screen at 232 degC in
    a room at 23 degC, air properties at 400 K; the book gives Nu = 147, h = 7.0 W/(m2 K):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("nu_natural_convection", {"geometry": "vertical_plate",
    ...     "length": "0.71 m", "T_surface": "232 degC", "T_fluid": "23 degC",
    ...     "thermal_conductivity": "0.0338 W/m/K", "kinematic_viscosity": "26.41e-6 m^2/s",
    ...     "Pr": 0.69, "beta": "0.0025 1/K"})
    >>> round(r.value("Nu")), round(r.value("h", "W/m^2/K"), 1)
    (147, 7.0)
    """
    if T_surface == T_fluid:
        raise ToolInputError("T_surface equals T_fluid: there is no buoyancy-driven flow")
    beta_value = beta if beta is not None else 2.0 / (T_surface + T_fluid)
    gr = fluids.core.Grashof(
        L=length, beta=beta_value, T1=T_surface, T2=T_fluid, nu=kinematic_viscosity
    )
    nu = _NATURAL[geometry](Pr=Pr, Gr=gr)
    h = nu * thermal_conductivity / length
    return Outcome(
        {"Gr": gr, "Ra": gr * Pr, "Nu": nu, "h": h, "heat_flux": h * (T_surface - T_fluid)},
        method=f"Churchill-Chu {geometry}",
    )


# Nusselt's laminar film on the outside of one horizontal tube, h_D = C [...]^(1/4) with
# the tube's diameter in place of the plate's height (Bergman et al. 7th ed. eq. 10.41;
# the exact integral gives 0.728, the textbooks write 0.729). ht.condensation has the
# vertical plate only, so the tube's form is written here.
_HORIZONTAL_TUBE_C = 0.729
_CONDENSING_GEOMETRIES = ("vertical_plate", "horizontal_tube")


def _nusselt_horizontal_tube(
    T_sat: float,
    T_wall: float,
    liquid_density: float,
    vapor_density: float,
    liquid_conductivity: float,
    liquid_viscosity: float,
    latent_heat: float,
    diameter: float,
    tubes_in_tier: float,
) -> float:
    """Mean film coefficient of a vertical tier of ``tubes_in_tier`` horizontal tubes
    (one tube when 1): h_D N^(-1/4), Bergman et al. 7th ed. eqs. 10.41 and 10.42."""
    group = (
        ht.condensation.g
        * liquid_density
        * (liquid_density - vapor_density)
        * liquid_conductivity**3
        * latent_heat
        / (liquid_viscosity * (T_sat - T_wall) * diameter)
    )
    return float(_HORIZONTAL_TUBE_C * group**0.25 * tubes_in_tier**-0.25)


@tool(
    topic="heat_transfer",
    reference="Nusselt, Z. VDI 60 (1916) 541; Bergman et al. 7th ed. eq. 10.30 (vertical "
    "plate, 0.943), eqs. 10.41-10.42 (horizontal tube, 0.729, and a vertical tier of N "
    "tubes, N^-1/4); Hewitt et al., Process Heat Transfer (1994) p. 578; "
    "ht.condensation.Nusselt_laminar (plate)",
    outputs={
        "h": Out(
            "W/m**2/K",
            "mean condensation heat transfer (film) coefficient over the plate, tube or tier",
            kind="film_coefficient",
        ),
        "heat_flux": Out("W/m**2", "heat flux h (Tsat - Tw)"),
    },
    alternatives=[("length", "outside_diameter"), ("T_wall", "wall_subcooling")],
)
def h_condensation_nusselt(
    T_sat: Annotated[
        float,
        Q(
            "saturation_temperature",
            "saturation temperature of the saturated vapour or steam that condenses",
        ),
    ],
    liquid_density: Annotated[float, Q("density", "condensate density", gt=0)],
    vapor_density: Annotated[float, Q("density", "vapour density", gt=0)],
    liquid_conductivity: Annotated[
        float, Q("thermal_conductivity", "condensate thermal conductivity", gt=0)
    ],
    liquid_viscosity: Annotated[float, Q("dynamic_viscosity", "condensate viscosity", gt=0)],
    latent_heat: Annotated[float, Q("latent_heat", "latent heat of vaporisation", gt=0)],
    geometry: Annotated[
        str,
        P(
            "vertical_plate (a plate or vertical tube, height = length) or horizontal_tube "
            "(outside of a horizontal tube, or a vertical tier of them: outside_diameter)",
            choices=_CONDENSING_GEOMETRIES,
            said_choice=(
                # "on the outside of a horizontal 25 mm tube": the size splits the words.
                (
                    "horizontal_tube",
                    (
                        "horizontal tube",
                        "horizontal tubes",
                        "horizontal pipe",
                        "horizontal pipes",
                        "outside of a horizontal",
                        "outer surface of a horizontal",
                        "outer surfaces of horizontal",
                        "vertical tier",
                        "tube bank",
                    ),
                ),
                ("vertical_plate", ("vertical plate", "vertical tube", "vertical surface")),
            ),
        ),
    ] = "vertical_plate",
    T_wall: Annotated[float | None, Q("temperature", "wall temperature (below T_sat)")] = None,
    wall_subcooling: Annotated[
        float | None,
        Q(
            "temperature_difference",
            "how much colder the wall is than the condensing vapour, T_sat - T_wall",
            gt=0,
        ),
    ] = None,
    length: Annotated[
        float | None,
        Q("characteristic_length", "plate (or vertical tube) height (vertical_plate)", gt=0),
    ] = None,
    outside_diameter: Annotated[
        float | None,
        Q("outside_diameter", "horizontal tube outside diameter (horizontal_tube)", gt=0),
    ] = None,
    # A count the question writes as a number ("a vertical tier of 20 tubes"), so a Q:
    # the planner binds numbers to quantities only.
    tubes_in_tier: Annotated[
        float, Q("count", "number of tubes in a vertical tier (horizontal_tube only)", ge=1)
    ] = 1,
    angle: Annotated[
        float,
        Q(
            "angle",
            "plate inclination from horizontal (90 deg = vertical; vertical_plate only)",
            unit="degree",
            gt=0,
            le=90,
        ),
    ] = 90.0,
) -> Outcome:
    """Laminar film condensation of a pure saturated vapour by Nusselt's theory, on a
    vertical (or inclined) plate or vertical tube, h = 0.943 [g sin(a) rho_l (rho_l -
    rho_v) k_l^3 h_fg / (mu_l (Tsat - Tw) L)]^(1/4), or on the outside of a horizontal
    tube, h = 0.729 [g rho_l (rho_l - rho_v) k_l^3 h_fg / (mu_l (Tsat - Tw) D)]^(1/4),
    times N^(-1/4) for a vertical tier of N tubes.

    Notes
    -----
    A pure saturated vapour, quiescent, condensing as a laminar wave-free film on an
    isothermal wall, condensate properties at the film temperature, g = 9.80665 m/s^2.
    The plate (or vertical tube, of diameter large against the film) holds for film
    Reynolds numbers below about 30 and underestimates a wavy film by up to 20 %; the
    horizontal tube's film stays laminar in practice. The tier's N^(-1/4) is Nusselt's
    (all condensate draining as a sheet onto the tube below) and conservative: splashing
    and rippling give more. The film Reynolds number is not checked. The latent heat is
    used as given for both geometries: to count the film's subcooling, pass the modified
    h'fg = hfg + 0.68 cp,l (Tsat - Tw) as latent_heat (Cengel's h*fg likewise).

    Examples
    --------
    Hewitt, Shires and Bott, Process Heat Transfer (1994) p. 578, a 0.1 m plate, as ht
    reproduces it:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("h_condensation_nusselt", {"T_sat": "370 K", "T_wall": "350 K",
    ...     "liquid_density": "585 kg/m^3", "vapor_density": "7 kg/m^3",
    ...     "liquid_conductivity": "0.091 W/m/K", "liquid_viscosity": "158.9e-6 Pa*s",
    ...     "latent_heat": "776.9 kJ/kg", "length": "0.1 m"})
    >>> round(r.value("h", "W/m^2/K"))
    1482

    Cengel, Heat Transfer (2nd ed.), Problem 10-56: steam at 50 degC on 1.5 cm tubes at
    20 degC, h*fg = 2468 kJ/kg; the solution gives 8425 W/(m2 K) for one tube (g = 9.81),
    and a column of 20 tubes has 20^(-1/4) of it:

    >>> water = {"T_sat": "50 degC", "T_wall": "20 degC", "liquid_density": "994 kg/m^3",
    ...     "vapor_density": "0.0831 kg/m^3", "liquid_conductivity": "0.623 W/m/K",
    ...     "liquid_viscosity": "0.720e-3 Pa*s", "latent_heat": "2468 kJ/kg",
    ...     "geometry": "horizontal_tube", "outside_diameter": "1.5 cm"}
    >>> round(get_registry().run("h_condensation_nusselt", water).value("h", "W/m^2/K"))
    8426
    >>> r = get_registry().run("h_condensation_nusselt", water | {"tubes_in_tier": 20})
    >>> round(r.value("h", "W/m^2/K"))
    3984
    """
    if (T_wall is None) == (wall_subcooling is None):
        raise ToolInputError("give the wall temperature T_wall or the wall_subcooling, not both")
    if T_wall is None:
        assert wall_subcooling is not None
        T_wall = T_sat - wall_subcooling
    if T_wall >= T_sat:
        raise ToolInputError("T_wall must be below T_sat for condensation")
    if tubes_in_tier != int(tubes_in_tier):
        raise ToolInputError(
            f"tubes_in_tier must be a whole number of tubes, not {tubes_in_tier:g}"
        )
    if geometry == "horizontal_tube":
        if outside_diameter is None:
            raise ToolInputError(
                "argument 'outside_diameter' (the tube's outside diameter) is needed for "
                "geometry 'horizontal_tube'; a length is not the diameter"
            )
        if angle != 90.0:
            raise ToolInputError("argument 'angle' applies to geometry 'vertical_plate' only")
        h = _nusselt_horizontal_tube(
            T_sat,
            T_wall,
            liquid_density,
            vapor_density,
            liquid_conductivity,
            liquid_viscosity,
            latent_heat,
            outside_diameter,
            tubes_in_tier,
        )
        tier = f", vertical tier of {tubes_in_tier:g} tubes" if tubes_in_tier > 1 else ""
        method = f"Nusselt laminar film, horizontal tube{tier}"
    else:
        if length is None:
            raise ToolInputError(
                "argument 'length' (the plate or vertical tube height) is needed for "
                "geometry 'vertical_plate'; for a horizontal tube give geometry "
                "'horizontal_tube' and its outside_diameter"
            )
        if tubes_in_tier != 1:
            raise ToolInputError(
                "argument 'tubes_in_tier' applies to geometry 'horizontal_tube' only"
            )
        h = ht.Nusselt_laminar(
            Tsat=T_sat,
            Tw=T_wall,
            rhog=vapor_density,
            rhol=liquid_density,
            kl=liquid_conductivity,
            mul=liquid_viscosity,
            Hvap=latent_heat,
            L=length,
            angle=angle,
        )
        inclined = f", inclined {angle:g} deg" if angle != 90.0 else ""
        method = f"Nusselt laminar film, vertical plate{inclined}"
    return Outcome({"h": h, "heat_flux": h * (T_sat - T_wall)}, method=method)


@tool(
    topic="heat_transfer",
    reference="Rohsenow, Trans. ASME 74 (1952) 969; Bergman et al. 7th ed. eq. 10.5; "
    "ht.boiling_nucleic.Rohsenow",
    outputs={
        "h": Out("W/m**2/K", "nucleate boiling coefficient", kind="film_coefficient"),
        "heat_flux": Out("W/m**2", "heat flux h * excess temperature"),
    },
)
def h_boiling_rohsenow(
    excess_temperature: Annotated[
        float, Q("temperature_difference", "wall superheat Tw - Tsat", gt=0)
    ],
    liquid_density: Annotated[float, Q("density", "saturated liquid density", gt=0)],
    vapor_density: Annotated[float, Q("density", "saturated vapour density", gt=0)],
    liquid_viscosity: Annotated[float, Q("dynamic_viscosity", "liquid viscosity", gt=0)],
    liquid_conductivity: Annotated[float, Q("thermal_conductivity", "liquid conductivity", gt=0)],
    liquid_cp: Annotated[float, Q("specific_heat", "liquid specific heat", gt=0)],
    latent_heat: Annotated[float, Q("latent_heat", "latent heat of vaporisation", gt=0)],
    surface_tension: Annotated[float, Q("surface_tension", "liquid surface tension", gt=0)],
    Csf: Annotated[
        float, Q("nucleate_constant", "surface-fluid coefficient (0.013 water-copper)", gt=0)
    ] = 0.013,
    n: Annotated[
        float, Q("exponent", "Prandtl exponent: 1.0 for water, 1.7 other liquids", gt=0)
    ] = 1.0,
) -> dict[str, float]:
    """Nucleate pool boiling by Rohsenow: q'' = mu_l h_fg [g (rho_l - rho_v)/sigma]^(1/2)
    [cp_l dTe / (Csf h_fg Pr_l^n)]^3. Accuracy about +-100 % in q'' (+-30 % in dTe); the
    surface-fluid constant Csf matters (Bergman Table 10.1).

    Notes
    -----
    Nucleate pool boiling of a saturated liquid on a clean surface, from the onset of
    boiling up to the critical heat flux; the tool does not check that q'' stays below
    critical_heat_flux_zuber. Pr_l is cp mu / k of the liquid as given; Csf and n belong
    to the surface-fluid pair (n = 1 for water), and errors reach 100 % in q''.

    Examples
    --------
    Bergman et al. (6th ed.) Example 10.1: water at 1 atm on polished copper, 18 K wall
    superheat; the book gives 836 kW/m^2 with Pr_l rounded to 1.76 (here 1.73):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("h_boiling_rohsenow", {"excess_temperature": "18 K",
    ...     "liquid_density": "957.9 kg/m^3", "vapor_density": "0.5955 kg/m^3",
    ...     "liquid_viscosity": "279e-6 Pa*s", "liquid_conductivity": "0.680 W/m/K",
    ...     "liquid_cp": "4.217 kJ/kg/K", "latent_heat": "2257 kJ/kg",
    ...     "surface_tension": "58.9 mN/m"})
    >>> round(r.value("heat_flux", "kW/m^2"))
    840
    """
    h = ht.Rohsenow(
        rhol=liquid_density,
        rhog=vapor_density,
        mul=liquid_viscosity,
        kl=liquid_conductivity,
        Cpl=liquid_cp,
        Hvap=latent_heat,
        sigma=surface_tension,
        Te=excess_temperature,
        Csf=Csf,
        n=n,
    )
    return {"h": h, "heat_flux": h * excess_temperature}


@tool(
    topic="heat_transfer",
    reference="Cooper, IChemE Symp. Ser. 86 (1984) 785; Rohsenow, Hartnett & Cho, Handbook of "
    "Heat Transfer 3rd ed. (1998); ht.boiling_nucleic.Cooper",
    outputs={
        "h": Out("W/m**2/K", "nucleate boiling coefficient", kind="film_coefficient"),
        "heat_flux": Out("W/m**2", "heat flux h * excess temperature"),
        "reduced_pressure": Out("", "P/Pc", kind="ratio"),
    },
)
def h_boiling_cooper(
    fluid: Annotated[
        str,
        P(
            "boiling liquid: name, CAS number or formula (Pc and molar mass are looked up)",
            chemical=True,
        ),
    ],
    pressure: Annotated[float, Q("pressure", "saturation pressure")],
    excess_temperature: Annotated[
        float, Q("temperature_difference", "wall superheat Tw - Tsat", gt=0)
    ],
    roughness: Annotated[float, Q("roughness", "surface roughness Rp (1 um default)", gt=0)] = 1e-6,
) -> dict[str, float]:
    """Nucleate pool boiling by Cooper's reduced-pressure correlation, h = 55 pr^(0.12 -
    0.2 log10 Rp) (-log10 pr)^(-0.55) M^(-0.5) q^0.67, needing only the critical pressure
    and molar mass of the fluid; good for 0.001 < P/Pc < 0.9.

    Notes
    -----
    Nucleate pool boiling of a pure fluid, from its reduced pressure, molar mass and the
    surface roughness Rp (1 um gives the usual exponent 0.12); Pc and M come from the
    chemicals databank, and a fluid without a known Pc is refused, as is P >= Pc. The
    reduced-pressure range 0.001 to 0.9 is not checked.

    Examples
    --------
    Water boiling at 1 atm with 4.3 K superheat, the Handbook of Heat Transfer's example
    as ht reproduces it (1558 W/(m2 K)):

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("h_boiling_cooper", {"fluid": "water", "pressure": "1 atm",
    ...     "excess_temperature": "4.3 K"})
    >>> round(r.value("h", "W/m^2/K"))
    1558
    """
    from chemicals.critical import Pc as critical_pressure

    chem = resolve_chemical(fluid)
    pc = critical_pressure(chem.CAS)
    if pc is None:
        raise ToolInputError(f"no critical pressure is known for {chem.name!r}")
    if pressure >= pc:
        raise ToolInputError(f"pressure must be below the critical pressure ({pc:.4g} Pa)")
    h = ht.Cooper(P=pressure, Pc=pc, MW=chem.MW, Te=excess_temperature, Rp=roughness)
    return {"h": h, "heat_flux": h * excess_temperature, "reduced_pressure": pressure / pc}


@tool(
    topic="heat_transfer",
    reference="Zuber, Trans. ASME 80 (1958) 711; Lienhard & Dhir, NASA CR-2270 (1973); "
    "Bergman et al. 7th ed. eq. 10.7 (C = 0.149); ht.boiling_nucleic.Zuber",
    outputs={"q_max": Out("W/m**2", "critical (maximum) heat flux")},
)
def critical_heat_flux_zuber(
    liquid_density: Annotated[float, Q("density", "saturated liquid density", gt=0)],
    vapor_density: Annotated[float, Q("density", "saturated vapour density", gt=0)],
    latent_heat: Annotated[float, Q("latent_heat", "latent heat of vaporisation", gt=0)],
    surface_tension: Annotated[float, Q("surface_tension", "liquid surface tension", gt=0)],
    C: Annotated[
        float,
        Q(
            "nucleate_constant",
            "constant: 0.149 large horizontal plate (Lienhard), pi/24 = 0.131 Zuber",
            gt=0,
        ),
    ] = 0.149,
) -> dict[str, float]:
    """Critical heat flux of pool boiling (the peak of the boiling curve) by Zuber,
    q''max = C h_fg rho_v [sigma g (rho_l - rho_v) / rho_v^2]^(1/4). Beyond it the surface
    goes to film boiling.

    Notes
    -----
    Saturated pool boiling on a large horizontal heater (large compared with the bubble
    size) in a quiescent liquid: C = 0.149 (Lienhard and Dhir) for a large flat plate,
    pi/24 = 0.131 for Zuber's original. Small heaters, cylinders, subcooled liquid and
    flow boiling need other constants or correlations.

    Examples
    --------
    Bergman et al. (6th ed.) Example 10.1, water at 1 atm: 1.26 MW/m^2:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("critical_heat_flux_zuber", {"liquid_density": "957.9 kg/m^3",
    ...     "vapor_density": "0.5955 kg/m^3", "latent_heat": "2257 kJ/kg",
    ...     "surface_tension": "58.9 mN/m"})
    >>> round(r.value("q_max", "MW/m^2"), 2)
    1.26
    """
    q = ht.Zuber(
        sigma=surface_tension, Hvap=latent_heat, rhol=liquid_density, rhog=vapor_density, K=C
    )
    return {"q_max": q}


TOOLS = (
    nu_dittus_boelter,
    nu_gnielinski,
    nu_cylinder_zukauskas,
    nu_natural_convection,
    h_condensation_nusselt,
    h_boiling_rohsenow,
    h_boiling_cooper,
    critical_heat_flux_zuber,
)
