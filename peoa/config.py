"""PEOA's configuration: one typed object, read from the environment and ``peoa.toml``.

Precedence, highest first: explicit arguments, ``PEOA_*`` variables (nested with
``__``, e.g. ``PEOA_NEO4J__PORT``), the standard variables other tools use
(``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``OPENAI_API_KEY``,
``OPENAI_BASE_URL``), ``peoa.toml``, then the defaults below.

``peoa.toml`` is looked up at ``$PEOA_CONFIG``, then ``./peoa.toml``, then the user
config directory. Its tables mirror the nested models: ``[neo4j]``, ``[models]``,
``[llm]``, ``[openai]``, ``[sandbox]``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from peoa.exceptions import ConfigError
from peoa.sandbox.models import SandboxSettings

__all__ = [
    "STANDARD_ENV_VARIABLES",
    "DisplaySettings",
    "LLMSettings",
    "ModelRoles",
    "Neo4jSettings",
    "OpenAISettings",
    "Settings",
    "config_file",
    "get_settings",
    "load_settings",
]

# Variables that other tools already define; PEOA honours them as they are.
_STANDARD_ENV: dict[str, tuple[str, str]] = {
    "NEO4J_URI": ("neo4j", "uri"),
    "NEO4J_USERNAME": ("neo4j", "username"),
    "NEO4J_PASSWORD": ("neo4j", "password"),
    "NEO4J_DATABASE": ("neo4j", "database"),
    "OPENAI_API_KEY": ("openai", "api_key"),
    "OPENAI_BASE_URL": ("openai", "base_url"),
}
STANDARD_ENV_VARIABLES = frozenset(_STANDARD_ENV)
"""The variables of other tools that PEOA reads besides its own ``PEOA_*``."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Neo4jSettings(_Section):
    """Where the graph lives. Without ``uri`` PEOA runs its own Neo4j on 127.0.0.1."""

    uri: str | None = Field(None, description="External server; when set nothing is started.")
    username: str = "neo4j"
    password: SecretStr | None = Field(
        None, description="Required with an external uri; the managed server generates its own."
    )
    database: str = "neo4j"
    version: str = Field("5.26.30", pattern=r"^5\.26\.\d+$", description="Neo4j 5.26 LTS release.")
    port: int = Field(7687, ge=1, le=65535, description="Bolt port of the managed server.")
    heap: str = Field("512m", pattern=r"^\d+[kmgKMG]$", description="JVM heap (-Xmx).")
    pagecache: str = Field("256m", pattern=r"^\d+[kmgKMG]$", description="Page cache size.")
    start_timeout_s: float = Field(180.0, gt=0)
    owner_pid: int | None = Field(
        None,
        ge=1,
        description="Opt-in: the managed server stops itself once this process has ended.",
    )


class ModelRoles(_Section):
    """The model each role uses, by catalogue name, local path, ``hf:`` id or ``openai:`` name."""

    model_config = ConfigDict(extra="allow")  # experts added later bring their own roles

    action_generator: str = "qwen2.5-coder-0.5b-instruct"
    # The distilled SmolLM2 adapter (experts/calculation/expert.toml) is applied when this
    # is "smollm2-135m-instruct"; it is not the default yet because it learned to pick the
    # first candidate tool and fails on the dev set (README, Distillation).
    calculation: str = "qwen2.5-coder-0.5b-instruct"
    code: str = "qwen2.5-coder-0.5b-instruct"
    knowledge: str = "qwen2.5-coder-0.5b-instruct"
    math: str = "qwen2.5-coder-0.5b-instruct"
    teacher: str = "programmatic"
    embedder: str = "all-minilm-l6-v2"

    def for_role(self, role: str) -> str:
        """Return the model name configured for ``role``, or raise :class:`ConfigError`."""
        value = getattr(self, role, None)
        if value is None and self.model_extra:
            value = self.model_extra.get(role)
        if not isinstance(value, str):
            known = ", ".join(sorted([*type(self).model_fields, *(self.model_extra or {})]))
            raise ConfigError(f"no model is configured for role {role!r}; known roles: {known}")
        return value


