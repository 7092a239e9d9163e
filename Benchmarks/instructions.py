"""Instructions per request of a few fixed requests, counted by valgrind's callgrind on a running `hikeshi serve`.

Wall time on a shared 2-core machine moves by tens of percent from one run to the next; the number of instructions a
request executes does not (the same binary, inputs and data give the same count within a fraction of a percent,
whatever else the machine does). This is the regression guard of the hot paths:

    instructions.py HIKESHI_BINARY                      prints the counts
    instructions.py HIKESHI_BINARY --json FILE          also writes them to FILE
    instructions.py HIKESHI_BINARY --check BASELINE     fails (exit 1) when a request costs more than 10 % above the
                                                        baseline's count (the numbers are printed either way)
    instructions.py HIKESHI_BINARY --profile DIR        keeps each request's callgrind file in DIR (callgrind_annotate);
                                                        with HIKESHI_CALLGRIND_KEEP_DEBUG=1 and a binary built with
                                                        `-Xswiftc -dwarf-version=4 -Xcc -gdwarf-4`, by source line

The server runs under callgrind on fresh SQLite storage (embedded, as by default); fixtures are made through the API
(boto3) before counting. For each request the counters are zeroed (`callgrind_control -z`), the request is sent
WARMUP times and then COUNT times on one keep-alive connection, and the dump's total divided by COUNT is the cost of
one request, everything the process did while it was answered included (event loops, storage, encoding). The
scheduler's poll (every 5 s) may fall inside a measurement: it costs well under 1 % of one.

A baseline belongs to one build configuration and one compiler; `Scripts/test` checks the debug build against
`Benchmarks/instructions-debug.json`. After an intended change, write a new baseline with --json and commit it with
the change, saying why in the commit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "conformance"))

from botocore.auth import SigV4Auth  # noqa: E402
from botocore.awsrequest import AWSRequest  # noqa: E402
from botocore.credentials import Credentials  # noqa: E402

from harness import ServerFactory  # noqa: E402

WARMUP = 5
COUNT = 40
TOLERANCE = 0.10
REGION = "us-east-1"


class Request:
    """One fixed HTTP request, signed once (SigV4 signatures stay valid for 15 minutes)."""

    def __init__(self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.method = method
        self.path = path
        self.body = body
        self.headers = headers or {}

    @staticmethod
    def signed(endpoint: str, account, service: str, method: str, path: str, body: dict | None, target: str | None = None) -> "Request":
        data = json.dumps(body).encode() if body is not None else b""
        headers = {"Content-Type": "application/x-amz-json-1.1" if target else "application/json"}
        if target:
            headers["X-Amz-Target"] = target
        aws = AWSRequest(method=method, url=endpoint + path, data=data, headers=headers)
        SigV4Auth(Credentials(account.access_key_id, account.secret_access_key), service, REGION).add_auth(aws)
        return Request(method, path, data, dict(aws.headers.items()))


# valgrind 3.19 (Debian 12) rewrites the signal mask that `sigsuspend` is given in place; libdispatch passes a mask
# in read-only memory (its signal thread, once `main` has handed over to the event loops), and valgrind itself dies
# of SIGSEGV. The server is run with this shim preloaded, which hands `sigsuspend` a copy on the stack.
SIGSUSPEND_SHIM = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
int sigsuspend(const sigset_t *mask) {
    static int (*real)(const sigset_t *);
    if (!real) real = (int (*)(const sigset_t *))dlsym(RTLD_NEXT, "sigsuspend");
    sigset_t copy = *mask;
    return real(&copy);
}
"""


