"""Escalating a case upstream: a reseller's desk forwards a customer's case to an upstream Support API — here a
second Hikeshi server, which speaks the same API as AWS Support — with the messages and files the agent chooses;
the upstream case is linked, read on the provider's schedule, and what comes back is shown to the agent, who relays
what they want to the customer. Failures are retried and shown on the escalation; nothing is lost to a crash.

The desk runs at 60× domain time (the 60-second poll interval passes in a second, the 30-second retry backoff in
half a second); the upstream desk runs in real time. Both run on the engine under test.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any, Iterator

import pytest

from harness import HikeshiServer, ServerFactory, aws_error, clean_env, free_port, module_factory, unique, wait_until
from support_support import EC2, GENERAL, customer, desk, open_case, support

ON_SQLITE = os.environ.get("HIKESHI_TEST_ENGINE", "sqlite").strip().lower() != "postgres"


@pytest.fixture(scope="module")
def factory(hikeshi_bin: str, engine: str) -> Iterator[ServerFactory]:
    yield from module_factory(hikeshi_bin, engine)


@pytest.fixture(scope="module")
def upstream(factory: ServerFactory) -> HikeshiServer:
    """The upstream desk (as AWS Support would be)."""
    return factory.new()


@pytest.fixture(scope="module")
def reseller(upstream: HikeshiServer) -> Any:
    """The reseller's own account upstream, on Business support."""
    return customer(upstream, "business", "en", "UTC")


@pytest.fixture(scope="module")
def srv(factory: ServerFactory) -> HikeshiServer:
    """The reseller's desk."""
    return factory.new(serve_args=["--time-scale", "60"])


@pytest.fixture(scope="module")
def hk(srv: HikeshiServer) -> Any:
    return desk(srv)


def provider(hk: Any, upstream: HikeshiServer, account: Any, name: str | None = None, endpoint: str | None = None) -> str:
    name = name or unique("upstream")
    hk.put_upstream_provider(
        Name=name, Endpoint=endpoint or upstream.endpoint, Region="us-east-1", AccessKeyId=account.access_key_id,
        SecretAccessKey=account.secret_access_key, PollIntervalSeconds=60,
    )
    return name


def escalation(hk: Any, case_id: str, escalation_id: str) -> dict:
    [found] = [e for e in hk.list_escalations(CaseId=case_id)["Escalations"] if e["EscalationId"] == escalation_id]
    return found


def wait_escalation(hk: Any, case_id: str, escalation_id: str, predicate: Any, message: str, timeout: float = 20) -> dict:
    return wait_until(lambda: (lambda e: e if predicate(e) else None)(escalation(hk, case_id, escalation_id)), timeout=timeout,
                      message=message)


def customer_case(srv: HikeshiServer, hk: Any) -> tuple[Any, Any, str, list[dict]]:
    """A Japanese Business customer's case with three messages: the opening one, one with a log file, and one the
    agent will not forward (a private remark)."""
    account = customer(srv, "business", "ja")
    client = support(srv, account)
    case_id = open_case(client, severityCode="high")
    files = client.add_attachments_to_set(attachments=[{"fileName": "app.log", "data": b"ERROR pool exhausted\n" * 50}])
    client.add_communication_to_case(caseId=case_id, communicationBody="ログを添付します。", attachmentSetId=files["attachmentSetId"])
    client.add_communication_to_case(caseId=case_id, communicationBody="PRIVATE: our contract renewal is next month.")
    communications = hk.describe_case_details(CaseId=case_id)["Case"]["Communications"]
    return account, client, case_id, communications


# ---------------------------------------------------------------------------
# Providers
# ---------------------------------------------------------------------------


