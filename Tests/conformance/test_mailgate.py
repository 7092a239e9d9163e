"""Cases by email: `hikeshi mailgate` reads one RFC 5322 message from standard input — as a mail server's pipe
transport gives it — into the desk, through the server's `hikeshi` API (`--endpoint-url`) or the database.

Messages are built with Python's `email` package in each charset a desk in Japan, Korea or China receives
(ISO-2022-JP, Shift_JIS, EUC-KR, GB2312, GBK, UTF-8), for headers and bodies. Sender addresses and domains are
mapped to accounts through the `hikeshi` API and `hikeshi support mail-senders`. The module's server sends its
email to an SMTP sink, so the desk's answers and the unknown-sender notice are read back, and a reply to the desk's
own message finds its case by `In-Reply-To`.
"""

from __future__ import annotations

import os
import subprocess
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.header import Header
from typing import Any, Iterator

import pytest

from harness import Account, HikeshiServer, aws_error, clean_env, unique, wait_until
from mail_support import mail_server, mapped_customer, plain
from paging_support import SMTPSink
from support_support import customer, desk, support

EX_DATAERR = 65
EX_TEMPFAIL = 75


@pytest.fixture(scope="module")
def sink() -> Iterator[SMTPSink]:
    server = SMTPSink().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def srv(hikeshi_bin: str, engine: str, sink: SMTPSink) -> Iterator[HikeshiServer]:
    """The module's server (fresh storage), sending its email to the sink."""
    with mail_server(hikeshi_bin, engine, sink) as server:
        yield server


@pytest.fixture(scope="module")
def hk(srv: HikeshiServer) -> Any:
    return desk(srv)


def mailgate(server: HikeshiServer, message: bytes | EmailMessage | Any, *, direct: bool = False, endpoint: str | None = None,
             account: Any = None) -> subprocess.CompletedProcess:
    """Pipes a message into `hikeshi mailgate`, signed as the provider (or `account`), or straight into the database."""
    raw = message if isinstance(message, bytes) else message.as_bytes()
    env = clean_env()
    if direct:
        args = ["mailgate", *server.storage_args]
    else:
        creds = account or server.creds
        env.update(AWS_ACCESS_KEY_ID=creds.access_key_id, AWS_SECRET_ACCESS_KEY=creds.secret_access_key)
        args = ["mailgate", "--endpoint-url", endpoint or server.endpoint]
    return subprocess.run([str(server.binary), *args], input=raw, capture_output=True, timeout=60, env=env)


def deliver(server: HikeshiServer, message: Any, **kwargs: Any) -> tuple[str, str | None]:
    """Delivers and expects exit 0; returns (outcome, case id or None)."""
    result = mailgate(server, message, **kwargs)
    assert result.returncode == 0, (result.returncode, result.stderr.decode())
    words = result.stdout.decode().split()
    return words[0], (words[1] if len(words) > 1 else None)


def customer_case(server: HikeshiServer, account: Any, case_id: str) -> dict:
    cases = support(server, account).describe_cases(caseIdList=[case_id], includeResolvedCases=True)["cases"]
    assert len(cases) == 1
    return cases[0]


def communications(server: HikeshiServer, account: Any, case_id: str) -> list[dict]:
    return support(server, account).describe_communications(caseId=case_id)["communications"]


# ---------------------------------------------------------------------------
# Mapping senders
# ---------------------------------------------------------------------------


