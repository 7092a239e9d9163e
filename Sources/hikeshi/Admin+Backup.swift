import App
import ArgumentParser
import Foundation

extension Admin {
    /// `hikeshi admin backup`: an online, consistent copy of the embedded database.
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Copy the SQLite database while the server runs (consistent; keep the master key with it). PostgreSQL: use pg_dump."
        )

        @Option(help: "The file to write.")
        var to: String

        @Flag(help: "Replace the file if it exists.")
        var force = false

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let configuration = try await storage.configuration()
            try await AdminCommands.backup(configuration, to: URL(fileURLWithPath: to), force: force)
            try printJSON(["Backup": URL(fileURLWithPath: to).path])
        }
    }

    /// `hikeshi admin restore`: a backup in place of the embedded database.
    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Put a backup in place of the SQLite database (no server may run on the data directory; the old database is kept)."
        )

        @Option(help: "The backup file.")
        var from: String

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let configuration = try await storage.configuration()
            let kept = try await AdminCommands.restore(configuration, from: URL(fileURLWithPath: from))
            var answer = ["Restored": URL(fileURLWithPath: from).path]
            answer["PreviousDatabaseKeptAs"] = kept
            try printJSON(answer)
        }
    }
}
