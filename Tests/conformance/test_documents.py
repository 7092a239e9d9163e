"""SSM documents (runbooks, post-incident analyses and their templates) through boto3's `ssm` client and the aws CLI:
create from JSON and YAML, read back in either format, the parameters DescribeDocument reads from the content, the
content rules, listing with filters, deletion, and account isolation."""

import json
import uuid
from typing import Any

import botocore.exceptions
import pytest
import yaml

RUNBOOK = {
    "schemaVersion": "0.3",
    "description": "Restart the web tier",
    "parameters": {
        "IncidentArn": {"type": "String", "description": "The incident"},
        "Hosts": {"type": "StringList", "default": ["web-1"]},
        "Retries": {"type": "Integer", "default": 3},
    },
    "mainSteps": [
        {"name": "Triage", "action": "aws:pause", "nextStep": "Decide"},
        {
            "name": "Decide",
            "action": "aws:branch",
            "inputs": {"Choices": [{"NextStep": "Wait", "Variable": "{{ Retries }}", "NumericGreater": 0}], "Default": "Done"},
        },
        {"name": "Wait", "action": "aws:sleep", "inputs": {"Duration": "PT1M"}, "onFailure": "step:Done"},
        {"name": "Done", "action": "aws:pause", "isEnd": True},
    ],
}


def name() -> str:
    return "Runbook-" + uuid.uuid4().hex[:10]


@pytest.fixture
def ssm_docs(server: Any) -> Any:
    return server.client("ssm")


def error_code(call) -> str:
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        call()
    return caught.value.response["Error"]["Code"]


def test_create_describe_and_get_a_json_runbook(ssm_docs):
    doc = name()
    created = ssm_docs.create_document(
        Name=doc, Content=json.dumps(RUNBOOK), DocumentType="Automation", DisplayName="Web restart", Tags=[{"Key": "team", "Value": "web"}]
    )["DocumentDescription"]
    assert created["Name"] == doc and created["DocumentVersion"] == "1" and created["Status"] == "Active"
    assert created["DocumentType"] == "Automation" and created["SchemaVersion"] == "0.3" and created["DocumentFormat"] == "JSON"
    assert created["LatestVersion"] == "1" and created["DefaultVersion"] == "1" and created["HashType"] == "Sha256" and len(created["Hash"]) == 64
    assert created["Description"] == "Restart the web tier"
    params = {p["Name"]: p for p in created["Parameters"]}
    assert params["IncidentArn"]["Type"] == "String" and params["IncidentArn"]["Description"] == "The incident"
    assert params["Hosts"]["Type"] == "StringList" and params["Hosts"]["DefaultValue"] == "[\"web-1\"]"
    assert params["Retries"]["DefaultValue"] == "3"
    assert created["Tags"] == [{"Key": "team", "Value": "web"}]

    described = ssm_docs.describe_document(Name=doc)["Document"]
    assert described["DisplayName"] == "Web restart" and described["Hash"] == created["Hash"]

    got = ssm_docs.get_document(Name=doc)
    assert json.loads(got["Content"]) == RUNBOOK and got["DocumentFormat"] == "JSON" and got["DocumentVersion"] == "1"
    as_yaml = ssm_docs.get_document(Name=doc, DocumentFormat="YAML")
    assert as_yaml["DocumentFormat"] == "YAML" and yaml.safe_load(as_yaml["Content"]) == RUNBOOK
    assert ssm_docs.get_document(Name=doc, DocumentVersion="$LATEST")["DocumentVersion"] == "1"


def test_a_yaml_runbook_reads_back_as_json(ssm_docs):
    doc = name()
    ssm_docs.create_document(Name=doc, Content=yaml.safe_dump(RUNBOOK), DocumentType="Automation", DocumentFormat="YAML")
    got = ssm_docs.get_document(Name=doc, DocumentFormat="JSON")
    assert json.loads(got["Content"]) == RUNBOOK
    assert ssm_docs.get_document(Name=doc)["DocumentFormat"] == "YAML"


