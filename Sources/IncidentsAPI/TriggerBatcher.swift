import Foundation
import Logging

/// Group commit for alert triggers: triggers that arrive while a transaction is running wait and then commit together
/// in the next one, so a burst of alerts costs a few commits instead of one each.
///
/// Nothing is acknowledged before it is committed: every caller resumes after the transaction holding its trigger
/// commits. Under light load a batch is one trigger and adds no delay. If a batch fails (one bad trigger, or a deadlock
/// between nodes), its triggers are retried one by one, so each caller gets its own outcome or error. Dedupe holds
/// within a batch: the first trigger of a problem starts the incident and later ones in the same transaction see it.
public actor TriggerBatcher {
    private struct Pending {
        var trigger: IncidentTrigger
        var accountID: String
        var region: String
        var continuation: CheckedContinuation<TriggerOutcome, any Error>
    }

    private let handler: IncidentsHandler
    private let maxBatch: Int
    private let logger: Logger
    private var queue: [Pending] = []
    private var draining = false

    /// A batcher over the incidents handler; at most `maxBatch` triggers share a transaction.
    public init(handler: IncidentsHandler, maxBatch: Int = 256, logger: Logger) {
        self.handler = handler
        self.maxBatch = max(1, maxBatch)
        self.logger = logger
    }

    /// Starts an incident or lets the open one absorb the trigger (``IncidentsHandler/begin(_:accountID:region:now:tx:)``),
    /// returning once the trigger is committed.
    public func trigger(_ trigger: IncidentTrigger, accountID: String, region: String) async throws -> TriggerOutcome {
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Pending(trigger: trigger, accountID: accountID, region: region, continuation: continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    /// Triggers waiting for the next transaction.
    var waiting: Int { queue.count }

    private func drain() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(maxBatch))
            queue.removeFirst(batch.count)
            await run(batch)
        }
        draining = false
    }

    private func run(_ batch: [Pending]) async {
        let handler = self.handler
        let work = batch.map { ($0.trigger, $0.accountID, $0.region) }
        do {
            let now = handler.clock.now()
            let outcomes = try await handler.write(handler.logger) { tx in
                var outcomes: [TriggerOutcome] = []
                for (trigger, accountID, region) in work {
                    outcomes.append(try await handler.begin(trigger, accountID: accountID, region: region, now: now, tx: tx))
                }
                return outcomes
            }
            handler.notifier?.wake()
            for (pending, outcome) in zip(batch, outcomes) {
                log(outcome, trigger: pending.trigger)
                pending.continuation.resume(returning: outcome)
            }
        } catch {
            guard batch.count > 1 else {
                batch.first?.continuation.resume(throwing: error)
                return
            }
            logger.debug("trigger batch failed; retrying one by one", metadata: ["batch.size": .stringConvertible(batch.count)])
            for pending in batch {
                await run([pending])
            }
        }
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
