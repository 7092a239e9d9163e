"""Throttling: a runaway client is refused, not a slower server for everyone.

Each access key has a token bucket (`throttle.rate` per second, bursts of `throttle.burst`): over it, the service's
own `ThrottlingException` (HTTP 400 for the JSON services, 429 for ssm-incidents, as their models say) with
Retry-After; other keys go on untouched, and botocore's own retries get through once the bucket refills. Alert
integrations have their own buckets (`throttle.webhook.*`): over it, 429 with Retry-After and nothing recorded.
"""

from __future__ import annotations

import boto3
import botocore.exceptions
from botocore.config import Config

from harness import unique
from incident_support import create_plan, http_post, incidents_of_plan, plan_name

LIMITS = {
    "HIKESHI_THROTTLE_RATE": "2",
    "HIKESHI_THROTTLE_BURST": "5",
    "HIKESHI_THROTTLE_WEBHOOK_RATE": "1",
    "HIKESHI_THROTTLE_WEBHOOK_BURST": "3",
}


def client(server, service: str, account=None, attempts: int = 1):
    """A client that tries each call `attempts` times in all (botocore's standard retry mode)."""
    account = account or server.creds
    return boto3.session.Session().client(
        service, endpoint_url=server.endpoint, region_name="us-east-1",
        aws_access_key_id=account.access_key_id, aws_secret_access_key=account.secret_access_key,
        config=Config(retries={"mode": "standard", "total_max_attempts": attempts}))


def throttled(call) -> botocore.exceptions.ClientError | None:
    try:
        call()
    except botocore.exceptions.ClientError as error:
        return error
    return None


def test_a_runaway_key_is_throttled_and_others_are_not(server_factory):
    server = server_factory.new(env=LIMITS)
    runaway = client(server, "ssm-contacts")
    errors = [throttled(lambda: runaway.list_contacts()) for _ in range(12)]
    assert errors[:5] == [None] * 5, [e and e.response["Error"] for e in errors[:5]]
    refused = [e for e in errors[5:] if e is not None]
    assert len(refused) >= 5, "two tokens a second cannot pay for seven more calls in a moment"
    first = refused[0].response
    assert first["Error"]["Code"] == "ThrottlingException"
    assert first["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert int(first["ResponseMetadata"]["HTTPHeaders"]["retry-after"]) >= 1
    assert first.get("RetryAfterSeconds", 0) >= 1, first  # the model's member, read from Retry-After

    # ssm-incidents' model gives its ThrottlingException 429; the same key's bucket is empty there too.
    incidents = client(server, "ssm-incidents")
    error = throttled(lambda: incidents.list_response_plans())
    assert error is not None and error.response["Error"]["Code"] == "ThrottlingException"
    assert error.response["ResponseMetadata"]["HTTPStatusCode"] == 429

    # Another key (another account) is not slowed by the runaway one.
    other = server.create_account()
    calm = client(server, "ssm-contacts", account=other)
    assert [throttled(lambda: calm.list_contacts()) for _ in range(5)] == [None] * 5

    # A client with botocore's standard retries backs off and gets through.
    patient = client(server, "ssm-contacts", attempts=10)
    for _ in range(4):
        assert "Contacts" in patient.list_contacts()


def test_a_throttled_call_changes_nothing(server_factory):
    server = server_factory.new(env=LIMITS)
    hasty = client(server, "ssm-contacts")
    aliases = [unique("th") for _ in range(10)]
    outcomes = {alias: throttled(lambda: hasty.create_contact(Alias=alias, Type="PERSONAL", Plan={"Stages": []})) for alias in aliases}
    refused = {alias for alias, error in outcomes.items() if error is not None}
    assert refused and all(outcomes[a].response["Error"]["Code"] == "ThrottlingException" for a in refused)
    patient = client(server, "ssm-contacts", attempts=10)
    stored = {c["Alias"] for c in patient.list_contacts()["Contacts"]}
    assert stored == set(aliases) - refused


def test_an_alert_source_over_its_rate_gets_429_with_retry_after(server_factory):
    server = server_factory.new(env={**LIMITS, "HIKESHI_THROTTLE_RATE": "0"})
    incidents = server.client("ssm-incidents")
    name = plan_name()
    plan = create_plan(incidents, name)
    url = server.client("hikeshi").create_integration(ResponsePlan=name, Kind="generic")["Url"]
    other_url = server.client("hikeshi").create_integration(ResponsePlan=name, Kind="generic")["Url"]
    results = [http_post(url, {"title": f"Alert {i}", "dedupeKey": unique("k")}) for i in range(8)]
    statuses = [r.status for r in results]
    assert statuses[:3] == [202, 202, 202], statuses
    limited = [r for r in results[3:] if r.status == 429]
    assert len(limited) >= 4, statuses
    assert int(limited[0].headers.get("Retry-After") or limited[0].headers.get("retry-after")) >= 1
    # The refused alerts made no incidents; the other integration is not affected.
    accepted = sum(1 for s in statuses if s < 300)
    assert len(incidents_of_plan(incidents, plan)) == accepted
    assert http_post(other_url, {"title": "Other source", "dedupeKey": unique("k")}).status < 300
