/// A strict RFC 8259 JSON reader: no recursion deeper than ``maximumDepth``, no trailing content, numbers by the JSON
/// grammar (kept as text), `\u` escapes with surrogate pairs. Invalid UTF-8 inside strings becomes U+FFFD. What to do
/// with repeated keys, surrogates without their other half and a byte order mark is the caller's choice
/// (``Options``): bodies from other systems are read leniently, documents that must read exactly as `JSONDecoder`
/// reads them strictly.
public enum JSONReader {
    /// The deepest nesting of arrays and objects read (as `JSONDecoder`).
    public static let maximumDepth = 512

    /// Why a text was refused.
    public struct Failure: Error {}

    /// The reader's choices where RFC 8259 leaves them to the implementation.
    public struct Options: Sendable {
        /// What a repeated key in an object does.
        public enum DuplicateKeys: Sendable { case keepFirst, refuse }
        /// What a `\u` escape of half a surrogate pair, alone, does.
        public enum LoneSurrogates: Sendable { case replace, refuse }
        /// What bytes in a string that are not UTF-8 do.
        public enum InvalidUTF8: Sendable { case replace, refuse }

        /// Repeated keys.
        public var duplicateKeys: DuplicateKeys
        /// Lone surrogates.
        public var loneSurrogates: LoneSurrogates
        /// Whether a leading UTF-8 byte order mark is skipped (else refused).
        public var skipsByteOrderMark: Bool
        /// Bytes that are not UTF-8 (U+FFFD for each, or the text refused).
        public var invalidUTF8: InvalidUTF8

        /// Creates options.
        public init(duplicateKeys: DuplicateKeys, loneSurrogates: LoneSurrogates, skipsByteOrderMark: Bool, invalidUTF8: InvalidUTF8) {
            self.duplicateKeys = duplicateKeys
            self.loneSurrogates = loneSurrogates
            self.skipsByteOrderMark = skipsByteOrderMark
            self.invalidUTF8 = invalidUTF8
        }

        /// For bodies other systems send: the first of repeated keys, U+FFFD for lone surrogates and for bytes that
        /// are not UTF-8, a BOM skipped.
        public static let lenient = Options(duplicateKeys: .keepFirst, loneSurrogates: .replace, skipsByteOrderMark: true, invalidUTF8: .replace)

        /// Nothing an implementation may answer its own way: repeated keys, lone surrogates, bytes that are not UTF-8
        /// and a BOM are refused.
        public static let strict = Options(duplicateKeys: .refuse, loneSurrogates: .refuse, skipsByteOrderMark: false, invalidUTF8: .refuse)
    }

    /// Reads the one JSON value `bytes` hold.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, options: Options) throws(Failure) -> JSONNode {
        var parser = JSONParser(bytes: bytes, options: options)
        return try parser.document()
    }

    /// Reads the one JSON value `text` holds.
    public static func parse(_ text: String, options: Options) throws(Failure) -> JSONNode {
        var text = text
        let result = text.withUTF8 { bytes in Result { () throws(Failure) in try parse(bytes, options: options) } }
        return try result.get()
    }
}
