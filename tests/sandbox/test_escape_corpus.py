"""Every program in ``escape_corpus/`` is stopped, and the stop is reported.

The programs are ``.pysrc`` files, never ``.py``: pytest's ``--doctest-modules``
(and other tools) would import a ``.py`` file, running the escape in-process.

A program counts as stopped when the run is not ``ok``, the reason is a policy
violation or a limit, and none of its intended effects happened: no marker file
outside the working directory, the victim file still there, no connection to the
test's listener on 127.0.0.1, and no secret text in anything that came back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peoa.sandbox import run_python
from tests.sandbox.conftest import Outside

CORPUS = sorted((Path(__file__).parent / "escape_corpus").glob("*.pysrc"))
STOPPED = {"policy_violation", "timeout", "cpu_limit", "memory_limit", "output_limit"}


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 30
    for path in CORPUS:
        assert path.read_text().startswith("# "), f"{path.name} lacks its first-line comment"


@pytest.mark.parametrize("program", CORPUS, ids=[p.stem for p in CORPUS])
def test_escape_is_stopped(program: Path, outside: Outside) -> None:
    result = run_python(outside.fill(program.read_text()), timeout_s=4, cpu_s=2, memory_mb=1024)
    returned = "\n".join(
        [result.stdout, result.stderr, repr(result.result), result.error or "",
         result.traceback or ""]
    )  # fmt: skip
    assert not result.ok, f"{program.name} ran to completion: {returned[:500]}"
    assert result.error_kind in STOPPED, (program.name, result.error_kind, result.error)
    if result.error_kind == "policy_violation":
        assert result.violations, f"{program.name}: a violation kind without a violation record"
    assert not outside.marker.exists(), f"{program.name} created a file outside the sandbox"
    assert outside.victim.read_text() == "keep me"
    assert not outside.connection_arrived(), f"{program.name} reached 127.0.0.1"
    assert outside.secret not in returned
    assert "root:x:0:0" not in returned
    assert 'name = "peoa"' not in returned
