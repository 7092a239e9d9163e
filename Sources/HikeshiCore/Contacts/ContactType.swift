/// What a contact is: a person, an escalation plan of stages, or an on-call schedule of rotations.
///
/// The raw values are the stored and the wire form (`PERSONAL`, `ESCALATION`, `ONCALL_SCHEDULE`).
public enum ContactType: String, Sendable, CaseIterable, Codable {
    /// A person, paged through their own channels.
    case personal = "PERSONAL"
    /// An escalation plan: stages of contacts, each after the previous one's duration.
    case escalation = "ESCALATION"
    /// An on-call schedule: whoever its rotations have on call.
    case oncallSchedule = "ONCALL_SCHEDULE"
}
