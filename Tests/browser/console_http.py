"""A console session over plain HTTP, without a browser: for the checks a browser would never let through (a form
without its CSRF token, or from another origin) and for the benchmark. Needs only the standard library."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Protocol


class User(Protocol):
    account_id: str
    user_name: str
    password: str


class Session:
    """A console session driven over plain HTTP (no browser): for the checks a browser would never let through, such as
    a form without its CSRF token or from another origin."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, path: str, form: dict[str, str] | None = None, origin: str | None = "same") -> tuple[int, str, dict[str, str]]:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        req = urllib.request.Request(self.base + path, data=data, method="POST" if form is not None else "GET")
        if form is not None and origin is not None:
            req.add_header("Origin", self.base if origin == "same" else origin)
        try:
            with self.opener.open(req, timeout=30) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), dict(error.headers)

    def csrf(self, path: str) -> str:
        status, body, _ = self.request(path)
        assert status == 200, (path, status)
        match = re.search(r'name="_csrf" value="([^"]+)"', body)
        assert match, f"no _csrf on {path}"
        return match.group(1)

    def sign_in(self, user: User, password: str) -> str:
        """Signs in; returns where the console sends the browser next (/console/settings while a generated password
        must still be changed)."""
        token = self.csrf("/console/signin")
        status, _, headers = self.request(
            "/console/signin", {"_csrf": token, "account": user.account_id, "username": user.user_name, "password": password})
        assert status == 303, status
        return headers.get("Location", "")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None
