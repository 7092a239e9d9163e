import Foundation
import HikeshiCore
import Storage

extension AdminCommands {
    /// The audit entries of one account (or all) from `since` to `until`, oldest first, at most `limit`.
    public static func audit(
        _ configuration: HikeshiConfiguration, accountID: String?, since: Date?, until: Date?, limit: Int
    ) async throws -> [AuditEntry] {
        try await withCore(configuration) { core in
            try await SQLAuditLog(database: core.database).entries(accountID: accountID, since: since, until: until, limit: limit, logger: logger)
        }
    }
}
