import Foundation
import HikeshiCore

extension Job {
    /// The payload decoded as `type`; an unreadable payload will never become readable, so it is a permanent failure
    /// (the job is given up at once rather than retried).
    public func payload<T: Decodable>(as type: T.Type) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(payload.utf8))
        } catch {
            throw SchedulerError.permanent("unreadable payload for \(kind)")
        }
    }
}

/// Runs jobs of one kind.
public protocol JobHandler: Sendable {
    /// The kind of job this handler runs.
    var kind: String { get }

    /// Runs a job. Throwing schedules a retry with backoff until the job's attempts run out.
    ///
    /// A job may run more than once if a process dies while running it, so handlers make their
    /// effects idempotent (e.g. by recording a receipt keyed by the job id in the same transaction).
    func run(_ job: Job) async throws
}
