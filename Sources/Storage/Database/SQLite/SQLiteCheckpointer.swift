import Logging
import NIOPosix
import Synchronization

/// Checkpoints the embedded database's write-ahead log off the writer's path.
///
/// SQLite's automatic checkpoint runs inside the commit that fills the log to 1,000 pages: it copies the pages into
/// the database file and waits for the disk (`fsync`) on the committing thread — one of the few threads all tasks
/// share — while the writer's lock is held. Under a stream of writes that stalled the server for milliseconds at a
/// time (during a `CreateCase` load, a dispatch thread waited in `fsync` more often than anywhere else). The writer's
/// automatic checkpoint is replaced by this one: when a commit leaves the log at the same size, a passive checkpoint
/// (it never blocks the writer or the readers) runs on the checkpointer's own connection, on the thread pool, one at
/// a time; a commit meanwhile asks again when the log is still long.
final class SQLiteCheckpointer: Sendable {
    /// The log's size, in pages, from which a checkpoint runs (SQLite's own default).
    static let pagesBeforeCheckpoint = 1000

    /// Runs a checkpoint job somewhere other than the committing task.
    typealias Scheduler = @Sendable (@escaping @Sendable () -> Void) -> Void

    /// The thread pool's threads, which may wait for the disk.
    static let threadPool: Scheduler = { job in
        NIOThreadPool.singleton.submit { state in
            guard case .active = state else { return }
            job()
        }
    }

    private let handle: SQLiteHandle
    private let schedule: Scheduler
    private let running = Atomic<Bool>(false)
    private let logger: Logger

    /// A checkpointer with its own connection to the database; `schedule` runs each checkpoint.
    init(handle: SQLiteHandle, schedule: @escaping Scheduler = SQLiteCheckpointer.threadPool, logger: Logger) {
        self.handle = handle
        self.schedule = schedule
        self.logger = logger
    }

    /// Called after each commit with the log's size; starts a checkpoint when the log is long and none is running.
    func committed(logPages: Int) {
        guard logPages >= Self.pagesBeforeCheckpoint,
            running.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        schedule { [self] in
            defer { running.store(false, ordering: .releasing) }
            do {
                try handle.run("PRAGMA wal_checkpoint(PASSIVE)", []) { _ in }
            } catch {
                // The next long log tries again; SQLite also checkpoints when the last connection closes.
                logger.warning("sqlite checkpoint failed", metadata: ["db.error": "\(error)"])
            }
        }
    }

    /// Closes the checkpointer's connection once a checkpoint in progress has ended.
    func close() {
        handle.close()
    }
}
