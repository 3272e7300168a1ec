"""Per-session settings of the web chat: the model for each role and the retry limit.

A variant is a new Assistant derived from the server's (:meth:`Assistant.derive
<peoa.agent.Assistant.derive>`): it shares its checkpointer, graph connection, embedder
and tool search, and has its own action generator, experts and limits; the server's
Assistant is left as it is. Variants are cached by their settings, so a session that
keeps its settings reuses one, and models are shared per process (one llama.cpp
instance and one lock per model file, whoever uses it).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from peoa.agent.assistant import Assistant

__all__ = ["CHAT_ROLES", "SessionSettings", "Variants", "chat_models"]

CHAT_ROLES = ("action_generator", "calculation", "code", "knowledge", "math")


class SessionSettings(BaseModel):
    """What the settings panel may change; None keeps the server's value."""

    models: dict[str, str] = Field(default_factory=dict)  # role -> model name
    retries: int | None = Field(None, ge=0, le=10)  # revisions allowed per step


def chat_models() -> list[str]:
    """The catalogue's chat models that are on this machine."""
    from peoa.config import get_settings
    from peoa.llm.models import catalog, is_downloaded

    settings = get_settings()
    return [
        name
        for name, entry in catalog().items()
        if entry.kind == "gguf" and is_downloaded(entry, settings)
    ]


def _llm(name: str) -> Any:
    # The factory's per-name cache: one LLM object (and lock) per model in the process,
    # which llama.cpp needs since the loaded model itself is shared per file.
    from peoa.llm.factory import _cached_llm

    return _cached_llm(name)


class Variants:
    """Assistants derived from ``base`` for given session settings, built once each."""

    def __init__(self, base: Assistant) -> None:
        self.base = base
        self._cache: dict[str, Assistant] = {}
        self._lock = threading.Lock()

    def defaults(self) -> dict[str, str]:
        """The server's model for each chat role."""
        models = self.base.settings.models
        return {role: models.for_role(role) for role in CHAT_ROLES}

    def get(self, wanted: SessionSettings) -> Assistant:
        defaults = self.defaults()
        changed = {r: m for r, m in wanted.models.items() if r in defaults and m != defaults[r]}
        limits = self.base.meta.limits
        retries = wanted.retries
        if not changed and (retries is None or retries == limits.max_revisions_per_step):
            return self.base
        key = repr((sorted(changed.items()), retries))
        with self._lock:
            if key not in self._cache:
                self._cache[key] = self._build(changed, retries)
            return self._cache[key]

    def _build(self, changed: dict[str, str], retries: int | None) -> Assistant:
        from peoa.agent.action_generator import ActionGenerator
        from peoa.experts.runtime import ModelExpert

        base = self.base
        meta = base.meta
        if retries is not None:
            limits = meta.limits.model_copy(
                update={
                    "max_revisions_per_step": retries,
                    "max_revisions_total": max(retries, meta.limits.max_revisions_total),
                }
            )
            meta = meta.model_copy(update={"limits": limits})
        experts = dict(base.experts)
        for name, expert in base.experts.items():
            role = expert.manifest.role
            # Every built-in runtime takes its model through the constructor; a runtime
            # that talks to no model has none to change.
            if role in changed and isinstance(expert, ModelExpert):
                experts[name] = type(expert)(expert.manifest, llm=_llm(changed[role]))
        generator = base.generator
        if "action_generator" in changed:
            generator = ActionGenerator(_llm(changed["action_generator"]), generator.definition)
        return base.derive(meta=meta, generator=generator, experts=experts)
