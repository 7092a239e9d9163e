"""SSM Automation through boto3 and the aws CLI: starting runbooks with typed, checked parameters, every action the
engine runs (pause, sleep, approve, branch, executeScript, executeAwsApi, executeAutomation, the property steps,
invokeWebhook), interpolation, onFailure and onCancel paths, signals, stops, listing and filters, tags, client tokens,
and durability: a `kill -9` during a sleep and during a script."""

from __future__ import annotations

import http.server
import json
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from harness import DEFAULT_ACCOUNT_ID, HikeshiServer, aws_error, wait_until

TERMINAL = {"Success", "Failed", "TimedOut", "Cancelled"}


@pytest.fixture
def ssm_client(server: Any) -> Any:
    return server.client("ssm")


def runbook(client: Any, steps: list[dict], parameters: dict | None = None, outputs: list[str] | None = None, name: str | None = None) -> str:
    name = name or "rb-" + uuid.uuid4().hex[:10]
    content: dict = {"schemaVersion": "0.3", "mainSteps": steps}
    if parameters:
        content["parameters"] = parameters
    if outputs:
        content["outputs"] = outputs
    client.create_document(Name=name, DocumentType="Automation", DocumentFormat="JSON", Content=json.dumps(content))
    return name


def start(client: Any, name: str, **params: Any) -> str:
    return client.start_automation_execution(DocumentName=name, **params)["AutomationExecutionId"]


def get(client: Any, execution_id: str) -> dict:
    return client.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"]


def wait_status(client: Any, execution_id: str, *statuses: str, timeout: float = 20) -> dict:
    wanted = set(statuses) or TERMINAL
    found: dict = {}

    def check() -> bool:
        found.update(get(client, execution_id))
        return found["AutomationExecutionStatus"] in wanted

    wait_until(check, timeout=timeout, message=lambda: f"{wanted}, last {found.get('AutomationExecutionStatus')} {found.get('FailureMessage')}")
    return found


def steps_by_name(execution: dict) -> dict[str, dict]:
    return {s["StepName"]: s for s in execution["StepExecutions"]}


PAUSE = {"name": "wait", "action": "aws:pause", "inputs": {}}


# ---------------------------------------------------------------------------
# Start: parameters
# ---------------------------------------------------------------------------


def test_start_types_parameters_and_refuses_bad_ones_naming_them(ssm_client):
    name = runbook(
        ssm_client, [PAUSE],
        parameters={
            "Action": {"type": "String", "allowedValues": ["Install", "Uninstall"]},
            "Count": {"type": "Integer", "default": 3},
            "Hosts": {"type": "StringList", "allowedPattern": "^web-[0-9]+$"},
            "DryRun": {"type": "Boolean", "default": False},
            "Labels": {"type": "StringMap", "default": {"team": "web"}},
        },
    )
    cases = [
        ({"Action": ["install"], "Hosts": ["web-1"]}, 'Parameter "Action" has value "install" not found in [Install, Uninstall].'),
        ({"Action": ["Install"], "Hosts": ["db-1"]}, '"Hosts" has value "db-1" not matching pattern'),
        ({"Action": ["Install"], "Hosts": ["web-1"], "Count": ["three"]}, '"Count"'),
        ({"Action": ["Install"], "Hosts": ["web-1"], "DryRun": ["yes"]}, '"DryRun"'),
        ({"Action": ["Install"], "Hosts": ["web-1"], "Nope": ["x"], "Other": ["y"]}, "Undefined execution inputs: [Nope, Other]."),
        ({"Hosts": ["web-1"]}, '"Action" is required'),
        ({"Action": ["Install", "Uninstall"], "Hosts": ["web-1"]}, '"Action" is a String and takes one value'),
    ]
    before = ssm_client.describe_automation_executions(Filters=[{"Key": "DocumentNamePrefix", "Values": [name]}])
    for parameters, text in cases:
        with aws_error("InvalidAutomationExecutionParametersException", 400, mentions=text):
            start(ssm_client, name, Parameters=parameters)
    after = ssm_client.describe_automation_executions(Filters=[{"Key": "DocumentNamePrefix", "Values": [name]}])
    assert before["AutomationExecutionMetadataList"] == after["AutomationExecutionMetadataList"] == []

    execution_id = start(ssm_client, name, Parameters={"Action": ["Install"], "Hosts": ["web-1", "web-22"], "Count": ["7"]})
    execution = get(ssm_client, execution_id)
    assert len(execution_id) == 36
    assert execution["Parameters"] == {
        "Action": ["Install"], "Count": ["7"], "Hosts": ["web-1", "web-22"], "DryRun": ["false"], "Labels": ['{"team": "web"}'],
    }
    assert execution["ExecutedBy"].startswith(f"arn:aws:iam::{DEFAULT_ACCOUNT_ID}:")
    assert execution["Mode"] == "Auto" and execution["DocumentVersion"] == "1"


def test_start_refuses_what_is_not_a_runbook_or_a_version(ssm_client):
    with aws_error("AutomationDefinitionNotFoundException", 400):
        start(ssm_client, "no-such-runbook-" + uuid.uuid4().hex[:6])
    name = runbook(ssm_client, [PAUSE])
    with aws_error("AutomationDefinitionVersionNotFoundException", 400):
        start(ssm_client, name, DocumentVersion="9")
    with aws_error("InvalidTarget", 400):
        start(ssm_client, name, Targets=[{"Key": "InstanceIds", "Values": ["i-1"]}])
    with aws_error("AutomationExecutionNotFoundException", 400):
        get(ssm_client, str(uuid.uuid4()))


