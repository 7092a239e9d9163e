"""Contact channels: create / get / list / update / activation / delete."""

from __future__ import annotations

import pytest

from harness import CHANNEL_ARN_RE, DEFAULT_ACCOUNT_ID, aws_error, contact_arn, unique

ADDRESSES = {"EMAIL": "jane@example.com", "SMS": "+15555550123", "VOICE": "+15555550124"}


@pytest.mark.parametrize("channel_type", ["EMAIL", "SMS", "VOICE"])
@pytest.mark.parametrize("defer", [None, True, False], ids=["default", "deferred", "not-deferred"])
def test_create_and_get_channel(ssm, make_contact, channel_type, defer):
    contact = make_contact()
    params = {
        "ContactId": contact["ContactArn"],
        "Name": f"My {channel_type} channel",
        "Type": channel_type,
        "DeliveryAddress": {"SimpleAddress": ADDRESSES[channel_type]},
    }
    if defer is not None:
        params["DeferActivation"] = defer
    created = ssm.create_contact_channel(**params)
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 200
    arn = created["ContactChannelArn"]
    match = CHANNEL_ARN_RE.match(arn)
    assert match, f"channel ARN has the wrong form: {arn}"
    assert match["region"] == "us-east-1"
    assert match["account"] == DEFAULT_ACCOUNT_ID
    assert match["alias"] == contact["Alias"]

    got = ssm.get_contact_channel(ContactChannelId=arn)
    assert got["ContactChannelArn"] == arn
    assert got["ContactArn"] == contact["ContactArn"]
    assert got["Name"] == f"My {channel_type} channel"
    assert got["Type"] == channel_type
    assert got["DeliveryAddress"] == {"SimpleAddress": ADDRESSES[channel_type]}
    assert got["ActivationStatus"] == "NOT_ACTIVATED"


def test_channel_arns_are_unique(ssm, make_contact, make_channel):
    contact = make_contact()
    arns = {make_channel(contact["ContactArn"], "EMAIL", name=f"email {i}", address=f"u{i}@example.com") for i in range(3)}
    assert len(arns) == 3


def test_list_channels_by_contact_with_pagination(ssm, make_contact, make_channel):
    contact = make_contact()
    other = make_contact()
    created = {
        make_channel(contact["ContactArn"], "EMAIL"),
        make_channel(contact["ContactArn"], "SMS"),
        make_channel(contact["ContactArn"], "VOICE", defer=True),
    }
    make_channel(other["ContactArn"], "EMAIL")

    seen, token, pages = [], None, 0
    while True:
        kwargs = {"ContactId": contact["ContactArn"], "MaxResults": 1}
        if token:
            kwargs["NextToken"] = token
        page = ssm.list_contact_channels(**kwargs)
        pages += 1
        assert len(page["ContactChannels"]) <= 1
        for channel in page["ContactChannels"]:
            assert channel["ContactArn"] == contact["ContactArn"]
            assert channel["ActivationStatus"] == "NOT_ACTIVATED"
            assert channel["Type"] in ("EMAIL", "SMS", "VOICE")
            assert channel["DeliveryAddress"]["SimpleAddress"]
            assert channel["Name"]
        seen += [c["ContactChannelArn"] for c in page["ContactChannels"]]
        token = page.get("NextToken")
        if not token:
            break
        assert pages < 20
    assert sorted(seen) == sorted(created)
    assert pages >= 3


def test_list_channels_of_contact_without_channels_is_empty(ssm, make_contact):
    contact = make_contact()
    page = ssm.list_contact_channels(ContactId=contact["ContactArn"])
    assert page["ContactChannels"] == []
    assert "NextToken" not in page


def test_list_channels_of_unknown_contact_is_not_found(ssm):
    with aws_error("ResourceNotFoundException", 400):
        ssm.list_contact_channels(ContactId=contact_arn(unique("missing")))


def test_update_channel_name_and_address(ssm, make_contact, make_channel):
    contact = make_contact()
    arn = make_channel(contact["ContactArn"], "EMAIL", name="old name", address="old@example.com")

    response = ssm.update_contact_channel(ContactChannelId=arn, Name="new name", DeliveryAddress={"SimpleAddress": "new@example.com"})
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200

    got = ssm.get_contact_channel(ContactChannelId=arn)
    assert got["Name"] == "new name"
    assert got["DeliveryAddress"] == {"SimpleAddress": "new@example.com"}
    assert got["Type"] == "EMAIL"
    assert got["ContactArn"] == contact["ContactArn"]


def test_update_channel_name_only_keeps_address(ssm, make_contact, make_channel):
    contact = make_contact()
    arn = make_channel(contact["ContactArn"], "SMS", name="before", address="+15555550999")
    ssm.update_contact_channel(ContactChannelId=arn, Name="after")
    got = ssm.get_contact_channel(ContactChannelId=arn)
    assert got["Name"] == "after"
    assert got["DeliveryAddress"] == {"SimpleAddress": "+15555550999"}


def test_invalid_channel_name_is_rejected(ssm, make_contact):
    contact = make_contact()
    with aws_error("ValidationException", 400, mentions="Name"):
        ssm.create_contact_channel(
            ContactId=contact["ContactArn"], Name="bad!name", Type="EMAIL", DeliveryAddress={"SimpleAddress": "a@example.com"}
        )


