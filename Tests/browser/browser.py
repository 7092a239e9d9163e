"""Browser machinery for the console tests: a headless Chromium driven by Debian's chromedriver
through Selenium, and the checks every test runs after each page load (no JS errors, axe-core,
a full-page screenshot, `<html lang>`).

Nothing here knows about pytest fixtures or the Hikeshi server; conftest.py wires it up.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import os
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / ".build-browser" / "artifacts"
CHROMIUM = os.environ.get("HIKESHI_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("HIKESHI_CHROMEDRIVER", "/usr/bin/chromedriver")
WINDOW = (1366, 900)
WAIT_SECONDS = 10.0
# axe-core rule tags: WCAG 2.0 A/AA, 2.1 AA, 2.2 AA.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21aa", "wcag22aa")
AXE_FAILING_IMPACTS = ("serious", "critical")
SIGNIN_PATH = "/console/signin"


@dataclass(frozen=True)
class ConsoleUser:
    """A console user made by `hikeshi admin create-user` (its JSON output)."""

    account_id: str
    user_name: str
    role: str
    password: str


# ---------------------------------------------------------------------------
# The driver
# ---------------------------------------------------------------------------


def browser(lang: str = "en", tz: str = "Asia/Tokyo", dark: bool = False) -> WebDriver:
    """A new headless Chromium (caller quits it) whose requests carry `Accept-Language: lang`,
    whose `navigator.language` and Intl locale are `lang`, whose time zone is `tz` and whose
    `prefers-color-scheme` is dark when `dark`. Browser console messages are kept for
    `assert_no_js_errors`."""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not Path(path).exists():
            raise RuntimeError(f"{path} not found: apt-get install -y --no-install-recommends {package} (Scripts/test does)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # everything here runs as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        f"--lang={lang}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager is never asked to download anything.
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.set_script_timeout(30)
        driver.execute_cdp_cmd("Network.enable", {})
        # --lang alone does not reach headless requests; this makes the header deterministic.
        driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"Accept-Language": lang}})
        # navigator.language(s) and Intl's default locale follow too (the console's scripts format with them).
        user_agent = driver.execute_cdp_cmd("Browser.getVersion", {})["userAgent"]
        driver.execute_cdp_cmd("Network.setUserAgentOverride", {"userAgent": user_agent, "acceptLanguage": lang})
        driver.execute_cdp_cmd("Emulation.setLocaleOverride", {"locale": lang})
        driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": tz})
        if dark:
            driver.execute_cdp_cmd(
                "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}
            )
    except Exception:
        driver.quit()
        raise
    return driver


def data_url(html: str) -> str:
    """A `data:` URL for an HTML document (for tests of this machinery)."""
    return "data:text/html;charset=utf-8," + urllib.parse.quote(html)


# ---------------------------------------------------------------------------
# Waiting and reading
# ---------------------------------------------------------------------------


def path_of(driver: WebDriver) -> str:
    """The path of the current URL (no query, no fragment)."""
    return urllib.parse.urlsplit(driver.current_url).path


def wait_for(driver: WebDriver, predicate: Any, message: str, timeout: float = WAIT_SECONDS) -> Any:
    """Waits until `predicate(driver)` is truthy (returned); AssertionError naming `message`
    and the current URL otherwise."""
    try:
        # A predicate that reads the page while a navigation replaces it may meet a stale element: that is "not yet".
        return WebDriverWait(driver, timeout, poll_frequency=0.1, ignored_exceptions=(StaleElementReferenceException, NoSuchElementException)).until(predicate)
    except Exception as error:  # TimeoutException, or the predicate's own
        raise AssertionError(f"timed out after {timeout}s waiting for {message} (at {driver.current_url})") from error


def wait_for_element(driver: WebDriver, css: str, timeout: float = WAIT_SECONDS, visible: bool = True) -> WebElement:
    """The first element matching `css`, once present (and displayed, unless visible=False)."""

    def found(d: WebDriver) -> WebElement | bool:
        for element in d.find_elements(By.CSS_SELECTOR, css):
            if not visible or element.is_displayed():
                return element
        return False

    return wait_for(driver, found, f"{'a visible ' if visible else ''}element matching {css!r}", timeout)


def wait_for_path(driver: WebDriver, path: str, timeout: float = WAIT_SECONDS) -> None:
    wait_for(driver, lambda d: path_of(d) == path, f"the URL path to be {path}", timeout)


def wait_until_loaded(driver: WebDriver, timeout: float = WAIT_SECONDS) -> None:
    wait_for(driver, lambda d: d.execute_script("return document.readyState") == "complete", "document.readyState", timeout)


def fill_signin(driver: WebDriver, account: str, user_name: str, password: str) -> None:
    """Types into the console's sign-in form on the current page and submits it."""
    for name, value in (("account", account), ("username", user_name), ("password", password)):
        field = wait_for_element(driver, f"input[name={name}]")
        field.clear()
        field.send_keys(value)
    driver.find_element(By.CSS_SELECTOR, "[data-testid=signin-submit]").click()


