"""The :class:`Tool`: a field-library function behind a unit-checked, schema-described call.

A tool is written as a plain function whose parameters are annotated with their
physical dimension (:class:`Q`) or, for text, choices and counts, a plain spec
(:class:`P`); these declarations live in :mod:`peoa.tools.spec` and are re-exported
here. The :func:`tool` decorator reads the signature and returns a
:class:`Tool`, which validates a model's JSON arguments, converts every quantity to
the unit the function computes in, calls it, and wraps the answer in a
:class:`ToolResult` whose outputs carry their units.
"""

from __future__ import annotations

import contextvars
import inspect
import math
import types
import typing
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pint
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, create_model
from rapidfuzz import process

from peoa.exceptions import ToolError, ToolExecutionError, ToolInputError
from peoa.tools.docs import numpydoc, split_docstring
from peoa.tools.kinds import kind
from peoa.tools.quantity import (
    DIMENSIONS,
    Quantity,
    dimension_of_unit,
    gas_basis_factor,
    gas_volume_basis,
    is_gauge,
    parse_quantity,
    to_si,
)
from peoa.tools.spec import SUBSTANCE, Out, Outcome, P, Q, ToolResult, Value, in_range

__all__ = [
    "SUBSTANCE",
    "Out",
    "Outcome",
    "P",
    "Q",
    "Tool",
    "ToolResult",
    "Value",
    "tool",
    "warn",
]

_SNAKE = "abcdefghijklmnopqrstuvwxyz0123456789_"


_MAX_TEXT = 1000


def _choice_list(choices: Sequence[str], limit: int = 12) -> str:
    if len(choices) <= limit:
        return ", ".join(choices)
    return f"{', '.join(choices[:limit])}, ... ({len(choices)} in all, listed in the schema)"


# Library housekeeping warnings say nothing about the engineering answer.
_NOISE = (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)

_WARNINGS: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "peoa_tool_warnings", default=None
)


def warn(message: str) -> None:
    """Attach a warning (e.g. outside a correlation's validity range) to the running call."""
    sink = _WARNINGS.get()
    if sink is None:
        warnings.warn(message, stacklevel=2)
    else:
        sink.append(message)


@dataclass(frozen=True)
class _Param:
    name: str
    spec: Q | P
    annotation: Any  # the python type without Annotated/Optional
    required: bool
    default: Any
    nullable: bool
    is_list: bool

    @property
    def is_quantity(self) -> bool:
        return isinstance(self.spec, Q)


def _unwrap(annotation: Any) -> tuple[Any, Any, bool]:
    """``Annotated[T | None, spec]`` -> ``(T, spec, nullable)``."""
    spec = None
    if get_origin(annotation) is Annotated:
        base, *meta = get_args(annotation)
        spec = next((m for m in meta if isinstance(m, Q | P)), None)
        annotation = base
    nullable = False
    if get_origin(annotation) in (Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        nullable = len(members) < len(get_args(annotation))
        annotation = members[0] if len(members) == 1 else Union[tuple(members)]  # noqa: UP007
    return annotation, spec, nullable


def _inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """Replace ``$ref`` to ``$defs`` by the definitions, for decoders without ``$ref``."""
    defs = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                target = walk(defs[node["$ref"].rsplit("/", 1)[-1]])
                rest = {k: walk(v) for k, v in node.items() if k != "$ref"}
                return {**target, **rest}
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(item) for item in node]
        return node

    resolved: dict[str, Any] = walk(schema)
    return resolved


def _quantity_schema(spec: Q, description: str) -> dict[str, Any]:
    dimension = DIMENSIONS[spec.dimension]
    obj = {
        "type": "object",
        "properties": {
            "value": {"type": "number"},
            "unit": {"type": "string", "description": "the unit as written in the question"},
        },
        "required": ["value", "unit"],
        "additionalProperties": False,
    }
    if spec.dimension == "dimensionless":
        return {"anyOf": [{"type": "number"}, obj], "description": description}
    return obj | {"description": f"{description} [{dimension.describe()}]"}


