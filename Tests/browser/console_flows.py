"""Steps shared by the console's browser flows: signing in as a fresh user, choosing a password when the generated one
must be changed."""

from __future__ import annotations

from typing import Callable

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from browser import ConsoleUser, path_of, wait_for
from console_http import Session

__all__ = ["NEW_PASSWORD", "Session", "ready"]

NEW_PASSWORD = "a console password 2026"


def ready(driver: WebDriver, signed_in: Callable[[WebDriver, ConsoleUser], None], user: ConsoleUser) -> str:
    """Signs in; when the console asks for a new password (a generated one), chooses NEW_PASSWORD. Returns the password
    now in force."""
    signed_in(driver, user)
    if path_of(driver) != "/console/settings":
        return user.password
    driver.find_element(By.ID, "current").send_keys(user.password)
    new = driver.find_element(By.ID, "new")
    new.send_keys(NEW_PASSWORD)
    new.find_element(By.XPATH, "./ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, lambda d: "notice=common.passwordChanged" in d.current_url, "the password change to be confirmed")
    return NEW_PASSWORD
