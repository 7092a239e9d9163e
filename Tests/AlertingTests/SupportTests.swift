import Foundation
import Testing

@testable import Alerting

@Suite("Alerting support")
struct SupportTests {
    @Test("UTF-8 truncation never splits a character")
    func utf8Truncation() {
        #expect(Alerting.truncate("héllo", toUTF8Bytes: 2) == "h")
        #expect(Alerting.truncate("héllo", toUTF8Bytes: 3) == "hé")
        #expect(Alerting.truncate("🚒🚒", toUTF8Bytes: 7) == "🚒")
        #expect(Alerting.truncate("e\u{301}x", toUTF8Bytes: 2) == "")
        #expect(Alerting.truncate("abc", toUTF8Bytes: 3) == "abc")
        #expect(Alerting.truncate("abc", toUTF8Bytes: 0) == "")
    }

    @Test("Scalar truncation ends with an ellipsis")
    func scalarTruncation() {
        #expect(Alerting.truncate("abcdef", toScalars: 4) == "abc…")
        #expect(Alerting.truncate("abcd", toScalars: 4) == "abcd")
        #expect(Alerting.truncate("abcd", toScalars: 0) == "")
    }

    static let severities: [(String, Int?)] = [
        ("critical", 1), ("CRITICAL", 1), ("page", 1), ("P1", 1), ("high", 2), ("error", 2), ("major", 2), ("warning", 3), ("warn", 3),
        ("medium", 3), ("low", 4), ("minor", 4), ("info", 5), ("informational", 5), ("none", 5), (" 3 ", 3), ("unknown", nil), ("", nil),
        ("6", nil),
    ]

    @Test("Severity words map to impacts", arguments: severities)
    func severity(word: String, impact: Int?) {
        #expect(IncomingAlert.impactHint(severity: word) == impact)
    }

    static let triggerArns: [(String, Bool)] = [
        ("arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh", true),
        ("arn:aws-cn:cloudwatch:cn-north-1:123456789012:alarm:A", true),
        ("arn:aws-us-gov:events:us-gov-west-1::rule/x", true),
        ("arn:aws:cloudwatch:us-east-1:12345:alarm:A", false),
        ("arn:other:cloudwatch:us-east-1:123456789012:alarm:A", false),
        ("arn:aws:CloudWatch:us-east-1:123456789012:alarm:A", false),
        ("arn:aws:cloudwatch:us-east-1:123456789012:", false),
        ("https://example.com", false),
    ]

    @Test("Trigger ARNs match ssm-incidents' pattern", arguments: triggerArns)
    func triggerArn(text: String, valid: Bool) {
        #expect(IncomingAlert.isTriggerArn(text) == valid)
    }

    static let timestamps: [(String, Double?)] = [
        ("2019-10-02T17:04:40Z", 1_570_035_880),
        ("2019-10-02T17:04:40.989+0000", 1_570_035_880.989),
        ("2021-10-12T09:51:03.157076+02:00", 1_634_025_063.157076),
        ("2024-05-01T10:00:30.123456789Z", 1_714_557_630.123456789),
        ("2024-02-29T23:59:59-05:30", 1_709_270_999),
        ("2024-01-01 00:00:00Z", 1_704_067_200),
        ("1970-01-01T00:00:00z", 0),
        ("0001-01-01T00:00:00Z", -62_135_596_800),
        ("2023-02-29T00:00:00Z", nil),
        ("2024-13-01T00:00:00Z", nil),
        ("2024-01-01T24:00:00Z", nil),
        ("2024-01-01T00:00:00", nil),
        ("2024-01-01T00:00:00.Z", nil),
        ("2024-01-01T00:00:00Zjunk", nil),
        ("2024-1-01T00:00:00Z", nil),
        ("yesterday", nil),
        ("", nil),
    ]

    @Test("ISO 8601 timestamps as monitoring systems write them", arguments: timestamps)
    func timestamp(text: String, seconds: Double?) {
        let date = ISO8601Timestamp.date(from: text)
        if let seconds {
            #expect(abs((date?.timeIntervalSince1970 ?? .nan) - seconds) < 0.000_01)
        } else {
            #expect(date == nil)
        }
    }

