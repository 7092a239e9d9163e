"""Incidents started from outside: alert integrations (`hikeshi admin create-integration`) fed
by EventBridge, CloudWatch alarms over SNS (subscription confirmation, signatures), Alertmanager,
Grafana and generic JSON; and chat channels (`hikeshi admin create-chat-channel`): the messages
Slack, Teams and Chime webhooks receive, and Slack's slash commands and buttons.

The module shares one private server (started with HIKESHI_SNS_CONFIRM_ANY_HOST=1); tests that
need other settings start their own."""

from __future__ import annotations

import json
import os
import re
import secrets
import uuid
from typing import Any, Iterator

import pytest

from harness import HikeshiServer, ServerFactory, unique
from incident_support import (
    TRIGGER_EVENT,
    UPDATE_EVENT,
    alarm_arn,
    alertmanager_payload,
    block_action,
    cloudwatch_alarm_message,
    create_chat_channel,
    create_integration,
    create_plan,
    eventbridge_alarm,
    grafana_payload,
    http_post,
    incident_id,
    incidents_of_plan,
    involved_arns,
    now_utc,
    plan_name,
    post_slack,
    record,
    related_items,
    self_signed_certificate,
    sign_sns,
    slash_command,
    sns_notification,
    sns_subscription_confirmation,
    start,
    timeline_events,
    trigger_actions,
)


@pytest.fixture(scope="module")
def trigger_server(hikeshi_bin: str, engine: str) -> Iterator[HikeshiServer]:
    factory = ServerFactory(hikeshi_bin, engine, os.environ.get("HIKESHI_TEST_POSTGRES_URL"))
    srv = factory.new(env={"HIKESHI_SNS_CONFIRM_ANY_HOST": "1"})
    yield srv
    problems = factory.close()
    assert not problems, "\n\n".join(problems)


@pytest.fixture
def client(trigger_server: HikeshiServer) -> Any:
    return trigger_server.client("ssm-incidents")


def integration(server: HikeshiServer, client: Any, kind: str, *, auto_resolve: bool = False, **plan: Any) -> tuple[str, dict]:
    """A new response plan and an integration of `kind` for it: (plan ARN, create-integration output)."""
    name = plan_name(kind.replace("-", ""))
    arn = create_plan(client, name, **plan)
    return arn, create_integration(server, name, kind, auto_resolve=auto_resolve)


def post(url: str, body: Any, **kwargs: Any):
    """POSTs an alert; returns (HTTP status, JSON answer)."""
    result = http_post(url, body, **kwargs)
    try:
        answer = result.json
    except ValueError:
        answer = {"raw": result.text}
    return result.status, answer


def accepted(url: str, body: Any, outcome: str) -> str:
    status, answer = post(url, body)
    assert status == 202, (status, answer)
    assert answer.get("outcome") == outcome, answer
    return answer.get("incidentRecordArn", "")


# ---------------------------------------------------------------------------
# Integrations
# ---------------------------------------------------------------------------


def test_create_integration_prints_its_secret_url(trigger_server, client):
    name = plan_name()
    plan = create_plan(client, name)
    out = create_integration(trigger_server, name, "generic")
    assert out["kind"] == "generic"
    assert out["responsePlanArn"] == plan
    assert out["id"] and out["name"]
    assert re.fullmatch(r"[A-Za-z0-9_\-]{32,}", out["token"]), out["token"]
    assert out["url"] == f"{trigger_server.endpoint}/integrations/{out['token']}"
    # by ARN too, and each integration has its own secret
    again = create_integration(trigger_server, plan, "alertmanager")
    assert again["responsePlanArn"] == plan and again["token"] != out["token"] and again["id"] != out["id"]
    # HIKESHI_PUBLIC_URL prefixes the printed URL
    public = trigger_server.admin(
        "create-integration", "--account-id", trigger_server.creds.account_id, "--response-plan", name, "--kind", "grafana",
        env={"HIKESHI_PUBLIC_URL": "https://hikeshi.example.com/"},
    )
    assert public["url"] == f"https://hikeshi.example.com/integrations/{public['token']}"
    # without it, the URL is the configured listen address
    default = trigger_server.admin(
        "create-integration", "--account-id", trigger_server.creds.account_id, "--response-plan", name, "--kind", "generic"
    )
    assert re.fullmatch(r"http://[^/]+:\d+/integrations/" + re.escape(default["token"]), default["url"]), default["url"]


