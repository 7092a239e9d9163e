"""Shared machinery for the conformance suite: starting the real `hikeshi`
binary, making boto3 clients / aws CLI calls / raw signed requests against it,
and running `hikeshi admin ...`.

Nothing here knows about pytest fixtures; conftest.py wires it up.
"""

from __future__ import annotations

import configparser
import contextlib
import datetime
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import boto3
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

SERVICE = "ssm-contacts"
TARGET_PREFIX = "SSMContacts"
JSON_CONTENT_TYPE = "application/x-amz-json-1.1"
DEFAULT_REGION = "us-east-1"
DEFAULT_ACCOUNT_ID = "111111111111"
HEALTH_TIMEOUT = 20.0
STOP_TIMEOUT = 15.0
REPO_ROOT = Path(__file__).resolve().parents[2]
# Hikeshi's own API model (the `hikeshi` service for boto3 and the aws CLI).
MODELS_DIR = REPO_ROOT / "Models"
os.environ["AWS_DATA_PATH"] = str(MODELS_DIR)


# ---------------------------------------------------------------------------
# Small utilities
# ---------------------------------------------------------------------------


def unique(prefix: str = "c") -> str:
    """A unique, valid contact alias (``^[a-z0-9_\\-]*$``)."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate: Any, timeout: float = 10.0, interval: float = 0.05, message: str = "condition") -> Any:
    """Polls `predicate()` until it returns something truthy (returned) or
    `timeout` seconds pass (AssertionError naming `message`, or calling it
    when it is callable, for a useful failure text)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            text = message() if callable(message) else message
            raise AssertionError(f"timed out after {timeout}s waiting for {text}")
        time.sleep(interval)


def random_account_id() -> str:
    # Never starts with 0 so nothing can mistake it for a shorter number.
    return str(secrets.randbelow(9 * 10**11) + 10**11)


