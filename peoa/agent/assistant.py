"""``Assistant``: PEOA's Python API over the meta-agent."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import BaseCheckpointSaver

from peoa.agent.action_generator import ActionGenerator
from peoa.agent.definitions import MetaAgentDefinition
from peoa.agent.graph import AgentContext, build_graph
from peoa.agent.parts import AssistantParts, SharedServices
from peoa.agent.records import StepData
from peoa.agent.solution import Solution, StepEvent, StepRecord
from peoa.agent.state import SolveUpdate
from peoa.config import Settings, get_settings
from peoa.experts.base import Expert
from peoa.graph.quantities import read_quantity_edges
from peoa.llm.embeddings import Embedder
from peoa.planning import Plan, Planner, QuantityGraph
from peoa.reading import Reading
from peoa.tools import get_registry

__all__ = ["Assistant"]


class Assistant:
    """Solve process-engineering questions.

    >>> from peoa import Assistant            # doctest: +SKIP
    >>> Assistant().solve("Pump power for 20 m3/h of water against 35 m of head, 70 % efficiency?")  # doctest: +SKIP
    Solution(status='answered', answer=2.72..., unit='kW', ...)

    One instance holds the loaded models, the experts and the graph connection;
    reuse it. Conversations are remembered per ``thread_id`` by the checkpointer
    configured in ``agents/meta_agent.toml``.

    What it is made of is fixed when it is built: its :class:`AssistantParts`
    (definitions, action generator, experts) and its :class:`SharedServices` (settings,
    embedder, graph connection, checkpointer). :meth:`derive` builds a variant with
    other parts and the same services. ``parts`` and ``shared`` are for that path;
    without them the configured parts are loaded and the services opened.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        checkpointer: BaseCheckpointSaver | None = None,
        experts: Mapping[str, Expert] | None = None,
        parts: AssistantParts | None = None,
        shared: SharedServices | None = None,
    ) -> None:
        if shared is not None and (settings is not None or checkpointer is not None):
            raise TypeError("an Assistant given `shared` takes its settings and checkpointer there")
        if parts is not None and experts is not None:
            raise TypeError("an Assistant given `parts` takes its experts there")
        settings = shared.settings if shared is not None else settings or get_settings()
        self._parts = parts if parts is not None else AssistantParts.load(experts)
        self._shared = (
            shared if shared is not None else SharedServices.open(settings, self.meta, checkpointer)
        )
        self._planner: Planner | None = None
        # Compiled once, here: the parts it is built from cannot change afterwards.
        self._graph = build_graph(self._context()).compile(checkpointer=self.checkpointer)

    def derive(
        self,
        *,
        meta: MetaAgentDefinition | None = None,
        generator: ActionGenerator | None = None,
        experts: Mapping[str, Expert] | None = None,
    ) -> Assistant:
        """A new Assistant with the parts given replaced, compiled on its own, sharing this
        one's settings, models, embedder, graph connection, checkpointer and tool search.

        This Assistant is left as it is. Used for the evaluation's baselines and the web
        chat's per-session models and retries.
        """
        parts = self._parts.replace(meta=meta, generator=generator, experts=experts)
        return Assistant(parts=parts, shared=self._shared)

    # -- what it is made of ----------------------------------------------------------------
    @property
    def parts(self) -> AssistantParts:
        return self._parts

    @property
    def shared(self) -> SharedServices:
        return self._shared

    @property
    def meta(self) -> MetaAgentDefinition:
        return self._parts.meta

    @property
    def generator(self) -> ActionGenerator:
        return self._parts.generator

    @property
    def experts(self) -> Mapping[str, Expert]:
        return self._parts.experts

    @property
    def settings(self) -> Settings:
        return self._shared.settings

    @property
    def embedder(self) -> Embedder:
        return self._shared.embedder

    @property
    def checkpointer(self) -> BaseCheckpointSaver:
        return self._shared.checkpointer

    @property
    def compiled(self) -> Any:
        """The LangGraph graph built from this Assistant's parts, compiled at construction."""
        return self._graph

    # -- graph access ----------------------------------------------------------------------
    @property
    def driver(self) -> Any:
        """The Neo4j driver, opened (and the schema and tool documentation loaded) on first
        use; the same for this Assistant and every variant derived from it."""
        return self._shared.graph.driver

    @property
    def planner(self) -> Planner:
        """The planner over the quantity graph in Neo4j (read once), or over the tools'
        own declarations when the policy retrieves nothing from the graph."""
        if self._planner is None:
            registry = get_registry()
            if self.meta.policy.tool_retrieval == "graph":
                edges = self._shared.graph.run(read_quantity_edges)
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

        hits = self._shared.graph.run(
            lambda driver: search_tools(driver, self.embedder, question, k=k)
        )
        return [hit.model_dump() for hit in hits]

    def find_passages(self, question: str, k: int) -> list[dict[str, Any]]:
        """The ``k`` chunks of the knowledge graph nearest to ``question`` (vector search),
        with their scores; reconnects once like :meth:`find_tools`."""
        from peoa.graph.retrieve import VectorRetriever

        result = self._shared.graph.run(
            lambda driver: VectorRetriever(driver, self.embedder).search(question, k=k)
        )
        return [item.model_dump() for item in result.items]

    def _context(self) -> AgentContext:
        return AgentContext(
            meta=self.meta,
            generator=self.generator,
            experts=dict(self.experts),
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
        updates = self._graph.stream(
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
        """Close the graph connection, which variants share: the next use by any of them
        opens it again."""
        self._shared.graph.close()


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
