import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import SSMContactsModel
import Scheduler
import Storage

/// The ssm-contacts operations: contacts, channels, tags and contact policies.
///
/// Every operation is scoped to the caller's account and the region of the request's signature;
/// a resource of another account is indistinguishable from one that does not exist.
public struct ContactsHandler: SSMContactsAPI {
    let store: any ContactsStore
    let clock: any HikeshiClock
    let notifier: (any JobNotifier)?
    let logger: Logger

    /// Creates the handler; `notifier` hears of jobs it commits (the scheduler, so they run at once).
    public init(store: any ContactsStore, clock: any HikeshiClock, notifier: (any JobNotifier)? = nil, logger: Logger = Logger(label: "hikeshi")) {
        self.store = store
        self.logger = logger
        self.clock = clock
        self.notifier = notifier
    }

    /// Queues a job in the caller's transaction.
    func enqueue<Payload: Encodable>(_ kind: String, _ payload: Payload, dueAt: Date, on tx: any ContactsTransaction) async throws {
        try await tx.jobs.enqueue(kind: kind, payload: payload, dueAt: dueAt, now: clock.now())
    }

    /// Runs `body` in a transaction, logging storage failures on `logger` (the request's).
    func write<T: Sendable>(_ logger: Logger, _ body: @Sendable (any ContactsTransaction) async throws -> T) async throws -> T {
        try await store.write(logger: logger, body)
    }

    /// Runs `body` for reading, logging storage failures on `logger` (the request's).
    func read<T: Sendable>(_ logger: Logger, _ body: @Sendable (any ContactsTransaction) async throws -> T) async throws -> T {
        try await store.read(logger: logger, body)
    }

    /// The ARN of a resource of the caller.
    static func arn(_ context: AWSRequestContext, _ resource: String) -> String {
        ARN(service: "ssm-contacts", region: context.region, account: context.accountID, resource: resource).description
    }

    /// The page size for a request's `MaxResults`.
    static func pageSize(_ maxResults: Int?) -> Int {
        PaginationToken.pageSize(maxResults, default: 100, maximum: 1024)
    }
}
