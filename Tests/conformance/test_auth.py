"""SigV4 authentication: every ssm-contacts call must be signed by a known key."""

from __future__ import annotations

import datetime

import pytest

from harness import DEFAULT_ACCOUNT_ID, assert_raw_error, aws_error, contact_arn, signing_time, unique

AUTH_CODES = ("InvalidSignatureException", "IncompleteSignatureException", "MissingAuthenticationTokenException")


def test_signed_raw_request_succeeds(server):
    response = server.raw("ListContacts", {"MaxResults": 1})
    assert response.status == 200, response.body
    assert "Contacts" in response.json


def test_unsigned_request_is_rejected(server):
    response = server.raw("ListContacts", {}, sign=False)
    assert_raw_error(response, "MissingAuthenticationTokenException", 403)


def test_unsigned_create_has_no_effect(server, ssm):
    alias = unique("unsigned")
    response = server.raw("CreateContact", {"Alias": alias, "Type": "PERSONAL", "Plan": {"Stages": []}}, sign=False)
    assert response.status == 403
    with aws_error("ResourceNotFoundException", 400):
        ssm.get_contact(ContactId=contact_arn(alias))


def test_wrong_secret_is_rejected(server):
    client = server.client(access_key_id=server.creds.access_key_id, secret_access_key="wrong" + server.creds.secret_access_key)
    with aws_error("InvalidSignatureException", 403):
        client.list_contacts()


def test_unknown_access_key_is_rejected(server):
    client = server.client(access_key_id="AKIAUNKNOWNKEY000000", secret_access_key="irrelevant-secret")
    with aws_error("UnrecognizedClientException", 403):
        client.list_contacts()


@pytest.mark.parametrize("minutes", [-20, 20], ids=["20-min-old", "20-min-ahead"])
def test_skewed_timestamp_is_rejected(server, minutes):
    when = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=minutes)
    response = server.raw("ListContacts", {}, timestamp=when)
    assert_raw_error(response, "InvalidSignatureException", 403)


def test_old_timestamp_via_boto3_is_rejected(server):
    client = server.client()
    when = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=20)
    with signing_time(when), aws_error("InvalidSignatureException", 403):
        client.list_contacts()


def test_slightly_skewed_timestamp_is_accepted(server):
    when = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=2)
    response = server.raw("ListContacts", {}, timestamp=when)
    assert response.status == 200, response.body


def test_body_changed_after_signing_is_rejected(server):
    def tamper(request):
        request.data = b'{"MaxResults": 2}'

    response = server.raw("ListContacts", {"MaxResults": 1}, mutate=tamper)
    assert_raw_error(response, "InvalidSignatureException", 403)


def test_target_changed_after_signing_is_rejected(server):
    def tamper(request):
        request.headers.replace_header("X-Amz-Target", "SSMContacts.ListContactChannels")

    response = server.raw("ListContacts", {}, mutate=tamper)
    assert_raw_error(response, "InvalidSignatureException", 403)


def test_signature_for_another_service_is_rejected(server):
    response = server.raw("ListContacts", {}, signing_service="s3")
    assert 400 <= response.status < 500, response.body
    assert response.error_code in AUTH_CODES, response.body


def test_malformed_authorization_header_is_rejected(server):
    def garble(request):
        request.headers.replace_header("Authorization", "AWS4-HMAC-SHA256 garbage")

    response = server.raw("ListContacts", {}, mutate=garble)
    assert 400 <= response.status < 500, response.body
    assert response.error_code in AUTH_CODES, response.body


def test_signing_region_appears_in_arns(server):
    client = server.client(region="eu-west-1")
    alias = unique("euw1")
    arn = client.create_contact(Alias=alias, DisplayName="x", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    assert arn == f"arn:aws:ssm-contacts:eu-west-1:{DEFAULT_ACCOUNT_ID}:contact/{alias}"


def test_health_needs_no_auth(server):
    assert server.get("/health").status == 200


def test_responses_carry_a_request_id(ssm):
    response = ssm.list_contacts(MaxResults=1)
    assert response["ResponseMetadata"].get("RequestId"), response["ResponseMetadata"]
