import Foundation
import HikeshiCore

/// What a migration did (or, in a dry run, would do): one entry per object, the warnings, and the channels whose
/// owners must activate them.
public struct MigrationReport: Sendable, Codable, Equatable {
    /// One migrated object.
    public struct Entry: Sendable, Codable, Equatable {
        /// What it is.
        public var kind: MigrationKind
        /// Its ARN at the source.
        public var source: String
        /// Its alias, name or title.
        public var name: String
        /// What it became here (empty when nothing was made).
        public var target: String
        /// What happened to it.
        public var outcome: MigrationOutcome
        /// What the operator should know.
        public var warnings: [String]
        /// Why it failed, when it did.
        public var error: String?

        /// An entry.
        public init(
            kind: MigrationKind, source: String, name: String, target: String, outcome: MigrationOutcome, warnings: [String] = [],
            error: String? = nil
        ) {
            self.kind = kind
            self.source = source
            self.name = name
            self.target = target
            self.outcome = outcome
            self.warnings = warnings
            self.error = error
        }
    }

    /// The account written into.
    public var accountID: String
    /// The region written into.
    public var region: String
    /// Whether nothing was written.
    public var dryRun: Bool
    /// Every object, in the order they were migrated.
    public var entries: [Entry] = []
    /// Warnings about the source as a whole.
    public var warnings: [String] = []
    /// Channels that must be activated before they are paged.
    public var channelsToActivate: [MigrationChannel] = []

    /// An empty report.
    public init(accountID: String, region: String, dryRun: Bool) {
        self.accountID = accountID
        self.region = region
        self.dryRun = dryRun
    }

    /// How many objects had each outcome.
    public var counts: [MigrationOutcome: Int] {
        entries.reduce(into: [:]) { $0[$1.outcome, default: 0] += 1 }
    }

    /// Whether any object failed.
    public var hasFailures: Bool {
        entries.contains { $0.outcome == .failed }
    }

    /// The report as JSON (stable key order).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }

    /// The report as a table for a terminal, with the warnings and the channels to activate after it.
    public func table() -> String {
        let header = ["KIND", "NAME", "OUTCOME", "TARGET"]
        let rows = entries.map { [$0.kind.rawValue, $0.name, $0.outcome.rawValue, $0.target] }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = min(max(widths[index], cell.count), 72) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var lines = [(dryRun ? "Dry run: nothing was written. " : "") + "Account \(accountID), region \(region)", "", line(header)]
        lines += rows.map(line)
        let counts = self.counts
        lines.append("")
        lines.append(MigrationOutcome.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue.lowercased())" }.joined(separator: ", "))
        let failures = entries.filter { $0.error != nil }
        if !failures.isEmpty {
            lines.append("")
            lines.append("Failed (nothing of these was written):")
            lines += failures.map { "  \($0.kind.rawValue) \($0.name): \($0.error ?? "")" }
        }
        let warnings = self.warnings + entries.flatMap { entry in entry.warnings.map { "\(entry.kind.rawValue) \(entry.name): \($0)" } }
        if !warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines += warnings.map { "  \($0)" }
        }
        if !channelsToActivate.isEmpty {
            lines.append("")
            lines.append("Channels to activate (each owner confirms the code sent by `aws ssm-contacts send-activation-code`):")
            lines += channelsToActivate.map { "  \($0.contactArn)  \($0.name) \($0.type.rawValue) \($0.address)  \($0.channelArn)" }
        }
        return lines.joined(separator: "\n")
    }
}
