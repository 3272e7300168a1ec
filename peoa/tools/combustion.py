"""Combustion air: the theoretical oxygen and air for complete combustion of a fuel, the
air-fuel ratio at a percent excess air and the flue gas.

The fuel is read as :mod:`peoa.tools.stoichiometry` reads a species (a formula, a name or
a CAS number) and its products come from
``chemicals.combustion.combustion_stoichiometry``. Air is dry air of 21 % O2 and 79 % N2
by mole (Felder & Rousseau, *Elementary Principles of Chemical Processes*, 4th ed.,
sec. 4.8), 28.85 g/mol.
"""

from __future__ import annotations

from typing import Annotated

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, P, Q, tool, warn
from peoa.tools.stoichiometry import BURNING_WORDS, read_species

__all__ = ["MW_AIR", "O2_IN_AIR", "TOOLS", "combustion_air"]

O2_IN_AIR = 0.21  # mole fraction of O2 in dry air (Felder & Rousseau 4th ed. sec. 4.8)
_MW_O2 = 31.9988  # g/mol, IUPAC atomic weights (chemicals.elements)
_MW_N2 = 28.0134
MW_AIR = O2_IN_AIR * _MW_O2 + (1 - O2_IN_AIR) * _MW_N2  # 28.85 g/mol

_FUEL_ELEMENTS = ("C", "H", "O", "N", "S")


