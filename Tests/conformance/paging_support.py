"""Fake delivery providers and helpers for the paging tests.

- `SMTPSink`: an aiosmtpd server on a free loopback port that keeps every message.
- `FakeTwilio`: a threaded HTTP server answering Twilio's Messages/Calls REST calls
  (checks Basic auth, records the form fields, can be told to fail).
- `twilio_signature` / `post_twilio_webhook`: signed calls to Hikeshi's Twilio webhooks,
  signed with the `twilio` package's own `RequestValidator`.
- `PagingRig`: a Hikeshi server wired to both fakes, plus helpers to make people with
  activated channels, read the codes people receive, and reply by SMS.

Nothing here is a pytest fixture; conftest.py wires them up.
"""

from __future__ import annotations

import asyncio
import base64
import email
import email.policy
import html
import itertools
import json
import re
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from twilio.request_validator import RequestValidator

from harness import HikeshiServer, free_port, unique, wait_until

SMTP_FROM = "hikeshi@example.test"
TWILIO_FROM = "+15005550006"


# ---------------------------------------------------------------------------
# SMTP
# ---------------------------------------------------------------------------


@dataclass
class Mail:
    """One message the SMTP sink accepted."""

    mail_from: str
    rcpt_tos: list[str]
    subject: str
    body: str
    headers: dict[str, str]
    raw: bytes
    authenticated_as: str | None
    received_at: float  # time.monotonic(), when the DATA was accepted
    # time.monotonic() when the client said QUIT after the 250: from then on the sender knows
    # for sure that the message was accepted
    quit_at: float | None = None

    @property
    def to(self) -> str:
        return self.rcpt_tos[0] if self.rcpt_tos else ""


class _SinkHandler:
    def __init__(self, sink: "SMTPSink"):
        self.sink = sink
        self._by_session: dict[int, list[Mail]] = {}

    async def handle_QUIT(self, server: Any, session: Any, envelope: Any) -> str:
        now = time.monotonic()
        for mail in self._by_session.pop(id(session), []):
            mail.quit_at = now
        if self.sink.quit_delay:
            await asyncio.sleep(self.sink.quit_delay)
        return "221 Bye"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.sink.data_delay:
            # A slow server: the message is accepted (and kept) only after this long; a sender that dies
            # meanwhile has not delivered it.
            await asyncio.sleep(self.sink.data_delay)
            transport = getattr(server, "transport", None)
            if transport is None or transport.is_closing():
                return "421 4.4.2 gone"  # the sender hung up (or died) before the answer: nothing was delivered
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode()
        message = email.message_from_bytes(raw, policy=email.policy.default)
        part = message.get_body(preferencelist=("plain", "html"))
        body = part.get_content() if part is not None else message.get_payload(decode=True).decode(errors="replace")
        login = getattr(session, "auth_data", None)
        if isinstance(login, bytes):
            login = login.decode(errors="replace")
        elif login is not None and hasattr(login, "login"):
            login = login.login.decode(errors="replace")
        mail = Mail(
            mail_from=envelope.mail_from,
            rcpt_tos=list(envelope.rcpt_tos),
            subject=str(message.get("Subject", "")),
            body=body,
            headers={k: str(v) for k, v in message.items()},
            raw=raw,
            authenticated_as=login if getattr(session, "authenticated", False) else None,
            received_at=time.monotonic(),
        )
        self._by_session.setdefault(id(session), []).append(mail)
        self.sink._add(mail)
        return f"250 2.0.0 Ok: queued as Q{secrets.token_hex(5).upper()}"


