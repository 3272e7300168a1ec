"""Small pure metrics: tool-selection recall@k and NDCG@k, and latency quantiles."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

__all__ = ["ndcg_at_k", "quantile", "recall_at_k"]


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
