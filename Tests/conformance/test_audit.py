"""The audit log: every change made through the API and the console — who, when, which operation, which resources,
never a secret — read with `hikeshi admin audit`, kept for `audit.retention.days`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import botocore.exceptions
import pytest

from harness import HikeshiServer, unique, wait_until
from incident_support import create_plan, plan_name

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from console_http import Session  # noqa: E402


def audit(server: HikeshiServer, *args: str) -> list[dict]:
    result = server.admin("audit", *args, check=False)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_changes_are_recorded_with_who_and_what_and_reads_and_refusals_are_not(server_factory):
    server = server_factory.new()
    contacts = server.client("ssm-contacts")
    alias = unique("audit")
    arn = contacts.create_contact(Alias=alias, DisplayName="Audited", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    contacts.list_contacts()
    contacts.get_contact(ContactId=arn)
    with pytest.raises(botocore.exceptions.ClientError):
        contacts.create_contact(Alias="not a valid alias!", Type="PERSONAL", Plan={"Stages": []})
    contacts.update_contact(ContactId=arn, DisplayName="Audited twice")
    incidents = server.client("ssm-incidents")
    name = plan_name()
    create_plan(incidents, name)
    created = server.client("hikeshi").create_integration(ResponsePlan=name, Kind="generic")

    entries = audit(server)
    operations = [(e["service"], e["operation"]) for e in entries]
    assert operations.count(("ssm-contacts", "CreateContact")) == 1, operations  # the refused one is not there
    assert ("ssm-contacts", "UpdateContact") in operations
    assert ("ssm-incidents", "CreateResponsePlan") in operations and ("hikeshi", "CreateIntegration") in operations
    assert not [op for _, op in operations if op.startswith(("List", "Get", "Describe"))], operations
    create = next(e for e in entries if e["operation"] == "CreateContact")
    assert create["principal"] == server.creds.access_key_id
    assert create["accountID"] == server.creds.account_id and create["source"] == "api"
    assert arn in create["resources"] and alias in create["resources"]
    assert create["at"].endswith("Z") and create["requestID"]
    # The integration's secret URL and token are answered once and recorded nowhere.
    text = json.dumps(entries)
    assert created["Token"] not in text and created["Url"] not in text
    assert created["Integration"]["IntegrationId"] in next(e for e in entries if e["operation"] == "CreateIntegration")["resources"]

    # Another account's changes are its own; --account-id filters.
    other = server.create_account()
    server.client("ssm-contacts", account=other).create_contact(Alias=unique("other"), Type="PERSONAL", Plan={"Stages": []})
    theirs = audit(server, "--account-id", other.account_id)
    assert [e["operation"] for e in theirs] == ["CreateContact"]
    assert all(e["accountID"] == server.creds.account_id for e in audit(server, "--account-id", server.creds.account_id))
    assert len(audit(server, "--limit", "2")) == 2


def test_console_changes_name_the_user(server_factory):
    server = server_factory.new()
    user_name = unique("ops")
    made = server.admin("create-user", "--account-id", server.creds.account_id, "--user-name", user_name, "--role", "responder")
    session = Session(server.endpoint)
    session.sign_in(type("U", (), {"account_id": server.creds.account_id, "user_name": user_name})(), made["Password"])
    token = session.csrf("/console/settings")
    status, _, _ = session.request(
        "/console/settings/password", {"_csrf": token, "current": made["Password"], "new": "an audited password 2026"})
    assert status == 303
    # A refused form (no CSRF token) changes nothing and is not recorded.
    assert session.request("/console/settings/password", {"current": "x", "new": "y"})[0] == 403
    entries = [e for e in audit(server) if e["source"] == "console"]
    assert [(e["principal"], e["operation"]) for e in entries] == [(f"user/{user_name}", "POST /console/settings/password")]
    assert "an audited password 2026" not in json.dumps(entries) and made["Password"] not in json.dumps(entries)


def test_entries_past_the_retention_period_are_removed(server_factory):
    server = server_factory.new(serve_args=["--clock-start", "2026-01-01T00:00:00Z"])
    server.client("ssm-contacts").create_contact(Alias=unique("old"), Type="PERSONAL", Plan={"Stages": []})
    assert [e["operation"] for e in audit(server)] == ["CreateContact"]
    assert server.stop() == 0
    # Three days later, with one day's retention: the old entry goes at start.
    server.serve_args = ["--clock-start", "2026-01-04T00:00:00Z"]
    server.env["HIKESHI_AUDIT_RETENTION_DAYS"] = "1"
    server.restart()
    wait_until(lambda: audit(server) == [], timeout=10, message="the old audit entry to be removed")
    server.client("ssm-contacts").create_contact(Alias=unique("new"), Type="PERSONAL", Plan={"Stages": []})
    assert [e["operation"] for e in audit(server)] == ["CreateContact"]
