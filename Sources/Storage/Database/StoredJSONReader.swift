import Foundation

/// A fast reader for the JSON documents ``StoredJSON`` writes, with `JSONDecoder`'s answers.
///
/// Foundation's `JSONDecoder` costs about 30,000 instructions for a 40-byte document on Linux (a
/// DescribeCases of 20 cases spent a third of its time there). This reader parses the text into a
/// small tree in one pass and serves `Decodable` from it. It is deliberately narrow: it accepts only
/// what it answers exactly as `JSONDecoder` (default strategies) would, and throws
/// ``StoredJSONReader/Unsupported`` for anything else — malformed text, a duplicated key, a lone
/// surrogate, a number that is not a plain integer where an integer is asked for, `Float`, `Data`,
/// `URL`, `Decimal` (which `JSONDecoder` reads its own way) — so that the caller can ask
/// `JSONDecoder`, whose answer (a value or its error) then stands. A decline counts even when the
/// decoded type catches it. Coding paths are not tracked: no error of this reader is ever shown.
enum StoredJSONReader {
    /// Why the reader declined; the caller falls back to `JSONDecoder`.
    struct Unsupported: Error {}

    /// The most nested arrays and objects read (as `JSONDecoder`).
    static let maximumDepth = 512

    /// Objects with more members than this get a key index; smaller ones are searched in order.
    static let indexedObjectSize = 16

    /// Decodes `type` from `text`, or throws ``Unsupported``.
    static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        var text = text
        let node = try text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes)
            return try parser.document()
        }
        let session = Session()
        // The type may have caught a decline and gone on (`try?`), to a value or to another error; JSONDecoder's
        // answer could differ either way.
        let value: Value
        do {
            value = try NodeDecoder(node: node, session: session).decode(type)
        } catch {
            throw session.declined ? Unsupported() : error
        }
        guard !session.declined else { throw Unsupported() }
        return value
    }

    /// A parsed JSON value.
    enum Node {
        case null
        case bool(Bool)
        /// A number's text, checked against the JSON grammar.
        case number(String)
        case string(String)
        case array([Node])
        /// Members in document order; keys are unique. `index` (key to position) is kept for objects of more than
        /// ``StoredJSONReader/indexedObjectSize`` members, so that reading a large one stays linear.
        case object([(key: String, value: Node)], index: [String: Int]?)
    }

    /// A strict RFC 8259 parser over UTF-8 bytes.
    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        /// The text of bytes `range`. (Slicing the source `String` instead, to skip checking UTF-8 again, cost more.)
        private func slice(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// The one value the text holds, with nothing but whitespace around it.
        mutating func document() throws -> Node {
            let node = try value()
            skipWhitespace()
            guard index == bytes.count else { throw Unsupported() }
            return node
        }

        private mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        private mutating func value() throws -> Node {
            skipWhitespace()
            guard index < bytes.count else { throw Unsupported() }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"):
                try literal("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try literal("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try literal("null")
                return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .number(try number())
            default:
                throw Unsupported()
            }
        }

        private mutating func literal(_ word: StaticString) throws {
            let count = word.utf8CodeUnitCount
            guard bytes.count - index >= count else { throw Unsupported() }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
                throw Unsupported()
            }
            index += count
        }

        private mutating func object() throws -> Node {
            depth += 1
            guard depth <= StoredJSONReader.maximumDepth else { throw Unsupported() }
            index += 1
            var members: [(key: String, value: Node)] = []
            var keys: [String: Int]?
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .object(members, index: nil)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Unsupported() }
                let key = try string()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Unsupported() }
                index += 1
                let member = try value()
                // JSONDecoder's choice between duplicates is not this reader's to guess.
                if keys == nil, members.count >= StoredJSONReader.indexedObjectSize {
                    keys = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($0.element.key, $0.offset) })
                }
                if keys != nil {
                    guard keys?.updateValue(members.count, forKey: key) == nil else { throw Unsupported() }
                } else {
                    guard !members.contains(where: { $0.key == key }) else { throw Unsupported() }
                }
                members.append((key, member))
                skipWhitespace()
                guard index < bytes.count else { throw Unsupported() }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    depth -= 1
                    return .object(members, index: keys)
                } else {
                    throw Unsupported()
                }
            }
        }

        private mutating func array() throws -> Node {
            depth += 1
            guard depth <= StoredJSONReader.maximumDepth else { throw Unsupported() }
            index += 1
            var elements: [Node] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(elements)
            }
            while true {
                elements.append(try value())
                skipWhitespace()
                guard index < bytes.count else { throw Unsupported() }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    depth -= 1
                    return .array(elements)
                } else {
                    throw Unsupported()
                }
            }
        }

        /// A string token (the index at its opening quote), unescaped.
        private mutating func string() throws -> String {
            index += 1
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let string = slice(start..<index)
                    index += 1
                    return string
                }
                if byte == UInt8(ascii: "\\") {
                    return try escapedString(from: start)
                }
                guard byte >= 0x20 else { throw Unsupported() }
                index += 1
            }
            throw Unsupported()
        }

        /// The rest of a string that holds escapes; `start` is its first byte.
        private mutating func escapedString(from start: Int) throws -> String {
            var out = Array(bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index + 1 < bytes.count else { throw Unsupported() }
                    let escape = bytes[index + 1]
                    index += 2
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"): try appendUnicodeEscape(to: &out)
                    default: throw Unsupported()
                    }
                default:
                    guard byte >= 0x20 else { throw Unsupported() }
                    out.append(byte)
                    index += 1
                }
            }
            throw Unsupported()
        }

        /// `XXXX` after `\u` (and a low surrogate's `\uXXXX` after a high one), as UTF-8.
        private mutating func appendUnicodeEscape(to out: inout [UInt8]) throws {
            var value = try hex4()
            if (0xD800...0xDBFF).contains(value) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw Unsupported()
                }
                index += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw Unsupported() }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(value) {
                throw Unsupported()
            }
            guard let scalar = Unicode.Scalar(value) else { throw Unsupported() }
            out += String(Character(scalar)).utf8
        }

        private mutating func hex4() throws -> UInt32 {
            guard bytes.count - index >= 4 else { throw Unsupported() }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw Unsupported()
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        /// A number token's text: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        private mutating func number() throws -> String {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { throw Unsupported() }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else {
                guard try digits() > 0 else { throw Unsupported() }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard try digits() > 0 else { throw Unsupported() }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard try digits() > 0 else { throw Unsupported() }
            }
            return slice(start..<index)
        }

        private mutating func digits() throws -> Int {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - start
        }
    }
}