def test_create_integration_for_an_unknown_plan_fails(trigger_server):
    result = trigger_server.admin(
        "create-integration", "--account-id", trigger_server.creds.account_id, "--response-plan", plan_name("missing"),
        "--kind", "generic", check=False,
    )
    assert result.returncode != 0
    assert result.stdout.strip() == ""
    bad_kind = trigger_server.admin(
        "create-integration", "--account-id", trigger_server.creds.account_id, "--response-plan", plan_name("missing"),
        "--kind", "slack", check=False,
    )
    assert bad_kind.returncode != 0


def test_unknown_tokens_and_malformed_bodies_create_nothing(trigger_server, client):
    plan, out = integration(trigger_server, client, "generic")
    good = {"title": "Fine", "dedupeKey": unique("k")}
    endpoint = trigger_server.endpoint
    assert post(f"{endpoint}/integrations/{'0' * 64}", good)[0] == 404
    assert post(f"{endpoint}/integrations/{out['token']}x", good)[0] == 404
    assert post(f"{endpoint}/integrations", good, headers={"Authorization": "Bearer nope"})[0] == 404
    assert post(f"{endpoint}/integrations", good)[0] == 404
    for body in (b"{not json", b"[1, 2]", {"summary": "no title"}, {"title": "x", "impact": 9}, {"title": "x", "status": "exploded"}):
        status, answer = post(out["url"], body)
        assert status == 400, (body, status, answer)
        assert answer.get("message"), answer
    assert incidents_of_plan(client, plan) == []


def test_bearer_token_on_the_bare_path(trigger_server, client):
    plan, out = integration(trigger_server, client, "generic")
    status, answer = post(
        f"{trigger_server.endpoint}/integrations", {"title": "Via bearer", "dedupeKey": unique("k")},
        headers={"Authorization": f"Bearer {out['token']}"},
    )
    assert status == 202 and answer["outcome"] == "started", answer
    assert [r["arn"] for r in incidents_of_plan(client, plan)] == [answer["incidentRecordArn"]]


def test_an_integration_of_another_kind_rejects_the_shape(trigger_server, client):
    plan, out = integration(trigger_server, client, "alertmanager")
    status, _ = post(out["url"], {"title": "generic shape", "dedupeKey": "x"})
    assert status == 400
    assert incidents_of_plan(client, plan) == []


# ---------------------------------------------------------------------------
# EventBridge
# ---------------------------------------------------------------------------


def test_eventbridge_alarm_starts_absorbs_and_auto_resolves(trigger_server, client):
    plan, out = integration(trigger_server, client, "eventbridge", auto_resolve=True, impact=2)
    alarm = unique("HighCPU")
    instance = "i-0" + secrets.token_hex(8)
    arn = accepted(out["url"], eventbridge_alarm(alarm, instance=instance), "started")

    got = record(client, arn)
    assert got["status"] == "OPEN"
    assert got["title"] == alarm
    assert got["impact"] == 2
    assert got["incidentRecordSource"]["source"] == "aws.cloudwatch"
    assert got["incidentRecordSource"]["resourceArn"] == alarm_arn(alarm)
    involved = involved_arns(client, arn)
    assert alarm_arn(alarm) in involved
    assert f"arn:aws:ec2:us-east-1:123456789012:instance/{instance}" in involved
    assert [i["identifier"]["type"] for i in related_items(client, arn)].count("PARENT") == 1
    # the alarm's description is the summary (the plan has none); its state reason is on the trigger's timeline event
    assert got["summary"] == "Goes into alarm when server CPU utilization is too high!"
    [created] = timeline_events(client, arn, TRIGGER_EVENT)
    assert "was greater than the threshold (70.0)" in created["data"]["details"]

    assert accepted(out["url"], eventbridge_alarm(alarm, instance=instance), "absorbed") == arn
    assert [r["arn"] for r in incidents_of_plan(client, plan)] == [arn]

    assert accepted(out["url"], eventbridge_alarm(alarm, "OK", instance=instance), "resolved") == arn
    assert trigger_actions(client, arn) == ["created", "absorbed", "resolved"]
    got = record(client, arn)
    assert got["status"] == "RESOLVED" and got.get("resolvedTime")
    assert [e["data"].get("status") for e in timeline_events(client, arn, UPDATE_EVENT)] == ["RESOLVED"]

    # the alarm firing again opens a new incident
    again = accepted(out["url"], eventbridge_alarm(alarm, instance=instance), "started")
    assert again != arn


