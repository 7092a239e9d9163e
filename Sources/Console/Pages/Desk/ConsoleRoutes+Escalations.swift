import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel

extension ConsoleRoutes {
    /// A refused escalation form, to show again on the case page beside its fields: the form's action (`escalate`,
    /// `upstream`, `relay`, `retry`), what it sent, and the refusal.
    struct EscalationRefusal: Sendable {
        let action: String
        let form: FormData
        let refusal: FieldRefusal
    }

    /// The case page's actions on escalations.
    static let escalationActions: Set<String> = ["escalate", "upstream", "relay", "retry"]

    /// The longest excerpt of a message beside its checkbox.
    static let excerptLength = 140

    // MARK: The section

    /// The escalations section of the desk's case page: each escalation with its messages and forms, and the form
    /// that escalates the case to a provider it is not escalated to yet.
    func escalationPanel(_ call: ConsoleCall, view: Hikeshi.CaseView, refused: EscalationRefusal?) async throws -> EscalationPanel {
        let resolved = view.status == "resolved"
        let canRelay = !resolved && call.user.agentID != nil
        let escalations = view.escalations ?? []
        let live = Set(escalations.filter { $0.status != .failed }.map(\.providerName))
        let providers = try await services.desk.listUpstreamProviders(Hikeshi.ListUpstreamProvidersRequest().validated(), context: call.aws)
            .upstreamProviders.map(\.name).filter { !live.contains($0) }.sorted()
        let communications = view.communications ?? []
        // The files of the case's messages, each once, in the order they came.
        var files: [(id: String, name: String)] = []
        for file in communications.flatMap({ $0.attachments ?? [] }) {
            guard let id = file.attachmentId, !files.contains(where: { $0.id == id }) else { continue }
            files.append((id, file.fileName))
        }
        func picks(_ form: FormData?) -> (communications: [PickChoice], attachments: [PickChoice]) {
            let chosen = Set(form?.all("communication") ?? [])
            let chosenFiles = Set(form?.all("attachment") ?? [])
            return (
                communications.map { message in
                    let author = Self.authorLabel(message.author, call.strings.support)
                    return PickChoice(
                        pickName: "communication", value: message.communicationId,
                        label: "\(author) · \(message.submittedBy) · \(call.time.dateTime(message.createdAt))", excerpt: Self.excerpt(message.body),
                        checked: chosen.contains(message.communicationId))
                },
                files.map { PickChoice(pickName: "attachment", value: $0.id, label: $0.name, excerpt: nil, checked: chosenFiles.contains($0.id)) }
            )
        }
        let escalateForm = refused?.action == "escalate" ? refused : nil
        let escalatePicks = picks(escalateForm?.form)
        let chosenProvider = escalateForm?.form["provider"]
        return EscalationPanel(
            escalations: escalations.map { escalation in
                let mine = refused.flatMap { $0.form["escalation"] == escalation.escalationId ? $0 : nil }
                let sendForm = mine?.action == "upstream" ? mine : nil
                let sendPicks = picks(sendForm?.form)
                return EscalationView(
                    escalationID: escalation.escalationId, providerName: escalation.providerName,
                    statusLabel: Self.escalationStatus(escalation.status, call.strings.desk), statusRaw: escalation.status.rawValue,
                    statusClass: Self.escalationStatusClass(escalation.status), upstreamDisplayID: escalation.upstreamDisplayId,
                    upstreamStatus: escalation.upstreamStatus, attempts: escalation.attempts,
                    failing: escalation.status == .failed || escalation.lastError != nil, lastError: escalation.lastError,
                    nextAttempt: escalation.nextAttemptAt.map(call.timeView), lastPolled: escalation.lastPolledAt.map(call.timeView),
                    upstreamMessages: escalation.messages.map { message in
                        let relay = mine?.action == "relay" && mine?.form["message"] == message.messageId ? mine : nil
                        return EscalationMessageView(
                            messageID: message.messageId, directionLabel: Self.escalationDirection(message.direction, call.strings.desk),
                            directionClass: message.direction == .up ? "up" : "down",
                            stateLabel: Self.escalationMessageState(message.state, call.strings.desk), stateRaw: message.state.rawValue,
                            body: message.body, upstreamAuthor: message.direction == .down ? message.submittedBy : nil,
                            time: call.timeView(message.upstreamTime ?? message.createdAt), files: message.attachments.map(\.fileName),
                            sendError: message.error,
                            canRelay: canRelay && message.direction == .down && message.state == .received && message.relayedCommunicationId == nil,
                            relayText: relay?.form["body"] ?? message.body,
                            relayFiles: relay.map { $0.form["includeAttachments"] == "yes" } ?? true, relayRefusal: relay?.refusal.message)
                    },
                    canSend: !resolved && (escalation.status == .creating || escalation.status == .open),
                    canRetry: escalation.status == .failed, sendCommunications: sendPicks.communications, sendAttachments: sendPicks.attachments,
                    sendNote: sendForm?.form["body"] ?? "", sendOpen: sendForm != nil, sendRefusal: UpstreamFormRefusal(sendForm?.refusal),
                    retryRefusal: mine?.action == "retry" ? mine?.refusal.message : nil)
            },
            providers: providers.map { Choice(value: $0, label: $0, selected: $0 == chosenProvider) },
            communications: escalatePicks.communications, attachments: escalatePicks.attachments, note: escalateForm?.form["body"] ?? "",
            canEscalate: !resolved, refusal: UpstreamFormRefusal(escalateForm?.refusal))
    }

