"""Crash runs: drive a random mix of work, kill the server with SIGKILL at random moments, restart it, and check
against our own record of what the server acknowledged.

Work: engagements of an escalation plan (stage 1 pages A, stage 2 pages B a domain minute later), acknowledgements
of pages, alerts with dedupe keys, support cases (Enterprise, business-critical with a two-minute first-response
target, or low with a day) with customer replies and agent answers, runbook executions with an aws:sleep step. Only
what the server answered 2xx is recorded; a request cut off by a kill is neither. At the end: nothing acknowledged is
missing, every engagement's stage-1 page arrived and — where nobody acknowledged — its stage-2 page too (the
escalation timer fired), a page came twice only when a kill fell between its copies (the at-least-once window),
every alert key has exactly one incident, every case has every acknowledged reply, every critical case nobody
answered in time is breached with exactly one breach engagement (the breach timer fired, once) and no other case
has one, every execution ended, and no job is left with a lease that ran out. Exit 1 on any failure, printing the
seed to replay the run.

Usage (Scripts/crash wraps it): crash.py --binary PATH [--runs N] [--engine sqlite|postgres] [--seed S]
    [--postgres-url URL] [--seconds D]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sqlite3
import subprocess
import sys
import threading
import time
import traceback
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "conformance"))

from harness import PostgresAdmin, ServerFactory, clean_env, wait_until  # noqa: E402
from incident_support import create_integration, create_plan, http_post  # noqa: E402
from paging_support import FakeTwilio, PagingRig, SMTPSink  # noqa: E402

TIME_SCALE = 60  # a one-minute stage takes a second
EC2 = "amazon-elastic-compute-cloud-linux"
GENERAL = "general-guidance"


class Run:
    """One run: a fresh server, the work, the kills, the checks."""

    def __init__(self, factory: ServerFactory, seed: int, seconds: float) -> None:
        self.random = random.Random(seed)
        self.seed = seed
        self.seconds = seconds
        self.smtp = SMTPSink().start()
        self.twilio = FakeTwilio().start()
        # Domain time runs TIME_SCALE times faster than real time from here on, across restarts: each process starts
        # its scaled clock where the previous one's had got to (a scaled clock restarting at the real time would step
        # back by minutes at each restart, which no real clock does).
        self.epoch = time.time()
        self.server = factory.new(env=PagingRig.environment(self.smtp, self.twilio), serve_args=self.clock_args())
        self.rig = PagingRig(self.server, self.smtp, self.twilio)
        self.kills: list[float] = []
        self.operations = 0
        self.subjects = 0
        self.lock = threading.Lock()
        self.down = threading.Event()
        # What the server acknowledged.
        self.engagements: dict[str, str] = {}  # subject -> engagement ARN
        self.accept_tried: set[str] = set()  # engagement ARNs someone tried to acknowledge
        self.accepted: set[str] = set()  # page ARNs acknowledged
        self.alerts: Counter[str] = Counter()  # dedupe key -> acknowledged posts
        self.cases: dict[str, list[str]] = {}  # case id -> acknowledged reply bodies
        self.severity: dict[str, str] = {}  # case id -> severity code
        self.answer_tried: set[str] = set()  # case ids an agent tried to answer
        self.executions: set[str] = set()
        self.clients: dict = {}
        self.breaches = 0

    def setup(self) -> None:
        self.a = self.rig.person("ca", channel_types=("EMAIL",))
        self.b = self.rig.person("cb", channel_types=("EMAIL",))
        self.rig.set_personal_plan(self.a, [(1, ["EMAIL"])])
        self.rig.set_personal_plan(self.b, [(1, ["EMAIL"])])
        self.escalation = self.rig.escalation([(1, [(self.a.arn, True)]), (1, [(self.b.arn, True)])], prefix="crash")
        # The desk: Enterprise cases, a business-critical one is due two domain minutes after it opens; a breach
        # pages C.
        desk = self.server.client("hikeshi")
        desk.update_plan_definition(Plan="enterprise", BusinessHoursOnly=False, Targets=[
            {"SeverityCode": "low", "FirstResponseMinutes": 1440}, {"SeverityCode": "critical", "FirstResponseMinutes": 2}])
        self.c = self.rig.person("cc", channel_types=("EMAIL",))
        self.rig.set_personal_plan(self.c, [(1, ["EMAIL"])])
        desk.put_support_settings(BreachEngagementArn=self.c.arn)
        self.agent = desk.create_agent(Name="Crash agent", Specialties=["compute"], Languages=["en"])["Agent"]["AgentId"]
        self.customer = self.server.create_account()
        desk.put_support_plan(AccountId=self.customer.account_id, Plan="enterprise", Language="en", TimeZone="UTC")
        incidents = self.server.client("ssm-incidents")
        self.plan = create_plan(incidents)
        self.alert_url = create_integration(self.server, self.plan, "generic")["url"]
        self.document = "crash-" + str(self.seed)
        self.server.client("ssm").create_document(
            Name=self.document, DocumentType="Automation", DocumentFormat="JSON",
            Content=json.dumps({"schemaVersion": "0.3", "mainSteps": [{"name": "wait", "action": "aws:sleep", "inputs": {"Duration": "PT1M"}}]}))

    def clock_args(self) -> list[str]:
        """--clock-start at the domain time now (rounded up: never behind the previous process's clock)."""
        domain = self.epoch + (time.time() - self.epoch) * TIME_SCALE
        start = dt.datetime.fromtimestamp(math.ceil(domain), tz=dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return ["--clock-start", start, "--time-scale", str(TIME_SCALE)]

    # -- work ------------------------------------------------------------------

    def client(self, service: str, account=None):
        """The shared client of a service (boto3 clients are thread-safe): made once, see `make_client`."""
        key = (service, account.account_id if account else None)
        with self.lock:
            if key not in self.clients:
                self.clients[key] = self.make_client(service, account)
            return self.clients[key]

    def make_client(self, service: str, account=None):
        """A client that never retries by itself: a call cut off by a kill must not be sent again behind our back (it
        may have committed: a second engagement with the same subject would look like a duplicate page)."""
        import boto3
        from botocore.config import Config

        account = account or self.server.creds
        return boto3.session.Session().client(
            service, endpoint_url=self.server.endpoint, region_name="us-east-1", aws_access_key_id=account.access_key_id,
            aws_secret_access_key=account.secret_access_key,
            config=Config(retries={"mode": "standard", "total_max_attempts": 1}, connect_timeout=5, read_timeout=30))

    def one_operation(self) -> None:
        kind = self.random.choice(["engage", "engage", "accept", "alert", "alert", "case", "reply", "answer", "runbook"])
        contacts = self.client("ssm-contacts")
        if kind == "engage":
            with self.lock:
                self.subjects += 1
                subject = f"[crash {self.seed}/{self.subjects}]"
            arn = contacts.start_engagement(ContactId=self.escalation, Sender="crash", Subject=subject, Content="disk full")["EngagementArn"]
            with self.lock:
                self.engagements[subject] = arn
        elif kind == "accept" and self.engagements:
            engagement = self.random.choice(list(self.engagements.values()))
            pages = contacts.list_pages_by_engagement(EngagementId=engagement)["Pages"]
            if pages:
                page = self.random.choice(pages)["PageArn"]
                with self.lock:
                    self.accept_tried.add(engagement)
                contacts.accept_page(PageId=page, AcceptType="READ", AcceptCode="0", AcceptCodeValidation="IGNORE")
                with self.lock:
                    self.accepted.add(page)
        elif kind == "alert":
            key = f"k{self.random.randint(0, 5)}"
            result = http_post(self.alert_url, {"title": f"crash alert {key}", "dedupeKey": f"{self.seed}-{key}"})
            if 200 <= result.status < 300:
                with self.lock:
                    self.alerts[key] += 1
        elif kind == "case":
            severity = self.random.choice(["critical", "critical", "low"])
            case = self.client("support", self.customer).create_case(
                subject="Crash case", communicationBody="It fails", serviceCode=EC2, categoryCode=GENERAL, language="en",
                severityCode=severity)["caseId"]
            with self.lock:
                self.cases[case] = []
                self.severity[case] = severity
        elif kind == "reply" and self.cases:
            case = self.random.choice(list(self.cases))
            with self.lock:
                self.subjects += 1
                body = f"reply {self.subjects}"
            self.client("support", self.customer).add_communication_to_case(caseId=case, communicationBody=body)
            with self.lock:
                self.cases[case].append(body)
        elif kind == "answer" and self.cases:
            case = self.random.choice(list(self.cases))
            with self.lock:
                self.answer_tried.add(case)
            self.client("hikeshi").reply_to_case(CaseId=case, AgentId=self.agent, Body="Looking now.")
        elif kind == "runbook":
            execution = self.client("ssm").start_automation_execution(DocumentName=self.document)["AutomationExecutionId"]
            with self.lock:
                self.executions.add(execution)

    def worker(self, until: float) -> None:
        while time.monotonic() < until:
            if self.down.is_set():
                time.sleep(0.05)
                continue
            try:
                self.one_operation()
            except Exception:  # the server was killed under the request, or refused it: nothing acknowledged
                pass
            with self.lock:
                self.operations += 1

    def killer(self, until: float) -> None:
        for _ in range(self.random.randint(1, 3)):
            time.sleep(self.random.uniform(0.5, max(0.6, (until - time.monotonic()) / 2)))
            if time.monotonic() >= until:
                break
            self.server.kill()
            self.kills.append(time.monotonic())
            self.down.set()
            self.server.serve_args = self.clock_args()
            self.server.restart()
            self.down.clear()

    # -- checks ----------------------------------------------------------------

    def check(self) -> tuple[list[str], int]:
        problems: list[str] = []
        contacts = self.server.client("ssm-contacts")

        def mails(person, subject):
            return [m for m in self.smtp.to(person.email) if subject in m.subject]

        # Stage 1 always; stage 2 where nobody tried to acknowledge (stage 2 comes a domain minute later).
        def all_arrived() -> bool:
            return all(mails(self.a, s) and (self.engagements[s] in self.accept_tried or mails(self.b, s)) for s in self.engagements)

        try:
            wait_until(all_arrived, timeout=30, interval=0.2, message="pages")
        except AssertionError:
            for subject, arn in self.engagements.items():
                if not mails(self.a, subject):
                    problems.append(f"lost: stage-1 page of {arn}")
                elif arn not in self.accept_tried and not mails(self.b, subject):
                    problems.append(f"timer not fired: stage-2 page of {arn}")
        duplicated = 0
        for subject in self.engagements:
            for person in (self.a, self.b):
                copies = sorted(m.received_at for m in mails(person, subject))
                for first, second in zip(copies, copies[1:]):
                    duplicated += 1
                    # The first copy went out before the process that sent it was killed, the second from the one
                    # that took over (a kill is recorded after the process is gone; 0.2 s for thread scheduling).
                    if not any(first - 0.2 <= kill <= second for kill in self.kills):
                        problems.append(
                            f"duplicated outside the window: {subject} to {person.alias} at {first - self.started:.2f} s and "
                            f"{second - self.started:.2f} s; kills at {[round(k - self.started, 2) for k in self.kills]}")
        for page in self.accepted:
            receipts = contacts.list_page_receipts(PageId=page)["Receipts"]
            if not any(r["ReceiptType"] == "READ" for r in receipts):
                problems.append(f"lost: acknowledgement of {page}")
        incidents = self.server.client("ssm-incidents")
        summaries = []
        for page in incidents.get_paginator("list_incident_records").paginate():
            summaries += page["incidentRecordSummaries"]
        for key in self.alerts:
            found = [s for s in summaries if s["title"] == f"crash alert {key}"]
            if len(found) != 1:
                problems.append(f"alert key {key}: {len(found)} incidents (want exactly one)")
        support = self.server.client("support", account=self.customer)
        for case, replies in self.cases.items():
            bodies = [c["body"] for c in support.describe_communications(caseId=case)["communications"]]
            for body in replies:
                if body not in bodies:
                    problems.append(f"lost: reply {body!r} of {case}")
        problems += self.check_breaches()
        ssm = self.server.client("ssm")

        def executions_ended() -> bool:
            return all(ssm.get_automation_execution(AutomationExecutionId=e)["AutomationExecution"]["AutomationExecutionStatus"]
                       in ("Success", "Failed", "TimedOut", "Cancelled") for e in self.executions)

        try:
            wait_until(executions_ended, timeout=30, interval=0.3, message="executions")
        except AssertionError:
            for execution in self.executions:
                found = ssm.get_automation_execution(AutomationExecutionId=execution)["AutomationExecution"]
                if found["AutomationExecutionStatus"] not in ("Success", "Failed", "TimedOut", "Cancelled"):
                    steps = [(step["StepName"], step["StepStatus"]) for step in found.get("StepExecutions", [])]
                    problems.append(f"stuck: execution {execution} is {found['AutomationExecutionStatus']}, steps {steps}; "
                                    f"jobs {self.jobs_mentioning(execution)}")
        stale = self.stale_leases()
        if stale:
            problems.append(f"stuck: {stale} jobs whose lease ran out more than 10 s ago")
        return problems, duplicated

    def check_breaches(self) -> list[str]:
        """Every critical case left unanswered past its due time is breached and paged C once; nothing else was."""
        problems: list[str] = []
        desk = self.server.client("hikeshi")
        contacts = self.server.client("ssm-contacts")

        def case(case_id: str) -> dict:
            return desk.describe_case_details(CaseId=case_id)["Case"]

        described: dict[str, str] = {}  # engagement ARN -> subject

        def breach_subjects() -> Counter[str]:
            for page in contacts.get_paginator("list_engagements").paginate():
                for engagement in page["Engagements"]:
                    if engagement["ContactArn"] == self.c.arn and engagement["EngagementArn"] not in described:
                        described[engagement["EngagementArn"]] = contacts.describe_engagement(EngagementId=engagement["EngagementArn"])["Subject"]
            return Counter(described.values())

        def paged(details: dict, subjects: Counter[str]) -> int:
            return sum(n for subject, n in subjects.items() if f"case {details['DisplayId']} " in subject)

        def settled() -> bool:
            """Every critical case is answered or its breach page has gone out."""
            subjects = breach_subjects()
            return all(self.severity[c] != "critical" or (d := case(c)).get("FirstResponseAt") or paged(d, subjects) for c in self.cases)

        try:
            wait_until(settled, timeout=30, interval=0.3, message="breach checks")
        except AssertionError:
            pass
        subjects = breach_subjects()
        for case_id in self.cases:
            details = case(case_id)
            count = paged(details, subjects)
            if self.severity[case_id] == "critical" and not details.get("FirstResponseAt"):
                self.breaches += 1
                if not details["Breached"]:
                    problems.append(f"timer not fired: {case_id} unanswered and not breached")
                if count != 1:
                    problems.append(f"breach of {case_id}: {count} engagements (want exactly one)")
            elif count > 1 or (count == 1 and not details["Breached"]):
                # (an answer that came late, after the due time but before the check ran, may leave no page: the
                # case is breached, but someone is on it)
                problems.append(f"breach of {case_id}: Breached {details['Breached']}, {count} engagements")
            elif details.get("FirstResponseAt") and self.severity[case_id] == "critical":
                answered, due = details["FirstResponseAt"], details["FirstResponseDueAt"]
                if count == 1 and answered < due:
                    problems.append(f"breach of {case_id}: paged although answered at {answered}, before its due time {due}")
                if answered <= due and details["Breached"]:
                    problems.append(f"breach of {case_id}: breached although answered at {answered}, by its due time {due}")
            if self.severity[case_id] == "low" and details["Breached"]:
                problems.append(f"breach of {case_id}: a low case with a day's target breached")
            if details.get("FirstResponseAt") and case_id not in self.answer_tried:
                problems.append(f"{case_id}: a first response nobody sent")
        return problems

    def query(self, sql: str) -> list[tuple]:
        if self.server.database_url is None:
            with sqlite3.connect(f"file:{self.server.data_dir / 'hikeshi.sqlite'}?mode=ro", uri=True, timeout=10) as db:
                return list(db.execute(sql).fetchall())
        psql = subprocess.run([PostgresAdmin._find_psql(), self.server.database_url, "-X", "-A", "-t", "-F", "\t", "-c", sql],
                              capture_output=True, text=True, timeout=30, env=clean_env())
        return [tuple(line.split("\t")) for line in psql.stdout.splitlines() if line]

    def jobs_mentioning(self, text: str) -> list[tuple]:
        return self.query(f"SELECT kind, status, due_at, attempts, last_error FROM jobs WHERE payload LIKE '%{text}%'")

    def stale_leases(self) -> int:
        cutoff = int((time.time() - 10) * 1000)
        return int(self.query(f"SELECT COUNT(*) FROM jobs WHERE status = 'running' AND (lease_until IS NULL OR lease_until < {cutoff})")[0][0])

    def go(self) -> dict:
        try:
            self.setup()
            self.started = time.monotonic()
            until = time.monotonic() + self.seconds
            workers = [threading.Thread(target=self.worker, args=(until,)) for _ in range(3)]
            killer = threading.Thread(target=self.killer, args=(until,))
            for thread in [*workers, killer]:
                thread.start()
            for thread in [*workers, killer]:
                thread.join()
            problems, duplicated = self.check()
        except Exception:
            problems, duplicated = [f"the run broke: {traceback.format_exc(limit=3)}"], 0
        finally:
            self.smtp.stop()
            self.twilio.stop()
        lost = sum(1 for p in problems if p.startswith("lost"))
        return {"seed": self.seed, "kills": len(self.kills), "operations": self.operations, "lost": lost,
                "duplicated": duplicated, "breaches": self.breaches, "problems": problems}


def main() -> int:
    parser = argparse.ArgumentParser(description="Crash runs against hikeshi serve.")
    parser.add_argument("--binary", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--postgres-url")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=6)
    args = parser.parse_args()
    if args.engine == "postgres" and not args.postgres_url:
        parser.error("--engine postgres needs --postgres-url (a user that may CREATE DATABASE)")
    totals = Counter()
    failures = []
    for index in range(args.runs):
        factory = ServerFactory(Path(args.binary), args.engine, args.postgres_url)
        try:
            result = Run(factory, args.seed + index, args.seconds).go()
        finally:
            factory.close()
        totals.update({k: result[k] for k in ("kills", "operations", "lost", "duplicated", "breaches")})
        totals["runs"] += 1
        status = "ok" if not result["problems"] else "FAILED"
        print(f"run {index + 1}/{args.runs} seed {result['seed']}: {status}, {result['kills']} kills, {result['operations']} operations, "
              f"{result['lost']} lost, {result['duplicated']} duplicated (in the window), {result['breaches']} breach timers", flush=True)
        for problem in result["problems"]:
            print(f"    {problem}", flush=True)
        if result["problems"]:
            failures.append(result["seed"])
    print(f"crash runs ({args.engine}): {totals['runs']} runs, {totals['kills']} kills, {totals['operations']} operations, "
          f"{totals['lost']} lost, {totals['duplicated']} duplicated, {totals['breaches']} breach timers; failed seeds: {failures or 'none'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
