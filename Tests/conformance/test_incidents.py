"""ssm-incidents through boto3: response plans, starting incidents (templates, client tokens,
dedupe), incident records and their filters, timelines, related items, findings, replication sets,
resource policies (and what they share with another account), tags, errors, and the engagements
a plan starts (with email over the paging rig's SMTP sink)."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid

import pytest
from botocore.exceptions import ClientError

from harness import DEFAULT_ACCOUNT_ID, aws_error, unique, wait_until
from incident_support import (
    CUSTOM_SOURCE,
    ENGAGEMENT_EVENT,
    SHARED_ACTIONS,
    TRIGGER_EVENT,
    UPDATE_EVENT,
    collect,
    create_plan,
    incidents_of_plan,
    now_utc,
    plan_arn,
    plan_name,
    record,
    related_items,
    share_policy,
    start,
    template,
    timeline,
    timeline_events,
    trigger_actions,
)

UUID_RE = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
OPSITEM_RE = re.compile(r"^arn:aws:ssm:us-east-1:(\d{12}):opsitem/oi-[0-9a-f]{12}$")
ROLE = "arn:aws:iam::111111111111:role/incident-runbook"


def incident_arn_re(name: str, account: str = DEFAULT_ACCOUNT_ID) -> re.Pattern:
    return re.compile(rf"^arn:aws:ssm-incidents::{account}:incident-record/{re.escape(name)}/{UUID_RE}$")


def close_to_now(moment: dt.datetime, seconds: float = 120) -> bool:
    return abs((moment - now_utc()).total_seconds()) <= seconds


def _after(moment: dt.datetime, gap: float = 0.05) -> None:
    """Waits until the clock is past `moment` by `gap` seconds, so that the next record is created later."""
    wait_until(lambda: (now_utc() - moment).total_seconds() > gap, timeout=5, message="the clock to move on")


def tags_of(client, arn: str) -> dict:
    return client.list_tags_for_resource(resourceArn=arn)["tags"]


def chat_topic(name: str | None = None, account: str = DEFAULT_ACCOUNT_ID) -> str:
    return f"arn:aws:sns:us-east-1:{account}:{name or unique('topic')}"


# ---------------------------------------------------------------------------
# Response plans
# ---------------------------------------------------------------------------


def test_create_and_get_response_plan_round_trips_every_field(incidents, make_contact):
    contact = make_contact(display_name="Primary On-call")["ContactArn"]
    name = plan_name()
    topic = chat_topic()
    target = chat_topic()
    params = {
        "name": name,
        "displayName": "Checkout outage",
        "incidentTemplate": {
            "title": "Checkout is down",
            "impact": 2,
            "summary": "Customers cannot pay",
            "dedupeString": f"checkout-{name}",
            "notificationTargets": [{"snsTopicArn": target}],
            "incidentTags": {"service": "checkout", "tier": "1"},
        },
        "chatChannel": {"chatbotSns": [topic]},
        "engagements": [contact],
        "actions": [
            {
                "ssmAutomation": {
                    "roleArn": ROLE,
                    "documentName": "AWS-RestartEC2Instance",
                    "documentVersion": "1",
                    "targetAccount": "RESPONSE_PLAN_OWNER_ACCOUNT",
                    "parameters": {"InstanceId": ["i-0123456789abcdef0"]},
                    "dynamicParameters": {"IncidentArn": {"variable": "INCIDENT_RECORD_ARN"}},
                }
            }
        ],
        "integrations": [
            {
                "pagerDutyConfiguration": {
                    "name": "pd",
                    "secretId": "pagerduty-secret",
                    "pagerDutyIncidentConfiguration": {"serviceId": "PABC123"},
                }
            }
        ],
    }
    created = incidents.create_response_plan(**params)
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201  # the model's responseCode
    arn = created["arn"]
    assert arn == plan_arn(name, DEFAULT_ACCOUNT_ID)

    got = incidents.get_response_plan(arn=arn)
    assert got["arn"] == arn
    assert got["name"] == name
    assert got["displayName"] == "Checkout outage"
    assert got["incidentTemplate"] == params["incidentTemplate"]
    assert got["chatChannel"] == {"chatbotSns": [topic]}
    assert got["engagements"] == [contact]
    assert got["actions"] == params["actions"]
    assert got["integrations"] == params["integrations"]


def test_minimal_plan_has_only_what_was_given(incidents):
    name = plan_name()
    arn = incidents.create_response_plan(name=name, incidentTemplate={"title": "T", "impact": 5})["arn"]
    got = incidents.get_response_plan(arn=arn)
    assert got["name"] == name
    assert got["incidentTemplate"] == {"title": "T", "impact": 5}
    assert not got.get("engagements")
    assert not got.get("actions")
    assert not got.get("displayName")


def test_empty_lists_come_back_as_given(incidents):
    """An empty list the caller stored is returned empty, not left out, and what was left out stays out: tools that
    compare desired state see no drift."""
    name = plan_name()
    action = {"ssmAutomation": {"roleArn": "arn:aws:iam::111111111111:role/r", "documentName": "Triage"}}
    arn = incidents.create_response_plan(
        name=name, incidentTemplate={"title": "T", "impact": 5}, engagements=[], actions=[action], integrations=[]
    )["arn"]
    got = incidents.get_response_plan(arn=arn)
    assert got["engagements"] == []
    assert got["integrations"] == []
    assert got["actions"] == [action]
    assert "parameters" not in got["actions"][0]["ssmAutomation"]


def test_duplicate_plan_name_conflicts_and_keeps_the_original(incidents):
    name = plan_name()
    arn = create_plan(incidents, name, title="Original")
    with aws_error("ConflictException", 409):
        incidents.create_response_plan(name=name, incidentTemplate=template("Impostor", 1))
    assert incidents.get_response_plan(arn=arn)["incidentTemplate"]["title"] == "Original"


def test_same_plan_name_in_another_account(server, incidents, second_account):
    name = plan_name()
    mine = create_plan(incidents, name, title="Mine")
    theirs_client = server.client("ssm-incidents", account=second_account)
    theirs = create_plan(theirs_client, name, title="Theirs")
    assert theirs == plan_arn(name, second_account.account_id) != mine
    assert incidents.get_response_plan(arn=mine)["incidentTemplate"]["title"] == "Mine"
    assert theirs_client.get_response_plan(arn=theirs)["incidentTemplate"]["title"] == "Theirs"


def test_plan_engagements_must_be_contacts_of_the_account(server, incidents, make_contact, second_account):
    missing = f"arn:aws:ssm-contacts:us-east-1:{DEFAULT_ACCOUNT_ID}:contact/{unique('missing')}"
    others = make_contact(client=server.client(account=second_account))["ContactArn"]
    for engagement in (missing, others):
        name = plan_name()
        with aws_error("ValidationException", 400, mentions="engagements"):
            incidents.create_response_plan(name=name, incidentTemplate=template(), engagements=[engagement])
        with aws_error("ResourceNotFoundException", 404):
            incidents.get_response_plan(arn=plan_arn(name, DEFAULT_ACCOUNT_ID))

    arn = create_plan(incidents)
    with aws_error("ValidationException", 400, mentions="engagements"):
        incidents.update_response_plan(arn=arn, engagements=[missing])
    assert not incidents.get_response_plan(arn=arn).get("engagements")


def test_list_response_plans_sorted_by_name_and_paginated(fresh_incidents):
    client = fresh_incidents()
    names = [f"p{i}-{uuid.uuid4().hex[:6]}" for i in (3, 1, 4, 0, 2)]
    for index, name in enumerate(names):
        client.create_response_plan(name=name, displayName=f"Plan {index}", incidentTemplate=template())
    summaries, pages = collect(client.list_response_plans, "responsePlanSummaries", page_size=2)
    assert pages == 3
    assert [s["name"] for s in summaries] == sorted(names)
    account = summaries[0]["arn"].split(":")[4]
    for summary in summaries:
        assert summary["arn"] == plan_arn(summary["name"], account)
        assert summary["displayName"] == f"Plan {names.index(summary['name'])}"
    first = client.list_response_plans(maxResults=2)
    assert len(first["responsePlanSummaries"]) == 2 and first.get("nextToken")
    everything = client.list_response_plans()
    assert len(everything["responsePlanSummaries"]) == 5 and not everything.get("nextToken")


def test_list_response_plans_rejects_a_forged_token(incidents):
    with aws_error("ValidationException", 400, mentions="nextToken"):
        incidents.list_response_plans(nextToken="not-a-token")


def test_update_response_plan_flattened_fields(incidents, make_contact):
    contact = make_contact()["ContactArn"]
    arn = incidents.create_response_plan(
        name=plan_name(),
        displayName="Before",
        incidentTemplate={"title": "Old title", "impact": 4, "summary": "old", "incidentTags": {"a": "1"}},
    )["arn"]
    topic = chat_topic()
    action = {"ssmAutomation": {"roleArn": ROLE, "documentName": "Runbook-Restart"}}
    incidents.update_response_plan(
        arn=arn,
        displayName="After",
        incidentTemplateTitle="New title",
        incidentTemplateImpact=1,
        incidentTemplateSummary="new",
        incidentTemplateDedupeString="dedupe-me",
        incidentTemplateNotificationTargets=[{"snsTopicArn": topic}],
        incidentTemplateTags={"b": "2"},
        engagements=[contact],
        chatChannel={"chatbotSns": [topic]},
        actions=[action],
    )
    got = incidents.get_response_plan(arn=arn)
    assert got["displayName"] == "After"
    assert got["incidentTemplate"] == {
        "title": "New title",
        "impact": 1,
        "summary": "new",
        "dedupeString": "dedupe-me",
        "notificationTargets": [{"snsTopicArn": topic}],
        "incidentTags": {"b": "2"},
    }
    assert got["engagements"] == [contact]
    assert got["chatChannel"] == {"chatbotSns": [topic]}
    assert got["actions"] == [action]
    assert "parameters" not in got["actions"][0]["ssmAutomation"]

    # fields not given stay as they are
    incidents.update_response_plan(arn=arn, incidentTemplateImpact=3)
    again = incidents.get_response_plan(arn=arn)
    assert again["incidentTemplate"]["impact"] == 3
    assert again["incidentTemplate"]["title"] == "New title"
    assert again["displayName"] == "After"
    assert again["engagements"] == [contact]


def test_update_unknown_plan_is_not_found(incidents):
    missing = plan_arn(plan_name("missing"), DEFAULT_ACCOUNT_ID)
    with aws_error("ResourceNotFoundException", 404) as info:
        incidents.update_response_plan(arn=missing, displayName="x")
    assert info.value.response.get("resourceType") == "RESPONSE_PLAN"
    with aws_error("ResourceNotFoundException", 404):
        incidents.get_response_plan(arn=missing)


def test_delete_response_plan(incidents):
    arn = create_plan(incidents)
    incidents.delete_response_plan(arn=arn)
    with aws_error("ResourceNotFoundException", 404):
        incidents.get_response_plan(arn=arn)
    # deleting what is not there succeeds
    incidents.delete_response_plan(arn=arn)
    incidents.delete_response_plan(arn=plan_arn(plan_name("never"), DEFAULT_ACCOUNT_ID))
    # the name is free again
    assert create_plan(incidents, arn.rsplit("/", 1)[-1]) == arn


def test_incidents_outlive_their_plan(incidents):
    arn = create_plan(incidents, title="Survivor")
    incident = start(incidents, arn)
    incidents.delete_response_plan(arn=arn)
    assert record(incidents, incident)["title"] == "Survivor"
    with aws_error("ResourceNotFoundException", 404):
        start(incidents, arn)


def test_plan_tags_at_create(incidents):
    arn = create_plan(incidents, tags={"team": "payments", "env": "prod"})
    assert tags_of(incidents, arn) == {"team": "payments", "env": "prod"}


# ---------------------------------------------------------------------------
# StartIncident
# ---------------------------------------------------------------------------


def test_start_incident_record_fields(incidents):
    name = plan_name()
    topic = chat_topic()
    target = chat_topic()
    plan = incidents.create_response_plan(
        name=name,
        incidentTemplate={
            "title": "Checkout is down",
            "impact": 2,
            "summary": "Payments fail",
            "notificationTargets": [{"snsTopicArn": target}],
        },
        chatChannel={"chatbotSns": [topic]},
    )["arn"]
    arn = start(incidents, plan)
    assert incident_arn_re(name).match(arn), arn

    got = record(incidents, arn)
    assert got["arn"] == arn
    assert got["status"] == "OPEN"
    assert got["title"] == "Checkout is down"
    assert got["impact"] == 2
    assert got["summary"] == "Payments fail"
    assert got["notificationTargets"] == [{"snsTopicArn": target}]
    assert got["chatChannel"] == {"chatbotSns": [topic]}
    assert got.get("dedupeString", "") == ""
    source = got["incidentRecordSource"]
    assert source["source"] == CUSTOM_SOURCE
    assert source["createdBy"].startswith(f"arn:aws:iam::{DEFAULT_ACCOUNT_ID}:")
    assert not source.get("resourceArn")
    assert close_to_now(got["creationTime"]) and close_to_now(got["lastModifiedTime"])
    assert got["lastModifiedTime"] >= got["creationTime"]
    assert "resolvedTime" not in got


def test_title_impact_and_trigger_details_override_the_template(incidents):
    plan = create_plan(incidents, title="Template title", impact=5)
    trigger = f"arn:aws:cloudwatch:us-east-1:{DEFAULT_ACCOUNT_ID}:alarm:{unique('cpu')}"
    when = now_utc() - dt.timedelta(minutes=3)
    arn = start(
        incidents,
        plan,
        title="Given title",
        impact=1,
        triggerDetails={"source": "aws.cloudwatch", "triggerArn": trigger, "timestamp": when, "rawData": '{"alarm": "cpu"}'},
    )
    got = record(incidents, arn)
    assert got["title"] == "Given title"
    assert got["impact"] == 1
    assert got["incidentRecordSource"]["source"] == "aws.cloudwatch"
    assert got["incidentRecordSource"]["resourceArn"] == trigger
    # the trigger's own time is when the timeline says it fired
    created = timeline_events(incidents, arn, TRIGGER_EVENT)
    assert [e["data"]["action"] for e in created] == ["created"]
    assert abs((created[0]["eventTime"] - when).total_seconds()) < 2


def test_start_from_unknown_plan_is_not_found(incidents):
    missing = plan_arn(plan_name("missing"), DEFAULT_ACCOUNT_ID)
    with aws_error("ResourceNotFoundException", 404) as info:
        start(incidents, missing)
    assert missing in info.value.response["Error"]["Message"]


def test_client_token_makes_start_idempotent(incidents):
    plan = create_plan(incidents)
    token = str(uuid.uuid4())
    first = start(incidents, plan, title="Once", clientToken=token)
    again = start(incidents, plan, title="Once", clientToken=token)
    assert again == first
    assert [r["arn"] for r in incidents_of_plan(incidents, plan)] == [first]
    with aws_error("ConflictException", 409):
        start(incidents, plan, title="Something else", clientToken=token)
    assert [r["arn"] for r in incidents_of_plan(incidents, plan)] == [first]
    # another token is another incident
    assert start(incidents, plan, title="Once", clientToken=str(uuid.uuid4())) != first


def test_plan_dedupe_string_absorbs_starts_while_open(incidents):
    plan = create_plan(incidents, template_extra={"dedupeString": unique("dedupe")})
    first = start(incidents, plan, title="First")
    second = start(incidents, plan, title="Second")
    assert second == first
    records = incidents_of_plan(incidents, plan)
    assert [r["arn"] for r in records] == [first]
    assert record(incidents, first)["title"] == "First"
    assert record(incidents, first)["dedupeString"] == incidents.get_response_plan(arn=plan)["incidentTemplate"]["dedupeString"]
    assert trigger_actions(incidents, first) == ["created", "absorbed"]

    incidents.update_incident_record(arn=first, status="RESOLVED")
    third = start(incidents, plan, title="Third")
    assert third != first
    assert record(incidents, third)["status"] == "OPEN"
    assert sorted(r["arn"] for r in incidents_of_plan(incidents, plan)) == sorted([first, third])
    # the resolved incident did not absorb anything more
    assert trigger_actions(incidents, first) == ["created", "absorbed"]


def test_trigger_arn_dedupes_without_a_plan_dedupe_string(incidents):
    plan = create_plan(incidents)
    alarm = f"arn:aws:cloudwatch:us-east-1:{DEFAULT_ACCOUNT_ID}:alarm:{unique('alarm')}"
    other = f"arn:aws:cloudwatch:us-east-1:{DEFAULT_ACCOUNT_ID}:alarm:{unique('alarm')}"

    fired = iter(range(10, 0, -1))

    def details(arn=None):
        # distinct whole-second trigger times (boto3 sends seconds), in the order of the starts
        value = {"source": "aws.cloudwatch", "timestamp": now_utc() - dt.timedelta(minutes=next(fired))}
        if arn:
            value["triggerArn"] = arn
        return value

    a = start(incidents, plan, triggerDetails=details(alarm))
    assert start(incidents, plan, triggerDetails=details(alarm)) == a
    b = start(incidents, plan, triggerDetails=details(other))
    assert b != a
    # without a trigger ARN (and without a plan dedupe string) starts never dedupe
    c = start(incidents, plan, triggerDetails=details())
    d = start(incidents, plan, triggerDetails=details())
    e = start(incidents, plan)
    f = start(incidents, plan)
    assert len({a, b, c, d, e, f}) == 6
    assert len(incidents_of_plan(incidents, plan)) == 6
    assert trigger_actions(incidents, a) == ["created", "absorbed"]
    assert record(incidents, a)["dedupeString"] == alarm


def test_start_writes_system_timeline_events(incidents, ssm, make_contact):
    contact = make_contact(display_name="Engaged")["ContactArn"]
    plan = create_plan(
        incidents,
        title="Runbook time",
        engagements=[contact],
        actions=[{"ssmAutomation": {"roleArn": ROLE, "documentName": "Runbook-Restart", "documentVersion": "3"}}],
    )
    arn = start(incidents, plan)
    events = timeline_events(incidents, arn)
    by_type = {}
    for event in events:
        by_type.setdefault(event["eventType"], []).append(event)
        assert event["incidentRecordArn"] == arn
    assert [e["data"]["action"] for e in by_type[TRIGGER_EVENT]] == ["created"]
    assert len(by_type[ENGAGEMENT_EVENT]) == 1
    assert contact in by_type[ENGAGEMENT_EVENT][0]["eventData"]
    # The plan's runbook starts in a job after the incident commits; this one does not exist, and the timeline says so.
    failure = wait_until(lambda: timeline_events(incidents, arn, "SSM Automation Execution Start Failure for Incident"), message="start failure")
    assert failure[0]["data"]["documentName"] == "Runbook-Restart" and "does not exist" in failure[0]["data"]["failureMessage"]
    # the engagement really started, tied to the incident
    engagements = ssm.list_engagements(IncidentId=arn)["Engagements"]
    assert len(engagements) == 1 and engagements[0]["ContactArn"] == contact


# ---------------------------------------------------------------------------
# Records: get, list, filters, update, delete
# ---------------------------------------------------------------------------


def test_get_unknown_incident_record_is_not_found(incidents):
    plan = create_plan(incidents)
    missing = f"{plan.replace(':response-plan/', ':incident-record/')}/{uuid.uuid4()}"
    with aws_error("ResourceNotFoundException", 404) as info:
        incidents.get_incident_record(arn=missing)
    assert info.value.response.get("resourceType") == "INCIDENT_RECORD"


def test_list_incident_records_newest_first_and_paginated(fresh_incidents):
    client = fresh_incidents()
    plan = create_plan(client)
    arns = []
    for i in range(5):
        arns.append(start(client, plan, title=f"Incident {i}"))
        _after(record(client, arns[-1])["creationTime"], gap=0.005)  # distinct creation times
    summaries, pages = collect(client.list_incident_records, "incidentRecordSummaries", page_size=2)
    assert pages == 3
    assert sorted(s["arn"] for s in summaries) == sorted(arns)
    times = [s["creationTime"] for s in summaries]
    assert times == sorted(times, reverse=True)
    assert [s["arn"] for s in summaries] == list(reversed(arns))
    for summary in summaries:
        assert summary["status"] == "OPEN"
        assert summary["impact"] == 3
        assert summary["title"].startswith("Incident ")
        assert summary["incidentRecordSource"]["source"] == CUSTOM_SOURCE


def test_list_incident_records_filters(fresh_incidents):
    client = fresh_incidents()
    plan = create_plan(client)
    a = start(client, plan, title="A", impact=1)
    # boto3 sends timestamps in whole seconds: B and C are created in a later second than A
    mid = record(client, a)["creationTime"].replace(microsecond=0) + dt.timedelta(seconds=1)
    _after(mid)
    b = start(client, plan, title="B", impact=2)
    c = start(client, plan, title="C", impact=3)
    client.update_incident_record(arn=c, status="RESOLVED")
    c_resolved = record(client, c)["resolvedTime"]
    created_by = record(client, a)["incidentRecordSource"]["createdBy"]

    def listed(*filters):
        return {r["arn"] for r in collect(client.list_incident_records, "incidentRecordSummaries", filters=list(filters))[0]}

    def equals_int(key, *values):
        return {"key": key, "condition": {"equals": {"integerValues": list(values)}}}

    def equals_str(key, *values):
        return {"key": key, "condition": {"equals": {"stringValues": list(values)}}}

    assert listed() == {a, b, c}
    assert listed(equals_int("impact", 1)) == {a}
    assert listed(equals_int("impact", 1, 3)) == {a, c}  # OR within a filter
    assert listed(equals_str("status", "RESOLVED")) == {c}
    assert listed(equals_str("status", "OPEN")) == {a, b}
    assert listed(equals_str("status", "OPEN", "RESOLVED")) == {a, b, c}
    assert listed(equals_str("status", "OPEN"), equals_int("impact", 2, 3)) == {b}  # AND across filters
    assert listed(equals_str("createdBy", created_by)) == {a, b, c}
    assert listed(equals_str("createdBy", "arn:aws:iam::123456789012:user/nobody")) == set()
    assert listed({"key": "creationTime", "condition": {"after": mid}}) == {b, c}
    assert listed({"key": "creationTime", "condition": {"before": mid}}) == {a}
    assert listed({"key": "creationTime", "condition": {"after": now_utc() + dt.timedelta(hours=1)}}) == set()
    assert listed({"key": "resolvedTime", "condition": {"after": c_resolved - dt.timedelta(minutes=1)}}) == {c}
    assert listed({"key": "resolvedTime", "condition": {"before": c_resolved - dt.timedelta(minutes=1)}}) == set()
    assert listed({"key": "creationTime", "condition": {"after": mid}}, equals_int("impact", 2)) == {b}


@pytest.mark.parametrize(
    "bad_filter",
    [
        {"key": "colour", "condition": {"equals": {"stringValues": ["red"]}}},
        {"key": "impact", "condition": {"equals": {"stringValues": ["1"]}}},
        {"key": "status", "condition": {"before": dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)}},
        {"key": "creationTime", "condition": {"equals": {"stringValues": ["yesterday"]}}},
        {"key": "createdBy", "condition": {"equals": {"integerValues": [1]}}},
    ],
    ids=["unknown-key", "impact-strings", "status-before", "creationTime-equals", "createdBy-integers"],
)
def test_list_incident_records_rejects_bad_filters(incidents, bad_filter):
    with aws_error("ValidationException", 400):
        incidents.list_incident_records(filters=[bad_filter])


def test_update_incident_record_fields_write_a_timeline_event(incidents):
    plan = create_plan(incidents, title="Before", impact=4)
    arn = start(incidents, plan)
    before = record(incidents, arn)
    _after(before["lastModifiedTime"])
    incidents.update_incident_record(arn=arn, title="After", summary="Now we know", impact=2)
    got = record(incidents, arn)
    assert (got["title"], got["summary"], got["impact"]) == ("After", "Now we know", 2)
    assert got["status"] == "OPEN"
    assert got["lastModifiedTime"] > before["lastModifiedTime"]
    assert got["creationTime"] == before["creationTime"]
    updates = timeline_events(incidents, arn, UPDATE_EVENT)
    assert len(updates) == 1
    data = updates[0]["data"]
    assert data["title"] == "After"
    assert data["summary"] == "Now we know"
    assert str(data["impact"]) == "2"
    assert "status" not in data


def test_resolve_and_reopen(incidents):
    arn = start(incidents, create_plan(incidents))
    incidents.update_incident_record(arn=arn, status="RESOLVED")
    got = record(incidents, arn)
    assert got["status"] == "RESOLVED"
    assert close_to_now(got["resolvedTime"]) and got["resolvedTime"] >= got["creationTime"]
    assert [e["data"].get("status") for e in timeline_events(incidents, arn, UPDATE_EVENT)] == ["RESOLVED"]

    incidents.update_incident_record(arn=arn, status="OPEN")
    got = record(incidents, arn)
    assert got["status"] == "OPEN"
    assert "resolvedTime" not in got
    assert [e["data"].get("status") for e in timeline_events(incidents, arn, UPDATE_EVENT)] == ["RESOLVED", "OPEN"]


def test_resolving_stops_the_incidents_engagements(incidents, ssm, make_contact):
    contact = make_contact()["ContactArn"]
    arn = start(incidents, create_plan(incidents, engagements=[contact]))
    engagements = ssm.list_engagements(IncidentId=arn)["Engagements"]
    assert len(engagements) == 1
    contacts = ssm
    engagement = engagements[0]["EngagementArn"]
    assert "StopTime" not in contacts.describe_engagement(EngagementId=engagement)
    incidents.update_incident_record(arn=arn, status="RESOLVED")
    wait_until(lambda: "StopTime" in contacts.describe_engagement(EngagementId=engagement), timeout=10,
               message="the engagement's StopTime after the incident was resolved")


def test_update_chat_channel_and_notification_targets(incidents):
    arn = start(incidents, create_plan(incidents, chatChannel={"chatbotSns": [chat_topic()]}))
    topic, target = chat_topic(), chat_topic()
    incidents.update_incident_record(arn=arn, chatChannel={"chatbotSns": [topic]}, notificationTargets=[{"snsTopicArn": target}])
    got = record(incidents, arn)
    assert got["chatChannel"] == {"chatbotSns": [topic]}
    assert got["notificationTargets"] == [{"snsTopicArn": target}]
    incidents.update_incident_record(arn=arn, chatChannel={"empty": {}})
    assert record(incidents, arn)["chatChannel"] == {"empty": {}}
    assert len(timeline_events(incidents, arn, UPDATE_EVENT)) == 2


def test_update_incident_record_rejects_bad_input_and_changes_nothing(server, incidents):
    arn = start(incidents, create_plan(incidents, title="Stable", impact=3))
    raw = server.client("ssm-incidents", parameter_validation=False)
    for impact in (0, 6):
        with aws_error("ValidationException", 400, mentions="impact"):
            raw.update_incident_record(arn=arn, impact=impact, title="Changed")
    with aws_error("ValidationException", 400, mentions="status"):
        raw.update_incident_record(arn=arn, status="CLOSED")
    got = record(incidents, arn)
    assert (got["title"], got["impact"], got["status"]) == ("Stable", 3, "OPEN")
    assert timeline_events(incidents, arn, UPDATE_EVENT) == []
    missing = arn[: -36] + str(uuid.uuid4())
    with aws_error("ResourceNotFoundException", 404):
        incidents.update_incident_record(arn=missing, title="x")


def test_delete_incident_record(incidents):
    plan = create_plan(incidents)
    arn = start(incidents, plan)
    incidents.delete_incident_record(arn=arn)
    with aws_error("ResourceNotFoundException", 404):
        incidents.get_incident_record(arn=arn)
    with aws_error("ResourceNotFoundException", 404):
        incidents.list_timeline_events(incidentRecordArn=arn)
    assert incidents_of_plan(incidents, plan) == []
    # deleting what is not there succeeds
    incidents.delete_incident_record(arn=arn)


# ---------------------------------------------------------------------------
# Timeline
# ---------------------------------------------------------------------------


def test_timeline_event_lifecycle(incidents):
    arn = start(incidents, create_plan(incidents))
    when = now_utc() - dt.timedelta(minutes=10)
    data = json.dumps({"text": "Rolled back deploy 42"})
    resource = f"arn:aws:ec2:us-east-1:{DEFAULT_ACCOUNT_ID}:instance/i-0123456789abcdef0"
    created = incidents.create_timeline_event(
        incidentRecordArn=arn, eventTime=when, eventType="Custom Event", eventData=data, eventReferences=[{"resource": resource}]
    )
    assert created["incidentRecordArn"] == arn
    event_id = created["eventId"]

    event = incidents.get_timeline_event(incidentRecordArn=arn, eventId=event_id)["event"]
    assert event["eventId"] == event_id
    assert event["incidentRecordArn"] == arn
    assert event["eventType"] == "Custom Event"
    assert event["eventData"] == data
    assert event["eventReferences"] == [{"resource": resource}]
    assert abs((event["eventTime"] - when).total_seconds()) < 1
    assert close_to_now(event["eventUpdatedTime"])

    later = now_utc() - dt.timedelta(minutes=5)
    incidents.update_timeline_event(incidentRecordArn=arn, eventId=event_id, eventType="Note", eventData="a note", eventTime=later)
    event = incidents.get_timeline_event(incidentRecordArn=arn, eventId=event_id)["event"]
    assert (event["eventType"], event["eventData"]) == ("Note", "a note")
    assert abs((event["eventTime"] - later).total_seconds()) < 1
    assert event["eventReferences"] == [{"resource": resource}]

    incidents.delete_timeline_event(incidentRecordArn=arn, eventId=event_id)
    with aws_error("ResourceNotFoundException", 404):
        incidents.get_timeline_event(incidentRecordArn=arn, eventId=event_id)
    with aws_error("ResourceNotFoundException", 404):
        incidents.update_timeline_event(incidentRecordArn=arn, eventId=event_id, eventData="x")
    with aws_error("ResourceNotFoundException", 404):
        incidents.delete_timeline_event(incidentRecordArn=arn, eventId=event_id)
    assert event_id not in {e["eventId"] for e in timeline(incidents, arn)}


@pytest.mark.parametrize("event_type", ["SSM Incident Trigger", "SSM Incident Record Update", "Deployment", "note"])
def test_only_custom_events_and_notes_may_be_written(incidents, event_type):
    arn = start(incidents, create_plan(incidents))
    before = timeline(incidents, arn)
    with aws_error("ValidationException", 400, mentions="eventType"):
        incidents.create_timeline_event(incidentRecordArn=arn, eventTime=now_utc(), eventType=event_type, eventData="x")
    assert timeline(incidents, arn) == before
    event_id = incidents.create_timeline_event(incidentRecordArn=arn, eventTime=now_utc(), eventType="Note", eventData="x")["eventId"]
    with aws_error("ValidationException", 400, mentions="eventType"):
        incidents.update_timeline_event(incidentRecordArn=arn, eventId=event_id, eventType=event_type)
    assert incidents.get_timeline_event(incidentRecordArn=arn, eventId=event_id)["event"]["eventType"] == "Note"


def test_list_timeline_events_sorting_filters_and_pagination(incidents):
    arn = start(incidents, create_plan(incidents))
    base = now_utc() - dt.timedelta(hours=4)
    ids = {}
    for hours, kind in ((3, "Note"), (1, "Custom Event"), (2, "Custom Event")):
        ids[hours] = incidents.create_timeline_event(
            incidentRecordArn=arn, eventTime=base + dt.timedelta(hours=hours), eventType=kind, eventData=f"at +{hours}h"
        )["eventId"]
    everything = timeline(incidents, arn)
    assert {ids[1], ids[2], ids[3]} <= {e["eventId"] for e in everything}
    times = [e["eventTime"] for e in everything]
    assert times == sorted(times), "ASCENDING by eventTime is the default"
    mine = [e["eventId"] for e in everything if e["eventId"] in ids.values()]
    assert mine == [ids[1], ids[2], ids[3]]
    assert everything[-1]["eventType"] == TRIGGER_EVENT  # the start is now, after the others

    descending = timeline(incidents, arn, sortOrder="DESCENDING", sortBy="EVENT_TIME")
    assert [e["eventId"] for e in descending] == [e["eventId"] for e in reversed(everything)]

    paged, pages = collect(incidents.list_timeline_events, "eventSummaries", page_size=2, incidentRecordArn=arn)
    assert pages == 2 and [e["eventId"] for e in paged] == [e["eventId"] for e in everything]
    paged_desc, _ = collect(incidents.list_timeline_events, "eventSummaries", page_size=1, incidentRecordArn=arn, sortOrder="DESCENDING")
    assert [e["eventId"] for e in paged_desc] == [e["eventId"] for e in descending]

    def ids_for(*filters):
        return [e["eventId"] for e in timeline(incidents, arn, filters=list(filters))]

    after = {"key": "eventTime", "condition": {"after": base + dt.timedelta(hours=1, minutes=30)}}
    before = {"key": "eventTime", "condition": {"before": base + dt.timedelta(hours=2, minutes=30)}}
    assert ids_for(after)[:2] == [ids[2], ids[3]] and ids[1] not in ids_for(after)
    assert ids_for(before) == [ids[1], ids[2]]
    assert ids_for(after, before) == [ids[2]]
    custom = {"key": "eventType", "condition": {"equals": {"stringValues": ["Custom Event"]}}}
    assert ids_for(custom) == [ids[1], ids[2]]
    note_or_trigger = {"key": "eventType", "condition": {"equals": {"stringValues": ["Note", TRIGGER_EVENT]}}}
    assert {e["eventType"] for e in timeline(incidents, arn, filters=[note_or_trigger])} == {"Note", TRIGGER_EVENT}
    with aws_error("ValidationException", 400):
        incidents.list_timeline_events(incidentRecordArn=arn, filters=[{"key": "eventData", "condition": {"equals": {"stringValues": ["x"]}}}])
    with aws_error("ValidationException", 400):
        incidents.list_timeline_events(incidentRecordArn=arn, filters=[{"key": "eventType", "condition": {"after": base}}])


def test_create_timeline_event_client_token_is_idempotent(incidents):
    arn = start(incidents, create_plan(incidents))
    token = str(uuid.uuid4())
    when = now_utc()
    first = incidents.create_timeline_event(clientToken=token, incidentRecordArn=arn, eventTime=when, eventType="Note", eventData="once")
    again = incidents.create_timeline_event(clientToken=token, incidentRecordArn=arn, eventTime=when, eventType="Note", eventData="once")
    assert again["eventId"] == first["eventId"]
    notes = [e for e in timeline(incidents, arn) if e["eventType"] == "Note"]
    assert [e["eventId"] for e in notes] == [first["eventId"]]
    with aws_error("ConflictException", 409):
        incidents.create_timeline_event(clientToken=token, incidentRecordArn=arn, eventTime=when, eventType="Note", eventData="twice")
    assert len([e for e in timeline(incidents, arn) if e["eventType"] == "Note"]) == 1


def test_timeline_of_unknown_incident_is_not_found(incidents):
    plan = create_plan(incidents)
    missing = f"{plan.replace(':response-plan/', ':incident-record/')}/{uuid.uuid4()}"
    with aws_error("ResourceNotFoundException", 404):
        incidents.list_timeline_events(incidentRecordArn=missing)
    with aws_error("ResourceNotFoundException", 404):
        incidents.create_timeline_event(incidentRecordArn=missing, eventTime=now_utc(), eventType="Note", eventData="x")


# ---------------------------------------------------------------------------
# Related items and findings
# ---------------------------------------------------------------------------


def test_every_incident_has_a_parent_opsitem(incidents):
    arn = start(incidents, create_plan(incidents))
    parents = [i for i in related_items(incidents, arn) if i["identifier"]["type"] == "PARENT"]
    assert len(parents) == 1
    value = parents[0]["identifier"]["value"]["arn"]
    match = OPSITEM_RE.match(value)
    assert match and match.group(1) == DEFAULT_ACCOUNT_ID, value
    assert parents[0].get("generatedId")
    other = start(incidents, create_plan(incidents))
    other_parent = [i for i in related_items(incidents, other) if i["identifier"]["type"] == "PARENT"][0]
    assert other_parent["identifier"]["value"]["arn"] != value


def test_related_items_at_start_add_remove_and_pagination(incidents):
    dashboard = {"identifier": {"type": "OTHER", "value": {"url": "https://grafana.example/d/abc"}}, "title": "Dashboard"}
    instance = {
        "identifier": {"type": "INVOLVED_RESOURCE", "value": {"arn": f"arn:aws:ec2:us-east-1:{DEFAULT_ACCOUNT_ID}:instance/i-0aaa"}},
        "title": "web-1",
    }
    arn = start(incidents, create_plan(incidents), relatedItems=[dashboard, instance])
    items = related_items(incidents, arn)
    listed = {(i["identifier"]["type"], json.dumps(i["identifier"]["value"], sort_keys=True)): i for i in items}
    for given in (dashboard, instance):
        key = (given["identifier"]["type"], json.dumps(given["identifier"]["value"], sort_keys=True))
        assert key in listed, items
        assert listed[key]["title"] == given["title"]
        assert listed[key].get("generatedId")
    assert len(items) == 3  # with the parent OpsItem

    runbook = {"identifier": {"type": "ATTACHMENT", "value": {"url": "https://wiki.example/runbook"}}, "title": "Runbook"}
    incidents.update_related_items(incidentRecordArn=arn, relatedItemsUpdate={"itemToAdd": runbook})
    added = [i for i in related_items(incidents, arn) if i["identifier"] == runbook["identifier"]]
    assert len(added) == 1 and added[0]["title"] == "Runbook" and added[0].get("generatedId")

    with aws_error("ConflictException", 409):
        incidents.update_related_items(incidentRecordArn=arn, relatedItemsUpdate={"itemToAdd": {**runbook, "title": "Again"}})
    with aws_error("ValidationException", 400, mentions="generatedId"):
        incidents.update_related_items(
            incidentRecordArn=arn,
            relatedItemsUpdate={"itemToAdd": {"identifier": {"type": "OTHER", "value": {"url": "https://x.example"}}, "generatedId": "mine"}},
        )
    assert len(related_items(incidents, arn)) == 4

    paged, pages = collect(incidents.list_related_items, "relatedItems", page_size=3, incidentRecordArn=arn)
    assert pages == 2 and len(paged) == 4
    assert {i["generatedId"] for i in paged} == {i["generatedId"] for i in related_items(incidents, arn)}

    incidents.update_related_items(incidentRecordArn=arn, relatedItemsUpdate={"itemToRemove": runbook["identifier"]})
    assert [i for i in related_items(incidents, arn) if i["identifier"] == runbook["identifier"]] == []
    with aws_error("ResourceNotFoundException", 404):
        incidents.update_related_items(incidentRecordArn=arn, relatedItemsUpdate={"itemToRemove": runbook["identifier"]})
    assert len(related_items(incidents, arn)) == 3


def test_findings_are_empty(incidents):
    arn = start(incidents, create_plan(incidents))
    listed = incidents.list_incident_findings(incidentRecordArn=arn)
    assert listed["findings"] == [] and not listed.get("nextToken")
    ids = ["finding-1", "finding-2"]
    got = incidents.batch_get_incident_findings(incidentRecordArn=arn, findingIds=ids)
    assert got["findings"] == []
    assert sorted(e["findingId"] for e in got["errors"]) == ids
    assert {e["code"] for e in got["errors"]} == {"ResourceNotFoundException"}
    missing = arn[:-36] + str(uuid.uuid4())
    with aws_error("ResourceNotFoundException", 404):
        incidents.list_incident_findings(incidentRecordArn=missing)


# ---------------------------------------------------------------------------
# Replication sets
# ---------------------------------------------------------------------------


def test_replication_set_lifecycle(fresh_incidents):
    client = fresh_incidents()
    assert client.list_replication_sets()["replicationSetArns"] == []
    arn = client.create_replication_set(regions={"us-east-1": {}}, tags={"owner": "ops"})["arn"]
    assert re.fullmatch(rf"arn:aws:ssm-incidents::\d{{12}}:replication-set/{UUID_RE}", arn), arn
    with aws_error("ConflictException", 409):
        client.create_replication_set(regions={"us-west-2": {}})
    assert client.list_replication_sets()["replicationSetArns"] == [arn]

    rs = client.get_replication_set(arn=arn)["replicationSet"]
    assert rs["arn"] == arn
    assert rs["status"] == "ACTIVE"
    assert rs["deletionProtected"] is False
    assert set(rs["regionMap"]) == {"us-east-1"}
    assert rs["regionMap"]["us-east-1"]["status"] == "ACTIVE"
    assert close_to_now(rs["createdTime"]) and rs["createdBy"]
    assert tags_of(client, arn) == {"owner": "ops"}

    client.update_replication_set(arn=arn, actions=[{"addRegionAction": {"regionName": "eu-west-1", "sseKmsKeyId": "DefaultKey"}}])
    regions = client.get_replication_set(arn=arn)["replicationSet"]["regionMap"]
    assert set(regions) == {"us-east-1", "eu-west-1"}
    assert regions["eu-west-1"]["status"] == "ACTIVE"
    with aws_error("ValidationException", 400):
        client.update_replication_set(arn=arn, actions=[{"addRegionAction": {"regionName": "eu-west-1"}}])

    client.update_replication_set(arn=arn, actions=[{"deleteRegionAction": {"regionName": "us-east-1"}}])
    assert set(client.get_replication_set(arn=arn)["replicationSet"]["regionMap"]) == {"eu-west-1"}
    with aws_error("ValidationException", 400):
        client.update_replication_set(arn=arn, actions=[{"deleteRegionAction": {"regionName": "eu-west-1"}}])
    assert set(client.get_replication_set(arn=arn)["replicationSet"]["regionMap"]) == {"eu-west-1"}

    client.update_deletion_protection(arn=arn, deletionProtected=True)
    assert client.get_replication_set(arn=arn)["replicationSet"]["deletionProtected"] is True
    with aws_error("ValidationException", 400):
        client.delete_replication_set(arn=arn)
    assert client.list_replication_sets()["replicationSetArns"] == [arn]
    client.update_deletion_protection(arn=arn, deletionProtected=False)
    client.delete_replication_set(arn=arn)
    assert client.list_replication_sets()["replicationSetArns"] == []
    with aws_error("ResourceNotFoundException", 404):
        client.get_replication_set(arn=arn)
    # and a new one may be made
    assert client.create_replication_set(regions={"us-east-2": {}})["arn"] != arn


def test_replication_set_of_another_account_is_not_found(fresh_incidents):
    a, b = fresh_incidents(), fresh_incidents()
    arn = a.create_replication_set(regions={"us-east-1": {}})["arn"]
    with aws_error("ResourceNotFoundException", 404):
        b.get_replication_set(arn=arn)
    with aws_error("ResourceNotFoundException", 404):
        b.update_deletion_protection(arn=arn, deletionProtected=True)
    with aws_error("ResourceNotFoundException", 404):
        b.delete_replication_set(arn=arn)
    assert b.list_replication_sets()["replicationSetArns"] == []
    assert a.get_replication_set(arn=arn)["replicationSet"]["deletionProtected"] is False


# ---------------------------------------------------------------------------
# Resource policies and sharing with another account
# ---------------------------------------------------------------------------


def test_resource_policies_put_get_delete(incidents, second_account):
    plan = create_plan(incidents)
    policy = share_policy(second_account.account_id, SHARED_ACTIONS)
    policy_id = incidents.put_resource_policy(resourceArn=plan, policy=policy)["policyId"]
    assert policy_id
    listed = incidents.get_resource_policies(resourceArn=plan)["resourcePolicies"]
    assert len(listed) == 1
    assert listed[0]["policyId"] == policy_id
    assert json.loads(listed[0]["policyDocument"]) == json.loads(policy)

    with aws_error("ValidationException", 400, mentions="policy"):
        incidents.put_resource_policy(resourceArn=plan, policy="{not json")
    assert len(incidents.get_resource_policies(resourceArn=plan)["resourcePolicies"]) == 1
    with aws_error("ResourceNotFoundException", 404):
        incidents.delete_resource_policy(resourceArn=plan, policyId="0" * 32)
    with aws_error("ResourceNotFoundException", 404):
        incidents.put_resource_policy(resourceArn=plan_arn(plan_name("missing"), DEFAULT_ACCOUNT_ID), policy=policy)

    incidents.delete_resource_policy(resourceArn=plan, policyId=policy_id)
    assert incidents.get_resource_policies(resourceArn=plan)["resourcePolicies"] == []


def test_another_account_sees_nothing_without_a_policy(server, incidents, second_account):
    plan = create_plan(incidents)
    arn = start(incidents, plan)
    other = server.client("ssm-incidents", account=second_account)
    with aws_error("ResourceNotFoundException", 404):
        other.get_response_plan(arn=plan)
    with aws_error("ResourceNotFoundException", 404):
        other.start_incident(responsePlanArn=plan)
    with aws_error("ResourceNotFoundException", 404):
        other.get_incident_record(arn=arn)
    with aws_error("ResourceNotFoundException", 404):
        other.update_incident_record(arn=arn, title="Hijacked")
    with aws_error("ResourceNotFoundException", 404):
        other.list_timeline_events(incidentRecordArn=arn)
    with aws_error("ResourceNotFoundException", 404):
        other.get_resource_policies(resourceArn=plan)
    # deleting another account's resources is a no-op, not a deletion
    other.delete_incident_record(arn=arn)
    other.delete_response_plan(arn=plan)
    assert record(incidents, arn)["title"] == "Checkout is down"
    assert incidents.get_response_plan(arn=plan)["arn"] == plan
    assert incidents_of_plan(incidents, plan)[0]["arn"] == arn


def test_a_policy_shares_a_plan_and_its_incidents(server, incidents, second_account):
    plan = create_plan(incidents, title="Shared plan")
    incidents.put_resource_policy(resourceArn=plan, policy=share_policy(second_account.account_id, SHARED_ACTIONS))
    other = server.client("ssm-incidents", account=second_account)

    assert other.get_response_plan(arn=plan)["incidentTemplate"]["title"] == "Shared plan"
    arn = start(other, plan, title="Started by a partner")
    assert arn.startswith(f"arn:aws:ssm-incidents::{DEFAULT_ACCOUNT_ID}:incident-record/")
    assert other.get_incident_record(arn=arn)["incidentRecord"]["title"] == "Started by a partner"
    assert record(incidents, arn)["incidentRecordSource"]["createdBy"].startswith(f"arn:aws:iam::{second_account.account_id}:")

    other.update_incident_record(arn=arn, impact=1)
    assert record(incidents, arn)["impact"] == 1
    event_id = other.create_timeline_event(incidentRecordArn=arn, eventTime=now_utc(), eventType="Note", eventData="from B")["eventId"]
    assert event_id in {e["eventId"] for e in timeline(other, arn)}
    assert event_id in {e["eventId"] for e in timeline(incidents, arn)}

    # actions the policy does not list stay hidden
    with aws_error("ResourceNotFoundException", 404):
        other.update_related_items(
            incidentRecordArn=arn, relatedItemsUpdate={"itemToAdd": {"identifier": {"type": "OTHER", "value": {"url": "https://b.example"}}}}
        )
    with aws_error("ResourceNotFoundException", 404):
        other.list_related_items(incidentRecordArn=arn)
    with aws_error("ResourceNotFoundException", 404):
        other.update_response_plan(arn=plan, displayName="Changed by B")
    with aws_error("ResourceNotFoundException", 404):
        other.list_tags_for_resource(resourceArn=arn)
    # and B's own list holds B's incidents only
    assert arn not in {r["arn"] for r in collect(other.list_incident_records, "incidentRecordSummaries")[0]}
    assert arn in {r["arn"] for r in incidents_of_plan(incidents, plan)}


def test_a_deny_statement_wins(server, incidents, second_account):
    plan = create_plan(incidents)
    arn = start(incidents, plan)
    incidents.put_resource_policy(resourceArn=plan, policy=share_policy(second_account.account_id, ["ssm-incidents:*"]))
    deny = incidents.put_resource_policy(
        resourceArn=plan, policy=share_policy(second_account.account_id, ["ssm-incidents:GetIncidentRecord"], effect="Deny")
    )["policyId"]
    other = server.client("ssm-incidents", account=second_account)
    with aws_error("ResourceNotFoundException", 404):
        other.get_incident_record(arn=arn)
    assert timeline(other, arn), "the allowed actions still work"
    incidents.delete_resource_policy(resourceArn=plan, policyId=deny)
    assert other.get_incident_record(arn=arn)["incidentRecord"]["arn"] == arn


def test_a_policy_scoped_to_the_plans_resources(server, incidents, second_account):
    """The shape Incident Manager documents: the plan's ARN and its incident records, with a region wildcard."""
    name = plan_name()
    plan = create_plan(incidents, name)
    other_name = plan_name()
    other_plan = create_plan(incidents, other_name)
    policy = json.dumps({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "share-with-partner",
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{second_account.account_id}:root"},
            "Action": ["ssm-incidents:GetResponsePlan", "ssm-incidents:StartIncident", "ssm-incidents:GetIncidentRecord",
                       "ssm-incidents:ListRelatedItems", "ssm-incidents:UpdateRelatedItems"],
            "Resource": [f"arn:aws:ssm-incidents:*:{DEFAULT_ACCOUNT_ID}:response-plan/{name}",
                         f"arn:aws:ssm-incidents:*:{DEFAULT_ACCOUNT_ID}:incident-record/{name}/*"],
        }],
    })
    incidents.put_resource_policy(resourceArn=plan, policy=policy)
    # the same document on another plan names resources that are not that plan's: it shares nothing
    incidents.put_resource_policy(resourceArn=other_plan, policy=policy)
    other = server.client("ssm-incidents", account=second_account)
    arn = start(other, plan)
    assert other.get_incident_record(arn=arn)["incidentRecord"]["arn"] == arn
    item = {"identifier": {"type": "OTHER", "value": {"url": "https://partner.example/ticket/1"}}}
    other.update_related_items(incidentRecordArn=arn, relatedItemsUpdate={"itemToAdd": item})
    assert item["identifier"] in [i["identifier"] for i in related_items(other, arn)]
    with aws_error("ResourceNotFoundException", 404):
        other.get_response_plan(arn=other_plan)
    with aws_error("ResourceNotFoundException", 404):
        other.start_incident(responsePlanArn=other_plan)
    assert incidents_of_plan(incidents, other_plan) == []


