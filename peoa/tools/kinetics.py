"""Temperature dependence of a rate constant: the Arrhenius equation between two points.

The reactor tools' companion (same topic, ``reactors``), kept in its own module so that
each stays small. ``arrhenius_rate_constant`` takes a first-order rate constant at one
temperature and either the activation energy (giving the rate constant at a second
temperature) or the rate constant at that second temperature (giving the activation
energy), after Fogler, *Elements of Chemical Reaction Engineering*, 5th ed., eq. 3-18.
"""

from __future__ import annotations

import math
from typing import Annotated

from peoa.exceptions import ToolInputError
from peoa.tools.base import Out, Outcome, Q, tool, warn
from peoa.tools.reactors import R_GAS

__all__ = ["TOOLS", "arrhenius_rate_constant"]

# |ln(k2/k1)| beyond this overflows a float: the data or the temperatures are wrong.
_LN_LIMIT = 700.0


@tool(
    topic="reactors",
    reference="Arrhenius equation between two temperatures, k2 = k1 exp(-Ea/R (1/T2 - 1/T1)), "
    "Fogler, Elements of Chemical Reaction Engineering, 5th ed., eq. 3-18; "
    "Levenspiel, Chemical Reaction Engineering, 3rd ed., ch. 2",
    outputs={
        "k_2": Out(
            "1/s",
            "first-order rate constant at T_2 (null without the activation energy)",
            kind="rate_constant",
            needs=("Ea",),
        ),
        "Ea": Out(
            "J/mol",
            "activation energy (null without the rate constant at T_2)",
            kind="activation_energy",
            needs=("k_2",),
        ),
    },
    alternatives=[("Ea", "k_2")],
)
def arrhenius_rate_constant(
    k_1: Annotated[
        float,
        Q("rate_constant", "first-order rate constant (1/time) at the first temperature", gt=0),
    ],
    T_1: Annotated[
        float, Q("temperature", "reference temperature, that of the rate constant k_1", gt=0)
    ],
    T_2: Annotated[
        float,
        Q(
            "temperature",
            "temperature at which the rate constant is wanted (or k_2 is known)",
            gt=0,
        ),
    ],
    Ea: Annotated[float | None, Q("activation_energy", "activation energy of the reaction")] = None,
    k_2: Annotated[
        float | None,
        Q("rate_constant", "first-order rate constant (1/time) at the second temperature", gt=0),
    ] = None,
) -> Outcome:
    """Rate constant of a first-order reaction at a second temperature from the Arrhenius
    equation, k_2 = k_1 exp(-Ea/R (1/T_2 - 1/T_1)), given the activation energy; or the
    activation energy from the rate constants at two temperatures,
    Ea = R ln(k_2/k_1) / (1/T_1 - 1/T_2). Give Ea or k_2, not both.

    Notes
    -----
    The activation energy is taken as constant between the two temperatures (the
    pre-exponential factor independent of T). The rate constants must be first order,
    in 1/time (1/s, 1/min, 1/h): a rate constant in concentration units such as
    L/(mol s) is refused, since its value depends on the concentration basis. The two
    temperatures must differ to give the activation energy. A negative activation
    energy (k falling as T rises) is computed but warned about.

    Examples
    --------
    k = 0.020 1/s at 340 K with Ea = 65 kJ/mol: at 370 K, 1/T_2 - 1/T_1 = -2.3847e-4 1/K,
    the exponent is 65000/8.3145 x 2.3847e-4 = 1.8643 and k_2 = 0.020 x 6.4515 =
    0.1290 1/s. Back from the two points, Ea = 8.3145 ln(6.4515)/2.3847e-4 = 65 kJ/mol:

    >>> from peoa.tools import get_registry
    >>> r = get_registry().run("arrhenius_rate_constant", {"k_1": "0.020 1/s",
    ...     "T_1": "340 K", "T_2": "370 K", "Ea": "65 kJ/mol"})
    >>> round(r.value("k_2", "1/s"), 4)
    0.129
    >>> back = get_registry().run("arrhenius_rate_constant", {"k_1": "0.020 1/s",
    ...     "T_1": "340 K", "T_2": "370 K", "k_2": {"value": r.value("k_2"), "unit": "1/s"}})
    >>> round(back.value("Ea", "kJ/mol"), 6)
    65.0
    """
    if Ea is not None and k_2 is not None:
        raise ToolInputError(
            "give the activation energy Ea or the rate constant k_2 at T_2, not both: "
            "each fixes the other"
        )
    if Ea is None and k_2 is None:
        raise ToolInputError(
            "give the activation energy Ea (for the rate constant at T_2) or the rate "
            "constant k_2 at T_2 (for the activation energy)"
        )
    inverse_span = 1.0 / T_1 - 1.0 / T_2  # 1/K; positive when T_2 > T_1
    if k_2 is not None:
        if abs(T_2 - T_1) < 1e-9 * T_1:
            raise ToolInputError(
                "the two temperatures are equal: the activation energy needs rate "
                "constants at two different temperatures"
            )
        activation = R_GAS * math.log(k_2 / k_1) / inverse_span
        if activation < 0:
            warn(
                f"the activation energy is negative ({activation / 1000:.4g} kJ/mol): "
                "the rate constant falls as the temperature rises"
            )
        return Outcome({"k_2": k_2, "Ea": activation}, method="activation energy from two points")
    assert Ea is not None  # one of the two is given (checked above)
    exponent = Ea / R_GAS * inverse_span
    if abs(exponent) > _LN_LIMIT:
        raise ToolInputError(
            f"ln(k_2/k_1) = {exponent:.4g} overflows: check the activation energy's unit "
            "(J/mol or kJ/mol) and the temperatures"
        )
    if Ea < 0:
        warn("the activation energy is negative: the rate constant falls as T rises")
    return Outcome(
        {"k_2": k_1 * math.exp(exponent), "Ea": Ea}, method="rate constant from Arrhenius"
    )


TOOLS = (arrhenius_rate_constant,)
