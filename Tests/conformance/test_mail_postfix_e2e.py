"""End to end through a real Postfix (Debian's `postfix`): a private Postfix instance for the module, in a temp
directory, listens for SMTP on a free loopback port and hands mail for desk@desk.test to a `pipe` transport running
`hikeshi mailgate --endpoint-url <the module's server>` as an unprivileged user (`nobody`), with the desk's
credentials in a shared credentials file exported through `export_environment`. Messages go in with Python's
smtplib and come out as cases; machines' messages open none; and while the Hikeshi server is down, mailgate's exit
status 75 makes Postfix keep the message queued until it can be delivered — once.

A missing Postfix fails the module (Scripts/test installs it). Postfix's master runs as root: run by another user the
module is skipped, with the reason, except in CI (CI=true), where it fails; CI runs Scripts/test as root.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import re
import shutil
import signal
import smtplib
import socket
import stat
import subprocess
import tempfile
import textwrap
from pathlib import Path
from typing import Any, Iterator

import pytest

from harness import HikeshiServer, clean_env, free_port, unique, wait_until
import mail_support
from mail_support import mapped_customer
from paging_support import SMTPSink
from support_support import desk, support

INSTALL_HINT = "apt-get install -y --no-install-recommends postfix (Scripts/test installs it)"
POSTFIX = "/usr/sbin/postfix"
POSTQUEUE = "/usr/sbin/postqueue"
POSTCONF = "/usr/sbin/postconf"
# The pipe transport's user: anyone but root and Postfix's mail owner.
PIPE_USER = "nobody"
DESK = "desk@desk.test"
# The same desk through a second pipe transport that keeps the null sender empty (`null_sender=`): by default
# Postfix's pipe writes a bounce's null envelope sender as `Return-Path: <MAILER-DAEMON>`, not `Return-Path: <>`.
DESK_NULL_SENDER = "desk-null-sender@desk.test"
# How long Postfix may take to hand a message to mailgate and mailgate to answer.
DELIVERY_TIMEOUT = 30


def _postfix_missing() -> str | None:
    missing = [p for p in (POSTFIX, POSTQUEUE, POSTCONF) if not os.access(p, os.X_OK)]
    return ", ".join(missing) or None


# ---------------------------------------------------------------------------
# A private Postfix instance
# ---------------------------------------------------------------------------


class Postfix:
    """One Postfix instance of its own (`postfix -c CONFDIR`): its own queue and data directories, SMTP on
    127.0.0.1:`port`, mail for desk@desk.test piped to `hikeshi mailgate`, every other recipient refused, nothing
    relayed, and its log in `maillog`. A deferred message stays deferred until it is flushed (`postqueue -f`): new mail
