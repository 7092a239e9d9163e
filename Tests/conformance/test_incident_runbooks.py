"""Incidents start their response plan's runbook: the plan's `ssmAutomation` action with its fixed and dynamic
parameters (INCIDENT_RECORD_ARN, INVOLVED_RESOURCES), recorded on the incident (automationExecutions, an AUTOMATION
related item, timeline events for the start, each step that waits for people and the end), and a start that fails is
on the timeline with why."""

from __future__ import annotations

import json
import secrets
import uuid
from typing import Any

import pytest

from harness import DEFAULT_ACCOUNT_ID, wait_until
from incident_support import AUTOMATION_EVENT, create_plan, post_slack, related_items, slash_command, start, timeline_events

ROLE = f"arn:aws:iam::{DEFAULT_ACCOUNT_ID}:role/IncidentRunbookRole"
FAILURE_EVENT = "SSM Automation Execution Start Failure for Incident"


@pytest.fixture
def ssm_client(server: Any) -> Any:
    return server.client("ssm")


def make_runbook(client: Any) -> str:
    name = "incident-rb-" + uuid.uuid4().hex[:8]
    content = {
        "schemaVersion": "0.3",
        "parameters": {
            "IncidentArn": {"type": "String"},
            "Resources": {"type": "StringList"},
            "Env": {"type": "String", "allowedValues": ["prod", "staging"]},
        },
        "mainSteps": [
            {"name": "read", "action": "aws:executeAwsApi",
             "inputs": {"Service": "ssm-incidents", "Api": "GetIncidentRecord", "arn": "{{ IncidentArn }}"},
             "outputs": [{"Name": "Title", "Selector": "$.incidentRecord.title", "Type": "String"}]},
            {"name": "triage", "action": "aws:pause", "inputs": {"Message": "Triage {{ read.Title }}"}},
        ],
        "outputs": ["read.Title"],
    }
    client.create_document(Name=name, DocumentType="Automation", DocumentFormat="JSON", Content=json.dumps(content))
    return name


def plan_with(incidents: Any, document: str, parameters: dict | None = None) -> str:
    action = {
        "ssmAutomation": {
            "roleArn": ROLE, "documentName": document, "parameters": parameters or {"Env": ["prod"]},
            "dynamicParameters": {"IncidentArn": {"variable": "INCIDENT_RECORD_ARN"}, "Resources": {"variable": "INVOLVED_RESOURCES"}},
        }
    }
    return create_plan(incidents, title="Checkout is slow", actions=[action])


def test_an_incident_starts_its_plans_runbook_with_dynamic_parameters(incidents, ssm_client):
    document = make_runbook(ssm_client)
    plan = plan_with(incidents, document)
    resource = f"arn:aws:ec2:us-east-1:{DEFAULT_ACCOUNT_ID}:instance/i-0abc"
    arn = start(incidents, plan, relatedItems=[{"identifier": {"type": "INVOLVED_RESOURCE", "value": {"arn": resource}}}])

    record = wait_until(lambda: (r := incidents.get_incident_record(arn=arn)["incidentRecord"])["automationExecutions"] and r,
                        message="the runbook to start")
    execution_arn = record["automationExecutions"][0]["ssmExecutionArn"]
    execution_id = execution_arn.rsplit("/", 1)[-1]
    assert execution_arn == f"arn:aws:ssm:us-east-1:{DEFAULT_ACCOUNT_ID}:automation-execution/{execution_id}"
    automation_items = [i for i in related_items(incidents, arn) if i["identifier"]["type"] == "AUTOMATION"]
    assert [i["identifier"]["value"]["arn"] for i in automation_items] == [execution_arn]

    waiting = wait_until(lambda: (e := ssm_client.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"])
                         ["AutomationExecutionStatus"] == "Waiting" and e, message="the runbook to wait at triage")
    assert waiting["Parameters"] == {"Env": ["prod"], "IncidentArn": [arn], "Resources": [resource]}
    assert waiting["ExecutedBy"] == ROLE
    assert waiting["StepExecutions"][0]["Outputs"]["Title"] == ["Checkout is slow"]

    def events() -> list[dict]:
        return [e["data"] for e in timeline_events(incidents, arn, AUTOMATION_EVENT)]

    wait_until(lambda: any(e.get("event") == "StepWaiting" for e in events()), message="a waiting-step event")
    started = [e for e in events() if e.get("status") == "Started"]
    assert started and started[0]["executionArn"] == execution_arn and started[0]["documentName"] == document
    assert [e["stepName"] for e in events() if e.get("event") == "StepWaiting"] == ["triage"]

    ssm_client.send_automation_signal(AutomationExecutionId=execution_id, SignalType="Resume")
    wait_until(lambda: any(e.get("event") == "Finished" and e["status"] == "Success" for e in events()), message="the finished event")
    assert ssm_client.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"]["Outputs"] == {
        "read.Title": ["Checkout is slow"]}