def test_providers_are_stored_with_their_secret_sealed(srv, hk, upstream, reseller):
    name = provider(hk, upstream, reseller)
    [listed] = [p for p in hk.list_upstream_providers()["UpstreamProviders"] if p["Name"] == name]
    assert listed["Endpoint"] == upstream.endpoint and listed["AccessKeyId"] == reseller.access_key_id
    assert listed["PollIntervalSeconds"] == 60
    assert "SecretAccessKey" not in listed
    if ON_SQLITE:
        raw = b"".join(p.read_bytes() for p in Path(srv.data_dir).glob("*.sqlite*"))
        assert raw, "the SQLite database was found"
        assert reseller.secret_access_key.encode() not in raw, "the secret is sealed at rest"
    defaulted = unique("aws")
    hk.put_upstream_provider(Name=defaulted, AccessKeyId="AKIAIOSFODNN7EXAMPLE", SecretAccessKey="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    [aws] = [p for p in hk.list_upstream_providers()["UpstreamProviders"] if p["Name"] == defaulted]
    assert (aws["Endpoint"], aws["Region"], aws["PollIntervalSeconds"]) == ("https://support.us-east-1.amazonaws.com", "us-east-1", 300)
    hk.delete_upstream_provider(Name=defaulted)
    with aws_error("ResourceNotFoundException", 404):
        hk.delete_upstream_provider(Name=defaulted)


@pytest.mark.parametrize(
    "change, field",
    [
        ({"Endpoint": "ftp://example.com"}, "Endpoint"),
        ({"PollIntervalSeconds": 10}, "PollIntervalSeconds"),
        ({"Name": "bad name"}, "Name"),
        ({"AccessKeyId": "short"}, "AccessKeyId"),
    ],
)
def test_bad_providers_are_refused_naming_the_field(srv, change, field):
    client = desk(srv, parameter_validation=False)
    params = {"Name": unique("p"), "AccessKeyId": "AKIAIOSFODNN7EXAMPLE", "SecretAccessKey": "secret", **change}
    with aws_error("ValidationException", 400, mentions=field):
        client.put_upstream_provider(**params)
    assert params["Name"] not in [p["Name"] for p in client.list_upstream_providers()["UpstreamProviders"]]


def test_only_the_desk_manages_providers_and_escalations(srv, hk, upstream, reseller):
    name = provider(hk, upstream, reseller)
    outsider = desk(srv, customer(srv, "business", "en"))
    with aws_error("AccessDeniedException", 403):
        outsider.put_upstream_provider(Name=unique("p"), AccessKeyId="AKIAIOSFODNN7EXAMPLE", SecretAccessKey="x")
    with aws_error("AccessDeniedException", 403):
        outsider.list_upstream_providers()
    account = customer(srv, "business", "en")
    case_id = open_case(support(srv, account))
    with aws_error("AccessDeniedException", 403):
        outsider.escalate_case(CaseId=case_id, ProviderName=name, Body="x")


# ---------------------------------------------------------------------------
# The round trip
# ---------------------------------------------------------------------------


def test_a_case_goes_up_with_what_the_agent_chose_and_the_answer_comes_back(srv, hk, upstream, reseller):
    name = provider(hk, upstream, reseller)
    account, client, case_id, comms = customer_case(srv, hk)
    opening, with_log, private = comms[0], comms[1], comms[2]
    log_id = next(a["attachmentId"] for c in client.describe_communications(caseId=case_id)["communications"]
                  for a in c.get("attachmentSet", []))
    assert with_log["Attachments"] == [{"AttachmentId": log_id, "FileName": "app.log"}], "the desk sees each message's files"
    assert "Attachments" not in opening
    agent = hk.create_agent(Name=unique("agent"), Specialties=["compute"], Languages=["ja"])["Agent"]
    made = hk.escalate_case(CaseId=case_id, ProviderName=name, CommunicationIds=[opening["CommunicationId"], with_log["CommunicationId"]],
                            AttachmentIds=[log_id], Body="お客様の EC2 の件、調査をお願いします。")["Escalation"]
    assert made["Status"] == "CREATING" and made["Messages"][0]["Direction"] == "UP"
    linked = wait_escalation(hk, case_id, made["EscalationId"], lambda e: e.get("UpstreamDisplayId"), "the upstream case is created and read")
    assert linked["Status"] == "OPEN" and linked["Messages"][0]["State"] == "SENT"

    # Upstream, the reseller's account sees the case with what the agent chose, and nothing else of the customer's.
    up = support(upstream, reseller)
    [up_case] = up.describe_cases(caseIdList=[linked["UpstreamCaseId"]], includeCommunications=True)["cases"]
    assert up_case["displayId"] == linked["UpstreamDisplayId"]
    assert (up_case["serviceCode"], up_case["categoryCode"], up_case["severityCode"], up_case["language"]) == (EC2, GENERAL, "high", "ja")
    assert up_case["subject"] == hk.describe_case_details(CaseId=case_id)["Case"]["Subject"]
    [first] = up.describe_communications(caseId=linked["UpstreamCaseId"])["communications"]
    assert "お客様の EC2 の件" in first["body"] and opening["Body"] in first["body"] and "ログを添付します。" in first["body"]
    assert "PRIVATE" not in first["body"] and private["Body"] not in first["body"]
    assert up_case.get("ccEmailAddresses") in (None, []), "the customer's addresses are not sent"
    [sent_file] = first["attachmentSet"]
    assert sent_file["fileName"] == "app.log"
    assert up.describe_attachment(attachmentId=sent_file["attachmentId"])["attachment"]["data"] == b"ERROR pool exhausted\n" * 50

    # The upstream agent answers; the reseller's colleague adds a file upstream directly. Both come down.
    up_desk = desk(upstream)
    up_agent = up_desk.create_agent(Name=unique("aws-agent"), Specialties=["compute"], Languages=["ja", "en"])["Agent"]
    up_desk.reply_to_case(CaseId=linked["UpstreamCaseId"], AgentId=up_agent["AgentId"], Body="インスタンスの再起動をお試しください。")
    dump = up.add_attachments_to_set(attachments=[{"fileName": "diagnosis.txt", "data": "診断結果: OK".encode()}])
    up.add_communication_to_case(caseId=linked["UpstreamCaseId"], communicationBody="Diagnosis attached.",
                                 attachmentSetId=dump["attachmentSetId"])
    got = wait_escalation(hk, case_id, made["EscalationId"], lambda e: len([m for m in e["Messages"] if m["Direction"] == "DOWN"]) == 2,
                          "both upstream messages are read")
    down = [m for m in got["Messages"] if m["Direction"] == "DOWN"]
    answer = next(m for m in down if "再起動" in m["Body"])
    diagnosis = next(m for m in down if m["Body"] == "Diagnosis attached.")
    assert answer["State"] == "RECEIVED" and answer["SubmittedBy"]
    assert [a["FileName"] for a in diagnosis["Attachments"]] == ["diagnosis.txt"]
    assert len([m for m in got["Messages"] if m["Direction"] == "UP"]) == 1, "the desk's own message is not read back as new"
    # The case view shows the escalation to the agent.
    view = hk.describe_case_details(CaseId=case_id)["Case"]
    assert [e["EscalationId"] for e in view["Escalations"]] == [made["EscalationId"]]
    # Nothing reached the customer yet.
    assert not any("再起動" in c["body"] for c in client.describe_communications(caseId=case_id)["communications"])

    # The agent relays the answer, edited, and the diagnosis with its file.
    hk.relay_upstream_message(EscalationId=made["EscalationId"], MessageId=answer["MessageId"], AgentId=agent["AgentId"],
                              Body="お手数ですが、インスタンスを再起動してください。")
    hk.relay_upstream_message(EscalationId=made["EscalationId"], MessageId=diagnosis["MessageId"], AgentId=agent["AgentId"])
    with aws_error("ConflictException", 409):
        hk.relay_upstream_message(EscalationId=made["EscalationId"], MessageId=answer["MessageId"], AgentId=agent["AgentId"])
    mine = client.describe_communications(caseId=case_id)["communications"]
    bodies = [c["body"] for c in mine]
    assert "お手数ですが、インスタンスを再起動してください。" in bodies and "インスタンスの再起動をお試しください。" not in bodies
    relayed = next(c for c in mine if c["body"] == "Diagnosis attached.")
    [file] = relayed["attachmentSet"]
    assert client.describe_attachment(attachmentId=file["attachmentId"])["attachment"]["data"] == "診断結果: OK".encode()
    states = {m["MessageId"]: m["State"] for m in escalation(hk, case_id, made["EscalationId"])["Messages"]}
    assert states[answer["MessageId"]] == "RELAYED" and states[diagnosis["MessageId"]] == "RELAYED"

    # More goes up later; escalating the same case to the same provider twice is refused.
    hk.send_upstream(EscalationId=made["EscalationId"], Body="Rebooted; the pool still runs out after an hour.")
    wait_until(lambda: any("still runs out" in c["body"] for c in up.describe_communications(caseId=linked["UpstreamCaseId"])["communications"]),
               timeout=20, message="the follow-up reaches the upstream case")
    with aws_error("ConflictException", 409):
        hk.escalate_case(CaseId=case_id, ProviderName=name, Body="again")
    final = wait_escalation(hk, case_id, made["EscalationId"], lambda e: all(m["State"] != "PENDING" for m in e["Messages"]), "all sent")
    assert [m["State"] for m in final["Messages"] if m["Direction"] == "UP"] == ["SENT", "SENT"]


@pytest.mark.parametrize(
    "params, field",
    [
        ({"CommunicationIds": ["comm-not-of-this-case"]}, "CommunicationIds"),
        ({"AttachmentIds": ["attachment-0000"]}, "AttachmentIds"),
        ({}, "Body"),
        ({"Body": "x" * 7990}, "CommunicationIds"),
    ],
)
def test_bad_escalations_are_refused_and_change_nothing(srv, hk, upstream, reseller, params, field):
    name = provider(hk, upstream, reseller)
    account = customer(srv, "business", "en")
    case_id = open_case(support(srv, account))
    with aws_error("ValidationException", 400, mentions=field):
        hk.escalate_case(CaseId=case_id, ProviderName=name, **params)
    assert hk.list_escalations(CaseId=case_id)["Escalations"] == []
    with aws_error("ResourceNotFoundException", 404):
        hk.escalate_case(CaseId=case_id, ProviderName="no-such-provider", Body="x")


# ---------------------------------------------------------------------------
# Failures
# ---------------------------------------------------------------------------


def test_an_unreachable_upstream_is_retried_and_the_failure_shown_until_it_answers(srv, hk, upstream, reseller):
    closed = f"http://127.0.0.1:{free_port()}"
    name = provider(hk, upstream, reseller, endpoint=closed)
    account = customer(srv, "business", "en")
    subject = unique("Unreachable upstream")
    case_id = open_case(support(srv, account), language="en", subject=subject)
    made = hk.escalate_case(CaseId=case_id, ProviderName=name, Body="Please look at this.")["Escalation"]
    failing = wait_escalation(hk, case_id, made["EscalationId"], lambda e: e["Attempts"] >= 2, "two failed attempts")
    assert failing["Status"] == "CREATING" and failing["LastError"] and "NextAttemptAt" in failing
    # The operator points the provider at the right place; the next retry creates the case, once.
    provider(hk, upstream, reseller, name=name)
    linked = wait_escalation(hk, case_id, made["EscalationId"], lambda e: e["Status"] == "OPEN", "created after the fix", timeout=40)
    assert linked["Attempts"] == 0 and "LastError" not in linked
    up = support(upstream, reseller)
    matching = [c for c in up.describe_cases(includeResolvedCases=True, maxResults=100)["cases"] if c["subject"] == subject]
    assert [c["caseId"] for c in matching] == [linked["UpstreamCaseId"]], "one upstream case, however many attempts"


def test_refused_credentials_fail_the_escalation_until_fixed_and_retried(srv, hk, upstream, reseller):
    name = unique("upstream")
    hk.put_upstream_provider(Name=name, Endpoint=upstream.endpoint, AccessKeyId=reseller.access_key_id, SecretAccessKey="wrong-secret",
                             PollIntervalSeconds=60)
    account = customer(srv, "business", "en")
    case_id = open_case(support(srv, account), language="en")
    made = hk.escalate_case(CaseId=case_id, ProviderName=name, Body="Please look at this.")["Escalation"]
    failed = wait_escalation(hk, case_id, made["EscalationId"], lambda e: e["Status"] == "FAILED", "refused for good")
    assert "Signature" in failed["LastError"] or "credentials" in failed["LastError"].lower(), failed["LastError"]
    assert "NextAttemptAt" not in failed, "no retry is scheduled for a refusal"
    with aws_error("ConflictException", 409):
        hk.send_upstream(EscalationId=made["EscalationId"], Body="more")
    provider(hk, upstream, reseller, name=name)
    hk.retry_escalation(EscalationId=made["EscalationId"])
    wait_escalation(hk, case_id, made["EscalationId"], lambda e: e["Status"] == "OPEN", "open after the retry")


def test_an_escalation_survives_a_crash_of_the_desk(factory, upstream, reseller):
    crashing = factory.new(serve_args=["--time-scale", "60"])
    hk = desk(crashing)
    closed_port = free_port()
    name = provider(hk, upstream, reseller, endpoint=f"http://127.0.0.1:{closed_port}")
    account = customer(crashing, "business", "en")
    subject = unique("Crash")
    case_id = open_case(support(crashing, account), language="en", subject=subject)
    made = hk.escalate_case(CaseId=case_id, ProviderName=name, Body="Survive this.")["Escalation"]
    wait_escalation(hk, case_id, made["EscalationId"], lambda e: e["Attempts"] >= 1, "a failed attempt")
    crashing.kill()
    crashing.restart()
    hk = desk(crashing)
    provider(hk, upstream, reseller, name=name)
    linked = wait_escalation(hk, case_id, made["EscalationId"], lambda e: e["Status"] == "OPEN", "created after the restart", timeout=40)
    up = support(upstream, reseller)
    matching = [c for c in up.describe_cases(includeResolvedCases=True, maxResults=100)["cases"] if c["subject"] == subject]
    assert [c["caseId"] for c in matching] == [linked["UpstreamCaseId"]]


def test_providers_are_managed_from_the_command_line(srv, hk, upstream, reseller):
    name = unique("cli-upstream")

    def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([str(srv.binary), "support", "upstream", *args, *srv.storage_args], capture_output=True, timeout=60,
                              env={**clean_env(), **(env or {})}, stdin=subprocess.DEVNULL)

    missing = cli("put", "--name", name, "--access-key-id", reseller.access_key_id)
    assert missing.returncode != 0 and b"HIKESHI_UPSTREAM_SECRET_ACCESS_KEY" in missing.stderr
    put = cli("put", "--name", name, "--endpoint", upstream.endpoint, "--access-key-id", reseller.access_key_id, "--poll-interval", "120",
              env={"HIKESHI_UPSTREAM_SECRET_ACCESS_KEY": reseller.secret_access_key})
    assert put.returncode == 0, put.stderr.decode()
    listed = cli("list").stdout.decode()
    assert f"{name}\t{upstream.endpoint}\tus-east-1\t{reseller.access_key_id}\t120" in listed.splitlines()
    assert reseller.secret_access_key not in listed
    [api] = [p for p in hk.list_upstream_providers()["UpstreamProviders"] if p["Name"] == name]
    assert api["PollIntervalSeconds"] == 120
    # The sealed secret works: a case escalated through the provider reaches the upstream desk.
    case_id = open_case(support(srv, customer(srv, "business", "en")), language="en")
    made = hk.escalate_case(CaseId=case_id, ProviderName=name, Body="Through the command line's provider.")["Escalation"]
    wait_escalation(hk, case_id, made["EscalationId"], lambda e: e["Status"] == "OPEN", "created with the sealed secret")
    assert cli("delete", "--name", name).returncode == 0
    assert name not in cli("list").stdout.decode()
