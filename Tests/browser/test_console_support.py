"""The customer's support pages and the agents' desk in a real browser.

Setup as in Tests/conformance/test_support_desk.py: the bootstrap account (111111111111) is the
provider; a customer account gets the Business plan through the provider's `hikeshi` client; a desk
agent is created with CreateAgent and a console user of role support-agent works as that agent
(`hikeshi admin create-user --agent-id`).

Flows: a customer opens a case through the wizard (the coach answers while they type), reads it
back with boto3; an agent sees it in the queue with its countdown and replies; the customer sees
the reply; a customer is refused the desk; hostile text shows as text; the wizard and the queue in
ja, ko and zh are axe clean with the right <html lang>.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from browser import ConsoleUser, check_page, path_of, wait_for, wait_for_element, wait_until_loaded
from harness import unique

HOSTILE = "<script>alert(1)</script> \"><img src=x onerror=alert(2)>"
EC2 = "amazon-elastic-compute-cloud-linux"
GENERAL = "general-guidance"


def make_customer(server) -> tuple[object, ConsoleUser]:
    account = server.create_account()
    server.client("hikeshi").put_support_plan(AccountId=account.account_id, Plan="business", Language="ja", TimeZone="Asia/Tokyo")
    name = unique("customer")
    out = server.admin("create-user", "--account-id", account.account_id, "--user-name", name, "--role", "customer")
    return account, ConsoleUser(out["AccountId"], out["UserName"], out["Role"], out["Password"])


def make_agent_user(server) -> ConsoleUser:
    agent = server.client("hikeshi").create_agent(
        Name=unique("Aiko"), Specialties=["compute", "databases"], Languages=["ja", "en", "ko", "zh"]
    )["Agent"]
    name = unique("agent")
    out = server.admin(
        "create-user", "--account-id", server.creds.account_id, "--user-name", name, "--role", "support-agent", "--agent-id", agent["AgentId"]
    )
    return ConsoleUser(out["AccountId"], out["UserName"], out["Role"], out["Password"])


def sign_in(signed_in, driver: WebDriver, user: ConsoleUser) -> None:
    """Signs in; a generated password must be replaced first, so this chooses a new one on /console/settings."""
    signed_in(driver, user)
    if path_of(driver) == "/console/settings":
        driver.find_element(By.ID, "current").send_keys(user.password)
        driver.find_element(By.ID, "new").send_keys(user.password + "-Changed1")
        driver.find_element(By.CSS_SELECTOR, "form[action='/console/settings/password'] button[type=submit]").click()
        wait_for(driver, lambda d: "notice=" in d.current_url, "the password change")


def text_of(driver: WebDriver, css: str) -> str:
    """The text of the first element matching `css` ('' when none), read by script: a page being
    replaced after a POST never gives a stale element."""
    return driver.execute_script("const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", css) or ""


def step(driver: WebDriver) -> str:
    """The wizard's step heading, read by script so a page being replaced never gives a stale element."""
    text = driver.execute_script("const h = document.querySelector('[data-testid=wizard-step]'); return h ? h.textContent : ''")
    return text or ""


def next_step(driver: WebDriver) -> None:
    before = wait_for(driver, step, "the wizard's step heading")
    driver.find_element(By.CSS_SELECTOR, "[data-testid=wizard-next]").click()
    wait_for(driver, lambda d: step(d) not in ("", before), f"the wizard to leave {before!r}")


def open_case_in_wizard(
    driver: WebDriver, url, subject: str, body: str, typed_body: str | None = None, attachment: str | None = None
) -> str:
    """Walks the wizard (technical, EC2 general guidance, the first severity, subject and body,
    optionally one attachment uploaded on its step) and returns the new case's path."""
    driver.get(url("/console/support/cases/new"))
    wait_until_loaded(driver)
    next_step(driver)  # kind: technical is preselected
    Select(driver.find_element(By.ID, "service")).select_by_value(f"{EC2}/{GENERAL}")
    next_step(driver)
    driver.find_element(By.CSS_SELECTOR, "input[name=severityCode]").click()
    next_step(driver)
    driver.find_element(By.ID, "subject").send_keys(subject)
    driver.find_element(By.ID, "body").send_keys(typed_body or body)
    # The coach answers while typing (debounced POST into the aria-live panel).
    wait_for(
        driver,
        lambda d: d.find_elements(By.CSS_SELECTOR, "#coach-panel [data-testid=coach-findings] li"),
        "a coach finding to appear while typing",
    )
    if typed_body is not None:
        body_field = driver.find_element(By.ID, "body")
        body_field.clear()
        body_field.send_keys(body)
    next_step(driver)
    if attachment is not None:
        assert "5 MB" in driver.find_element(By.ID, "attach-limits").text, "the limits are stated before upload"
        driver.find_element(By.ID, "files").send_keys(attachment)
        driver.find_element(By.CSS_SELECTOR, "button[name=go][value=upload]").click()
        wait_for_element(driver, "[data-testid=attached] li")
    next_step(driver)  # attachments and contacts
    review = driver.find_element(By.CSS_SELECTOR, "[data-testid=review]").text
    assert subject in review
    driver.find_element(By.CSS_SELECTOR, "[data-testid=wizard-submit]").click()
    wait_for(driver, lambda d: path_of(d).startswith("/console/support/cases/case-"), "the new case page")
    return path_of(driver)


