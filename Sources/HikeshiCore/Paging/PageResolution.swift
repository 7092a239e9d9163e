/// One step of the path from the engaged contact to the person paged
/// (escalation plan → on-call schedule → person).
public struct PageResolutionStep: Codable, Sendable, Equatable {
    /// The contact at this step.
    public var contactArn: String
    /// What the contact is.
    public var type: ContactType
    /// The stage of this contact's plan that led to the next step.
    public var stageIndex: Int?

    /// Creates a step.
    public init(contactArn: String, type: ContactType, stageIndex: Int?) {
        self.contactArn = contactArn
        self.type = type
        self.stageIndex = stageIndex
    }
}
