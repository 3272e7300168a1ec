"""An expert over another manifest (an evaluation or chat variant) keeps what it was given.

``with_manifest`` builds a new expert through its runtime's constructor; the model, a
calculation expert's registry, a code expert's sandbox settings and a knowledge expert's
injected retriever and embedder go with it, and the original expert is left unchanged.
"""

from __future__ import annotations

from typing import Any

from peoa.config import SandboxSettings
from peoa.experts import Expert
from peoa.experts.calculation import CalculationExpert
from peoa.experts.codegen import CodeExpert
from peoa.experts.knowledge import KnowledgeExpert
from peoa.llm import Embedder
from peoa.tools import ToolRegistry, get_registry


class _Retriever:
    """A retriever given to the expert; only its identity matters here."""

    def search(self, query: str, k: int) -> Any:
        raise AssertionError("not searched in this test")


class _Model:
    """A model handed to the expert; only its identity matters here."""

    name = "given-model"


def _revised(expert: Expert) -> Any:
    return expert.manifest.model_copy(update={"adapter": ""})


def test_a_calculation_expert_keeps_its_model_and_registry(experts: dict[str, Expert]) -> None:
    base = experts["calculation"]
    assert isinstance(base, CalculationExpert)
    registry = ToolRegistry(get_registry().list())  # an injected registry of its own
    model = _Model()
    own = CalculationExpert(base.manifest, llm=model, registry=registry)  # type: ignore[arg-type]
    variant = own.with_manifest(_revised(own))
    assert variant is not own and variant.registry is registry and variant.llm is model
    assert variant.allowed == own.allowed
    assert own.manifest == base.manifest  # the original is left as it was


def test_a_code_expert_keeps_its_sandbox_settings(experts: dict[str, Expert]) -> None:
    settings = SandboxSettings(memory_mb=1024, timeout_s=20)
    base = experts["code"]
    own = CodeExpert(base.manifest, sandbox=settings)
    assert own.with_manifest(_revised(own)).sandbox == settings


def test_a_knowledge_expert_keeps_a_given_retriever_for_the_same_mode(
    experts: dict[str, Expert], embedder: Embedder
) -> None:
    base = experts["knowledge"]
    retriever = _Retriever()
    own = KnowledgeExpert(base.manifest, retriever=retriever, embedder=embedder)  # type: ignore[arg-type]
    same = own.with_manifest(_revised(own))
    assert same.retriever is retriever and same.embedder is embedder
    other_mode = own.manifest.model_copy(
        update={"options": {**own.manifest.options, "mode": "vector"}}
    )
    assert own.with_manifest(other_mode)._retriever is None  # connected anew on first use
