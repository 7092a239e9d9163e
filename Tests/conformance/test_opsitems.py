"""OpsCenter (the OpsItem part of the `ssm` API) through boto3 and the aws CLI: create, read and edit OpsItems with their
operational data and versions, the rules on sources and reserved keys, dedup, DescribeOpsItems filters and paging,
events, related items, account isolation, and the parent OpsItem every incident gets."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from typing import Any

import pytest

from harness import DEFAULT_ACCOUNT_ID, aws_error
from incident_support import create_plan, related_items, start

OPSITEM_ID = re.compile(r"^oi-[0-9a-f]{12}$")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
IM_ROLE = "arn:aws:sts::{}:assumed-role/AWSServiceRoleForIncidentManager/IncidentResponse"


@pytest.fixture
def ops(server: Any) -> Any:
    return server.client("ssm")


@pytest.fixture
def raw_ops(server: Any) -> Any:
    """An ssm client that sends what botocore's own checks would refuse, so the server's checks are the ones tested."""
    return server.client("ssm", parameter_validation=False)


@pytest.fixture
def fresh_ops(server: Any) -> Any:
    """An ssm client of a new account: lists of everything see only what the test made."""
    return server.client("ssm", account=server.create_account())


def create(client: Any, title: str = "Disk full on web-1", **extra: Any) -> str:
    params = {"Title": title, "Source": "monitoring", "Description": "The root volume is at 98%"}
    params.update(extra)
    return client.create_ops_item(**params)["OpsItemId"]


def get(client: Any, opsitem_id: str) -> dict:
    return client.get_ops_item(OpsItemId=opsitem_id)["OpsItem"]


def describe(client: Any, *filters: tuple[str, str, list[str]], **params: Any) -> list[dict]:
    spec = [{"Key": key, "Operator": op, "Values": values} for key, op, values in filters]
    return client.describe_ops_items(OpsItemFilters=spec, **params)["OpsItemSummaries"]


def dedup(text: str) -> dict:
    return {"/aws/dedup": {"Value": json.dumps({"dedupString": text}), "Type": "SearchableString"}}


def invalid_parameter(caught: Any) -> list[str]:
    """The ParameterNames of an OpsItemInvalidParameterException."""
    return caught.value.response.get("ParameterNames")


# ---------------------------------------------------------------------------
# Create, get, update, delete
# ---------------------------------------------------------------------------


def test_create_and_get_every_field(ops):
    planned = dt.datetime(2031, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
    created = ops.create_ops_item(
        Title="Disk full on web-1",
        Source="monitoring",
        Description="The root volume is at 98%",
        Priority=2,
        Severity="2",
        Category="Availability",
        Notifications=[{"Arn": f"arn:aws:sns:us-east-1:{DEFAULT_ACCOUNT_ID}:ops"}],
        OperationalData={
            "runbook": {"Value": "https://wiki.example/disk", "Type": "SearchableString"},
            "secret-hint": {"Value": "rotate key 7", "Type": "String"},
            "/aws/resources": {"Value": json.dumps([{"arn": f"arn:aws:ec2:us-east-1:{DEFAULT_ACCOUNT_ID}:instance/i-1"}]), "Type": "SearchableString"},
        },
        PlannedStartTime=planned,
        PlannedEndTime=planned + dt.timedelta(hours=1),
        Tags=[{"Key": "team", "Value": "web"}],
    )
    opsitem_id = created["OpsItemId"]
    assert OPSITEM_ID.match(opsitem_id)
    assert created["OpsItemArn"] == f"arn:aws:ssm:us-east-1:{DEFAULT_ACCOUNT_ID}:opsitem/{opsitem_id}"
    item = get(ops, opsitem_id)
    assert item["OpsItemId"] == opsitem_id and item["OpsItemArn"] == created["OpsItemArn"]
    assert item["Title"] == "Disk full on web-1" and item["Source"] == "monitoring" and item["Description"] == "The root volume is at 98%"
    assert item["Status"] == "Open" and item["Version"] == "1" and item["OpsItemType"] == "/aws/issue"
    assert item["Priority"] == 2 and item["Severity"] == "2" and item["Category"] == "Availability"
    assert item["Notifications"] == [{"Arn": f"arn:aws:sns:us-east-1:{DEFAULT_ACCOUNT_ID}:ops"}]
    assert item["OperationalData"]["secret-hint"] == {"Value": "rotate key 7", "Type": "String"}
    assert item["OperationalData"]["runbook"]["Type"] == "SearchableString"
    assert item["PlannedStartTime"] == planned and item["PlannedEndTime"] == planned + dt.timedelta(hours=1)
    assert "ActualStartTime" not in item
    assert item["CreatedBy"].startswith(f"arn:aws:iam::{DEFAULT_ACCOUNT_ID}:") and item["LastModifiedBy"] == item["CreatedBy"]
    assert item["LastModifiedTime"] == item["CreatedTime"]


def test_update_merges_data_counts_versions_and_keeps_the_source(ops):
    opsitem_id = create(ops, OperationalData={"a": {"Value": "1", "Type": "String"}, "b": {"Value": "2", "Type": "String"}})
    ops.update_ops_item(
        OpsItemId=opsitem_id,
        Status="InProgress",
        Priority=1,
        Title="Disk full on web-1 and web-2",
        OperationalData={"b": {"Value": "two", "Type": "SearchableString"}, "c": {"Value": "3", "Type": "String"}},
        OperationalDataToDelete=["a"],
        RelatedOpsItems=[{"OpsItemId": create(ops, "Related")}],
        ActualStartTime=dt.datetime(2031, 5, 1, 12, 5, tzinfo=dt.timezone.utc),
    )
    item = get(ops, opsitem_id)
    assert item["Version"] == "2" and item["Status"] == "InProgress" and item["Priority"] == 1
    assert item["Title"] == "Disk full on web-1 and web-2" and item["Source"] == "monitoring"
    assert item["OperationalData"] == {"b": {"Value": "two", "Type": "SearchableString"}, "c": {"Value": "3", "Type": "String"}}
    assert len(item["RelatedOpsItems"]) == 1 and item["ActualStartTime"].year == 2031
    # An edit that changes nothing is not a new version.
    ops.update_ops_item(OpsItemId=opsitem_id, Status="InProgress", Priority=1)
    assert get(ops, opsitem_id)["Version"] == "2"
    ops.update_ops_item(OpsItemId=opsitem_id, Status="Resolved")
    resolved = get(ops, opsitem_id)
    assert resolved["Version"] == "3" and resolved["Status"] == "Resolved" and resolved["Source"] == "monitoring"


def test_bad_edits_are_refused_and_change_nothing(ops, raw_ops):
    opsitem_id = create(ops, OperationalData={"keep": {"Value": "x", "Type": "String"}})
    cases = [
        ({"Status": "Approved"}, ["Status"]),
        ({"OperationalData": {"aws:thing": {"Value": "x", "Type": "String"}}}, ["OperationalData"]),
        ({"OperationalData": {"big": {"Value": "x" * (20 * 1024 + 1), "Type": "String"}}}, ["OperationalData"]),
        ({"RelatedOpsItems": [{"OpsItemId": "oi-000000000000"}]}, ["RelatedOpsItems"]),
        ({"RelatedOpsItems": [{"OpsItemId": opsitem_id}]}, ["RelatedOpsItems"]),
        ({"Notifications": [{"Arn": "arn:aws:sqs:us-east-1:111111111111:q"}]}, ["Notifications"]),
    ]
    for params, names in cases:
        with aws_error("OpsItemInvalidParameterException", 400) as caught:
            ops.update_ops_item(OpsItemId=opsitem_id, Title="changed", **params)
        assert invalid_parameter(caught) == names, params
    with aws_error("ValidationException", 400, mentions="Priority"):
        raw_ops.update_ops_item(OpsItemId=opsitem_id, Priority=6)
    with aws_error("ValidationException", 400, mentions="OpsItemId"):
        raw_ops.get_ops_item(OpsItemId="oi-XYZ")
    item = get(ops, opsitem_id)
    assert item["Version"] == "1" and item["Title"] == "Disk full on web-1" and item["Status"] == "Open"
    assert item["OperationalData"] == {"keep": {"Value": "x", "Type": "String"}}


@pytest.mark.parametrize("source", ["AWS-health", "my-Amazon-alarms", "amznwatch"])
def test_sources_naming_aws_are_refused(ops, source):
    with aws_error("OpsItemInvalidParameterException", 400, mentions="source") as caught:
        create(ops, Source=source)
    assert invalid_parameter(caught) == ["Source"]


@pytest.mark.parametrize("key", ["aws:region", "AWS.tier", "amazon-id", "amzn", "ssm-doc", "/aws/other", "/SSM/x", "/amazon/y", "/amzn/z"])
def test_reserved_operational_data_keys_are_refused(ops, key):
    with aws_error("OpsItemInvalidParameterException", 400, mentions=key) as caught:
        create(ops, OperationalData={key: {"Value": "x", "Type": "String"}})
    assert invalid_parameter(caught) == ["OperationalData"]


def test_the_three_reserved_keys_aws_uses_are_accepted_when_well_formed(ops):
    data = {
        "/aws/resources": {"Value": json.dumps([{"arn": "arn:aws:ec2:us-east-1:111111111111:instance/i-9"}]), "Type": "SearchableString"},
        "/aws/automations": {"Value": json.dumps([{"automationId": "AWS-RestartEC2Instance", "automationType": "AWS::SSM::Automation"}]), "Type": "SearchableString"},
        **dedup("accepted-" + uuid.uuid4().hex),
    }
    assert set(get(ops, create(ops, OperationalData=data))["OperationalData"]) == set(data)
    for key, value in [("/aws/dedup", '{"other":1}'), ("/aws/resources", '{"arn":"x"}'), ("/aws/automations", "not json")]:
        with aws_error("OpsItemInvalidParameterException", 400) as caught:
            create(ops, OperationalData={key: {"Value": value, "Type": "SearchableString"}})
        assert invalid_parameter(caught) == ["OperationalData"]


def test_create_refuses_other_accounts_types_and_unknown_related_items(ops):
    with aws_error("OpsItemAccessDeniedException", 400):
        create(ops, AccountId="222222222222")
    with aws_error("OpsItemInvalidParameterException", 400) as caught:
        create(ops, OpsItemType="/aws/changerequest")
    assert invalid_parameter(caught) == ["OpsItemType"]
    with aws_error("OpsItemInvalidParameterException", 400) as caught:
        create(ops, RelatedOpsItems=[{"OpsItemId": "oi-0123456789ab"}])
    assert invalid_parameter(caught) == ["RelatedOpsItems"]
    assert create(ops, OpsItemType="/aws/insight", AccountId=DEFAULT_ACCOUNT_ID)


def test_delete_is_idempotent_and_takes_events_and_associations(ops):
    opsitem_id = create(ops)
    ops.associate_ops_item_related_item(
        OpsItemId=opsitem_id, AssociationType="RelatesTo", ResourceType="AWS::SSM::Document",
        ResourceUri=f"arn:aws:ssm:us-east-1:{DEFAULT_ACCOUNT_ID}:document/Restart",
    )
    ops.delete_ops_item(OpsItemId=opsitem_id)
    ops.delete_ops_item(OpsItemId=opsitem_id)
    with aws_error("OpsItemNotFoundException", 400, mentions=opsitem_id):
        get(ops, opsitem_id)
    with aws_error("OpsItemNotFoundException", 400):
        ops.list_ops_item_events(Filters=[{"Key": "OpsItemId", "Values": [opsitem_id], "Operator": "Equal"}])
    with aws_error("OpsItemInvalidParameterException", 400):
        ops.list_ops_item_related_items(OpsItemId=opsitem_id)
    with aws_error("OpsItemNotFoundException", 400):
        ops.update_ops_item(OpsItemId=opsitem_id, Title="back")


def test_tags_given_at_create_are_read_and_edited_with_the_tag_operations(ops, server, second_account):
    opsitem_id = create(ops, Tags=[{"Key": "team", "Value": "web"}, {"Key": "tier", "Value": "1"}])

    def tags(client: Any = ops) -> dict:
        listed = client.list_tags_for_resource(ResourceType="OpsItem", ResourceId=opsitem_id)["TagList"]
        return {t["Key"]: t["Value"] for t in listed}

    assert tags() == {"team": "web", "tier": "1"}
    ops.add_tags_to_resource(ResourceType="OpsItem", ResourceId=opsitem_id, Tags=[{"Key": "tier", "Value": "2"}])
    ops.remove_tags_from_resource(ResourceType="OpsItem", ResourceId=opsitem_id, TagKeys=["team"])
    assert tags() == {"tier": "2"}
    other = server.client("ssm", account=second_account)
    with aws_error("InvalidResourceId", 400):
        tags(other)
    with aws_error("InvalidResourceId", 400):
        other.add_tags_to_resource(ResourceType="OpsItem", ResourceId=opsitem_id, Tags=[{"Key": "x", "Value": "y"}])
    assert tags() == {"tier": "2"}
    ops.delete_ops_item(OpsItemId=opsitem_id)
    with aws_error("InvalidResourceId", 400, mentions=opsitem_id):
        tags()


# ---------------------------------------------------------------------------
# Dedup
# ---------------------------------------------------------------------------


def test_dedup_refuses_a_second_active_item_and_allows_one_after_resolution(ops):
    key = "disk-full-web-1-" + uuid.uuid4().hex
    first = create(ops, OperationalData=dedup(key))
    with aws_error("OpsItemAlreadyExistsException", 400) as caught:
        create(ops, "Same problem again", OperationalData=dedup(key))
    assert caught.value.response["OpsItemId"] == first
    ops.update_ops_item(OpsItemId=first, Status="InProgress")
    with aws_error("OpsItemAlreadyExistsException", 400):
        create(ops, OperationalData=dedup(key))
    ops.update_ops_item(OpsItemId=first, Status="Resolved")
    second = create(ops, "It came back", OperationalData=dedup(key))
    assert second != first
    # The first cannot be reopened while the second holds the dedup string, and its dedup string cannot change.
    with aws_error("OpsItemAlreadyExistsException", 400) as caught:
        ops.update_ops_item(OpsItemId=first, Status="Open")
    assert caught.value.response["OpsItemId"] == second
    assert get(ops, first)["Status"] == "Resolved"
    with aws_error("OpsItemInvalidParameterException", 400) as caught:
        ops.update_ops_item(OpsItemId=second, OperationalData=dedup("other"))
    assert invalid_parameter(caught) == ["OperationalData"]
    with aws_error("OpsItemInvalidParameterException", 400) as caught:
        ops.update_ops_item(OpsItemId=second, OperationalDataToDelete=["/aws/dedup"])
    assert invalid_parameter(caught) == ["OperationalDataToDelete"]


def test_dedup_strings_are_per_account(ops, server, second_account):
    key = "shared-" + uuid.uuid4().hex
    create(ops, OperationalData=dedup(key))
    other = server.client("ssm", account=second_account)
    assert OPSITEM_ID.match(create(other, OperationalData=dedup(key)))


# ---------------------------------------------------------------------------
# DescribeOpsItems
# ---------------------------------------------------------------------------


def test_describe_filters_by_every_common_key(fresh_ops):
    client = fresh_ops
    disk = create(
        client, "Disk full on web-1", Source="monitoring", Priority=2, Category="Availability", Severity="2",
        OperationalData={
            "host": {"Value": "web-1.prod", "Type": "SearchableString"},
            "private": {"Value": "only-on-get", "Type": "String"},
            "/aws/resources": {"Value": json.dumps([{"arn": "arn:aws:ec2:us-east-1:1:instance/i-0disk"}]), "Type": "SearchableString"},
            "/aws/automations": {"Value": json.dumps([{"automationId": "Restart-Web", "automationType": "AWS::SSM::Automation"}]), "Type": "SearchableString"},
        },
    )
    cert = create(client, "TLS certificate expires", Source="cert-watch", Priority=4, Category="Security")
    latency = create(client, "Latency on checkout", Source="monitoring", Priority=2, OpsItemType="/aws/insight")
    client.update_ops_item(OpsItemId=cert, Status="Resolved")

    def ids(*filters):
        return sorted(s["OpsItemId"] for s in describe(client, *filters))

    assert ids() == sorted([disk, cert, latency])
    assert ids(("Status", "Equal", ["Open"])) == sorted([disk, latency])
    assert ids(("Status", "Equal", ["Open", "Resolved"])) == sorted([disk, cert, latency])
    assert ids(("Priority", "Equal", ["2"]), ("Source", "Equal", ["monitoring"])) == sorted([disk, latency])
    assert ids(("Source", "Contains", ["WATCH"])) == [cert]
    assert ids(("Title", "Contains", ["full"])) == [disk]
    assert ids(("Title", "Equal", ["Disk full on web-1"])) == [disk]
    assert ids(("Title", "Equal", ["Disk full"])) == []
    assert ids(("OpsItemId", "Equal", [cert])) == [cert]
    assert ids(("Category", "Equal", ["Security"])) == [cert]
    assert ids(("Severity", "Equal", ["2"])) == [disk]
    assert ids(("OpsItemType", "Equal", ["/aws/insight"])) == [latency]
    assert ids(("OperationalDataKey", "Equal", ["host"])) == [disk]
    assert ids(("OperationalDataValue", "Contains", ["web-1"])) == [disk]
    assert ids(("OperationalData", "Equal", [json.dumps({"key": "host", "value": "web-1.prod"})])) == [disk]
    # Non-searchable data is neither shown nor searchable.
    assert ids(("OperationalDataKey", "Equal", ["private"])) == []
    assert ids(("OperationalDataValue", "Equal", ["only-on-get"])) == []
    assert ids(("ResourceId", "Contains", ["i-0disk"])) == [disk]
    assert ids(("AutomationId", "Equal", ["Restart-Web"])) == [disk]
    assert ids(("AccountId", "Equal", [DEFAULT_ACCOUNT_ID])) == []
    assert ids(("CreatedTime", "GreaterThan", ["2000-01-01T00:00:00Z"])) == sorted([disk, cert, latency])
    assert ids(("CreatedTime", "LessThan", ["2000-01-01T00:00:00Z"])) == []
    assert ids(("LastModifiedTime", "GreaterThan", [str(int(dt.datetime.now().timestamp()) + 3600)])) == []
    assert ids(("ChangeRequestByTemplate", "Equal", ["AWS-Template"])) == []
    summary = next(s for s in describe(client) if s["OpsItemId"] == disk)
    assert set(summary["OperationalData"]) == {"host", "/aws/resources", "/aws/automations"}
    assert summary["Title"] == "Disk full on web-1" and summary["Status"] == "Open" and summary["Priority"] == 2
    assert summary["OpsItemType"] == "/aws/issue" and "Description" not in summary and "Version" not in summary


@pytest.mark.parametrize(
    "key,operator,values,field",
    [
        ("Status", "Contains", ["Open"], "OpsItemFilters.1.Operator"),
        ("CreatedTime", "Equal", ["2030-01-01T00:00:00Z"], "OpsItemFilters.1.Operator"),
        ("ResourceId", "Equal", ["i-1"], "OpsItemFilters.1.Operator"),
        ("Priority", "Equal", ["6"], "OpsItemFilters.1.Values"),
        ("Status", "Equal", ["Closing"], "OpsItemFilters.1.Values"),
        ("CreatedTime", "GreaterThan", ["yesterday"], "OpsItemFilters.1.Values"),
        ("Title", "Equal", ["x" * 101], "OpsItemFilters.1.Values"),
        ("OperationalData", "Equal", ["host=web-1"], "OpsItemFilters.1.Values"),
    ],
)
def test_describe_refuses_a_wrong_operator_or_value_naming_the_field(raw_ops, key, operator, values, field):
    with aws_error("ValidationException", 400, mentions=field):
        raw_ops.describe_ops_items(OpsItemFilters=[{"Key": key, "Operator": operator, "Values": values}])


def test_describe_refuses_keys_and_operators_the_model_does_not_have(raw_ops):
    # The documentation's LastModifiedBy key and Equals operator are not in the model.
    with aws_error("ValidationException", 400, mentions="Key"):
        raw_ops.describe_ops_items(OpsItemFilters=[{"Key": "LastModifiedBy", "Operator": "Equal", "Values": ["x"]}])
    with aws_error("ValidationException", 400, mentions="Operator"):
        raw_ops.describe_ops_items(OpsItemFilters=[{"Key": "Status", "Operator": "Equals", "Values": ["Open"]}])
    with aws_error("ValidationException", 400, mentions="MaxResults"):
        raw_ops.describe_ops_items(MaxResults=51)


def test_describe_pages_newest_first_without_losing_any(fresh_ops, server):
    made = [create(fresh_ops, f"Item {n}") for n in range(7)]
    pages, seen, token = 0, [], None
    while True:
        params = {"MaxResults": 3, **({"NextToken": token} if token else {})}
        response = fresh_ops.describe_ops_items(**params)
        pages += 1
        assert len(response["OpsItemSummaries"]) <= 3
        seen += [s["OpsItemId"] for s in response["OpsItemSummaries"]]
        token = response.get("NextToken")
        if not token:
            break
    assert pages == 3 and sorted(seen) == sorted(made) and len(seen) == 7
    times = [get(fresh_ops, i)["CreatedTime"] for i in seen]
    assert times == sorted(times, reverse=True)
    paginated = [s["OpsItemId"] for page in fresh_ops.get_paginator("describe_ops_items").paginate(PaginationConfig={"PageSize": 2}) for s in page["OpsItemSummaries"]]
    assert paginated == seen
    # A filtered listing pages too: only the matches, each once.
    matching = [s["OpsItemId"] for page in fresh_ops.get_paginator("describe_ops_items").paginate(
        OpsItemFilters=[{"Key": "Title", "Operator": "Contains", "Values": ["Item 1", "Item 4", "Item 6"]}], PaginationConfig={"PageSize": 1}
    ) for s in page["OpsItemSummaries"]]
    assert sorted(matching) == sorted([made[1], made[4], made[6]])
    with aws_error("ValidationException", 400, mentions="NextToken"):
        fresh_ops.describe_ops_items(NextToken="bm90LWEtdG9rZW4=")


# ---------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------


def test_every_create_and_edit_is_an_event_newest_first(ops):
    opsitem_id = create(ops)
    ops.update_ops_item(OpsItemId=opsitem_id, Status="InProgress", Priority=3)
    ops.update_ops_item(OpsItemId=opsitem_id, Status="InProgress")  # no change, no event
    ops.update_ops_item(OpsItemId=opsitem_id, Status="Resolved")
    flt = [{"Key": "OpsItemId", "Values": [opsitem_id], "Operator": "Equal"}]
    events = ops.list_ops_item_events(Filters=flt)["Summaries"]
    assert [e["DetailType"] for e in events] == ["OpsItem Update", "OpsItem Update", "OpsItem Create"]
    assert {e["Source"] for e in events} == {"aws.ssm"} and {e["OpsItemId"] for e in events} == {opsitem_id}
    details = [json.loads(e["Detail"]) for e in events]
    assert [d["version"] for d in details] == ["3", "2", "1"]
    assert details[0]["changedFields"] == "Status" and details[0]["status"] == "Resolved"
    assert details[1]["changedFields"] == "Status,Priority" and "changedFields" not in details[2]
    assert all(UUID_RE.match(e["EventId"]) for e in events) and len({e["EventId"] for e in events}) == 3
    assert all(e["CreatedBy"]["Arn"].startswith(f"arn:aws:iam::{DEFAULT_ACCOUNT_ID}:") for e in events)
    assert events[0]["CreatedTime"] >= events[2]["CreatedTime"]
    first = ops.list_ops_item_events(Filters=flt, MaxResults=1)
    second = ops.list_ops_item_events(Filters=flt, MaxResults=2, NextToken=first["NextToken"])
    assert [e["EventId"] for e in first["Summaries"] + second["Summaries"]] == [e["EventId"] for e in events]
    assert "NextToken" not in second
    with aws_error("OpsItemInvalidParameterException", 400) as caught:
        ops.list_ops_item_events(Filters=flt, NextToken="garbage")
    assert invalid_parameter(caught) == ["NextToken"]
    with aws_error("OpsItemNotFoundException", 400, mentions="oi-0000000000ff"):
        ops.list_ops_item_events(Filters=[{"Key": "OpsItemId", "Values": [opsitem_id, "oi-0000000000ff"], "Operator": "Equal"}])


# ---------------------------------------------------------------------------
# Related items
# ---------------------------------------------------------------------------


def test_related_items_associate_list_and_disassociate(ops, raw_ops):
    opsitem_id = create(ops)
    doc_arn = f"arn:aws:ssm:us-east-1:{DEFAULT_ACCOUNT_ID}:document/Restart-Web"
    incident_arn = f"arn:aws:ssm-incidents::{DEFAULT_ACCOUNT_ID}:incident-record/plan/{uuid.uuid4()}"
    first = ops.associate_ops_item_related_item(OpsItemId=opsitem_id, AssociationType="RelatesTo", ResourceType="AWS::SSM::Document", ResourceUri=doc_arn)
    assert UUID_RE.match(first["AssociationId"])
    second = ops.associate_ops_item_related_item(
        OpsItemId=opsitem_id, AssociationType="IsParentOf", ResourceType="AWS::SSMIncidents::IncidentRecord", ResourceUri=incident_arn
    )["AssociationId"]
    with aws_error("OpsItemRelatedItemAlreadyExistsException", 400) as caught:
        ops.associate_ops_item_related_item(OpsItemId=opsitem_id, AssociationType="IsParentOf", ResourceType="AWS::SSM::Document", ResourceUri=doc_arn)
    assert caught.value.response["ResourceUri"] == doc_arn and caught.value.response["OpsItemId"] == opsitem_id
    for params, name in [
        ({"AssociationType": "Owns", "ResourceType": "AWS::SSM::Document", "ResourceUri": doc_arn + "2"}, "AssociationType"),
        ({"AssociationType": "RelatesTo", "ResourceType": "AWS::EC2::Instance", "ResourceUri": doc_arn + "2"}, "ResourceType"),
        ({"AssociationType": "RelatesTo", "ResourceType": "AWS::SSM::Document", "ResourceUri": "not-an-arn"}, "ResourceUri"),
        ({"AssociationType": "RelatesTo", "ResourceType": "AWS::SSMIncidents::IncidentRecord", "ResourceUri": doc_arn + "2"}, "ResourceUri"),
    ]:
        with aws_error("OpsItemInvalidParameterException", 400) as caught:
            ops.associate_ops_item_related_item(OpsItemId=opsitem_id, **params)
        assert invalid_parameter(caught) == [name]
    with aws_error("OpsItemNotFoundException", 400):
        ops.associate_ops_item_related_item(OpsItemId="oi-00000000abcd", AssociationType="RelatesTo", ResourceType="AWS::SSM::Document", ResourceUri=doc_arn)

    summaries = ops.list_ops_item_related_items(OpsItemId=opsitem_id)["Summaries"]
    assert [s["AssociationId"] for s in summaries] == [first["AssociationId"], second]
    document = summaries[0]
    assert document["ResourceType"] == "AWS::SSM::Document" and document["AssociationType"] == "RelatesTo" and document["ResourceUri"] == doc_arn
    assert document["OpsItemId"] == opsitem_id and document["CreatedBy"]["Arn"].startswith(f"arn:aws:iam::{DEFAULT_ACCOUNT_ID}:")
    filtered = ops.list_ops_item_related_items(
        OpsItemId=opsitem_id, Filters=[{"Key": "ResourceType", "Operator": "Equal", "Values": ["AWS::SSMIncidents::IncidentRecord"]}]
    )["Summaries"]
    assert [s["ResourceUri"] for s in filtered] == [incident_arn]
    page = ops.list_ops_item_related_items(OpsItemId=opsitem_id, MaxResults=1)
    assert len(page["Summaries"]) == 1 and page["NextToken"]
    rest = ops.list_ops_item_related_items(OpsItemId=opsitem_id, MaxResults=1, NextToken=page["NextToken"])
    assert [s["AssociationId"] for s in page["Summaries"] + rest["Summaries"]] == [first["AssociationId"], second] and "NextToken" not in rest

    ops.disassociate_ops_item_related_item(OpsItemId=opsitem_id, AssociationId=first["AssociationId"])
    with aws_error("OpsItemRelatedItemAssociationNotFoundException", 400):
        ops.disassociate_ops_item_related_item(OpsItemId=opsitem_id, AssociationId=first["AssociationId"])
    assert [s["AssociationId"] for s in ops.list_ops_item_related_items(OpsItemId=opsitem_id)["Summaries"]] == [second]
    # The resource can be associated again once the old association is gone.
    ops.associate_ops_item_related_item(OpsItemId=opsitem_id, AssociationType="RelatesTo", ResourceType="AWS::SSM::Document", ResourceUri=doc_arn)


# ---------------------------------------------------------------------------
# Accounts
# ---------------------------------------------------------------------------


def test_another_account_cannot_see_or_change_an_opsitem(ops, server, second_account):
    opsitem_id = create(ops, OperationalData={"host": {"Value": "isolated-" + uuid.uuid4().hex, "Type": "SearchableString"}})
    arn = get(ops, opsitem_id)["OpsItemArn"]
    other = server.client("ssm", account=second_account)
    with aws_error("OpsItemNotFoundException", 400):
        other.get_ops_item(OpsItemId=opsitem_id)
    with aws_error("OpsItemNotFoundException", 400):
        other.get_ops_item(OpsItemId=opsitem_id, OpsItemArn=arn)
    with aws_error("OpsItemNotFoundException", 400):
        other.update_ops_item(OpsItemId=opsitem_id, Status="Resolved")
    with aws_error("OpsItemNotFoundException", 400):
        other.associate_ops_item_related_item(
            OpsItemId=opsitem_id, AssociationType="RelatesTo", ResourceType="AWS::SSM::Document",
            ResourceUri=f"arn:aws:ssm:us-east-1:{second_account.account_id}:document/x",
        )
    with aws_error("OpsItemNotFoundException", 400):
        other.list_ops_item_events(Filters=[{"Key": "OpsItemId", "Values": [opsitem_id], "Operator": "Equal"}])
    with aws_error("OpsItemInvalidParameterException", 400):
        other.list_ops_item_related_items(OpsItemId=opsitem_id)
    assert describe(other, ("OpsItemId", "Equal", [opsitem_id])) == []
    assert opsitem_id not in {e["OpsItemId"] for e in other.list_ops_item_events()["Summaries"]}
    other.delete_ops_item(OpsItemId=opsitem_id)  # idempotent: nothing of the caller's to delete
    item = get(ops, opsitem_id)
    assert item["Status"] == "Open" and item["Version"] == "1"
    # An ARN that is not the item's own does not read it either.
    with aws_error("OpsItemNotFoundException", 400):
        ops.get_ops_item(OpsItemId=opsitem_id, OpsItemArn=f"arn:aws:ssm:us-east-1:222222222222:opsitem/{opsitem_id}")
    # Regions are apart too.
    with aws_error("OpsItemNotFoundException", 400):
        server.client("ssm", region="eu-west-1").get_ops_item(OpsItemId=opsitem_id)


# ---------------------------------------------------------------------------
# Incidents' parent OpsItems
# ---------------------------------------------------------------------------


def test_an_incident_parent_is_an_opsitem_that_follows_the_incident(ops, incidents):
    plan = create_plan(incidents, title="Checkout is down")
    incident = start(incidents, plan)
    parents = [i for i in related_items(incidents, incident) if i["identifier"]["type"] == "PARENT"]
    assert len(parents) == 1 and parents[0]["title"] == "parentItem"
    parent_arn = parents[0]["identifier"]["value"]["arn"]
    opsitem_id = parent_arn.rsplit("/", 1)[1]
    role = IM_ROLE.format(DEFAULT_ACCOUNT_ID)
    item = ops.get_ops_item(OpsItemId=opsitem_id, OpsItemArn=parent_arn)["OpsItem"]
    assert item["OpsItemArn"] == parent_arn and item["Title"] == "Checkout is down" and item["Status"] == "Open"
    assert item["Source"] == "SSMIncidents" and item["OpsItemType"] == "/aws/issue" and item["Version"] == "1"
    assert item["CreatedBy"] == role and item["Description"]
    related = ops.list_ops_item_related_items(OpsItemId=opsitem_id)["Summaries"]
    assert len(related) == 1
    assert related[0]["ResourceType"] == "AWS::SSMIncidents::IncidentRecord" and related[0]["AssociationType"] == "IsParentOf"
    assert related[0]["ResourceUri"] == incident and related[0]["CreatedBy"] == {"Arn": role}
    assert UUID_RE.match(related[0]["AssociationId"])

    incidents.update_incident_record(arn=incident, status="RESOLVED")
    resolved = get(ops, opsitem_id)
    assert resolved["Status"] == "Resolved" and resolved["Version"] == "2" and resolved["LastModifiedBy"] == role
    events = ops.list_ops_item_events(Filters=[{"Key": "OpsItemId", "Values": [opsitem_id], "Operator": "Equal"}])["Summaries"]
    assert [e["DetailType"] for e in events] == ["OpsItem Update", "OpsItem Create"] and events[0]["CreatedBy"] == {"Arn": role}
    incidents.update_incident_record(arn=incident, status="OPEN")
    assert get(ops, opsitem_id)["Status"] == "Open"

    # The parent is an ordinary OpsItem: an edit through OpsCenter sticks and counts as a version.
    ops.update_ops_item(OpsItemId=opsitem_id, Priority=1)
    edited = get(ops, opsitem_id)
    assert edited["Priority"] == 1 and edited["Version"] == "4" and edited["LastModifiedBy"].startswith(f"arn:aws:iam::{DEFAULT_ACCOUNT_ID}:")


def test_the_aws_cli_reads_and_lists_opsitems(server, ops, incidents):
    incident = start(incidents, create_plan(incidents, title="Payments are slow"))
    parent_arn = next(i for i in related_items(incidents, incident) if i["identifier"]["type"] == "PARENT")["identifier"]["value"]["arn"]
    opsitem_id = parent_arn.rsplit("/", 1)[1]
    read = server.aws("ssm", "get-ops-item", "--ops-item-id", opsitem_id)["OpsItem"]
    assert read["Title"] == "Payments are slow" and read["Source"] == "SSMIncidents"
    created = server.aws(
        "ssm", "create-ops-item", "--title", "Queue backlog", "--source", "cli-test", "--description", "Backlog over 10k",
        "--operational-data", json.dumps({"queue": {"Value": "orders", "Type": "SearchableString"}}), "--priority", "3",
    )
    assert OPSITEM_ID.match(created["OpsItemId"])
    listed = server.aws(
        "ssm", "describe-ops-items", "--ops-item-filters", f"Key=OpsItemId,Values={created['OpsItemId']},Operator=Equal",
    )["OpsItemSummaries"]
    assert [s["OpsItemId"] for s in listed] == [created["OpsItemId"]] and listed[0]["OperationalData"]["queue"]["Value"] == "orders"
    failed = server.aws("ssm", "create-ops-item", "--title", "x", "--source", "aws-cli", "--description", "y", check=False)
    assert failed.returncode != 0 and "OpsItemInvalidParameterException" in failed.stderr


def test_get_ops_summary_has_no_entities(ops):
    assert ops.get_ops_summary()["Entities"] == []


def test_opsitem_notifications_post_to_the_accounts_chat_channels(server, webhook_sink):
    account = server.create_account()
    hk = server.client("hikeshi", account=account)
    ops = server.client("ssm", account=account)
    path = "/opsitems-" + uuid.uuid4().hex[:6]
    channel = hk.create_chat_channel(Name="ops-" + uuid.uuid4().hex[:6], Kind="slack", WebhookUrl=webhook_sink.url(path))["ChatChannel"]["Arn"]
    opsitem_id = create(ops, title="Disk <full> on web-1", Notifications=[{"Arn": channel}], Priority=2,
                        Severity="2")
    created = webhook_sink.wait_for(path, containing=opsitem_id)
    text = json.loads(created[0].body)["text"]
    assert text.startswith("OpsItem created: Disk <full> on web-1") and "Priority: 2" in text
    assert "&lt;full&gt;" in json.loads(created[0].body)["blocks"][0]["text"]["text"]
    ops.update_ops_item(OpsItemId=opsitem_id, Status="Resolved")
    updated = webhook_sink.wait_for(path, count=2, containing=opsitem_id)
    assert "OpsItem updated" in json.loads(updated[-1].body)["text"] and "Resolved" in json.loads(updated[-1].body)["text"]
    # A topic that is no chat channel of the account is skipped; the others still get the notice.
    both = create(ops, Notifications=[{"Arn": f"arn:aws:sns:us-east-1:{account.account_id}:not-a-channel"}, {"Arn": channel}])
    assert len(webhook_sink.wait_for(path, containing=both)) == 1
