import Foundation

/// A fast `Decodable` reader with `JSONDecoder`'s answers, or none.
///
/// Foundation's `JSONDecoder` costs about 30,000 instructions for a 40-byte document on Linux (a `DescribeCases` of
/// 20 cases spent a third of its time there, a signed `GetContact` a tenth). This reader parses the text with
/// ``JSONReader`` (strict options) and serves `Decodable` from the tree. It is deliberately narrow: it accepts only
/// what it answers exactly as `JSONDecoder` would, and throws ``JSONNodeDecoder/Unsupported`` for anything else —
/// malformed text, a duplicated key, a lone surrogate, a number that is not a plain integer where an integer is asked
/// for, `Float`, `Data`, `URL`, `Decimal`, and `Date` when the caller's `JSONDecoder` has a date strategy of its own
/// (which `JSONDecoder` reads its own way) — so that the caller can ask `JSONDecoder`, whose answer (a value or its
/// error) then stands. A decline counts even when the decoded type catches it.
///
/// Coding paths are not tracked, so no error of this reader should ever be shown: a caller that reports decoding
/// errors asks `JSONDecoder` again for any error, as ``decodeOrAsk(_:from:options:fallback:)`` does.
public enum JSONNodeDecoder {
    /// Why the reader declined; the caller falls back to `JSONDecoder`.
    public struct Unsupported: Error {}

    /// Which of `JSONDecoder`'s strategies the answers must match.
    public struct Options: Sendable {
        /// Whether `Date` is declined: the caller's `JSONDecoder` has a date strategy other than the default
        /// (`deferredToDate`, seconds since 2001 as a number, which this reader gives).
        public var declinesDates: Bool

        /// `JSONDecoder()` as created, with its default strategies.
        public static let defaultStrategies = Options(declinesDates: false)
        /// A `JSONDecoder` with a date strategy of its own: dates are left to it.
        public static let ownDateStrategy = Options(declinesDates: true)
    }

    /// Decodes `type` from `text`, or throws ``Unsupported`` or the decoded type's own error.
    public static func decode<Value: Decodable>(_ type: Value.Type, from text: String, options: Options = .defaultStrategies) throws -> Value {
        // Strict: JSONDecoder's own choices (repeated keys, lone surrogates, a byte order mark) are its to make.
        guard let node = try? JSONReader.parse(text, options: .strict) else { throw Unsupported() }
        return try decode(type, from: node, options: options)
    }

    /// Decodes `type` from `bytes`, or throws ``Unsupported`` or the decoded type's own error.
    public static func decode<Value: Decodable>(
        _ type: Value.Type, from bytes: UnsafeBufferPointer<UInt8>, options: Options = .defaultStrategies
    ) throws -> Value {
        guard let node = try? JSONReader.parse(bytes, options: .strict) else { throw Unsupported() }
        return try decode(type, from: node, options: options)
    }

    /// `type` from `data` by this reader when it can answer, otherwise `fallback`'s answer (its value or its error):
    /// every error, this reader's or the decoded type's, is left to `fallback`, whose errors carry coding paths.
    public static func decodeOrAsk<Value: Decodable>(
        _ type: Value.Type, from data: Data, options: Options, fallback: (Data) throws -> Value
    ) rethrows -> Value {
        let read = data.withUnsafeBytes { raw in
            try? decode(type, from: raw.bindMemory(to: UInt8.self), options: options)
        }
        if let read { return read }
        return try fallback(data)
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, from node: JSONNode, options: Options) throws -> Value {
        let session = Session(declinesDates: options.declinesDates)
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
}
