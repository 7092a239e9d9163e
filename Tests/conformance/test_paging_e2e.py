"""End to end paging: escalations over real SMTP and (fake) Twilio at --time-scale 60,
acknowledgement / STOP / START by signed SMS replies, keypad acknowledgement on a call,
crash recovery (kill -9) without duplicate messages, and the iCalendar feed of a schedule.

At --time-scale 60 one domain minute is one real second.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from harness import unique, wait_until
from paging_support import SMTPSink, page_code_in_sms, post_twilio_webhook, twilio_signature


def receipt_types(rig, page_arn: str) -> list[str]:
    return [r["ReceiptType"] for r in rig.receipts(page_arn)]


# ---------------------------------------------------------------------------
# (a) two-stage escalation, with and without acknowledgement
# ---------------------------------------------------------------------------


def test_two_stage_escalation_with_and_without_ack(paging_rig):
    """Stage 1: A (essential); stage 2 after 5 minutes: lead B. Two engagements run side by side:
    nobody answers the first, so its B is paged ~5 s later; in the second A acknowledges by
    replying to the SMS with the page's code, so its B is never paged."""
    rig = paging_rig
    a1, b1 = rig.person("a1", channel_types=("EMAIL", "SMS")), rig.person("b1", channel_types=("EMAIL",))
    a2, b2 = rig.person("a2", channel_types=("EMAIL", "SMS")), rig.person("b2", channel_types=("EMAIL",))
    plan1 = rig.escalation([(5, [(a1.arn, True)]), (5, [(b1.arn, True)])])
    plan2 = rig.escalation([(5, [(a2.arn, True)]), (5, [(b2.arn, True)])])

    started = time.monotonic()
    unanswered = rig.engage(plan1, Subject="Unanswered")
    answered = rig.engage(plan2, Subject="Answered")

    # the second engagement: A acknowledges by SMS (once Hikeshi has recorded sending it: a
    # person cannot answer faster than the provider's API returns)
    sms = rig.twilio.wait_for_sms(a2.phone, containing="acknowledge")[0]
    code = page_code_in_sms(sms.text)
    page2 = rig.wait_for_page(answered, a2.arn)["PageArn"]
    rig.wait_for_receipt(page2, lambda r: r["ReceiptType"] == "SENT" and r.get("ContactChannelArn") == a2.channels["SMS"])
    reply = rig.sms_reply(a2.phone, code)
    assert reply.status == 200, reply
    assert "<Response><Message>" in reply.body and "Acknowledged" in reply.message
    read = [r for r in rig.receipts(page2) if r["ReceiptType"] == "READ"]
    assert len(read) == 1 and read[0]["ContactChannelArn"] == a2.channels["SMS"]
    assert "ReadTime" in rig.client.describe_page(PageId=page2)

    # the first engagement: A's email at once, B's about 5 s (5 domain minutes) later
    mail_a1 = rig.smtp.wait_for(a1.email, subject_contains="Unanswered")[0]
    mail_b1 = rig.smtp.wait_for(b1.email, subject_contains="Unanswered", timeout=15)[0]
    gap = mail_b1.received_at - mail_a1.received_at
    assert 4.0 <= gap <= 9.0, f"stage 2 should start 5 domain minutes (5 s) after stage 1, took {gap:.1f}s"
    assert mail_b1.subject == "[Hikeshi] Unanswered"
    page1 = rig.wait_for_page(unanswered, a1.arn)["PageArn"]
    assert "READ" not in receipt_types(rig, page1)

    # wait well past the second engagement's stage 2 (5 s after start): B2 is never paged
    time.sleep(max(0.0, started + 8.0 - time.monotonic()))
    assert rig.smtp.to(b2.email, subject_contains="Answered") == []
    assert [p["ContactArn"] for p in rig.pages(answered)] == [a2.arn]
    resolutions = rig.client.list_page_resolutions(PageId=page2)["PageResolutions"]
    assert [(r["ContactArn"], r["Type"]) for r in resolutions] == [(plan2, "ESCALATION"), (a2.arn, "PERSONAL")]


# ---------------------------------------------------------------------------
# (b) STOP and START by SMS
# ---------------------------------------------------------------------------


