"""Where PEOA keeps its files, and where it finds its declarative definitions.

User state follows the XDG base-directory convention through ``platformdirs``:
data (the managed Neo4j's store, models, adapters, conversation memory) under the
user data directory, re-creatable downloads (Maven repository, wheels) under the
user cache directory. Both can be moved with ``PEOA_DATA_DIR`` / ``PEOA_CACHE_DIR``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["resource_dir"]

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return the folder of a declarative resource (``agents``, ``experts``, ...).

    An installed wheel carries them under ``peoa/_data``; a source checkout (or an
    editable install) has them at the top of the repository.

    >>> resource_dir("graph_schema").name
    'graph_schema'
    """
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"PEOA resource folder {name!r} is missing from this installation")
