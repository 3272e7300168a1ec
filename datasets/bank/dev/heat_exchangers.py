"""Dev-set problems: heat exchangers."""

from __future__ import annotations

from bank.core import Kind
from bank.dev.shared import registrar

PROBLEMS: list[Kind] = []
problem = registrar(PROBLEMS)


@problem(
    "heat_exchangers-001",
    "heat_exchangers",
    "K",
    ("hx_lmtd",),
    """In a counter-current exchanger the hot stream is cooled from {Thi} °C to {Tho} °C
         and the cold stream is heated from {Tci} °C to {Tco} °C. What is the log-mean
         temperature difference, in K?""",
    Thi=150.0,
    Tho=90.0,
    Tci=30.0,
    Tco=70.0,
)
def _(Thi: float, Tho: float, Tci: float, Tco: float) -> float:
    from ht import LMTD

    return float(LMTD(Thi, Tho, Tci, Tco, counterflow=True))


@problem(
    "heat_exchangers-002",
    "heat_exchangers",
    "dimensionless",
    ("hx_lmtd",),
    """A shell-and-tube exchanger with one shell pass and two (or an even number of) tube
         passes cools a hot fluid from {Thi} °C to {Tho} °C while heating a cold fluid from
         {Tci} °C to {Tco} °C. What is the LMTD correction factor F?""",
    Thi=150.0,
    Tho=90.0,
    Tci=30.0,
    Tco=80.0,
)
def _(Thi: float, Tho: float, Tci: float, Tco: float) -> float:
    from ht import F_LMTD_Fakheri

    return float(F_LMTD_Fakheri(Thi, Tho, Tci, Tco, shells=1))


@problem(
    "heat_exchangers-003",
    "heat_exchangers",
    "m**2",
    ("hx_duty", "hx_lmtd", "hx_area"),
    """A 1-shell-pass, 2-tube-pass exchanger heats {mc} kg/s of water (cp {cp} J/(kg·K))
         from {Tci} °C to {Tco} °C with a hot oil that cools from {Thi} °C to {Tho} °C. The
         overall coefficient is {U} W/(m²·K). What heat-transfer area is required, in m²
         (LMTD method with the F correction)?""",
    mc=10.0,
    cp=4180.0,
    Tci=30.0,
    Tco=70.0,
    Thi=150.0,
    Tho=90.0,
    U=450.0,
)
def _(mc: float, cp: float, Tci: float, Tco: float, Thi: float, Tho: float, U: float) -> float:
    from ht import LMTD, F_LMTD_Fakheri

    Q = mc * cp * (Tco - Tci)
    return Q / (U * F_LMTD_Fakheri(Thi, Tho, Tci, Tco, shells=1) * LMTD(Thi, Tho, Tci, Tco))


@problem(
    "heat_exchangers-004",
    "heat_exchangers",
    "kW",
    ("hx_rating_ntu",),
    """In a counter-flow exchanger the hot stream has a heat-capacity rate of {Ch} W/K and
         enters at {Thi} °C; the cold stream has {Cc} W/K and enters at {Tci} °C. UA is {UA}
         W/K. Using the ε-NTU method, what is the heat duty in kW?""",
    Ch=4000.0,
    Thi=140.0,
    Cc=6000.0,
    Tci=25.0,
    UA=8000.0,
)
def _(Ch: float, Thi: float, Cc: float, Tci: float, UA: float) -> float:
    from ht import effectiveness_from_NTU

    Cmin, Cmax = min(Ch, Cc), max(Ch, Cc)
    eff = effectiveness_from_NTU(NTU=UA / Cmin, Cr=Cmin / Cmax, subtype="counterflow")
    return float(eff) * Cmin * (Thi - Tci) / 1e3


@problem(
    "heat_exchangers-005",
    "heat_exchangers",
    "W/(m**2*K)",
    ("hx_overall_u",),
    """A heat-exchanger tube has an inside film coefficient of {hi} W/(m²·K) and an outside film coefficient of {ho} W/(m²·K).
         Inside and outside fouling resistances are each {Rf} m²·K/W and the wall is {t_mm}
         mm of steel with k = {kw} W/(m·K). Treating the wall as a flat plate (area ratio 1),
         what is the overall heat-transfer coefficient U in W/(m²·K)?""",
    hi=1500.0,
    ho=2500.0,
    Rf=0.0002,
    t_mm=2.0,
    kw=45.0,
)
def _(hi: float, ho: float, Rf: float, t_mm: float, kw: float) -> float:
    import numpy as np

    resistances = np.array([1 / hi, Rf, t_mm / 1e3 / kw, Rf, 1 / ho])
    return float(1 / resistances.sum())


@problem(
    "heat_exchangers-006",
    "heat_exchangers",
    "degC",
    ("hx_rating_ntu",),
    """A shell-and-tube exchanger with one shell pass and two tube passes has UA = {UA}
         W/K. Hot water ({Ch} W/K) enters at {Thi} °C and cold water ({Cc} W/K) enters at
         {Tci} °C. Using the ε-NTU method, at what temperature does the cold water leave, in
         °C?""",
    UA=15000.0,
    Ch=10000.0,
    Thi=90.0,
    Cc=12000.0,
    Tci=20.0,
)
def _(UA: float, Ch: float, Thi: float, Cc: float, Tci: float) -> float:
    from ht import effectiveness_from_NTU

    Cmin, Cmax = min(Ch, Cc), max(Ch, Cc)
    eff = effectiveness_from_NTU(NTU=UA / Cmin, Cr=Cmin / Cmax, subtype="S&T", n_shell_tube=1)
    return Tci + float(eff) * Cmin * (Thi - Tci) / Cc
