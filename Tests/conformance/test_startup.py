"""Fail fast: a server that cannot work stops within seconds, with a non-zero exit and one line saying what is wrong
and what to do — instead of retrying forever (an unknown PostgreSQL database was retried at info level)."""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import time
import urllib.parse
from pathlib import Path

import pytest

from harness import clean_env, find_binary


def serve(*args: str, env: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, str, float]:
    started = time.monotonic()
    result = subprocess.run(
        [str(find_binary()), "serve", "--host", "127.0.0.1", *args], capture_output=True, text=True, timeout=timeout,
        env={**clean_env(), **(env or {})}, stdin=subprocess.DEVNULL)
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    return result.returncode, "\n".join(error_lines), time.monotonic() - started


def test_a_data_directory_that_is_a_file(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("")
    code, message, took = serve("--port", "0", "--data-dir", str(path))
    assert code != 0 and took < 5 and "is a file" in message and "--data-dir" in message, message


def test_a_second_server_on_the_same_data_directory_and_a_port_in_use(server_factory) -> None:
    first = server_factory.new()
    if first.database_url is None:
        code, message, took = serve("--port", "0", "--data-dir", str(first.data_dir))
        assert code != 0 and took < 5 and "another hikeshi serve" in message, message
    code, message, took = serve("--port", str(first.port), "--data-dir", str(first.data_dir.parent / "other"),
                                *(["--database-url", first.database_url] if first.database_url else []))
    assert code != 0 and took < 10 and f"port {first.port}" in message and "in use" in message, message
    assert first.get("/health").status == 200, "the first server is untouched"


def test_a_master_key_that_does_not_open_the_stored_secrets(server_factory) -> None:
    server = server_factory.new(bootstrap=False)
    assert server.stop() == 0
    wrong = base64.b64encode(os.urandom(32)).decode()
    code, message, took = serve("--port", "0", *server.storage_args, env={"HIKESHI_MASTER_KEY": wrong})
    assert code != 0 and took < 10 and "master key" in message, message


def postgres_url() -> str | None:
    return os.environ.get("HIKESHI_TEST_POSTGRES_URL") or None


@pytest.mark.skipif(postgres_url() is None, reason="needs HIKESHI_TEST_POSTGRES_URL")
def test_a_postgres_database_that_does_not_exist(tmp_path: Path) -> None:
    parts = urllib.parse.urlsplit(postgres_url())
    url = urllib.parse.urlunsplit(parts._replace(path="/hikeshi_no_such_database"))
    code, message, took = serve("--port", "0", "--data-dir", str(tmp_path), "--database-url", url)
    assert code != 0 and took < 5, (code, took, message)
    assert "no such database" in message and "hikeshi_no_such_database" in message and "createdb" in message, message


def test_a_postgres_that_does_not_answer(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nobody listens here once closed
    code, message, took = serve(
        "--port", "0", "--data-dir", str(tmp_path), "--database-url", f"postgres://hikeshi:x@127.0.0.1:{port}/hikeshi")
    assert code != 0 and took < 20, (code, took, message)
    assert "cannot be reached" in message and f"127.0.0.1:{port}" in message, message


def _accepts_any_password(url: str) -> bool:
    """Whether the cluster lets the user in with a wrong password (trust authentication, as on some dev machines)."""
    from harness import PostgresAdmin

    result = subprocess.run([PostgresAdmin._find_psql(), url, "-X", "-A", "-t", "-c", "SELECT 1"], capture_output=True, text=True,
                            timeout=30, env={**clean_env(), "PGCONNECT_TIMEOUT": "5"})
    return result.returncode == 0


@pytest.mark.skipif(postgres_url() is None, reason="needs HIKESHI_TEST_POSTGRES_URL")
def test_a_postgres_password_that_is_refused(tmp_path: Path) -> None:
    parts = urllib.parse.urlsplit(postgres_url())
    netloc = f"{parts.username}:not-the-password@{parts.hostname}:{parts.port}"
    url = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    if _accepts_any_password(url):
        pytest.skip("this PostgreSQL trusts the host (Scripts/test's cluster asks for passwords: scram-sha-256)")
    code, message, took = serve("--port", "0", "--data-dir", str(tmp_path), "--database-url", url)
    assert code != 0 and took < 5, (code, took, message)
    assert "refused the user" in message and "password" in message, message
    assert "not-the-password" not in message, "the password is never printed"