def test_eventbridge_ok_without_auto_resolve_only_notes_it(trigger_server, client):
    plan, out = integration(trigger_server, client, "eventbridge")
    alarm = unique("Latency")
    # OK for an alarm without an open incident: nothing to do
    status, answer = post(out["url"], eventbridge_alarm(alarm, "OK"))
    assert status == 202 and answer["outcome"] == "ignored", answer
    assert incidents_of_plan(client, plan) == []

    arn = accepted(out["url"], eventbridge_alarm(alarm), "started")
    assert accepted(out["url"], eventbridge_alarm(alarm, "OK"), "resolved") == arn
    assert trigger_actions(client, arn) == ["created", "resolved"]
    assert record(client, arn)["status"] == "OPEN"
    # another alarm is another incident
    other = accepted(out["url"], eventbridge_alarm(unique("Other")), "started")
    assert other != arn


def test_eventbridge_event_without_alarm_fields_is_rejected(trigger_server, client):
    plan, out = integration(trigger_server, client, "eventbridge")
    event = eventbridge_alarm(unique("Broken"))
    del event["detail"]["alarmName"]
    assert post(out["url"], event)[0] == 400
    event = eventbridge_alarm(unique("Broken"))
    del event["source"]
    assert post(out["url"], event)[0] == 400
    assert incidents_of_plan(client, plan) == []


# ---------------------------------------------------------------------------
# CloudWatch alarms over SNS
# ---------------------------------------------------------------------------


def test_sns_alarm_notification_starts_an_incident(trigger_server, client):
    name = plan_name("sns")
    plan = create_plan(client, name)
    sns = create_integration(trigger_server, name, "cloudwatch-sns", auto_resolve=True)
    alarm = unique("DiskQueue")
    instance = "i-0" + secrets.token_hex(8)
    arn = accepted(sns["url"], sns_notification(json.dumps(cloudwatch_alarm_message(alarm, instance=instance))), "started")
    got = record(client, arn)
    assert got["title"] == alarm
    assert got["incidentRecordSource"]["source"] == "aws.cloudwatch"
    assert got["incidentRecordSource"]["resourceArn"] == alarm_arn(alarm)
    assert alarm_arn(alarm) in involved_arns(client, arn)
    assert f"arn:aws:ec2:us-east-1:123456789012:instance/{instance}" in involved_arns(client, arn)

    # the same alarm through EventBridge joins the same incident
    eventbridge = create_integration(trigger_server, name, "eventbridge")
    assert accepted(eventbridge["url"], eventbridge_alarm(alarm, instance=instance), "absorbed") == arn
    # and OK over SNS resolves it
    assert accepted(sns["url"], sns_notification(json.dumps(cloudwatch_alarm_message(alarm, "OK"))), "resolved") == arn
    assert record(client, arn)["status"] == "RESOLVED"
    assert [r["arn"] for r in incidents_of_plan(client, plan)] == [arn]


