import Foundation
import HikeshiCore
import Logging
import Paging
import Scheduler
import Storage

/// Runs at a case's first-response due time: if no agent has replied and the case is still open, marks the case
/// breached and pages the desk's on-call contact (`BreachEngagementArn`), in one transaction so it happens once.
public struct FirstResponseBreachJob: JobHandler {
    /// The job kind.
    public static let jobKind = "support.breach"
    /// The job kind.
    public let kind = Self.jobKind
    let store: any SupportStore
    let clock: any HikeshiClock
    let notifier: (any JobNotifier)?
    let logger: Logger

    /// Creates the handler.
    public init(store: any SupportStore, clock: any HikeshiClock, notifier: (any JobNotifier)?, logger: Logger) {
        self.store = store
        self.clock = clock
        self.notifier = notifier
        self.logger = logger
    }

    /// What a check found.
    private enum Outcome {
        /// The case was answered, resolved, already breached or not yet due: nothing to do.
        case nothingDue
        /// The case is now breached; `engagementArn` is the page that went out, nil when no contact is set.
        case breached(engagementArn: String?)
    }

    /// Checks one case.
    public func run(_ job: Job) async throws {
        let check = try job.payload(as: FirstResponseBreachCheck.self)
        let now = clock.now()
        let outcome: Outcome = try await store.write(logger: logger) { tx in
            let cases = tx.supportCases
            guard var record = try await cases.supportCase(id: check.caseID, accountID: nil, forUpdate: tx.locksRows),
                record.isOverdue(at: now), let dueAt = record.dueAt
            else { return .nothingDue }
            record.markBreached(at: now)
            try await cases.update(record)
            let stored = record.details
            guard let arn = try await DeskStore(tx).settings().breachEngagementArn, let parsed = ARN(arn) else {
                return .breached(engagementArn: nil)
            }
            let request = EngagementRequest(
                contactArn: arn,
                sender: "hikeshi-support",
                subject: "First response overdue: case \(record.displayID) (\(record.severity.rawValue))",
                content: """
                    Case \(record.displayID) (\(record.caseID)) from account \(record.accountID) has had no first response.
                    Subject: \(stored.subject)
                    Severity: \(record.severity.rawValue), plan: \(stored.plan.rawValue), language: \(record.language.rawValue)
                    Due: \(SupportHandler.timestamp(dueAt))
                    """
            )
            return .breached(engagementArn: try await Engagements.begin(request, accountID: parsed.account, now: now, tx: tx))
        }
        guard case .breached(let engagementArn) = outcome else { return }
        logger.warning(
            "first response overdue",
            metadata: ["case.id": .string(check.caseID), "engagement.arn": .string(engagementArn ?? "none")]
        )
        if engagementArn != nil {
            notifier?.wake()
        }
    }
}