class Tool:
    """One engineering calculation, callable by a model with JSON arguments.

    Build one with the :func:`tool` decorator. ``run(arguments)`` validates, converts,
    calls and returns a :class:`ToolResult`; ``json_schema()`` is the argument schema
    for constrained decoding; ``doc()`` is the plain description stored in the graph.
    """

    def __init__(
        self,
        func: Callable[..., Any],
        *,
        topic: str,
        reference: str,
        outputs: Mapping[str, Out],
        name: str | None = None,
        description: str | None = None,
        alternatives: Sequence[Sequence[str | Sequence[str]]] = (),
        substance: str | None = None,
        phase: Literal["liquid", "gas"] | None = None,
        cues: Sequence[str] = (),
        ruled_out_by: Sequence[str] = (),
    ) -> None:
        self.func = func
        self.substance = substance
        self.phase = phase
        self.cues = tuple(cues)
        self.ruled_out_by = tuple(ruled_out_by)
        self.name = name or func.__name__
        if not self.name or set(self.name) - set(_SNAKE) or not self.name[0].isalpha():
            raise ValueError(f"tool name {self.name!r} must be snake_case")
        self.topic = topic
        self.reference = reference
        self.outputs = dict(outputs)
        written, self.doc_sections = split_docstring(inspect.cleandoc(func.__doc__ or ""))
        self.description = description or written
        if not self.description:
            raise ValueError(f"tool {self.name!r} needs a description (docstring)")
        self.params = self._read_signature(func)
        for key, out in self.outputs.items():
            unknown = {
                n for item in out.needs for n in ((item,) if isinstance(item, str) else item)
            }
            if unknown - set(self.params):
                raise TypeError(
                    f"tool {self.name!r}: output {key!r} needs {sorted(unknown - set(self.params))}, "
                    "which are not parameters of the tool"
                )
            source = self.params.get(out.unit_from or "")
            if out.unit_from is not None and (
                source is None or source.is_quantity or source.annotation is not str
            ):
                raise TypeError(
                    f"tool {self.name!r}: output {key!r} takes its unit from {out.unit_from!r}, "
                    "which must be a text parameter of the tool"
                )
            if out.units is not None and (
                source is None
                or not isinstance(source.spec, P)
                or set(source.spec.choices or ()) != set(out.units)
            ):
                raise TypeError(
                    f"tool {self.name!r}: output {key!r} gives units for {sorted(out.units)}, "
                    f"which must be the choices of {out.unit_from!r}"
                )
        self.output_kinds = {key: self._output_kind(key, out) for key, out in self.outputs.items()}
        self.alternatives = self._read_alternatives(alternatives)
        self.input_model = self._build_model()
        method = self.params.get("method")
        self.methods: tuple[str, ...] | None = (
            method.spec.choices if method is not None and isinstance(method.spec, P) else None
        )
        # help(tool), Sphinx and pytest's doctest collection read the composed page
        # (doctest finds the tool through __wrapped__ and __module__).
        self.__doc__ = numpydoc(
            self.description,
            self.doc_sections,
            list(self.params.values()),
            self.outputs,
            self.output_kinds,
            reference,
        )
        self.__wrapped__ = func
        self.__module__ = func.__module__

    def __repr__(self) -> str:
        return f"Tool({self.name!r}, topic={self.topic!r})"

    # -- construction ------------------------------------------------------------------
    def _read_alternatives(
        self, groups: Sequence[Sequence[str | Sequence[str]]]
    ) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """Each group of ways to give one input ("the volumetric or the mass flow"; "the
        pressure rise, or both the suction and discharge pressures"), as tuples of names.

        The planner needs one option of each group bound, besides the required inputs;
        every name must be an optional parameter."""
        read = []
        for group in groups:
            options = tuple((o,) if isinstance(o, str) else tuple(o) for o in group)
            for name in (n for option in options for n in option):
                param = self.params.get(name)
                if param is None or param.required:
                    raise TypeError(
                        f"tool {self.name!r}: alternative {name!r} must be an optional parameter"
                    )
            read.append(options)
        return tuple(read)

    def _output_kind(self, key: str, out: Out) -> str | None:
        """The kind an output gives: its declared kind, checked against its unit, or the
        generic kind of the unit's dimension; ``None`` for text, flags and conversions."""
        if out.unit is None or out.unit_from is not None:
            if out.kind is not None:
                raise TypeError(
                    f"tool {self.name!r}: output {key!r} has no fixed unit, so it cannot "
                    f"declare kind {out.kind!r}"
                )
            return None
        found = dimension_of_unit(out.unit)
        if found is None:
            raise TypeError(
                f"tool {self.name!r}: output {key!r} is in {out.unit!r}, which is no "
                "dimension of peoa.tools.quantity.DIMENSIONS"
            )
        if out.kind is None:
            return kind(found).name
        declared = kind(out.kind)
        if dimension_of_unit(out.unit, prefer=declared.dimension) != declared.dimension:
            raise TypeError(
                f"tool {self.name!r}: output {key!r} declares kind {out.kind!r} (a "
                f"{DIMENSIONS[declared.dimension].label}), but its unit {out.unit!r} is not one"
            )
        return declared.name

    def _read_signature(self, func: Callable[..., Any]) -> dict[str, _Param]:
        hints = typing.get_type_hints(func, include_extras=True)
        params: dict[str, _Param] = {}
        for pname, parameter in inspect.signature(func).parameters.items():
            annotation, spec, nullable = _unwrap(hints.get(pname, Any))
            if spec is None:
                raise TypeError(f"tool {self.name!r}: parameter {pname!r} needs a Q(...) or P(...)")
            is_list = get_origin(annotation) is list
            required = parameter.default is inspect.Parameter.empty
            params[pname] = _Param(
                name=pname,
                spec=spec,
                annotation=annotation,
                required=required,
                default=None if required else parameter.default,
                nullable=nullable,
                is_list=is_list,
            )
        return params

    def _build_model(self) -> type[BaseModel]:
        fields: dict[str, Any] = {}
        for param in self.params.values():
            if param.is_quantity:
                kind: Any = list[Quantity] if param.is_list else Quantity
            elif isinstance(param.spec, P) and param.spec.choices is not None:
                kind = str  # choices are checked by hand, with close-match suggestions
            else:
                kind = param.annotation
            if param.nullable:
                kind = kind | None
            default = ... if param.required else param.default
            if isinstance(param.spec, Q) and isinstance(default, int | float):
                # a numeric default of a quantity is in the function's own unit
                default = Quantity(value=default, unit=param.spec.target)
            fields[param.name] = (kind, default)
        model_name = "".join(part.title() for part in self.name.split("_")) + "Arguments"
        return create_model(model_name, __config__=ConfigDict(extra="forbid"), **fields)

    # -- description -------------------------------------------------------------------
    def json_schema(self) -> dict[str, Any]:
        """JSON schema of the arguments, self-contained (no ``$ref``), for constrained decoding."""
        properties: dict[str, Any] = {}
        for param in self.params.values():
            description = param.spec.description
            range_text = param.spec.range_text()
            if range_text:
                description = f"{description} (must be {range_text})"
            if isinstance(param.spec, Q):
                schema = _quantity_schema(param.spec, description)
                if param.is_list:
                    schema = {"type": "array", "items": schema, "description": description}
            elif param.spec.choices is not None:
                schema = {
                    "type": "string",
                    "enum": list(param.spec.choices),
                    "description": description,
                }
            else:
                schema = _inline_refs(TypeAdapter(param.annotation).json_schema())
                schema.pop("title", None)
                schema["description"] = description
            if not param.required:
                default = param.default
                if isinstance(param.spec, Q) and isinstance(default, int | float):
                    default = {"value": default, "unit": param.spec.target}
                schema["default"] = default
            properties[param.name] = schema
        return {
            "title": self.name,
            "description": self.description.split("\n\n")[0],
            "type": "object",
            "properties": properties,
            "required": [p.name for p in self.params.values() if p.required],
            "additionalProperties": False,
        }

    def doc(self) -> dict[str, Any]:
        """A plain dict describing the tool (stored as a ``Tool`` node in the graph)."""
        inputs = []
        for param in self.params.values():
            entry: dict[str, Any] = {
                "name": param.name,
                "description": param.spec.description,
                "required": param.required,
            }
            if isinstance(param.spec, Q):
                dimension = DIMENSIONS[param.spec.dimension]
                entry |= {
                    "quantity": param.spec.kind,
                    "dimension": param.spec.dimension,
                    "unit": param.spec.target,
                    "example_units": dimension.examples,
                }
            else:
                if param.spec.chemical:
                    entry["quantity"] = SUBSTANCE
                entry["type"] = getattr(param.annotation, "__name__", str(param.annotation))
                if param.spec.choices is not None:
                    entry["choices"] = list(param.spec.choices)
            if param.spec.range_text():
                entry["range"] = param.spec.range_text()
            if param.is_list:
                entry["list"] = True
            if not param.required:
                entry["default"] = param.default
            inputs.append(entry)
        doc: dict[str, Any] = {
            "name": self.name,
            "topic": self.topic,
            "description": self.description,
            "reference": self.reference,
            "inputs": inputs,
            "outputs": [
                {"name": key, "unit": out.unit, "description": out.description}
                | ({"quantity": self.output_kinds[key]} if self.output_kinds[key] else {})
                | ({"many": True} if out.many else {})
                | ({"unit_from": out.unit_from} if out.unit_from else {})
                | ({"units": dict(out.units)} if out.units else {})
                for key, out in self.outputs.items()
            ],
        }
        if self.methods is not None:
            doc["methods"] = list(self.methods)
        if self.substance:
            doc["substance"] = self.substance
        if self.phase:
            doc["phase"] = self.phase
        if self.alternatives:
            doc["alternatives"] = [[list(option) for option in g] for g in self.alternatives]
        return doc

    # -- calling -----------------------------------------------------------------------
    def _fail(self, argument: str | None, message: str) -> ToolInputError:
        where = f"argument {argument!r}: " if argument else ""
        return ToolInputError(f"{self.name}: {where}{message}")

    def _structural_errors(self, error: ValidationError) -> ToolInputError:
        errors = error.errors()
        # A misspelt name explains the "missing" error it causes, so report it first.
        first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
        loc = [str(part) for part in first["loc"]]
        argument = loc[0] if loc else None
        if first["type"] == "missing" and len(loc) == 1:
            param = self.params[loc[0]]
            need = (
                DIMENSIONS[param.spec.dimension].describe()
                if isinstance(param.spec, Q)
                else param.spec.description
            )
            return self._fail(None, f"missing argument {loc[0]!r}: {need}")
        if first["type"] == "extra_forbidden" and len(loc) == 1:
            close = process.extractOne(loc[0], list(self.params))
            hint = f" (did you mean {close[0]!r}?)" if close and close[1] >= 60 else ""
            return self._fail(
                None,
                f"unknown argument {loc[0]!r}{hint}; it takes {', '.join(self.params)}",
            )
        detail = first["msg"]
        if len(loc) > 1:
            # Nested keys are the caller's text (a key may be "\n"): quote odd ones so the
            # message stays one line.
            path = ".".join(p if p.isidentifier() or p.isdigit() else repr(p) for p in loc[1:])
            detail = f"{path}: {detail}"
        named = self.params.get(argument or "")
        if named is not None and named.is_quantity and not named.is_list:
            detail += ' (give {"value": <number>, "unit": "<unit>"})'
        return self._fail(argument, detail)

    def _convert_quantity(
        self, param: _Param, spec: Q, quantity: Quantity, warnings_: list[str]
    ) -> float:
        try:
            value = to_si(quantity.value, quantity.unit, spec.dimension, spec.target)
            given_basis = gas_volume_basis(quantity.unit) if spec.gas_basis else None
            if given_basis is not None and spec.gas_basis is not None:
                factor = gas_basis_factor(quantity.unit, spec.gas_basis)
                if factor != 1.0:
                    value *= factor
                    wanted = gas_volume_basis(spec.gas_basis)
                    warnings_.append(
                        f"{param.name}: {quantity.value:g} {quantity.unit} is gas at "
                        f"{given_basis[0].name} conditions; taken at "
                        f"{wanted[0].name if wanted else spec.gas_basis} conditions "
                        f"as {value:.6g} {spec.target}"
                    )
        except ToolInputError as error:
            raise self._fail(param.name, str(error)) from None
        if not in_range(value, spec.gt, spec.ge, spec.lt, spec.le):
            shown = f"{quantity.value:g} {quantity.unit}".strip()
            if quantity.unit != spec.target:
                shown += f" (= {value:.6g} {spec.target})"
            hint = ""
            if spec.dimension == "dimensionless" and 1 < value <= 100 and spec.le == 1:
                hint = f'; for a percentage give {{"value": {value:g}, "unit": "%"}}'
            raise self._fail(
                param.name, f"{shown} is out of range: it must be {spec.range_text()}{hint}"
            )
        if spec.dimension == "pressure_difference" and is_gauge(quantity.unit):
            warnings_.append(
                f"{param.name}: a pressure difference was given in gauge unit "
                f"{quantity.unit!r}; read as its interval ({value:g} Pa)"
            )
        return value

    def _check_plain(self, param: _Param, spec: P, value: Any) -> Any:
        for text in value if isinstance(value, list) else [value]:
            # Names, methods and materials are short; a huge string only makes the
            # libraries' fuzzy matching crawl (100k characters took minutes).
            if isinstance(text, str) and len(text) > _MAX_TEXT:
                raise self._fail(
                    param.name, f"text of {len(text)} characters is too long (at most {_MAX_TEXT})"
                )
        if spec.choices is not None and value is not None and value not in spec.choices:
            close = [
                c
                for c, score, _ in process.extract(str(value), spec.choices, limit=3)
                if score >= 50
            ]
            hint = f" (did you mean {', '.join(map(repr, close))}?)" if close else ""
            raise self._fail(
                param.name,
                f"unknown choice {value!r}{hint}; choose one of {_choice_list(spec.choices)}",
            )
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, bool) or not isinstance(item, int | float):
                continue
            if not math.isfinite(item):
                raise self._fail(param.name, f"{item} is not a finite number")
            if not in_range(item, spec.gt, spec.ge, spec.lt, spec.le):
                raise self._fail(
                    param.name, f"{item:g} is out of range: it must be {spec.range_text()}"
                )
        return value

    def validate(
        self, arguments: Mapping[str, Any]
    ) -> tuple[dict[str, Any], dict[str, Value], list[str]]:
        """Check ``arguments``; return the function's keyword arguments (in its own units),
        the normalised inputs for the result, and warnings raised while converting."""
        if not isinstance(arguments, Mapping):
            raise self._fail(
                None, f"arguments must be a JSON object, got {type(arguments).__name__}"
            )
        try:
            model = self.input_model.model_validate(dict(arguments))
        except ValidationError as error:
            raise self._structural_errors(error) from None
        kwargs: dict[str, Any] = {}
        inputs: dict[str, Value] = {}
        notes: list[str] = []
        for param in self.params.values():
            raw = getattr(model, param.name)
            spec = param.spec
            if raw is None:
                kwargs[param.name] = None
                continue
            if isinstance(spec, Q):
                if param.is_list:
                    value: Any = [self._convert_quantity(param, spec, q, notes) for q in raw]
                else:
                    value = self._convert_quantity(param, spec, raw, notes)
                inputs[param.name] = Value(value=value, unit=spec.target)
            else:
                value = self._check_plain(param, spec, raw)
                inputs[param.name] = Value(value=value, unit=None)
            kwargs[param.name] = value
        self._check_base_conditions(model)
        for out in self.outputs.values():
            if out.unit_from is not None and out.units is None:
                self._check_unit_argument(out.unit_from, kwargs.get(out.unit_from))
        return kwargs, inputs, notes

    def _check_base_conditions(self, model: BaseModel) -> None:
        """Refuse a gas volume in a standard or normal unit given together with the
        arguments that would state its reference conditions a second time."""
        for param in self.params.values():
            spec = param.spec
            raw = getattr(model, param.name)
            if not isinstance(spec, Q) or not spec.base_conditions or raw is None:
                continue
            given = [name for name in spec.base_conditions if getattr(model, name) is not None]
            basis = gas_volume_basis(raw.unit) if given and not param.is_list else None
            if basis is not None:
                raise self._fail(
                    param.name,
                    f"{raw.unit!r} is gas at {basis[0].name} conditions, and "
                    f"{' and '.join(given)} state other reference conditions: give the flow "
                    f"in {spec.target} with {' and '.join(given)}, or in {raw.unit} without them",
                )

    def _check_unit_argument(self, name: str, text: Any) -> None:
        if not isinstance(text, str) or not text.strip():
            raise self._fail(name, "give a unit, e.g. 'kPa' or 'degC'")
        try:
            parse_quantity(1.0, text)
        except ToolInputError as error:
            raise self._fail(name, str(error)) from None

    def _output(self, key: str, value: Any, kwargs: Mapping[str, Any]) -> Value:
        spec = self.outputs[key]
        written = spec.unit_from is not None and spec.units is None
        if spec.unit_from is None:
            unit = spec.unit
        elif spec.units is not None:
            unit = spec.units[kwargs[spec.unit_from]]
        else:
            unit = str(kwargs[spec.unit_from]).strip()
        if isinstance(value, pint.Quantity):
            value, unit = self._magnitude(key, value, unit, written=written)
        if unit is None:
            if hasattr(value, "tolist"):
                value = value.tolist()
            return Value(value=value, unit=None)
        if value is None:  # the library has no value here; the tool says why in a warning
            return Value(value=None, unit=unit)
        if hasattr(value, "tolist"):  # numpy scalars and arrays
            value = value.tolist()
        if isinstance(value, Sequence) and not isinstance(value, str):
            numbers = [float(v) for v in value]
            if not all(math.isfinite(v) for v in numbers):
                raise ToolExecutionError(f"{self.name}: output {key!r} is not finite: {numbers}")
            return Value(value=numbers, unit=unit)
        number = float(value)
        if not math.isfinite(number):
            raise ToolExecutionError(
                f"{self.name}: the calculation gave {key} = {number}; check the inputs are "
                "physically consistent"
            )
        return Value(value=number, unit=unit)

    def _magnitude(
        self, key: str, value: pint.Quantity, unit: str | None, *, written: bool
    ) -> tuple[Any, str | None]:
        """A pint result as ``(magnitude, unit)``.

        A fixed unit converts the value to it. A unit taken from an argument is kept as
        written when it reads as the quantity's own unit; otherwise (``F`` read as degF
        where pint reads farad, a difference in ``delta_degF``) the quantity's own unit,
        by pint's name, is the honest one.
        """
        if unit is None:
            raise ToolExecutionError(f"{self.name}: output {key!r} is text but got a quantity")
        if written:
            if parse_quantity(1.0, unit).units == value.units:
                return value.magnitude, unit
            return value.magnitude, str(value.units)
        try:
            return value.to(unit or "dimensionless").magnitude, unit
        except pint.errors.DimensionalityError:
            raise ToolExecutionError(
                f"{self.name}: output {key!r} is in {value.units}, not {unit!r}; "
                "this is a bug in the tool"
            ) from None

    def run(self, arguments: Mapping[str, Any]) -> ToolResult:
        """Validate ``arguments``, call the function, return its outputs with units."""
        kwargs, inputs, notes = self.validate(arguments)
        token = _WARNINGS.set(notes)
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                raw = self.func(**kwargs)
        except ToolError:
            raise
        except Exception as error:
            message = str(error).strip().splitlines()[0] if str(error).strip() else ""
            raise ToolExecutionError(
                f"{self.name}: the calculation failed ({type(error).__name__}: {message}); "
                "check the inputs are physically consistent"
            ) from error
        finally:
            _WARNINGS.reset(token)
        notes.extend(str(w.message) for w in caught if not issubclass(w.category, _NOISE))
        method = None
        if isinstance(raw, Outcome):
            method = raw.method
            notes.extend(raw.warnings)
            raw = raw.values
        if method is None and self.methods is not None:
            method = kwargs.get("method")
        missing = [key for key in self.outputs if key not in raw]
        extra = [key for key in raw if key not in self.outputs]
        if missing or extra:
            raise ToolExecutionError(
                f"{self.name}: outputs do not match the declaration (missing {missing}, "
                f"undeclared {extra}); this is a bug in the tool"
            )
        return ToolResult(
            tool=self.name,
            inputs=inputs,
            outputs={key: self._output(key, raw[key], kwargs) for key in self.outputs},
            method=method,
            reference=self.reference,
            warnings=list(dict.fromkeys(notes)),
        )


