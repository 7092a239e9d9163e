"""A model-driven fuzzer for the running server (used by test_fuzz.py).

For every operation of every service Hikeshi serves it makes signed requests from the operation's input shape:
values that fit, boundary values, wrong types, missing required members, unknown ids and another account's ids;
plus protocol junk and garbage for the routes that need no signature. Each request is a plain dict that can be
printed and replayed (`replay`).
"""

from __future__ import annotations

import http.client
import json
import random
import string
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

import botocore.auth
import botocore.session
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape

SERVICES = ("ssm-contacts", "ssm-incidents", "support", "ssm", "hikeshi")

WEIRD_STRINGS = [
    "", " ", "\u0000", "a\u0000b", "é" * 3, "東京", "\U0001F525", "\ud7ff", "x" * 2049, "x" * 70000, "../../etc/passwd",
    "%00", "%zz", "<script>alert(1)</script>", "' OR '1'='1", "arn:aws:ssm-contacts:us-east-1:999999999999:contact/x",
    "arn:aws:ssm-incidents::999999999999:incident-record/p/00000000-0000-0000-0000-000000000000", "\\", "\"", "\n\r\t",
    "1e309", "NaN", "-0", "null", "{}", "[]",
]
WEIRD_NUMBERS = [0, -1, 1, 2**31, -(2**31) - 1, 2**63, -(2**63) - 1, 1e300, -1e300, 0.5, 10**30]


@dataclass
class Request:
    """One request to send: everything needed to print and replay it."""

    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    sign: tuple[str, str] | None = None  # (service, region) to sign for
    note: str = ""

    def describe(self) -> str:
        return f"{self.method} {self.path} {self.headers} body[{len(self.body)}]={self.body[:400]!r} sign={self.sign} ({self.note})"


