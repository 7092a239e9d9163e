import App
import ArgumentParser
import Foundation
import Hummingbird
import Logging

/// `hikeshi serve`: runs the server until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the server.")

    @Option(help: "Address to listen on (default 127.0.0.1; env HIKESHI_HOST).")
    var host: String?

    @Option(help: "Port to listen on, 0 picks a free one (default 4750; env HIKESHI_PORT).")
    var port: String?

    @OptionGroup var storage: StorageOptions

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (default info).")
    var logLevel: String?

    @Option(name: .customLong("time-scale"), help: "Testing aid: run domain time N times faster (timers, shifts, timestamps).")
    var timeScale: String?

    @Option(name: .customLong("clock-start"), help: "Testing aid: start domain time at this ISO 8601 instant.")
    var clockStart: String?

    @Option(name: .customLong("allow-scripts"), help: "Whose runbooks may run aws:executeScript: admin (default), all or none.")
    var allowScripts: String?

    @Option(
        name: .customLong("node-name"), help: "This node's name in job leases and logs (default: host name and process id; env HIKESHI_NODE_NAME).")
    var nodeName: String?

    @Option(
        name: .customLong("dev-mail"),
        help: "Development: 'log' prints every email, SMS and voice message to standard output instead of sending it (env HIKESHI_DEV_MAIL).")
    var devMail: String?

    @Flag(name: .customLong("allow-private-webhooks"), help: "Let runbooks' aws:invokeWebhook post to private and local addresses.")
    var allowPrivateWebhooks = false

    func run() async throws {
        MemoryAllocator.configureForServing(environment: ProcessInfo.processInfo.environment)
        LoggingSystem.bootstrap(LineLogHandler.init)
        var given = storage.given
        given[.host] = host
        given[.port] = port
        given[.logLevel] = logLevel
        given[.timeScale] = timeScale
        given[.clockStart] = clockStart
        given[.allowScripts] = allowScripts
        given[.nodeName] = nodeName
        given[.devMail] = devMail
        if allowPrivateWebhooks { given[.allowPrivateWebhooks] = "true" }
        let settings: HikeshiConfiguration
        do {
            settings = try await HikeshiConfiguration.load(commandLine: given)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
        let configuration = settings
        // The embedded database belongs to one server; held until the process ends.
        let lock = try configuration.databaseURL == nil ? DataDirectoryLock(directory: configuration.dataDirectory) : nil
        defer { withExtendedLifetime(lock) {} }
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
            lines.append(contentsOf: settings.deliveryBanner)
            lines.append(
                "try: AWS_SHARED_CREDENTIALS_FILE=\(settings.dataDirectory.path)/credentials aws --region us-east-1 "
                    + "--endpoint-url http://\(settings.host):\(port) ssm-contacts list-contacts"
            )
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        do {
            try await runUntilSignalled(app)
        } catch  where String(describing: error).contains("Address already in use") {
            throw StartupError(
                "port \(settings.port) on \(settings.host) is in use by another process; stop it or choose another --port (HIKESHI_PORT)")
        }
    }
}
