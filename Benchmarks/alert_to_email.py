"""Alert → page email latency: posts generic alerts (each a new problem) to an integration of a response plan that
engages a person with an email channel, and times each alert from the POST until its page email reaches a loopback
SMTP sink. Prints p50/p90/p99/max over the samples.

Usage: alert_to_email.py HIKESHI_BINARY [SAMPLES]   (run by Scripts/bench)
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "conformance"))

from harness import ServerFactory  # noqa: E402
from paging_support import SMTPSink, activation_code_in  # noqa: E402

# The benchmark measures the server, not its per-key and per-integration rate limits.
UNLIMITED = {"HIKESHI_THROTTLE_RATE": "0", "HIKESHI_THROTTLE_WEBHOOK_RATE": "0"}


def main() -> int:
    binary = Path(sys.argv[1])
    samples = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    sink = SMTPSink().start()
    factory = ServerFactory(binary, "sqlite", None)
    try:
        srv = factory.new(env={"HIKESHI_SMTP_URL": sink.url, "HIKESHI_SMTP_FROM": "pager@hikeshi.test", **UNLIMITED}, serve_args=["--log-level", "warning"])
        contacts = srv.client("ssm-contacts")
        address = "oncall@example.test"
        arn = contacts.create_contact(Alias="bench-oncall", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]
        channel = contacts.create_contact_channel(
            ContactId=arn, Name="email", Type="EMAIL", DeliveryAddress={"SimpleAddress": address}
        )["ContactChannelArn"]
        mail = sink.wait_for(address, subject_contains="activation code")[0]
        contacts.activate_contact_channel(ContactChannelId=channel, ActivationCode=activation_code_in(mail.subject + "\n" + mail.body))
        contacts.update_contact(
            ContactId=arn, Plan={"Stages": [{"DurationInMinutes": 5, "Targets": [{"ChannelTargetInfo": {"ContactChannelId": channel}}]}]}
        )
        srv.client("ssm-incidents").create_response_plan(
            name="bench-plan", incidentTemplate={"title": "bench", "impact": 3}, engagements=[arn]
        )
        url = srv.client("hikeshi").create_integration(ResponsePlan="bench-plan", Kind="generic")["Url"]
        latencies = []
        for index in range(samples):
            title = f"bench alert {index} {uuid.uuid4().hex[:8]}"
            body = json.dumps({"title": title, "dedupeKey": title, "status": "firing"}).encode()
            started = time.monotonic()
            request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"}, method="POST")
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 202, response.status
            deadline = started + 10
            while True:
                mail = next((m for m in sink.messages if title in m.subject or title in m.body), None)
                if mail is not None:
                    latencies.append((mail.received_at - started) * 1000)
                    break
                if time.monotonic() > deadline:
                    raise SystemExit(f"no page email for {title!r}")
                time.sleep(0.0005)
        latencies.sort()
        def pct(p: float) -> float:
            return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))]
        print(f"alert -> page email ({samples} alerts): p50 {pct(50):.1f} ms, p90 {pct(90):.1f} ms, "
              f"p99 {pct(99):.1f} ms, max {latencies[-1]:.1f} ms, mean {statistics.mean(latencies):.1f} ms")  # fmt: skip
    finally:
        factory.close()
        sink.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
