import Foundation

/// What the desk knows of an agent beyond name and state: how to reach them and what they can take.
public struct AgentProfile: Codable, Sendable, Equatable {
    /// Email.
    public var email: String?
    /// Specialties.
    public var specialties: [SupportSpecialty]
    /// Languages.
    public var languages: [SupportLanguage]

    /// Creates a value.
    public init(
        email: String? = nil,
        specialties: [SupportSpecialty],
        languages: [SupportLanguage]
    ) {
        self.email = email
        self.specialties = specialties
        self.languages = languages
    }
}