def test_unknown_channel_type_is_rejected(ssm, make_contact):
    contact = make_contact()
    with aws_error("ValidationException", 400, mentions="Type"):
        ssm.create_contact_channel(
            ContactId=contact["ContactArn"], Name="pager", Type="PAGER", DeliveryAddress={"SimpleAddress": "a@example.com"}
        )


def test_channel_for_unknown_contact_is_rejected(ssm):
    # The model lists no ResourceNotFoundException for CreateContactChannel; accept either.
    with aws_error(("ResourceNotFoundException", "ValidationException"), 400):
        ssm.create_contact_channel(
            ContactId=contact_arn(unique("missing")), Name="email", Type="EMAIL", DeliveryAddress={"SimpleAddress": "a@example.com"}
        )


def test_send_activation_code(ssm, make_contact, make_channel):
    contact = make_contact()
    arn = make_channel(contact["ContactArn"], "EMAIL", defer=True)
    response = ssm.send_activation_code(ContactChannelId=arn)
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert ssm.get_contact_channel(ContactChannelId=arn)["ActivationStatus"] == "NOT_ACTIVATED"


def test_send_activation_code_unknown_channel_is_not_found(ssm, make_contact):
    contact = make_contact()
    fake = f"arn:aws:ssm-contacts:us-east-1:{DEFAULT_ACCOUNT_ID}:contact-channel/{contact['Alias']}/00000000-0000-4000-8000-000000000000"
    with aws_error("ResourceNotFoundException", 400):
        ssm.send_activation_code(ContactChannelId=fake)


def test_activate_with_wrong_code_fails(ssm, make_contact, make_channel):
    contact = make_contact()
    arn = make_channel(contact["ContactArn"], "EMAIL")
    with aws_error("ValidationException", "4xx"):
        ssm.activate_contact_channel(ContactChannelId=arn, ActivationCode="0123456789")
    assert ssm.get_contact_channel(ContactChannelId=arn)["ActivationStatus"] == "NOT_ACTIVATED"


def test_activation_code_must_be_digits(ssm, make_contact, make_channel):
    contact = make_contact()
    arn = make_channel(contact["ContactArn"], "EMAIL")
    with aws_error("ValidationException", 400, mentions="ActivationCode"):
        ssm.activate_contact_channel(ContactChannelId=arn, ActivationCode="abcdef")


def wrong_code(code: str) -> str:
    return code[:-1] + str((int(code[-1]) + 1) % 10)


def test_activate_and_deactivate_with_code_from_admin(server, ssm, make_contact, make_channel):
    contact = make_contact()
    arn = make_channel(contact["ContactArn"], "SMS", defer=True)
    ssm.send_activation_code(ContactChannelId=arn)

    code = server.activation_code(arn)
    assert code.isdigit() and 6 <= len(code) <= 10, code

    with aws_error("ValidationException", "4xx"):
        ssm.activate_contact_channel(ContactChannelId=arn, ActivationCode=wrong_code(code))
    assert ssm.get_contact_channel(ContactChannelId=arn)["ActivationStatus"] == "NOT_ACTIVATED"

    response = ssm.activate_contact_channel(ContactChannelId=arn, ActivationCode=code)
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert ssm.get_contact_channel(ContactChannelId=arn)["ActivationStatus"] == "ACTIVATED"
    listed = ssm.list_contact_channels(ContactId=contact["ContactArn"])["ContactChannels"]
    assert [c["ActivationStatus"] for c in listed if c["ContactChannelArn"] == arn] == ["ACTIVATED"]

    response = ssm.deactivate_contact_channel(ContactChannelId=arn)
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert ssm.get_contact_channel(ContactChannelId=arn)["ActivationStatus"] == "NOT_ACTIVATED"


def test_activation_code_exists_without_explicit_send(server, ssm, make_contact, make_channel):
    """Without DeferActivation the code is sent on creation, so it exists at once."""
    contact = make_contact()
    arn = make_channel(contact["ContactArn"], "EMAIL", defer=False)
    code = server.activation_code(arn)
    ssm.activate_contact_channel(ContactChannelId=arn, ActivationCode=code)
    assert ssm.get_contact_channel(ContactChannelId=arn)["ActivationStatus"] == "ACTIVATED"


def test_delete_channel_then_get_is_not_found(ssm, make_contact, make_channel):
    contact = make_contact()
    arn = make_channel(contact["ContactArn"], "VOICE")
    response = ssm.delete_contact_channel(ContactChannelId=arn)
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200

    with aws_error("ResourceNotFoundException", 400):
        ssm.get_contact_channel(ContactChannelId=arn)
    with aws_error("ResourceNotFoundException", 400):
        ssm.delete_contact_channel(ContactChannelId=arn)
    with aws_error("ResourceNotFoundException", 400):
        ssm.update_contact_channel(ContactChannelId=arn, Name="ghost")
    assert ssm.list_contact_channels(ContactId=contact["ContactArn"])["ContactChannels"] == []


def test_deleting_contact_removes_its_channels(ssm, make_contact, make_channel):
    contact = make_contact()
    arn = make_channel(contact["ContactArn"], "EMAIL")
    ssm.delete_contact(ContactId=contact["ContactArn"])
    with aws_error("ResourceNotFoundException", 400):
        ssm.get_contact_channel(ContactChannelId=arn)
