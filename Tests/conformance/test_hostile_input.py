"""Hostile input that once stopped the server or got a 5xx (issue: Reliability, "Hostile input").

1. A time member far outside the representable range (1e300, -1e18, NaN, -2^63, …) in an operation
   that converts it to milliseconds trapped, and the whole process died. Every time on the wire now
   passes one checked conversion: such a value is a ValidationException naming the member.
2. A body shorter than its Content-Length, a broken chunk size, or a body over the size limit got a
   500 before authentication; an alert webhook body over 1 MiB got 503, so the source retried it
   forever. Every body is now read in one place: 400 for broken framing, 413 for too large.
3. A NUL character in an identifier got 500 on PostgreSQL (SQLite stored it), and in an alert's dedupe key 503 (the
   source retried forever). Any string with a NUL is now a ValidationException naming the member on both engines (an
   alert: 400), and PostgreSQL's refusal of an unstorable value is a 4xx wherever else it may surface.
4. The signing region was taken as given (300 characters, not ASCII); it must now look like a region.
"""

from __future__ import annotations

import datetime as dt
import socket
from contextlib import contextmanager
from typing import Any, Callable, Iterator

import pytest

from harness import aws_error, unique
from incident_support import create_integration, create_plan, http_post, start

# A placeholder instant: botocore writes it as the epoch number below, which is then replaced in the
# request body (before signing) by the hostile value.
PLACEHOLDER = dt.datetime(2001, 2, 3, 4, 5, 6, tzinfo=dt.timezone.utc)
PLACEHOLDER_EPOCH = b"981173106"

# Raw JSON texts that once reached a trapping conversion.
HOSTILE_TIMES = [
    b"1e300",
    b"-1e300",
    b"-1e18",
    b"1e18",
    b"-9223372036854775808",
    b"9223372036854775807",
    b'"NaN"',
    b'"Infinity"',
    b'"-1e300"',
    b"253402300800",  # one second past 9999-12-31T23:59:59Z
    b"-62135596801",  # one second before 0001-01-01T00:00:00Z
]


@contextmanager
def hostile_time(client: Any, raw: bytes) -> Iterator[None]:
    """Within the block, the client's requests carry `raw` wherever the placeholder instant stood."""

    def substitute(request: Any, **_: Any) -> None:
        body = request.data if isinstance(request.data, bytes) else (request.data or "").encode()
        assert PLACEHOLDER_EPOCH in body, f"placeholder missing from {body!r}"
        request.data = body.replace(PLACEHOLDER_EPOCH, raw)

    client.meta.events.register_first("before-sign.*.*", substitute)
    try:
        yield
    finally:
        client.meta.events.unregister("before-sign.*.*", substitute)


def assert_alive(server: Any) -> None:
    assert server.proc is not None and server.proc.poll() is None, f"hikeshi died\n{server.log_tail()}"
    assert server.get("/health").status == 200


# --------------------------------------------------------------------------------------------------
# 1. Times out of range
# --------------------------------------------------------------------------------------------------

