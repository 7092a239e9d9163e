import AWSProtocol
import Foundation
import HikeshiCore
import Scheduler
import Storage

/// What a new case is made of (from `CreateCase`, or from raising an old case's severity).
struct NewCase: Sendable {
    var accountID: String
    var subject: String
    var body: String
    var service: SupportServiceEntry
    var categoryCode: String
    var severity: SupportSeverity
    var language: SupportLanguage
    var issueType: SupportIssueType
    var cc: [String]
    var attachmentSetID: String?
    var submittedBy: String
    var coach: [CoachFinding]
    var supersedes: String?
    /// The address that emailed the case in, which the desk's copy of that first message does not go back to.
    var mailedFrom: String? = nil
}

/// The payload of a first-response breach check.
struct FirstResponseBreachCheck: Codable, Sendable {
    /// The case.
    var caseID: String
}

extension SupportHandler {
    /// Inserts a case, its first communication and its breach check in the caller's transaction.
    func openCase(_ new: NewCase, now: Date, tx: any SupportTransaction) async throws -> SupportCase {
        let store = DeskStore(tx)
        let (plan, definition) = try await store.planDefinition(accountID: new.accountID)
        let kind = definition.plan
        if new.service.isTechnical && !definition.technicalCases {
            throw SupportError.subscriptionRequired(
                "The \(kind.displayName) support plan has no technical support; account and billing cases are open to it")
        }
        guard let minutes = definition.target(for: new.severity) else {
            let offered = definition.severities.map(\.rawValue).joined(separator: ", ")
            throw SupportError.invalid(
                "severityCode", "The severity \(new.severity.rawValue) is not part of the \(kind.displayName) plan; it offers \(offered)")
        }
        let cases = tx.supportCases
        if try await cases.countUnresolved(accountID: new.accountID) >= Self.openCasesPerAccount {
            throw SupportError.caseCreationLimitExceeded("An account may have at most \(Self.openCasesPerAccount) unresolved cases")
        }
        let attachments = try await Self.attachments(of: new.attachmentSetID, accountID: new.accountID, now: now, tx: tx)
        let calendar = try await store.clockCalendar(
            definition: definition, technical: new.service.isTechnical, language: new.language, timeZone: plan.timeZone)
        let businessHours = !calendar.isAlwaysOpen
        let clock = FirstResponseClock(calendar: calendar, targetMinutes: minutes, openedAt: now)
        let stored = SupportCaseDetails(
            subject: new.subject, submittedBy: new.submittedBy, issueType: new.issueType, ccEmailAddresses: new.cc, plan: kind,
            businessHoursOnly: businessHours, timeZone: plan.timeZone, clock: clock, coach: new.coach, resolutionNote: nil,
            supersedes: new.supersedes, supersededBy: nil, surveyRating: nil, surveyComment: nil)
        var displayID = Self.newDisplayID()
        while try await cases.supportCase(displayID: displayID, accountID: nil) != nil {
            displayID = Self.newDisplayID()
        }
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(secondsFromGMT: 0) ?? .current, from: now).year ?? 2026
        let record = SupportCase(
            caseID: "case-\(new.accountID)-\(year)-\(RandomToken.hex(bytes: 8))",
            displayID: displayID,
            accountID: new.accountID,
            status: .initial,
            serviceCode: new.service.code,
            categoryCode: new.categoryCode,
            severity: new.severity,
            language: new.language,
            specialty: new.service.specialty,
            agentID: nil,
            createdAt: now,
            dueAt: clock.dueAt,
            firstResponseAt: nil,
            breached: false,
            resolvedAt: nil,
            updatedAt: now,
            searchText: (new.subject + "\n" + new.body).lowercased(),
            details: stored
        )
        try await cases.insert(record)
        try await add(
            SupportCommunication(
                id: Self.newCommunicationID(), caseID: record.caseID, author: .customer, submittedBy: new.submittedBy, body: new.body,
                details: CommunicationDetails(ccEmailAddresses: new.cc, attachments: attachments), createdAt: now),
            caseCC: new.cc, messageCC: [], excluding: new.mailedFrom.map { [$0] } ?? [], tx: tx)
        if let dueAt = record.dueAt {
            try await tx.jobs.enqueue(
                kind: FirstResponseBreachJob.jobKind, payload: FirstResponseBreachCheck(caseID: record.caseID), dueAt: dueAt, now: now,
                id: "support.breach:\(record.caseID)")
        }
        return record
    }

    /// Stores a communication and queues its email to the addresses copied on the case and on the message, but
    /// `excluding` (the address a message came from by email: it is not sent back to its author, so that no mail
    /// program can start a loop with it).
    func add(
        _ communication: SupportCommunication, caseCC: [String], messageCC: [String], excluding: [String] = [], tx: any SupportTransaction
    ) async throws {
        try await tx.communications.insert(communication)
        try await CaseMailJob.enqueue(
            caseID: communication.caseID, communicationID: communication.id, caseCC: caseCC, messageCC: messageCC, excluding: excluding,
            now: communication.createdAt, tx: tx)
    }

    /// The attachments of a set a case or communication refers to; the set must be the account's and unexpired.
    static func attachments(of setID: String?, accountID: String, now: Date, tx: any SupportTransaction) async throws -> [AttachmentReference] {
        guard let setID, !setID.isEmpty else { return [] }
        let repository = tx.attachments
        guard let set = try await repository.set(id: setID, accountID: accountID) else { throw SupportError.attachmentSetNotFound(setID) }
        guard now < set.expiresAt else { throw SupportError.attachmentSetExpired(setID) }
        return try await repository.attachments(setID: setID).map { AttachmentReference(id: $0.id, fileName: $0.fileName) }
    }

    /// A ten-digit display id.
    static func newDisplayID() -> String {
        String(Int.random(in: 1_000_000_000...9_999_999_999))
    }

    /// A communication id.
    static func newCommunicationID() -> String {
        "comm-" + RandomToken.hex(bytes: 10)
    }
}