def test_a_client_token_starts_one_execution(ssm_client):
    name = runbook(ssm_client, [PAUSE], parameters={"X": {"type": "String", "default": "a"}})
    token = str(uuid.uuid4())
    first = start(ssm_client, name, ClientToken=token)
    assert start(ssm_client, name, ClientToken=token) == first
    with aws_error("IdempotentParameterMismatch", 400):
        start(ssm_client, name, ClientToken=token, Parameters={"X": ["b"]})
    ssm_client.stop_automation_execution(AutomationExecutionId=first)


# ---------------------------------------------------------------------------
# Pause, interpolation, outputs, signals
# ---------------------------------------------------------------------------


def test_pause_waits_for_resume_and_interpolation_fills_inputs(ssm_client):
    name = runbook(
        ssm_client,
        [
            {"name": "wait", "action": "aws:pause", "inputs": {"Message": "Check {{ Service }} in {{global:REGION}} for {{automation:EXECUTION_ID}}"}},
            {"name": "decide", "action": "aws:branch", "inputs": {"Choices": [{"NextStep": "done", "Variable": "{{ Service }}", "StringEquals": "web"}]}},
            {"name": "never", "action": "aws:pause", "inputs": {}},
            {"name": "done", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}},
        ],
        parameters={"Service": {"type": "String"}},
    )
    execution_id = start(ssm_client, name, Parameters={"Service": ["web"]})
    execution = wait_status(ssm_client, execution_id, "Waiting")
    assert execution["CurrentStepName"] == "wait" and execution["CurrentAction"] == "aws:pause"
    step = steps_by_name(execution)["wait"]
    assert step["StepStatus"] == "Waiting" or step["StepStatus"] == "InProgress"
    assert json.loads(step["Inputs"]["Message"]) == f"Check web in us-east-1 for {execution_id}"
    assert steps_by_name(execution)["decide"]["StepStatus"] == "Pending"
    with aws_error("InvalidAutomationSignalException", 400):
        ssm_client.send_automation_signal(AutomationExecutionId=execution_id, SignalType="Approve")
    with aws_error("AutomationStepNotFoundException", 400):
        ssm_client.send_automation_signal(AutomationExecutionId=execution_id, SignalType="Resume", Payload={"StepName": ["nope"]})
    ssm_client.send_automation_signal(AutomationExecutionId=execution_id, SignalType="Resume", Payload={"StepName": ["wait"]})
    execution = wait_status(ssm_client, execution_id)
    assert execution["AutomationExecutionStatus"] == "Success", execution.get("FailureMessage")
    statuses = {s["StepName"]: s["StepStatus"] for s in execution["StepExecutions"]}
    assert statuses == {"wait": "Success", "decide": "Success", "never": "Pending", "done": "Success"}
    assert steps_by_name(execution)["decide"]["ValidNextSteps"] == ["done"]
    with aws_error("InvalidAutomationSignalException", 400):
        ssm_client.send_automation_signal(AutomationExecutionId=execution_id, SignalType="Resume")
    with aws_error("InvalidAutomationStatusUpdateException", 400):
        ssm_client.stop_automation_execution(AutomationExecutionId=execution_id)


@pytest.mark.parametrize(
    "value, expected",
    [("7", "big"), ("3", "small"), ("x", "fallback")],
)
def test_branch_takes_the_first_true_choice_else_the_default(ssm_client, value, expected):
    name = runbook(
        ssm_client,
        [
            {
                "name": "decide", "action": "aws:branch",
                "inputs": {
                    "Choices": [
                        {"NextStep": "big", "And": [{"Variable": "{{ N }}", "NumericGreater": 5}, {"Not": {"Variable": "{{ N }}", "StringEquals": "6"}}]},
                        {"NextStep": "small", "Or": [{"Variable": "{{ N }}", "NumericLesserOrEquals": 5}, {"Variable": "{{ N }}", "StartsWith": "zz"}]},
                    ],
                    "Default": "fallback",
                },
            },
            {"name": "big", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}, "isEnd": True},
            {"name": "small", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}, "isEnd": True},
            {"name": "fallback", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}, "isEnd": True},
        ],
        parameters={"N": {"type": "String"}},
    )
    execution = wait_status(ssm_client, start(ssm_client, name, Parameters={"N": [value]}))
    ran = [s["StepName"] for s in execution["StepExecutions"] if s["StepStatus"] == "Success"]
    assert ran == ["decide", expected]


def test_a_branch_with_no_match_and_no_default_ends_the_run(ssm_client):
    name = runbook(
        ssm_client,
        [
            {"name": "decide", "action": "aws:branch", "inputs": {"Choices": [{"NextStep": "other", "Variable": "{{ N }}", "EqualsIgnoreCase": "YES"}]}},
            {"name": "next", "action": "aws:pause", "inputs": {}},
            {"name": "other", "action": "aws:pause", "inputs": {}},
        ],
        parameters={"N": {"type": "String", "default": "no"}},
    )
    execution = wait_status(ssm_client, start(ssm_client, name))
    assert execution["AutomationExecutionStatus"] == "Success"
    assert [s["StepStatus"] for s in execution["StepExecutions"]] == ["Success", "Pending", "Pending"]


