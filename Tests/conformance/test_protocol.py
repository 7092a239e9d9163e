"""AWS JSON 1.1 wire behaviour seen with raw (but correctly signed) requests."""

from __future__ import annotations

from harness import assert_raw_error, contact_arn, unique


def test_invalid_json_is_a_serialization_error(server):
    response = server.raw("CreateContact", b'{"Alias": "broken", ')
    assert_raw_error(response, "SerializationException", 400)


def test_wrong_member_type_is_a_serialization_error(server):
    response = server.raw("CreateContact", {"Alias": 5, "Type": "PERSONAL", "Plan": {"Stages": []}})
    assert_raw_error(response, "SerializationException", 400)


def test_body_that_is_not_an_object_is_a_serialization_error(server):
    response = server.raw("ListContacts", b"[1, 2, 3]")
    assert_raw_error(response, "SerializationException", 400)


def test_unknown_operation(server):
    response = server.raw("FlyToTheMoon", {})
    assert_raw_error(response, "UnknownOperationException", 400)


def test_target_of_another_service_is_unknown(server):
    response = server.raw(None, {}, target="secretsmanager.ListSecrets")
    assert_raw_error(response, "UnknownOperationException", 400)


def test_missing_target_is_unknown(server):
    response = server.raw(None, {})
    assert_raw_error(response, "UnknownOperationException", 400)


def test_validation_error_body_names_fields(server):
    response = server.raw("CreateContact", {"Alias": "Bad Alias", "Type": "PERSONAL", "Plan": {"Stages": []}})
    assert_raw_error(response, "ValidationException", 400, mentions=("Alias",))
    body = response.json
    assert body.get("Reason") == "FIELD_VALIDATION_FAILED", body
    assert any(field.get("Name") == "Alias" for field in body.get("Fields", [])), body


def test_missing_required_plan_raw(server):
    response = server.raw("CreateContact", {"Alias": unique(), "Type": "PERSONAL"})
    assert_raw_error(response, "ValidationException", 400, mentions=("Plan",))


def test_contact_id_must_be_an_arn(server):
    response = server.raw("GetContact", {"ContactId": "not-an-arn"})
    assert_raw_error(response, "ValidationException", 400, mentions=("ContactId",))


def test_unknown_members_are_ignored(server, ssm):
    alias = unique("extra")
    response = server.raw("CreateContact", {"Alias": alias, "Type": "PERSONAL", "Plan": {"Stages": []}, "FutureMember": {"x": 1}})
    assert response.status == 200, response.body
    assert response.json["ContactArn"] == contact_arn(alias)
    assert ssm.get_contact(ContactId=contact_arn(alias))["Alias"] == alias


def test_success_response_is_json_1_1(server):
    response = server.raw("ListContacts", {"MaxResults": 1})
    assert response.status == 200
    assert (response.header("Content-Type") or "").startswith("application/x-amz-json-1.1"), response.headers
    assert response.header("x-amzn-RequestId"), response.headers


def test_error_response_is_json_with_type(server):
    response = server.raw("GetContact", {"ContactId": contact_arn(unique("missing"))})
    assert_raw_error(response, "ResourceNotFoundException", 400)
    assert (response.header("Content-Type") or "").startswith("application/x-amz-json-1.1"), response.headers
    assert response.header("x-amzn-RequestId"), response.headers
    assert response.error_message, response.body
