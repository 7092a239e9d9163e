import Foundation
import Logging
import SQLKit

/// Applies pending migrations in one transaction, after checking that the database's history is a
/// prefix of the binary's.
public struct Migrator: Sendable {
    private let migrations: [Migration]

    /// Creates a migrator for a list of migrations, which must have increasing versions.
    public init(migrations: [Migration] = Schema.migrations) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Applies what is pending; returns the versions applied.
    @discardableResult
    public func migrate(_ database: any DatabaseClient, logger: Logger) async throws -> [Int] {
        let migrations = self.migrations
        let engine = database.engine
        let applied = try await database.transaction { sql -> [Int] in
            if engine == .postgres {
                // Several nodes may start at once: one migrates, the others wait and find nothing to do.
                try await sql.raw("SELECT pg_advisory_xact_lock(475001)").run()
            }
            try await sql.raw(
                "CREATE TABLE IF NOT EXISTS hikeshi_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
            ).run()
            let rows = try await sql.raw("SELECT version, name FROM hikeshi_migrations ORDER BY version").all()
            let history = try rows.map { (try $0.decode(column: "version", as: Int.self), try $0.decode(column: "name", as: String.self)) }
            for (index, entry) in history.enumerated() {
                guard index < migrations.count else {
                    throw StorageError(.schemaMismatch, "the database has migration \(entry.0) which this binary does not know; upgrade hikeshi")
                }
                guard migrations[index].version == entry.0, migrations[index].name == entry.1 else {
                    throw StorageError(.schemaMismatch, "migration \(entry.0) '\(entry.1)' differs from this binary's history")
                }
            }
            var done: [Int] = []
            for migration in migrations.dropFirst(history.count) {
                for statement in migration.statements(engine) {
                    try await sql.raw(SQLQueryString(statement)).run()
                }
                try await migration.transform?(sql)
                let now = Int64(Date().timeIntervalSince1970 * 1000)
                try await sql.raw(
                    "INSERT INTO hikeshi_migrations (version, name, applied_at) VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: now))"
                ).run()
                done.append(migration.version)
            }
            return done
        }
        if !applied.isEmpty {
            logger.info("migrations applied", metadata: ["db.migrations": .string(applied.map(String.init).joined(separator: ","))])
        }
        return applied
    }
}
