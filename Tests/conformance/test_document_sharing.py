"""SSM documents beyond one account: sharing (DescribeDocumentPermission / ModifyDocumentPermission) and reading a
shared document by ARN, tags on documents, ListDocuments owners and filters, the built-in documents, and how
DescribeDocument writes parameter defaults."""

import json
import uuid
from typing import Any

import botocore.exceptions
import pytest
import yaml

from test_documents import RUNBOOK, error_code, name

BUILT_INS = [
    "AWSIncidents-CriticalIncidentRunbookTemplate",
    "AWSIncidents-CriticalIncidentRunbookTemplate-ja",
    "AWSIncidents-CriticalIncidentRunbookTemplate-ko",
    "AWSIncidents-CriticalIncidentRunbookTemplate-zh",
    "AWSIncidents-PostIncidentAnalysisTemplate",
    "AWSIncidents-PostIncidentAnalysisTemplate-ja",
    "AWSIncidents-PostIncidentAnalysisTemplate-ko",
    "AWSIncidents-PostIncidentAnalysisTemplate-zh",
    "Hikeshi-ExtractInstanceIdFromArn",
]


@pytest.fixture
def owner(server: Any) -> Any:
    return server.client("ssm")


@pytest.fixture
def reader_account(server: Any) -> Any:
    return server.create_account("reader")


@pytest.fixture
def reader(server: Any, reader_account: Any) -> Any:
    return server.client("ssm", account=reader_account)


def arn_of(server: Any, doc: str, region: str = "us-east-1") -> str:
    return f"arn:aws:ssm:{region}:{server.creds.account_id}:document/{doc}"


def make(client: Any, **extra: Any) -> str:
    doc = name()
    client.create_document(Name=doc, Content=json.dumps(RUNBOOK), DocumentType="Automation", **extra)
    return doc


def test_share_read_by_arn_list_as_private_and_unshare(server, owner, reader, reader_account):
    doc = make(owner)
    arn = arn_of(server, doc)
    initial = owner.describe_document_permission(Name=doc, PermissionType="Share")
    assert initial["AccountIds"] == [] and initial["AccountSharingInfoList"] == []
    assert error_code(lambda: reader.get_document(Name=arn)) == "InvalidDocument"

    owner.modify_document_permission(Name=doc, PermissionType="Share", AccountIdsToAdd=[reader_account.account_id])
    shared = owner.describe_document_permission(Name=doc, PermissionType="Share")
    assert shared["AccountIds"] == [reader_account.account_id]
    assert shared["AccountSharingInfoList"] == [{"AccountId": reader_account.account_id, "SharedDocumentVersion": "$DEFAULT"}]

    got = reader.get_document(Name=arn)
    assert json.loads(got["Content"]) == RUNBOOK and got["DocumentVersion"] == "1"
    described = reader.describe_document(Name=arn)["Document"]
    assert described["Owner"] == server.creds.account_id and described["Name"] == doc
    assert [v["DocumentVersion"] for v in reader.list_document_versions(Name=arn)["DocumentVersions"]] == ["1"]
    private = reader.list_documents(Filters=[{"Key": "Owner", "Values": ["Private"]}, {"Key": "Name", "Values": [doc]}])
    assert [(d["Name"], d["Owner"]) for d in private["DocumentIdentifiers"]] == [(doc, server.creds.account_id)]
    assert reader.list_documents(Filters=[{"Key": "Owner", "Values": ["Self"]}, {"Key": "Name", "Values": [doc]}])["DocumentIdentifiers"] == []
    # By name the reader means its own documents: it has none of that name.
    assert error_code(lambda: reader.get_document(Name=doc)) == "InvalidDocument"
    # Readers cannot change it; the owner cannot delete it while it is shared.
    assert error_code(lambda: reader.delete_document(Name=doc)) == "InvalidDocument"
    assert error_code(lambda: reader.update_document(Name=doc, Content=json.dumps(dict(RUNBOOK, description="x")))) == "InvalidDocument"
    assert error_code(lambda: reader.add_tags_to_resource(ResourceType="Document", ResourceId=arn, Tags=[{"Key": "k", "Value": "v"}])) == (
        "InvalidResourceId"
    )
    assert error_code(lambda: owner.delete_document(Name=doc)) == "InvalidDocumentOperation"

    # $DEFAULT: a newer version stays private until it becomes the default.
    owner.update_document(Name=doc, Content=json.dumps(dict(RUNBOOK, description="v2")), DocumentVersion="$LATEST")
    assert error_code(lambda: reader.get_document(Name=arn, DocumentVersion="2")) == "InvalidDocumentVersion"
    owner.modify_document_permission(
        Name=doc, PermissionType="Share", AccountIdsToAdd=[reader_account.account_id], SharedDocumentVersion="$LATEST"
    )
    assert reader.get_document(Name=arn)["DocumentVersion"] == "2"

    owner.modify_document_permission(Name=doc, PermissionType="Share", AccountIdsToRemove=[reader_account.account_id])
    assert error_code(lambda: reader.get_document(Name=arn)) == "InvalidDocument"
    owner.delete_document(Name=doc)