def test_sns_message_that_is_not_an_alarm_is_rejected(trigger_server, client):
    plan, out = integration(trigger_server, client, "cloudwatch-sns")
    assert post(out["url"], sns_notification("plain text, not an alarm"))[0] == 400
    assert post(out["url"], sns_notification(json.dumps({"AlarmName": "x"})))[0] == 400
    unknown_type = dict(sns_notification(json.dumps(cloudwatch_alarm_message("x"))), Type="Whatever")
    assert post(out["url"], unknown_type)[0] == 400
    assert incidents_of_plan(client, plan) == []


def test_sns_subscription_confirmation_fetches_the_subscribe_url(trigger_server, client, webhook_sink):
    plan, out = integration(trigger_server, client, "cloudwatch-sns")
    path = f"/confirm/{uuid.uuid4().hex}"
    status, answer = post(out["url"], sns_subscription_confirmation(webhook_sink.url(path) + "?Action=ConfirmSubscription&Token=abc"))
    assert status == 200, answer
    assert answer.get("outcome") == "confirmed", answer
    hooks = webhook_sink.wait_for(path, method="GET")
    assert len(hooks) == 1 and "Token=abc" in hooks[0].path
    assert incidents_of_plan(client, plan) == []


def test_sns_subscription_confirmation_only_at_sns_hosts_by_default(server_factory, webhook_sink):
    srv = server_factory.new()
    client = srv.client("ssm-incidents")
    plan, out = integration(srv, client, "cloudwatch-sns")
    path = f"/confirm/{uuid.uuid4().hex}"
    status, _ = post(out["url"], sns_subscription_confirmation(webhook_sink.url(path)))
    assert status == 400
    assert webhook_sink.hooks(path) == []


def test_sns_signatures_are_checked_when_a_certificate_is_configured(server_factory, tmp_path):
    pytest.importorskip("cryptography", reason="the `cryptography` package signs the test's SNS messages (pip install cryptography)")
    key, certificate = self_signed_certificate()
    cert_file = tmp_path / "sns-signing.pem"
    cert_file.write_text(certificate)
    srv = server_factory.new(env={"HIKESHI_SNS_CERTIFICATE_FILE": str(cert_file)})
    client = srv.client("ssm-incidents")
    plan, out = integration(srv, client, "cloudwatch-sns")
    alarm = unique("Signed")
    message = sns_notification(json.dumps(cloudwatch_alarm_message(alarm)))

    unsigned = post(out["url"], message)
    assert unsigned[0] == 400, unsigned
    tampered = sign_sns(message, key)
    tampered["Message"] = json.dumps(cloudwatch_alarm_message(unique("Forged")))
    assert post(out["url"], tampered)[0] == 400
    other_key, _ = self_signed_certificate()
    assert post(out["url"], sign_sns(message, other_key))[0] == 400
    assert incidents_of_plan(client, plan) == []

    arn = accepted(out["url"], sign_sns(message, key), "started")
    assert record(client, arn)["title"] == alarm
    assert [r["arn"] for r in incidents_of_plan(client, plan)] == [arn]


# ---------------------------------------------------------------------------
# Alertmanager, Grafana, generic
# ---------------------------------------------------------------------------


def test_alertmanager_group_starts_absorbs_and_resolves(trigger_server, client):
    plan, out = integration(trigger_server, client, "alertmanager", auto_resolve=True, impact=4)
    group_key = '{}:{alertname="DiskFull-' + uuid.uuid4().hex[:8] + '"}'
    title = f"Disk full on db1 {unique('am')}"
    arn = accepted(out["url"], alertmanager_payload(group_key, summary=title), "started")
    got = record(client, arn)
    assert got["title"] == title
    assert got["incidentRecordSource"]["source"] == "prometheus.alertmanager"
    assert got["impact"] == 1, "severity=critical suggests impact 1"
    urls = [i["identifier"]["value"].get("url") for i in related_items(client, arn)]
    assert any(u and u.startswith("http://prometheus.example:9090/graph") for u in urls), urls

    # the group again (a second alert joined it): the same incident
    assert accepted(out["url"], alertmanager_payload(group_key, instances=("db1", "db2")), "absorbed") == arn
    assert [r["arn"] for r in incidents_of_plan(client, plan)] == [arn]
    # another group is another incident
    other = accepted(out["url"], alertmanager_payload('{}:{alertname="Other-' + uuid.uuid4().hex[:8] + '"}'), "started")
    assert other != arn

    assert accepted(out["url"], alertmanager_payload(group_key, "resolved", instances=("db1", "db2")), "resolved") == arn
    assert trigger_actions(client, arn) == ["created", "absorbed", "resolved"]
    assert record(client, arn)["status"] == "RESOLVED"
    assert record(client, other)["status"] == "OPEN"


