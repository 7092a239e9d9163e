"""`hikeshi migrate`: an Incident Manager set-up read through the public APIs of a source — here a first Hikeshi server,
populated through boto3 the way a team's account looks after a year — is written into an account of a second server,
which then pages the same people at the same times; a second run changes nothing; a dry run writes nothing; an
export's JSON files (as the AWS CLI saves them) bring incident history; a source that refuses the credentials or
throttles is reported or waited out. Both engines.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import Any, Iterator

import pytest

from harness import Account, HikeshiServer, ServerFactory, clean_env, module_factory, unique, wait_until
from paging_support import SMTP_FROM, SMTPSink

REGION = "us-east-1"
TARGET_ACCOUNT = "222222222222"
NOW = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


@pytest.fixture(scope="module")
def factory(hikeshi_bin: str, engine: str) -> Iterator[ServerFactory]:
    yield from module_factory(hikeshi_bin, engine)


@pytest.fixture(scope="module")
def mail() -> Iterator[tuple[SMTPSink, SMTPSink]]:
    source, target = SMTPSink().start(), SMTPSink().start()
    try:
        yield source, target
    finally:
        source.stop()
        target.stop()


def smtp_env(sink: SMTPSink) -> dict[str, str]:
    return {"HIKESHI_SMTP_URL": sink.url, "HIKESHI_SMTP_FROM": SMTP_FROM}


@pytest.fixture(scope="module")
def src(factory: ServerFactory, mail: tuple[SMTPSink, SMTPSink]) -> HikeshiServer:
    return factory.new(env=smtp_env(mail[0]))


@pytest.fixture(scope="module")
def dst(factory: ServerFactory, mail: tuple[SMTPSink, SMTPSink]) -> HikeshiServer:
    import secrets

    account = Account(TARGET_ACCOUNT, "AKIA" + secrets.token_hex(8).upper(), secrets.token_urlsafe(30))
    return factory.new(bootstrap=account, env=smtp_env(mail[1]))


def migrate(source: HikeshiServer | None, target: HikeshiServer, *args: str, account: str = TARGET_ACCOUNT,
            secret: str | None = None, expect: int = 0, output: str = "json") -> Any:
    """Runs `hikeshi migrate` into `target`'s database with `source`'s credentials; the JSON report (or the process)."""
    env = clean_env()
    cmd = [str(target.binary), "migrate", "--region", REGION, "--account-id", account, "--output", output, *args, *target.storage_args]
    if source is not None:
        env.update(AWS_ACCESS_KEY_ID=source.creds.access_key_id, AWS_SECRET_ACCESS_KEY=secret or source.creds.secret_access_key)
        cmd[2:2] = ["--from-endpoint", source.endpoint]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env, stdin=subprocess.DEVNULL)
    assert result.returncode == expect, f"exit {result.returncode}\nstdout: {result.stdout[-4000:]}\nstderr: {result.stderr[-4000:]}"
    if output == "json" and expect == 0:
        return json.loads(result.stdout)
    return result


def outcomes(report: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in report["entries"]:
        counts[entry["outcome"]] = counts.get(entry["outcome"], 0) + 1
    return counts


def activate(server: HikeshiServer, client: Any, channel_arn: str) -> None:
    client.activate_contact_channel(ContactChannelId=channel_arn, ActivationCode=server.activation_code(channel_arn))


def all_pages(call: Any, key: str, **params: Any) -> list:
    items, token = [], None
    while True:
        page = call(**params, **({"NextToken": token} if token else {}))
        items += page.get(key, [])
        token = page.get("NextToken")
        if not token:
            return items


class SetUp:
    """The source's set-up, built once per module: 10 people, 3 rotations with overrides, an on-call schedule,
    2 escalation plans, a runbook, 3 response plans, a replication set and 5 incidents with timelines."""

    def __init__(self, src: HikeshiServer):
        self.contacts = src.client("ssm-contacts")
        self.incidents = src.client("ssm-incidents")
        self.ssm = src.client("ssm")
        self.people: dict[str, str] = {}
        self.emails: dict[str, str] = {}
        tag = unique("t")
        for index in range(10):
            alias = f"{tag}-person{index}"
            arn = self.contacts.create_contact(Alias=alias, DisplayName=f"Person {index}", Type="PERSONAL", Plan={"Stages": []},
                                               Tags=[{"Key": "team", "Value": "sre"}])["ContactArn"]
            self.people[alias] = arn
            if index == 9:
                continue  # a contact with no channels: reported
            email = f"{alias}@example.test"
            self.emails[alias] = email
            channel = self.contacts.create_contact_channel(
                ContactId=arn, Name="work mail", Type="EMAIL", DeliveryAddress={"SimpleAddress": email})["ContactChannelArn"]
            activate(src, self.contacts, channel)
            targets = [{"ChannelTargetInfo": {"ContactChannelId": channel, "RetryIntervalInMinutes": 1}}]
            if index == 0:
                sms = self.contacts.create_contact_channel(
                    ContactId=arn, Name="phone", Type="SMS", DeliveryAddress={"SimpleAddress": "+15555550100"},
                    DeferActivation=True)["ContactChannelArn"]
                targets.append({"ChannelTargetInfo": {"ContactChannelId": sms}})  # left inactive at the source
            self.contacts.update_contact(ContactId=arn, Plan={"Stages": [{"DurationInMinutes": 0, "Targets": targets}]})
        names = list(self.people)
        first = self.people[names[0]]
        self.contacts.put_contact_policy(ContactArn=first, Policy=json.dumps({
            "Version": "2012-10-17", "Statement": [{"Sid": "share", "Effect": "Allow", "Principal": {"AWS": "333333333333"},
                                                    "Action": ["ssm-contacts:GetContact"], "Resource": first}]}))
        start = (NOW - dt.timedelta(days=30)).replace(hour=0, minute=0, second=0)
        self.rotations: list[str] = []
        for index, (members, recurrence) in enumerate([
            (names[0:3], {"NumberOfOnCalls": 1, "RecurrenceMultiplier": 1, "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}]}),
            (names[3:6], {"NumberOfOnCalls": 1, "RecurrenceMultiplier": 1,
                          "WeeklySettings": [{"DayOfWeek": "MON", "HandOffTime": {"HourOfDay": 10, "MinuteOfHour": 0}}]}),
            (names[6:9], {"NumberOfOnCalls": 2, "RecurrenceMultiplier": 2, "DailySettings": [{"HourOfDay": 18, "MinuteOfHour": 30}]}),
        ]):
            arn = self.contacts.create_rotation(
                Name=f"{tag}-rotation{index}", ContactIds=[self.people[m] for m in members], StartTime=start,
                TimeZoneId=["Asia/Tokyo", "Europe/Berlin", "America/New_York"][index], Recurrence=recurrence,
                Tags=[{"Key": "tier", "Value": str(index)}])["RotationArn"]
            self.rotations.append(arn)
            begin = (NOW + dt.timedelta(days=3 + index)).replace(minute=0, second=0)
            self.contacts.create_rotation_override(
                RotationId=arn, NewContactIds=[self.people[members[-1]]], StartTime=begin, EndTime=begin + dt.timedelta(hours=6))
        self.schedule = self.contacts.create_contact(
            Alias=f"{tag}-oncall", DisplayName="Primary on call", Type="ONCALL_SCHEDULE",
            Plan={"Stages": [], "RotationIds": self.rotations[:2]})["ContactArn"]
        self.escalation = self.contacts.create_contact(
            Alias=f"{tag}-escalation", DisplayName="SRE escalation", Type="ESCALATION",
            Plan={"Stages": [
                {"DurationInMinutes": 5, "Targets": [{"ContactTargetInfo": {"ContactId": self.schedule, "IsEssential": True}},
                                                      {"ContactTargetInfo": {"ContactId": self.people[names[6]], "IsEssential": False}}]},
                {"DurationInMinutes": 10, "Targets": [{"ContactTargetInfo": {"ContactId": self.people[names[7]], "IsEssential": True}}]},
            ]})["ContactArn"]
        self.management = self.contacts.create_contact(
            Alias=f"{tag}-management", DisplayName="Management", Type="ESCALATION",
            Plan={"Stages": [{"DurationInMinutes": 0, "Targets": [{"ContactTargetInfo": {"ContactId": self.people[names[8]],
                                                                                          "IsEssential": True}}]}]})["ContactArn"]
        self.document = f"{tag}-Restart"
        self.ssm.create_document(
            Name=self.document, DocumentType="Automation", DocumentFormat="JSON",
            Content=json.dumps({"schemaVersion": "0.3", "parameters": {"IncidentArn": {"type": "String"}},
                                "mainSteps": [{"name": "wait", "action": "aws:pause", "inputs": {"Message": "check {{ IncidentArn }}"}}]}))
        self.incidents.create_replication_set(regions={REGION: {}})
        self.plans = {
            "checkout": self.incidents.create_response_plan(
                name=f"{tag}-checkout", displayName="Checkout", engagements=[self.escalation],
                incidentTemplate={"title": "Checkout is down", "impact": 1, "summary": "Customers cannot pay", "dedupeString": f"{tag}-co"},
                tags={"service": "checkout"})["arn"],
            "search": self.incidents.create_response_plan(
                name=f"{tag}-search", engagements=[self.people[names[4]], self.management],
                chatChannel={"chatbotSns": [f"arn:aws:sns:{REGION}:{src.creds.account_id}:search-chat"]},
                incidentTemplate={"title": "Search is slow", "impact": 3})["arn"],
            "db": self.incidents.create_response_plan(
                name=f"{tag}-db", engagements=[self.escalation],
                incidentTemplate={"title": "Database failover", "impact": 2},
                actions=[{"ssmAutomation": {
                    "documentName": self.document, "roleArn": f"arn:aws:iam::{src.creds.account_id}:role/IncidentRunbook",
                    "documentVersion": "1", "dynamicParameters": {"IncidentArn": {"variable": "INCIDENT_RECORD_ARN"}}}}])["arn"],
        }
        self.incidents.put_resource_policy(resourceArn=self.plans["checkout"], policy=json.dumps({
            "Version": "2012-10-17", "Statement": [{"Sid": "share", "Effect": "Allow", "Principal": {"AWS": "333333333333"},
                                                    "Action": ["ssm-incidents:GetResponsePlan"], "Resource": self.plans["checkout"]}]}))
        self.records: list[str] = []
        for index in range(5):
            plan = list(self.plans.values())[index % 3]
            arn = self.incidents.start_incident(
                responsePlanArn=plan, title=f"{tag} incident {index}", impact=1 + index % 4,
                relatedItems=[{"identifier": {"type": "OTHER", "value": {"url": f"https://status.example.test/{index}"}},
                               "title": "status page"}])["incidentRecordArn"]
            for minutes in (50, 20):
                self.incidents.create_timeline_event(
                    incidentRecordArn=arn, eventType="Custom Event", eventTime=NOW - dt.timedelta(minutes=minutes),
                    eventData=json.dumps(f"note {index} at -{minutes}m"))
            if index < 3:
                self.incidents.update_incident_record(arn=arn, status="RESOLVED")
            self.records.append(arn)
        self.tag = tag


@pytest.fixture(scope="module")
def setup(src: HikeshiServer) -> SetUp:
    return SetUp(src)


@pytest.fixture(scope="module")
def first_run(src: HikeshiServer, dst: HikeshiServer, setup: SetUp) -> dict:
    return migrate(src, dst, "--trust-channels")


def by_alias(client: Any) -> dict[str, dict]:
    return {c["Alias"]: c for c in all_pages(client.list_contacts, "Contacts")}


def alias_of(arn: str) -> str:
    return arn.rsplit("/", 1)[-1]


def test_first_run_creates_everything_and_reports_it(first_run: dict, setup: SetUp) -> None:
    counts = outcomes(first_run)
    assert counts.get("FAILED", 0) == 0, [e for e in first_run["entries"] if e["outcome"] == "FAILED"]
    kinds = [e["kind"] for e in first_run["entries"]]
    assert kinds.count("CONTACT") == 10 and kinds.count("ROTATION") == 3 and kinds.count("ESCALATION_PLAN") == 2
    assert kinds.count("ONCALL_SCHEDULE") == 1 and kinds.count("RESPONSE_PLAN") == 3 and kinds.count("INCIDENT") == 5
    assert kinds.count("DOCUMENT") == 1 and kinds.count("REPLICATION_SET") == 1
    assert counts == {"CREATED": len(first_run["entries"])}
    warnings = " ".join(w for e in first_run["entries"] for w in e["warnings"])
    assert "person9" in warnings and "no channels" in warnings
    assert "search-chat" in warnings
    assert "pinned to version 1" in warnings
    # Trusted channels stay activated; the SMS channel that was not activated at the source is listed.
    assert [c["type"] for c in first_run["channelsToActivate"]] == ["SMS"]
    assert all(TARGET_ACCOUNT in e["target"] for e in first_run["entries"] if e["kind"] != "REPLICATION_SET" or e["target"])


def test_contacts_channels_and_plans_arrive_with_target_arns(first_run: dict, src: HikeshiServer, dst: HikeshiServer,
                                                             setup: SetUp) -> None:
    source, target = src.client("ssm-contacts"), dst.client("ssm-contacts")
    ours = {a: c for a, c in by_alias(target).items() if a.startswith(setup.tag)}
    theirs = {a: c for a, c in by_alias(source).items() if a.startswith(setup.tag)}
    assert {a: (c["DisplayName"], c["Type"]) for a, c in ours.items()} == {a: (c["DisplayName"], c["Type"]) for a, c in theirs.items()}
    for alias, contact in ours.items():
        assert contact["ContactArn"].split(":")[4] == TARGET_ACCOUNT
        mine, original = target.get_contact(ContactId=contact["ContactArn"]), source.get_contact(ContactId=theirs[alias]["ContactArn"])
        assert json.dumps(original["Plan"]).count("arn:aws") == json.dumps(mine["Plan"]).count(f":{TARGET_ACCOUNT}:")
        for stage, old in zip(mine["Plan"]["Stages"], original["Plan"]["Stages"]):
            assert stage["DurationInMinutes"] == old["DurationInMinutes"]
            for new_target, old_target in zip(stage["Targets"], old["Targets"]):
                if "ContactTargetInfo" in old_target:
                    assert alias_of(new_target["ContactTargetInfo"]["ContactId"]) == alias_of(old_target["ContactTargetInfo"]["ContactId"])
                    assert new_target["ContactTargetInfo"]["IsEssential"] == old_target["ContactTargetInfo"]["IsEssential"]
        if contact["Type"] == "PERSONAL":
            channels = {c["Name"]: c for c in target.list_contact_channels(ContactId=contact["ContactArn"])["ContactChannels"]}
            before = {c["Name"]: c for c in source.list_contact_channels(ContactId=theirs[alias]["ContactArn"])["ContactChannels"]}
            assert {n: (c["Type"], c["DeliveryAddress"], c["ActivationStatus"]) for n, c in channels.items()} == \
                {n: (c["Type"], c["DeliveryAddress"], c["ActivationStatus"]) for n, c in before.items()}
            assert target.list_tags_for_resource(ResourceARN=contact["ContactArn"])["Tags"] == [{"Key": "team", "Value": "sre"}]
    first = f"arn:aws:ssm-contacts:{REGION}:{TARGET_ACCOUNT}:contact/{setup.tag}-person0"
    policy = json.loads(target.get_contact_policy(ContactArn=first)["Policy"])
    assert policy["Statement"][0]["Resource"] == first and policy["Statement"][0]["Principal"] == {"AWS": "333333333333"}
    schedule = target.get_contact(ContactId=f"arn:aws:ssm-contacts:{REGION}:{TARGET_ACCOUNT}:contact/{alias_of(setup.schedule)}")
    assert [alias_of(r) for r in schedule["Plan"]["RotationIds"]] == [alias_of(r) for r in setup.rotations[:2]]
    assert all(f":{TARGET_ACCOUNT}:" in r for r in schedule["Plan"]["RotationIds"])


def shifts(client: Any, rotation: str) -> list[tuple[list[str], str, str]]:
    found = all_pages(client.list_rotation_shifts, "RotationShifts", RotationId=rotation, StartTime=NOW,
                      EndTime=NOW + dt.timedelta(days=14))
    return [(sorted(alias_of(c) for c in s["ContactIds"]), s["StartTime"].isoformat(), s["EndTime"].isoformat()) for s in found]


def test_rotations_put_the_same_people_on_call_at_the_same_times(first_run: dict, src: HikeshiServer, dst: HikeshiServer,
                                                                 setup: SetUp) -> None:
    source, target = src.client("ssm-contacts"), dst.client("ssm-contacts")
    for arn in setup.rotations:
        mine = f"arn:aws:ssm-contacts:{REGION}:{TARGET_ACCOUNT}:rotation/{alias_of(arn)}"
        original, copied = source.get_rotation(RotationId=arn), target.get_rotation(RotationId=mine)
        assert (copied["TimeZoneId"], copied["Recurrence"], copied["StartTime"]) == \
            (original["TimeZoneId"], original["Recurrence"], original["StartTime"])
        assert [alias_of(c) for c in copied["ContactIds"]] == [alias_of(c) for c in original["ContactIds"]]
        window = {"StartTime": NOW, "EndTime": NOW + dt.timedelta(days=30)}
        overrides = target.list_rotation_overrides(RotationId=mine, **window)["RotationOverrides"]
        assert len(overrides) == 1 and all(f":{TARGET_ACCOUNT}:" in c for c in overrides[0]["NewContactIds"])
        expected = shifts(source, arn)
        assert expected and shifts(target, mine) == expected


def test_response_plans_runbooks_and_policies_come_over(first_run: dict, src: HikeshiServer, dst: HikeshiServer,
                                                        setup: SetUp) -> None:
    source, target = src.client("ssm-incidents"), dst.client("ssm-incidents")
    for key, arn in setup.plans.items():
        mine = arn.replace(f":{src.creds.account_id}:", f":{TARGET_ACCOUNT}:")
        original, copied = source.get_response_plan(arn=arn), target.get_response_plan(arn=mine)
        assert copied["incidentTemplate"] == original["incidentTemplate"]
        assert [alias_of(e) for e in copied.get("engagements", [])] == [alias_of(e) for e in original.get("engagements", [])]
        assert all(f":{TARGET_ACCOUNT}:" in e for e in copied.get("engagements", []))
        assert target.list_tags_for_resource(resourceArn=mine)["tags"] == source.list_tags_for_resource(resourceArn=arn)["tags"]
        if key == "db":
            [action] = copied["actions"]
            assert action["ssmAutomation"]["documentName"] == setup.document
            assert action["ssmAutomation"]["roleArn"] == f"arn:aws:iam::{TARGET_ACCOUNT}:role/IncidentRunbook"
        if key == "checkout":
            [policy] = target.get_resource_policies(resourceArn=mine)["resourcePolicies"]
            document = json.loads(policy["policyDocument"])
            assert document["Statement"][0]["Principal"] == {"AWS": "333333333333"}
            assert document["Statement"][0]["Resource"] == mine
        if key == "db":
            [action] = copied["actions"]
            assert action["ssmAutomation"]["documentVersion"] == "$DEFAULT"
    content = dst.client("ssm").get_document(Name=setup.document)["Content"]
    assert json.loads(content) == json.loads(src.client("ssm").get_document(Name=setup.document)["Content"])
    assert target.list_replication_sets()["replicationSetArns"]


def test_incidents_arrive_as_history_with_original_times(first_run: dict, src: HikeshiServer, dst: HikeshiServer,
                                                         setup: SetUp) -> None:
    source, target = src.client("ssm-incidents"), dst.client("ssm-incidents")
    copied = {r["title"]: r for r in all_pages(target.list_incident_records, "incidentRecordSummaries") if r["title"].startswith(setup.tag)}
    assert len(copied) == 5
    for arn in setup.records:
        original = source.get_incident_record(arn=arn)["incidentRecord"]
        summary = copied[original["title"]]
        mine = target.get_incident_record(arn=summary["arn"])["incidentRecord"]
        assert summary["arn"].split(":")[4] == TARGET_ACCOUNT
        for key in ("status", "impact", "creationTime", "resolvedTime", "summary", "dedupeString"):
            assert mine.get(key) == original.get(key), key
        theirs = all_pages(source.list_timeline_events, "eventSummaries", incidentRecordArn=arn)
        ours = all_pages(target.list_timeline_events, "eventSummaries", incidentRecordArn=summary["arn"])
        assert [(e["eventType"], e["eventTime"]) for e in ours] == [(e["eventType"], e["eventTime"]) for e in theirs]
        notes = [target.get_timeline_event(incidentRecordArn=summary["arn"], eventId=e["eventId"])["event"]["eventData"]
                 for e in ours if e["eventType"] == "Custom Event"]
        assert sorted(notes) == sorted(json.dumps(f"note {setup.records.index(arn)} at -{m}m") for m in (50, 20))
        items = target.list_related_items(incidentRecordArn=summary["arn"])["relatedItems"]
        assert any(i["identifier"]["value"].get("url", "").endswith(f"/{setup.records.index(arn)}") for i in items)
    # History pages nobody: no engagement was started for an imported incident.
    assert not [e for e in all_pages(dst.client("ssm-contacts").list_engagements, "Engagements")
                if any(i["arn"] in e.get("IncidentId", "") for i in copied.values())]


def test_second_run_changes_nothing(first_run: dict, src: HikeshiServer, dst: HikeshiServer, setup: SetUp) -> None:
    target = dst.client("ssm-contacts")
    before = (len(by_alias(target)), len(all_pages(dst.client("ssm-incidents").list_incident_records, "incidentRecordSummaries")))
    again = migrate(src, dst, "--trust-channels")
    assert outcomes(again) == {"UNCHANGED": len(first_run["entries"])}
    assert [e["target"] for e in again["entries"]] == [e["target"] for e in first_run["entries"]]
    after = (len(by_alias(target)), len(all_pages(dst.client("ssm-incidents").list_incident_records, "incidentRecordSummaries")))
    assert after == before


def test_dry_run_reports_a_change_and_writes_nothing_then_a_run_applies_it(first_run: dict, src: HikeshiServer,
                                                                          dst: HikeshiServer, setup: SetUp) -> None:
    person = setup.people[f"{setup.tag}-person1"]
    src.client("ssm-contacts").update_contact(ContactId=person, DisplayName="Person One renamed")
    mine = person.replace(f":{src.creds.account_id}:", f":{TARGET_ACCOUNT}:")
    dry = migrate(src, dst, "--trust-channels", "--dry-run")
    assert dry["dryRun"] is True
    changed = [e for e in dry["entries"] if e["outcome"] == "UPDATED"]
    assert [e["source"] for e in changed] == [person]
    assert dst.client("ssm-contacts").get_contact(ContactId=mine)["DisplayName"] == "Person 1"
    # The dry run goes through the same imports, so it names what the real run would skip and warn about.
    assert "search-chat" in " ".join(w for e in dry["entries"] for w in e["warnings"])
    table = migrate(src, dst, "--trust-channels", "--dry-run", output="table").stdout
    assert "Dry run" in table and "UPDATED" in table and "no channels" in table
    fresh = dst.create_account()
    preview = migrate(src, dst, "--dry-run", account=fresh.account_id)
    assert outcomes(preview).get("CREATED") == len(first_run["entries"]) and preview["channelsToActivate"]
    assert dst.client("ssm-contacts", account=fresh).list_contacts()["Contacts"] == []
    assert dst.client("ssm-incidents", account=fresh).list_response_plans()["responsePlanSummaries"] == []
    again = migrate(src, dst, "--dry-run", account=fresh.account_id)
    assert outcomes(again).get("CREATED") == len(first_run["entries"])  # nothing was recorded either
    real = migrate(src, dst, "--trust-channels")
    assert [e["source"] for e in real["entries"] if e["outcome"] == "UPDATED"] == [person]
    assert dst.client("ssm-contacts").get_contact(ContactId=mine)["DisplayName"] == "Person One renamed"


def test_the_target_pages_the_same_people_for_the_same_alert(first_run: dict, src: HikeshiServer, dst: HikeshiServer,
                                                             setup: SetUp, mail: tuple[SMTPSink, SMTPSink]) -> None:
    # Through the escalation plan: the on-call schedule (whoever its two rotations have on call now) and person6.
    plan = setup.plans["db"]
    title = unique("paging check")
    src.client("ssm-incidents").start_incident(responsePlanArn=plan, title=title)
    dst.client("ssm-incidents").start_incident(responsePlanArn=plan.replace(f":{src.creds.account_id}:", f":{TARGET_ACCOUNT}:"),
                                               title=title)

    def recipients(sink: SMTPSink) -> set[str]:
        return {r for m in sink.messages if title in m.subject + m.body for r in m.rcpt_tos}

    contacts = src.client("ssm-contacts")
    on_call = {alias_of(c) for r in setup.rotations[:2]
               for c in contacts.list_rotation_shifts(RotationId=r, StartTime=dt.datetime.now(dt.timezone.utc),
                                                      EndTime=dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=1))
               ["RotationShifts"][0]["ContactIds"]}
    expected = {setup.emails[alias] for alias in on_call | {f"{setup.tag}-person6"}}
    assert len(expected) == 3
    wait_until(lambda: recipients(mail[0]) == expected, timeout=30, message="source pages")
    wait_until(lambda: recipients(mail[1]) == expected, timeout=30, message="target pages the same people")


def test_channels_come_over_inactive_without_trust(src: HikeshiServer, dst: HikeshiServer, setup: SetUp) -> None:
    account = dst.create_account()
    report = migrate(src, dst, "--no-incidents", account=account.account_id)
    assert outcomes(report).get("FAILED", 0) == 0
    listed = report["channelsToActivate"]
    assert len(listed) == 10 and {c["type"] for c in listed} == {"EMAIL", "SMS"}
    client = dst.client("ssm-contacts", account=account)
    some = listed[0]
    assert client.get_contact_channel(ContactChannelId=some["channelArn"])["ActivationStatus"] == "NOT_ACTIVATED"
    assert some["contactArn"].split(":")[4] == account.account_id
    table = migrate(src, dst, "--no-incidents", account=account.account_id, output="table").stdout
    assert "Channels to activate" in table and some["address"] in table


def test_refused_credentials_are_reported_and_nothing_is_written(src: HikeshiServer, dst: HikeshiServer, setup: SetUp) -> None:
    account = dst.create_account()
    result = migrate(src, dst, account=account.account_id, secret="wrong-secret", expect=1, output="table")
    assert "refused the credentials" in result.stderr
    assert dst.client("ssm-contacts", account=account).list_contacts()["Contacts"] == []


def test_a_throttling_source_is_waited_out(factory: ServerFactory, dst: HikeshiServer) -> None:
    slow = factory.new(env={"HIKESHI_THROTTLE_RATE": "5", "HIKESHI_THROTTLE_BURST": "5"})
    client = slow.client("ssm-contacts")
    for index in range(4):
        client.create_contact(Alias=unique(f"throttled{index}"), Type="PERSONAL", Plan={"Stages": []})
    account = dst.create_account()
    report = migrate(slow, dst, account=account.account_id)
    assert outcomes(report) == {"CREATED": 4}
    assert len(dst.client("ssm-contacts", account=account).list_contacts()["Contacts"]) == 4
    # The source did throttle (its only 400s here are ThrottlingException: nothing else the reads do is refused).
    throttled = [line for line in slow.get("/metrics").body.decode().splitlines()
                 if line.startswith("hikeshi_requests_total") and 'service="ssm-contacts"' in line and 'status="400"' in line]
    assert throttled and sum(float(line.rsplit(" ", 1)[1]) for line in throttled) > 0


def test_export_files_bring_incident_history(src: HikeshiServer, dst: HikeshiServer, setup: SetUp, tmp_path: Path) -> None:
    """Files as `aws ssm-incidents get-incident-record > file` writes them (ISO timestamps), one per answer."""
    arn = setup.records[0]
    record = src.aws("ssm-incidents", "get-incident-record", "--arn", arn)
    (tmp_path / "record.json").write_text(json.dumps(record))
    events = src.aws("ssm-incidents", "list-timeline-events", "--incident-record-arn", arn)
    full = [src.aws("ssm-incidents", "get-timeline-event", "--incident-record-arn", arn, "--event-id", e["eventId"])["event"]
            for e in events["eventSummaries"]]
    (tmp_path / "timeline.json").write_text(json.dumps({"timelineEvents": full}))
    items = src.aws("ssm-incidents", "list-related-items", "--incident-record-arn", arn)
    (tmp_path / "items.json").write_text(json.dumps({"incidentRecordArn": arn, **items}))
    (tmp_path / "notes.json").write_text(json.dumps({"something": "else"}))
    account = dst.create_account()
    env = clean_env()
    cmd = [str(dst.binary), "migrate", "--from-export", str(tmp_path), "--region", REGION, "--account-id", account.account_id,
           "--output", "json", *dst.storage_args]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr + result.stdout
    report = json.loads(result.stdout)
    assert [e["kind"] for e in report["entries"]] == ["INCIDENT"] and report["entries"][0]["outcome"] == "CREATED"
    assert any("notes.json" in w for w in report["warnings"])
    target = dst.client("ssm-incidents", account=account)
    [summary] = target.list_incident_records()["incidentRecordSummaries"]
    mine = target.get_incident_record(arn=summary["arn"])["incidentRecord"]
    original = src.client("ssm-incidents").get_incident_record(arn=arn)["incidentRecord"]
    assert (mine["title"], mine["creationTime"], mine["status"]) == (original["title"], original["creationTime"], original["status"])
    assert len(target.list_timeline_events(incidentRecordArn=summary["arn"])["eventSummaries"]) == len(full)
    assert target.list_related_items(incidentRecordArn=summary["arn"])["relatedItems"]
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env, stdin=subprocess.DEVNULL)
    assert json.loads(again.stdout)["entries"][0]["outcome"] == "UNCHANGED"


def test_bad_arguments_are_refused(dst: HikeshiServer) -> None:
    env = clean_env()
    base = [str(dst.binary), "migrate", "--region", REGION, *dst.storage_args]
    no_source = subprocess.run(base, capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL)
    assert no_source.returncode != 0 and "--from-endpoint" in no_source.stderr
    bad_url = subprocess.run([*base, "--from-endpoint", "ftp://x"], capture_output=True, text=True, timeout=60, env=env,
                             stdin=subprocess.DEVNULL)
    assert bad_url.returncode == 1 and "http or https" in bad_url.stderr
    unknown = subprocess.run([*base, "--from-export", "/nonexistent/export", "--account-id", "999999999999"], capture_output=True,
                             text=True, timeout=60, env=env, stdin=subprocess.DEVNULL)
    assert unknown.returncode == 1 and "does not exist" in unknown.stderr
