"""The HTTP server's own settings (``PEOA_SERVER_*`` variables or ``[server]`` in code).

They live apart from :mod:`peoa.config` because only ``peoa serve`` reads them.
"""

from __future__ import annotations

import ipaddress

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["LOOPBACK_HOSTS", "ServerSettings", "is_loopback"]

LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback(host: str) -> bool:
    """True when ``host`` only accepts connections from this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host.lower() in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class ServerSettings(BaseSettings):
    """How ``peoa serve`` listens, limits and authenticates."""

    model_config = SettingsConfigDict(env_prefix="PEOA_SERVER_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = Field(8000, ge=0, le=65535)
    max_upload_mb: float = Field(25.0, gt=0, description="Largest accepted upload (413 above).")
    default_rate_per_minute: int = Field(
        60, ge=1, description="Rate limit given to new API keys unless --rate says otherwise."
    )
    require_auth: bool | None = Field(
        None,
        description="Force API keys on (True) or off (False); by default they are required "
        "exactly when the server binds to a non-loopback address.",
    )
    cors_origins: list[str] = Field(
        default_factory=list, description="Origins allowed by CORS; empty turns CORS off."
    )
    web_chat: bool = Field(True, description="Serve the Gradio web chat at /chat.")
    max_concurrent_solves: int = Field(
        32, ge=1, description="Solves running or queued at once; more get 503."
    )
    startup_wait_s: float = Field(
        300.0,
        ge=0,
        description="How long a request made while PEOA is starting (loading its models) "
        "waits for it before a 503; 0 answers 503 at once.",
    )
    malloc_arenas: int = Field(
        2,
        ge=0,
        description="glibc malloc arenas for the server process (0: glibc's default of "
        "eight per core); a set MALLOC_ARENA_MAX wins. See peoa.server.allocator.",
    )

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def auth_required(self) -> bool:
        if self.require_auth is not None:
            return self.require_auth
        return not is_loopback(self.host)
