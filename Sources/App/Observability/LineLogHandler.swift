import Foundation
import Logging

/// The server's log handler: one line per message on standard error, in `StreamLogHandler`'s format
/// (`2026-12-06T09:15:00+0000 info hikeshi: aws.account=… request.id=… [App] message`).
///
/// It differs in when it does the work: `StreamLogHandler` renders its metadata to text every time a key is set,
/// and a request sets several keys (request id, account, operation) whether or not anything is logged; this handler
/// keeps the dictionary and renders only the lines it writes.
public struct LineLogHandler: LogHandler {
    /// The logger's label, written after the level.
    public let label: String
    /// The least severe level written.
    public var logLevel: Logger.Level = .info
    /// Metadata written with every line of this logger.
    public var metadata: Logger.Metadata = [:]
    /// Metadata added from the task's context at each line (none by default).
    public var metadataProvider: Logger.MetadataProvider?

    /// A handler for the logger labelled `label`, with the process's metadata provider.
    public init(label: String) {
        self.label = label
        self.metadataProvider = LoggingSystem.metadataProvider
    }

    /// Reads or sets one metadata key; nothing is rendered until a line is written.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line to standard error.
    public func log(event: LogEvent) {
        var line = render(event, timestamp: Self.timestamp())
        // One write(2) per line: lines of concurrent tasks do not interleave.
        line.withUTF8 { bytes in
            _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count)
        }
    }

    /// The line for `event`: the event's metadata over the provider's over the logger's, keys in order.
    func render(_ event: LogEvent, timestamp: String) -> String {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, new in new }
        }
        if let explicit = event.metadata, !explicit.isEmpty {
            merged.merge(explicit) { _, new in new }
        }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        var line = timestamp
        line += " \(event.level)"
        if !label.isEmpty { line += " " + label }
        line += ":"
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(value)"
        }
        line += " [\(event.source)] \(event.message)\n"
        return line
    }

    /// Local time with its offset, as `StreamLogHandler` writes it.
    static func timestamp() -> String {
        var now = time(nil)
        var fields = tm()
        guard localtime_r(&now, &fields) != nil else { return "<unknown>" }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            guard let start = buffer.baseAddress, strftime(start, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &fields) > 0 else {
                return "<unknown>"
            }
            return String(cString: start)
        }
    }
}
