"""20 OpenAI clients at once, each with its own question and thread, each gets its own answer.

Each asks a plain conversion, which the calculation expert solves from the question's
own text ("Convert 3 bar to kPa": value and both units are written, so no model fills
them; in one CI run the base model filling them answered 350 kPa for 3 bar), so the 20
solves are quick and what is tested is the server: its threads, sessions and streams. Models used from
many threads at once are tested by the first test here.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from openai import AsyncOpenAI

from peoa.evaluation import score_answer
from tests.server.conftest import LiveServer
from tests.server.questions import conversion_question

CLIENTS = 20


def test_llm_objects_sharing_one_model_file_generate_one_at_a_time() -> None:
    """Two roles (two LlamaCppLLM objects) share one llama.cpp context: calls from many
    threads at once must each get the reply they get alone (greedy decoding)."""
    from peoa.config import get_settings
    from peoa.llm.factory import llm_for
    from peoa.llm.models import resolve

    settings = get_settings()
    ref = resolve(settings.models.for_role("action_generator"), settings)
    first, second = llm_for(ref, settings), llm_for(ref, settings)
    assert first is not second and first.model() is second.model()
    prompts = [f"Write the number {n} in words, nothing else." for n in (3, 17, 42, 96)]

    def reply(job: tuple[int, str]) -> str:
        llm = (first, second)[job[0] % 2]
        if job[0] % 4 == 3:  # streaming holds the model as long as a whole reply
            return "".join(delta.text for delta in llm.stream(job[1], max_tokens=12))
        return llm.chat(job[1], max_tokens=12).text

    jobs = list(enumerate(prompts * 2))
    alone = [reply(job) for job in jobs]
    with ThreadPoolExecutor(len(jobs)) as pool:
        together = list(pool.map(reply, jobs))
    assert together == alone


def test_twenty_concurrent_clients_get_their_own_answers(live: LiveServer) -> None:
    async def one(number: int) -> dict:
        client = AsyncOpenAI(base_url=f"{live.url}/v1", api_key="loopback", timeout=7200)
        completion = await client.chat.completions.create(
            model="peoa",
            messages=[{"role": "user", "content": conversion_question(number)[0]}],
            user=f"concurrent-{number}",
        )
        await client.close()
        return completion.model_extra["peoa"] | {"_number": number}

    async def everyone() -> list[dict]:  # 2, 3, ... 21 bar: no two answers alike
        return await asyncio.gather(*(one(n) for n in range(2, 2 + CLIENTS)))

    results = asyncio.run(everyone())
    assert len(results) == CLIENTS
    for solution in results:
        number = solution["_number"]
        # Its own question and thread came back (nothing crossed between clients) ...
        assert solution["question"] == conversion_question(number)[0]
        assert solution["thread_id"] == f"concurrent-{number}"
    # ... and its own number.
    wrong = [
        (s["_number"], s["answer"], s["unit"], s["text"][:200])
        for s in results
        if not score_answer(
            s["answer"], s["unit"], conversion_question(s["_number"])[1], "kPa", 1e-6
        )[0]
    ]
    assert not wrong, f"clients with a wrong answer (bar, answer, unit, text): {wrong}"
