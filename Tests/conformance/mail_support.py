"""What the cases-by-email tests share: a server whose own email goes to an SMTP sink, messages built with Python's
`email` package, and customers whose domain is mapped to their account."""

from __future__ import annotations

import contextlib
import os
from email.header import Header
from email.mime.text import MIMEText
from email.utils import make_msgid
from typing import Any, Iterator

from harness import HikeshiServer, ServerFactory, unique
from paging_support import SMTP_FROM, SMTPSink
from support_support import customer


@contextlib.contextmanager
def mail_server(hikeshi_bin: str, engine: str, sink: SMTPSink) -> Iterator[HikeshiServer]:
    """A server on fresh storage whose own email (the desk's answers, the unknown-sender notice) goes to `sink`;
    stopped and checked at the end."""
    factory = ServerFactory(hikeshi_bin, engine, os.environ.get("HIKESHI_TEST_POSTGRES_URL"))
    try:
        yield factory.new(env={"HIKESHI_SMTP_URL": sink.url, "HIKESHI_SMTP_FROM": SMTP_FROM})
    finally:
        problems = factory.close()
        assert not problems, "\n\n".join(problems)


def plain(sender: str, subject: str, body: str, charset: str = "utf-8", to: str = "desk@desk.example", **headers: str) -> MIMEText:
    """A text/plain message to the desk, the subject an RFC 2047 encoded word in `charset`; `headers` with `_` for
    `-` (`Auto_Submitted=…`)."""
    message = MIMEText(body, "plain", charset)
    message["From"] = f"Customer <{sender}>"
    message["To"] = to
    message["Subject"] = Header(subject, charset)
    message["Message-ID"] = make_msgid(domain="customer.example")
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    return message


def mapped_customer(server: HikeshiServer, hk: Any, language: str = "ja", plan: str = "business", **mapping: Any) -> tuple[Any, str]:
    """A new customer account with its own domain mapped (with `mapping`'s service, category or severity); returns
    (account, an address of that domain)."""
    account = customer(server, plan, language)
    domain = f"{unique('corp')}.example"
    hk.put_mail_sender(Sender=f"@{domain}", AccountId=account.account_id, **mapping)
    return account, f"ops@{domain}"