def test_sms_stop_and_start(paging_rig):
    rig = paging_rig
    a = rig.person("a", channel_types=("EMAIL", "SMS"))
    sms_channel = a.channels["SMS"]

    reply = rig.sms_reply(a.phone, "STOP")
    assert reply.status == 200 and "<Message>" in reply.body
    assert rig.client.get_contact_channel(ContactChannelId=sms_channel)["ActivationStatus"] == "NOT_ACTIVATED"

    engagement = rig.engage(a.arn, Subject="After stop")
    rig.smtp.wait_for(a.email, subject_contains="After stop")
    page = rig.wait_for_page(engagement, a.arn)["PageArn"]
    wait_until(lambda: "SENT" in receipt_types(rig, page), message="the email's SENT receipt")
    time.sleep(1.0)  # anything else would have gone out with the email
    assert rig.twilio.sms(a.phone, containing="After stop") == [] and rig.twilio.sms(a.phone, containing="acknowledge") == []
    assert [r["ContactChannelArn"] for r in rig.receipts(page)] == [a.channels["EMAIL"]]

    codes_before = len(rig.twilio.sms(a.phone, containing="activation code"))
    reply = rig.sms_reply(a.phone, "START")
    assert reply.status == 200 and "<Message>" in reply.body
    code = rig.activation_code("SMS", a.phone, already=codes_before)
    assert rig.client.get_contact_channel(ContactChannelId=sms_channel)["ActivationStatus"] == "NOT_ACTIVATED"
    reply = rig.sms_reply(a.phone, code)
    assert reply.status == 200 and "activated" in reply.message.lower()
    assert rig.client.get_contact_channel(ContactChannelId=sms_channel)["ActivationStatus"] == "ACTIVATED"

    # and pages reach the number again
    rig.engage(a.arn, Subject="After start", PublicSubject="After start")
    rig.twilio.wait_for_sms(a.phone, containing="After start")


# ---------------------------------------------------------------------------
# (c) forged webhooks
# ---------------------------------------------------------------------------


def test_bad_twilio_signature_is_refused_and_changes_nothing(paging_rig):
    rig = paging_rig
    a = rig.person("a", channel_types=("EMAIL", "SMS"))
    lead = rig.person("lead", channel_types=("EMAIL",))
    plan = rig.escalation([(1, [(a.arn, True)]), (1, [(lead.arn, True)])])
    engagement = rig.engage(plan, Subject="Forged")
    code = page_code_in_sms(rig.twilio.wait_for_sms(a.phone, containing="acknowledge")[0].text)
    page = rig.wait_for_page(engagement, a.arn)["PageArn"]

    path = "/webhooks/twilio/sms"
    url = rig.server.endpoint + path
    params = {"From": a.phone, "To": rig.twilio.from_number, "Body": code, "MessageSid": "SM" + "0" * 32}
    attempts = {
        "wrong token": twilio_signature("not-the-auth-token", url, params),
        "other URL": twilio_signature(rig.twilio.auth_token, url + "?x=1", params),
        "other body": twilio_signature(rig.twilio.auth_token, url, {**params, "Body": "000000"}),
        "garbage": "bm90IGEgc2lnbmF0dXJl",
    }
    for name, signature in attempts.items():
        response = post_twilio_webhook(rig.server, path, params, None, signature=signature)
        assert response.status == 403, f"{name}: {response}"
    response = post_twilio_webhook(rig.server, path, params, None)  # no X-Twilio-Signature at all
    assert response.status == 403, response
    stop = {**params, "Body": "STOP"}
    assert post_twilio_webhook(rig.server, path, stop, None, signature=twilio_signature("nope", url, stop)).status == 403
    voice = f"/webhooks/twilio/voice?page={urllib.parse.quote(page, safe='')}"
    digits = {"Digits": code}
    assert post_twilio_webhook(rig.server, voice, digits, "not-the-auth-token").status == 403

    assert "READ" not in receipt_types(rig, page)
    assert rig.client.get_contact_channel(ContactChannelId=a.channels["SMS"])["ActivationStatus"] == "ACTIVATED"
    # the escalation goes on as if nothing happened
    rig.smtp.wait_for(lead.email, subject_contains="Forged", timeout=10)
    # while a correctly signed reply is still accepted
    assert rig.sms_reply(a.phone, code).status == 200
    assert "READ" in receipt_types(rig, page)


