"""Alert integrations and chat channels through the `hikeshi` API (CreateIntegration,
ListIntegrations, DeleteIntegration, CreateChatChannel, ListChatChannels, DeleteChatChannel): each
account manages its own; secret URLs are shown once, work at once, and stop working when deleted.

Runs on the shared session server; tests that list everything use a fresh account.
"""

from __future__ import annotations

import json
import re
import secrets
from typing import Any

import pytest

from harness import HikeshiServer, aws_error, unique
from incident_support import (
    create_plan,
    http_post,
    incidents_of_plan,
    plan_name,
    post_slack,
    record,
    slash_command,
    start,
)
from support_support import all_pages, at_once, desk

KINDS = ["alertmanager", "eventbridge", "cloudwatch-sns", "grafana", "generic"]


def fresh(server: HikeshiServer) -> tuple[Any, Any, Any]:
    """A new account: (account, its hikeshi client, its ssm-incidents client)."""
    account = server.create_account()
    return account, desk(server, account), server.client("ssm-incidents", account=account)


def alert(url: str, title: str | None = None, key: str | None = None) -> tuple[int, dict]:
    result = http_post(url, {"title": title or f"Checkout errors {unique('t')}", "dedupeKey": key or unique("k")})
    try:
        return result.status, result.json
    except ValueError:
        return result.status, {"raw": result.text}


# ---------------------------------------------------------------------------
# Alert integrations
# ---------------------------------------------------------------------------


def test_create_integration_and_post_an_alert(server):
    account, hk, incidents = fresh(server)
    name = plan_name()
    plan = create_plan(incidents, name)
    created = hk.create_integration(ResponsePlan=name, Kind="generic", Name="Checkout alerts")
    integration = created["Integration"]
    assert re.fullmatch(r"int-[0-9a-z]+", integration["IntegrationId"]), integration["IntegrationId"]
    assert integration["Kind"] == "generic"
    assert integration["Name"] == "Checkout alerts"
    assert integration["ResponsePlanArn"] == plan
    assert integration["AutoResolve"] is False
    assert integration["CreatedAt"]
    token = created["Token"]
    assert re.fullmatch(r"[A-Za-z0-9_\-]{32,}", token), token
    assert re.fullmatch(r"https?://[^/]+/integrations/" + re.escape(token), created["Url"]), created["Url"]

    title = f"Checkout error rate {unique('t')}"
    status, answer = alert(created["Url"], title)
    assert status == 202, answer
    assert answer["outcome"] == "started"
    got = record(incidents, answer["incidentRecordArn"])
    assert got["title"] == title
    assert [r["arn"] for r in incidents_of_plan(incidents, plan)] == [answer["incidentRecordArn"]]


def test_create_integration_by_plan_arn_with_auto_resolve(server):
    account, hk, incidents = fresh(server)
    plan = create_plan(incidents)
    created = hk.create_integration(ResponsePlan=plan, Kind="generic", AutoResolve=True)
    integration = created["Integration"]
    assert integration["ResponsePlanArn"] == plan
    assert integration["AutoResolve"] is True
    assert integration["Name"], "a default name"
    key = unique("k")
    status, answer = alert(created["Url"], key=key)
    assert status == 202 and answer["outcome"] == "started"
    resolved = http_post(created["Url"], {"title": "done", "dedupeKey": key, "status": "resolved"})
    assert resolved.status == 202, resolved.text
    assert resolved.json["outcome"] == "resolved"
    assert record(incidents, answer["incidentRecordArn"])["status"] == "RESOLVED", "AutoResolve closes the incident"
    other = hk.create_integration(ResponsePlan=plan, Kind="alertmanager")
    assert other["Token"] != created["Token"]
    assert other["Integration"]["IntegrationId"] != integration["IntegrationId"]
    assert other["Integration"]["Kind"] == "alertmanager"


