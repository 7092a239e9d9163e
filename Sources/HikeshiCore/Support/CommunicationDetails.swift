import Foundation

/// What a communication keeps beyond its text: copies, attachments, the agent who wrote it and the customer's rating.
public struct CommunicationDetails: Codable, Sendable, Equatable {
    /// CC addresses.
    public var ccEmailAddresses: [String] = []
    /// The attachments (id and file name).
    public var attachments: [AttachmentReference] = []
    /// The agent who wrote it.
    public var agentID: String?
    /// The customer's rating of an agent reply, 1–5.
    public var rating: Int?
    /// The rating comment.
    public var ratingComment: String?

    /// Creates a value.
    public init(
        ccEmailAddresses: [String] = [],
        attachments: [AttachmentReference] = [],
        agentID: String? = nil,
        rating: Int? = nil,
        ratingComment: String? = nil
    ) {
        self.ccEmailAddresses = ccEmailAddresses
        self.attachments = attachments
        self.agentID = agentID
        self.rating = rating
        self.ratingComment = ratingComment
    }
}

/// An attachment as a communication refers to it.
public struct AttachmentReference: Codable, Sendable, Equatable {
    /// The attachment id.
    public var id: String
    /// The file name.
    public var fileName: String

    /// Creates a value.
    public init(
        id: String,
        fileName: String
    ) {
        self.id = id
        self.fileName = fileName
    }
}
