import AWSProtocol
import Foundation
import HikeshiCore
import SSMContactsModel
import Storage

/// Converts plans between the wire shape and the domain, and checks what the model cannot:
/// which kind of target each contact type may use, and that targets exist in the caller's account.
enum PlanRules {
    static let maxRotations = 8

    /// The domain plan for a wire plan, after checking it against the contact's type.
    static func validated(
        _ plan: SSMContacts.Plan,
        for type: SSMContacts.ContactType,
        contactArn: String,
        tx: any ContactsTransaction,
        context: AWSRequestContext
    ) async throws -> ContactPlan {
        let stages = plan.stages ?? []
        let rotations = plan.rotationIds ?? []
        switch type {
        case .oncallSchedule:
            guard stages.isEmpty else {
                throw ContactsError.invalid("Plan.Stages", "An on-call schedule has rotations, not stages")
            }
            guard (1...maxRotations).contains(rotations.count) else {
                throw ContactsError.invalid("Plan.RotationIds", "An on-call schedule needs between 1 and \(maxRotations) rotations")
            }
            guard Set(rotations).count == rotations.count else {
                throw ContactsError.invalid("Plan.RotationIds", "A rotation is listed twice")
            }
            for (index, rotation) in rotations.enumerated() {
                guard try await tx.rotations.rotation(arn: rotation, accountID: context.accountID) != nil else {
                    throw ContactsError.invalid("Plan.RotationIds[\(index)]", "No rotation has that ARN")
                }
            }
        case .personal, .escalation:
            guard rotations.isEmpty else {
                throw ContactsError.invalid("Plan.RotationIds", "Only on-call schedules have rotations")
            }
        }
        var result = ContactPlan(stages: [], rotationArns: rotations)
        let contacts = tx.contacts
        let channels = tx.channels
        for (stageIndex, stage) in stages.enumerated() {
            var targets: [ContactPlan.Target] = []
            for (targetIndex, target) in stage.targets.enumerated() {
                let field = "Plan.Stages[\(stageIndex)].Targets[\(targetIndex)]"
                switch (target.channelTargetInfo, target.contactTargetInfo) {
                case (let channel?, nil):
                    guard type == .personal else {
                        throw ContactsError.invalid(field, "Only personal contacts target channels; use ContactTargetInfo")
                    }
                    guard let record = try await channels.channel(arn: channel.contactChannelId, accountID: context.accountID),
                        record.contactArn == contactArn
                    else {
                        throw ContactsError.invalid(field + ".ChannelTargetInfo.ContactChannelId", "No channel of this contact has that ARN")
                    }
                    targets.append(.channel(channelArn: record.arn, retryIntervalInMinutes: channel.retryIntervalInMinutes))
                case (nil, let contact?):
                    guard type == .escalation else {
                        throw ContactsError.invalid(field, "Only escalation plans target contacts; use ChannelTargetInfo")
                    }
                    guard let targetArn = contact.contactId else {
                        throw ContactsError.invalid(field + ".ContactTargetInfo.ContactId", "The contact to engage is missing")
                    }
                    guard targetArn != contactArn else {
                        throw ContactsError.invalid(field + ".ContactTargetInfo.ContactId", "An escalation plan cannot engage itself")
                    }
                    guard try await contacts.contact(arn: targetArn, accountID: context.accountID) != nil else {
                        throw ContactsError.invalid(field + ".ContactTargetInfo.ContactId", "No contact has that ARN")
                    }
                    targets.append(.contact(contactArn: targetArn, isEssential: contact.isEssential))
                default:
                    throw ContactsError.invalid(field, "A target has exactly one of ChannelTargetInfo and ContactTargetInfo")
                }
            }
            result.stages.append(ContactPlan.Stage(durationInMinutes: stage.durationInMinutes, targets: targets))
        }
        return result
    }

    /// The wire shape of a stored plan.
    static func shape(of plan: ContactPlan) -> SSMContacts.Plan {
        SSMContacts.Plan(
            stages: plan.stages.map { stage in
                SSMContacts.Stage(
                    durationInMinutes: stage.durationInMinutes,
                    targets: stage.targets.map { target in
                        switch target {
                        case .channel(let arn, let retry):
                            return SSMContacts.Target(
                                channelTargetInfo: SSMContacts.ChannelTargetInfo(contactChannelId: arn, retryIntervalInMinutes: retry)
                            )
                        case .contact(let arn, let essential):
                            return SSMContacts.Target(contactTargetInfo: SSMContacts.ContactTargetInfo(contactId: arn, isEssential: essential))
                        }
                    }
                )
            },
            rotationIds: plan.rotationArns.isEmpty ? nil : plan.rotationArns
        )
    }
}
