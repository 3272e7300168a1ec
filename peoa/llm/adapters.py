"""The adapter registry: LoRA adapters by name, so a manifest's ``adapter`` can name one.

Two registries are read, the user's first:

* ``<data_dir>/adapters/registry.toml``: adapters trained on this machine
  (the ``distill train`` command registers there, next to the GGUF file);
* ``adapters/registry.toml`` shipped with PEOA (top of the repository, or
  ``peoa/_data/adapters`` in a wheel): the distilled adapters PEOA ships.

Each entry records the adapter's name, base model, the hash of its training data,
its evaluation metrics and the GGUF file (relative to the registry's folder).

>>> from peoa.llm.adapters import AdapterRecord
>>> AdapterRecord(name="x", base="smollm2-135m-instruct", role="calculation",
...               path="x.gguf", data_hash="0" * 8).to_toml().splitlines()[0]
'[x]'
"""

from __future__ import annotations

import json
import logging
import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from peoa.exceptions import AdapterError, AdapterNotFoundError

__all__ = [
    "REGISTRY_FILE",
    "AdapterRecord",
    "fitting_adapter",
    "list_adapters",
    "record_metrics",
    "register_adapter",
    "registry_dirs",
    "resolve_adapter",
    "user_adapter_dir",
]

REGISTRY_FILE = "registry.toml"

_log = logging.getLogger(__name__)


class AdapterRecord(BaseModel):
    """One registered adapter."""

    name: str
    base: str  # the model name (catalogue name or path) the adapter was trained on
    role: str
    path: str  # the GGUF adapter, relative to the registry's folder (or absolute)
    data_hash: str
    sha256: str = ""  # of the GGUF file, so a shipped file can be checked against its entry
    lora_rank: int = 0
    lora_alpha: float = 0.0
    steps: int = 0
    created: str = ""
    metrics: dict[str, float] = Field(default_factory=dict)
    folder: Path | None = Field(None, exclude=True)

    @property
    def file(self) -> Path:
        path = Path(self.path)
        return path if path.is_absolute() or self.folder is None else self.folder / path

    def to_toml(self) -> str:
        """This record as a TOML table (values are JSON literals, which TOML accepts)."""
        lines = [
            f"[{json.dumps(self.name) if not self.name.replace('-', '').replace('_', '').isalnum() else self.name}]"
        ]
        for key, value in self.model_dump(exclude={"name", "metrics", "folder"}).items():
            lines.append(f"{key} = {json.dumps(value)}")
        if self.metrics:
            inner = ", ".join(
                f"{json.dumps(k)} = {json.dumps(v)}" for k, v in sorted(self.metrics.items())
            )
            lines.append(f"metrics = {{ {inner} }}")
        return "\n".join(lines) + "\n"


def user_adapter_dir() -> Path:
    """``<data_dir>/adapters``, where locally trained adapters are registered."""
    from peoa.config import get_settings

    return get_settings().data_dir / "adapters"


def _shipped_dir() -> Path | None:
    from peoa.paths import resource_dir

    try:
        return resource_dir("adapters")
    except FileNotFoundError:
        return None


def registry_dirs() -> list[Path]:
    """The registry folders, first match wins: ``PEOA_ADAPTERS_DIR``, the user's, PEOA's."""
    dirs = []
    if os.environ.get("PEOA_ADAPTERS_DIR"):
        dirs.append(Path(os.environ["PEOA_ADAPTERS_DIR"]).expanduser())
    dirs.append(user_adapter_dir())
    shipped = _shipped_dir()
    if shipped is not None:
        dirs.append(shipped)
    return dirs


def _read(folder: Path) -> dict[str, AdapterRecord]:
    path = folder / REGISTRY_FILE
    if not path.is_file():
        return {}
    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise AdapterError(f"{path} is not valid TOML ({error}); fix or delete it") from None
    return {name: AdapterRecord(name=name, folder=folder, **fields) for name, fields in raw.items()}


def list_adapters() -> dict[str, AdapterRecord]:
    """Every registered adapter by name; an earlier registry hides a later one's name."""
    found: dict[str, AdapterRecord] = {}
    for folder in reversed(registry_dirs()):
        found.update(_read(folder))
    return found


def register_adapter(record: AdapterRecord, folder: Path | None = None) -> Path:
    """Add or replace ``record`` in the registry in ``folder`` (default: the user's)."""
    folder = folder or user_adapter_dir()
    folder.mkdir(parents=True, exist_ok=True)
    records = _read(folder)
    records[record.name] = record
    text = "# LoRA adapters by name (written by the 'distill train' command).\n\n" + "\n".join(
        r.to_toml() for _, r in sorted(records.items())
    )
    path = folder / REGISTRY_FILE
    path.write_text(text, encoding="utf-8")
    return path


def record_metrics(name: str, metrics: dict[str, float]) -> Path:
    """Merge ``metrics`` into the entry of adapter ``name``, in the registry that holds it."""
    record = list_adapters().get(name)
    if record is None or record.folder is None:
        raise AdapterNotFoundError(
            f"no LoRA adapter named {name!r} is registered; evaluate a registered adapter "
            "to record its metrics"
        )
    record.metrics = record.metrics | metrics
    return register_adapter(record, record.folder)


def resolve_adapter(name: str) -> Path:
    """The GGUF file of the adapter registered as ``name`` (a path to a file is returned
    as is), for ``LLM.chat(..., adapter=...)``.

    Raises :class:`AdapterNotFoundError` naming the registered adapters otherwise.
    """
    direct = Path(name).expanduser()
    if direct.suffix == ".gguf" and direct.is_file():
        return direct
    records = list_adapters()
    record = records.get(name)
    if record is None:
        known = ", ".join(sorted(records)) or "none"
        raise AdapterNotFoundError(
            f"no LoRA adapter named {name!r} is registered (registered: {known}); "
            "train one with the 'distill train' command of peoa, or fix the name in the manifest"
        )
    if not record.file.is_file():
        raise AdapterNotFoundError(
            f"adapter {name!r} is registered but its file {record.file} is missing; "
            "train it again with the 'distill train' command of peoa"
        )
    return record.file


def fitting_adapter(name: str | None, model: str) -> str | None:
    """``name`` when the adapter was trained on ``model``, else ``None``.

    A manifest names the adapter distilled for its role's default model; a user who
    configures another model for that role (``PEOA_MODELS__CALCULATION=...``) gets
    that model bare, because a LoRA adapter only fits the base it was trained on.
    A GGUF path is taken as given. Raises :class:`AdapterNotFoundError` for a name
    that is not registered.
    """
    if not name:
        return None
    direct = Path(name).expanduser()
    if direct.suffix == ".gguf" and direct.is_file():
        return name
    resolve_adapter(name)  # a clear error for a missing name or file
    base = list_adapters()[name].base
    if Path(base).stem != Path(model).stem:
        _warn_unfit(name, base, model)
        return None
    return name


@lru_cache(maxsize=64)
def _warn_unfit(name: str, base: str, model: str) -> None:
    """Say once per process that a manifest's adapter is left out.

    At info level: the shipped calculation manifest names its SmolLM2 adapter while the
    default configuration runs that role on Qwen (the stronger of the two on the dev
    set, README "Distillation"), so this is the ordinary case, not a fault.
    """
    _log.info(
        "adapter %s was trained on %s, not on %s: running %s without it", name, base, model, model
    )
