import Foundation
import Logging
import Synchronization

/// A log handler that keeps every record, so tests can check what was (and was not) logged.
struct RecordingLogHandler: LogHandler {
    /// One log record, rendered to text with its metadata.
    struct Record: Sendable {
        /// The level.
        let level: Logger.Level
        /// The message.
        let message: String
        /// The merged metadata, values rendered.
        let metadata: [String: String]

        /// The message and every metadata key and value, for searching.
        var text: String {
            ([self.message] + self.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
        }
    }

    /// Where records go.
    final class Store: Sendable {
        private let records = Mutex<[Record]>([])

        /// Every record so far.
        var all: [Record] { self.records.withLock { $0 } }

        /// All records' text, joined.
        var text: String { self.all.map(\.text).joined(separator: "\n") }

        func append(_ record: Record) {
            self.records.withLock { $0.append(record) }
        }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = self.metadata.merging(event.metadata ?? [:]) { $1 }
        self.store.append(
            Record(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" })
        )
    }

    /// A trace-level logger recording into a new store.
    static func logger() -> (Logger, Store) {
        let store = Store()
        var logger = Logger(label: "delivery-tests") { _ in RecordingLogHandler(store: store) }
        logger.logLevel = .trace
        return (logger, store)
    }
}

/// Reading rendered messages back, as a mail client would.
enum MessageReader {
    /// Undoes SMTP dot-stuffing.
    static func unstuffed(_ lines: [String]) -> [String] {
        lines.map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 }
    }

    /// Splits message lines into unfolded header fields (name, value) and body lines.
    static func split(_ lines: [String]) -> (headers: [(name: String, value: String)], body: [String]) {
        var headers: [(name: String, value: String)] = []
        var index = 0
        while index < lines.count, !lines[index].isEmpty {
            let line = lines[index]
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !headers.isEmpty {
                headers[headers.count - 1].value += line
            } else if let colon = line.firstIndex(of: ":") {
                let value = line[line.index(after: colon)...].drop { $0 == " " }
                headers.append((String(line[..<colon]), String(value)))
            }
            index += 1
        }
        return (headers, Array(lines[min(index + 1, lines.count)...]))
    }

    /// Decodes RFC 2047 `=?UTF-8?B?...?=` words (whitespace between adjacent words dropped, as RFC 2047 says);
    /// other text is kept as it is.
    static func decodeEncodedWords(_ value: String) throws -> String {
        var result: [UInt8] = []
        var rest = Substring(value)
        var previousWasWord = false
        while !rest.isEmpty {
            if rest.hasPrefix("=?UTF-8?B?"), let end = rest.range(of: "?=") {
                let payload = rest[rest.index(rest.startIndex, offsetBy: 10)..<end.lowerBound]
                guard let bytes = Data(base64Encoded: String(payload)) else {
                    throw DeliveryTestError("bad base64 in encoded word \(payload)")
                }
                result += bytes
                rest = rest[end.upperBound...]
                previousWasWord = true
                continue
            }
            let whitespace = rest.prefix { $0 == " " || $0 == "\t" }
            if !whitespace.isEmpty, previousWasWord, rest.dropFirst(whitespace.count).hasPrefix("=?UTF-8?B?") {
                rest = rest.dropFirst(whitespace.count)
                continue
            }
            result += Array(String(rest.prefix(1)).utf8)
            rest = rest.dropFirst()
            previousWasWord = false
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Decodes a base64 body given as lines.
    static func decodeBase64Body(_ lines: [String]) throws -> String {
        guard let data = Data(base64Encoded: lines.joined()) else {
            throw DeliveryTestError("body is not base64")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
