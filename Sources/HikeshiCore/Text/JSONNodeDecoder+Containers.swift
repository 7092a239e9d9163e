import Foundation

extension JSONNodeDecoder {
    /// What a read that `JSONDecoder` would also refuse throws (a missing key, a string where a number should be):
    /// the decoded type may catch it (`try?` while probing types) and go on, as it would with `JSONDecoder`.
    struct Mismatch: Error {}

    /// One decode's record of whether the reader met something it cannot answer for; it makes the whole decode
    /// ``Unsupported`` even when the decoded type caught the error and went on.
    final class Session {
        private(set) var declined = false
        /// Whether `Date` is declined (``Options/declinesDates``).
        let declinesDates: Bool

        init(declinesDates: Bool) {
            self.declinesDates = declinesDates
        }

        /// Marks the decode declined and returns the error to throw.
        func decline() -> Unsupported {
            declined = true
            return Unsupported()
        }
    }

    /// `Decoder` over a parsed ``JSONNode``.
    struct NodeDecoder: Decoder {
        let node: JSONNode
        let session: Session

        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .object(let object) = node else { throw Mismatch() }
            return KeyedDecodingContainer(KeyedContainer<Key>(object: object, session: session))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .array(let elements) = node else { throw Mismatch() }
            return UnkeyedContainer(elements: elements, session: session)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            SingleValueContainer(node: node, session: session)
        }