def test_a_policy_for_another_account_shares_nothing(server, incidents, second_account):
    plan = create_plan(incidents)
    arn = start(incidents, plan)
    incidents.put_resource_policy(resourceArn=plan, policy=share_policy("123456789012", SHARED_ACTIONS))
    other = server.client("ssm-incidents", account=second_account)
    with aws_error("ResourceNotFoundException", 404):
        other.get_incident_record(arn=arn)
    with aws_error("ResourceNotFoundException", 404):
        other.start_incident(responsePlanArn=plan)


# ---------------------------------------------------------------------------
# Tags
# ---------------------------------------------------------------------------


def test_tags_on_plans_and_records(incidents):
    plan = create_plan(incidents, template_extra={"incidentTags": {"service": "checkout"}}, tags={"team": "payments"})
    arn = start(incidents, plan)
    assert tags_of(incidents, arn) == {"service": "checkout"}
    assert tags_of(incidents, plan) == {"team": "payments"}

    incidents.tag_resource(resourceArn=arn, tags={"severity": "high", "service": "checkout-v2"})
    assert tags_of(incidents, arn) == {"service": "checkout-v2", "severity": "high"}
    incidents.untag_resource(resourceArn=arn, tagKeys=["service", "not-there"])
    assert tags_of(incidents, arn) == {"severity": "high"}
    assert tags_of(incidents, plan) == {"team": "payments"}

    incidents.tag_resource(resourceArn=plan, tags={"cost-center": "42"})
    incidents.untag_resource(resourceArn=plan, tagKeys=["team"])
    assert tags_of(incidents, plan) == {"cost-center": "42"}