RECURRENCE = {"DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}], "NumberOfOnCalls": 1, "RecurrenceMultiplier": 1}


@pytest.fixture(scope="module")
def rig(server: Any) -> dict[str, str]:
    """A person, a rotation, an engagement, and an incident to aim hostile times at."""
    contacts = server.client("ssm-contacts")
    incidents = server.client("ssm-incidents")
    person = contacts.create_contact(Alias=unique("hostile"), Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
    rotation = contacts.create_rotation(Name=unique("hostile"), ContactIds=[person], TimeZoneId="Asia/Tokyo", Recurrence=RECURRENCE)["RotationArn"]
    plan = create_plan(incidents)
    incident = start(incidents, plan)
    event = incidents.create_timeline_event(
        incidentRecordArn=incident, eventTime=dt.datetime.now(dt.timezone.utc), eventType="Custom Event", eventData='"note"'
    )["eventId"]
    return {"person": person, "rotation": rotation, "plan": plan, "incident": incident, "event": event}


# (service, operation, member named in the error, parameters with PLACEHOLDER where the hostile time goes)
TIME_CASES: list[tuple[str, str, str, Callable[[dict[str, str]], dict[str, Any]]]] = [
    ("ssm-contacts", "create_rotation", "StartTime",
     lambda r: {"Name": unique("rot"), "ContactIds": [r["person"]], "TimeZoneId": "UTC", "Recurrence": RECURRENCE, "StartTime": PLACEHOLDER}),
    ("ssm-contacts", "update_rotation", "StartTime",
     lambda r: {"RotationId": r["rotation"], "Recurrence": RECURRENCE, "StartTime": PLACEHOLDER}),
    ("ssm-contacts", "create_rotation_override", "StartTime",
     lambda r: {"RotationId": r["rotation"], "NewContactIds": [r["person"]], "StartTime": PLACEHOLDER,
                "EndTime": dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)}),
    ("ssm-contacts", "create_rotation_override", "EndTime",
     lambda r: {"RotationId": r["rotation"], "NewContactIds": [r["person"]], "StartTime": dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc),
                "EndTime": PLACEHOLDER}),
    ("ssm-contacts", "list_rotation_overrides", "EndTime",
     lambda r: {"RotationId": r["rotation"], "StartTime": dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), "EndTime": PLACEHOLDER}),
    ("ssm-contacts", "list_rotation_shifts", "EndTime",
     lambda r: {"RotationId": r["rotation"], "StartTime": dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), "EndTime": PLACEHOLDER}),
    ("ssm-contacts", "list_rotation_shifts", "StartTime",
     lambda r: {"RotationId": r["rotation"], "StartTime": PLACEHOLDER, "EndTime": dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)}),
    ("ssm-contacts", "list_preview_rotation_shifts", "RotationStartTime",
     lambda r: {"RotationStartTime": PLACEHOLDER, "EndTime": dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc), "Members": ["a"],
                "TimeZoneId": "UTC", "Recurrence": RECURRENCE}),
    ("ssm-contacts", "list_preview_rotation_shifts", "StartTime",
     lambda r: {"StartTime": PLACEHOLDER, "EndTime": dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc), "Members": ["a"],
                "TimeZoneId": "UTC", "Recurrence": RECURRENCE}),
    ("ssm-contacts", "list_preview_rotation_shifts", "Overrides",
     lambda r: {"EndTime": dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc), "Members": ["a"], "TimeZoneId": "UTC",
                "Recurrence": RECURRENCE,
                "Overrides": [{"NewMembers": ["a"], "StartTime": PLACEHOLDER, "EndTime": dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)}]}),
    ("ssm-contacts", "list_engagements", "TimeRangeValue",
     lambda r: {"TimeRangeValue": {"StartTime": PLACEHOLDER, "EndTime": dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)}}),
    ("ssm-incidents", "create_timeline_event", "eventTime",
     lambda r: {"incidentRecordArn": r["incident"], "eventTime": PLACEHOLDER, "eventType": "Custom Event", "eventData": '"x"'}),
    ("ssm-incidents", "update_timeline_event", "eventTime",
     lambda r: {"incidentRecordArn": r["incident"], "eventId": r["event"], "eventTime": PLACEHOLDER}),
    ("ssm-incidents", "list_timeline_events", "filters",
     lambda r: {"incidentRecordArn": r["incident"], "filters": [{"key": "eventTime", "condition": {"before": PLACEHOLDER}}]}),
    ("ssm-incidents", "list_incident_records", "filters",
     lambda r: {"filters": [{"key": "creationTime", "condition": {"after": PLACEHOLDER}}]}),
    ("ssm-incidents", "start_incident", "triggerDetails",
     lambda r: {"responsePlanArn": r["plan"], "triggerDetails": {"source": "hostile", "timestamp": PLACEHOLDER}}),
]


