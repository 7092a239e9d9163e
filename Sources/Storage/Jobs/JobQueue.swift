import Foundation
import HikeshiCore
import SQLKit

/// The jobs table: enqueue inside a caller's transaction, claim with a lease, complete or retry.
///
/// Handlers enqueue through it in their own transaction, so a change and the jobs it schedules commit
/// together; the scheduler claims, completes and fails jobs through ``JobStore``.
///
/// On PostgreSQL the claim uses `FOR UPDATE SKIP LOCKED`, so several processes share one table
/// without running a job twice; on SQLite the writer lock serializes claims. A lease is short and renewed by its
/// node while the job runs (``renew(owner:leaseUntil:)``), so a dead node's jobs are taken over within seconds.
public struct JobQueue: Sendable {
    private let sql: any SQLDatabase
    private let engine: DatabaseEngine

    /// A queue over a connection or transaction.
    public init(_ sql: any SQLDatabase, engine: DatabaseEngine) {
        self.sql = sql
        self.engine = engine
    }

    /// Adds a job; it commits with the caller's transaction.
    public func enqueue(_ job: Job, now: Date) async throws {
        try await insert(job, now: now, ifAbsent: false)
    }

    /// Adds a job of `kind` whose payload is stored as JSON; it commits with the caller's transaction. `maxAttempts`
    /// bounds its retries (``Job/defaultMaxAttempts`` unless given).
    public func enqueue(kind: String, payload: some Encodable, dueAt: Date, now: Date, maxAttempts: Int = Job.defaultMaxAttempts) async throws {
        try await enqueue(Job(kind: kind, payload: try StoredJSON.encode(payload), dueAt: dueAt, maxAttempts: maxAttempts), now: now)
    }

    /// Adds a job with a chosen id unless a job with that id exists: a handler that may run twice
    /// queues its follow-up jobs at most once.
    public func enqueue(kind: String, payload: some Encodable, dueAt: Date, now: Date, id: String) async throws {
        try await insert(Job(id: id, kind: kind, payload: try StoredJSON.encode(payload), dueAt: dueAt), now: now, ifAbsent: true)
    }

    private func insert(_ job: Job, now: Date, ifAbsent: Bool) async throws {
        var query: SQLQueryString = """
            INSERT INTO jobs (id, kind, payload, status, due_at, attempts, max_attempts, created_at, updated_at)
            VALUES (\(bind: job.id), \(bind: job.kind), \(bind: job.payload), \(bind: JobStatus.pending.rawValue), \(bind: job.dueAt.millisecondsSince1970),
                    0, \(bind: job.maxAttempts), \(bind: now.millisecondsSince1970), \(bind: now.millisecondsSince1970))
            """
        if ifAbsent {
            query += " ON CONFLICT (id) DO NOTHING"
        }
        try await sql.raw(query).run()
        if engine == .postgres {
            // Delivered when (and only if) the transaction commits; identical notifications of one transaction are
            // folded into one. Every node listens (``JobNotificationListener``) and looks at the table at once.
            try await sql.raw("SELECT pg_notify(\(bind: Self.notificationChannel), '')").run()
        }
    }

    /// The PostgreSQL channel on which committed enqueues are announced to every node.
    public static let notificationChannel = "hikeshi_jobs"

    /// Claims up to `limit` due jobs for `owner` until `leaseUntil`; a job whose lease ran out
    /// (its process died or stopped renewing) is due again — once `now` has reached its due time.
    ///
    /// A job never starts before its due time on the clock of the node that runs it: a node whose clock is behind the
    /// dead owner's (skew between machines, a clock stepped back) waits for it. Otherwise a handler that looks early and
    /// queues its follow-up under its own id (``enqueue(kind:payload:dueAt:now:id:)``) would see the follow-up folded
    /// into itself and then removed with it on completion: a lost timer.
    ///
    /// `now` is domain time (what `due_at` is in); `leaseNow` and `leaseUntil` are on the lease clock, the
    /// machines' real clocks (what `lease_until` is in), so leases stay seconds long even under a scaled test clock.
    public func claim(owner: String, now: Date, leaseNow: Date, leaseUntil: Date, limit: Int) async throws -> [Job] {
        let nowMillis = now.millisecondsSince1970
        let lock = engine == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw(
            """
            UPDATE jobs SET status = \(bind: JobStatus.running.rawValue), lease_owner = \(bind: owner), lease_until = \(bind: leaseUntil.millisecondsSince1970),
                attempts = attempts + 1, updated_at = \(bind: nowMillis)
            WHERE id IN (
                SELECT id FROM jobs
                WHERE (status = \(bind: JobStatus.pending.rawValue) AND due_at <= \(bind: nowMillis))
                    OR (status = \(bind: JobStatus.running.rawValue)
                        AND (lease_until IS NULL OR lease_until < \(bind: leaseNow.millisecondsSince1970)) AND due_at <= \(bind: nowMillis))
                ORDER BY due_at LIMIT \(bind: limit)\(unsafeRaw: lock)
            )
            RETURNING id, kind, payload, due_at, attempts, max_attempts
            """
        ).all()
        return try rows.map { row in
            Job(
                id: try row.decode(column: "id", as: String.self),
                kind: try row.decode(column: "kind", as: String.self),
                payload: try row.decode(column: "payload", as: String.self),
                dueAt: Date(millisecondsSince1970: try row.decode(column: "due_at", as: Int64.self)),
                attempts: try row.decode(column: "attempts", as: Int.self),
                maxAttempts: try row.decode(column: "max_attempts", as: Int.self)
            )
        }
        .sorted { $0.dueAt < $1.dueAt }
    }

