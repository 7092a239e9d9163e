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