@pytest.mark.parametrize("service,operation,member,params", TIME_CASES, ids=[f"{c[1]}.{c[2]}" for c in TIME_CASES])
def test_time_out_of_range_is_a_validation_error(server: Any, rig: dict[str, str], service: str, operation: str, member: str, params: Any) -> None:
    client = server.client(service, parameter_validation=False)
    for raw in HOSTILE_TIMES:
        with hostile_time(client, raw), aws_error("ValidationException", 400, mentions=(member,)):
            getattr(client, operation)(**params(rig))
        assert_alive(server)


def test_time_at_the_edges_of_the_range_is_accepted(server: Any, rig: dict[str, str]) -> None:
    """The first and last representable instants are still times: the check refuses only what lies outside."""
    incidents = server.client("ssm-incidents", parameter_validation=False)
    for raw, year in ((b"-62135596800", 1), (b"253402300799", 9999)):
        with hostile_time(incidents, raw):
            incidents.update_timeline_event(incidentRecordArn=rig["incident"], eventId=rig["event"], eventTime=PLACEHOLDER)
        got = incidents.get_timeline_event(incidentRecordArn=rig["incident"], eventId=rig["event"])["event"]["eventTime"]
        assert got.year == year, got
    assert_alive(server)


# --------------------------------------------------------------------------------------------------
# 2. Bodies that cannot be read
# --------------------------------------------------------------------------------------------------