def test_tags_on_the_replication_set(fresh_incidents):
    client = fresh_incidents()
    arn = client.create_replication_set(regions={"us-east-1": {}})["arn"]
    assert tags_of(client, arn) == {}
    client.tag_resource(resourceArn=arn, tags={"a": "1", "b": "2"})
    client.untag_resource(resourceArn=arn, tagKeys=["a"])
    assert tags_of(client, arn) == {"b": "2"}


def test_tags_of_unknown_resources_are_not_found(incidents):
    plan = create_plan(incidents)
    missing = [
        plan_arn(plan_name("missing"), DEFAULT_ACCOUNT_ID),
        f"{plan.replace(':response-plan/', ':incident-record/')}/{uuid.uuid4()}",
        f"arn:aws:ssm-incidents::{DEFAULT_ACCOUNT_ID}:replication-set/{uuid.uuid4()}",
    ]
    for arn in missing:
        with aws_error("ResourceNotFoundException", 404):
            incidents.list_tags_for_resource(resourceArn=arn)
        with aws_error("ResourceNotFoundException", 404):
            incidents.tag_resource(resourceArn=arn, tags={"a": "b"})
        with aws_error("ResourceNotFoundException", 404):
            incidents.untag_resource(resourceArn=arn, tagKeys=["a"])


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


