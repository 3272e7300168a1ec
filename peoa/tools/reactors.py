"""Ideal reactors: CSTR, PFR and PBR design, Ergun pressure drop, adiabatic energy balance.

Single reactions with a power-law rate law ``-r_A = k prod_j C_j^a_j``, isothermal,
after Fogler, *Elements of Chemical Reaction Engineering* (5th ed., chs. 2-5, 11 and
13). Concentrations follow the stoichiometric table: ``C_j = C_A0 (Theta_j + nu_j/|nu_A|
X)/(1 + eps X)`` with ``eps = y_A0 sum(nu)/|nu_A|`` for an ideal gas at constant T and
P, and ``eps = 0`` for a liquid. The integrals and ODEs are solved with
``scipy.integrate``; packed-bed pressure drop uses ``fluids.packed_bed.Ergun``.
Chemical equilibrium (K and the equilibrium conversion) is in
:mod:`peoa.tools.reactors_equilibrium`.

Rate constants carry their units (``{"value": 0.1, "unit": "L/mol/s"}``) and pint checks
them against the overall order n: ``(concentration)^(1-n)/time`` per volume of reactor.

>>> from peoa.tools import get_registry
>>> r = get_registry().run("reactor_cstr", {"species": ["A", "B"], "stoichiometry": [-1, 1],
...     "key": "A", "orders": [1, 0], "rate_constant": {"value": 0.1, "unit": "1/min"},
...     "feed_concentrations": [{"value": 2, "unit": "mol/L"}, {"value": 0, "unit": "mol/L"}],
...     "volumetric_flow": {"value": 10, "unit": "L/min"}, "conversion": 0.9})
>>> round(r.value("volume", "L"), 6)
900.0
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated

import fluids.packed_bed
import numpy as np
from numpy.typing import NDArray

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn
from peoa.tools.quantity import Quantity, parse_quantity, ureg

__all__ = [
    "TOOLS",
    "adiabatic_temperature_rise",
    "ergun_pressure_drop",
    "reactor_cstr",
    "reactor_pbr",
    "reactor_pfr",
]

R_GAS = 8.314462618  # J/mol/K, CODATA 2018
_D = "dimensionless"

Species = Annotated[
    list[str],
    P("species labels (e.g. ['A', 'B', 'C', 'I']); include inerts", reaction="species"),
]
Stoich = Annotated[
    list[float],
    P(
        "stoichiometric coefficients in the order of species: negative for "
        "reactants, positive for products, 0 for inerts",
        reaction="coefficients",
    ),
]
Key = Annotated[str, P("the key (limiting) reactant; conversion is based on it", reaction="key")]
Orders = Annotated[
    list[float],
    P(
        "reaction order in each species, in species order (0 when absent from the rate law)",
        reaction="orders",
    ),
]
FeedC = Annotated[
    list[float],
    Q("molar_concentration", "inlet concentration of each species", ge=0, reaction="feed"),
]
RateConstant = Annotated[
    Quantity,
    P(
        "rate constant with its units, e.g. {'value': 0.1, 'unit': 'L/mol/s'} for a "
        "second-order reaction",
        reaction="rate_constant",
    ),
]
# Without feed concentrations, a rate first order in the key alone still fixes the
# volume (C_A0 cancels from V = F_A0 X / -r_A); a gas then needs its feed to be the key
# alone, for the volume change.
OptionalFeedC = Annotated[
    list[float] | None,
    Q(
        "molar_concentration",
        "inlet concentration of each species; may be left out for a rate first order in "
        "the key alone (C_A0 cancels), then F_A0 and the rate are not reported",
        ge=0,
        reaction="feed",
    ),
]
PureFeed = Annotated[
    bool,
    P(
        "the feed is the key reactant alone (no inerts or products): with no feed "
        "concentrations, a gas's volume change follows from it",
        said_true=("pure",),
    ),
]
Phase = Annotated[
    str,
    P(
        "liquid (constant density) or gas (ideal gas, isothermal, isobaric: "
        "volume changes with moles)",
        choices=("liquid", "gas"),
    ),
]


@dataclass(frozen=True)
class _Kinetics:
    """The stoichiometric table of one reaction in terms of the key's conversion."""

    nu: tuple[float, ...]  # coefficients divided by |nu_key|
    orders: tuple[float, ...]
    c0: tuple[float, ...]  # inlet concentrations, mol/m3
    key: int
    eps: float

    @property
    def ca0(self) -> float:
        return self.c0[self.key]

    def concentrations(self, x: float, y: float = 1.0) -> list[float]:
        """C_j(X) with pressure ratio y = P/P0 (gas only)."""
        scale = y / (1 + self.eps * x)
        return [
            max(c + n * self.ca0 * x, 0.0) * scale for c, n in zip(self.c0, self.nu, strict=True)
        ]

    def rate(self, k: float, x: float, y: float = 1.0) -> float:
        """-r_key = k prod C_j^a_j, in the units of k times mol/m3 powers."""
        value = k
        for c, a in zip(self.concentrations(x, y), self.orders, strict=True):
            if a:
                value *= c**a
        return value