def test_approve_needs_enough_approvers_and_a_rejection_fails_the_step(server, ssm_client, second_account):
    me = f"arn:aws:iam::{DEFAULT_ACCOUNT_ID}:user/{server.creds.access_key_id}"
    name = runbook(
        ssm_client,
        [{"name": "ok", "action": "aws:approve", "inputs": {"Approvers": [me], "Message": "Restart web?"}}],
    )
    approved = start(ssm_client, name)
    waiting = wait_status(ssm_client, approved, "Waiting")
    # A waiting approval shows who may approve it.
    assert json.loads(waiting["StepExecutions"][0]["Inputs"]["Approvers"]) == [me]
    other = server.client("ssm", account=second_account)
    with aws_error("AutomationExecutionNotFoundException", 400):
        other.send_automation_signal(AutomationExecutionId=approved, SignalType="Approve")
    ssm_client.send_automation_signal(AutomationExecutionId=approved, SignalType="Approve", Payload={"Comment": ["go"]})
    execution = wait_status(ssm_client, approved)
    assert execution["AutomationExecutionStatus"] == "Success"
    outputs = execution["StepExecutions"][0]["Outputs"]
    assert outputs["ApprovalStatus"] == ["Approved"]
    assert json.loads(outputs["ApproverDecisions"][0])["Comment"] == "go"

    rejected = start(ssm_client, name)
    wait_status(ssm_client, rejected, "Waiting")
    ssm_client.send_automation_signal(AutomationExecutionId=rejected, SignalType="Reject", Payload={"Comment": ["not now"]})
    execution = wait_status(ssm_client, rejected)
    assert execution["AutomationExecutionStatus"] == "Failed"
    assert "not now" in execution["FailureMessage"]

    someone_else = runbook(ssm_client, [{"name": "ok", "action": "aws:approve", "inputs": {"Approvers": ["arn:aws:iam::222222222222:user/boss"]}}])
    waiting = start(ssm_client, someone_else)
    wait_status(ssm_client, waiting, "Waiting")
    with aws_error("InvalidAutomationSignalException", 400, mentions="not an approver"):
        ssm_client.send_automation_signal(AutomationExecutionId=waiting, SignalType="Approve")
    ssm_client.stop_automation_execution(AutomationExecutionId=waiting)


# ---------------------------------------------------------------------------
# executeAwsApi, property steps, failure paths
# ---------------------------------------------------------------------------


def test_execute_aws_api_calls_this_server_and_outputs_select_from_the_response(ssm_client):
    target = runbook(ssm_client, [PAUSE], parameters={"P": {"type": "String", "default": "x"}})
    name = runbook(
        ssm_client,
        [
            {
                "name": "read", "action": "aws:executeAwsApi",
                "inputs": {"Service": "ssm", "Api": "DescribeDocument", "Name": "{{ Target }}"},
                "outputs": [
                    {"Name": "Type", "Selector": "$.Document.DocumentType", "Type": "String"},
                    {"Name": "Params", "Selector": "$..Name", "Type": "StringList"},
                ],
            },
            {"name": "check", "action": "aws:assertAwsResourceProperty",
             "inputs": {"Service": "ssm", "Api": "DescribeDocument", "Name": "{{ Target }}", "PropertySelector": "$.Document.Status",
                        "DesiredValues": ["Active"]}},
            {"name": "wait", "action": "aws:waitForAwsResourceProperty",
             "inputs": {"Service": "ssm", "Api": "DescribeDocument", "Name": "{{ Target }}", "PropertySelector": "$.Document.DocumentType",
                        "DesiredValues": ["{{ read.Type }}"]}},
        ],
        parameters={"Target": {"type": "String"}},
        outputs=["read.Type"],
    )
    execution = wait_status(ssm_client, start(ssm_client, name, Parameters={"Target": [target]}))
    assert execution["AutomationExecutionStatus"] == "Success", execution.get("FailureMessage")
    read = steps_by_name(execution)["read"]
    assert read["Outputs"]["Type"] == ["Automation"]
    assert target in read["Outputs"]["Params"] and "P" in read["Outputs"]["Params"]
    assert execution["Outputs"] == {"read.Type": ["Automation"]}


def test_failures_follow_on_failure_and_is_critical(ssm_client):
    failing = {
        "action": "aws:executeAwsApi", "inputs": {"Service": "ssm", "Api": "DescribeDocument", "Name": "missing-" + uuid.uuid4().hex[:6]},
    }
    name = runbook(
        ssm_client,
        [
            {"name": "soft", **failing, "onFailure": "Continue"},
            {"name": "hard", **failing, "onFailure": "step:cleanup", "maxAttempts": 2},
            {"name": "skipped", "action": "aws:pause", "inputs": {}},
            {"name": "cleanup", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}},
        ],
    )
    execution = wait_status(ssm_client, start(ssm_client, name))
    statuses = {s["StepName"]: s["StepStatus"] for s in execution["StepExecutions"]}
    assert statuses == {"soft": "Failed", "hard": "Failed", "skipped": "Pending", "cleanup": "Success"}
    # `hard` is critical (the default) and failed, so the run fails even though cleanup ran.
    assert execution["AutomationExecutionStatus"] == "Failed"
    assert "InvalidDocument" in steps_by_name(execution)["hard"]["FailureMessage"]
    assert steps_by_name(execution)["soft"]["IsCritical"] is False

    aborting = runbook(ssm_client, [{"name": "boom", **failing}, {"name": "after", "action": "aws:pause", "inputs": {}}])
    execution = wait_status(ssm_client, start(ssm_client, aborting))
    assert execution["AutomationExecutionStatus"] == "Failed"
    assert execution["FailureMessage"].startswith("Step boom failed")
    assert [s["StepStatus"] for s in execution["StepExecutions"]] == ["Failed", "Pending"]

    other_service = runbook(ssm_client, [{"name": "ec2", "action": "aws:executeAwsApi", "inputs": {"Service": "ec2", "Api": "DescribeInstances"}}])
    execution = wait_status(ssm_client, start(ssm_client, other_service))
    assert "ec2 is not one this server runs" in execution["StepExecutions"][0]["FailureMessage"]


