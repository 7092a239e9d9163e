/// The parser behind ``JSONReader``, over UTF-8 bytes.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let options: JSONReader.Options
    var index = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, options: JSONReader.Options) {
        self.bytes = bytes
        self.options = options
        // A UTF-8 byte order mark, where allowed, is skipped.
        if options.skipsByteOrderMark, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The text of bytes `range`. (Slicing the source `String` instead, to skip checking UTF-8 again, cost more.)
    private func slice(_ range: Range<Int>) throws(JSONReader.Failure) -> String {
        try text(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// `utf8` as text: bytes that are not UTF-8 become U+FFFD or refuse the text, as the options say.
    private func text(_ utf8: some Collection<UInt8>) throws(JSONReader.Failure) -> String {
        guard options.invalidUTF8 == .refuse else { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else { throw JSONReader.Failure() }
        return text
    }

    /// The one value the text holds, with nothing but whitespace around it.
    mutating func document() throws(JSONReader.Failure) -> JSONNode {
        let node = try value()
        skipWhitespace()
        guard index == bytes.count else { throw JSONReader.Failure() }
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

    private mutating func value() throws(JSONReader.Failure) -> JSONNode {
        skipWhitespace()
        guard index < bytes.count else { throw JSONReader.Failure() }
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
            throw JSONReader.Failure()
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONReader.Failure) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw JSONReader.Failure() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw JSONReader.Failure()
        }
        index += count
    }

    private mutating func object() throws(JSONReader.Failure) -> JSONNode {
        depth += 1
        guard depth <= JSONReader.maximumDepth else { throw JSONReader.Failure() }
        index += 1
        var members: [(key: String, value: JSONNode)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(.empty)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw JSONReader.Failure() }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw JSONReader.Failure() }
            index += 1
            members.append((key, try value()))
            skipWhitespace()
            guard index < bytes.count else { throw JSONReader.Failure() }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                guard let object = JSONObject.collecting(members, keepingFirst: options.duplicateKeys == .keepFirst) else {
                    throw JSONReader.Failure()
                }
                return .object(object)
            } else {
                throw JSONReader.Failure()
            }
        }
    }

    private mutating func array() throws(JSONReader.Failure) -> JSONNode {
        depth += 1
        guard depth <= JSONReader.maximumDepth else { throw JSONReader.Failure() }
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try value())
            skipWhitespace()
            guard index < bytes.count else { throw JSONReader.Failure() }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(elements)
            } else {
                throw JSONReader.Failure()
            }
        }
    }

    /// A string token (the index at its opening quote), unescaped.
    private mutating func string() throws(JSONReader.Failure) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let string = try slice(start..<index)
                index += 1
                return string
            }
            if byte == UInt8(ascii: "\\") {
                return try escapedString(from: start)
            }
            guard byte >= 0x20 else { throw JSONReader.Failure() }
            index += 1
        }
        throw JSONReader.Failure()
    }

    /// The rest of a string that holds escapes; `start` is its first byte.
    private mutating func escapedString(from start: Int) throws(JSONReader.Failure) -> String {
        var out = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try text(out)
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { throw JSONReader.Failure() }
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
                default: throw JSONReader.Failure()
                }
            default:
                guard byte >= 0x20 else { throw JSONReader.Failure() }
                out.append(byte)
                index += 1
            }
        }
        throw JSONReader.Failure()
    }

    /// `XXXX` after `\u` (and a low surrogate's `\uXXXX` after a high one), as UTF-8. A surrogate without its other
    /// half is refused, or becomes U+FFFD (then an escape after a high surrogate is read again on its own).
    private mutating func appendUnicodeEscape(to out: inout [UInt8]) throws(JSONReader.Failure) {
        let replacement = Array("\u{FFFD}".utf8)
        var value = try hex4()
        if (0xD800...0xDBFF).contains(value) {
            let escapeStart = index
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                index += 2
                let low = try hex4()
                if (0xDC00...0xDFFF).contains(low) {
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    guard options.loneSurrogates == .replace else { throw JSONReader.Failure() }
                    index = escapeStart
                    out += replacement
                    return
                }
            } else {
                guard options.loneSurrogates == .replace else { throw JSONReader.Failure() }
                out += replacement
                return
            }
        } else if (0xDC00...0xDFFF).contains(value) {
            guard options.loneSurrogates == .replace else { throw JSONReader.Failure() }
            out += replacement
            return
        }
        guard let scalar = Unicode.Scalar(value) else { throw JSONReader.Failure() }
        out += String(Character(scalar)).utf8
    }

    private mutating func hex4() throws(JSONReader.Failure) -> UInt32 {
        guard bytes.count - index >= 4 else { throw JSONReader.Failure() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONReader.Failure()
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A number token's text: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws(JSONReader.Failure) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw JSONReader.Failure() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            guard try digits() > 0 else { throw JSONReader.Failure() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard try digits() > 0 else { throw JSONReader.Failure() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard try digits() > 0 else { throw JSONReader.Failure() }
        }
        return try slice(start..<index)
    }

    private mutating func digits() throws(JSONReader.Failure) -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index - start
    }
}
