"""Escalating a case upstream from the desk's console pages, in a real browser.

As in Tests/conformance/test_support_escalation.py: the upstream desk is a second Hikeshi server (it speaks the Support
API as AWS Support does) where the reseller has a Business account; the reseller's desk runs at 60x domain time so
that the 60-second poll interval passes in a second. The desk's admin is also an agent (`--agent-id`), so one console
user manages the providers and works the case.

Flows: the providers page adds a provider (a refused endpoint is shown beside its field, the secret never comes back
into the page), changes and deletes one; a support agent reads it but may not change it; a form without the CSRF token
is refused. On a case, the agent escalates with a chosen message and a note, sees the upstream case linked, sees the
upstream answer (hostile text stays text) and relays it, edited, to the customer, and sends more upstream. A provider
with a wrong secret fails the escalation; after the provider is fixed, Retry opens it.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from browser import SIGNIN_PATH, ConsoleUser, check_page, fill_signin, path_of, wait_for, wait_for_element
from console_flows import Session, ready
from harness import HikeshiServer, ServerFactory, module_factory, unique, wait_until
from support_support import customer, desk, open_case, support

SCRIPT = "<script>alert(1)</script>"
HOSTILE = SCRIPT + ' "><img src=x onerror="window.__xss=1">'


@pytest.fixture(scope="module")
def factory(hikeshi_bin: str, engine: str) -> Iterator[ServerFactory]:
    yield from module_factory(hikeshi_bin, engine)


@pytest.fixture(scope="module")
def upstream(factory: ServerFactory) -> HikeshiServer:
    """The upstream desk (as AWS Support would be)."""
    return factory.new()


@pytest.fixture(scope="module")
def reseller(upstream: HikeshiServer) -> Any:
    """The reseller's own account upstream, on Business support."""
    return customer(upstream, "business", "en", "UTC")


@pytest.fixture(scope="module")
def srv(factory: ServerFactory) -> HikeshiServer:
    """The reseller's desk."""
    return factory.new(serve_args=["--time-scale", "60"])


def console_user(srv: HikeshiServer, role: str, agent: bool = True) -> ConsoleUser:
    """A console user of the provider's account; with `agent`, working as a new desk agent."""
    args = ["create-user", "--account-id", srv.creds.account_id, "--user-name", unique(role), "--role", role]
    if agent:
        made = desk(srv).create_agent(Name=unique("Aiko"), Specialties=["compute"], Languages=["ja", "en", "ko", "zh"])["Agent"]
        args += ["--agent-id", made["AgentId"]]
    out = srv.admin(*args)
    return ConsoleUser(out["AccountId"], out["UserName"], out["Role"], out["Password"])


def signed_in_to(srv: HikeshiServer) -> Callable[[WebDriver, ConsoleUser], None]:
    """The `signed_in` fixture's step for a module's own server."""

    def sign_in(driver: WebDriver, user: ConsoleUser) -> None:
        driver.get(srv.endpoint + SIGNIN_PATH)
        fill_signin(driver, user.account_id, user.user_name, user.password)
        wait_for(driver, lambda d: path_of(d) != SIGNIN_PATH and d.execute_script("return document.readyState") == "complete",
                 f"sign-in of {user.user_name}")

    return sign_in