def test_public_documents_and_permission_errors(server, owner, reader):
    doc = make(owner)
    owner.modify_document_permission(Name=doc, PermissionType="Share", AccountIdsToAdd=["All"])
    assert owner.describe_document_permission(Name=doc, PermissionType="Share")["AccountIds"] == ["all"]
    assert reader.get_document(Name=arn_of(server, doc))["Name"] == doc
    public = reader.list_documents(Filters=[{"Key": "Owner", "Values": ["Public"]}, {"Key": "Name", "Values": [doc]}])
    assert [d["Name"] for d in public["DocumentIdentifiers"]] == [doc]
    assert reader.list_documents(Filters=[{"Key": "Owner", "Values": ["Private"]}, {"Key": "Name", "Values": [doc]}])["DocumentIdentifiers"] == []

    def modify(**kw):
        return lambda: owner.modify_document_permission(Name=doc, PermissionType="Share", **kw)

    assert error_code(modify(AccountIdsToAdd=["all", "123412341234"])) == "DocumentPermissionLimit"
    assert error_code(modify(AccountIdsToRemove=["all", "123412341234"])) == "DocumentPermissionLimit"
    assert error_code(modify(AccountIdsToAdd=["1234"])) == "ValidationException"
    assert error_code(modify(AccountIdsToAdd=[f"{i:012d}" for i in range(21)])) == "ValidationException"
    assert error_code(modify(AccountIdsToAdd=[], SharedDocumentVersion="7")) == "ValidationException"
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        owner.modify_document_permission(Name=doc, PermissionType="Wrong", AccountIdsToAdd=[])
    assert caught.value.response["Error"]["Code"] == "InvalidPermissionType"
    assert "Member must satisfy enum value set: [Share]" in caught.value.response["Error"]["Message"]
    assert error_code(lambda: owner.describe_document_permission(Name=name(), PermissionType="Share")) == "InvalidDocument"
    # Nothing changed by the refusals.
    assert owner.describe_document_permission(Name=doc, PermissionType="Share")["AccountIds"] == ["all"]
    owner.modify_document_permission(Name=doc, PermissionType="Share", AccountIdsToRemove=["all"])
    owner.delete_document(Name=doc)


def test_tags_on_documents(server, owner):
    doc = make(owner, Tags=[{"Key": "team", "Value": "web"}])
    tags = lambda: owner.list_tags_for_resource(ResourceType="Document", ResourceId=doc)["TagList"]  # noqa: E731
    assert tags() == [{"Key": "team", "Value": "web"}]
    owner.add_tags_to_resource(ResourceType="Document", ResourceId=doc, Tags=[{"Key": "team", "Value": "db"}, {"Key": "tier", "Value": "1"}])
    assert tags() == [{"Key": "team", "Value": "db"}, {"Key": "tier", "Value": "1"}]
    assert owner.describe_document(Name=doc)["Document"]["Tags"] == tags()
    listed = owner.list_documents(Filters=[{"Key": "tag:team", "Values": ["db", "other"]}, {"Key": "Name", "Values": [doc]}])
    assert [(d["Name"], d["Tags"]) for d in listed["DocumentIdentifiers"]] == [(doc, tags())]
    assert owner.list_documents(Filters=[{"Key": "tag:team", "Values": ["web"]}, {"Key": "Name", "Values": [doc]}])["DocumentIdentifiers"] == []
    assert error_code(lambda: owner.list_documents(Filters=[{"Key": "tag:a", "Values": ["1"]}, {"Key": "tag:b", "Values": ["2"]}])) == (
        "InvalidFilterKey"
    )
    owner.remove_tags_from_resource(ResourceType="Document", ResourceId=doc, TagKeys=["tier", "absent"])
    assert tags() == [{"Key": "team", "Value": "db"}]
    # Fifty tags at most; a refused call changes nothing.
    many = [{"Key": f"k{i}", "Value": "v"} for i in range(50)]
    assert error_code(lambda: owner.add_tags_to_resource(ResourceType="Document", ResourceId=doc, Tags=many)) == "TooManyTagsError"
    assert tags() == [{"Key": "team", "Value": "db"}]
    assert error_code(lambda: owner.add_tags_to_resource(ResourceType="Document", ResourceId=doc, Tags=[{"Key": "bad#key", "Value": "v"}])) == (
        "ValidationException"
    )
    # Errors by resource type.
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        owner.list_tags_for_resource(ResourceType="foo", ResourceId=doc)
    assert caught.value.response["Error"]["Code"] == "InvalidResourceType"
    for kind in ["Parameter", "ManagedInstance", "MaintenanceWindow", "PatchBaseline", "OpsMetadata", "Association", "OpsItem", "Automation"]:
        assert error_code(lambda: owner.add_tags_to_resource(ResourceType=kind, ResourceId="x-1", Tags=[{"Key": "k", "Value": "v"}])) == (
            "InvalidResourceId"
        ), kind
    assert error_code(lambda: owner.list_tags_for_resource(ResourceType="Document", ResourceId=name())) == "InvalidResourceId"
    # Deleting the document takes its tags.
    owner.delete_document(Name=doc)
    assert error_code(lambda: owner.list_tags_for_resource(ResourceType="Document", ResourceId=doc)) == "InvalidResourceId"
    make_again = owner.create_document(Name=doc, Content=json.dumps(RUNBOOK), DocumentType="Automation")["DocumentDescription"]
    assert make_again["Tags"] == []
    owner.delete_document(Name=doc)


