"""Post-incident analysis through the `hikeshi` API (CreateAnalysis, GetAnalysis, ListAnalyses, AnswerAnalysisQuestions,
AddAnalysisActionItem, ExportAnalysis) with boto3 and the aws CLI: an analysis of a resolved incident is a ProblemAnalysis
SSM document of the incident's account holding the incident's facts and a template's questions; answers make new
document versions; action items are OpsItems related to the incident and to the analysis; the export is Markdown in
the template's language. Bad input is an AWS-shaped error naming the member and changes nothing; every account sees
only its own analyses.

Each test works in a fresh account of the shared server, so lists hold only what the test made.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest

from harness import Account, HikeshiServer, assert_raw_error, aws_error, contact_arn, unique, wait_until
from incident_support import create_plan, incident_id, related_items, start
from support_support import at_once

TEMPLATE = "AWSIncidents-PostIncidentAnalysisTemplate"
ROLE = "arn:aws:iam::{}:role/incident-runbook"
QUESTION_IDS = [
    "summary", "impact", "timeline", "how", "sooner", "engagement", "cause", "action", "faster",
    "why1", "why2", "why3", "why4", "why5", "elsewhere", "lessons", "actions",
]


class Rig:
    """A fresh account with its hikeshi, ssm, ssm-incidents and ssm-contacts clients."""

    def __init__(self, server: HikeshiServer, **client_options: Any):
        self.server = server
        self.account: Account = server.create_account()
        self.id = self.account.account_id
        self.hk = server.client("hikeshi", account=self.account, **client_options)
        self.ssm = server.client("ssm", account=self.account)
        self.incidents = server.client("ssm-incidents", account=self.account)
        self.contacts = server.client("ssm-contacts", account=self.account)
        self.plans: list[str] = []

    def resolved_incident(self, title: str = "Checkout is down", *, runbook: bool = True, engage: bool = True) -> str:
        """A resolved incident with an engagement, a runbook named by its plan, a note and a related URL."""
        params: dict[str, Any] = {}
        if engage:
            alias = unique("lead")
            self.contacts.create_contact(Alias=alias, Type="PERSONAL", Plan={"Stages": []})
            params["engagements"] = [contact_arn(alias, self.id)]
        if runbook:
            params["actions"] = [{"ssmAutomation": {"documentName": "Checkout-Failover", "roleArn": ROLE.format(self.id)}}]
        plan = create_plan(self.incidents, title=title, impact=2, **params)
        self.plans.append(plan)
        arn = start(self.incidents, plan)
        self.incidents.create_timeline_event(
            incidentRecordArn=arn, eventType="Note", eventTime=dt.datetime.now(dt.timezone.utc),
            eventData=json.dumps({"content": "failed over to the replica"}),
        )
        self.incidents.update_related_items(
            incidentRecordArn=arn,
            relatedItemsUpdate={"itemToAdd": {"identifier": {"type": "OTHER", "value": {"url": "https://wiki.example.com/checkout"}}, "title": "Runbook page"}},
        )
        self.incidents.update_incident_record(arn=arn, status="RESOLVED")
        return arn

    def analysis_documents(self) -> list[str]:
        listed = self.ssm.list_documents(Filters=[{"Key": "DocumentType", "Values": ["ProblemAnalysis"]}, {"Key": "Owner", "Values": ["Self"]}])
        return [d["Name"] for d in listed["DocumentIdentifiers"]]

    def action_item_opsitems(self) -> list[str]:
        found = self.ssm.describe_ops_items(OpsItemFilters=[{"Key": "Source", "Operator": "Equal", "Values": ["PostIncidentAnalysis"]}])
        return [s["OpsItemId"] for s in found["OpsItemSummaries"]]


@pytest.fixture
def rig(server: HikeshiServer) -> Rig:
    return Rig(server)


@pytest.fixture
def raw_rig(server: HikeshiServer) -> Rig:
    """A rig whose hikeshi client sends what botocore's own checks would refuse, so the server's checks are tested."""
    return Rig(server, parameter_validation=False)


def close(a: dt.datetime, b: dt.datetime) -> bool:
    """The same instant, to the millisecond (times travel as floating-point seconds)."""
    return abs((a - b).total_seconds()) < 0.002


# ---------------------------------------------------------------------------
# Create
# ---------------------------------------------------------------------------


def test_an_analysis_of_a_resolved_incident_holds_its_facts_and_the_template_questions(rig):
    arn = rig.resolved_incident("Checkout is down")
    record = rig.incidents.get_incident_record(arn=arn)["incidentRecord"]
    analysis = rig.hk.create_analysis(IncidentRecordArn=arn)["Analysis"]

    name = f"Analysis-{incident_id(arn)}"
    assert analysis["Name"] == name
    assert analysis["Arn"] == f"arn:aws:ssm:us-east-1:{rig.id}:document/{name}"
    assert analysis["DocumentVersion"] == "1" and analysis["Language"] == "en"
    assert analysis["Template"] == {"Name": TEMPLATE, "Owner": "Amazon", "Version": "1"}
    assert analysis["CreatedBy"].startswith(f"arn:aws:iam::{rig.id}:")

    facts = analysis["Incident"]
    assert facts["Arn"] == arn and facts["Title"] == "Checkout is down" and facts["Impact"] == 2
    assert facts["ResponsePlanArn"] == rig.plans[-1]
    assert close(facts["CreatedAt"], record["creationTime"]) and close(facts["ResolvedAt"], record["resolvedTime"])
    assert abs(facts["DurationSeconds"] - (record["resolvedTime"] - record["creationTime"]).total_seconds()) < 1

    types = [e["EventType"] for e in analysis["Timeline"]]
    assert "SSM Incident Trigger" in types and "Note" in types
    assert [e["EventTime"] for e in analysis["Timeline"]] == sorted(e["EventTime"] for e in analysis["Timeline"])
    note = next(e for e in analysis["Timeline"] if e["EventType"] == "Note")
    assert "failed over to the replica" in note["EventData"]
    assert len(analysis["Engagements"]) == 1 and analysis["Engagements"][0]["ContactArn"].startswith(f"arn:aws:ssm-contacts:us-east-1:{rig.id}:contact/")
    assert analysis["Runbooks"] == [{"DocumentName": "Checkout-Failover"}]
    related = {(i["Type"], i["Value"]) for i in analysis["RelatedItems"]}
    assert ("OTHER", "https://wiki.example.com/checkout") in related
    assert any(t == "PARENT" for t, _ in related)

    assert [s["Id"] for s in analysis["Sections"]] == ["overview", "detection", "diagnosis", "mitigation", "prevention", "actionItems"]
    assert [q["Id"] for s in analysis["Sections"] for q in s["Questions"]] == QUESTION_IDS
    assert all("Answer" not in q for s in analysis["Sections"] for q in s["Questions"])
    assert analysis["ActionItems"] == []

    # The incident points at its analysis.
    items = [i for i in related_items(rig.incidents, arn) if i["identifier"]["type"] == "ANALYSIS"]
    assert len(items) == 1 and items[0]["identifier"]["value"]["arn"] == analysis["Arn"]

    # It is an SSM document of the account: ssm sees it.
    assert rig.analysis_documents() == [name]
    document = rig.ssm.get_document(Name=name)
    assert document["DocumentType"] == "ProblemAnalysis" and document["DocumentFormat"] == "JSON" and document["DocumentVersion"] == "1"
    content = json.loads(document["Content"])
    assert content["incident"]["arn"] == arn and content["language"] == "en" and content["template"]["name"] == TEMPLATE
    assert [q["id"] for s in content["sections"] for q in s["questions"]] == QUESTION_IDS
    described = rig.ssm.describe_document(Name=name)["Document"]
    assert described["SchemaVersion"] == "1.0" and described["Description"] == "Post-incident analysis of Checkout is down"
    assert described["Owner"] == rig.id


def test_a_runbook_execution_linked_to_the_incident_is_recorded_with_its_steps(rig):
    runbook = unique("Triage")
    content = {"schemaVersion": "0.3", "mainSteps": [{"name": "Triage", "action": "aws:pause", "isEnd": True}]}
    rig.ssm.create_document(Name=runbook, Content=json.dumps(content), DocumentType="Automation", DocumentFormat="JSON")
    execution_id = rig.ssm.start_automation_execution(DocumentName=runbook)["AutomationExecutionId"]

    def status() -> str:
        return rig.ssm.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"]["AutomationExecutionStatus"]

    wait_until(lambda: status() == "Waiting", timeout=20, message="the execution to wait at its pause")
    rig.ssm.send_automation_signal(AutomationExecutionId=execution_id, SignalType="Resume")
    wait_until(lambda: status() == "Success", timeout=20, message="the execution to succeed")
    execution_arn = f"arn:aws:ssm:us-east-1:{rig.id}:automation-execution/{execution_id}"

    arn = start(rig.incidents, create_plan(rig.incidents, title="Search is down"))
    rig.incidents.update_related_items(
        incidentRecordArn=arn, relatedItemsUpdate={"itemToAdd": {"identifier": {"type": "AUTOMATION", "value": {"arn": execution_arn}}}}
    )
    rig.incidents.update_incident_record(arn=arn, status="RESOLVED")
    analysis = rig.hk.create_analysis(IncidentRecordArn=arn)["Analysis"]
    ran = analysis["Runbooks"][0]
    assert ran["ExecutionArn"] == execution_arn and ran["DocumentName"] == runbook and ran["DocumentVersion"] == "1"
    assert ran["Status"] == "Success" and ran["StartedAt"] <= ran["EndedAt"]
    assert [(s["StepName"], s["Action"], s["Status"]) for s in ran["Steps"]] == [("Triage", "aws:pause", "Success")]
    markdown = rig.hk.export_analysis(Name=analysis["Name"])["Content"]
    assert f"Execution `{execution_arn}`, Status `Success`" in markdown and "  - `Triage` (`aws:pause`): Status `Success`" in markdown


def test_the_runbook_an_incident_started_is_recorded_with_its_steps(rig):
    runbook = unique("Mitigate")
    content = {"schemaVersion": "0.3", "parameters": {"IncidentRecordArn": {"type": "String"}},
               "mainSteps": [{"name": "Mitigate", "action": "aws:pause", "isEnd": True}]}
    rig.ssm.create_document(Name=runbook, Content=json.dumps(content), DocumentType="Automation", DocumentFormat="JSON")
    action = {"ssmAutomation": {"documentName": runbook, "roleArn": ROLE.format(rig.id),
                                "dynamicParameters": {"IncidentRecordArn": {"variable": "INCIDENT_RECORD_ARN"}}}}
    arn = start(rig.incidents, create_plan(rig.incidents, title="Queue is stuck", actions=[action]))

    def started() -> list:
        return rig.incidents.get_incident_record(arn=arn)["incidentRecord"].get("automationExecutions") or []

    execution_arn = wait_until(started, timeout=20, message="the plan's runbook to start")[0]["ssmExecutionArn"]
    execution_id = execution_arn.rsplit("/", 1)[1]

    def status() -> str:
        return rig.ssm.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"]["AutomationExecutionStatus"]

    wait_until(lambda: status() == "Waiting", timeout=20, message="the runbook to wait at its pause")
    rig.incidents.update_incident_record(arn=arn, status="RESOLVED")
    analysis = rig.hk.create_analysis(IncidentRecordArn=arn)["Analysis"]
    assert len(analysis["Runbooks"]) == 1, analysis["Runbooks"]
    ran = analysis["Runbooks"][0]
    assert ran["ExecutionArn"] == execution_arn and ran["DocumentName"] == runbook and ran["Status"] == "Waiting"
    reported = rig.ssm.describe_automation_step_executions(AutomationExecutionId=execution_id)["StepExecutions"]
    assert [(s["StepName"], s["Action"], s["Status"]) for s in ran["Steps"]] == [
        (s["StepName"], s["Action"], s["StepStatus"]) for s in reported
    ] == [("Mitigate", "aws:pause", "InProgress")]


def test_an_open_incident_cannot_be_analysed_and_nothing_is_made(rig):
    plan = create_plan(rig.incidents, title="Still burning")
    arn = start(rig.incidents, plan)
    with aws_error("ValidationException", 400, mentions=("'IncidentRecordArn'", "OPEN", "RESOLVED")):
        rig.hk.create_analysis(IncidentRecordArn=arn)
    assert rig.analysis_documents() == []
    assert not [i for i in related_items(rig.incidents, arn) if i["identifier"]["type"] == "ANALYSIS"]


def test_unknown_incidents_and_templates_are_not_found(rig, server):
    arn = rig.resolved_incident(runbook=False, engage=False)
    missing = arn.rsplit("/", 1)[0] + "/00000000-0000-4000-8000-000000000000"
    with aws_error("ResourceNotFoundException", 404, mentions=missing):
        rig.hk.create_analysis(IncidentRecordArn=missing)
    with aws_error("ResourceNotFoundException", 404, mentions="No-Such-Template"):
        rig.hk.create_analysis(IncidentRecordArn=arn, TemplateName="No-Such-Template")
    with aws_error("ResourceNotFoundException", 404):
        rig.hk.create_analysis(IncidentRecordArn=arn, TemplateName=TEMPLATE, TemplateVersion="2")
    # Another account's incident does not exist for the caller.
    other = Rig(server)
    with aws_error("ResourceNotFoundException", 404):
        other.hk.create_analysis(IncidentRecordArn=arn)
    assert rig.analysis_documents() == [] and other.analysis_documents() == []


@pytest.mark.parametrize(
    "document_type, content, fmt, mention",
    [
        ("Automation", {"schemaVersion": "0.3", "mainSteps": [{"name": "A", "action": "aws:pause"}]}, "JSON", "not a ProblemAnalysisTemplate"),
        ("ProblemAnalysisTemplate", {"schemaVersion": "1.0", "questions": ["Why?"]}, "JSON", "sections"),
        ("ProblemAnalysisTemplate", "schemaVersion: '1.0'\nsections:\n  - {id: s, title: S, questions: [{id: q, text: Q}]}\n", "YAML", "JSON"),
        (
            "ProblemAnalysisTemplate",
            {"schemaVersion": "1.0", "sections": [{"id": "a", "title": "A", "questions": [{"id": "q", "text": "Q"}]},
                                                   {"id": "b", "title": "B", "questions": [{"id": "q", "text": "R"}]}]},
            "JSON", "used twice",
        ),
    ],
)
def test_a_document_that_is_no_usable_template_is_refused_naming_the_template(rig, document_type, content, fmt, mention):
    arn = rig.resolved_incident(runbook=False, engage=False)
    name = unique("Tpl")
    text = content if isinstance(content, str) else json.dumps(content)
    rig.ssm.create_document(Name=name, Content=text, DocumentType=document_type, DocumentFormat=fmt)
    with aws_error("ValidationException", 400, mentions=("TemplateName", mention)):
        rig.hk.create_analysis(IncidentRecordArn=arn, TemplateName=name)
    assert rig.analysis_documents() == []


def test_bad_names_are_refused_naming_the_member(raw_rig):
    arn = raw_rig.resolved_incident(runbook=False, engage=False)
    for name, mention in [("AWS-Mine", "reserved"), ("hikeshi-analysis", "reserved"), ("no spaces allowed", "Name"), ("ab", "Name")]:
        with aws_error("ValidationException", 400, mentions="Name"):
            raw_rig.hk.create_analysis(IncidentRecordArn=arn, Name=name)
    with aws_error("ValidationException", 400, mentions="TemplateVersion"):
        raw_rig.hk.create_analysis(IncidentRecordArn=arn, TemplateVersion="latest")
    with aws_error("ValidationException", 400, mentions="IncidentRecordArn"):
        raw_rig.hk.create_analysis()
    assert raw_rig.analysis_documents() == []


def test_an_incident_has_one_analysis_until_its_document_is_deleted(rig):
    arn = rig.resolved_incident(runbook=False, engage=False)
    first = rig.hk.create_analysis(IncidentRecordArn=arn, Name="checkout-pia")["Analysis"]
    assert first["Name"] == "checkout-pia"
    with aws_error("ConflictException", 409, mentions="checkout-pia"):
        rig.hk.create_analysis(IncidentRecordArn=arn)
    other = rig.resolved_incident("Payments are slow", runbook=False, engage=False)
    with aws_error("ConflictException", 409, mentions="checkout-pia"):
        rig.hk.create_analysis(IncidentRecordArn=other, Name="checkout-pia")
    assert sorted(rig.analysis_documents()) == ["checkout-pia"]

    rig.ssm.delete_document(Name="checkout-pia")
    again = rig.hk.create_analysis(IncidentRecordArn=arn)["Analysis"]
    assert again["Name"] == f"Analysis-{incident_id(arn)}"


def test_a_team_template_in_japanese_with_versions(rig):
    arn = rig.resolved_incident(runbook=False, engage=False)
    name = unique("Team-PIA")
    v1 = {"schemaVersion": "1.0", "language": "ja", "sections": [{"id": "cause", "title": "原因", "questions": [{"id": "why", "text": "なぜ起きたか"}]}]}
    rig.ssm.create_document(Name=name, Content=json.dumps(v1, ensure_ascii=False), DocumentType="ProblemAnalysisTemplate", DocumentFormat="JSON")
    v2 = json.loads(json.dumps(v1))
    v2["sections"][0]["questions"].append({"id": "next", "text": "次に何をするか"})
    rig.ssm.update_document(Name=name, Content=json.dumps(v2, ensure_ascii=False), DocumentVersion="$LATEST", DocumentFormat="JSON")

    analysis = rig.hk.create_analysis(IncidentRecordArn=arn, TemplateName=name, TemplateVersion="$LATEST")["Analysis"]
    assert analysis["Language"] == "ja"
    assert analysis["Template"] == {"Name": name, "Owner": rig.id, "Version": "2"}
    assert [q["Id"] for q in analysis["Sections"][0]["Questions"]] == ["why", "next"]
    assert analysis["Sections"][0]["Title"] == "原因"


def test_the_built_in_template_in_korean_by_arn(rig):
    arn = rig.resolved_incident(runbook=False, engage=False)
    template_arn = f"arn:aws:ssm:us-east-1::document/{TEMPLATE}-ko"
    analysis = rig.hk.create_analysis(IncidentRecordArn=arn, TemplateName=template_arn)["Analysis"]
    assert analysis["Language"] == "ko" and analysis["Template"]["Name"] == f"{TEMPLATE}-ko"
    assert analysis["Sections"][-1]["Title"] == "조치 항목"


def test_a_template_another_account_shares_is_used_by_arn_and_an_unshared_one_is_not_found(rig, server):
    owner = Rig(server)
    name = unique("Shared-PIA")
    content = {"schemaVersion": "1.0", "sections": [{"id": "s", "title": "Lessons", "questions": [{"id": "learned", "text": "What did we learn?"}]}]}
    owner.ssm.create_document(Name=name, Content=json.dumps(content), DocumentType="ProblemAnalysisTemplate", DocumentFormat="JSON")
    template_arn = f"arn:aws:ssm:us-east-1:{owner.id}:document/{name}"
    arn = rig.resolved_incident(runbook=False, engage=False)
    with aws_error("ResourceNotFoundException", 404, mentions=template_arn):
        rig.hk.create_analysis(IncidentRecordArn=arn, TemplateName=template_arn)
    with aws_error("ResourceNotFoundException", 404):
        rig.hk.create_analysis(IncidentRecordArn=arn, TemplateName=name)

    owner.ssm.modify_document_permission(Name=name, PermissionType="Share", AccountIdsToAdd=[rig.id])
    analysis = rig.hk.create_analysis(IncidentRecordArn=arn, TemplateName=template_arn)["Analysis"]
    assert analysis["Template"] == {"Name": name, "Owner": owner.id, "Version": "1"}
    assert [q["Id"] for s in analysis["Sections"] for q in s["Questions"]] == ["learned"]
    assert owner.analysis_documents() == [] and rig.analysis_documents() == [analysis["Name"]]


# ---------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------


def test_answers_make_new_document_versions_and_an_empty_answer_clears_one(rig):
    arn = rig.resolved_incident(runbook=False, engage=False)
    name = rig.hk.create_analysis(IncidentRecordArn=arn)["Analysis"]["Name"]
    answered = rig.hk.answer_analysis_questions(
        Name=name, Answers=[{"QuestionId": "summary", "Answer": "The primary failed."}, {"QuestionId": "why1", "Answer": "Writes **failed**."}]
    )["Analysis"]
    assert answered["DocumentVersion"] == "2"
    questions = {q["Id"]: q for s in answered["Sections"] for q in s["Questions"]}
    assert questions["summary"]["Answer"] == "The primary failed." and questions["why1"]["Answer"] == "Writes **failed**."
    assert questions["summary"]["AnsweredBy"].startswith(f"arn:aws:iam::{rig.id}:") and questions["summary"]["AnsweredAt"]
    assert "Answer" not in questions["why2"]

    cleared = rig.hk.answer_analysis_questions(Name=name, Answers=[{"QuestionId": "summary", "Answer": ""}])["Analysis"]
    assert cleared["DocumentVersion"] == "3"
    kept = {q["Id"]: q for s in cleared["Sections"] for q in s["Questions"]}
    assert "Answer" not in kept["summary"] and kept["why1"]["Answer"] == "Writes **failed**."

    # ssm sees the newest version as the default, and keeps the history.
    document = rig.ssm.get_document(Name=name)
    assert document["DocumentVersion"] == "3"
    versions = rig.ssm.list_document_versions(Name=name)["DocumentVersions"]
    assert [(v["DocumentVersion"], v["IsDefaultVersion"]) for v in versions] == [("1", False), ("2", False), ("3", True)]
    assert rig.hk.get_analysis(Name=name)["Analysis"] == cleared


def test_a_bad_answer_names_its_entry_and_changes_nothing(raw_rig):
    rig = raw_rig
    arn = rig.resolved_incident(runbook=False, engage=False)
    created = rig.hk.create_analysis(IncidentRecordArn=arn)["Analysis"]
    name = created["Name"]
    with aws_error("ValidationException", 400, mentions=("Answers.2.QuestionId", "why6")):
        rig.hk.answer_analysis_questions(Name=name, Answers=[{"QuestionId": "summary", "Answer": "ok"}, {"QuestionId": "why6", "Answer": "x"}])
    with aws_error("ValidationException", 400, mentions="Answers.2.QuestionId"):
        rig.hk.answer_analysis_questions(Name=name, Answers=[{"QuestionId": "summary", "Answer": "a"}, {"QuestionId": "summary", "Answer": "b"}])
    with aws_error("ValidationException", 400, mentions="Answers"):
        rig.hk.answer_analysis_questions(Name=name, Answers=[])
    with aws_error("ValidationException", 400, mentions="Answer"):
        rig.hk.answer_analysis_questions(Name=name, Answers=[{"QuestionId": "summary", "Answer": "x" * 10001}])
    with aws_error("ResourceNotFoundException", 404):
        rig.hk.answer_analysis_questions(Name="No-Such-Analysis", Answers=[{"QuestionId": "summary", "Answer": "x"}])
    assert rig.hk.get_analysis(Name=name)["Analysis"] == created
    assert [v["DocumentVersion"] for v in rig.ssm.list_document_versions(Name=name)["DocumentVersions"]] == ["1"]


def test_answers_given_at_once_all_land_each_in_its_own_version(rig):
    arn = rig.resolved_incident(runbook=False, engage=False)
    name = rig.hk.create_analysis(IncidentRecordArn=arn)["Analysis"]["Name"]
    ids = QUESTION_IDS[:6]

    def answer(i: int) -> str:
        return rig.hk.answer_analysis_questions(Name=name, Answers=[{"QuestionId": ids[i], "Answer": f"answer {i}"}])["Analysis"]["DocumentVersion"]

    versions = at_once(answer, len(ids))
    assert sorted(int(v) for v in versions) == list(range(2, 2 + len(ids)))
    got = rig.hk.get_analysis(Name=name)["Analysis"]
    answers = {q["Id"]: q.get("Answer") for s in got["Sections"] for q in s["Questions"]}
    assert [answers[q] for q in ids] == [f"answer {i}" for i in range(len(ids))]
    assert got["DocumentVersion"] == str(1 + len(ids))


# ---------------------------------------------------------------------------
# Action items
# ---------------------------------------------------------------------------


def test_an_action_item_is_an_opsitem_related_to_the_incident_and_the_analysis(rig):
    arn = rig.resolved_incident(runbook=False, engage=False)
    analysis = rig.hk.create_analysis(IncidentRecordArn=arn)["Analysis"]
    parent = next(i for i in related_items(rig.incidents, arn) if i["identifier"]["type"] == "PARENT")["identifier"]["value"]["arn"]

    added = rig.hk.add_analysis_action_item(
        Name=analysis["Name"], Title="Alarm on replica lag", Priority=2, Severity="2", Category="Availability", QuestionId="sooner"
    )
    item = added["ActionItem"]
    assert added["DocumentVersion"] == "2"
    assert re.fullmatch(r"oi-[0-9a-f]{12}", item["OpsItemId"])
    assert item["OpsItemArn"] == f"arn:aws:ssm:us-east-1:{rig.id}:opsitem/{item['OpsItemId']}"
    assert item["Title"] == "Alarm on replica lag" and item["Priority"] == 2 and item["QuestionId"] == "sooner"
    assert analysis["Name"] in item["Description"] and arn in item["Description"]

    opsitem = rig.ssm.get_ops_item(OpsItemId=item["OpsItemId"])["OpsItem"]
    assert opsitem["Title"] == "Alarm on replica lag" and opsitem["Status"] == "Open" and opsitem["Source"] == "PostIncidentAnalysis"
    assert opsitem["Priority"] == 2 and opsitem["Severity"] == "2" and opsitem["Category"] == "Availability"
    assert opsitem["OpsItemType"] == "/aws/issue" and opsitem["Version"] == "1" and opsitem["Description"] == item["Description"]
    assert opsitem["CreatedBy"].startswith(f"arn:aws:iam::{rig.id}:")
    assert opsitem["RelatedOpsItems"] == [{"OpsItemId": parent.rsplit("/", 1)[1]}]
    assert opsitem["OperationalData"]["PostIncidentAnalysis"] == {"Value": analysis["Arn"], "Type": "SearchableString"}
    assert json.loads(opsitem["OperationalData"]["/aws/resources"]["Value"]) == [{"arn": arn}]

    related = rig.ssm.list_ops_item_related_items(OpsItemId=item["OpsItemId"])["Summaries"]
    assert sorted((r["ResourceType"], r["AssociationType"], r["ResourceUri"]) for r in related) == [
        ("AWS::SSM::Document", "RelatesTo", analysis["Arn"]),
        ("AWS::SSMIncidents::IncidentRecord", "RelatesTo", arn),
    ]
    events = rig.ssm.list_ops_item_events(Filters=[{"Key": "OpsItemId", "Values": [item["OpsItemId"]], "Operator": "Equal"}])["Summaries"]
    assert [e["DetailType"] for e in events] == ["OpsItem Create"]

    # OpsCenter finds an incident's action items by its ARN.
    by_incident = rig.ssm.describe_ops_items(OpsItemFilters=[{"Key": "ResourceId", "Operator": "Contains", "Values": [incident_id(arn)]}])
    assert [s["OpsItemId"] for s in by_incident["OpsItemSummaries"]] == [item["OpsItemId"]]

    second = rig.hk.add_analysis_action_item(Name=analysis["Arn"], Title="Rehearse the failover", Description="Every quarter.")["ActionItem"]
    got = rig.hk.get_analysis(Name=analysis["Name"])["Analysis"]
    assert [a["OpsItemId"] for a in got["ActionItems"]] == [item["OpsItemId"], second["OpsItemId"]]
    assert got["ActionItems"][1]["Description"] == "Every quarter." and "QuestionId" not in got["ActionItems"][1]
    assert got["DocumentVersion"] == "3"
    assert sorted(rig.action_item_opsitems()) == sorted([item["OpsItemId"], second["OpsItemId"]])


def test_a_bad_action_item_names_the_member_and_creates_no_opsitem(raw_rig):
    rig = raw_rig
    arn = rig.resolved_incident(runbook=False, engage=False)
    name = rig.hk.create_analysis(IncidentRecordArn=arn)["Analysis"]["Name"]
    with aws_error("ValidationException", 400, mentions=("QuestionId", "why6")):
        rig.hk.add_analysis_action_item(Name=name, Title="x", QuestionId="why6")
    with aws_error("ValidationException", 400, mentions="Priority"):
        rig.hk.add_analysis_action_item(Name=name, Title="x", Priority=9)
    with aws_error("ValidationException", 400, mentions="Title"):
        rig.hk.add_analysis_action_item(Name=name, Title="   ")
    with aws_error("ValidationException", 400, mentions="Title"):
        rig.hk.add_analysis_action_item(Name=name, Title="t" * 1025)
    with aws_error("ResourceNotFoundException", 404):
        rig.hk.add_analysis_action_item(Name="No-Such-Analysis", Title="x")
    assert rig.action_item_opsitems() == []
    assert rig.hk.get_analysis(Name=name)["Analysis"]["DocumentVersion"] == "1"


# ---------------------------------------------------------------------------
# Read, list, export
# ---------------------------------------------------------------------------


def test_list_pages_by_name_filters_by_incident_and_skips_documents_that_are_no_analyses(rig):
    names = []
    incidents = []
    for number in range(3):
        arn = rig.resolved_incident(f"Incident {number}", runbook=False, engage=False)
        incidents.append(arn)
        names.append(rig.hk.create_analysis(IncidentRecordArn=arn, Name=f"pia-{number}")["Analysis"]["Name"])
    rig.ssm.create_document(Name="pia-handwritten", Content=json.dumps({"schemaVersion": "1.0", "notes": "x"}), DocumentType="ProblemAnalysis")
    rig.hk.answer_analysis_questions(Name="pia-1", Answers=[{"QuestionId": "why1", "Answer": "because"}])

    pages = []
    token = None
    while True:
        params = {"MaxResults": 1, **({"NextToken": token} if token else {})}
        response = rig.hk.list_analyses(**params)
        pages.append([a["Name"] for a in response["Analyses"]])
        token = response.get("NextToken")
        if not token:
            break
    assert [n for page in pages for n in page] == names
    everything = rig.hk.list_analyses()["Analyses"]
    summary = next(a for a in everything if a["Name"] == "pia-1")
    assert summary["IncidentRecordArn"] == incidents[1] and summary["IncidentTitle"] == "Incident 1" and summary["Language"] == "en"
    assert summary["QuestionCount"] == len(QUESTION_IDS) and summary["AnsweredCount"] == 1 and summary["ActionItemCount"] == 0
    assert summary["TemplateName"] == TEMPLATE and summary["Arn"].endswith(":document/pia-1")

    only = rig.hk.list_analyses(IncidentRecordArn=incidents[2])
    assert [a["Name"] for a in only["Analyses"]] == ["pia-2"] and "NextToken" not in only

    with aws_error("ValidationException", 400, mentions="Name"):
        rig.hk.get_analysis(Name="pia-handwritten")
    with aws_error("ResourceNotFoundException", 404):
        rig.hk.get_analysis(Name=TEMPLATE)
    with aws_error("ValidationException", 400, mentions="NextToken"):
        rig.hk.list_analyses(NextToken="bogus-token")


def test_other_accounts_see_nothing_and_change_nothing(rig, server):
    arn = rig.resolved_incident(runbook=False, engage=False)
    analysis = rig.hk.create_analysis(IncidentRecordArn=arn)["Analysis"]
    other = Rig(server)
    for reference in (analysis["Name"], analysis["Arn"]):
        with aws_error("ResourceNotFoundException", 404):
            other.hk.get_analysis(Name=reference)
        with aws_error("ResourceNotFoundException", 404):
            other.hk.answer_analysis_questions(Name=reference, Answers=[{"QuestionId": "summary", "Answer": "mine now"}])
        with aws_error("ResourceNotFoundException", 404):
            other.hk.add_analysis_action_item(Name=reference, Title="x")
        with aws_error("ResourceNotFoundException", 404):
            other.hk.export_analysis(Name=reference)
    assert other.hk.list_analyses()["Analyses"] == []
    with aws_error("ResourceNotFoundException", 404):
        other.hk.list_analyses(IncidentRecordArn=arn)
    assert rig.hk.get_analysis(Name=analysis["Name"])["Analysis"] == analysis
    assert other.action_item_opsitems() == [] and rig.action_item_opsitems() == []


def test_calls_are_authenticated(server):
    unsigned = server.raw(None, {}, target="Hikeshi_20261121.ListAnalyses", sign=False)
    assert_raw_error(unsigned, "MissingAuthenticationTokenException", 403)
    forged = server.raw(None, {}, target="Hikeshi_20261121.ListAnalyses", signing_service="hikeshi", secret_override="not-the-secret")
    assert forged.status == 403 and forged.error_code in ("InvalidSignatureException", "UnrecognizedClientException")
    signed = server.raw(None, {}, target="Hikeshi_20261121.ListAnalyses", signing_service="hikeshi")
    assert signed.status == 200 and "Analyses" in signed.json


EXPORTS = [
    ("", "en", ["# Post-incident analysis: Checkout is down", "## Timeline", "## Engagements", "## Runbooks", "## Related items",
                "## Prevention (five whys)", "## Action items", "## Tracked action items", "- **Impact:** 2 (High)", "_Not answered yet._"]),
    ("-ja", "ja", ["# インシデント後の分析: Checkout is down", "## タイムライン", "## エンゲージメント", "## ランブック", "## 関連項目",
                   "## 再発防止 (なぜなぜ 5 回)", "## アクション項目", "## 追跡中のアクション項目", "- **影響度:** 2 (高)", "_まだ回答がありません。_"]),
    ("-ko", "ko", ["# 인시던트 후 분석: Checkout is down", "## 타임라인", "## 참여 요청", "## 런북", "## 관련 항목", "## 조치 항목", "## 추적 중인 조치 항목",
                   "- **영향도:** 2 (높음)", "_아직 답변이 없습니다._"]),
    ("-zh", "zh", ["# 事件后分析: Checkout is down", "## 时间线", "## 联系人通知", "## 运行手册", "## 相关项目", "## 行动项", "## 跟踪中的行动项",
                   "- **影响:** 2 (高)", "_尚未回答。_"]),
]


@pytest.mark.parametrize("suffix, language, lines", EXPORTS)
def test_the_markdown_export_is_in_the_template_language(rig, suffix, language, lines):
    arn = rig.resolved_incident("Checkout is down")
    name = rig.hk.create_analysis(IncidentRecordArn=arn, TemplateName=TEMPLATE + suffix)["Analysis"]["Name"]
    rig.hk.answer_analysis_questions(Name=name, Answers=[{"QuestionId": "why1", "Answer": "The primary's disk filled up."}])
    item = rig.hk.add_analysis_action_item(Name=name, Title="Alert on disk usage", Priority=1)["ActionItem"]
    exported = rig.hk.export_analysis(Name=name)
    assert exported["Name"] == name and exported["Format"] == "Markdown" and exported["Language"] == language
    markdown = exported["Content"]
    written = set(markdown.splitlines())
    for line in lines:
        assert line in written, f"{line!r} missing from:\n{markdown}"
    assert f"`{arn}`" in markdown and "Checkout-Failover" in markdown and "failed over to the replica" in markdown
    assert "The primary's disk filled up." in markdown and f"**Alert on disk usage** (`{item['OpsItemId']}`" in markdown


# ---------------------------------------------------------------------------
# The aws CLI
# ---------------------------------------------------------------------------


def test_the_aws_cli_creates_answers_and_exports_an_analysis(rig, server):
    arn = rig.resolved_incident("Search is slow", runbook=False, engage=False)
    created = server.aws("hikeshi", "create-analysis", "--incident-record-arn", arn, "--template-name", TEMPLATE + "-ja", account=rig.account)
    name = created["Analysis"]["Name"]
    assert created["Analysis"]["Language"] == "ja"
    answered = server.aws(
        "hikeshi", "answer-analysis-questions", "--name", name, "--answers", "QuestionId=summary,Answer=Index rebuild blocked queries",
        account=rig.account,
    )
    assert answered["Analysis"]["DocumentVersion"] == "2"
    item = server.aws("hikeshi", "add-analysis-action-item", "--name", name, "--title", "Rebuild indexes online", "--priority", "3", account=rig.account)
    assert item["ActionItem"]["Priority"] == 3
    listed = server.aws("hikeshi", "list-analyses", account=rig.account)
    assert [a["Name"] for a in listed["Analyses"]] == [name]
    exported = server.aws("hikeshi", "export-analysis", "--name", name, account=rig.account)
    assert exported["Content"].startswith("# インシデント後の分析: Search is slow\n") and "Index rebuild blocked queries" in exported["Content"]
    failed = server.aws("hikeshi", "get-analysis", "--name", "No-Such-Analysis", account=rig.account, check=False)
    assert failed.returncode != 0 and "ResourceNotFoundException" in failed.stderr
    document = server.aws("ssm", "list-documents", "--filters", "Key=DocumentType,Values=ProblemAnalysis", account=rig.account)
    assert [d["Name"] for d in document["DocumentIdentifiers"]] == [name]
