"""Quantities as a model writes them, and their conversion to the units a tool computes in.

A model fills a dimensional argument with the number and the unit exactly as the
question wrote them, ``{"value": 1.002, "unit": "mPa*s"}``; pint converts. The model
never converts units itself. One :data:`ureg` serves the whole project, with the
spellings process engineers use added (``gpm``, ``lbmol``, ``scf``, ``MMscfd``,
``psia``, ``bara`` and the gauge pressures ``psig``, ``barg``, ``kPag``, ``MPag``).

Gauge pressures are offset units: ``0 barg`` is ``1.01325 bara`` (one standard
atmosphere), never ``0 bara``. Spellings such as ``bar(g)``, ``bar g`` and
``psi(a)`` are normalised first.

The registry also reads units as engineers write them, through a pint preprocessor
(:func:`engineering_spelling`): a digit right after a unit symbol is its exponent
(``m3/h``, ``kg/m3``, ``W/m2K``), ``·`` and ``.`` between symbols multiply
(``mPa·s``, ``N.m``), and a product written that way after ``/`` is the whole
denominator (``kJ/kg.K`` is kJ/(kg*K), as in every steam table). Names that contain
digits stay themselves (``Nm3``, ``cmH2O``). A bare ``C`` or ``F`` is a temperature
only where a temperature is expected (elsewhere pint reads coulomb and farad).

>>> to_si(1.002, "mPa*s", "dynamic_viscosity")
0.001002
>>> to_si(25, "degC", "temperature")
298.15
>>> to_si(10, "degC", "temperature_difference")
10.0
>>> to_si(5, "barg", "pressure")
601325.0
>>> to_si(1, "bar(g)", "pressure")
201325.0
>>> to_si(100, "gpm", "volumetric_flow")
0.0063090196...
>>> to_si(3600, "m3/h", "volumetric_flow")
1.0
>>> to_si(1, "kJ/kg.K", "specific_heat")
1000.0
>>> to_si(20, "C", "temperature")
293.15
>>> to_si(2, "m", "dynamic_viscosity")
Traceback (most recent call last):
...
peoa.exceptions.ToolInputError: expected a dynamic viscosity (e.g. Pa*s, cP, mPa*s), got 'm' ([length])
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pint
from pint.facets.plain import PlainUnit
from pydantic import BaseModel, ConfigDict, model_validator

from peoa.exceptions import ToolInputError

__all__ = [
    "DIMENSIONS",
    "Dimension",
    "GasBasis",
    "Quantity",
    "as_interval",
    "dimension_of_unit",
    "engineering_spelling",
    "gas_basis_factor",
    "gas_volume_basis",
    "is_gauge",
    "normalise_unit",
    "parse_quantity",
    "temperature_spelling",
    "to_si",
    "ureg",
]

_SYMBOL_CHARS = "A-Za-z\u00b5\u03bc\u03a9\u00b0_"  # letters, micro signs, ohm, degree
_SUPERSCRIPTS = str.maketrans({"\u00b2": "2", "\u00b3": "3", "\u00ba": "\u00b0"})
_MIDDLE_DOTS = re.compile(r"\s*[\u00b7\u22c5\u2219\u2022]\s*")
# "." between two symbols (kg.K, m2.K, mPa.s) multiplies; a decimal point never has a
# letter after it in a unit.
_DOT_PRODUCT = re.compile(rf"(?P<before>[{_SYMBOL_CHARS})]|[A-Za-z]\d)\.(?=[{_SYMBOL_CHARS}(])")
# A name, not the exponent of a number such as 1e3.
_NAME = re.compile(rf"(?<![\d.])[{_SYMBOL_CHARS}][{_SYMBOL_CHARS}\d]*")
_NAME_PIECE = re.compile(r"(\D+)(\d*)")
_DENOMINATOR = re.compile(r"/(?P<den>\s*[^/()]+)")
_JUXTAPOSED = re.compile(rf"[\w)]\s+[{_SYMBOL_CHARS}(]")
_PRODUCT = "\u00b7"  # marks a product written with a dot or by juxtaposition
# A percentage with its basis ("wt%", "mol %", "vol.%", "% w/w"): a fraction all the
# same; pint would read "mol%" as a mole times a percent.
# Pint's own preprocessors have written "%" as " percent " by then.
_PERCENT_BASIS = re.compile(
    r"\b(?:wt|mol|mole|vol|mass|w/w|v/v|m/m)\s*\.?\s*(?:%|percent\b)"
    r"|(?:%|\bpercent)\s*(?:wt|mol|vol|w/w|v/v|m/m)\b\.?"
)
_US_GALLONS = re.compile(r"\bUS\s+(?=gal|gpm)", re.IGNORECASE)
_PPM_BASIS = re.compile(r"\bppm[wvm]\b")
# A normal or standard cubic metre written with a power ("Nm^3/h", "Sm**3") is the gas
# volume unit Nm3 / Sm3, not a power of some "Nm" (pint reads N as a prefix).
_GAS_VOLUME_POWER = re.compile(r"\b([NS])m(?:\^|\*\*)3\b")
# "s-1", "J mol-1 K-1": a negative power written without "^".
_NEGATIVE_POWER = re.compile(r"(?<=[A-Za-z])-(?=\d)")


def _known(name: str) -> bool:
    return bool(ureg.parse_unit_name(name))


# In the process industries a barrel is the petroleum barrel, 42 US gallons; pint's
# "barrel" and "bbl" are the US liquid barrel of 31.5 gallons.
_PETROLEUM_BARREL = frozenset({"barrel", "barrels", "bbl", "bbls"})


def _respell_name(match: re.Match[str]) -> str:
    name = match.group(0)
    if name in _PETROLEUM_BARREL:
        return "oil_barrel"
    if not any(c.isdigit() for c in name) or _known(name):
        return name  # Nm3, cmH2O, kgcm2g are units of their own
    pieces = _NAME_PIECE.findall(name)  # "m2K" -> [("m", "2"), ("K", "")]
    if "".join(a + b for a, b in pieces) != name or not all(_known(a) for a, _ in pieces):
        return name  # leave it to pint, which names it in its error
    return _PRODUCT.join(f"{symbol}**{power}" if power else symbol for symbol, power in pieces)


def _group_denominator(match: re.Match[str]) -> str:
    den = match.group("den")
    body = den.strip()
    if _PRODUCT not in body and not _JUXTAPOSED.search(body):
        return match.group(0)
    product = re.sub(r"\s+", _PRODUCT, body)
    return f"/({product})" + den[len(den.rstrip()) :]


def engineering_spelling(text: str) -> str:
    """Rewrite engineers' unit spellings into pint's syntax; pint parses the result.

    Installed as a preprocessor of :data:`ureg`, so every parse goes through it.

    >>> engineering_spelling("m3/h"), engineering_spelling("kg/m3"), engineering_spelling("Nm3/h")
    ('m**3/h', 'kg/m**3', 'Nm3/h')
    >>> engineering_spelling("Nm^3/h"), engineering_spelling("Sm**3/d")
    ('Nm3/h', 'Sm3/d')
    >>> engineering_spelling("W/m2K"), engineering_spelling("kJ/kg.K")
    ('W/(m**2*K)', 'kJ/(kg*K)')
    >>> engineering_spelling("mPa\u00b7s"), engineering_spelling("W/(m\u00b2\u00b7K)")
    ('mPa*s', 'W/(m**2*K)')
    >>> engineering_spelling("bbl/d"), engineering_spelling("barrels/day")
    ('oil_barrel/d', 'oil_barrel/day')
    >>> engineering_spelling("wt%"), engineering_spelling("mol %"), engineering_spelling("ppmw")
    ('percent', 'percent', 'ppm')
    >>> engineering_spelling("s-1"), engineering_spelling("J mol-1 K-1"), engineering_spelling("US gpm")
    ('s**-1', 'J mol**-1 K**-1', 'gpm')
    """
    text = text.translate(_SUPERSCRIPTS)
    text = _PERCENT_BASIS.sub("percent", text).strip()
    text = _US_GALLONS.sub("", text)
    text = _PPM_BASIS.sub("ppm", text)
    text = _GAS_VOLUME_POWER.sub(r"\1m3", text)
    text = _NEGATIVE_POWER.sub("**-", text)
    text = _MIDDLE_DOTS.sub(_PRODUCT, text)
    text = _DOT_PRODUCT.sub(lambda m: m.group("before") + _PRODUCT, text)
    text = _NAME.sub(_respell_name, text)
    text = _DENOMINATOR.sub(_group_denominator, text)
    return text.replace(_PRODUCT, "*")


ureg: pint.UnitRegistry[Any] = pint.UnitRegistry(
    autoconvert_offset_to_baseunit=True, preprocessors=[engineering_spelling]
)
"""The project's one pint registry; import it rather than creating another."""