# ---------------------------------------------------------------------------
# Scripts
# ---------------------------------------------------------------------------

SCRIPT = """
import os
def handler(events, context):
    return {"doubled": events["n"] * 2, "home": os.environ.get("HOME"), "secret": os.environ.get("HIKESHI_MASTER_KEY"),
            "execution": context["automation:EXECUTION_ID"]}
"""


def test_execute_script_returns_its_payload_and_runs_without_server_secrets(ssm_client):
    name = runbook(
        ssm_client,
        [{"name": "calc", "action": "aws:executeScript",
          "inputs": {"Runtime": "python3.11", "Handler": "handler", "Script": SCRIPT, "InputPayload": {"n": "{{ N }}"}},
          "outputs": [{"Name": "Doubled", "Selector": "$.Payload.doubled", "Type": "Integer"}]}],
        parameters={"N": {"type": "Integer", "default": 21}},
    )
    execution_id = start(ssm_client, name)
    execution = wait_status(ssm_client, execution_id, timeout=30)
    assert execution["AutomationExecutionStatus"] == "Success", execution.get("FailureMessage")
    outputs = execution["StepExecutions"][0]["Outputs"]
    payload = json.loads(outputs["Payload"][0])
    assert payload["doubled"] == 42 and payload["secret"] is None and payload["execution"] == execution_id
    assert payload["home"].startswith("/") and "hikeshi-script-" in payload["home"]
    assert outputs["Doubled"] == ["42"]


def test_a_failing_or_slow_script_fails_its_step_with_its_error(ssm_client):
    failing = "def handler(events, context):\n    raise ValueError('disk is full')\n"
    slow = "import time\ndef handler(events, context):\n    time.sleep(30)\n"
    name = runbook(
        ssm_client,
        [
            {"name": "fail", "action": "aws:executeScript", "onFailure": "Continue",
             "inputs": {"Runtime": "python3.11", "Handler": "handler", "Script": failing}},
            {"name": "slow", "action": "aws:executeScript", "timeoutSeconds": 2,
             "inputs": {"Runtime": "python3.11", "Handler": "handler", "Script": slow}},
        ],
    )
    execution = wait_status(ssm_client, start(ssm_client, name), timeout=40)
    steps = steps_by_name(execution)
    assert "ValueError: disk is full" in steps["fail"]["FailureMessage"]
    assert steps["slow"]["StepStatus"] == "TimedOut"
    assert execution["AutomationExecutionStatus"] == "TimedOut"


def test_retired_runtimes_are_refused_when_the_runbook_is_created(ssm_client):
    with aws_error("InvalidDocumentContent", 400, mentions=("python3.8", "retired")):
        runbook(ssm_client, [{"name": "old", "action": "aws:executeScript", "inputs": {"Runtime": "python3.8", "Handler": "h", "Script": "x"}}])


def test_scripts_run_only_for_the_administrator_by_default(server, second_account):
    other = server.client("ssm", account=second_account)
    name = runbook(other, [{"name": "calc", "action": "aws:executeScript",
                            "inputs": {"Runtime": "python3.11", "Handler": "handler", "Script": SCRIPT, "InputPayload": {"n": 1}}}])
    execution = wait_status(other, start(other, name))
    assert execution["AutomationExecutionStatus"] == "Failed"
    assert "--allow-scripts admin" in execution["StepExecutions"][0]["FailureMessage"]


# ---------------------------------------------------------------------------
# Child executions, webhooks
# ---------------------------------------------------------------------------


def test_execute_automation_runs_a_child_and_waits_for_it(ssm_client):
    child = runbook(
        ssm_client,
        [{"name": "echo", "action": "aws:executeAwsApi", "inputs": {"Service": "ssm", "Api": "DescribeDocument", "Name": "{{ Doc }}"},
          "outputs": [{"Name": "Kind", "Selector": "$.Document.DocumentType", "Type": "String"}]}],
        parameters={"Doc": {"type": "String"}},
        outputs=["echo.Kind"],
    )
    parent = runbook(
        ssm_client,
        [{"name": "run", "action": "aws:executeAutomation", "inputs": {"DocumentName": child, "RuntimeParameters": {"Doc": "{{ Doc }}"}}}],
        parameters={"Doc": {"type": "String"}},
    )
    parent_id = start(ssm_client, parent, Parameters={"Doc": [child]})
    execution = wait_status(ssm_client, parent_id)
    assert execution["AutomationExecutionStatus"] == "Success", execution.get("FailureMessage")
    outputs = execution["StepExecutions"][0]["Outputs"]
    child_id = outputs["ExecutionId"][0]
    assert outputs["Status"] == ["Success"] and outputs["Output"] == ["echo.Kind=Automation"]
    assert get(ssm_client, child_id)["ParentAutomationExecutionId"] == parent_id
    listed = ssm_client.describe_automation_executions(Filters=[{"Key": "ParentExecutionId", "Values": [parent_id]}])
    assert [e["AutomationExecutionId"] for e in listed["AutomationExecutionMetadataList"]] == [child_id]

    broken = runbook(ssm_client, [{"name": "run", "action": "aws:executeAutomation", "inputs": {"DocumentName": "missing-" + uuid.uuid4().hex}}])
    execution = wait_status(ssm_client, start(ssm_client, broken))
    assert execution["AutomationExecutionStatus"] == "Failed"
    assert "did not start" in execution["StepExecutions"][0]["FailureMessage"]


