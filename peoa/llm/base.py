"""The one interface every language-model backend implements.

A backend subclasses :class:`LLM` and implements :meth:`LLM._generate`, which
yields :class:`Delta` pieces and finally the usage. ``chat``, ``stream`` and
``structured`` are built on it, so every backend behaves the same way.
"""

from __future__ import annotations

import json
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from typing import Any, Literal, TypeVar, overload

from pydantic import BaseModel, Field, ValidationError

from peoa.exceptions import ModelError

__all__ = [
    "LLM",
    "Completion",
    "Delta",
    "GenerationRequest",
    "Message",
    "StructuredOutputError",
    "Usage",
]

T = TypeVar("T", bound=BaseModel)


class Message(BaseModel):
    role: Literal["system", "user", "assistant"]
    content: str


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class GenerationRequest(BaseModel):
    """Everything a backend needs for one generation."""

    messages: list[Message]
    max_tokens: int = Field(512, ge=1)
    temperature: float = Field(0.0, ge=0.0, le=2.0)
    seed: int | None = 0
    stop: list[str] = []
    json_schema: dict[str, Any] | None = None
    adapter: str | None = None  # a registered LoRA adapter's path or served name


class Delta(BaseModel):
    """A piece of streamed text, or (last) the usage and finish reason."""

    text: str = ""
    usage: Usage | None = None
    finish_reason: str | None = None


class Completion(BaseModel):
    """A finished generation with what it cost."""

    text: str
    model: str
    adapter: str | None = None
    usage: Usage
    latency_s: float
    finish_reason: str | None = None

    @property
    def tokens_per_s(self) -> float:
        return self.usage.completion_tokens / self.latency_s if self.latency_s > 0 else 0.0


class StructuredOutputError(ModelError):
    """The model's output did not parse as JSON or did not fit the schema."""

    def __init__(self, message: str, raw: str) -> None:
        super().__init__(message)
        self.raw = raw


MessagesLike = Sequence[Message | dict[str, str]] | str


def _messages(messages: MessagesLike) -> list[Message]:
    if isinstance(messages, str):
        return [Message(role="user", content=messages)]
    return [m if isinstance(m, Message) else Message.model_validate(m) for m in messages]


class LLM(ABC):
    """A chat model. Subclasses implement :meth:`_generate` only."""

    def __init__(
        self, name: str, *, max_tokens: int = 512, temperature: float = 0.0, seed: int = 0
    ):
        self.name = name
        self.defaults = {"max_tokens": max_tokens, "temperature": temperature, "seed": seed}

    @abstractmethod
    def _generate(self, request: GenerationRequest, stream: bool) -> Iterator[Delta]:
        """Yield text pieces, then one final :class:`Delta` carrying the usage."""

    def _request(self, messages: MessagesLike, **options: Any) -> GenerationRequest:
        settings = {**self.defaults, **{k: v for k, v in options.items() if v is not None}}
        return GenerationRequest(messages=_messages(messages), **settings)

    def chat(self, messages: MessagesLike, **options: Any) -> Completion:
        """Generate a whole reply. Options: max_tokens, temperature, seed, stop,
        json_schema, adapter."""
        request = self._request(messages, **options)
        start = time.perf_counter()
        parts: list[str] = []
        usage, finish = Usage(), None
        for delta in self._generate(request, stream=False):
            parts.append(delta.text)
            usage = delta.usage or usage
            finish = delta.finish_reason or finish
        return Completion(
            text="".join(parts),
            model=self.name,
            adapter=request.adapter,
            usage=usage,
            latency_s=time.perf_counter() - start,
            finish_reason=finish,
        )

    def stream(self, messages: MessagesLike, **options: Any) -> Iterator[Delta]:
        """Yield the reply as it is generated; the last item carries the usage."""
        yield from self._generate(self._request(messages, **options), stream=True)

    @overload
    def structured(
        self, messages: MessagesLike, schema: type[T], **options: Any
    ) -> tuple[T, Completion]: ...
    @overload
    def structured(
        self, messages: MessagesLike, schema: dict[str, Any], **options: Any
    ) -> tuple[dict[str, Any], Completion]: ...

    def structured(
        self, messages: MessagesLike, schema: type[BaseModel] | dict[str, Any], **options: Any
    ) -> tuple[Any, Completion]:
        """Generate JSON constrained by ``schema`` (a JSON schema or a pydantic model)."""
        model = schema if isinstance(schema, type) and issubclass(schema, BaseModel) else None
        json_schema = model.model_json_schema() if model is not None else schema
        completion = self.chat(messages, json_schema=json_schema, **options)
        try:
            data = json.loads(completion.text)
        except json.JSONDecodeError as error:
            raise StructuredOutputError(
                f"{self.name} returned text that is not JSON ({error.msg} at {error.pos}); "
                "raise max_tokens if the output was cut off",
                completion.text,
            ) from None
        if model is not None:
            try:
                return model.model_validate(data), completion
            except ValidationError as error:
                raise StructuredOutputError(
                    f"{self.name} returned JSON that does not fit {model.__name__}: "
                    f"{error.errors()[0]['msg']}",
                    completion.text,
                ) from None
        return data, completion