_ATM = 101325.0
_EXTRA_DEFINITIONS = (
    "gpm = gallon / minute = GPM = USgpm = usgpm",
    "cfm = foot ** 3 / minute = CFM = acfm = ACFM",  # actual cubic feet per minute
    "lbmol = 453.59237 * mol = lb_mol = lbmole",
    "psia = psi",
    "bara = bar",
    "kPaa = kilopascal",
    "MPaa = megapascal",
    # Gauge pressures: value in the unit plus one standard atmosphere (offset in Pa).
    f"barg = 1e5 * pascal; offset: {_ATM}",
    f"psig = 6894.757293168361 * pascal; offset: {_ATM}",
    f"kPag = 1e3 * pascal; offset: {_ATM}",
    f"MPag = 1e6 * pascal; offset: {_ATM}",
    f"kgcm2g = 98066.5 * pascal; offset: {_ATM}",
)
_GAUGE_UNITS = frozenset({"barg", "psig", "kPag", "MPag", "kgcm2g"})


@dataclass(frozen=True)
class GasBasis:
    """The reference conditions of a standard or normal gas volume (``scf``, ``Sm3``, ``Nm3``).

    Such a volume names an amount of gas (the gas that fills it at those conditions),
    so pint's volume is right only between units of one basis: 1 scf (60 degF) holds
    about 5.7 % less gas than 1 ft3 at 0 degC would.
    """

    name: str
    temperature_K: float
    pressure_Pa: float