def tool(
    *,
    topic: str,
    reference: str,
    outputs: Mapping[str, Out],
    name: str | None = None,
    description: str | None = None,
    alternatives: Sequence[Sequence[str | Sequence[str]]] = (),
    substance: str | None = None,
    phase: Literal["liquid", "gas"] | None = None,
    cues: Sequence[str] = (),
    ruled_out_by: Sequence[str] = (),
) -> Callable[[Callable[..., Any]], Tool]:
    """Turn an annotated function into a :class:`Tool` (its docstring is the description).

    ``alternatives`` lists the groups of optional inputs of which one option must be
    given: ``[("volumetric_flow", "mass_flow"), ("head", "pressure_rise")]``; an option
    may need several inputs together (``("pressure_rise", ("suction_pressure",
    "discharge_pressure"))``). ``substance`` names the one substance a tool is made for
    (``"water"`` for the steam tables): the planner offers it only for that substance.
    ``phase`` is the one phase a tool's fluid must be in (a liquid relief valve): the
    planner does not offer it for a question about the other phase. ``cues`` are the
    words that name the apparatus a tool models ("Rankine", "power plant"): the planner
    offers such a tool only to a question that says one of them, since a whole cycle or
    device is fed by almost any two pressures and a flow. ``ruled_out_by`` are words
    that rule the tool's model out ("treating the gas as ideal" for a real-fluid
    equation of state): the planner does not offer it to a question that says them.
    """

    def wrap(func: Callable[..., Any]) -> Tool:
        return Tool(
            func,
            topic=topic,
            reference=reference,
            outputs=outputs,
            name=name,
            description=description,
            alternatives=alternatives,
            substance=substance,
            phase=phase,
            cues=cues,
            ruled_out_by=ruled_out_by,
        )

    return wrap
