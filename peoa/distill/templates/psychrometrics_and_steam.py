"""Templates for humid air and steam."""

from __future__ import annotations

from peoa.distill.templates.base import Template, define, q, rounded

__all__ = ["AIR_HEATING_COIL", "BANK", "CONDENSATE_FLASH"]

BANK: tuple[Template, ...] = (
    # -- psychrometrics and steam ----------------------------------------------------
    define(
        "humid_air_properties",
        "psychrometrics",
        "humidity_ratio",
        "the humidity ratio",
        lambda r: {
            "dry_bulb": q(r, {"°C": (15, 40), "°F": (60, 100)}),
            "relative_humidity": {"value": rounded(r.uniform(20, 90)), "unit": "%"},
        },
        "Air is at {dry_bulb} and {relative_humidity} relative humidity. What is its humidity ratio?",
        "Find the moisture content (kg water per kg dry air) of air at {dry_bulb} dry bulb and {relative_humidity} RH.",
        "What humidity ratio does ambient air at {dry_bulb} with a relative humidity of {relative_humidity} have?",
        "Psychrometrics: dry bulb {dry_bulb}, RH {relative_humidity}. Humidity ratio?",
    ),
    define(
        "steam_saturation",
        "steam",
        "T_sat",
        "the saturation temperature of steam",
        lambda r: {"pressure": q(r, {"bar": (1.5, 40), "kPa": (150, 4000), "psia": (22, 580)})},
        "At what temperature does water boil at {pressure}?",
        "Find the saturation temperature of steam at {pressure}.",
        "What is the temperature of saturated steam at a pressure of {pressure}?",
        "Steam tables: Tsat at {pressure}?",
    ),
    define(
        "steam_properties",
        "steam",
        "enthalpy",
        "the specific enthalpy of steam",
        lambda r: {"temperature": q(r, {"°C": (250, 500)}), "pressure": q(r, {"bar": (1, 20)})},
        "What is the specific enthalpy of superheated steam at {pressure} and {temperature}?",
        "Find the enthalpy of steam at {temperature} and {pressure}.",
        "Superheated steam leaves a boiler at {pressure} and {temperature}. What is its enthalpy?",
        "Steam at {pressure}, {temperature}: specific enthalpy?",
    ),
)

# Templates added after the first bank: the package draws them after every topic's BANK.
CONDENSATE_FLASH: Template = define(
    "condensate_flash",
    "steam",
    "flash_flow",
    "the flash steam flow",
    lambda r: {
        "pressure_in": q(r, {"bar": (6, 20), "psia": (90, 290)}),
        "pressure_out": q(r, {"bar": (1.05, 4), "kPa": (105, 400)}),
        "mass_flow": q(r, {"kg/h": (1000, 20000), "t/h": (1, 20)}),
    },
    "Saturated condensate at {pressure_in} ({mass_flow}) is let down to a flash vessel at {pressure_out}. How much flash steam forms?",
    "What mass flow of low-pressure flash steam is recovered when {mass_flow} of condensate saturated at {pressure_in} flashes to {pressure_out}?",
    "Condensate from steam traps, {mass_flow} of saturated liquid at {pressure_in}, flashes at {pressure_out}. Flash steam flow?",
)


AIR_HEATING_COIL: Template = define(
    "air_heating_coil",
    "psychrometrics",
    "duty",
    "the coil duty",
    lambda r: {
        "volumetric_flow": q(r, {"m^3/h": (2000, 40000), "CFM": (1000, 20000)}),
        "T_in": q(r, {"°C": (0, 18)}),
        "relative_humidity": {"value": rounded(r.uniform(30, 80)), "unit": "%"},
        "T_out": q(r, {"°C": (25, 45)}),
    },
    "A heating coil warms {volumetric_flow} of air (at the inlet state) from {T_in} and {relative_humidity} relative humidity to {T_out}. No moisture is added. What is its duty?",
    "Sensible heating of {volumetric_flow} of moist air entering at {T_in} with {relative_humidity} RH, leaving at {T_out}: coil load?",
    "How much heat does it take to warm {volumetric_flow} of air measured at the inlet from {T_in} ({relative_humidity} RH) to {T_out}?",
)