# Reference conditions: GPA 2172 / API MPMS 14.5 (60 degF, 14.696 psia) for the US
# standard cubic foot; ISO 13443 (15 degC, 101.325 kPa) for the standard cubic metre;
# DIN 1343 (0 degC, 101.325 kPa) for the normal cubic metre.
_R = 8.314462618  # J/(mol K), CODATA 2018
_SCF = GasBasis("standard (60 °F, 14.696 psia)", 288.705556, 101325.35)
_SM3 = GasBasis("standard (15 °C, 101.325 kPa)", 288.15, 101325.0)
_NM3 = GasBasis("normal (0 °C, 101.325 kPa)", 273.15, 101325.0)
# Gas volumes at reference conditions, as pint definitions (a volume, so that tools
# receive them in m3), with the basis that makes them amounts of gas.
_GAS_VOLUMES = (
    ("scf = foot ** 3 = SCF", _SCF),
    ("Mscf = 1e3 * foot ** 3 = MSCF", _SCF),
    ("MMscf = 1e6 * foot ** 3 = MMSCF", _SCF),
    ("scfd = foot ** 3 / day = SCFD", _SCF),
    ("MMscfd = 1e6 * foot ** 3 / day = MMSCFD", _SCF),
    ("scfm = foot ** 3 / minute = SCFM", _SCF),
    ("Sm3 = meter ** 3", _SM3),
    ("Nm3 = meter ** 3", _NM3),
)
_GAS_BASES = {definition.split()[0]: basis for definition, basis in _GAS_VOLUMES}
for _definition in (*_EXTRA_DEFINITIONS, *(d for d, _ in _GAS_VOLUMES)):
    ureg.define(_definition)


