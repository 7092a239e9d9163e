"""Contacts: CreateContact / GetContact / ListContacts / UpdateContact / DeleteContact."""

from __future__ import annotations

import re

import pytest

from harness import DEFAULT_ACCOUNT_ID, aws_error, contact_arn, unique

PAGINATION_TOKEN_RE = re.compile(r"^[\\/a-zA-Z0-9_+=\-]*$")  # the model's PaginationToken pattern


def norm_plan(plan: dict | None) -> dict:
    """Plans compare equal regardless of an empty RotationIds list."""
    plan = dict(plan or {})
    if not plan.get("RotationIds"):
        plan.pop("RotationIds", None)
    plan.setdefault("Stages", [])
    return plan


def escalation_plan(*contact_arns: str) -> dict:
    return {
        "Stages": [
            {
                "DurationInMinutes": 5 * (i + 1),
                "Targets": [{"ContactTargetInfo": {"ContactId": arn, "IsEssential": i == 0}}],
            }
            for i, arn in enumerate(contact_arns)
        ]
    }


# ---------------------------------------------------------------------------
# create / get
# ---------------------------------------------------------------------------


def test_create_and_get_personal_contact(ssm):
    alias = unique("person")
    created = ssm.create_contact(Alias=alias, DisplayName="Jane Doe", Type="PERSONAL", Plan={"Stages": []})
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert created["ContactArn"] == contact_arn(alias, DEFAULT_ACCOUNT_ID, "us-east-1")

    got = ssm.get_contact(ContactId=created["ContactArn"])
    assert got["ContactArn"] == created["ContactArn"]
    assert got["Alias"] == alias
    assert got["DisplayName"] == "Jane Doe"
    assert got["Type"] == "PERSONAL"
    assert norm_plan(got["Plan"]) == {"Stages": []}


def test_create_and_get_escalation_plan(ssm, make_contact):
    first = make_contact(display_name="First Responder")
    second = make_contact(display_name="Second Responder")
    plan = escalation_plan(first["ContactArn"], second["ContactArn"])
    alias = unique("escalation")

    arn = ssm.create_contact(Alias=alias, DisplayName="Escalation Plan", Type="ESCALATION", Plan=plan)["ContactArn"]
    assert arn == contact_arn(alias)

    got = ssm.get_contact(ContactId=arn)
    assert got["Type"] == "ESCALATION"
    assert got["DisplayName"] == "Escalation Plan"
    assert norm_plan(got["Plan"]) == plan


def test_personal_plan_with_channel_targets_round_trips(ssm, make_contact, make_channel):
    contact = make_contact()
    email = make_channel(contact["ContactArn"], "EMAIL")
    sms = make_channel(contact["ContactArn"], "SMS")
    plan = {
        "Stages": [
            {"DurationInMinutes": 0, "Targets": [{"ChannelTargetInfo": {"ContactChannelId": email, "RetryIntervalInMinutes": 1}}]},
            {"DurationInMinutes": 10, "Targets": [{"ChannelTargetInfo": {"ContactChannelId": sms, "RetryIntervalInMinutes": 5}}]},
        ]
    }
    ssm.update_contact(ContactId=contact["ContactArn"], Plan=plan)
    assert norm_plan(ssm.get_contact(ContactId=contact["ContactArn"])["Plan"]) == plan