        /// `type` from this node, as `JSONDecoder` reads a value of that type.
        func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
            // JSONDecoder reads these from strings and numbers its own way; it answers for them.
            if type == Data.self || type == URL.self || type == Decimal.self || (session.declinesDates && type == Date.self) {
                throw session.decline()
            }
            return try Value(from: self)
        }
    }

    /// The scalar reads `JSONDecoder` makes, shared by the three containers.
    enum Scalar {
        static func bool(_ node: JSONNode) throws -> Bool {
            guard case .bool(let value) = node else { throw Mismatch() }
            return value
        }

        static func string(_ node: JSONNode) throws -> String {
            guard case .string(let value) = node else { throw Mismatch() }
            return value
        }

        static func double(_ node: JSONNode, _ session: Session) throws -> Double {
            guard case .number(let text) = node else { throw Mismatch() }
            // Out of range (too large, or so small that it rounds to zero): JSONDecoder's answer is its own.
            guard let value = Double(text), value.isFinite, value != 0 || !hasNonZeroDigit(text) else {
                throw session.decline()
            }
            return value
        }

        /// Whether the number's digits before any exponent include one other than 0.
        private static func hasNonZeroDigit(_ text: String) -> Bool {
            for byte in text.utf8 {
                if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return false }
                if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") { return true }
            }
            return false
        }

        /// `JSONDecoder` rounds the text to `Float` its own way; left to it (the writer stores no `Float`).
        static func float(_ node: JSONNode, _ session: Session) throws -> Float {
            throw session.decline()
        }

        /// Plain integer text only (`JSONDecoder` also takes `1.0` or `1e2`, which the writer never produces), and no
        /// sign for unsigned types; those are left to `JSONDecoder`. Out of range is refused, as it refuses.
        static func integer<Integer: FixedWidthInteger>(_ node: JSONNode, as type: Integer.Type, _ session: Session) throws -> Integer {
            guard case .number(let text) = node else { throw Mismatch() }
            guard !text.utf8.contains(where: { $0 == 0x2E || $0 == 0x65 || $0 == 0x45 }),
                Integer.isSigned || text.utf8.first != UInt8(ascii: "-")
            else { throw session.decline() }
            guard let value = Integer(text, radix: 10) else { throw Mismatch() }
            return value
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let object: JSONObject
        let session: Session

        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { object.members.compactMap { Key(stringValue: $0.key) } }

        private func member(_ key: Key) throws -> JSONNode {
            guard let value = object[key.stringValue] else { throw Mismatch() }
            return value
        }

        func contains(_ key: Key) -> Bool {
            object[key.stringValue] != nil
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try member(key) { return true }
            return false
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try Scalar.bool(member(key)) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try Scalar.string(member(key)) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try Scalar.double(member(key), session) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try Scalar.float(member(key), session) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try Scalar.integer(member(key), as: type, session) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try Scalar.integer(member(key), as: type, session) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try Scalar.integer(member(key), as: type, session) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try Scalar.integer(member(key), as: type, session) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try Scalar.integer(member(key), as: type, session) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try Scalar.integer(member(key), as: type, session) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try Scalar.integer(member(key), as: type, session) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try Scalar.integer(member(key), as: type, session) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try Scalar.integer(member(key), as: type, session) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try Scalar.integer(member(key), as: type, session) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try NodeDecoder(node: member(key), session: session).decode(type)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try NodeDecoder(node: member(key), session: session).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try NodeDecoder(node: member(key), session: session).unkeyedContainer()
        }

        // `JSONDecoder` gives a decoder of null for a missing key; rare enough to leave to it.
        func superDecoder() throws -> any Decoder {
            guard let key = Key(stringValue: "super"), contains(key) else { throw session.decline() }
            return NodeDecoder(node: try member(key), session: session)
        }

        /// `JSONDecoder` gives a decoder of null for a missing key; left to it.
        func superDecoder(forKey key: Key) throws -> any Decoder {
            guard contains(key) else { throw session.decline() }
            return NodeDecoder(node: try member(key), session: session)
        }

        // `JSONDecoder` reads 128-bit integers; the writer stores none.
        func decode(_ type: Int128.Type, forKey key: Key) throws -> Int128 { throw session.decline() }
        func decode(_ type: UInt128.Type, forKey key: Key) throws -> UInt128 { throw session.decline() }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let elements: [JSONNode]
        let session: Session
        var currentIndex = 0

        init(elements: [JSONNode], session: Session) {
            self.elements = elements
            self.session = session
        }

        var codingPath: [any CodingKey] { [] }
        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        /// Reads the current element with `read` and moves past it only when that succeeds (as `JSONDecoder`: a type
        /// may try another read of the same element after a failed one).
        private mutating func advance<T>(_ read: (JSONNode) throws -> T) throws -> T {
            guard currentIndex < elements.count else { throw Mismatch() }
            let value = try read(elements[currentIndex])
            currentIndex += 1
            return value
        }

        mutating func decodeNil() throws -> Bool {
            guard currentIndex < elements.count else { throw Mismatch() }
            if case .null = elements[currentIndex] {
                currentIndex += 1
                return true
            }
            return false
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try advance { try Scalar.bool($0) } }
        mutating func decode(_ type: String.Type) throws -> String { try advance { try Scalar.string($0) } }
        mutating func decode(_ type: Double.Type) throws -> Double { try advance { [session] in try Scalar.double($0, session) } }
        mutating func decode(_ type: Float.Type) throws -> Float { try advance { [session] in try Scalar.float($0, session) } }
        mutating func decode(_ type: Int.Type) throws -> Int { try advance { [session] in try Scalar.integer($0, as: type, session) } }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try advance { [session] in try Scalar.integer($0, as: type, session) } }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try advance { [session] in try Scalar.integer($0, as: type, session) } }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try advance { [session] in try Scalar.integer($0, as: type, session) } }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try advance { [session] in try Scalar.integer($0, as: type, session) } }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try advance { [session] in try Scalar.integer($0, as: type, session) } }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try advance { [session] in try Scalar.integer($0, as: type, session) } }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try advance { [session] in try Scalar.integer($0, as: type, session) } }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try advance { [session] in try Scalar.integer($0, as: type, session) } }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try advance { [session] in try Scalar.integer($0, as: type, session) } }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try advance { [session] in try NodeDecoder(node: $0, session: session).decode(type) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try advance { [session] in try NodeDecoder(node: $0, session: session).container(keyedBy: type) }
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try advance { [session] in try NodeDecoder(node: $0, session: session).unkeyedContainer() }
        }

        // `JSONDecoder` reads 128-bit integers; the writer stores none.
        mutating func decode(_ type: Int128.Type) throws -> Int128 { throw session.decline() }
        mutating func decode(_ type: UInt128.Type) throws -> UInt128 { throw session.decline() }

        mutating func superDecoder() throws -> any Decoder {
            try advance { [session] in NodeDecoder(node: $0, session: session) }
        }
    }

    struct SingleValueContainer: SingleValueDecodingContainer {
        let node: JSONNode
        let session: Session

        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool {
            if case .null = node { return true }
            return false
        }

        func decode(_ type: Bool.Type) throws -> Bool { try Scalar.bool(node) }
        func decode(_ type: String.Type) throws -> String { try Scalar.string(node) }
        func decode(_ type: Double.Type) throws -> Double { try Scalar.double(node, session) }
        func decode(_ type: Float.Type) throws -> Float { try Scalar.float(node, session) }
        func decode(_ type: Int.Type) throws -> Int { try Scalar.integer(node, as: type, session) }
        func decode(_ type: Int8.Type) throws -> Int8 { try Scalar.integer(node, as: type, session) }
        func decode(_ type: Int16.Type) throws -> Int16 { try Scalar.integer(node, as: type, session) }
        func decode(_ type: Int32.Type) throws -> Int32 { try Scalar.integer(node, as: type, session) }
        func decode(_ type: Int64.Type) throws -> Int64 { try Scalar.integer(node, as: type, session) }
        func decode(_ type: UInt.Type) throws -> UInt { try Scalar.integer(node, as: type, session) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try Scalar.integer(node, as: type, session) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try Scalar.integer(node, as: type, session) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try Scalar.integer(node, as: type, session) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try Scalar.integer(node, as: type, session) }

        // `JSONDecoder` reads 128-bit integers; the writer stores none.
        func decode(_ type: Int128.Type) throws -> Int128 { throw session.decline() }
        func decode(_ type: UInt128.Type) throws -> UInt128 { throw session.decline() }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try NodeDecoder(node: node, session: session).decode(type)
        }
    }
}