@tool(
    topic="stoichiometry",
    reference="Complete combustion to CO2, H2O, SO2 and N2 (chemicals.combustion."
    "combustion_stoichiometry) in dry air of 21 % O2 and 79 % N2 by mole; Cengel & Boles, "
    "Thermodynamics: An Engineering Approach, ch. 15 (Example 15-1); Felder & Rousseau "
    "4th ed. sec. 4.8",
    outputs={
        "air_fuel_ratio_mass": Out(
            "",
            "air-fuel ratio (mass basis): kg of air per kg of fuel, excess air included",
            kind="air_fuel_ratio",
        ),
        "air_fuel_ratio_molar": Out(
            "",
            "molar air-fuel ratio: mol of air per mol of fuel, excess air included",
            kind="air_fuel_ratio",
        ),
        "air_theoretical_mass": Out(
            "",
            "stoichiometric air-fuel ratio: theoretical air, kg per kg of fuel",
            kind="air_fuel_ratio",
        ),
        "O2_theoretical": Out("", "theoretical O2, mol per mol of fuel"),
        "air_theoretical": Out("", "theoretical air, mol per mol of fuel"),
        "O2_theoretical_mass": Out("", "theoretical O2, kg per kg of fuel"),
        "equivalence_ratio": Out(
            "", "fuel-air equivalence ratio phi = 1/(1 + excess)", kind="equivalence_ratio"
        ),
        "fuel_MW": Out("g/mol", "molar mass of the fuel", kind="molar_mass"),
        "flue_gas_species": Out(None, "flue-gas species, in the order of the lists below"),
        "flue_gas_moles": Out("", "mol of each flue-gas species per mol of fuel", many=True),
        "flue_gas_total": Out("", "total wet flue gas, mol per mol of fuel"),
        "flue_gas_mole_fractions": Out(
            "", "flue-gas mole fractions, wet basis", kind="mole_fraction", many=True
        ),
        "flue_gas_dry_mole_fractions": Out(
            "",
            "flue-gas mole fractions, dry basis (Orsat; 0 for water)",
            kind="mole_fraction",
            many=True,
        ),
    },
    cues=(
        *BURNING_WORDS,
        "fuel",
        "excess air",
        "theoretical air",
        "stoichiometric air",
        "air-fuel",
        "air to fuel",
        "air/fuel",
        "flue",
    ),
)
def combustion_air(
    fuel: Annotated[
        str,
        P(
            "fuel formula or name (hydrocarbons, alcohols and other C, H, O, N, S "
            "compounds), e.g. C8H18, CH4, methanol",
            chemical=True,
        ),
    ],
    excess_air: Annotated[
        float,
        Q(
            "excess_air",
            "excess air as a fraction of the theoretical air (0.5 or 50 %; 150 % "
            "theoretical air is 50 % excess)",
            ge=0,
            le=5,
        ),
    ] = 0.0,
) -> Outcome:
    """Theoretical oxygen and air for complete combustion of a fuel in dry air (21 % O2,
    79 % N2), the actual air-fuel ratio by mass and by mole at a percent excess air, and
    the flue-gas moles and wet and dry mole fractions per mole of fuel.

    Notes
    -----
    Complete combustion (``chemicals.combustion.combustion_stoichiometry``): C to CO2, H
    to H2O, S to SO2 and N to N2, with no CO, NOx or dissociation, in dry air (21 % O2,
    79 % N2, 28.85 g/mol). Fuels of C, H, O, N and S only; excess air 0 to 500 %, and a
    bare number above 1 is read as a fraction (1.5 is 150 %) with a warning.

    Examples
    --------
    Propane needs 5 mol O2, so 5 / 0.21 = 23.81 mol of air; with 50 % excess air, 35.71
    mol of air per mol of fuel, 23.37 kg per kg (x 28.85 / 44.10).

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("combustion_air", {"fuel": "C3H8", "excess_air": "50 %"})
    >>> round(r.value("air_fuel_ratio_molar"), 3), round(r.value("air_fuel_ratio_mass"), 2)
    (35.714, 23.37)
    """
    from chemicals.combustion import combustion_stoichiometry
    from chemicals.elements import molecular_weight

    written, atoms = read_species("fuel", fuel)
    other = sorted(set(atoms) - set(_FUEL_ELEMENTS))
    if other:
        raise ToolInputError(
            f"argument 'fuel': {written} contains {', '.join(other)}; this tool burns fuels "
            "of C, H, O, N and S only"
        )
    products = combustion_stoichiometry(atoms)
    o2 = -float(products.pop("O2", 0.0))
    if not o2 > 1e-12:
        raise ToolInputError(f"argument 'fuel': {written} needs no oxygen to burn; it is no fuel")
    if excess_air > 1:
        warn(
            f"excess air {100 * excess_air:g} % read from {excess_air:g}; for a percentage "
            f'of {excess_air:g} % give {{"value": {excess_air:g}, "unit": "%"}}'
        )
    mw_fuel = float(molecular_weight(atoms))
    air = o2 / O2_IN_AIR
    actual = air * (1 + excess_air)
    flue = {name: float(n) for name, n in products.items() if n}
    flue["N2"] = flue.get("N2", 0.0) + actual * (1 - O2_IN_AIR)
    if excess_air > 0:
        flue["O2"] = o2 * excess_air
    total = sum(flue.values())
    dry = total - flue.get("H2O", 0.0)
    names = list(flue)
    return Outcome(
        {
            "air_fuel_ratio_mass": actual * MW_AIR / mw_fuel,
            "air_fuel_ratio_molar": actual,
            "air_theoretical_mass": air * MW_AIR / mw_fuel,
            "O2_theoretical": o2,
            "air_theoretical": air,
            "O2_theoretical_mass": o2 * _MW_O2 / mw_fuel,
            "equivalence_ratio": 1 / (1 + excess_air),
            "fuel_MW": mw_fuel,
            "flue_gas_species": names,
            "flue_gas_moles": [flue[n] for n in names],
            "flue_gas_total": total,
            "flue_gas_mole_fractions": [flue[n] / total for n in names],
            "flue_gas_dry_mole_fractions": [0.0 if n == "H2O" else flue[n] / dry for n in names],
        },
        method=f"{written} in dry air (21 % O2), {100 * excess_air:g} % excess",
    )


TOOLS = (combustion_air,)
