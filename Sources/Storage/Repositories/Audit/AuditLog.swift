import Foundation
import HikeshiCore
import Logging

/// The audit log: every change made through the API and the console, kept for a configured period.
public protocol AuditLog: Sendable {
    /// Records `entry`.
    func record(_ entry: AuditEntry, logger: Logger) async throws

    /// Entries from `since` (inclusive) to `until` (exclusive), oldest first, of one account or all, at most `limit`.
    func entries(accountID: String?, since: Date?, until: Date?, limit: Int, logger: Logger) async throws -> [AuditEntry]

    /// Removes the entries older than `cutoff`; returns how many.
    @discardableResult
    func prune(before cutoff: Date, logger: Logger) async throws -> Int
}
