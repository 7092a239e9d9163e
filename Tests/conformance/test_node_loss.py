"""Several nodes on one PostgreSQL: losing one in the middle of deliveries costs at most a few seconds.

Three `hikeshi serve` processes share one database (and one master key), an SMTP server takes a few seconds to
accept each message, pages are in flight on every node, and one node is killed with SIGKILL while it holds some of
them. Every page must still arrive, within the lease (4 s) plus one delivery of the kill, and a page may be sent
twice only if it was in flight on the killed node (the README's at-least-once window). PostgreSQL only: the embedded
SQLite serves one node.
"""

from __future__ import annotations

import base64
import secrets
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest

from harness import HikeshiServer, PostgresAdmin, clean_env, wait_until
from paging_support import PagingRig

DELIVERY_SECONDS = 3.0  # how long the SMTP server takes to accept one message
LEASE_SECONDS = 4.0  # SchedulerService.Configuration.lease
SLACK_SECONDS = 2.0  # process scheduling on a busy two-core machine, the takeover claim, the test's own polling
PEOPLE = 12


def psql_value(database_url: str, query: str) -> str:
    psql = PostgresAdmin._find_psql()
    result = subprocess.run(
        [psql, database_url, "-X", "-A", "-t", "-q", "-c", query], capture_output=True, text=True, timeout=30, env=clean_env()
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def held_by(database_url: str, node: str) -> int:
    """How many jobs node `node` holds (its leases are named `node/<random>`)."""
    return int(psql_value(database_url, f"SELECT COUNT(*) FROM jobs WHERE status = 'running' AND lease_owner LIKE '{node}/%'"))


def test_losing_a_node_mid_delivery_costs_at_most_the_lease(engine, server_factory, smtp_sink, fake_twilio):
    if engine != "postgres":
        pytest.skip("several nodes share a PostgreSQL database; the embedded SQLite serves one node")
    master_key = base64.b64encode(secrets.token_bytes(32)).decode()
    env = {**PagingRig.environment(smtp_sink, fake_twilio), "HIKESHI_MASTER_KEY": master_key}
    first = server_factory.new(env=env, serve_args=["--node-name", "node-a"])
    nodes = [first]
    for name in ("node-b", "node-c"):
        node = HikeshiServer(
            first.binary, "postgres", Path(tempfile.mkdtemp(prefix="data-", dir=server_factory.root)), first.database_url,
            first.bootstrap, env=env, serve_args=["--node-name", name])
        server_factory.servers.append(node)
        nodes.append(node.start())
    rigs = [PagingRig(node, smtp_sink, fake_twilio) for node in nodes]

    # People with an activated email channel and a plan that pages it at once (made while the SMTP server is quick).
    people = []
    for index in range(PEOPLE):
        rig = rigs[index % 3]
        person = rig.person("nl", channel_types=("EMAIL",))
        rig.set_personal_plan(person, [(5, ["EMAIL"])])
        people.append(person)

    # Now the SMTP server is slow, and every node starts engagements: pages are in flight everywhere.
    smtp_sink.data_delay = DELIVERY_SECONDS
    subject = f"Node loss {secrets.token_hex(3)}"
    for index, person in enumerate(people):
        rigs[index % 3].engage(person.arn, Subject=subject)
    victim = nodes[1]
    wait_until(lambda: held_by(first.database_url, "node-b") > 0, timeout=10, interval=0.02, message="node-b to hold a delivery")
    victim.kill()
    killed_at = time.monotonic()
    in_flight = held_by(first.database_url, "node-b")

    def pages_of(person) -> list:
        return [m for m in smtp_sink.to(person.email) if subject in m.subject]

    deadline = LEASE_SECONDS + DELIVERY_SECONDS + SLACK_SECONDS
    wait_until(lambda: all(pages_of(p) for p in people), timeout=deadline + 20, interval=0.1,
               message=lambda: f"every page; missing: {[p.alias for p in people if not pages_of(p)]}")
    last = max(min(m.received_at for m in pages_of(p)) for p in people)
    assert last - killed_at <= deadline, (
        f"the last page arrived {last - killed_at:.1f} s after the kill (at most {deadline} s: lease {LEASE_SECONDS} + "
        f"one delivery {DELIVERY_SECONDS} + slack {SLACK_SECONDS})")

    # No job stays with the dead node, and a page came twice only if it was in flight there.
    wait_until(lambda: int(psql_value(first.database_url, "SELECT COUNT(*) FROM jobs WHERE lease_owner LIKE 'node-b/%'")) == 0,
               timeout=10, message="the dead node's jobs to be taken over")
    print(f"node loss: {in_flight} jobs in flight on node-b, last page {last - killed_at:.2f} s after the kill")
    counts = Counter(p.alias for p in people for _ in pages_of(p))
    duplicated = sum(n - 1 for n in counts.values())
    assert duplicated <= in_flight, f"{duplicated} pages sent twice, but node-b held only {in_flight} when it died: {counts}"
    # The survivors answer and agree.
    for rig in (rigs[0], rigs[2]):
        assert len(rig.client.list_contacts()["Contacts"]) >= PEOPLE
