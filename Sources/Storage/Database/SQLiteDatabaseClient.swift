import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

/// SQLite in WAL mode: one writer connection that serializes transactions, and a few readers.
///
/// `synchronous=NORMAL` with WAL keeps every committed transaction across a process crash
/// (`kill -9`); only a power loss may drop the last commits.
public final class SQLiteDatabaseClient: DatabaseClient {
    /// Always `.sqlite`.
    public let engine = DatabaseEngine.sqlite

    private let writer: SQLiteConnection
    private let writerLock = AsyncSemaphore(permits: 1)
    private let readers: [SQLiteConnection]
    private let readerPermits: AsyncSemaphore
    private let freeReaders: Mutex<[Int]>
    private let logger: Logger

    private init(writer: SQLiteConnection, readers: [SQLiteConnection], logger: Logger) {
        self.writer = writer
        self.readers = readers
        self.readerPermits = AsyncSemaphore(permits: readers.count)
        self.freeReaders = Mutex(Array(readers.indices))
        self.logger = logger
    }

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String, readers: Int = 2, logger: Logger) async throws -> SQLiteDatabaseClient {
        // Every connection opened is closed again if a later step fails (a file that is not a database, say).
        var opened: [SQLiteConnection] = []
        do {
            let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            opened.append(writer)
            try await configure(writer, isWriter: true)
            var readerConnections: [SQLiteConnection] = []
            for _ in 0..<max(1, readers) {
                let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                opened.append(reader)
                try await configure(reader, isWriter: false)
                readerConnections.append(reader)
            }
            return SQLiteDatabaseClient(writer: writer, readers: readerConnections, logger: logger)
        } catch {
            for connection in opened {
                try? await connection.close()
            }
            throw StorageError.translate(error)
        }
    }

    private static func configure(_ connection: SQLiteConnection, isWriter: Bool) async throws {
        _ = try await connection.query("PRAGMA busy_timeout = 10000", [])
        if isWriter {
            _ = try await connection.query("PRAGMA journal_mode = WAL", [])
        }
        _ = try await connection.query("PRAGMA synchronous = NORMAL", [])
        _ = try await connection.query("PRAGMA foreign_keys = ON", [])
    }

    /// Runs `body` on a reader connection.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        await readerPermits.wait()
        let index = freeReaders.withLock { $0.removeLast() }
        defer {
            freeReaders.withLock { $0.append(index) }
            readerPermits.signal()
        }
        do {
            return try await body(readers[index].sql(queryLogLevel: .trace))
        } catch {
            throw StorageError.translate(error)
        }
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction on the writer connection.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writerLock.withPermit {
            let database = writer.sql(queryLogLevel: .trace)
            do {
                try await database.raw("BEGIN IMMEDIATE").run()
            } catch {
                throw StorageError.translate(error)
            }
            do {
                let result = try await body(database)
                try await database.raw("COMMIT").run()
                return result
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw StorageError.translate(error)
            }
        }
    }

    /// Closes every connection.
    public func shutdown() async {
        for reader in readers {
            try? await reader.close()
        }
        try? await writer.close()
    }
}
