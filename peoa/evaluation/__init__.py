"""Batch evaluation of PEOA on datasets: runner, metrics, baselines, reports, Ray."""

from peoa.evaluation.dataset import DatasetError, DatasetItem, LineProblem, load_dataset
from peoa.evaluation.metrics import ndcg_at_k, quantile, recall_at_k
from peoa.evaluation.runner import ItemRecord, Summary, evaluate, summarise
from peoa.evaluation.scoring import score_answer, unit_problem
from peoa.evaluation.suite import run_suite

__all__ = [
    "DatasetError",
    "DatasetItem",
    "ItemRecord",
    "LineProblem",
    "Summary",
    "evaluate",
    "load_dataset",
    "ndcg_at_k",
    "quantile",
    "recall_at_k",
    "run_suite",
    "score_answer",
    "summarise",
    "unit_problem",
]