def test_missing_required_members_are_named(server, incidents):
    raw = server.client("ssm-incidents", parameter_validation=False)
    name = plan_name()
    with aws_error("ValidationException", 400, mentions="incidentTemplate"):
        raw.create_response_plan(name=name)
    with aws_error("ValidationException", 400, mentions="title"):
        raw.create_response_plan(name=name, incidentTemplate={"impact": 3})
    with aws_error("ValidationException", 400, mentions="name"):
        raw.create_response_plan(incidentTemplate=template())
    with aws_error("ResourceNotFoundException", 404):
        incidents.get_response_plan(arn=plan_arn(name, DEFAULT_ACCOUNT_ID))

    with aws_error("ValidationException", 400, mentions="responsePlanArn"):
        raw.start_incident()
    arn = start(incidents, create_plan(incidents))
    before = timeline(incidents, arn)
    with aws_error("ValidationException", 400, mentions="eventType"):
        raw.create_timeline_event(incidentRecordArn=arn, eventTime=now_utc(), eventData="x")
    with aws_error("ValidationException", 400, mentions="source"):
        raw.start_incident(responsePlanArn=create_plan(incidents), triggerDetails={"timestamp": now_utc()})
    with aws_error("ValidationException", 400, mentions="regions"):
        raw.create_replication_set()
    assert timeline(incidents, arn) == before


