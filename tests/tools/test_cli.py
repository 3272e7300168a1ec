"""``peoa tools list``, ``show`` and ``run`` through the real console entry point."""

from __future__ import annotations

import json
import subprocess
import sys

RUN = [sys.executable, "-c", "from peoa.cli.main import run; run()", "tools"]


def peoa(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RUN, *args], capture_output=True, text=True, timeout=120)


def test_list_json_by_topic() -> None:
    done = peoa("list", "--topic", "pumps", "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert {row["name"] for row in rows} >= {"pump_head", "pump_power", "npsh_available"}
    assert all(row["topic"] == "pumps" and row["reference"] for row in rows)


def test_show_prints_the_tools_numpydoc_page() -> None:
    done = peoa("show", "pump_head")
    assert done.returncode == 0, done.stderr
    for heading in ("Parameters", "Returns", "Notes", "References", "Examples"):
        assert f"{heading}\n{'-' * len(heading)}" in done.stdout
    assert "density : float [kg/m^3]" in done.stdout
    unknown = peoa("show", "pump_heed")
    assert unknown.returncode != 0 and "did you mean 'pump_head'" in unknown.stderr
    assert "Traceback" not in unknown.stderr


def test_run_json() -> None:
    args = {
        "density": {"value": 1000, "unit": "kg/m^3"},
        "pressure_rise": {"value": 3, "unit": "bar"},
    }
    done = peoa("run", "pump_head", "--args", json.dumps(args), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["outputs"]["head"]["unit"] == "m"
    assert abs(result["outputs"]["head"]["value"] - 3e5 / (1000 * 9.80665)) < 1e-9


def test_run_json_gives_a_converted_value_its_unit() -> None:
    args = {"value": 50, "from_unit": "m3/h", "to_unit": "L/s"}
    done = peoa("run", "unit_convert", "--args", json.dumps(args), "--json")
    assert done.returncode == 0, done.stderr
    outputs = json.loads(done.stdout)["outputs"]
    assert set(outputs) == {"value"} and outputs["value"]["unit"] == "L/s"
    assert abs(outputs["value"]["value"] - 50 / 3.6) < 1e-9


def test_invalid_json_is_one_line_error() -> None:
    done = peoa("run", "pump_head", "--args", "{bad")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "not valid JSON" in done.stderr


def test_bad_argument_is_one_line_error() -> None:
    args = {"density": {"value": 1000, "unit": "m"}, "pressure_rise": {"value": 3, "unit": "bar"}}
    done = peoa("run", "pump_head", "--args", json.dumps(args))
    assert done.returncode == 1
    assert "argument 'density'" in done.stderr and "density" in done.stderr
    assert "Traceback" not in done.stderr
