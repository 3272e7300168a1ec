"""PEOA, the Process Engineering Operations Assistant."""

from __future__ import annotations

__version__ = "0.1.0"