class SMTPSink:
    """An SMTP server on 127.0.0.1 that accepts and keeps every message.

    With `username`/`password`, AUTH PLAIN/LOGIN is required (over plain
    TCP: the server must be told `auth_plaintext=true`). `quit_delay` holds
    the answer to QUIT that long (a slow server after accepting a message); `data_delay` holds the answer
    to the message itself (a slow server before accepting it; may be changed while running)."""

    def __init__(self, username: str | None = None, password: str | None = None, quit_delay: float = 0.0):
        self.username = username
        self.password = password
        self.quit_delay = quit_delay
        self.data_delay = 0.0
        self.port = free_port()
        self._lock = threading.Lock()
        self._messages: list[Mail] = []
        self.failed_logins: list[str] = []
        kwargs: dict[str, Any] = {}
        if username is not None:
            kwargs.update(authenticator=self._authenticate, auth_required=True, auth_require_tls=False)
        self.controller = Controller(_SinkHandler(self), hostname="127.0.0.1", port=self.port, ready_timeout=10, **kwargs)

    def _authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        login = auth_data.login.decode() if isinstance(auth_data.login, bytes) else str(auth_data.login)
        password = auth_data.password.decode() if isinstance(auth_data.password, bytes) else str(auth_data.password)
        if login == self.username and password == self.password:
            return AuthResult(success=True, auth_data=login)
        self.failed_logins.append(login)
        return AuthResult(success=False, handled=False)

    @property
    def url(self) -> str:
        """The HIKESHI_SMTP_URL for this sink."""
        if self.username is None:
            return f"smtp://127.0.0.1:{self.port}?starttls=never"
        user = urllib.parse.quote(self.username, safe="")
        password = urllib.parse.quote(self.password or "", safe="")
        return f"smtp://{user}:{password}@127.0.0.1:{self.port}?starttls=never&auth_plaintext=true"

    def start(self) -> "SMTPSink":
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def _add(self, mail: Mail) -> None:
        with self._lock:
            self._messages.append(mail)

    @property
    def messages(self) -> list[Mail]:
        with self._lock:
            return list(self._messages)

    def to(self, address: str, *, subject_contains: str | None = None) -> list[Mail]:
        return [
            m
            for m in self.messages
            if address in m.rcpt_tos and (subject_contains is None or subject_contains.lower() in m.subject.lower())
        ]

    def wait_for(self, address: str, *, count: int = 1, subject_contains: str | None = None, timeout: float = 10) -> list[Mail]:
        """Waits until at least `count` messages to `address` (with the subject text) arrived."""
        return wait_until(
            lambda: (found := self.to(address, subject_contains=subject_contains)) and len(found) >= count and found,
            timeout=timeout,
            message=lambda: f"{count} email(s) to {address} (subject ~ {subject_contains!r}); have: "
            + repr([(m.rcpt_tos, m.subject) for m in self.messages]),
        )


# ---------------------------------------------------------------------------
# Twilio
# ---------------------------------------------------------------------------


@dataclass
class TwilioCall:
    """One REST call the fake Twilio received."""

    kind: str  # "sms" or "call"
    path: str
    form: dict[str, str]
    authorized: bool
    status: int
    sid: str | None
    received_at: float  # time.monotonic()

    @property
    def to(self) -> str:
        return self.form.get("To", "")

    @property
    def text(self) -> str:
        """The SMS body, or the spoken text of a call's TwiML (tags stripped)."""
        if self.kind == "sms":
            return self.form.get("Body", "")
        return html.unescape(re.sub(r"<[^>]+>", " ", self.form.get("Twiml", "")))


