"""The knowledge-layer fixtures (migrated empty graph, real embedder, ingestor), shared."""

from tests.graph.conftest import embedder, graph, ingestor  # noqa: F401
