"""Responses must fit the model: every successful response botocore parses from Hikeshi is checked against the
constraints of the operation's output shape in the service model (required members, enums, string lengths and
patterns, list and map sizes, number ranges, unions), and a violation fails the call that got it. The JSON body as
sent is checked too, for what parsing hides: members the shape does not have, and nulls (AWS leaves a member out).

A violation is also recorded (`RECORDED`), and conftest.py fails the test that got one even when the test caught
the exception (a `pytest.raises(Exception)` around a call must not hide a response that breaks the model).

`install()` wraps botocore's response parser once per process (conftest.py calls it), so every boto3 client of the
suite is covered, however it was made. Only responses with `Server: hikeshi` are checked (the moto comparison tests
talk to moto too). The aws CLI runs in its own process and is not checked here; it uses the same models.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
from typing import Any, Iterator

import regex  # the models' patterns use \\p{L} and friends, which `re` lacks

from botocore import parsers
from botocore.model import ListShape, MapShape, Shape, StructureShape


class OutputShapeViolation(AssertionError):
    """A response that does not fit its output shape."""


# Every violation raised since the list was last cleared (conftest.py clears it around each test).
RECORDED: list[str] = []


@functools.lru_cache(maxsize=None)
def _compiled(pattern: str) -> Any:
    return regex.compile(pattern)


# Where the model and AWS itself disagree, AWS's behaviour wins; each entry says why. Keys are paths with list
# indexes written [*].
KNOWN_DEVIATIONS = {
    "ListPreviewRotationShiftsResult.RotationShifts[*].ContactIds[*]":
        "a preview answers the members as given, and the input takes any non-blank string, not only contact ARNs",
    "GetAutomationExecutionResult.AutomationExecution.StepExecutions[*].Action":
        "AWS's own action aws:waitForAwsResourceProperty is longer than the model's pattern ^aws:[a-zA-Z]{3,25}$ allows",
    "DescribeAutomationStepExecutionsResult.StepExecutions[*].Action":
        "AWS's own action aws:waitForAwsResourceProperty is longer than the model's pattern ^aws:[a-zA-Z]{3,25}$ allows",
}


def _known(problem: str) -> bool:
    path = regex.sub(r"\[\d+\]", "[*]", problem.split(":", 1)[0])
    return path in KNOWN_DEVIATIONS


def violations(shape: Shape | None, value: Any, path: str = "", required: bool = False) -> list[str]:
    """Every way `value` (as botocore parsed it) breaks `shape`'s constraints, each naming its path.

    A required list or map may be empty although its shape asks for at least one entry: the model makes the member
    present even when there is nothing to list (ssm-incidents' ListTagsForResource answers `tags: {}`)."""
    if shape is None:
        return []
    found: list[str] = []
    where = path or shape.name
    meta = shape.metadata
    kind = shape.type_name
    if isinstance(shape, StructureShape):
        if not isinstance(value, dict):
            return [f"{where}: expected a structure, got {type(value).__name__}"]
        members = {k: v for k, v in value.items() if k in shape.members}
        if meta.get("union"):
            if len(members) != 1:
                found.append(f"{where}: a union must set exactly one member, has {sorted(members)}")
        for name in meta.get("required", []):
            member = shape.members.get(name)
            # Members bound to headers or the status code are not in the body botocore parsed from.
            if member is not None and member.serialization.get("location") in ("header", "headers", "statusCode"):
                continue
            if name not in value or value[name] is None:
                found.append(f"{where}.{name}: required but missing")
        for name, item in members.items():
            if item is not None:
                found += violations(shape.members[name], item, f"{where}.{name}", name in meta.get("required", []))
        return [problem for problem in found if not _known(problem)]
    if isinstance(shape, ListShape):
        if not isinstance(value, list):
            return [f"{where}: expected a list, got {type(value).__name__}"]
        if value or not required:
            found += _size(where, len(value), meta, "items")
        for index, item in enumerate(value):
            found += violations(shape.member, item, f"{where}[{index}]")
        return found
    if isinstance(shape, MapShape):
        if not isinstance(value, dict):
            return [f"{where}: expected a map, got {type(value).__name__}"]
        if value or not required:
            found += _size(where, len(value), meta, "entries")
        for key, item in value.items():
            found += violations(shape.key, key, f"{where}<key {key!r}>")
            found += violations(shape.value, item, f"{where}[{key!r}]")
        return found
    if kind == "string":
        if not isinstance(value, str):
            return [f"{where}: expected a string, got {type(value).__name__}"]
        enum = shape.enum
        if enum and value not in enum:
            found.append(f"{where}: {value!r} is not one of {list(enum)}")
        found += _size(where, len(value), meta, "characters")
        pattern = meta.get("pattern")
        if pattern and not _compiled(pattern).search(value):
            found.append(f"{where}: {value!r} does not match pattern {pattern!r}")
        return found
    if kind in ("integer", "long", "float", "double"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return [f"{where}: expected a number, got {type(value).__name__}"]
        if "min" in meta and value < meta["min"]:
            found.append(f"{where}: {value} is below the minimum {meta['min']}")
        if "max" in meta and value > meta["max"]:
            found.append(f"{where}: {value} is above the maximum {meta['max']}")
        return found
    if kind == "boolean" and not isinstance(value, bool):
        return [f"{where}: expected a boolean, got {type(value).__name__}"]
    if kind == "timestamp" and not isinstance(value, dt.datetime):
        return [f"{where}: expected a timestamp, got {value!r}"]
    if kind == "blob":
        if not isinstance(value, (bytes, bytearray)) and not hasattr(value, "read"):
            return [f"{where}: expected bytes, got {type(value).__name__}"]
        if isinstance(value, (bytes, bytearray)):
            found += _size(where, len(value), meta, "bytes")
    return found


def wire_violations(shape: Shape | None, value: Any, path: str = "") -> list[str]:
    """What the JSON body as sent (`value`, from json.loads) has that the shape does not allow: members the structure
    does not have (by their wire names) and null values. Header, status-code and payload bindings are not in the body."""
    if shape is None:
        return []
    where = path or shape.name
    if value is None:
        return [f"{where}: null (leave the member out instead)"]
    if shape.type_name == "structure" and shape.metadata.get("document"):
        return []  # a document holds any JSON
    found: list[str] = []
    if isinstance(shape, StructureShape) and isinstance(value, dict):
        wire = {member.serialization.get("name", name): member for name, member in shape.members.items()
                if member.serialization.get("location") not in ("header", "headers", "statusCode")}
        for key, item in value.items():
            member = wire.get(key)
            if member is None:
                found.append(f"{where}.{key}: not a member of {shape.name}")
            else:
                found += wire_violations(member, item, f"{where}.{key}")
    elif isinstance(shape, ListShape) and isinstance(value, list):
        for index, item in enumerate(value):
            found += wire_violations(shape.member, item, f"{where}[{index}]")
    elif isinstance(shape, MapShape) and isinstance(value, dict):
        for key, item in value.items():
            found += wire_violations(shape.value, item, f"{where}[{key!r}]")
    return [problem for problem in found if not _known(problem)]


def _body_shape(shape: Shape) -> Shape | None:
    """The shape of a JSON response body: the output shape, or its payload member's when it binds one."""
    payload = shape.serialization.get("payload")
    if payload is None:
        return shape
    member = shape.members.get(payload)
    return member if isinstance(member, StructureShape) else None


def _size(where: str, size: int, meta: dict, unit: str) -> list[str]:
    out = []
    if "min" in meta and size < meta["min"]:
        out.append(f"{where}: {size} {unit}, fewer than the minimum {meta['min']}")
    if "max" in meta and size > meta["max"]:
        out.append(f"{where}: {size} {unit}, more than the maximum {meta['max']}")
    return out


@contextlib.contextmanager
def failing_on_caught_violations() -> Iterator[None]:
    """Fails (pytest.fail) on leaving when a violation was raised inside, even if the code inside caught it."""
    import pytest

    RECORDED.clear()
    yield
    recorded = list(RECORDED)
    RECORDED.clear()
    if recorded:
        pytest.fail("a response did not fit the model (the exception was caught): " + recorded[0], pytrace=False)


def install() -> None:
    """Checks every successful Hikeshi response botocore parses, from now on in this process."""
    if getattr(parsers.ResponseParser.parse, "_checks_output_shapes", False):
        return
    original = parsers.ResponseParser.parse

    def parse(self: Any, response: dict, shape: Shape | None) -> Any:
        parsed = original(self, response, shape)
        headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
        if shape is not None and response.get("status_code", 500) < 300 and headers.get("server") == "hikeshi":
            problems = violations(shape, {k: v for k, v in parsed.items() if k != "ResponseMetadata"})
            body = response.get("body") or b""
            if isinstance(self, (parsers.JSONParser, parsers.RestJSONParser)) and isinstance(body, (bytes, bytearray)) and body.strip():
                body_shape = _body_shape(shape)
                if body_shape is not None:
                    try:
                        problems += wire_violations(body_shape, json.loads(body))
                    except ValueError:
                        problems.append(f"{shape.name}: the body is not JSON")
            if problems:
                message = f"the response does not fit {shape.name}: " + "; ".join(problems[:10])
                RECORDED.append(message)
                raise OutputShapeViolation(message)
        return parsed

    parse._checks_output_shapes = True  # type: ignore[attr-defined]
    parsers.ResponseParser.parse = parse  # type: ignore[method-assign]
