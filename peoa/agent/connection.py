"""``GraphConnection``: the one Neo4j driver an Assistant and its variants share."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from peoa.exceptions import PeoaError

if TYPE_CHECKING:
    from peoa.config import Settings
    from peoa.llm.embeddings import Embedder

_T = TypeVar("_T")

__all__ = ["GraphConnection"]


class GraphConnection:
    """The Neo4j driver, opened on first use and opened again after it is lost.

    An Assistant and every variant derived from it hold the same object, so a
    reconnect made by one is the driver all of them use next, and the schema and tool
    documentation are loaded once for all of them.
    """

    def __init__(self, settings: Settings, embedder: Embedder) -> None:
        self._settings = settings
        self._embedder = embedder
        self._driver: Any = None
        self._lock = threading.Lock()

    @property
    def driver(self) -> Any:
        """The driver, opened (and the schema and tool documentation loaded) on first use."""
        with self._lock:
            if self._driver is None:
                from peoa.graph import Ingestor, migrate
                from peoa.graph.tools_loader import load_tools
                from peoa.neo4j_server import open_driver

                driver = open_driver(self._settings)
                migrate(driver)
                report = load_tools(Ingestor(driver, self._embedder))
                if report.status == "error":
                    raise PeoaError(f"could not load the tool documentation: {report.message}")
                self._driver = driver
            return self._driver

    def run(self, search: Callable[[Any], _T]) -> _T:
        """``search(driver)``; after a lost connection, once more on a fresh driver."""
        from peoa.graph.errors import GraphUnavailableError

        driver = self.driver
        try:
            return search(driver)
        except GraphUnavailableError:
            # The driver has already retried for its retry window. Opening it again starts
            # PEOA's own Neo4j when that is the one that went away, then try once more.
            self.drop(driver)
            return search(self.driver)

    def drop(self, driver: Any) -> None:
        """Forget ``driver`` so the next use opens a new one (unless another thread did)."""
        with self._lock:
            if self._driver is driver:
                self._driver = None
        driver.close()

    def close(self) -> None:
        """Close the driver, if one is open; the next use opens a new one."""
        with self._lock:
            driver, self._driver = self._driver, None
        if driver is not None:
            driver.close()