# ---------------------------------------------------------------------------
# Voice: the keypad acknowledges
# ---------------------------------------------------------------------------


def test_keypad_digits_acknowledge_a_call(paging_rig):
    rig = paging_rig
    a = rig.person("a", channel_types=("VOICE",))
    engagement = rig.engage(a.arn, Subject="Call", PublicSubject="Call me", PublicContent="now")
    call = rig.twilio.wait_for_call(a.phone, containing="acknowledge")[0]
    twiml = call.form["Twiml"]
    action = re.search(r'action="([^"]+)"', twiml)
    assert action, twiml
    action_url = action.group(1).replace("&amp;", "&")
    assert action_url.startswith(rig.server.endpoint + "/webhooks/twilio/voice?page="), action_url
    path = action_url[len(rig.server.endpoint):]
    page = rig.wait_for_page(engagement, a.arn)["PageArn"]
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(action_url).query)["page"] == [page]
    code = re.sub(r"\D", "", re.search(r"enter ([\d ]+) on your keypad", call.text).group(1))

    wrong_code = code[:-1] + str((int(code[-1]) + 1) % 10)
    response = post_twilio_webhook(rig.server, path, {"Digits": wrong_code, "CallSid": call.sid}, rig.twilio.auth_token)
    assert response.status == 200 and "<Say" in response.body
    assert "READ" not in receipt_types(rig, page)

    response = post_twilio_webhook(rig.server, path, {"Digits": code, "CallSid": call.sid}, rig.twilio.auth_token)
    assert response.status == 200 and "<Say" in response.body
    assert "READ" in receipt_types(rig, page)


# ---------------------------------------------------------------------------
# (d) kill -9 in the middle of an engagement
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("kill_at", ["email-accepted", "receipt-committed"])
def test_kill_9_during_an_engagement_sends_each_message_once(make_paging_rig, kill_at):
    """A 3-stage personal plan (email, SMS, voice; a minute apart). The server is killed with
    SIGKILL right after stage 1's email arrived and restarted on the same storage with the same
    environment: the SMS and the call each arrive exactly once, and the email is not sent again.

    `email-accepted`: killed as soon as the server, having read the SMTP server's 250 for the
    message, says QUIT, i.e. in the few milliseconds between the provider accepting the message and
    its receipt being committed. No delivery system can know there whether the message went out;
    Hikeshi's guarantee is at-least-once: the email is never lost and is sent at most once more,
    while the later stages still go out exactly once. `receipt-committed`: killed once the email's
    SENT receipt is visible through the API: nothing is sent twice."""
    sink = SMTPSink(quit_delay=0.5 if kill_at == "email-accepted" else 0.0).start()
    try:
        rig = make_paging_rig(smtp=sink)
        a = rig.person("a")
        rig.set_personal_plan(a, [(1, ["EMAIL"]), (1, ["SMS"]), (1, ["VOICE"])])
        engagement = rig.engage(a.arn, Subject="Crash")

        if kill_at == "email-accepted":
            wait_until(
                lambda: [m for m in sink.to(a.email, subject_contains="Crash") if m.quit_at is not None],
                timeout=10, interval=0.005, message="stage 1's email, accepted and followed by QUIT",
            )
        else:
            sink.wait_for(a.email, subject_contains="Crash")
            page = rig.wait_for_page(engagement, a.arn)["PageArn"]
            wait_until(lambda: "SENT" in receipt_types(rig, page), timeout=5, interval=0.01, message="the email's SENT receipt")
        rig.server.kill()
        assert rig.twilio.sms(a.phone, containing="acknowledge") == [], "stage 2 must not have run yet"
        rig.server.restart()

        # The domain clock restarts at real time (it ran 60x before): allow for the catch-up and
        # for leases of the dead process (120 domain seconds = 2 s) to run out.
        sms = rig.twilio.wait_for_sms(a.phone, containing="acknowledge", timeout=30)
        call = rig.twilio.wait_for_call(a.phone, containing="acknowledge", timeout=30)
        time.sleep(3.5)  # longer than a lease: any duplicate would have gone out by now
        emails = sink.to(a.email, subject_contains="Crash")
        if kill_at == "email-accepted":
            assert len(emails) in (1, 2), f"stage 1's email was sent {len(emails)} times"
        else:
            assert len(emails) == 1, f"stage 1's email was sent {len(emails)} times"
        assert len(rig.twilio.sms(a.phone, containing="acknowledge")) == 1, "stage 2's SMS was not sent exactly once"
        assert len(rig.twilio.calls(a.phone, containing="acknowledge")) == 1, "stage 3's call was not placed exactly once"
        assert sms[0].received_at < call[0].received_at

        page = rig.wait_for_page(engagement, a.arn)["PageArn"]
        sent = [r for r in rig.receipts(page) if r["ReceiptType"] == "SENT"]
        expected = [a.channels[t] for t in ("EMAIL", "SMS", "VOICE")]
        if kill_at == "email-accepted":
            # A resent email gets its receipt when it is resent, possibly after the SMS's: one receipt each.
            assert sorted(r["ContactChannelArn"] for r in sent) == sorted(expected)
        else:
            assert [r["ContactChannelArn"] for r in sent] == expected
        assert rig.server.proc.poll() is None
    finally:
        sink.stop()