def test_senders_are_mapped_listed_and_removed_through_the_api(srv, hk):
    account = customer(srv, "business", "en")
    other = customer(srv, "developer", "ja")
    address = f"{unique('lead')}@Example-Mapped.test"
    made = hk.put_mail_sender(Sender=address, AccountId=account.account_id, ServiceCode="amazon-elastic-compute-cloud-linux",
                              CategoryCode="performance", SeverityCode="high")["MailSender"]
    assert made["Sender"] == address.lower() and made["AccountId"] == account.account_id
    assert (made["ServiceCode"], made["CategoryCode"], made["SeverityCode"]) == ("amazon-elastic-compute-cloud-linux", "performance", "high")
    hk.put_mail_sender(Sender="@example-mapped.test", AccountId=other.account_id)
    mine = hk.list_mail_senders(AccountId=account.account_id)["MailSenders"]
    assert [m["Sender"] for m in mine] == [address.lower()]
    # Pages in address order.
    first = hk.list_mail_senders(MaxResults=1)
    assert len(first["MailSenders"]) == 1 and "NextToken" in first
    second = hk.list_mail_senders(MaxResults=1, NextToken=first["NextToken"])
    assert second["MailSenders"][0]["Sender"] > first["MailSenders"][0]["Sender"]
    # Replacing a mapping moves it.
    hk.put_mail_sender(Sender=address, AccountId=other.account_id)
    assert hk.list_mail_senders(AccountId=account.account_id)["MailSenders"] == []
    hk.delete_mail_sender(Sender=address.upper())
    with aws_error("ResourceNotFoundException", 404):
        hk.delete_mail_sender(Sender=address)


@pytest.mark.parametrize(
    "params, field",
    [
        ({"Sender": "not-an-address", "AccountId": "123456789012"}, "Sender"),
        ({"Sender": "@localhost", "AccountId": "123456789012"}, "Sender"),
        ({"Sender": "a b@example.com", "AccountId": "123456789012"}, "Sender"),
        ({"Sender": "ops@example.com", "AccountId": "12345"}, "AccountId"),
        ({"Sender": "ops@example.com", "AccountId": "{account}", "ServiceCode": "no-such-service"}, "serviceCode"),
        ({"Sender": "ops@example.com", "AccountId": "{account}", "CategoryCode": "performance"}, "CategoryCode"),
    ],
)
def test_bad_mappings_are_refused_naming_the_field(srv, hk, params, field):
    account = customer(srv, "business", "en")
    params = {k: (v.format(account=account.account_id) if isinstance(v, str) else v) for k, v in params.items()}
    client = desk(srv, parameter_validation=False)
    with aws_error("ValidationException", 400, mentions=field):
        client.put_mail_sender(**params)
    assert hk.list_mail_senders(AccountId=account.account_id)["MailSenders"] == []


def test_mapping_needs_the_provider_and_an_existing_account(srv, hk):
    account = customer(srv, "business", "en")
    with aws_error("AccessDeniedException", 403):
        desk(srv, account).put_mail_sender(Sender="x@example.com", AccountId=account.account_id)
    with aws_error("AccessDeniedException", 403):
        desk(srv, account).deliver_mail(Message=b"From: a@b.example\r\n\r\nhi")
    with aws_error("ResourceNotFoundException", 404):
        hk.put_mail_sender(Sender="x@example.com", AccountId="999999999999")


def test_senders_are_mapped_from_the_command_line(srv, hk):
    account = customer(srv, "business", "en")
    domain = f"{unique('cli')}.example"

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(srv.binary), "support", "mail-senders", *args, *srv.storage_args], capture_output=True,
                              timeout=60, env=clean_env(), stdin=subprocess.DEVNULL)

    put = cli("put", "--sender", f"@{domain}", "--account-id", account.account_id, "--severity-code", "normal")
    assert put.returncode == 0, put.stderr.decode()
    assert put.stdout.decode().split("\t")[:2] == [f"@{domain}", account.account_id]
    listed = cli("list", "--account-id", account.account_id)
    assert listed.stdout.decode().splitlines() == [f"@{domain}\t{account.account_id}\t-\t-\tnormal"]
    assert [m["Sender"] for m in hk.list_mail_senders(AccountId=account.account_id)["MailSenders"]] == [f"@{domain}"]
    bad = cli("put", "--sender", "nobody", "--account-id", account.account_id)
    assert bad.returncode != 0 and "Value 'nobody' at 'Sender'" in bad.stderr.decode()
    assert cli("delete", "--sender", f"@{domain}").returncode == 0
    assert cli("list", "--account-id", account.account_id).stdout.decode() == ""


# ---------------------------------------------------------------------------
# Opening cases, in every charset
# ---------------------------------------------------------------------------

