import Foundation
import HikeshiCore
import Logging

/// The scheduler's view of the jobs table: each change is its own transaction; reads run on a connection.
///
/// Enqueueing is not here: a job is enqueued in the transaction of the change that schedules it
/// (``JobQueue``), so the two commit together.
public protocol JobStore: Sendable {
    /// Claims up to `limit` due jobs for `owner` until `leaseUntil`; a job whose lease ran out is due again.
    func claim(owner: String, now: Date, leaseUntil: Date, limit: Int, logger: Logger) async throws -> [Job]

    /// Removes a finished job if `owner` still holds its lease; returns whether it did.
    @discardableResult
    func complete(_ id: String, owner: String, logger: Logger) async throws -> Bool

    /// Puts a failed job back for a retry at `retryAt`, or marks it failed for good when `retryAt` is nil.
    func fail(_ id: String, owner: String, error: String, retryAt: Date?, now: Date, logger: Logger) async throws

    /// The earliest time a job becomes due (or a lease runs out), if any job waits.
    func nextDue(logger: Logger) async throws -> Date?

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

    /// See ``JobStore/claim(owner:now:leaseUntil:limit:logger:)``.
    public func claim(owner: String, now: Date, leaseUntil: Date, limit: Int, logger: Logger) async throws -> [Job] {
        let engine = database.engine
        return try await database.transaction { sql in
            try await JobQueue(sql, engine: engine).claim(owner: owner, now: now, leaseUntil: leaseUntil, limit: limit)
        }
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

    /// See ``JobStore/nextDue(logger:)``.
    public func nextDue(logger: Logger) async throws -> Date? {
        let engine = database.engine
        return try await database.read { sql in try await JobQueue(sql, engine: engine).nextDue() }
    }

    /// See ``JobStore/count(status:logger:)``.
    public func count(status: JobStatus, logger: Logger) async throws -> Int {
        let engine = database.engine
        return try await database.read { sql in try await JobQueue(sql, engine: engine).count(status: status) }
    }
}
