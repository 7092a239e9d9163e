import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import SSMIncidentsModel
import Scheduler
import Storage

/// The ssm-incidents operations: response plans, incident records, timelines, related items,
/// replication sets, resource policies and tags; and the start of incidents from alert integrations.
///
/// Records belong to the account of their response plan. Another account reaches them only through
/// a resource policy on the plan that names it (``SharePolicy``).
public struct IncidentsHandler: SSMIncidentsAPI {
    let store: any IncidentsStore
    let clock: any HikeshiClock
    let notifier: (any JobNotifier)?
    let logger: Logger

    /// Creates the handler; `notifier` hears of jobs it commits (the scheduler, so they run at once).
    public init(store: any IncidentsStore, clock: any HikeshiClock, notifier: (any JobNotifier)? = nil, logger: Logger = Logger(label: "hikeshi")) {
        self.store = store
        self.logger = logger
        self.clock = clock
        self.notifier = notifier
    }

    /// Runs `body` in a transaction, logging storage failures on `logger` (the request's).
    func write<T: Sendable>(_ logger: Logger, _ body: @Sendable (any IncidentsTransaction) async throws -> T) async throws -> T {
        try await store.write(logger: logger, body)
    }

    /// Runs `body` for reading, logging storage failures on `logger` (the request's).
    func read<T: Sendable>(_ logger: Logger, _ body: @Sendable (any IncidentsTransaction) async throws -> T) async throws -> T {
        try await store.read(logger: logger, body)
    }

    /// Queues a job in the caller's transaction.
    func enqueue<Payload: Encodable>(_ kind: String, _ payload: Payload, dueAt: Date, on tx: any IncidentsTransaction) async throws {
        try await tx.jobs.enqueue(kind: kind, payload: payload, dueAt: dueAt, now: clock.now())
    }

    /// An ssm-incidents ARN: regionless, as Incident Manager's are.
    static func arn(account: String, _ resource: String) -> String {
        ARN(service: "ssm-incidents", region: "", account: account, resource: resource).description
    }

    /// The page size for a request's `maxResults`.
    static func pageSize(_ maxResults: Int?, default fallback: Int = 100) -> Int {
        PaginationToken.pageSize(maxResults, default: fallback, maximum: 1000)
    }

    /// The account named in an ARN, if it parses.
    static func account(of arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else { return nil }
        return String(parts[4])
    }
}
