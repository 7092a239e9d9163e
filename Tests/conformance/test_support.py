"""The AWS Support API (`support`) as customers use it: CreateCase with plan rules, DescribeCases and
its filters and pagination, communications, resolving and reopening, attachment sets (limits,
expiry, isolation), and the catalogue (services, severities, languages, create-case options).

The module shares one private server whose domain clock starts on Friday 2026-11-20 16:00 Tokyo
time and runs at real speed; the attachment-expiry test starts its own at --time-scale 3600.
Customer accounts get their plan from the provider (account 111111111111) with PutSupportPlan.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterator

import pytest

from harness import HikeshiServer, aws_error, wait_until
from support_support import (
    ACCOUNT_SERVICE,
    BILLING,
    CASE_ID_RE,
    EC2,
    FRIDAY_1600_JST,
    GENERAL,
    ON_POSTGRES,
    all_pages,
    at_once,
    clock_args,
    customer,
    open_case,
    private_server,
    spaced,
    support,
    the_case,
    utc,
)

MB5 = 5 * 1024 * 1024


@pytest.fixture(scope="module")
def srv(hikeshi_bin: str, engine: str) -> Iterator[HikeshiServer]:
    with private_server(hikeshi_bin, engine, clock_args(FRIDAY_1600_JST)) as server:
        yield server


@pytest.fixture(scope="module")
def dev(srv: HikeshiServer) -> Any:
    """A Developer customer (Japanese, Asia/Tokyo) shared by tests that only add their own cases."""
    return customer(srv, "developer")


@pytest.fixture(scope="module")
def dev_client(srv: HikeshiServer, dev: Any) -> Any:
    return support(srv, dev)


@pytest.fixture(scope="module")
def biz(srv: HikeshiServer) -> Any:
    return customer(srv, "business", "en", "America/Los_Angeles")


@pytest.fixture(scope="module")
def biz_client(srv: HikeshiServer, biz: Any) -> Any:
    return support(srv, biz)


# ---------------------------------------------------------------------------
# CreateCase
# ---------------------------------------------------------------------------


def test_create_case_and_describe_it(srv, dev, dev_client):
    case_id = dev_client.create_case(
        subject="EC2 instance unreachable",
        communicationBody="Instance i-0abc1234def567890 in ap-northeast-1 stopped answering at 09:00 JST. What can we check?",
        serviceCode=EC2,
        categoryCode=GENERAL,
        severityCode="normal",
        language="ja",
        issueType="technical",
        ccEmailAddresses=["ops@example.com"],
    )["caseId"]
    match = re.fullmatch(CASE_ID_RE, case_id)
    assert match, case_id
    assert match.group(1) == dev.account_id
    assert match.group(2) == "2026", "the year in the id is the domain year the case opened"

    case = the_case(dev_client, case_id)
    assert case["subject"] == "EC2 instance unreachable"
    assert case["status"] == "unassigned"
    assert case["serviceCode"] == EC2 and case["categoryCode"] == GENERAL
    assert case["severityCode"] == "normal"
    assert case["language"] == "ja"
    assert case["ccEmailAddresses"] == ["ops@example.com"]
    assert re.fullmatch(r"\d{10}", case["displayId"]), case["displayId"]
    assert case["submittedBy"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z", case["timeCreated"]), case["timeCreated"]
    created = utc(case["timeCreated"])
    assert utc(FRIDAY_1600_JST) <= created < utc(FRIDAY_1600_JST) + dt.timedelta(minutes=10), "domain time, from --clock-start"
    [first] = case["recentCommunications"]["communications"]
    assert first["body"].startswith("Instance i-0abc1234def567890")
    assert first["caseId"] == case_id
    assert first["submittedBy"]
    # and only its owner sees it
    other = support(srv, customer(srv, "developer"))
    with aws_error("CaseIdNotFound", 400):
        other.describe_cases(caseIdList=[case_id])
    with aws_error("CaseIdNotFound", 400):
        other.describe_cases(displayId=case["displayId"])
    with aws_error("CaseIdNotFound", 400):
        other.describe_communications(caseId=case_id)
    with aws_error("CaseIdNotFound", 400):
        other.add_communication_to_case(caseId=case_id, communicationBody="not mine")
    with aws_error("CaseIdNotFound", 400):
        other.resolve_case(caseId=case_id)
    assert other.describe_cases()["cases"] == []
    assert the_case(dev_client, case_id)["status"] == "unassigned"
    assert len(dev_client.describe_communications(caseId=case_id)["communications"]) == 1


def test_defaults_severity_low_issue_type_technical(dev_client):
    case_id = dev_client.create_case(subject="Defaults", communicationBody="What are the defaults?", serviceCode=EC2, categoryCode=GENERAL)["caseId"]
    case = the_case(dev_client, case_id)
    assert case["severityCode"] == "low"
    # without a language the case is in the account plan's language (this Developer account's is Japanese)
    assert case["language"] == "ja"
    # a technical case (the default issue type) needs a service code
    with aws_error("ValidationException", 400, mentions="serviceCode"):
        dev_client.create_case(subject="No service", communicationBody="Which service is this?")


def test_customer_service_case_defaults_to_the_account_service(dev_client):
    case_id = dev_client.create_case(subject="Invoice address", communicationBody="How do we change it?", issueType="customer-service")["caseId"]
    case = the_case(dev_client, case_id)
    assert case["serviceCode"] == ACCOUNT_SERVICE
    assert case["severityCode"] == "low"


@pytest.mark.parametrize(
    "override, field",
    [
        ({"serviceCode": "amazon-nonexistent-service"}, "serviceCode"),
        ({"categoryCode": "no-such-category"}, "categoryCode"),
        ({"language": "fr"}, "language"),
        ({"issueType": "sales"}, "issueType"),
    ],
)
def test_create_case_rejects_unknown_codes(dev_client, override, field):
    with aws_error("ValidationException", 400, mentions=field):
        open_case(dev_client, **override)


@pytest.mark.parametrize(
    "plan, offered, refused",
    [
        ("developer", ["low", "normal"], ["high", "urgent", "critical"]),
        ("business", ["low", "normal", "high", "urgent"], ["critical"]),
        ("enterprise-on-ramp", ["low", "normal", "high", "urgent", "critical"], []),
        ("enterprise", ["critical"], []),
    ],
)
def test_severity_must_be_one_the_plan_offers(srv, plan, offered, refused):
    client = support(srv, customer(srv, plan))
    for severity in offered:
        case_id = open_case(client, severityCode=severity)
        assert the_case(client, case_id)["severityCode"] == severity
    for severity in refused:
        with aws_error("ValidationException", 400, mentions="severityCode"):
            open_case(client, severityCode=severity)


@pytest.mark.parametrize("explicit_basic", [False, True])
def test_basic_plan_has_no_technical_cases_but_account_cases(srv, explicit_basic):
    client = support(srv, customer(srv, "basic" if explicit_basic else None))
    with aws_error("SubscriptionRequiredException", 400):
        open_case(client)
    with aws_error("SubscriptionRequiredException", 400):
        open_case(client, issueType="technical", serviceCode=EC2, severityCode="normal")
    for severity in ("low", "normal"):
        case_id = open_case(client, issueType="customer-service", serviceCode=ACCOUNT_SERVICE, severityCode=severity)
        assert the_case(client, case_id)["severityCode"] == severity
    assert the_case(client, open_case(client, issueType="customer-service", serviceCode=BILLING))["serviceCode"] == BILLING
    with aws_error("ValidationException", 400, mentions="severityCode"):
        open_case(client, issueType="customer-service", serviceCode=ACCOUNT_SERVICE, severityCode="high")


@pytest.mark.parametrize(
    "subject, language",
    [("URGENT!!! production down", "en"), ("【緊急】本番環境が停止", "ja"), ("긴급: 서비스 중단", "ko")],
)
def test_urgent_words_in_the_subject_do_not_raise_the_severity(dev_client, subject, language):
    case_id = open_case(dev_client, subject=subject, language=language, severityCode="low")
    assert the_case(dev_client, case_id)["severityCode"] == "low"
    case_id = open_case(dev_client, subject=subject, language=language)
    assert the_case(dev_client, case_id)["severityCode"] == "low"


# ---------------------------------------------------------------------------
# DescribeCases
# ---------------------------------------------------------------------------


def test_describe_cases_pages_newest_first(srv):
    client = support(srv, customer(srv, "developer"))
    created = []
    for i in range(12):
        spaced()
        created.append(open_case(client, subject=f"Case {i}"))
    first = client.describe_cases(maxResults=10, includeCommunications=False)
    assert len(first["cases"]) == 10
    assert first.get("nextToken")
    second = client.describe_cases(maxResults=10, includeCommunications=False, nextToken=first["nextToken"])
    assert len(second["cases"]) == 2
    assert not second.get("nextToken")
    listed = [c["caseId"] for c in first["cases"] + second["cases"]]
    assert listed == list(reversed(created)), "newest first, each case once"
    times = [utc(c["timeCreated"]) for c in first["cases"] + second["cases"]]
    assert times == sorted(times, reverse=True)
    # no filters, default page size: all twelve at once
    assert len(client.describe_cases()["cases"]) == 12


def test_describe_cases_page_size_is_10_to_100(srv, dev):
    unchecked = support(srv, dev, parameter_validation=False)
    for size in (9, 101):
        with aws_error("ValidationException", 400, mentions="maxResults"):
            unchecked.describe_cases(maxResults=size)
    assert unchecked.describe_cases(maxResults=10)["cases"] is not None
    with aws_error("ValidationException", 400, mentions="afterTime"):
        unchecked.describe_cases(afterTime="last tuesday")
    with aws_error("ValidationException", 400, mentions="language"):
        unchecked.describe_cases(language="fr")


def test_describe_cases_unknown_case_id(dev_client):
    with aws_error("CaseIdNotFound", 400):
        dev_client.describe_cases(caseIdList=["case-123456789012-2026-0123456789abcdef"])
    known = open_case(dev_client)
    with aws_error("CaseIdNotFound", 400):
        dev_client.describe_cases(caseIdList=[known, "case-123456789012-2026-0123456789abcdef"])


def test_describe_cases_filters(srv):
    client = support(srv, customer(srv, "developer"))
    ja = open_case(client, language="ja")
    spaced()
    en = open_case(client, language="en")
    spaced()
    ko = open_case(client, language="ko")
    by_display = the_case(client, en)["displayId"]
    found = client.describe_cases(displayId=by_display)["cases"]
    assert [c["caseId"] for c in found] == [en]
    assert [c["caseId"] for c in client.describe_cases(language="ja")["cases"]] == [ja]
    assert [c["caseId"] for c in client.describe_cases(language="ko")["cases"]] == [ko]
    assert [c["caseId"] for c in client.describe_cases(caseIdList=[ja, ko])["cases"]] == [ko, ja]
    created = utc(the_case(client, ja)["timeCreated"])
    iso = iso_ms
    assert client.describe_cases(afterTime=iso(created + dt.timedelta(days=1)))["cases"] == []
    assert client.describe_cases(beforeTime=iso(created - dt.timedelta(days=1)))["cases"] == []
    window = client.describe_cases(afterTime=iso(created - dt.timedelta(minutes=5)), beforeTime=iso(created + dt.timedelta(days=1)))
    assert {c["caseId"] for c in window["cases"]} == {ja, en, ko}


def test_recent_communications_are_the_five_newest(dev_client):
    case_id = open_case(dev_client, communicationBody="message 0")
    for i in range(1, 7):
        spaced()
        assert dev_client.add_communication_to_case(caseId=case_id, communicationBody=f"message {i}")["result"] is True
    case = the_case(dev_client, case_id)
    recent = case["recentCommunications"]
    assert [c["body"] for c in recent["communications"]] == ["message 6", "message 5", "message 4", "message 3", "message 2"]
    assert recent.get("nextToken"), "more than five communications: a token for the rest"
    rest = dev_client.describe_communications(caseId=case_id, nextToken=recent["nextToken"])
    assert [c["body"] for c in rest["communications"]] == ["message 1", "message 0"]
    # without communications
    bare = dev_client.describe_cases(caseIdList=[case_id], includeCommunications=False)["cases"][0]
    assert not (bare.get("recentCommunications") or {}).get("communications")


# ---------------------------------------------------------------------------
# Communications, resolving, reopening
# ---------------------------------------------------------------------------


def iso_ms(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def test_add_communication_and_describe_communications(dev_client):
    case_id = open_case(dev_client, communicationBody="first")
    spaced(0.05)
    assert dev_client.add_communication_to_case(caseId=case_id, communicationBody="second", ccEmailAddresses=["a@example.com"])["result"] is True
    spaced(0.05)
    assert dev_client.add_communication_to_case(caseId=case_id, communicationBody="third")["result"] is True
    communications = dev_client.describe_communications(caseId=case_id)["communications"]
    assert [c["body"] for c in communications] == ["third", "second", "first"], "newest first"
    assert all(c["caseId"] == case_id for c in communications)
    paged, sizes = all_pages(dev_client.describe_communications, "communications", "nextToken", "nextToken", page_size=10, size_key="maxResults", caseId=case_id)
    assert [c["body"] for c in paged] == ["third", "second", "first"]
    first, second, third = (utc(c["timeCreated"]) for c in reversed(communications))
    assert first < second < third
    between = lambda a, b: iso_ms(a + (b - a) / 2)  # noqa: E731
    after_first = dev_client.describe_communications(caseId=case_id, afterTime=between(first, second))
    assert [c["body"] for c in after_first["communications"]] == ["third", "second"]
    before_last = dev_client.describe_communications(caseId=case_id, beforeTime=between(second, third))
    assert [c["body"] for c in before_last["communications"]] == ["second", "first"]
    only_second = dev_client.describe_communications(caseId=case_id, afterTime=between(first, second), beforeTime=between(second, third))
    assert [c["body"] for c in only_second["communications"]] == ["second"]
    assert dev_client.describe_communications(caseId=case_id, afterTime=iso_ms(third + dt.timedelta(seconds=1)))["communications"] == []
    with aws_error("ValidationException", 400, mentions="caseId"):
        dev_client.add_communication_to_case(communicationBody="to nowhere")
    # addresses the mailer could not address are refused up front, not failed later
    for bad in ("not-an-address", "a,b@example.com", "<x>@example.com", "ü@example.com"):
        with aws_error("ValidationException", 400, mentions="ccEmailAddresses"):
            dev_client.add_communication_to_case(caseId=case_id, communicationBody="x", ccEmailAddresses=[bad])
    with aws_error("CaseIdNotFound", 400):
        dev_client.add_communication_to_case(caseId="case-123456789012-2026-0123456789abcdef", communicationBody="x")
    with aws_error("CaseIdNotFound", 400):
        dev_client.describe_communications(caseId="case-123456789012-2026-0123456789abcdef")


def test_time_filters_agree_with_the_times_shown(dev_client):
    """A communication created at T is not among those created after T + 1 ms, nor among those before T - 1 ms. Sixteen
    communications, so that an off-by-one-millisecond in about half of all instants shows."""
    case_id = open_case(dev_client, communicationBody="c0")
    for i in range(1, 16):
        dev_client.add_communication_to_case(caseId=case_id, communicationBody=f"c{i}")
    communications = dev_client.describe_communications(caseId=case_id)["communications"]
    assert len(communications) == 16
    wrong = []
    for c in communications:
        shown = utc(c["timeCreated"])
        after = dev_client.describe_communications(caseId=case_id, afterTime=iso_ms(shown + dt.timedelta(milliseconds=1)))["communications"]
        before = dev_client.describe_communications(caseId=case_id, beforeTime=iso_ms(shown - dt.timedelta(milliseconds=1)))["communications"]
        if c["body"] in [x["body"] for x in after + before]:
            wrong.append((c["body"], c["timeCreated"]))
    assert wrong == [], f"found by a time filter that excludes its shown timeCreated: {wrong}"


def test_describe_communications_pagination(dev_client):
    case_id = open_case(dev_client, communicationBody="c0")
    for i in range(1, 12):
        spaced()
        dev_client.add_communication_to_case(caseId=case_id, communicationBody=f"c{i}")
    items, sizes = all_pages(dev_client.describe_communications, "communications", "nextToken", "nextToken", page_size=10, size_key="maxResults", caseId=case_id)
    assert sizes == [10, 2]
    assert [c["body"] for c in items] == [f"c{i}" for i in range(11, -1, -1)]


def test_resolve_case_hides_it_and_a_reply_reopens_it(srv):
    client = support(srv, customer(srv, "developer"))
    case_id = open_case(client)
    other = open_case(client)
    answer = client.resolve_case(caseId=case_id)
    assert answer["initialCaseStatus"] == "unassigned"
    assert answer["finalCaseStatus"] == "resolved"
    assert [c["caseId"] for c in client.describe_cases()["cases"]] == [other]
    with_resolved = {c["caseId"]: c["status"] for c in client.describe_cases(includeResolvedCases=True)["cases"]}
    assert with_resolved == {case_id: "resolved", other: "unassigned"}
    assert the_case(client, case_id)["status"] == "resolved"
    # resolving again keeps it resolved
    again = client.resolve_case(caseId=case_id)
    assert again["initialCaseStatus"] == "resolved" and again["finalCaseStatus"] == "resolved"
    # the customer's reply reopens it
    assert client.add_communication_to_case(caseId=case_id, communicationBody="It came back")["result"] is True
    assert the_case(client, case_id)["status"] == "reopened"
    assert {c["caseId"] for c in client.describe_cases()["cases"]} == {case_id, other}
    with aws_error("CaseIdNotFound", 400):
        client.resolve_case(caseId="case-123456789012-2026-0123456789abcdef")


# ---------------------------------------------------------------------------
# Attachments
# ---------------------------------------------------------------------------


def test_attachment_set_round_trip(srv, dev_client):
    png = bytes(range(256)) * 4
    log = "ログ: StatusCheckFailed_System\n".encode()
    added = dev_client.add_attachments_to_set(attachments=[{"fileName": "screen.png", "data": png}, {"fileName": "system.log", "data": log}])
    set_id = added["attachmentSetId"]
    assert set_id
    expiry = utc(added["expiryTime"])
    assert abs((expiry - utc(FRIDAY_1600_JST)).total_seconds() - 3600) < 600, "a set lasts about an hour from its creation"
    case_id = open_case(dev_client, attachmentSetId=set_id, communicationBody="See the attached screen and log.")
    [communication] = dev_client.describe_communications(caseId=case_id)["communications"]
    attached = {a["fileName"]: a["attachmentId"] for a in communication["attachmentSet"]}
    assert set(attached) == {"screen.png", "system.log"}
    described = dev_client.describe_attachment(attachmentId=attached["screen.png"])["attachment"]
    assert described["fileName"] == "screen.png"
    assert described["data"] == png
    assert dev_client.describe_attachment(attachmentId=attached["system.log"])["attachment"]["data"] == log
    # the set also goes on a later communication
    spaced()
    more = dev_client.add_attachments_to_set(attachments=[{"fileName": "trace.txt", "data": b"trace"}])["attachmentSetId"]
    assert more != set_id
    dev_client.add_communication_to_case(caseId=case_id, communicationBody="And a trace.", attachmentSetId=more)
    newest = dev_client.describe_communications(caseId=case_id)["communications"][0]
    assert [a["fileName"] for a in newest["attachmentSet"]] == ["trace.txt"]
    # another account sees none of it
    stranger = support(srv, customer(srv, "developer"))
    with aws_error("AttachmentIdNotFound", 400):
        stranger.describe_attachment(attachmentId=attached["screen.png"])
    with aws_error("AttachmentSetIdNotFound", 400):
        stranger.add_attachments_to_set(attachmentSetId=set_id, attachments=[{"fileName": "x.txt", "data": b"x"}])
    with aws_error("AttachmentSetIdNotFound", 400):
        open_case(stranger, attachmentSetId=set_id)


def test_attachment_errors(dev_client, srv, dev):
    with aws_error("AttachmentIdNotFound", 400):
        dev_client.describe_attachment(attachmentId="attachment-0123456789abcdef0123456789abcdef")
    with aws_error("AttachmentSetIdNotFound", 400):
        dev_client.add_attachments_to_set(attachmentSetId="as-0123456789abcdef0123456789abcdef", attachments=[{"fileName": "a.txt", "data": b"a"}])
    with aws_error("AttachmentSetIdNotFound", 400):
        open_case(dev_client, attachmentSetId="as-0123456789abcdef0123456789abcdef")
    case_id = open_case(dev_client)
    with aws_error("AttachmentSetIdNotFound", 400):
        dev_client.add_communication_to_case(caseId=case_id, communicationBody="x", attachmentSetId="as-0123456789abcdef0123456789abcdef")
    unchecked = support(srv, dev, parameter_validation=False)
    with aws_error("ValidationException", 400):
        unchecked.add_attachments_to_set(attachments=[])


def test_at_most_one_hundred_attachment_sets_an_hour(srv):
    client = support(srv, customer(srv, "developer"))
    one = {"fileName": "log.txt", "data": b"x"}
    sets = [client.add_attachments_to_set(attachments=[one])["attachmentSetId"] for _ in range(100)]
    assert len(set(sets)) == 100
    with aws_error("AttachmentLimitExceeded", 400):
        client.add_attachments_to_set(attachments=[one])
    # adding to an existing set is not a new set
    assert client.add_attachments_to_set(attachmentSetId=sets[-1], attachments=[one])["attachmentSetId"] == sets[-1]
    # the limit is per account
    assert support(srv, customer(srv, "developer")).add_attachments_to_set(attachments=[one])["attachmentSetId"]


def test_an_attachment_set_holds_at_most_three(dev_client):
    one = lambda name: {"fileName": name, "data": name.encode()}  # noqa: E731
    with aws_error("AttachmentSetSizeLimitExceeded", 400):
        dev_client.add_attachments_to_set(attachments=[one(f"{i}.txt") for i in range(4)])
    set_id = dev_client.add_attachments_to_set(attachments=[one("a.txt"), one("b.txt")])["attachmentSetId"]
    with aws_error("AttachmentSetSizeLimitExceeded", 400):
        dev_client.add_attachments_to_set(attachmentSetId=set_id, attachments=[one("c.txt"), one("d.txt")])
    same = dev_client.add_attachments_to_set(attachmentSetId=set_id, attachments=[one("c.txt")])
    assert same["attachmentSetId"] == set_id
    with aws_error("AttachmentSetSizeLimitExceeded", 400):
        dev_client.add_attachments_to_set(attachmentSetId=set_id, attachments=[one("d.txt")])
    case_id = open_case(dev_client, attachmentSetId=set_id)
    [communication] = dev_client.describe_communications(caseId=case_id)["communications"]
    assert sorted(a["fileName"] for a in communication["attachmentSet"]) == ["a.txt", "b.txt", "c.txt"]


def test_concurrent_additions_never_overfill_a_set(srv, dev):
    client = support(srv, dev)
    for _ in range(3):
        set_id = client.add_attachments_to_set(attachments=[{"fileName": "first.txt", "data": b"1"}])["attachmentSetId"]
        outcomes = at_once(
            lambda i: client.add_attachments_to_set(attachmentSetId=set_id, attachments=[{"fileName": f"more-{i}.txt", "data": b"x"}])["attachmentSetId"],
            10,
        )
        case_id = open_case(client, attachmentSetId=set_id)
        stored = len(client.describe_communications(caseId=case_id)["communications"][0]["attachmentSet"])
        assert stored == 3, f"the set holds {stored} attachments; outcomes {outcomes}"
        assert sorted(outcomes) == ["AttachmentSetSizeLimitExceeded"] * 8 + [set_id] * 2, outcomes


def test_an_attachment_is_at_most_five_megabytes(dev_client):
    with aws_error("AttachmentSetSizeLimitExceeded", 400):
        dev_client.add_attachments_to_set(attachments=[{"fileName": "big.bin", "data": b"\0" * (MB5 + 1)}])
    exactly = bytes(range(256)) * (MB5 // 256)
    set_id = dev_client.add_attachments_to_set(attachments=[{"fileName": "five.bin", "data": exactly}])["attachmentSetId"]
    case_id = open_case(dev_client, attachmentSetId=set_id)
    [attachment] = dev_client.describe_communications(caseId=case_id)["communications"][0]["attachmentSet"]
    assert dev_client.describe_attachment(attachmentId=attachment["attachmentId"])["attachment"]["data"] == exactly


def test_attachment_sets_expire_after_an_hour(server_factory):
    fast = server_factory.new(serve_args=clock_args(FRIDAY_1600_JST, 3600))
    account = customer(fast, "business", "en", "UTC")
    client = support(fast, account)
    set_id = client.add_attachments_to_set(attachments=[{"fileName": "a.txt", "data": b"a"}])["attachmentSetId"]

    def expired() -> bool:
        try:
            client.add_attachments_to_set(attachmentSetId=set_id, attachments=[{"fileName": "b.txt", "data": b"b"}])
        except client.exceptions.ClientError as e:
            code = e.response["Error"]["Code"]
            assert code in ("AttachmentSetExpired", "AttachmentSetSizeLimitExceeded"), e.response
            return code == "AttachmentSetExpired"
        return False

    wait_until(expired, timeout=10, interval=0.1, message="the attachment set to expire (1 domain hour = 1 s)")
    with aws_error("AttachmentSetExpired", 400):
        open_case(client, attachmentSetId=set_id, language="en")
    case_id = open_case(client, language="en")
    with aws_error("AttachmentSetExpired", 400):
        client.add_communication_to_case(caseId=case_id, communicationBody="late", attachmentSetId=set_id)
    # a new set works
    fresh = client.add_attachments_to_set(attachments=[{"fileName": "c.txt", "data": b"c"}])["attachmentSetId"]
    open_case(client, attachmentSetId=fresh, language="en")


# ---------------------------------------------------------------------------
# Catalogue
# ---------------------------------------------------------------------------


def test_describe_services_localized_and_filtered(dev_client):
    english = dev_client.describe_services()["services"]
    codes = [s["code"] for s in english]
    assert len(codes) == len(set(codes))
    for code in (EC2, ACCOUNT_SERVICE, BILLING):
        assert code in codes
    for service in english:
        assert service["name"]
        assert service["categories"], service
        assert all(c["code"] and c["name"] for c in service["categories"])
    ec2 = next(s for s in english if s["code"] == EC2)
    assert GENERAL in [c["code"] for c in ec2["categories"]]
    assert dev_client.describe_services(language="en")["services"] == english
    japanese = {s["code"]: s for s in dev_client.describe_services(language="ja")["services"]}
    assert set(japanese) == set(codes)
    differing = [code for code in codes if japanese[code]["name"] != next(s for s in english if s["code"] == code)["name"]]
    assert differing, "Japanese names differ from English ones for some services"
    assert any(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", japanese[code]["name"]) for code in differing)
    ja_ec2_categories = {c["code"]: c["name"] for c in japanese[EC2]["categories"]}
    assert ja_ec2_categories[GENERAL] != {c["code"]: c["name"] for c in ec2["categories"]}[GENERAL]
    filtered = dev_client.describe_services(serviceCodeList=[EC2, BILLING])["services"]
    assert sorted(s["code"] for s in filtered) == sorted([EC2, BILLING])
    with aws_error("ValidationException", 400, mentions="language"):
        dev_client.describe_services(language="fr")


ENGLISH_SEVERITIES = {"low": "Low", "normal": "Normal", "high": "High", "urgent": "Urgent", "critical": "Critical"}
JAPANESE_SEVERITIES = {
    "low": "一般的なガイダンス",
    "normal": "システム障害",
    "high": "本番システムの障害",
    "urgent": "本番システムのダウン",
    "critical": "ビジネスクリティカルなシステムのダウン",
}


@pytest.mark.parametrize(
    "plan, codes",
    [
        (None, ["low", "normal"]),
        ("developer", ["low", "normal"]),
        ("business", ["low", "normal", "high", "urgent"]),
        ("enterprise-on-ramp", ["low", "normal", "high", "urgent", "critical"]),
        ("enterprise", ["low", "normal", "high", "urgent", "critical"]),
    ],
)
def test_describe_severity_levels_of_the_plan(srv, plan, codes):
    client = support(srv, customer(srv, plan))
    levels = client.describe_severity_levels(language="en")["severityLevels"]
    assert [lvl["code"] for lvl in levels] == codes
    assert [lvl["name"] for lvl in levels] == [ENGLISH_SEVERITIES[c] for c in codes]
    assert client.describe_severity_levels()["severityLevels"] == levels, "English by default"
    japanese = {lvl["code"]: lvl["name"] for lvl in client.describe_severity_levels(language="ja")["severityLevels"]}
    assert japanese == {c: JAPANESE_SEVERITIES[c] for c in codes}
    for language, script in (("ko", r"[\uac00-\ud7a3]"), ("zh", r"[\u4e00-\u9fff]")):
        names = client.describe_severity_levels(language=language)["severityLevels"]
        assert [lvl["code"] for lvl in names] == codes
        assert all(re.search(script, lvl["name"]) for lvl in names), names


def test_describe_supported_languages(dev_client):
    languages = dev_client.describe_supported_languages(issueType="technical", serviceCode=EC2, categoryCode=GENERAL)["supportedLanguages"]
    by_code = {lang["code"]: lang for lang in languages}
    assert sorted(by_code) == ["en", "ja", "ko", "zh"]
    assert all(lang["language"] and lang["display"] for lang in languages)
    assert by_code["ja"]["display"] == "日本語"
    with aws_error("ValidationException", 400, mentions="serviceCode"):
        dev_client.describe_supported_languages(issueType="technical", serviceCode="nope", categoryCode=GENERAL)


def test_create_case_options_developer_business_hours_and_holidays(dev_client):
    options = dev_client.describe_create_case_options(issueType="technical", serviceCode=EC2, categoryCode=GENERAL, language="ja")
    assert options["languageAvailability"] == "available"
    [web] = options["communicationTypes"]
    assert web["type"] == "web"
    assert web["supportedHours"] == [{"startTime": "08:00 AM", "endTime": "06:00 PM"}]
    # Japanese public holidays from Fri 2026-11-20 for 60 days, each as its Tokyo day in UTC
    assert web["datesWithoutSupport"] == [
        {"startDateTime": "2026-11-22T15:00:00.000Z", "endDateTime": "2026-11-23T15:00:00.000Z"},
        {"startDateTime": "2026-12-31T15:00:00.000Z", "endDateTime": "2027-01-01T15:00:00.000Z"},
        {"startDateTime": "2027-01-10T15:00:00.000Z", "endDateTime": "2027-01-11T15:00:00.000Z"},
    ]


def test_create_case_options_english_desk_closes_on_us_holidays(dev_client):
    options = dev_client.describe_create_case_options(issueType="technical", serviceCode=EC2, categoryCode=GENERAL, language="en")
    [web] = options["communicationTypes"]
    assert web["supportedHours"] == [{"startTime": "08:00 AM", "endTime": "06:00 PM"}]
    # Thanksgiving, Christmas, New Year's Day, Martin Luther King Jr. Day as Los Angeles days (UTC-8)
    assert web["datesWithoutSupport"] == [
        {"startDateTime": "2026-11-26T08:00:00.000Z", "endDateTime": "2026-11-27T08:00:00.000Z"},
        {"startDateTime": "2026-12-25T08:00:00.000Z", "endDateTime": "2026-12-26T08:00:00.000Z"},
        {"startDateTime": "2027-01-01T08:00:00.000Z", "endDateTime": "2027-01-02T08:00:00.000Z"},
        {"startDateTime": "2027-01-18T08:00:00.000Z", "endDateTime": "2027-01-19T08:00:00.000Z"},
    ]


def test_create_case_options_business_is_round_the_clock(biz_client):
    options = biz_client.describe_create_case_options(issueType="technical", serviceCode=EC2, categoryCode=GENERAL, language="en")
    assert options["languageAvailability"] == "available"
    types = {t["type"]: t for t in options["communicationTypes"]}
    assert sorted(types) == ["call", "chat", "web"]
    for option in types.values():
        assert option["supportedHours"] == [{"startTime": "12:00 AM", "endTime": "12:00 AM"}]
        assert option["datesWithoutSupport"] == []
    # round the clock is for technical cases; account questions keep the desk's hours
    account = biz_client.describe_create_case_options(issueType="customer-service", serviceCode=ACCOUNT_SERVICE, categoryCode=GENERAL, language="en")
    for option in account["communicationTypes"]:
        assert option["supportedHours"] != [{"startTime": "12:00 AM", "endTime": "12:00 AM"}], option


# ---------------------------------------------------------------------------
# aws CLI
# ---------------------------------------------------------------------------


def test_aws_cli_create_and_describe_cases(srv):
    account = customer(srv, "business", "en", "UTC")
    created = srv.aws(
        "support", "create-case", "--subject", "CLI case", "--communication-body", "Opened with the aws CLI. Can you confirm?",
        "--service-code", EC2, "--category-code", GENERAL, "--severity-code", "urgent", "--language", "en", account=account,
    )
    assert re.fullmatch(CASE_ID_RE, created["caseId"])
    described = srv.aws("support", "describe-cases", "--case-id-list", created["caseId"], account=account)
    [case] = described["cases"]
    assert case["caseId"] == created["caseId"]
    assert case["subject"] == "CLI case"
    assert case["severityCode"] == "urgent"
    assert case["status"] == "unassigned"
    failed = srv.aws(
        "support", "create-case", "--subject", "x", "--communication-body", "y", "--service-code", EC2, "--severity-code", "critical",
        account=account, check=False,
    )
    assert failed.returncode != 0
    assert "ValidationException" in failed.stderr
