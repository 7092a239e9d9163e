"""The data set of the upgrade test: what a previous release writes, and every read that must give the
same answer after the current release has migrated it.

`Tests/conformance/fixtures/make_upgrade_fixture.py` runs `populate` against a server of the previous
release and records `reads` into the fixture; `test_upgrade.py` runs the same `reads` against the
current release started on that fixture. Keep the reads free of values that depend on when they run.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from harness import Account, HikeshiServer

ADMIN = Account("111111111111", "AKIAUPGRADEFIXTURE01", "upgrade-fixture-secret-key-0000000000000")
REGION = "us-east-1"
UTC = dt.timezone.utc
WEEKLY = {"WeeklySettings": [{"DayOfWeek": "MON", "HandOffTime": {"HourOfDay": 9, "MinuteOfHour": 0}}], "NumberOfOnCalls": 1, "RecurrenceMultiplier": 1}


def populate(server: HikeshiServer) -> dict[str, Any]:
    """Writes the data set through the public APIs; returns the names the reads need."""
    contacts = server.client("ssm-contacts")
    incidents = server.client("ssm-incidents")
    names: dict[str, Any] = {}
    akiko = contacts.create_contact(Alias="akiko", DisplayName="山田 晶子", Type="PERSONAL", Plan={"Stages": []},
                                    Tags=[{"Key": "team", "Value": "db"}])["ContactArn"]
    minsu = contacts.create_contact(Alias="minsu", DisplayName="김민수", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    channel = contacts.create_contact_channel(ContactId=akiko, Name="mail", Type="EMAIL",
                                              DeliveryAddress={"SimpleAddress": "akiko@example.jp"}, DeferActivation=True)["ContactChannelArn"]
    rotation = contacts.create_rotation(Name="primary", ContactIds=[akiko, minsu], TimeZoneId="Asia/Tokyo", Recurrence=WEEKLY,
                                        StartTime=dt.datetime(2026, 11, 2, tzinfo=UTC))["RotationArn"]
    override = contacts.create_rotation_override(RotationId=rotation, NewContactIds=[minsu],
                                                 StartTime=dt.datetime(2027, 1, 4, 0, tzinfo=UTC),
                                                 EndTime=dt.datetime(2027, 1, 5, 0, tzinfo=UTC))["RotationOverrideId"]
    schedule = contacts.create_contact(Alias="primary-oncall", Type="ONCALL_SCHEDULE", Plan={"RotationIds": [rotation]})["ContactArn"]
    escalation = contacts.create_contact(Alias="db-escalation", Type="ESCALATION", Plan={"Stages": [
        {"DurationInMinutes": 5, "Targets": [{"ContactTargetInfo": {"ContactId": schedule, "IsEssential": True}}]},
        {"DurationInMinutes": 5, "Targets": [{"ContactTargetInfo": {"ContactId": akiko, "IsEssential": False}}]},
    ]})["ContactArn"]
    engagement = contacts.start_engagement(ContactId=akiko, Sender="fixture", Subject="Disk full", Content="db-1 is out of space")["EngagementArn"]
    contacts.stop_engagement(EngagementId=engagement, Reason="handled")
    names.update(akiko=akiko, minsu=minsu, channel=channel, rotation=rotation, override=override, schedule=schedule,
                 escalation=escalation, engagement=engagement)

    plan = incidents.create_response_plan(
        name="db-outage", displayName="Database outage",
        incidentTemplate={"title": "Database outage", "impact": 2, "summary": "Primary DB unreachable",
                          "incidentTags": {"team": "db"}, "dedupeString": "db-outage"},
        engagements=[escalation], chatChannel={"chatbotSns": [f"arn:aws:sns:{REGION}:{ADMIN.account_id}:db-oncall"]},
        actions=[{"ssmAutomation": {"documentName": "Hikeshi-Triage", "roleArn": f"arn:aws:iam::{ADMIN.account_id}:role/ir",
                                    "parameters": {"Env": ["prod"]}}}],
        tags={"owner": "sre"},
    )["arn"]
    open_incident = incidents.start_incident(responsePlanArn=plan, title="DB primary down", impact=1,
                                             triggerDetails={"source": "fixture", "timestamp": dt.datetime(2026, 12, 1, 9, tzinfo=UTC)},
                                             relatedItems=[{"identifier": {"type": "INVOLVED_RESOURCE", "value": {"arn": f"arn:aws:rds:{REGION}:{ADMIN.account_id}:db:db-1"}},
                                                            "title": "db-1"}])["incidentRecordArn"]
    incidents.create_timeline_event(incidentRecordArn=open_incident, eventTime=dt.datetime(2026, 12, 1, 9, 5, tzinfo=UTC),
                                    eventType="Custom Event", eventData=json.dumps("failover started"))
    quiet = incidents.create_response_plan(name="quiet", incidentTemplate={"title": "Quiet", "impact": 5})["arn"]
    resolved = incidents.start_incident(responsePlanArn=quiet)["incidentRecordArn"]
    incidents.update_incident_record(arn=resolved, status="RESOLVED", summary="nothing to do")
    replication = incidents.create_replication_set(regions={REGION: {}})["arn"]
    names.update(plan=plan, quiet=quiet, open_incident=open_incident, resolved=resolved, replication=replication)

    customer = server.create_account("upgrade customer")
    server.client("hikeshi").put_support_plan(AccountId=customer.account_id, Plan="business", Language="ja", TimeZone="Asia/Tokyo")
    support = server.client("support", account=customer)
    case = support.create_case(subject="EC2 が応答しません", communicationBody="09:00 JST から i-0abc は応答しません。再起動しましたが直りません。",
                               serviceCode="amazon-elastic-compute-cloud-linux", categoryCode="general-guidance", severityCode="high",
                               language="ja")["caseId"]
    support.add_communication_to_case(caseId=case, communicationBody="ログを添付します。")
    names.update(customer=customer.account_id, customer_key=customer.access_key_id, customer_secret=customer.secret_access_key, case=case)
    return names


# (service, operation, parameters, account: "admin" or "customer"); `{name}` strings are filled from the names.
READS: list[tuple[str, str, dict[str, Any], str]] = [
    ("ssm-contacts", "list_contacts", {}, "admin"),
    ("ssm-contacts", "get_contact", {"ContactId": "{akiko}"}, "admin"),
    ("ssm-contacts", "get_contact", {"ContactId": "{escalation}"}, "admin"),
    ("ssm-contacts", "get_contact", {"ContactId": "{schedule}"}, "admin"),
    ("ssm-contacts", "get_contact_channel", {"ContactChannelId": "{channel}"}, "admin"),
    ("ssm-contacts", "list_tags_for_resource", {"ResourceARN": "{akiko}"}, "admin"),
    ("ssm-contacts", "get_rotation", {"RotationId": "{rotation}"}, "admin"),
    ("ssm-contacts", "list_rotation_overrides", {"RotationId": "{rotation}", "StartTime": "2026-12-01T00:00:00Z", "EndTime": "2027-02-01T00:00:00Z"}, "admin"),
    ("ssm-contacts", "list_rotation_shifts", {"RotationId": "{rotation}", "StartTime": "2026-12-28T00:00:00Z", "EndTime": "2027-01-19T00:00:00Z"}, "admin"),
    ("ssm-contacts", "describe_engagement", {"EngagementId": "{engagement}"}, "admin"),
    ("ssm-incidents", "get_response_plan", {"arn": "{plan}"}, "admin"),
    ("ssm-incidents", "list_response_plans", {}, "admin"),
    ("ssm-incidents", "get_incident_record", {"arn": "{open_incident}"}, "admin"),
    ("ssm-incidents", "get_incident_record", {"arn": "{resolved}"}, "admin"),
    ("ssm-incidents", "list_incident_records", {}, "admin"),
    ("ssm-incidents", "list_timeline_events", {"incidentRecordArn": "{open_incident}", "sortBy": "EVENT_TIME", "sortOrder": "ASCENDING"}, "admin"),
    ("ssm-incidents", "list_related_items", {"incidentRecordArn": "{open_incident}"}, "admin"),
    ("ssm-incidents", "get_replication_set", {"arn": "{replication}"}, "admin"),
    ("ssm-incidents", "list_tags_for_resource", {"resourceArn": "{plan}"}, "admin"),
    ("support", "describe_cases", {"caseIdList": ["{case}"], "includeCommunications": True, "language": "ja"}, "customer"),
    ("support", "describe_communications", {"caseId": "{case}"}, "customer"),
]

# Members whose value depends on when they are read, not on what was stored.
VOLATILE = {"ResponseMetadata"}


def fill(value: Any, names: dict[str, Any]) -> Any:
    if isinstance(value, str):
        return value.format(**names)
    if isinstance(value, list):
        return [fill(v, names) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, names) for k, v in value.items()}
    return value


def plain(value: Any) -> Any:
    """A response as JSON-comparable data (datetimes as ISO 8601, volatile members dropped)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in sorted(value.items()) if k not in VOLATILE}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.astimezone(UTC).isoformat()
    return value


def read_all(server: HikeshiServer, names: dict[str, Any]) -> list[dict[str, Any]]:
    """Runs every read; returns one entry per read with its answer."""
    customer = Account(names["customer"], names["customer_key"], names["customer_secret"])
    server.accounts[customer.account_id] = customer
    results = []
    for service, operation, params, who in READS:
        client = server.client(service, account=ADMIN if who == "admin" else customer)
        filled = fill(params, names)
        answer = getattr(client, operation)(**filled)
        results.append({"service": service, "operation": operation, "params": filled, "answer": plain(answer)})
    return results
