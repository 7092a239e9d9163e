"""Console sessions are rows in the database: one survives `kill -9` and a restart, works on a second node sharing the
PostgreSQL database, and ends everywhere at sign-out; repeated failed sign-ins lock the user name."""

from __future__ import annotations

import os
import shutil
import uuid
from typing import Any, Iterator

import pytest

from console_http import Session
from harness import HikeshiServer, ServerFactory

PASSWORD = "a console password 2026"


@pytest.fixture
def factory(hikeshi_bin: str, engine: str) -> Iterator[ServerFactory]:
    made = ServerFactory(hikeshi_bin, engine, os.environ.get("HIKESHI_TEST_POSTGRES_URL"))
    yield made
    problems = made.close()
    assert not problems, "\n\n".join(problems)


class User:
    def __init__(self, account_id: str, user_name: str, password: str) -> None:
        self.account_id, self.user_name, self.password = account_id, user_name, password


def make_user(server: HikeshiServer, role: str = "responder") -> User:
    out = server.admin("create-user", "--account-id", server.creds.account_id, "--user-name", "u-" + uuid.uuid4().hex[:8], "--role", role)
    user = User(out["AccountId"], out["UserName"], out["Password"])
    session = Session(server.endpoint)
    session.sign_in(user, user.password)
    token = session.csrf("/console/settings")
    assert session.request("/console/settings/password", {"_csrf": token, "current": user.password, "new": PASSWORD})[0] == 303
    user.password = PASSWORD
    return user


@pytest.mark.both_engines
def test_a_session_survives_kill_9_and_restart_and_ends_at_sign_out(factory: Any) -> None:
    server = factory.new()
    user = make_user(server)
    session = Session(server.endpoint)
    session.sign_in(user, PASSWORD)
    assert session.request("/console/incidents")[0] == 200
    server.kill()
    server.restart()
    assert session.request("/console/incidents")[0] == 200, "the session must survive a crash and restart"
    token = session.csrf("/console/settings")
    assert session.request("/console/signout", {"_csrf": token})[0] == 303
    status, _, headers = session.request("/console/incidents")
    assert status == 303 and headers["Location"].startswith("/console/signin")


@pytest.mark.both_engines
def test_a_session_works_on_every_node_of_one_postgresql(factory: Any, engine: str) -> None:
    if engine != "postgres":
        pytest.skip("several nodes share one PostgreSQL database; SQLite is one node")
    first = factory.new()
    data_dir = first.data_dir.parent / ("node2-" + uuid.uuid4().hex[:6])
    data_dir.mkdir()
    shutil.copy2(first.data_dir / "master.key", data_dir / "master.key")
    second = HikeshiServer(first.binary, engine, data_dir, first.database_url, first.bootstrap)
    factory.servers.append(second)
    second.start()
    user = make_user(first)
    session = Session(first.endpoint)
    session.sign_in(user, PASSWORD)
    on_second = Session(second.endpoint)
    on_second.jar = session.jar
    on_second.opener = session.opener
    on_second.base = second.endpoint
    assert on_second.request("/console/incidents")[0] == 200, "the other node must know the session"
    token = on_second.csrf("/console/settings")
    assert on_second.request("/console/signout", {"_csrf": token})[0] == 303
    session.base = first.endpoint
    status, _, _ = session.request("/console/incidents")
    assert status == 303, "signing out on one node ends the session on all"


@pytest.mark.both_engines
def test_five_failed_sign_ins_lock_the_user_name(factory: Any) -> None:
    server = factory.new()
    user = make_user(server)
    guesser = Session(server.endpoint)
    for _ in range(5):
        token = guesser.csrf("/console/signin")
        status, body, _ = guesser.request(
            "/console/signin", {"_csrf": token, "account": user.account_id, "username": user.user_name, "password": "wrong password"})
        assert status == 401 and 'role="alert"' in body
    token = guesser.csrf("/console/signin")
    status, _, _ = guesser.request(
        "/console/signin", {"_csrf": token, "account": user.account_id, "username": user.user_name, "password": PASSWORD})
    assert status == 429, "even the right password is refused while locked"
    # Without the sign-in form's own token, or from another site, nothing is even checked.
    other = Session(server.endpoint)
    assert other.request("/console/signin", {"account": user.account_id, "username": user.user_name, "password": PASSWORD})[0] == 403
    other.csrf("/console/signin")
    cookie = next(c.value for c in other.jar if c.name == "hikeshi_signin")
    assert other.request("/console/signin", {"_csrf": cookie, "account": "1", "username": "x", "password": "y"}, origin="https://evil.example")[0] == 403
