"""Tool-call throughput through the registry against calling the library directly.

For tools whose library call takes over a millisecond, the registry's work (argument
validation, unit conversion, chemical lookup, result wrapping) must cost at most a
fifth of the throughput: target ratio >= 0.8. Both sides run the same inputs in the
same process; each side's best of several batches is kept.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable

from benchmarks.harness import Measurement, best_of

__all__ = ["run"]

_BATCH = 5
_REPEATS = 5


def _quiet(func: Callable[[], object]) -> Callable[[], object]:
    """The library's warnings recorded, not printed, as the registry does."""

    def call() -> object:
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            return func()

    return call


def _throughput(func: Callable[[], object]) -> float:
    func()  # warm caches and imports on both sides alike
    return _BATCH / best_of(_REPEATS, lambda: [func() for _ in range(_BATCH)])


def _measure(
    name: str, tool_call: Callable[[], object], direct: Callable[[], object], notes: str
) -> Measurement:
    direct = _quiet(direct)
    # interleave the two sides so that drift in machine load hits both
    direct_rate = _throughput(direct)
    tool_rate = _throughput(tool_call)
    direct_rate = max(direct_rate, _throughput(direct))
    tool_rate = max(tool_rate, _throughput(tool_call))
    return Measurement(
        benchmark="tools",
        metric=f"{name} throughput",
        unit="calls/s",
        value=tool_rate,
        baseline_name="library called directly",
        baseline=direct_rate,
        better="higher",
        target=0.8,
        notes=notes,
    )


def run() -> list[Measurement]:
    from thermo import Chemical, Mixture

    from peoa.tools import get_registry

    warnings.simplefilter("ignore", DeprecationWarning)
    registry = get_registry()
    results = []

    air = ["nitrogen", "oxygen", "argon"]
    air_cas = ["7727-37-9", "7782-44-7", "7440-37-1"]
    fractions = [0.7808, 0.2095, 0.0097]
    results.append(
        _measure(
            "mixture_properties (air, 3 gases)",
            lambda: registry.run(
                "mixture_properties",
                {
                    "components": air,
                    "fractions": fractions,
                    "temperature": {"value": 25, "unit": "degC"},
                    "pressure": {"value": 1, "unit": "atm"},
                },
            ),
            lambda: Mixture(air_cas, zs=fractions, T=298.15, P=101325.0),
            "thermo.Mixture",
        )
    )

    liquid = ["water", "ethanol"]
    results.append(
        _measure(
            "mixture_properties (water-ethanol liquid)",
            lambda: registry.run(
                "mixture_properties",
                {
                    "components": liquid,
                    "fractions": [0.6, 0.4],
                    "basis": "mass",
                    "temperature": {"value": 40, "unit": "degC"},
                },
            ),
            lambda: Mixture(["7732-18-5", "64-17-5"], ws=[0.6, 0.4], T=313.15, P=101325.0),
            "thermo.Mixture, mass fractions",
        )
    )

    # A new temperature on every call on both sides, so that neither side is served from
    # a cache (the tool keeps recently built thermo.Chemical states).
    tool_T = itertools.count()
    direct_T = itertools.count()

    def tool_pure() -> object:
        T = 300.0 + next(tool_T) * 1e-7
        return registry.run(
            "pure_properties",
            {"chemical": "toluene", "temperature": {"value": T, "unit": "K"}, "method": "thermo"},
        )

    def direct_pure() -> object:
        T = 300.0 + next(direct_T) * 1e-7
        state = Chemical("108-88-3", T=T, P=101325.0)
        return state.rho, state.mu, state.Cp, state.k

    results.append(
        _measure(
            "pure_properties (toluene, thermo)",
            tool_pure,
            direct_pure,
            "thermo.Chemical; fresh state per call",
        )
    )
    return results
