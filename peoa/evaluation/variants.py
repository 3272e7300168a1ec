"""The configurations an evaluation compares: PEOA itself and the paper's baselines.

Each baseline is a named variant of the configured :class:`~peoa.agent.Assistant`,
switched through the settings and agent definitions that already exist:

========================  ==============================================================
``peoa``                  PEOA as configured
``direct``                the action generator's base model answers directly (one call)
``no-graph``              ``policy.tool_retrieval = "none"`` and no knowledge expert
``no-revision``           every revision limit set to 0 (no second plan, no repair)
``no-adapters``           every LoRA adapter removed (base models only)
``openai[:MODEL]``        a configured OpenAI-compatible model answers directly
``react``                 LangGraph's prebuilt ReAct agent: the calculation model calling
                          the tools retrieved for the question (:mod:`.react`)
========================  ==============================================================

A variant that would be meaningless here (no adapter configured, no endpoint) is
skipped with its reason rather than run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from peoa.config import Settings
from peoa.evaluation.direct import DirectSolver
from peoa.exceptions import PeoaError

if TYPE_CHECKING:
    from peoa.agent.assistant import Assistant
    from peoa.experts.base import Expert

__all__ = [
    "BASELINES",
    "DESCRIPTIONS",
    "VariantError",
    "build_solver",
    "openai_model",
    "parse_baselines",
    "skip_reason",
]

BASELINES = ("direct", "no-graph", "no-revision", "no-adapters", "openai", "react")
DESCRIPTIONS = {
    "peoa": "PEOA as configured",
    "direct": "base model answering directly (one chat call, number and unit parsed)",
    "no-graph": "PEOA without graph retrieval (no retrieved tools, no knowledge expert)",
    "no-revision": "PEOA without the revision loop (0 revisions)",
    "no-adapters": "PEOA without LoRA adapters (base models only)",
    "openai": "OpenAI-compatible model answering directly",
    "react": "LangGraph prebuilt ReAct agent: calculation model calling the retrieved tools",
}


class VariantError(PeoaError):
    """An unknown baseline name."""


def parse_baselines(names: list[str]) -> list[str]:
    """Check and expand ``--baselines`` (``all`` means every baseline), keeping order.

    >>> parse_baselines(["no-graph", "direct", "no-graph"])
    ['no-graph', 'direct']
    >>> parse_baselines(["all"])
    ['direct', 'no-graph', 'no-revision', 'no-adapters', 'openai', 'react']
    """
    wanted: list[str] = []
    for raw in names:
        for name in (n.strip() for n in raw.split(",")):
            if not name:
                continue
            expanded = list(BASELINES) if name == "all" else [name]
            for one in expanded:
                if one.split(":", 1)[0] not in BASELINES:
                    raise VariantError(
                        f"unknown baseline {one!r}; choose from {', '.join(BASELINES)}, "
                        "openai:MODEL or all"
                    )
                if one not in wanted:
                    wanted.append(one)
    return wanted


def openai_model(variant: str, settings: Settings) -> str | None:
    """The OpenAI-compatible model an ``openai`` variant uses: named, or the first role's."""
    if ":" in variant:
        return variant.split(":", 1)[1] or None
    roles = settings.models.model_dump()
    for value in roles.values():
        if isinstance(value, str) and value.startswith("openai:"):
            return value.removeprefix("openai:")
    return None


def _adapters(assistant: Any) -> list[str]:
    """The adapters this configuration applies: a manifest's adapter counts only when its
    role runs the adapter's base model (``ModelExpert.adapter``), and the action
    generator's only when the policy lets it choose among plans."""
    chooses = assistant.meta.policy.plan_choice == "model"
    found = [assistant.generator.adapter] if chooses and assistant.generator.adapter else []
    for expert in assistant.experts.values():
        applied = getattr(expert, "adapter", expert.manifest.adapter)
        if applied:
            found.append(applied)
    return found


def skip_reason(variant: str, assistant: Any, settings: Settings) -> str | None:
    """Why ``variant`` is not run with this configuration, or None to run it."""
    if variant == "no-adapters" and not _adapters(assistant):
        return "no LoRA adapter is configured, so this is the same configuration as peoa"
    if variant.startswith("openai"):
        model = openai_model(variant, settings)
        if model is None:
            return (
                "no OpenAI-compatible model is configured: name one with --baselines "
                "openai:MODEL or set a role's model to openai:MODEL"
            )
        if settings.openai.api_key is None and settings.openai.base_url is None:
            return f"openai:{model} needs OPENAI_API_KEY or OPENAI_BASE_URL, and neither is set"
    return None


def _with_manifest(expert: Expert, **changes: Any) -> Expert:
    """The expert's runtime, built again over its manifest with ``changes``."""
    return expert.with_manifest(expert.manifest.model_copy(update=changes))


def _no_graph(assistant: Assistant) -> Assistant:
    experts = {n: e for n, e in assistant.experts.items() if e.manifest.runtime != "knowledge"}
    policy = assistant.meta.policy.model_copy(update={"tool_retrieval": "none"})
    meta = assistant.meta.model_copy(update={"policy": policy})
    return assistant.derive(meta=meta, experts=experts)


def _no_revision(assistant: Assistant) -> Assistant:
    experts = {n: _with_manifest(e, max_revisions=0) for n, e in assistant.experts.items()}
    limits = assistant.meta.limits.model_copy(
        update={"max_revisions_per_step": 0, "max_revisions_total": 0}
    )
    meta = assistant.meta.model_copy(update={"limits": limits})
    return assistant.derive(meta=meta, experts=experts)


def _no_adapters(assistant: Assistant) -> Assistant:
    from peoa.agent.action_generator import ActionGenerator

    experts = {n: _with_manifest(e, adapter=None) for n, e in assistant.experts.items()}
    base = assistant.generator
    # An empty adapter name is the definition's "none" (``fitting_adapter`` gives None).
    definition = base.definition.model_copy(update={"adapter": ""})
    return assistant.derive(generator=ActionGenerator(base.llm, definition), experts=experts)


def build_solver(variant: str, assistant: Any, settings: Settings) -> Any:
    """A ``question -> Solution`` callable for ``variant``, derived from ``assistant``.

    PEOA variants are new Assistants built by :meth:`~peoa.agent.Assistant.derive`: they
    share the assistant's models, graph connection and checkpointer, differ in their
    definitions, action generator or experts, and leave ``assistant`` as it is.
    """
    if variant == "peoa":
        return assistant.solve
    if variant == "direct":
        return DirectSolver(assistant.generator.llm)
    if variant == "react":
        from peoa.evaluation.react import ReactSolver

        return ReactSolver.from_assistant(assistant, settings)
    if variant.startswith("openai"):
        from peoa.llm.factory import llm_for
        from peoa.llm.models import resolve

        model = openai_model(variant, settings)
        if model is None:
            raise VariantError(skip_reason(variant, assistant, settings) or variant)
        return DirectSolver(llm_for(resolve(f"openai:{model}", settings), settings))
    builders: dict[str, Callable[[Assistant], Assistant]] = {
        "no-graph": _no_graph,
        "no-revision": _no_revision,
        "no-adapters": _no_adapters,
    }
    if variant not in builders:
        raise VariantError(f"unknown variant {variant!r}")
    return builders[variant](assistant).solve
