"""Shared loaders for the dataset and knowledge-base tests."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from peoa.paths import resource_dir

__all__ = [
    "FRONT_MATTER",
    "dev_records",
    "knowledge_notes",
    "load_builder",
    "load_script",
    "split_front_matter",
]

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def load_builder() -> ModuleType:
    """Import ``datasets/build_dev.py`` as a module (it is a script, not a package)."""
    path = resource_dir("datasets") / "build_dev.py"
    spec = importlib.util.spec_from_file_location("peoa_build_dev", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses resolve annotations through sys.modules, so register before executing
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def dev_records(path: Path | None = None) -> list[dict[str, Any]]:
    path = path or resource_dir("datasets") / "dev.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return (metadata, body) of a note; metadata is empty when there is none."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = yaml.safe_load(match.group(1)) or {}
    return meta, text[match.end() :]


def knowledge_notes() -> list[Path]:
    return sorted(resource_dir("knowledge").rglob("*.md"))


def load_script(name: str) -> ModuleType:
    """Import ``datasets/<name>.py`` (a build script, not a package) as a module."""
    path = resource_dir("datasets") / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"peoa_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module