def test_out_of_range_values_are_validation_errors(server, incidents):
    raw = server.client("ssm-incidents", parameter_validation=False)
    name = plan_name()
    with aws_error("ValidationException", 400, mentions="impact"):
        raw.create_response_plan(name=name, incidentTemplate={"title": "x", "impact": 9})
    with aws_error("ValidationException", 400, mentions="name"):
        raw.create_response_plan(name="has spaces and !", incidentTemplate=template())
    plan = create_plan(incidents)
    with aws_error("ValidationException", 400, mentions="impact"):
        raw.start_incident(responsePlanArn=plan, impact=0)
    assert incidents_of_plan(incidents, plan) == []


def test_every_operation_answers_with_the_models_success_status(fresh_incidents):
    """All 31 operations, each once, with the HTTP status the model gives its success (200, 201 or 204)."""
    client = fresh_incidents()
    model = client.meta.service_model
    seen: dict[str, int] = {}

    def call(operation: str, **params):
        method = getattr(client, re.sub(r"(?<!^)(?=[A-Z])", "_", operation).lower())
        response = method(**params)
        seen[operation] = response["ResponseMetadata"]["HTTPStatusCode"]
        return response

    plan = call("CreateResponsePlan", name=plan_name(), incidentTemplate=template())["arn"]
    call("GetResponsePlan", arn=plan)
    call("ListResponsePlans")
    call("UpdateResponsePlan", arn=plan, displayName="x")
    arn = call("StartIncident", responsePlanArn=plan)["incidentRecordArn"]
    call("GetIncidentRecord", arn=arn)
    call("ListIncidentRecords")
    call("UpdateIncidentRecord", arn=arn, impact=2)
    event = call("CreateTimelineEvent", incidentRecordArn=arn, eventTime=now_utc(), eventType="Note", eventData="x")["eventId"]
    call("GetTimelineEvent", incidentRecordArn=arn, eventId=event)
    call("ListTimelineEvents", incidentRecordArn=arn)
    call("UpdateTimelineEvent", incidentRecordArn=arn, eventId=event, eventData="y")
    call("DeleteTimelineEvent", incidentRecordArn=arn, eventId=event)
    item = {"identifier": {"type": "OTHER", "value": {"url": "https://status.example"}}}
    call("UpdateRelatedItems", incidentRecordArn=arn, relatedItemsUpdate={"itemToAdd": item})
    call("ListRelatedItems", incidentRecordArn=arn)
    call("ListIncidentFindings", incidentRecordArn=arn)
    call("BatchGetIncidentFindings", incidentRecordArn=arn, findingIds=["f-1"])
    call("TagResource", resourceArn=arn, tags={"a": "b"})
    call("ListTagsForResource", resourceArn=arn)
    call("UntagResource", resourceArn=arn, tagKeys=["a"])
    policy = call("PutResourcePolicy", resourceArn=plan, policy=share_policy("123456789012", SHARED_ACTIONS))["policyId"]
    call("GetResourcePolicies", resourceArn=plan)
    call("DeleteResourcePolicy", resourceArn=plan, policyId=policy)
    replication = call("CreateReplicationSet", regions={"us-east-1": {}})["arn"]
    call("GetReplicationSet", arn=replication)
    call("ListReplicationSets")
    call("UpdateReplicationSet", arn=replication, actions=[{"addRegionAction": {"regionName": "us-west-2"}}])
    call("UpdateDeletionProtection", arn=replication, deletionProtected=False)
    call("DeleteReplicationSet", arn=replication)
    call("DeleteIncidentRecord", arn=arn)
    call("DeleteResponsePlan", arn=plan)

    assert set(seen) == set(model.operation_names)
    expected = {op: model.operation_model(op).http.get("responseCode", 200) for op in model.operation_names}
    assert {op: code for op, code in seen.items() if code != expected[op]} == {}


