import App
import ArgumentParser
import Foundation
import Hummingbird
import Logging

/// `hikeshi serve`: runs the server until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the server.")

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 4750

    @OptionGroup var storage: StorageOptions

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    @Option(name: .customLong("time-scale"), help: "Testing aid: run domain time N times faster (timers, shifts, timestamps).")
    var timeScale: Double = 1

    @Option(name: .customLong("clock-start"), help: "Testing aid: start domain time at this ISO 8601 instant.")
    var clockStart: String?

    func run() async throws {
        var configuration = HikeshiConfiguration()
        configuration.host = host
        configuration.port = port
        storage.apply(to: &configuration)
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("unknown log level \(logLevel)")
        }
        configuration.logLevel = level
        guard timeScale > 0 else {
            throw ValidationError("--time-scale must be positive")
        }
        configuration.timeScale = timeScale
        if let clockStart {
            guard let start = ISO8601DateFormatter().date(from: clockStart) else {
                throw ValidationError("--clock-start must be an ISO 8601 instant such as 2026-01-09T15:00:00Z")
            }
            configuration.clockStart = start
        }
        let settings = configuration
        let engine = configuration.databaseURL == nil ? "sqlite \(configuration.sqlitePath)" : "postgresql"
        let app = try await buildApplication(settings) { port, credentials in
            var lines = ["hikeshi listening on http://\(settings.host):\(port) (\(engine))"]
            switch credentials {
            case .fromEnvironment(let account, let key):
                lines.append("administrator: account \(account), access key \(key) (from the environment)")
            case .generated(_, _, let file), .existing(let file):
                lines.append("administrator credentials: \(file)")
            case nil:
                break
            }
            lines.append(
                "try: AWS_SHARED_CREDENTIALS_FILE=\(settings.dataDirectory.path)/credentials aws --region us-east-1 "
                    + "--endpoint-url http://\(settings.host):\(port) ssm-contacts list-contacts"
            )
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        try await app.runService()
    }
}
