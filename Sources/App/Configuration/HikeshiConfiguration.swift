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

    /// The URL people and providers reach this server at (webhooks, calendar feeds);
    /// `HIKESHI_PUBLIC_URL`, else `http://host:port`.
    public var publicURL: String {
        if let url = environment["HIKESHI_PUBLIC_URL"], !url.isEmpty {
            return url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        return "http://\(host):\(port)"
    }

    /// The defaults.
    public init() {}

    /// The SQLite file.
    public var sqlitePath: String {
        dataDirectory.appendingPathComponent("hikeshi.sqlite").path
    }
}

extension HikeshiConfiguration {
    /// The certificate SNS messages must be signed with (`HIKESHI_SNS_CERTIFICATE_FILE`, PEM), if configured.
    ///
    /// Without it, SNS-wrapped alarms are accepted unsigned: the secret integration URL is the only check.
    public func snsCertificatePEM() throws -> String? {
        guard let path = environment["HIKESHI_SNS_CERTIFICATE_FILE"], !path.isEmpty else { return nil }
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}