def gas_volume_basis(unit: str) -> tuple[GasBasis, int] | None:
    """The reference conditions of a standard or normal volume in ``unit`` and that
    volume's exponent (``-1`` in ``BTU/scf``); ``None`` for a unit without one.

    >>> gas_volume_basis("MMSCFD")[0].name, gas_volume_basis("BTU/scf")[1]
    ('standard (60 °F, 14.696 psia)', -1)
    >>> gas_volume_basis("m3/h") is None
    True
    """
    try:
        units = parse_quantity(1.0, unit)._units
    except ToolInputError:
        return None
    found = [
        (_GAS_BASES[name], int(power.real)) for name, power in units.items() if name in _GAS_BASES
    ]
    return found[0] if len(found) == 1 else None


def gas_basis_factor(from_unit: str, to_unit: str) -> float:
    """What a value converted by pint from ``from_unit`` to ``to_unit`` is multiplied by
    so that it names the same amount of gas (ideal gas, V proportional to T/P).

    1 for units of one basis, or with no gas volume at all; :class:`ToolInputError` when
    only one side is a standard or normal volume (the actual volume needs the gas's
    pressure and temperature) or the two are different standard volumes of other
    powers.

    >>> round(gas_basis_factor("scf", "Nm3") * ureg.Quantity(1, "scf").to("m**3").magnitude, 5)
    0.02679
    >>> gas_basis_factor("MMscfd", "scfm")
    1.0
    """
    source, target = gas_volume_basis(from_unit), gas_volume_basis(to_unit)
    if source == target or (source is not None and target is not None and source[0] == target[0]):
        return 1.0
    if source is None or target is None:
        basis, unit = (source, from_unit) if source is not None else (target, to_unit)
        other = to_unit if source is not None else from_unit
        assert basis is not None
        raise ToolInputError(
            f"{unit!r} is a gas volume at {basis[0].name} conditions and {other!r} is not: "
            "converting between them needs the gas's pressure and temperature (ideal gas: "
            "V = V_ref * (P_ref/P) * (T/T_ref)); to change only the reference conditions, "
            "convert to scf, Sm3 or Nm3"
        )
    if source[1] != target[1]:
        raise ToolInputError(
            f"cannot relate {from_unit!r} and {to_unit!r}: their gas volumes have other powers"
        )
    ratio = (target[0].temperature_K / source[0].temperature_K) * (
        source[0].pressure_Pa / target[0].pressure_Pa
    )
    return float(ratio ** source[1])


# "bar(g)", "bar g", "psi (a)", "kg/cm2g" -> the registry's names.
_GAUGE_SPELLING = re.compile(
    r"^\s*(bar|psi|kPa|MPa|kg/cm2|kg/cm\^2|kgf/cm2|kgf/cm\^2)\s*(?:\(\s*([ga])\s*\)|[ _-]?([ga]))\s*$",
    re.IGNORECASE,
)
_GAUGE_BASE = {"bar": "bar", "psi": "psi", "kpa": "kPa", "mpa": "MPa"}


@dataclass(frozen=True)
class Dimension:
    """A physical dimension a tool parameter expects, and the unit the tool computes in."""

    key: str
    label: str
    si_unit: str
    examples: str
    absolute: bool = False  # absolute temperature or pressure: gauge units and > 0 apply
    difference: bool = False  # a difference: offset units read as their interval

    @property
    def article(self) -> str:
        return "an" if self.label[0] in "aeiou" else "a"

    def describe(self) -> str:
        """``"a dynamic viscosity (e.g. Pa*s, cP, mPa*s)"``."""
        return f"{self.article} {self.label} (e.g. {self.examples})"


def _dims(*rows: tuple[Any, ...]) -> dict[str, Dimension]:
    return {row[0]: Dimension(*row) for row in rows}


