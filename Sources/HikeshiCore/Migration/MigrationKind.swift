/// What kind of resource a migrated source resource is (stored with its mapping; an unknown stored kind is an error).
public enum MigrationKind: String, Sendable, CaseIterable, Codable {
    /// A personal contact.
    case contact = "CONTACT"
    /// A contact channel of a personal contact.
    case contactChannel = "CONTACT_CHANNEL"
    /// An escalation plan.
    case escalationPlan = "ESCALATION_PLAN"
    /// An on-call schedule.
    case onCallSchedule = "ONCALL_SCHEDULE"
    /// A rotation.
    case rotation = "ROTATION"
    /// A rotation override.
    case rotationOverride = "ROTATION_OVERRIDE"
    /// The replication set.
    case replicationSet = "REPLICATION_SET"
    /// A response plan.
    case responsePlan = "RESPONSE_PLAN"
    /// An Automation document a response plan names.
    case document = "DOCUMENT"
    /// An incident record.
    case incident = "INCIDENT"
    /// A timeline event of an incident.
    case timelineEvent = "TIMELINE_EVENT"
    /// A related item of an incident.
    case relatedItem = "RELATED_ITEM"
}