def test_create_without_display_name(ssm):
    alias = unique("nodisplay")
    arn = ssm.create_contact(Alias=alias, Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    got = ssm.get_contact(ContactId=arn)
    assert got["Alias"] == alias
    assert got.get("DisplayName") in (None, "")


def test_create_oncall_schedule(ssm, make_contact):
    person = make_contact()
    rotation = ssm.create_rotation(
        Name=unique("rot"),
        ContactIds=[person["ContactArn"]],
        TimeZoneId="Asia/Tokyo",
        Recurrence={"DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}], "NumberOfOnCalls": 1, "RecurrenceMultiplier": 1},
    )["RotationArn"]
    alias = unique("schedule")
    arn = ssm.create_contact(Alias=alias, Type="ONCALL_SCHEDULE", Plan={"RotationIds": [rotation]})["ContactArn"]
    got = ssm.get_contact(ContactId=arn)
    assert got["Type"] == "ONCALL_SCHEDULE"
    assert got["Plan"]["RotationIds"] == [rotation]
    # A schedule has rotations, not stages; and needs at least one rotation that exists.
    with aws_error("ValidationException", 400):
        ssm.create_contact(Alias=unique("bad"), Type="ONCALL_SCHEDULE", Plan={"Stages": [{"DurationInMinutes": 1, "Targets": []}]})
    with aws_error("ValidationException", 400):
        ssm.create_contact(Alias=unique("bad"), Type="ONCALL_SCHEDULE", Plan={"RotationIds": [rotation.replace("rotation/", "rotation/missing-")]})


def test_get_unknown_contact_is_not_found(ssm):
    arn = contact_arn(unique("missing"))
    with aws_error("ResourceNotFoundException", 400):
        ssm.get_contact(ContactId=arn)


def test_duplicate_alias_conflicts(ssm, make_contact):
    contact = make_contact()
    with aws_error("ConflictException", "4xx"):
        ssm.create_contact(Alias=contact["Alias"], DisplayName="Again", Type="PERSONAL", Plan={"Stages": []})
    # the original is untouched
    assert ssm.get_contact(ContactId=contact["ContactArn"])["DisplayName"] == contact["DisplayName"]


# ---------------------------------------------------------------------------
# validation
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("alias", ["UpperCase", "has space", "bad!char", "dot.ted"])
def test_invalid_alias_is_rejected(ssm, alias):
    with aws_error("ValidationException", 400, mentions="Alias"):
        ssm.create_contact(Alias=alias, DisplayName="x", Type="PERSONAL", Plan={"Stages": []})


def test_alias_longer_than_255_is_rejected(ssm):
    with aws_error("ValidationException", 400, mentions="Alias"):
        ssm.create_contact(Alias="a" * 256, DisplayName="x", Type="PERSONAL", Plan={"Stages": []})


def test_display_name_longer_than_255_is_rejected(ssm):
    with aws_error("ValidationException", 400, mentions="DisplayName"):
        ssm.create_contact(Alias=unique(), DisplayName="n" * 256, Type="PERSONAL", Plan={"Stages": []})


def test_display_name_of_exactly_255_is_accepted(ssm):
    arn = ssm.create_contact(Alias=unique(), DisplayName="n" * 255, Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    assert ssm.get_contact(ContactId=arn)["DisplayName"] == "n" * 255


def test_missing_plan_is_rejected(server):
    unchecked = server.client(parameter_validation=False)
    with aws_error("ValidationException", 400, mentions="Plan"):
        unchecked.create_contact(Alias=unique(), DisplayName="No Plan", Type="PERSONAL")


def test_missing_alias_is_rejected(server):
    unchecked = server.client(parameter_validation=False)
    with aws_error("ValidationException", 400, mentions="Alias"):
        unchecked.create_contact(DisplayName="No Alias", Type="PERSONAL", Plan={"Stages": []})


def test_unknown_contact_type_is_rejected(ssm):
    with aws_error("ValidationException", 400, mentions="Type"):
        ssm.create_contact(Alias=unique(), DisplayName="x", Type="ROBOT", Plan={"Stages": []})


def test_stage_duration_over_30_minutes_is_rejected(ssm, make_contact):
    target = make_contact()
    plan = {"Stages": [{"DurationInMinutes": 31, "Targets": [{"ContactTargetInfo": {"ContactId": target["ContactArn"], "IsEssential": True}}]}]}
    with aws_error("ValidationException", 400, mentions="DurationInMinutes"):
        ssm.create_contact(Alias=unique(), DisplayName="x", Type="ESCALATION", Plan=plan)


def test_list_max_results_over_1024_is_rejected(ssm):
    with aws_error("ValidationException", 400, mentions="MaxResults"):
        ssm.list_contacts(MaxResults=1025)


@pytest.mark.parametrize("token", ["bm90LWEtcmVhbC10b2tlbg==", "not a token!"], ids=["not-issued", "bad-pattern"])
def test_list_with_garbage_next_token_is_rejected(ssm, token):
    with aws_error("ValidationException", 400, mentions="NextToken"):
        ssm.list_contacts(NextToken=token, MaxResults=2)


# ---------------------------------------------------------------------------
# list
# ---------------------------------------------------------------------------


def list_all(ssm, **params) -> tuple[list[dict], list[int], list[str]]:
    """Follows NextToken; returns (items, page sizes, tokens)."""
    items, sizes, tokens = [], [], []
    token = None
    for _ in range(100):
        kwargs = dict(params)
        if token:
            kwargs["NextToken"] = token
        page = ssm.list_contacts(**kwargs)
        items += page.get("Contacts", [])
        sizes.append(len(page.get("Contacts", [])))
        token = page.get("NextToken")
        if not token:
            return items, sizes, tokens
        tokens.append(token)
    raise AssertionError("pagination did not terminate after 100 pages")


def test_list_filters_by_alias_prefix(ssm, make_contact):
    prefix = unique("pfx")
    mine = {make_contact(alias=f"{prefix}-{i}")["ContactArn"] for i in range(3)}
    make_contact(alias=unique("other"))

    items, _, _ = list_all(ssm, AliasPrefix=prefix)
    assert {c["ContactArn"] for c in items} == mine
    for item in items:
        assert item["Alias"].startswith(prefix)
        assert item["Type"] == "PERSONAL"
        assert item["DisplayName"] == "Test Contact"
        assert item["ContactArn"] == contact_arn(item["Alias"])


def test_list_filters_by_type(ssm, make_contact):
    prefix = unique("typ")
    person = make_contact(alias=f"{prefix}-person")
    escalation = make_contact(alias=f"{prefix}-escalation", type="ESCALATION", plan=escalation_plan(person["ContactArn"]))

    escalations, _, _ = list_all(ssm, AliasPrefix=prefix, Type="ESCALATION")
    assert [c["ContactArn"] for c in escalations] == [escalation["ContactArn"]]
    personals, _, _ = list_all(ssm, AliasPrefix=prefix, Type="PERSONAL")
    assert [c["ContactArn"] for c in personals] == [person["ContactArn"]]


def test_list_paginates_every_item_exactly_once(ssm, make_contact):
    prefix = unique("page")
    created = [make_contact(alias=f"{prefix}-{i:02d}")["ContactArn"] for i in range(7)]

    items, sizes, tokens = list_all(ssm, AliasPrefix=prefix, MaxResults=2)
    arns = [c["ContactArn"] for c in items]
    assert sorted(arns) == sorted(created), "every contact exactly once"
    assert len(arns) == len(set(arns))
    assert all(size <= 2 for size in sizes), sizes
    assert len(sizes) >= 4, f"7 items at 2 per page need at least 4 pages, got {sizes}"
    for token in tokens:
        assert isinstance(token, str) and token
        assert len(token) <= 2048
        assert PAGINATION_TOKEN_RE.match(token), f"NextToken must match the model's pattern: {token!r}"
        assert prefix not in token, f"NextToken should be opaque, it shows the alias: {token!r}"


def test_list_paginator_works(ssm, make_contact):
    prefix = unique("pgn")
    created = {make_contact(alias=f"{prefix}-{i}")["ContactArn"] for i in range(5)}
    paginator = ssm.get_paginator("list_contacts")
    seen = [c["ContactArn"] for page in paginator.paginate(AliasPrefix=prefix, PaginationConfig={"PageSize": 2}) for c in page["Contacts"]]
    assert sorted(seen) == sorted(created)


def test_list_with_unmatched_prefix_is_empty(ssm):
    page = ssm.list_contacts(AliasPrefix=unique("nothing"))
    assert page.get("Contacts", []) == []
    assert "NextToken" not in page


# ---------------------------------------------------------------------------
# update / delete
# ---------------------------------------------------------------------------


def test_update_display_name_and_plan(ssm, make_contact):
    target = make_contact()
    contact = make_contact(type="ESCALATION", plan={"Stages": []}, display_name="Before")
    plan = escalation_plan(target["ContactArn"])

    response = ssm.update_contact(ContactId=contact["ContactArn"], DisplayName="After", Plan=plan)
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200

    got = ssm.get_contact(ContactId=contact["ContactArn"])
    assert got["DisplayName"] == "After"
    assert norm_plan(got["Plan"]) == plan
    assert got["Alias"] == contact["Alias"]
    assert got["Type"] == "ESCALATION"


def test_update_display_name_only_keeps_plan(ssm, make_contact):
    target = make_contact()
    plan = escalation_plan(target["ContactArn"])
    contact = make_contact(type="ESCALATION", plan=plan, display_name="Before")

    ssm.update_contact(ContactId=contact["ContactArn"], DisplayName="Renamed")
    got = ssm.get_contact(ContactId=contact["ContactArn"])
    assert got["DisplayName"] == "Renamed"
    assert norm_plan(got["Plan"]) == plan


def test_update_is_validated(ssm, make_contact):
    contact = make_contact()
    with aws_error("ValidationException", 400, mentions="DisplayName"):
        ssm.update_contact(ContactId=contact["ContactArn"], DisplayName="x" * 256)


def test_update_unknown_contact_is_not_found(ssm):
    with aws_error("ResourceNotFoundException", 400):
        ssm.update_contact(ContactId=contact_arn(unique("missing")), DisplayName="x")


def test_delete_then_get_is_not_found(ssm, make_contact):
    contact = make_contact()
    response = ssm.delete_contact(ContactId=contact["ContactArn"])
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200

    with aws_error("ResourceNotFoundException", 400):
        ssm.get_contact(ContactId=contact["ContactArn"])
    with aws_error("ResourceNotFoundException", 400):
        ssm.delete_contact(ContactId=contact["ContactArn"])
    assert contact["ContactArn"] not in {c["ContactArn"] for c in ssm.list_contacts(AliasPrefix=contact["Alias"]).get("Contacts", [])}


def test_alias_can_be_reused_after_delete(ssm, make_contact):
    contact = make_contact()
    ssm.delete_contact(ContactId=contact["ContactArn"])
    again = make_contact(alias=contact["Alias"], display_name="Reborn")
    assert again["ContactArn"] == contact["ContactArn"]
    assert ssm.get_contact(ContactId=again["ContactArn"])["DisplayName"] == "Reborn"


def test_region_is_part_of_the_arn(server):
    client = server.client(region="eu-west-1")
    alias = unique("region")
    arn = client.create_contact(Alias=alias, DisplayName="x", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    assert arn == contact_arn(alias, DEFAULT_ACCOUNT_ID, "eu-west-1")
    assert client.get_contact(ContactId=arn)["ContactArn"] == arn


def test_concurrent_creates_of_one_alias_yield_one_contact(server):
    from concurrent.futures import ThreadPoolExecutor

    from botocore.exceptions import ClientError

    alias = unique("race")
    clients = [server.client() for _ in range(8)]

    def attempt(client):
        try:
            client.create_contact(Alias=alias, DisplayName="racer", Type="PERSONAL", Plan={"Stages": []})
            return "ok"
        except ClientError as e:
            return e.response["Error"]["Code"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(attempt, clients))
    assert outcomes.count("ok") == 1, outcomes
    assert set(outcomes) == {"ok", "ConflictException"}, outcomes
    assert [c["Alias"] for c in clients[0].list_contacts(AliasPrefix=alias)["Contacts"]] == [alias]