# ---------------------------------------------------------------------------
# (e) the calendar feed of a schedule
# ---------------------------------------------------------------------------


def parse_ics(text: str) -> list[dict[str, str]]:
    """VEVENTs of an iCalendar text as {PROPERTY: value} (lines unfolded, TEXT unescaped)."""
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    events, current = [], None
    for line in unfolded.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None and ":" in line:
            key, value = line.split(":", 1)
            current[key.split(";")[0]] = value.replace("\\,", ",").replace("\\;", ";").replace("\\n", "\n").replace("\\\\", "\\")
    return events


def ics_time(value: str) -> dt.datetime:
    return dt.datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.timezone.utc)


def http_get(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers.items()), response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers.items()), e.read().decode(errors="replace")


def test_calendar_feed_of_a_schedule(server, ssm, make_contact):
    alice = make_contact(unique("alice"), display_name="Alice Example")["ContactArn"]
    bob = make_contact(unique("bob"), display_name="Bob Example")["ContactArn"]
    carol = make_contact(unique("carol"), display_name="Carol Sub")["ContactArn"]
    now = dt.datetime.now(dt.timezone.utc)
    rotation = ssm.create_rotation(
        Name=unique("rot"), ContactIds=[alice, bob], TimeZoneId="Europe/Paris", StartTime=now - dt.timedelta(days=30),
        Recurrence={"WeeklySettings": [{"DayOfWeek": "MON", "HandOffTime": {"HourOfDay": 10, "MinuteOfHour": 0}}],
                    "NumberOfOnCalls": 1, "RecurrenceMultiplier": 1},
    )["RotationArn"]
    ssm.create_rotation_override(
        RotationId=rotation, NewContactIds=[carol, bob], StartTime=now + dt.timedelta(days=10), EndTime=now + dt.timedelta(days=11)
    )
    schedule = make_contact(unique("sched"), type="ONCALL_SCHEDULE", display_name="Primary", plan={"RotationIds": [rotation]})["ContactArn"]

    public = {"HIKESHI_PUBLIC_URL": server.endpoint}
    feed = server.admin("calendar-feed", "--account-id", server.creds.account_id, "--resource-arn", schedule, env=public)
    url = feed["Url"]
    assert re.fullmatch(re.escape(server.endpoint) + r"/calendar/[^/]+\.ics", url), url

    status, headers, text = http_get(url)
    assert status == 200, text
    assert {k.lower(): v for k, v in headers.items()}["content-type"].startswith("text/calendar")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "VERSION:2.0" in text and "PRODID:" in text
    events = parse_ics(text)
    assert events, text
    for event in events:
        assert event["SUMMARY"].startswith("On call: ")
        assert event["UID"]
        assert ics_time(event["DTSTART"]) < ics_time(event["DTEND"])
    summaries = {e["SUMMARY"] for e in events}
    expected = {"On call: Alice Example", "On call: Bob Example", "On call: Carol Sub, Bob Example (override)"}
    assert summaries == expected

    # one event per shift the API lists for the feed's window (a week back, 90 days ahead)
    shifts = ssm.list_rotation_shifts(
        RotationId=rotation, StartTime=now - dt.timedelta(days=6), EndTime=now + dt.timedelta(days=89)
    )["RotationShifts"]
    names = {alice: "Alice Example", bob: "Bob Example", carol: "Carol Sub"}
    listed = {(s["StartTime"].replace(microsecond=0), s["EndTime"].replace(microsecond=0),
               "On call: " + ", ".join(names[c] for c in s["ContactIds"]) + (" (override)" if s.get("Type") == "OVERRIDDEN" else ""))
              for s in shifts}
    fed = {(ics_time(e["DTSTART"]), ics_time(e["DTEND"]), e["SUMMARY"]) for e in events}
    assert listed <= fed
    assert len(fed - listed) <= 2, "only the shifts at the edges of the feed's window may be extra"

    # a feed for the rotation itself works too
    rotation_feed = server.admin("calendar-feed", "--account-id", server.creds.account_id, "--resource-arn", rotation, env=public)["Url"]
    assert rotation_feed != url
    assert http_get(rotation_feed)[0] == 200

    # unknown token -> 404; --rotate replaces the secret
    assert http_get(server.endpoint + "/calendar/not-a-real-token.ics")[0] == 404
    rotated = server.admin("calendar-feed", "--account-id", server.creds.account_id, "--resource-arn", schedule, "--rotate", env=public)["Url"]
    assert rotated != url
    assert http_get(url)[0] == 404
    status, _, text = http_get(rotated)
    assert status == 200 and "On call: Alice Example" in text
    # without --rotate the current URL is printed again
    again = server.admin("calendar-feed", "--account-id", server.creds.account_id, "--resource-arn", schedule, env=public)["Url"]
    assert again == rotated