def test_alertmanager_payload_must_be_version_4(trigger_server, client):
    plan, out = integration(trigger_server, client, "alertmanager")
    payload = alertmanager_payload("{}:{}")
    payload["version"] = "3"
    assert post(out["url"], payload)[0] == 400
    del payload["version"]
    assert post(out["url"], payload)[0] == 400
    payload = alertmanager_payload("{}:{}")
    del payload["groupKey"]
    assert post(out["url"], payload)[0] == 400
    assert incidents_of_plan(client, plan) == []


def test_grafana_unified_alert(trigger_server, client):
    plan, out = integration(trigger_server, client, "grafana")
    rule = unique("HighMemory")
    group_key = '{}:{alertname="' + rule + '"}'
    arn = accepted(out["url"], grafana_payload(group_key, rule), "started")
    got = record(client, arn)
    assert got["incidentRecordSource"]["source"] == "grafana"
    assert rule in got["title"]
    assert accepted(out["url"], grafana_payload(group_key, rule), "absorbed") == arn
    assert accepted(out["url"], grafana_payload(group_key, rule, "resolved"), "resolved") == arn
    assert record(client, arn)["status"] == "OPEN", "without --auto-resolve the incident stays open"
    assert trigger_actions(client, arn) == ["created", "absorbed", "resolved"]


def test_generic_webhook(trigger_server, client):
    plan, out = integration(trigger_server, client, "generic", impact=5)
    key = unique("checkout")
    title = f"Checkout error rate {unique('t')}"
    arn = accepted(out["url"], {"title": title, "dedupeKey": key, "impact": 2, "summary": "5xx above 2% for 5 minutes"}, "started")
    got = record(client, arn)
    assert got["title"] == title
    assert got["summary"] == "5xx above 2% for 5 minutes"
    assert got["impact"] == 2
    assert got["incidentRecordSource"]["source"] == "generic"
    assert accepted(out["url"], {"title": "Again", "dedupeKey": key}, "absorbed") == arn
    other = accepted(out["url"], {"title": title, "dedupeKey": unique("other")}, "started")
    assert other != arn
    assert accepted(out["url"], {"title": title, "dedupeKey": key, "status": "resolved"}, "resolved") == arn
    assert sorted(r["arn"] for r in incidents_of_plan(client, plan)) == sorted([arn, other])
    assert record(client, arn)["title"] == title, "an absorbed alert does not retitle the incident"


def test_simultaneous_alerts_for_one_problem_open_one_incident(trigger_server, client):
    """Twelve copies of one alert posted at once: one starts the incident, the rest are absorbed
    (on PostgreSQL the advisory lock, on SQLite the single writer, serialise the dedupe check)."""
    from concurrent.futures import ThreadPoolExecutor

    plan, out = integration(trigger_server, client, "generic")
    body = {"title": "Queue backlog", "dedupeKey": unique("backlog")}
    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(lambda _: post(out["url"], body), range(12)))
    assert all(status == 202 for status, _ in answers), answers
    outcomes = sorted(answer["outcome"] for _, answer in answers)
    assert outcomes == ["absorbed"] * 11 + ["started"], outcomes
    assert len({answer["incidentRecordArn"] for _, answer in answers}) == 1
    assert len(incidents_of_plan(client, plan)) == 1
    assert trigger_actions(client, answers[0][1]["incidentRecordArn"]).count("absorbed") == 11