class FakeTwilio:
    """Answers POST /2010-04-01/Accounts/{sid}/Messages.json and /Calls.json like
    Twilio: 201 with {"sid": ..., "status": "queued"} when Basic auth is sid:token,
    401 otherwise. `fail_next(n)` makes the next n calls fail with HTTP 500."""

    def __init__(self, account_sid: str | None = None, auth_token: str | None = None):
        self.account_sid = account_sid or "AC" + secrets.token_hex(16)
        self.auth_token = auth_token or secrets.token_hex(16)
        self.from_number = TWILIO_FROM
        self._lock = threading.Lock()
        self._calls: list[TwilioCall] = []
        self._failures: list[int] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep pytest output clean
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server naming)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                form = dict(urllib.parse.parse_qsl(raw, keep_blank_values=True))
                status, body, call = fake._answer(self.path, self.headers.get("Authorization"), form)
                if call is not None:
                    fake._record(call)  # before answering: once Hikeshi has the sid, the test sees the call
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        # a short poll interval: shutdown() waits for the loop to notice
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), name="fake-twilio", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "FakeTwilio":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def fail_next(self, count: int = 1, status: int = 500) -> None:
        with self._lock:
            self._failures += [status] * count

    def _answer(self, path: str, authorization: str | None, form: dict[str, str]) -> tuple[int, dict, TwilioCall | None]:
        prefix = f"/2010-04-01/Accounts/{self.account_sid}/"
        kind = {"Messages.json": "sms", "Calls.json": "call"}.get(path[len(prefix):]) if path.startswith(prefix) else None
        expected = "Basic " + base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        authorized = authorization == expected
        now = time.monotonic()
        if kind is None:
            return 404, {"code": 20404, "message": "The requested resource was not found", "status": 404}, TwilioCall(
                "unknown", path, form, authorized, 404, None, now)
        if not authorized:
            return 401, {"code": 20003, "message": "Authenticate", "status": 401}, TwilioCall(kind, path, form, False, 401, None, now)
        with self._lock:
            failure = self._failures.pop(0) if self._failures else None
        if failure is not None:
            return failure, {"code": 20500, "message": "Internal Server Error", "status": failure}, TwilioCall(
                kind, path, form, True, failure, None, now)
        sid = ("SM" if kind == "sms" else "CA") + secrets.token_hex(16)
        return 201, {"sid": sid, "status": "queued"}, TwilioCall(kind, path, form, True, 201, sid, now)

    def _record(self, call: TwilioCall) -> None:
        with self._lock:
            self._calls.append(call)

    @property
    def requests(self) -> list[TwilioCall]:
        """Every call received, accepted or not."""
        with self._lock:
            return list(self._calls)

    def sms(self, to: str | None = None, *, containing: str | None = None) -> list[TwilioCall]:
        """Accepted (201) text messages, optionally to one number / containing a text."""
        return self._accepted("sms", to, containing)

    def calls(self, to: str | None = None, *, containing: str | None = None) -> list[TwilioCall]:
        """Accepted (201) voice calls."""
        return self._accepted("call", to, containing)

    def _accepted(self, kind: str, to: str | None, containing: str | None) -> list[TwilioCall]:
        return [
            c
            for c in self.requests
            if c.kind == kind and c.status == 201 and (to is None or c.to == to) and (containing is None or containing.lower() in c.text.lower())
        ]

    def wait_for_sms(self, to: str, *, count: int = 1, containing: str | None = None, timeout: float = 10) -> list[TwilioCall]:
        return wait_until(
            lambda: (found := self.sms(to, containing=containing)) and len(found) >= count and found,
            timeout=timeout,
            message=lambda: f"{count} SMS to {to} containing {containing!r}; have: {[(c.to, c.text) for c in self.sms()]}",
        )

    def wait_for_call(self, to: str, *, count: int = 1, containing: str | None = None, timeout: float = 10) -> list[TwilioCall]:
        return wait_until(
            lambda: (found := self.calls(to, containing=containing)) and len(found) >= count and found,
            timeout=timeout,
            message=lambda: f"{count} call(s) to {to} containing {containing!r}; have: {[(c.to, c.text) for c in self.calls()]}",
        )


def twilio_signature(auth_token: str, url: str, params: dict[str, str]) -> str:
    """X-Twilio-Signature exactly as Twilio computes it (the twilio package's validator)."""
    return RequestValidator(auth_token).compute_signature(url, params)


@dataclass
class WebhookResponse:
    status: int
    body: str
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The text of a TwiML <Message> (or <Say>) reply."""
        match = re.search(r"<(Message|Say)[^>]*>(.*?)</\1>", self.body, re.S)
        return html.unescape(match.group(2)) if match else ""


def post_twilio_webhook(
    server: HikeshiServer,
    path: str,
    params: dict[str, str],
    auth_token: str | None,
    *,
    signature: str | None = None,
) -> WebhookResponse:
    """POSTs a form to a Twilio webhook of the server, signed over the exact
    URL with `auth_token` (unless `signature` is given; auth_token None sends
    no signature header at all)."""
    url = server.endpoint + path
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature is not None:
        headers["X-Twilio-Signature"] = signature
    elif auth_token is not None:
        headers["X-Twilio-Signature"] = twilio_signature(auth_token, url, params)
    request = urllib.request.Request(url, data=urllib.parse.urlencode(params).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return WebhookResponse(response.status, response.read().decode(errors="replace"), dict(response.headers.items()))
    except urllib.error.HTTPError as e:
        return WebhookResponse(e.code, e.read().decode(errors="replace"), dict(e.headers.items()))


# ---------------------------------------------------------------------------
# Codes people read in their messages
# ---------------------------------------------------------------------------


def page_code_in_email(mail: Mail) -> str:
    """The page's accept code in a page email."""
    match = re.search(r"(?i)\bcode\D{0,40}?\b(\d{6})\b", mail.body) or re.search(r"\b(\d{6})\b", mail.body)
    assert match, f"no 6-digit accept code in the email body:\n{mail.body}"
    return match.group(1)