@pytest.mark.both_engines
def test_case_flow_customer_agent_customer(browser, server, url, signed_in, engine, tmp_path):
    account, customer = make_customer(server)
    agent = make_agent_user(server)
    subject = unique("Instance i-0abc1234def567890 does not answer")
    body = "Since 09:00 JST the instance i-0abc1234def567890 in ap-northeast-1 fails its status check. " + HOSTILE

    log = tmp_path / "system-log.txt"
    log.write_text("kernel: EXT4-fs error\n", encoding="utf-8")
    driver = browser("en")
    sign_in(signed_in, driver, customer)
    case_path = open_case_in_wizard(driver, url, subject, body, typed_body="help", attachment=str(log))
    check_page(driver, f"{engine}/support-case-created-en", lang="en")
    case_id = case_path.rsplit("/", 1)[-1]
    thread = driver.find_element(By.CSS_SELECTOR, "[data-testid=thread]").text
    assert HOSTILE in thread, "the hostile body shows as text"
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-testid=thread] img, [data-testid=thread] script")
    assert driver.execute_script("return window.__xss === undefined")

    link = driver.find_element(By.CSS_SELECTOR, "[data-testid=thread] a[download]")
    assert link.text == "system-log.txt"
    cases = server.client("support", account=account).describe_cases(caseIdList=[case_id], includeResolvedCases=True)["cases"]
    assert [c["subject"] for c in cases] == [subject]
    assert cases[0]["serviceCode"] == EC2 and cases[0]["categoryCode"] == GENERAL

    desk = browser("en")
    sign_in(signed_in, desk, agent)
    desk.get(url("/console/desk/queue"))
    row = wait_for_element(desk, f"[data-testid=queue] a[href='/console/desk/cases/{case_id}']")
    due = row.find_element(By.XPATH, "ancestor::tr").find_element(By.CSS_SELECTOR, "[data-testid=queue-due]").text
    assert any(word in due for word in ("Due in", "Paused until", "Breached")), due
    assert desk.find_elements(By.CSS_SELECTOR, "[data-testid=queue-due] time[datetime]"), "the absolute due time"
    check_page(desk, f"{engine}/desk-queue-en", lang="en")
    row.click()
    wait_for(desk, lambda d: path_of(d) == f"/console/desk/cases/{case_id}", "the desk case page")
    reply = unique("Please restart the instance; then send the system log")
    desk.find_element(By.ID, "reply-body").send_keys(reply)
    desk.find_element(By.CSS_SELECTOR, "[data-testid=desk-reply] button[type=submit]").click()
    wait_for(desk, lambda d: reply in text_of(d, "[data-testid=desk-thread]"), "the reply in the desk thread")
    check_page(desk, f"{engine}/desk-case-en", lang="en")

    driver.get(url(case_path))
    wait_for(driver, lambda d: reply in text_of(d, "[data-testid=thread]"), "the agent's reply for the customer")
    communications = server.client("support", account=account).describe_communications(caseId=case_id)["communications"]
    assert any(c["body"] == reply for c in communications)


def test_customer_is_refused_the_desk(browser, server, url, signed_in):
    _, customer = make_customer(server)
    driver = browser("en")
    sign_in(signed_in, driver, customer)
    driver.get(url("/console/desk/queue"))
    wait_until_loaded(driver)
    assert "/console/desk/queue" in driver.current_url
    status = driver.execute_script(
        "return fetch('/console/desk/queue', {credentials: 'same-origin'}).then(r => r.status)"
    )
    assert status == 403
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-testid=queue]")


@pytest.mark.parametrize(("lang", "html_lang"), [("ja", "ja"), ("ko", "ko"), ("zh", "zh-Hans")])
def test_wizard_and_queue_in_each_language(browser, server, url, signed_in, engine, lang, html_lang):
    _, customer = make_customer(server)
    agent = make_agent_user(server)
    driver = browser(lang)
    sign_in(signed_in, driver, customer)
    driver.get(url("/console/support/cases/new"))
    check_page(driver, f"{engine}/support-wizard-kind-{lang}", lang=html_lang)
    next_step(driver)
    check_page(driver, f"{engine}/support-wizard-service-{lang}", lang=html_lang)
    Select(driver.find_element(By.ID, "service")).select_by_value(f"{EC2}/{GENERAL}")
    next_step(driver)
    check_page(driver, f"{engine}/support-wizard-severity-{lang}", lang=html_lang)
    driver.find_element(By.CSS_SELECTOR, "input[name=severityCode]").click()
    next_step(driver)
    driver.find_element(By.ID, "subject").send_keys("EC2")
    driver.find_element(By.ID, "body").send_keys("help")
    driver.find_element(By.CSS_SELECTOR, "[data-testid=check-draft]").click()
    wait_for_element(driver, "#coach-panel [data-testid=coach-findings] li")
    check_page(driver, f"{engine}/support-wizard-describe-{lang}", lang=html_lang)

    desk = browser(lang)
    sign_in(signed_in, desk, agent)
    desk.get(url("/console/desk/queue"))
    wait_for_element(desk, "[data-testid=queue-showing]")
    check_page(desk, f"{engine}/desk-queue-{lang}", lang=html_lang)
    desk.get(url("/console/desk/plans"))
    wait_for_element(desk, "[data-testid=plans]")
    check_page(desk, f"{engine}/desk-plans-{lang}", lang=html_lang)


