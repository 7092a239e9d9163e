import HikeshiCore

/// A checkbox of the escalation forms: a message or a file of the case to send upstream.
struct PickChoice: Sendable {
    /// The form field: `communication` or `attachment`.
    let pickName: String
    let value: String
    let label: String
    /// A short excerpt of a message (nil for a file).
    let excerpt: String?
    let checked: Bool
}

/// The refusal of an escalate or send-upstream form beside its fields (nil where the field is fine); `form` is a
/// refusal that names none of them.
struct UpstreamFormRefusal: Sendable {
    let provider: String?
    let communications: String?
    let attachments: String?
    let note: String?
    let form: String?
}

extension UpstreamFormRefusal {
    /// The members of `EscalateCase` and `SendUpstream` the forms have a field for.
    static let members: Set<String> = ["ProviderName", "CommunicationIds", "AttachmentIds", "Body"]

    /// Each field's line for `refusal` (none without one).
    init(_ refusal: FieldRefusal?) {
        self.init(
            provider: refusal?.at("ProviderName"), communications: refusal?.at("CommunicationIds"), attachments: refusal?.at("AttachmentIds"),
            note: refusal?.at("Body"), form: refusal?.elsewhere(than: Self.members))
    }
}

/// One message of an escalation: up to the upstream case or down from it, in order, with what became of it.
struct EscalationMessageView: Sendable {
    let messageID: String
    let directionLabel: String
    /// `up` or `down`.
    let directionClass: String
    let stateLabel: String
    let stateRaw: String
    let body: String
    /// Who wrote it upstream (messages that came down).
    let upstreamAuthor: String?
    let time: TimeView
    let files: [String]
    /// Why it could not be sent (messages going up).
    let sendError: String?
    /// Whether the relay form is shown: a message received from upstream, not relayed yet, on a case the agent may answer.
    let canRelay: Bool
    /// The relay form's text: the upstream text, or what the agent sent when the relay was refused.
    let relayText: String
    let relayFiles: Bool
    let relayRefusal: String?
}

/// One escalation of the case to an upstream provider.
struct EscalationView: Sendable {
    let escalationID: String
    let providerName: String
    let statusLabel: String
    let statusRaw: String
    let statusClass: String
    let upstreamDisplayID: String?
    let upstreamStatus: String?
    let attempts: Int
    /// Whether it is failing (failed, or a last attempt went wrong): the attempts and the last error are shown.
    let failing: Bool
    let lastError: String?
    let nextAttempt: TimeView?
    let lastPolled: TimeView?
    let upstreamMessages: [EscalationMessageView]
    let canSend: Bool
    let canRetry: Bool
    /// The send-upstream form's checkboxes and note (kept when that form was refused).
    let sendCommunications: [PickChoice]
    let sendAttachments: [PickChoice]
    let sendNote: String
    /// Whether the send-upstream form is shown open (it was just refused).
    let sendOpen: Bool
    let sendRefusal: UpstreamFormRefusal
    let retryRefusal: String?
}

/// The case page's escalations section: the escalations and the form that makes a new one.
struct EscalationPanel: Sendable {
    let escalations: [EscalationView]
    /// Providers the case is not escalated to yet.
    let providers: [Choice]
    let communications: [PickChoice]
    /// Files of the case's messages (at most three go up).
    let attachments: [PickChoice]
    let note: String
    /// Whether the escalate form is shown (the case is not resolved).
    let canEscalate: Bool
    let refusal: UpstreamFormRefusal
}
