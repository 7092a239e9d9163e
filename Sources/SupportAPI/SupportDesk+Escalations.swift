import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Logging
import Storage

extension SupportDesk {
    /// The longest text of one communication, here and in the Support API (`communicationBody`): a reply, a mailed
    /// message, a message sent upstream.
    static let communicationBodyLimit = 8000

    /// Forwards a case upstream: queues the upstream case's opening message (the agent's words and the messages they
    /// chose, with the files they chose) and the job that creates, links and then reads the upstream case.
    public func escalateCase(_ input: Hikeshi.EscalateCaseRequest, context: AWSRequestContext) async throws -> Hikeshi.EscalateCaseResponse {
        let now = clock.now()
        let escalation = try await write(context.logger) { tx -> Hikeshi.Escalation in
            try await Self.requireProvider(context, tx)
            let record = try await Self.supportCase(input.caseId, of: nil, tx, lock: tx.locksRows)
            guard try await tx.upstreamProviders.provider(named: input.providerName) != nil else {
                throw SupportError.notFound("Upstream provider \(input.providerName) was not found")
            }
            let existing = try await tx.escalations.escalations(caseID: record.caseID)
            if existing.contains(where: { $0.provider == input.providerName && $0.status != .failed }) {
                throw SupportError.conflict("Case \(record.caseID) is escalated to \(input.providerName) already; SendUpstream adds to it")
            }
            let subject = (input.subject ?? record.details.subject).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !subject.isEmpty, subject.count <= 512 else { throw SupportError.invalid("Subject", "The subject is 1-512 characters") }
            var escalation = SupportEscalation(
                id: "esc-" + RandomToken.hex(bytes: 10), caseID: record.caseID, deskAccountID: context.accountID, provider: input.providerName,
                status: .creating,
                opening: SupportEscalation.Opening(
                    subject: subject, serviceCode: record.serviceCode, categoryCode: record.categoryCode,
                    severityCode: input.severityCode?.rawValue ?? record.severity.rawValue, language: record.language,
                    technical: record.details.issueType == .technical),
                createdAt: now, updatedAt: now)
            let message = try await Self.upstreamMessage(
                escalation: escalation, caseID: record.caseID, note: input.body, communicationIDs: input.communicationIds ?? [],
                attachmentIDs: input.attachmentIds ?? [], now: now, tx: tx)
            try await tx.escalations.insert(escalation)
            try await tx.escalations.insert(message)
            try await Self.carryOn(&escalation, now: now, tx: tx)
            return try await Self.escalationView(escalation, tx)
        }
        support.notifier?.wake()
        context.logger.info(
            "case escalated", metadata: ["case.id": .string(input.caseId), "escalation.id": .string(escalation.escalationId)])
        return Hikeshi.EscalateCaseResponse(escalation: escalation)
    }

    /// Sends more of the case's messages, or the agent's words, to the upstream case.
    public func sendUpstream(_ input: Hikeshi.SendUpstreamRequest, context: AWSRequestContext) async throws -> Hikeshi.SendUpstreamResponse {
        let now = clock.now()
        let escalation = try await write(context.logger) { tx -> Hikeshi.Escalation in
            try await Self.requireProvider(context, tx)
            var escalation = try await Self.escalation(input.escalationId, tx)
            guard escalation.status != .failed else {
                throw SupportError.conflict("Escalation \(escalation.id) failed: \(escalation.lastError ?? ""); RetryEscalation tries it again")
            }
            let message = try await Self.upstreamMessage(
                escalation: escalation, caseID: escalation.caseID, note: input.body, communicationIDs: input.communicationIds ?? [],
                attachmentIDs: input.attachmentIds ?? [], now: now, tx: tx)
            try await tx.escalations.insert(message)
            escalation.resumed(at: now)
            try await Self.carryOn(&escalation, now: now, tx: tx)
            return try await Self.escalationView(escalation, tx)
        }
        support.notifier?.wake()
        return Hikeshi.SendUpstreamResponse(escalation: escalation)
    }

    /// A case's escalations with their messages.
    public func listEscalations(_ input: Hikeshi.ListEscalationsRequest, context: AWSRequestContext) async throws -> Hikeshi.ListEscalationsResponse {
        let escalations = try await read(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            let record = try await Self.supportCase(input.caseId, of: nil, tx)
            return try await Self.escalationViews(caseID: record.caseID, tx)
        }
        return Hikeshi.ListEscalationsResponse(escalations: escalations)
    }