def test_error_shape(incidents):
    """ResourceNotFoundException carries the model's resourceIdentifier/resourceType; the message is text."""
    missing = plan_arn(plan_name("missing"), DEFAULT_ACCOUNT_ID)
    with pytest.raises(ClientError) as info:
        incidents.get_response_plan(arn=missing)
    response = info.value.response
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 404
    assert response["Error"]["Code"] == "ResourceNotFoundException"
    assert response["Error"]["Message"]
    assert response.get("resourceIdentifier") == missing


def test_aws_cli_drives_ssm_incidents(server):
    name = plan_name("cli")
    created = server.aws(
        "ssm-incidents", "create-response-plan", "--name", name,
        "--incident-template", json.dumps({"title": "From the CLI", "impact": 2, "incidentTags": {"via": "cli"}}),
    )
    assert created["arn"] == plan_arn(name, DEFAULT_ACCOUNT_ID)
    assert server.aws("ssm-incidents", "get-response-plan", "--arn", created["arn"])["incidentTemplate"]["title"] == "From the CLI"
    arn = server.aws("ssm-incidents", "start-incident", "--response-plan-arn", created["arn"], "--impact", "1")["incidentRecordArn"]
    got = server.aws("ssm-incidents", "get-incident-record", "--arn", arn)["incidentRecord"]
    assert (got["title"], got["impact"], got["status"]) == ("From the CLI", 1, "OPEN")
    listed = server.aws(
        "ssm-incidents", "list-incident-records",
        "--filters", json.dumps([{"key": "impact", "condition": {"equals": {"integerValues": [1]}}}]),
    )["incidentRecordSummaries"]
    assert arn in {r["arn"] for r in listed}
    assert server.aws("ssm-incidents", "list-tags-for-resource", "--resource-arn", arn)["tags"] == {"via": "cli"}
    server.aws("ssm-incidents", "update-incident-record", "--arn", arn, "--status", "RESOLVED")
    assert server.aws("ssm-incidents", "get-incident-record", "--arn", arn)["incidentRecord"]["status"] == "RESOLVED"
    failed = server.aws("ssm-incidents", "get-response-plan", "--arn", plan_arn(plan_name("missing"), DEFAULT_ACCOUNT_ID), check=False)
    assert failed.returncode != 0 and "ResourceNotFoundException" in failed.stderr