DIMENSIONS: dict[str, Dimension] = _dims(
    ("dimensionless", "dimensionless number", "", "1, %"),
    ("length", "length", "m", "m, mm, in, ft"),
    ("area", "area", "m**2", "m^2, mm^2, in^2, ft^2"),
    ("volume", "volume", "m**3", "m^3, L, gal, ft^3"),
    ("mass", "mass", "kg", "kg, g, lb, t"),
    ("amount", "amount of substance", "mol", "mol, kmol, lbmol"),
    ("time", "time", "s", "s, min, h"),
    ("velocity", "velocity", "m/s", "m/s, ft/s, km/h"),
    ("acceleration", "acceleration", "m/s**2", "m/s^2, ft/s^2"),
    ("pressure", "absolute pressure", "Pa", "Pa, kPa, bar, psia, atm, mmHg, barg, psig", True),
    ("pressure_difference", "pressure difference", "Pa", "Pa, kPa, bar, psi, mbar", False, True),
    ("temperature", "absolute temperature", "K", "K, degC, degF, degR", True),
    ("temperature_difference", "temperature difference", "K", "K, degC, degF", False, True),
    ("thermal_expansion", "thermal expansion coefficient", "1/K", "1/K, 1/degR"),
    ("density", "density", "kg/m**3", "kg/m^3, g/cm^3, lb/ft^3"),
    ("dynamic_viscosity", "dynamic viscosity", "Pa*s", "Pa*s, cP, mPa*s"),
    ("kinematic_viscosity", "kinematic viscosity", "m**2/s", "m^2/s, cSt"),
    ("mass_flow", "mass flow rate", "kg/s", "kg/s, kg/h, t/h, lb/h"),
    ("volumetric_flow", "volumetric flow rate", "m**3/s", "m^3/s, m^3/h, L/min, gpm"),
    ("molar_flow", "molar flow rate", "mol/s", "mol/s, kmol/h, lbmol/h"),
    ("power", "power", "W", "W, kW, MW, hp, BTU/h"),
    ("energy", "energy", "J", "J, kJ, MJ, BTU, kWh"),
    ("heat_flux", "heat flux", "W/m**2", "W/m^2, kW/m^2, BTU/h/ft^2"),
    (
        "heat_transfer_coefficient",
        "heat transfer coefficient",
        "W/m**2/K",
        "W/m^2/K, BTU/h/ft^2/degF",
    ),
    ("thermal_conductivity", "thermal conductivity", "W/m/K", "W/m/K, BTU/h/ft/degF"),
    ("fouling_resistance", "fouling resistance", "m**2*K/W", "m^2*K/W, h*ft^2*degF/BTU"),
    ("heat_capacity_rate", "heat capacity rate", "W/K", "W/K, kW/K, BTU/h/degF"),
    ("specific_heat", "specific heat capacity", "J/kg/K", "J/kg/K, kJ/kg/K, BTU/lb/degF"),
    ("molar_heat_capacity", "molar heat capacity", "J/mol/K", "J/mol/K, kJ/kmol/K"),
    ("specific_energy", "specific energy or enthalpy", "J/kg", "J/kg, kJ/kg, BTU/lb"),
    ("molar_energy", "molar energy or enthalpy", "J/mol", "J/mol, kJ/mol, kJ/kmol"),
    ("molar_mass", "molar mass", "g/mol", "g/mol, kg/kmol, lb/lbmol"),
    ("molar_volume", "molar volume", "m**3/mol", "m^3/mol, L/mol, cm^3/mol"),
    ("specific_volume", "specific volume", "m**3/kg", "m^3/kg, ft^3/lb"),
    ("mass_flux", "mass flux", "kg/m**2/s", "kg/m^2/s, lb/h/ft^2"),
    ("surface_tension", "surface tension", "N/m", "N/m, mN/m, dyn/cm"),
    ("frequency", "rotational speed or frequency", "1/s", "rpm, 1/s, Hz"),
    ("angle", "angle", "rad", "deg, rad"),
    ("molar_concentration", "molar concentration", "mol/m**3", "mol/m^3, mol/L, kmol/m^3"),
    ("force", "force", "N", "N, kN, lbf"),
    ("diffusivity", "diffusivity", "m**2/s", "m^2/s, cm^2/s"),
    ("volumetric_rate", "reaction rate per volume", "mol/m**3/s", "mol/m^3/s, kmol/m^3/h"),
    ("mass_rate", "reaction rate per catalyst mass", "mol/kg/s", "mol/kg/s, mol/g/h"),
    ("flow_coefficient", "valve flow coefficient", "m**3/hour/bar**0.5",
     "m^3/h at 1 bar (Kv), US gpm at 1 psi (Cv)"),
    ("pressure_gradient", "pressure gradient", "Pa/m", "Pa/m, kPa/m, psi/100ft"),
    ("specific_speed", "pump specific speed", "rpm*(m**3/s)**0.5/m**0.75",
     "rpm (m^3/s)^0.5 / m^0.75"),
    ("per_mass", "quantity per unit mass", "1/kg", "1/kg"),
)  # fmt: skip


