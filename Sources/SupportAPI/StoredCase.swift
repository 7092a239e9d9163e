import Foundation
import HikeshiCore

/// The JSON document of a case: what the desk needs beyond the indexed columns.
struct StoredCase: Codable, Sendable, Equatable {
    /// The subject.
    var subject: String
    /// Who opened it.
    var submittedBy: String
    /// `technical` or `customer-service`.
    var issueType: String
    /// CC addresses given at creation.
    var ccEmailAddresses: [String]
    /// The plan at creation.
    var plan: String
    /// Whether the clock counts business hours only.
    var businessHoursOnly: Bool
    /// The account's time zone at creation.
    var timeZone: String
    /// The first-response clock (its calendar is a snapshot taken at creation).
    var clock: FirstResponseClock
    /// The coach's advice on the case as filed.
    var coach: [CoachFinding]
    /// The resolution note an agent wrote.
    var resolutionNote: String?
    /// The case this one replaces at a higher severity.
    var supersedes: String?
    /// The case that replaced this one at a higher severity.
    var supersededBy: String?
    /// The customer's survey answer on resolution.
    var surveyRating: Int?
    /// The survey comment.
    var surveyComment: String?
}

/// The JSON document of a communication.
struct StoredCommunication: Codable, Sendable, Equatable {
    /// CC addresses.
    var ccEmailAddresses: [String] = []
    /// The attachments (id and file name).
    var attachments: [StoredAttachmentRef] = []
    /// The agent who wrote it.
    var agentID: String?
    /// The customer's rating of an agent reply, 1–5.
    var rating: Int?
    /// The rating comment.
    var ratingComment: String?
}

/// An attachment as a communication refers to it.
struct StoredAttachmentRef: Codable, Sendable, Equatable {
    /// The attachment id.
    var id: String
    /// The file name.
    var fileName: String
}

/// An agent's JSON document.
struct StoredAgent: Codable, Sendable, Equatable {
    /// Email.
    var email: String?
    /// Specialties.
    var specialties: [SupportSpecialty]
    /// Languages.
    var languages: [SupportLanguage]
}

/// The desk-wide settings document.
struct DeskSettings: Codable, Sendable, Equatable {
    /// The contact or escalation plan (in the provider's account) paged when a first-response target is breached.
    var breachEngagementArn: String?
}