def _relative_feed(
    species: Sequence[str], key: str, orders: Sequence[float], phase: str, pure_feed: bool
) -> list[float]:
    """A feed of the key alone at unit concentration, for a rate first order in the key
    alone (the volume does not depend on C_A0 then); refused otherwise."""
    if key not in species or len(orders) != len(species):
        return [0.0] * len(species)  # _kinetics names the mistake
    first_order = orders[list(species).index(key)] == 1 and sum(orders) == 1
    if not first_order:
        raise ToolInputError(
            "give feed_concentrations: the volume depends on the key's inlet concentration "
            "unless the rate is first order in the key alone"
        )
    if phase == "gas" and not pure_feed:
        raise ToolInputError(
            "give feed_concentrations, or say the gas feed is the key alone (pure_feed): "
            "the gas's volume change depends on the feed's composition"
        )
    return [1.0 if s == key else 0.0 for s in species]


def _kinetics(
    species: Sequence[str],
    stoichiometry: Sequence[float],
    key: str,
    orders: Sequence[float],
    feed: Sequence[float],
    phase: str,
) -> _Kinetics:
    n = len(species)
    for label, values in (
        ("stoichiometry", stoichiometry),
        ("orders", orders),
        ("feed_concentrations", feed),
    ):
        if len(values) != n:
            raise ToolInputError(
                f"{label} has {len(values)} entries for {n} species; give one per species"
            )
    if key not in species:
        raise ToolInputError(f"key {key!r} is not one of the species {list(species)}")
    i = list(species).index(key)
    if stoichiometry[i] >= 0:
        raise ToolInputError(f"the key {key!r} must be a reactant (negative coefficient)")
    if feed[i] <= 0:
        raise ToolInputError(f"the key {key!r} must be in the feed (concentration > 0)")
    nu = tuple(v / -stoichiometry[i] for v in stoichiometry)
    eps = 0.0
    if phase == "gas":
        eps = feed[i] / sum(feed) * sum(nu)
    return _Kinetics(nu=nu, orders=tuple(orders), c0=tuple(feed), key=i, eps=eps)


def _rate_constant(k: Quantity, order: float, per_mass: bool = False) -> float:
    """k in SI for overall order n: (mol/m3)^(1-n)/s, or (mol/m3)^-n mol/kg/s per catalyst."""
    unit = f"(mol/m**3)**{-order} * mol/kg/s" if per_mass else f"(mol/m**3)**{1 - order} / s"
    quantity = parse_quantity(k.value, k.unit)
    try:
        value = float(quantity.to(ureg.Unit(unit)).magnitude)
    except Exception:
        example = (
            "mol/kg/s/(mol/L)^n"
            if per_mass
            else {0: "mol/L/s", 1: "1/s", 2: "L/mol/s"}.get(int(order), "(L/mol)^(n-1)/s")
        )
        raise ToolInputError(
            f"rate_constant {k.value:g} {k.unit!r} does not fit an overall order of {order:g}: "
            f"expected units of {unit.replace('**', '^')} (e.g. {example})"
        ) from None
    if not math.isfinite(value) or value <= 0:
        raise ToolInputError("rate_constant must be a positive finite number")
    return value


