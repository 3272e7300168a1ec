"""The graph server: PEOA's managed Neo4j, or the one ``NEO4J_URI`` names."""

from peoa.neo4j_server.connection import open_driver, quiet_driver_logs
from peoa.neo4j_server.manager import ManagedNeo4j, Neo4jStatus

__all__ = ["ManagedNeo4j", "Neo4jStatus", "open_driver", "quiet_driver_logs"]