ENCODED = [
    ("iso-2022-jp", "ja", "【至急】本番 EC2 に接続できません", "本番環境の EC2 インスタンス i-0abc1234def567890 に 10時15分 から SSH できません。\n再起動は試しました。"),
    ("shift_jis", "ja", "RDS の接続エラーについて", "ap-northeast-1 の RDS prod-db-01 で「Too many connections」が出ています。原因を知りたいです。"),
    ("euc-kr", "ko", "EC2 인스턴스 접속 불가", "서울 리전의 EC2 인스턴스 i-0abc1234def567890 에 오전 10시 15분부터 접속할 수 없습니다."),
    ("gb2312", "zh", "无法连接到数据库", "北京时间上午10点15分起，RDS 实例 prod-db-01 无法连接，请帮忙检查。"),
    ("gbk", "zh", "S3 存儲桶訪問被拒絕", "我們的 S3 存储桶 logs-prod 从昨天开始返回 AccessDenied，已经检查了策略。"),
    ("utf-8", "en", "Lambda timeouts since the deploy", "Since 10:15 JST every invocation of orders-api in ap-northeast-1 times out. We rolled back."),
]


@pytest.mark.parametrize("charset, language, subject, body", ENCODED, ids=[e[0] for e in ENCODED])
def test_a_mapped_sender_opens_a_case_in_any_charset(srv, hk, charset, language, subject, body):
    account, sender = mapped_customer(srv, hk, language="en")
    outcome, case_id = deliver(srv, plain(sender, subject, body, charset))
    assert outcome == "CASE_OPENED" and case_id
    case = customer_case(srv, account, case_id)
    assert case["subject"] == subject
    assert case["language"] == language, "the language is read from the text, not the account's default"
    assert case["submittedBy"] == sender
    assert case["ccEmailAddresses"] == [sender], "the desk's answers go back to the sender"
    assert case["serviceCode"] == "customer-account" and case["severityCode"] == "low"
    [first] = communications(srv, account, case_id)
    assert first["body"] == body
    view = hk.describe_case_details(CaseId=case_id)["Case"]
    review = hk.check_case_draft(Subject=subject, Body=body, ServiceCode="customer-account", SeverityCode="low", Language=language)
    assert [f["Code"] for f in view.get("Coach", [])] == [f["Code"] for f in review["Findings"]], "the coach's findings are stored"


def test_a_multipart_message_keeps_its_text_and_attachments_and_the_mappings_defaults(srv, hk):
    account, sender = mapped_customer(srv, hk, language="en", ServiceCode="amazon-elastic-compute-cloud-linux",
                                      CategoryCode="performance", SeverityCode="high")
    message = MIMEMultipart()
    message["From"] = sender
    message["To"] = "desk@desk.example"
    message["Subject"] = Header("ログと設定ファイル", "iso-2022-jp")
    message.attach(MIMEText("i-0abc1234def567890 が 10:15 JST から応答しません。ログを添付します。", "plain", "iso-2022-jp"))
    log = MIMEApplication(b"2026-12-07T01:15:00Z ERROR kernel: out of memory\n", Name="syslog.txt")
    log.add_header("Content-Disposition", "attachment", filename=("utf-8", "", "システムログ.txt"))
    message.attach(log)
    image = MIMEApplication(bytes(range(256)) * 4, _subtype="octet-stream")
    image.add_header("Content-Disposition", "attachment", filename="../../etc/passwd")
    message.attach(image)
    outcome, case_id = deliver(srv, message)
    assert outcome == "CASE_OPENED"
    case = customer_case(srv, account, case_id)
    assert (case["serviceCode"], case["categoryCode"], case["severityCode"]) == ("amazon-elastic-compute-cloud-linux", "performance", "high")
    assert case["language"] == "ja"
    [first] = communications(srv, account, case_id)
    assert first["body"].startswith("i-0abc1234def567890 が")
    client = support(srv, account)
    files = {a["fileName"]: client.describe_attachment(attachmentId=a["attachmentId"])["attachment"]["data"] for a in first["attachmentSet"]}
    assert files["システムログ.txt"] == b"2026-12-07T01:15:00Z ERROR kernel: out of memory\n"
    [other] = [name for name in files if name != "システムログ.txt"]
    assert "/" not in other and ".." not in other, "a path in a file name is not kept"
    assert files[other] == bytes(range(256)) * 4