_REACTOR_OUT = {
    "volume": Out("m**3", "reactor volume", kind="reactor_volume"),
    "space_time": Out("s", "space time tau = V/v0"),
    "FA0": Out("mol/s", "molar feed rate of the key reactant", needs=("feed_concentrations",)),
    "rate_exit": Out(
        "mol/m**3/s",
        "rate of disappearance of the key at the outlet",
        needs=("feed_concentrations",),
    ),
    "epsilon": Out("", "volume change parameter eps = y_A0 delta", kind="ratio"),
}


@tool(
    topic="reactors",
    reference="Fogler, Elements of Chemical Reaction Engineering 5th ed. ch. 2 (CSTR design "
    "equation V = F_A0 X/(-r_A)exit) and ch. 4 (stoichiometric table)",
    outputs=_REACTOR_OUT,
)
def reactor_cstr(
    species: Species,
    stoichiometry: Stoich,
    key: Key,
    orders: Orders,
    rate_constant: RateConstant,
    volumetric_flow: Annotated[float, Q("volumetric_flow", "inlet volumetric flow v0", gt=0)],
    conversion: Annotated[float, Q("conversion", "conversion of the key reactant", gt=0, lt=1)],
    feed_concentrations: OptionalFeedC = None,
    phase: Phase = "liquid",
    pure_feed: PureFeed = False,
) -> dict[str, float | None]:
    """Volume of an isothermal continuous stirred-tank reactor (CSTR) for a target
    conversion with a power-law rate law: V = F_A0 X / (-r_A(X)), the rate evaluated at
    the outlet (= tank) composition. Handles gas-phase volume change at constant T, P.

    Notes
    -----
    An ideal CSTR: perfectly mixed, at steady state and isothermal, with one reaction whose
    rate is a power law in the concentrations. A gas is ideal at constant T and P (eps from
    the feed), a liquid of constant density. The rate constant's units must fit the overall
    order, and a conversion at which the rate is zero is refused.

    Examples
    --------
    A -> B, second order in A in a liquid: V = v0 X / (k C_A0 (1 - X)^2) = 10 x 0.8 /
    (0.5 x 2 x 0.2^2) = 200 L:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("reactor_cstr", {"species": ["A", "B"], "stoichiometry": [-1, 1],
    ...     "key": "A", "orders": [2, 0], "rate_constant": "0.5 L/mol/min",
    ...     "feed_concentrations": ["2 mol/L", "0 mol/L"], "volumetric_flow": "10 L/min",
    ...     "conversion": 0.8})
    >>> round(r.value("volume", "L"), 6)
    200.0
    """
    feed = feed_concentrations
    if feed is None:
        feed = _relative_feed(species, key, orders, phase, pure_feed)
    kin = _kinetics(species, stoichiometry, key, orders, feed, phase)
    k = _rate_constant(rate_constant, sum(orders))
    fa0 = kin.ca0 * volumetric_flow
    r = kin.rate(k, conversion)
    if r <= 0:
        raise ToolInputError("the rate is zero at this conversion (a reactant is used up)")
    v = fa0 * conversion / r
    known = feed_concentrations is not None
    return {
        "volume": v,
        "space_time": v / volumetric_flow,
        "FA0": fa0 if known else None,
        "rate_exit": r if known else None,
        "epsilon": kin.eps,
    }