@pytest.mark.parametrize(
    "change, code, words",
    [
        (lambda d: d.update(schemaVersion="2.2"), "InvalidDocumentSchemaVersion", "0.3"),
        (lambda d: d["mainSteps"].append({"name": "Triage", "action": "aws:pause"}), "InvalidDocumentContent", "Triage"),
        (lambda d: d["mainSteps"].append({"name": "Run", "action": "aws:runCommand"}), "InvalidDocumentContent", "aws:runCommand"),
        (lambda d: d["mainSteps"][0].update(nextStep="Nowhere"), "InvalidDocumentContent", "Nowhere"),
        (lambda d: d["mainSteps"][2].update(onFailure="step:Gone"), "InvalidDocumentContent", "step:Gone"),
        (lambda d: d["mainSteps"][1]["inputs"].update(Default="Elsewhere"), "InvalidDocumentContent", "Elsewhere"),
        (lambda d: d["parameters"].update(Bad={"type": "Float"}), "InvalidDocumentContent", "Bad"),
        (lambda d: d.pop("mainSteps"), "InvalidDocumentContent", "mainSteps"),
    ],
)
def test_content_rules_name_what_is_wrong_and_create_nothing(ssm_docs, change, code, words):
    doc = name()
    content = json.loads(json.dumps(RUNBOOK))
    change(content)
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        ssm_docs.create_document(Name=doc, Content=json.dumps(content), DocumentType="Automation")
    assert caught.value.response["Error"]["Code"] == code
    assert words in caught.value.response["Error"]["Message"]
    assert error_code(lambda: ssm_docs.describe_document(Name=doc)) == "InvalidDocument"


def test_bad_input_gets_the_models_errors(ssm_docs):
    assert error_code(lambda: ssm_docs.create_document(Name=name(), Content="{not json", DocumentType="Automation")) == "InvalidDocumentContent"
    assert error_code(lambda: ssm_docs.create_document(Name=name(), Content="a: [b", DocumentType="Automation", DocumentFormat="YAML")) == (
        "InvalidDocumentContent"
    )
    assert error_code(lambda: ssm_docs.create_document(Name=name(), Content=json.dumps(RUNBOOK))) == "InvalidDocumentContent"  # Command
    assert error_code(lambda: ssm_docs.create_document(Name="AWS-Mine", Content=json.dumps(RUNBOOK), DocumentType="Automation")) == (
        "ValidationException"
    )
    big = dict(RUNBOOK, description="x" * 70_000)
    assert error_code(lambda: ssm_docs.create_document(Name=name(), Content=json.dumps(big), DocumentType="Automation")) == (
        "MaxDocumentSizeExceeded"
    )
    doc = name()
    ssm_docs.create_document(Name=doc, Content=json.dumps(RUNBOOK), DocumentType="Automation")
    assert error_code(lambda: ssm_docs.create_document(Name=doc, Content=json.dumps(RUNBOOK), DocumentType="Automation")) == (
        "DocumentAlreadyExists"
    )
    assert error_code(lambda: ssm_docs.get_document(Name=doc, DocumentVersion="7")) == "InvalidDocumentVersion"
    assert error_code(lambda: ssm_docs.get_document(Name=name())) == "InvalidDocument"


def test_analysis_templates_are_documents_too(ssm_docs):
    doc = name()
    template = {"schemaVersion": "1.0", "description": "Post-incident analysis", "questions": ["What happened?"]}
    created = ssm_docs.create_document(Name=doc, Content=json.dumps(template), DocumentType="ProblemAnalysisTemplate")
    assert created["DocumentDescription"]["DocumentType"] == "ProblemAnalysisTemplate"
    listed = ssm_docs.list_documents(Filters=[{"Key": "DocumentType", "Values": ["ProblemAnalysisTemplate"]}, {"Key": "Name", "Values": [doc]}])
    assert [d["Name"] for d in listed["DocumentIdentifiers"]] == [doc]


def test_list_filters_page_and_stay_in_the_account(server, ssm_docs, second_account):
    prefix = "List" + uuid.uuid4().hex[:6]
    names = sorted(f"{prefix}-{i}" for i in range(5))
    for each in names:
        ssm_docs.create_document(Name=each, Content=json.dumps(RUNBOOK), DocumentType="Automation")
    seen, token = [], None
    while True:
        page = ssm_docs.list_documents(Filters=[{"Key": "Name", "Values": [prefix]}, {"Key": "Owner", "Values": ["Self"]}], MaxResults=2,
                                       **({"NextToken": token} if token else {}))
        seen += [d["Name"] for d in page["DocumentIdentifiers"]]
        assert len(page["DocumentIdentifiers"]) <= 2
        token = page.get("NextToken")
        if not token:
            break
    assert seen == names
    assert ssm_docs.list_documents(Filters=[{"Key": "Name", "Values": [prefix]}, {"Key": "Owner", "Values": ["Amazon"]}])["DocumentIdentifiers"] == []
    assert error_code(lambda: ssm_docs.list_documents(Filters=[{"Key": "Flavour", "Values": ["x"]}])) == "InvalidFilterKey"
    other = server.client("ssm", account=second_account)
    assert other.list_documents(Filters=[{"Key": "Name", "Values": [prefix]}])["DocumentIdentifiers"] == []
    assert error_code(lambda: other.get_document(Name=names[0])) == "InvalidDocument"


