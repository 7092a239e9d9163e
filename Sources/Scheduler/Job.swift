import Foundation

/// A unit of deferred work: a kind that names its handler, a JSON payload and a due time.
public struct Job: Sendable, Equatable {
    /// How many times a job runs before it is given up, unless it says otherwise.
    public static let defaultMaxAttempts = 8

    /// A unique id.
    public var id: String
    /// Names the ``JobHandler`` that runs it, e.g. `page.deliver`.
    public var kind: String
    /// The handler's input, as JSON.
    public var payload: String
    /// When it should run.
    public var dueAt: Date
    /// How many times it has been claimed (this run included).
    public var attempts: Int
    /// How many runs to try before giving up.
    public var maxAttempts: Int

    /// Creates a job.
    public init(
        id: String = UUID().uuidString, kind: String, payload: String, dueAt: Date, attempts: Int = 0, maxAttempts: Int = Job.defaultMaxAttempts
    ) {
        self.id = id
        self.kind = kind
        self.payload = payload
        self.dueAt = dueAt
        self.attempts = attempts
        self.maxAttempts = maxAttempts
    }
}

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
