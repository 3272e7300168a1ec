"""Find the experts' manifests, check them, and build their runtimes.

Manifests are ``<root>/<name>/expert.toml``. The roots are PEOA's own ``experts/``
folder (:func:`peoa.paths.resource_dir`) followed by the folders listed in
``PEOA_EXPERTS_PATH`` (``os.pathsep``-separated); a root may also be a single expert
folder. An expert found under ``PEOA_EXPERTS_PATH`` replaces a built-in of the same
name, so a user can change a prompt without touching the installation.

Runtimes come from the ``peoa.experts`` entry-point group: each entry point names an
:class:`~peoa.experts.base.Expert` subclass, and a manifest's ``runtime`` picks one by
entry-point name. PEOA's own runtimes are registered the same way in its
``pyproject.toml``.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from importlib.metadata import entry_points
from pathlib import Path

from pydantic import ValidationError

from peoa.exceptions import ConfigError
from peoa.experts.base import Expert, ExpertManifest
from peoa.experts.errors import ExpertError, ManifestError, UnknownExpertError
from peoa.paths import resource_dir

__all__ = [
    "ENTRY_POINT_GROUP",
    "ENV_VAR",
    "MANIFEST",
    "build_expert",
    "discover_manifests",
    "expert_roots",
    "load_experts",
    "read_manifest",
    "runtime_classes",
]

ENTRY_POINT_GROUP = "peoa.experts"
ENV_VAR = "PEOA_EXPERTS_PATH"
MANIFEST = "expert.toml"

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def expert_roots() -> list[Path]:
    """The folders searched for experts: the built-in one, then ``PEOA_EXPERTS_PATH``."""
    roots = [resource_dir("experts")]
    for entry in os.environ.get(ENV_VAR, "").split(os.pathsep):
        if not entry.strip():
            continue
        path = Path(entry).expanduser()
        if not path.is_dir():
            raise ConfigError(
                f"{ENV_VAR} names {entry!r}, which is not a folder; fix or remove that entry"
            )
        roots.append(path)
    return roots


def _field_error(path: Path, error: ValidationError) -> ManifestError:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    message = first["msg"]
    if first["type"] == "extra_forbidden":
        allowed = ", ".join(name for name in ExpertManifest.model_fields if name != "folder")
        message = f"unknown field; the fields are {allowed}"
    elif first["type"] == "missing":
        message = "this required field is missing"
    return ManifestError(f"{path}: field {where!r}: {message}")


def read_manifest(path: Path) -> ExpertManifest:
    """Read and check one ``expert.toml``; every problem names the file and the field."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ManifestError(f"{path}: cannot be read ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise ManifestError(f"{path}: not valid TOML ({error})") from None
    if "folder" in data:
        raise ManifestError(f"{path}: field 'folder': is set by PEOA, remove it")
    try:
        manifest = ExpertManifest.model_validate(data)
    except ValidationError as error:
        raise _field_error(path, error) from None
    folder = path.parent
    if not _NAME.match(manifest.name):
        raise ManifestError(
            f"{path}: field 'name': {manifest.name!r} must be snake_case (a-z, 0-9, _)"
        )
    if manifest.name != folder.name:
        raise ManifestError(
            f"{path}: field 'name': {manifest.name!r} differs from its folder {folder.name!r}; "
            "make them the same"
        )
    if not manifest.description.strip():
        raise ManifestError(f"{path}: field 'description': is empty; say what the expert does")
    for key, filename in manifest.prompts.items():
        target = (folder / filename).resolve()
        if folder.resolve() not in target.parents or not target.is_file():
            raise ManifestError(
                f"{path}: field 'prompts.{key}': {filename!r} is not a file in {folder}"
            )
    return manifest.model_copy(update={"folder": folder})


def _manifest_paths(root: Path) -> list[Path]:
    if (root / MANIFEST).is_file():
        return [root / MANIFEST]
    return sorted(p / MANIFEST for p in root.iterdir() if (p / MANIFEST).is_file())


def discover_manifests(roots: Iterable[Path] | None = None) -> dict[str, ExpertManifest]:
    """Every expert's manifest by name; a later root replaces an earlier one's expert."""
    found: dict[str, ExpertManifest] = {}
    for root in expert_roots() if roots is None else [Path(r) for r in roots]:
        seen: dict[str, Path] = {}
        for path in _manifest_paths(root):
            manifest = read_manifest(path)
            if manifest.name in seen:
                raise ManifestError(
                    f"{path}: field 'name': {manifest.name!r} is also declared by "
                    f"{seen[manifest.name]}; rename one of them"
                )
            seen[manifest.name] = path
            found[manifest.name] = manifest
    return found


def runtime_classes(group: str = ENTRY_POINT_GROUP) -> dict[str, type[Expert]]:
    """The expert runtimes registered in the entry-point ``group``, by entry-point name."""
    classes: dict[str, type[Expert]] = {}
    for point in sorted(entry_points(group=group), key=lambda p: p.name):
        try:
            loaded = point.load()
        except Exception as error:
            raise ExpertError(
                f"expert runtime {point.name!r} ({point.value}) failed to import: "
                f"{type(error).__name__}: {error}; fix or uninstall the package that declares it"
            ) from error
        if not (isinstance(loaded, type) and issubclass(loaded, Expert)):
            raise ExpertError(
                f"expert runtime {point.name!r} ({point.value}) is not an Expert subclass; "
                "an entry point in 'peoa.experts' must name one"
            )
        classes[point.name] = loaded
    return classes


def build_expert(
    manifest: ExpertManifest, runtimes: Mapping[str, type[Expert]] | None = None
) -> Expert:
    """The runtime object for ``manifest``; an unknown runtime or role is a manifest error."""
    runtimes = runtime_classes() if runtimes is None else runtimes
    where = (manifest.folder / MANIFEST) if manifest.folder else manifest.name
    cls = runtimes.get(manifest.runtime)
    if cls is None:
        known = ", ".join(sorted(runtimes)) or "none"
        raise UnknownExpertError(
            f"{where}: field 'runtime': no expert runtime {manifest.runtime!r} is registered "
            f"(registered: {known}); check the name or install the plugin that provides it"
        )
    from peoa.config import get_settings

    try:
        get_settings().models.for_role(manifest.role)
    except ConfigError as error:
        raise ManifestError(f"{where}: field 'role': {error}") from None
    return cls(manifest)


def load_experts(
    roots: Iterable[Path] | None = None, runtimes: Mapping[str, type[Expert]] | None = None
) -> dict[str, Expert]:
    """Every discovered expert, built and ready to :meth:`~peoa.experts.base.Expert.run`.

    Models and the graph are opened lazily, on an expert's first run; the tool registry
    is loaded now, so that a manifest naming an unknown tool fails here.

    >>> sorted(load_experts())
    ['calculation', 'code', 'knowledge', 'math']
    """
    runtimes = runtime_classes() if runtimes is None else runtimes
    return {name: build_expert(m, runtimes) for name, m in discover_manifests(roots).items()}