def test_plan_dedupe_string_wins_over_the_alerts_identity(trigger_server, client):
    plan, out = integration(trigger_server, client, "generic", template_extra={"dedupeString": unique("plan-wide")})
    first = accepted(out["url"], {"title": "One", "dedupeKey": unique("a")}, "started")
    assert accepted(out["url"], {"title": "Two", "dedupeKey": unique("b")}, "absorbed") == first
    # and an API start of the same plan joins it too
    assert start(client, plan) == first


def test_absorbed_alerts_do_not_start_engagements(trigger_server, client):
    contacts = trigger_server.client()
    contact = contacts.create_contact(Alias=unique("oncall"), DisplayName="On call", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    plan, out = integration(trigger_server, client, "generic", engagements=[contact])
    key = unique("k")
    arn = accepted(out["url"], {"title": "Engage once", "dedupeKey": key}, "started")
    assert accepted(out["url"], {"title": "Engage once", "dedupeKey": key}, "absorbed") == arn
    engagements = contacts.list_engagements(IncidentId=arn)["Engagements"]
    assert [e["ContactArn"] for e in engagements] == [contact]


# ---------------------------------------------------------------------------
# Chat channels
# ---------------------------------------------------------------------------


def chat_plan(server: HikeshiServer, client: Any, sink: Any, kind: str, **extra: Any) -> tuple[str, dict, str]:
    """A chat channel of `kind` posting to a path of the sink, and a plan using it: (plan, channel, path)."""
    path = f"/{kind}/{uuid.uuid4().hex}"
    channel = create_chat_channel(server, kind, sink.url(path), **extra)
    plan = create_plan(client, chatChannel={"chatbotSns": [channel["arn"]]})
    return plan, channel, path


def test_create_chat_channel_prints_its_arn_and_slack_urls(trigger_server, webhook_sink):
    name = unique("incidents")
    out = create_chat_channel(trigger_server, "slack", webhook_sink.url(), name=name, signing_secret="s3cret")
    account = trigger_server.creds.account_id
    assert out["arn"] == f"arn:aws:sns:us-east-1:{account}:{name}"
    assert out["kind"] == "slack" and out["name"] == name
    assert out["slackCommandsUrl"].startswith(trigger_server.endpoint + "/")
    assert out["slackInteractivityUrl"].startswith(trigger_server.endpoint + "/")
    assert out["slackCommandsUrl"] != out["slackInteractivityUrl"]
    teams = create_chat_channel(trigger_server, "teams", webhook_sink.url())
    assert teams["arn"].startswith(f"arn:aws:sns:us-east-1:{account}:") and "slackCommandsUrl" not in teams
    # a name is taken once; a kind that is not chat is refused
    dup = trigger_server.admin(
        "create-chat-channel", "--account-id", account, "--name", name, "--kind", "slack", "--webhook-url", webhook_sink.url(), check=False
    )
    assert dup.returncode != 0
    alert_kind = trigger_server.admin(
        "create-chat-channel", "--account-id", account, "--name", unique("x"), "--kind", "generic", "--webhook-url", webhook_sink.url(),
        check=False,
    )
    assert alert_kind.returncode != 0


def test_slack_channel_hears_the_incidents_life(trigger_server, client, webhook_sink):
    plan, _, path = chat_plan(trigger_server, client, webhook_sink, "slack")
    title = f"Payments failing {unique('slack')}"
    arn = start(client, plan, title=title, impact=3)
    created = webhook_sink.wait_for(path, containing=title)[0]
    message = created.json
    assert isinstance(message, dict) and isinstance(message.get("text"), str) and message["text"], created.text
    assert isinstance(message.get("blocks"), list) and message["blocks"]
    assert created.headers.get("Content-Type", "").startswith("application/json")

    client.update_incident_record(arn=arn, impact=1)
    webhook_sink.wait_for(path, count=2)
    note = f"rolled back {unique('deploy')}"
    client.create_timeline_event(incidentRecordArn=arn, eventTime=now_utc(), eventType="Note", eventData=json.dumps({"content": note}))
    webhook_sink.wait_for(path, containing=note)
    client.update_incident_record(arn=arn, status="RESOLVED")
    hooks = webhook_sink.wait_for(path, count=4)
    assert all(isinstance(h.json, dict) and h.json.get("text") for h in hooks), [h.text for h in hooks]
    assert any("resolved" in h.text.lower() for h in hooks[3:]), [h.text for h in hooks]


@pytest.mark.parametrize("kind", ["teams", "chime"])
def test_teams_and_chime_message_shapes(trigger_server, client, webhook_sink, kind):
    plan, _, path = chat_plan(trigger_server, client, webhook_sink, kind)
    title = f"Search is slow {unique(kind)}"
    start(client, plan, title=title)
    hook = webhook_sink.wait_for(path, containing=title)[0]
    message = hook.json
    assert isinstance(message, dict), hook.text
    if kind == "teams":
        assert message.get("@type") == "MessageCard", message
    else:
        assert isinstance(message.get("Content"), str) and title in message["Content"], message


def test_notification_targets_hear_too(trigger_server, client, webhook_sink):
    path = f"/target/{uuid.uuid4().hex}"
    channel = create_chat_channel(trigger_server, "slack", webhook_sink.url(path))
    plan = create_plan(client, template_extra={"notificationTargets": [{"snsTopicArn": channel["arn"]}]})
    title = f"Target {unique('t')}"
    arn = start(client, plan, title=title)
    webhook_sink.wait_for(path, containing=title)
    client.update_incident_record(arn=arn, status="RESOLVED")
    webhook_sink.wait_for(path, count=2)


def test_a_channel_named_twice_gets_one_message(trigger_server, client, webhook_sink):
    path = f"/twice/{uuid.uuid4().hex}"
    channel = create_chat_channel(trigger_server, "chime", webhook_sink.url(path))
    plan = create_plan(
        client, chatChannel={"chatbotSns": [channel["arn"]]}, template_extra={"notificationTargets": [{"snsTopicArn": channel["arn"]}]}
    )
    first, second = f"First {unique('a')}", f"Second {unique('b')}"
    start(client, plan, title=first)
    webhook_sink.wait_for(path, containing=first)
    start(client, plan, title=second)
    webhook_sink.wait_for(path, containing=second)
    assert len(webhook_sink.hooks(path, containing=first)) == 1


def test_a_failing_webhook_is_retried(trigger_server, client, webhook_sink):
    plan, _, path = chat_plan(trigger_server, client, webhook_sink, "slack")
    webhook_sink.fail_next(1, status=503)
    title = f"Retry me {unique('r')}"
    start(client, plan, title=title)
    webhook_sink.wait_for(path, containing=title, timeout=60)


# ---------------------------------------------------------------------------
# Slack commands and buttons
# ---------------------------------------------------------------------------


def slack_incident(server: HikeshiServer, client: Any, sink: Any, secret: str, title: str) -> tuple[str, dict, str]:
    plan, channel, path = chat_plan(server, client, sink, "slack", signing_secret=secret)
    arn = start(client, plan, title=title)
    return arn, channel, path


def note_texts(client: Any, arn: str) -> list[str]:
    return [e["eventData"] for e in timeline_events(client, arn, "Note")]


def test_slack_slash_commands(trigger_server, client, webhook_sink):
    secret = secrets.token_hex(16)
    arn, channel, path = slack_incident(trigger_server, client, webhook_sink, secret, f"Cache down {unique('c')}")
    url = channel["slackCommandsUrl"]
    short = incident_id(arn)

    note = f"looking at {unique('n')}"
    forged = post_slack(url, slash_command(f"note {short} {note}"), "not-the-secret")
    assert forged.status == 401, forged
    assert post_slack(url, slash_command(f"note {short} {note}"), secret, signature="v0=" + "0" * 64).status == 401
    assert note_texts(client, arn) == []

    answer = post_slack(url, slash_command(f"note {short} {note}"), secret)
    assert answer.status == 200, answer
    assert any(note in text for text in note_texts(client, arn)), note_texts(client, arn)

    answer = post_slack(url, slash_command(f"ack {short}"), secret)
    assert answer.status == 200, answer
    assert any("acknowledg" in e["eventType"].lower() for e in timeline_events(client, arn)), [e["eventType"] for e in timeline_events(client, arn)]
    assert record(client, arn)["status"] == "OPEN"

    answer = post_slack(url, slash_command(f"resolve {arn}"), secret)
    assert answer.status == 200, answer
    assert record(client, arn)["status"] == "RESOLVED"
    webhook_sink.wait_for(path, containing="esolved")


def test_slack_refuses_replayed_requests(trigger_server, client, webhook_sink):
    """A correctly signed request whose X-Slack-Request-Timestamp is an hour old is a replay (Slack
    tells apps to refuse requests more than five minutes old)."""
    secret = secrets.token_hex(16)
    arn, channel, _ = slack_incident(trigger_server, client, webhook_sink, secret, f"Replay {unique('r')}")
    old = str(int(now_utc().timestamp()) - 3600)
    stale = post_slack(channel["slackCommandsUrl"], slash_command(f"resolve {incident_id(arn)}"), secret, timestamp=old)
    assert stale.status == 401, stale
    assert record(client, arn)["status"] == "OPEN"


def test_slack_command_for_an_unknown_incident_changes_nothing(trigger_server, client, webhook_sink):
    secret = secrets.token_hex(16)
    arn, channel, _ = slack_incident(trigger_server, client, webhook_sink, secret, f"Unknown {unique('u')}")
    answer = post_slack(channel["slackCommandsUrl"], slash_command(f"resolve {uuid.uuid4()}"), secret)
    assert answer.status in (200, 400, 404), answer
    assert record(client, arn)["status"] == "OPEN"
    # another account's incident is unknown too
    other = trigger_server.create_account()
    other_client = trigger_server.client("ssm-incidents", account=other)
    other_arn = start(other_client, create_plan(other_client))
    post_slack(channel["slackCommandsUrl"], slash_command(f"resolve {other_arn}"), secret)
    assert record(other_client, other_arn)["status"] == "OPEN"


def test_slack_resolve_button(trigger_server, client, webhook_sink):
    secret = secrets.token_hex(16)
    arn, channel, _ = slack_incident(trigger_server, client, webhook_sink, secret, f"Button {unique('b')}")
    url = channel["slackInteractivityUrl"]
    forged = post_slack(url, block_action("hikeshi.resolve", arn), "wrong")
    assert forged.status == 401
    assert record(client, arn)["status"] == "OPEN"
    answer = post_slack(url, block_action("hikeshi.resolve", arn, user="bob"), secret)
    assert answer.status == 200, answer
    assert record(client, arn)["status"] == "RESOLVED"
    assert [e["data"].get("status") for e in timeline_events(client, arn, UPDATE_EVENT)] == ["RESOLVED"]
    assert TRIGGER_EVENT in {e["eventType"] for e in timeline_events(client, arn)}


def test_slack_acknowledge_button(trigger_server, client, webhook_sink):
    secret = secrets.token_hex(16)
    arn, channel, path = slack_incident(trigger_server, client, webhook_sink, secret, f"Ack button {unique('a')}")
    url = channel["slackInteractivityUrl"]
    assert post_slack(url, block_action("hikeshi.acknowledge", arn, user="carol"), "wrong").status == 401
    assert [e for e in timeline_events(client, arn) if "acknowledg" in e["eventType"].lower()] == []
    answer = post_slack(url, block_action("hikeshi.acknowledge", arn, user="carol"), secret)
    assert answer.status == 200, answer
    acks = [e for e in timeline_events(client, arn) if "acknowledg" in e["eventType"].lower()]
    assert len(acks) == 1 and "carol" in acks[0]["eventData"], acks
    assert record(client, arn)["status"] == "OPEN"
    webhook_sink.wait_for(path, containing="cknowledged")
