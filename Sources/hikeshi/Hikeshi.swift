import App
import ArgumentParser
import Foundation
import Logging

/// The `hikeshi` command.
@main
struct Hikeshi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hikeshi",
        abstract: "A self-hosted incident-response and support desk that speaks the AWS APIs.",
        subcommands: [Serve.self, Admin.self, SupportCommand.self, CalendarCommand.self]
    )
}

/// Options naming where the data lives, shared by every command.
struct StorageOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Directory for the SQLite database, master key and credentials (env HIKESHI_DATA_DIR).")
    var dataDirectory: String?

    @Option(name: .customLong("database-url"), help: "PostgreSQL URL, postgres://user:pass@host:port/db (env HIKESHI_DATABASE_URL).")
    var databaseURL: String?

    /// The default configuration with these options applied (what the admin commands use).
    func configuration() -> HikeshiConfiguration {
        var configuration = HikeshiConfiguration()
        apply(to: &configuration)
        return configuration
    }

    func apply(to configuration: inout HikeshiConfiguration) {
        let environment = configuration.environment
        if let directory = dataDirectory ?? environment["HIKESHI_DATA_DIR"] {
            configuration.dataDirectory = URL(fileURLWithPath: directory)
        }
        configuration.databaseURL = databaseURL ?? environment["HIKESHI_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