def test_list_filters_and_per_version_fields(server, owner):
    base = "Filt" + uuid.uuid4().hex[:6]
    first = f"{base}-a"
    owner.create_document(
        Name=first, Content=yaml.safe_dump(RUNBOOK), DocumentType="Automation", DocumentFormat="YAML", TargetType="/AWS::EC2::Instance",
        VersionName="one", DisplayName="First",
    )
    owner.create_document(Name=f"{base}-b", Content=json.dumps({"schemaVersion": "1.0"}), DocumentType="ProblemAnalysisTemplate")

    def names(*filters):
        return [d["Name"] for d in owner.list_documents(Filters=[{"Key": "Name", "Values": [base]}, *filters])["DocumentIdentifiers"]]

    listed = owner.list_documents(Filters=[{"Key": "Name", "Values": [first]}])["DocumentIdentifiers"][0]
    assert listed["SchemaVersion"] == "0.3" and listed["DocumentFormat"] == "YAML" and listed["VersionName"] == "one"
    assert listed["DisplayName"] == "First" and listed["Owner"] == server.creds.account_id and listed["TargetType"] == "/AWS::EC2::Instance"
    assert set(listed["PlatformTypes"]) == {"Windows", "Linux", "MacOS"}
    assert names({"Key": "TargetType", "Values": ["/AWS::EC2::Instance"]}) == [first]
    assert names({"Key": "PlatformTypes", "Values": ["Linux"]}) == [first]
    assert names({"Key": "PlatformTypes", "Values": ["Solaris"]}) == []
    assert names({"Key": "DocumentType", "Values": ["ProblemAnalysisTemplate", "Command"]}) == [f"{base}-b"]
    assert names({"Key": "Owner", "Values": ["ThirdParty"]}) == []
    assert error_code(lambda: owner.list_documents(Filters=[{"Key": "Owner", "Values": ["Self", "Amazon"]}])) == "ValidationException"
    old = owner.list_documents(DocumentFilterList=[{"key": "Name", "value": first}, {"key": "Owner", "value": "Self"}])
    assert [d["Name"] for d in old["DocumentIdentifiers"]] == [first]


