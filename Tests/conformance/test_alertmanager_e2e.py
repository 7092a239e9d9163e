"""End to end with a real Prometheus Alertmanager (Debian's `prometheus-alertmanager`, with
`amtool`): Alertmanager posts to a Hikeshi alertmanager integration, which opens an incident whose
plan engages a person by email (SMTP sink) and tells a Slack-shaped chat channel (webhook sink);
Alertmanager's later notifications of the same group join that incident, and its resolved
notification resolves it."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
import textwrap
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest

from harness import clean_env, free_port, unique, wait_until
from incident_support import (
    create_chat_channel,
    create_integration,
    create_plan,
    incidents_of_plan,
    plan_name,
    record,
    trigger_actions,
)

INSTALL_HINT = "apt-get install -y prometheus-alertmanager (Scripts/test installs it)"


def alertmanager_binaries() -> tuple[str, str] | None:
    server = shutil.which("prometheus-alertmanager") or shutil.which("alertmanager")
    amtool = shutil.which("amtool")
    return (server, amtool) if server and amtool else None


class Alertmanager:
    """One Alertmanager process on free loopback ports, clustering off, routing every alert to one
    webhook receiver (group_wait 1s, group_interval 2s, repeat_interval 1h, send_resolved)."""

    def __init__(self, binary: str, amtool: str, webhook_url: str, root: Path):
        self.binary = binary
        self.amtool_binary = amtool
        self.port = free_port()
        self.root = root
        self.config = root / "alertmanager.yml"
        self.config.write_text(
            textwrap.dedent(
                f"""\
                route:
                  receiver: hikeshi
                  group_by: ['alertname']
                  group_wait: 1s
                  group_interval: 2s
                  repeat_interval: 1h
                receivers:
                  - name: hikeshi
                    webhook_configs:
                      - url: '{webhook_url}'
                        send_resolved: true
                """
            )
        )
        self.log_path = root / "alertmanager.log"
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Alertmanager":
        (self.root / "data").mkdir(exist_ok=True)
        cmd = [
            self.binary,
            f"--config.file={self.config}",
            f"--storage.path={self.root / 'data'}",
            f"--web.listen-address=127.0.0.1:{self.port}",
            "--cluster.listen-address=",
        ]
        self._log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(cmd, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=clean_env())
        wait_until(self._ready, timeout=20, interval=0.1, message=lambda: f"Alertmanager ready on {self.url}\n{self.log_tail()}")
        return self

    def _ready(self) -> bool:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise AssertionError(f"alertmanager exited with {self.proc.returncode}\n{self.log_tail()}")
        try:
            with urllib.request.urlopen(self.url + "/-/ready", timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no alertmanager log)"

    def amtool(self, *args: str) -> str:
        cmd = [self.amtool_binary, *args, f"--alertmanager.url={self.url}"]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=30, env=clean_env(), stdin=subprocess.DEVNULL)
        assert result.returncode == 0, f"`{' '.join(cmd)}` exited {result.returncode}\n{result.stdout}\n{result.stderr}"
        return result.stdout

    def add_alert(self, *labels: str, summary: str | None = None, end: dt.datetime | None = None) -> None:
        args = ["alert", "add", *labels]
        if summary is not None:
            args.append(f"--annotation=summary={summary}")
        if end is not None:
            args.append("--end=" + end.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.amtool(*args)


@pytest.fixture
def make_alertmanager() -> Iterator[Any]:
    found = alertmanager_binaries()
    if found is None:
        pytest.skip(f"prometheus-alertmanager/amtool not installed: {INSTALL_HINT}")
    started: list[Alertmanager] = []
    root = Path(tempfile.mkdtemp(prefix="alertmanager-"))

    def make(webhook_url: str) -> Alertmanager:
        manager = Alertmanager(found[0], found[1], webhook_url, Path(tempfile.mkdtemp(dir=root))).start()
        started.append(manager)
        return manager

    yield make
    for manager in started:
        manager.stop()
    shutil.rmtree(root, ignore_errors=True)


def test_alertmanager_pages_absorbs_and_resolves(make_paging_rig, webhook_sink, make_alertmanager):
    rig = make_paging_rig()
    server = rig.server
    client = server.client("ssm-incidents")
    person = rig.person("dba", channel_types=("EMAIL",))
    chat_path = f"/slack/{unique('am')}"
    channel = create_chat_channel(server, "slack", webhook_sink.url(chat_path))
    name = plan_name("disk")
    plan = create_plan(
        client, name, title="Disk alert", impact=3, engagements=[person.arn], chatChannel={"chatbotSns": [channel["arn"]]}
    )
    hook = create_integration(server, name, "alertmanager", auto_resolve=True)
    manager = make_alertmanager(hook["url"])

    title = "Disk full on db1"
    db1 = ("alertname=DiskFull", "severity=critical", "instance=db1")
    manager.add_alert(*db1, summary=title)

    # Alertmanager -> Hikeshi: one incident, the engaged person's email and the chat message
    incident = wait_until(lambda: incidents_of_plan(client, plan), timeout=30,
                          message=lambda: f"an incident from Alertmanager\n{manager.log_tail()}\n{server.log_tail()}")[0]
    arn = incident["arn"]
    got = record(client, arn)
    assert got["title"] == title
    assert got["incidentRecordSource"]["source"] == "prometheus.alertmanager"
    assert got["status"] == "OPEN"
    mail = wait_until(lambda: [m for m in rig.smtp.to(person.email) if title in m.body], timeout=20,
                      message=lambda: f"the page email; have {[(m.subject, m.body[:100]) for m in rig.smtp.messages]}")[0]
    assert title in mail.body
    webhook_sink.wait_for(chat_path, containing=title, timeout=20)
    engagements = rig.client.list_engagements(IncidentId=arn)["Engagements"]
    assert [e["ContactArn"] for e in engagements] == [person.arn]

    # the same alert again, and a second one joining the group: Alertmanager notifies the group
    # again (group_interval 2s) and Hikeshi absorbs it into the open incident
    manager.add_alert(*db1, summary=title)
    db2 = ("alertname=DiskFull", "severity=critical", "instance=db2")
    manager.add_alert(*db2, summary="Disk full on db2")
    wait_until(lambda: "absorbed" in trigger_actions(client, arn), timeout=30,
               message=lambda: f"an absorbed trigger; timeline {trigger_actions(client, arn)}\n{manager.log_tail()}")
    assert [r["arn"] for r in incidents_of_plan(client, plan)] == [arn]
    assert len(rig.client.list_engagements(IncidentId=arn)["Engagements"]) == 1
    assert len([m for m in rig.smtp.to(person.email) if title in m.body]) == 1

    # both alerts end: Alertmanager sends the group as resolved
    ended = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)
    manager.add_alert(*db1, summary=title, end=ended)
    manager.add_alert(*db2, summary="Disk full on db2", end=ended)
    wait_until(lambda: "resolved" in trigger_actions(client, arn), timeout=30,
               message=lambda: f"a resolved trigger; timeline {trigger_actions(client, arn)}\n{manager.log_tail()}")
    # (created and absorbed carry the group's first startsAt as their time, so their order is not asserted)
    assert sorted(set(trigger_actions(client, arn))) == ["absorbed", "created", "resolved"]
    assert trigger_actions(client, arn).count("created") == 1
    assert record(client, arn)["status"] == "RESOLVED"
    assert [r["arn"] for r in incidents_of_plan(client, plan)] == [arn]
    wait_until(lambda: "StopTime" in rig.client.describe_engagement(EngagementId=engagements[0]["EngagementArn"]),
               timeout=10, message="the engagement stopped with the incident")
    webhook_sink.wait_for(chat_path, containing="esolved", timeout=20)