def text_of(driver: WebDriver, css: str) -> str:
    """The text of every element matching `css`, joined, read by script (no stale elements while a page is replaced)."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent).join('\\n')", css) or ""


def reload_until(driver: WebDriver, url: str, predicate: Callable[[WebDriver], Any], message: str, timeout: float = 30) -> Any:
    """Loads `url` again until `predicate(driver)` holds (the upstream sync works in the background)."""
    deadline = time.monotonic() + timeout
    while True:
        driver.get(url)
        value = predicate(driver)
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {message} (at {driver.current_url})")
        time.sleep(0.5)


def submit(driver: WebDriver, form_css: str) -> None:
    driver.find_element(By.CSS_SELECTOR, f"{form_css} button[type=submit]").click()


def provider_row(driver: WebDriver, name: str) -> list:
    return driver.find_elements(By.CSS_SELECTOR, f"[data-testid=provider][data-provider='{name}']")


# ---------------------------------------------------------------------------
# The providers page
# ---------------------------------------------------------------------------


def test_providers_page_adds_refuses_changes_and_deletes(browser, srv, upstream, reseller, engine):
    admin = console_user(srv, "admin")
    driver = browser("en")
    password = ready(driver, signed_in_to(srv), admin)

    # Reached from the desk's navigation.
    driver.get(srv.endpoint + "/console/desk/queue")
    driver.find_element(By.CSS_SELECTOR, "a[href='/console/desk/upstream']").click()
    wait_for(driver, lambda d: path_of(d) == "/console/desk/upstream", "the upstream providers page")
    wait_for_element(driver, "[data-testid=provider-form]")
    check_page(driver, f"{engine}/desk-upstream-en", lang="en")

    # A refused endpoint: shown beside its field, what was typed kept, the secret not.
    name = unique("aws")
    secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY"
    driver.find_element(By.ID, "p-name").send_keys(name)
    driver.find_element(By.ID, "p-endpoint").send_keys("ftp://example.com/support")
    driver.find_element(By.ID, "p-access-key").send_keys(reseller.access_key_id)
    driver.find_element(By.ID, "p-secret").send_keys(secret)
    driver.find_element(By.ID, "p-token").send_keys("FwoGZXIvYXdzEXAMPLETOKEN")
    driver.find_element(By.ID, "p-interval").send_keys("60")
    submit(driver, "[data-testid=provider-form]")
    error = wait_for_element(driver, "#p-endpoint-error")
    assert "Endpoint" in error.text and "ValidationException" in error.text, error.text
    assert driver.find_element(By.ID, "p-endpoint").get_attribute("aria-invalid") == "true"
    assert "p-endpoint-error" in driver.find_element(By.ID, "p-endpoint").get_attribute("aria-describedby")
    assert driver.find_element(By.ID, "p-name").get_attribute("value") == name
    assert driver.find_element(By.ID, "p-secret").get_attribute("value") == ""
    assert secret not in driver.page_source and "EXAMPLETOKEN" not in driver.page_source
    check_page(driver, f"{engine}/desk-upstream-refused-en", lang="en", allow_document_status=True)

    endpoint = driver.find_element(By.ID, "p-endpoint")
    endpoint.clear()
    endpoint.send_keys(upstream.endpoint)
    driver.find_element(By.ID, "p-secret").send_keys(reseller.secret_access_key)
    submit(driver, "[data-testid=provider-form]")
    wait_for(driver, lambda d: "notice=desk.providerSaved" in d.current_url, "the provider to be saved")
    [row] = provider_row(driver, name)
    assert upstream.endpoint in row.text and reseller.access_key_id in row.text and "us-east-1" in row.text
    assert reseller.secret_access_key not in driver.page_source
    [stored] = [p for p in desk(srv).list_upstream_providers()["UpstreamProviders"] if p["Name"] == name]
    assert (stored["Endpoint"], stored["PollIntervalSeconds"]) == (upstream.endpoint, 60)

    # Change: the form is filled with the provider's values, never its secret.
    row.find_element(By.CSS_SELECTOR, "a[href*='edit=']").click()
    wait_for(driver, lambda d: "edit=" in d.current_url, "the change form")
    assert name in driver.find_element(By.ID, "provider-form-heading").text
    assert driver.find_element(By.ID, "p-endpoint").get_attribute("value") == upstream.endpoint
    assert driver.find_element(By.ID, "p-interval").get_attribute("value") == "60"
    assert driver.find_element(By.ID, "p-secret").get_attribute("value") == ""
    interval = driver.find_element(By.ID, "p-interval")
    interval.clear()
    interval.send_keys("120")
    driver.find_element(By.ID, "p-secret").send_keys(reseller.secret_access_key)
    submit(driver, "[data-testid=provider-form]")
    wait_for(driver, lambda d: "notice=desk.providerSaved" in d.current_url, "the change to be saved")
    [stored] = [p for p in desk(srv).list_upstream_providers()["UpstreamProviders"] if p["Name"] == name]
    assert stored["PollIntervalSeconds"] == 120

    # Delete asks first.
    doomed = unique("doomed")
    desk(srv).put_upstream_provider(Name=doomed, AccessKeyId="AKIAIOSFODNN7EXAMPLE", SecretAccessKey="x")
    driver.get(srv.endpoint + "/console/desk/upstream")
    [row] = provider_row(driver, doomed)
    row.find_element(By.CSS_SELECTOR, "[data-testid=delete-provider] button[type=submit]").click()
    wait_for_element(driver, "dialog[open] button").click()
    wait_for(driver, lambda d: "notice=desk.providerDeleted" in d.current_url, "the provider to be deleted")
    assert provider_row(driver, doomed) == []
    assert doomed not in [p["Name"] for p in desk(srv).list_upstream_providers()["UpstreamProviders"]]

    # A form without the session's token changes nothing.
    session = Session(srv.endpoint)
    session.sign_in(admin, password)
    form = {"name": unique("forged"), "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": "x"}
    assert session.request("/console/desk/upstream", form)[0] == 403
    assert session.request("/console/desk/upstream", {**form, "_csrf": "not-the-token"})[0] == 403
    assert session.request("/console/desk/upstream/delete", {"name": name})[0] == 403
    names = [p["Name"] for p in desk(srv).list_upstream_providers()["UpstreamProviders"]]
    assert form["name"] not in names and name in names


def test_support_agents_read_the_providers_but_do_not_change_them(srv):
    desk(srv).put_upstream_provider(Name=unique("aws"), AccessKeyId="AKIAIOSFODNN7EXAMPLE", SecretAccessKey="x")
    agent = console_user(srv, "support-agent")
    session = Session(srv.endpoint)
    assert session.sign_in(agent, agent.password) == "/console/settings"
    token = session.csrf("/console/settings")
    assert session.request("/console/settings/password", {"_csrf": token, "current": agent.password, "new": "a desk password 2026"})[0] == 303
    status, html, _ = session.request("/console/desk/upstream")
    assert status == 200 and 'data-testid="providers"' in html
    assert 'data-testid="provider-form"' not in html and 'data-testid="delete-provider"' not in html
    token = session.csrf("/console/desk/upstream")
    form = {"_csrf": token, "name": unique("agent"), "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": "x"}
    assert session.request("/console/desk/upstream", form)[0] == 403
    assert form["name"] not in [p["Name"] for p in desk(srv).list_upstream_providers()["UpstreamProviders"]]


# ---------------------------------------------------------------------------
# A case's escalations
# ---------------------------------------------------------------------------


def test_an_agent_escalates_reads_the_answer_and_relays_it(browser, srv, upstream, reseller, engine):
    hk = desk(srv)
    name = unique("upstream")
    hk.put_upstream_provider(Name=name, Endpoint=upstream.endpoint, AccessKeyId=reseller.access_key_id,
                             SecretAccessKey=reseller.secret_access_key, PollIntervalSeconds=60)
    account = customer(srv, "business", "en")
    client = support(srv, account)
    case_id = open_case(client, language="en")
    client.add_communication_to_case(caseId=case_id, communicationBody="PRIVATE: our contract renewal is next month.")
    opening, private = hk.describe_case_details(CaseId=case_id)["Case"]["Communications"][:2]
    files = client.add_attachments_to_set(attachments=[{"fileName": "app.log", "data": b"ERROR pool exhausted\n"}])
    client.add_communication_to_case(caseId=case_id, communicationBody="The log.", attachmentSetId=files["attachmentSetId"])

    admin = console_user(srv, "admin")
    driver = browser("en")
    password = ready(driver, signed_in_to(srv), admin)
    case_url = srv.endpoint + f"/console/desk/cases/{case_id}"
    driver.get(case_url)
    assert "not been escalated" in text_of(driver, "[data-testid=escalations]")

    # Escalate with the opening message and a note; the private remark stays home.
    Select(driver.find_element(By.ID, "escalate-provider")).select_by_value(name)
    driver.find_element(By.CSS_SELECTOR, f"[data-testid=escalate] input[name=communication][value='{opening['CommunicationId']}']").click()
    driver.find_element(By.CSS_SELECTOR, "[data-testid=escalate] input[name=attachment]").click()
    driver.find_element(By.ID, "escalate-note").send_keys("Please look at the customer's instance.")
    submit(driver, "[data-testid=escalate]")
    wait_for(driver, lambda d: "notice=desk.escalatedNotice" in d.current_url, "the escalation")
    escalation_id = wait_for_element(driver, "[data-testid=escalation]").get_attribute("data-escalation")
    display = reload_until(driver, case_url, lambda d: text_of(d, "[data-testid=upstream-case]"), "the upstream case to be linked")
    [linked] = [e for e in hk.list_escalations(CaseId=case_id)["Escalations"] if e["EscalationId"] == escalation_id]
    assert linked["UpstreamDisplayId"] == display and linked["Status"] == "OPEN"
    assert "Open upstream" in text_of(driver, "[data-testid=escalation-status]")
    up = support(upstream, reseller)
    [first] = up.describe_communications(caseId=linked["UpstreamCaseId"])["communications"]
    assert "Please look at the customer's instance." in first["body"] and opening["Body"] in first["body"]
    assert private["Body"] not in first["body"]
    [sent_file] = first["attachmentSet"]
    assert sent_file["fileName"] == "app.log"
    assert up.describe_attachment(attachmentId=sent_file["attachmentId"])["attachment"]["data"] == b"ERROR pool exhausted\n"

    # The upstream agent answers with hostile text: it shows as text, nothing of it runs.
    up_desk = desk(upstream)
    up_agent = up_desk.create_agent(Name=unique("aws-agent"), Specialties=["compute"], Languages=["en"])["Agent"]
    answer = "Please reboot the instance. " + HOSTILE
    up_desk.reply_to_case(CaseId=linked["UpstreamCaseId"], AgentId=up_agent["AgentId"], Body=answer)
    received = "[data-testid=escalation-message][data-direction=down][data-state=RECEIVED]"
    reload_until(driver, case_url, lambda d: d.find_elements(By.CSS_SELECTOR, received), "the upstream answer")
    message = driver.find_element(By.CSS_SELECTOR, received)
    assert message.find_element(By.CSS_SELECTOR, "[data-testid=message-body]").text == answer
    assert message.find_element(By.CSS_SELECTOR, "[data-testid=upstream-author]").text
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-testid=escalations] script, [data-testid=escalations] img")
    assert driver.execute_script("return window.__xss === undefined")
    session = Session(srv.endpoint)
    session.sign_in(admin, password)
    status, html, _ = session.request(f"/console/desk/cases/{case_id}")
    assert status == 200 and SCRIPT not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html

    # The relay form opens prefilled with the upstream text; the agent edits it and relays.
    message.find_element(By.CSS_SELECTOR, "summary").click()
    relay = message.find_element(By.CSS_SELECTOR, "[data-testid=relay]")
    text = relay.find_element(By.CSS_SELECTOR, "textarea[name=body]")
    assert text.get_attribute("value") == answer
    check_page(driver, f"{engine}/desk-case-escalation-en", lang="en")
    assert driver.execute_script("return window.__xss === undefined")
    text.clear()
    text.send_keys("Please reboot the instance; we will stay on the case.")
    relay.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, lambda d: "notice=desk.relayedNotice" in d.current_url, "the relay")
    assert "Relayed to the customer" in text_of(driver, "[data-testid=escalation-message][data-direction=down] [data-testid=message-state]")
    bodies = [c["body"] for c in client.describe_communications(caseId=case_id)["communications"]]
    assert "Please reboot the instance; we will stay on the case." in bodies and answer not in bodies

    # A relay or an escalation form without the token is refused.
    relayed_again = {"escalation": escalation_id, "message": message_id(hk, case_id, escalation_id), "body": "again"}
    assert session.request(f"/console/desk/cases/{case_id}/relay", relayed_again)[0] == 403
    assert session.request(f"/console/desk/cases/{case_id}/escalate", {"provider": name, "body": "again"})[0] == 403

    # More goes up.
    driver.find_element(By.CSS_SELECTOR, "[data-testid=escalation] details:has([data-testid=send-upstream]) > summary").click()
    driver.find_element(By.ID, f"send-{escalation_id}").send_keys("Rebooted; the pool still runs out after an hour.")
    submit(driver, "[data-testid=send-upstream]")
    wait_for(driver, lambda d: "notice=desk.sentUpstreamNotice" in d.current_url, "the follow-up")
    wait_until(lambda: any("still runs out" in c["body"] for c in up.describe_communications(caseId=linked["UpstreamCaseId"])["communications"]),
               timeout=20, message="the follow-up to reach the upstream case")

    # A second escalation to the same provider is not offered; an empty send is refused beside the note.
    driver.get(case_url)
    assert not driver.find_elements(By.CSS_SELECTOR, f"#escalate-provider option[value='{name}']")
    driver.find_element(By.CSS_SELECTOR, "[data-testid=escalation] details:has([data-testid=send-upstream]) > summary").click()
    submit(driver, "[data-testid=send-upstream]")
    error = wait_for_element(driver, f"#send-{escalation_id}-error")
    assert "ValidationException" in error.text and "Body" in error.text, error.text
    check_page(driver, f"{engine}/desk-case-send-refused-en", lang="en", allow_document_status=True)


def message_id(hk: Any, case_id: str, escalation_id: str) -> str:
    [found] = [e for e in hk.list_escalations(CaseId=case_id)["Escalations"] if e["EscalationId"] == escalation_id]
    return next(m["MessageId"] for m in found["Messages"] if m["Direction"] == "DOWN")


def test_a_failed_escalation_shows_its_error_and_retry_opens_it(browser, srv, upstream, reseller, engine):
    hk = desk(srv)
    name = unique("upstream")
    hk.put_upstream_provider(Name=name, Endpoint=upstream.endpoint, AccessKeyId=reseller.access_key_id, SecretAccessKey="wrong-secret",
                             PollIntervalSeconds=60)
    case_id = open_case(support(srv, customer(srv, "business", "en")), language="en")
    admin = console_user(srv, "admin")
    driver = browser("ja")
    ready(driver, signed_in_to(srv), admin)
    case_url = srv.endpoint + f"/console/desk/cases/{case_id}"
    driver.get(case_url)
    Select(driver.find_element(By.ID, "escalate-provider")).select_by_value(name)
    driver.find_element(By.ID, "escalate-note").send_keys("調査をお願いします。")
    submit(driver, "[data-testid=escalate]")
    wait_for(driver, lambda d: "notice=desk.escalatedNotice" in d.current_url, "the escalation")
    reload_until(driver, case_url, lambda d: d.find_elements(By.CSS_SELECTOR, "[data-testid=retry]"), "the escalation to fail")
    assert text_of(driver, "[data-testid=last-error]").strip(), "the last error is shown"
    assert text_of(driver, "[data-testid=attempts]").strip()
    assert "失敗" in text_of(driver, "[data-testid=escalation-status]")
    check_page(driver, f"{engine}/desk-case-escalation-failed-ja", lang="ja")

    # The admin fixes the provider's secret on the providers page, then retries.
    driver.get(srv.endpoint + f"/console/desk/upstream?edit={name}")
    driver.find_element(By.ID, "p-secret").send_keys(reseller.secret_access_key)
    submit(driver, "[data-testid=provider-form]")
    wait_for(driver, lambda d: "notice=desk.providerSaved" in d.current_url, "the provider to be fixed")
    driver.get(case_url)
    submit(driver, "[data-testid=retry]")
    wait_for(driver, lambda d: "notice=desk.retriedNotice" in d.current_url, "the retry")
    reload_until(driver, case_url, lambda d: text_of(d, "[data-testid=upstream-case]"), "the upstream case after the retry")
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-testid=retry]")
