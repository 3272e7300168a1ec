"""One way to get a Neo4j driver, whichever server is configured."""

from __future__ import annotations

import logging

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable

from peoa.config import Settings
from peoa.exceptions import Neo4jUnavailable
from peoa.neo4j_server.manager import ManagedNeo4j

__all__ = ["open_driver", "quiet_driver_logs"]


def open_driver(settings: Settings, *, start: bool = True) -> Driver:
    """Return a verified driver for the configured graph.

    With ``NEO4J_URI`` set, that server is used and nothing is started. Otherwise
    PEOA's own server is used, started first when ``start`` is true. Failures become
    :class:`Neo4jUnavailable` with a one-line explanation of the fix.
    """
    config = settings.neo4j
    if config.uri is None:
        managed = ManagedNeo4j(settings)
        if start:
            managed.start()
        uri, auth = managed.uri, ("neo4j", managed.password())
        fix = "run 'peoa neo4j start' (or check 'peoa neo4j logs')"
    else:
        if config.password is None:
            raise Neo4jUnavailable(
                f"NEO4J_URI is set to {config.uri} but NEO4J_PASSWORD is not: set it, "
                "or unset NEO4J_URI to let PEOA run its own Neo4j"
            )
        uri, auth = config.uri, (config.username, config.password.get_secret_value())
        fix = "check that the server runs and NEO4J_URI is right, or unset NEO4J_URI"
    try:
        driver = GraphDatabase.driver(
            uri,
            auth=auth,
            connection_timeout=10.0,
            # Schema-less MATCHes on a fresh graph raise "label does not exist" notes
            # that the driver would log as warnings on every query.
            notifications_min_severity="OFF",
        )
    except (ConfigurationError, ValueError) as error:
        raise Neo4jUnavailable(f"NEO4J_URI {uri!r} is not a valid Neo4j URI: {error}") from None
    try:
        driver.verify_connectivity()
    except AuthError:
        driver.close()
        raise Neo4jUnavailable(
            f"Neo4j at {uri} refused the credentials of user {auth[0]!r}: "
            "set NEO4J_USERNAME and NEO4J_PASSWORD to the right ones"
        ) from None
    except (ServiceUnavailable, OSError) as error:
        driver.close()
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise Neo4jUnavailable(f"cannot reach Neo4j at {uri} ({reason}): {fix}") from None
    return driver


def quiet_driver_logs() -> None:
    """Keep the driver's log lines off a command's stderr.

    A lost connection reaches the user once, as a one-line ``PeoaError``; the driver's
    own lines about it (each retry, each failed connection) would print beside it. The
    server's hints about labels that do not exist yet are noise on a fresh graph too.
    """
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