    @Test("Go's zero time reads as zero")
    func zeroTime() throws {
        #expect(ISO8601Timestamp.isZeroTime(try #require(ISO8601Timestamp.date(from: "0001-01-01T00:00:00Z"))))
        #expect(!ISO8601Timestamp.isZeroTime(try #require(ISO8601Timestamp.date(from: "1970-01-01T00:00:00Z"))))
    }

    @Test("JSON output escapes what it must and sorts keys")
    func jsonOutput() throws {
        let value = JSONValue.object([
            "b": .array([.number(1), .number(2.5), .bool(true), .null, .number(.infinity)]),
            "a": .string("quote \" backslash \\ newline \n tab \t bell \u{07} é 🚒 \u{2028}"),
        ])
        let text = value.serialized
        #expect(text.hasPrefix(#"{"a":"quote \" backslash \\ newline \n tab \t bell \u0007 é 🚒 \u2028","b":[1,2.5,true,null,null]}"#))
        let back = try JSONValue.parse(Array(text.utf8))
        #expect(back["a"] == value["a"])
    }

    static let validJSON: [(String, JSONValue)] = [
        (
            #" {"a" : [1, -2.5e3, 0, true, false, null]} "#,
            .object(["a": .array([.number(1), .number(-2500), .number(0), .bool(true), .bool(false), .null])])
        ),
        (#""\u00e9\ud83d\ude92\n\"\/""#, .string("é🚒\n\"/")),
        (#""\ud800x""#, .string("\u{FFFD}x")),
        (#"{"k":1,"k":2}"#, .object(["k": .number(1)])),
        ("\u{FEFF}[]", .array([])),
        ("[[[]]]", .array([.array([.array([])])])),
    ]

    @Test("The JSON reader accepts RFC 8259 documents", arguments: validJSON)
    func validDocuments(text: String, expected: JSONValue) throws {
        #expect(try JSONValue.parse(Array(text.utf8)) == expected)
    }

    static let invalidJSON = [
        "01", "1.", "-", "+1", ".5", "1e", "[1,]", "{\"a\":1,}", "{a:1}", "[1 2]", "\"tab\there\"", "\"\\x\"", "\"\\u12\"", "tru", "nul",
        "[", "{\"a\"", "\"open", "[] []", "1e999", "NaN",
    ]

    @Test("The JSON reader refuses what RFC 8259 does not allow", arguments: invalidJSON)
    func invalidDocuments(text: String) {
        #expect(throws: AlertingError.malformedPayload("the body is not valid JSON.")) { try JSONValue.parse(Array(text.utf8)) }
    }

    @Test("Nesting deeper than the limit is refused")
    func depthLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONValue.parse(Array(ok.utf8)) }
        let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(throws: AlertingError.self) { try JSONValue.parse(Array(deep.utf8)) }
    }

    @Test("Region display names map to codes")
    func regions() {
        #expect(AWSRegions.code(forDisplayName: "US East (N. Virginia)") == "us-east-1")
        #expect(AWSRegions.code(forDisplayName: "Europe (Frankfurt)") == "eu-central-1")
        #expect(AWSRegions.code(forDisplayName: "EU (Ireland)") == "eu-west-1")
        #expect(AWSRegions.code(forDisplayName: "ap-south-1") == "ap-south-1")
        #expect(AWSRegions.code(forDisplayName: "Atlantis") == nil)
        #expect(AWSRegions.partition(forRegion: "cn-north-1") == "aws-cn")
        #expect(AWSRegions.partition(forRegion: "us-gov-west-1") == "aws-us-gov")
    }

    @Test("Errors describe themselves")
    func errorDescriptions() {
        #expect(AlertingError.missingField("title").description == "The payload has no value for the required field 'title'.")
        #expect(AlertingError.payloadTooLarge(size: 10, limit: 5).description == "The payload is 10 bytes, more than the 5 bytes accepted.")
        #expect(AlertingError.unsupportedSignatureVersion("3").description.contains("expected 1 or 2"))
    }
}