def test_delete_a_document(ssm_docs):
    doc = name()
    ssm_docs.create_document(Name=doc, Content=json.dumps(RUNBOOK), DocumentType="Automation")
    assert error_code(lambda: ssm_docs.delete_document(Name=doc, DocumentVersion="1")) == "InvalidDocumentOperation"  # the default
    ssm_docs.delete_document(Name=doc)
    assert error_code(lambda: ssm_docs.get_document(Name=doc)) == "InvalidDocument"
    assert error_code(lambda: ssm_docs.delete_document(Name=doc)) == "InvalidDocument"


def test_the_aws_cli_reads_a_document(server, ssm_docs, tmp_path):
    doc = name()
    path = tmp_path / "runbook.yaml"
    path.write_text(yaml.safe_dump(RUNBOOK))
    out = server.aws("ssm", "create-document", "--name", doc, "--document-type", "Automation", "--document-format", "YAML",
                     "--content", f"file://{path}")
    assert out["DocumentDescription"]["Name"] == doc
    listed = server.aws("ssm", "list-documents", "--filters", f"Key=Name,Values={doc}")
    assert [d["Name"] for d in listed["DocumentIdentifiers"]] == [doc]


def test_versions_update_default_and_list(ssm_docs):
    doc = name()
    ssm_docs.create_document(Name=doc, Content=json.dumps(RUNBOOK), DocumentType="Automation", VersionName="first")
    second = dict(RUNBOOK, description="Second take")
    updated = ssm_docs.update_document(Name=doc, Content=json.dumps(second), DocumentVersion="$LATEST", VersionName="second")["DocumentDescription"]
    assert updated["DocumentVersion"] == "2" and updated["LatestVersion"] == "2" and updated["DefaultVersion"] == "1"
    assert updated["Description"] == "Second take" and updated["VersionName"] == "second"
    # The default is still version 1 until it is moved.
    assert json.loads(ssm_docs.get_document(Name=doc)["Content"]) == RUNBOOK
    assert ssm_docs.get_document(Name=doc, VersionName="second")["DocumentVersion"] == "2"
    # Only the latest version may be updated; the same content, or a used version name, is refused; nothing changes.
    assert error_code(lambda: ssm_docs.update_document(Name=doc, Content=json.dumps(RUNBOOK), DocumentVersion="1")) == "InvalidDocumentVersion"
    assert error_code(lambda: ssm_docs.update_document(Name=doc, Content=json.dumps(second))) == "DuplicateDocumentContent"
    third = dict(RUNBOOK, description="Third")
    assert error_code(lambda: ssm_docs.update_document(Name=doc, Content=json.dumps(third), VersionName="first")) == "DuplicateDocumentVersionName"
    bad = dict(RUNBOOK, schemaVersion="9.9")
    assert error_code(lambda: ssm_docs.update_document(Name=doc, Content=json.dumps(bad))) == "InvalidDocumentSchemaVersion"
    assert ssm_docs.describe_document(Name=doc)["Document"]["LatestVersion"] == "2"

    moved = ssm_docs.update_document_default_version(Name=doc, DocumentVersion="2")["Description"]
    assert moved == {"Name": doc, "DefaultVersion": "2", "DefaultVersionName": "second"}
    assert json.loads(ssm_docs.get_document(Name=doc)["Content"]) == second
    assert error_code(lambda: ssm_docs.update_document_default_version(Name=doc, DocumentVersion="5")) == "InvalidDocumentVersion"

    versions = ssm_docs.list_document_versions(Name=doc)["DocumentVersions"]
    assert [(v["DocumentVersion"], v["VersionName"], v["IsDefaultVersion"]) for v in versions] == [("1", "first", False), ("2", "second", True)]
    first_page = ssm_docs.list_document_versions(Name=doc, MaxResults=1)
    assert [v["DocumentVersion"] for v in first_page["DocumentVersions"]] == ["1"]
    rest = ssm_docs.list_document_versions(Name=doc, MaxResults=1, NextToken=first_page["NextToken"])
    assert [v["DocumentVersion"] for v in rest["DocumentVersions"]] == ["2"] and "NextToken" not in rest
    # A version that is neither the default nor the latest can go; the document keeps the rest.
    ssm_docs.update_document(Name=doc, Content=json.dumps(third))
    assert error_code(lambda: ssm_docs.delete_document(Name=doc, DocumentVersion="3")) == "InvalidDocumentOperation"  # the latest
    ssm_docs.delete_document(Name=doc, DocumentVersion="1")
    assert [v["DocumentVersion"] for v in ssm_docs.list_document_versions(Name=doc)["DocumentVersions"]] == ["2", "3"]
    assert error_code(lambda: ssm_docs.list_document_versions(Name=name())) == "InvalidDocument"


LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "\n".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)
)


