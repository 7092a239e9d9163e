#!/usr/bin/env python3
"""Generates Tests/DeliveryTests/TwilioSignatureVectors.swift from Twilio's own request validator.

Each vector is a webhook as Twilio would post it (the full URL it requested, the form fields it
sent) with the `X-Twilio-Signature` value computed by `twilio.request_validator.RequestValidator`.
The Swift tests check that `TwilioSignature` computes the same value and accepts it, and the
`validate` cases record what Twilio's `validate` answers for the same request seen under another
URL (with or without an explicit default port, tampered fields, another token).

Usage (from the package root; needs only `pip install twilio`):

    python3 Tests/DeliveryTests/Vectors/make_twilio_vectors.py

The output is deterministic for a given twilio version.
"""

import os
import sys

import twilio
from twilio.request_validator import RequestValidator

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TwilioSignatureVectors.swift")

TOKEN = "12345"
TOKEN_2 = "9f86d081884c7d659a2feaa0c55ad015"


class MultiDict:
    """A form with repeated fields, the way Flask's MultiDict looks to the validator."""

    def __init__(self, pairs):
        self.pairs = list(pairs)

    def __iter__(self):
        seen = []
        for key, _ in self.pairs:
            if key not in seen:
                seen.append(key)
        return iter(seen)

    def __bool__(self):
        return bool(self.pairs)

    def getall(self, name):
        return [value for key, value in self.pairs if key == name]


def as_params(pairs):
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        return MultiDict(pairs)
    return dict(pairs)


VOICE_FORM = [
    ("CallSid", "CA1234567890ABCDE"),
    ("Caller", "+12349013030"),
    ("Digits", "1234"),
    ("From", "+12349013030"),
    ("To", "+18005551212"),
]

