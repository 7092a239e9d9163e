import AWSProtocol
import Foundation
import HikeshiCore
import Scheduler
import Storage
import SupportModel

extension SupportHandler {
    /// Opens a case: checks the plan allows the severity, fixes the first-response due time, stores the coach's advice
    /// and the first communication, and schedules the breach check — all in one transaction.
    public func createCase(_ input: Support.CreateCaseRequest, context: AWSRequestContext) async throws -> Support.CreateCaseResponse {
        let issueType = try Self.checkIssueType(input.issueType)
        // Without a language the case is in the account plan's language (English without a plan).
        let language: SupportLanguage
        if let code = input.language, !code.isEmpty {
            language = try Self.language(code)
        } else {
            language = try await read(context.logger) { tx in try await DeskStore(tx).plan(accountID: context.accountID).language }
        }
        let subject = input.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !subject.isEmpty else { throw SupportError.invalid("subject", "The subject must not be empty") }
        guard subject.count <= 512 else { throw SupportError.invalid("subject", "The subject is at most 512 characters") }
        let defaultService = issueType == .technical ? nil : "customer-account"
        guard let serviceCode = input.serviceCode.flatMap({ $0.isEmpty ? nil : $0 }) ?? defaultService else {
            throw SupportError.invalid("serviceCode", "A technical case needs a service code; DescribeServices lists them")
        }
        let categoryCode = input.categoryCode.flatMap { $0.isEmpty ? nil : $0 } ?? "general-guidance"
        let service = try Self.checkService(serviceCode, category: categoryCode)
        let severityCode = input.severityCode.flatMap { $0.isEmpty ? nil : $0 } ?? SupportSeverity.low.rawValue
        guard let severity = SupportSeverity(rawValue: severityCode) else {
            throw SupportError.invalid("severityCode", "The severity must be one of low, normal, high, urgent or critical")
        }
        let cc = try Self.checkAddresses(input.ccEmailAddresses)
        let draft = CaseDraft(
            subject: subject, body: input.communicationBody, serviceCode: serviceCode, categoryCode: categoryCode,
            severityCode: severityCode, language: language.rawValue)
        let coach = CaseCoach().review(draft).findings
        let now = clock.now()
        let submittedBy = context.principalArn
        let caseID = try await write(context.logger) { tx in
            let opened = try await self.openCase(
                NewCase(
                    accountID: context.accountID, subject: subject, body: input.communicationBody, service: service,
                    categoryCode: categoryCode, severity: severity, language: language, issueType: issueType, cc: cc,
                    attachmentSetID: input.attachmentSetId, submittedBy: submittedBy, coach: coach, supersedes: nil),
                now: now, tx: tx)
            return opened.caseID
        }
        notifier?.wake()
        context.logger.info("case opened", metadata: ["case.id": .string(caseID), "case.severity": .string(severity.rawValue)])
        return Support.CreateCaseResponse(caseId: caseID)
    }

    /// An account's cases, newest first, with their five most recent communications unless asked not to.
    public func describeCases(_ input: Support.DescribeCasesRequest, context: AWSRequestContext) async throws -> Support.DescribeCasesResponse {
        var filter = SupportCaseFilter(accountID: context.accountID)
        filter.caseIDs = input.caseIdList ?? []
        filter.displayID = input.displayId.flatMap { $0.isEmpty ? nil : $0 }
        filter.after = try Self.time(input.afterTime, field: "afterTime")
        filter.before = try Self.time(input.beforeTime, field: "beforeTime")
        filter.includeResolved = input.includeResolvedCases ?? false
        if let code = input.language, !code.isEmpty {
            filter.language = try Self.language(code).rawValue
        }
        let cursor = try PaginationToken.decode(input.nextToken, scope: "DescribeCases", field: "nextToken")
        let limit = input.maxResults ?? 100
        let withCommunications = input.includeCommunications ?? true
        let query = filter
        let (page, communications) = try await read(context.logger) { tx in
            let cases = tx.supportCases
            let known = try await cases.existing(ids: query.caseIDs, accountID: context.accountID)
            if let missing = query.caseIDs.first(where: { !known.contains($0) }) {
                throw SupportError.caseNotFound(missing)
            }
            if let displayID = query.displayID, try await cases.supportCase(displayID: displayID, accountID: context.accountID) == nil {
                throw SupportError.caseNotFound(displayID)
            }
            let page = try await cases.list(query, after: cursor, limit: limit)
            let recent =
                withCommunications
                ? try await tx.communications.newest(caseIDs: page.items.map(\.caseID), limit: 5) : [:]
            return (page, recent)
        }
        return Support.DescribeCasesResponse(
            cases: try page.items.map { record in
                let recent = try communications[record.caseID].map { page in
                    Support.RecentCaseCommunications(
                        communications: try page.items.map(Self.communication),
                        nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: "DescribeCommunications:\(record.caseID)") }
                    )
                }
                return Support.CaseDetails(
                    caseId: record.caseID,
                    displayId: record.displayID,
                    subject: record.subject,
                    status: record.status.rawValue,
                    serviceCode: record.serviceCode,
                    categoryCode: record.categoryCode,
                    severityCode: record.severity.rawValue,
                    submittedBy: record.submittedBy,
                    timeCreated: Self.timestamp(record.createdAt),
                    recentCommunications: recent,
                    ccEmailAddresses: record.ccEmailAddresses,
                    language: record.language.rawValue
                )
            },
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: "DescribeCases") }
        )
    }

    /// Resolves a case the caller owns; answers the status before and after.
    public func resolveCase(_ input: Support.ResolveCaseRequest, context: AWSRequestContext) async throws -> Support.ResolveCaseResponse {
        guard let caseID = input.caseId, !caseID.isEmpty else { throw SupportError.invalid("caseId", "The case id is required") }
        let now = clock.now()
        let initial = try await write(context.logger) { tx in
            let cases = tx.supportCases
            guard var record = try await cases.supportCase(id: caseID, accountID: context.accountID, forUpdate: tx.locksRows) else {
                throw SupportError.caseNotFound(caseID)
            }
            let initial = record.status
            guard !initial.isResolved else { return initial }
            record.resolve(at: now)
            try await cases.update(record)
            return initial
        }
        return Support.ResolveCaseResponse(initialCaseStatus: initial.rawValue, finalCaseStatus: SupportCaseStatus.resolved.rawValue)
    }

    /// CC addresses, checked for shape.
    static func checkAddresses(_ addresses: [String]?) throws -> [String] {
        let addresses = addresses ?? []
        // Also what the mailer can address: plain ASCII (no internationalised local parts or domains).
        for address in addresses where !(DeliveryAddress.isEmailAddress(address) && address.allSatisfy(\.isASCII)) {
            throw SupportError.invalid("ccEmailAddresses", "\(address) is not an email address")
        }
        return addresses
    }

    /// A stored communication as AWS Support shows it.
    static func communication(_ record: SupportCommunication) throws -> Support.Communication {
        let stored = record.details
        return Support.Communication(
            caseId: record.caseID,
            body: record.body,
            submittedBy: record.submittedBy,
            timeCreated: timestamp(record.createdAt),
            attachmentSet: stored.attachments.map { Support.AttachmentDetails(attachmentId: $0.id, fileName: $0.fileName) }
        )
    }
}
