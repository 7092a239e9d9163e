"""The response-shape check itself (output_shapes.py): each rule catches a violation and accepts a valid value.
No server needed."""

from __future__ import annotations

import datetime as dt

import pytest
from botocore.model import ServiceModel

from output_shapes import violations, wire_violations

MODEL = ServiceModel(
    {
        "metadata": {"protocol": "json", "apiVersion": "2026-01-01", "endpointPrefix": "t", "serviceId": "T", "jsonVersion": "1.1"},
        "operations": {},
        "shapes": {
            "Out": {
                "type": "structure",
                "required": ["Id", "Needed"],
                "members": {
                    "Id": {"shape": "Id"},
                    "State": {"shape": "State"},
                    "Items": {"shape": "Items"},
                    "Needed": {"shape": "Items"},
                    "Count": {"shape": "Count"},
                    "Labels": {"shape": "Labels"},
                    "At": {"shape": "At"},
                    "Choice": {"shape": "Choice"},
                    "Name": {"shape": "Name"},
                },
            },
            "Id": {"type": "string", "min": 3, "max": 8, "pattern": "^related-item/[A-Z]+/[0-9a-f]{4}$|^id-"},
            "Name": {"type": "string", "pattern": "^[\\p{L}\\p{N} ]*$"},
            "State": {"type": "string", "enum": ["OPEN", "RESOLVED"]},
            "Items": {"type": "list", "member": {"shape": "State"}, "min": 1, "max": 2},
            "Count": {"type": "integer", "min": 0, "max": 10},
            "Labels": {"type": "map", "key": {"shape": "Key"}, "value": {"shape": "Count"}, "max": 1},
            "Key": {"type": "string", "min": 1},
            "At": {"type": "timestamp"},
            "Choice": {"type": "structure", "union": True, "members": {"A": {"shape": "Count"}, "B": {"shape": "State"}}},
        },
    }
)
OUT = MODEL.shape_for("Out")
VALID = {
    "Id": "id-1",
    "State": "OPEN",
    "Items": ["RESOLVED"],
    "Needed": ["OPEN"],
    "Count": 3,
    "Labels": {"k": 1},
    "At": dt.datetime(2026, 12, 6, tzinfo=dt.timezone.utc),
    "Choice": {"A": 1},
    "Name": "東京 Team 7",
}


def test_a_valid_response_has_no_violations() -> None:
    assert violations(OUT, VALID) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"Id": None}, "Out.Id: required but missing"),
        ({"Id": "x"}, "Out.Id: 1 characters, fewer than the minimum 3"),
        ({"Id": "id-123456789"}, "Out.Id: 12 characters, more than the maximum 8"),
        ({"Id": "abcdef"}, "does not match pattern"),
        ({"Name": "bad!"}, "Out.Name: 'bad!' does not match pattern"),
        ({"State": "CLOSED"}, "Out.State: 'CLOSED' is not one of ['OPEN', 'RESOLVED']"),
        ({"Items": []}, "Out.Items: 0 items, fewer than the minimum 1"),
        ({"Items": ["OPEN", "OPEN", "OPEN"]}, "Out.Items: 3 items, more than the maximum 2"),
        ({"Items": ["NOPE"]}, "Out.Items[0]: 'NOPE' is not one of"),
        ({"Count": -1}, "Out.Count: -1 is below the minimum 0"),
        ({"Count": 11}, "Out.Count: 11 is above the maximum 10"),
        ({"Count": "3"}, "Out.Count: expected a number"),
        ({"Labels": {"a": 1, "b": 2}}, "Out.Labels: 2 entries, more than the maximum 1"),
        ({"Labels": {"": 1}}, "Out.Labels<key ''>: 0 characters, fewer than the minimum 1"),
        ({"At": "yesterday"}, "Out.At: expected a timestamp"),
        ({"Choice": {"A": 1, "B": "OPEN"}}, "Out.Choice: a union must set exactly one member"),
        ({"Choice": {}}, "Out.Choice: a union must set exactly one member"),
    ],
)
def test_each_rule_catches_its_violation(change: dict, expected: str) -> None:
    value = {**VALID, **change}
    if change.get("Id", "") is None:
        del value["Id"]
    found = violations(OUT, value)
    assert any(expected in problem for problem in found), found


def test_a_required_collection_may_be_empty_but_an_optional_one_may_not() -> None:
    assert violations(OUT, {**VALID, "Needed": []}) == []
    assert any("Out.Items: 0 items" in p for p in violations(OUT, {**VALID, "Items": []}))
    assert violations(OUT, {**VALID, "Labels": {}}) == [], "Labels has no minimum"


def test_known_deviations_are_named_with_a_reason() -> None:
    from output_shapes import KNOWN_DEVIATIONS, _known

    assert all(reason for reason in KNOWN_DEVIATIONS.values())
    assert _known("ListPreviewRotationShiftsResult.RotationShifts[3].ContactIds[0]: 'alice' does not match pattern")
    assert not _known("ListPreviewRotationShiftsResult.RotationShifts[3].EndTime: expected a timestamp")


def test_the_body_as_sent_has_only_the_shapes_members_and_no_nulls() -> None:
    wire = {"Id": "id-1", "Needed": ["OPEN"], "Labels": {"k": 1}, "Choice": {"A": 1}}
    assert wire_violations(OUT, wire) == []
    assert wire_violations(OUT, {**wire, "Extra": 1}) == ["Out.Extra: not a member of Out"]
    assert wire_violations(OUT, {**wire, "State": None}) == ["Out.State: null (leave the member out instead)"]
    assert wire_violations(OUT, {**wire, "Choice": {"A": 1, "C": 2}}) == ["Out.Choice.C: not a member of Choice"]
    assert wire_violations(OUT, {**wire, "Needed": ["OPEN", None]}) == ["Out.Needed[1]: null (leave the member out instead)"]
    assert wire_violations(OUT, {**wire, "Labels": {"k": None}}) == ["Out.Labels['k']: null (leave the member out instead)"]


def test_a_caught_violation_still_fails_the_test() -> None:
    """The autouse fixture in conftest.py fails a test whose violation was swallowed by a broad except."""
    import output_shapes

    with output_shapes.failing_on_caught_violations():
        pass  # nothing recorded: the test passes
    with pytest.raises(pytest.fail.Exception, match="Out.Id: required but missing"):
        with output_shapes.failing_on_caught_violations():
            try:
                raise output_shapes.OutputShapeViolation("x")
            except Exception:
                output_shapes.RECORDED.append("the response does not fit Out: Out.Id: required but missing")
    assert output_shapes.RECORDED == []
