import Testing

@testable import HikeshiCore

/// The one strict JSON reader, with the choices RFC 8259 leaves open made by its two option sets.
@Suite("JSON reader")
struct JSONReaderTests {
    static func string(_ node: JSONNode?) -> String? {
        guard case .string(let text) = node else { return nil }
        return text
    }

    static func object(_ node: JSONNode) -> JSONObject? {
        guard case .object(let object) = node else { return nil }
        return object
    }

    @Test("numbers keep their text; strings are unescaped; members keep document order")
    func shapes() throws {
        let node = try JSONReader.parse(#" {"b": [1, -2.5e3, 0], "a": "\u00e9\ud83d\ude92\n\/", "c": null, "d": true} "#, options: .strict)
        let object = try #require(Self.object(node))
        #expect(object.members.map(\.key) == ["b", "a", "c", "d"])
        guard case .array(let numbers) = object["b"] else { Issue.record("b is not an array"); return }
        #expect(numbers.map { if case .number(let text) = $0 { text } else { "" } } == ["1", "-2.5e3", "0"])
        #expect(Self.string(object["a"]) == "é🚒\n/")
        #expect(object["missing"] == nil)
    }

    @Test("strict refuses what an implementation may answer its own way; lenient answers")
    func options() throws {
        // Repeated keys: refused, or the first kept (small objects and indexed large ones alike).
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(#"{"k":"1","k":"2"}"#, options: .strict) }
        let small = try #require(Self.object(try JSONReader.parse(#"{"k":"1","k":"2"}"#, options: .lenient)))
        #expect(small.members.count == 1)
        #expect(Self.string(small["k"]) == "1")
        let members = (0..<40).map { #""k\#($0)":"\#($0)""# } + [#""k3":"again""#]
        let text = "{" + members.joined(separator: ",") + "}"
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(text, options: .strict) }
        let large = try #require(Self.object(try JSONReader.parse(text, options: .lenient)))
        #expect(large.members.count == 40)
        #expect(Self.string(large["k3"]) == "3")
        #expect(Self.string(large["k39"]) == "39")
        // Lone surrogates: refused, or U+FFFD (an escape after a high one is read again on its own).
        for lone in [#""\ud800x""#, #""\udc00""#, #""\ud800\u0041""#] {
            #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(lone, options: .strict) }
        }
        #expect(Self.string(try JSONReader.parse(#""\ud800x""#, options: .lenient)) == "\u{FFFD}x")
        #expect(Self.string(try JSONReader.parse(#""\udc00""#, options: .lenient)) == "\u{FFFD}")
        #expect(Self.string(try JSONReader.parse(#""\ud800\u0041""#, options: .lenient)) == "\u{FFFD}A")
        // A byte order mark: refused, or skipped.
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse("\u{FEFF}[]", options: .strict) }
        #expect(throws: Never.self) { try JSONReader.parse("\u{FEFF}[]", options: .lenient) }
        // Bytes that are not UTF-8, in a plain string, an escaped one or a key: refused, or U+FFFD.
        let quote = UInt8(ascii: "\"")
        let broken: [[UInt8]] = [
            [quote, 0x61, 0xC3, 0x28, quote],
            [quote, 0x5C, 0x6E, 0xFF, quote],
            [UInt8(ascii: "{"), quote, 0xE2, 0x82, quote, UInt8(ascii: ":"), UInt8(ascii: "1"), UInt8(ascii: "}")],
        ]
        for bytes in broken {
            #expect(throws: JSONReader.Failure.self) { try bytes.withUnsafeBufferPointer { try JSONReader.parse($0, options: .strict) } }
        }
        let repaired = try broken[0].withUnsafeBufferPointer { try JSONReader.parse($0, options: .lenient) }
        #expect(Self.string(repaired) == "a\u{FFFD}(")
        let escaped = try broken[1].withUnsafeBufferPointer { try JSONReader.parse($0, options: .lenient) }
        #expect(Self.string(escaped) == "\n\u{FFFD}")
    }

    @Test("what RFC 8259 does not allow is refused either way")
    func invalid() {
        let texts = [
            "01", "1.", "-", "+1", ".5", "1e", "[1,]", "{\"a\":1,}", "{a:1}", "[1 2]", "\"tab\there\"", "\"\\x\"", "\"\\u12\"", "tru",
            "nul", "[", "{\"a\"", "\"open", "[] []", "NaN", "",
            String(repeating: "[", count: 513) + String(repeating: "]", count: 513),
        ]
        for text in texts {
            #expect(throws: JSONReader.Failure.self, "\(text.prefix(20))") { try JSONReader.parse(text, options: .strict) }
            #expect(throws: JSONReader.Failure.self, "\(text.prefix(20))") { try JSONReader.parse(text, options: .lenient) }
        }
        #expect(throws: Never.self) {
            try JSONReader.parse(String(repeating: "[", count: 512) + String(repeating: "]", count: 512), options: .strict)
        }
    }
}
