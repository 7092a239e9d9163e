#!/usr/bin/env python3
"""Generates Tests/AWSProtocolTests/SigV4Vectors.swift from botocore's own SigV4 signer.

Every vector is a request exactly as it would travel on the wire (method, raw path, raw query,
header fields, Host authority, body bytes), signed by botocore with a frozen clock. The Swift
tests check that `SigV4Verifier` accepts each one, and tamper with them to check the failures.

Some vectors are signed directly with `botocore.auth.SigV4Auth` / `SigV4QueryAuth` on an
`AWSRequest`; others are captured from real botocore clients (ssm-contacts, JSON 1.1, and
ssm-incidents, REST-JSON) whose `before-send` hook records the prepared request instead of
sending it, so the serializers' own path and query encoding is exercised too.

Usage (from the package root; needs only botocore):

    python3 Tests/AWSProtocolTests/Vectors/make_sigv4_vectors.py

The output is deterministic for a given botocore version (only the captured User-Agent header,
which is never signed, mentions the version).
"""

import base64
import calendar
import datetime
import hashlib
import os
import sys
from unittest import mock
from urllib.parse import urlsplit

import botocore
import botocore.auth
import botocore.session
from botocore.awsrequest import AWSRequest, AWSResponse
from botocore.credentials import Credentials
from botocore.utils import percent_encode_sequence

ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
# A second key whose secret has characters that need care if anyone ever URL-encodes it.
ACCESS_KEY_2 = "AKIDHIKESHI000000002"
SECRET_KEY_2 = "h1k3sh1+/=secret/with+plus=and/slash0000"

FIXED = datetime.datetime(2024, 5, 17, 9, 30, 0)
ENDPOINT = "http://127.0.0.1:4750"

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "SigV4Vectors.swift")


def epoch(moment):
    return calendar.timegm(moment.timetuple())


class FrozenClock:
    """Patches botocore's clock the way botocore's own tests freeze time for SigV4."""

    def __init__(self, moment):
        self.moment = moment

    def __enter__(self):
        self.patch = mock.patch("botocore.auth.get_current_datetime", lambda *a, **k: self.moment)
        self.patch.start()
        return self

    def __exit__(self, *exc):
        self.patch.stop()


def wire_from_prepared(prepared):
    """Splits a prepared request into what an HTTP server receives."""
    parts = urlsplit(prepared.url)
    headers = []
    for name, value in prepared.headers.items():
        if isinstance(name, bytes):
            name = name.decode("latin-1")
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        headers.append((name, value))
    body = prepared.body or b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    elif hasattr(body, "read"):
        body = body.read()
    return {
        "method": prepared.method,
        "path": parts.path or "/",
        "query": parts.query if parts.query else None,
        "headers": headers,
        # http.client sends Host as the URL's host[:port], omitting default ports.
        "authority": parts.netloc,
        "body": bytes(body),
    }


def sign(name, method, url, headers, body, service, moment=FIXED, access=ACCESS_KEY, secret=SECRET_KEY,
         region="us-east-1", token=None, context=None, wire_headers=None, now_offset=5, note=""):
    """Signs an AWSRequest with SigV4Auth (Authorization header)."""
    creds = Credentials(access, secret, token)
    request = AWSRequest(method=method, url=url, headers=headers, data=body)
    if context:
        request.context.update(context)
    with FrozenClock(moment):
        botocore.auth.SigV4Auth(creds, service, region).add_auth(request)
    wire = wire_from_prepared(request.prepare())
    if wire_headers is not None:
        wire["headers"] = wire_headers(wire["headers"])
    return vector(name, wire, access, secret, service, region, moment, now_offset, False, note)


def presign(name, method, url, headers, service, expires, moment=FIXED, region="us-east-1", now_offset=60, note=""):
    """Signs with SigV4QueryAuth (a presigned URL)."""
    creds = Credentials(ACCESS_KEY, SECRET_KEY)
    request = AWSRequest(method=method, url=url, headers=headers)
    with FrozenClock(moment):
        botocore.auth.SigV4QueryAuth(creds, service, region, expires=expires).add_auth(request)
    wire = wire_from_prepared(request.prepare())
    # Whatever fetches the URL adds its own, unsigned, headers.
    wire["headers"].append(("User-Agent", "curl/8.5.0"))
    wire["headers"].append(("Accept", "*/*"))
    return vector(name, wire, ACCESS_KEY, SECRET_KEY, service, region, moment, now_offset, True, note,
                  expires=expires)