    /// A message's first words for its checkbox: whitespace folded, at most ``excerptLength`` characters.
    static func excerpt(_ text: String) -> String {
        let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return folded.count <= excerptLength ? folded : String(folded.prefix(excerptLength - 1)) + "…"
    }

    /// An escalation's status in the viewer's language.
    static func escalationStatus(_ status: Hikeshi.EscalationStatus, _ t: DeskStrings) -> String {
        switch status {
        case .creating: t.escalationCreating
        case .open: t.escalationOpen
        case .resolved: t.escalationResolved
        case .failed: t.escalationFailed
        }
    }

    /// The class of an escalation's status badge.
    static func escalationStatusClass(_ status: Hikeshi.EscalationStatus) -> String {
        switch status {
        case .creating: "pending"
        case .open: "active"
        case .resolved: "resolved"
        case .failed: "failed"
        }
    }

    /// Which way a message of an escalation went, in the viewer's language.
    static func escalationDirection(_ direction: Hikeshi.EscalationDirection, _ t: DeskStrings) -> String {
        switch direction {
        case .up: t.directionUp
        case .down: t.directionDown
        }
    }

    /// What became of a message of an escalation, in the viewer's language.
    static func escalationMessageState(_ state: Hikeshi.EscalationMessageState, _ t: DeskStrings) -> String {
        switch state {
        case .pending: t.messagePending
        case .sent: t.messageSent
        case .failed: t.messageFailed
        case .received: t.messageReceived
        case .relayed: t.messageRelayed
        }
    }

    // MARK: The forms

    /// Escalates the case, sends more upstream, relays a message from upstream to the customer, or retries a failed
    /// escalation; a refusal shows the case page again with the form as it was sent.
    func escalationAction(_ call: ConsoleCall, caseID: String, action: String) async throws -> ConsoleReply {
        let form = call.form
        let escalationID = form["escalation"] ?? ""
        let notice: String
        do {
            switch action {
            case "escalate":
                let input = Hikeshi.EscalateCaseRequest(
                    caseId: caseID, providerName: form["provider"] ?? "", communicationIds: Self.chosen(form.all("communication")),
                    attachmentIds: Self.chosen(form.all("attachment")), body: form.text("body"))
                _ = try await services.desk.escalateCase(try input.validated(), context: call.aws)
                notice = "desk.escalatedNotice"
            case "upstream":
                let input = Hikeshi.SendUpstreamRequest(
                    escalationId: escalationID, communicationIds: Self.chosen(form.all("communication")),
                    attachmentIds: Self.chosen(form.all("attachment")), body: form.text("body"))
                _ = try await services.desk.sendUpstream(try input.validated(), context: call.aws)
                notice = "desk.sentUpstreamNotice"
            case "relay":
                guard let agent = call.user.agentID else { return try await deskCase(call, id: caseID, errors: [call.strings.desk.noAgentID]) }
                let input = Hikeshi.RelayUpstreamMessageRequest(
                    escalationId: escalationID, messageId: form["message"] ?? "", agentId: agent, body: form["body"] ?? "",
                    includeAttachments: form["includeAttachments"] == "yes", requestInformation: form["requestInformation"] == "yes")
                _ = try await services.desk.relayUpstreamMessage(try input.validated(), context: call.aws)
                notice = "desk.relayedNotice"
            case "retry":
                _ = try await services.desk.retryEscalation(
                    try Hikeshi.RetryEscalationRequest(escalationId: escalationID).validated(), context: call.aws)
                notice = "desk.retriedNotice"
            default:
                throw ConsoleError(.notFound)
            }
        } catch let error as any AWSErrorConvertible {
            let refusal = FieldRefusal(error.awsError)
            return try await deskCase(
                call, id: caseID, errors: [refusal.message], refused: EscalationRefusal(action: action, form: form, refusal: refusal))
        }
        return .redirect(Self.deskCasePath(caseID) + "?notice=" + notice)
    }

    /// The checked boxes, nil when none (the API's lists are optional).
    static func chosen(_ values: [String]) -> [String]? {
        let kept = values.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept
    }
}
