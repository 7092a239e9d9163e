import Foundation

/// One message on a case: from the customer, an agent or the desk itself.
public struct SupportCommunication: Sendable, Equatable {
    /// `comm-` and hex digits.
    public var id: String
    /// The case.
    public var caseID: String
    /// Who wrote it: the customer, an agent or the desk itself.
    public var author: CommunicationAuthor
    /// Who wrote it, as shown to the customer (an IAM ARN or an agent's name).
    public var submittedBy: String
    /// The text.
    public var body: String
    /// CC addresses, attachments, the agent and the customer's rating.
    public var details: CommunicationDetails
    /// When it was added.
    public var createdAt: Date

    /// Creates a communication.
    public init(
        id: String, caseID: String, author: CommunicationAuthor, submittedBy: String, body: String, details: CommunicationDetails, createdAt: Date
    ) {
        self.id = id
        self.caseID = caseID
        self.author = author
        self.submittedBy = submittedBy
        self.body = body
        self.details = details
        self.createdAt = createdAt
    }
}

/// Who wrote a communication. The raw values are the stored form.
public enum CommunicationAuthor: String, Sendable, Equatable, Codable, CaseIterable {
    /// The customer.
    case customer
    /// An agent of the desk.
    case agent
    /// The desk itself (a raised severity, a breach).
    case system
}