@tool(
    topic="reactors",
    reference="Fogler 5th ed. ch. 2 (PFR design equation V = F_A0 int_0^X dX/(-r_A)) and ch. 4; "
    "integrated with scipy.integrate.quad",
    outputs=_REACTOR_OUT,
)
def reactor_pfr(
    species: Species,
    stoichiometry: Stoich,
    key: Key,
    orders: Orders,
    rate_constant: RateConstant,
    volumetric_flow: Annotated[float, Q("volumetric_flow", "inlet volumetric flow v0", gt=0)],
    conversion: Annotated[float, Q("conversion", "conversion of the key reactant", gt=0, lt=1)],
    feed_concentrations: OptionalFeedC = None,
    phase: Phase = "liquid",
    pure_feed: PureFeed = False,
) -> dict[str, float | None]:
    """Volume of an isothermal plug-flow reactor (PFR) for a target conversion with a
    power-law rate law, V = F_A0 int_0^X dX / (-r_A(X)), including gas-phase volume change
    at constant T and P (no pressure drop).

    Notes
    -----
    An ideal PFR: no axial mixing, steady state, isothermal, and no pressure drop (use
    ``reactor_pbr`` for a bed with one), with one power-law reaction. A gas is ideal at
    constant T and P, a liquid of constant density. The design integral is evaluated by
    ``scipy.integrate.quad``; a conversion the rate cannot reach is refused.

    Examples
    --------
    The same second-order liquid reaction as for the CSTR: V = v0 / (k C_A0) X / (1 - X) =
    10 / (0.5 x 2) x 4 = 40 L:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("reactor_pfr", {"species": ["A", "B"], "stoichiometry": [-1, 1],
    ...     "key": "A", "orders": [2, 0], "rate_constant": "0.5 L/mol/min",
    ...     "feed_concentrations": ["2 mol/L", "0 mol/L"], "volumetric_flow": "10 L/min",
    ...     "conversion": 0.8})
    >>> round(r.value("volume", "L"), 6)
    40.0
    """
    from scipy.integrate import quad

    feed = feed_concentrations
    if feed is None:
        feed = _relative_feed(species, key, orders, phase, pure_feed)
    kin = _kinetics(species, stoichiometry, key, orders, feed, phase)
    k = _rate_constant(rate_constant, sum(orders))
    fa0 = kin.ca0 * volumetric_flow
    if kin.rate(k, conversion) <= 0:
        raise ToolInputError("the rate reaches zero before this conversion (a reactant is used up)")
    integral, _ = quad(lambda x: 1.0 / kin.rate(k, x), 0.0, conversion, limit=200, epsrel=1e-10)
    v = fa0 * integral
    known = feed_concentrations is not None
    return {
        "volume": v,
        "space_time": v / volumetric_flow,
        "FA0": fa0 if known else None,
        "rate_exit": kin.rate(k, conversion) if known else None,
        "epsilon": kin.eps,
    }


def _ergun_alpha(
    volumetric_flow: float,
    area: float,
    particle_diameter: float,
    voidage: float,
    density: float,
    viscosity: float,
    catalyst_density: float,
    pressure: float,
) -> float:
    """Fogler's pressure-drop parameter alpha = 2 beta0 / (Ac rho_c (1 - phi) P0) [1/kg]."""
    beta0 = fluids.packed_bed.Ergun(
        dp=particle_diameter,
        voidage=voidage,
        vs=volumetric_flow / area,
        rho=density,
        mu=viscosity,
        L=1.0,
    )
    return 2 * beta0 / (area * catalyst_density * (1 - voidage) * pressure)