class _Hook(http.server.BaseHTTPRequestHandler):
    received: list[tuple[str, bytes]] = []

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        _Hook.received.append((self.path, body))
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/internal")
            self.end_headers()
            return
        status = 500 if self.path == "/broken" else 200
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"ok": true}')

    def do_GET(self) -> None:  # noqa: N802
        # Only a followed redirect would GET here; recording it lets the test see one.
        _Hook.received.append((self.path, b""))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


def test_invoke_webhook_posts_and_fails_on_an_error_status(server_factory):
    ssm_client = server_factory.new(serve_args=["--allow-private-webhooks"]).client("ssm")
    hook = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{hook.server_address[1]}"
        name = runbook(
            ssm_client,
            [
                {"name": "tell", "action": "aws:invokeWebhook", "inputs": {"Url": base + "/ok", "Body": {"text": "run {{automation:EXECUTION_ID}}"}}},
                {"name": "moved", "action": "aws:invokeWebhook", "inputs": {"Url": base + "/redirect", "Body": "x"}, "onFailure": "Continue"},
                {"name": "broken", "action": "aws:invokeWebhook", "inputs": {"Url": base + "/broken", "Body": "x"}},
            ],
        )
        execution_id = start(ssm_client, name)
        execution = wait_status(ssm_client, execution_id)
        steps = steps_by_name(execution)
        assert steps["tell"]["StepStatus"] == "Success" and steps["tell"]["Outputs"]["ResponseCode"] == ["200"]
        assert steps["broken"]["StepStatus"] == "Failed" and "HTTP 500" in steps["broken"]["FailureMessage"]
        # Redirects are not followed: one could lead to an internal address.
        assert "HTTP 302" in steps["moved"]["FailureMessage"] and "/internal" not in [p for p, _ in _Hook.received]
        path, body = _Hook.received[0]
        assert path == "/ok" and json.loads(body) == {"text": f"run {execution_id}"}
    finally:
        hook.shutdown()


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://127.0.0.1:9/x", "private or local address"),
        ("http://169.254.169.254/latest/meta-data/", "private or local address"),
        ("http://[::1]:9/x", "private or local address"),
        ("http+unix://%2Fvar%2Frun%2Fdocker.sock/containers/create", "http or https"),
        ("file:///etc/passwd", "http or https"),
    ],
)
def test_invoke_webhook_refuses_local_addresses_and_other_schemes_by_default(ssm_client, url, reason):
    name = runbook(ssm_client, [{"name": "tell", "action": "aws:invokeWebhook", "inputs": {"Url": "{{ U }}", "Body": "x"}}],
                   parameters={"U": {"type": "String"}})
    execution = wait_status(ssm_client, start(ssm_client, name, Parameters={"U": [url]}))
    assert execution["AutomationExecutionStatus"] == "Failed"
    assert reason in execution["StepExecutions"][0]["FailureMessage"]


# ---------------------------------------------------------------------------
# Stop, interactive mode, listing, tags, the CLI
# ---------------------------------------------------------------------------


def test_cancel_runs_on_cancel_steps_and_complete_ends_with_success(ssm_client):
    name = runbook(
        ssm_client,
        [
            {"name": "wait", "action": "aws:pause", "inputs": {}, "onCancel": "step:undo"},
            {"name": "after", "action": "aws:pause", "inputs": {}},
            {"name": "undo", "action": "aws:executeAwsApi", "inputs": {"Service": "ssm", "Api": "ListDocuments", "MaxResults": 1}},
        ],
    )
    cancelled = start(ssm_client, name)
    wait_status(ssm_client, cancelled, "Waiting")
    ssm_client.stop_automation_execution(AutomationExecutionId=cancelled, Type="Cancel")
    execution = wait_status(ssm_client, cancelled)
    assert execution["AutomationExecutionStatus"] == "Cancelled"
    assert {s["StepName"]: s["StepStatus"] for s in execution["StepExecutions"]} == {"wait": "Cancelled", "after": "Pending", "undo": "Success"}

    completed = start(ssm_client, name)
    wait_status(ssm_client, completed, "Waiting")
    ssm_client.stop_automation_execution(AutomationExecutionId=completed, Type="Complete")
    execution = get(ssm_client, completed)
    assert execution["AutomationExecutionStatus"] == "Success" and "ExecutionEndTime" in execution


def test_interactive_mode_waits_for_start_step(ssm_client):
    name = runbook(
        ssm_client,
        [{"name": "one", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}}, {"name": "two", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}}],
    )
    execution_id = start(ssm_client, name, Mode="Interactive")
    execution = wait_status(ssm_client, execution_id, "Waiting")
    assert [s["StepStatus"] for s in execution["StepExecutions"]] == ["Pending", "Pending"]
    ssm_client.send_automation_signal(AutomationExecutionId=execution_id, SignalType="StartStep", Payload={"StepName": ["two"]})
    wait_until(lambda: steps_by_name(get(ssm_client, execution_id))["two"]["StepStatus"] == "Success", message="step two")
    execution = get(ssm_client, execution_id)
    assert execution["AutomationExecutionStatus"] == "Success"
    assert steps_by_name(execution)["one"]["StepStatus"] == "Pending"


