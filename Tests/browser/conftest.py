"""Fixtures for the browser tests of the web console (/console/).

Run with the venv Scripts/test makes (selenium, axe-core's axe.min.js, and boto3 from the system):
  .venv-browser/bin/python -m pytest Tests/browser -q

Environment (as for Tests/conformance):
  HIKESHI_BIN                 path of the `hikeshi` binary (default: .build/debug/hikeshi)
  HIKESHI_TEST_ENGINE         sqlite (default) or postgres; on postgres only tests marked
                              @pytest.mark.both_engines run, the others are deselected
  HIKESHI_TEST_POSTGRES_URL   postgres://user:pass@host:port/db whose user may CREATE DATABASE
  HIKESHI_KEEP_TEST_DIRS      set to keep temp data dirs and server logs

Screenshots go to .build-browser/artifacts/ (git-ignored); a failing test also leaves
failures/<engine>/<test>.png and .html there for each browser it opened.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Callable, Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "conformance"))

from harness import DEFAULT_ACCOUNT_ID, HikeshiServer, ServerFactory, find_binary, unique  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402

from browser import (  # noqa: E402
    ARTIFACTS,
    CHROMEDRIVER,
    SIGNIN_PATH,
    ConsoleUser,
    fill_signin,
    path_of,
    wait_for,
)
from browser import browser as new_browser  # noqa: E402

ENGINES = ("sqlite", "postgres")


def _engine() -> str:
    engine = os.environ.get("HIKESHI_TEST_ENGINE", "sqlite").strip().lower()
    if engine not in ENGINES:
        raise pytest.UsageError(f"HIKESHI_TEST_ENGINE must be one of {ENGINES}, got {engine!r}")
    return engine


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [f"hikeshi engine: {_engine()}", f"hikeshi binary: {find_binary()}", f"chromedriver: {CHROMEDRIVER}"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _engine() != "postgres":
        return
    # On PostgreSQL only the tests that touch storage in an engine-specific way run again.
    kept = [item for item in items if item.get_closest_marker("both_engines") is not None]
    deselected = [item for item in items if item.get_closest_marker("both_engines") is None]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept
    if not os.environ.get("HIKESHI_TEST_POSTGRES_URL"):
        skip = pytest.mark.skip(
            reason="HIKESHI_TEST_ENGINE=postgres but HIKESHI_TEST_POSTGRES_URL is not set "
            "(Scripts/test starts a throwaway PostgreSQL and sets it)"
        )
        for item in items:
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


# ---------------------------------------------------------------------------
# The server
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def engine() -> str:
    return _engine()


@pytest.fixture(scope="session")
def hikeshi_bin() -> str:
    path = find_binary()
    if not path.exists():
        pytest.fail(f"hikeshi binary not found at {path}; build it (swift build) or set HIKESHI_BIN", pytrace=False)
    return str(path)


@pytest.fixture(scope="session")
def server(hikeshi_bin: str, engine: str) -> Iterator[HikeshiServer]:
    """One `hikeshi serve` for the session (the conformance harness's ServerFactory: fresh
    storage, a fresh database on postgres, bootstrap account 111111111111). Stopped with
    SIGTERM at the end; must exit 0."""
    factory = ServerFactory(hikeshi_bin, engine, os.environ.get("HIKESHI_TEST_POSTGRES_URL"))
    try:
        srv = factory.new()
        assert srv.creds.account_id == DEFAULT_ACCOUNT_ID
        yield srv
    finally:
        problems = factory.close()
    assert not problems, "\n\n".join(problems)


@pytest.fixture
def url(server: HikeshiServer) -> Callable[[str], str]:
    """url('/console/signin') -> 'http://127.0.0.1:PORT/console/signin'."""
    return lambda path: server.endpoint + path


@pytest.fixture
def console_user(server: HikeshiServer) -> Callable[..., ConsoleUser]:
    """console_user(role, account_id=None, name=None) -> ConsoleUser: runs `hikeshi admin
    create-user --account-id ID --user-name NAME --role ROLE` on the session server's storage
    (account 111111111111 and a unique name by default) and reads its JSON output."""

    def make(role: str, account_id: str | None = None, name: str | None = None) -> ConsoleUser:
        account_id = account_id or server.creds.account_id
        name = name or unique(role)
        out = server.admin("create-user", "--account-id", account_id, "--user-name", name, "--role", role)
        assert isinstance(out, dict), f"create-user did not print JSON: {out!r}"
        for key in ("AccountId", "UserName", "Role", "Password"):
            assert out.get(key), f"create-user output lacks {key}: {out!r}"
        assert (out["AccountId"], out["UserName"], out["Role"]) == (account_id, name, role), out
        return ConsoleUser(out["AccountId"], out["UserName"], out["Role"], out["Password"])

    return make


@pytest.fixture
def signed_in(url: Callable[[str], str]) -> Callable[[WebDriver, ConsoleUser], None]:
    """signed_in(driver, user): opens /console/signin, signs in as `user` and waits until the
    browser has left /console/signin."""

    def sign_in(driver: WebDriver, user: ConsoleUser) -> None:
        driver.get(url(SIGNIN_PATH))
        fill_signin(driver, user.account_id, user.user_name, user.password)

        def left_signin(d: WebDriver) -> bool:
            return path_of(d) != SIGNIN_PATH and d.execute_script("return document.readyState") == "complete"

        try:
            wait_for(driver, left_signin, f"sign-in of {user.user_name} to leave {SIGNIN_PATH}")
        except AssertionError as error:
            alerts = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "[role=alert]") if e.text.strip()]
            raise AssertionError(f"{error}; alerts on the page: {alerts!r}") from None

    return sign_in


# ---------------------------------------------------------------------------
# Browsers
# ---------------------------------------------------------------------------


@pytest.fixture
def browser(request: pytest.FixtureRequest) -> Iterator[Callable[..., WebDriver]]:
    """browser(lang='en', tz='Asia/Tokyo', dark=False) -> a headless Chromium (browser.browser),
    quit after the test. When the test fails, each browser's last page is kept as
    .build-browser/artifacts/failures/<engine>/<test>[-N].png and .html."""
    drivers: list[WebDriver] = []

    def make(lang: str = "en", tz: str = "Asia/Tokyo", dark: bool = False) -> WebDriver:
        driver = new_browser(lang=lang, tz=tz, dark=dark)
        drivers.append(driver)
        return driver

    yield make
    report = getattr(request.node, "report_call", None)
    failed = report is not None and report.failed
    for index, driver in enumerate(drivers):
        try:
            if failed:
                _keep_failure(driver, request.node.nodeid, index)
        finally:
            driver.quit()


def _keep_failure(driver: WebDriver, nodeid: str, index: int) -> None:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", nodeid.split("::", 1)[-1]).strip("_") + (f"-{index}" if index else "")
    folder = ARTIFACTS / "failures" / _engine()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        driver.save_screenshot(str(folder / f"{stem}.png"))
        (folder / f"{stem}.html").write_text(
            f"<!-- {driver.current_url} -->\n{driver.page_source}", encoding="utf-8"
        )
    except Exception as error:  # the browser may be gone; the test's own failure matters more
        print(f"could not keep the failing page of {nodeid}: {error}", file=sys.stderr)