@tool(
    topic="reactors",
    reference="Fogler 5th ed. sec. 5.5 (dX/dW = -r'_A/F_A0, dy/dW = -alpha (1 + eps X)"
    "/(2y)); Ergun, Chem. Eng. Prog. 48 (1952) 89 via fluids.packed_bed.Ergun; "
    "scipy.integrate.solve_ivp",
    outputs={
        "catalyst_weight": Out("kg", "catalyst weight", kind="catalyst_mass"),
        "conversion": Out("", "conversion of the key at the outlet", kind="conversion"),
        "pressure_ratio": Out("", "outlet over inlet pressure y = P/P0", kind="pressure_ratio"),
        "alpha": Out("1/kg", "pressure-drop parameter used"),
        "epsilon": Out("", "volume change parameter", kind="ratio"),
    },
    alternatives=[("conversion", "catalyst_weight")],
)
def reactor_pbr(
    species: Species,
    stoichiometry: Stoich,
    key: Key,
    orders: Orders,
    rate_constant: Annotated[
        Quantity,
        P(
            "rate constant per catalyst mass with units, e.g. "
            "{'value': 0.0266, 'unit': 'L**2/mol/kg/s'} for "
            "second order"
        ),
    ],
    feed_concentrations: FeedC,
    volumetric_flow: Annotated[float, Q("volumetric_flow", "inlet volumetric flow v0", gt=0)],
    conversion: Annotated[
        float | None, Q("conversion", "target conversion (then W is found)", gt=0, lt=1)
    ] = None,
    catalyst_weight: Annotated[
        float | None, Q("catalyst_mass", "catalyst weight (then X is found)", gt=0)
    ] = None,
    alpha: Annotated[
        float | None,
        P(
            "pressure-drop parameter alpha in 1/kg (0 = no pressure "
            "drop); or give the Ergun bed data below",
            ge=0,
        ),
    ] = None,
    particle_diameter: Annotated[
        float | None, Q("particle_diameter", "catalyst particle diameter", gt=0)
    ] = None,
    voidage: Annotated[float | None, Q("voidage", "bed void fraction", gt=0, lt=1)] = None,
    cross_section: Annotated[
        float | None, Q("cross_section_area", "bed cross-sectional area", gt=0)
    ] = None,
    gas_density: Annotated[float | None, Q("density", "inlet gas density", gt=0)] = None,
    gas_viscosity: Annotated[float | None, Q("dynamic_viscosity", "gas viscosity", gt=0)] = None,
    catalyst_density: Annotated[
        float | None, Q("density", "solid catalyst particle density", gt=0)
    ] = None,
    inlet_pressure: Annotated[float | None, Q("pressure", "inlet pressure P0")] = None,
    phase: Phase = "gas",
) -> Outcome:
    """Isothermal packed-bed reactor (PBR) with a power-law rate per catalyst mass and
    Ergun pressure drop: dX/dW = -r'_A/F_A0 and dy/dW = -alpha (1 + eps X)/(2 y), with gas
    concentrations scaled by y = P/P0. Give a target conversion (find W) or a catalyst
    weight (find X); give alpha, or the bed data to compute it from Ergun's equation.

    Notes
    -----
    Isothermal, one power-law reaction per catalyst mass, with alpha constant along the
    bed (Ergun at the inlet, constant mass flux). The ODEs are integrated with LSODA; the
    tool refuses when the pressure falls to zero or the conversion is not reached. For a
    liquid, pressure drop does not change concentrations: alpha is ignored with a warning.

    Examples
    --------
    First order, eps = 0: dy/dW = -alpha/(2y) gives y = (1 - alpha W)^0.5 (Fogler sec. 5.5),
    and integrating the rate, X = 1 - exp(-k'/v0 2/(3 alpha) [1 - (1 - alpha W)^1.5]) =
    0.3501 at W = 50 kg and alpha = 0.01 1/kg:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("reactor_pbr", {"species": ["A", "B"], "stoichiometry": [-1, 1],
    ...     "key": "A", "orders": [1, 0], "rate_constant": "0.01 m^3/kg/s",
    ...     "feed_concentrations": ["10 mol/m^3", "0 mol/m^3"], "volumetric_flow": "1 m^3/s",
    ...     "catalyst_weight": "50 kg", "alpha": 0.01})
    >>> round(r.value("conversion"), 4), round(r.value("pressure_ratio"), 4)
    (0.3501, 0.7071)
    """
    from scipy.integrate import solve_ivp

    if (conversion is None) == (catalyst_weight is None):
        raise ToolInputError("give exactly one of conversion and catalyst_weight")
    kin = _kinetics(species, stoichiometry, key, orders, feed_concentrations, phase)
    k = _rate_constant(rate_constant, sum(orders), per_mass=True)
    if alpha is None:
        if (
            particle_diameter is None
            or voidage is None
            or cross_section is None
            or gas_density is None
            or gas_viscosity is None
            or catalyst_density is None
            or inlet_pressure is None
        ):
            raise ToolInputError(
                "give alpha, or all of particle_diameter, voidage, cross_section, gas_density, "
                "gas_viscosity, catalyst_density and inlet_pressure"
            )
        alpha = _ergun_alpha(
            volumetric_flow,
            area=cross_section,
            particle_diameter=particle_diameter,
            voidage=voidage,
            density=gas_density,
            viscosity=gas_viscosity,
            catalyst_density=catalyst_density,
            pressure=inlet_pressure,
        )
    if phase == "liquid" and alpha:
        warn("pressure drop barely affects a liquid's concentrations; alpha is ignored")
        alpha = 0.0
    fa0 = kin.ca0 * volumetric_flow

    def rhs(_w: float, state: NDArray[np.float64]) -> list[float]:
        x, y = state
        y = max(y, 1e-9)
        return [
            kin.rate(k, min(x, 1.0), y if phase == "gas" else 1.0) / fa0,
            -alpha * (1 + kin.eps * x) / (2 * y),
        ]

    def reached(_w: float, state: NDArray[np.float64]) -> float:
        return float(state[0] - (conversion or 2.0))

    def plugged(_w: float, state: NDArray[np.float64]) -> float:
        return float(state[1] - 1e-6)

    # solve_ivp stops at an event function whose `terminal` attribute is true
    reached.terminal = True  # type: ignore[attr-defined]  # scipy's event protocol
    plugged.terminal = True  # type: ignore[attr-defined]  # scipy's event protocol
    w_end = catalyst_weight if catalyst_weight is not None else 1e12
    sol = solve_ivp(
        rhs,
        (0.0, w_end),
        [0.0, 1.0],
        events=[reached, plugged],
        method="LSODA",
        rtol=1e-10,
        atol=1e-12,
    )
    t_events, y_events = sol.t_events, sol.y_events
    assert t_events is not None and y_events is not None  # solve_ivp was given events
    if t_events[1].size:
        raise ToolInputError(
            f"the pressure falls to zero at W = {t_events[1][0]:.4g} kg before the target; "
            "use a larger particle size or cross-section"
        )
    if conversion is not None:
        if not t_events[0].size:
            raise ToolInputError(f"conversion {conversion:.4g} is not reachable")
        w = float(t_events[0][0])
        x_out, y_out = y_events[0][0]
    else:
        assert catalyst_weight is not None  # exactly one of the two, checked above
        w = float(catalyst_weight)
        x_out, y_out = sol.y[0][-1], sol.y[1][-1]
    return Outcome(
        {
            "catalyst_weight": w,
            "conversion": x_out,
            "pressure_ratio": y_out,
            "alpha": alpha,
            "epsilon": kin.eps,
        },
        method="PBR with Ergun pressure drop" if alpha else "PBR without pressure drop",
    )


