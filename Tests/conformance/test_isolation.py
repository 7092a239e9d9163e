"""Accounts are isolated: a key only ever sees its own account's resources."""

from __future__ import annotations

from harness import aws_error, contact_arn, unique


def test_second_account_key_works(server, second_account):
    client = server.client(account=second_account)
    alias = unique("b")
    arn = client.create_contact(Alias=alias, DisplayName="B", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    assert arn == contact_arn(alias, second_account.account_id)
    assert client.get_contact(ContactId=arn)["Alias"] == alias


def test_other_account_cannot_see_contact(server, ssm, make_contact, make_channel, second_account):
    contact = make_contact(display_name="Owned By A", Tags=[{"Key": "owner", "Value": "a"}])
    channel = make_channel(contact["ContactArn"], "EMAIL")
    b = server.client(account=second_account)
    arn = contact["ContactArn"]

    assert b.list_contacts(AliasPrefix=contact["Alias"]).get("Contacts", []) == []
    with aws_error("ResourceNotFoundException", 400):
        b.get_contact(ContactId=arn)
    with aws_error("ResourceNotFoundException", 400):
        b.update_contact(ContactId=arn, DisplayName="Hijacked")
    with aws_error("ResourceNotFoundException", 400):
        b.delete_contact(ContactId=arn)
    with aws_error("ResourceNotFoundException", 400):
        b.list_tags_for_resource(ResourceARN=arn)
    with aws_error("ResourceNotFoundException", 400):
        b.tag_resource(ResourceARN=arn, Tags=[{"Key": "owner", "Value": "b"}])
    with aws_error("ResourceNotFoundException", 400):
        b.get_contact_policy(ContactArn=arn)
    with aws_error("ResourceNotFoundException", 400):
        b.list_contact_channels(ContactId=arn)
    with aws_error("ResourceNotFoundException", 400):
        b.get_contact_channel(ContactChannelId=channel)
    with aws_error("ResourceNotFoundException", 400):
        b.delete_contact_channel(ContactChannelId=channel)
    with aws_error("ResourceNotFoundException", 400):
        b.update_contact_channel(ContactChannelId=channel, Name="hijacked")

    got = ssm.get_contact(ContactId=arn)
    assert got["DisplayName"] == "Owned By A"
    assert {t["Key"]: t["Value"] for t in ssm.list_tags_for_resource(ResourceARN=arn)["Tags"]} == {"owner": "a"}
    assert ssm.get_contact_channel(ContactChannelId=channel)["Name"] == "email channel"


def test_arn_rewritten_to_own_account_does_not_reach_other_account(server, make_contact, second_account):
    contact = make_contact()
    b = server.client(account=second_account)
    with aws_error("ResourceNotFoundException", 400):
        b.get_contact(ContactId=contact_arn(contact["Alias"], second_account.account_id))


def test_other_account_may_use_the_same_alias(server, ssm, make_contact, second_account):
    a_contact = make_contact(display_name="A")
    b = server.client(account=second_account)
    b_arn = b.create_contact(Alias=a_contact["Alias"], DisplayName="B", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    assert b_arn == contact_arn(a_contact["Alias"], second_account.account_id)
    assert b_arn != a_contact["ContactArn"]

    assert b.get_contact(ContactId=b_arn)["DisplayName"] == "B"
    assert ssm.get_contact(ContactId=a_contact["ContactArn"])["DisplayName"] == "A"
    assert [c["ContactArn"] for c in ssm.list_contacts(AliasPrefix=a_contact["Alias"])["Contacts"]] == [a_contact["ContactArn"]]
    assert [c["ContactArn"] for c in b.list_contacts(AliasPrefix=a_contact["Alias"])["Contacts"]] == [b_arn]

    b.delete_contact(ContactId=b_arn)
    assert ssm.get_contact(ContactId=a_contact["ContactArn"])["DisplayName"] == "A"


def test_admin_rejects_duplicate_account(server, second_account):
    result = server.admin("create-account", "--account-id", second_account.account_id, "--name", "dup", check=False)
    assert result.returncode != 0, f"creating an existing account should fail: {result.stdout}"


def test_admin_access_key_for_unknown_account_fails(server):
    result = server.admin("create-access-key", "--account-id", "999999999998", check=False)
    assert result.returncode != 0, f"creating a key for an unknown account should fail: {result.stdout}"