# ---------------------------------------------------------------------------
# The checks every page gets
# ---------------------------------------------------------------------------

_LOG_URL = re.compile(r"^(\S+) - ")


def assert_no_js_errors(driver: WebDriver, allow_document_status: bool = False) -> None:
    """Fails on any SEVERE browser-log entry since the last call (uncaught exceptions,
    console.error, failed sub-resource loads such as a missing script, stylesheet or
    /favicon.ico). The log is drained by each call.

    `allow_document_status=True` lets through the one network entry Chromium writes when the
    page itself answered 4xx/5xx (e.g. a sign-in form re-shown with 401 after a wrong
    password): that status is the server's decision and the test asserts it directly."""
    current = driver.current_url.split("#", 1)[0]
    errors = []
    for entry in driver.get_log("browser"):
        if entry.get("level") != "SEVERE":
            continue
        if allow_document_status and entry.get("source") == "network":
            match = _LOG_URL.match(entry.get("message", ""))
            if match and match.group(1).split("#", 1)[0] == current:
                continue
        errors.append(entry)
    assert not errors, f"browser console errors on {current}:\n" + "\n".join(
        f"  [{e.get('source')}] {e.get('message')}" for e in errors
    )


def axe_script_path() -> Path:
    """axe.min.js from the axe-playwright-python wheel in the venv (found without importing the
    package, whose modules import Playwright)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("axe-playwright-python is not installed: pip install --no-deps axe-playwright-python==0.1.8")
    path = Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
    if not path.exists():
        raise RuntimeError(f"{path} is missing")
    return path


_AXE_SOURCE: str | None = None


def axe_results(driver: WebDriver, tags: Iterable[str] = AXE_TAGS) -> dict:
    """Injects axe-core into the current page and returns its results (violations only)."""
    global _AXE_SOURCE
    if _AXE_SOURCE is None:
        _AXE_SOURCE = axe_script_path().read_text(encoding="utf-8")
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(_AXE_SOURCE)
    options = json.dumps({"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]})
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run(document, {options}).then(r => done(r), e => done({{axeError: String(e)}}));"
    )
    if not isinstance(result, dict) or "axeError" in result or "violations" not in result:
        raise AssertionError(f"axe did not run on {driver.current_url}: {result!r}")
    return result


def run_axe(driver: WebDriver, tags: Iterable[str] = AXE_TAGS, impacts: Iterable[str] = AXE_FAILING_IMPACTS) -> dict:
    """Runs axe-core (WCAG 2 A/AA, 2.1 AA, 2.2 AA) on the current page; fails when a violation's
    impact is one of `impacts` (serious, critical), naming its id, help text and first target.
    Returns the results (violations of every impact) for further checks."""
    result = axe_results(driver, tags)
    failing = [v for v in result["violations"] if v.get("impact") in tuple(impacts)]
    lines = []
    for violation in failing:
        nodes = violation.get("nodes") or []
        target = nodes[0].get("target") if nodes else None
        lines.append(
            f"  {violation.get('id')} ({violation.get('impact')}, {len(nodes)} node(s)): {violation.get('help')}"
            f"\n      first target: {json.dumps(target, ensure_ascii=False)}"
            f"\n      {violation.get('helpUrl', '')}"
        )
    assert not failing, f"axe found {len(failing)} serious/critical violation(s) on {driver.current_url}:\n" + "\n".join(lines)
    return result


def screenshot(driver: WebDriver, name: str) -> Path:
    """A full-page PNG (beyond the viewport) at .build-browser/artifacts/NAME.png; NAME may
    contain '/' for sub-folders. Returns the path."""
    safe = "/".join(re.sub(r"[^A-Za-z0-9._-]+", "_", part) for part in name.split("/") if part not in ("", ".", ".."))
    path = ARTIFACTS / f"{safe}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    width = max(int(size["width"]), 1)
    height = max(int(size["height"]), 1)
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        },
    )
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def assert_html_lang(driver: WebDriver, expected: str) -> None:
    actual = driver.execute_script("return document.documentElement.getAttribute('lang')")
    assert actual == expected, f"<html lang> is {actual!r}, expected {expected!r} (at {driver.current_url})"


def check_page(driver: WebDriver, shot: str, lang: str | None = None, allow_document_status: bool = False) -> Path:
    """The checks after a page load: the screenshot first (so every page is on file, failing or
    not), then no JS errors, `<html lang>` (when given) and axe clean. Returns the screenshot path."""
    wait_until_loaded(driver)
    path = screenshot(driver, shot)
    assert_no_js_errors(driver, allow_document_status=allow_document_status)
    if lang is not None:
        assert_html_lang(driver, lang)
    run_axe(driver)
    return path