@tool(
    topic="reactors",
    reference="Ergun, Chem. Eng. Prog. 48 (1952) 89; Bird, Stewart & Lightfoot 2nd ed. eq. "
    "6.4-12; fluids.packed_bed.Ergun",
    outputs={
        "pressure_drop": Out("Pa", "pressure drop over the bed", kind="pressure_difference"),
        "dP_dL": Out("Pa/m", "pressure gradient"),
        "Re_particle": Out("", "particle Reynolds number rho vs dp / mu", kind="reynolds_number"),
    },
)
def ergun_pressure_drop(
    particle_diameter: Annotated[
        float, Q("particle_diameter", "particle diameter (times sphericity for non-spheres)", gt=0)
    ],
    voidage: Annotated[float, Q("voidage", "bed void fraction", gt=0, lt=1)],
    superficial_velocity: Annotated[
        float, Q("velocity", "superficial velocity (flow / empty bed area)", gt=0)
    ],
    density: Annotated[float, Q("density", "fluid density", gt=0)],
    viscosity: Annotated[float, Q("dynamic_viscosity", "fluid viscosity", gt=0)],
    length: Annotated[float, Q("length", "bed length", gt=0)] = 1.0,
) -> dict[str, float]:
    """Pressure drop of a fluid flowing through a packed bed by the Ergun equation,
    dP/L = 150 mu (1-e)^2 vs/(e^3 dp^2) + 1.75 (1-e) rho vs^2/(e^3 dp). Use it for
    catalyst beds, adsorbers and filters.

    Notes
    -----
    Fitted to data on spheres, sand and coke; for other shapes give the diameter times the
    sphericity. The fluid's density is constant along the bed, so for a gas keep the drop
    small against the pressure. ``fluids`` quotes 1 < Re/(1 - e) < 2300 as the range, with
    overprediction above about 700; the tool does not check it.

    Examples
    --------
    The example in ``fluids.packed_bed.Ergun``'s documentation, water through 0.8 mm
    spheres:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("ergun_pressure_drop", {"particle_diameter": "0.8 mm",
    ...     "voidage": 0.4, "superficial_velocity": "1 mm/s", "density": "1000 kg/m^3",
    ...     "viscosity": "1 mPa*s"})
    >>> round(r.value("pressure_drop"), 2)
    1338.87
    """
    dpdl = fluids.packed_bed.Ergun(
        dp=particle_diameter,
        voidage=voidage,
        vs=superficial_velocity,
        rho=density,
        mu=viscosity,
        L=1.0,
    )
    return {
        "pressure_drop": dpdl * length,
        "dP_dL": dpdl,
        "Re_particle": density * superficial_velocity * particle_diameter / viscosity,
    }