CASES = [
    # name, note, token, url, pairs, algorithm
    ("twilio-docs", "the example from Twilio's security documentation", TOKEN,
     "https://mycompany.com/myapp.php?foo=1&bar=2", VOICE_FORM, None),
    ("no-params", "a URL alone, nothing posted", TOKEN,
     "https://hikeshi.example.com/twilio/voice", [], None),
    ("gather-digits", "a Gather action as Hikeshi's page call posts it", TOKEN_2,
     "https://hikeshi.example.com/twilio/gather?engagement=abc-123&page=7",
     [("AccountSid", "AC0123456789abcdef0123456789abcdef"), ("CallSid", "CAdeadbeef"), ("Digits", "1"),
      ("FinishedOnKey", ""), ("msg", "Gather End")], None),
    ("port-and-query", "a URL with an explicit port and a query string", TOKEN,
     "http://127.0.0.1:8080/twilio/status?x=1&y=%20z", [("MessageStatus", "delivered"), ("MessageSid", "SM01")], None),
    ("unicode", "Japanese, Korean and emoji field values", TOKEN_2,
     "https://hikeshi.example.com/twilio/sms",
     [("Body", "障害が発生しました 🔥"), ("FromCity", "서울"), ("To", "+819012345678"), ("Ünïcödé", "ça va")], None),
    ("repeated-characters", "values of repeated characters and keys that prefix one another", TOKEN,
     "https://hikeshi.example.com/hook",
     [("a", "aaaa"), ("aa", "a"), ("aaa", ""), ("b", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")], None),
    ("repeated-fields", "one field posted three times, one value twice (Twilio dedups and sorts values)", TOKEN,
     "https://hikeshi.example.com/hook",
     [("Digits", "9"), ("Digits", "1"), ("Digits", "9"), ("Z", "last"), ("A", "first")], None),
    ("code-point-order", "keys that sort differently by code point than by case-folding", TOKEN,
     "https://hikeshi.example.com/hook",
     [("b", "1"), ("B", "2"), ("_", "3"), ("é", "4"), ("e\u0301", "5"), ("z", "6")], None),
    ("special-characters", "values with form-encoding metacharacters", TOKEN_2,
     "https://hikeshi.example.com/hook?next=%2Fa%2Fb",
     [("Body", "a+b=c&d e%20f"), ("Empty", ""), ("Newline", "line1\nline2")], None),
    ("sha256", "the newer HMAC_SHA256 signature", TOKEN,
     "https://hikeshi.example.com/twilio/voice", VOICE_FORM, "HMAC_SHA256"),
]

# validate(url_seen, case's params (or altered), signature of a case) -> expected result
VALIDATIONS = [
    # name, case, url seen by the server, altered pairs or None, token, expected
    ("exact", "twilio-docs", None, None, TOKEN),
    ("other-token", "twilio-docs", None, None, TOKEN_2),
    ("tampered-field", "twilio-docs", None, VOICE_FORM[:2] + [("Digits", "9999")] + VOICE_FORM[3:], TOKEN),
    ("extra-field", "twilio-docs", None, VOICE_FORM + [("Extra", "1")], TOKEN),
    ("other-query", "twilio-docs", "https://mycompany.com/myapp.php?foo=1&bar=3", None, TOKEN),
    ("with-default-port", "twilio-docs", "https://mycompany.com:443/myapp.php?foo=1&bar=2", None, TOKEN),
    ("port-kept", "port-and-query", None, None, TOKEN),
    ("port-removed", "port-and-query", "http://127.0.0.1/twilio/status?x=1&y=%20z", None, TOKEN),
    ("http-default-port", "no-params", "https://hikeshi.example.com:80/twilio/voice", None, TOKEN),
    ("https-default-port", "no-params", "https://hikeshi.example.com:443/twilio/voice", None, TOKEN),
    ("unicode-exact", "unicode", None, None, TOKEN_2),
    ("order-does-not-matter", "repeated-fields", None,
     [("A", "first"), ("Z", "last"), ("Digits", "1"), ("Digits", "9")], TOKEN),
    ("normalization-matters", "code-point-order", None,
     [("b", "1"), ("B", "2"), ("_", "3"), ("e\u0301", "4"), ("é", "5"), ("z", "6")], TOKEN),
]

# JSON webhooks: the URL carries bodySHA256=<hex sha256 of the body>, the signature covers the URL alone.
# name, token, url without bodySHA256, body, body the server sees (None: the same)
JSON_CASES = [
    ("json-exact", TOKEN, "https://hikeshi.example.com/twilio/events", '{"CallSid":"CA1","Digits":"1"}', None),
    ("json-unicode", TOKEN_2, "https://hikeshi.example.com:8443/twilio/events?x=1",
     '{"Body":"障害 🔥","From":"+819012345678"}', None),
    ("json-tampered-body", TOKEN, "https://hikeshi.example.com/twilio/events", '{"CallSid":"CA1","Digits":"1"}',
     '{"CallSid":"CA1","Digits":"2"}'),
]


def swift_string(text):
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F or (0x300 <= code <= 0x36F):
            # Control characters and combining marks are spelled out, so no editor can fold them.
            out.append("\\u{%x}" % code)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def swift_pairs(pairs):
    if not pairs:
        return "[]"
    items = ["                (%s, %s)," % (swift_string(k), swift_string(v)) for k, v in pairs]
    return "[\n" + "\n".join(items) + "\n            ]"


def main():
    lines = [
        "// GENERATED by Tests/DeliveryTests/Vectors/make_twilio_vectors.py from twilio %s. Do not edit." % twilio.__version__,
        "// Regenerate: python3 Tests/DeliveryTests/Vectors/make_twilio_vectors.py",
        "",
        "/// A webhook request and the signature Twilio's own `RequestValidator.compute_signature` gives it.",
        "struct TwilioSignatureVector: Sendable {",
        "    /// A short name for the case.",
        "    let name: String",
        "    /// What the case exercises.",
        "    let note: String",
        "    /// The auth token that signs.",
        "    let token: String",
        "    /// The full URL Twilio requested.",
        "    let url: String",
        "    /// The form fields posted, in order, repeats included.",
        "    let parameters: [(String, String)]",
        "    /// `HMAC_SHA1` or `HMAC_SHA256`.",
        "    let algorithm: String",
        "    /// The `X-Twilio-Signature` value.",
        "    let signature: String",
        "}",
        "",
        "/// What Twilio's `RequestValidator.validate` answers for a vector's signature seen on another request.",
        "struct TwilioValidationVector: Sendable {",
        "    /// A short name for the case.",
        "    let name: String",
        "    /// The name of the signed vector whose signature is presented.",
        "    let vector: String",
        "    /// The URL the server saw.",
        "    let url: String",
        "    /// The form fields the server saw.",
        "    let parameters: [(String, String)]",
        "    /// The token the server validates with.",
        "    let token: String",
        "    /// Whether Twilio's validator accepts it.",
        "    let valid: Bool",
        "}",
        "",
        "/// A JSON webhook: its URL (with `bodySHA256`), the body the server saw, and what `validate` answers.",
        "struct TwilioJSONVector: Sendable {",
        "    /// A short name for the case.",
        "    let name: String",
        "    /// The auth token.",
        "    let token: String",
        "    /// The full URL, `bodySHA256` included.",
        "    let url: String",
        "    /// The body the server saw.",
        "    let body: String",
        "    /// The `X-Twilio-Signature` value.",
        "    let signature: String",
        "    /// Whether Twilio's validator accepts it.",
        "    let valid: Bool",
        "}",
        "",
        "enum TwilioSignatureVectors {",
        "    static let all: [TwilioSignatureVector] = [",
    ]
    signed = {}
    for name, note, token, url, pairs, algorithm in CASES:
        validator = RequestValidator(token)
        signature = validator.compute_signature(url, as_params(pairs), algorithm)
        assert validator.validate(url, as_params(pairs), signature, algorithm)
        signed[name] = (token, url, pairs, algorithm, signature)
        lines += [
            "        TwilioSignatureVector(",
            "            name: %s," % swift_string(name),
            "            note: %s," % swift_string(note),
            "            token: %s," % swift_string(token),
            "            url: %s," % swift_string(url),
            "            parameters: %s," % swift_pairs(pairs),
            "            algorithm: %s," % swift_string(algorithm or "HMAC_SHA1"),
            "            signature: %s" % swift_string(signature),
            "        ),",
        ]
    lines += ["    ]", "", "    static let validations: [TwilioValidationVector] = ["]
    for name, case, url, pairs, token in VALIDATIONS:
        _, signed_url, signed_pairs, algorithm, signature = signed[case]
        url = url or signed_url
        pairs = signed_pairs if pairs is None else pairs
        valid = RequestValidator(token).validate(url, as_params(pairs), signature, algorithm)
        lines += [
            "        TwilioValidationVector(",
            "            name: %s," % swift_string(name),
            "            vector: %s," % swift_string(case),
            "            url: %s," % swift_string(url),
            "            parameters: %s," % swift_pairs(pairs),
            "            token: %s," % swift_string(token),
            "            valid: %s" % ("true" if valid else "false"),
            "        ),",
        ]
    lines += ["    ]", "", "    static let json: [TwilioJSONVector] = ["]
    for name, token, url, body, seen in JSON_CASES:
        validator = RequestValidator(token)
        separator = "&" if "?" in url else "?"
        signed_url = url + separator + "bodySHA256=" + validator.compute_hash(body)
        signature = validator.compute_signature(signed_url, {})
        seen = body if seen is None else seen
        valid = validator.validate(signed_url, seen, signature)
        lines += [
            "        TwilioJSONVector(",
            "            name: %s," % swift_string(name),
            "            token: %s," % swift_string(token),
            "            url: %s," % swift_string(signed_url),
            "            body: %s," % swift_string(seen),
            "            signature: %s," % swift_string(signature),
            "            valid: %s" % ("true" if valid else "false"),
            "        ),",
        ]
    lines += ["    ]", "}", ""]
    with open(OUTPUT, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    print("wrote %d vectors and %d validations to %s" % (len(CASES), len(VALIDATIONS), os.path.relpath(OUTPUT)), file=sys.stderr)


if __name__ == "__main__":
    main()