# ---------------------------------------------------------------------------
# Engagements and email (paging rig)
# ---------------------------------------------------------------------------


def mails_with(rig, address: str, text: str) -> list:
    return [m for m in rig.smtp.to(address) if text in m.body]


def test_incident_engages_the_plans_contact_by_email(make_paging_rig):
    rig = make_paging_rig()
    client = rig.server.client("ssm-incidents")
    person = rig.person("oncall", channel_types=("EMAIL",))
    title = f"Database down {unique('db')}"
    plan = create_plan(client, title=title, impact=1, engagements=[person.arn], template_extra={"dedupeString": unique("db")})

    arn = start(client, plan)
    engagements = rig.client.list_engagements(IncidentId=arn)["Engagements"]
    assert len(engagements) == 1
    assert engagements[0]["ContactArn"] == person.arn
    assert engagements[0]["IncidentId"] == arn
    described = rig.client.describe_engagement(EngagementId=engagements[0]["EngagementArn"])
    assert described["IncidentId"] == arn
    assert title in described["Subject"] + described["Content"]

    mail = wait_until(lambda: mails_with(rig, person.email, title), timeout=15,
                      message=lambda: f"an email about {title!r}; have {[(m.subject, m.body[:80]) for m in rig.smtp.messages]}")[0]
    assert title in mail.body

    # an absorbed trigger neither engages nor emails again
    assert start(client, plan) == arn
    assert len(rig.client.list_engagements(IncidentId=arn)["Engagements"]) == 1
    fence_title = f"Fence {unique('fence')}"
    fence = start(client, create_plan(client, title=fence_title, engagements=[person.arn]))
    wait_until(lambda: mails_with(rig, person.email, fence_title), timeout=15, message="the fence incident's email")
    assert len(mails_with(rig, person.email, title)) == 1
    assert rig.client.list_engagements(IncidentId=fence)["Engagements"][0]["ContactArn"] == person.arn

    # resolving stops the engagement
    client.update_incident_record(arn=arn, status="RESOLVED")
    wait_until(lambda: "StopTime" in rig.client.describe_engagement(EngagementId=engagements[0]["EngagementArn"]),
               timeout=10, message="the engagement's StopTime")
    assert "StopTime" not in rig.client.describe_engagement(
        EngagementId=rig.client.list_engagements(IncidentId=fence)["Engagements"][0]["EngagementArn"]
    )