def test_a_plan_without_technical_support_bounces_with_the_reason(srv, hk):
    account, sender = mapped_customer(srv, hk, ServiceCode="amazon-elastic-compute-cloud-linux")
    # The mapping is refused on a plan that could not open its cases...
    basic = customer(srv, "basic", "en")
    with aws_error("ValidationException", 400, mentions="ServiceCode"):
        hk.put_mail_sender(Sender="@basic.example", AccountId=basic.account_id, ServiceCode="amazon-elastic-compute-cloud-linux")
    with aws_error("ValidationException", 400, mentions="SeverityCode"):
        hk.put_mail_sender(Sender="@developer.example", AccountId=customer(srv, "developer", "en").account_id, SeverityCode="urgent")
    # ...and when the plan changes afterwards, the email bounces with the reason.
    hk.put_support_plan(AccountId=account.account_id, Plan="basic", Language="ja", TimeZone="Asia/Tokyo")
    result = mailgate(srv, plain(sender, "EC2 question", "How do I resize?"))
    assert result.returncode == EX_DATAERR, result.stderr.decode()
    assert "technical support" in result.stderr.decode()
    assert support(srv, account).describe_cases(includeResolvedCases=True)["cases"] == []


def test_a_long_message_keeps_its_first_part_and_attaches_the_whole(srv, hk):
    account, sender = mapped_customer(srv, hk, language="en")
    text = "Since 10:15 JST orders-api in ap-northeast-1 fails. " + "\n".join(f"line {n}: ERROR pool exhausted" for n in range(1200))
    outcome, case_id = deliver(srv, plain(sender, "Long log", text))
    assert outcome == "CASE_OPENED"
    [first] = communications(srv, account, case_id)
    assert len(first["body"]) <= 8000 and first["body"].startswith("Since 10:15 JST") and "message.txt" in first["body"]
    [whole] = first["attachmentSet"]
    assert whole["fileName"] == "message.txt"
    data = support(srv, account).describe_attachment(attachmentId=whole["attachmentId"])["attachment"]["data"]
    assert data.decode() == text


def test_a_sender_writing_too_often_is_held_back(srv, hk):
    """A mail program that answers the desk without saying it is automatic cannot loop: the desk never sends a
    message back to the address it came from, and a sender over 30 messages an hour is dropped."""
    account, sender = mapped_customer(srv, hk, language="en")
    outcomes = [hk.deliver_mail(Message=plain(sender, f"Re: ticket {n}", f"Autoresponse {n}").as_bytes())["Outcome"] for n in range(31)]
    assert outcomes[:30] == ["CASE_OPENED"] * 30 and outcomes[30] == "RATE_LIMITED"
    assert len(support(srv, account).describe_cases(includeResolvedCases=True, maxResults=100)["cases"]) == 30


# ---------------------------------------------------------------------------
# Replies
# ---------------------------------------------------------------------------