@pytest.mark.parametrize(
    "content, document_format, words",
    [
        ("[" * 30000 + "]" * 30000, "JSON", "deeper"),
        ("[" * 30000 + "]" * 30000, "YAML", "YAML"),
        (LAUGHS, "YAML", "aliases"),  # a billion laughs: aliases standing for 9^9 values
        (LAUGHS + "\n? *i\n: 1\n", "YAML", "aliases"),  # the same as a mapping key, which composing would hash whole
        ("a: &x 1\nb: *x\n", "YAML", "aliases"),
        ("schemaVersion: '0.3'\n? [a, b]\n: c\nmainSteps: [{name: A, action: 'aws:pause'}]", "YAML", "key"),
        ('{"schemaVersion":"0.3","parameters":{"P":{"type":"Integer","default":1e999}}}', "JSON", "JSON"),
    ],
)
def test_hostile_content_is_refused_quickly_and_the_server_lives(server, ssm_docs, content, document_format, words):
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        ssm_docs.create_document(Name=name(), Content=content, DocumentType="Automation", DocumentFormat=document_format)
    assert caught.value.response["Error"]["Code"] == "InvalidDocumentContent"
    assert words in caught.value.response["Error"]["Message"]
    assert ssm_docs.list_documents(MaxResults=1) is not None


def test_yaml_special_numbers_convert_to_json(ssm_docs):
    doc = name()
    content = "schemaVersion: '0.3'\nparameters:\n  Limit: {type: String, default: .inf}\nmainSteps: [{name: A, action: 'aws:pause', x: .nan}]\n"
    ssm_docs.create_document(Name=doc, Content=content, DocumentType="Automation", DocumentFormat="YAML")
    converted = json.loads(ssm_docs.get_document(Name=doc, DocumentFormat="JSON")["Content"])
    assert converted["parameters"]["Limit"]["default"] == "Infinity" and converted["mainSteps"][0]["x"] == "NaN"


def test_markdown_in_yaml_is_not_taken_for_aliases(ssm_docs):
    doc = name()
    content = (
        "schemaVersion: '0.3'\n"
        "description: |\n"
        "  *Triage* the outage:\n"
        "  * check &status\n"
        "parameters:\n"
        "  Note: {type: String, default: 'use *care* & speed'}\n"
        "mainSteps:\n"
        "  - name: A\n"
        "    action: aws:pause\n"
        "    description: Use *care* here  # a comment *too*\n"
    )
    created = ssm_docs.create_document(Name=doc, Content=content, DocumentType="Automation", DocumentFormat="YAML")
    assert created["DocumentDescription"]["Description"].startswith("*Triage* the outage:")


def test_documents_are_regional(server, ssm_docs):
    doc = name()
    ssm_docs.create_document(Name=doc, Content=json.dumps(RUNBOOK), DocumentType="Automation", Tags=[{"Key": "k", "Value": "v"}])
    tokyo = server.client("ssm", region="ap-northeast-1")
    assert error_code(lambda: tokyo.get_document(Name=doc)) == "InvalidDocument"
    assert tokyo.list_documents(Filters=[{"Key": "Name", "Values": [doc]}])["DocumentIdentifiers"] == []
    # The same name in another region is another document.
    created = tokyo.create_document(Name=doc, Content=json.dumps(RUNBOOK), DocumentType="Automation")["DocumentDescription"]
    assert created["Tags"] == []
    tokyo.delete_document(Name=doc)
    assert ssm_docs.describe_document(Name=doc)["Document"]["Tags"] == [{"Key": "k", "Value": "v"}]


def test_a_forged_next_token_is_invalid_next_token(ssm_docs):
    assert error_code(lambda: ssm_docs.list_documents(NextToken="forged")) == "InvalidNextToken"
    doc = name()
    ssm_docs.create_document(Name=doc, Content=json.dumps(RUNBOOK), DocumentType="Automation")
    assert error_code(lambda: ssm_docs.list_document_versions(Name=doc, NextToken="forged")) == "InvalidNextToken"


def test_several_name_prefixes_page_together(ssm_docs):
    base = "Multi" + uuid.uuid4().hex[:6]
    names = sorted([f"{base}A-{i}" for i in range(3)] + [f"{base}B-{i}" for i in range(3)])
    for each in names:
        ssm_docs.create_document(Name=each, Content=json.dumps(RUNBOOK), DocumentType="Automation")
    seen, token = [], None
    while True:
        page = ssm_docs.list_documents(
            Filters=[{"Key": "Name", "Values": [f"{base}A", f"{base}B"]}], MaxResults=2, **({"NextToken": token} if token else {})
        )
        seen += [d["Name"] for d in page["DocumentIdentifiers"]]
        token = page.get("NextToken")
        if not token:
            break
    assert seen == names