class _Raw:
    def __init__(self, data):
        self.data = data

    def stream(self, **kwargs):
        yield self.data


# Unsigned headers whose values change from run to run or machine to machine are pinned so that
# the generated file only changes when botocore's signing does. The script checks they are unsigned.
PINNED_UNSIGNED = {
    "user-agent": "Botocore/{version} (pinned by make_sigv4_vectors.py; unsigned)",
    "amz-sdk-invocation-id": "00000000-0000-4000-8000-000000000000",
}


def pin_unsigned_headers(wire):
    authorization = next((v for n, v in wire["headers"] if n.lower() == "authorization"), "")
    signed = authorization.split("SignedHeaders=")[1].split(",")[0].split(";") if authorization else []
    pinned = []
    for name, value in wire["headers"]:
        template = PINNED_UNSIGNED.get(name.lower())
        if template is not None:
            assert name.lower() not in signed, f"{name} is signed; it cannot be pinned"
            value = template.format(version=botocore.__version__)
        pinned.append((name, value))
    wire["headers"] = pinned
    return wire


def capture(name, service, operation, params, response=b"{}", moment=FIXED, note=""):
    """Captures the request a real botocore client would put on the wire."""
    session = botocore.session.get_session()
    client = session.create_client(
        service,
        region_name="us-east-1",
        endpoint_url=ENDPOINT,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )
    captured = {}

    def before_send(request, **kwargs):
        captured["request"] = request
        return AWSResponse(request.url, 200, {"Content-Type": "application/json"}, _Raw(response))

    client.meta.events.register(f"before-send.{client.meta.service_model.endpoint_prefix}", before_send)
    with FrozenClock(moment):
        getattr(client, operation)(**params)
    wire = pin_unsigned_headers(wire_from_prepared(captured["request"]))
    signing_name = client.meta.service_model.signing_name
    return vector(name, wire, ACCESS_KEY, SECRET_KEY, signing_name, "us-east-1", moment, 5, False, note)


def botocore_canonical(wire, presigned):
    """botocore's canonical URI and query string for the request as received."""
    query = wire["query"] or ""
    if presigned:
        query = "&".join(p for p in query.split("&") if not p.startswith("X-Amz-Signature="))
    url = "http://" + wire["authority"] + wire["path"] + ("?" + query if query else "")
    signer = botocore.auth.SigV4Auth(Credentials("x", "y"), "s", "r")
    request = AWSRequest(method=wire["method"], url=url)
    return signer._normalize_url_path(urlsplit(url).path), signer.canonical_query_string(request)


def vector(name, wire, access, secret, service, region, moment, now_offset, presigned, note, expires=None):
    canonical_uri, canonical_query = botocore_canonical(wire, presigned)
    return {
        "canonical_uri": canonical_uri,
        "canonical_query": canonical_query,
        "name": name,
        "note": note,
        **wire,
        "access": access,
        "secret": secret,
        "service": service,
        "region": region,
        "date": epoch(moment),
        "now": epoch(moment) + now_offset,
        "presigned": presigned,
        "expires": expires,
    }


