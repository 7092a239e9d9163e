import Foundation
import HikeshiCore
import Scheduler
import Storage

/// Runs one stage of a person's own engagement plan for a page: queues a delivery to each
/// activated channel of the stage, and schedules the next stage.
///
/// A person without a plan is reached on all their activated channels at once.
struct PageStageHandler: JobHandler {
    let kind = PagingJob.pageStage
    let engine: PagingEngine

    func run(_ job: Job) async throws {
        let payload = try job.payload(as: PagingJob.PageStage.self)
        let now = engine.clock.now()
        let engine = self.engine
        let queued = try await engine.store.write(logger: engine.logger) { tx -> Int in
            let pages = tx.pages
            guard let page = try await pages.page(arn: payload.pageArn, accountID: nil), page.isOpen,
                let engagement = try await tx.engagements.engagement(arn: page.engagementArn, accountID: nil),
                engagement.isActive,
                let contact = try await tx.contacts.contact(arn: page.contactArn, accountID: page.accountID)
            else { return 0 }
            let plan = contact.plan
            let channels = tx.channels
            var targets: [(channel: String, retry: Int?)] = []
            if plan.stages.isEmpty {
                guard payload.stage == 0 else { return 0 }
                let all = try await channels.list(contactArn: contact.arn, accountID: contact.accountID, after: nil, limit: 100).items
                targets = all.map { ($0.arn, nil) }
            } else {
                guard payload.stage < plan.stages.count else { return 0 }
                let stage = plan.stages[payload.stage]
                for target in stage.targets {
                    if case .channel(let arn, let retry) = target {
                        targets.append((arn, retry))
                    }
                }
                if payload.stage + 1 < plan.stages.count {
                    try await engine.enqueue(
                        PagingJob.PageStage(pageArn: page.arn, stage: payload.stage + 1),
                        dueAt: now.addingTimeInterval(TimeInterval(stage.durationInMinutes * 60)), on: tx)
                }
            }
            var count = 0
            for target in targets {
                guard let channel = try await channels.channel(arn: target.channel, accountID: page.accountID),
                    channel.isActivated
                else { continue }
                try await engine.enqueue(
                    PagingJob.PageDelivery(pageArn: page.arn, channelArn: channel.arn, attempt: 0, retryIntervalMinutes: target.retry),
                    dueAt: now,
                    on: tx
                )
                count += 1
            }
            return count
        }
        if queued > 0 {
            engine.notifier?.wake()
        }
    }
}
