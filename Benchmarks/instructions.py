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
import contextlib
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import ServerFactory  # noqa: E402
from workload import SUPPORT_TARGET, a_year_of, business_customer, rotation_with_overrides, signed, support_cases  # noqa: E402

WARMUP = 5
COUNT = 40
TOLERANCE = 0.10


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


def _wrapper(binary: Path, out_dir: Path, options: tuple[str, ...] = (), keep_debug: bool | None = None) -> Path:
    """A stand-in binary that runs `serve` under callgrind with `options` (and the admin commands as they are).

    valgrind 3.19 cannot read the DWARF 5 that swiftc writes; the server runs from a copy without debug sections
    (the symbol table, which names the functions in a profile, stays) unless `keep_debug` (by default
    HIKESHI_CALLGRIND_KEEP_DEBUG)."""
    stripped = out_dir / "hikeshi-stripped"
    if os.environ.get("HIKESHI_CALLGRIND_KEEP_DEBUG") if keep_debug is None else keep_debug:
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
        f'  LD_PRELOAD="{shim}" exec valgrind --tool=callgrind --quiet {" ".join(options)} --callgrind-out-file="{out_dir}/callgrind.%p" '
        f'"{stripped}" "$@"\n'
        "fi\n"
        f'exec "{binary}" "$@"\n'
    )
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@contextlib.contextmanager
def callgrind_server(binary: Path, out_dir: Path, options: tuple[str, ...] = (), keep_debug: bool | None = None):
    """A `hikeshi serve` on fresh SQLite storage running under callgrind (dumps in `out_dir`), killed on exit."""
    environment = {"HIKESHI_THROTTLE_RATE": "0", "HIKESHI_THROTTLE_WEBHOOK_RATE": "0", "HIKESHI_LOG_LEVEL": "warning"}
    factory = ServerFactory(_wrapper(binary.resolve(), out_dir, options, keep_debug), "sqlite", None)
    try:
        server = factory.new(start=False, env=environment)
        server.wait_healthy = lambda timeout=600: type(server).wait_healthy(server, timeout)  # start-up under valgrind
        server.start()
        yield server
    finally:
        for server in factory.servers:
            if server.proc is not None and server.proc.poll() is None:
                server.proc.kill()
                server.proc.wait()
        factory.close()


def dump(pid: int, out_dir: Path) -> Path:
    """Asks callgrind for a dump of the counts so far and returns it once written whole."""
    before = set(out_dir.glob(f"callgrind.{pid}.*"))
    subprocess.run(["callgrind_control", "-d", str(pid)], check=True, capture_output=True)
    # The dump is written when valgrind next looks at its command file, which may be after callgrind_control returns.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        for written in set(out_dir.glob(f"callgrind.{pid}.*")) - before:
            if _total(written) is not None:
                return written
        time.sleep(0.2)
    raise SystemExit("callgrind wrote no dump")


def fixtures(server) -> dict[str, dict]:
    """Makes the data the requests read and returns the requests (workload.signed's form), by name."""
    endpoint, admin = server.endpoint, server.creds
    people, rotation = rotation_with_overrides(server.client("ssm-contacts"))
    customer = business_customer(server)
    support_cases(server.client("support", account=customer), 20)
    server.client("ssm-incidents").create_response_plan(name="bench-plan", incidentTemplate={"title": "bench", "impact": 3})

    def request(service, body, target=None, path="/", account=admin):
        return signed(endpoint, account.access_key_id, account.secret_access_key, service, body, target=target, path=path)

    return {
        "bare GET /health": {"method": "GET", "path": "/health", "body": "", "headers": {}},
        "signed GetContact": request("ssm-contacts", {"ContactId": people[7]}, "SSMContacts.GetContact"),
        "signed ListContacts (10)": request("ssm-contacts", {"MaxResults": 10}, "SSMContacts.ListContacts"),
        "signed ListResponsePlans (REST-JSON)": request("ssm-incidents", {}, path="/listResponsePlans"),
        "support DescribeCases (20 cases)": request(
            "support", {"includeCommunications": True}, SUPPORT_TARGET + "DescribeCases", account=customer
        ),
        "ListRotationShifts (a year, daily)": request("ssm-contacts", a_year_of(rotation), "SSMContacts.ListRotationShifts"),
    }


def send(connection: http.client.HTTPConnection, request: dict) -> None:
    connection.request(request["method"], request["path"], body=request["body"], headers=request["headers"])
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"{request['method']} {request['path']}: HTTP {response.status}: {body[:300]!r}")


def _total(path: Path) -> int | None:
    """The dump's total instruction count, or None while it is still being written."""
    for line in path.read_text(errors="replace").splitlines():
        if line.startswith("totals:"):
            return int(line.split()[1])
    return None


def _measure(pid: int, port: int, request: dict, out_dir: Path) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for _ in range(WARMUP):
        send(connection, request)
    subprocess.run(["callgrind_control", "-z", str(pid)], check=True, capture_output=True)
    for _ in range(COUNT):
        send(connection, request)
    total = _total(dump(pid, out_dir))
    connection.close()
    return total // COUNT


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
    counts: dict[str, int] = {}
    with callgrind_server(args.binary, out_dir) as server:
        for name, request in fixtures(server).items():
            counts[name] = _measure(server.proc.pid, server.port, request, out_dir)
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
