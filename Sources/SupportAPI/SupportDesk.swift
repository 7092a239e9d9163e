import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Logging
import Scheduler
import Storage

/// The provider's side of the support desk, served as the `Hikeshi` API: plans, plan definitions, business calendars,
/// agents, the queue, replies and resolution, the knowledge search; and the customer's extras (case details, ratings,
/// surveys, raising a severity, the case-quality coach).
///
/// Desk operations need the provider's account (``SupportPlanRepository/isProvider(accountID:)``); a customer
/// account gets `AccessDeniedException`.
public struct SupportDesk: HikeshiDeskAPI {
    let store: any SupportStore
    let clock: any HikeshiClock
    let support: SupportHandler
    let sealer: (any SecretSealer)?

    /// Creates the desk; `notifier` hears of jobs it commits (the scheduler); `sealer` seals upstream providers'
    /// secrets (without it they cannot be stored).
    public init(
        store: any SupportStore, clock: any HikeshiClock, notifier: (any JobNotifier)? = nil, sealer: (any SecretSealer)? = nil,
        logger: Logger = Logger(label: "hikeshi")
    ) {
        self.store = store
        self.clock = clock
        self.sealer = sealer
        self.support = SupportHandler(store: store, clock: clock, notifier: notifier, logger: logger)
    }

    /// Runs `body` in a transaction, logging storage failures on `logger` (the request's).
    func write<T: Sendable>(_ logger: Logger, _ body: @Sendable (any SupportTransaction) async throws -> T) async throws -> T {
        try await support.write(logger, body)
    }

    /// Runs `body` for reading, logging storage failures on `logger` (the request's).
    func read<T: Sendable>(_ logger: Logger, _ body: @Sendable (any SupportTransaction) async throws -> T) async throws -> T {
        try await support.read(logger, body)
    }

    /// Throws `AccessDeniedException` unless the caller is the provider's account.
    static func requireProvider(_ context: AWSRequestContext, _ tx: any SupportTransaction) async throws {
        try await requireProvider(accountID: context.accountID, tx)
    }

    /// Throws `AccessDeniedException` unless `accountID` is the provider's account.
    static func requireProvider(accountID: String, _ tx: any SupportTransaction) async throws {
        guard try await tx.accounts.isProvider(accountID: accountID) else {
            throw SupportError.accessDenied("Only the provider's account runs the support desk")
        }
    }

    /// The page size for `MaxResults`.
    static func pageSize(_ maxResults: Int?) -> Int {
        PaginationToken.pageSize(maxResults, default: 50, maximum: 100)
    }

    /// An active agent, or the error that says why not.
    static func activeAgent(_ agentID: String, _ tx: any SupportTransaction) async throws -> (SupportAgent, AgentProfile) {
        guard let record = try await tx.agents.agent(id: agentID) else {
            throw SupportError.notFound("Agent \(agentID) was not found")
        }
        guard record.active else { throw SupportError.conflict("Agent \(agentID) is inactive") }
        return (record, record.profile)
    }

    /// A case by id: of `accountID`'s, or (nil, for the desk) of any account; `lock` locks its row for a change (see
    /// ``SupportTransaction/locksRows``).
    static func supportCase(_ caseID: String, of accountID: String?, _ tx: any SupportTransaction, lock: Bool = false) async throws
        -> SupportCase
    {
        guard let record = try await tx.supportCases.supportCase(id: caseID, accountID: accountID, forUpdate: lock) else {
            throw SupportError.notFound("Case \(caseID) was not found")
        }
        return record
    }
}
