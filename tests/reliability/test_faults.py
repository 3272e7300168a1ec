"""Faults: a killed evaluation resumed, a full disk, Maven missing, a corrupted model.

The evaluation tests exercise the runner's durability (``peoa.evaluation.runner``), so
their solver is a small deterministic function over the real ``unit_convert`` tool, not
the models: what is under test is what a kill or a full disk does to
``results.jsonl``, and a model solve would only make each case minutes long.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from peoa.config import load_settings
from peoa.exceptions import ModelIntegrityError, Neo4jError, PeoaError
from tests.reliability.items import conversion_items

_ITEMS = 12

# Solves each item with the real unit_convert tool, slowly enough to be killed mid-run;
# every question it answers is appended to a log, so repeats can be counted.
_EVAL = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from types import SimpleNamespace
    from peoa.evaluation.dataset import load_dataset
    from peoa.evaluation.runner import evaluate
    from peoa.tools import get_registry

    items, _ = load_dataset(Path(sys.argv[1]))
    log = Path(sys.argv[3])

    def solve(question):
        with log.open("a") as sink:
            sink.write(question + "\\n")
        time.sleep(float(sys.argv[4]))
        bar = float(question.split()[1])
        result = get_registry().run(
            "unit_convert", {"value": bar, "from_unit": "bar", "to_unit": "kPa"}
        )
        value = result.outputs["value"].value
        usage = SimpleNamespace(
            revisions=0, prompt_tokens=0, completion_tokens=0, model_time_s=0.0, tool_time_s=0.0
        )
        return SimpleNamespace(
            status="answered", answer=value, unit="kPa", steps=[], usage=usage, text="",
        )

    evaluate(items, solve, Path(sys.argv[2]), resume=True)
    print("DONE", flush=True)
    """
)


def _dataset(path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in conversion_items(_ITEMS)))
    return path


def _ids(results: Path) -> list[str]:
    ids = []
    for line in results.read_text().splitlines():
        with contextlib.suppress(ValueError):
            ids.append(json.loads(line)["id"])
    return ids


def test_killed_evaluation_resumes_without_repeating_work(tmp_path: Path) -> None:
    dataset, out, log = _dataset(tmp_path / "d.jsonl"), tmp_path / "r.jsonl", tmp_path / "q.log"
    first = subprocess.Popen(
        [sys.executable, "-c", _EVAL, str(dataset), str(out), str(log), "0.5"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 300
    while (not out.exists() or len(_ids(out)) < 4) and time.monotonic() < deadline:
        assert first.poll() is None, first.communicate()
        time.sleep(0.1)
    first.send_signal(signal.SIGKILL)
    first.wait(30)
    before = _ids(out)
    assert 4 <= len(before) < _ITEMS, before
    # Append a torn line, as a kill in the middle of a write would leave.
    with out.open("a") as sink:
        sink.write('{"id": "conv-99", "categ')
    second = subprocess.run(
        [sys.executable, "-c", _EVAL, str(dataset), str(out), str(log), "0"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert second.returncode == 0 and "DONE" in second.stdout, second.stderr
    after = _ids(out)
    assert sorted(after) == [f"conv-{n:02d}" for n in range(_ITEMS)]  # each once, none lost
    assert after[: len(before)] == before  # finished work kept as it was
    asked = log.read_text().splitlines()
    finished_first = {f"Convert {int(i[-2:]) + 1} bar to kPa." for i in before}
    # Only the items in flight at the kill may be asked twice; finished ones never are.
    assert not finished_first & set(asked[len(before) + 1 :])
    assert all(json.loads(line)["status"] == "answered" for line in out.read_text().splitlines())


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root")
def test_full_disk_during_evaluation_fails_clearly_and_keeps_results(tmp_path: Path) -> None:
    from peoa.evaluation.dataset import load_dataset
    from peoa.evaluation.runner import evaluate

    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)])
    if mounted.returncode != 0:
        pytest.skip("this container cannot mount tmpfs")
    try:
        items, _ = load_dataset(_dataset(tmp_path / "d.jsonl"))
        out = disk / "results.jsonl"
        filler = disk / "filler"
        filler.write_bytes(b"\0" * (60 * 1024))  # one 4 KiB page left: a few records fit
        padding = "x" * 2000

        def solve(question: str) -> SimpleNamespace:
            # A failed solve's record carries 300 characters of its text: about 700 bytes.
            usage = SimpleNamespace(
                revisions=0, prompt_tokens=0, completion_tokens=0, model_time_s=0.0, tool_time_s=0.0
            )
            return SimpleNamespace(
                status="failed", answer=None, unit=None, steps=[], usage=usage, text=padding
            )

        with pytest.raises(PeoaError, match=r"cannot write results.*--resume") as caught:
            evaluate(items, solve, out, resume=True)
        assert "\n" not in str(caught.value)
        kept = _ids(out)
        assert kept and len(kept) < _ITEMS  # what was written is still there, whole
        filler.unlink()  # space again: --resume finishes the rest, nothing twice
        evaluate(items, solve, out, resume=True)
        assert sorted(_ids(out)) == [f"conv-{n:02d}" for n in range(_ITEMS)]
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_maven_missing_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from peoa.neo4j_server import ManagedNeo4j

    tools = tmp_path / "bin"
    tools.mkdir()
    for name in ("java", "javac"):
        found = shutil.which(name)
        if found:
            (tools / name).symlink_to(found)
    monkeypatch.setenv("PATH", str(tools))  # java but no mvn
    own = load_settings(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache", neo4j={"port": 1})
    with pytest.raises(Neo4jError, match=r"Maven is needed.*apt-get install maven.*NEO4J_URI"):
        ManagedNeo4j(own)._classpath()


def test_corrupted_model_names_the_file_and_the_fix(tmp_path: Path) -> None:
    import platformdirs

    from peoa.llm.models import catalog, local_path, resolve

    real = load_settings()
    name = "smollm2-135m-instruct"
    entry = catalog()[name]
    source = local_path(entry, real)
    models = tmp_path / "models"
    models.mkdir()
    copy = models / source.name
    shutil.copyfile(source, copy)
    with copy.open("r+b") as handle:  # one flipped byte in the middle of the weights
        handle.seek(copy.stat().st_size // 2)
        byte = handle.read(1)
        handle.seek(-1, os.SEEK_CUR)
        handle.write(bytes([byte[0] ^ 0xFF]))
    own = load_settings(models_dir=models, data_dir=tmp_path / "data")
    with pytest.raises(ModelIntegrityError) as caught:
        resolve(name, own, pull_missing=False)
    message = str(caught.value)
    assert str(copy) in message and f"peoa models pull --force {name}" in message
    assert "\n" not in message
    assert platformdirs  # the real models folder was only read