def test_describe_filters_pages_and_step_listing(server):
    client = server.client("ssm", account=server.create_account())
    name = runbook(client, [PAUSE, {"name": "b", "action": "aws:pause", "inputs": {}}])
    ids = [start(client, name, Tags=[{"Key": "batch", "Value": str(i)}] if i == 0 else []) for i in range(3)]
    for execution_id in ids:
        wait_status(client, execution_id, "Waiting")
    client.stop_automation_execution(AutomationExecutionId=ids[1])
    seen, token = [], None
    while True:
        page = client.describe_automation_executions(MaxResults=2, **({"NextToken": token} if token else {}))
        seen += [e["AutomationExecutionId"] for e in page["AutomationExecutionMetadataList"]]
        token = page.get("NextToken")
        if not token:
            break
    assert sorted(seen) == sorted(ids) and len(seen) == 3

    def listed(*filters: tuple[str, list[str]]) -> set[str]:
        spec = [{"Key": key, "Values": values} for key, values in filters]
        return {e["AutomationExecutionId"] for e in client.describe_automation_executions(Filters=spec)["AutomationExecutionMetadataList"]}

    assert listed(("ExecutionStatus", ["Cancelled"])) == {ids[1]}
    assert listed(("ExecutionStatus", ["Waiting"]), ("TagKey", ["batch"])) == {ids[0]}
    assert listed(("DocumentNamePrefix", [name[:5]])) == set(ids)
    assert listed(("StartTimeBefore", ["2000-01-01T00:00:00Z"])) == set()
    with aws_error("InvalidFilterValue", 400):
        listed(("ExecutionStatus", ["Sleeping"]))
    with aws_error("InvalidFilterKey", 400):
        listed(("CurrentAction", ["aws:pause"]))
    with aws_error("InvalidNextToken", 400):
        client.describe_automation_executions(NextToken="forged")

    steps = client.describe_automation_step_executions(AutomationExecutionId=ids[0], ReverseOrder=True)["StepExecutions"]
    assert [s["StepName"] for s in steps] == ["b", "wait"]
    waiting = client.describe_automation_step_executions(
        AutomationExecutionId=ids[0], Filters=[{"Key": "StepExecutionStatus", "Values": ["Pending"]}])["StepExecutions"]
    assert [s["StepName"] for s in waiting] == ["b"]

    tags = client.list_tags_for_resource(ResourceType="Automation", ResourceId=ids[0])["TagList"]
    assert tags == [{"Key": "batch", "Value": "0"}]
    client.add_tags_to_resource(ResourceType="Automation", ResourceId=ids[2], Tags=[{"Key": "k", "Value": "v"}])
    assert listed(("TagKey", ["k"])) == {ids[2]}
    with aws_error("InvalidResourceId", 400):
        server.client("ssm").list_tags_for_resource(ResourceType="Automation", ResourceId=ids[0])
    for execution_id in (ids[0], ids[2]):
        client.stop_automation_execution(AutomationExecutionId=execution_id)


def test_a_changed_runbook_does_not_change_a_running_execution(ssm_client):
    name = runbook(ssm_client, [PAUSE, {"name": "old", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}}])
    execution_id = start(ssm_client, name)
    wait_status(ssm_client, execution_id, "Waiting")
    content = {"schemaVersion": "0.3", "mainSteps": [PAUSE, {"name": "new", "action": "aws:pause", "inputs": {}}]}
    ssm_client.update_document(Name=name, Content=json.dumps(content), DocumentVersion="$LATEST", DocumentFormat="JSON")
    ssm_client.update_document_default_version(Name=name, DocumentVersion="2")
    ssm_client.send_automation_signal(AutomationExecutionId=execution_id, SignalType="Resume")
    execution = wait_status(ssm_client, execution_id)
    assert [s["StepName"] for s in execution["StepExecutions"]] == ["wait", "old"]
    assert execution["AutomationExecutionStatus"] == "Success" and execution["DocumentVersion"] == "1"


def test_the_aws_cli_starts_and_reads_an_execution(server, ssm_client):
    name = runbook(ssm_client, [PAUSE], parameters={"Who": {"type": "String"}})
    started = server.aws("ssm", "start-automation-execution", "--document-name", name, "--parameters", "Who=ops")
    execution_id = started["AutomationExecutionId"]
    wait_status(ssm_client, execution_id, "Waiting")
    shown = server.aws("ssm", "get-automation-execution", "--automation-execution-id", execution_id)["AutomationExecution"]
    assert shown["Parameters"] == {"Who": ["ops"]} and shown["AutomationExecutionStatus"] == "Waiting"
    server.aws("ssm", "send-automation-signal", "--automation-execution-id", execution_id, "--signal-type", "Resume")
    assert wait_status(ssm_client, execution_id)["AutomationExecutionStatus"] == "Success"


# ---------------------------------------------------------------------------
# Durability
# ---------------------------------------------------------------------------


