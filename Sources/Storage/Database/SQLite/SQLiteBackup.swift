import Foundation
import Logging
import SQLKit

/// Online copies of the embedded database and the checks a restore needs.
public enum SQLiteBackup {
    /// Writes a consistent copy of `database` to `path` while the server may go on writing (`VACUUM INTO` reads one
    /// snapshot); `path` must not exist.
    public static func copy(_ database: SQLiteDatabaseClient, to path: String) async throws {
        try await database.vacuum(into: path)
    }

    /// The schema version of the Hikeshi database in the file at `path` (the newest migration applied), or nil when
    /// the file is not one. The file is opened as the server opens it (write-ahead log on): check a copy.
    public static func schemaVersion(ofFile path: String, logger: Logger) async -> Int? {
        // Only a file that starts as every SQLite database does is opened at all.
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        let header = try? handle.read(upToCount: 16)
        try? handle.close()
        guard header == Data("SQLite format 3\u{0}".utf8) else { return nil }
        guard let database = try? await SQLiteDatabaseClient.open(path: path, readers: 1, logger: logger) else { return nil }
        let version = try? await database.read { sql in
            try await sql.raw("SELECT MAX(version) AS version FROM hikeshi_migrations").first()?.decode(column: "version", as: Int?.self)
        }
        await database.shutdown()
        return version ?? nil
    }

    /// The newest schema version this binary knows.
    public static var currentSchemaVersion: Int {
        Schema.migrations.map(\.version).max() ?? 0
    }
}
