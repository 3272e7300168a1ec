"""PEOA's experts: declared in ``experts/<name>/expert.toml``, run by runtimes from entry points.

>>> from peoa.experts import load_experts
>>> experts = load_experts()
>>> experts["calculation"].manifest.role
'calculation'

See :mod:`peoa.experts.base` for the contract and :mod:`peoa.experts.registry` for
discovery. The built-in runtimes are :class:`CalculationExpert` (engineering tools),
:class:`CodeExpert` (sandboxed Python), :class:`KnowledgeExpert` (Graph-RAG with
citations) and :class:`MathExpert` (sympy and scipy).
"""

from peoa.experts.base import (
    Citation,
    Expert,
    ExpertManifest,
    ExpertResult,
    ExpertTask,
    LLMCall,
    Quantity,
    ToolCall,
)
from peoa.experts.errors import ExpertError, ManifestError, UnknownExpertError
from peoa.experts.registry import (
    build_expert,
    discover_manifests,
    expert_roots,
    load_experts,
    read_manifest,
    runtime_classes,
)

__all__ = [
    "Citation",
    "Expert",
    "ExpertError",
    "ExpertManifest",
    "ExpertResult",
    "ExpertTask",
    "LLMCall",
    "ManifestError",
    "Quantity",
    "ToolCall",
    "UnknownExpertError",
    "build_expert",
    "discover_manifests",
    "expert_roots",
    "load_experts",
    "read_manifest",
    "runtime_classes",
]