def test_a_sleep_survives_kill_9_and_a_killed_script_is_failed_not_rerun(server_factory):
    node = server_factory.new(serve_args=["--time-scale", "60"])
    client = node.client("ssm")
    sleeping = runbook(client, [{"name": "nap", "action": "aws:sleep", "inputs": {"Duration": "PT5M"}},
                                {"name": "after", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}}])
    # The script marks its own working directory (the one place it may write, sandboxed or not); a server killed with
    # kill -9 leaves that directory behind, so the marks count the runs.
    mark = "ran-" + uuid.uuid4().hex
    script = f"import time\ndef handler(events, context):\n    open({mark!r}, 'a').write('x')\n    time.sleep(30)\n"
    scripted = runbook(client, [{"name": "long", "action": "aws:executeScript", "timeoutSeconds": 60,
                                 "inputs": {"Runtime": "python3.11", "Handler": "handler", "Script": script}}])

    def marks() -> list[Path]:
        return list(Path(tempfile.gettempdir()).glob(f"hikeshi-script-*/{mark}"))

    napping = start(client, sleeping)
    running = start(client, scripted)
    wait_until(marks, timeout=20, message="the script to start")
    assert get(client, napping)["AutomationExecutionStatus"] == "InProgress"
    node.kill()
    node.restart()
    client = node.client("ssm")
    # Five domain minutes are five seconds at --time-scale 60.
    execution = wait_status(client, napping, timeout=30)
    assert execution["AutomationExecutionStatus"] == "Success"
    # The script's deadline (60 s + 30 s grace, 1.5 s here) passes; it is failed as interrupted and not run again.
    execution = wait_status(client, running, timeout=30)
    assert execution["AutomationExecutionStatus"] == "Failed"
    assert "interrupted" in execution["StepExecutions"][0]["FailureMessage"]
    assert [m.read_text() for m in marks()] == ["x"]
    for m in marks():
        shutil.rmtree(m.parent, ignore_errors=True)


def test_two_nodes_on_one_postgresql_never_run_a_step_twice(server_factory, engine):
    if engine != "postgres":
        pytest.skip("several nodes share one PostgreSQL database; SQLite is one node")
    first = server_factory.new()
    data_dir = first.data_dir.parent / ("node2-" + uuid.uuid4().hex[:6])
    data_dir.mkdir()
    shutil.copy2(first.data_dir / "master.key", data_dir / "master.key")
    second = HikeshiServer(first.binary, engine, data_dir, first.database_url, first.bootstrap)
    server_factory.servers.append(second)
    second.start()
    # Each step creates a contact named after its execution and step: a step run twice would fail (the alias is taken),
    # and the contacts count the runs.
    def step(name: str) -> dict:
        return {"name": name, "action": "aws:executeAwsApi",
                "inputs": {"Service": "ssm-contacts", "Api": "CreateContact", "Alias": "{{ automation:EXECUTION_ID }}-" + name,
                           "Type": "PERSONAL", "Plan": {"Stages": []}}}

    clients = [first.client("ssm"), second.client("ssm")]
    name = runbook(clients[0], [step("one"), {"name": "nap", "action": "aws:sleep", "inputs": {"Duration": "PT1S"}}, step("two")])
    ids = [start(clients[i % 2], name) for i in range(12)]
    for execution_id in ids:
        execution = wait_status(clients[0], execution_id, timeout=60)
        assert execution["AutomationExecutionStatus"] == "Success", execution.get("FailureMessage")
    contacts = first.client("ssm-contacts")
    aliases = [c["Alias"] for page in contacts.get_paginator("list_contacts").paginate() for c in page["Contacts"]]
    assert sorted(a for a in aliases if a[:36] in ids) == sorted(f"{execution_id}-{s}" for execution_id in ids for s in ("one", "two"))


def test_a_script_cannot_make_the_server_read_files_for_it(server, ssm_client):
    secret = server.data_dir.parent / ("secret-" + uuid.uuid4().hex)
    secret.write_text("TOPSECRET-" + uuid.uuid4().hex)
    planting = (
        "import os\n"
        "def handler(events, context):\n"
        f"    for name in ('stderr.txt', 'stdout.txt', 'result.json'):\n"
        f"        os.symlink({str(secret)!r}, name)\n"
        "    print('noise on stdout')\n"
        "    raise SystemExit(3)\n"
    )
    printing = "def handler(events, context):\n    print('hello from the script')\n    return {'ok': True}\n"
    name = runbook(
        ssm_client,
        [
            {"name": "plant", "action": "aws:executeScript", "onFailure": "Continue",
             "inputs": {"Runtime": "python3.11", "Handler": "handler", "Script": planting}},
            {"name": "print", "action": "aws:executeScript", "inputs": {"Runtime": "python3.11", "Handler": "handler", "Script": printing}},
        ],
    )
    execution = wait_status(ssm_client, start(ssm_client, name), timeout=30)
    steps = steps_by_name(execution)
    assert "TOPSECRET" not in json.dumps(execution, default=str)
    assert "noise on stdout" in steps["plant"]["FailureMessage"]
    assert json.loads(steps["print"]["Outputs"]["Payload"][0]) == {"ok": True}


