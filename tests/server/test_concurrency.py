"""20 OpenAI clients at once, each with its own question and thread, each gets its own answer.

The models generate one request at a time, so the solves queue: this module takes
about 20 solves' worth of time, which is why it is marked slow and kept apart.
"""

from __future__ import annotations

import asyncio

import pytest
from openai import AsyncOpenAI

from peoa.evaluation import score_answer
from tests.server.conftest import LiveServer
from tests.server.test_api import pump_question

CLIENTS = 20


@pytest.mark.slow
def test_twenty_concurrent_clients_get_their_own_answers(live: LiveServer) -> None:
    async def one(number: int) -> dict:
        client = AsyncOpenAI(base_url=f"{live.url}/v1", api_key="loopback", timeout=3600)
        completion = await client.chat.completions.create(
            model="peoa",
            messages=[{"role": "user", "content": pump_question(number)[0]}],
            user=f"concurrent-{number}",
        )
        await client.close()
        return completion.model_extra["peoa"] | {"_number": number}

    async def everyone() -> list[dict]:  # flows of 10, 11, ... 29 m3/h
        return await asyncio.gather(*(one(n) for n in range(10, 10 + CLIENTS)))

    results = asyncio.run(everyone())
    assert len(results) == CLIENTS
    for solution in results:
        number = solution["_number"]
        # Its own question and thread came back (nothing crossed between clients) ...
        assert solution["question"] == pump_question(number)[0]
        assert solution["thread_id"] == f"concurrent-{number}"
    # ... and its own number.
    wrong = [
        (s["_number"], s["answer"], s["unit"])
        for s in results
        if not score_answer(s["answer"], s["unit"], pump_question(s["_number"])[1], "W", 0.02)[0]
    ]
    assert not wrong, f"clients with a wrong answer (m3/h, answer, unit): {wrong}"
