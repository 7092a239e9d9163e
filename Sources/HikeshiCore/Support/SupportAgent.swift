import Foundation

/// A support agent of the provider's desk; with what they can take.
public struct SupportAgent: Sendable, Equatable {
    /// `agent-` and 16 hex digits.
    public var agentID: String
    /// The agent's name.
    public var name: String
    /// Email, specialties and languages.
    public var profile: AgentProfile
    /// Whether the agent takes cases.
    public var active: Bool
    /// When the agent was added.
    public var createdAt: Date
    /// When the agent was last changed.
    public var updatedAt: Date

    /// Creates an agent.
    public init(agentID: String, name: String, profile: AgentProfile, active: Bool, createdAt: Date, updatedAt: Date) {
        self.agentID = agentID
        self.name = name
        self.profile = profile
        self.active = active
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
