import Logging
import Synchronization

/// Checkpoints the embedded database's write-ahead log off the writer's path.
///
/// SQLite's automatic checkpoint runs inside the commit that fills the log to 1,000 pages: it copies the pages into
/// the database file and waits for the disk (`fsync`) on the committing thread — one of the few threads all tasks
/// share — while the writer's lock is held. Under a stream of writes that stalled the server for milliseconds at a
/// time (during a `CreateCase` load, a dispatch thread waited in `fsync` more often than anywhere else). The writer's
/// automatic checkpoint is replaced by this one: when a commit leaves the log at that size, a checkpoint runs on the
/// checkpointer's own connection, one at a time, scheduled by its owner — ``SQLiteDatabaseClient`` runs it on the
/// thread pool while holding the writer's lock, as SQLite's own did, so that it copies the whole log and the next
/// transaction starts the log again (a checkpoint beside a stream of commits never catches up, and the log would
/// grow until writes paused); transactions meanwhile wait for the lock without holding a thread.
final class SQLiteCheckpointer: Sendable {
    /// The log's size, in pages, from which a checkpoint runs (SQLite's own default).
    static let pagesBeforeCheckpoint = 1000

    /// Runs a checkpoint job away from the committing task; it must run the job exactly once (the job does nothing
    /// once the checkpointer is closed).
    typealias Scheduler = @Sendable (_ job: @escaping @Sendable () -> Void) -> Void

    private let handle: SQLiteHandle
    private let schedule: Scheduler
    private let running = Atomic<Bool>(false)
    private let closed = Atomic<Bool>(false)
    private let logger: Logger

    /// A checkpointer with its own connection to the database; `schedule` runs each checkpoint.
    init(handle: SQLiteHandle, schedule: @escaping Scheduler, logger: Logger) {
        self.handle = handle
        self.schedule = schedule
        self.logger = logger
    }

    /// Called after each commit with the log's size; asks for a checkpoint when the log is long and none is pending.
    func committed(logPages: Int) {
        guard logPages >= Self.pagesBeforeCheckpoint,
            running.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        schedule { [self] in
            defer { running.store(false, ordering: .releasing) }
            guard !closed.load(ordering: .acquiring) else { return }
            do {
                try handle.run("PRAGMA wal_checkpoint(PASSIVE)", []) { _ in }
            } catch {
                // The next long log asks again; SQLite also checkpoints when the last connection closes.
                guard !closed.load(ordering: .acquiring) else { return }
                logger.warning("sqlite checkpoint failed", metadata: ["db.error": "\(error)"])
            }
        }
    }

    /// Closes the checkpointer's connection; a checkpoint still to run then does nothing.
    func close() {
        closed.store(true, ordering: .releasing)
        handle.close()
    }
}
