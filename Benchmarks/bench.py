"""The side-by-side benchmark: hikeshi and moto_server (a peer that also answers the AWS `support` API) in the same
run on the same machine, each figure printed with its ratio to its reference.

References: the bare route (`GET /health`) for the signed reads, since both go through the same HTTP server and only
the AWS path differs; moto_server for the support operations it serves. wrk (2 threads, 32 connections) shares the
cores with the servers, so the figures are of the whole machine; ratios taken in one run are what to compare.

Figures (issue #13's table):
  - bare GET /health; signed GetContact and ListContacts (10 items) — req/s, ratio to bare;
  - support DescribeCases (20 cases, each with two communications; one on moto, which does not implement
    AddCommunicationToCase) and CreateCase — req/s on hikeshi and on moto,
    ratio to moto (CreateCase spreads over 64 customer accounts, each allowed 1,000 open cases);
  - ListRotationShifts for a year of daily shifts of 30 people with 100 overrides — latency at one connection;
  - idle RSS after start, RSS after the load above;
  - durable alerts/s through a generic integration with dedupe; alert -> page email p99 (Benchmarks/alert_to_email.py).

Usage: bench.py HIKESHI_BINARY [--duration 10s] [--json FILE]   (run by Scripts/bench)
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "conformance"))

sys.path.insert(0, str(Path(__file__).resolve().parent))

import boto3  # noqa: E402
from botocore.config import Config  # noqa: E402

from harness import ServerFactory  # noqa: E402
from workload import REGION, SUPPORT_TARGET, a_year_of, business_customer, rotation_with_overrides, signed, support_cases  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# The benchmark measures the server, not its per-key and per-integration rate limits.
UNLIMITED = {"HIKESHI_THROTTLE_RATE": "0", "HIKESHI_THROTTLE_WEBHOOK_RATE": "0"}
CASE_ACCOUNTS = 64


def lua(requests: list[dict], directory: Path, name: str) -> Path:
    """A wrk script that sends `requests` in turn. One request is set as wrk's static request, built once as for the
    bare route (a Lua `request()` function runs for every request, on the cores the server shares with wrk)."""
    path = directory / f"{name}.lua"
    if len(requests) == 1:
        r = requests[0]
        headers = "".join(f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}\n" for k, v in r["headers"].items())
        path.write_text(f'wrk.method = "POST"\nwrk.path = {json.dumps(r["path"])}\nwrk.body = {json.dumps(r["body"])}\n{headers}')
        return path
    entries = ",\n".join(
        "{path=%s, body=%s, headers={%s}}"
        % (json.dumps(r["path"]), json.dumps(r["body"]), ", ".join(f"[{json.dumps(k)}]={json.dumps(v)}" for k, v in r["headers"].items()))
        for r in requests
    )
    path.write_text(
        f"local requests = {{\n{entries}\n}}\n"
        "local index = 0\n"
        "request = function()\n"
        "  index = index % #requests + 1\n"
        "  local r = requests[index]\n"
        '  return wrk.format("POST", r.path, r.headers, r.body)\n'
        "end\n"
    )
    return path


def wrk(url: str, duration: str, script: Path | None = None) -> dict:
    """requests/s and latency percentiles of a wrk run; errors (non-2xx, socket errors) are reported, not hidden."""
    command = ["wrk", "-t2", "-c32", f"-d{duration}", "--latency"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {p: _millis(m.group(1)) for p in ("50", "99") if (m := re.search(rf"^\s+{p}%\s+(\S+)", output, re.M))}
    errors = [line.strip() for line in output.splitlines() if "Non-2xx" in line or "Socket errors" in line]
    return {"rps": rate, "p50_ms": latency.get("50"), "p99_ms": latency.get("99"), "errors": errors}


def _millis(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def rss(pid: int) -> dict:
    """Resident memory, MiB: all of it, and its anonymous (heap, stacks) and file-backed (code) parts. The file-backed
    part depends on the page cache: the kernel maps up to 16 neighbouring pages of a cached file at each fault, so the
    same binary shows several MiB more when it was just built or copied than after the cache was dropped."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "RssAnon", "RssFile"):
            fields[name] = round(int(value.split()[0]) / 1024, 1)
    return {"mib": fields["VmRSS"], "anon_mib": fields["RssAnon"], "file_mib": fields["RssFile"]}