    /// Tries a failed escalation, and its failed messages, again now.
    public func retryEscalation(_ input: Hikeshi.RetryEscalationRequest, context: AWSRequestContext) async throws -> Hikeshi.RetryEscalationResponse {
        let now = clock.now()
        let escalation = try await write(context.logger) { tx -> Hikeshi.Escalation in
            try await Self.requireProvider(context, tx)
            var escalation = try await Self.escalation(input.escalationId, tx)
            for var message in try await tx.escalations.messages(escalationID: escalation.id) where message.state == .failed {
                message.state = .pending
                message.details.error = nil
                try await tx.escalations.update(message)
            }
            escalation.resumed(at: now)
            escalation.attempts = 0
            escalation.lastError = nil
            try await Self.carryOn(&escalation, now: now, tx: tx)
            return try await Self.escalationView(escalation, tx)
        }
        support.notifier?.wake()
        return Hikeshi.RetryEscalationResponse(escalation: escalation)
    }

    /// Relays a message from the upstream desk to the customer as the agent's reply, with its files unless asked not
    /// to (copied into the customer's account).
    public func relayUpstreamMessage(_ input: Hikeshi.RelayUpstreamMessageRequest, context: AWSRequestContext) async throws
        -> Hikeshi.RelayUpstreamMessageResponse
    {
        let now = clock.now()
        let view = try await write(context.logger) { tx -> Hikeshi.CaseView in
            try await Self.requireProvider(context, tx)
            let escalation = try await Self.escalation(input.escalationId, tx)
            guard var message = try await tx.escalations.messages(escalationID: escalation.id).first(where: { $0.id == input.messageId }) else {
                throw SupportError.notFound("Message \(input.messageId) of escalation \(escalation.id) was not found")
            }
            guard message.direction == .down else { throw SupportError.invalid("MessageId", "Only messages from the upstream desk are relayed") }
            if let relayed = message.details.relayedCommunicationID {
                throw SupportError.conflict("Message \(message.id) was relayed already, as \(relayed)")
            }
            let body = input.body ?? message.body
            guard !body.isEmpty, body.count <= Self.communicationBodyLimit else {
                throw SupportError.invalid("Body", "A reply is 1-\(Self.communicationBodyLimit) characters")
            }
            let (agent, _) = try await Self.activeAgent(input.agentId, tx)
            var record = try await Self.supportCase(escalation.caseID, of: nil, tx, lock: tx.locksRows)
            guard !record.status.isResolved else {
                throw SupportError.conflict("Case \(record.caseID) is resolved; the customer reopens it by replying")
            }
            var attachments: [AttachmentReference] = []
            if input.includeAttachments ?? true, !message.details.attachments.isEmpty {
                let set = SupportAttachmentSetRecord(
                    id: "as-" + RandomToken.hex(bytes: 16), accountID: record.accountID, createdAt: now,
                    expiresAt: now.addingTimeInterval(SupportHandler.attachmentSetLifetime))
                try await tx.attachments.insert(set)
                for reference in message.details.attachments {
                    guard let file = try await tx.attachments.attachment(id: reference.id, accountID: escalation.deskAccountID) else { continue }
                    let copy = SupportAttachmentRecord(
                        id: "attachment-" + RandomToken.hex(bytes: 16), setID: set.id, accountID: record.accountID, fileName: file.fileName,
                        size: file.size, data: file.data, createdAt: now)
                    try await tx.attachments.insert(copy)
                    attachments.append(AttachmentReference(id: copy.id, fileName: copy.fileName))
                }
            }
            let communicationID = try await self.sendAgentMessage(
                body, agent: agent, cc: [], attachments: attachments, on: record, now: now, tx: tx)
            record.agentReplied(agent.agentID, text: body, requestingInformation: input.requestInformation ?? false, at: now)
            try await tx.supportCases.update(record)
            message.state = .relayed
            message.details.relayedCommunicationID = communicationID
            try await tx.escalations.update(message)
            return try await self.detailedView(record, tx)
        }
        support.notifier?.wake()
        return Hikeshi.RelayUpstreamMessageResponse(case: view)
    }

    /// An escalation by id, or the error that says it is not there.
    static func escalation(_ id: String, _ tx: any SupportTransaction) async throws -> SupportEscalation {
        guard let escalation = try await tx.escalations.escalation(id: id, forUpdate: tx.locksRows) else {
            throw SupportError.notFound("Escalation \(id) was not found")
        }
        return escalation
    }