def _wrapper(binary: Path, out_dir: Path) -> Path:
    """A stand-in binary that runs `serve` under callgrind (and the admin commands as they are).

    valgrind 3.19 cannot read the DWARF 5 that swiftc writes; the server runs from a copy without debug sections
    (the symbol table, which names the functions in a profile, stays)."""
    stripped = out_dir / "hikeshi-stripped"
    if os.environ.get("HIKESHI_CALLGRIND_KEEP_DEBUG"):
        # A binary built with `-Xswiftc -dwarf-version=4 -Xcc -gdwarf-4` keeps its line tables (a profile by line).
        stripped.symlink_to(binary)
    else:
        subprocess.run(["strip", "--strip-debug", "-o", str(stripped), str(binary)], check=True)
    source = out_dir / "sigsuspend_shim.c"
    source.write_text(SIGSUSPEND_SHIM)
    shim = out_dir / "sigsuspend_shim.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-O2", "-o", str(shim), str(source), "-ldl"], check=True)
    path = out_dir / "hikeshi-under-callgrind"
    path.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = serve ]; then\n'
        f'  LD_PRELOAD="{shim}" exec valgrind --tool=callgrind --quiet --callgrind-out-file="{out_dir}/callgrind.%p" '
        f'"{stripped}" "$@"\n'
        "fi\n"
        f'exec "{binary}" "$@"\n'
    )
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def _fixtures(server) -> dict[str, Request]:
    """Makes the data the requests read and returns the requests, by name."""
    endpoint = server.endpoint
    admin = server.creds
    contacts = server.client("ssm-contacts")
    people = []
    for index in range(30):
        arn = contacts.create_contact(Alias=f"bench-{index}", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
        people.append(arn)
    # A rotation of 30 people, daily shifts, with overrides; the request asks for a year of shifts.
    rotation = contacts.create_rotation(
        Name="bench-rotation",
        ContactIds=people,
        StartTime=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc),
        TimeZoneId="Asia/Tokyo",
        Recurrence={"NumberOfOnCalls": 1, "RecurrenceMultiplier": 1, "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 0}]},
    )["RotationArn"]
    for day in range(0, 300, 3):
        start = dt.datetime(2027, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(days=day)
        contacts.create_rotation_override(
            RotationId=rotation, NewContactIds=[people[day % 30]], StartTime=start, EndTime=start + dt.timedelta(hours=6)
        )
    # Twenty open support cases, each with a reply, in a customer account on the Business plan.
    customer = server.create_account()
    server.client("hikeshi").put_support_plan(AccountId=customer.account_id, Plan="business", Language="ja", TimeZone="Asia/Tokyo")
    support = server.client("support", account=customer)
    for index in range(20):
        case = support.create_case(
            subject=f"Instance i-0abc{index:04d} does not answer",
            communicationBody="Since 09:00 JST the instance in ap-northeast-1 fails its status check. We rebooted it.",
            serviceCode="amazon-elastic-compute-cloud-linux",
            categoryCode="general-guidance",
            severityCode="normal",
            language="ja",
        )["caseId"]
        support.add_communication_to_case(caseId=case, communicationBody="It is still failing after a stop and start.")
    incidents = server.client("ssm-incidents")
    incidents.create_response_plan(name="bench-plan", incidentTemplate={"title": "bench", "impact": 3})
    year = {"StartTime": "2027-01-01T00:00:00Z", "EndTime": "2028-01-01T00:00:00Z", "RotationId": rotation}
    return {
        "bare GET /health": Request("GET", "/health"),
        "signed GetContact": Request.signed(
            endpoint, admin, "ssm-contacts", "POST", "/", {"ContactId": people[7]}, target="SSMContacts.GetContact"
        ),
        "signed ListContacts (10)": Request.signed(
            endpoint, admin, "ssm-contacts", "POST", "/", {"MaxResults": 10}, target="SSMContacts.ListContacts"
        ),
        "signed ListResponsePlans (REST-JSON)": Request.signed(endpoint, admin, "ssm-incidents", "POST", "/listResponsePlans", {}),
        "support DescribeCases (20 cases)": Request.signed(
            endpoint, customer, "support", "POST", "/", {"includeCommunications": True}, target="AWSSupport_20130415.DescribeCases"
        ),
        "ListRotationShifts (a year, daily)": Request.signed(
            endpoint, admin, "ssm-contacts", "POST", "/", year, target="SSMContacts.ListRotationShifts"
        ),
    }


def _send(connection: http.client.HTTPConnection, request: Request) -> None:
    connection.request(request.method, request.path, body=request.body, headers=request.headers)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"{request.method} {request.path}: HTTP {response.status}: {body[:300]!r}")


def _total(dump: Path) -> int | None:
    """The dump's total instruction count, or None while it is still being written."""
    for line in dump.read_text(errors="replace").splitlines():
        if line.startswith("totals:"):
            return int(line.split()[1])
    return None


def _measure(pid: int, port: int, request: Request, out_dir: Path) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for _ in range(WARMUP):
        _send(connection, request)
    before = set(out_dir.glob(f"callgrind.{pid}.*"))
    subprocess.run(["callgrind_control", "-z", str(pid)], check=True, capture_output=True)
    for _ in range(COUNT):
        _send(connection, request)
    subprocess.run(["callgrind_control", "-d", str(pid)], check=True, capture_output=True)
    connection.close()
    # The dump is written when valgrind next looks at its command file, which may be after callgrind_control returns.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        for dump in set(out_dir.glob(f"callgrind.{pid}.*")) - before:
            total = _total(dump)
            if total is not None:
                return total // COUNT
        time.sleep(0.2)
    raise SystemExit("callgrind wrote no dump")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", type=Path)
    parser.add_argument("--json", type=Path, help="write the counts to this file")
    parser.add_argument("--check", type=Path, help="compare with this baseline; fail above +10 %%")
    parser.add_argument("--profile", type=Path, help="keep the callgrind files in this folder")
    args = parser.parse_args()
    out_dir = Path(tempfile.mkdtemp(prefix="hikeshi-callgrind-"))
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
        out_dir = args.profile
    environment = {"HIKESHI_THROTTLE_RATE": "0", "HIKESHI_THROTTLE_WEBHOOK_RATE": "0", "HIKESHI_LOG_LEVEL": "warning"}
    factory = ServerFactory(_wrapper(args.binary.resolve(), out_dir), "sqlite", None)
    counts: dict[str, int] = {}
    try:
        server = factory.new(start=False, env=environment)
        server.wait_healthy = lambda timeout=600: type(server).wait_healthy(server, timeout)  # start-up under valgrind
        server.start()
        requests = _fixtures(server)
        for name, request in requests.items():
            counts[name] = _measure(server.proc.pid, server.port, request, out_dir)
    finally:
        for server in factory.servers:
            if server.proc is not None and server.proc.poll() is None:
                server.proc.kill()
                server.proc.wait()
        factory.close()
    baseline = json.loads(args.check.read_text())["instructions"] if args.check else {}
    failed = []
    print(f"instructions per request (callgrind; {COUNT} requests after {WARMUP}):")
    for name, count in counts.items():
        line = f"  {name:<40} {count:>12,}"
        if name in baseline:
            ratio = count / baseline[name]
            line += f"   baseline {baseline[name]:>12,}   {ratio - 1:+.1%}"
            if ratio > 1 + TOLERANCE:
                failed.append(name)
                line += "   MORE THAN +10 %"
        print(line)
    if args.json:
        args.json.write_text(json.dumps({"instructions": counts}, indent=2) + "\n")
    if failed:
        print(f"costlier than the baseline by more than {TOLERANCE:.0%}: {', '.join(failed)}", file=sys.stderr)
        return 1
    missing = sorted(set(baseline) - set(counts))
    if missing:
        print(f"in the baseline but not measured: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
