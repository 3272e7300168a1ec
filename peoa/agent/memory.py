"""Conversation memory: the LangGraph checkpointer named in ``agents/meta_agent.toml``."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.memory import InMemorySaver

from peoa.exceptions import ConfigError

__all__ = ["make_checkpointer"]


def make_checkpointer(spec: str, data_dir: Path) -> BaseCheckpointSaver:
    """``sqlite`` (default, under ``data_dir``), ``memory``, or a ``postgresql://`` URL."""
    if spec == "memory":
        return InMemorySaver()
    if spec == "sqlite":
        from langgraph.checkpoint.sqlite import SqliteSaver

        data_dir.mkdir(parents=True, exist_ok=True)
        # One connection shared by the threads of a server; SQLite serialises writers.
        connection = sqlite3.connect(data_dir / "memory.sqlite", check_same_thread=False)
        saver = SqliteSaver(connection)
        saver.setup()
        return saver
    if spec.startswith(("postgresql://", "postgres://")):
        try:
            from langgraph.checkpoint.postgres import PostgresSaver
            from psycopg import Connection
        except ImportError:
            raise ConfigError(
                "a Postgres checkpointer needs 'pip install langgraph-checkpoint-postgres "
                "psycopg[binary]'"
            ) from None
        connection = Connection.connect(spec, autocommit=True, prepare_threshold=0)
        postgres = PostgresSaver(connection)
        postgres.setup()
        # typed here: the Postgres checkpointer is an optional package, not always installed
        checkpointer: BaseCheckpointSaver[Any] = postgres
        return checkpointer
    raise ConfigError(
        f"unknown checkpointer {spec!r} in agents/meta_agent.toml: use sqlite, memory or a "
        "postgresql:// URL"
    )