    /// A message going up: the agent's words, then each chosen communication of the case with who wrote it and when,
    /// with the chosen files (attachments of the case's communications, at most three); it ends with the message's
    /// marker, which counts against the Support API's limit.
    static func upstreamMessage(
        escalation: SupportEscalation, caseID: String, note: String?, communicationIDs: [String], attachmentIDs: [String], now: Date,
        tx: any SupportTransaction
    ) async throws -> EscalationMessage {
        let communications = try await allCommunications(caseID, tx)
        var parts: [String] = []
        if let note = note?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty {
            parts.append(note)
        }
        var seen = Set<String>()
        for id in communicationIDs where seen.insert(id).inserted {
            guard let communication = communications.first(where: { $0.id == id }) else {
                throw SupportError.invalid("CommunicationIds", "Communication \(id) is not one of case \(caseID)'s")
            }
            let who = communication.author == .customer ? "Customer" : "Support agent"
            parts.append("--- \(who), \(SupportHandler.timestamp(communication.createdAt)) ---\n\(communication.body)")
        }
        var attachments: [AttachmentReference] = []
        let offered = communications.flatMap(\.details.attachments)
        for id in attachmentIDs where !attachments.contains(where: { $0.id == id }) {
            guard let reference = offered.first(where: { $0.id == id }) else {
                throw SupportError.invalid("AttachmentIds", "Attachment \(id) is not one of case \(caseID)'s")
            }
            attachments.append(reference)
        }
        guard !parts.isEmpty || !attachments.isEmpty else {
            throw SupportError.invalid("Body", "Say something, or choose communications or attachments to send")
        }
        var message = EscalationMessage(
            id: "upm-" + RandomToken.hex(bytes: 10), escalationID: escalation.id, direction: .up, state: .pending, body: "",
            details: EscalationMessage.Details(attachments: attachments), createdAt: now)
        let text = parts.isEmpty ? "(attached)" : parts.joined(separator: "\n\n")
        message.body = text + "\n\n" + message.marker
        guard message.body.count <= communicationBodyLimit else {
            let room = communicationBodyLimit - message.marker.count - 2
            throw SupportError.invalid(
                "CommunicationIds", "The note and the chosen messages are \(text.count) characters; the Support API takes \(room)")
        }
        return message
    }

    /// Hands the escalation to a new job due now; the job it had, if any, finds itself stale and stops.
    static func carryOn(_ escalation: inout SupportEscalation, now: Date, tx: any SupportTransaction) async throws {
        let jobID = "support.upstream:\(escalation.id):\(RandomToken.hex(bytes: 6))"
        escalation.chainJobID = jobID
        escalation.nextAttemptAt = now
        try await tx.escalations.update(escalation)
        try await tx.jobs.enqueue(kind: UpstreamSyncJob.jobKind, payload: UpstreamSync(escalationID: escalation.id), dueAt: now, now: now, id: jobID)
    }

    /// A case's escalations as the API shows them.
    static func escalationViews(caseID: String, _ tx: any SupportTransaction) async throws -> [Hikeshi.Escalation] {
        var views: [Hikeshi.Escalation] = []
        for escalation in try await tx.escalations.escalations(caseID: caseID) {
            views.append(try await escalationView(escalation, tx))
        }
        return views
    }

    /// An escalation as the API shows it, with its messages.
    static func escalationView(_ escalation: SupportEscalation, _ tx: any SupportTransaction) async throws -> Hikeshi.Escalation {
        let messages = try await tx.escalations.messages(escalationID: escalation.id)
        return Hikeshi.Escalation(
            escalationId: escalation.id, caseId: escalation.caseID, providerName: escalation.provider,
            status: Hikeshi.EscalationStatus(rawValue: escalation.status.rawValue) ?? .failed, upstreamCaseId: escalation.upstreamCaseID,
            upstreamDisplayId: escalation.upstreamDisplayID, upstreamStatus: escalation.upstreamStatus, attempts: escalation.attempts,
            lastError: escalation.lastError, nextAttemptAt: escalation.chainJobID == nil ? nil : escalation.nextAttemptAt,
            lastPolledAt: escalation.lastPolledAt, createdAt: escalation.createdAt,
            messages: messages.map { message in
                Hikeshi.EscalationMessage(
                    messageId: message.id, direction: Hikeshi.EscalationDirection(rawValue: message.direction.rawValue) ?? .up,
                    state: Hikeshi.EscalationMessageState(rawValue: message.state.rawValue) ?? .pending, body: message.body,
                    submittedBy: message.details.submittedBy, upstreamTime: message.details.upstreamTime, createdAt: message.createdAt,
                    attachments: message.details.attachments.map { Hikeshi.EscalationAttachment(attachmentId: $0.id, fileName: $0.fileName) },
                    error: message.details.error, relayedCommunicationId: message.details.relayedCommunicationID)
            })
    }
}
