import Logging
import Synchronization

/// Checkpoints the embedded database's write-ahead log off the writer's path.
///
/// SQLite's automatic checkpoint runs inside the commit that fills the log to 1,000 pages: it copies the pages into
/// the database file and waits for the disk (`fsync`) on the committing thread — one of the few threads all tasks
/// share — while the writer's lock is held. Under a stream of writes that stalled the server for milliseconds at a
/// time (during a `CreateCase` load, a dispatch thread waited in `fsync` more often than anywhere else). The writer's
/// automatic checkpoint is replaced by this one: when a commit leaves the log at that size, a checkpoint runs on the
/// checkpointer's own connection, one at a time, in two passes its owner schedules (``SQLiteDatabaseClient`` runs
/// both on the thread pool): the first beside the writer, copying most of the log while commits go on; the second
/// holding the writer's lock, as SQLite's own did, copying the few pages committed meanwhile, so that the whole log is
/// copied and the next transaction starts it again (beside a stream of commits a checkpoint never catches up, and the
/// log would grow until writes paused). Transactions wait for the lock without holding a thread.
final class SQLiteCheckpointer: Sendable {
    /// The log's size, in pages, from which a checkpoint runs (SQLite's own default).
    static let pagesBeforeCheckpoint = 1000

    /// The two passes of a checkpoint.
    enum Pass: Sendable {
        /// Beside the writer: commits go on.
        case besideWriter
        /// Holding the writer's lock: the last pass, after which the log is copied whole.
        case holdingWriterLock
    }

    /// Runs a checkpoint's passes away from the committing task: `pass(.besideWriter)`, then
    /// `pass(.holdingWriterLock)` with the writer's lock held, each exactly once (a pass does nothing once the
    /// checkpointer is closed).
    typealias Scheduler = @Sendable (_ pass: @escaping @Sendable (Pass) -> Void) -> Void

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
        schedule { [self] pass in
            defer { if pass == .holdingWriterLock { running.store(false, ordering: .releasing) } }
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

    /// Whether a checkpoint has been asked for and its last pass has not ended.
    var isPending: Bool { running.load(ordering: .acquiring) }

    /// Closes the checkpointer's connection; a checkpoint still to run then does nothing.
    func close() {
        closed.store(true, ordering: .releasing)
        handle.close()
    }
}
