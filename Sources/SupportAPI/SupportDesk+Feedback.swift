import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Storage

extension SupportDesk {
    /// The customer rates an agent's reply 1–5.
    public func rateCommunication(_ input: Hikeshi.RateCommunicationRequest, context: AWSRequestContext) async throws
        -> Hikeshi.RateCommunicationResponse
    {
        try await write(context.logger) { tx in
            let record = try await Self.supportCase(input.caseId, of: context.accountID, tx, lock: tx.locksRows)
            let communications = tx.communications
            guard let communication = try await communications.communication(id: input.communicationId, caseID: record.caseID) else {
                throw SupportError.notFound("Communication \(input.communicationId) was not found on case \(input.caseId)")
            }
            guard communication.author == .agent else { throw SupportError.conflict("Only an agent's reply can be rated") }
            var stored = communication.details
            stored.rating = input.rating
            stored.ratingComment = input.comment
            try await communications.updateDetails(id: communication.id, details: stored)
        }
        return Hikeshi.RateCommunicationResponse()
    }

    /// The customer's survey on a resolved case.
    public func submitCaseSurvey(_ input: Hikeshi.SubmitCaseSurveyRequest, context: AWSRequestContext) async throws
        -> Hikeshi.SubmitCaseSurveyResponse
    {
        let now = clock.now()
        try await write(context.logger) { tx in
            var record = try await Self.supportCase(input.caseId, of: context.accountID, tx, lock: tx.locksRows)
            guard record.status == .resolved else {
                throw SupportError.conflict("The survey opens when the case is resolved")
            }
            var stored = record.details
            stored.surveyRating = input.rating
            stored.surveyComment = input.comment
            record.details = stored
            record.updatedAt = now
            try await tx.supportCases.update(record)
        }
        return Hikeshi.SubmitCaseSurveyResponse()
    }

    /// Resolved cases matching every word of the query (subject, messages, resolution note), best first.
    public func searchResolvedCases(_ input: Hikeshi.SearchResolvedCasesRequest, context: AWSRequestContext) async throws
        -> Hikeshi.SearchResolvedCasesResponse
    {
        let terms = Array(
            Set(input.queryText.lowercased().split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }).map(String.init)).sorted().prefix(8))
        guard !terms.isEmpty else { throw SupportError.invalid("QueryText", "The query needs at least one word") }
        let limit = Self.pageSize(input.maxResults)
        let records = try await read(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            return try await tx.supportCases.searchResolved(
                terms: terms, language: input.language?.rawValue, serviceCode: input.serviceCode, limit: 200)
        }
        let scored = records.map { record -> (Double, SupportCase, SupportCaseDetails) in
            let stored = record.details
            let subject = stored.subject.lowercased()
            let note = stored.resolutionNote?.lowercased() ?? ""
            var score = 0.0
            for term in terms {
                score += Double(record.searchText.components(separatedBy: term).count - 1)
                if subject.contains(term) { score += 3 }
                if note.contains(term) { score += 2 }
            }
            return (score, record, stored)
        }
        let ranked = scored.sorted { ($0.0, $0.1.resolvedAt ?? .distantPast) > ($1.0, $1.1.resolvedAt ?? .distantPast) }.prefix(limit)
        return Hikeshi.SearchResolvedCasesResponse(
            results: ranked.map { score, record, stored in
                Hikeshi.KnowledgeResult(
                    caseId: record.caseID, displayId: record.displayID, subject: stored.subject, serviceCode: record.serviceCode,
                    categoryCode: record.categoryCode, language: record.language.wire,
                    resolutionNote: stored.resolutionNote, resolvedAt: record.resolvedAt, score: score)
            }
        )
    }

    /// The case-quality coach on a draft, in the draft's language.
    public func checkCaseDraft(_ input: Hikeshi.CheckCaseDraftRequest, context: AWSRequestContext) async throws -> Hikeshi.CheckCaseDraftResponse {
        let language = input.language ?? .en
        let report = CaseCoach().review(
            CaseDraft(
                subject: input.subject ?? "", body: input.body, serviceCode: input.serviceCode, categoryCode: nil,
                severityCode: input.severityCode?.rawValue, language: language.rawValue))
        return Hikeshi.CheckCaseDraftResponse(findings: report.findings.map(Self.finding), score: report.score, language: language)
    }

    /// Raising a severity opens a new case at the higher severity that refers to the old one; the old case is told.
    public func raiseCaseSeverity(_ input: Hikeshi.RaiseCaseSeverityRequest, context: AWSRequestContext) async throws
        -> Hikeshi.RaiseCaseSeverityResponse
    {
        guard let severity = SupportSeverity(rawValue: input.severityCode.rawValue) else {
            throw SupportError.invalid("SeverityCode", "Unknown severity")
        }
        let now = clock.now()
        let submittedBy = context.principalArn
        let view = try await write(context.logger) { tx in
            var old = try await Self.supportCase(input.caseId, of: context.accountID, tx, lock: tx.locksRows)
            guard old.status != .resolved else { throw SupportError.conflict("Case \(input.caseId) is resolved") }
            guard severity > old.severity else {
                throw SupportError.invalid("SeverityCode", "The new severity must be higher than \(old.severity.rawValue)")
            }
            var stored = old.details
            guard stored.supersededBy == nil else { throw SupportError.conflict("Case \(input.caseId) was raised already") }
            guard let service = SupportCatalog.service(code: old.serviceCode) else {
                throw SupportError.conflict("Case \(input.caseId) refers to a service or language the desk no longer has")
            }
            let reason = input.reason.map { "\n\n\($0)" } ?? ""
            let body = "Raised from case \(old.displayID) (\(old.caseID)): severity \(old.severity.rawValue) -> \(severity.rawValue).\(reason)"
            let new = try await self.support.openCase(
                NewCase(
                    accountID: context.accountID, subject: stored.subject, body: body, service: service, categoryCode: old.categoryCode,
                    severity: severity, language: old.language, issueType: stored.issueType, cc: stored.ccEmailAddresses, attachmentSetID: nil,
                    submittedBy: submittedBy, coach: [], supersedes: old.caseID),
                now: now, tx: tx)
            try await self.support.add(
                SupportCommunication(
                    id: SupportHandler.newCommunicationID(), caseID: old.caseID, author: .system, submittedBy: "Hikeshi",
                    body: "The severity was raised to \(severity.rawValue) in a new case, \(new.displayID) (\(new.caseID)).",
                    details: CommunicationDetails(), createdAt: now),
                caseCC: stored.ccEmailAddresses, messageCC: [], tx: tx)
            stored.supersededBy = new.caseID
            old.details = stored
            old.updatedAt = now
            try await tx.supportCases.update(old)
            return try await self.detailedView(new, tx)
        }
        support.notifier?.wake()
        return Hikeshi.RaiseCaseSeverityResponse(case: view)
    }
}
