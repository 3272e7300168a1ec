"""PEOA over HTTP: its own API, an OpenAI-compatible endpoint, and a web chat.

>>> from peoa.server import ServerSettings
>>> ServerSettings(host="0.0.0.0").auth_required
True
"""

from peoa.server.app import create_app
from peoa.server.settings import ServerSettings

__all__ = ["ServerSettings", "create_app"]
