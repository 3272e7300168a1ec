"""Mass and energy balances: a linear flowsheet solver, heats of reaction and combustion,
adiabatic flame temperature.

The flowsheet solver writes every unit's component balances and every specification as
one sparse linear system ``A n = b`` in the component flows of all streams and solves it
with ``numpy.linalg.lstsq``, checking the rank: too few specifications are reported as
degrees of freedom, contradictory ones as an inconsistency. Recycle loops need no
tearing because the whole system is solved at once (Felder & Rousseau, *Elementary
Principles of Chemical Processes*, 4th ed., ch. 4). Formation enthalpies come from
``chemicals.reaction``, heating values from ``chemicals.combustion`` and flame
temperatures from a Cantera equilibrium (GRI-Mech 3.0).
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool
from peoa.tools.chemical import resolve_chemical
from peoa.tools.stoichiometry import BURNING_WORDS

__all__ = [
    "TOOLS",
    "Reaction",
    "StreamSpec",
    "UnitSpec",
    "adiabatic_flame_temperature",
    "fired_heater_fuel",
    "heat_of_combustion",
    "heat_of_reaction",
    "mass_balance",
    "solve_flowsheet",
    "tie_component_balance",
    "two_stream_blend",
]


class Reaction(BaseModel):
    """A reaction in a reactor unit, at a fixed single-pass conversion of its key."""

    model_config = ConfigDict(extra="forbid")
    stoichiometry: dict[str, float] = Field(
        description="component -> coefficient, negative for reactants, e.g. {'A': -1, 'B': 1}"
    )
    key: str = Field(description="key reactant whose conversion is given")
    conversion: float = Field(
        gt=0, le=1, description="single-pass conversion of the key, based on the reactor inlet"
    )


class UnitSpec(BaseModel):
    """One unit of the flowsheet and the streams entering and leaving it."""

    model_config = ConfigDict(extra="forbid")
    name: str
    type: Literal["mixer", "splitter", "separator", "reactor"] = Field(
        description="mixer (inlets combine into one outlet), splitter (same composition in "
        "every outlet, split_fractions), separator (component_splits) or reactor (reactions)"
    )
    inlets: list[str] = Field(min_length=1)
    outlets: list[str] = Field(min_length=1)
    split_fractions: dict[str, float] | None = Field(
        default=None,
        description="splitter: outlet -> fraction of the inlet sent there; give all outlets "
        "but one (it takes the rest)",
    )
    component_splits: dict[str, dict[str, float]] | None = Field(
        default=None,
        description="separator: outlet -> {component: fraction of that component's inlet flow "
        "sent there}; leave one outlet out (it takes the rest); unlisted components send "
        "nothing to a listed outlet",
    )
    reactions: list[Reaction] | None = Field(default=None, description="reactor: reactions")


class StreamSpec(BaseModel):
    """What is known about a stream (flows in any one consistent basis, e.g. kmol/h)."""

    model_config = ConfigDict(extra="forbid")
    name: str
    flows: dict[str, float] | None = Field(
        default=None, description="known component flows; unlisted components are zero"
    )
    total: float | None = Field(default=None, ge=0, description="known total flow")
    fractions: dict[str, float] | None = Field(
        default=None, description="known composition (fractions summing to 1; unlisted = 0)"
    )


def solve_flowsheet(
    components: list[str], units: list[UnitSpec], streams: list[StreamSpec]
) -> dict[str, dict[str, float]]:
    """Component flows of every stream; raises :class:`ToolInputError` when the
    specification is incomplete or contradictory."""
    import numpy as np

    comps = list(dict.fromkeys(components))
    if len(comps) != len(components) or not comps:
        raise ToolInputError("components must be a non-empty list of distinct names")
    names: list[str] = []
    for unit in units:
        for s in unit.inlets + unit.outlets:
            if s not in names:
                names.append(s)
    for spec in streams:
        if spec.name not in names:
            raise ToolInputError(
                f"stream {spec.name!r} is not connected to any unit; streams are {names}"
            )
    nc = len(comps)
    index = {(s, c): i * nc + j for i, s in enumerate(names) for j, c in enumerate(comps)}
    rows: list[dict[int, float]] = []
    rhs: list[float] = []

    def equation(coeffs: dict[int, float], value: float = 0.0) -> None:
        rows.append(coeffs)
        rhs.append(value)

    def check_components(where: str, keys: Any) -> None:
        unknown = [k for k in keys if k not in comps]
        if unknown:
            raise ToolInputError(f"{where}: unknown components {unknown}; declared: {comps}")

    for unit in units:
        where = f"unit {unit.name!r}"
        if unit.type == "mixer" and len(unit.outlets) != 1:
            raise ToolInputError(f"{where}: a mixer has exactly one outlet")
        if unit.type == "reactor" and (len(unit.outlets) != 1 or not unit.reactions):
            raise ToolInputError(f"{where}: a reactor has one outlet and at least one reaction")
        for c in comps:  # overall component balance: in - out + generation = 0
            coeffs: dict[int, float] = {}
            for s in unit.inlets:
                coeffs[index[s, c]] = coeffs.get(index[s, c], 0.0) + 1.0
            for s in unit.outlets:
                coeffs[index[s, c]] = coeffs.get(index[s, c], 0.0) - 1.0
            for reaction in unit.reactions or []:
                check_components(where, [*reaction.stoichiometry, reaction.key])
                nu_key = reaction.stoichiometry.get(reaction.key, 0.0)
                if nu_key >= 0:
                    raise ToolInputError(f"{where}: key {reaction.key!r} must be a reactant")
                nu = reaction.stoichiometry.get(c, 0.0)
                for s in unit.inlets:  # extent = X * (key in) / |nu_key|
                    i = index[s, reaction.key]
                    coeffs[i] = coeffs.get(i, 0.0) + nu * reaction.conversion / -nu_key
            equation(coeffs)
        if unit.type == "splitter":
            fractions = unit.split_fractions or {}
            if len(fractions) < len(unit.outlets) - 1:
                raise ToolInputError(f"{where}: give split_fractions for all outlets but one")
            if set(fractions) - set(unit.outlets) or sum(fractions.values()) > 1 + 1e-9:
                raise ToolInputError(f"{where}: split_fractions must name outlets and sum to <= 1")
            for outlet, f in fractions.items():
                for c in comps:
                    coeffs = {index[outlet, c]: 1.0}
                    for s in unit.inlets:
                        coeffs[index[s, c]] = coeffs.get(index[s, c], 0.0) - f
                    equation(coeffs)
        if unit.type == "separator":
            splits = unit.component_splits or {}
            if len(splits) < len(unit.outlets) - 1 or set(splits) - set(unit.outlets):
                raise ToolInputError(f"{where}: give component_splits for all outlets but one")
            for outlet, table in splits.items():
                check_components(where, table)
                for c in comps:
                    f = table.get(c, 0.0)
                    coeffs = {index[outlet, c]: 1.0}
                    for s in unit.inlets:
                        coeffs[index[s, c]] = coeffs.get(index[s, c], 0.0) - f
                    equation(coeffs)
    for spec in streams:
        where = f"stream {spec.name!r}"
        if spec.flows is not None:
            check_components(where, spec.flows)
            for c in comps:
                equation({index[spec.name, c]: 1.0}, spec.flows.get(c, 0.0))
        if spec.fractions is not None:
            check_components(where, spec.fractions)
            if abs(sum(spec.fractions.values()) - 1) > 1e-3:
                raise ToolInputError(
                    f"{where}: fractions sum to {sum(spec.fractions.values()):.6g}, not 1"
                )
            for c in comps:  # n_c - x_c * sum(n) = 0
                x = spec.fractions.get(c, 0.0)
                equation({index[spec.name, d]: (1.0 if d == c else 0.0) - x for d in comps})
        if spec.total is not None:
            equation({index[spec.name, c]: 1.0 for c in comps}, spec.total)
    a = np.zeros((len(rows), len(index)))
    for r, coeffs in enumerate(rows):
        for i, v in coeffs.items():
            a[r, i] += v
    b = np.array(rhs)
    rank = np.linalg.matrix_rank(a) if rows else 0
    if rank < len(index):
        raise ToolInputError(
            f"the flowsheet is underspecified: {len(index) - rank} degree(s) of freedom remain; "
            "specify more stream flows, totals, fractions or split fractions"
        )
    solution, *_ = np.linalg.lstsq(a, b, rcond=None)
    residual = float(np.max(np.abs(a @ solution - b)))
    if residual > 1e-8 * max(1.0, float(np.max(np.abs(b)))):
        raise ToolInputError(
            f"the specifications contradict each other (balance residual {residual:.3g}); "
            "remove a specification"
        )
    flows = {s: {c: float(solution[index[s, c]]) for c in comps} for s in names}
    # round-off of the least-squares solve, relative to the largest flow, is zero
    noise = 1e-9 * max(1.0, max(abs(v) for f in flows.values() for v in f.values()))
    negative = [f"{s}.{c}" for s in names for c in comps if flows[s][c] < -noise]
    if negative:
        raise ToolInputError(
            f"the balance gives negative flows {negative}; check the specifications"
        )
    return {s: {c: (v if abs(v) > noise else 0.0) for c, v in f.items()} for s, f in flows.items()}


@tool(
    topic="balances",
    reference="Felder & Rousseau, Elementary Principles of Chemical Processes 4th ed. ch. 4 "
    "(balances on multiple units, recycle and purge); solved as one linear system with "
    "numpy.linalg.lstsq and a rank check",
    outputs={
        "streams": Out(None, "component flows of every stream, in the basis given"),
        "totals": Out(None, "total flow of every stream"),
        "fractions": Out(None, "mole (or mass) fractions of every stream"),
    },
)
def mass_balance(
    components: Annotated[list[str], P("component names used in the flowsheet")],
    units: Annotated[
        list[UnitSpec],
        P(
            "the units: mixers, splitters, separators and reactors "
            "with their inlet and outlet stream names"
        ),
    ],
    streams: Annotated[list[StreamSpec], P("what is known about streams: flows, total, fractions")],
) -> dict[str, Any]:
    """Steady-state material balance of a flowsheet with recycle and purge: declare units
    (mixer, splitter with split fractions, separator with component split fractions,
    reactor with single-pass conversions) connected by named streams, and the known
    stream flows, totals or compositions; every unknown component flow is solved at once
    from the linear balances. Flows may be molar or mass, in any one consistent unit.

    Notes
    -----
    Steady state, with fixed split fractions and single-pass conversions, so every balance
    is linear and the whole flowsheet, recycles included, is one least-squares solve. No
    energy balance is made. The tool refuses a flowsheet with degrees of freedom left, one
    whose specifications contradict each other, and one that gives a negative flow.

    Examples
    --------
    A column sends 95 % of the benzene and 5 % of the toluene of an equimolar 100 mol/h
    feed to the top, which carries 47.5 + 2.5 = 50 mol/h:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("mass_balance", {"components": ["benzene", "toluene"],
    ...     "units": [{"name": "column", "type": "separator", "inlets": ["feed"],
    ...     "outlets": ["top", "bottom"], "component_splits": {"top": {"benzene": 0.95,
    ...     "toluene": 0.05}}}], "streams": [{"name": "feed", "total": 100,
    ...     "fractions": {"benzene": 0.5, "toluene": 0.5}}]})
    >>> round(r.value("totals")["top"], 6), round(r.value("fractions")["top"]["benzene"], 6)
    (50.0, 0.95)
    """
    flows = solve_flowsheet(components, units, streams)
    totals = {s: sum(f.values()) for s, f in flows.items()}
    fractions = {
        s: {c: (v / totals[s] if totals[s] > 0 else 0.0) for c, v in f.items()}
        for s, f in flows.items()
    }
    return {"streams": flows, "totals": totals, "fractions": fractions}


_PHASES = ("gas", "liquid", "solid")


def _formation_enthalpy(cas: str, phase: str) -> float | None:
    from chemicals.reaction import Hfg, Hfl, Hfs

    try:
        found: float | None = {"gas": Hfg, "liquid": Hfl, "solid": Hfs}[phase](cas)
        return found
    except Exception:  # chemicals raises for a missing entry in some versions
        return None


@tool(
    topic="balances",
    reference="Hess's law dH_rxn = sum nu_i dHf_i (Felder & Rousseau 4th ed. sec. 9.3); "
    "standard formation enthalpies at 298.15 K from chemicals.reaction (Hfg, Hfl, Hfs: "
    "ATcT, TRC, CRC)",
    outputs={
        "dH": Out(
            "J/mol",
            "standard heat of reaction per mole of reaction as written",
            kind="heat_of_reaction",
        ),
        "Hf": Out("J/mol", "formation enthalpies used, in species order", many=True),
    },
)
def heat_of_reaction(
    species: Annotated[
        list[str],
        P("chemical names, CAS numbers or formulas", chemical=True, reaction="species"),
    ],
    stoichiometry: Annotated[
        list[float], P("coefficients, negative for reactants", reaction="coefficients")
    ],
    phases: Annotated[
        list[str] | None,
        P("phase of each species: gas, liquid or solid (default all gas)", reaction="phases"),
    ] = None,
) -> dict[str, Any]:
    """Standard heat of reaction at 25 °C from standard enthalpies of formation,
    dH°rxn = sum(nu_i dH°f,i), negative for exothermic reactions. State each species'
    phase (e.g. liquid water for a higher heating value).

    Notes
    -----
    Standard heats only: the tabulated formation enthalpies at 298.15 K of the pure
    species in the phases stated, with no correction to another temperature (no
    heat-capacity integral). The tool refuses a species whose formation enthalpy
    ``chemicals`` lacks for that phase.

    Examples
    --------
    Methane burned to liquid water, CH4 + 2 O2 -> CO2 + 2 H2O(l): -74.5 - 393.5 - 2 x 285.8
    = -890.6 kJ/mol, methane's higher heating value:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("heat_of_reaction", {
    ...     "species": ["methane", "oxygen", "carbon dioxide", "water"],
    ...     "stoichiometry": [-1, -2, 1, 2], "phases": ["gas", "gas", "gas", "liquid"]})
    >>> round(r.value("dH", "kJ/mol"), 1)
    -890.6
    """
    if len(stoichiometry) != len(species):
        raise ToolInputError("give one stoichiometric coefficient per species")
    phases = phases or ["gas"] * len(species)
    if len(phases) != len(species) or any(p not in _PHASES for p in phases):
        raise ToolInputError(f"give one phase per species, each one of {', '.join(_PHASES)}")
    hfs = []
    for name, phase in zip(species, phases, strict=True):
        chem = resolve_chemical(name)
        hf = _formation_enthalpy(chem.CAS, phase)
        if hf is None:
            raise ToolInputError(f"no {phase}-phase formation enthalpy is known for {chem.name!r}")
        hfs.append(hf)
    return {"dH": sum(v * h for v, h in zip(stoichiometry, hfs, strict=True)), "Hf": hfs}


@tool(
    topic="balances",
    reference="chemicals.combustion.combustion_data (stoichiometric method: HHV = sum nu dHf, "
    "products CO2(g), H2O(l), SO2, N2 ...; LHV = HHV + n_H2O * 44.01 kJ/mol); Perry's Chemical "
    "Engineers' Handbook 9th ed. sec. 2",
    outputs={
        "HHV": Out("J/mol", "higher heating value (water liquid), positive"),
        "LHV": Out("J/mol", "lower heating value (water vapour), positive"),
        "HHV_mass": Out("J/kg", "higher heating value per kg of fuel", kind="higher_heating_value"),
        "LHV_mass": Out("J/kg", "lower heating value per kg of fuel", kind="lower_heating_value"),
        "O2_required": Out("", "mol O2 per mol fuel for complete combustion", kind="ratio"),
    },
    cues=(
        *BURNING_WORDS,
        "heating value",
        "calorific",
        "HHV",
        "LHV",
        "fuel",
        "fired",
        "furnace",
        "flame",
    ),
)
def heat_of_combustion(
    fuel: Annotated[str, P("fuel name, CAS number or formula", chemical=True)],
    phase: Annotated[str, P("phase of the fuel", choices=_PHASES)] = "gas",
) -> Outcome:
    """Standard heats of combustion (heating values) of a fuel at 25 °C from its formation
    enthalpy and complete-combustion stoichiometry: HHV with liquid water in the products,
    LHV with water vapour, per mole and per kg, and the oxygen required.

    Notes
    -----
    Complete combustion at 25 degC in excess oxygen to CO2, liquid H2O, SO2, N2 and the
    halogen acids, as ``chemicals.combustion`` writes it (no CO, no NOx); the LHV takes
    44.01 kJ/mol off for each mole of product water. A fuel whose formation enthalpy is
    unknown in the phase given is refused.

    Examples
    --------
    Methane: HHV 890.6 kJ/mol (-74.5 - 393.5 - 2 x 285.8 kJ/mol), LHV 890.6 - 2 x 44.01
    = 802.6 kJ/mol, i.e. 50.0 MJ/kg at 16.04 g/mol:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("heat_of_combustion", {"fuel": "methane"})
    >>> round(r.value("LHV", "kJ/mol"), 1), round(r.value("LHV_mass", "MJ/kg"), 2)
    (802.6, 50.03)
    """
    from chemicals.combustion import combustion_data
    from chemicals.elements import simple_formula_parser

    chem = resolve_chemical(fuel)
    hf = _formation_enthalpy(chem.CAS, phase)
    if hf is None:
        raise ToolInputError(f"no {phase}-phase formation enthalpy is known for {chem.name!r}")
    atoms = simple_formula_parser(chem.formula)
    data = combustion_data(atoms, Hf=hf, MW=chem.MW)
    lhv = data.LHV
    mw_kg = chem.MW / 1000.0
    return Outcome(
        {
            "HHV": -data.HHV,
            "LHV": -lhv,
            "HHV_mass": -data.HHV / mw_kg,
            "LHV_mass": -lhv / mw_kg,
            "O2_required": -data.stoichiometry.get("O2", 0.0),
        },
        method=f"{chem.name} ({phase})",
    )


@tool(
    topic="balances",
    reference="Chemical equilibrium at constant enthalpy and pressure (Cantera "
    "ThermoPhase.equilibrate('HP')) with GRI-Mech 3.0 (Smith et al., 1999); Turns, An "
    "Introduction to Combustion 3rd ed. ch. 2",
    outputs={
        "T_adiabatic": Out("K", "adiabatic flame temperature (with dissociation)"),
        "products": Out(None, "equilibrium mole fractions above 1e-4"),
    },
)
def adiabatic_flame_temperature(
    fuel: Annotated[
        str,
        P(
            "fuel: a GRI-Mech 3.0 species (CH4, C2H6, C3H8, H2, CO, CH3OH, "
            "C2H4, C2H2) by formula or name",
            chemical=True,
        ),
    ],
    equivalence_ratio: Annotated[
        float,
        Q("equivalence_ratio", "fuel/air equivalence ratio phi (1 = stoichiometric)", gt=0, le=5),
    ] = 1.0,
    oxidizer: Annotated[str, P("air (O2:1, N2:3.76) or oxygen", choices=("air", "oxygen"))] = "air",
    temperature: Annotated[float, Q("temperature", "reactant temperature")] = 298.15,
    pressure: Annotated[float, Q("pressure", "pressure")] = 101325.0,
) -> Outcome:
    """Adiabatic flame temperature of a fuel burning in air or oxygen at constant pressure,
    from the chemical equilibrium of the products (dissociation included) at the
    reactants' enthalpy, computed by Cantera with GRI-Mech 3.0. Also returns the major
    product mole fractions.

    Notes
    -----
    Adiabatic, constant pressure, with the products at chemical equilibrium as ideal
    gases (dissociation to CO, H2, OH, NO and radicals included), so it is below the
    complete-combustion value. Only species of GRI-Mech 3.0 (natural-gas chemistry up to
    C3) can be fuels; any other fuel is refused.

    Examples
    --------
    Stoichiometric methane-air from 298.15 K at 1 atm reaches 2225 K at equilibrium
    (Cantera, GRI-Mech 3.0), shown to the nearest 10 K:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("adiabatic_flame_temperature", {"fuel": "methane"})
    >>> round(r.value("T_adiabatic"), -1)
    2220.0
    """
    import cantera as ct

    gas = ct.Solution("gri30.yaml")
    name = fuel.strip()
    if name not in gas.species_names:
        try:
            name = resolve_chemical(fuel).formula
        except ToolInputError:
            name = fuel
        candidates = [s for s in gas.species_names if s.upper() == name.upper()]
        if not candidates:
            raise ToolInputError(
                f"fuel {fuel!r} is not a GRI-Mech 3.0 species; use one of CH4, C2H6, C3H8, H2, "
                "CO, CH3OH, C2H4, C2H2, CH2O"
            )
        name = candidates[0]
    gas.TP = temperature, pressure
    gas.set_equivalence_ratio(
        equivalence_ratio, name, "O2:1.0, N2:3.76" if oxidizer == "air" else "O2:1.0"
    )
    gas.equilibrate("HP")
    products = {s: float(x) for s, x in zip(gas.species_names, gas.X, strict=True) if x > 1e-4}
    if not math.isfinite(gas.T):
        raise ToolInputError("the equilibrium did not converge")
    return Outcome(
        {"T_adiabatic": gas.T, "products": products},
        method=f"Cantera HP equilibrium, GRI-Mech 3.0, {name} in {oxidizer}",
    )


@tool(
    topic="balances",
    reference="Fired heater energy balance: fuel = Q_absorbed / (eta * heating value), the "
    "efficiency on the same heating-value basis (API 560, 5th ed., sec. 3; GPSA Engineering "
    "Data Book ch. 8)",
    outputs={
        "fuel_mass_flow": Out("kg/s", "fuel burned, mass flow", kind="mass_flow"),
        "fired_duty": Out("W", "heat released by the fuel (fired duty)", kind="heat_duty"),
    },
)
def fired_heater_fuel(
    duty: Annotated[float, Q("heat_duty", "duty absorbed by the process stream", gt=0)],
    heating_value: Annotated[
        float,
        Q("heating_value", "fuel heating value per kg (LHV for an LHV-basis efficiency)", gt=0),
    ],
    efficiency: Annotated[
        float,
        Q("efficiency", "thermal efficiency of the heater or furnace (absorbed/fired)", gt=0, le=1),
    ],
) -> dict[str, float]:
    """Fuel a fired heater, furnace or boiler burns for a process duty: the fired duty is
    Q/eta and the fuel flow Q/(eta * heating value).

    Notes
    -----
    A steady energy balance in which every loss is lumped into the efficiency: the
    efficiency and the heating value must be on the same basis (both LHV or both HHV);
    the tool cannot tell which basis it was given.

    Examples
    --------
    A 10 MW duty at 85 % efficiency fires 10/0.85 = 11.76 MW, or 0.2353 kg/s of a
    50 MJ/kg fuel:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("fired_heater_fuel", {"duty": {"value": 10, "unit": "MW"},
    ...     "heating_value": {"value": 50, "unit": "MJ/kg"}, "efficiency": 0.85})
    >>> round(r.value("fuel_mass_flow"), 4), round(r.value("fired_duty", "MW"), 2)
    (0.2353, 11.76)
    """
    fired = duty / efficiency
    return {"fuel_mass_flow": fired / heating_value, "fired_duty": fired}


@tool(
    topic="balances",
    reference="Felder & Rousseau, Elementary Principles of Chemical Processes 4th ed. sec. "
    "4.3 (a tie component: one that passes from feed to product unchanged); McCabe, Smith & "
    "Harriott, Unit Operations 7th ed. ch. 16 (evaporator material balance)",
    outputs={
        "mass_flow_out": Out("kg/s", "product (concentrate) mass flow", kind="mass_flow"),
        "removed": Out(
            "kg/s",
            "water or solvent evaporated or removed: the evaporation or drying rate (null "
            "when solvent is added)",
            kind="mass_flow",
        ),
        "added": Out(
            "kg/s", "water or solvent added to dilute (null when it is removed)", kind="mass_flow"
        ),
    },
)
def tie_component_balance(
    mass_flow_in: Annotated[float, Q("mass_flow", "feed mass flow", gt=0)],
    fraction_in: Annotated[
        float,
        Q(
            "mass_fraction",
            "feed mass fraction of the component that stays in the product (a dissolved "
            "salt or sugar, the dry solids)",
            gt=0,
            lt=1,
        ),
    ],
    fraction_out: Annotated[
        float, Q("mass_fraction", "product mass fraction of that component", gt=0, le=1)
    ],
) -> dict[str, float | None]:
    """Evaporator, dryer or dilution balance on a tie component: the product flow is
    F x_in / x_out, and the water or solvent removed (or added) makes up the difference.

    Notes
    -----
    A steady balance in which only water or solvent leaves (or joins) the stream: all of
    the tie component goes on to the product, none with the vapour. The fractions must be
    of that component (25 wt% salt), not of the water; a dryer's moisture content is one
    minus its solids fraction.

    Examples
    --------
    2400 kg/h of a 12 wt% sugar solution concentrated to 48 wt% leaves 2400 x 12/48 =
    600 kg/h of syrup, so 1800 kg/h of water is evaporated:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("tie_component_balance", {"mass_flow_in": {"value": 2400,
    ...     "unit": "kg/h"}, "fraction_in": 0.12, "fraction_out": 0.48})
    >>> round(r.value("mass_flow_out", "kg/h"), 6), round(r.value("removed", "kg/h"), 6)
    (600.0, 1800.0)
    >>> r.value("added") is None
    True
    """
    product = mass_flow_in * fraction_in / fraction_out
    change = mass_flow_in - product
    return {
        "mass_flow_out": product,
        "removed": change if change >= 0 else None,
        "added": -change if change < 0 else None,
    }


@tool(
    topic="balances",
    reference="Felder & Rousseau, Elementary Principles of Chemical Processes 4th ed. sec. "
    "4.2 (balances on a mixer: total and component)",
    outputs={
        "mass_flow_out": Out("kg/s", "mixed (product) stream mass flow", kind="mass_flow"),
        "fraction_out": Out(
            "", "mass fraction of the component in the mixed stream", kind="mass_fraction"
        ),
    },
)
def two_stream_blend(
    mass_flow_in_a: Annotated[
        float, Q("mass_flow", "first stream's mass flow", gt=0, written=True)
    ],
    fraction_in_a: Annotated[
        float, Q("mass_fraction", "first stream's mass fraction of the component", ge=0, le=1)
    ],
    mass_flow_in_b: Annotated[
        float, Q("mass_flow", "second stream's mass flow", gt=0, written=True)
    ],
    fraction_in_b: Annotated[
        float, Q("mass_fraction", "second stream's mass fraction of the component", ge=0, le=1)
    ],
) -> dict[str, float]:
    """Two streams blended: the mixed flow m1 + m2 and its mass fraction of a component,
    (m1 x1 + m2 x2) / (m1 + m2).

    Notes
    -----
    A steady mixer with no reaction and nothing leaving but the product. Mole fractions
    blend the same way only with molar flows; this tool takes mass flows and mass
    fractions.

    Examples
    --------
    4 t/h of 40 wt% acid and 1000 kg/h of 10 wt% acid make 5000 kg/h at
    (4000 x 0.40 + 1000 x 0.10) / 5000 = 34 wt%:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("two_stream_blend", {"mass_flow_in_a": {"value": 4, "unit": "t/h"},
    ...     "fraction_in_a": 0.40, "mass_flow_in_b": {"value": 1000, "unit": "kg/h"}, "fraction_in_b": 0.10})
    >>> round(r.value("mass_flow_out", "kg/h"), 6), round(r.value("fraction_out"), 6)
    (5000.0, 0.34)
    """
    total = mass_flow_in_a + mass_flow_in_b
    return {
        "mass_flow_out": total,
        "fraction_out": (mass_flow_in_a * fraction_in_a + mass_flow_in_b * fraction_in_b) / total,
    }


_CP_VAPOUR = 1884.0  # J/(kg K), water vapour superheated by a boiling-point rise (Geankoplis)


def _saturated_water(pressure: float) -> tuple[float, float, float]:
    """Saturation temperature, liquid and vapour enthalpy of water at ``pressure`` (IAPWS-95)."""
    from CoolProp.CoolProp import PropsSI

    try:
        return (
            float(PropsSI("T", "P", pressure, "Q", 0, "Water")),
            float(PropsSI("H", "P", pressure, "Q", 0, "Water")),
            float(PropsSI("H", "P", pressure, "Q", 1, "Water")),
        )
    except ValueError as error:
        raise ToolInputError(f"water has no saturated state at {pressure:g} Pa ({error})") from None


@tool(
    topic="balances",
    reference="Geankoplis, Transport Processes and Separation Process Principles 4th ed. sec. "
    "8.4 (single-effect evaporator: S lambda_s = F cp (T1 - TF) + V lambda_1), Example "
    "8.4-1; McCabe, Smith & Harriott, Unit Operations 7th ed. ch. 16; water and steam from "
    "IAPWS-95 (CoolProp)",
    outputs={
        "steam_mass_flow": Out(
            "kg/s",
            "steam consumption of the evaporator: the saturated steam it condenses",
            kind="mass_flow",
        ),
        "duty": Out(
            "W", "evaporator duty: what the steam gives the boiling liquor", kind="heat_duty"
        ),
        "economy": Out(
            "", "steam economy: kg of water evaporated per kg of steam", kind="dimensionless"
        ),
        "boiling_temperature": Out(
            "K", "temperature at which the liquor boils", kind="temperature"
        ),
        "area": Out(
            "m**2", "heating surface of the evaporator", kind="heat_transfer_area", needs=("U",)
        ),
    },
)
def single_effect_evaporator(
    feed_mass_flow: Annotated[float, Q("mass_flow", "feed (liquor) mass flow", gt=0)],
    fraction_in: Annotated[
        float,
        Q("mass_fraction", "feed mass fraction of dissolved solids (salt, sugar)", gt=0, lt=1),
    ],
    fraction_out: Annotated[
        float, Q("mass_fraction", "product mass fraction of dissolved solids", gt=0, lt=1)
    ],
    boiling_pressure: Annotated[
        float,
        Q(
            "pressure",
            "absolute pressure in the evaporator's vapour space, where the liquor boils "
            "(operating pressure)",
            gt=0,
        ),
    ],
    steam_pressure: Annotated[
        float,
        Q("pressure", "absolute pressure of the saturated heating steam (steam supply)", gt=0),
    ],
    feed_temperature: Annotated[
        float | None, Q("temperature", "feed temperature (default: at its boiling point)")
    ] = None,
    feed_cp: Annotated[
        float | None,
        Q("specific_heat", "feed heat capacity (for a feed below its boiling point)", gt=0),
    ] = None,
    boiling_point_rise: Annotated[
        float,
        Q("temperature_difference", "boiling-point rise (elevation) of the liquor", ge=0),
    ] = 0.0,
    U: Annotated[
        float | None, Q("heat_transfer_coefficient", "overall heat-transfer coefficient", gt=0)
    ] = None,
) -> Outcome:
    """Single-effect evaporator: the solids balance gives the water evaporated V =
    F (1 - x_F / x_P) (tie_component_balance reports it and the product); the energy balance S lambda_s = F cp (T1 - TF) + V lambda_1 the
    heating steam, with lambda_1 the vapour's enthalpy over the liquid's at the boiling
    temperature T1 and lambda_s the steam's latent heat; with U, the area q / (U (Ts - T1)).

    Notes
    -----
    Steady, no heat loss; the steam is saturated and its condensate leaves saturated; the
    liquor's enthalpy is that of water (no heat of dilution), and the vapour leaves at the
    boiling temperature, superheated by the boiling-point rise (cp 1.884 kJ/(kg K)). A
    feed below (or above) its boiling point needs its heat capacity; steam no hotter than
    the boiling liquor is refused.

    Examples
    --------
    Geankoplis Example 8.4-1: 9072 kg/h of 1.0 wt% salt solution at 311 K, cp 4.14
    kJ/(kg K), concentrated to 1.5 wt% at 101.325 kPa with steam at 143.3 kPa and U = 1704
    W/(m^2 K): 3024 kg/h evaporated, 4108 kg/h of steam (4107 with IAPWS-95) and 149.3 m^2:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("single_effect_evaporator", {"feed_mass_flow": "9072 kg/h",
    ...     "fraction_in": 0.01, "fraction_out": 0.015, "boiling_pressure": "101.325 kPa",
    ...     "steam_pressure": "143.3 kPa", "feed_temperature": "311 K",
    ...     "feed_cp": "4.14 kJ/kg/K", "U": "1704 W/m^2/K"})
    >>> round(r.value("steam_mass_flow", "kg/h")), round(r.value("economy"), 3)
    (4107, 0.736)
    >>> round(r.value("area"), 0)
    149.0
    """
    if fraction_out <= fraction_in:
        raise ToolInputError("the product must be richer in solids than the feed")
    product = feed_mass_flow * fraction_in / fraction_out
    evaporated = feed_mass_flow - product
    t_sat, h_liquid, h_vapour = _saturated_water(boiling_pressure)
    t_boil = t_sat + boiling_point_rise
    t_steam, h_condensate, h_steam = _saturated_water(steam_pressure)
    if t_steam <= t_boil:
        raise ToolInputError(
            f"the steam condenses at {t_steam:.1f} K, no hotter than the liquor boiling at "
            f"{t_boil:.1f} K: raise the steam pressure or lower the vapour space's"
        )
    sensible = 0.0
    if feed_temperature is not None and abs(feed_temperature - t_boil) > 1e-9:
        if feed_cp is None:
            raise ToolInputError(
                "a feed not at its boiling point needs its heat capacity (feed_cp)"
            )
        sensible = feed_mass_flow * feed_cp * (t_boil - feed_temperature)
    latent = h_vapour - h_liquid + _CP_VAPOUR * boiling_point_rise
    duty = sensible + evaporated * latent
    if duty <= 0:
        raise ToolInputError("the feed brings all the heat: no steam is needed")
    steam = duty / (h_steam - h_condensate)
    return Outcome(
        {
            "steam_mass_flow": steam,
            "duty": duty,
            "economy": evaporated / steam,
            "boiling_temperature": t_boil,
            "area": duty / (U * (t_steam - t_boil)) if U is not None else None,
        },
        method="single-effect evaporator, solids and enthalpy balances",
    )


TOOLS = (
    mass_balance,
    heat_of_reaction,
    heat_of_combustion,
    adiabatic_flame_temperature,
    fired_heater_fuel,
    tie_component_balance,
    two_stream_blend,
    single_effect_evaporator,
)