def clean_env() -> dict[str, str]:
    """The current environment minus anything that could leak Hikeshi or AWS
    configuration from the developer's shell into the processes we start."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HIKESHI_", "AWS_"))}
    env["AWS_DATA_PATH"] = str(MODELS_DIR)
    return env


def contact_arn(alias: str, account: str = DEFAULT_ACCOUNT_ID, region: str = DEFAULT_REGION) -> str:
    return f"arn:aws:ssm-contacts:{region}:{account}:contact/{alias}"


CHANNEL_ARN_RE = re.compile(
    r"^arn:aws:ssm-contacts:(?P<region>[a-z0-9-]+):(?P<account>[0-9]{12}):contact-channel/"
    r"(?P<alias>[a-z0-9_\-]+)/(?P<uuid>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"
)


def find_binary() -> Path:
    """HIKESHI_BIN, else the debug build under .build (no `swift` call: it
    could wait on the build lock while someone else is building)."""
    explicit = os.environ.get("HIKESHI_BIN")
    if explicit:
        return Path(explicit)
    for candidate in (REPO_ROOT / ".build" / "debug" / "hikeshi", REPO_ROOT / ".build" / "release" / "hikeshi"):
        if candidate.exists():
            return candidate
    return REPO_ROOT / ".build" / "debug" / "hikeshi"


def aws_cli_command() -> list[str]:
    exe = shutil.which("aws")
    if exe:
        return [exe]
    return [sys.executable, "-m", "awscli"]


# ---------------------------------------------------------------------------
# Accounts and PostgreSQL databases
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Account:
    account_id: str
    access_key_id: str
    secret_access_key: str


class PostgresAdmin:
    """Creates/drops throwaway databases with the `psql` CLI, connecting
    through the URL in HIKESHI_TEST_POSTGRES_URL (its user needs CREATEDB)."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.psql = shutil.which("psql") or self._find_psql()

    @staticmethod
    def _find_psql() -> str:
        root = Path("/usr/lib/postgresql")
        if root.is_dir():
            for version in sorted(root.iterdir(), reverse=True):
                candidate = version / "bin" / "psql"
                if candidate.exists():
                    return str(candidate)
        raise RuntimeError("psql not found (install the postgresql package)")

    def _run(self, *statements: str) -> None:
        cmd = [self.psql, self.base_url, "-v", "ON_ERROR_STOP=1", "-q", "-X"]
        for statement in statements:
            cmd += ["-c", statement]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=clean_env())
        if result.returncode != 0:
            raise RuntimeError(f"psql failed ({result.returncode}): {result.stderr.strip()}")

    def url_for(self, database: str) -> str:
        parts = urllib.parse.urlsplit(self.base_url)
        return urllib.parse.urlunsplit(parts._replace(path="/" + database))

    def create_database(self) -> tuple[str, str]:
        name = f"hikeshi_conf_{uuid.uuid4().hex[:12]}"
        self._run(f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
        return name, self.url_for(name)

    def drop_database(self, name: str) -> None:
        with contextlib.suppress(Exception):
            self._run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# ---------------------------------------------------------------------------
# The server process
# ---------------------------------------------------------------------------


class ServerError(AssertionError):
    pass


class HikeshiServer:
    """One `hikeshi serve` process plus everything needed to talk to it.

    `storage_args` are the flags that select the storage (`--data-dir DIR`,
    optionally `--database-url URL`); they are shared with `hikeshi admin`.
    """

    def __init__(
        self,
        binary: Path,
        engine: str,
        data_dir: Path,
        database_url: str | None = None,
        bootstrap: Account | None = None,
        port: int | None = None,
        env: dict[str, str] | None = None,
        serve_args: list[str] | None = None,
    ):
        """`env` is added to the process environment (e.g. HIKESHI_SMTP_URL);
        `serve_args` are extra `hikeshi serve` flags (e.g. --time-scale 60)."""
        self.binary = Path(binary)
        self.engine = engine
        self.data_dir = Path(data_dir)
        self.database_url = database_url
        self.bootstrap = bootstrap
        self.port = port or free_port()
        self.env: dict[str, str] = dict(env or {})
        self.serve_args: list[str] = list(serve_args or [])
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = self.data_dir.parent / f"{self.data_dir.name}-server.log"
        self._log_file: Any = None
        self.accounts: dict[str, Account] = {}
        if bootstrap is not None:
            self.accounts[bootstrap.account_id] = bootstrap
        self.default_account: Account | None = bootstrap

    # -- properties ---------------------------------------------------------

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def storage_args(self) -> list[str]:
        args = ["--data-dir", str(self.data_dir)]
        if self.database_url:
            args += ["--database-url", self.database_url]
        return args

    @property
    def creds(self) -> Account:
        if self.default_account is None:
            raise ServerError("server has no default account (not bootstrapped from env)")
        return self.default_account

    # -- lifecycle ----------------------------------------------------------

    def start(self) -> "HikeshiServer":
        if not self.binary.exists():
            raise ServerError(f"hikeshi binary not found at {self.binary} (set HIKESHI_BIN or run swift build)")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = clean_env()
        if self.bootstrap is not None:
            env["HIKESHI_ACCOUNT_ID"] = self.bootstrap.account_id
            env["HIKESHI_ACCESS_KEY_ID"] = self.bootstrap.access_key_id
            env["HIKESHI_SECRET_ACCESS_KEY"] = self.bootstrap.secret_access_key
        env.update(self.env)
        cmd = [
            str(self.binary), "serve", "--host", "127.0.0.1", "--port", str(self.port), *self.storage_args, *self.serve_args
        ]
        self._log_file = open(self.log_path, "ab")
        self._log_file.write(f"\n==== start {' '.join(cmd)}\n".encode())
        self._log_file.flush()
        self.proc = subprocess.Popen(
            cmd, stdout=self._log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env
        )
        self.wait_healthy()
        return self

    def wait_healthy(self, timeout: float = HEALTH_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        last_error = "no attempt"
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise ServerError(f"hikeshi exited with {self.proc.returncode} before becoming healthy\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.endpoint + "/health", timeout=2) as response:
                    if response.status == 200:
                        return
                    last_error = f"HTTP {response.status}"
            except urllib.error.HTTPError as e:
                last_error = f"HTTP {e.code}"
            except Exception as e:  # connection refused while starting
                last_error = repr(e)
            time.sleep(0.1)
        self.kill()
        raise ServerError(f"/health did not answer 200 within {timeout}s (last: {last_error})\n{self.log_tail()}")

    def stop(self, timeout: float = STOP_TIMEOUT) -> int:
        """SIGTERM and wait; returns the exit code (kills with SIGKILL on timeout)."""
        if self.proc is None:
            return 0
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                self._close_log()
                raise ServerError(f"hikeshi did not stop within {timeout}s of SIGTERM\n{self.log_tail()}")
        code = self.proc.returncode
        self._close_log()
        return code

    def kill(self) -> None:
        """SIGKILL (crash simulation)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self._close_log()

    def restart(self) -> "HikeshiServer":
        """Start again on the same storage and port."""
        self.proc = None
        return self.start()

    def _close_log(self) -> None:
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def log_tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        tail = "\n".join(text.splitlines()[-lines:])
        return f"---- server log tail ({self.log_path}) ----\n{tail}"

    # -- accounts -----------------------------------------------------------

    def resolve(self, account: Account | str | None) -> Account:
        if account is None:
            return self.creds
        if isinstance(account, Account):
            return account
        if account in self.accounts:
            return self.accounts[account]
        raise KeyError(f"no known access key for account {account}")

    def admin(self, *args: str, check: bool = True, timeout: float = 60, env: dict[str, str] | None = None) -> Any:
        """Runs `hikeshi admin ARGS --data-dir ... [--database-url ...]`; returns
        parsed JSON stdout (or the raw text when it is not JSON). `env` is
        added to the (clean) environment, e.g. HIKESHI_PUBLIC_URL."""
        cmd = [str(self.binary), "admin", *args, *self.storage_args]
        result = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, env={**clean_env(), **(env or {})}, stdin=subprocess.DEVNULL
        )
        if check and result.returncode != 0:
            raise ServerError(
                f"`{' '.join(cmd)}` exited {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
            )
        out = result.stdout.strip()
        if not check:
            return result
        try:
            return json.loads(out) if out else None
        except json.JSONDecodeError:
            return out

    def create_account(self, name: str | None = None) -> Account:
        account_id = random_account_id()
        self.admin("create-account", "--account-id", account_id, "--name", name or f"acct-{account_id}")
        key = self.admin("create-access-key", "--account-id", account_id)
        assert isinstance(key, dict), f"create-access-key did not print JSON: {key!r}"
        assert key.get("AccountId") == account_id, key
        account = Account(account_id, key["AccessKeyId"], key["SecretAccessKey"])
        self.accounts[account_id] = account
        return account

    def activation_code(self, channel_arn: str, account: Account | str | None = None) -> str:
        acct = self.resolve(account)
        out = self.admin("show-activation-code", "--account-id", acct.account_id, "--channel-arn", channel_arn)
        assert isinstance(out, dict) and "ActivationCode" in out, f"unexpected show-activation-code output: {out!r}"
        return out["ActivationCode"]

    # -- clients ------------------------------------------------------------

    def client(
        self,
        service: str = SERVICE,
        account: Account | str | None = None,
        region: str = DEFAULT_REGION,
        *,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        parameter_validation: bool = True,
    ) -> Any:
        acct = None if (access_key_id and secret_access_key) else self.resolve(account)
        return boto3.session.Session().client(
            service,
            endpoint_url=self.endpoint,
            region_name=region,
            aws_access_key_id=access_key_id or acct.access_key_id,
            aws_secret_access_key=secret_access_key or acct.secret_access_key,
            config=Config(
                retries={"max_attempts": 1},
                parameter_validation=parameter_validation,
                connect_timeout=5,
                read_timeout=30,
            ),
        )

    def aws(self, *args: str, account: Account | str | None = None, region: str = DEFAULT_REGION, check: bool = True) -> Any:
        """Runs the aws CLI against the server; returns parsed JSON output
        ({} for empty output) or, with check=False, the CompletedProcess."""
        acct = self.resolve(account)
        env = clean_env()
        scratch = self.data_dir.parent
        env.update(
            AWS_ACCESS_KEY_ID=acct.access_key_id,
            AWS_SECRET_ACCESS_KEY=acct.secret_access_key,
            AWS_DEFAULT_REGION=region,
            AWS_CONFIG_FILE=str(scratch / "no-aws-config"),
            AWS_SHARED_CREDENTIALS_FILE=str(scratch / "no-aws-credentials"),
            AWS_EC2_METADATA_DISABLED="true",
            AWS_MAX_ATTEMPTS="1",
            AWS_RETRY_MODE="standard",
            AWS_PAGER="",
        )
        cmd = [*aws_cli_command(), "--endpoint-url", self.endpoint, "--output", "json", *args]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)
        if not check:
            return result
        if result.returncode != 0:
            raise ServerError(f"`aws {' '.join(args)}` exited {result.returncode}\nstderr: {result.stderr}")
        return json.loads(result.stdout) if result.stdout.strip() else {}

    def raw(
        self,
        operation: str | None,
        body: bytes | str | dict | None = None,
        *,
        account: Account | str | None = None,
        region: str = DEFAULT_REGION,
        sign: bool = True,
        target: str | None = None,
        headers: dict[str, str] | None = None,
        secret_override: str | None = None,
        timestamp: datetime.datetime | None = None,
        mutate: Any = None,
        signing_service: str = SERVICE,
    ) -> "RawResponse":
        """Sends one JSON 1.1 request, signed with SigV4 unless sign=False.

        `body` may be a dict (JSON-encoded), str or bytes (sent verbatim).
        `timestamp` signs as of that instant. `mutate(request)` may change the
        request after signing (to break the signature). With neither
        `operation` nor `target` no X-Amz-Target header is sent."""
        if isinstance(body, dict):
            data = json.dumps(body).encode()
        elif isinstance(body, str):
            data = body.encode()
        else:
            data = body or b"{}"
        hdrs = {"Content-Type": JSON_CONTENT_TYPE}
        if target is not None:
            hdrs["X-Amz-Target"] = target
        elif operation is not None:
            hdrs["X-Amz-Target"] = f"{TARGET_PREFIX}.{operation}"
        hdrs.update(headers or {})
        request = AWSRequest(method="POST", url=self.endpoint + "/", data=data, headers=hdrs)
        if sign:
            acct = self.resolve(account)
            credentials = Credentials(acct.access_key_id, secret_override or acct.secret_access_key)
            with signing_time(timestamp):
                botocore.auth.SigV4Auth(credentials, signing_service, region).add_auth(request)
        if mutate is not None:
            mutate(request)
        prepared = request.prepare()
        http_request = urllib.request.Request(
            prepared.url, data=prepared.body, headers=dict(prepared.headers.items()), method="POST"
        )
        try:
            with urllib.request.urlopen(http_request, timeout=30) as response:
                return RawResponse(response.status, dict(response.headers.items()), response.read())
        except urllib.error.HTTPError as e:
            return RawResponse(e.code, dict(e.headers.items()), e.read())

    def get(self, path: str) -> "RawResponse":
        try:
            with urllib.request.urlopen(self.endpoint + path, timeout=10) as response:
                return RawResponse(response.status, dict(response.headers.items()), response.read())
        except urllib.error.HTTPError as e:
            return RawResponse(e.code, dict(e.headers.items()), e.read())


@contextlib.contextmanager
def signing_time(timestamp: datetime.datetime | None) -> Iterator[None]:
    """Makes botocore's SigV4 signer believe it is `timestamp` (UTC)."""
    if timestamp is None:
        yield
        return
    if timestamp.tzinfo is not None:
        timestamp = timestamp.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    original = botocore.auth.get_current_datetime
    botocore.auth.get_current_datetime = lambda *a, **k: timestamp
    try:
        yield
    finally:
        botocore.auth.get_current_datetime = original


@dataclass
class RawResponse:
    status: int
    headers: dict[str, str]
    body: bytes
    _json: Any = field(default=None, repr=False)

    @property
    def json(self) -> Any:
        if self._json is None:
            self._json = json.loads(self.body) if self.body.strip() else {}
        return self._json

    def header(self, name: str) -> str | None:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return None

    @property
    def error_code(self) -> str | None:
        """The AWS error code as botocore would read it (body `__type`, header fallback)."""
        code = None
        with contextlib.suppress(Exception):
            code = self.json.get("__type")
        code = code or self.header("x-amzn-errortype")
        if code:
            code = code.split(":")[0].split("#")[-1]
        return code

    @property
    def error_message(self) -> str:
        with contextlib.suppress(Exception):
            body = self.json
            return body.get("message") or body.get("Message") or ""
        return ""


# ---------------------------------------------------------------------------
# Server factory
# ---------------------------------------------------------------------------


class ServerFactory:
    """Starts servers on fresh storage (temp dir, and a fresh database for
    postgres) and cleans everything up afterwards."""

    def __init__(self, binary: Path, engine: str, postgres_url: str | None, root: Path | None = None):
        self.binary = binary
        self.engine = engine
        self.postgres = PostgresAdmin(postgres_url) if engine == "postgres" else None
        self.root = Path(root or tempfile.mkdtemp(prefix="hikeshi-conformance-"))
        self.servers: list[HikeshiServer] = []
        self.databases: list[str] = []

    def new(
        self,
        *,
        bootstrap: Account | None | bool = True,
        start: bool = True,
        env: dict[str, str] | None = None,
        serve_args: list[str] | None = None,
    ) -> HikeshiServer:
        """A server on fresh storage; bootstrap=True uses account 111111111111
        with a random key, an Account uses that, False/None starts without env creds.
        `env` and `serve_args` go to the `hikeshi serve` process (see HikeshiServer)."""
        if bootstrap is True:
            bootstrap = Account(DEFAULT_ACCOUNT_ID, "AKIA" + secrets.token_hex(8).upper(), secrets.token_urlsafe(30))
        elif bootstrap is False:
            bootstrap = None
        data_dir = Path(tempfile.mkdtemp(prefix="data-", dir=self.root))
        database_url = None
        if self.postgres is not None:
            name, database_url = self.postgres.create_database()
            self.databases.append(name)
        server = HikeshiServer(self.binary, self.engine, data_dir, database_url, bootstrap, env=env, serve_args=serve_args)
        self.servers.append(server)
        if start:
            server.start()
        return server

    def close(self) -> list[str]:
        """Stops every server still running; returns problems found."""
        problems = []
        for server in self.servers:
            if server.proc is not None and server.proc.poll() is None:
                try:
                    code = server.stop()
                    if code != 0:
                        problems.append(f"server on port {server.port} exited {code} on SIGTERM\n{server.log_tail()}")
                except ServerError as e:
                    problems.append(str(e))
        if self.postgres is not None:
            for name in self.databases:
                self.postgres.drop_database(name)
        if not os.environ.get("HIKESHI_KEEP_TEST_DIRS"):
            shutil.rmtree(self.root, ignore_errors=True)
        return problems


def module_factory(binary: str | Path, engine: str) -> Iterator[ServerFactory]:
    """A module fixture's body: a ServerFactory on the engine under test, closed afterwards; a server that did not
    stop cleanly fails the module (`yield from module_factory(hikeshi_bin, engine)`)."""
    made = ServerFactory(Path(binary), engine, os.environ.get("HIKESHI_TEST_POSTGRES_URL"))
    try:
        yield made
    finally:
        problems = made.close()
        assert not problems, "\n\n".join(problems)


def read_credentials_file(path: Path) -> tuple[Account | None, str]:
    """Parses DIR/credentials (AWS shared-credentials INI). The account id
    may be a key (any key containing 'account') or a comment containing a
    12-digit number."""
    text = path.read_text()
    parser = configparser.ConfigParser()
    parser.read_string(text)
    if "default" not in parser:
        return None, text
    section = parser["default"]
    account_id = None
    for key, value in section.items():
        if "account" in key.lower() and re.fullmatch(r"\d{12}", value.strip()):
            account_id = value.strip()
    if account_id is None:
        match = re.search(r"\b(\d{12})\b", text)
        if match:
            account_id = match.group(1)
    key_id = section.get("aws_access_key_id")
    secret = section.get("aws_secret_access_key")
    if not key_id or not secret:
        return None, text
    return Account(account_id or "", key_id.strip(), secret.strip()), text


# ---------------------------------------------------------------------------
# Error assertions
# ---------------------------------------------------------------------------


@contextlib.contextmanager
def aws_error(code: str | tuple[str, ...], status: int | str | None = 400, mentions: tuple[str, ...] | str = ()) -> Iterator[Any]:
    """Asserts the block raises botocore ClientError with Error.Code `code`
    (or one of a tuple), HTTP `status` (an int, '4xx', or None to skip), and a
    message that names every string in `mentions`."""
    import pytest
    from botocore.exceptions import ClientError

    with pytest.raises(ClientError) as info:
        yield info
    error = info.value.response.get("Error", {})
    meta = info.value.response.get("ResponseMetadata", {})
    codes = (code,) if isinstance(code, str) else code
    assert error.get("Code") in codes, f"expected {codes}, got {error.get('Code')!r}: {info.value.response}"
    actual_status = meta.get("HTTPStatusCode")
    if status == "4xx":
        assert actual_status is not None and 400 <= actual_status < 500, f"expected 4xx, got {actual_status}"
    elif status is not None:
        assert actual_status == status, f"expected HTTP {status}, got {actual_status}: {info.value.response}"
    message = error.get("Message") or ""
    for needle in (mentions,) if isinstance(mentions, str) else mentions:
        assert needle in message, f"error message should mention {needle!r}: {message!r}"


def assert_raw_error(response: RawResponse, code: str, status: int = 400, mentions: tuple[str, ...] = ()) -> None:
    assert response.status == status, f"expected HTTP {status}, got {response.status}: {response.body[:500]!r}"
    assert response.error_code == code, f"expected {code}, got {response.error_code!r}: {response.body[:500]!r}"
    for needle in mentions:
        assert needle in response.error_message, f"message should mention {needle!r}: {response.error_message!r}"
