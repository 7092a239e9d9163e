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
        subcommands: [Serve.self, Admin.self, SupportCommand.self, CalendarCommand.self, MailgateCommand.self, MigrateCommand.self]
    )
}

/// Options naming where the data lives and where the settings are, shared by every command.
struct StorageOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Directory for the SQLite database, master key and credentials (env HIKESHI_DATA_DIR).")
    var dataDirectory: String?

    @Option(name: .customLong("database-url"), help: "PostgreSQL URL, postgres://user:pass@host:port/db (env HIKESHI_DATABASE_URL).")
    var databaseURL: String?

    @Option(name: .customLong("config"), help: "A YAML (or .json) configuration file; command line and environment win (env HIKESHI_CONFIG_FILE).")
    var configFile: String?

    /// The options given on the command line, by setting.
    var given: [HikeshiConfiguration.Key: String] {
        var values: [HikeshiConfiguration.Key: String] = [:]
        values[.dataDirectory] = dataDirectory
        values[.databaseURL] = databaseURL
        values[.configFile] = configFile
        return values
    }

    /// The configuration: these options, then the environment, then the configuration file, then the defaults
    /// (what the admin commands use).
    func configuration() async throws -> HikeshiConfiguration {
        try await HikeshiConfiguration.load(commandLine: given)
    }
}
