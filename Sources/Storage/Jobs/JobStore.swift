import Foundation
import HikeshiCore
import Logging

/// The scheduler's view of the jobs table: each change is its own transaction; reads run on a connection.
///
/// Enqueueing is not here: a job is enqueued in the transaction of the change that schedules it
/// (``JobQueue``), so the two commit together.
public protocol JobStore: Sendable {
    /// Claims up to `limit` due jobs (by domain time `now`) for `owner` until `leaseUntil` on the lease clock, which
    /// reads `leaseNow`; a job whose lease ran out is due again, once `now` reaches its due time.
    func claim(owner: String, now: Date, leaseNow: Date, leaseUntil: Date, limit: Int, logger: Logger) async throws -> [Job]

    /// Extends the leases of the jobs `owner` holds to `leaseUntil`; returns the ids it still holds.
    func renew(owner: String, leaseUntil: Date, logger: Logger) async throws -> Set<String>

    /// Removes a finished job if `owner` still holds its lease; returns whether it did.
    @discardableResult
    func complete(_ id: String, owner: String, logger: Logger) async throws -> Bool

    /// Puts a failed job back for a retry at `retryAt`, or marks it failed for good when `retryAt` is nil.
    func fail(_ id: String, owner: String, error: String, retryAt: Date?, now: Date, logger: Logger) async throws

    /// When a job becomes claimable by due time (pending, or running with a lease that ran out by `leaseNow`) and when a
    /// running lease runs out, the earliest of each.
    func horizon(leaseNow: Date, logger: Logger) async throws -> JobHorizon

    /// How many jobs are in `status`.
    func count(status: JobStatus, logger: Logger) async throws -> Int
}

/// ``JobStore`` over the SQL database, for SQLite and PostgreSQL alike.
public struct SQLJobStore: JobStore {
    private let database: any DatabaseClient

    /// A store over `database`.
    public init(database: any DatabaseClient) {
        self.database = database
    }

    /// See ``JobStore/claim(owner:now:leaseNow:leaseUntil:limit:logger:)``.
    public func claim(owner: String, now: Date, leaseNow: Date, leaseUntil: Date, limit: Int, logger: Logger) async throws -> [Job] {
        let engine = database.engine
        return try await database.transaction { sql in
            try await JobQueue(sql, engine: engine).claim(owner: owner, now: now, leaseNow: leaseNow, leaseUntil: leaseUntil, limit: limit)
        }
    }

    /// See ``JobStore/renew(owner:leaseUntil:logger:)``.
    public func renew(owner: String, leaseUntil: Date, logger: Logger) async throws -> Set<String> {
        let engine = database.engine
        return try await database.transaction { sql in try await JobQueue(sql, engine: engine).renew(owner: owner, leaseUntil: leaseUntil) }
    }

    /// See ``JobStore/complete(_:owner:logger:)``.
    @discardableResult
    public func complete(_ id: String, owner: String, logger: Logger) async throws -> Bool {
        let engine = database.engine
        return try await database.transaction { sql in try await JobQueue(sql, engine: engine).complete(id, owner: owner) }
    }

    /// See ``JobStore/fail(_:owner:error:retryAt:now:logger:)``.
    public func fail(_ id: String, owner: String, error: String, retryAt: Date?, now: Date, logger: Logger) async throws {
        let engine = database.engine
        try await database.transaction { sql in
            try await JobQueue(sql, engine: engine).fail(id, owner: owner, error: error, retryAt: retryAt, now: now)
        }
    }

    /// See ``JobStore/horizon(leaseNow:logger:)``.
    public func horizon(leaseNow: Date, logger: Logger) async throws -> JobHorizon {
        let engine = database.engine
        return try await database.read { sql in try await JobQueue(sql, engine: engine).horizon(leaseNow: leaseNow) }
    }

    /// See ``JobStore/count(status:logger:)``.
    public func count(status: JobStatus, logger: Logger) async throws -> Int {
        let engine = database.engine
        return try await database.read { sql in try await JobQueue(sql, engine: engine).count(status: status) }
    }
}
