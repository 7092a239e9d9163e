"""Console sign-in and sign-out in a real browser, in each console language.

The contract: GET /console/signin answers a page whose <html lang> follows Accept-Language, with a
form of labelled `account`, `username` and `password` inputs, a hidden `_csrf` and a
[data-testid=signin-submit]. A wrong password shows a role=alert and stays on /console/signin; the
right one lands under /console/ with [data-testid=signed-in-user] naming the user; submitting
form[action="/console/signout"] signs out (back to /console/signin, and /console/incidents then
redirects there). Every page: no JS errors, axe clean (serious/critical), a screenshot per language.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from browser import SIGNIN_PATH, check_page, fill_signin, path_of, wait_for, wait_for_element, wait_for_path

# Accept-Language sent -> the <html lang> the console must answer with.
LANGUAGES = [("en", "en"), ("ja", "ja"), ("ko", "ko"), ("zh", "zh-Hans")]
ROLE = "responder"

pytestmark = [pytest.mark.both_engines, pytest.mark.parametrize(("lang", "html_lang"), LANGUAGES, ids=[tag for tag, _ in LANGUAGES])]


def field_report(driver: WebDriver, name: str) -> dict | None:
    """Facts about input[name=NAME] in the form of [data-testid=signin-submit] (other forms on
    the page, such as the language menu, have their own _csrf): its type, value, <label> texts."""
    return driver.execute_script(
        """
        const submit = document.querySelector('[data-testid=signin-submit]');
        const form = submit && (submit.form || submit.closest('form'));
        const input = form && Array.from(form.elements).find(e => e.tagName === 'INPUT' && e.name === arguments[0]);
        if (!input) return null;
        return {
            type: input.type,
            value: input.value,
            labels: Array.from(input.labels || []).map(l => l.textContent.trim()),
            formMethod: form.method,
        };
        """,
        name,
    )


def signed_in_user_text(driver: WebDriver) -> str:
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "[data-testid=signed-in-user]"))


def test_signin_page(browser, url, engine, lang, html_lang):
    driver = browser(lang)
    driver.get(url(SIGNIN_PATH))
    assert path_of(driver) == SIGNIN_PATH, f"GET {SIGNIN_PATH} ended at {driver.current_url}"
    wait_for_element(driver, "[data-testid=signin-submit]")
    check_page(driver, f"{engine}/signin-{lang}", lang=html_lang)

    for name in ("account", "username", "password"):
        facts = field_report(driver, name)
        assert facts is not None, f"no input[name={name}] in the form of [data-testid=signin-submit]"
        assert facts["type"] != "hidden", f"input[name={name}] is hidden"
        assert any(facts["labels"]), f"input[name={name}] has no <label> with text: {facts}"
        assert facts["formMethod"] == "post", f"the sign-in form must POST (a GET would put the password in the URL): {facts}"
    assert field_report(driver, "password")["type"] == "password"

    csrf = field_report(driver, "_csrf")
    assert csrf is not None, "no input[name=_csrf] in the form of [data-testid=signin-submit]"
    assert csrf["type"] == "hidden" and csrf["value"], f"_csrf must be a hidden input with a value: {csrf}"


def test_wrong_password_shows_an_alert(browser, url, console_user, engine, lang, html_lang):
    user = console_user(ROLE)
    driver = browser(lang)
    driver.get(url(SIGNIN_PATH))
    assert path_of(driver) == SIGNIN_PATH, f"GET {SIGNIN_PATH} ended at {driver.current_url}"
    fill_signin(driver, user.account_id, user.user_name, user.password + "-wrong")
    alert = wait_for_element(driver, "[role=alert]")
    assert alert.text.strip(), "the role=alert element is empty"
    assert path_of(driver) == SIGNIN_PATH, f"a wrong password left {SIGNIN_PATH} for {driver.current_url}"
    assert not signed_in_user_text(driver), "a wrong password shows a signed-in user"
    # The page may answer the failed POST with a 4xx status; that is not a script error.
    check_page(driver, f"{engine}/signin-error-{lang}", lang=html_lang, allow_document_status=True)

    # Still signed out: a console page sends the browser back to sign-in.
    driver.get(url("/console/incidents"))
    assert path_of(driver) == SIGNIN_PATH, f"after a failed sign-in /console/incidents ended at {driver.current_url}"


def test_signin_and_signout(browser, url, console_user, signed_in, engine, lang, html_lang):
    user = console_user(ROLE)
    driver = browser(lang)
    signed_in(driver, user)
    assert path_of(driver).startswith("/console/"), f"sign-in landed outside the console: {driver.current_url}"
    wait_for(
        driver,
        lambda d: user.user_name in signed_in_user_text(d),
        f"[data-testid=signed-in-user] to contain {user.user_name!r}",
    )
    check_page(driver, f"{engine}/signed-in-{lang}", lang=html_lang)

    forms = driver.find_elements(By.CSS_SELECTOR, 'form[action="/console/signout"]')
    assert forms, 'no form[action="/console/signout"] on the signed-in page'
    form = forms[0]
    assert (form.get_attribute("method") or "").lower() == "post", "sign-out must be a POST form (CSRF-protected)"
    buttons = [
        b
        for b in form.find_elements(By.CSS_SELECTOR, 'button:not([type]), button[type=submit], input[type=submit]')
        if b.is_displayed()
    ]
    if buttons:
        buttons[0].click()
    else:  # e.g. inside a closed menu: submit it as the button would (submit event, validation)
        driver.execute_script("arguments[0].requestSubmit()", form)
    wait_for_path(driver, SIGNIN_PATH)
    wait_for_element(driver, "[data-testid=signin-submit]")
    assert not signed_in_user_text(driver), "the sign-in page after sign-out still shows a signed-in user"
    check_page(driver, f"{engine}/signed-out-{lang}", lang=html_lang)

    driver.get(url("/console/incidents"))
    assert path_of(driver) == SIGNIN_PATH, f"after sign-out /console/incidents ended at {driver.current_url}"
    check_page(driver, f"{engine}/signed-out-redirect-{lang}", lang=html_lang)