is delivered at once, but a retry would come only after 5 minutes."""

    def __init__(self, root: Path, binary: str, endpoint: str, credentials: Path):
        self.root = root
        self.conf = root / "conf"
        self.queue = root / "spool"
        self.data = root / "data"
        self.maillog = root / "maillog"
        self.port = free_port()
        self.binary = binary
        self.endpoint = endpoint
        self.credentials = credentials
        self.started = False

    def configure(self) -> "Postfix":
        self.conf.mkdir()
        self.queue.mkdir()
        self.data.mkdir()
        owner = pwd.getpwnam("postfix")
        os.chown(self.data, owner.pw_uid, owner.pw_gid)  # Postfix's own state (master.lock); the queue is root's
        main = f"""\
            compatibility_level = 3.6
            queue_directory = {self.queue}
            data_directory = {self.data}
            mail_owner = postfix
            setgid_group = postdrop
            myhostname = mx.desk.test
            mydomain = desk.test
            myorigin = desk.test
            mydestination = desk.test
            inet_interfaces = 127.0.0.1
            inet_protocols = ipv4
            mynetworks = 127.0.0.0/8
            smtpd_banner = $myhostname ESMTP
            smtpd_relay_restrictions = reject_unauth_destination
            smtpd_recipient_restrictions = check_recipient_access inline:{{ {DESK}=OK, {DESK_NULL_SENDER}=OK }}, reject
            smtputf8_enable = no
            biff = no
            alias_maps =
            alias_database =
            local_recipient_maps =
            transport_maps = inline:{{ {DESK}=hikeshi:, {DESK_NULL_SENDER}=hikeshi-null-sender: }}
            local_transport = error:5.1.1 no such mailbox here
            default_transport = error:5.7.1 this instance relays nothing
            relay_transport = error:5.7.1 this instance relays nothing
            export_environment = TZ MAIL_CONFIG LANG AWS_SHARED_CREDENTIALS_FILE={self.credentials}
            queue_run_delay = 300s
            minimal_backoff_time = 300s
            maximal_backoff_time = 300s
            maximal_queue_lifetime = 1h
            bounce_queue_lifetime = 1h
            maillog_file = {self.maillog}
            maillog_file_prefixes = {self.root}
            """
        (self.conf / "main.cf").write_text(textwrap.dedent(main))
        pipe = f"pipe flags=R user={PIPE_USER} argv={self.binary} mailgate --endpoint-url {self.endpoint}"
        services = [
            # service type private unpriv chroot wakeup maxproc command
            f"127.0.0.1:{self.port} inet n - n - - smtpd",
            "pickup unix n - n 60 1 pickup",
            "cleanup unix n - n - 0 cleanup",
            "qmgr unix n - n 300 1 qmgr",
            "rewrite unix - - n - - trivial-rewrite",
            "bounce unix - - n - 0 bounce",
            "defer unix - - n - 0 bounce",
            "trace unix - - n - 0 bounce",
            "verify unix - - n - 1 verify",
            "flush unix n - n 1000? 0 flush",
            "proxymap unix - - n - - proxymap",
            "showq unix n - n - - showq",
            "error unix - - n - - error",
            "retry unix - - n - - error",
            "discard unix - - n - - discard",
            "anvil unix - - n - 1 anvil",
            "scache unix - - n - 1 scache",
            "postlog unix-dgram n - n - 1 postlogd",
            # As `hikeshi mailgate --help` shows it.
            f"hikeshi unix - n n - - {pipe}",
            f"hikeshi-null-sender unix - n n - - {pipe.replace(' user=', ' null_sender= user=')}",
        ]
        (self.conf / "master.cf").write_text("\n".join(services) + "\n")
        return self

    def run(self, program: str, *args: str, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess:
        cmd = [program, "-c", str(self.conf), *args]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=clean_env(),
                                stdin=subprocess.DEVNULL)
        if check:
            assert result.returncode == 0, (
                f"`{' '.join(cmd)}` exited {result.returncode}\n{result.stdout}\n{result.stderr}\n{self.log_tail()}")
        return result

    def start(self) -> "Postfix":
        self.run(POSTFIX, "start")
        self.started = True
        wait_until(self._listening, timeout=20, interval=0.1,
                   message=lambda: f"Postfix's smtpd on 127.0.0.1:{self.port}\n{self.log_tail()}")
        return self

    def _listening(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
                return connection.recv(64).startswith(b"220")
        except OSError:
            return False

    def master_pid(self) -> int | None:
        try:
            return int((self.queue / "pid" / "master.pid").read_text().strip())
        except (OSError, ValueError):
            return None

    def stop(self) -> None:
        """`postfix stop`; the instance's processes are killed (the master's process group) when it does not stop."""
        if not self.started:
            return
        self.started = False
        pid = self.master_pid()
        try:
            self.run(POSTFIX, "stop", check=False, timeout=30)
            if pid is not None:
                wait_until(lambda: not _alive(pid), timeout=15, interval=0.1, message=f"Postfix's master {pid} to exit")
        except (subprocess.TimeoutExpired, AssertionError):
            if pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pid, signal.SIGKILL)  # the master leads its own process group (its children are in it)

    def log(self) -> str:
        try:
            return self.maillog.read_text(errors="replace")
        except OSError:
            return ""

    def log_tail(self, lines: int = 40) -> str:
        tail = "\n".join(self.log().splitlines()[-lines:])
        return f"---- postfix log tail ({self.maillog}) ----\n{tail}"

    def queue_entries(self) -> list[dict]:
        """`postqueue -j`: one JSON object per queued message."""
        out = self.run(POSTQUEUE, "-j").stdout
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    def flush(self) -> None:
        self.run(POSTQUEUE, "-f")

    def deliveries(self, queue_id: str) -> list[tuple[str, str]]:
        """(status, text) of each delivery attempt of message `queue_id` in the log."""
        pattern = re.compile(rf"\b{re.escape(queue_id)}: to=<[^>]*>, .*?\bstatus=(\w+) \((.*)\)$", re.M)
        return pattern.findall(self.log())

    def send(self, message: Any, sender: str, recipient: str = DESK) -> str:
        """Sends `message` over SMTP with envelope sender `sender` ('' for the null sender) to `recipient`; returns
        Postfix's queue id."""
        with smtplib.SMTP("127.0.0.1", self.port, timeout=30) as smtp:
            smtp.ehlo("client.example")
            code, answer = smtp.mail(sender)
            assert code == 250, (code, answer)
            code, answer = smtp.rcpt(recipient)
            assert code == 250, (code, answer)
            code, answer = smtp.data(message.as_bytes())
            assert code == 250, (code, answer)
        match = re.search(rb"queued as ([0-9A-Za-z]+)", answer)
        assert match, f"no queue id in Postfix's answer {answer!r}"
        return match.group(1).decode()

    def delivered(self, queue_id: str) -> list[str]:
        """Waits until the message was delivered to mailgate; returns what mailgate printed (outcome [case id])."""
        attempts = wait_until(lambda: [d for d in self.deliveries(queue_id) if d[0] != "deferred"],
                              timeout=DELIVERY_TIMEOUT, interval=0.1,
                              message=lambda: f"the delivery of {queue_id}\n{self.log_tail()}")
        [(status, text)] = attempts
        assert status == "sent", f"{queue_id}: {status} ({text})\n{self.log_tail()}"
        match = re.fullmatch(r"delivered via hikeshi(?:-null-sender)? service \((.*)\)", text)
        assert match, f"mailgate printed nothing: {text!r}"
        return match.group(1).split()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _runs_as(user: str, *cmd: str) -> subprocess.CompletedProcess:
    return subprocess.run(["runuser", "-u", user, "--", *cmd], capture_output=True, timeout=30, env=clean_env(),
                          stdin=subprocess.DEVNULL)