    /// Extends to `leaseUntil` the lease of every job `owner` holds; returns the ids it still holds.
    ///
    /// A job missing from the answer was taken over by another node after this one stopped renewing in time.
    public func renew(owner: String, leaseUntil: Date) async throws -> Set<String> {
        let rows = try await sql.raw(
            """
            UPDATE jobs SET lease_until = \(bind: leaseUntil.millisecondsSince1970)
            WHERE lease_owner = \(bind: owner) AND status = \(bind: JobStatus.running.rawValue)
            RETURNING id
            """
        ).all()
        return Set(try rows.map { try $0.decode(column: "id", as: String.self) })
    }

    /// Removes a finished job, if `owner` still holds its lease; returns whether it did.
    @discardableResult
    public func complete(_ id: String, owner: String) async throws -> Bool {
        let rows = try await sql.raw(
            "DELETE FROM jobs WHERE id = \(bind: id) AND lease_owner = \(bind: owner) AND status = \(bind: JobStatus.running.rawValue) RETURNING id"
        ).all()
        return !rows.isEmpty
    }

    /// Puts a failed job back for a later attempt, or marks it failed for good.
    public func fail(_ id: String, owner: String, error: String, retryAt: Date?, now: Date) async throws {
        let status = JobStatus.afterFailure(retrying: retryAt != nil)
        try await sql.raw(
            """
            UPDATE jobs SET status = \(bind: status.rawValue), due_at = \(bind: (retryAt ?? now).millisecondsSince1970), lease_owner = NULL,
                lease_until = NULL, last_error = \(bind: String(error.prefix(500))), updated_at = \(bind: now.millisecondsSince1970)
            WHERE id = \(bind: id) AND lease_owner = \(bind: owner)
            """
        ).run()
    }

    /// Removes pending jobs of a kind whose payload is exactly `payload` (e.g. cancelled timers).
    public func cancel(kind: String, payload: String) async throws {
        try await sql.raw(
            "DELETE FROM jobs WHERE kind = \(bind: kind) AND payload = \(bind: payload) AND status = \(bind: JobStatus.pending.rawValue)"
        ).run()
    }

    /// When the scheduler must look again: the earliest due time of a pending job or of a running job whose lease ran
    /// out by `leaseNow` (claimable once due), and the earliest end of a lease still running.
    public func horizon(leaseNow: Date) async throws -> JobHorizon {
        let pending = JobStatus.pending.rawValue
        let running = JobStatus.running.rawValue
        let lease = leaseNow.millisecondsSince1970
        // Three lookups, each on the (status, due_at) index: the first pending job is one index entry however many
        // are queued (one aggregate over every pending and running row read them all, on each pass of the
        // scheduler, which an enqueue wakes); running jobs are few, at most a batch per node.
        let row = try await sql.raw(
            """
            SELECT (SELECT MIN(due_at) FROM jobs WHERE status = \(bind: pending)) AS pending_due,
                (SELECT MIN(due_at) FROM jobs WHERE status = \(bind: running) AND (lease_until IS NULL OR lease_until < \(bind: lease)))
                    AS expired_due,
                (SELECT MIN(lease_until) FROM jobs WHERE status = \(bind: running) AND lease_until >= \(bind: lease)) AS next_lease_end
            """
        ).first()
        let due = [
            try row?.decode(column: "pending_due", as: Int64?.self), try row?.decode(column: "expired_due", as: Int64?.self),
        ].compactMap { $0 ?? nil }.min()
        return JobHorizon(
            nextDue: due.map(Date.init(millisecondsSince1970:)),
            nextLeaseEnd: try row?.decode(column: "next_lease_end", as: Int64?.self).map(Date.init(millisecondsSince1970:))
        )
    }

    /// Counts jobs by status, for metrics and tests.
    public func count(status: JobStatus) async throws -> Int {
        let row = try await sql.raw("SELECT COUNT(*) AS n FROM jobs WHERE status = \(bind: status.rawValue)").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}
