/// Something that happened to an incident, to announce in a chat channel (Slack, Microsoft Teams, Amazon Chime).
public struct ChatEvent: Sendable, Hashable {
    /// An incident's status, as ssm-incidents names it.
    public enum IncidentStatus: String, Sendable, Hashable, CaseIterable {
        /// `OPEN`.
        case open = "OPEN"
        /// `RESOLVED`.
        case resolved = "RESOLVED"
    }

    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// The incident was started.
        case created
        /// Its impact changed.
        case impactChanged(old: Int, new: Int)
        /// Someone added a note to its timeline.
        case note(author: String, text: String)
        /// Someone acknowledged it.
        case acknowledged(by: String)
        /// Its status changed.
        case statusChanged(old: IncidentStatus, new: IncidentStatus)
        /// It was resolved.
        case resolved
        /// Another alert with the same dedupe key joined it instead of starting an incident.
        case absorbed(source: String, title: String)
        /// A contact or escalation plan is being engaged for it.
        case engagementStarted(contact: String)
    }

    /// What happened.
    public var kind: Kind
    /// The incident's title.
    public var incidentTitle: String
    /// The incident record's ARN (the value of the chat buttons).
    public var incidentArn: String
    /// The incident's impact, 1 (critical) … 5 (no impact).
    public var impact: Int
    /// The incident's status after the event.
    public var status: IncidentStatus
    /// A link to the incident (a console or web page), if there is one.
    public var link: String?

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - kind: What happened.
    ///   - incidentTitle: The incident's title.
    ///   - incidentArn: The incident record's ARN.
    ///   - impact: The impact, 1…5.
    ///   - status: The status after the event.
    ///   - link: A link to the incident.
    public init(kind: Kind, incidentTitle: String, incidentArn: String, impact: Int, status: IncidentStatus = .open, link: String? = nil) {
        self.kind = kind
        self.incidentTitle = incidentTitle
        self.incidentArn = incidentArn
        self.impact = impact
        self.status = status
        self.link = link
    }

    /// Whether the incident is still open after this event (and so the message offers Acknowledge and Resolve).
    public var isOpen: Bool {
        switch kind {
        case .resolved, .statusChanged(_, .resolved): false
        default: status == .open
        }
    }

    /// The impact's name in ssm-incidents' terms: Critical, High, Medium, Low, No Impact.
    ///
    /// - Parameter impact: The impact, 1…5.
    /// - Returns: Its name, or `Unknown`.
    public static func impactName(_ impact: Int) -> String {
        switch impact {
        case 1: "Critical"
        case 2: "High"
        case 3: "Medium"
        case 4: "Low"
        case 5: "No Impact"
        default: "Unknown"
        }
    }
}
