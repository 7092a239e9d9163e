"""The real aws CLI (v1) against the server."""

from __future__ import annotations

from harness import aws_error, contact_arn, unique


def test_cli_create_get_and_list_contacts(server):
    alias = unique("cli")
    created = server.aws(
        "ssm-contacts", "create-contact",
        "--alias", alias,
        "--display-name", "CLI Person",
        "--type", "PERSONAL",
        "--plan", '{"Stages":[]}',
    )  # fmt: skip
    assert created["ContactArn"] == contact_arn(alias)

    got = server.aws("ssm-contacts", "get-contact", "--contact-id", created["ContactArn"])
    assert got["Alias"] == alias
    assert got["DisplayName"] == "CLI Person"
    assert got["Type"] == "PERSONAL"

    listed = server.aws("ssm-contacts", "list-contacts", "--alias-prefix", alias)
    assert [c["ContactArn"] for c in listed["Contacts"]] == [created["ContactArn"]]


def test_cli_auto_paginates(server, make_contact):
    prefix = unique("clipage")
    created = {make_contact(alias=f"{prefix}-{i}")["ContactArn"] for i in range(5)}
    listed = server.aws("ssm-contacts", "list-contacts", "--alias-prefix", prefix, "--page-size", "2")
    assert sorted(c["ContactArn"] for c in listed["Contacts"]) == sorted(created)


def test_cli_channel_commands(server, make_contact):
    contact = make_contact()
    created = server.aws(
        "ssm-contacts", "create-contact-channel",
        "--contact-id", contact["ContactArn"],
        "--name", "cli email",
        "--type", "EMAIL",
        "--delivery-address", "SimpleAddress=cli@example.com",
        "--defer-activation",
    )  # fmt: skip
    got = server.aws("ssm-contacts", "get-contact-channel", "--contact-channel-id", created["ContactChannelArn"])
    assert got["DeliveryAddress"] == {"SimpleAddress": "cli@example.com"}
    assert got["ActivationStatus"] == "NOT_ACTIVATED"


def test_cli_reports_errors(server):
    result = server.aws("ssm-contacts", "get-contact", "--contact-id", contact_arn(unique("missing")), check=False)
    assert result.returncode != 0
    assert "ResourceNotFoundException" in result.stderr


def test_cli_and_boto3_see_the_same_data(server, ssm):
    alias = unique("shared")
    server.aws("ssm-contacts", "create-contact", "--alias", alias, "--type", "PERSONAL", "--plan", '{"Stages":[]}')
    assert ssm.get_contact(ContactId=contact_arn(alias))["Alias"] == alias
    server.aws("ssm-contacts", "delete-contact", "--contact-id", contact_arn(alias))
    with aws_error("ResourceNotFoundException", 400):
        ssm.get_contact(ContactId=contact_arn(alias))