def test_create_integration_errors(server):
    account, hk, incidents = fresh(server)
    with aws_error("ResourceNotFoundException", 404):
        hk.create_integration(ResponsePlan=plan_name("missing"), Kind="generic")
    with aws_error("ResourceNotFoundException", 404):
        hk.create_integration(ResponsePlan=f"arn:aws:ssm-incidents::{account.account_id}:response-plan/{plan_name('missing')}", Kind="generic")
    # another account's plan is not this account's
    theirs = create_plan(server.client("ssm-incidents"))
    with aws_error("ResourceNotFoundException", 404):
        hk.create_integration(ResponsePlan=theirs, Kind="generic")
    name = plan_name()
    create_plan(incidents, name)
    unchecked = desk(server, account, parameter_validation=False)
    for kind in ("slack", "pagerduty"):
        with aws_error("ValidationException", 400, mentions="Kind"):
            unchecked.create_integration(ResponsePlan=name, Kind=kind)
    assert hk.list_integrations()["Integrations"] == []


def test_list_integrations_hides_secrets_and_pages(server):
    account, hk, incidents = fresh(server)
    first_plan, second_plan = create_plan(incidents), create_plan(incidents)
    made = [hk.create_integration(ResponsePlan=first_plan, Kind=kind) for kind in ("generic", "grafana")]
    made.append(hk.create_integration(ResponsePlan=second_plan, Kind="eventbridge"))
    listed = hk.list_integrations()["Integrations"]
    assert sorted(i["IntegrationId"] for i in listed) == sorted(m["Integration"]["IntegrationId"] for m in made)
    text = json.dumps(listed, default=str)
    for m in made:
        assert m["Token"] not in text, "lists never show the secret"
    for item in listed:
        assert set(item) == {"IntegrationId", "Kind", "Name", "ResponsePlanArn", "AutoResolve", "CreatedAt"}
        original = next(m["Integration"] for m in made if m["Integration"]["IntegrationId"] == item["IntegrationId"])
        assert item == original
    items, sizes = all_pages(hk.list_integrations, "Integrations", page_size=1)
    assert sizes == [1, 1, 1]
    assert sorted(i["IntegrationId"] for i in items) == sorted(i["IntegrationId"] for i in listed)
    by_plan = hk.list_integrations(ResponsePlan=second_plan)["Integrations"]
    assert [i["IntegrationId"] for i in by_plan] == [made[2]["Integration"]["IntegrationId"]]
    by_name = hk.list_integrations(ResponsePlan=first_plan.rsplit("/", 1)[-1])["Integrations"]
    assert sorted(i["Kind"] for i in by_name) == ["generic", "grafana"]
    with aws_error("ResourceNotFoundException", 404):
        hk.list_integrations(ResponsePlan=plan_name("missing"))
    # another account sees none of them
    _, stranger, _ = fresh(server)
    assert stranger.list_integrations()["Integrations"] == []


def test_delete_integration_stops_its_url(server):
    account, hk, incidents = fresh(server)
    plan = create_plan(incidents)
    created = hk.create_integration(ResponsePlan=plan, Kind="generic")
    integration_id = created["Integration"]["IntegrationId"]
    assert alert(created["Url"])[0] == 202
    _, stranger, _ = fresh(server)
    with aws_error("ResourceNotFoundException", 404):
        stranger.delete_integration(IntegrationId=integration_id)
    assert alert(created["Url"])[0] == 202, "still works after another account failed to delete it"
    hk.delete_integration(IntegrationId=integration_id)
    status, _ = alert(created["Url"])
    assert status == 404
    assert hk.list_integrations()["Integrations"] == []
    with aws_error("ResourceNotFoundException", 404):
        hk.delete_integration(IntegrationId=integration_id)
    assert len(incidents_of_plan(incidents, plan)) == 2


# ---------------------------------------------------------------------------
# Chat channels
# ---------------------------------------------------------------------------


