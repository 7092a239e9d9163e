import Foundation

extension SupportPlanDefinition {
    /// The JSON keys of a plan definition.
    private enum CodingKeys: String, CodingKey {
        case plan
        case businessHoursOnly
        case technicalCases
        case channels
        case targets
    }

    /// Decodes a plan definition whose `targets` is an object keyed by severity, such as `{"low":1440,"normal":720}`.
    ///
    /// An unknown severity key is a data corruption error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rawTargets = try container.decode([String: Int].self, forKey: .targets)
        var targets: [SupportSeverity: Int] = [:]
        for (key, minutes) in rawTargets {
            guard let severity = SupportSeverity(rawValue: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .targets,
                    in: container,
                    debugDescription: "Unknown severity \"\(key)\" in targets."
                )
            }
            targets[severity] = minutes
        }
        self.init(
            plan: try container.decode(SupportPlanKind.self, forKey: .plan),
            businessHoursOnly: try container.decode(Bool.self, forKey: .businessHoursOnly),
            technicalCases: try container.decode(Bool.self, forKey: .technicalCases),
            channels: try container.decode([CommunicationChannel].self, forKey: .channels),
            targets: targets
        )
    }

    /// Encodes the plan definition with `targets` as an object keyed by severity raw value, not as a key-value array.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(plan, forKey: .plan)
        try container.encode(businessHoursOnly, forKey: .businessHoursOnly)
        try container.encode(technicalCases, forKey: .technicalCases)
        try container.encode(channels, forKey: .channels)
        let rawTargets = Dictionary(uniqueKeysWithValues: targets.map { ($0.key.rawValue, $0.value) })
        try container.encode(rawTargets, forKey: .targets)
    }
}
