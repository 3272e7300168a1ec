"""API keys: created once, shown once, stored hashed, each with its own rate limit.

A key reads ``peoa-<id>.<secret>``. The id is public and finds the record; the secret
is only kept as ``HMAC-SHA256(pepper, salt + secret)``, with a random salt per key and
a pepper kept in its own file (mode 0600) beside the key file, so a leaked key file
alone lets nobody in. Keys carry 256 bits of randomness, which is why a fast keyed
hash is enough (there is nothing to brute-force as with a password).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from collections import deque
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from peoa.exceptions import PeoaError

__all__ = ["ApiKey", "KeyStore", "KeyStoreError", "RateLimiter"]

_PREFIX = "peoa-"


class KeyStoreError(PeoaError):
    """The API key file cannot be read or written, or a key id is unknown."""


class ApiKey(BaseModel):
    """A stored key: everything but the secret."""

    id: str
    name: str = ""
    rate_per_minute: int = Field(ge=1)
    created: str
    salt: str
    hash: str


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as sink:
        sink.write(text)
    os.replace(temporary, path)  # a crash never leaves half a key file


class KeyStore:
    """The keys of one data directory (``<data_dir>/server/api_keys.json``)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "api_keys.json"
        self.pepper_path = folder / "pepper"
        self._lock = threading.Lock()
        self._keys: dict[str, ApiKey] = {}
        self._mtime: float | None = None
        self._pepper_bytes: bytes | None = None

    # -- storage -----------------------------------------------------------------------
    def _pepper(self) -> bytes:
        # Read once: every authenticated request needs it, and it never changes.
        if self._pepper_bytes is None:
            if not self.pepper_path.exists():
                _write_private(self.pepper_path, secrets.token_hex(32))
            self._pepper_bytes = bytes.fromhex(self.pepper_path.read_text().strip())
        return self._pepper_bytes

    def _load(self) -> dict[str, ApiKey]:
        """The keys on disk, re-read when the file changed (keys made while serving work)."""
        try:
            mtime = self.path.stat().st_mtime
        except FileNotFoundError:
            self._keys, self._mtime = {}, None
            return self._keys
        if mtime != self._mtime:
            try:
                raw = json.loads(self.path.read_text())
                self._keys = {item["id"]: ApiKey.model_validate(item) for item in raw["keys"]}
            except (OSError, ValueError, KeyError, TypeError) as error:
                raise KeyStoreError(
                    f"cannot read the API key file {self.path}: {error}; fix or delete it and "
                    "create new keys with 'peoa serve keys create'"
                ) from None
            self._mtime = mtime
        return self._keys

    def _save(self, keys: dict[str, ApiKey]) -> None:
        payload = {"keys": [key.model_dump() for key in keys.values()]}
        _write_private(self.path, json.dumps(payload, indent=2))
        self._mtime = None  # re-read on the next access

    def _digest(self, salt: str, secret: str) -> str:
        return hmac.new(self._pepper(), (salt + secret).encode(), hashlib.sha256).hexdigest()

    # -- public API --------------------------------------------------------------------
    def create(self, rate_per_minute: int, name: str = "") -> tuple[ApiKey, str]:
        """A new key; returns its record and the full key, which is never stored."""
        with self._lock:
            keys = dict(self._load())
            key_id = secrets.token_hex(6)
            secret = secrets.token_urlsafe(32)
            salt = secrets.token_hex(16)
            record = ApiKey(
                id=key_id,
                name=name,
                rate_per_minute=rate_per_minute,
                created=datetime.now(UTC).isoformat(timespec="seconds"),
                salt=salt,
                hash=self._digest(salt, secret),
            )
            keys[key_id] = record
            self._save(keys)
        return record, f"{_PREFIX}{key_id}.{secret}"

    def list(self) -> list[ApiKey]:
        with self._lock:
            return list(self._load().values())

    def revoke(self, key_id: str) -> None:
        with self._lock:
            keys = dict(self._load())
            if keys.pop(key_id, None) is None:
                raise KeyStoreError(
                    f"no API key has id {key_id!r}; 'peoa serve keys list' shows the ids"
                )
            self._save(keys)

    def verify(self, presented: str) -> ApiKey | None:
        """The key's record when ``presented`` is a valid key, else None."""
        if not presented.startswith(_PREFIX) or "." not in presented:
            return None
        key_id, _, secret = presented.removeprefix(_PREFIX).partition(".")
        with self._lock:
            record = self._load().get(key_id)
        if record is None:
            return None
        if not hmac.compare_digest(record.hash, self._digest(record.salt, secret)):
            return None
        return record


class RateLimiter:
    """A sliding one-minute window of request times per key."""

    def __init__(self, window_s: float = 60.0) -> None:
        self.window_s = window_s
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key_id: str, limit: int) -> float | None:
        """Count one request; None when allowed, else seconds until one is allowed again."""
        now = time.monotonic()
        with self._lock:
            times = self._seen.setdefault(key_id, deque())
            while times and times[0] <= now - self.window_s:
                times.popleft()
            if len(times) >= limit:
                return max(times[0] + self.window_s - now, 0.0)
            times.append(now)
            return None