def test_runbooks_that_start_themselves_stop_at_five_levels_and_cancelling_a_parent_cancels_its_child(server):
    client = server.client("ssm", account=server.create_account())
    name = "loop-" + uuid.uuid4().hex[:8]
    content = {"schemaVersion": "0.3", "mainSteps": [{"name": "again", "action": "aws:executeAutomation", "inputs": {"DocumentName": name}}]}
    client.create_document(Name=name, DocumentType="Automation", DocumentFormat="JSON", Content=json.dumps(content))
    root = start(client, name)
    assert wait_status(client, root, timeout=30)["AutomationExecutionStatus"] == "Failed"
    listed = client.describe_automation_executions(Filters=[{"Key": "DocumentNamePrefix", "Values": [name]}])["AutomationExecutionMetadataList"]
    assert len(listed) == 6
    deepest = [e for e in listed if e["AutomationExecutionId"] != root and not client.describe_automation_executions(
        Filters=[{"Key": "ParentExecutionId", "Values": [e["AutomationExecutionId"]]}])["AutomationExecutionMetadataList"]]
    assert "nest at most 5 deep" in get(client, deepest[0]["AutomationExecutionId"])["StepExecutions"][0]["FailureMessage"]

    child = runbook(client, [PAUSE])
    parent = runbook(client, [{"name": "run", "action": "aws:executeAutomation", "inputs": {"DocumentName": child}}])
    parent_id = start(client, parent)
    child_id = wait_until(lambda: client.describe_automation_executions(
        Filters=[{"Key": "ParentExecutionId", "Values": [parent_id]}])["AutomationExecutionMetadataList"], message="the child")[0]["AutomationExecutionId"]
    wait_status(client, child_id, "Waiting")
    client.stop_automation_execution(AutomationExecutionId=parent_id)
    assert wait_status(client, parent_id)["AutomationExecutionStatus"] == "Cancelled"
    assert wait_status(client, child_id)["AutomationExecutionStatus"] == "Cancelled"


SANDBOX_PROBE = """
import os, socket
def handler(events, context):
    seen = {}
    try:
        socket.create_connection(("1.1.1.1", 53), timeout=2)
        seen["network"] = "reachable"
    except OSError as error:
        seen["network"] = type(error).__name__
    try:
        open("/usr/hikeshi-probe", "w")
        seen["usr"] = "writable"
    except OSError:
        seen["usr"] = "read-only"
    seen["data_dir"] = os.path.exists(events["data_dir"])
    seen["server_environ"] = any("HIKESHI" in open(f"/proc/{p}/environ", errors="replace").read()
                                 for p in os.listdir("/proc") if p.isdigit() and os.access(f"/proc/{p}/environ", os.R_OK))
    return seen
"""


def test_with_bubblewrap_scripts_have_no_network_and_see_nothing_of_the_server(server, ssm_client):
    if shutil.which("bwrap") is None:
        pytest.skip("bubblewrap is not installed (Scripts/test installs it from Debian)")
    if subprocess.run(["bwrap", "--ro-bind", "/", "/", "--unshare-all", "true"], capture_output=True).returncode != 0:
        pytest.skip("bubblewrap cannot make namespaces on this machine; the server runs scripts without it and says so")
    name = runbook(ssm_client, [{"name": "probe", "action": "aws:executeScript",
                                 "inputs": {"Runtime": "python3.11", "Handler": "handler", "Script": SANDBOX_PROBE,
                                            "InputPayload": {"data_dir": str(server.data_dir)}}}])
    execution = wait_status(ssm_client, start(ssm_client, name), timeout=30)
    assert execution["AutomationExecutionStatus"] == "Success", execution.get("FailureMessage")
    seen = json.loads(execution["StepExecutions"][0]["Outputs"]["Payload"][0])
    assert seen == {"network": seen["network"], "usr": "read-only", "data_dir": False, "server_environ": False}
    assert seen["network"] != "reachable"


def test_stopping_an_execution_kills_its_running_script(ssm_client):
    mark = "running-" + uuid.uuid4().hex
    script = f"import time\ndef handler(events, context):\n    open({mark!r}, 'w').write('x')\n    time.sleep(60)\n"
    name = runbook(ssm_client, [{"name": "long", "action": "aws:executeScript", "timeoutSeconds": 120,
                                 "inputs": {"Runtime": "python3.11", "Handler": "handler", "Script": script}}])
    execution_id = start(ssm_client, name)

    def marks() -> list[Path]:
        return list(Path(tempfile.gettempdir()).glob(f"hikeshi-script-*/{mark}"))

    wait_until(marks, timeout=20, message="the script to start")
    ssm_client.stop_automation_execution(AutomationExecutionId=execution_id)
    assert wait_status(ssm_client, execution_id)["AutomationExecutionStatus"] == "Cancelled"
    # The runner removes a script's directory once its process is gone: well before the script's minute is up.
    wait_until(lambda: not marks(), timeout=15, message="the script's process to be killed")


def test_a_runaway_allowed_pattern_is_refused_quickly_and_the_server_stays_responsive(ssm_client):
    name = runbook(ssm_client, [PAUSE], parameters={"Name": {"type": "String", "allowedPattern": "(a+)+"}})
    with aws_error("InvalidAutomationExecutionParametersException", 400, mentions="takes too long"):
        start(ssm_client, name, Parameters={"Name": ["a" * 40 + "b"]})
    execution_id = start(ssm_client, name, Parameters={"Name": ["aaaa"]})
    wait_status(ssm_client, execution_id, "Waiting")
    ssm_client.stop_automation_execution(AutomationExecutionId=execution_id)


def test_a_script_that_takes_too_much_memory_fails_its_step(ssm_client):
    hungry = "def handler(events, context):\n    block = bytearray(2 * 1024 * 1024 * 1024)\n    return len(block)\n"
    name = runbook(ssm_client, [{"name": "hungry", "action": "aws:executeScript",
                                 "inputs": {"Runtime": "python3.11", "Handler": "handler", "Script": hungry}}])
    execution = wait_status(ssm_client, start(ssm_client, name), timeout=30)
    assert execution["AutomationExecutionStatus"] == "Failed"
    assert "MemoryError" in execution["StepExecutions"][0]["FailureMessage"]