@tool(
    topic="reactors",
    reference="Fogler 5th ed. ch. 11 (adiabatic energy balance X = sum(Theta_i Cp_i)(T - T0)"
    "/-[dH_R(T_R) + dCp (T - T_R)]; liquid feed sum(Theta_i Cp_i) = rho cp / C_A0)",
    outputs={
        "temperature": Out("K", "adiabatic outlet temperature"),
        "temperature_rise": Out("K", "temperature rise T - T0", kind="temperature_difference"),
    },
    alternatives=[("sum_theta_cp", ("density", "specific_heat", "feed_concentration"))],
)
def adiabatic_temperature_rise(
    inlet_temperature: Annotated[float, Q("temperature", "feed temperature T0")],
    heat_of_reaction: Annotated[
        float,
        Q(
            "heat_of_reaction",
            "heat of reaction per mole of key reactant at T_ref (negative = exothermic)",
        ),
    ],
    conversion: Annotated[float, Q("conversion", "conversion of the key reactant", ge=0, le=1)],
    sum_theta_cp: Annotated[
        float | None,
        Q(
            "molar_heat_capacity",
            "feed heat capacity per mole of key fed, sum(Theta_i Cp_i); or give the "
            "liquid feed's density, specific heat and key concentration",
            gt=0,
        ),
    ] = None,
    delta_cp: Annotated[
        float, Q("molar_heat_capacity", "dCp of reaction per mole of key (sum nu_i Cp_i / |nu_A|)")
    ] = 0.0,
    reference_temperature: Annotated[
        float, Q("temperature", "temperature of the heat of reaction")
    ] = 298.15,
    density: Annotated[float | None, Q("density", "liquid feed density rho", gt=0)] = None,
    specific_heat: Annotated[
        float | None, Q("specific_heat", "liquid feed specific heat (heat capacity) cp", gt=0)
    ] = None,
    feed_concentration: Annotated[
        float | None,
        Q("molar_concentration", "inlet concentration C_A0 of the key reactant", gt=0),
    ] = None,
) -> Outcome:
    """Outlet temperature of an adiabatic reactor from the energy balance with constant
    heat capacities: T = [X (-dH_R(T_R)) + sum(Theta Cp) T0 + X dCp T_R] / [sum(Theta Cp)
    + X dCp]; with dCp = 0 the rise is dT = -dH_R X / sum(Theta_i Cp_i). Give
    sum(Theta_i Cp_i), or for a liquid feed its density rho, specific heat cp (per mass)
    and the key's inlet concentration C_A0: sum(Theta_i Cp_i) = rho cp / C_A0.

    Notes
    -----
    An adiabatic reactor at steady state with one reaction, no shaft work, and heat
    capacities (and dCp) constant over the temperature range: use mean values. The balance
    does not check that the conversion is below the equilibrium conversion at the outlet
    temperature. A non-positive denominator or absolute temperature is refused. The
    liquid form rho cp / C_A0 is the heat capacity of the volume of feed that carries one
    mole of key, so it holds for a constant-density liquid (or any feed whose rho, cp and
    C_A0 are taken at the inlet); giving both forms is refused rather than one chosen.

    Examples
    --------
    dH_R = -70 kJ/mol at 85 % conversion with sum(Theta_i Cp_i) = 250 J/mol/K: dT = 70000 x
    0.85 / 250 = 238 K:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("adiabatic_temperature_rise", {"inlet_temperature": "300 K",
    ...     "heat_of_reaction": "-70 kJ/mol", "conversion": 0.85, "sum_theta_cp": "250 J/mol/K"})
    >>> round(r.value("temperature_rise"), 6), round(r.value("temperature"), 6)
    (238.0, 538.0)

    A liquid feed with C_A0 = 1.5 kmol/m^3, rho = 950 kg/m^3 and cp = 3.8 kJ/(kg K):
    sum(Theta_i Cp_i) = 950 x 3800 / 1500 = 2406.7 J/mol/K, so at 80 % conversion dT =
    60000 x 0.8 / 2406.7 = 19.945 K:

    >>> r = get_registry().run("adiabatic_temperature_rise", {"inlet_temperature": "300 K",
    ...     "heat_of_reaction": "-60 kJ/mol", "conversion": 0.8, "density": "950 kg/m^3",
    ...     "specific_heat": "3.8 kJ/(kg*K)", "feed_concentration": "1.5 kmol/m^3"})
    >>> round(r.value("temperature"), 3), r.method
    (319.945, 'liquid feed: sum(Theta_i Cp_i) = rho cp / C_A0')
    """
    sum_theta_cp, method = _feed_heat_capacity(
        sum_theta_cp, density, specific_heat, feed_concentration
    )
    denominator = sum_theta_cp + conversion * delta_cp
    if denominator <= 0:
        raise ToolInputError("sum_theta_cp + X delta_cp must be positive")
    t = (
        conversion * -heat_of_reaction
        + sum_theta_cp * inlet_temperature
        + conversion * delta_cp * reference_temperature
    ) / denominator
    if t <= 0:
        raise ToolInputError("the energy balance gives a temperature below absolute zero")
    return Outcome({"temperature": t, "temperature_rise": t - inlet_temperature}, method=method)


