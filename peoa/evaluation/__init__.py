"""Batch evaluation of PEOA on datasets."""

from peoa.evaluation.dataset import DatasetError, DatasetItem, LineProblem, load_dataset
from peoa.evaluation.runner import ItemRecord, Summary, evaluate, summarise
from peoa.evaluation.scoring import score_answer

__all__ = [
    "DatasetError",
    "DatasetItem",
    "ItemRecord",
    "LineProblem",
    "Summary",
    "evaluate",
    "load_dataset",
    "score_answer",
    "summarise",
]
