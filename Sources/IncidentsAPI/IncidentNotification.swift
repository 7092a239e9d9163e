import Foundation
import HikeshiCore

/// A durable job that tells an incident's chat channels and notification targets what happened.
///
/// The incidents module queues it in the transaction that changes the incident; the App module
/// runs it (it owns the HTTP client) and posts to each channel.
public struct IncidentNotification: Codable, Sendable, Equatable {
    /// The job kind.
    public static let jobKind = "incident.notify"

    /// What happened.
    public enum Event: String, Codable, Sendable {
        /// The incident opened.
        case created
        /// The impact changed.
        case impactChanged
        /// The title changed.
        case titleChanged
        /// A responder added a note.
        case note
        /// A responder acknowledged.
        case acknowledged
        /// The incident was resolved.
        case resolved
        /// The incident was reopened.
        case reopened
    }

    /// The incident.
    public var incidentArn: String
    /// The incident's account.
    public var accountID: String
    /// What happened.
    public var event: Event
    /// The previous impact, for ``Event/impactChanged``.
    public var oldImpact: Int?
    /// Who did it, when a person did.
    public var actor: String?
    /// The note's text, for ``Event/note``.
    public var text: String?
    /// The incident as it was when this happened (chat shows that, not its state at delivery).
    public var snapshot: Snapshot?

    /// An incident's title, impact and status at one moment.
    public struct Snapshot: Codable, Sendable, Equatable {
        /// The title.
        public var title: String
        /// The impact, 1–5.
        public var impact: Int
        /// `OPEN` or `RESOLVED`.
        public var status: IncidentStatus

        /// Creates a snapshot.
        public init(title: String, impact: Int, status: IncidentStatus) {
            self.title = title
            self.impact = impact
            self.status = status
        }
    }

    /// Creates a notification.
    public init(incidentArn: String, accountID: String, event: Event, oldImpact: Int? = nil, actor: String? = nil, text: String? = nil) {
        self.incidentArn = incidentArn
        self.accountID = accountID
        self.event = event
        self.oldImpact = oldImpact
        self.actor = actor
        self.text = text
    }
}