_LIQUID_FORM = ("density", "specific_heat", "feed_concentration")


def _feed_heat_capacity(
    sum_theta_cp: float | None,
    density: float | None,
    specific_heat: float | None,
    feed_concentration: float | None,
) -> tuple[float, str]:
    """sum(Theta_i Cp_i) in J/mol/K as given, or from the liquid feed's rho cp / C_A0,
    with the form used; a missing input or both forms is the user's mistake."""
    liquid = dict(zip(_LIQUID_FORM, (density, specific_heat, feed_concentration), strict=True))
    given = [name for name, value in liquid.items() if value is not None]
    if sum_theta_cp is not None:
        if given:
            # the two forms rarely agree to rounding; picking one would hide the other
            raise ToolInputError(
                "adiabatic_temperature_rise: give sum_theta_cp, or the feed density, its "
                f"specific heat and the key's inlet concentration, not both ({', '.join(given)} "
                "given with sum_theta_cp)"
            )
        return sum_theta_cp, "sum(Theta_i Cp_i) given"
    if density is None or specific_heat is None or feed_concentration is None:
        missing = [name for name in _LIQUID_FORM if liquid[name] is None]
        raise ToolInputError(
            "adiabatic_temperature_rise: give sum_theta_cp, or the feed density, its specific "
            f"heat and the key's inlet concentration (missing: {', '.join(missing)})"
        )
    return density * specific_heat / feed_concentration, (
        "liquid feed: sum(Theta_i Cp_i) = rho cp / C_A0"
    )


TOOLS = (
    reactor_cstr,
    reactor_pfr,
    reactor_pbr,
    ergun_pressure_drop,
    adiabatic_temperature_rise,
)
