import Foundation
import Logging

/// Everything the server needs to start, from the command line and the environment.
public struct HikeshiConfiguration: Sendable {
    /// The address to listen on.
    public var host: String = "127.0.0.1"
    /// The port to listen on.
    public var port: Int = 4750
    /// Local files: the SQLite database, the master key, generated credentials.
    public var dataDirectory: URL = URL(fileURLWithPath: ".hikeshi")
    /// A `postgres://` URL; SQLite in the data directory when `nil`.
    public var databaseURL: String?
    /// The log level.
    public var logLevel: Logger.Level = .info
    /// The process environment (bootstrap credentials, master key).
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// Testing aid: the instant the domain clock starts at.
    public var clockStart: Date?
    /// Testing aid: how many times faster than real time the domain clock runs.
    public var timeScale: Double = 1

    /// The defaults.
    public init() {}

    /// The SQLite file.
    public var sqlitePath: String {
        dataDirectory.appendingPathComponent("hikeshi.sqlite").path
    }
}