def test_replies_find_their_case_by_subject_or_by_the_desks_message_id(srv, hk, sink):
    account, sender = mapped_customer(srv, hk, language="ja")
    outcome, case_id = deliver(srv, plain(sender, "CloudFront の 503", "10:15 JST から 503 が返ります。"))
    assert outcome == "CASE_OPENED"
    display = customer_case(srv, account, case_id)["displayId"]
    # The desk's acknowledgement of the first message went to the sender, with the case in its Message-ID.
    agent = hk.create_agent(Name=unique("agent"), Specialties=["billing"], Languages=["ja"])["Agent"]
    hk.reply_to_case(CaseId=case_id, AgentId=agent["AgentId"], Body="ディストリビューション ID を教えてください。", RequestInformation=True)
    [answer] = wait_until(lambda: [m for m in sink.to(sender) if "ディストリビューション" in m.body], timeout=15, message="the desk's answer")
    assert f"[Case {display}]" in answer.subject
    assert answer.headers["Message-ID"].startswith(f"<case.{display}.")
    assert answer.headers["X-Auto-Response-Suppress"] == "All"
    assert not any("10:15 JST から 503" in m.body for m in sink.to(sender)), "the sender's own message is not mailed back to them"
    # A reply through the mail program: In-Reply-To names the desk's message; the quoted text is left out.
    reply = plain(sender, "Re: " + answer.subject.split("] ", 1)[-1], "E1ABCDEF123456 です。\n\n2026年12月7日 Desk <desk@desk.example>:\n> ディストリビューション ID を教えてください。")
    reply["In-Reply-To"] = answer.headers["Message-ID"]
    assert deliver(srv, reply) == ("COMMUNICATION_ADDED", case_id)
    # A reply that only names the case in its subject.
    by_subject = plain(sender, f"Re: [Case {display}] CloudFront の 503", "まだ発生しています。")
    assert deliver(srv, by_subject) == ("COMMUNICATION_ADDED", case_id)
    bodies = [c["body"] for c in communications(srv, account, case_id)]
    assert "E1ABCDEF123456 です。" in bodies and "まだ発生しています。" in bodies
    assert customer_case(srv, account, case_id)["status"] != "pending-customer-action", "the customer's reply moves the case on"
    # Another account's case id in the subject opens a new case instead of reaching into that account.
    stranger, stranger_sender = mapped_customer(srv, hk, language="en")
    outcome, other_case = deliver(srv, plain(stranger_sender, f"Re: [Case {display}] hello", "Is this mine?"))
    assert outcome == "CASE_OPENED" and other_case != case_id
    assert len(communications(srv, account, case_id)) == 4


def test_a_message_delivered_twice_is_read_once(srv, hk):
    account, sender = mapped_customer(srv, hk)
    message = plain(sender, "Twice", "This message is delivered twice by the mail system.")
    first = deliver(srv, message)
    assert first[0] == "CASE_OPENED"
    assert deliver(srv, message) == ("DUPLICATE", first[1])
    assert len(support(srv, account).describe_cases(includeResolvedCases=True)["cases"]) == 1


# ---------------------------------------------------------------------------
# Unknown senders and machines
# ---------------------------------------------------------------------------


def test_an_unknown_sender_is_answered_once_a_day_in_their_language(srv, hk, sink):
    stranger = f"{unique('who')}@unregistered.example"
    assert deliver(srv, plain(stranger, "問い合わせ", "EC2 について質問があります。", "iso-2022-jp"))[0] == "UNKNOWN_SENDER_NOTIFIED"
    [notice] = sink.wait_for(stranger, timeout=15)
    assert notice.headers["Auto-Submitted"] == "auto-replied"
    assert "登録されていない" in notice.body and stranger in notice.body
    assert deliver(srv, plain(stranger, "もう一度", "再送します。"))[0] == "UNKNOWN_SENDER_IGNORED"
    # The desk's own notice, were it to come back (a misrouted alias), is not read as a customer's.
    assert deliver(srv, notice.raw)[0] == "AUTOMATIC_IGNORED"
    # A forged From (the envelope sender is someone else) gets no notice: the desk does not reflect mail to strangers.
    forged = f"{unique('victim')}@unregistered.example"
    assert deliver(srv, plain(forged, "hello", "spam", Return_Path="<bounces@spammer.example>"))[0] == "UNKNOWN_SENDER_IGNORED"
    # Both notices that could have been sent by now have been: one to the stranger, none to the forged address.
    later = f"{unique('later')}@unregistered.example"
    assert deliver(srv, plain(later, "hello", "a real person"))[0] == "UNKNOWN_SENDER_NOTIFIED"
    sink.wait_for(later, timeout=15)
    assert len(sink.to(stranger)) == 1 and sink.to(forged) == []


def _bounce(sender: str) -> bytes:
    return (
        "Return-Path: <>\r\nFrom: MAILER-DAEMON@mx.example (Mail Delivery System)\r\nTo: desk@desk.example\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
        f"--b\r\nContent-Type: text/plain\r\n\r\nThe mail to {sender} could not be delivered.\r\n--b--\r\n"
    ).encode()


