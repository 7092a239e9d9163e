"""Helpers for the support tests (`support` API, the `hikeshi` desk API, and the `hikeshi`
integration operations): private servers for a module, customer accounts with a plan, opening
cases, reading the desk's view of a case, and time arithmetic for first-response due times.

Nothing here is a pytest fixture; the test modules wire them up.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
import uuid
from typing import Any, Iterator

from harness import Account, HikeshiServer, ServerFactory, wait_until

EC2 = "amazon-elastic-compute-cloud-linux"
RDS = "amazon-relational-database-service-mysql"
GENERAL = "general-guidance"
ACCOUNT_SERVICE = "customer-account"
BILLING = "billing"

# Friday 2026-11-20 16:00 in Tokyo; Monday 2026-11-23 is a Japanese public holiday (勤労感謝の日).
FRIDAY_1600_JST = "2026-11-20T07:00:00Z"
# A minute earlier, for due-time checks: domain time runs on at real speed, so a case opened "at 16:00" opens some
# milliseconds later; with a 12 h target that pushes its due time just past Tuesday's 18:00 close and it rolls over to
# Wednesday 08:00. Starting at 15:59 keeps the due time inside Tuesday's hours (17:59 plus however late it opened).
FRIDAY_1559_JST = "2026-11-20T06:59:00Z"
SATURDAY_1000_JST = "2026-11-21T01:00:00Z"

# The engine the suite runs on (as conftest reads it), for expectations that differ by engine.
ON_POSTGRES = os.environ.get("HIKESHI_TEST_ENGINE", "sqlite").strip().lower() == "postgres"

CASE_ID_RE = r"^case-(\d{12})-(\d{4})-[0-9a-f]{16}$"
AGENT_ID_RE = r"^agent-[0-9a-f]{16}$"


# ---------------------------------------------------------------------------
# Servers
# ---------------------------------------------------------------------------


@contextlib.contextmanager
def private_server(hikeshi_bin: str, engine: str, serve_args: list[str] | None = None) -> Iterator[HikeshiServer]:
    """A server on fresh storage for a whole module (stopped and checked at the end)."""
    factory = ServerFactory(hikeshi_bin, engine, os.environ.get("HIKESHI_TEST_POSTGRES_URL"))
    try:
        yield factory.new(serve_args=serve_args)
    finally:
        problems = factory.close()
        assert not problems, "\n\n".join(problems)


def clock_args(start: str, scale: float | None = None) -> list[str]:
    args = ["--clock-start", start]
    if scale is not None:
        args += ["--time-scale", str(scale)]
    return args


# ---------------------------------------------------------------------------
# Accounts and cases
# ---------------------------------------------------------------------------


def customer(server: HikeshiServer, plan: str | None = "developer", language: str = "ja", time_zone: str = "Asia/Tokyo") -> Account:
    """A new customer account; the provider sets its plan (None leaves it on Basic without a record)."""
    account = server.create_account()
    if plan is not None:
        server.client("hikeshi").put_support_plan(AccountId=account.account_id, Plan=plan, Language=language, TimeZone=time_zone)
    return account


def support(server: HikeshiServer, account: Account, **kwargs: Any) -> Any:
    return server.client("support", account=account, **kwargs)


def desk(server: HikeshiServer, account: Account | None = None, **kwargs: Any) -> Any:
    """The `hikeshi` client of the provider (default) or of `account`."""
    return server.client("hikeshi", account=account, **kwargs)


def open_case(client: Any, **params: Any) -> str:
    """CreateCase with sensible defaults (an EC2 general-guidance question in Japanese); returns the case id."""
    body = {
        "subject": "Instance i-0abc1234def567890 does not answer",
        "communicationBody": "Since 09:00 JST the instance in ap-northeast-1 fails its status check. What should we do?",
        "serviceCode": EC2,
        "categoryCode": GENERAL,
        "language": "ja",
        **params,
    }
    return client.create_case(**{k: v for k, v in body.items() if v is not None})["caseId"]


def the_case(client: Any, case_id: str, **params: Any) -> dict:
    """DescribeCases for one case id (including resolved ones)."""
    cases = client.describe_cases(caseIdList=[case_id], includeResolvedCases=True, **params)["cases"]
    assert [c["caseId"] for c in cases] == [case_id], cases
    return cases[0]


def details(hk: Any, case_id: str) -> dict:
    return hk.describe_case_details(CaseId=case_id)["Case"]


def all_pages(call: Any, key: str, token_in: str = "NextToken", token_out: str = "NextToken", page_size: int | None = None,
              size_key: str = "MaxResults", **params: Any) -> tuple[list, list[int]]:
    """Every item of a paginated list; returns (items, size of each page)."""
    items: list = []
    sizes: list[int] = []
    token = None
    while True:
        args = dict(params)
        if page_size is not None:
            args[size_key] = page_size
        if token:
            args[token_in] = token
        response = call(**args)
        page = response.get(key, [])
        sizes.append(len(page))
        items += page
        token = response.get(token_out)
        if not token:
            return items, sizes
        assert len(sizes) < 500, "pagination does not end"


def word() -> str:
    """A unique word the search tokenizer keeps whole (letters and digits only)."""
    return "zq" + uuid.uuid4().hex[:12]


# ---------------------------------------------------------------------------
# Time
# ---------------------------------------------------------------------------


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(dt.timezone.utc)


def as_utc(value: Any) -> dt.datetime:
    """A boto3 timestamp (datetime) or ISO 8601 string as an aware UTC datetime."""
    if isinstance(value, str):
        return utc(value)
    return value.astimezone(dt.timezone.utc)


def spaced(seconds: float = 0.005) -> None:
    """Lets a little real time pass before the next write, so that records made one after another do not share a
    millisecond (they are ordered by their time; servers here run their domain clock at real speed, or faster). Like
    test_incidents' `_after`, it waits on the clock."""
    began = time.monotonic()
    wait_until(lambda: time.monotonic() - began > seconds, timeout=5, interval=0.001, message="the clock to move on")


def at_once(call: Any, count: int) -> list[str]:
    """Runs `call(i)` for i in range(count) on as many threads at once; each result is what `call` returned, or the
    error code of the ClientError it raised."""
    from concurrent.futures import ThreadPoolExecutor

    def run(i: int) -> str:
        try:
            return call(i)
        except Exception as e:  # noqa: BLE001 - the error code is the result
            response = getattr(e, "response", None)
            if response is None:
                raise
            return response["Error"]["Code"]

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))
