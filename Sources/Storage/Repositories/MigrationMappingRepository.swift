import Foundation
import HikeshiCore
import SQLKit

/// The mappings `hikeshi migrate` keeps from source resources to this account's, written in the transaction that
/// writes the resource.
public struct MigrationMappingRepository: Sendable {
    private let sql: any SQLDatabase

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The mapping of a source resource into an account.
    public func mapping(source sourceArn: String, accountID: String) async throws -> MigrationMapping? {
        guard
            let row = try await sql.raw(
                """
                SELECT account_id, source_arn, kind, target_arn, fingerprint, migrated_at FROM migration_mappings
                WHERE account_id = \(bind: accountID) AND source_arn = \(bind: sourceArn)
                """
            ).first()
        else { return nil }
        return try Self.mapping(row)
    }

    /// The mapping whose target is `targetArn` in an account (what was migrated into it), if any.
    public func mapping(target targetArn: String, accountID: String) async throws -> MigrationMapping? {
        guard
            let row = try await sql.raw(
                """
                SELECT account_id, source_arn, kind, target_arn, fingerprint, migrated_at FROM migration_mappings
                WHERE account_id = \(bind: accountID) AND target_arn = \(bind: targetArn) ORDER BY source_arn LIMIT 1
                """
            ).first()
        else { return nil }
        return try Self.mapping(row)
    }

    /// Every mapping of an account, by source ARN.
    public func list(accountID: String) async throws -> [MigrationMapping] {
        try await sql.raw(
            """
            SELECT account_id, source_arn, kind, target_arn, fingerprint, migrated_at FROM migration_mappings
            WHERE account_id = \(bind: accountID) ORDER BY source_arn
            """
        ).all().map(Self.mapping)
    }

    /// The mappings of an account whose source ARN starts with `sourcePrefix` (the parts of one source resource, such
    /// as an incident's timeline events), by source ARN.
    public func list(accountID: String, sourcePrefix: String) async throws -> [MigrationMapping] {
        // substr instead of LIKE: ARNs may hold '_' and '%'; both engines count characters (code points).
        try await sql.raw(
            """
            SELECT account_id, source_arn, kind, target_arn, fingerprint, migrated_at FROM migration_mappings
            WHERE account_id = \(bind: accountID)
                AND substr(source_arn, 1, CAST(\(bind: sourcePrefix.unicodeScalars.count) AS INTEGER)) = \(bind: sourcePrefix)
            ORDER BY source_arn
            """
        ).all().map(Self.mapping)
    }

    /// Records (or replaces) a mapping.
    public func put(_ mapping: MigrationMapping) async throws {
        try await sql.raw(
            """
            INSERT INTO migration_mappings (account_id, source_arn, kind, target_arn, fingerprint, migrated_at)
            VALUES (\(bind: mapping.accountID), \(bind: mapping.sourceArn), \(bind: mapping.kind.rawValue), \(bind: mapping.targetArn),
                    \(bind: mapping.fingerprint), \(bind: mapping.migratedAt.millisecondsSince1970))
            ON CONFLICT (account_id, source_arn) DO UPDATE SET kind = excluded.kind, target_arn = excluded.target_arn,
                fingerprint = excluded.fingerprint, migrated_at = excluded.migrated_at
            """
        ).run()
    }

    /// Forgets a mapping (its target was deleted and is being created anew).
    public func remove(source sourceArn: String, accountID: String) async throws {
        try await sql.raw(
            "DELETE FROM migration_mappings WHERE account_id = \(bind: accountID) AND source_arn = \(bind: sourceArn)"
        ).run()
    }

    private static func mapping(_ row: any SQLRow) throws -> MigrationMapping {
        let kindText = try row.decode(column: "kind", as: String.self)
        guard let kind = MigrationKind(rawValue: kindText) else {
            throw StorageError(.corrupt, "unknown migration mapping kind \(kindText)")
        }
        return MigrationMapping(
            accountID: try row.decode(column: "account_id", as: String.self),
            sourceArn: try row.decode(column: "source_arn", as: String.self),
            kind: kind,
            targetArn: try row.decode(column: "target_arn", as: String.self),
            fingerprint: try row.decode(column: "fingerprint", as: String.self),
            migratedAt: Date(millisecondsSince1970: try row.decode(column: "migrated_at", as: Int64.self))
        )
    }
}
