"""Validation of a model's JSON against the JSON Schema subset the features use (type, properties,
required, additionalProperties, items, enum, const, min/max items, lengths and values, pattern).

A dependency-free checker: the appliance installs offline from a pinned wheel bundle, and the
schemas sent to models are small and written here. Errors are English and name the path, so the
one retry can tell the model exactly what was wrong ("$.points[2]: expected string, got number")."""

from __future__ import annotations

import re
from collections.abc import Mapping

_TYPES: dict[str, tuple[type, ...]] = {"object": (dict,), "array": (list,), "string": (str,),
                                       "boolean": (bool,), "null": (type(None),)}


def _type_ok(value: object, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, _TYPES.get(name, (object,)))


def _type_name(value: object) -> str:
    for name in ("null", "boolean", "integer", "number", "string", "array", "object"):
        if _type_ok(value, name):
            return name
    return type(value).__name__


def _size(value: object, schema: Mapping[str, object], path: str, key_min: str, key_max: str, what: str,
          size: int) -> list[str]:
    errors: list[str] = []
    low, high = schema.get(key_min), schema.get(key_max)
    if isinstance(low, int) and size < low:
        errors.append(f"{path}: expected at least {low} {what}, got {size}")
    if isinstance(high, int) and size > high:
        errors.append(f"{path}: expected at most {high} {what}, got {size}")
    return errors


def validate(value: object, schema: Mapping[str, object], path: str = "$") -> list[str]:
    """Every way `value` breaks `schema` (empty when it is valid)."""
    wanted = schema.get("type")
    names = [wanted] if isinstance(wanted, str) else list(wanted) if isinstance(wanted, list) else []
    if names and not any(_type_ok(value, str(n)) for n in names):
        return [f"{path}: expected {' or '.join(map(str, names))}, got {_type_name(value)}"]
    errors: list[str] = []
    enum = schema.get("enum")
    if isinstance(enum, list) and value not in enum:
        errors.append(f"{path}: {value!r} is not one of {enum!r}")
    if "const" in schema and value != schema["const"]:
        errors.append(f"{path}: expected {schema['const']!r}")
    if isinstance(value, dict):
        errors += _object(value, schema, path)
    elif isinstance(value, list):
        errors += _size(value, schema, path, "minItems", "maxItems", "items", len(value))
        items = schema.get("items")
        if isinstance(items, Mapping):
            for index, item in enumerate(value):
                errors += validate(item, items, f"{path}[{index}]")
    elif isinstance(value, str):
        errors += _size(value, schema, path, "minLength", "maxLength", "characters", len(value))
        pattern = schema.get("pattern")
        if isinstance(pattern, str) and not re.search(pattern, value):
            errors.append(f"{path}: {value[:40]!r} does not match {pattern!r}")
    elif isinstance(value, int | float) and not isinstance(value, bool):
        low, high = schema.get("minimum"), schema.get("maximum")
        if isinstance(low, int | float) and value < low:
            errors.append(f"{path}: {value} is below the minimum {low}")
        if isinstance(high, int | float) and value > high:
            errors.append(f"{path}: {value} is above the maximum {high}")
    return errors


def _object(value: dict[str, object], schema: Mapping[str, object], path: str) -> list[str]:
    errors: list[str] = []
    properties = schema.get("properties")
    props: Mapping[str, object] = properties if isinstance(properties, Mapping) else {}
    required = schema.get("required")
    for key in required if isinstance(required, list) else []:
        if key not in value:
            errors.append(f"{path}: missing required key {key!r}")
    if schema.get("additionalProperties") is False:
        extra = sorted(k for k in value if k not in props)
        if extra:
            errors.append(f"{path}: unexpected key(s) {', '.join(map(repr, extra))}")
    for key, sub in props.items():
        if key in value and isinstance(sub, Mapping):
            errors += validate(value[key], sub, f"{path}.{key}")
    return errors
