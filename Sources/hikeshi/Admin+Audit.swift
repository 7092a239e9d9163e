import App
import ArgumentParser
import Foundation
import HikeshiCore

extension Admin {
    /// `hikeshi admin audit`: who changed what, when, through the API or the console.
    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Print the audit log (every change made through the API and the console), one JSON object per line, oldest first."
        )

        @Option(name: .customLong("account-id"), help: "Only this account's changes.")
        var accountID: String?

        @Option(help: "From this ISO 8601 instant (inclusive), e.g. 2026-12-01T00:00:00Z.")
        var since: String?

        @Option(help: "Until this ISO 8601 instant (exclusive).")
        var until: String?

        @Option(help: "At most this many entries (default 1000).")
        var limit: Int = 1000

        @OptionGroup var storage: StorageOptions

        func validate() throws {
            guard (1...100_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 100000") }
            _ = try Self.instant(since, "--since")
            _ = try Self.instant(until, "--until")
        }

        func run() async throws {
            let configuration = try await storage.configuration()
            let entries = try await AdminCommands.audit(
                configuration, accountID: accountID, since: try Self.instant(since, "--since"), until: try Self.instant(until, "--until"),
                limit: limit)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            for entry in entries {
                print(String(decoding: try encoder.encode(entry), as: UTF8.self))
            }
        }

        private static func instant(_ text: String?, _ option: String) throws -> Date? {
            guard let text else { return nil }
            guard let date = ISO8601DateFormatter().date(from: text) else {
                throw ValidationError("\(option) must be an ISO 8601 instant such as 2026-12-01T00:00:00Z")
            }
            return date
        }
    }
}