@pytest.mark.parametrize("case", ["missing document", "bad parameter"])
def test_a_runbook_that_cannot_start_is_on_the_timeline_with_why(incidents, ssm_client, case):
    if case == "missing document":
        plan = plan_with(incidents, "no-such-runbook-" + uuid.uuid4().hex[:6])
        expected = "does not exist"
    else:
        plan = plan_with(incidents, make_runbook(ssm_client), parameters={"Env": ["production"]})
        expected = 'Parameter "Env" has value "production" not found in [prod, staging].'
    arn = start(incidents, plan)
    failures = wait_until(lambda: timeline_events(incidents, arn, FAILURE_EVENT), message="the start failure event")
    assert expected in failures[0]["data"]["failureMessage"]
    assert incidents.get_incident_record(arn=arn)["incidentRecord"]["automationExecutions"] == []


def test_slack_commands_resume_and_approve_waiting_steps(server):
    account = server.create_account()
    hk = server.client("hikeshi", account=account)
    ops = server.client("ssm", account=account)
    secret = secrets.token_hex(16)
    created = hk.create_chat_channel(Name="rb-" + uuid.uuid4().hex[:6], Kind="slack", WebhookUrl="https://hooks.slack.com/services/T0/B0/x",
                                     SigningSecret=secret)
    commands = created["SlackCommandsUrl"]
    content = {
        "schemaVersion": "0.3",
        "mainSteps": [
            {"name": "look", "action": "aws:pause", "inputs": {}},
            {"name": "ok", "action": "aws:approve", "inputs": {"Approvers": ["slack:alice"]}},
        ],
    }
    name = "slack-rb-" + uuid.uuid4().hex[:6]
    ops.create_document(Name=name, DocumentType="Automation", DocumentFormat="JSON", Content=json.dumps(content))
    execution_id = ops.start_automation_execution(DocumentName=name)["AutomationExecutionId"]

    def status() -> tuple[str, str | None]:
        execution = ops.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"]
        return execution["AutomationExecutionStatus"], execution.get("CurrentStepName")

    wait_until(lambda: status() == ("Waiting", "look"), message="the pause")
    answer = post_slack(commands, slash_command(f"resume {execution_id}"), secret)
    assert answer.status == 200 and "Resume sent" in answer.json["text"], answer
    wait_until(lambda: status() == ("Waiting", "ok"), message="the approval")
    refused = post_slack(commands, slash_command(f"approve {execution_id}", user="mallory"), secret)
    assert "not an approver" in refused.json["text"]
    assert post_slack(commands, slash_command(f"approve {execution_id} looks good", user="alice"), secret).status == 200
    wait_until(lambda: status()[0] == "Success", message="success")
    # Another account's execution is not found through this channel.
    other = server.client("ssm").start_automation_execution(DocumentName=make_runbook_for_default(server))["AutomationExecutionId"]
    assert "does not exist" in post_slack(commands, slash_command(f"resume {other}"), secret).json["text"]
    server.client("ssm").stop_automation_execution(AutomationExecutionId=other)


def make_runbook_for_default(server: Any) -> str:
    name = "other-rb-" + uuid.uuid4().hex[:6]
    content = {"schemaVersion": "0.3", "mainSteps": [{"name": "look", "action": "aws:pause", "inputs": {}}]}
    server.client("ssm").create_document(Name=name, DocumentType="Automation", DocumentFormat="JSON", Content=json.dumps(content))
    return name