def build_vectors():
    vectors = []
    json11 = {"Content-Type": "application/x-amz-json-1.1"}

    vectors.append(capture(
        "json11-create-contact-client", "ssm-contacts", "create_contact",
        {"Alias": "oncall-primary", "DisplayName": "On call", "Type": "PERSONAL", "Plan": {"Stages": []},
         "IdempotencyToken": "6c3e0b1a-0d5f-4a59-9f43-2a1f4d1e7a01"},
        response=b'{"ContactArn":"arn:aws:ssm-contacts:us-east-1:123456789012:contact/oncall-primary"}',
        note="botocore client, JSON 1.1 POST / with X-Amz-Target",
    ))
    vectors.append(capture(
        "json11-cjk-escaped-client", "ssm-contacts", "create_contact",
        {"Alias": "touban", "DisplayName": "当番エンジニア 당직 엔지니어", "Type": "PERSONAL", "Plan": {"Stages": []},
         "IdempotencyToken": "6c3e0b1a-0d5f-4a59-9f43-2a1f4d1e7a02"},
        response=b'{"ContactArn":"arn:aws:ssm-contacts:us-east-1:123456789012:contact/touban"}',
        note="botocore client; its JSON serializer escapes non-ASCII as \\uXXXX",
    ))
    vectors.append(sign(
        "json11-utf8-body", "POST", ENDPOINT + "/",
        {**json11, "X-Amz-Target": "SSMContacts.CreateContact"},
        '{"Alias":"touban","DisplayName":"当番エンジニア 당직 엔지니어 ✓","Type":"PERSONAL","Plan":{"Stages":[]}}'
        .encode("utf-8"),
        "ssm-contacts",
        note="raw UTF-8 (Japanese/Korean) JSON body",
    ))
    vectors.append(sign(
        "json11-empty-body", "POST", ENDPOINT + "/",
        {**json11, "X-Amz-Target": "SSMContacts.ListContacts"}, b"", "ssm-contacts",
        note="empty body hashes to e3b0c442...",
    ))
    query = percent_encode_sequence([
        ("maxResults", "10"),
        ("tag", "zeta"),
        ("tag", "alpha"),
        ("tag", "Mid dle"),
        ("q", "hello world"),
        ("unicode", "日本語 한국어"),
        ("tilde", "a~b"),
        ("plus", "1+1=2"),
        ("reserved", "!*'();:@&=+$,/?#[]%"),
        ("empty", ""),
        ("Upper", "CASE"),
        ("a b", "key with space"),
    ]) + "&flag"
    vectors.append(sign(
        "restjson-get-query", "GET", ENDPOINT + "/response-plans?" + query, {}, None, "ssm-incidents",
        access=ACCESS_KEY_2, secret=SECRET_KEY_2,
        note="repeated keys, spaces, unicode, ~, +, reserved characters, a key without '='",
    ))
    vectors.append(capture(
        "restjson-list-tags-arn-client", "ssm-incidents", "list_tags_for_resource",
        {"resourceArn": "arn:aws:ssm-incidents::123456789012:response-plan/my-plan"},
        response=b'{"tags":{}}',
        note="botocore client; the ARN label is percent-encoded in the path, '/' as %2F",
    ))
    vectors.append(capture(
        "restjson-tag-resource-client", "ssm-incidents", "tag_resource",
        {"resourceArn": "arn:aws:ssm-incidents::123456789012:incident-record/my-plan/0a1b2c3d-4e5f",
         "tags": {"team": "sre", "名前": "値"}},
        note="botocore client; REST-JSON POST with an encoded ARN path and a JSON body",
    ))
    vectors.append(sign(
        "restjson-arn-path-direct", "GET",
        ENDPOINT + "/tags/arn%3Aaws%3Assm-incidents%3Aus-east-1%3A123456789012%3Aresponse-plan%2Fmy~plan", {}, None,
        "ssm-incidents",
        note="path already encoded once on the wire; botocore encodes it again for the canonical URI",
    ))
    vectors.append(sign(
        "host-default-port", "POST", "http://hikeshi.example.com/",
        {**json11, "X-Amz-Target": "SSMContacts.ListContacts"}, b"{}", "ssm-contacts", region="eu-west-1",
        note="no port in the Host",
    ))
    vectors.append(sign(
        "host-explicit-port-https", "POST", "https://hikeshi.example.com:8443/",
        {**json11, "X-Amz-Target": "SSMContacts.ListContacts"}, b'{"MaxResults":5}', "ssm-contacts",
        region="ap-northeast-1",
        note="https with a non-default port",
    ))
    vectors.append(sign(
        "path-dot-segments", "GET", ENDPOINT + "/a/./b/../c//d%20e/", {}, None, "ssm-incidents",
        note="botocore removes dot segments and empty segments before encoding",
    ))

    def split_list_header(headers):
        out = []
        for name, value in headers:
            if name.lower() == "x-hikeshi-list":
                out.append((name, "one"))
                out.append(("X-HIKESHI-LIST", "two  three"))
            elif name.lower() == "x-hikeshi-note":
                out.append((name.lower(), value.strip()))
            else:
                out.append((name, value))
        return out

    vectors.append(sign(
        "header-whitespace-and-repeats", "POST", ENDPOINT + "/",
        {**json11, "X-Amz-Target": "SSMContacts.ListContacts", "X-Hikeshi-Note": "  hello    world\t again  ",
         "X-Hikeshi-List": "one,two three"},
        b"{}", "ssm-contacts", wire_headers=split_list_header,
        note="signed values trimmed and collapsed; one signed value arrives as two header fields",
    ))
    vectors.append(sign(
        "date-header-instead-of-x-amz-date", "POST", ENDPOINT + "/",
        {**json11, "X-Amz-Target": "SSMContacts.ListContacts", "Date": "placeholder"}, b"{}", "ssm-contacts",
        note="botocore signs with Date (RFC 1123) and drops X-Amz-Date when a Date header is present",
    ))
    body = b'{"Alias":"sha"}'
    vectors.append(sign(
        "explicit-content-sha256", "POST", ENDPOINT + "/",
        {**json11, "X-Amz-Target": "SSMContacts.GetContact", "X-Amz-Content-SHA256": hashlib.sha256(body).hexdigest()},
        body, "ssm-contacts",
        note="X-Amz-Content-SHA256 header given and signed",
    ))
    vectors.append(sign(
        "unsigned-payload-https", "POST", "https://127.0.0.1:4751/",
        {**json11, "X-Amz-Target": "SSMContacts.GetContact"}, b'{"Alias":"unsigned"}', "ssm-contacts",
        context={"payload_signing_enabled": False},
        note="payload signing disabled over https: X-Amz-Content-SHA256: UNSIGNED-PAYLOAD",
    ))
    vectors.append(sign(
        "session-token-and-midnight", "POST", ENDPOINT + "/",
        {**json11, "X-Amz-Target": "SSMContacts.ListContacts"}, b"{}", "ssm-contacts",
        moment=datetime.datetime(2024, 12, 31, 23, 59, 58), token="FwoGZXIvYXdzEXAMPLETOKEN//+==", now_offset=4,
        note="X-Amz-Security-Token signed; the server's clock is already in the next day (and year)",
    ))
    vectors.append(presign(
        "presigned-get", "GET", ENDPOINT + "/response-plans?maxResults=5&nextToken=a%2Fb%3D", {}, "ssm-incidents",
        expires=900,
        note="SigV4QueryAuth: auth in the query, payload hash of the (empty) body",
    ))
    vectors.append(presign(
        "presigned-arn-path-default-expiry", "GET",
        ENDPOINT + "/tags/arn%3Aaws%3Assm-incidents%3A%3A123456789012%3Aresponse-plan%2Fp", {}, "ssm-incidents",
        expires=3600, now_offset=3000,
        note="SigV4QueryAuth with the default one-hour expiry, used 50 minutes later",
    ))
    return vectors


