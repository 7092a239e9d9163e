import Foundation
import HikeshiCore

/// A fast reader for the JSON documents ``StoredJSON`` writes, with `JSONDecoder`'s answers.
///
/// Foundation's `JSONDecoder` costs about 30,000 instructions for a 40-byte document on Linux (a
/// DescribeCases of 20 cases spent a third of its time there). This reader parses the text with
/// ``JSONReader`` (strict options) and serves `Decodable` from the tree. It is deliberately narrow: it accepts only
/// what it answers exactly as `JSONDecoder` (default strategies) would, and throws
/// ``StoredJSONReader/Unsupported`` for anything else — malformed text, a duplicated key, a lone
/// surrogate, a number that is not a plain integer where an integer is asked for, `Float`, `Data`,
/// `URL`, `Decimal` (which `JSONDecoder` reads its own way) — so that the caller can ask
/// `JSONDecoder`, whose answer (a value or its error) then stands. A decline counts even when the
/// decoded type catches it. Coding paths are not tracked: no error of this reader is ever shown.
enum StoredJSONReader {
    /// Why the reader declined; the caller falls back to `JSONDecoder`.
    struct Unsupported: Error {}

    /// Decodes `type` from `text`, or throws ``Unsupported``.
    static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        // Strict: JSONDecoder's own choices (repeated keys, lone surrogates, a byte order mark) are its to make.
        guard let node = try? JSONReader.parse(text, options: .strict) else { throw Unsupported() }
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
}
