import Foundation

/// The desk-wide settings document.
struct DeskSettings: Codable, Sendable, Equatable {
    /// The contact or escalation plan (in the provider's account) paged when a first-response target is breached.
    var breachEngagementArn: String?
}