class LLMSettings(_Section):
    """Generation settings shared by every local model."""

    n_threads: int | None = Field(None, ge=1, description="llama.cpp threads; default all cores.")
    n_ctx: int = Field(4096, ge=256)
    n_batch: int = Field(
        64,
        ge=1,
        description="Prompt tokens decoded per batch; a call reuses whole batches of the "
        "previous prompt. On a CPU, 64 decodes as fast as 512 and lets a retry reuse all "
        "but the last few tokens of the prompt it repeats.",
    )
    prompt_cache: Literal["blocks", "off", "prefix"] = Field(
        "blocks",
        description="KV cache a llama.cpp call reuses from the previous one: whole n_batch "
        "blocks (a reply depends on its prompt only), none, or any shared prefix (faster, "
        "but a reply may change with the calls before it).",
    )
    lora: Literal["merge", "runtime"] = Field(
        "merge",
        description="How a LoRA adapter is applied: folded into a cached copy of its base "
        "model (as fast as the base) or by llama.cpp at run time (no copy, slower).",
    )
    seed: int = 0
    temperature: float = Field(0.0, ge=0.0, le=2.0)
    max_tokens: int = Field(512, ge=1)
    request_timeout_s: float = Field(120.0, gt=0, description="OpenAI-compatible requests.")


class OpenAISettings(_Section):
    """An OpenAI-compatible endpoint: GPT-4o, vLLM, Ollama, a llama.cpp server."""

    api_key: SecretStr | None = None
    base_url: str | None = None


class DisplaySettings(_Section):
    """How an answer is shown when the question asks for no unit."""

    units: Literal["auto", "si", "us"] = Field(
        "auto",
        description="auto: the question's own units, else the trade's customary unit in "
        "its unit system (US customary when most of its units are); si or us: always "
        "that system's customary unit.",
    )
    significant: int = Field(4, ge=2, le=10, description="Significant figures shown.")


def config_file() -> Path | None:
    """Return the ``peoa.toml`` in effect, if any (see the module docstring)."""
    explicit = os.environ.get("PEOA_CONFIG")
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise ConfigError(f"PEOA_CONFIG points to {path}, which is not a file")
        return path
    for path in (Path.cwd() / "peoa.toml", platformdirs.user_config_path("peoa") / "peoa.toml"):
        if path.is_file():
            return path
    return None


class _StandardEnvSource(PydanticBaseSettingsSource):
    """Reads ``NEO4J_URI``, ``OPENAI_API_KEY`` and friends into their sections."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # everything happens in __call__

    def __call__(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for variable, (section, key) in _STANDARD_ENV.items():
            value = os.environ.get(variable)
            if value:
                found.setdefault(section, {})[key] = value
        return found


class Settings(BaseSettings):
    """The whole configuration; obtain it with :func:`get_settings`."""

    model_config = SettingsConfigDict(
        env_prefix="PEOA_",
        env_nested_delimiter="__",
        extra="ignore",
        validate_default=True,
    )

    data_dir: Path = Field(default_factory=lambda: platformdirs.user_data_path("peoa"))
    cache_dir: Path = Field(default_factory=lambda: platformdirs.user_cache_path("peoa"))
    models_dir: Path | None = Field(
        None, description="Where model files live; default <data_dir>/models."
    )
    neo4j: Neo4jSettings = Field(default_factory=Neo4jSettings)
    models: ModelRoles = Field(default_factory=ModelRoles)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    openai: OpenAISettings = Field(default_factory=OpenAISettings)
    sandbox: SandboxSettings = Field(default_factory=SandboxSettings)
    display: DisplaySettings = Field(default_factory=DisplaySettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [
            init_settings,
            env_settings,
            _StandardEnvSource(settings_cls),
        ]
        toml = config_file()
        if toml is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml))
        return tuple(sources)

    @model_validator(mode="after")
    def _default_models_dir(self) -> Settings:
        if self.models_dir is None:
            self.models_dir = self.data_dir / "models"
        return self

    @property
    def managed_neo4j(self) -> bool:
        """True when PEOA runs its own Neo4j (no ``NEO4J_URI`` configured)."""
        return self.neo4j.uri is None

    def public_dict(self) -> dict[str, Any]:
        """The effective configuration as JSON-ready data, secrets masked."""
        data = self.model_dump(mode="json")
        data["config_file"] = str(config_file() or "") or None
        return data


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "configuration"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def load_settings(**overrides: Any) -> Settings:
    """Build a fresh :class:`Settings`, turning validation failures into :class:`ConfigError`."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        origin = config_file()
        hint = (
            f" (check the PEOA_* variables and {origin})" if origin else " (check PEOA_* variables)"
        )
        raise ConfigError(f"invalid configuration: {_describe(error)}{hint}") from None
    except (OSError, ValueError) as error:  # an unreadable or malformed peoa.toml
        raise ConfigError(f"cannot read the configuration: {error}") from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, loaded once. Tests call ``get_settings.cache_clear()``."""
    return load_settings()
