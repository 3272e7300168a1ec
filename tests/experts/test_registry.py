"""Expert discovery: manifests are found, checked, and built through the entry points."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from peoa.exceptions import ConfigError
from peoa.experts import (
    Expert,
    ExpertResult,
    ExpertTask,
    ManifestError,
    UnknownExpertError,
    discover_manifests,
    expert_roots,
    load_experts,
    read_manifest,
    runtime_classes,
)
from peoa.experts.calculation import CalculationExpert
from peoa.experts.codegen import CodeExpert
from peoa.experts.knowledge import KnowledgeExpert
from peoa.experts.maths import MathExpert
from peoa.paths import resource_dir

GOOD = """
name = "{name}"
description = "Echoes the sub-task."
runtime = "{runtime}"
role = "code"
max_revisions = 1

[prompts]
system = "system.md"
"""


class EchoExpert(Expert):
    """A runtime registered by the test, the way a plugin registers one."""

    def run(self, task: ExpertTask) -> ExpertResult:
        return ExpertResult(expert=self.name, sub_task=task.sub_task, ok=True, text=task.sub_task)


def make_expert(root: Path, name: str, body: str | None = None, prompt: bool = True) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "expert.toml").write_text(
        body if body is not None else GOOD.format(name=name, runtime="echo")
    )
    if prompt:
        (folder / "system.md").write_text("Say it back.")
    return folder / "expert.toml"


def test_builtin_experts_load_with_their_runtimes() -> None:
    experts = load_experts()
    assert {name: type(e) for name, e in experts.items()} == {
        "calculation": CalculationExpert,
        "code": CodeExpert,
        "knowledge": KnowledgeExpert,
        "math": MathExpert,
    }
    for expert in experts.values():
        manifest = expert.manifest
        assert manifest.folder == resource_dir("experts") / manifest.name
        assert manifest.description.strip()
        for key in manifest.prompts:
            assert manifest.prompt(key).strip()
    # the calculation expert may use every registered tool, resolved from its topics
    from peoa.tools import get_registry

    assert set(experts["calculation"].allowed) == {t.name for t in get_registry().list()}


def test_runtimes_come_from_the_entry_point_group() -> None:
    runtimes = runtime_classes()
    assert {"calculation", "code", "knowledge", "math"} <= set(runtimes)
    assert all(issubclass(cls, Expert) for cls in runtimes.values())


def test_a_plugin_folder_adds_and_replaces_experts(tmp_path: Path, monkeypatch) -> None:
    make_expert(tmp_path, "echo")
    make_expert(tmp_path, "code", GOOD.format(name="code", runtime="echo"))
    monkeypatch.setenv("PEOA_EXPERTS_PATH", str(tmp_path))
    assert expert_roots()[-1] == tmp_path
    experts = load_experts(runtimes={**runtime_classes(), "echo": EchoExpert})
    assert isinstance(experts["echo"], EchoExpert)
    assert isinstance(experts["code"], EchoExpert)  # the plugin's "code" replaced the built-in
    assert isinstance(experts["math"], MathExpert)
    result = experts["echo"].run(ExpertTask(question="q", sub_task="say hi"))
    assert result.ok and result.text == "say hi"


def test_a_missing_plugin_folder_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PEOA_EXPERTS_PATH", str(tmp_path / "nowhere"))
    with pytest.raises(ConfigError, match=r"PEOA_EXPERTS_PATH names .*nowhere.*not a folder"):
        expert_roots()


@pytest.mark.parametrize(
    ("body", "field", "says"),
    [
        (GOOD.format(name="bad", runtime="echo").replace("max_revisions = 1", "temperature = 0.3"), "temperature", "unknown field"),
        (GOOD.format(name="bad", runtime="echo").replace("max_revisions = 1", "max_revisions = 99"), "max_revisions", "less than or equal to 10"),
        (GOOD.format(name="bad", runtime="echo").replace('role = "code"\n', ""), "role", "required field is missing"),
        (GOOD.format(name="other", runtime="echo"), "name", "differs from its folder 'bad'"),
        (GOOD.format(name="bad", runtime="echo").replace("system.md", "missing.md"), "prompts.system", "is not a file"),
        (GOOD.format(name="bad", runtime="echo").replace('role = "code"', 'role = "nobody"'), "role", "no model is configured for role 'nobody'"),
    ],
)  # fmt: skip
def test_a_bad_manifest_names_its_file_and_field(
    tmp_path: Path, body: str, field: str, says: str
) -> None:
    path = make_expert(tmp_path, "bad", body)
    with pytest.raises(ManifestError) as caught:
        load_experts([tmp_path], runtimes={"echo": EchoExpert})
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert f"field {field!r}" in message
    assert says in message


def test_invalid_toml_and_unknown_runtime(tmp_path: Path) -> None:
    path = make_expert(tmp_path, "broken", 'name = "broken"\ndescription = "x\n')
    with pytest.raises(ManifestError, match=rf"^{path}: not valid TOML"):
        read_manifest(path)
    shutil.rmtree(path.parent)
    make_expert(tmp_path, "lost", GOOD.format(name="lost", runtime="telepathy"))
    with pytest.raises(UnknownExpertError, match="field 'runtime': no expert runtime 'telepathy'"):
        load_experts([tmp_path], runtimes={"echo": EchoExpert})


def test_calculation_manifest_with_an_unknown_tool(tmp_path: Path) -> None:
    folder = tmp_path / "calculation"
    shutil.copytree(resource_dir("experts") / "calculation", folder)
    manifest = folder / "expert.toml"
    text = manifest.read_text().replace('"topic:units",', '"topic:units", "reynolds_numbr",')
    manifest.write_text(text)
    with pytest.raises(
        ManifestError,
        match="field 'tools': no tool named 'reynolds_numbr'; did you mean 'reynolds_number'",
    ):
        load_experts([tmp_path])


def test_discovery_reads_every_builtin_manifest() -> None:
    manifests = discover_manifests()
    assert sorted(manifests) == ["calculation", "code", "knowledge", "math"]
    assert manifests["knowledge"].options["min_relevance"] > 0