def test_queue_says_paused_until_the_desk_opens(browser, hikeshi_bin, engine):
    """On Saturday 10:00 JST a Developer-plan case in Japanese waits for Monday 08:00 Asia/Tokyo:
    the queue says so in words instead of counting down."""
    from support_support import SATURDAY_1000_JST, clock_args, open_case, private_server

    with private_server(hikeshi_bin, engine, serve_args=clock_args(SATURDAY_1000_JST)) as srv:
        account = srv.create_account()
        srv.client("hikeshi").put_support_plan(AccountId=account.account_id, Plan="developer", Language="ja", TimeZone="Asia/Tokyo")
        case_id = open_case(srv.client("support", account=account))
        agent = make_agent_user(srv)
        desk = browser("en")
        signed_in_to(srv, desk, agent)
        desk.get(srv.endpoint + "/console/desk/queue")
        row = wait_for_element(desk, f"[data-testid=queue] a[href='/console/desk/cases/{case_id}']")
        due = row.find_element(By.XPATH, "ancestor::tr").find_element(By.CSS_SELECTOR, "[data-testid=queue-due]").text
        assert "Paused until" in due and "Asia/Tokyo (UTC+09:00)" in due and "8:00" in due, due
        assert "24 hr" in due, f"the business time left (Tue 10 h + Wed 10 h + Thu 4 h): {due}"
        check_page(desk, f"{engine}/desk-queue-paused-en", lang="en")


def signed_in_to(srv, driver: WebDriver, user: ConsoleUser) -> None:
    """Signs in on a private server (the `signed_in` fixture knows only the session's)."""
    from browser import SIGNIN_PATH, fill_signin

    driver.get(srv.endpoint + SIGNIN_PATH)
    fill_signin(driver, user.account_id, user.user_name, user.password)
    wait_for(driver, lambda d: path_of(d) != SIGNIN_PATH, "sign-in to finish")
    sign_in(lambda d, u: None, driver, user)


def multipart(fields: list[tuple[str, str]], files: list[tuple[str, str, bytes]], boundary: str = "hikeshiTestBoundary") -> bytes:
    out = b""
    for name, value in fields:
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    for name, file_name, data in files:
        out += (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{file_name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode() + data + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()


def test_multipart_posts_need_the_csrf_token_and_keep_the_limits(browser, server, url, signed_in):
    """The attachments step posts multipart/form-data: without the session's token it is refused
    (403) like any form; a file over 5 MB is refused by name and the wizard stays on its step."""
    import urllib.error
    import urllib.request

    _, customer = make_customer(server)
    driver = browser("en")
    sign_in(signed_in, driver, customer)
    driver.get(url("/console/support/cases/new"))
    csrf = wait_for_element(driver, "form[data-testid=wizard] input[name=_csrf]", visible=False).get_attribute("value")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())

    def post(fields, files) -> tuple[int, str]:
        request = urllib.request.Request(
            url("/console/support/cases/new"),
            data=multipart(fields, files),
            method="POST",
            headers={
                "Content-Type": "multipart/form-data; boundary=hikeshiTestBoundary",
                "Cookie": cookie,
                "Origin": server.endpoint,
            },
        )
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    step_fields = [("step", "5"), ("serviceCode", EC2), ("categoryCode", GENERAL), ("severityCode", "low"), ("go", "upload")]
    status, _ = post([("_csrf", "wrong")] + step_fields, [("files", "a.txt", b"x")])
    assert status == 403
    status, _ = post(step_fields, [("files", "a.txt", b"x")])
    assert status == 403
    status, html = post([("_csrf", csrf)] + step_fields, [("files", "big.bin", b"\0" * (5 * 1024 * 1024 + 1))])
    assert status == 400 and "big.bin is larger than 5 MB" in html, html[:2000]
    assert 'name="attachmentName"' not in html
    # The name loses its path, quotes and angle brackets; what is left is escaped.
    status, html = post([("_csrf", csrf)] + step_fields, [("files", "../<i>x</i> & y.txt", b"fine")])
    assert status == 200, html[:2000]
    assert "<li>i &amp; y.txt</li>" in html and "<i>" not in html, html[:4000]