def test_create_slack_channel(server):
    account, hk, incidents = fresh(server)
    name = unique("incidents")
    secret = secrets.token_hex(16)
    created = hk.create_chat_channel(Name=name, Kind="slack", WebhookUrl="https://hooks.slack.com/services/T0/B0/xyz", SigningSecret=secret)
    channel = created["ChatChannel"]
    assert channel["Arn"] == f"arn:aws:sns:us-east-1:{account.account_id}:{name}"
    assert channel["Name"] == name and channel["Kind"] == "slack" and channel["CreatedAt"]
    commands, interactive = created["SlackCommandsUrl"], created["SlackInteractivityUrl"]
    assert commands.endswith("/commands") and interactive.endswith("/interactive")
    assert commands.rsplit("/", 1)[0] == interactive.rsplit("/", 1)[0]
    assert commands.startswith("http")
    # the command URL works at once, signed with the channel's secret
    plan = create_plan(incidents, chatChannel={"chatbotSns": [channel["Arn"]]})
    arn = start(incidents, plan, title=f"Cache down {unique('c')}")
    assert post_slack(commands, slash_command(f"resolve {arn}"), "not-the-secret").status == 401
    assert post_slack(commands, slash_command(f"resolve {arn}"), secret).status == 200
    assert record(incidents, arn)["status"] == "RESOLVED"


@pytest.mark.parametrize("kind", ["teams", "chime"])
def test_create_teams_and_chime_channels(server, kind):
    account, hk, _ = fresh(server)
    name = unique(kind)
    created = hk.create_chat_channel(Name=name, Kind=kind, WebhookUrl="https://example.com/webhook/abc")
    assert created["ChatChannel"]["Kind"] == kind
    assert created["ChatChannel"]["Arn"] == f"arn:aws:sns:us-east-1:{account.account_id}:{name}"
    assert not created.get("SlackCommandsUrl") and not created.get("SlackInteractivityUrl")


def test_create_chat_channel_errors(server):
    account, hk, _ = fresh(server)
    name = unique("dup")
    hk.create_chat_channel(Name=name, Kind="teams", WebhookUrl="https://example.com/a")
    # The conflict names the channel, not just "the resource exists already".
    with aws_error("ConflictException", 409, mentions=(name,)):
        hk.create_chat_channel(Name=name, Kind="slack", WebhookUrl="https://example.com/b")
    unchecked = desk(server, account, parameter_validation=False)
    with aws_error("ValidationException", 400, mentions="Name"):
        unchecked.create_chat_channel(Name="has space", Kind="teams", WebhookUrl="https://example.com/a")
    for url in ("ftp://x", "not a url"):
        with aws_error("ValidationException", 400):
            hk.create_chat_channel(Name=unique("bad"), Kind="teams", WebhookUrl=url)
    with aws_error("ValidationException", 400, mentions="Kind"):
        unchecked.create_chat_channel(Name=unique("bad"), Kind="generic", WebhookUrl="https://example.com/a")
    assert [c["Name"] for c in hk.list_chat_channels()["ChatChannels"]] == [name]
    # the same name in another account is fine
    _, other, _ = fresh(server)
    assert other.create_chat_channel(Name=name, Kind="teams", WebhookUrl="https://example.com/a")["ChatChannel"]["Name"] == name


def test_one_name_one_channel_even_when_created_at_once(server):
    _, hk, _ = fresh(server)
    name = unique("race")
    outcomes = at_once(lambda _: hk.create_chat_channel(Name=name, Kind="teams", WebhookUrl="https://example.com/hook")["ChatChannel"]["Arn"], 6)
    assert sorted(outcomes)[:5] == ["ConflictException"] * 5, outcomes
    assert [c["Name"] for c in hk.list_chat_channels()["ChatChannels"]] == [name]


def test_bad_webhook_url_error_names_the_member(server):
    _, hk, _ = fresh(server)
    with aws_error("ValidationException", 400, mentions="WebhookUrl"):
        hk.create_chat_channel(Name=unique("bad"), Kind="teams", WebhookUrl="ftp://x")


