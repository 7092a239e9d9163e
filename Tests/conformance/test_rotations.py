"""On-call rotations: create / get / list / update / delete, overrides, shift listing and
preview, tags, and ONCALL_SCHEDULE contacts that use rotations (semantics: docs/rotations.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

import pytest

from harness import DEFAULT_ACCOUNT_ID, aws_error, unique

UTC = dt.timezone.utc
ROTATION_ARN_PREFIX = f"arn:aws:ssm-contacts:us-east-1:{DEFAULT_ACCOUNT_ID}:rotation/"
DAY = dt.timedelta(days=1)
HOUR = dt.timedelta(hours=1)


def t(*args: int) -> dt.datetime:
    """A UTC instant."""
    return dt.datetime(*args, tzinfo=UTC)


def hand_off(hour: int, minute: int = 0) -> dict:
    return {"HourOfDay": hour, "MinuteOfHour": minute}


def daily(*times: tuple[int, int], on_call: int = 1, multiplier: int = 1, coverage: dict | None = None) -> dict:
    recurrence = {"DailySettings": [hand_off(*x) for x in times], "NumberOfOnCalls": on_call, "RecurrenceMultiplier": multiplier}
    if coverage is not None:
        recurrence["ShiftCoverages"] = coverage
    return recurrence


def weekly(*entries: tuple[str, int, int], on_call: int = 1, multiplier: int = 1) -> dict:
    return {
        "WeeklySettings": [{"DayOfWeek": day, "HandOffTime": hand_off(h, m)} for day, h, m in entries],
        "NumberOfOnCalls": on_call,
        "RecurrenceMultiplier": multiplier,
    }


def monthly(*entries: tuple[int, int, int], on_call: int = 1, multiplier: int = 1) -> dict:
    return {
        "MonthlySettings": [{"DayOfMonth": day, "HandOffTime": hand_off(h, m)} for day, h, m in entries],
        "NumberOfOnCalls": on_call,
        "RecurrenceMultiplier": multiplier,
    }


def norm(shift: dict) -> tuple:
    """A comparable form of a RotationShift."""
    details = shift.get("ShiftDetails") or {}
    return (
        tuple(shift.get("ContactIds") or ()),
        shift["StartTime"].astimezone(UTC),
        shift["EndTime"].astimezone(UTC),
        shift.get("Type", "REGULAR"),
        tuple(details.get("OverriddenContactIds") or ()),
    )


def collect(call: Callable[..., dict], key: str, page_size: int | None = None, **kwargs: Any) -> tuple[list[dict], int]:
    """All items of a paginated list call, and how many pages it took."""
    items, token, pages = [], None, 0
    while True:
        args = dict(kwargs)
        if page_size is not None:
            args["MaxResults"] = page_size
        if token:
            args["NextToken"] = token
        response = call(**args)
        pages += 1
        if page_size is not None:
            assert len(response[key]) <= page_size
        items += response[key]
        token = response.get("NextToken")
        if not token:
            return items, pages
        assert pages < 200, "pagination does not end"


def shifts_of(ssm: Any, arn: str, start: dt.datetime, end: dt.datetime, page_size: int | None = None) -> list[tuple]:
    items, _ = collect(ssm.list_rotation_shifts, "RotationShifts", page_size, RotationId=arn, StartTime=start, EndTime=end)
    return [norm(s) for s in items]


def preview_of(ssm: Any, members: list[str], start: dt.datetime, end: dt.datetime, **kwargs: Any) -> list[tuple]:
    items, _ = collect(
        ssm.list_preview_rotation_shifts, "RotationShifts", kwargs.pop("page_size", None),
        Members=members, StartTime=start, EndTime=end, **kwargs,
    )
    return [norm(s) for s in items]


@pytest.fixture
def people(make_contact: Callable[..., dict]) -> Callable[[int], list[str]]:
    """people(n) -> ARNs of n new PERSONAL contacts."""

    def make(n: int) -> list[str]:
        return [make_contact(unique("oncall"), display_name=f"Person {i}")["ContactArn"] for i in range(n)]

    return make


@pytest.fixture
def make_rotation(ssm: Any) -> Callable[..., str]:
    """make_rotation(members, name=None, zone='UTC', recurrence=daily 09:00, start=2026-01-01, **extra) -> ARN."""

    def make(members: list[str], *, name: str | None = None, zone: str = "UTC", recurrence: dict | None = None,
             start: dt.datetime | None = t(2026, 1, 1), **extra: Any) -> str:
        params: dict[str, Any] = {
            "Name": name or unique("rot"),
            "ContactIds": members,
            "TimeZoneId": zone,
            "Recurrence": recurrence or daily((9, 0)),
            **extra,
        }
        if start is not None:
            params["StartTime"] = start
        return ssm.create_rotation(**params)["RotationArn"]

    return make


# ---------------------------------------------------------------------------
# CRUD
# ---------------------------------------------------------------------------


def test_create_and_get_rotation(ssm, people):
    members = people(3)
    name = unique("Primary.rotation_A")
    coverage = {"MON": [{"Start": hand_off(9), "End": hand_off(17)}], "TUE": [{"Start": hand_off(22), "End": hand_off(6)}]}
    recurrence = {
        "WeeklySettings": [{"DayOfWeek": "MON", "HandOffTime": hand_off(9, 30)}],
        "NumberOfOnCalls": 2,
        "RecurrenceMultiplier": 3,
        "ShiftCoverages": coverage,
    }
    arn = ssm.create_rotation(
        Name=name, ContactIds=members, StartTime=t(2026, 2, 2, 0, 30), TimeZoneId="Asia/Tokyo", Recurrence=recurrence
    )["RotationArn"]
    assert arn == ROTATION_ARN_PREFIX + name

    got = ssm.get_rotation(RotationId=arn)
    assert got["RotationArn"] == arn
    assert got["Name"] == name
    assert got["ContactIds"] == members
    assert got["StartTime"] == t(2026, 2, 2, 0, 30)
    assert got["TimeZoneId"] == "Asia/Tokyo"
    assert got["Recurrence"]["WeeklySettings"] == [{"DayOfWeek": "MON", "HandOffTime": hand_off(9, 30)}]
    assert got["Recurrence"]["NumberOfOnCalls"] == 2
    assert got["Recurrence"]["RecurrenceMultiplier"] == 3
    assert got["Recurrence"]["ShiftCoverages"] == coverage
    assert not got["Recurrence"].get("DailySettings") and not got["Recurrence"].get("MonthlySettings")


def test_create_rotation_start_time_defaults_to_now(ssm, people):
    before = dt.datetime.now(UTC) - dt.timedelta(seconds=5)
    arn = ssm.create_rotation(Name=unique("rot"), ContactIds=people(1), TimeZoneId="UTC", Recurrence=daily((9, 0)))["RotationArn"]
    start = ssm.get_rotation(RotationId=arn)["StartTime"]
    assert before <= start <= dt.datetime.now(UTC) + dt.timedelta(seconds=5)


def test_rotation_name_is_unique(ssm, people, make_rotation):
    name = unique("rot")
    make_rotation(people(1), name=name)
    with aws_error("ConflictException", 400):
        make_rotation(people(1), name=name)


def test_create_rotation_idempotency_token_returns_same_rotation(ssm, people):
    params = {"Name": unique("rot"), "ContactIds": people(2), "TimeZoneId": "UTC", "Recurrence": daily((8, 0)), "IdempotencyToken": unique("tok")}
    first = ssm.create_rotation(**params)["RotationArn"]
    assert ssm.create_rotation(**params)["RotationArn"] == first


def test_get_unknown_rotation_is_not_found(ssm):
    with aws_error("ResourceNotFoundException", 400):
        ssm.get_rotation(RotationId=ROTATION_ARN_PREFIX + unique("missing"))


def test_list_rotations_by_prefix_with_pagination(ssm, people, make_rotation):
    prefix = unique("team_")  # "_" must match itself only (no SQL LIKE wildcard)
    members = people(1)
    created = {make_rotation(members, name=f"{prefix}-{i}") for i in range(3)}
    other = make_rotation(members, name=unique("other"))
    make_rotation(members, name=prefix.replace("_", "X") + "-decoy")
    make_rotation(members, name=prefix[:-3])  # a name the prefix starts with is not a match

    items, pages = collect(ssm.list_rotations, "Rotations", 1, RotationNamePrefix=prefix)
    assert {r["RotationArn"] for r in items} == created
    assert len(items) == 3 and pages >= 3
    for rotation in items:
        assert rotation["Name"].startswith(prefix)
        assert rotation["ContactIds"] == members
        assert rotation["TimeZoneId"] == "UTC"
        assert rotation["StartTime"] == t(2026, 1, 1)
        assert rotation["Recurrence"]["DailySettings"] == [hand_off(9)]

    everything, _ = collect(ssm.list_rotations, "Rotations", 50)
    arns = {r["RotationArn"] for r in everything}
    assert created | {other} <= arns


def test_list_rotations_of_another_account_is_separate(server, ssm, people, make_rotation, second_account):
    arn = make_rotation(people(1))
    other = server.client(account=second_account)
    assert arn not in {r["RotationArn"] for r in collect(other.list_rotations, "Rotations", 100)[0]}
    with aws_error("ResourceNotFoundException", 400):
        other.get_rotation(RotationId=arn)


def test_update_rotation(ssm, people, make_rotation):
    a, b, c = people(3)
    arn = make_rotation([a, b], recurrence=daily((9, 0)))
    ssm.update_rotation(
        RotationId=arn, ContactIds=[c, a, b], TimeZoneId="Europe/Berlin", StartTime=t(2026, 6, 1),
        Recurrence=weekly(("FRI", 17, 0), on_call=2),
    )
    got = ssm.get_rotation(RotationId=arn)
    assert got["ContactIds"] == [c, a, b]
    assert got["TimeZoneId"] == "Europe/Berlin"
    assert got["StartTime"] == t(2026, 6, 1)
    assert got["Recurrence"]["WeeklySettings"] == [{"DayOfWeek": "FRI", "HandOffTime": hand_off(17)}]
    assert got["Recurrence"]["NumberOfOnCalls"] == 2
    assert not got["Recurrence"].get("DailySettings")

    # the shifts follow the new definition: Friday 17:00 CEST = 15:00 UTC
    shifts = shifts_of(ssm, arn, t(2026, 6, 1), t(2026, 6, 20))
    assert shifts[0][:3] == ((c, a), t(2026, 6, 1), t(2026, 6, 5, 15))
    assert shifts[1][:3] == ((b, c), t(2026, 6, 5, 15), t(2026, 6, 12, 15))


def test_update_rotation_keeps_unspecified_fields(ssm, people, make_rotation):
    members = people(2)
    arn = make_rotation(members, zone="Asia/Tokyo", start=t(2026, 3, 1))
    ssm.update_rotation(RotationId=arn, Recurrence=daily((10, 0), on_call=2))
    got = ssm.get_rotation(RotationId=arn)
    assert got["ContactIds"] == members
    assert got["TimeZoneId"] == "Asia/Tokyo"
    assert got["StartTime"] == t(2026, 3, 1)
    assert got["Recurrence"]["DailySettings"] == [hand_off(10)]


def test_update_rotation_validation(ssm, people, make_rotation, make_contact):
    members = people(2)
    arn = make_rotation(members)
    escalation = make_contact(unique("esc"), type="ESCALATION", plan={"Stages": []})["ContactArn"]
    with aws_error("ValidationException", 400, mentions="ContactIds"):
        ssm.update_rotation(RotationId=arn, ContactIds=[members[0], escalation], Recurrence=daily((9, 0)))
    with aws_error("ValidationException", 400, mentions="TimeZoneId"):
        ssm.update_rotation(RotationId=arn, TimeZoneId="JST", Recurrence=daily((9, 0)))
    with aws_error("ValidationException", 400, mentions="NumberOfOnCalls"):
        ssm.update_rotation(RotationId=arn, Recurrence=daily((9, 0), on_call=3))
    # nothing changed
    got = ssm.get_rotation(RotationId=arn)
    assert got["ContactIds"] == members and got["TimeZoneId"] == "UTC"
    assert got["Recurrence"]["NumberOfOnCalls"] == 1


def test_update_unknown_rotation_is_not_found(ssm):
    with aws_error("ResourceNotFoundException", 400):
        ssm.update_rotation(RotationId=ROTATION_ARN_PREFIX + unique("missing"), Recurrence=daily((9, 0)))


def test_delete_rotation(ssm, people, make_rotation):
    arn = make_rotation(people(1))
    assert ssm.delete_rotation(RotationId=arn)["ResponseMetadata"]["HTTPStatusCode"] == 200
    with aws_error("ResourceNotFoundException", 400):
        ssm.get_rotation(RotationId=arn)
    with aws_error("ResourceNotFoundException", 400):
        ssm.delete_rotation(RotationId=arn)
    with aws_error("ResourceNotFoundException", 400):
        ssm.list_rotation_shifts(RotationId=arn, StartTime=t(2026, 1, 1), EndTime=t(2026, 1, 2))
    assert arn not in {r["RotationArn"] for r in collect(ssm.list_rotations, "Rotations", 100)[0]}


def test_delete_rotation_used_by_schedule_is_a_conflict(ssm, people, make_rotation, make_contact):
    arn = make_rotation(people(2))
    schedule = make_contact(unique("sched"), type="ONCALL_SCHEDULE", plan={"RotationIds": [arn]})["ContactArn"]
    with aws_error("ConflictException", 400) as info:
        ssm.delete_rotation(RotationId=arn)
    assert schedule in str(info.value.response), "the conflict should name the schedule that uses the rotation"
    assert ssm.get_rotation(RotationId=arn)["RotationArn"] == arn

    ssm.delete_contact(ContactId=schedule)
    ssm.delete_rotation(RotationId=arn)
    with aws_error("ResourceNotFoundException", 400):
        ssm.get_rotation(RotationId=arn)


def test_rotation_tags(ssm, people):
    arn = ssm.create_rotation(
        Name=unique("rot"), ContactIds=people(1), TimeZoneId="UTC", Recurrence=daily((9, 0)),
        Tags=[{"Key": "team", "Value": "sre"}, {"Key": "tier", "Value": "1"}],
    )["RotationArn"]
    tags = ssm.list_tags_for_resource(ResourceARN=arn)["Tags"]
    assert sorted((x["Key"], x["Value"]) for x in tags) == [("team", "sre"), ("tier", "1")]

    ssm.tag_resource(ResourceARN=arn, Tags=[{"Key": "tier", "Value": "2"}, {"Key": "env", "Value": "prod"}])
    ssm.untag_resource(ResourceARN=arn, TagKeys=["team"])
    tags = ssm.list_tags_for_resource(ResourceARN=arn)["Tags"]
    assert sorted((x["Key"], x["Value"]) for x in tags) == [("env", "prod"), ("tier", "2")]

    ssm.delete_rotation(RotationId=arn)
    with aws_error("ResourceNotFoundException", 400):
        ssm.list_tags_for_resource(ResourceARN=arn)


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("zone", ["JST", "EST", "CET", "EST5EDT", "GMT+9", "Mars/Olympus_Mons", "asia/tokyo"])
def test_bad_time_zone_is_rejected(ssm, people, zone):
    members = people(1)
    with aws_error("ValidationException", 400, mentions="TimeZoneId"):
        ssm.create_rotation(Name=unique("rot"), ContactIds=members, TimeZoneId=zone, Recurrence=daily((9, 0)))
    with aws_error("ValidationException", 400, mentions="TimeZoneId"):
        ssm.list_preview_rotation_shifts(
            Members=members, TimeZoneId=zone, Recurrence=daily((9, 0)), StartTime=t(2027, 1, 1), EndTime=t(2027, 1, 2)
        )


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Argentina/Buenos_Aires", "Etc/GMT-9", "UTC"])
def test_iana_time_zones_are_accepted(ssm, people, zone):
    arn = ssm.create_rotation(Name=unique("rot"), ContactIds=people(1), TimeZoneId=zone, Recurrence=daily((9, 0)))["RotationArn"]
    assert ssm.get_rotation(RotationId=arn)["TimeZoneId"] == zone


def test_more_on_calls_than_members_is_rejected(ssm, people):
    with aws_error("ValidationException", 400, mentions="NumberOfOnCalls"):
        ssm.create_rotation(Name=unique("rot"), ContactIds=people(2), TimeZoneId="UTC", Recurrence=daily((9, 0), on_call=3))


def test_two_recurrence_kinds_are_rejected(ssm, people):
    recurrence = daily((9, 0))
    recurrence["WeeklySettings"] = [{"DayOfWeek": "MON", "HandOffTime": hand_off(9)}]
    with aws_error("ValidationException", 400, mentions="Recurrence"):
        ssm.create_rotation(Name=unique("rot"), ContactIds=people(1), TimeZoneId="UTC", Recurrence=recurrence)


def test_no_recurrence_kind_is_rejected(ssm, people):
    with aws_error("ValidationException", 400, mentions="Recurrence"):
        ssm.create_rotation(
            Name=unique("rot"), ContactIds=people(1), TimeZoneId="UTC", Recurrence={"NumberOfOnCalls": 1, "RecurrenceMultiplier": 1}
        )


def test_non_personal_member_is_rejected(ssm, people, make_contact):
    escalation = make_contact(unique("esc"), type="ESCALATION", plan={"Stages": []})["ContactArn"]
    with aws_error("ValidationException", 400, mentions="ContactIds"):
        ssm.create_rotation(Name=unique("rot"), ContactIds=[*people(1), escalation], TimeZoneId="UTC", Recurrence=daily((9, 0)))


def test_unknown_member_is_rejected(ssm, people):
    missing = f"arn:aws:ssm-contacts:us-east-1:{DEFAULT_ACCOUNT_ID}:contact/{unique('ghost')}"
    with aws_error(("ValidationException", "ResourceNotFoundException"), 400):
        ssm.create_rotation(Name=unique("rot"), ContactIds=[*people(1), missing], TimeZoneId="UTC", Recurrence=daily((9, 0)))


def test_member_of_another_account_is_rejected(server, people, second_account):
    other = server.client(account=second_account)
    with aws_error(("ValidationException", "ResourceNotFoundException"), 400):
        other.create_rotation(Name=unique("rot"), ContactIds=people(1), TimeZoneId="UTC", Recurrence=daily((9, 0)))


def test_duplicate_member_is_rejected(ssm, people):
    a = people(1)[0]
    with aws_error("ValidationException", 400, mentions="ContactIds"):
        ssm.create_rotation(Name=unique("rot"), ContactIds=[a, a], TimeZoneId="UTC", Recurrence=daily((9, 0)))


@pytest.mark.parametrize(
    "recurrence, field",
    [
        (monthly((32, 9, 0)), "DayOfMonth"),
        (daily((24, 0)), "HourOfDay"),
        (daily((9, 60)), "MinuteOfHour"),
        (daily((9, 0), coverage={"MON": [{"Start": hand_off(9), "End": hand_off(25)}]}), "ShiftCoverages"),
    ],
    ids=["day-32", "hour-24", "minute-60", "coverage-hour-25"],
)
def test_out_of_range_recurrence_is_rejected(server, people, recurrence, field):
    raw = server.client(parameter_validation=False)
    with aws_error("ValidationException", 400, mentions=field):
        raw.create_rotation(Name=unique("rot"), ContactIds=people(1), TimeZoneId="UTC", Recurrence=recurrence)


def test_list_shifts_window_validation(ssm, people, make_rotation):
    arn = make_rotation(people(1))
    with aws_error("ValidationException", 400, mentions="EndTime"):
        ssm.list_rotation_shifts(RotationId=arn, StartTime=t(2026, 5, 1), EndTime=t(2026, 5, 1))
    with aws_error("ValidationException", 400, mentions="EndTime"):
        ssm.list_rotation_shifts(RotationId=arn, StartTime=t(2026, 5, 2), EndTime=t(2026, 5, 1))
    with aws_error("ValidationException", 400, mentions="EndTime"):
        ssm.list_rotation_shifts(RotationId=arn, StartTime=t(2026, 1, 1), EndTime=t(2026, 1, 1) + 400 * DAY + dt.timedelta(seconds=1))
    # exactly 400 days is fine
    shifts = shifts_of(ssm, arn, t(2026, 1, 1), t(2026, 1, 1) + 400 * DAY)
    assert len(shifts) == 401  # the part-day shift from the start, then one per day
    # and the same rules for the preview
    members = people(1)
    for start, end in [(t(2026, 5, 1), t(2026, 5, 1)), (t(2026, 5, 2), t(2026, 5, 1)), (t(2026, 1, 1), t(2027, 2, 6))]:
        with aws_error("ValidationException", 400, mentions="EndTime"):
            ssm.list_preview_rotation_shifts(Members=members, TimeZoneId="UTC", Recurrence=daily((9, 0)), StartTime=start, EndTime=end)


def test_list_shifts_of_unknown_rotation_is_not_found(ssm):
    with aws_error("ResourceNotFoundException", 400):
        ssm.list_rotation_shifts(RotationId=ROTATION_ARN_PREFIX + unique("missing"), StartTime=t(2026, 1, 1), EndTime=t(2026, 1, 2))


# ---------------------------------------------------------------------------
# Shifts
# ---------------------------------------------------------------------------


def test_weekly_tokyo_shifts(ssm, people, make_rotation):
    a, b, c = people(3)
    # Monday 09:00 in Tokyo is Monday 00:00 UTC; 2026-01-05 is a Monday.
    arn = make_rotation([a, b, c], zone="Asia/Tokyo", recurrence=weekly(("MON", 9, 0)), start=t(2026, 1, 5))
    shifts = shifts_of(ssm, arn, t(2026, 1, 5), t(2026, 2, 2))
    assert shifts == [
        ((a,), t(2026, 1, 5), t(2026, 1, 12), "REGULAR", ()),
        ((b,), t(2026, 1, 12), t(2026, 1, 19), "REGULAR", ()),
        ((c,), t(2026, 1, 19), t(2026, 1, 26), "REGULAR", ()),
        ((a,), t(2026, 1, 26), t(2026, 2, 2), "REGULAR", ()),
    ]


def test_members_wrap_around_with_several_on_call(ssm, people, make_rotation):
    a, b, c, d, e = people(5)
    arn = make_rotation([a, b, c, d, e], recurrence=daily((0, 0), on_call=2), start=t(2026, 4, 1))
    shifts = shifts_of(ssm, arn, t(2026, 4, 1), t(2026, 4, 7))
    assert [s[0] for s in shifts] == [(a, b), (c, d), (e, a), (b, c), (d, e), (a, b)]
    assert [s[1] for s in shifts] == [t(2026, 4, 1) + i * DAY for i in range(6)]


def test_shifts_are_not_clipped_to_the_window(ssm, people, make_rotation):
    arn = make_rotation(people(2), recurrence=weekly(("MON", 9, 0)), start=t(2026, 1, 5, 9))
    shifts = shifts_of(ssm, arn, t(2026, 1, 14, 12), t(2026, 1, 14, 12, 1))
    assert len(shifts) == 1
    assert shifts[0][1:3] == (t(2026, 1, 12, 9), t(2026, 1, 19, 9))


def test_no_shifts_before_the_rotation_starts(ssm, people, make_rotation):
    arn = make_rotation(people(2), start=t(2026, 6, 1, 12))
    assert shifts_of(ssm, arn, t(2026, 5, 1), t(2026, 6, 1)) == []
    first = shifts_of(ssm, arn, t(2026, 5, 1), t(2026, 6, 2))[0]
    assert first[1:3] == (t(2026, 6, 1, 12), t(2026, 6, 2, 9))


def test_list_shifts_start_time_defaults_to_now(ssm, people, make_rotation):
    arn = make_rotation(people(3), recurrence=daily((0, 0)), start=t(2026, 1, 1))
    now = dt.datetime.now(UTC)
    shifts = ssm.list_rotation_shifts(RotationId=arn, EndTime=now + dt.timedelta(minutes=1))["RotationShifts"]
    assert len(shifts) == 1, shifts
    assert shifts[0]["StartTime"] <= now < shifts[0]["EndTime"]


def test_new_york_daily_twice_across_dst(ssm, people, make_rotation):
    a, b = people(2)
    arn = make_rotation([a, b], zone="America/New_York", recurrence=daily((9, 0), (21, 0)), start=t(2026, 3, 7, 14))
    shifts = shifts_of(ssm, arn, t(2026, 3, 7, 14), t(2026, 3, 9, 13))
    assert [s[1:3] for s in shifts] == [
        (t(2026, 3, 7, 14), t(2026, 3, 8, 2)),   # 09:00 EST -> 21:00 EST
        (t(2026, 3, 8, 2), t(2026, 3, 8, 13)),   # 21:00 EST -> 09:00 EDT: 11 hours
        (t(2026, 3, 8, 13), t(2026, 3, 9, 1)),   # 09:00 EDT -> 21:00 EDT
        (t(2026, 3, 9, 1), t(2026, 3, 9, 13)),
    ]
    assert [s[0] for s in shifts] == [(a,), (b,), (a,), (b,)]


def test_monthly_day_31_clamps_to_month_end(ssm, people, make_rotation):
    a, b = people(2)
    arn = make_rotation([a, b], recurrence=monthly((31, 9, 0)), start=t(2026, 1, 31, 9))
    shifts = shifts_of(ssm, arn, t(2026, 1, 31, 9), t(2026, 5, 1))
    assert [s[1] for s in shifts] == [t(2026, 1, 31, 9), t(2026, 2, 28, 9), t(2026, 3, 31, 9), t(2026, 4, 30, 9)]
    assert [s[0] for s in shifts] == [(a,), (b,), (a,), (b,)]


def test_multiplier_two_gives_two_week_shifts(ssm, people, make_rotation):
    a, b = people(2)
    arn = make_rotation([a, b], recurrence=weekly(("MON", 9, 0), multiplier=2), start=t(2026, 1, 5, 9))
    shifts = shifts_of(ssm, arn, t(2026, 1, 5, 9), t(2026, 2, 16, 9))
    assert [s[1:3] for s in shifts] == [
        (t(2026, 1, 5, 9), t(2026, 1, 19, 9)),
        (t(2026, 1, 19, 9), t(2026, 2, 2, 9)),
        (t(2026, 2, 2, 9), t(2026, 2, 16, 9)),
    ]
    assert [s[0] for s in shifts] == [(a,), (b,), (a,)]


def test_coverage_windows_split_shifts(ssm, people, make_rotation):
    a, b = people(2)
    business = [{"Start": hand_off(9), "End": hand_off(17)}]
    coverage = {day: business for day in ("MON", "TUE", "WED", "THU", "FRI")}
    # weekly hand-off Monday 00:00; 2026-01-05 is a Monday
    recurrence = weekly(("MON", 0, 0))
    recurrence["ShiftCoverages"] = coverage
    arn = make_rotation([a, b], recurrence=recurrence, start=t(2026, 1, 5))
    shifts = shifts_of(ssm, arn, t(2026, 1, 5), t(2026, 1, 19))
    expected = [((a,), t(2026, 1, 5 + i, 9), t(2026, 1, 5 + i, 17), "REGULAR", ()) for i in range(5)]
    expected += [((b,), t(2026, 1, 12 + i, 9), t(2026, 1, 12 + i, 17), "REGULAR", ()) for i in range(5)]
    assert shifts == expected


def test_shift_pagination(ssm, people, make_rotation):
    arn = make_rotation(people(3), recurrence=daily((6, 0)), start=t(2026, 1, 1))
    whole = shifts_of(ssm, arn, t(2026, 2, 1), t(2026, 2, 11))
    items, pages = collect(ssm.list_rotation_shifts, "RotationShifts", 3, RotationId=arn, StartTime=t(2026, 2, 1), EndTime=t(2026, 2, 11))
    assert [norm(s) for s in items] == whole
    assert len(whole) == 11 and pages == 4

    members = people(3)
    whole = preview_of(ssm, members, t(2026, 2, 1), t(2026, 2, 11), TimeZoneId="UTC", Recurrence=daily((6, 0)), RotationStartTime=t(2026, 1, 1))
    items, pages = collect(
        ssm.list_preview_rotation_shifts, "RotationShifts", 4, Members=members, TimeZoneId="UTC", Recurrence=daily((6, 0)),
        RotationStartTime=t(2026, 1, 1), StartTime=t(2026, 2, 1), EndTime=t(2026, 2, 11),
    )
    assert [norm(s) for s in items] == whole
    assert len(whole) == 11 and pages == 3


# ---------------------------------------------------------------------------
# Preview == created
# ---------------------------------------------------------------------------

PREVIEW_CASES = {
    "weekly-tokyo-monday-0900": dict(zone="Asia/Tokyo", recurrence=weekly(("MON", 9, 0)), start=t(2026, 1, 3, 5), members=3,
                                     window=(t(2026, 1, 1), t(2026, 3, 1))),
    "daily-twice-new-york-dst": dict(zone="America/New_York", recurrence=daily((9, 0), (21, 0), on_call=2), start=t(2026, 3, 1, 3),
                                     members=3, window=(t(2026, 3, 5), t(2026, 3, 11))),
    "monthly-day-31": dict(zone="Europe/Berlin", recurrence=monthly((31, 8, 0), (15, 8, 0)), start=t(2025, 12, 20), members=4,
                           window=(t(2026, 1, 1), t(2026, 12, 31))),
    "coverage": dict(zone="America/Los_Angeles",
                     recurrence=dict(daily((8, 0)), ShiftCoverages={
                         "MON": [{"Start": hand_off(8), "End": hand_off(12)}, {"Start": hand_off(13), "End": hand_off(18)}],
                         "WED": [{"Start": hand_off(22), "End": hand_off(6)}],
                         "SUN": [{"Start": hand_off(0), "End": hand_off(0)}]}),
                     start=t(2026, 10, 20), members=2, window=(t(2026, 10, 25), t(2026, 11, 15))),
    "multiplier-2": dict(zone="Europe/London", recurrence=weekly(("MON", 9, 0), ("THU", 18, 30), multiplier=2, on_call=2),
                         start=t(2026, 3, 1), members=5, window=(t(2026, 3, 1), t(2026, 6, 1))),
}


@pytest.mark.parametrize("case", list(PREVIEW_CASES), ids=list(PREVIEW_CASES))
def test_preview_equals_created_rotation(ssm, people, make_rotation, case):
    spec = PREVIEW_CASES[case]
    members = people(spec["members"])
    start, end = spec["window"]
    arn = make_rotation(members, zone=spec["zone"], recurrence=spec["recurrence"], start=spec["start"])
    created = shifts_of(ssm, arn, start, end)
    preview = preview_of(
        ssm, members, start, end, TimeZoneId=spec["zone"], Recurrence=spec["recurrence"], RotationStartTime=spec["start"]
    )
    assert created, "the window should have shifts"
    assert preview == created
    # every shift has NumberOfOnCalls members and lies after the rotation start
    on_call = spec["recurrence"]["NumberOfOnCalls"]
    for shift in created:
        assert len(shift[0]) == on_call
        assert shift[1] < shift[2]
        assert shift[1] >= spec["start"]
    # shifts are sorted and never overlap
    for earlier, later in zip(created, created[1:]):
        assert earlier[2] <= later[1]


def test_preview_with_overrides_equals_created_rotation_with_overrides(ssm, people, make_rotation):
    a, b, c, d = people(4)
    recurrence = daily((9, 0))
    start = t(2027, 1, 1, 9)
    arn = make_rotation([a, b], recurrence=recurrence, start=start)
    overrides = [
        ([c], t(2027, 1, 2, 12), t(2027, 1, 4, 12)),
        ([d], t(2027, 1, 3, 0), t(2027, 1, 3, 6)),   # created later: wins inside the first
        ([], t(2027, 1, 5, 10), t(2027, 1, 5, 11)),  # nobody on call for an hour
    ]
    for members, o_start, o_end in overrides:
        ssm.create_rotation_override(RotationId=arn, NewContactIds=members, StartTime=o_start, EndTime=o_end)
    window = (t(2027, 1, 1), t(2027, 1, 8))
    created = shifts_of(ssm, arn, *window)
    preview = preview_of(
        ssm, [a, b], *window, TimeZoneId="UTC", Recurrence=recurrence, RotationStartTime=start,
        Overrides=[{"NewMembers": m, "StartTime": s, "EndTime": e} for m, s, e in overrides],
    )
    assert preview == created
    assert any(s[3] == "OVERRIDDEN" for s in created)


def test_preview_uses_member_strings_as_given(ssm):
    shifts = preview_of(
        ssm, ["alice", "bob"], t(2027, 1, 1), t(2027, 1, 4), TimeZoneId="UTC", Recurrence=daily((0, 0)), RotationStartTime=t(2027, 1, 1)
    )
    assert [s[0] for s in shifts] == [("alice",), ("bob",), ("alice",)]


# ---------------------------------------------------------------------------
# Overrides
# ---------------------------------------------------------------------------


def test_override_lifecycle(ssm, people, make_rotation):
    a, b, c = people(3)
    arn = make_rotation([a, b], start=t(2027, 1, 1, 9))
    before = dt.datetime.now(UTC) - dt.timedelta(seconds=5)
    override_id = ssm.create_rotation_override(
        RotationId=arn, NewContactIds=[c], StartTime=t(2027, 1, 2, 12), EndTime=t(2027, 1, 2, 18)
    )["RotationOverrideId"]
    assert override_id

    got = ssm.get_rotation_override(RotationId=arn, RotationOverrideId=override_id)
    assert got["RotationOverrideId"] == override_id
    assert got["RotationArn"] == arn
    assert got["NewContactIds"] == [c]
    assert got["StartTime"] == t(2027, 1, 2, 12)
    assert got["EndTime"] == t(2027, 1, 2, 18)
    assert before <= got["CreateTime"] <= dt.datetime.now(UTC) + dt.timedelta(seconds=5)

    listed = ssm.list_rotation_overrides(RotationId=arn, StartTime=t(2027, 1, 1), EndTime=t(2027, 1, 3))["RotationOverrides"]
    assert [o["RotationOverrideId"] for o in listed] == [override_id]
    assert listed[0]["NewContactIds"] == [c]
    assert listed[0]["StartTime"] == t(2027, 1, 2, 12) and listed[0]["EndTime"] == t(2027, 1, 2, 18)
    assert "CreateTime" in listed[0]
    # overlap semantics: windows touching only the edges do not list it
    assert ssm.list_rotation_overrides(RotationId=arn, StartTime=t(2027, 1, 2, 18), EndTime=t(2027, 1, 3))["RotationOverrides"] == []
    assert ssm.list_rotation_overrides(RotationId=arn, StartTime=t(2027, 1, 1), EndTime=t(2027, 1, 2, 12))["RotationOverrides"] == []
    assert len(ssm.list_rotation_overrides(RotationId=arn, StartTime=t(2027, 1, 2, 17), EndTime=t(2027, 1, 2, 19))["RotationOverrides"]) == 1

    ssm.delete_rotation_override(RotationId=arn, RotationOverrideId=override_id)
    with aws_error("ResourceNotFoundException", 400):
        ssm.get_rotation_override(RotationId=arn, RotationOverrideId=override_id)
    with aws_error("ResourceNotFoundException", 400):
        ssm.delete_rotation_override(RotationId=arn, RotationOverrideId=override_id)
    assert ssm.list_rotation_overrides(RotationId=arn, StartTime=t(2027, 1, 1), EndTime=t(2027, 1, 3))["RotationOverrides"] == []
    # and the shifts are regular again
    assert all(s[3] == "REGULAR" for s in shifts_of(ssm, arn, t(2027, 1, 1), t(2027, 1, 4)))


def test_an_override_is_created_once_per_idempotency_token(ssm, people, make_rotation):
    a, b, c = people(3)
    arn = make_rotation([a, b], start=t(2027, 1, 1, 9))
    params = dict(RotationId=arn, NewContactIds=[c], StartTime=t(2027, 1, 2, 12), EndTime=t(2027, 1, 2, 18), IdempotencyToken="override-once-1")
    first = ssm.create_rotation_override(**params)["RotationOverrideId"]
    assert ssm.create_rotation_override(**params)["RotationOverrideId"] == first
    listed = ssm.list_rotation_overrides(RotationId=arn, StartTime=t(2027, 1, 1), EndTime=t(2027, 1, 3))["RotationOverrides"]
    assert [o["RotationOverrideId"] for o in listed] == [first]
    with aws_error("ConflictException", 400):
        ssm.create_rotation_override(**{**params, "EndTime": t(2027, 1, 2, 19)})
    # Without a token every call is its own override.
    ssm.create_rotation_override(RotationId=arn, NewContactIds=[c], StartTime=t(2027, 1, 3, 12), EndTime=t(2027, 1, 3, 18))
    ssm.create_rotation_override(RotationId=arn, NewContactIds=[c], StartTime=t(2027, 1, 3, 12), EndTime=t(2027, 1, 3, 18))
    assert len(ssm.list_rotation_overrides(RotationId=arn, StartTime=t(2027, 1, 3), EndTime=t(2027, 1, 4))["RotationOverrides"]) == 2


def test_override_of_another_rotation_is_not_found(ssm, people, make_rotation):
    members = people(2)
    first, second = make_rotation(members), make_rotation(members)
    override_id = ssm.create_rotation_override(
        RotationId=first, NewContactIds=[members[1]], StartTime=t(2027, 1, 2), EndTime=t(2027, 1, 3)
    )["RotationOverrideId"]
    with aws_error("ResourceNotFoundException", 400):
        ssm.get_rotation_override(RotationId=second, RotationOverrideId=override_id)
    with aws_error("ResourceNotFoundException", 400):
        ssm.delete_rotation_override(RotationId=second, RotationOverrideId=override_id)


def test_override_validation(ssm, people, make_rotation, make_contact):
    a, b = people(2)
    arn = make_rotation([a, b])
    escalation = make_contact(unique("esc"), type="ESCALATION", plan={"Stages": []})["ContactArn"]
    with aws_error("ValidationException", 400, mentions="EndTime"):
        ssm.create_rotation_override(RotationId=arn, NewContactIds=[b], StartTime=t(2027, 1, 2), EndTime=t(2027, 1, 2))
    with aws_error("ValidationException", 400, mentions="EndTime"):
        ssm.create_rotation_override(RotationId=arn, NewContactIds=[b], StartTime=t(2027, 1, 3), EndTime=t(2027, 1, 2))
    with aws_error("ValidationException", 400, mentions="NewContactIds"):
        ssm.create_rotation_override(RotationId=arn, NewContactIds=[escalation], StartTime=t(2027, 1, 2), EndTime=t(2027, 1, 3))
    with aws_error("ResourceNotFoundException", 400):
        ssm.create_rotation_override(
            RotationId=ROTATION_ARN_PREFIX + unique("missing"), NewContactIds=[b], StartTime=t(2027, 1, 2), EndTime=t(2027, 1, 3)
        )
    with aws_error("ValidationException", 400, mentions="EndTime"):
        ssm.list_rotation_overrides(RotationId=arn, StartTime=t(2027, 1, 3), EndTime=t(2027, 1, 2))
    with aws_error("ResourceNotFoundException", 400):
        ssm.list_rotation_overrides(RotationId=ROTATION_ARN_PREFIX + unique("missing"), StartTime=t(2027, 1, 1), EndTime=t(2027, 1, 2))
    with aws_error("ValidationException", 400, mentions="Overrides"):
        ssm.list_preview_rotation_shifts(
            Members=["x"], TimeZoneId="UTC", Recurrence=daily((9, 0)), StartTime=t(2027, 1, 1), EndTime=t(2027, 1, 5),
            Overrides=[{"NewMembers": ["y"], "StartTime": t(2027, 1, 3), "EndTime": t(2027, 1, 2)}],
        )


def test_overrides_are_visible_in_shifts(ssm, people, make_rotation):
    a, b, c = people(3)
    arn = make_rotation([a, b], recurrence=daily((9, 0)), start=t(2027, 1, 1, 9))
    ssm.create_rotation_override(RotationId=arn, NewContactIds=[c], StartTime=t(2027, 1, 1, 12), EndTime=t(2027, 1, 1, 15))
    shifts = shifts_of(ssm, arn, t(2027, 1, 1), t(2027, 1, 2, 9))
    assert shifts == [
        ((a,), t(2027, 1, 1, 9), t(2027, 1, 1, 12), "REGULAR", ()),
        ((c,), t(2027, 1, 1, 12), t(2027, 1, 1, 15), "OVERRIDDEN", (a,)),
        ((a,), t(2027, 1, 1, 15), t(2027, 1, 2, 9), "REGULAR", ()),
    ]
    raw = ssm.list_rotation_shifts(RotationId=arn, StartTime=t(2027, 1, 1, 13), EndTime=t(2027, 1, 1, 14))["RotationShifts"]
    assert len(raw) == 1
    assert raw[0]["Type"] == "OVERRIDDEN"
    assert raw[0]["ShiftDetails"] == {"OverriddenContactIds": [a]}
    assert raw[0]["ContactIds"] == [c]


def test_override_spanning_shifts_and_the_later_one_wins(ssm, people, make_rotation):
    a, b, c, d = people(4)
    arn = make_rotation([a, b], recurrence=daily((9, 0)), start=t(2027, 1, 1, 9))
    ssm.create_rotation_override(RotationId=arn, NewContactIds=[c], StartTime=t(2027, 1, 1, 21), EndTime=t(2027, 1, 2, 21))
    ssm.create_rotation_override(RotationId=arn, NewContactIds=[d], StartTime=t(2027, 1, 2, 6), EndTime=t(2027, 1, 2, 12))
    shifts = shifts_of(ssm, arn, t(2027, 1, 1, 9), t(2027, 1, 3, 9))
    assert shifts == [
        ((a,), t(2027, 1, 1, 9), t(2027, 1, 1, 21), "REGULAR", ()),
        ((c,), t(2027, 1, 1, 21), t(2027, 1, 2, 6), "OVERRIDDEN", (a,)),
        ((d,), t(2027, 1, 2, 6), t(2027, 1, 2, 9), "OVERRIDDEN", (a,)),
        ((d,), t(2027, 1, 2, 9), t(2027, 1, 2, 12), "OVERRIDDEN", (b,)),
        ((c,), t(2027, 1, 2, 12), t(2027, 1, 2, 21), "OVERRIDDEN", (b,)),
        ((b,), t(2027, 1, 2, 21), t(2027, 1, 3, 9), "REGULAR", ()),
    ]


def test_override_pagination(ssm, people, make_rotation):
    a, b = people(2)
    arn = make_rotation([a, b], start=t(2027, 1, 1))
    ids = {
        ssm.create_rotation_override(RotationId=arn, NewContactIds=[b], StartTime=t(2027, 2, d), EndTime=t(2027, 2, d, 6))["RotationOverrideId"]
        for d in range(1, 6)
    }
    items, pages = collect(ssm.list_rotation_overrides, "RotationOverrides", 2, RotationId=arn, StartTime=t(2027, 1, 1), EndTime=t(2027, 3, 1))
    assert {o["RotationOverrideId"] for o in items} == ids
    assert len(items) == 5 and pages == 3


# ---------------------------------------------------------------------------
# ONCALL_SCHEDULE contacts
# ---------------------------------------------------------------------------


def test_oncall_schedule_contact_with_rotations(ssm, people, make_rotation, make_contact):
    members = people(2)
    first, second = make_rotation(members), make_rotation(members, recurrence=weekly(("MON", 9, 0)))
    schedule = make_contact(unique("sched"), type="ONCALL_SCHEDULE", display_name="Primary", plan={"RotationIds": [first, second]})
    got = ssm.get_contact(ContactId=schedule["ContactArn"])
    assert got["Type"] == "ONCALL_SCHEDULE"
    assert got["Plan"]["RotationIds"] == [first, second]
    assert not got["Plan"].get("Stages")

    ssm.update_contact(ContactId=schedule["ContactArn"], Plan={"RotationIds": [second]})
    assert ssm.get_contact(ContactId=schedule["ContactArn"])["Plan"]["RotationIds"] == [second]
    ssm.delete_rotation(RotationId=first)  # no longer used


@pytest.mark.parametrize("case", ["stages", "no-rotations", "nine-rotations", "unknown-rotation", "duplicate-rotation"])
def test_oncall_schedule_plan_validation(server, ssm, people, make_rotation, case):
    members = people(1)
    rotation = make_rotation(members)
    stage = {"DurationInMinutes": 5, "Targets": [{"ContactTargetInfo": {"ContactId": members[0], "IsEssential": True}}]}
    plan = {
        "stages": {"RotationIds": [rotation], "Stages": [stage]},
        "no-rotations": {"RotationIds": []},
        "nine-rotations": {"RotationIds": [make_rotation(members) for _ in range(9)]} if case == "nine-rotations" else None,
        "unknown-rotation": {"RotationIds": [ROTATION_ARN_PREFIX + unique("missing")]},
        "duplicate-rotation": {"RotationIds": [rotation, rotation]},
    }[case]
    with aws_error("ValidationException", 400, mentions="Plan"):
        ssm.create_contact(Alias=unique("sched"), Type="ONCALL_SCHEDULE", Plan=plan)


def test_rotations_only_in_oncall_schedules(ssm, people, make_rotation):
    rotation = make_rotation(people(1))
    for contact_type in ("PERSONAL", "ESCALATION"):
        with aws_error("ValidationException", 400, mentions="RotationIds"):
            ssm.create_contact(Alias=unique("x"), Type=contact_type, Plan={"RotationIds": [rotation], "Stages": []})


def test_oncall_schedule_update_validation(ssm, people, make_rotation, make_contact):
    members = people(1)
    rotation = make_rotation(members)
    schedule = make_contact(unique("sched"), type="ONCALL_SCHEDULE", plan={"RotationIds": [rotation]})["ContactArn"]
    with aws_error("ValidationException", 400, mentions="Plan"):
        ssm.update_contact(ContactId=schedule, Plan={"RotationIds": [ROTATION_ARN_PREFIX + unique("missing")]})
    with aws_error("ValidationException", 400, mentions="Plan"):
        ssm.update_contact(ContactId=schedule, Plan={"Stages": [{"DurationInMinutes": 1, "Targets": []}]})
    assert ssm.get_contact(ContactId=schedule)["Plan"]["RotationIds"] == [rotation]


def test_override_outside_the_window_still_splits_a_shift_overlapping_it(ssm, people, make_rotation):
    """Shifts are not clipped, so an override later in a week-long shift must shape the part
    that overlaps the window, exactly as the preview of the same rotation does."""
    a, b, c = people(3)
    recurrence = weekly(("MON", 9, 0))
    start = t(2027, 1, 4, 9)  # a Monday
    arn = make_rotation([a, b], recurrence=recurrence, start=start)
    ssm.create_rotation_override(RotationId=arn, NewContactIds=[c], StartTime=t(2027, 1, 7, 12), EndTime=t(2027, 1, 7, 18))
    window = (t(2027, 1, 5), t(2027, 1, 5, 1))  # a Tuesday hour, before the override
    created = shifts_of(ssm, arn, *window)
    assert created == [((a,), t(2027, 1, 4, 9), t(2027, 1, 7, 12), "REGULAR", ())]
    preview = preview_of(
        ssm, [a, b], *window, TimeZoneId="UTC", Recurrence=recurrence, RotationStartTime=start,
        Overrides=[{"NewMembers": [c], "StartTime": t(2027, 1, 7, 12), "EndTime": t(2027, 1, 7, 18)}],
    )
    assert preview == created


def test_hand_offs_at_missing_and_repeated_local_times(ssm, people, make_rotation):
    """docs/rotations.md: a local time that does not exist (spring forward) is read with the offset
    before the gap; one that happens twice (fall back) is the first occurrence."""
    a, b = people(2)
    spring = make_rotation([a, b], zone="America/New_York", recurrence=daily((2, 30)), start=t(2026, 3, 7))
    assert [s[1] for s in shifts_of(ssm, spring, t(2026, 3, 7, 8), t(2026, 3, 9, 8))] == [
        t(2026, 3, 7, 7, 30),  # 02:30 EST
        t(2026, 3, 8, 7, 30),  # 02:30 does not exist: 03:30 EDT
        t(2026, 3, 9, 6, 30),  # 02:30 EDT
    ]
    fall = make_rotation([a, b], zone="America/New_York", recurrence=daily((1, 30)), start=t(2026, 10, 30))
    assert [s[1] for s in shifts_of(ssm, fall, t(2026, 10, 31, 6), t(2026, 11, 2, 7))] == [
        t(2026, 10, 31, 5, 30),  # 01:30 EDT
        t(2026, 11, 1, 5, 30),   # 01:30 twice: the first (EDT)
        t(2026, 11, 2, 6, 30),   # 01:30 EST
    ]


def test_override_before_the_rotation_starts(ssm, people, make_rotation):
    """An override applies where the rotation has no regular shift yet, with nobody replaced."""
    a, b, c = people(3)
    arn = make_rotation([a, b], recurrence=daily((9, 0)), start=t(2027, 2, 1))
    ssm.create_rotation_override(RotationId=arn, NewContactIds=[c], StartTime=t(2027, 1, 31, 12), EndTime=t(2027, 2, 1, 6))
    assert shifts_of(ssm, arn, t(2027, 1, 31), t(2027, 2, 1, 9)) == [
        ((c,), t(2027, 1, 31, 12), t(2027, 2, 1), "OVERRIDDEN", ()),
        ((c,), t(2027, 2, 1), t(2027, 2, 1, 6), "OVERRIDDEN", (a,)),
        ((a,), t(2027, 2, 1, 6), t(2027, 2, 1, 9), "REGULAR", ()),
    ]
