"""The admin pages: an admin makes a console user (the generated password shown once, changed at first sign-in), changes
a role and disables a user (their sessions end); makes an access key whose secret is shown once and signs API calls, and
deactivates it (the API then refuses it); other roles get 403."""

from __future__ import annotations

import dataclasses
import re

import botocore.exceptions
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import Select

from browser import ConsoleUser, check_page, wait_for, wait_for_element
from console_flows import Session, ready


@pytest.mark.both_engines
def test_an_admin_manages_users_and_access_keys(server, browser, url, console_user, signed_in, engine):
    admin = console_user("admin")
    driver = browser("en")
    ready(driver, signed_in, admin)

    driver.get(url("/console/admin/users"))
    wait_for_element(driver, "[data-testid=create-user]")
    check_page(driver, f"{engine}/admin-users-en", lang="en")
    name = f"newbie-{admin.user_name[-6:]}"
    driver.find_element(By.ID, "new-user").send_keys(name)
    Select(driver.find_element(By.ID, "new-role")).select_by_value("responder")
    driver.find_element(By.CSS_SELECTOR, "[data-testid=create-user] button[type=submit]").click()
    shown = wait_for_element(driver, "[data-testid=created-password]").text
    password = shown.rsplit(" ", 1)[-1]
    assert re.fullmatch(r"[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}", password), shown
    driver.get(url("/console/admin/users"))
    assert driver.find_elements(By.CSS_SELECTOR, "[data-testid=created-password]") == [], "the password is shown only once"

    # The new user signs in with it, must choose their own, and works as a responder.
    newbie = ConsoleUser(admin.account_id, name, "responder", password)
    session = Session(url(""))
    assert session.sign_in(newbie, password) == "/console/settings"
    token = session.csrf("/console/settings")
    assert session.request("/console/settings/password", {"_csrf": token, "current": password, "new": "my own password 2026"})[0] == 303
    assert session.request("/console/incidents")[0] == 200
    assert session.request("/console/admin/users")[0] == 403

    # The admin makes them an on-call manager, then disables them: their session ends at once.
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "[data-testid=users] tbody tr") if r.find_element(By.TAG_NAME, "td").text == name)
    Select(row.find_element(By.TAG_NAME, "select")).select_by_value("oncall-manager")
    row.find_element(By.CSS_SELECTOR, "button:not([name])").click()
    wait_for(driver, lambda d: "notice=admin.userChanged" in d.current_url, "the role change")
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "[data-testid=users] tbody tr") if r.find_element(By.TAG_NAME, "td").text == name)
    assert row.find_elements(By.TAG_NAME, "td")[1].text == "On-call manager"
    row.find_element(By.CSS_SELECTOR, "button[name=disabled][value=true]").click()
    wait_for(driver, staleness_of(row), "the page after disabling the user")
    wait_for(driver, lambda d: "notice=admin.userChanged" in d.current_url and "Disabled" in d.find_element(By.CSS_SELECTOR, "[data-testid=users]").text,
             "the user to be disabled")
    status, _, headers = session.request("/console/incidents")
    assert status == 303 and headers["Location"].startswith("/console/signin"), "a disabled user's session must end"

    # An access key: the secret once, it signs calls, deactivated it is refused.
    driver.get(url("/console/admin/keys"))
    driver.find_element(By.CSS_SELECTOR, "[data-testid=create-key] button").click()
    secret = wait_for_element(driver, "[data-testid=new-secret]").text
    key_id = driver.find_element(By.CSS_SELECTOR, "[data-testid=new-key] dd code").text
    check_page(driver, f"{engine}/admin-keys-en", lang="en")
    client = server.client("ssm-contacts", access_key_id=key_id, secret_access_key=secret)
    assert client.list_contacts()["Contacts"] is not None
    driver.get(url("/console/admin/keys"))
    assert secret not in driver.page_source, "the secret is shown only once"
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "[data-testid=keys] tbody tr") if key_id in r.text)
    row.find_element(By.CSS_SELECTOR, "button[value=Inactive]").click()
    wait_for(driver, lambda d: "notice=admin.keyChanged" in d.current_url, "the key to be deactivated")
    with pytest.raises(botocore.exceptions.ClientError) as refused:
        client.list_contacts()
    assert refused.value.response["Error"]["Code"] in ("UnrecognizedClientException", "InvalidClientTokenId", "AccessDeniedException")


def test_admin_pages_are_for_admins_only(server, url, console_user):
    for role in ("responder", "oncall-manager"):
        user = console_user(role)
        session = Session(url(""))
        session.sign_in(user, user.password)
        token = session.csrf("/console/settings")
        session.request("/console/settings/password", {"_csrf": token, "current": user.password, "new": "a console password 2026"})
        assert session.request("/console/admin/users")[0] == 403
        assert session.request("/console/admin/keys", {"_csrf": token})[0] == 403
