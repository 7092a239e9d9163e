import Foundation

/// A message between the desk and an upstream desk: one the agent sent up (the case's messages they chose, or
/// their own words, with the files they chose), or one the upstream desk wrote, with its files, which the agent may
/// relay to the customer.
public struct EscalationMessage: Sendable, Equatable {
    /// Which way it went.
    public enum Direction: String, Sendable, Codable, CaseIterable {
        /// Sent to the upstream desk.
        case up = "UP"
        /// Received from it.
        case down = "DOWN"
    }

    /// Where it stands.
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Waiting to be sent (up).
        case pending = "PENDING"
        /// Sent (up).
        case sent = "SENT"
        /// Refused by the upstream desk for good (up); the agent may retry.
        case failed = "FAILED"
        /// Received, not relayed (down).
        case received = "RECEIVED"
        /// Relayed to the customer (down).
        case relayed = "RELAYED"
    }

    /// What else a message keeps.
    public struct Details: Codable, Sendable, Equatable {
        /// Its files: for a message going up, the case's attachments; coming down, the desk's copies.
        public var attachments: [AttachmentReference]
        /// Who wrote it upstream (down).
        public var submittedBy: String?
        /// When the upstream desk recorded it (down).
        public var upstreamTime: Date?
        /// Why it could not be sent (up).
        public var error: String?
        /// The customer's communication it was relayed as (down).
        public var relayedCommunicationID: String?

        /// Creates a value.
        public init(
            attachments: [AttachmentReference] = [], submittedBy: String? = nil, upstreamTime: Date? = nil, error: String? = nil,
            relayedCommunicationID: String? = nil
        ) {
            self.attachments = attachments
            self.submittedBy = submittedBy
            self.upstreamTime = upstreamTime
            self.error = error
            self.relayedCommunicationID = relayedCommunicationID
        }
    }

    /// The message id (`upm-` and 20 hex digits).
    public var id: String
    /// Its escalation.
    public var escalationID: String
    /// Which way it went.
    public var direction: Direction
    /// Where it stands.
    public var state: State
    /// The text sent or received.
    public var body: String
    /// The key of the upstream communication it is (received messages, and sent ones once read back), so that a
    /// communication is taken in once.
    public var upstreamKey: String?
    /// What else it keeps.
    public var details: Details
    /// When the desk queued or received it.
    public var createdAt: Date

    /// The text that marks the message as the desk's wherever it lands upstream — `[ref: esc-…/upm-…]`, at the end
    /// of what is sent — so that a retry after a lost answer or a crash finds it there instead of sending it again.
    public var marker: String { "[ref: \(escalationID)/\(id)]" }

    /// Creates a value.
    public init(
        id: String, escalationID: String, direction: Direction, state: State, body: String, upstreamKey: String? = nil, details: Details,
        createdAt: Date
    ) {
        self.id = id
        self.escalationID = escalationID
        self.direction = direction
        self.state = state
        self.body = body
        self.upstreamKey = upstreamKey
        self.details = details
        self.createdAt = createdAt
    }
}