def test_built_in_documents_are_listed_read_and_never_changed(server, owner, reader):
    amazon = owner.list_documents(Filters=[{"Key": "Owner", "Values": ["Amazon"]}])["DocumentIdentifiers"]
    assert [d["Name"] for d in amazon] == BUILT_INS and {d["Owner"] for d in amazon} == {"Amazon"}
    assert owner.list_documents(Filters=[{"Key": "Owner", "Values": ["Self"]}, {"Key": "Name", "Values": ["AWSIncidents-"]}])["DocumentIdentifiers"] == []
    # Unfiltered lists show them too, first, and page through them.
    seen, token = [], None
    while True:
        page = owner.list_documents(MaxResults=4, **({"NextToken": token} if token else {}))
        seen += [d["Name"] for d in page["DocumentIdentifiers"]]
        token = page.get("NextToken")
        if not token:
            break
    assert seen[: len(BUILT_INS)] == BUILT_INS and len(seen) == len(set(seen))

    template = reader.get_document(Name="AWSIncidents-CriticalIncidentRunbookTemplate-ja")
    content = json.loads(template["Content"])
    assert [s["name"] for s in content["mainSteps"]] == ["Triage", "Diagnosis", "Mitigation", "Recovery"]
    assert {s["action"] for s in content["mainSteps"]} == {"aws:pause"} and "トリアージ" in content["mainSteps"][0]["description"]
    analysis = reader.describe_document(Name="AWSIncidents-PostIncidentAnalysisTemplate")["Document"]
    assert analysis["DocumentType"] == "ProblemAnalysisTemplate" and analysis["Owner"] == "Amazon"
    helper = reader.get_document(Name="arn:aws:ssm:us-east-1::document/Hikeshi-ExtractInstanceIdFromArn", DocumentFormat="YAML")
    steps = yaml.safe_load(helper["Content"])["mainSteps"]
    assert steps[0]["action"] == "aws:executeScript" and steps[0]["inputs"]["Runtime"] == "python3.11"
    assert reader.list_tags_for_resource(ResourceType="Document", ResourceId="Hikeshi-ExtractInstanceIdFromArn")["TagList"] == []

    for doc in BUILT_INS:
        assert error_code(lambda: owner.delete_document(Name=doc)) == "InvalidDocumentOperation"
        assert error_code(lambda: owner.update_document(Name=doc, Content=json.dumps(RUNBOOK))) == "InvalidDocumentOperation"
        assert error_code(lambda: owner.modify_document_permission(Name=doc, PermissionType="Share", AccountIdsToAdd=["all"])) == (
            "InvalidDocumentOperation"
        )
        assert error_code(lambda: owner.add_tags_to_resource(ResourceType="Document", ResourceId=doc, Tags=[{"Key": "k", "Value": "v"}])) == (
            "InvalidResourceId"
        )
        assert error_code(lambda: owner.create_document(Name=doc, Content=json.dumps(RUNBOOK), DocumentType="Automation")) == "ValidationException"
        # Each passes the same content rules as an account's document: a copy of it can be created.
        got = owner.get_document(Name=doc)
        kind = owner.describe_document(Name=doc)["Document"]["DocumentType"]
        copy = "Copy-" + uuid.uuid4().hex[:8]
        owner.create_document(Name=copy, Content=got["Content"], DocumentType=kind, DocumentFormat=got["DocumentFormat"])
        owner.delete_document(Name=copy)


def test_parameter_defaults_and_yaml_booleans(owner):
    doc = name()
    content = """
schemaVersion: '0.3'
parameters:
  Flag: {type: Boolean, default: false}
  Count: {type: Integer, default: 3}
  Hosts: {type: StringList, default: [a, b]}
  Tags: {type: StringMap, default: {k: v, n: 1}}
  Disks: {type: MapList, default: [{name: root, size: 8}]}
  Answer: {type: String, default: no}
mainSteps: [{name: A, action: 'aws:pause'}]
"""
    created = owner.create_document(Name=doc, Content=content, DocumentType="Automation", DocumentFormat="YAML")["DocumentDescription"]
    defaults = {p["Name"]: p["DefaultValue"] for p in created["Parameters"]}
    assert defaults["Flag"] == "false" and defaults["Count"] == "3" and defaults["Answer"] == "no"
    assert defaults["Hosts"] == '["a", "b"]' and json.loads(defaults["Tags"]) == {"k": "v", "n": 1}
    assert json.loads(defaults["Disks"]) == [{"name": "root", "size": 8}]
    assert json.loads(owner.get_document(Name=doc, DocumentFormat="JSON")["Content"])["parameters"]["Answer"]["default"] == "no"
    for bad in ["Flag: {type: Boolean, default: yes}", "Count: {type: Integer, default: 2.5}"]:
        broken = content.replace(bad.split(":")[0] + ": {type: " + bad.split("type: ")[1].split(",")[0] + ", default: "
                                 + ("false}" if "Boolean" in bad else "3}"), bad)
        with pytest.raises(botocore.exceptions.ClientError) as caught:
            owner.create_document(Name=name(), Content=broken, DocumentType="Automation", DocumentFormat="YAML")
        assert caught.value.response["Error"]["Code"] == "InvalidDocumentContent"
        assert bad.split(":")[0] in caught.value.response["Error"]["Message"]
