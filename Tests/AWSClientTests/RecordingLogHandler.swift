import Logging
import Synchronization

/// A log handler that keeps every entry, at every level, for tests to inspect.
struct RecordingLogHandler: LogHandler {
    /// One entry: its level, message and metadata, rendered as text.
    struct Entry: Sendable {
        /// The level.
        var level: Logger.Level
        /// The message.
        var message: String
        /// The metadata (the logger's and the entry's), each value rendered as text.
        var metadata: [String: String]

        /// The message and every metadata key and value, for searching.
        var text: String {
            ([message] + metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
        }
    }

    /// Where entries go.
    final class Store: Sendable {
        private let entries = Mutex<[Entry]>([])

        /// Adds an entry.
        func append(_ entry: Entry) {
            entries.withLock { $0.append(entry) }
        }

        /// Every entry so far.
        var all: [Entry] {
            entries.withLock { $0 }
        }
    }

    /// The store entries are added to.
    let store: Store
    /// The logger's own metadata.
    var metadata: Logger.Metadata = [:]
    /// The level; `.trace` records everything.
    var logLevel: Logger.Level = .trace

    /// A logger recording into a fresh store, and the store.
    static func logger() -> (Logger, Store) {
        let store = Store()
        return (Logger(label: "AWSClientTests") { _ in RecordingLogHandler(store: store) }, store)
    }

    /// A metadata value of the logger.
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Records an entry.
    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        store.append(Entry(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
    }
}
