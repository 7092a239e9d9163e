import Foundation
import HikeshiCore
import HikeshiTestSupport
import Testing

@testable import Storage

/// The JSON node decoder answers as `JSONDecoder` does, or declines (and `JSONDecoder` answers); tried on the
/// documents Storage keeps.
@Suite("JSON node decoder")
struct JSONNodeDecoderTests {
    enum Mood: String, Codable, Equatable { case calm, busy }

    enum Step: Codable, Equatable {
        case wait(minutes: Int)
        case page(contact: String, retries: Int?)
        case stop
    }

    struct Inner: Codable, Equatable {
        var name: String
        var tags: [String: String]
        var counts: [Int: Int]
        var flags: [Bool?]
    }

    struct Document: Codable, Equatable {
        var text: String
        var optional: String?
        var missing: Int?
        var double: Double
        var small: Int8
        var big: Int64
        var unsigned: UInt64
        var date: Date
        var mood: Mood
        var steps: [Step]
        var inner: Inner
        var nested: [[Inner]]
        var empty: [String]
    }

    static let texts = [
        "", "plain", "東京 서울 北京", "😀👩‍👩‍👧", "a\"b\\c/d", "line\nbreak\ttab\r\u{1}\u{1F}", "\u{301}x", "\u{7F}\u{80}\u{FFFF}",
        "\u{2028}\u{2029}", String(repeating: "long ", count: 300),
    ]

    static func document(_ index: Int) -> Document {
        let text = texts[index % texts.count]
        let inner = Inner(name: text, tags: [text: "v", "k": text], counts: [1: -1, -7: 7], flags: [true, nil, false])
        return Document(
            text: text, optional: index.isMultiple(of: 2) ? nil : text, missing: nil,
            double: [0.1, -0.0, 1e-300, Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude, 818306057.8354071, 3][index % 7],
            small: Int8.min, big: Int64.max, unsigned: UInt64.max,
            date: Date(timeIntervalSinceReferenceDate: 818306057.8354071 + Double(index)), mood: index.isMultiple(of: 3) ? .calm : .busy,
            steps: [.wait(minutes: index), .page(contact: text, retries: nil), .page(contact: "c", retries: 2), .stop],
            inner: inner, nested: [[inner], [], [inner, inner]], empty: []
        )
    }

    @Test("documents the encoder writes read back as JSONDecoder reads them", arguments: 0..<10)
    func roundTrip(_ index: Int) throws {
        let value = Self.document(index)
        let text = try StoredJSON.encode(value)
        let read = try JSONNodeDecoder.decode(Document.self, from: text)
        let reference = try JSONDecoder().decode(Document.self, from: Data(text.utf8))
        #expect(read == reference)
        #expect(read == value)
        #expect(try StoredJSON.decode(Document.self, from: text, what: "test") == value)
    }

