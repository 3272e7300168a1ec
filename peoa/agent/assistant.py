"""``Assistant``: PEOA's Python API over the meta-agent."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any, TypeVar

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import BaseCheckpointSaver

from peoa.agent.action_generator import ActionGenerator
from peoa.agent.definitions import load_definitions
from peoa.agent.graph import AgentContext, build_graph
from peoa.agent.memory import make_checkpointer
from peoa.agent.records import StepData
from peoa.agent.solution import Solution, StepEvent, StepRecord
from peoa.agent.state import SolveUpdate
from peoa.config import Settings, get_settings
from peoa.exceptions import PeoaError
from peoa.experts.base import Expert
from peoa.graph.quantities import read_quantity_edges
from peoa.planning import Plan, Planner, QuantityGraph
from peoa.reading import Reading
from peoa.tools import get_registry

_T = TypeVar("_T")

__all__ = ["Assistant"]


class Assistant:
    """Solve process-engineering questions.

    >>> from peoa import Assistant            # doctest: +SKIP
    >>> Assistant().solve("Pump power for 20 m3/h of water against 35 m of head, 70 % efficiency?")  # doctest: +SKIP
    Solution(status='answered', answer=2.72..., unit='kW', ...)

    One instance holds the loaded models, the experts and the graph connection;
    reuse it. Conversations are remembered per ``thread_id`` by the checkpointer
    configured in ``agents/meta_agent.toml``.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        checkpointer: BaseCheckpointSaver | None = None,
        experts: dict[str, Expert] | None = None,
    ) -> None:
        from peoa.experts import load_experts
        from peoa.llm import get_embedder, get_llm

        self.settings = settings or get_settings()
        self.meta, generator_definition = load_definitions()
        self.experts = experts if experts is not None else load_experts()
        if not self.experts:
            raise PeoaError("no experts are installed: check the experts/ folder")
        self.generator = ActionGenerator(get_llm(generator_definition.role), generator_definition)
        self.embedder = get_embedder()
        self._driver: Any = None
        self._driver_lock = threading.Lock()
        self.checkpointer = checkpointer or make_checkpointer(
            self.meta.memory.checkpointer, self.settings.data_dir
        )
        self._planner: Planner | None = None
        self._graph_key: tuple[int, ...] = ()
        self._graph = self._compiled()

    # -- graph access ----------------------------------------------------------------------
    @property
    def driver(self) -> Any:
        """The Neo4j driver, opened (and the schema and tool documentation loaded) on first use."""
        with self._driver_lock:
            if self._driver is None:
                from peoa.graph import Ingestor, migrate
                from peoa.graph.tools_loader import load_tools
                from peoa.neo4j_server import open_driver

                driver = open_driver(self.settings)
                migrate(driver)
                report = load_tools(Ingestor(driver, self.embedder))
                if report.status == "error":
                    raise PeoaError(f"could not load the tool documentation: {report.message}")
                self._driver = driver
            return self._driver

    @property
    def planner(self) -> Planner:
        """The planner over the quantity graph in Neo4j (read once), or over the tools'
        own declarations when the policy retrieves nothing from the graph."""
        if self._planner is None:
            registry = get_registry()
            if self.meta.policy.tool_retrieval == "graph":
                edges = self._on_graph(read_quantity_edges)
                graph = QuantityGraph.from_edges(edges)
            else:
                graph = QuantityGraph.from_registry(registry)
            self._planner = Planner(registry, graph, max_steps=self.meta.limits.max_steps)
        return self._planner

    def find_tools(self, question: str, k: int) -> list[dict[str, Any]]:
        """Candidate tools for ``question``, retrieved from the graph's tool documentation.

        A lost connection is retried once on a fresh driver (which starts PEOA's own
        Neo4j again when it is the managed one); a second failure raises a one-line
        :class:`~peoa.exceptions.PeoaError` and the thread's memory keeps no part of the turn.
        """
        from peoa.graph.retrieve import search_tools

        hits = self._on_graph(lambda driver: search_tools(driver, self.embedder, question, k=k))
        return [hit.model_dump() for hit in hits]

    def find_passages(self, question: str, k: int) -> list[dict[str, Any]]:
        """The ``k`` chunks of the knowledge graph nearest to ``question`` (vector search),
        with their scores; reconnects once like :meth:`find_tools`."""
        from peoa.graph.retrieve import VectorRetriever

        result = self._on_graph(
            lambda driver: VectorRetriever(driver, self.embedder).search(question, k=k)
        )
        return [item.model_dump() for item in result.items]

    def _on_graph(self, search: Callable[[Any], _T]) -> _T:
        """``search(driver)``; after a lost connection, once more on a fresh driver."""
        from peoa.graph.errors import GraphUnavailableError

        driver = self.driver
        try:
            return search(driver)
        except GraphUnavailableError:
            # The driver has already retried for its retry window. Opening it again starts
            # PEOA's own Neo4j when that is the one that went away, then try once more.
            self._drop_driver(driver)
            return search(self.driver)

    def _drop_driver(self, driver: Any) -> None:
        """Forget ``driver`` so the next use opens a new one (unless another thread did)."""
        with self._driver_lock:
            if self._driver is driver:
                self._driver = None
        driver.close()

    def _compiled(self) -> Any:
        """The compiled graph for the current definitions, generator and experts.

        Compiled once and reused by every thread; a copy of this Assistant with other
        experts or limits (the server's per-session settings) compiles its own.
        """
        key = (id(self.meta), id(self.generator), id(self.experts))
        if key != self._graph_key:
            self._graph = build_graph(self._context()).compile(checkpointer=self.checkpointer)
            self._graph_key = key
        return self._graph

    def _context(self) -> AgentContext:
        return AgentContext(
            meta=self.meta,
            generator=self.generator,
            experts=self.experts,
            find_tools=self.find_tools,
            planner=_LazyPlanner(self),
            find_passages=self.find_passages,
            display=self.settings.display,
        )

    def _run_config(self, thread_id: str) -> RunnableConfig:
        limits = self.meta.limits
        # Each step passes through ~4 nodes, each revision ~3; leave room for both.
        steps = 8 + 5 * limits.max_steps + 4 * limits.max_revisions_total
        return {"configurable": {"thread_id": thread_id}, "recursion_limit": steps}

    # -- public API ------------------------------------------------------------------------
    def solve(self, question: str, *, thread_id: str | None = None) -> Solution:
        """Answer ``question``; the result carries the number, unit, steps and citations."""
        solution: Solution | None = None
        for event in self.stream(question, thread_id=thread_id):
            if event.kind == "final":
                solution = Solution.model_validate(event.data)
        assert solution is not None  # the graph always ends in `finish`
        return solution

    def stream(self, question: str, *, thread_id: str | None = None) -> Iterator[StepEvent]:
        """Yield the steps as they happen; the last event (``final``) is the Solution."""
        thread_id = thread_id or uuid.uuid4().hex
        start = time.perf_counter()
        updates = self._compiled().stream(
            {"question": question}, self._run_config(thread_id), stream_mode="updates"
        )
        for update in updates:
            for node, change in update.items():
                yield from _events(node, change or SolveUpdate(), start)

    async def asolve(self, question: str, *, thread_id: str | None = None) -> Solution:
        """``solve`` without blocking the event loop (models run in a worker thread)."""
        return await asyncio.to_thread(self.solve, question, thread_id=thread_id)

    async def astream(
        self, question: str, *, thread_id: str | None = None
    ) -> AsyncIterator[StepEvent]:
        """``stream`` for asyncio code: events arrive as the worker thread produces them."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[StepEvent | BaseException | None] = asyncio.Queue()

        def produce() -> None:
            try:
                for event in self.stream(question, thread_id=thread_id):
                    loop.call_soon_threadsafe(queue.put_nowait, event)
            except BaseException as error:  # re-raised in the consumer
                loop.call_soon_threadsafe(queue.put_nowait, error)
            finally:
                loop.call_soon_threadsafe(queue.put_nowait, None)

        worker = loop.run_in_executor(None, produce)
        while (item := await queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
        await worker

    def history(self, thread_id: str) -> list[dict[str, Any]]:
        """The earlier turns of a conversation: question, answer, unit, status."""
        snapshot = self._graph.get_state({"configurable": {"thread_id": thread_id}})
        return list((snapshot.values or {}).get("conversation") or [])

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None


class _LazyPlanner:
    """The Assistant's planner, built on first use (it reads the graph, which a question
    that never plans, such as an empty one, should not wait for)."""

    def __init__(self, assistant: Assistant) -> None:
        self._assistant = assistant

    def plan(self, reading: Reading, relevance: Mapping[str, float] | None = None) -> list[Plan]:
        return self._assistant.planner.plan(reading, relevance)

    def names_a_quantity(self, reading: Reading) -> bool:
        return self._assistant.planner.names_a_quantity(reading)

    def missing(self, reading: Reading, relevance: Mapping[str, float] | None = None) -> str:
        return self._assistant.planner.missing(reading, relevance)


def _events(node: str, change: SolveUpdate, start: float) -> Iterator[StepEvent]:
    # One event per step: independent steps are planned, run and checked together.
    if node == "schedule":
        for pending in change.get("pending") or []:
            yield StepEvent(kind="plan", data={k: v for k, v in pending.items() if k != "previous"})
    elif node == "next_plan":
        for case in change.get("cases") or []:
            if case.get("tried"):
                yield StepEvent(kind="revision", data={"question": case["question"],
                                                       "tried": case["tried"]})  # fmt: skip
    elif node == "run_expert":
        for step in _written_steps(change):
            yield StepEvent(kind="step", data=dict(step))
    elif node == "validate":
        for step in _written_steps(change):
            record = StepRecord.model_validate(step)
            yield StepEvent(
                kind="validation",
                data={
                    "index": record.index,
                    "valid": record.valid,
                    "errors": record.validation_errors,
                },
            )
    elif node == "finish" and (written := change.get("solution")):
        solution = dict(written)
        solution["usage"]["latency_s"] = time.perf_counter() - start
        yield StepEvent(kind="final", data=solution)


def _written_steps(change: SolveUpdate) -> list[StepData]:
    """The step records a node wrote (``prepare``'s reset of them is no step)."""
    steps = change.get("steps")
    return steps if isinstance(steps, list) else []