def test_system_timeline_events_cannot_be_changed_or_deleted(incidents):
    arn = start(incidents, create_plan(incidents))
    created = [e for e in timeline_events(incidents, arn, "SSM Incident Trigger")]
    assert created
    event_id = created[0]["eventId"]
    with aws_error("ValidationException", mentions="cannot be changed"):
        incidents.update_timeline_event(incidentRecordArn=arn, eventId=event_id, eventData="tampered")
    with aws_error("ValidationException", mentions="cannot be deleted"):
        incidents.delete_timeline_event(incidentRecordArn=arn, eventId=event_id)
    again = incidents.get_timeline_event(incidentRecordArn=arn, eventId=event_id)["event"]
    assert json.loads(again["eventData"])["action"] == "created"


def test_the_parent_opsitem_cannot_be_removed(incidents):
    arn = start(incidents, create_plan(incidents))
    parent = [i for i in related_items(incidents, arn) if i["identifier"]["type"] == "PARENT"][0]
    with aws_error("ValidationException", mentions="parent OpsItem"):
        incidents.update_related_items(incidentRecordArn=arn, relatedItemsUpdate={"itemToRemove": parent["identifier"]})
    assert [i for i in related_items(incidents, arn) if i["identifier"]["type"] == "PARENT"] == [parent]


def test_an_alarm_identity_dedupes_within_its_plan_only(incidents):
    alarm = f"arn:aws:cloudwatch:us-east-1:{DEFAULT_ACCOUNT_ID}:alarm:{unique('alarm')}"
    details = {"source": "aws.cloudwatch", "timestamp": now_utc(), "triggerArn": alarm}
    first = start(incidents, create_plan(incidents), triggerDetails=details)
    second = start(incidents, create_plan(incidents), triggerDetails=details)
    assert first != second
    # a plan's own dedupe string joins incidents across plans, as Incident Manager does
    shared = unique("dedupe")
    a = start(incidents, create_plan(incidents, template_extra={"dedupeString": shared}))
    b = start(incidents, create_plan(incidents, template_extra={"dedupeString": shared}))
    assert a == b