def page_code_in_sms(text: str) -> str:
    match = re.search(r"Reply (\d{6}) to acknowledge", text)
    assert match, f"no 'Reply <code> to acknowledge.' in the SMS: {text!r}"
    return match.group(1)


def activation_code_in(text: str) -> str:
    """The activation code in an activation email/SMS, or a call's TwiML
    (where the digits may be spoken one by one: '1, 2, 3, ...')."""
    match = re.search(r"\b(\d{6,10})\b", text)
    if match:
        return match.group(1)
    spoken = re.search(r"(?i)code is\s*((?:\d[\s,.]*){6,10})", text)
    assert spoken, f"no activation code in {text!r}"
    return re.sub(r"\D", "", spoken.group(1))[:10]


# ---------------------------------------------------------------------------
# The rig
# ---------------------------------------------------------------------------

_phone_numbers = itertools.count(1)


def new_phone_number() -> str:
    """A unique E.164 number in the 555 fiction range."""
    return f"+1555{secrets.randbelow(900) + 100:03d}{next(_phone_numbers) % 10000:04d}"


@dataclass
class Person:
    alias: str
    arn: str
    email: str
    phone: str
    channels: dict[str, str]  # type -> channel ARN


class PagingRig:
    """A Hikeshi server with email (SMTPSink) and Twilio (FakeTwilio) delivery configured."""

    def __init__(self, server: HikeshiServer, smtp: SMTPSink, twilio: FakeTwilio):
        self.server = server
        self.smtp = smtp
        self.twilio = twilio
        self.client = server.client()

    @staticmethod
    def environment(smtp: SMTPSink, twilio: FakeTwilio) -> dict[str, str]:
        return {
            "HIKESHI_SMTP_URL": smtp.url,
            "HIKESHI_SMTP_FROM": SMTP_FROM,
            "HIKESHI_TWILIO_ACCOUNT_SID": twilio.account_sid,
            "HIKESHI_TWILIO_AUTH_TOKEN": twilio.auth_token,
            "HIKESHI_TWILIO_FROM": twilio.from_number,
            "HIKESHI_TWILIO_BASE_URL": twilio.base_url,
        }

    # -- people -------------------------------------------------------------

    def activation_code(self, channel_type: str, address: str, *, already: int = 0, timeout: float = 10) -> str:
        """Waits for the (already+1)-th activation message to the address and reads its code."""
        if channel_type == "EMAIL":
            mail = self.smtp.wait_for(address, count=already + 1, subject_contains="activation code", timeout=timeout)[already]
            return activation_code_in(mail.subject + "\n" + mail.body)
        if channel_type == "SMS":
            sms = self.twilio.wait_for_sms(address, count=already + 1, containing="activation code", timeout=timeout)[already]
            return activation_code_in(sms.text)
        call = self.twilio.wait_for_call(address, count=already + 1, containing="activation code", timeout=timeout)[already]
        return activation_code_in(call.text)

    def activate(self, channel_arn: str, channel_type: str, address: str, *, already: int = 0) -> str:
        code = self.activation_code(channel_type, address, already=already)
        self.client.activate_contact_channel(ContactChannelId=channel_arn, ActivationCode=code)
        return code

    def person(
        self,
        prefix: str = "p",
        *,
        channel_types: tuple[str, ...] = ("EMAIL", "SMS", "VOICE"),
        activate: bool = True,
        display_name: str | None = None,
    ) -> Person:
        """A PERSONAL contact (no plan stages) with the given channels, activated
        with the codes that arrive by their own medium."""
        alias = unique(prefix)
        arn = self.client.create_contact(
            Alias=alias, DisplayName=display_name or alias, Type="PERSONAL", Plan={"Stages": []}
        )["ContactArn"]
        person = Person(alias, arn, f"{alias}@example.test", new_phone_number(), {})
        for channel_type in channel_types:
            address = person.email if channel_type == "EMAIL" else person.phone
            person.channels[channel_type] = self.client.create_contact_channel(
                ContactId=arn, Name=f"{channel_type.lower()} of {alias}", Type=channel_type,
                DeliveryAddress={"SimpleAddress": address},
            )["ContactChannelArn"]
        if activate:
            for channel_type in channel_types:
                address = person.email if channel_type == "EMAIL" else person.phone
                self.activate(person.channels[channel_type], channel_type, address)
        return person

    def set_personal_plan(self, person: Person, stages: list[tuple[int, list[str]]], retry: int | None = None) -> None:
        """stages: [(DurationInMinutes, [channel types])]."""
        plan_stages = []
        for duration, types in stages:
            targets = []
            for channel_type in types:
                info: dict[str, Any] = {"ContactChannelId": person.channels[channel_type]}
                if retry is not None:
                    info["RetryIntervalInMinutes"] = retry
                targets.append({"ChannelTargetInfo": info})
            plan_stages.append({"DurationInMinutes": duration, "Targets": targets})
        self.client.update_contact(ContactId=person.arn, Plan={"Stages": plan_stages})

    def escalation(self, stages: list[tuple[int, list[tuple[str, bool]]]], prefix: str = "esc") -> str:
        """An ESCALATION contact; stages: [(DurationInMinutes, [(contact ARN, IsEssential)])]."""
        plan = {
            "Stages": [
                {
                    "DurationInMinutes": duration,
                    "Targets": [{"ContactTargetInfo": {"ContactId": arn, "IsEssential": essential}} for arn, essential in targets],
                }
                for duration, targets in stages
            ]
        }
        return self.client.create_contact(Alias=unique(prefix), DisplayName="Escalation", Type="ESCALATION", Plan=plan)["ContactArn"]

    # -- engagements ---------------------------------------------------------

    def engage(self, contact_arn: str, **extra: Any) -> str:
        params = {"ContactId": contact_arn, "Sender": "cli", "Subject": "Disk full", "Content": "db-1 disk is 99% full"}
        params.update(extra)
        return self.client.start_engagement(**params)["EngagementArn"]

    def pages(self, engagement_arn: str) -> list[dict]:
        return self.client.list_pages_by_engagement(EngagementId=engagement_arn)["Pages"]

    def wait_for_page(self, engagement_arn: str, contact_arn: str, timeout: float = 10) -> dict:
        return wait_until(
            lambda: next((p for p in self.pages(engagement_arn) if p["ContactArn"] == contact_arn), None),
            timeout=timeout,
            message=lambda: f"a page of {contact_arn} in {engagement_arn}; have {self.pages(engagement_arn)}",
        )

    def receipts(self, page_arn: str) -> list[dict]:
        return self.client.list_page_receipts(PageId=page_arn)["Receipts"]

    def wait_for_receipt(self, page_arn: str, predicate: Callable[[dict], bool], timeout: float = 10) -> dict:
        return wait_until(
            lambda: next((r for r in self.receipts(page_arn) if predicate(r)), None),
            timeout=timeout,
            message=lambda: f"a receipt of {page_arn}; have {self.receipts(page_arn)}",
        )

    def sms_reply(self, from_number: str, body: str, *, signature: str | None = None, extra: dict[str, str] | None = None) -> WebhookResponse:
        """An inbound SMS as Twilio posts it, signed with the account's auth token."""
        params = {
            "MessageSid": "SM" + secrets.token_hex(16),
            "AccountSid": self.twilio.account_sid,
            "From": from_number,
            "To": self.twilio.from_number,
            "Body": body,
            "NumMedia": "0",
        }
        params.update(extra or {})
        return post_twilio_webhook(self.server, "/webhooks/twilio/sms", params, self.twilio.auth_token, signature=signature)