def _executable_by_pipe_user(binary: str, root: Path) -> str:
    """`binary` when the pipe user can run it; else a copy in `root` (a checkout under a private home directory)."""
    if _runs_as(PIPE_USER, binary, "mailgate", "--help").returncode == 0:
        return binary
    copy = root / "bin" / "hikeshi"
    copy.parent.mkdir(mode=0o755)
    shutil.copy2(binary, copy)
    copy.chmod(0o755)
    check = _runs_as(PIPE_USER, str(copy), "mailgate", "--help")
    assert check.returncode == 0, f"{PIPE_USER} cannot run {copy}: {check.stderr.decode(errors='replace')}"
    return str(copy)


# ---------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def postfix_available() -> None:
    missing = _postfix_missing()
    if missing:
        pytest.fail(f"Postfix is not installed (no {missing}): {INSTALL_HINT}", pytrace=False)
    if os.geteuid() != 0:
        reason = "Postfix's master runs as root; run the suite as root (CI runs Scripts/test as root)"
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def sink() -> Iterator[SMTPSink]:
    server = SMTPSink().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def srv(postfix_available: None, hikeshi_bin: str, engine: str, sink: SMTPSink) -> Iterator[HikeshiServer]:
    """The module's server (fresh storage); its own email (acknowledgements, notices) goes to the sink."""
    with mail_support.mail_server(hikeshi_bin, engine, sink) as server:
        yield server