class Fuzzer:
    """Makes requests for `endpoint` with `account` (and ids of `other_ids` belonging to another account)."""

    def __init__(self, seed: int, other_ids: list[str]) -> None:
        self.random = random.Random(seed)
        self.session = botocore.session.get_session()
        self.models = {name: self.session.get_service_model(name) for name in SERVICES}
        self.other_ids = other_ids

    # -- values ---------------------------------------------------------------

    def value(self, shape: Shape, depth: int = 0) -> Any:
        r = self.random
        roll = r.random()
        if roll < 0.08:  # the wrong type
            return r.choice([None, 7, "text", [], {}, True, 1.5, ["x"], {"k": "v"}])
        if isinstance(shape, StructureShape):
            if depth > 4:
                return {}
            members = list(shape.members.items())
            chosen = {n: self.value(s, depth + 1) for n, s in members if n in shape.required_members and r.random() < 0.9}
            for name, member in members:
                if r.random() < 0.4:
                    chosen[name] = self.value(member, depth + 1)
            if r.random() < 0.1:
                chosen["UnknownMember" + str(r.randint(0, 9))] = "x"
            return chosen
        if isinstance(shape, ListShape):
            size = r.choice([0, 1, 2, 3, shape.metadata.get("max", 5) + 1 if depth < 2 else 1])
            return [self.value(shape.member, depth + 1) for _ in range(min(size, 60))]
        if isinstance(shape, MapShape):
            return {str(self.value(shape.key, depth + 1)): self.value(shape.value, depth + 1) for _ in range(r.randint(0, 3))}
        kind = shape.type_name
        if kind == "string":
            if shape.enum and r.random() < 0.6:
                return r.choice(shape.enum)
            if self.other_ids and r.random() < 0.15:
                return r.choice(self.other_ids)
            if r.random() < 0.5:
                return r.choice(WEIRD_STRINGS)
            low, high = shape.metadata.get("min", 0), min(shape.metadata.get("max", 40), 300)
            length = r.choice([low, max(low - 1, 0), high, high + 1, r.randint(low, max(low, high))])
            return "".join(r.choice(string.ascii_letters + string.digits + "-_/:. ") for _ in range(length))
        if kind in ("integer", "long", "float", "double"):
            if r.random() < 0.5:
                return r.choice(WEIRD_NUMBERS)
            low, high = shape.metadata.get("min", -5), shape.metadata.get("max", 1000)
            return r.choice([low, low - 1, high, high + 1])
        if kind == "boolean":
            return r.choice([True, False, "true", 0])
        if kind == "timestamp":
            return r.choice([0, -1, 1e300, -1e18, "NaN", "2026-12-06T00:00:00Z", "not a time", 253402300800, 1800000000.5])
        if kind == "blob":
            return r.choice(["", "!!!notbase64", "aGVsbG8=", "A" * 1000])
        return None

    # -- operations -----------------------------------------------------------

    def operation_request(self) -> Request:
        r = self.random
        service = r.choice(SERVICES)
        model = self.models[service]
        operation = model.operation_model(r.choice(model.operation_names))
        params = self.value(operation.input_shape) if operation.input_shape is not None else {}
        if not isinstance(params, dict):
            params = {}
        if model.protocol == "rest-json":
            return self.rest_request(service, operation, params)
        target = f"{model.metadata['targetPrefix']}.{operation.name}"
        body = json.dumps(params, default=str).encode()
        return Request("POST", "/", {"X-Amz-Target": target, "Content-Type": "application/x-amz-json-1.1"}, body,
                       (model.signing_name, "us-east-1"), f"{service} {operation.name}")

    def rest_request(self, service: str, operation: OperationModel, params: dict) -> Request:
        http = operation.http
        path, _, fixed_query = http["requestUri"].partition("?")
        query: list[tuple[str, str]] = [tuple(p.split("=", 1)) if "=" in p else (p, "") for p in fixed_query.split("&") if p]
        body: dict[str, Any] = {}
        shape = operation.input_shape
        for name, value in params.items():
            member = shape.members.get(name) if shape is not None else None
            location = member.serialization.get("location") if member is not None else None
            wire = member.serialization.get("name", name) if member is not None else name
            if location == "uri":
                text = urllib.parse.quote(str(value), safe="")
                path = path.replace("{" + wire + "}", text).replace("{" + wire + "+}", text)
            elif location == "querystring":
                query.append((wire, str(value)))
            elif location != "header":
                body[wire] = value
        path = path.replace("{", "%7B").replace("}", "%7D")  # labels left unfilled
        full = path + ("?" + urllib.parse.urlencode(query) if query else "")
        return Request(http["method"], full, {"Content-Type": "application/json"}, json.dumps(body, default=str).encode(),
                       ("ssm-incidents", "us-east-1"), f"{service} {operation.name}")

    # -- protocol junk and the open routes ------------------------------------

    def junk_request(self) -> Request:
        r = self.random
        json_headers = {"X-Amz-Target": "SSMContacts.ListContacts", "Content-Type": "application/x-amz-json-1.1"}
        choices = [
            Request("POST", "/", json_headers, b"{not json", ("ssm-contacts", "us-east-1"), "invalid JSON"),
            Request("POST", "/", json_headers, b"", ("ssm-contacts", "us-east-1"), "empty body"),
            Request("POST", "/", json_headers, b"\xff\xfe\x00garbage", ("ssm-contacts", "us-east-1"), "not UTF-8"),
            Request("POST", "/", {**json_headers, "Content-Type": "text/plain"}, b"{}", ("ssm-contacts", "us-east-1"), "content type"),
            Request("POST", "/", {**json_headers, "X-Amz-Target": "SSMContacts.NoSuchThing"}, b"{}", ("ssm-contacts", "us-east-1"), "unknown operation"),
            Request("POST", "/", {**json_headers, "X-Amz-Target": "Nope.ListContacts"}, b"{}", ("ssm-contacts", "us-east-1"), "unknown target"),
            Request("POST", "/", json_headers, b"{}", ("ssm-incidents", "us-east-1"), "wrong service in scope"),
            Request("POST", "/", json_headers, b"{}", ("ssm-contacts", r.choice(["x" * 300, "ÿ", "US-EAST-1"])), "odd region"),
            Request("POST", "/", {**json_headers, "Authorization": "AWS4-HMAC-SHA256 " + "A" * r.randint(0, 3000)}, b"{}", None, "garbled signature"),
            Request("POST", "/", {**json_headers, "X-Amz-Date": "20000101T000000Z"}, b"{}", None, "unsigned with an old date"),
            Request("GET", r.choice(["/%", "/%zz", "/..%2f..%2f", "/incidentRecords/%00", "/" + "a/" * 300, "/\u00e9", "/?a=%ff"]), {}, b"", ("ssm-incidents", "us-east-1"), "odd path"),
            Request("POST", "/integrations/" + r.choice(["x", "%00", "a" * 500, "../x"]), {"Content-Type": "application/json"},
                    r.choice([b"{}", b"[", b'{"title": 1}', b"\x00" * 10]), None, "integration"),
            Request("POST", "/integrations", {"Authorization": "Bearer " + "z" * r.randint(0, 200)}, b"{}", None, "integration bearer"),
            Request("POST", r.choice(["/webhooks/twilio/sms", "/webhooks/twilio/voice", "/webhooks/twilio/status"]),
                    {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": "abc"},
                    r.choice([b"Body=ACK&From=%2B1", b"%%%", b"a" * 5000, b"\xff"]), None, "twilio"),
            Request("POST", "/chat/slack/" + r.choice(["x", "%00"]) + r.choice(["/commands", "/interactive"]),
                    {"Content-Type": "application/x-www-form-urlencoded"}, r.choice([b"payload=%7B", b"text=x", b""]), None, "slack"),
            Request("GET", "/calendar/" + r.choice(["x", "%00", "a" * 400, "..%2f"]), {}, b"", None, "calendar feed"),
            Request("POST", "/console/signin", {"Content-Type": "application/x-www-form-urlencoded", "Origin": "http://evil"},
                    r.choice([b"account=1&username=%00&password=x", b"%%", b"_csrf=" + b"a" * 3000]), None, "console sign-in"),
        ]
        return r.choice(choices)


def send(endpoint: str, account: Any, request: Request, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    """Sends `request` (signed when it says so); the status, headers and body."""
    url = endpoint + request.path
    headers = dict(request.headers)
    if request.sign is not None:
        aws = AWSRequest(method=request.method, url=url, data=request.body, headers=headers)
        credentials = Credentials(account.access_key_id, account.secret_access_key)
        botocore.auth.SigV4Auth(credentials, request.sign[0], request.sign[1]).add_auth(aws)
        headers = dict(aws.headers.items())
    parts = urllib.parse.urlsplit(endpoint)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.putrequest(request.method, request.path, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.putheader("Content-Length", str(len(request.body)))
        connection.endheaders(request.body)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def rss_kib(pid: int) -> int:
    """The process's resident memory, in KiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0
