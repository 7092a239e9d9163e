"""Model-driven fuzzing of the running server: zero 5xx, zero crashes, zero hangs, memory flat.

Every operation of every service (ssm-contacts, ssm-incidents, support, ssm, hikeshi) gets signed requests made from
its input shape — fitting, boundary, wrong-typed and missing members, unknown ids and another account's ids — mixed
with protocol junk and garbage for the routes that need no signature (fuzz_support.py). A fixed seed and a bounded
number of requests in CI; any seed and more by hand:

    HIKESHI_FUZZ_SEED=7 HIKESHI_FUZZ_REQUESTS=25000 python3 -m pytest Tests/conformance/test_fuzz.py

A failure prints the seed and the request to replay; every 5xx it finds becomes a regression test of its own.
"""

from __future__ import annotations

import os
import socket

from fuzz_support import Fuzzer, rss_kib, send

SEED = int(os.environ.get("HIKESHI_FUZZ_SEED", "1"))
REQUESTS = int(os.environ.get("HIKESHI_FUZZ_REQUESTS", "3000"))
WARM_UP = min(500, REQUESTS // 3)
# Allowed growth of the resident memory after the warm-up (caches, the allocator's arenas): generous, but a leak
# per request shows well beyond it over thousands of requests.
RSS_GROWTH_KIB = 48 * 1024


def test_fuzzing_every_operation_finds_no_5xx_crash_or_hang(server_factory) -> None:
    server = server_factory.new(env={"HIKESHI_THROTTLE_RATE": "0", "HIKESHI_THROTTLE_WEBHOOK_RATE": "0"},
                                serve_args=["--log-level", "warning"])
    other = server.create_account()
    contacts = server.client("ssm-contacts", account=other)
    other_ids = [contacts.create_contact(Alias=f"other-{SEED}", Type="PERSONAL", Plan={"Stages": []})["ContactArn"]]
    fuzzer = Fuzzer(SEED, other_ids)
    statuses: dict[int, int] = {}
    baseline = 0
    for index in range(REQUESTS):
        request = fuzzer.junk_request() if fuzzer.random.random() < 0.2 else fuzzer.operation_request()
        replay = f"seed {SEED}, request {index}: {request.describe()}"
        try:
            status, headers, body = send(server.endpoint, server.creds, request)
        except (UnicodeEncodeError, ValueError):
            continue  # the client cannot put this on the wire at all
        except (socket.timeout, TimeoutError) as error:
            raise AssertionError(f"no answer within 10 s (a hang): {replay}") from error
        except ConnectionError as error:
            assert server.proc is not None and server.proc.poll() is None, f"the server died: {replay}\n{server.log_tail()}"
            continue  # the server may close a connection it refuses (broken framing): not a failure
        statuses[status] = statuses.get(status, 0) + 1
        assert status < 500, f"{status} {body[:300]!r}: {replay}"
        if request.sign is not None and request.path == "/" and 400 <= status < 500:
            assert headers.get("x-amzn-errortype") or b"__type" in body, f"a 4xx without an AWS error shape: {replay}"
        if index == WARM_UP:
            baseline = rss_kib(server.proc.pid)
    assert server.proc.poll() is None, f"the server died (seed {SEED})\n{server.log_tail()}"
    assert server.get("/health").status == 200
    grown = rss_kib(server.proc.pid) - baseline
    print(f"fuzz: seed {SEED}, {REQUESTS} requests, statuses {dict(sorted(statuses.items()))}, RSS +{grown} KiB after warm-up")
    assert grown < RSS_GROWTH_KIB, f"resident memory grew {grown} KiB over {REQUESTS - WARM_UP} requests (seed {SEED})"
    assert statuses.get(200, 0) > REQUESTS // 50, f"almost nothing was accepted: {statuses} — the fuzzer is not reaching handlers"
