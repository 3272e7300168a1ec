"""The errors of the experts layer; each message is one line that names the fix."""

from __future__ import annotations

from peoa.exceptions import PeoaError

__all__ = ["ExpertError", "ManifestError", "UnknownExpertError"]


class ExpertError(PeoaError):
    """An expert could not be loaded or built."""


class ManifestError(ExpertError):
    """An ``expert.toml`` is malformed or names something that does not exist."""


class UnknownExpertError(ExpertError):
    """No expert or expert runtime of that name is registered."""
