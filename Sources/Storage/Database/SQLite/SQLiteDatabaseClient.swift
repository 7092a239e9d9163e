import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteNIO
import Synchronization

/// SQLite in WAL mode: one writer connection that serializes transactions, and a few readers.
///
/// `synchronous=NORMAL` with WAL keeps every committed transaction across a process crash
/// (`kill -9`); only a power loss may drop the last commits.
///
/// Statements run in the calling task (see ``SQLiteHandle``): the semaphores below hand each connection to one task
/// at a time. Readers never wait for the writer in WAL mode; a transaction waits for another connection's write lock
/// without holding a thread (see `begin()`), and a commit that fills the write-ahead log (about 4 MB) has it
/// checkpointed on the thread pool (``SQLiteCheckpointer``), not in the commit.
public final class SQLiteDatabaseClient: DatabaseClient {
    /// Always `.sqlite`.
    public let engine = DatabaseEngine.sqlite

    private let writer: SQLiteHandle
    private let checkpointer: SQLiteCheckpointer
    private let writerLock: AsyncSemaphore
    private let readers: [SQLiteHandle]
    private let readerPermits: AsyncSemaphore
    private let freeReaders: Mutex<[Int]>
    private let logger: Logger
    private let eventLoop: any EventLoop

    private init(writer: SQLiteHandle, writerLock: AsyncSemaphore, checkpointer: SQLiteCheckpointer, readers: [SQLiteHandle], logger: Logger) {
        self.writer = writer
        self.writerLock = writerLock
        self.checkpointer = checkpointer
        self.readers = readers
        self.readerPermits = AsyncSemaphore(permits: readers.count)
        self.freeReaders = Mutex(Array(readers.indices))
        self.logger = logger
        self.eventLoop = MultiThreadedEventLoopGroup.singleton.any()
    }

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String, readers: Int = 2, logger: Logger) async throws -> SQLiteDatabaseClient {
        // The C library is the one SQLiteNIO vendors (HikeshiCSQLite declares its symbols): one copy per process.
        logger.debug("sqlite open", metadata: ["db.path": "\(path)", "sqlite.version": "\(SQLiteConnection.libraryVersionString())"])
        // Opening reads the file and may recover a write-ahead log: a thread pool's work, not a task's.
        return try await NIOThreadPool.singleton.runIfActive {
            // Every connection opened is closed again if a later step fails (a file that is not a database, say).
            var opened: [SQLiteHandle] = []
            do {
                let writer = try SQLiteHandle.open(path: path, busyTimeout: 10_000)
                opened.append(writer)
                try configure(writer, isWriter: true)
                let checkpointing = try SQLiteHandle.open(path: path, busyTimeout: 10_000)
                opened.append(checkpointing)
                try configure(checkpointing, isWriter: false)
                let writerLock = AsyncSemaphore(permits: 1)
                let checkpointer = SQLiteCheckpointer(handle: checkpointing, schedule: checkpointScheduler(holding: writerLock), logger: logger)
                writer.checkpoint(with: checkpointer)
                for _ in 0..<max(1, readers) {
                    let reader = try SQLiteHandle.open(path: path, busyTimeout: 10_000)
                    opened.append(reader)
                    try configure(reader, isWriter: false)
                }
                return SQLiteDatabaseClient(
                    writer: writer, writerLock: writerLock, checkpointer: checkpointer, readers: Array(opened.dropFirst(2)), logger: logger)
            } catch {
                for handle in opened {
                    handle.close()
                }
                throw StorageError.translate(error)
            }
        }
    }

    /// Runs a checkpoint's passes on the thread pool (they wait for the disk), the last while holding the writer's lock
    /// (so that the whole log is copied); a transaction meanwhile waits for the lock without holding a thread.
    private static func checkpointScheduler(holding writerLock: AsyncSemaphore) -> SQLiteCheckpointer.Scheduler {
        { pass in
            Task {
                await onThreadPool { pass(.besideWriter) }
                await writerLock.withPermit {
                    await onThreadPool { pass(.holdingWriterLock) }
                }
            }
        }
    }

    /// Runs `work` on the thread pool; once the pool has stopped (the process is ending), here.
    private static func onThreadPool(_ work: @escaping @Sendable () -> Void) async {
        do {
            try await NIOThreadPool.singleton.runIfActive(work)
        } catch {
            work()
        }
    }

    private static func configure(_ handle: SQLiteHandle, isWriter: Bool) throws {
        if isWriter {
            try handle.run("PRAGMA journal_mode = WAL", []) { _ in }
        }
        try handle.run("PRAGMA synchronous = NORMAL", []) { _ in }
        try handle.run("PRAGMA foreign_keys = ON", []) { _ in }
        if isWriter {
            // The writer waits for the write lock in `begin()`, off its thread (opening waited on the thread pool).
            try handle.run("PRAGMA busy_timeout = 0", []) { _ in }
        }
    }

    /// Runs `body` on a reader connection.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withReader { handle in
            try await body(SQLiteSQLConnection(handle: handle, logger: logger, eventLoop: eventLoop))
        }
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction on the writer connection.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writerLock.withPermit {
            do {
                try await begin()
            } catch {
                throw StorageError.translate(error)
            }
            do {
                let result = try await body(SQLiteSQLConnection(handle: writer, logger: logger, eventLoop: eventLoop))
                try writer.run("COMMIT", []) { _ in }
                return result
            } catch {
                try? writer.run("ROLLBACK", []) { _ in }
                throw StorageError.translate(error)
            }
        }
    }

    /// Starts the write transaction. While another connection (another process, or a second client in tests) holds
    /// the write lock, the task waits here without holding its thread — the writer's own busy timeout is zero, so
    /// SQLite answers SQLITE_BUSY at once instead of sleeping on a cooperative thread — for up to 10 s, as before.
    private func begin() async throws {
        let deadline = ContinuousClock.now + Self.lockWait
        var pause = Duration.milliseconds(1)
        while true {
            do {
                try writer.run("BEGIN IMMEDIATE", []) { _ in }
                return
            } catch let failure as SQLiteFailure where failure.isBusy && ContinuousClock.now < deadline {
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .milliseconds(50))
            }
        }
    }

    /// Whether a checkpoint of the write-ahead log is asked for or running.
    var checkpointPending: Bool { checkpointer.isPending }

    /// How long a transaction waits for another connection's write lock.
    static let lockWait = Duration.seconds(10)

    /// Writes a consistent copy of the database to `path` (`VACUUM INTO`, one snapshot) on a thread pool, since it
    /// reads the whole file.
    func vacuum(into path: String) async throws {
        try await withReader { handle in
            try await NIOThreadPool.singleton.runIfActive {
                try handle.run("VACUUM INTO ?", [.text(path)]) { _ in }
            }
        }
    }

    private func withReader<T: Sendable>(_ body: (SQLiteHandle) async throws -> T) async throws -> T {
        await readerPermits.wait()
        let index = freeReaders.withLock { $0.removeLast() }
        defer {
            freeReaders.withLock { $0.append(index) }
            readerPermits.signal()
        }
        do {
            return try await body(readers[index])
        } catch {
            throw StorageError.translate(error)
        }
    }

    /// Closes every connection once the reads and the transaction in progress have ended; later calls fail with
    /// "the connection is closed" instead of waiting.
    public func shutdown() async {
        await writerLock.wait()
        for _ in readers {
            await readerPermits.wait()
        }
        for reader in readers {
            reader.close()
        }
        writer.close()
        checkpointer.close()
        for _ in readers {
            readerPermits.signal()
        }
        writerLock.signal()
    }
}
