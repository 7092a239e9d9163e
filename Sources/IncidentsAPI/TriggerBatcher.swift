import Foundation
import Logging
import Storage

/// Group commit for alert triggers: triggers that arrive while a transaction is running wait and then commit together
/// in the next one, so a burst of alerts costs a few commits instead of one each.
///
/// Nothing is acknowledged before it is committed: every caller resumes after the transaction holding its trigger
/// commits. Under light load a batch is one trigger and adds no delay. If a batch fails (one bad trigger, or a deadlock
/// between nodes), its triggers are retried one by one, so each caller gets its own outcome or error. Dedupe holds
/// within a batch: the first trigger of a problem starts the incident and later ones in the same transaction see it.
public struct TriggerBatcher: Sendable {
    private struct Pending: Sendable {
        var trigger: IncidentTrigger
        var accountID: String
        var region: String
    }

    private let batches: GroupCommit<Pending, TriggerOutcome>
    private let logger: Logger

    /// A batcher over the incidents handler; at most `maxBatch` triggers share a transaction.
    public init(handler: IncidentsHandler, maxBatch: Int = 256, logger: Logger) {
        self.logger = logger
        self.batches = GroupCommit(maxBatch: maxBatch, logger: logger) { batch in
            let now = handler.clock.now()
            let outcomes = try await handler.write(handler.logger) { tx in
                var outcomes: [TriggerOutcome] = []
                for pending in batch {
                    outcomes.append(try await handler.begin(pending.trigger, accountID: pending.accountID, region: pending.region, now: now, tx: tx))
                }
                return outcomes
            }
            handler.notifier?.wake()
            return outcomes
        }
    }

    /// Starts an incident or lets the open one absorb the trigger (``IncidentsHandler/begin(_:accountID:region:now:tx:)``),
    /// returning once the trigger is committed.
    public func trigger(_ trigger: IncidentTrigger, accountID: String, region: String) async throws -> TriggerOutcome {
        let outcome = try await batches.submit(Pending(trigger: trigger, accountID: accountID, region: region))
        log(outcome, trigger: trigger)
        return outcome
    }

    /// Triggers waiting for the next transaction.
    var waiting: Int {
        get async { await batches.waiting }
    }

    private func log(_ outcome: TriggerOutcome, trigger: IncidentTrigger) {
        switch outcome {
        case .started(let arn):
            logger.info("incident started", metadata: ["incident.arn": .string(arn), "incident.source": .string(trigger.source)])
        case .absorbed(let arn):
            logger.info("trigger absorbed", metadata: ["incident.arn": .string(arn), "incident.source": .string(trigger.source)])
        }
    }
}
