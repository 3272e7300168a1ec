"""Hypothesis settings for the fuzz tests, chosen by ``PEOA_FUZZ_PROFILE``.

The default run uses ``fuzz`` (300 cases per test, seconds to a minute each);
``make reliability`` sets ``PEOA_FUZZ_PROFILE=fuzz-reliability`` for 10,000 cases per
test, the figure ``RELIABILITY.md`` reports. ``PEOA_FUZZ_EXAMPLES`` overrides the count
of either profile, to re-run one test at another size. The profiles are applied per
test, not loaded globally, so the rest of the suite keeps Hypothesis' own defaults.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

__all__ = ["FUZZ", "FUZZ_EXAMPLES"]

_COMMON = {
    "deadline": None,  # a loaded 2-core machine makes per-case timing meaningless
    "database": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
}
settings.register_profile("fuzz", max_examples=300, **_COMMON)
settings.register_profile("fuzz-reliability", max_examples=10_000, **_COMMON)

FUZZ = settings.get_profile(os.environ.get("PEOA_FUZZ_PROFILE", "fuzz"))
if os.environ.get("PEOA_FUZZ_EXAMPLES"):
    FUZZ = settings(FUZZ, max_examples=int(os.environ["PEOA_FUZZ_EXAMPLES"]))
FUZZ_EXAMPLES = FUZZ.max_examples
