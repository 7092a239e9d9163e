import Foundation

extension SupportPlanDefinition {
    /// The definition AWS publishes for `plan`: its hours, technical cases, channels and first-response targets.
    public static func defaultDefinition(for plan: SupportPlanKind) -> SupportPlanDefinition {
        let everyChannel: [CommunicationChannel] = [.web, .chat, .call]
        let businessTargets: [SupportSeverity: Int] = [.low: 1440, .normal: 720, .high: 240, .urgent: 60]
        switch plan {
        case .basic:
            return SupportPlanDefinition(
                plan: plan,
                businessHoursOnly: true,
                technicalCases: false,
                channels: [.web],
                targets: [.low: 1440, .normal: 720]
            )
        case .developer:
            return SupportPlanDefinition(
                plan: plan,
                businessHoursOnly: true,
                technicalCases: true,
                channels: [.web],
                targets: [.low: 1440, .normal: 720]
            )
        case .business:
            return SupportPlanDefinition(
                plan: plan,
                businessHoursOnly: false,
                technicalCases: true,
                channels: everyChannel,
                targets: businessTargets
            )
        case .enterpriseOnRamp:
            return SupportPlanDefinition(
                plan: plan,
                businessHoursOnly: false,
                technicalCases: true,
                channels: everyChannel,
                targets: businessTargets.merging([.critical: 30]) { _, new in new }
            )
        case .enterprise:
            return SupportPlanDefinition(
                plan: plan,
                businessHoursOnly: false,
                technicalCases: true,
                channels: everyChannel,
                targets: businessTargets.merging([.critical: 15]) { _, new in new }
            )
        }
    }
}