def latencies(port: int, request: dict, count: int) -> list[float]:
    """Milliseconds of `count` requests one after another on one keep-alive connection (after 10 to warm up)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    samples = []
    for index in range(count + 10):
        started = time.perf_counter()
        connection.request("POST", request["path"], body=request["body"], headers=request["headers"])
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"HTTP {response.status} from {request['path']}")
        if index >= 10:
            samples.append((time.perf_counter() - started) * 1000)
    connection.close()
    return samples


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_moto() -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        ["moto_server", "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(endpoint + "/moto-api/", timeout=1).read()
            return process, endpoint
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("moto_server did not start")


CREATE_CASE = {
    "subject": "RDS failover took longer than expected",
    "communicationBody": "Yesterday at 10:15 JST the Multi-AZ failover of db-1 took 4 minutes. Is this expected?",
    "serviceCode": "amazon-relational-database-service-mysql",
    "categoryCode": "general-guidance",
    "severityCode": "low",
    "language": "en",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", type=Path)
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hikeshi-bench-"))
    figures: dict[str, dict] = {}
    factory = ServerFactory(args.binary, "sqlite", None)
    moto, moto_url = start_moto()
    try:
        started = time.monotonic()
        server = factory.new(env=UNLIMITED, serve_args=["--log-level", "warning"])
        figures["start-up to ready /health"] = {"ms": round((time.monotonic() - started) * 1000)}
        time.sleep(1)
        pid = server.proc.pid
        figures["idle RSS after start"] = {**rss(pid), "target": "< 40 MiB"}
        endpoint, admin = server.endpoint, server.creds

        # Fixtures.
        people, rotation = rotation_with_overrides(server.client("ssm-contacts"))
        desk = server.client("hikeshi")
        customers = [business_customer(server) for _ in range(CASE_ACCOUNTS + 1)]
        reader = customers.pop()
        support_cases(server.client("support", account=reader), 20)
        moto_support = boto3.client(
            "support", endpoint_url=moto_url, region_name=REGION, aws_access_key_id="AKIAMOTO", aws_secret_access_key="moto",
            config=Config(retries={"max_attempts": 1}),
        )
        support_cases(moto_support, 20, replies=False)  # moto does not implement AddCommunicationToCase
        server.client("ssm-incidents").create_response_plan(name="bench-plan", incidentTemplate={"title": "bench", "impact": 3})
        integration = desk.create_integration(ResponsePlan="bench-plan", Kind="generic")["Url"]

        def hikeshi_signed(service, target, body, account=admin):
            return signed(endpoint, account.access_key_id, account.secret_access_key, service, body, target=target)

        describe = {"includeCommunications": True, "maxResults": 20}
        scripts = {
            "get": lua([hikeshi_signed("ssm-contacts", "SSMContacts.GetContact", {"ContactId": people[7]})], work, "get"),
            "list": lua([hikeshi_signed("ssm-contacts", "SSMContacts.ListContacts", {"MaxResults": 10})], work, "list"),
            "describe": lua([hikeshi_signed("support", SUPPORT_TARGET + "DescribeCases", describe, reader)], work, "describe"),
            "create": lua(
                [hikeshi_signed("support", SUPPORT_TARGET + "CreateCase", CREATE_CASE, account) for account in customers], work, "create"
            ),
            "moto-describe": lua([signed(moto_url, "AKIAMOTO", "moto", "support", describe, target=SUPPORT_TARGET + "DescribeCases")], work, "md"),
            "moto-create": lua([signed(moto_url, "AKIAMOTO", "moto", "support", CREATE_CASE, target=SUPPORT_TARGET + "CreateCase")], work, "mc"),
        }
        alert = work / "alert.lua"
        alert.write_text(
            'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
            'wrk.body = \'{"title":"disk full on db-1","dedupeKey":"bench-disk","status":"firing","impact":3}\'\n'
        )

        # Loads, one after another; the same wrk settings for every figure.
        bare = wrk(endpoint + "/health", args.duration)
        figures["bare GET /health"] = {**bare, "reference": True}
        for name, script in (("signed GetContact", "get"), ("signed ListContacts (10 items)", "list")):
            result = wrk(endpoint + "/", args.duration, scripts[script])
            figures[name] = {**result, "ratio_to_bare": round(result["rps"] / bare["rps"], 3)}
        figures["signed GetContact"]["target"] = ">= 0.5 of bare"
        for name, ours, theirs in (
            ("support DescribeCases (20 cases)", "describe", "moto-describe"),
            ("support CreateCase", "create", "moto-create"),
        ):
            result = wrk(endpoint + "/", args.duration, scripts[ours])
            peer = wrk(moto_url + "/", args.duration, scripts[theirs])
            figures[name] = {**result, "moto": peer, "ratio_to_moto": round(result["rps"] / peer["rps"], 2), "target": ">= 10x moto"}
        samples = sorted(latencies(server.port, hikeshi_signed("ssm-contacts", "SSMContacts.ListRotationShifts", a_year_of(rotation)), 200))
        figures["ListRotationShifts (a year, one connection)"] = {
            "p50_ms": round(statistics.median(samples), 2), "p99_ms": round(samples[int(0.99 * (len(samples) - 1))], 2), "target": "p50 < 2 ms"
        }
        alerts = wrk(integration, args.duration, alert)
        figures["generic alerts (dedupe, durable)"] = {**alerts, "target": ">= 1,000/s"}
        figures["RSS after the load"] = {**rss(pid), "target": "< 80 MiB"}
    finally:
        moto.kill()
        moto.wait()
        for server in factory.servers:
            if server.proc is not None and server.proc.poll() is None:
                server.proc.kill()
                server.proc.wait()
        factory.close()
    email = subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "alert_to_email.py"), str(args.binary), "100"],
                           capture_output=True, text=True, check=True).stdout  # fmt: skip
    match = re.search(r"p50 ([\d.]+) ms.*p99 ([\d.]+) ms", email)
    figures["alert -> page email"] = {"p50_ms": float(match.group(1)), "p99_ms": float(match.group(2)), "target": "p99 < 100 ms"}

    report(figures, args.duration)
    if args.json:
        args.json.write_text(json.dumps({"date": dt.date.today().isoformat(), "machine": machine(), "duration": args.duration,
                                         "figures": figures}, indent=2) + "\n")  # fmt: skip
    return 0


def machine() -> dict:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    return {"cpus": os.cpu_count(), "cpu": model, "system": platform.platform()}


def report(figures: dict, duration: str) -> None:
    print(f"hikeshi and moto_server side by side; wrk -t2 -c32 -d{duration}, release build, SQLite ({machine()['cpus']} cores)")
    for name, figure in figures.items():
        parts = []
        if "rps" in figure:
            parts.append(f"{figure['rps']:>10,.0f} req/s   p50 {figure['p50_ms']:.2f} ms")
        if "moto" in figure:
            parts.append(f"moto {figure['moto']['rps']:,.0f} req/s   x{figure['ratio_to_moto']:.1f} of moto")
        if "ratio_to_bare" in figure:
            parts.append(f"{figure['ratio_to_bare']:.2f} of bare")
        if "reference" in figure:
            parts.append("(the reference)")
        if "mib" in figure:
            parts.append(f"{figure['mib']:.1f} MiB (anonymous {figure['anon_mib']:.1f}, file-backed {figure['file_mib']:.1f})")
        if "ms" in figure:
            parts.append(f"{figure['ms']} ms")
        if "p50_ms" in figure and "rps" not in figure:
            parts.append(f"p50 {figure['p50_ms']:.2f} ms, p99 {figure['p99_ms']:.2f} ms")
        if figure.get("errors"):
            parts.append("! " + "; ".join(figure["errors"]))
        if "moto" in figure and figure["moto"].get("errors"):
            parts.append("! moto: " + "; ".join(figure["moto"]["errors"]))
        if "target" in figure:
            parts.append(f"[target {figure['target']}]")
        print(f"  {name:<44} " + "   ".join(parts))


if __name__ == "__main__":
    sys.exit(main())