def test_list_and_delete_chat_channels(server):
    account, hk, incidents = fresh(server)
    channels = [hk.create_chat_channel(Name=unique("ch"), Kind=kind, WebhookUrl="https://example.com/hook")["ChatChannel"] for kind in ("slack", "teams", "chime")]
    integration = hk.create_integration(ResponsePlan=create_plan(incidents), Kind="generic")["Integration"]
    listed = hk.list_chat_channels()["ChatChannels"]
    assert sorted(c["Arn"] for c in listed) == sorted(c["Arn"] for c in channels), "chat channels only, no alert integrations"
    for item in listed:
        assert item == next(c for c in channels if c["Arn"] == item["Arn"])
    assert [i["IntegrationId"] for i in hk.list_integrations()["Integrations"]] == [integration["IntegrationId"]], "and vice versa"
    items, sizes = all_pages(hk.list_chat_channels, "ChatChannels", page_size=1)
    assert sizes == [1, 1, 1] and sorted(c["Arn"] for c in items) == sorted(c["Arn"] for c in channels)
    # the two kinds cannot be deleted through each other's operation
    with aws_error("ResourceNotFoundException", 404):
        hk.delete_integration(IntegrationId=channels[0]["Arn"])
    with aws_error("ResourceNotFoundException", 404):
        hk.delete_chat_channel(Arn=integration["IntegrationId"])
    _, stranger, _ = fresh(server)
    assert stranger.list_chat_channels()["ChatChannels"] == []
    with aws_error("ResourceNotFoundException", 404):
        stranger.delete_chat_channel(Arn=channels[1]["Arn"])
    hk.delete_chat_channel(Arn=channels[1]["Arn"])
    assert sorted(c["Arn"] for c in hk.list_chat_channels()["ChatChannels"]) == sorted([channels[0]["Arn"], channels[2]["Arn"]])
    with aws_error("ResourceNotFoundException", 404):
        hk.delete_chat_channel(Arn=channels[1]["Arn"])
    # the name is free again
    again = hk.create_chat_channel(Name=channels[1]["Name"], Kind="teams", WebhookUrl="https://example.com/hook")["ChatChannel"]
    assert again["Arn"] == channels[1]["Arn"]


def test_deleted_slack_channel_stops_taking_commands(server):
    account, hk, incidents = fresh(server)
    secret = secrets.token_hex(16)
    created = hk.create_chat_channel(Name=unique("slack"), Kind="slack", WebhookUrl="https://example.com/hook", SigningSecret=secret)
    plan = create_plan(incidents, chatChannel={"chatbotSns": [created["ChatChannel"]["Arn"]]})
    arn = start(incidents, plan, title=f"Queue stuck {unique('q')}")
    hk.delete_chat_channel(Arn=created["ChatChannel"]["Arn"])
    answer = post_slack(created["SlackCommandsUrl"], slash_command(f"resolve {arn}"), secret)
    assert answer.status == 404, answer
    assert record(incidents, arn)["status"] == "OPEN"


# ---------------------------------------------------------------------------
# aws CLI
# ---------------------------------------------------------------------------


def test_aws_cli_list_integrations(server):
    account, hk, incidents = fresh(server)
    plan = create_plan(incidents)
    created = hk.create_integration(ResponsePlan=plan, Kind="grafana", Name="Grafana alerts")
    out = server.aws("hikeshi", "list-integrations", account=account)
    [item] = out["Integrations"]
    assert item["IntegrationId"] == created["Integration"]["IntegrationId"]
    assert item["Kind"] == "grafana" and item["Name"] == "Grafana alerts"
    assert item["ResponsePlanArn"] == plan
    assert created["Token"] not in json.dumps(out)
    assert server.aws("hikeshi", "list-integrations", "--response-plan", plan, account=account)["Integrations"] == out["Integrations"]
