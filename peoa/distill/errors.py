"""Errors of the distillation pipeline; each message says what to do about it."""

from __future__ import annotations

from peoa.exceptions import AdapterNotFoundError, PeoaError

__all__ = ["AdapterNotFoundError", "DistillError", "TrainingDependencyError"]


class DistillError(PeoaError):
    """Generation, training, export or evaluation of a distilled adapter failed."""


class TrainingDependencyError(DistillError):
    """The optional training packages (trl, peft, datasets, gguf) are not installed."""
