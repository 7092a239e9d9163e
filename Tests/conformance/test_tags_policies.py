"""Tags (TagResource / UntagResource / ListTagsForResource) and contact policies."""

from __future__ import annotations

import json

from harness import aws_error, contact_arn, unique


def tag_dict(response: dict) -> dict[str, str]:
    tags = response.get("Tags", [])
    keys = [t["Key"] for t in tags]
    assert len(keys) == len(set(keys)), f"duplicate tag keys: {tags}"
    return {t["Key"]: t["Value"] for t in tags}


def test_tags_given_on_create_are_listed(ssm, make_contact):
    contact = make_contact(Tags=[{"Key": "team", "Value": "sre"}, {"Key": "env", "Value": "prod"}])
    assert tag_dict(ssm.list_tags_for_resource(ResourceARN=contact["ContactArn"])) == {"team": "sre", "env": "prod"}


def test_contact_without_tags_lists_none(ssm, make_contact):
    contact = make_contact()
    assert tag_dict(ssm.list_tags_for_resource(ResourceARN=contact["ContactArn"])) == {}


def test_tag_overwrite_and_untag(ssm, make_contact):
    contact = make_contact(Tags=[{"Key": "team", "Value": "sre"}])
    arn = contact["ContactArn"]

    response = ssm.tag_resource(ResourceARN=arn, Tags=[{"Key": "team", "Value": "platform"}, {"Key": "cost-center", "Value": "42"}])
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert tag_dict(ssm.list_tags_for_resource(ResourceARN=arn)) == {"team": "platform", "cost-center": "42"}

    response = ssm.untag_resource(ResourceARN=arn, TagKeys=["team", "not-there"])
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert tag_dict(ssm.list_tags_for_resource(ResourceARN=arn)) == {"cost-center": "42"}


def test_tags_on_unknown_resource_are_not_found(ssm):
    arn = contact_arn(unique("missing"))
    with aws_error("ResourceNotFoundException", 400):
        ssm.list_tags_for_resource(ResourceARN=arn)
    with aws_error("ResourceNotFoundException", 400):
        ssm.tag_resource(ResourceARN=arn, Tags=[{"Key": "a", "Value": "b"}])
    with aws_error("ResourceNotFoundException", 400):
        ssm.untag_resource(ResourceARN=arn, TagKeys=["a"])


def test_invalid_tag_key_is_rejected(ssm, make_contact):
    contact = make_contact()
    with aws_error("ValidationException", 400, mentions="Key"):
        ssm.tag_resource(ResourceARN=contact["ContactArn"], Tags=[{"Key": "bad key!", "Value": "v"}])


def test_tags_are_gone_after_delete_and_recreate(ssm, make_contact):
    contact = make_contact(Tags=[{"Key": "old", "Value": "yes"}])
    ssm.delete_contact(ContactId=contact["ContactArn"])
    again = make_contact(alias=contact["Alias"])
    assert tag_dict(ssm.list_tags_for_resource(ResourceARN=again["ContactArn"])) == {}


def policy_for(arn: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "ShareWithSecondAccount",
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::222222222222:root"},
                    "Action": ["ssm-contacts:GetContact", "ssm-contacts:StartEngagement"],
                    "Resource": [arn],
                }
            ],
        }
    )


def test_put_then_get_contact_policy(ssm, make_contact):
    contact = make_contact()
    policy = policy_for(contact["ContactArn"])
    response = ssm.put_contact_policy(ContactArn=contact["ContactArn"], Policy=policy)
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200

    got = ssm.get_contact_policy(ContactArn=contact["ContactArn"])
    assert got["ContactArn"] == contact["ContactArn"]
    assert json.loads(got["Policy"]) == json.loads(policy)


def test_put_contact_policy_replaces_previous(ssm, make_contact):
    contact = make_contact()
    ssm.put_contact_policy(ContactArn=contact["ContactArn"], Policy=policy_for(contact["ContactArn"]))
    replacement = json.dumps({"Version": "2012-10-17", "Statement": []})
    ssm.put_contact_policy(ContactArn=contact["ContactArn"], Policy=replacement)
    assert json.loads(ssm.get_contact_policy(ContactArn=contact["ContactArn"])["Policy"]) == json.loads(replacement)


def test_contact_policy_of_unknown_contact_is_not_found(ssm):
    arn = contact_arn(unique("missing"))
    with aws_error("ResourceNotFoundException", 400):
        ssm.get_contact_policy(ContactArn=arn)
    with aws_error("ResourceNotFoundException", 400):
        ssm.put_contact_policy(ContactArn=arn, Policy=policy_for(arn))


def test_blank_policy_is_rejected(ssm, make_contact):
    contact = make_contact()
    with aws_error("ValidationException", 400, mentions="Policy"):
        ssm.put_contact_policy(ContactArn=contact["ContactArn"], Policy="   ")