class Quantity(BaseModel):
    """A number with the unit written in the question: ``{"value": 1.002, "unit": "mPa*s"}``.

    A plain number is read as dimensionless, and a string such as ``"5 bar"`` is
    split into value and unit, so that small slips by a model still validate.
    """

    model_config = ConfigDict(extra="forbid")

    value: float
    unit: str

    @model_validator(mode="before")
    @classmethod
    def _accept_shorthands(cls, data: Any) -> Any:
        if isinstance(data, bool):
            return data  # let pydantic reject it
        if isinstance(data, int | float):
            return {"value": data, "unit": ""}
        if isinstance(data, str):
            match = re.match(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$", data)
            if match is None:
                raise ValueError(f"cannot read {data!r} as a number with a unit, e.g. '5 bar'")
            return {"value": float(match.group(1)), "unit": match.group(2)}
        return data


@lru_cache(maxsize=1024)
def dimension_of_unit(unit: str, prefer: str | None = None) -> str | None:
    """The key of :data:`DIMENSIONS` whose SI unit has ``unit``'s dimensionality: ``prefer``
    when it fits (a pressure difference is in Pa too), else the first that does;
    ``None`` when none does or ``unit`` is no unit.

    >>> dimension_of_unit("kJ/kg"), dimension_of_unit("bar"), dimension_of_unit("bar", "pressure_difference")
    ('specific_energy', 'pressure', 'pressure_difference')
    >>> dimension_of_unit(""), dimension_of_unit("furlong/fortnight"), dimension_of_unit("blah")
    ('dimensionless', 'velocity', None)
    """
    try:
        wanted = (
            parse_quantity(1.0, unit).dimensionality if unit else ureg.Quantity(1).dimensionality
        )
    except ToolInputError:
        return None
    fits = [
        key
        for key, dimension in DIMENSIONS.items()
        if ureg.Quantity(1.0, dimension.si_unit or "dimensionless").dimensionality == wanted
    ]
    if prefer in fits:
        return prefer
    return fits[0] if fits else None


def normalise_unit(unit: str) -> str:
    """Map common spellings to the registry's names (``bar(g)`` -> ``barg``).

    >>> normalise_unit("bar(g)"), normalise_unit("psi a"), normalise_unit(" kPa ")
    ('barg', 'psia', 'kPa')
    """
    text = unit.strip()
    match = _GAUGE_SPELLING.match(text)
    if match is not None:
        base = match.group(1).lower().replace("^", "")
        kind = (match.group(2) or match.group(3)).lower()
        name = _GAUGE_BASE.get(base, "kgcm2")
        if name == "kgcm2":
            return "kgcm2g" if kind == "g" else "kgf/cm**2"
        return name + kind
    # "%" alone is fine for pint; "m3/h" style is too, but "^" is only valid in some places.
    return text.replace("^", "**")


_BARE_TEMPERATURE = re.compile(r"^\s*(?:deg|\u00b0|\u00ba)?\s*([CF])\s*$")


def temperature_spelling(unit: str) -> str | None:
    """``degC`` or ``degF`` for a bare ``C``/``F`` (``deg C``, ``\u00b0 C``), else ``None``.

    Pint reads a bare ``C`` as coulomb and ``F`` as farad; callers use this only
    where a temperature is expected, which is what makes the reading unambiguous.

    >>> temperature_spelling("C"), temperature_spelling("deg F"), temperature_spelling("kg")
    ('degC', 'degF', None)
    """
    match = _BARE_TEMPERATURE.match(unit)
    return f"deg{match.group(1)}" if match else None


def parse_quantity(value: float, unit: str) -> pint.Quantity:
    """A pint quantity, or :class:`ToolInputError` naming the unit pint cannot read."""
    text = normalise_unit(unit)
    try:
        return ureg.Quantity(value, text) if text else ureg.Quantity(value)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError) as error:
        raise ToolInputError(
            f"unknown unit {unit!r} ({error}); use a pint unit such as 'bar', 'kg/h' or 'degC'"
        ) from error
    except Exception as error:  # pint raises assorted errors on garbage strings
        raise ToolInputError(f"cannot read unit {unit!r}: {error}") from error


