"""Generation through any OpenAI-compatible HTTP server, with the official client.

GPT-4o, vLLM, Ollama, TGI and llama.cpp's own server all speak this protocol. A
LoRA adapter is selected the way those servers expose one: as a model name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from peoa.exceptions import ModelError
from peoa.llm.base import LLM, Delta, GenerationRequest, Usage

__all__ = ["OpenAICompatibleLLM"]


class _FormatRejected(Exception):
    """The server refused the structured-output style that was sent."""


class OpenAICompatibleLLM(LLM):
    """A chat model behind an OpenAI-compatible endpoint."""

    def __init__(
        self,
        name: str,
        remote_name: str,
        *,
        base_url: str | None,
        api_key: str | None,
        timeout_s: float = 120.0,
        **defaults: Any,
    ) -> None:
        super().__init__(name, **defaults)
        import openai

        self.remote_name = remote_name
        self._errors = (openai.APIError, openai.APIConnectionError)
        self._status_error = openai.APIStatusError
        # OpenAI, vLLM and Ollama take "json_schema"; llama.cpp's server takes
        # "json_object" with a schema. The first rejection switches for good.
        self._json_style = "json_schema"
        # Local servers need no key, but the client insists on one.
        self.client = openai.OpenAI(
            base_url=base_url, api_key=api_key or "not-needed", timeout=timeout_s, max_retries=1
        )

    def _redact(self, text: str) -> str:
        """``text`` without the API key: some servers quote the rejected key back."""
        key = getattr(self.client, "api_key", None)
        return text.replace(key, "<OPENAI_API_KEY>") if key and len(key) >= 8 else text

    def _generate(self, request: GenerationRequest, stream: bool) -> Iterator[Delta]:
        kwargs: dict[str, Any] = {
            "model": request.adapter or self.remote_name,
            "messages": [m.model_dump() for m in request.messages],
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
        }
        if request.seed is not None:
            kwargs["seed"] = request.seed
        if request.stop:
            kwargs["stop"] = request.stop
        if request.json_schema is not None:
            kwargs["response_format"] = self._response_format(request.json_schema)
        try:
            yield from self._call(kwargs, stream)
        except _FormatRejected:
            if self._json_style != "json_schema":
                raise ModelError(
                    f"the endpoint {self.client.base_url} accepts neither JSON-schema style "
                    "for structured output"
                ) from None
            self._json_style = "json_object"
            kwargs["response_format"] = self._response_format(request.json_schema or {})
            yield from self._call(kwargs, stream)

    def _response_format(self, schema: dict[str, Any]) -> dict[str, Any]:
        if self._json_style == "json_schema":
            return {"type": "json_schema", "json_schema": {"name": "output", "schema": schema}}
        return {"type": "json_object", "schema": schema}

    def _call(self, kwargs: dict[str, Any], stream: bool) -> Iterator[Delta]:
        try:
            if not stream:
                reply = self.client.chat.completions.create(**kwargs)
                choice = reply.choices[0]
                yield Delta(
                    text=choice.message.content or "",
                    usage=Usage(
                        prompt_tokens=reply.usage.prompt_tokens if reply.usage else 0,
                        completion_tokens=reply.usage.completion_tokens if reply.usage else 0,
                    ),
                    finish_reason=choice.finish_reason,
                )
                return
            usage, finish = Usage(), None
            chunks = self.client.chat.completions.create(
                stream=True, stream_options={"include_usage": True}, **kwargs
            )
            for chunk in chunks:
                if chunk.usage is not None:
                    usage = Usage(
                        prompt_tokens=chunk.usage.prompt_tokens,
                        completion_tokens=chunk.usage.completion_tokens,
                    )
                for choice in chunk.choices:
                    finish = choice.finish_reason or finish
                    if choice.delta and choice.delta.content:
                        yield Delta(text=choice.delta.content)
            yield Delta(usage=usage, finish_reason=finish)
        except self._errors as error:
            # llama.cpp's server answers 500, others 400 or 422, to a format they lack.
            if (
                isinstance(error, self._status_error)
                and "response_format" in str(error)
                and "response_format" in kwargs
            ):
                raise _FormatRejected from None
            where = self.client.base_url
            raise ModelError(
                f"the OpenAI-compatible endpoint {where} failed for model {kwargs['model']!r}: "
                f"{type(error).__name__}: {self._redact(str(error))[:200]}; "
                "check OPENAI_BASE_URL and OPENAI_API_KEY"
            ) from None
