"""Evaluation datasets: JSONL, one problem a line, in the format ARCHITECTURE.md defines."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from peoa.exceptions import PeoaError
from peoa.tools.quantity import ureg

__all__ = ["DatasetError", "DatasetItem", "LineProblem", "load_dataset", "write_jsonl"]


class DatasetError(PeoaError):
    """A dataset cannot be read, or (with ``strict``) has a malformed line."""


class DatasetItem(BaseModel):
    """One problem: a self-contained question and its reference answer."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(min_length=1)
    category: str = Field(min_length=1)
    question: str = Field(min_length=1)
    answer: float
    unit: str
    rel_tol: float = Field(0.02, gt=0, le=1)
    source: str | None = None
    tools: list[str] | None = None

    @field_validator("answer")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("answer must be a finite number")
        return value

    @field_validator("unit")
    @classmethod
    def _pint_unit(cls, value: str) -> str:
        try:
            ureg.Quantity(1.0, value) if value else ureg.Quantity(1.0)
        except Exception as error:  # pint's parser raises tokenize and syntax errors too
            raise ValueError(f"unit {value!r} is not one pint can read ({error})") from None
        return value


class LineProblem(BaseModel):
    """A line that was skipped, and why."""

    path: str
    line: int
    message: str


def load_dataset(
    path: Path, *, strict: bool = False
) -> tuple[list[DatasetItem], list[LineProblem]]:
    """Read ``path``; malformed lines are reported with their number and skipped
    (or, with ``strict``, raise :class:`DatasetError` at the first one)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DatasetError(f"dataset {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DatasetError(f"cannot read dataset {path}: {error}") from None
    items: list[DatasetItem] = []
    problems: list[LineProblem] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = DatasetItem.model_validate(json.loads(line))
            if item.id in seen:
                raise ValueError(f"duplicate id {item.id!r}")
            seen.add(item.id)
            items.append(item)
        except json.JSONDecodeError as error:
            problems.append(
                LineProblem(path=str(path), line=number, message=f"not JSON: {error.msg}")
            )
        except RecursionError:
            problems.append(
                LineProblem(path=str(path), line=number, message="not JSON: nested too deeply")
            )
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "line"
            problems.append(
                LineProblem(path=str(path), line=number, message=f"{where}: {first['msg']}")
            )
        except ValueError as error:
            problems.append(LineProblem(path=str(path), line=number, message=str(error)))
        if strict and problems:
            p = problems[0]
            raise DatasetError(
                f"{p.path}:{p.line}: {p.message} (--strict stops at the first bad line)"
            )
    return items, problems


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    """Write ``records`` to ``path`` as JSONL (UTF-8, one object a line); return the count.

    The dataset build scripts in ``datasets/`` write through this, so every bundled set
    has the same byte layout.
    """
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)