def _has_offset(unit: PlainUnit) -> bool:
    return any(not ureg._units[name].is_multiplicative for name in unit._units)


def as_interval(quantity: pint.Quantity) -> pint.Quantity:
    """Read offset units (degC, barg) as their interval: 10 degC difference is 10 K."""
    units = {}
    for name, power in quantity._units.items():
        if not ureg._units[name].is_multiplicative:
            name = f"delta_{name}"
        units[name] = power
    return ureg.Quantity(quantity.magnitude, ureg.Unit(pint.util.UnitsContainer(units)))


@lru_cache(maxsize=4096)
def _linear_map(unit: str, dimension_key: str, target: str) -> tuple[float, float]:
    """``(scale, offset)`` with ``target_value = scale * value + offset``.

    Cached so that a tool call costs one multiply-add per argument, not a pint parse.
    """
    dimension = DIMENSIONS.get(dimension_key)
    label = dimension.describe() if dimension else f"a quantity convertible to {target!r}"
    goal = target or "dimensionless"
    if dimension_key in ("temperature", "temperature_difference"):
        unit = temperature_spelling(unit) or unit
    base = parse_quantity(1.0, unit)
    wanted = ureg.Quantity(1.0, goal).dimensionality
    gas = gas_volume_basis(unit)
    if base.dimensionality != wanted and gas is not None and gas[1] == 1:
        # A standard or normal gas volume is an amount of gas: 1 scf holds P V / (R T)
        # at its reference conditions (ideal gas), so SCFM is a molar flow too.
        molar = ureg.Quantity(gas[0].pressure_Pa / (_R * gas[0].temperature_K), "mol/m**3")
        if (base * molar).dimensionality == wanted:
            factor = float((base * molar).to(goal).magnitude)
            return factor, 0.0
    if base.dimensionality != wanted:
        shown = repr(unit) if unit.strip() else "a bare number"
        raise ToolInputError(f"expected {label}, got {shown} ({base.dimensionality})")
    interval = dimension is not None and dimension.difference and _has_offset(base.units)

    def convert(x: float) -> float:
        quantity = parse_quantity(x, unit)
        if interval:
            quantity = as_interval(quantity)
        return float(quantity.to(goal).magnitude)

    zero = convert(0.0)
    return convert(1.0) - zero, zero


def to_si(value: float, unit: str, dimension: str, target: str | None = None) -> float:
    """Convert ``value unit`` to ``target`` (default: the dimension's SI unit).

    Raises :class:`ToolInputError` on an unknown unit, a dimension mismatch, a value
    that is not finite, or an absolute temperature or pressure that is not above zero.
    """
    if dimension not in DIMENSIONS and target is None:
        raise ToolInputError(f"unknown dimension {dimension!r}; known: {', '.join(DIMENSIONS)}")
    goal = DIMENSIONS[dimension].si_unit if target is None else target
    if not math.isfinite(value):
        raise ToolInputError(f"value {value} is not a finite number")
    scale, offset = _linear_map(unit, dimension, goal)
    result = scale * value + offset
    if dimension in DIMENSIONS and DIMENSIONS[dimension].absolute and result <= 0:
        label = DIMENSIONS[dimension].label
        raise ToolInputError(
            f"{value} {unit} is not a valid {label}: it must be above absolute zero"
        )
    # Round away binary noise from the affine map (25 degC -> 298.15 K, not 298.15000000000003).
    return float(f"{result:.15g}")


@lru_cache(maxsize=1024)
def is_gauge(unit: str) -> bool:
    """Whether ``unit`` is a gauge pressure unit (``psig``, ``barg``, ``bar(g)`` ...)."""
    try:
        quantity = parse_quantity(1.0, unit)
    except ToolInputError:
        return False
    return any(name in _GAUGE_UNITS for name in quantity._units)
