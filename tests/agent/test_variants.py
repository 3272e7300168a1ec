"""Variants of an Assistant: new Assistants built from other parts, sharing the base's services.

On the real models, tools and Neo4j. A variant (``Assistant.derive``, the evaluation's
baselines, the web chat's per-session settings) must share the base's graph connection
and checkpointer, run on a graph compiled from its own parts, and leave the base as it was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from peoa.agent import Assistant
from peoa.config import Settings
from peoa.evaluation.variants import build_solver
from peoa.server.variants import SessionSettings, Variants

QUESTION = "Convert 5 bar to kPa."


@pytest.fixture(scope="module")
def assistant(neo4j_driver: Any, settings: Settings) -> Iterator[Assistant]:
    helper = Assistant(settings, checkpointer=InMemorySaver())
    yield helper
    helper.close()


def _composition(assistant: Assistant) -> tuple[Any, ...]:
    """Every object the Assistant is made of, to compare by identity."""
    experts = assistant.experts.values()
    return (
        assistant.parts,
        assistant.meta,
        assistant.meta.limits,
        assistant.meta.policy,
        assistant.generator,
        assistant.experts,
        *experts,
        *(e.manifest for e in experts),
        assistant.compiled,
    )


def _same_objects(now: tuple[Any, ...], before: tuple[Any, ...]) -> bool:
    return len(now) == len(before) and all(a is b for a, b in zip(now, before, strict=True))


def _shares_services(variant: Assistant, base: Assistant) -> None:
    assert variant is not base
    assert variant.shared.graph is base.shared.graph
    assert variant.checkpointer is base.checkpointer
    assert variant.embedder is base.embedder
    assert variant.settings is base.settings
    assert variant.compiled is not base.compiled


def test_a_derived_variant_shares_the_services_runs_its_own_graph_and_leaves_the_base(
    assistant: Assistant,
) -> None:
    before = _composition(assistant)
    policy = assistant.meta.policy.model_copy(update={"tool_retrieval": "none"})
    variant = assistant.derive(meta=assistant.meta.model_copy(update={"policy": policy}))

    _shares_services(variant, assistant)
    assert _same_objects(_composition(assistant), before)
    assert assistant.meta.policy.tool_retrieval == "graph"
    assert variant.generator is assistant.generator
    assert all(variant.experts[n] is e for n, e in assistant.experts.items())

    # Each runs on the graph compiled from its own definitions: the variant retrieves no
    # tool candidates, the base still does, and both answer on the one checkpointer.
    solved = variant.solve(QUESTION, thread_id="variant")
    assert solved.status == "answered" and solved.candidate_tools == []
    base_solved = assistant.solve(QUESTION, thread_id="base")
    assert base_solved.status == "answered" and base_solved.candidate_tools
    assert [t["question"] for t in assistant.history("variant")] == [QUESTION]
    assert [t["question"] for t in variant.history("base")] == [QUESTION]


def test_a_reconnect_made_by_a_variant_is_the_driver_the_base_uses(assistant: Assistant) -> None:
    limits = assistant.meta.limits.model_copy(update={"max_steps": 2})
    variant = assistant.derive(meta=assistant.meta.model_copy(update={"limits": limits}))
    first = assistant.driver
    assert variant.driver is first

    variant.shared.graph.drop(first)  # what a lost connection leads to
    renewed = variant.driver
    assert renewed is not first
    assert assistant.driver is renewed
    assert assistant.find_tools(QUESTION, 3), "no tools through the renewed connection"


def test_the_composition_cannot_be_patched(assistant: Assistant) -> None:
    with pytest.raises(AttributeError):
        assistant.meta = assistant.meta  # type: ignore[misc]
    with pytest.raises(TypeError):
        assistant.experts["extra"] = next(iter(assistant.experts.values()))  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        assistant.parts.generator = assistant.generator  # type: ignore[misc]


def test_evaluation_baselines_are_derived_without_changing_the_assistant(
    assistant: Assistant, settings: Settings
) -> None:
    before = _composition(assistant)
    revisions = {n: e.manifest.max_revisions for n, e in assistant.experts.items()}

    no_revision = build_solver("no-revision", assistant, settings).__self__
    _shares_services(no_revision, assistant)
    assert no_revision.meta.limits.max_revisions_total == 0
    for name, expert in no_revision.experts.items():
        assert expert is not assistant.experts[name]
        assert type(expert) is type(assistant.experts[name])
        assert expert.manifest.max_revisions == 0

    no_graph = build_solver("no-graph", assistant, settings).__self__
    _shares_services(no_graph, assistant)
    assert no_graph.meta.policy.tool_retrieval == "none"
    assert "knowledge" not in no_graph.experts and "knowledge" in assistant.experts

    no_adapters = build_solver("no-adapters", assistant, settings).__self__
    _shares_services(no_adapters, assistant)
    assert no_adapters.generator is not assistant.generator
    assert no_adapters.generator.adapter is None
    assert all(e.manifest.adapter is None for e in no_adapters.experts.values())

    assert _same_objects(_composition(assistant), before)
    assert {n: e.manifest.max_revisions for n, e in assistant.experts.items()} == revisions
    assert assistant.meta.limits.max_revisions_total > 0


def test_web_chat_variants_are_derived_and_cached_without_changing_the_base(
    assistant: Assistant,
) -> None:
    before = _composition(assistant)
    retries = assistant.meta.limits.max_revisions_per_step + 1
    variants = Variants(assistant)

    variant = variants.get(SessionSettings(retries=retries))
    _shares_services(variant, assistant)
    assert variant.meta.limits.max_revisions_per_step == retries
    assert variants.get(SessionSettings(retries=retries)) is variant
    assert variants.get(SessionSettings()) is assistant
    assert _same_objects(_composition(assistant), before)
