"""Teacher-student distillation: verified trajectories, LoRA fine-tuning, adapters.

``peoa distill generate`` has a teacher solve templated problems in PEOA's own
runtime and keeps the verified calls as chat-format training data
(:mod:`peoa.distill.generate`); ``peoa distill train`` fine-tunes a LoRA adapter on
them with TRL and PEFT and exports it as a llama.cpp GGUF adapter
(:mod:`peoa.distill.train`, :mod:`peoa.distill.export`), registered by name
(:mod:`peoa.llm.adapters`); ``peoa distill evaluate`` compares base and adapter
on the held-back split (:mod:`peoa.distill.evaluate`).
"""

from peoa.distill.errors import AdapterNotFoundError, DistillError
from peoa.llm.adapters import AdapterRecord, list_adapters, register_adapter, resolve_adapter

__all__ = [
    "AdapterNotFoundError",
    "AdapterRecord",
    "DistillError",
    "list_adapters",
    "register_adapter",
    "resolve_adapter",
]
