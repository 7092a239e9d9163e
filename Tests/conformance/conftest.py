"""Fixtures for the Hikeshi conformance suite.

Environment:
  HIKESHI_BIN                 path of the `hikeshi` binary (default: swift build --show-bin-path)
  HIKESHI_TEST_ENGINE         sqlite (default) or postgres
  HIKESHI_TEST_POSTGRES_URL   postgres://user:pass@host:port/db whose user may CREATE DATABASE
  HIKESHI_KEEP_TEST_DIRS      set to keep temp data dirs and server logs

Paging tests use `make_paging_rig` / `paging_rig`: a private server whose email goes to an
in-process SMTP sink (aiosmtpd) and whose SMS/voice go to a fake Twilio (see paging_support.py).
"""

from __future__ import annotations

import os
from typing import Any, Callable, Iterator

import pytest

from harness import (
    DEFAULT_ACCOUNT_ID,
    HikeshiServer,
    ServerFactory,
    find_binary,
    unique,
)

ENGINES = ("sqlite", "postgres")


def _engine() -> str:
    engine = os.environ.get("HIKESHI_TEST_ENGINE", "sqlite").strip().lower()
    if engine not in ENGINES:
        raise pytest.UsageError(f"HIKESHI_TEST_ENGINE must be one of {ENGINES}, got {engine!r}")
    return engine


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [f"hikeshi engine: {_engine()}", f"hikeshi binary: {find_binary()}"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _engine() == "postgres" and not os.environ.get("HIKESHI_TEST_POSTGRES_URL"):
        skip = pytest.mark.skip(
            reason="HIKESHI_TEST_ENGINE=postgres but HIKESHI_TEST_POSTGRES_URL is not set "
            "(Scripts/test starts a throwaway PostgreSQL and sets it)"
        )
        for item in items:
            item.add_marker(skip)
    for item in items:
        for marker in item.iter_markers("engine"):
            if _engine() not in marker.args:
                item.add_marker(pytest.mark.skip(reason=f"only runs on engine(s) {marker.args}"))


def pytest_configure(config: pytest.Config) -> None:
    # Every successful response from Hikeshi must fit its output shape in the model (output_shapes.py).
    import output_shapes

    output_shapes.install()
    config.addinivalue_line("markers", "engine(*names): run the test only on these storage engines")
    # The SMTP sink asks for AUTH over plain loopback TCP on purpose (auth_plaintext=true).
    config.addinivalue_line("filterwarnings", "ignore:Requiring AUTH while not requiring TLS:UserWarning")


@pytest.fixture(autouse=True)
def responses_fit_the_model() -> Iterator[None]:
    """Fails a test that got a response breaking the model, even when the test caught the exception it raised."""
    import output_shapes

    with output_shapes.failing_on_caught_violations():
        yield


@pytest.fixture(scope="session")
def engine() -> str:
    return _engine()


@pytest.fixture(scope="session")
def hikeshi_bin() -> str:
    path = find_binary()
    if not path.exists():
        pytest.fail(f"hikeshi binary not found at {path}; build it (swift build) or set HIKESHI_BIN", pytrace=False)
    return str(path)


def _close(factory: ServerFactory) -> None:
    problems = factory.close()
    assert not problems, "\n\n".join(problems)


@pytest.fixture(scope="session")
def _session_factory(hikeshi_bin: str, engine: str) -> Iterator[ServerFactory]:
    factory = ServerFactory(hikeshi_bin, engine, os.environ.get("HIKESHI_TEST_POSTGRES_URL"))
    yield factory
    _close(factory)


@pytest.fixture(scope="session")
def server(_session_factory: ServerFactory) -> Iterator[HikeshiServer]:
    """The shared server for this session: fresh storage, bootstrap account
    111111111111 from env. Stopped with SIGTERM at the end; must exit 0."""
    srv = _session_factory.new()
    assert srv.creds.account_id == DEFAULT_ACCOUNT_ID
    yield srv
    code = srv.stop()
    assert code == 0, f"hikeshi exited {code} after SIGTERM\n{srv.log_tail()}"


@pytest.fixture
def server_factory(hikeshi_bin: str, engine: str) -> Iterator[ServerFactory]:
    """Makes private servers (fresh storage each) for tests that restart,
    kill or bootstrap a server; all are stopped and checked afterwards."""
    factory = ServerFactory(hikeshi_bin, engine, os.environ.get("HIKESHI_TEST_POSTGRES_URL"))
    yield factory
    _close(factory)


@pytest.fixture
def ssm(server: HikeshiServer) -> Any:
    """A boto3 ssm-contacts client for account 111111111111 in us-east-1."""
    return server.client()


@pytest.fixture(scope="session")
def second_account(server: HikeshiServer):
    """A second account + key made with `hikeshi admin` while the server runs."""
    return server.create_account("second")


@pytest.fixture
def make_contact(ssm: Any) -> Callable[..., dict]:
    """make_contact(alias=None, type='PERSONAL', display_name=..., plan=..., client=ssm, **extra)
    -> {'Alias', 'ContactArn', 'Type', 'DisplayName', 'Plan'}."""

    def make(
        alias: str | None = None,
        type: str = "PERSONAL",
        display_name: str | None = "Test Contact",
        plan: dict | None = None,
        client: Any = None,
        **extra: Any,
    ) -> dict:
        alias = alias or unique()
        plan = plan if plan is not None else {"Stages": []}
        params: dict[str, Any] = {"Alias": alias, "Type": type, "Plan": plan, **extra}
        if display_name is not None:
            params["DisplayName"] = display_name
        response = (client or ssm).create_contact(**params)
        return {
            "Alias": alias,
            "ContactArn": response["ContactArn"],
            "Type": type,
            "DisplayName": display_name,
            "Plan": plan,
        }

    return make


@pytest.fixture
def make_channel(ssm: Any) -> Callable[..., str]:
    """make_channel(contact_arn, type='EMAIL', name=..., address=..., defer=None, client=ssm) -> channel ARN."""
    defaults = {"EMAIL": "oncall@example.com", "SMS": "+15555550100", "VOICE": "+15555550101"}

    def make(
        contact_arn: str,
        type: str = "EMAIL",
        name: str | None = None,
        address: str | None = None,
        defer: bool | None = None,
        client: Any = None,
    ) -> str:
        params: dict[str, Any] = {
            "ContactId": contact_arn,
            "Name": name or f"{type.lower()} channel",
            "Type": type,
            "DeliveryAddress": {"SimpleAddress": address or defaults[type]},
        }
        if defer is not None:
            params["DeferActivation"] = defer
        return (client or ssm).create_contact_channel(**params)["ContactChannelArn"]

    return make


# ---------------------------------------------------------------------------
# Paging: fake SMTP and Twilio, and servers wired to them
# ---------------------------------------------------------------------------

PAGING_TIME_SCALE = 60


@pytest.fixture
def smtp_sink() -> Iterator[Any]:
    """An SMTP server on a free loopback port that keeps every message (paging_support.SMTPSink)."""
    from paging_support import SMTPSink

    sink = SMTPSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def fake_twilio() -> Iterator[Any]:
    """A fake Twilio REST API recording SMS and calls (paging_support.FakeTwilio)."""
    from paging_support import FakeTwilio

    fake = FakeTwilio().start()
    yield fake
    fake.stop()


@pytest.fixture
def make_paging_rig(server_factory: ServerFactory, smtp_sink: Any, fake_twilio: Any) -> Callable[..., Any]:
    """make_paging_rig(smtp=smtp_sink, twilio=fake_twilio, time_scale=60, serve_args=(), env={})
    -> paging_support.PagingRig: a private server (fresh storage) delivering to the fakes,
    with domain time running `time_scale` times faster (a 5-minute stage takes 5 s at 60)."""
    from paging_support import PagingRig

    def make(
        smtp: Any = None,
        twilio: Any = None,
        time_scale: float = PAGING_TIME_SCALE,
        serve_args: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ) -> Any:
        smtp = smtp or smtp_sink
        twilio = twilio or fake_twilio
        srv = server_factory.new(
            env={**PagingRig.environment(smtp, twilio), **(env or {})},
            serve_args=["--time-scale", str(time_scale), *serve_args],
        )
        return PagingRig(srv, smtp, twilio)

    return make


@pytest.fixture
def paging_rig(make_paging_rig: Callable[..., Any]) -> Any:
    """A private server with SMTP + fake Twilio delivery at --time-scale 60."""
    return make_paging_rig()


# ---------------------------------------------------------------------------
# Incidents (ssm-incidents): clients, a fresh account, and a sink for chat webhooks
# ---------------------------------------------------------------------------


@pytest.fixture
def incidents(server: HikeshiServer) -> Any:
    """A boto3 ssm-incidents client for account 111111111111 in us-east-1 on the shared server."""
    return server.client("ssm-incidents")


@pytest.fixture
def fresh_incidents(server: HikeshiServer) -> Callable[[], Any]:
    """fresh_incidents() -> an ssm-incidents client of a new account on the shared server (for
    tests that list everything of an account, or need its one replication set)."""

    def make() -> Any:
        return server.client("ssm-incidents", account=server.create_account())

    return make


@pytest.fixture
def webhook_sink() -> Iterator[Any]:
    """A threaded HTTP server recording every request (incident_support.WebhookSink)."""
    from incident_support import WebhookSink

    sink = WebhookSink().start()
    yield sink
    sink.stop()