@pytest.mark.parametrize(
    "kind",
    ["auto-submitted", "precedence-bulk", "list", "empty-return-path", "bounce"],
)
def test_auto_replies_and_bounces_never_open_cases_or_get_answers(srv, hk, sink, kind):
    account, sender = mapped_customer(srv, hk)
    stranger = f"{unique('auto')}@unregistered.example"
    for who in (sender, stranger):
        if kind == "bounce":
            message: Any = _bounce(who)
        else:
            headers = {
                "auto-submitted": {"Auto_Submitted": "auto-replied"},
                "precedence-bulk": {"Precedence": "bulk"},
                "list": {"List_Id": "<news.example.com>"},
                "empty-return-path": {"Return_Path": "<>"},
            }[kind]
            message = plain(who, "Out of office", "I am away until Monday.", **headers)
        assert deliver(srv, message)[0] == "AUTOMATIC_IGNORED"
    assert support(srv, account).describe_cases(includeResolvedCases=True)["cases"] == []
    assert sink.to(stranger) == []


# ---------------------------------------------------------------------------
# The gate's exit status, and writing to the database directly
# ---------------------------------------------------------------------------


def test_the_exit_status_tells_the_mail_system_to_bounce_or_retry(srv, hk):
    account, sender = mapped_customer(srv, hk)
    garbage = mailgate(srv, b"\r\n\r\nno headers at all")
    assert garbage.returncode == EX_DATAERR and b"header" in garbage.stderr
    down = mailgate(srv, plain(sender, "s", "b"), endpoint="http://127.0.0.1:9")
    assert down.returncode == EX_TEMPFAIL, "the server is unreachable: the mail system keeps the message and retries"
    wrong = mailgate(srv, plain(sender, "s", "b"), account=Account("111111111111", "AKIAWRONGWRONGWRONG1", "x" * 40))
    assert wrong.returncode == EX_TEMPFAIL, "refused credentials are the operator's to fix; the message waits"
    assert support(srv, account).describe_cases(includeResolvedCases=True)["cases"] == []


def test_the_gate_writes_to_the_database_directly(srv, hk, sink):
    account, sender = mapped_customer(srv, hk, language="ko")
    outcome, case_id = deliver(srv, plain(sender, "RDS 장애", "오전 10시 15분(KST)부터 RDS prod-db-01 에 접속할 수 없습니다.", "euc-kr"), direct=True)
    assert outcome == "CASE_OPENED"
    case = customer_case(srv, account, case_id)
    assert case["subject"] == "RDS 장애" and case["language"] == "ko"
    stranger = f"{unique('direct')}@unregistered.example"
    assert deliver(srv, plain(stranger, "hello", "hi"), direct=True)[0] == "UNKNOWN_SENDER_NOTIFIED"
    # The notice was queued in the database; the running server sends it.
    sink.wait_for(stranger, timeout=30)


def test_large_files_are_named_not_kept_and_oversized_messages_bounce(srv, hk):
    account, sender = mapped_customer(srv, hk, language="en")
    message = MIMEMultipart()
    message["From"] = sender
    message["To"] = "desk@desk.example"
    message["Subject"] = "Core dump of orders-api"
    message.attach(MIMEText("The core dump of orders-api in ap-northeast-1 since 10:15 JST is attached.", "plain", "utf-8"))
    dump = MIMEApplication(os.urandom(6 * 1024 * 1024), Name="core.dump")
    dump.add_header("Content-Disposition", "attachment", filename="core.dump")
    message.attach(dump)
    outcome, case_id = deliver(srv, message)
    assert outcome == "CASE_OPENED"
    [first] = communications(srv, account, case_id)
    assert first.get("attachmentSet", []) == []
    assert "core.dump (6291456 bytes)" in first["body"] and "not kept" in first["body"]
    huge = plain(sender, "too big", "x" * (26 * 1024 * 1024))
    result = mailgate(srv, huge)
    assert result.returncode == EX_DATAERR and b"larger than 25 MiB" in result.stderr
    assert len(support(srv, account).describe_cases(includeResolvedCases=True)["cases"]) == 1