def test_calendar_feed_dies_with_its_resource(server, ssm, make_contact):
    """Deleting the schedule revokes its secret URL; a new schedule that happens to get the same
    ARN (same alias) must not be readable through the old URL."""
    person = make_contact(unique("p"), display_name="Pat Example")["ContactArn"]
    recurrence = {"DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}], "NumberOfOnCalls": 1, "RecurrenceMultiplier": 1}
    name, alias = unique("rot"), unique("sched")
    rotation = ssm.create_rotation(Name=name, ContactIds=[person], TimeZoneId="UTC", Recurrence=recurrence)["RotationArn"]
    schedule = make_contact(alias, type="ONCALL_SCHEDULE", plan={"RotationIds": [rotation]})["ContactArn"]
    public = {"HIKESHI_PUBLIC_URL": server.endpoint}
    schedule_url = server.admin("calendar-feed", "--account-id", server.creds.account_id, "--resource-arn", schedule, env=public)["Url"]
    rotation_url = server.admin("calendar-feed", "--account-id", server.creds.account_id, "--resource-arn", rotation, env=public)["Url"]
    assert http_get(schedule_url)[0] == 200 and http_get(rotation_url)[0] == 200

    ssm.delete_contact(ContactId=schedule)
    ssm.delete_rotation(RotationId=rotation)
    assert http_get(schedule_url)[0] == 404
    assert http_get(rotation_url)[0] == 404

    # someone else later creates a rotation and a schedule with the same names
    assert ssm.create_rotation(Name=name, ContactIds=[person], TimeZoneId="UTC", Recurrence=recurrence)["RotationArn"] == rotation
    make_contact(alias, type="ONCALL_SCHEDULE", plan={"RotationIds": [rotation]})
    assert http_get(schedule_url)[0] == 404, "the deleted schedule's secret URL serves the new schedule"
    assert http_get(rotation_url)[0] == 404, "the deleted rotation's secret URL serves the new rotation"


def test_calendar_feed_of_an_unknown_resource_is_a_clean_error(server, make_contact):
    person = make_contact(unique("p"))["ContactArn"]
    missing = f"arn:aws:ssm-contacts:us-east-1:{server.creds.account_id}:rotation/{unique('missing')}"
    for arn in (missing, person):
        result = server.admin("calendar-feed", "--account-id", server.creds.account_id, "--resource-arn", arn, check=False)
        assert result.returncode == 1, f"exit {result.returncode} (negative: killed by a signal)\nstderr: {result.stderr[:300]}"
        assert arn in result.stderr
        assert result.stdout.strip() == ""