@pytest.fixture(scope="module")
def hk(srv: HikeshiServer) -> Any:
    return desk(srv)


@pytest.fixture(scope="module")
def postfix(srv: HikeshiServer) -> Iterator[Postfix]:
    """The module's Postfix, piping desk@desk.test to `hikeshi mailgate --endpoint-url <srv>` as `nobody`."""
    root = Path(tempfile.mkdtemp(prefix="hikeshi-postfix-"))
    root.chmod(0o755)  # the postfix and nobody users go through it
    pipe_user = pwd.getpwnam(PIPE_USER)
    credentials = root / "credentials"
    credentials.write_text(
        f"[default]\naws_access_key_id = {srv.creds.access_key_id}\naws_secret_access_key = {srv.creds.secret_access_key}\n")
    os.chown(credentials, pipe_user.pw_uid, pipe_user.pw_gid)
    credentials.chmod(stat.S_IRUSR)
    instance = Postfix(root, _executable_by_pipe_user(str(srv.binary), root), srv.endpoint, credentials)
    try:
        yield instance.configure().start()
    finally:
        instance.stop()
        if os.environ.get("HIKESHI_KEEP_TEST_DIRS"):
            print(f"postfix instance kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


# ---------------------------------------------------------------------------
# Messages and cases
# ---------------------------------------------------------------------------


def plain(sender: str, subject: str, body: str, charset: str = "iso-2022-jp", **headers: str) -> Any:
    """A text/plain message to the desk's Postfix address (ISO-2022-JP, as Japanese mail programs send)."""
    return mail_support.plain(sender, subject, body, charset, to=DESK, **headers)


def cases_of(server: HikeshiServer, account: Any) -> list[dict]:
    return support(server, account).describe_cases(includeResolvedCases=True)["cases"]


def bodies(server: HikeshiServer, account: Any, case_id: str) -> list[str]:
    return [c["body"] for c in support(server, account).describe_communications(caseId=case_id)["communications"]]


# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------


def test_a_message_through_postfix_opens_a_case_and_a_reply_joins_it(srv, hk, postfix):
    account, sender = mapped_customer(srv, hk)
    subject = "【至急】本番 EC2 に接続できません"
    body = "本番環境の EC2 インスタンス i-0abc1234def567890 に 10時15分 から SSH できません。\n再起動は試しました。"
    message = plain(sender, subject, body)
    assert b"\x1b$B" in message.as_bytes(), "the body travels as ISO-2022-JP"
    queue_id = postfix.send(message, sender)
    outcome = postfix.delivered(queue_id)
    assert outcome[0] == "CASE_OPENED", outcome
    [case] = cases_of(srv, account)
    assert outcome[1:] == [case["caseId"]]
    assert case["subject"] == subject
    assert case["submittedBy"] == sender
    assert bodies(srv, account, case["caseId"]) == [body]

    reply_body = "まだ SSH できません。コンソールのスクリーンショットを確認しました。"
    reply = plain(sender, f"Re: [Case {case['displayId']}] {subject}", reply_body)
    reply_id = postfix.send(reply, sender)
    assert postfix.delivered(reply_id) == ["COMMUNICATION_ADDED", case["caseId"]]
    assert sorted(bodies(srv, account, case["caseId"])) == sorted([body, reply_body])
    assert [c["caseId"] for c in cases_of(srv, account)] == [case["caseId"]], "the reply opened no case of its own"


@pytest.mark.parametrize(
    "kind, recipient",
    [
        pytest.param("auto-replied", DESK, id="auto-replied"),
        pytest.param("null-sender", DESK_NULL_SENDER, id="null-sender"),
        # The documented transport (no `null_sender=`): pipe writes the null sender as `<MAILER-DAEMON>`.
        pytest.param("null-sender", DESK, id="null-sender-documented-transport"),
    ],
)
def test_auto_replies_and_bounces_through_postfix_open_no_case(srv, hk, postfix, sink, kind, recipient):
    account, sender = mapped_customer(srv, hk)
    stranger = f"{unique('auto')}@unregistered.example"

    def machine_message(author: str) -> str:
        if kind == "auto-replied":
            message = plain(author, "不在通知", "12月9日まで不在にしております。", Auto_Submitted="auto-replied")
            return postfix.send(message, author, recipient)
        # A bounce whose headers look like a customer's: only the null envelope sender (MAIL FROM:<>), which the
        # pipe transport writes as the Return-Path (flags=R), tells it from one.
        return postfix.send(plain(author, "EC2 に接続できません", "i-0abc1234def567890 に SSH できません。"), "", recipient)

    # From a mapped sender: no case.
    assert postfix.delivered(machine_message(sender)) == ["AUTOMATIC_IGNORED"]
    assert cases_of(srv, account) == []
    # From an unknown sender: no notice. The notice goes out once a day per address, so a person's message after it
    # still gets one — had the machine's message been taken for a person's, this one would be ignored.
    assert postfix.delivered(machine_message(stranger)) == ["AUTOMATIC_IGNORED"]
    person = postfix.send(plain(stranger, "問い合わせ", "EC2 について質問があります。"), stranger)
    assert postfix.delivered(person) == ["UNKNOWN_SENDER_NOTIFIED"]
    sink.wait_for(stranger, timeout=15)
    assert len(sink.to(stranger)) == 1


def test_nothing_is_lost_while_the_server_is_down(srv, hk, postfix):
    account, sender = mapped_customer(srv, hk)
    subject = "サーバー停止中の問い合わせ"
    body = "Hikeshi が止まっている間に送ったメールです。"
    code = srv.stop()
    assert code == 0, f"hikeshi exited {code} after SIGTERM\n{srv.log_tail()}"
    try:
        queue_id = postfix.send(plain(sender, subject, body), sender)
        # mailgate cannot reach the server: it exits 75 (EX_TEMPFAIL), which pipe(8) reports as "temporary failure"
        # (65 would be a bounce, "data format error"), and Postfix keeps the message.
        [(status, reason), *_] = wait_until(lambda: postfix.deliveries(queue_id), timeout=DELIVERY_TIMEOUT, interval=0.1,
                                            message=lambda: f"a delivery attempt of {queue_id}\n{postfix.log_tail()}")
        assert status == "deferred", f"{status} ({reason})"
        assert reason.startswith("temporary failure") and "hikeshi mailgate:" in reason, reason
        [queued] = wait_until(
            lambda: [e for e in postfix.queue_entries() if e["queue_id"] == queue_id and e["queue_name"] == "deferred"],
            timeout=10, message=lambda: f"{queue_id} in the deferred queue: {postfix.queue_entries()}")
        [recipient] = queued["recipients"]
        assert recipient["address"] == DESK and "temporary failure" in recipient["delay_reason"], recipient
        assert all(d[0] == "deferred" for d in postfix.deliveries(queue_id)), "delivered while the server was down"
    finally:
        srv.restart()
    postfix.flush()
    outcome = postfix.delivered(queue_id)
    assert outcome[0] == "CASE_OPENED", outcome
    [case] = cases_of(srv, account)
    assert outcome[1:] == [case["caseId"]]
    assert case["subject"] == subject
    assert bodies(srv, account, case["caseId"]) == [body]
    wait_until(lambda: not any(e["queue_id"] == queue_id for e in postfix.queue_entries()), timeout=10,
               message=lambda: f"{queue_id} to leave the queue: {postfix.queue_entries()}")
    assert [d[0] for d in postfix.deliveries(queue_id)].count("sent") == 1, "read exactly once"
