"""What an :class:`~peoa.agent.Assistant` is made of, fixed when it is built.

:class:`AssistantParts` is what a variant may change: the meta-agent's definitions,
the action generator and the experts. :class:`SharedServices` is what every variant
of an Assistant shares with it: the settings, the embedder, the graph connection and
the conversation memory. Both are frozen; a variant is a new Assistant built from
other parts and the same services, never a patched copy.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from peoa.exceptions import PeoaError

if TYPE_CHECKING:
    from langgraph.checkpoint.base import BaseCheckpointSaver

    from peoa.agent.action_generator import ActionGenerator
    from peoa.agent.connection import GraphConnection
    from peoa.agent.definitions import MetaAgentDefinition
    from peoa.config import Settings
    from peoa.experts.base import Expert
    from peoa.llm.embeddings import Embedder

__all__ = ["AssistantParts", "SharedServices"]


@dataclass(frozen=True)
class AssistantParts:
    """The definitions, action generator and experts one Assistant's graph is built from."""

    meta: MetaAgentDefinition
    generator: ActionGenerator
    experts: Mapping[str, Expert]

    def __post_init__(self) -> None:
        if not self.experts:
            raise PeoaError("no experts are installed: check the experts/ folder")
        # A read-only copy: the mapping the caller passed in may change later, these not.
        object.__setattr__(self, "experts", MappingProxyType(dict(self.experts)))

    @classmethod
    def load(cls, experts: Mapping[str, Expert] | None = None) -> AssistantParts:
        """The configured parts: ``agents/`` definitions, the installed experts (unless
        ``experts`` are given) and the action generator on its role's model."""
        from peoa.agent.action_generator import ActionGenerator
        from peoa.agent.definitions import load_definitions
        from peoa.experts import load_experts
        from peoa.llm import get_llm

        meta, generator_definition = load_definitions()
        experts = experts if experts is not None else load_experts()
        if not experts:  # before the generator's model is opened, which takes a while
            raise PeoaError("no experts are installed: check the experts/ folder")
        generator = ActionGenerator(get_llm(generator_definition.role), generator_definition)
        return cls(meta=meta, generator=generator, experts=experts)

    def replace(
        self,
        *,
        meta: MetaAgentDefinition | None = None,
        generator: ActionGenerator | None = None,
        experts: Mapping[str, Expert] | None = None,
    ) -> AssistantParts:
        """New parts with those given replaced; these parts stay as they are."""
        return dataclasses.replace(
            self,
            meta=self.meta if meta is None else meta,
            generator=self.generator if generator is None else generator,
            experts=self.experts if experts is None else experts,
        )


@dataclass(frozen=True)
class SharedServices:
    """What an Assistant shares with every variant derived from it, held by reference."""

    settings: Settings
    embedder: Embedder
    graph: GraphConnection
    checkpointer: BaseCheckpointSaver

    @classmethod
    def open(
        cls,
        settings: Settings,
        meta: MetaAgentDefinition,
        checkpointer: BaseCheckpointSaver | None = None,
    ) -> SharedServices:
        """The configured embedder, a graph connection opened on first use, and
        ``checkpointer`` or the one ``meta.memory`` names."""
        from peoa.agent.connection import GraphConnection
        from peoa.agent.memory import make_checkpointer
        from peoa.llm import get_embedder

        embedder = get_embedder()
        return cls(
            settings=settings,
            embedder=embedder,
            graph=GraphConnection(settings, embedder),
            checkpointer=make_checkpointer(meta.memory.checkpointer, settings.data_dir)
            if checkpointer is None
            else checkpointer,
        )
