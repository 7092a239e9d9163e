import Foundation

/// Something that happens to a support case and may change its status.
public enum SupportCaseEvent: Sendable, Hashable, CaseIterable {
    /// An engineer took the case.
    case assigned
    /// An engineer answered the case.
    case agentReplied
    /// An engineer asked the customer for more information.
    case agentRequestedInformation
    /// The customer added a communication to the case.
    case customerReplied
    /// The case was resolved.
    case resolved
}
