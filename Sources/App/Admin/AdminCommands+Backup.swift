import Foundation
import Storage

extension AdminCommands {
    /// Writes a consistent copy of the embedded database to `destination` while the server may be serving (written
    /// to a temporary name beside it, then renamed); refuses an existing file unless `force`. PostgreSQL is backed up
    /// with its own tools (pg_dump).
    public static func backup(_ configuration: HikeshiConfiguration, to destination: URL, force: Bool) async throws {
        guard configuration.databaseURL == nil else {
            throw AdminError(
                "the database is PostgreSQL: back it up with pg_dump (see README, Backups), and keep the master key with it")
        }
        guard FileManager.default.fileExists(atPath: configuration.sqlitePath) else {
            throw AdminError("there is no database at \(configuration.sqlitePath); check --data-dir")
        }
        if FileManager.default.fileExists(atPath: destination.path) && !force {
            throw AdminError("\(destination.path) exists; choose another file or pass --force")
        }
        let partial = destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent).partial-\(UUID().uuidString.prefix(8))")
        let database = try await SQLiteDatabaseClient.open(path: configuration.sqlitePath, readers: 1, logger: logger)
        do {
            try await SQLiteBackup.copy(database, to: partial.path)
            await database.shutdown()
        } catch {
            await database.shutdown()
            try? FileManager.default.removeItem(at: partial)
            throw AdminError("the backup could not be written to \(destination.path): \(error)")
        }
        if FileManager.default.fileExists(atPath: destination.path) {
            _ = try FileManager.default.replaceItemAt(destination, withItemAt: partial)
        } else {
            try FileManager.default.moveItem(at: partial, to: destination)
        }
    }

    /// Puts the backup `source` in place of the embedded database of the data directory, with no server running there
    /// (its lock says); the database it replaces is kept beside it, renamed. Refuses a file that is not a Hikeshi
    /// database or whose schema is newer than this binary's. Returns the name the previous database was kept under.
    public static func restore(_ configuration: HikeshiConfiguration, from source: URL) async throws -> String? {
        guard configuration.databaseURL == nil else {
            throw AdminError("the database is PostgreSQL: restore it with pg_restore or psql (see README, Backups)")
        }
        guard FileManager.default.fileExists(atPath: source.path) else { throw AdminError("\(source.path) does not exist") }
        let lock: DataDirectoryLock
        do {
            lock = try DataDirectoryLock(directory: configuration.dataDirectory)
        } catch {
            throw AdminError("\(error.description) (stop the server before restoring)")
        }
        defer { withExtendedLifetime(lock) {} }
        let target = URL(fileURLWithPath: configuration.sqlitePath)
        let staging = target.deletingLastPathComponent().appendingPathComponent("hikeshi.sqlite.restoring")
        try? removeDatabase(at: staging)
        try FileManager.default.copyItem(at: source, to: staging)
        guard let version = await SQLiteBackup.schemaVersion(ofFile: staging.path, logger: logger) else {
            try? removeDatabase(at: staging)
            throw AdminError("\(source.path) is not a Hikeshi database")
        }
        guard version <= SQLiteBackup.currentSchemaVersion else {
            try? removeDatabase(at: staging)
            throw AdminError(
                "\(source.path) has schema version \(version), newer than this hikeshi's \(SQLiteBackup.currentSchemaVersion); restore it with a newer hikeshi"
            )
        }
        var keptAs: String?
        if FileManager.default.fileExists(atPath: target.path) {
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
            let kept = target.deletingLastPathComponent().appendingPathComponent("hikeshi.sqlite.before-restore-\(stamp)")
            try FileManager.default.moveItem(at: target, to: kept)
            for suffix in ["-wal", "-shm"] {
                try? FileManager.default.moveItem(atPath: target.path + suffix, toPath: kept.path + suffix)
            }
            keptAs = kept.lastPathComponent
        }
        for suffix in ["-wal", "-shm"] {
            try? FileManager.default.moveItem(atPath: staging.path + suffix, toPath: target.path + suffix)
        }
        try FileManager.default.moveItem(at: staging, to: target)
        return keptAs
    }

    private static func removeDatabase(at url: URL) throws {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: url.path + suffix)
        }
    }
}