def swift_string(text):
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        else:
            out.append("\\u{%X}" % code)
    return "".join(out)


def literal(text, indent, width=100):
    """A Swift string literal, split into a joined array when long (lines stay under 150)."""
    escaped = swift_string(text)
    if len(escaped) <= width:
        return f'"{escaped}"'
    chunks = []
    current = ""
    for piece in _escape_units(text):
        if len(current) + len(piece) > width:
            chunks.append(current)
            current = ""
        current += piece
    if current:
        chunks.append(current)
    pad = " " * (indent + 4)
    inner = "".join(f'{pad}"{chunk}",\n' for chunk in chunks)
    return "[\n" + inner + " " * indent + "].joined()"


def _escape_units(text):
    for ch in text:
        yield swift_string(ch)


def optional_literal(text, indent):
    return "nil" if text is None else literal(text, indent)


def render(vectors):
    lines = [
        "// GENERATED by Tests/AWSProtocolTests/Vectors/make_sigv4_vectors.py from botocore "
        + botocore.__version__ + ". Do not edit.",
        "// Regenerate: python3 Tests/AWSProtocolTests/Vectors/make_sigv4_vectors.py",
        "",
        "import Foundation",
        "",
        "/// One request as received on the wire, signed by botocore with a frozen clock.",
        "struct SigV4Vector: Sendable, CustomStringConvertible {",
        "    /// A short name for the case.",
        "    let name: String",
        "    /// What the case exercises.",
        "    let note: String",
        "    /// The HTTP method.",
        "    let method: String",
        "    /// The path exactly as sent, still percent-encoded.",
        "    let path: String",
        "    /// The raw query string as sent, without '?'.",
        "    let query: String?",
        "    /// The header fields as sent, in order (without Host).",
        "    let headers: [(name: String, value: String)]",
        "    /// The Host value.",
        "    let authority: String",
        "    /// The body, base64.",
        "    let bodyBase64: String",
        "    /// The access key id that signed.",
        "    let accessKeyID: String",
        "    /// Its secret.",
        "    let secretKey: String",
        "    /// The service in the credential scope.",
        "    let service: String",
        "    /// The region in the credential scope.",
        "    let region: String",
        "    /// The signing instant (X-Amz-Date), epoch seconds.",
        "    let signedAt: TimeInterval",
        "    /// The server's clock when the request arrives, epoch seconds.",
        "    let now: TimeInterval",
        "    /// Whether the signature travels in the query string.",
        "    let presigned: Bool",
        "    /// X-Amz-Expires of a presigned URL.",
        "    let expires: Int?",
        "    /// botocore's canonical URI for the request.",
        "    let canonicalURI: String",
        "    /// botocore's canonical query string for the request (without X-Amz-Signature).",
        "    let canonicalQuery: String",
        "    /// Whether the verifier must accept the request.",
        "    let expectsSuccess: Bool",
        "",
        "    /// The body bytes.",
        "    var body: Data { Data(base64Encoded: bodyBase64) ?? Data() }",
        "",
        "    /// The case's name, for test output.",
        "    var description: String { name }",
        "}",
        "",
        "/// The botocore-signed vectors.",
        "enum SigV4Vectors {",
        "    /// Every vector.",
        "    static let all: [SigV4Vector] = [",
    ]
    for v in vectors:
        ind = 12
        pad = " " * ind
        lines.append("        SigV4Vector(")
        lines.append(f"{pad}name: {literal(v['name'], ind)},")
        lines.append(f"{pad}note: {literal(v['note'], ind)},")
        lines.append(f"{pad}method: {literal(v['method'], ind)},")
        lines.append(f"{pad}path: {literal(v['path'], ind)},")
        lines.append(f"{pad}query: {optional_literal(v['query'], ind)},")
        lines.append(f"{pad}headers: [")
        for name, value in v["headers"]:
            value_literal = literal(value, ind + 8)
            if "\n" in value_literal:
                lines.append(f"{pad}    (")
                lines.append(f"{pad}        name: {literal(name, ind + 8)},")
                lines.append(f"{pad}        value: {value_literal}")
                lines.append(f"{pad}    ),")
            else:
                lines.append(f"{pad}    (name: {literal(name, ind + 4)}, value: {literal(value, ind + 4)}),")
        lines.append(f"{pad}],")
        lines.append(f"{pad}authority: {literal(v['authority'], ind)},")
        lines.append(f"{pad}bodyBase64: {literal(base64.b64encode(v['body']).decode('ascii'), ind)},")
        lines.append(f"{pad}accessKeyID: {literal(v['access'], ind)},")
        lines.append(f"{pad}secretKey: {literal(v['secret'], ind)},")
        lines.append(f"{pad}service: {literal(v['service'], ind)},")
        lines.append(f"{pad}region: {literal(v['region'], ind)},")
        lines.append(f"{pad}signedAt: {v['date']},")
        lines.append(f"{pad}now: {v['now']},")
        lines.append(f"{pad}presigned: {'true' if v['presigned'] else 'false'},")
        lines.append(f"{pad}expires: {'nil' if v['expires'] is None else v['expires']},")
        lines.append(f"{pad}canonicalURI: {literal(v['canonical_uri'], ind)},")
        lines.append(f"{pad}canonicalQuery: {literal(v['canonical_query'], ind)},")
        lines.append(f"{pad}expectsSuccess: true")
        lines.append("        ),")
    lines.append("    ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    vectors = build_vectors()
    text = render(vectors)
    path = os.path.normpath(OUTPUT)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"wrote {len(vectors)} vectors to {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
