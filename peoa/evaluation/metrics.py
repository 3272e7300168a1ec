"""Small pure metrics: tool-selection recall@k and NDCG@k, latency quantiles, the
accuracy's confidence interval, and a stratified sample of a dataset."""

from __future__ import annotations

import math
import random
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TypeVar

__all__ = ["ndcg_at_k", "quantile", "recall_at_k", "stratified_sample", "wilson_interval"]

T = TypeVar("T")


def recall_at_k(ranking: Sequence[str], gold: Sequence[str], k: int) -> float:
    """Share of the gold tools found among the first ``k`` of ``ranking``.

    >>> recall_at_k(["pump_power", "pipe_pressure_drop", "reynolds"], ["reynolds"], 3)
    1.0
    >>> recall_at_k(["pump_power", "pipe_pressure_drop"], ["reynolds", "pump_power"], 1)
    0.5
    >>> recall_at_k([], ["reynolds"], 5)
    0.0
    """
    wanted = set(gold)
    if not wanted:
        raise ValueError("recall needs at least one gold tool")
    if k < 1:
        raise ValueError("k must be at least 1")
    return len(wanted & set(ranking[:k])) / len(wanted)


def ndcg_at_k(ranking: Sequence[str], gold: Sequence[str], k: int) -> float:
    """Normalised discounted cumulative gain at ``k``, binary relevance (gold or not).

    A gold tool at rank ``r`` (1-based) gains ``1 / log2(r + 1)``; the ideal ranking
    puts every gold tool first. Repeated names in ``ranking`` count once.

    >>> ndcg_at_k(["a", "b", "c"], ["a"], 3)
    1.0
    >>> round(ndcg_at_k(["b", "a", "c"], ["a"], 3), 4)   # 1 / log2(3)
    0.6309
    >>> ndcg_at_k(["b", "c"], ["a"], 2)
    0.0
    >>> round(ndcg_at_k(["a", "x", "b"], ["a", "b"], 3), 4)   # (1 + 0.5) / (1 + 0.6309)
    0.9197
    """
    wanted = set(gold)
    if not wanted:
        raise ValueError("NDCG needs at least one gold tool")
    if k < 1:
        raise ValueError("k must be at least 1")
    seen: set[str] = set()
    gain = 0.0
    for rank, name in enumerate(ranking[:k], start=1):
        if name in wanted and name not in seen:
            gain += 1.0 / math.log2(rank + 1)
        seen.add(name)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(wanted), k) + 1))
    return gain / ideal


def quantile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0 < q < 1) by linear interpolation; 0 for no values.

    >>> quantile([1.0, 2.0, 3.0, 4.0], 0.5)
    2.5
    >>> quantile([5.0], 0.95)
    5.0
    >>> quantile([], 0.5)
    0.0
    """
    if not values:
        return 0.0
    if len(values) == 1:
        return float(values[0])
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def wilson_interval(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95 % by default); ``(0, 1)`` for no trials.

    >>> [round(x, 3) for x in wilson_interval(4, 32)]
    [0.05, 0.28]
    >>> wilson_interval(0, 0)
    (0.0, 1.0)
    """
    if n <= 0:
        return 0.0, 1.0
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def stratified_sample(
    items: Sequence[T], n: int, stratum: Callable[[T], str], seed: int = 0
) -> list[T]:
    """``n`` items spread evenly over the strata (categories), drawn with a fixed seed and
    kept in their original order; the remainder goes to the strata in sorted order.

    >>> rows = [("a", i) for i in range(10)] + [("b", i) for i in range(3)]
    >>> picked = stratified_sample(rows, 6, lambda r: r[0])
    >>> sorted({r[0] for r in picked}), len(picked)
    (['a', 'b'], 6)
    >>> picked == stratified_sample(rows, 6, lambda r: r[0])
    True
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        groups[stratum(item)].append(index)
    rng = random.Random(seed)
    order = {key: rng.sample(members, len(members)) for key, members in sorted(groups.items())}
    chosen: list[int] = []
    while len(chosen) < min(n, len(items)):
        for key in sorted(order):
            if order[key] and len(chosen) < n:
                chosen.append(order[key].pop(0))
    return [items[i] for i in sorted(chosen)]
