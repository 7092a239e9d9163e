import Foundation

/// An AWS Support plan, from the free Basic plan to Enterprise.
public enum SupportPlanKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// Basic: account and billing questions only.
    case basic
    /// Developer: technical cases in business hours, by web.
    case developer
    /// Business: technical cases around the clock, by web, chat and phone.
    case business
    /// Enterprise On-Ramp: Business plus business-critical cases.
    case enterpriseOnRamp = "enterprise-on-ramp"
    /// Enterprise: Enterprise On-Ramp with the fastest business-critical response.
    case enterprise

    /// The plan's name as AWS writes it, such as `Enterprise On-Ramp`.
    public var displayName: String {
        switch self {
        case .basic: "Basic"
        case .developer: "Developer"
        case .business: "Business"
        case .enterpriseOnRamp: "Enterprise On-Ramp"
        case .enterprise: "Enterprise"
        }
    }
}