def exchange(server: Any, head: bytes, body: bytes = b"", *, half_close: bool = True, timeout: float = 20) -> tuple[int, bytes]:
    """Sends raw bytes on a fresh connection; returns the status and raw response (status 0: no answer)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as sock:
        sock.sendall(head + body)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        received = b""
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                received += chunk
                if b"\r\n\r\n" in received and not half_close:
                    break
        except (ConnectionResetError, socket.timeout):
            pass
    if not received.startswith(b"HTTP/1.1 "):
        return 0, received
    return int(received[9:12]), received


def aws_head(path: str = "/", extra: str = "") -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
        f"X-Amz-Target: SSMContacts.ListContacts\r\n{extra}"
    ).encode()


def test_body_shorter_than_its_content_length_is_not_a_server_error(server: Any) -> None:
    status, raw = exchange(server, aws_head(extra="Content-Length: 100\r\n\r\n"), b'{"MaxResults": 1')
    # The client stopped sending: a 400 if the connection can still carry one, else no answer; never 5xx.
    assert status in (0, 400), raw[:300]
    assert_alive(server)


def test_broken_chunk_size_is_a_bad_request(server: Any) -> None:
    status, raw = exchange(server, aws_head(extra="Transfer-Encoding: chunked\r\n\r\n"), b"zz\r\n{}\r\n0\r\n\r\n")
    assert status == 400, raw[:300]
    assert_alive(server)


def test_declared_body_over_the_limit_is_refused_before_reading(server: Any) -> None:
    status, raw = exchange(server, aws_head(extra=f"Content-Length: {37 * 1024 * 1024}\r\n\r\n"), b"{", half_close=False)
    assert status == 413, raw[:300]
    assert b"RequestEntityTooLargeException" in raw, raw[:500]
    assert_alive(server)


def test_chunked_body_over_the_limit_is_too_large(server: Any) -> None:
    chunk = b"x" * (1024 * 1024)
    body = b"".join(b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(37)) + b"0\r\n\r\n"
    status, raw = exchange(server, aws_head(extra="Transfer-Encoding: chunked\r\n\r\n"), body)
    assert status == 413, raw[:300]
    assert_alive(server)


def test_alert_webhook_body_over_one_mib_is_too_large(server: Any) -> None:
    plan = create_plan(server.client("ssm-incidents"))
    url = create_integration(server, plan, "generic")["url"]
    result = http_post(url, b'{"title": "' + b"x" * (1024 * 1024 + 1) + b'"}')
    assert result.status == 413, result.text
    # 4xx, so the source does not retry; and the server still takes a normal alert.
    assert http_post(url, {"title": "after the big one", "dedupeKey": unique("after")}).status == 202
    assert_alive(server)


def test_alert_webhook_with_a_broken_chunk_size_is_a_bad_request(server: Any) -> None:
    plan = create_plan(server.client("ssm-incidents"))
    url = create_integration(server, plan, "generic")["url"]
    path = url.split(str(server.port), 1)[1]
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
    status, raw = exchange(server, head, b"nope\r\n{}\r\n0\r\n\r\n")
    assert status == 400, raw[:300]
    assert_alive(server)


def test_twilio_webhook_body_over_its_limit_is_too_large(server_factory: Any) -> None:
    """A route that lets the body error escape still answers it (413), not a 500."""
    twilio = {
        "HIKESHI_TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
        "HIKESHI_TWILIO_AUTH_TOKEN": "token",
        "HIKESHI_TWILIO_FROM": "+15005550006",
        "HIKESHI_TWILIO_BASE_URL": "http://127.0.0.1:9",
    }
    server = server_factory.new(env=twilio)
    result = http_post(server.endpoint + "/webhooks/twilio/sms", "Body=" + "x" * (100 * 1024), content_type="application/x-www-form-urlencoded")
    assert result.status == 413, result.text
    # Within the limit, the route is there and checks the signature.
    assert http_post(server.endpoint + "/webhooks/twilio/sms", "Body=hi", content_type="application/x-www-form-urlencoded").status == 403
    assert_alive(server)


# --------------------------------------------------------------------------------------------------
# 3. A NUL character (PostgreSQL answered 500: it cannot store one; SQLite stored it)
# --------------------------------------------------------------------------------------------------


def test_a_nul_in_an_identifier_is_a_validation_error_on_every_engine(server: Any) -> None:
    contacts = server.client("ssm-contacts")
    before = len(contacts.list_contacts()["Contacts"])
    response = server.raw("GetContact", {"ContactId": "arn:aws:ssm-contacts:us-east-1:111111111111:contact/a\u0000b"})
    assert response.status == 400 and response.error_code == "ValidationException", response.body
    assert "ContactId" in response.error_message
    response = server.raw("CreateContact", {"Alias": unique("nul"), "DisplayName": "A\u0000B", "Type": "PERSONAL", "Plan": {"Stages": []}})
    assert response.status == 400 and "DisplayName" in response.error_message, response.body
    assert len(contacts.list_contacts()["Contacts"]) == before, "a refused call changes nothing"
    # REST: a NUL in a URI label or a body member of ssm-incidents.
    incidents = server.client("ssm-incidents")
    with aws_error("ValidationException", 400, mentions="arn"):
        incidents.get_incident_record(arn="arn:aws:ssm-incidents::111111111111:incident-record/x/a\u0000b")
    with aws_error("ValidationException", 400, mentions="title"):
        incidents.start_incident(responsePlanArn=create_plan(incidents), title="Checkout\u0000down")
    assert_alive(server)


def test_a_nul_in_an_alerts_dedupe_key_is_refused_not_retried(server: Any) -> None:
    incidents = server.client("ssm-incidents")
    url = create_integration(server, create_plan(incidents), "generic")["url"]
    result = http_post(url, {"title": "Disk full", "dedupeKey": "db-1\u0000disk"})
    assert result.status == 400, (result.status, result.body)
    assert http_post(url, {"title": "Disk full", "dedupeKey": unique("k")}).status == 202
    assert_alive(server)


@pytest.mark.parametrize("region", ["x" * 300, "ap-northeast-1\u00e9", "US-EAST-1", "us east 1", "-us-east-1"])
def test_a_signing_region_that_is_not_a_region_is_refused(server: Any, region: str) -> None:
    response = server.raw("ListContacts", {}, region=region)
    assert response.status in (400, 403) and response.error_code in ("IncompleteSignatureException", "InvalidSignatureException"), (
        response.status, response.body)
    assert server.raw("ListContacts", {}, region="ap-northeast-1").status == 200
