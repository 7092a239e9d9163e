import Foundation

/// The status of a support case, as AWS Support's `DescribeCases` reports it.
public enum SupportCaseStatus: String, CaseIterable, Sendable, Codable, Hashable {
    /// Assigned to an engineer, not yet answered.
    case opened
    /// New, waiting for an engineer.
    case unassigned
    /// An engineer is working on the case.
    case workInProgress = "work-in-progress"
    /// Waiting for the customer to answer.
    case pendingCustomerAction = "pending-customer-action"
    /// The customer answered; waiting for the engineer.
    case customerActionCompleted = "customer-action-completed"
    /// The customer replied to a resolved case.
    case reopened
    /// Resolved.
    case resolved

    /// The status of a newly created case.
    public static let initial: SupportCaseStatus = .unassigned

    /// Whether the case is resolved.
    public var isResolved: Bool {
        self == .resolved
    }

    /// The status after `event` happens to a case in this status.
    ///
    /// Assignment opens an unassigned or reopened case and leaves any other status alone; an agent's reply makes the
    /// case work in progress; a request for information makes it pending customer action; a customer's reply completes
    /// a pending customer action or reopens a resolved case and leaves any other status alone; resolving resolves.
    public func after(_ event: SupportCaseEvent) -> SupportCaseStatus {
        switch event {
        case .assigned:
            switch self {
            case .unassigned, .reopened: .opened
            default: self
            }
        case .agentReplied:
            .workInProgress
        case .agentRequestedInformation:
            .pendingCustomerAction
        case .customerReplied:
            switch self {
            case .pendingCustomerAction: .customerActionCompleted
            case .resolved: .reopened
            default: self
            }
        case .resolved:
            .resolved
        }
    }
}
