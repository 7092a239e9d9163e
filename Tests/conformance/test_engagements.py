"""Engagements and pages: StartEngagement / StopEngagement / DescribeEngagement / ListEngagements,
DescribePage, ListPagesByContact / ByEngagement, ListPageReceipts, ListPageResolutions, AcceptPage,
with real delivery to an SMTP sink and a fake Twilio.

Each test gets a private server (`paging_rig`) at --time-scale 60: a 1-minute stage takes 1 s.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from harness import DEFAULT_ACCOUNT_ID, aws_error, unique, wait_until
from paging_support import (
    SMTP_FROM,
    TWILIO_FROM,
    SMTPSink,
    page_code_in_email,
    page_code_in_sms,
)

# Real seconds per domain minute at --time-scale 60.
MINUTE = 1.0


def wrong(code: str) -> str:
    return code[:-1] + str((int(code[-1]) + 1) % 10)


def receipt_types(rig, page_arn: str) -> list[str]:
    return [r["ReceiptType"] for r in rig.receipts(page_arn)]


def collect(call, key: str, page_size: int, **kwargs) -> tuple[list[dict], int]:
    items, token, pages = [], None, 0
    while True:
        args = dict(kwargs, MaxResults=page_size)
        if token:
            args["NextToken"] = token
        response = call(**args)
        pages += 1
        assert len(response[key]) <= page_size
        items += response[key]
        token = response.get("NextToken")
        if not token:
            return items, pages
        assert pages < 100


def make_schedule(rig, members: list[str], prefix: str = "sched") -> tuple[str, str]:
    """A daily rotation of `members` that started a week ago, and an ONCALL_SCHEDULE contact using it."""
    rotation = rig.client.create_rotation(
        Name=unique("rot"), ContactIds=members, TimeZoneId="UTC",
        StartTime=dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=7),
        Recurrence={"DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}], "NumberOfOnCalls": len(members), "RecurrenceMultiplier": 1},
    )["RotationArn"]
    schedule = rig.client.create_contact(
        Alias=unique(prefix), DisplayName="Primary on call", Type="ONCALL_SCHEDULE", Plan={"RotationIds": [rotation]}
    )["ContactArn"]
    return rotation, schedule


# ---------------------------------------------------------------------------
# Delivery of a page
# ---------------------------------------------------------------------------


def test_person_is_paged_on_every_activated_channel(paging_rig):
    rig = paging_rig
    person = rig.person("alice", display_name="Alice")
    # the activation codes came by each channel's own medium
    assert rig.smtp.to(person.email, subject_contains="activation code")
    assert rig.twilio.sms(person.phone, containing="activation code")
    assert rig.twilio.calls(person.phone, containing="activation code")
    for arn in person.channels.values():
        assert rig.client.get_contact_channel(ContactChannelId=arn)["ActivationStatus"] == "ACTIVATED"

    engagement = rig.engage(
        person.arn, Sender="pagerbot", Subject="Database down", Content="Primary db-1 is not answering on 5432",
        PublicSubject="Incident", PublicContent="An incident needs you", IncidentId="inc-42",
    )
    assert engagement.startswith(f"arn:aws:ssm-contacts:us-east-1:{DEFAULT_ACCOUNT_ID}:engagement/")

    mail = rig.smtp.wait_for(person.email, subject_contains="Database down")[0]
    assert mail.subject == "[Hikeshi] Database down"
    assert mail.mail_from == SMTP_FROM
    assert SMTP_FROM in mail.headers.get("From", "")
    assert "Primary db-1 is not answering on 5432" in mail.body
    code = page_code_in_email(mail)

    sms = rig.twilio.wait_for_sms(person.phone, containing="acknowledge")[0]
    assert sms.form["From"] == TWILIO_FROM
    assert "Incident" in sms.text and "An incident needs you" in sms.text
    assert "Primary db-1" not in sms.text, "the SMS must carry the public content, not the private one"
    assert f"Reply {code} to acknowledge." in sms.text
    assert page_code_in_sms(sms.text) == code

    call = rig.twilio.wait_for_call(person.phone, containing="acknowledge")[0]
    assert call.form["From"] == TWILIO_FROM
    assert "An incident needs you" in call.text
    assert "Primary db-1" not in call.text
    assert all(r.authorized for r in rig.twilio.requests), "every Twilio call must use Basic auth sid:token"

    page = rig.wait_for_page(engagement, person.arn)
    sent = wait_until(
        lambda: (found := {r["ContactChannelArn"]: r for r in rig.receipts(page["PageArn"]) if r["ReceiptType"] == "SENT"})
        and len(found) == 3 and found,
        message="three SENT receipts",
    )
    assert set(sent) == set(person.channels.values())
    assert sent[person.channels["SMS"]]["ReceiptInfo"] == sms.sid
    assert sent[person.channels["VOICE"]]["ReceiptInfo"] == call.sid
    assert sent[person.channels["EMAIL"]]["ReceiptInfo"], "the SMTP queue id / message id should be recorded"

    described = rig.client.describe_page(PageId=page["PageArn"])
    assert described["PageArn"] == page["PageArn"]
    assert described["EngagementArn"] == engagement
    assert described["ContactArn"] == person.arn
    assert described["Sender"] == "pagerbot"
    assert described["Subject"] == "Database down"
    assert described["Content"] == "Primary db-1 is not answering on 5432"
    assert described["PublicSubject"] == "Incident"
    assert described["PublicContent"] == "An incident needs you"
    assert described["IncidentId"] == "inc-42"
    assert "SentTime" in described
    assert "ReadTime" not in described

    resolutions = rig.client.list_page_resolutions(PageId=page["PageArn"])["PageResolutions"]
    assert [(r["ContactArn"], r["Type"]) for r in resolutions] == [(person.arn, "PERSONAL")]

    # each channel got exactly one page message
    assert len(rig.smtp.to(person.email, subject_contains="Database down")) == 1
    assert len(rig.twilio.sms(person.phone, containing="acknowledge")) == 1
    assert len(rig.twilio.calls(person.phone, containing="acknowledge")) == 1


def test_only_activated_channels_are_paged(paging_rig):
    rig = paging_rig
    person = rig.person("bob", channel_types=("EMAIL",))
    deferred_sms = rig.client.create_contact_channel(
        ContactId=person.arn, Name="sms", Type="SMS", DeliveryAddress={"SimpleAddress": person.phone}, DeferActivation=True
    )["ContactChannelArn"]
    voice = rig.client.create_contact_channel(
        ContactId=person.arn, Name="voice", Type="VOICE", DeliveryAddress={"SimpleAddress": person.phone}
    )["ContactChannelArn"]
    rig.activate(voice, "VOICE", person.phone)
    rig.client.deactivate_contact_channel(ContactChannelId=voice)
    assert rig.client.get_contact_channel(ContactChannelId=deferred_sms)["ActivationStatus"] == "NOT_ACTIVATED"

    engagement = rig.engage(person.arn)
    rig.smtp.wait_for(person.email, subject_contains="Disk full")
    page = rig.wait_for_page(engagement, person.arn)
    rig.wait_for_receipt(page["PageArn"], lambda r: r["ReceiptType"] == "SENT")
    time.sleep(1.0)  # a second for anything else that would (wrongly) be sent
    assert rig.twilio.sms(person.phone) == [], "a deferred (never activated) SMS channel must not be paged or sent a code"
    assert rig.twilio.calls(person.phone, containing="acknowledge") == []
    assert [r["ContactChannelArn"] for r in rig.receipts(page["PageArn"])] == [person.channels["EMAIL"]]


def test_deferred_channel_gets_its_code_on_send_activation_code(paging_rig):
    rig = paging_rig
    person = rig.person("carol", channel_types=())
    channel = rig.client.create_contact_channel(
        ContactId=person.arn, Name="mail", Type="EMAIL", DeliveryAddress={"SimpleAddress": person.email}, DeferActivation=True
    )["ContactChannelArn"]
    time.sleep(0.5)
    assert rig.smtp.to(person.email) == [], "DeferActivation must not send a code"
    rig.client.send_activation_code(ContactChannelId=channel)
    code = rig.activation_code("EMAIL", person.email)
    assert code == rig.server.activation_code(channel)
    rig.client.activate_contact_channel(ContactChannelId=channel, ActivationCode=code)
    assert rig.client.get_contact_channel(ContactChannelId=channel)["ActivationStatus"] == "ACTIVATED"


def test_personal_plan_stages_run_one_after_another(paging_rig):
    rig = paging_rig
    person = rig.person("dave")
    rig.set_personal_plan(person, [(1, ["EMAIL"]), (1, ["SMS"]), (1, ["VOICE"])])
    started = time.monotonic()
    engagement = rig.engage(person.arn, Subject="Staged")

    mail = rig.smtp.wait_for(person.email, subject_contains="Staged")[0]
    sms = rig.twilio.wait_for_sms(person.phone, containing="acknowledge", timeout=10)[0]
    call = rig.twilio.wait_for_call(person.phone, containing="acknowledge", timeout=10)[0]
    assert mail.received_at - started < 0.9 * MINUTE, "stage 1 runs at once"
    assert sms.received_at - mail.received_at >= 0.8 * MINUTE, "stage 2 runs one (domain) minute after stage 1"
    assert call.received_at - sms.received_at >= 0.8 * MINUTE, "stage 3 runs one (domain) minute after stage 2"
    assert call.received_at - started < 6 * MINUTE

    page = rig.wait_for_page(engagement, person.arn)
    rig.wait_for_receipt(page["PageArn"], lambda r: r["ContactChannelArn"] == person.channels["VOICE"])
    sent = [r for r in rig.receipts(page["PageArn"]) if r["ReceiptType"] == "SENT"]
    assert [r["ContactChannelArn"] for r in sent] == [person.channels[t] for t in ("EMAIL", "SMS", "VOICE")]
    times = [r["ReceiptTime"] for r in sent]
    # domain time: a minute between stages
    assert times[1] - times[0] >= dt.timedelta(seconds=50)
    assert times[2] - times[1] >= dt.timedelta(seconds=50)


def test_reading_a_page_stops_the_rest_of_the_personal_plan(paging_rig):
    rig = paging_rig
    person = rig.person("erin")
    rig.set_personal_plan(person, [(1, ["EMAIL"]), (1, ["SMS"])])
    engagement = rig.engage(person.arn, Subject="Read me")
    code = page_code_in_email(rig.smtp.wait_for(person.email, subject_contains="Read me")[0])
    page = rig.wait_for_page(engagement, person.arn)
    rig.client.accept_page(PageId=page["PageArn"], AcceptType="READ", AcceptCode=code, AcceptCodeValidation="ENFORCE")
    time.sleep(2.5 * MINUTE)
    assert rig.twilio.sms(person.phone, containing="acknowledge") == [], "stage 2 must not run after the page was read"


def test_delivery_error_is_recorded_and_retried(paging_rig):
    rig = paging_rig
    person = rig.person("frank", channel_types=("SMS",))
    rig.set_personal_plan(person, [(5, ["SMS"])], retry=1)
    rig.twilio.fail_next(1, status=500)
    engagement = rig.engage(person.arn, Subject="Flaky")
    sms = rig.twilio.wait_for_sms(person.phone, containing="acknowledge", timeout=10)
    assert len(sms) == 1
    page = rig.wait_for_page(engagement, person.arn)
    rig.wait_for_receipt(page["PageArn"], lambda r: r["ReceiptType"] == "SENT")
    receipts = rig.receipts(page["PageArn"])
    assert [r["ReceiptType"] for r in receipts] == ["ERROR", "SENT"]
    assert receipts[0]["ContactChannelArn"] == person.channels["SMS"]
    assert receipts[1]["ReceiptInfo"] == sms[0].sid
    assert receipts[1]["ReceiptTime"] - receipts[0]["ReceiptTime"] >= dt.timedelta(seconds=50), "retried after RetryIntervalInMinutes"
    failed = [r for r in rig.twilio.requests if r.kind == "sms" and r.status == 500 and "acknowledge" in r.text]
    assert len(failed) == 1


@pytest.mark.parametrize("problem", ["email-not-configured", "twilio-refuses-credentials"])
def test_permanent_delivery_failure_is_an_error_receipt_without_retries(make_paging_rig, problem):
    if problem == "email-not-configured":
        rig = make_paging_rig(env={"HIKESHI_SMTP_URL": ""})
        channel_type, mentions = "EMAIL", "HIKESHI_SMTP_URL"
    else:
        rig = make_paging_rig(env={"HIKESHI_TWILIO_AUTH_TOKEN": "not-the-token"})
        channel_type, mentions = "SMS", "401"
    person = rig.person("quinn", channel_types=(channel_type,), activate=False)
    channel = person.channels[channel_type]
    # the code could not be delivered: an operator reads it with `hikeshi admin`
    rig.client.activate_contact_channel(ContactChannelId=channel, ActivationCode=rig.server.activation_code(channel))
    rig.set_personal_plan(person, [(5, [channel_type])], retry=1)

    engagement = rig.engage(person.arn, Subject="Undeliverable")
    page = rig.wait_for_page(engagement, person.arn)["PageArn"]
    error = rig.wait_for_receipt(page, lambda r: r["ReceiptType"] == "ERROR")
    assert error["ContactChannelArn"] == channel
    assert mentions in error.get("ReceiptInfo", ""), error
    time.sleep(2.5 * MINUTE)  # past the retry interval: a permanent failure is not retried
    assert receipt_types(rig, page) == ["ERROR"]
    assert rig.smtp.to(person.email) == [] and rig.twilio.sms(person.phone) == []


def test_email_with_smtp_auth(make_paging_rig):
    sink = SMTPSink(username="hikeshi-user", password="s3cret p@ss").start()
    try:
        rig = make_paging_rig(smtp=sink)
        person = rig.person("gina", channel_types=("EMAIL",))
        rig.engage(person.arn, Subject="Authenticated")
        mail = sink.wait_for(person.email, subject_contains="Authenticated")[0]
        assert mail.authenticated_as == "hikeshi-user"
        assert sink.failed_logins == []
    finally:
        sink.stop()


# ---------------------------------------------------------------------------
# AcceptPage and receipts
# ---------------------------------------------------------------------------


def test_accept_page_enforces_the_code(paging_rig):
    rig = paging_rig
    person = rig.person("hank", channel_types=("EMAIL",))
    engagement = rig.engage(person.arn, Subject="Enforce")
    code = page_code_in_email(rig.smtp.wait_for(person.email, subject_contains="Enforce")[0])
    page = rig.wait_for_page(engagement, person.arn)["PageArn"]

    with aws_error("ValidationException", 400, mentions="AcceptCode"):
        rig.client.accept_page(PageId=page, AcceptType="READ", AcceptCode=wrong(code), AcceptCodeValidation="ENFORCE")
    assert "READ" not in receipt_types(rig, page)
    assert "ReadTime" not in rig.client.describe_page(PageId=page)

    rig.client.accept_page(
        PageId=page, AcceptType="READ", AcceptCode=code, AcceptCodeValidation="ENFORCE",
        ContactChannelId=person.channels["EMAIL"], Note="on it",
    )
    read = [r for r in rig.receipts(page) if r["ReceiptType"] == "READ"]
    assert len(read) == 1
    assert read[0]["ContactChannelArn"] == person.channels["EMAIL"]
    assert read[0]["ReceiptInfo"] == "on it"
    described = rig.client.describe_page(PageId=page)
    assert "ReadTime" in described and "DeliveryTime" in described


@pytest.mark.parametrize("validation", ["IGNORE", None])
def test_accept_page_without_enforcement_takes_any_code(paging_rig, validation):
    rig = paging_rig
    person = rig.person("ivy", channel_types=("EMAIL",))
    engagement = rig.engage(person.arn, Subject="Ignore")
    code = page_code_in_email(rig.smtp.wait_for(person.email, subject_contains="Ignore")[0])
    page = rig.wait_for_page(engagement, person.arn)["PageArn"]
    params = {"PageId": page, "AcceptType": "READ", "AcceptCode": wrong(code)}
    if validation:
        params["AcceptCodeValidation"] = validation
    rig.client.accept_page(**params)
    assert "READ" in receipt_types(rig, page)


def test_accept_page_delivered(paging_rig):
    rig = paging_rig
    person = rig.person("jack", channel_types=("EMAIL",))
    engagement = rig.engage(person.arn, Subject="Delivered")
    code = page_code_in_email(rig.smtp.wait_for(person.email, subject_contains="Delivered")[0])
    page = rig.wait_for_page(engagement, person.arn)["PageArn"]
    rig.client.accept_page(PageId=page, AcceptType="DELIVERED", AcceptCode=code, AcceptCodeValidation="ENFORCE")
    assert receipt_types(rig, page)[-1] == "DELIVERED"
    described = rig.client.describe_page(PageId=page)
    assert "DeliveryTime" in described
    assert "ReadTime" not in described


def test_page_receipts_pagination(paging_rig):
    rig = paging_rig
    person = rig.person("kate")
    engagement = rig.engage(person.arn)
    page = rig.wait_for_page(engagement, person.arn)["PageArn"]
    wait_until(lambda: receipt_types(rig, page).count("SENT") == 3, message="three SENT receipts")
    rig.client.accept_page(PageId=page, AcceptType="DELIVERED", AcceptCode="000000")
    rig.client.accept_page(PageId=page, AcceptType="READ", AcceptCode="000000")
    whole = rig.receipts(page)
    assert [r["ReceiptType"] for r in whole] == ["SENT", "SENT", "SENT", "DELIVERED", "READ"]
    items, pages = collect(rig.client.list_page_receipts, "Receipts", 2, PageId=page)
    assert items == whole
    assert pages == 3


# ---------------------------------------------------------------------------
# Escalation plans, schedules and resolutions
# ---------------------------------------------------------------------------


def test_escalation_resolutions_through_a_schedule(paging_rig):
    rig = paging_rig
    alice = rig.person("alice", channel_types=("EMAIL",))
    lead = rig.person("lead", channel_types=("EMAIL",))
    _, schedule = make_schedule(rig, [alice.arn])
    escalation = rig.escalation([(1, [(schedule, True)]), (1, [(lead.arn, False)])])

    engagement = rig.engage(escalation, Subject="Resolve")
    rig.smtp.wait_for(alice.email, subject_contains="Resolve")
    rig.smtp.wait_for(lead.email, subject_contains="Resolve", timeout=10)
    pages = {p["ContactArn"]: p["PageArn"] for p in rig.pages(engagement)}
    assert set(pages) == {alice.arn, lead.arn}

    path = rig.client.list_page_resolutions(PageId=pages[alice.arn])["PageResolutions"]
    assert [(r["ContactArn"], r["Type"]) for r in path] == [(escalation, "ESCALATION"), (schedule, "ONCALL_SCHEDULE"), (alice.arn, "PERSONAL")]
    assert path[0].get("StageIndex") == 0
    path = rig.client.list_page_resolutions(PageId=pages[lead.arn])["PageResolutions"]
    assert [(r["ContactArn"], r["Type"]) for r in path] == [(escalation, "ESCALATION"), (lead.arn, "PERSONAL")]
    assert path[0].get("StageIndex") == 1


def test_engaging_a_schedule_pages_whoever_is_on_call(paging_rig):
    rig = paging_rig
    alice = rig.person("alice", channel_types=("EMAIL",))
    bob = rig.person("bob", channel_types=("EMAIL",))
    rotation, schedule = make_schedule(rig, [alice.arn])
    engagement = rig.engage(schedule, Subject="Schedule")
    rig.smtp.wait_for(alice.email, subject_contains="Schedule")
    page = rig.wait_for_page(engagement, alice.arn)
    path = rig.client.list_page_resolutions(PageId=page["PageArn"])["PageResolutions"]
    assert [(r["ContactArn"], r["Type"]) for r in path] == [(schedule, "ONCALL_SCHEDULE"), (alice.arn, "PERSONAL")]

    # an override puts bob on call instead
    now = dt.datetime.now(dt.timezone.utc)
    rig.client.create_rotation_override(
        RotationId=rotation, NewContactIds=[bob.arn], StartTime=now - dt.timedelta(days=1), EndTime=now + dt.timedelta(days=30)
    )
    second = rig.engage(schedule, Subject="Override")
    rig.smtp.wait_for(bob.email, subject_contains="Override")
    rig.wait_for_page(second, bob.arn)
    assert [p["ContactArn"] for p in rig.pages(second)] == [bob.arn]
    assert rig.smtp.to(alice.email, subject_contains="Override") == []


def test_reading_an_essential_page_stops_the_escalation(paging_rig):
    rig = paging_rig
    alice = rig.person("alice", channel_types=("EMAIL",))
    lead = rig.person("lead", channel_types=("EMAIL",))
    escalation = rig.escalation([(1, [(alice.arn, True)]), (1, [(lead.arn, True)])])
    engagement = rig.engage(escalation, Subject="Essential")
    code = page_code_in_email(rig.smtp.wait_for(alice.email, subject_contains="Essential")[0])
    page = rig.wait_for_page(engagement, alice.arn)["PageArn"]
    rig.client.accept_page(PageId=page, AcceptType="READ", AcceptCode=code, AcceptCodeValidation="ENFORCE")
    time.sleep(2.5 * MINUTE)
    assert rig.smtp.to(lead.email, subject_contains="Essential") == []
    assert [p["ContactArn"] for p in rig.pages(engagement)] == [alice.arn]


def test_reading_a_non_essential_page_does_not_stop_the_escalation(paging_rig):
    rig = paging_rig
    alice = rig.person("alice", channel_types=("EMAIL",))
    lead = rig.person("lead", channel_types=("EMAIL",))
    escalation = rig.escalation([(1, [(alice.arn, False)]), (1, [(lead.arn, True)])])
    engagement = rig.engage(escalation, Subject="Optional")
    code = page_code_in_email(rig.smtp.wait_for(alice.email, subject_contains="Optional")[0])
    page = rig.wait_for_page(engagement, alice.arn)["PageArn"]
    rig.client.accept_page(PageId=page, AcceptType="READ", AcceptCode=code, AcceptCodeValidation="ENFORCE")
    rig.smtp.wait_for(lead.email, subject_contains="Optional", timeout=10)


# ---------------------------------------------------------------------------
# StopEngagement
# ---------------------------------------------------------------------------


def test_stop_engagement_stops_everything_pending(paging_rig):
    rig = paging_rig
    alice = rig.person("alice")
    rig.set_personal_plan(alice, [(1, ["EMAIL"]), (1, ["SMS"])])
    lead = rig.person("lead", channel_types=("EMAIL",))
    escalation = rig.escalation([(2, [(alice.arn, True)]), (1, [(lead.arn, True)])])
    engagement = rig.engage(escalation, Subject="Stop me")
    rig.smtp.wait_for(alice.email, subject_contains="Stop me")
    page = rig.wait_for_page(engagement, alice.arn)["PageArn"]
    rig.wait_for_receipt(page, lambda r: r["ReceiptType"] == "SENT")

    rig.client.stop_engagement(EngagementId=engagement, Reason="false alarm")
    receipts = rig.receipts(page)
    assert receipts[-1]["ReceiptType"] == "STOP"
    assert [r["ReceiptType"] for r in receipts].count("STOP") == 1
    described = rig.client.describe_engagement(EngagementId=engagement)
    assert "StopTime" in described
    rig.client.stop_engagement(EngagementId=engagement)  # stopping again is harmless

    time.sleep(3.5 * MINUTE)  # past alice's stage 2 and the escalation's stage 2
    assert rig.twilio.sms(alice.phone, containing="acknowledge") == []
    assert rig.smtp.to(lead.email, subject_contains="Stop me") == []
    assert [p["ContactArn"] for p in rig.pages(engagement)] == [alice.arn]
    assert [r["ReceiptType"] for r in rig.receipts(page)].count("STOP") == 1


# ---------------------------------------------------------------------------
# Describe / list
# ---------------------------------------------------------------------------


def test_describe_engagement(paging_rig):
    rig = paging_rig
    person = rig.person("lara", channel_types=())
    engagement = rig.engage(person.arn, Sender="ops", Subject="S", Content="C", IncidentId="inc-9")
    got = rig.client.describe_engagement(EngagementId=engagement)
    assert got["EngagementArn"] == engagement
    assert got["ContactArn"] == person.arn
    assert (got["Sender"], got["Subject"], got["Content"], got["IncidentId"]) == ("ops", "S", "C", "inc-9")
    assert "PublicSubject" not in got and "PublicContent" not in got
    assert "StartTime" in got and "StopTime" not in got


def test_start_engagement_idempotency_token(paging_rig):
    rig = paging_rig
    person = rig.person("mike", channel_types=("EMAIL",))
    token = unique("tok")
    first = rig.engage(person.arn, Subject="Once", IdempotencyToken=token)
    assert rig.engage(person.arn, Subject="Once", IdempotencyToken=token) == first
    rig.smtp.wait_for(person.email, subject_contains="Once")
    time.sleep(0.5)
    assert len(rig.smtp.to(person.email, subject_contains="Once")) == 1
    assert len(rig.client.list_pages_by_contact(ContactId=person.arn)["Pages"]) == 1


def test_list_engagements_filters_and_pagination(paging_rig):
    rig = paging_rig
    person = rig.person("nina", channel_types=())
    incident_a, incident_b = unique("inc"), unique("inc")

    def engage(**extra):
        time.sleep(0.1)  # 6 domain seconds apart: botocore sends whole seconds in TimeRangeValue
        return rig.engage(person.arn, **extra)

    a_arns = [engage(IncidentId=incident_a) for _ in range(3)]
    b_arns = [engage(IncidentId=incident_b) for _ in range(2)]
    plain = engage()

    items, pages = collect(rig.client.list_engagements, "Engagements", 1, IncidentId=incident_a)
    assert sorted(e["EngagementArn"] for e in items) == sorted(a_arns)
    assert pages == 3
    for e in items:
        assert e["ContactArn"] == person.arn and e["Sender"] == "cli" and e["IncidentId"] == incident_a and "StartTime" in e
    assert [e["StartTime"] for e in items] == sorted((e["StartTime"] for e in items), reverse=True), "newest first"

    everything, _ = collect(rig.client.list_engagements, "Engagements", 2)
    assert {e["EngagementArn"] for e in everything} == set(a_arns + b_arns + [plain])

    # TimeRangeValue (domain time): from b0's second to the second after b1 (inclusive bounds)
    starts = {e["EngagementArn"]: e["StartTime"] for e in everything}
    low = starts[b_arns[0]].replace(microsecond=0)
    high = starts[b_arns[1]].replace(microsecond=0) + dt.timedelta(seconds=1)
    ranged, _ = collect(rig.client.list_engagements, "Engagements", 10, TimeRangeValue={"StartTime": low, "EndTime": high})
    assert {e["EngagementArn"] for e in ranged} == set(b_arns)
    both, _ = collect(rig.client.list_engagements, "Engagements", 10, TimeRangeValue={"StartTime": low, "EndTime": high}, IncidentId=incident_a)
    assert both == []
    after, _ = collect(rig.client.list_engagements, "Engagements", 10, TimeRangeValue={"StartTime": low})
    assert {e["EngagementArn"] for e in after} == set(b_arns + [plain])


def test_list_pages_by_contact_and_engagement(paging_rig):
    rig = paging_rig
    alice = rig.person("alice", channel_types=("EMAIL",))
    bob = rig.person("bob", channel_types=("EMAIL",))
    escalation = rig.escalation([(5, [(alice.arn, False), (bob.arn, False)])])
    engagements = [rig.engage(escalation, Subject=f"Many {i}") for i in range(3)]
    for i in range(3):
        rig.smtp.wait_for(alice.email, subject_contains=f"Many {i}")
        rig.smtp.wait_for(bob.email, subject_contains=f"Many {i}")

    items, pages = collect(rig.client.list_pages_by_contact, "Pages", 1, ContactId=alice.arn)
    assert sorted(p["EngagementArn"] for p in items) == sorted(engagements)
    assert all(p["ContactArn"] == alice.arn and p["Sender"] == "cli" for p in items)
    assert pages == 3

    items, pages = collect(rig.client.list_pages_by_engagement, "Pages", 1, EngagementId=engagements[0])
    assert sorted(p["ContactArn"] for p in items) == sorted([alice.arn, bob.arn])
    assert all(p["EngagementArn"] == engagements[0] for p in items)
    assert pages == 2


def test_unknown_ids_are_not_found(paging_rig):
    rig = paging_rig
    c = rig.client
    prefix = f"arn:aws:ssm-contacts:us-east-1:{DEFAULT_ACCOUNT_ID}"
    contact = f"{prefix}:contact/{unique('ghost')}"
    engagement = f"{prefix}:engagement/ghost/00000000-0000-4000-8000-000000000000"
    page = f"{prefix}:page/ghost/00000000-0000-4000-8000-000000000000"
    with aws_error("ResourceNotFoundException", 400):
        c.start_engagement(ContactId=contact, Sender="s", Subject="s", Content="c")
    with aws_error("ResourceNotFoundException", 400):
        c.describe_engagement(EngagementId=engagement)
    with aws_error("ResourceNotFoundException", 400):
        c.stop_engagement(EngagementId=engagement)
    with aws_error("ResourceNotFoundException", 400):
        c.list_pages_by_engagement(EngagementId=engagement)
    with aws_error("ResourceNotFoundException", 400):
        c.list_pages_by_contact(ContactId=contact)
    with aws_error("ResourceNotFoundException", 400):
        c.describe_page(PageId=page)
    with aws_error("ResourceNotFoundException", 400):
        c.list_page_receipts(PageId=page)
    with aws_error("ResourceNotFoundException", 400):
        c.list_page_resolutions(PageId=page)
    with aws_error("ResourceNotFoundException", 400):
        c.accept_page(PageId=page, AcceptType="READ", AcceptCode="123456")


def test_engagements_and_pages_are_private_to_the_account(paging_rig):
    rig = paging_rig
    person = rig.person("olga", channel_types=("EMAIL",))
    engagement = rig.engage(person.arn, Subject="Private")
    rig.smtp.wait_for(person.email, subject_contains="Private")
    page = rig.wait_for_page(engagement, person.arn)["PageArn"]
    other = rig.server.client(account=rig.server.create_account("other"))
    with aws_error("ResourceNotFoundException", 400):
        other.describe_engagement(EngagementId=engagement)
    with aws_error("ResourceNotFoundException", 400):
        other.stop_engagement(EngagementId=engagement)
    with aws_error("ResourceNotFoundException", 400):
        other.describe_page(PageId=page)
    with aws_error("ResourceNotFoundException", 400):
        other.accept_page(PageId=page, AcceptType="READ", AcceptCode="123456")
    with aws_error("ResourceNotFoundException", 400):
        other.list_page_receipts(PageId=page)
    assert other.list_engagements()["Engagements"] == []
    assert rig.client.describe_engagement(EngagementId=engagement).get("StopTime") is None
    assert "READ" not in receipt_types(rig, page)
