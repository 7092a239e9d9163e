import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Logging
import Storage

extension SupportDesk {
    /// Unresolved cases for an agent (their languages and specialties) or by language, specialty, service and category,
    /// most urgent first.
    public func listQueue(_ input: Hikeshi.ListQueueRequest, context: AWSRequestContext) async throws -> Hikeshi.ListQueueResponse {
        let offset = try PaginationToken.decode(input.nextToken, scope: "ListQueue").map { Int($0) ?? 0 } ?? 0
        let now = clock.now()
        let page = try await read(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            var filter = SupportQueueFilter()
            filter.includeAssigned = input.includeAssigned ?? false
            if let agentID = input.agentId {
                let (_, agent) = try await Self.activeAgent(agentID, tx)
                filter.languages = agent.languages.map(\.rawValue)
                filter.specialties = agent.specialties.map(\.rawValue)
            }
            if let language = input.language { filter.languages = [language.rawValue] }
            if let specialty = input.specialty { filter.specialties = [specialty.rawValue] }
            if let service = input.serviceCode { filter.serviceCodes = [service] }
            if let category = input.categoryCode { filter.categoryCodes = [category] }
            return try await tx.supportCases.queue(filter, offset: offset, limit: Self.pageSize(input.maxResults))
        }
        return Hikeshi.ListQueueResponse(
            cases: try page.items.map { try Self.view($0, communications: nil, now: now) },
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: "ListQueue") }
        )
    }

    /// Gives a case to an agent.
    public func assignCase(_ input: Hikeshi.AssignCaseRequest, context: AWSRequestContext) async throws -> Hikeshi.AssignCaseResponse {
        let now = clock.now()
        let view = try await write(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            _ = try await Self.activeAgent(input.agentId, tx)
            var record = try await Self.supportCase(input.caseId, of: nil, tx, lock: tx.locksRows)
            guard !record.status.isResolved else { throw SupportError.conflict("Case \(input.caseId) is resolved") }
            record.assign(to: input.agentId, at: now)
            try await tx.supportCases.update(record)
            return try await self.detailedView(record, tx)
        }
        return Hikeshi.AssignCaseResponse(case: view)
    }

    /// An agent's reply: the first one stops the first-response clock; asking for information waits on the customer.
    public func replyToCase(_ input: Hikeshi.ReplyToCaseRequest, context: AWSRequestContext) async throws -> Hikeshi.ReplyToCaseResponse {
        let cc = try SupportHandler.checkAddresses(input.ccEmailAddresses)
        let view = try await write(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            return try await self.reply(
                caseID: input.caseId, agentID: input.agentId, body: input.body, requestInformation: input.requestInformation ?? false, cc: cc,
                tx: tx)
        }
        support.notifier?.wake()
        return Hikeshi.ReplyToCaseResponse(case: view)
    }

    /// Replies to a case as an agent (the desk's own agent when `agentID` is nil), for operators at the command line.
    public func reply(caseID: String, agentID: String?, body: String, requestInformation: Bool, logger: Logger) async throws
        -> Hikeshi.CaseView
    {
        guard !body.isEmpty, body.count <= Self.communicationBodyLimit else {
            throw SupportError.invalid("Body", "A reply is 1-\(Self.communicationBodyLimit) characters")
        }
        let now = clock.now()
        return try await write(logger) { tx in
            let agent: String
            if let agentID {
                agent = agentID
            } else {
                agent = try await self.deskAgent(now: now, tx: tx)
            }
            return try await self.reply(caseID: caseID, agentID: agent, body: body, requestInformation: requestInformation, cc: [], tx: tx)
        }
    }

    /// The agent view of any case with its communications, for operators at the command line.
    public func caseDetails(caseID: String, logger: Logger) async throws -> Hikeshi.CaseView {
        try await read(logger) { tx in try await self.detailedView(try await Self.supportCase(caseID, of: nil, tx), tx) }
    }

    /// The id of the desk's own agent (all languages and specialties), created on first use.
    func deskAgent(now: Date, tx: any SupportTransaction) async throws -> String {
        let id = "agent-0000000000000000"
        let agents = tx.agents
        if try await agents.agent(id: id) == nil {
            let stored = AgentProfile(email: nil, specialties: SupportSpecialty.allCases, languages: SupportLanguage.allCases)
            try await agents.insert(
                SupportAgent(
                    agentID: id, name: "Support desk", profile: stored, active: true, createdAt: now, updatedAt: now))
        }
        return id
    }

    private func reply(
        caseID: String,
        agentID: String,
        body: String,
        requestInformation: Bool,
        cc: [String],
        tx: any SupportTransaction
    ) async throws -> Hikeshi.CaseView {
        let now = clock.now()
        let (agent, _) = try await Self.activeAgent(agentID, tx)
        var record = try await Self.supportCase(caseID, of: nil, tx, lock: tx.locksRows)
        guard !record.status.isResolved else {
            throw SupportError.conflict("Case \(caseID) is resolved; the customer reopens it by replying")
        }
        _ = try await sendAgentMessage(body, agent: agent, cc: cc, on: record, now: now, tx: tx)
        record.agentReplied(agent.agentID, text: body, requestingInformation: requestInformation, at: now)
        try await tx.supportCases.update(record)
        return try await detailedView(record, tx)
    }

    /// Resolves a case with a resolution note the knowledge search finds later; the note is sent to the customer.
    public func resolveCaseAsAgent(_ input: Hikeshi.ResolveCaseAsAgentRequest, context: AWSRequestContext) async throws
        -> Hikeshi.ResolveCaseAsAgentResponse
    {
        let now = clock.now()
        let view = try await write(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            let (agent, _) = try await Self.activeAgent(input.agentId, tx)
            var record = try await Self.supportCase(input.caseId, of: nil, tx, lock: tx.locksRows)
            guard !record.status.isResolved else { throw SupportError.conflict("Case \(input.caseId) is resolved already") }
            _ = try await self.sendAgentMessage(input.resolutionNote, agent: agent, cc: [], on: record, now: now, tx: tx)
            record.resolvedByAgent(agent.agentID, note: input.resolutionNote, at: now)
            try await tx.supportCases.update(record)
            return try await self.detailedView(record, tx)
        }
        support.notifier?.wake()
        return Hikeshi.ResolveCaseAsAgentResponse(case: view)
    }

    /// The agent view of one case: the provider sees any case, a customer only their own.
    public func describeCaseDetails(_ input: Hikeshi.DescribeCaseDetailsRequest, context: AWSRequestContext) async throws
        -> Hikeshi.DescribeCaseDetailsResponse
    {
        let view = try await read(context.logger) { tx in
            let provider = try await tx.accounts.isProvider(accountID: context.accountID)
            let record = try await Self.supportCase(input.caseId, of: provider ? nil : context.accountID, tx)
            return try await self.detailedView(record, tx)
        }
        return Hikeshi.DescribeCaseDetailsResponse(case: view)
    }

    /// Adds an agent's message to a case's thread and mails it to the case's copies; the caller records the reply on the
    /// case (``SupportCase/agentReplied(_:text:requestingInformation:at:)``).
    func sendAgentMessage(
        _ body: String,
        agent: SupportAgent,
        cc: [String],
        attachments: [AttachmentReference] = [],
        on record: SupportCase,
        now: Date,
        tx: any SupportTransaction
    ) async throws -> String {
        let stored = record.details
        let id = SupportHandler.newCommunicationID()
        try await support.add(
            SupportCommunication(
                id: id, caseID: record.caseID, author: .agent, submittedBy: agent.name, body: body,
                details: CommunicationDetails(ccEmailAddresses: cc, attachments: attachments, agentID: agent.agentID), createdAt: now),
            caseCC: stored.ccEmailAddresses, messageCC: cc, tx: tx)
        return id
    }
}
