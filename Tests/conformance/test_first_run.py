"""A newcomer's first hour (#16): `aws sts get-caller-identity` answers who a configuration talks as; a server with
neither SMTP nor Twilio says once, in its banner and in one warning, that codes and pages are not delivered and how
to read them; and `hikeshi serve --dev-mail=log` prints every email, SMS and voice message instead of sending it,
counting it as delivered, so the printed codes activate channels and accept pages."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import botocore.auth
import pytest
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

from harness import Account, HikeshiServer, unique, wait_until
from support_support import EC2, GENERAL, customer, support

STS_NS = "{https://sts.amazonaws.com/doc/2011-06-15/}"
FORM = "application/x-www-form-urlencoded; charset=utf-8"
NOT_DELIVERED = "activation codes and pages are NOT delivered"
UNDELIVERED_WARNING = "email and SMS are not configured: activation codes and pages are not delivered"
DEV_MAIL_BLOCK = re.compile(
    r"----- hikeshi dev mail: (?P<channel>EMAIL|SMS|VOICE) \(printed, not sent; (?P<id>dev-mail-[0-9a-f-]+)\) -----\n"
    r"(?P<text>.*?)\n----- end of dev mail (?P=id) -----",
    re.S,
)


# -- sts:GetCallerIdentity --------------------------------------------------------------------------------------------


def expected_identity(account: Account) -> dict[str, str]:
    return {
        "Account": account.account_id,
        "Arn": f"arn:aws:iam::{account.account_id}:user/{account.access_key_id}",
        "UserId": account.access_key_id,
    }


def sts_post(server: HikeshiServer, body: str, *, account: Account | None = None, secret: str | None = None) -> tuple[int, ET.Element]:
    """POSTs a query-protocol form, signed for `sts` unless `account` is None; answers the status and the XML root."""
    request = AWSRequest(method="POST", url=server.endpoint + "/", data=body.encode(), headers={"Content-Type": FORM})
    if account is not None:
        botocore.auth.SigV4Auth(Credentials(account.access_key_id, secret or account.secret_access_key), "sts", "us-east-1").add_auth(request)
    prepared = request.prepare()
    http = urllib.request.Request(prepared.url, data=prepared.body, headers=dict(prepared.headers.items()), method="POST")
    try:
        with urllib.request.urlopen(http, timeout=30) as response:
            return response.status, ET.fromstring(response.read())
    except urllib.error.HTTPError as error:
        return error.code, ET.fromstring(error.read())


def error_code(root: ET.Element) -> str | None:
    assert root.tag == f"{STS_NS}ErrorResponse", ET.tostring(root)
    assert root.findtext(f"{STS_NS}Error/{STS_NS}Type") == "Sender"
    assert root.findtext(f"{STS_NS}Error/{STS_NS}Message")
    assert root.findtext(f"{STS_NS}RequestId")
    return root.findtext(f"{STS_NS}Error/{STS_NS}Code")


def test_get_caller_identity_names_each_account(server: HikeshiServer, second_account: Account) -> None:
    for account in (server.creds, second_account):
        expected = expected_identity(account)
        by_cli = server.aws("sts", "get-caller-identity", account=account)
        assert {key: by_cli[key] for key in expected} == expected
        by_boto = server.client("sts", account=account).get_caller_identity()
        assert {key: by_boto[key] for key in expected} == expected
        assert by_boto["ResponseMetadata"]["HTTPStatusCode"] == 200
        assert by_boto["ResponseMetadata"]["RequestId"]


def test_get_caller_identity_arn_matches_what_the_apis_record(server: HikeshiServer) -> None:
    """The Arn is the principal the other APIs write as creator (e.g. a support communication's submittedBy)."""
    identity = server.client("sts").get_caller_identity()
    assert identity["Arn"] == f"arn:aws:iam::{server.creds.account_id}:user/{server.creds.access_key_id}"
    status, root = sts_post(server, "Action=GetCallerIdentity&Version=2011-06-15", account=server.creds)
    assert status == 200
    result = root.find(f"{STS_NS}GetCallerIdentityResult")
    assert result is not None and result.findtext(f"{STS_NS}Account") == server.creds.account_id
    assert root.findtext(f"{STS_NS}ResponseMetadata/{STS_NS}RequestId")


def test_unsigned_call_is_refused(server: HikeshiServer) -> None:
    status, root = sts_post(server, "Action=GetCallerIdentity&Version=2011-06-15")
    assert status == 403
    assert error_code(root) == "MissingAuthenticationTokenException"


def test_bad_signatures_are_refused(server: HikeshiServer) -> None:
    wrong_secret = server.client("sts", access_key_id=server.creds.access_key_id, secret_access_key="not-the-secret")
    with pytest.raises(ClientError) as refused:
        wrong_secret.get_caller_identity()
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    assert refused.value.response["Error"]["Code"] == "InvalidSignatureException"

    unknown_key = server.client("sts", access_key_id="AKIAUNKNOWN000000000", secret_access_key="whatever")
    with pytest.raises(ClientError) as unknown:
        unknown_key.get_caller_identity()
    assert unknown.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    assert unknown.value.response["Error"]["Code"] == "UnrecognizedClientException"

    failed = server.aws("sts", "get-caller-identity", account=Account("111111111111", server.creds.access_key_id, "nope"), check=False)
    assert failed.returncode != 0
    assert "InvalidSignatureException" in failed.stderr


def test_other_actions_are_invalid(server: HikeshiServer) -> None:
    with pytest.raises(ClientError) as refused:
        server.client("sts").assume_role(RoleArn="arn:aws:iam::111111111111:role/admin", RoleSessionName="first-hour")
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert refused.value.response["Error"]["Code"] == "InvalidAction"

    status, root = sts_post(server, "Action=GetSessionToken&Version=2011-06-15", account=server.creds)
    assert (status, error_code(root)) == (400, "InvalidAction")
    status, root = sts_post(server, "Version=2011-06-15", account=server.creds)
    assert (status, error_code(root)) == (400, "MissingAction")


def test_calls_are_counted(server: HikeshiServer) -> None:
    server.client("sts").get_caller_identity()
    metrics = server.get("/metrics").body.decode()
    assert re.search(r'service="sts".*operation="GetCallerIdentity"|operation="GetCallerIdentity".*service="sts"', metrics), metrics[:2000]


# -- what start-up says about delivery --------------------------------------------------------------------------------


def server_output(server: HikeshiServer) -> str:
    return server.log_path.read_text(errors="replace")


def banner(server: HikeshiServer) -> str:
    """The banner lines, from `hikeshi listening on` to the `try:` line."""
    text = wait_until(lambda: "\ntry: " in server_output(server), message="the start-up banner") and server_output(server)
    start = text.rindex("hikeshi listening on")
    return text[start : text.index("\ntry: ", start)]


def warnings_about(server: HikeshiServer, message: str) -> list[str]:
    return [line for line in server_output(server).splitlines() if " warning " in line and message in line]


def test_start_up_says_once_that_nothing_is_delivered(server_factory: Any) -> None:
    server = server_factory.new()
    said = banner(server)
    assert NOT_DELIVERED in said
    assert "hikeshi admin show-activation-code --account-id ACCOUNT --channel-arn ARN" in said
    assert "--dev-mail=log" in said
    if server.database_url is None:
        assert f"--data-dir {server.data_dir}" in said
    else:
        assert server.database_url not in said, "the database URL (with its password) must not be printed"
    warnings = warnings_about(server, UNDELIVERED_WARNING)
    assert len(warnings) == 1, warnings
    assert "delivery.email=off" in warnings[0] and "delivery.sms=off" in warnings[0]


def test_start_up_is_quiet_when_smtp_is_configured(server_factory: Any, smtp_sink: Any) -> None:
    server = server_factory.new(env={"HIKESHI_SMTP_URL": smtp_sink.url, "HIKESHI_SMTP_FROM": "hikeshi@example.test"})
    said = banner(server)
    assert NOT_DELIVERED not in said and "dev mail" not in said
    assert warnings_about(server, "not delivered") == []
    assert smtp_sink.url not in server_output(server)


# -- --dev-mail=log ---------------------------------------------------------------------------------------------------


def printed(server: HikeshiServer, channel: str, to: str, containing: str, count: int = 1) -> list[str]:
    """Waits for `count` printed messages of `channel` to `to` whose text contains `containing`; answers their texts."""

    def find() -> list[str] | None:
        found = [
            match["text"]
            for match in DEV_MAIL_BLOCK.finditer(server_output(server))
            if match["channel"] == channel and f"To: {to}" in match["text"] and containing in match["text"]
        ]
        return found if len(found) >= count else None

    return wait_until(find, timeout=20, message=f"a printed {channel} to {to} containing {containing!r}")


def activation_code(text: str) -> str:
    found = re.search(r"activation code is (\d{6})", text)
    assert found, text
    return found.group(1)


def test_dev_mail_prints_codes_that_activate_and_accept(server_factory: Any) -> None:
    server = server_factory.new(serve_args=["--dev-mail=log"])
    said = banner(server)
    assert "dev mail: every email, SMS and voice message is printed here" in said and NOT_DELIVERED not in said
    assert len(warnings_about(server, "dev mail: messages are printed instead of sent")) == 1
    assert warnings_about(server, UNDELIVERED_WARNING) == []

    client = server.client("ssm-contacts")
    alias = unique("newcomer")
    contact = client.create_contact(Alias=alias, DisplayName="New Comer", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    email = f"{alias}@example.test"
    email_channel = client.create_contact_channel(
        ContactId=contact, Name="mail", Type="EMAIL", DeliveryAddress={"SimpleAddress": email}
    )["ContactChannelArn"]
    sms_channel = client.create_contact_channel(
        ContactId=contact, Name="phone", Type="SMS", DeliveryAddress={"SimpleAddress": "+15555550123"}
    )["ContactChannelArn"]

    mail_text = printed(server, "EMAIL", email, "activation code")[0]
    assert "Subject: Hikeshi activation code" in mail_text
    mail_code = activation_code(mail_text)
    assert mail_code == server.activation_code(email_channel)
    client.activate_contact_channel(ContactChannelId=email_channel, ActivationCode=mail_code)
    sms_code = activation_code(printed(server, "SMS", "+15555550123", "activation code")[0])
    client.activate_contact_channel(ContactChannelId=sms_channel, ActivationCode=sms_code)
    statuses = {c["ContactChannelArn"]: c["ActivationStatus"] for c in client.list_contact_channels(ContactId=contact)["ContactChannels"]}
    assert statuses == {email_channel: "ACTIVATED", sms_channel: "ACTIVATED"}

    client.update_contact(
        ContactId=contact,
        Plan={"Stages": [{"DurationInMinutes": 5, "Targets": [
            {"ChannelTargetInfo": {"ContactChannelId": email_channel}}, {"ChannelTargetInfo": {"ContactChannelId": sms_channel}},
        ]}]},
    )  # fmt: skip
    engagement = client.start_engagement(ContactId=contact, Sender="first-hour", Subject="Disk full", Content="db-1 disk is 99% full")[
        "EngagementArn"
    ]
    page_text = printed(server, "EMAIL", email, "Disk full")[0]
    accept = re.search(r"accept-page --page-id (\S+) --accept-type READ --accept-code (\S+)", page_text)
    assert accept, page_text
    page_arn, code = accept.group(1), accept.group(2)
    sms_page = printed(server, "SMS", "+15555550123", "Disk full")[0]
    assert f"Accept code: {code}" in sms_page

    pages = client.list_pages_by_engagement(EngagementId=engagement)["Pages"]
    assert page_arn in {page["PageArn"] for page in pages}
    def sent_receipts() -> list[dict] | None:
        receipts = client.list_page_receipts(PageId=page_arn)["Receipts"]
        return receipts if any(receipt["ReceiptType"] == "SENT" for receipt in receipts) else None

    receipts = wait_until(sent_receipts, message="a SENT receipt for the printed page")
    assert any(r["ReceiptInfo"].startswith("dev-mail-") for r in receipts if r["ReceiptType"] == "SENT"), receipts
    server.aws("ssm-contacts", "accept-page", "--page-id", page_arn, "--accept-type", "READ", "--accept-code", code)
    assert any(r["ReceiptType"] == "READ" for r in client.list_page_receipts(PageId=page_arn)["Receipts"])


def test_dev_mail_prints_support_case_mail(server_factory: Any) -> None:
    server = server_factory.new(env={"HIKESHI_DEV_MAIL": "log"})
    client = support(server, customer(server, "business", "en", "UTC"))
    case_id = client.create_case(
        subject="Database connections time out", communicationBody="Since 09:00 UTC connections to db-1 time out.",
        serviceCode=EC2, categoryCode=GENERAL, severityCode="high", language="en", ccEmailAddresses=["ops@example.com"],
    )["caseId"]  # fmt: skip
    display_id = client.describe_cases(caseIdList=[case_id])["cases"][0]["displayId"]
    text = printed(server, "EMAIL", "ops@example.com", f"[Case {display_id}]")[0]
    assert "Subject: [Case" in text and "connections to db-1 time out" in text


def test_dev_mail_replaces_configured_smtp(server_factory: Any, smtp_sink: Any, tmp_path: Path) -> None:
    """Log mode from the configuration file wins over a configured SMTP server: nothing is sent, and start-up says so."""
    config = tmp_path / "hikeshi.yaml"
    config.write_text("dev:\n  mail: log\n")
    server = server_factory.new(
        env={"HIKESHI_SMTP_URL": smtp_sink.url, "HIKESHI_SMTP_FROM": "hikeshi@example.test", "HIKESHI_CONFIG_FILE": str(config)}
    )
    assert "the configured SMTP/Twilio is NOT used" in banner(server)
    assert len(warnings_about(server, "the configured SMTP/Twilio is not used")) == 1
    client = server.client("ssm-contacts")
    contact = client.create_contact(Alias=unique("smtp"), Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    address = f"{unique('m')}@example.test"
    client.create_contact_channel(ContactId=contact, Name="mail", Type="EMAIL", DeliveryAddress={"SimpleAddress": address})
    printed(server, "EMAIL", address, "activation code")
    assert smtp_sink.messages == []
    assert smtp_sink.url not in server_output(server)


def test_dev_mail_rejects_unknown_modes(server_factory: Any) -> None:
    server = server_factory.new(start=False, serve_args=["--dev-mail=smtp"])
    with pytest.raises(Exception) as refused:
        server.start()
    assert "dev.mail (HIKESHI_DEV_MAIL) must be log or off" in str(refused.value)
