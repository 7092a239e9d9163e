import Foundation
import HikeshiCore
import Scheduler
import Storage

/// Runs one stage of an engagement: resolves the stage's targets to people, pages them, and
/// schedules the next stage unless an essential contact has acknowledged.
struct EngagementStageHandler: JobHandler {
    let kind = PagingJob.engagementStage
    let engine: PagingEngine

    /// A person to page and how the engagement reached them.
    private struct Recipient {
        var contactArn: String
        var isEssential: Bool
        var resolution: [PageResolutionStep]
    }

    func run(_ job: Job) async throws {
        let payload = try job.payload(as: PagingJob.EngagementStage.self)
        let now = engine.clock.now()
        let engine = self.engine
        // Resolve on-call people outside the transaction (reads only).
        guard let context = try await engine.store.read(logger: engine.logger, { tx in try await Self.load(payload, tx: tx) }) else { return }
        let (engagement, root, plan) = context
        guard engagement.escalates else { return }
        var recipients: [Recipient] = []
        var nextStageDue: Date?
        switch root.type {
        case .personal:
            guard payload.stage == 0 else { return }
            recipients = [Recipient(contactArn: root.arn, isEssential: true, resolution: [step(root, stage: nil)])]
        case .oncallSchedule:
            guard payload.stage == 0 else { return }
            let people = try await engine.resolver.onCall(rotationArns: plan.rotationArns, accountID: engagement.accountID, at: now)
            recipients = people.map {
                Recipient(
                    contactArn: $0, isEssential: true,
                    resolution: [step(root, stage: nil), PageResolutionStep(contactArn: $0, type: .personal, stageIndex: nil)])
            }
        case .escalation:
            guard payload.stage < plan.stages.count else { return }
            let stage = plan.stages[payload.stage]
            for target in stage.targets {
                guard case .contact(let arn, let essential) = target else { continue }
                recipients += try await resolve(arn, essential: essential, path: [step(root, stage: payload.stage)], engagement: engagement, at: now)
            }
            if payload.stage + 1 < plan.stages.count {
                nextStageDue = now.addingTimeInterval(TimeInterval(stage.durationInMinutes * 60))
            }
        }
        let targets = recipients
        let followUp = nextStageDue
        try await engine.store.write(logger: engine.logger) { tx in
            let pages = tx.pages
            let existing = Set(try await pages.all(engagementArn: engagement.arn).map(\.contactArn))
            var paged = Set<String>()
            for recipient in targets where !existing.contains(recipient.contactArn) && !paged.contains(recipient.contactArn) {
                paged.insert(recipient.contactArn)
                let alias = ARN(recipient.contactArn)?.resourcePath.first ?? "contact"
                let arn = ARN(
                    service: "ssm-contacts", region: engagement.region, account: engagement.accountID,
                    resource: "page/\(alias)/\(UUID().uuidString.lowercased())")
                try await pages.insert(
                    Page(
                        arn: arn.description,
                        accountID: engagement.accountID,
                        region: engagement.region,
                        engagementArn: engagement.arn,
                        contactArn: recipient.contactArn,
                        resolution: recipient.resolution,
                        isEssential: recipient.isEssential,
                        acceptCode: RandomToken.numericCode(digits: 6),
                        createdAt: now
                    )
                )
                try await engine.enqueue(PagingJob.PageStage(pageArn: arn.description, stage: 0), dueAt: now, on: tx)
            }
            if let nextStageDue = followUp {
                try await engine.enqueue(
                    PagingJob.EngagementStage(engagementArn: engagement.arn, stage: payload.stage + 1), dueAt: nextStageDue, on: tx)
            }
        }
        engine.notifier?.wake()
        engine.logger.info(
            "engagement stage ran",
            metadata: [
                "engagement.arn": .string(engagement.arn), "engagement.stage": .stringConvertible(payload.stage),
                "page.count": .stringConvertible(recipients.count),
            ]
        )
    }

    private func step(_ contact: Contact, stage: Int?) -> PageResolutionStep {
        PageResolutionStep(contactArn: contact.arn, type: contact.type, stageIndex: stage)
    }

    /// The people a target contact stands for now: itself, the on-call people of a schedule, or (one
    /// level deep) the first stage of a nested escalation plan.
    private func resolve(
        _ arn: String,
        essential: Bool,
        path: [PageResolutionStep],
        engagement: Engagement,
        at now: Date
    ) async throws -> [Recipient] {
        guard
            let contact = try await engine.store.read(
                logger: engine.logger, { try await $0.contacts.contact(arn: arn, accountID: engagement.accountID) })
        else {
            return []
        }
        switch contact.type {
        case .personal:
            return [Recipient(contactArn: arn, isEssential: essential, resolution: path + [step(contact, stage: nil)])]
        case .oncallSchedule:
            let plan = contact.plan
            let people = try await engine.resolver.onCall(rotationArns: plan.rotationArns, accountID: engagement.accountID, at: now)
            return people.map {
                Recipient(
                    contactArn: $0, isEssential: essential,
                    resolution: path + [step(contact, stage: nil), PageResolutionStep(contactArn: $0, type: .personal, stageIndex: nil)])
            }
        case .escalation:
            guard path.count < 3 else { return [] }
            let plan = contact.plan
            guard let first = plan.stages.first else { return [] }
            var result: [Recipient] = []
            for target in first.targets {
                if case .contact(let inner, let innerEssential) = target {
                    result += try await resolve(
                        inner, essential: essential && innerEssential, path: path + [step(contact, stage: 0)], engagement: engagement, at: now)
                }
            }
            return result
        }
    }

    private static func load(
        _ payload: PagingJob.EngagementStage,
        tx: any PagingTransaction
    ) async throws -> (Engagement, Contact, ContactPlan)? {
        guard let engagement = try await tx.engagements.engagement(arn: payload.engagementArn, accountID: nil),
            let root = try await tx.contacts.contact(arn: engagement.contactArn, accountID: engagement.accountID)
        else { return nil }
        return (engagement, root, root.plan)
    }
}
