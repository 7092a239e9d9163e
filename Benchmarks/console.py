"""Server time to render the console's heaviest pages, read from each response's `Server-Timing: app;dur=…` (the time
from the request reaching the console to the rendered page, storage reads included), on a fresh release server on
SQLite:

1. the incident list with INCIDENTS open incidents (every open incident is on the page, highest impact first);
2. an incident's overview and its timeline (first page of 50) with EVENTS timeline events;
3. the desk queue with CASES open cases, when the desk pages are present (the provider's agent).

Issue #11's target is under 10 ms each on SQLite. Each page is fetched WARMUP times, then RUNS times; p50/p95/max are
printed. No peer serves these pages, so nothing is compared.

Usage: console.py HIKESHI_BINARY [INCIDENTS [EVENTS [CASES]]]   (run by Scripts/bench; defaults 1000, 2000, 500)
"""

from __future__ import annotations

import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "conformance"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "browser"))

from harness import ServerFactory  # noqa: E402

WARMUP = 5
RUNS = 40
PASSWORD = "a console password 2026"

# The benchmark measures the server, not its per-key and per-integration rate limits.
UNLIMITED = {"HIKESHI_THROTTLE_RATE": "0", "HIKESHI_THROTTLE_WEBHOOK_RATE": "0"}


class Console:
    """A signed-in console session over plain HTTP (the browser tests' helper, without Selenium)."""

    def __init__(self, base: str, server, role: str, account: str) -> None:
        from console_http import Session  # noqa: PLC0415 (the browser tests' module, not a package)

        user = server.admin("create-user", "--account-id", account, "--user-name", f"bench-{role}", "--role", role)
        self.session = Session(base)
        self.session.sign_in(_User(account, user["UserName"], role, user["Password"]), user["Password"])
        token = self.session.csrf("/console/settings")
        status, _, _ = self.session.request("/console/settings/password", {"_csrf": token, "current": user["Password"], "new": PASSWORD})
        assert status == 303, status

    def timings(self, path: str) -> list[float]:
        samples = []
        for index in range(WARMUP + RUNS):
            status, _, headers = self.session.request(path)
            assert status == 200, (path, status)
            duration = float(headers["Server-Timing"].split("dur=")[1])
            if index >= WARMUP:
                samples.append(duration)
        return samples


class _User:
    def __init__(self, account_id: str, user_name: str, role: str, password: str) -> None:
        self.account_id, self.user_name, self.role, self.password = account_id, user_name, role, password


def desk_queue(srv, cases_count: int) -> list[float]:
    """The desk queue of an agent of the provider (the bootstrap account) with `cases_count` open cases of one
    customer account on the Business plan (set up as Tests/conformance/test_support_desk.py does)."""
    customer = srv.create_account()
    hikeshi = srv.client("hikeshi")
    hikeshi.put_support_plan(AccountId=customer.account_id, Plan="business", Language="ja", TimeZone="Asia/Tokyo")
    agent = hikeshi.create_agent(Name="Bench", Specialties=["compute"], Languages=["ja", "en"])["Agent"]
    clients = [srv.client("support", account=customer) for _ in range(8)]
    started = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: clients[i % 8].create_case(
            subject=f"Instance i-{i:017x} does not answer", communicationBody="Since 09:00 JST the instance fails its status check.",
            serviceCode="amazon-elastic-compute-cloud-linux", categoryCode="general-guidance", severityCode="normal", language="ja"),
            range(cases_count)))
    print(f"console: set-up of {cases_count} cases took {time.monotonic() - started:.0f} s")
    user = srv.admin("create-user", "--account-id", srv.creds.account_id, "--user-name", "bench-agent", "--role", "support-agent",
                     "--agent-id", agent["AgentId"])
    console = Console.__new__(Console)
    from console_http import Session  # noqa: PLC0415

    console.session = Session(srv.endpoint)
    console.session.sign_in(_User(user["AccountId"], user["UserName"], "support-agent", user["Password"]), user["Password"])
    token = console.session.csrf("/console/settings")
    console.session.request("/console/settings/password", {"_csrf": token, "current": user["Password"], "new": PASSWORD})
    return console.timings("/console/desk/queue")


def report(name: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    verdict = "meets" if statistics.median(ordered) < 10 else "misses"
    print(f"console: {name}: p50 {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, max {ordered[-1]:.1f} ms ({verdict} the 10 ms target)")


def main() -> int:
    binary = sys.argv[1]
    incidents_count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    events_count = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    factory = ServerFactory(binary, "sqlite", None)
    try:
        srv = factory.new(env=UNLIMITED, serve_args=["--log-level", "warning"])
        account = srv.creds.account_id
        clients = [srv.client("ssm-incidents") for _ in range(8)]
        plan = clients[0].create_response_plan(name="bench", incidentTemplate={"title": "Bench", "impact": 3})["arn"]
        started = time.monotonic()
        with ThreadPoolExecutor(8) as pool:
            arns = list(pool.map(lambda i: clients[i % 8].start_incident(
                responsePlanArn=plan, title=f"Incident {i}", impact=1 + i % 5)["incidentRecordArn"], range(incidents_count)))
        busy = arns[0]
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda i: clients[i % 8].create_timeline_event(
                incidentRecordArn=busy, eventTime=f"2026-12-06T{(i // 60) % 24:02d}:{i % 60:02d}:00Z", eventType="Custom Event",
                eventData=f"step {i}"), range(events_count)))
        print(f"console: set-up of {incidents_count} incidents and {events_count} events took {time.monotonic() - started:.0f} s")
        console = Console(srv.endpoint, srv, "responder", account)
        page = "/console/incidents/" + busy.split("/", 1)[1]
        report(f"incident list ({incidents_count} open)", console.timings("/console/incidents"))
        report(f"incident overview ({events_count} events)", console.timings(page))
        report(f"incident timeline, first 50 of {events_count}", console.timings(page + "/timeline"))
        cases_count = int(sys.argv[4]) if len(sys.argv) > 4 else 500
        report(f"desk queue ({cases_count} open cases)", desk_queue(srv, cases_count))
        return 0
    finally:
        problems = factory.close()
        if problems:
            print("\n".join(problems))


if __name__ == "__main__":
    sys.exit(main())
