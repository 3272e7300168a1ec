"""Every error PEOA raises on purpose derives from :class:`PeoaError`.

A ``PeoaError`` is a user-facing message: the CLI prints it on one line, without a
traceback, and exits non-zero. Its text says what went wrong and how to fix it.
"""

from __future__ import annotations

__all__ = [
    "AdapterError",
    "AdapterNotFoundError",
    "ConfigError",
    "ModelError",
    "ModelIntegrityError",
    "Neo4jError",
    "Neo4jUnavailable",
    "PeoaError",
    "ToolError",
    "ToolExecutionError",
    "ToolInputError",
    "UnknownChemicalError",
    "UnknownToolError",
]


class PeoaError(Exception):
    """Root of PEOA's own errors; ``str(err)`` is a complete, one-line explanation."""


class ConfigError(PeoaError):
    """The configuration (environment, ``peoa.toml`` or arguments) is invalid."""


class Neo4jError(PeoaError):
    """The managed Neo4j could not be started, stopped or reached."""


class Neo4jUnavailable(Neo4jError):
    """No Neo4j answers at the configured address, or it refused the credentials."""


class ModelError(PeoaError):
    """A model name is unknown, a model cannot be fetched, or it failed to load."""


class ModelIntegrityError(ModelError):
    """A model file's sha256 does not match the catalogue; it is refused."""


class AdapterError(ModelError):
    """A LoRA adapter cannot be found, read or applied to its base model."""


class AdapterNotFoundError(AdapterError):
    """No adapter of that name is registered, or its file is missing."""


class ToolError(PeoaError):
    """An engineering tool could not be found, called or run."""


class UnknownToolError(ToolError):
    """No tool of that name is registered; the message lists close matches."""


class ToolInputError(ToolError):
    """A tool's arguments are invalid; the message names the argument and why."""


class UnknownChemicalError(ToolInputError):
    """A chemical name, CAS number or formula is not recognised; close matches suggested."""


class ToolExecutionError(ToolError):
    """A tool's arguments were valid but the underlying library failed (e.g. no convergence)."""