    /// Any JSON value, read by probing types (as `DocumentValue`, a stored type, does, but trying `Int64` before
    /// `Double`): the reader's refusals must be `try?`-safe.
    indirect enum Tree: Decodable, Equatable {
        case null
        case bool(Bool)
        case integer(Int64)
        case number(Double)
        case string(String)
        case array([Tree])
        case object([String: Tree])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int64.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([Tree].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: Tree].self))
            }
        }
    }

    /// Either the reader declines, or it gives JSONDecoder's value; it never reads text JSONDecoder refuses.
    func expectAgreement<Value: Decodable & Equatable>(_ text: String, as type: Value.Type) {
        let reference = try? JSONDecoder().decode(type, from: Data(text.utf8))
        guard let read = try? JSONNodeDecoder.decode(type, from: text) else { return }
        #expect(reference != nil, "the reader read what JSONDecoder refuses: \(text.prefix(80))")
        #expect(read == reference, "\(text.prefix(80))")
    }

    @Test("hand-picked texts: the reader agrees with JSONDecoder or declines")
    func handPicked() throws {
        let texts = [
            #"{"a":1}"#, #"{"a":1,"a":2}"#, #" { "a" : [ 1 , 2 ] } "#, "[]", "{}", "null", "true", "false", "tru", "nul",
            #""\u00e9\u0000\ud83d\ude00""#, #""\ud83d""#, #""\ude00x""#, #""\/\b\f\n\r\t\"\\""#, #""\x""#, "\"a\u{1}\"",
            "01", "1.", ".5", "+1", "-", "-0", "1e5", "1E-5", "1.0", "1e400", "-1e400", "123456789012345678901234567890",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "[1,]", "[,1]", #"{"a":1,}"#, #"{"a"}"#,
            #"{1:2}"#, "[1 2]", "\u{FEFF}{}", "{}x", "[\"\u{7F}\"]", #"{"k":{"k":{"k":[null,true,0.5,"x"]}}}"#,
            String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
            String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
        ]
        for text in texts {
            expectAgreement(text, as: Tree.self)
            expectAgreement(text, as: DocumentValue.self)
            expectAgreement(text, as: [String: Int].self)
            expectAgreement(text, as: [UInt8].self)
            expectAgreement(text, as: Int.self)
            expectAgreement(text, as: UInt.self)
            expectAgreement(text, as: Float.self)
            expectAgreement(text, as: String.self)
        }
        // Duplicated keys and lone surrogates are left to JSONDecoder.
        #expect(throws: JSONNodeDecoder.Unsupported.self) { try JSONNodeDecoder.decode([String: Int].self, from: #"{"a":1,"a":2}"#) }
        #expect(throws: JSONNodeDecoder.Unsupported.self) { try JSONNodeDecoder.decode(String.self, from: #""\ud83d""#) }
        // Integers written with a fraction or exponent are left to JSONDecoder too, even when the type catches the
        // decline and goes on (Tree tries Int64, then Double: JSONDecoder reads 1e3 as an integer).
        #expect(throws: JSONNodeDecoder.Unsupported.self) { try JSONNodeDecoder.decode(Int.self, from: "1.0") }
        #expect(try StoredJSON.decode(Int.self, from: "1.0", what: "test") == 1)
        #expect(throws: JSONNodeDecoder.Unsupported.self) { try JSONNodeDecoder.decode(Tree.self, from: "[1e3]") }
        #expect(try StoredJSON.decode(Tree.self, from: "[1e3]", what: "test") == .array([.integer(1000)]))
    }

    /// Reads an array element by element, trying an integer first and a string after (the element must stay put).
    struct Mixed: Decodable, Equatable {
        var items: [String]

        init(items: [String]) { self.items = items }

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            var items: [String] = []
            while !container.isAtEnd {
                if let number = try? container.decode(Int.self) {
                    items.append("int \(number)")
                } else if let text = try? container.decode(String.self) {
                    items.append("string \(text)")
                } else {
                    _ = try container.decode(DocumentValue.self)
                    items.append("other")
                }
            }
            self.items = items
        }
    }

    /// Asks for a super decoder of a key that may be missing, catching the failure.
    struct Super: Decodable, Equatable {
        var value: Int?

        init(value: Int?) { self.value = value }

        enum CodingKeys: String, CodingKey { case a, b }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let inner = try? container.superDecoder(forKey: .b) {
                value = try Int?(from: inner)
            } else {
                value = -1
            }
        }
    }

    @Test("what a review found: underflowing numbers, a failed read in an array, a missing super key, large objects")
    func reviewCases() throws {
        // 1e-400 rounds to zero; JSONDecoder refuses it.
        for text in ["1e-400", "[1e-400]", "2e-324", "-1e-400"] {
            expectAgreement(text, as: DocumentValue.self)
            #expect(throws: JSONNodeDecoder.Unsupported.self) { try JSONNodeDecoder.decode(DocumentValue.self, from: text) }
        }
        #expect(try JSONNodeDecoder.decode(Double.self, from: "0e-999") == 0)
        #expect(try JSONNodeDecoder.decode(Double.self, from: "-0.000") == 0)
        // A failed read leaves the element for the next try.
        let mixed = #"[1,"ab",3,null]"#
        #expect(try JSONNodeDecoder.decode(Mixed.self, from: mixed) == Mixed(items: ["int 1", "string ab", "int 3", "other"]))
        expectAgreement(mixed, as: Mixed.self)
        // JSONDecoder gives a missing key's super decoder (of null): left to it.
        #expect(throws: JSONNodeDecoder.Unsupported.self) { try JSONNodeDecoder.decode(Super.self, from: #"{"a":1}"#) }
        #expect(try StoredJSON.decode(Super.self, from: #"{"a":1}"#, what: "test") == Super(value: nil))
        #expect(try JSONNodeDecoder.decode(Super.self, from: #"{"b":5}"#) == Super(value: 5))
        // 128-bit integers are JSONDecoder's.
        #expect(throws: JSONNodeDecoder.Unsupported.self) { try JSONNodeDecoder.decode([Int128].self, from: "[5]") }
        #expect(try StoredJSON.decode([Int128].self, from: "[5]", what: "test") == [5])
        // A large object reads in linear time, and its duplicates are still found.
        let members = (0..<20_000).map { #""k\#($0)":\#($0)"# }
        let large = "{" + members.joined(separator: ",") + "}"
        let read = try JSONNodeDecoder.decode([String: Int].self, from: large)
        #expect(read.count == 20_000)
        #expect(read["k19999"] == 19_999)
        #expect(throws: JSONNodeDecoder.Unsupported.self) {
            try JSONNodeDecoder.decode([String: Int].self, from: "{" + (members + [#""k5":1"#]).joined(separator: ",") + "}")
        }
        let small = #"{"k1":1,"k1":2}"#
        #expect(throws: JSONNodeDecoder.Unsupported.self) { try JSONNodeDecoder.decode([String: Int].self, from: small) }
    }

    struct Special: Codable, Equatable {
        var data: Data
        var url: URL
        var decimal: Decimal
    }

    @Test("Data, URL, Decimal and Float, which JSONDecoder reads its own way, are left to it")
    func specialTypes() throws {
        let value = Special(data: Data([0, 1, 255]), url: URL(string: "https://example.com/a?b=c")!, decimal: Decimal(string: "12.5")!)
        let text = try StoredJSON.encode(value)
        #expect(throws: JSONNodeDecoder.Unsupported.self) { try JSONNodeDecoder.decode(Special.self, from: text) }
        #expect(throws: JSONNodeDecoder.Unsupported.self) { try JSONNodeDecoder.decode([Float].self, from: "[0.1]") }
        #expect(try StoredJSON.decode([Float].self, from: "[0.1]", what: "test") == [0.1])
        #expect(try StoredJSON.decode(Special.self, from: text, what: "test") == value)
    }

    @Test("generated texts, valid and broken: the reader agrees with JSONDecoder or declines")
    func generated() {
        var generator = SeededGenerator(seed: 0x5EED)
        let pieces = [
            "{", "}", "[", "]", ",", ":", "\"k\"", "\"é\"", "\"\\u0041\"", "\"\\n\"", "1", "-2", "0.5", "1e3", "true", "null", " ",
            "\"a\"", "{\"a\":", "[1,", "\"\\ud83d\\ude00\"", "00", "-", "\"",
        ]
        for _ in 0..<3000 {
            let count = Int(generator.next() % 12) + 1
            var text = ""
            for _ in 0..<count {
                text += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            expectAgreement(text, as: Tree.self)
            expectAgreement(text, as: DocumentValue.self)
        }
        // And well-formed trees, which the reader must read.
        for index in 0..<300 {
            let text = Self.tree(depth: 0, generator: &generator)
            expectAgreement(text, as: Tree.self)
            expectAgreement(text, as: DocumentValue.self)
            #expect((try? JSONNodeDecoder.decode(DocumentValue.self, from: text)) != nil, "\(index): \(text.prefix(80))")
        }
    }

    static func tree(depth: Int, generator: inout SeededGenerator) -> String {
        switch generator.next() % (depth > 3 ? 5 : 7) {
        case 0: return "null"
        case 1: return generator.next().isMultiple(of: 2) ? "true" : "false"
        case 2: return String(Int64(bitPattern: generator.next()) >> Int64(generator.next() % 64))
        case 3: return String(Double(Int64(bitPattern: generator.next() >> 20)) / 1024)
        case 4: return "\"" + ["x", "東京", "\\\"", "\\u00e9", "a b", ""][Int(generator.next() % 6)] + "\""
        case 5:
            let items = (0..<Int(generator.next() % 4)).map { _ in tree(depth: depth + 1, generator: &generator) }
            return "[" + items.joined(separator: ",") + "]"
        default:
            let items = (0..<Int(generator.next() % 4)).map { index in
                "\"k\(index)\":" + tree(depth: depth + 1, generator: &generator)
            }
            return "{" + items.joined(separator: ",") + "}"
        }
    }
}
