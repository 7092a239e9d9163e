"""Runbook engine throughput and script overhead, through boto3 against a fresh release server on SQLite.

1. Bursts: a five-step runbook (branch -> sleep -> branch -> sleep PT0S -> sleep PT0S; no scripts) is started
   EXECUTIONS times from 16 client threads as fast as they go; the bench then polls DescribeAutomationExecutions
   cheaply (an ExecutionStatus filter on the unfinished statuses, one item) until none is left, pages through them to
   check that all succeeded, and reads each for its step times. Two bursts:
   a. the sleep is PT2S, so the sleeps fall due at the pace the starts came (the issue's scenario);
   b. the sleep is a Timestamp shared by all, after the last start, so all 1,000 fall due at once and nothing but the
      engine paces the 4,000 steps after it.
   Reports starts/s, the time from the last sleep's due time to the last completion (issue #10's target: within 10 s)
   and steps/s (target: at least 1,000) over the whole run, over the engine's busy span, and (b) after the wake.
   Times are the server's (ExecutionStartTime/ExecutionEndTime of executions and steps; one host, one clock).
2. Script overhead: a one-step aws:executeScript runbook (python3.11, a handler returning {"ok": true}) run
   SCRIPT_RUNS times one after another (after one warm-up run); reports p50/p95 of the step's span
   (ExecutionEndTime - ExecutionStartTime: the engine begins the step, starts python3, records its result) and of the
   wall time from the start call to Success seen by the client, next to a bare `python3 -I -c pass` of the interpreter
   the server finds on PATH.

No peer emulator runs Automation executions (moto and LocalStack have no engine), so nothing is compared.

Usage: runbooks.py HIKESHI_BINARY [EXECUTIONS [SCRIPT_RUNS]]   (run by Scripts/bench; defaults 1000 and 20)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "conformance"))

from harness import ServerFactory  # noqa: E402

CLIENTS = 16
SLEEP_SECONDS = 2
TARGET_TAIL_SECONDS = 10.0
TARGET_STEPS_PER_SECOND = 1000.0
UNFINISHED = ["Pending", "InProgress", "Waiting", "Cancelling"]
FAILED = ["Failed", "TimedOut", "Cancelled"]

# The benchmark measures the server, not its per-key and per-integration rate limits.
UNLIMITED = {"HIKESHI_THROTTLE_RATE": "0", "HIKESHI_THROTTLE_WEBHOOK_RATE": "0"}


def burst_steps(sleep: dict) -> list[dict]:
    """The five steps: branch, the sleep, branch, sleep PT0S, sleep PT0S (the branches take their first choice)."""
    return [
        {
            "name": "choose", "action": "aws:branch",
            "inputs": {"Choices": [{"NextStep": "nap", "Variable": "{{ Mode }}", "StringEquals": "bench"}], "Default": "finish"},
        },
        {"name": "nap", "action": "aws:sleep", "inputs": sleep},
        {
            "name": "check", "action": "aws:branch",
            "inputs": {"Choices": [{"NextStep": "settle", "Variable": "{{ Mode }}", "StartsWith": "ben"}], "Default": "finish"},
        },
        {"name": "settle", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}},
        {"name": "finish", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}, "isEnd": True},
    ]


SCRIPT_STEPS = [
    {
        "name": "run", "action": "aws:executeScript",
        "inputs": {"Runtime": "python3.11", "Handler": "handler", "Script": "def handler(events, context):\n    return {\"ok\": True}\n"},
        "isEnd": True,
    },
]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def epoch(value: Any) -> float:
    return value.timestamp()


def create_runbook(ssm: Any, steps: list[dict], parameters: dict | None = None) -> str:
    name = "bench-" + uuid.uuid4().hex[:10]
    content: dict = {"schemaVersion": "0.3", "mainSteps": steps}
    if parameters:
        content["parameters"] = parameters
    ssm.create_document(Name=name, DocumentType="Automation", DocumentFormat="JSON", Content=json.dumps(content))
    return name


def listing(ssm: Any, name: str, statuses: list[str] | None = None, max_results: int = 50, first_page_only: bool = False) -> list[dict]:
    filters = [{"Key": "DocumentNamePrefix", "Values": [name]}]
    if statuses:
        filters.append({"Key": "ExecutionStatus", "Values": statuses})
    items: list[dict] = []
    token = None
    while True:
        page = ssm.describe_automation_executions(Filters=filters, MaxResults=max_results, **({"NextToken": token} if token else {}))
        items += page["AutomationExecutionMetadataList"]
        token = page.get("NextToken")
        if not token or first_page_only:
            return items


def start_all(clients: list[Any], name: str, executions: int, parameters: dict[str, list[str]]) -> dict:
    """Starts `executions` executions from one thread per client; returns the ids and the client-side figures."""
    ids: list[str] = []
    latencies: list[float] = []
    lock = threading.Lock()
    counter = iter(range(executions))
    extra = {"Parameters": parameters} if parameters else {}

    def starter(client: Any) -> None:
        while True:
            with lock:
                if next(counter, None) is None:
                    return
            began = time.monotonic()
            execution_id = client.start_automation_execution(DocumentName=name, **extra)["AutomationExecutionId"]
            took = time.monotonic() - began
            with lock:
                ids.append(execution_id)
                latencies.append(took)

    cpu_before = time.process_time()
    first_call = time.time()
    with ThreadPoolExecutor(len(clients)) as pool:
        for future in [pool.submit(starter, client) for client in clients]:
            future.result()
    last_return = time.time()
    return {
        "ids": ids, "latencies": latencies, "first_call": first_call, "last_return": last_return,
        "client_cpu": time.process_time() - cpu_before,
    }


def wait_all(clients: list[Any], name: str, ids: list[str]) -> tuple[list[dict], float, int]:
    """Polls cheaply until no execution of `name` is unfinished (one item of the first page of an ExecutionStatus
    filter), checks that all succeeded (paging through them), then reads every execution for its step times."""
    ssm = clients[0]
    polls = 0
    deadline = time.monotonic() + 300
    while True:
        polls += 1
        if not listing(ssm, name, UNFINISHED, max_results=1, first_page_only=True):
            break
        if polls % 10 == 0 and listing(ssm, name, FAILED, max_results=1, first_page_only=True):
            break
        if time.monotonic() > deadline:
            raise SystemExit("runbooks: executions still unfinished after 300 s")
        time.sleep(0.1)
    seen_done = time.time()
    statuses: dict[str, int] = {}
    for item in listing(ssm, name):
        statuses[item["AutomationExecutionStatus"]] = statuses.get(item["AutomationExecutionStatus"], 0) + 1
    if statuses.get("Success", 0) != len(ids) or len(statuses) != 1:
        raise SystemExit(f"runbooks: expected {len(ids)} Success, found {statuses}")

    def details(pair: tuple[Any, list[str]]) -> list[dict]:
        client, chunk = pair
        return [client.get_automation_execution(AutomationExecutionId=i)["AutomationExecution"] for i in chunk]

    chunks = [(clients[k], ids[k :: len(clients)]) for k in range(len(clients))]
    with ThreadPoolExecutor(len(clients)) as pool:
        records = [record for part in pool.map(details, chunks) for record in part]
    return records, seen_done, polls


def burst(clients: list[Any], executions: int, wake_at: float | None) -> float:
    """One burst; with `wake_at` (epoch seconds) every sleep ends at that instant (Timestamp), else PT{SLEEP}S after it
    began. Prints the figures and returns the span of the starts."""
    if wake_at is None:
        sleep = {"Duration": f"PT{SLEEP_SECONDS}S"}
        title, label = "(a, sleeps due as the starts came)", f"sleep PT{SLEEP_SECONDS}S"
    else:
        sleep = {"Timestamp": "{{ WakeAt }}"}
        title, label = "(b, every sleep due at once)", "sleep until one Timestamp"
    parameters_spec = {"Mode": {"type": "String", "default": "bench"}, "WakeAt": {"type": "String", "default": ""}}
    name = create_runbook(clients[0], burst_steps(sleep), parameters_spec)
    parameters = {}
    if wake_at is not None:
        parameters["WakeAt"] = [time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(wake_at)) + f".{int(wake_at * 1000) % 1000:03d}Z"]
    started = start_all(clients, name, executions, parameters)
    records, seen_done, polls = wait_all(clients, name, started["ids"])

    span = started["last_return"] - started["first_call"]
    latencies = started["latencies"]
    steps_done = sum(1 for r in records for s in r["StepExecutions"] if s["StepStatus"] == "Success")
    naps = [next(s for s in r["StepExecutions"] if s["StepName"] == "nap") for r in records]
    nap_began = [epoch(s["ExecutionStartTime"]) for s in naps]
    due = [b + SLEEP_SECONDS for b in nap_began] if wake_at is None else [wake_at] * len(naps)
    ends = [epoch(r["ExecutionEndTime"]) for r in records]
    first_start = min(epoch(r["ExecutionStartTime"]) for r in records)
    last_end = max(ends)
    tail = last_end - max(due)
    late = sorted(end - d for end, d in zip(ends, due))
    # The engine's busy span: the starts and first moves, then the moves after the sleeps fall due (one span when the
    # two overlap).
    first_phase = max(nap_began) - first_start
    busy = last_end - first_start if min(due) <= max(nap_began) else first_phase + (last_end - min(due))
    whole = last_end - started["first_call"]

    def mark(ok: bool, target: str) -> str:
        return f"[{'PASS' if ok else 'FAIL'}: target {target}]"

    print(f"runbooks {title}: {executions} executions of branch -> {label} -> branch -> sleep PT0S -> sleep PT0S (SQLite), "
          f"started from {len(clients)} boto3 threads:")  # fmt: skip
    print(f"  starts: {executions / span:.0f}/s ({span:.2f} s; call p50 {pct(latencies, 50) * 1000:.1f} ms, p95 {pct(latencies, 95) * 1000:.1f} ms; "
          f"client CPU {started['client_cpu']:.1f} s on {os.cpu_count()} cores); the last sleep began "
          f"{max(nap_began) - started['last_return']:+.2f} s after the last start returned")  # fmt: skip
    if wake_at is not None:
        print(f"  every sleep due at one instant, {wake_at - max(nap_began):.2f} s after the last one began")
    print(f"  last sleep due -> last completion: {tail:.2f} s  {mark(tail <= TARGET_TAIL_SECONDS, f'<= {TARGET_TAIL_SECONDS:.0f} s')}")
    print(f"  each sleep due -> its execution's end: p50 {pct(late, 50) * 1000:.0f} ms, p95 {pct(late, 95) * 1000:.0f} ms, "
          f"max {late[-1] * 1000:.0f} ms; the client saw the last end {(seen_done - last_end) * 1000:.0f} ms after it ({polls} polls)")  # fmt: skip
    whole_rate = steps_done / whole
    print(f"  {steps_done} steps / first start call -> last completion ({whole:.2f} s, sleep included): {whole_rate:.0f} steps/s"
          + (f"  {mark(whole_rate >= TARGET_STEPS_PER_SECOND, f'>= {TARGET_STEPS_PER_SECOND:.0f}')}" if wake_at is None else ""))  # fmt: skip
    print(f"  {steps_done} steps / the engine's busy span ({busy:.2f} s: first start -> last sleep began, first due -> last end): "
          f"{steps_done / busy:.0f} steps/s")  # fmt: skip
    if wake_at is not None:
        after = sum(1 for r in records for s in r["StepExecutions"] if s["StepName"] != "choose" and s["StepStatus"] == "Success")
        rate = after / tail if tail > 0 else float("inf")
        print(f"  {after} steps after the wake (each sleep's end and the three steps after it) in {tail:.2f} s: {rate:.0f} steps/s  "
              f"{mark(rate >= TARGET_STEPS_PER_SECOND, f'>= {TARGET_STEPS_PER_SECOND:.0f}')}")  # fmt: skip
    return span


def interpreter_start(runs: int) -> list[float]:
    python = shutil.which("python3")
    if python is None:
        return []
    times = []
    for _ in range(runs):
        began = time.monotonic()
        subprocess.run([python, "-I", "-c", "pass"], check=True, env={"PATH": "/usr/local/bin:/usr/bin:/bin"})
        times.append(time.monotonic() - began)
    return times


def script_overhead(srv: Any, runs: int) -> None:
    ssm = srv.client("ssm")
    name = create_runbook(ssm, SCRIPT_STEPS)
    spans: list[float] = []
    walls: list[float] = []
    for index in range(runs + 1):
        began = time.monotonic()
        execution_id = ssm.start_automation_execution(DocumentName=name)["AutomationExecutionId"]
        deadline = began + 60
        while True:
            execution = ssm.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"]
            status = execution["AutomationExecutionStatus"]
            if status == "Success":
                break
            if status in FAILED or time.monotonic() > deadline:
                raise SystemExit(f"runbooks script: {status}: {execution.get('FailureMessage') or 'no end within 60 s'}")
            time.sleep(0.002)
        wall = time.monotonic() - began
        step = execution["StepExecutions"][0]
        if index == 0:
            continue  # warm-up: the first run also reads the interpreter's version
        walls.append(wall)
        spans.append(epoch(step["ExecutionEndTime"]) - epoch(step["ExecutionStartTime"]))
    bare = interpreter_start(runs)
    python = shutil.which("python3") or "none"
    sandbox = "bubblewrap" if shutil.which("bwrap") else "no bubblewrap (not installed)"
    print(f"runbooks (c, script overhead): {runs} runs, one after another, of a one-step aws:executeScript runbook "
          f"(python3.11 handler returning {{\"ok\": true}}; {python}, {sandbox}):")  # fmt: skip
    print(f"  step span (the engine begins it, python3 runs, the result is recorded): p50 {pct(spans, 50) * 1000:5.1f} ms, "
          f"p95 {pct(spans, 95) * 1000:5.1f} ms")  # fmt: skip
    print(f"  start call -> Success seen by the client (2 ms polls):                p50 {pct(walls, 50) * 1000:5.1f} ms, "
          f"p95 {pct(walls, 95) * 1000:5.1f} ms")  # fmt: skip
    if bare:
        print(f"  bare `python3 -I -c pass` of the same interpreter, for comparison:      p50 {pct(bare, 50) * 1000:5.1f} ms, "
              f"p95 {pct(bare, 95) * 1000:5.1f} ms")  # fmt: skip


def main() -> int:
    binary = Path(sys.argv[1])
    executions = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    script_runs = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    factory = ServerFactory(binary, "sqlite", None)
    try:
        srv = factory.new(env=UNLIMITED, serve_args=["--log-level", "warning"])
        print("runbooks: no peer emulator runs Automation executions (moto and LocalStack have no engine); no comparison")
        clients = [srv.client("ssm") for _ in range(CLIENTS)]
        span = burst(clients, executions, None)
        # The same again with one wake-up time for all, far enough ahead that every start is in before it.
        burst(clients, executions, time.time() + 1.5 * span + SLEEP_SECONDS)
        script_overhead(srv, script_runs)
    finally:
        factory.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
