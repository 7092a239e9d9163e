import Foundation
import HikeshiCore
import Scheduler
import Storage

/// What an engagement says and whom it engages.
public struct EngagementRequest: Sendable {
    /// The contact (person, escalation plan or schedule) to engage.
    public var contactArn: String
    /// Who the engagement is from.
    public var sender: String
    /// The subject of the messages.
    public var subject: String
    /// The body of the messages.
    public var content: String
    /// The subject for channels that are not private.
    public var publicSubject: String?
    /// The body for channels that are not private.
    public var publicContent: String?
    /// The incident that caused it, if any.
    public var incidentID: String?

    /// Creates a request.
    public init(
        contactArn: String,
        sender: String,
        subject: String,
        content: String,
        publicSubject: String? = nil,
        publicContent: String? = nil,
        incidentID: String? = nil
    ) {
        self.contactArn = contactArn
        self.sender = sender
        self.subject = subject
        self.content = content
        self.publicSubject = publicSubject
        self.publicContent = publicContent
        self.incidentID = incidentID
    }
}

/// Engagements for every API family: `StartEngagement`, an incident's response plan and a support
/// case's overdue first response all begin and end them here, in the caller's transaction, so that the
/// change that causes an engagement and the jobs that page people commit together. The paging
/// engine's job handlers then resolve the contact (person, on-call schedule or escalation plan).
public enum Engagements {
    /// Records an engagement and queues its first stage, in the caller's transaction.
    ///
    /// Returns the engagement's ARN, or nil when the contact is not in the account.
    public static func begin(
        _ request: EngagementRequest,
        accountID: String,
        now: Date,
        tx: any PagingTransaction
    ) async throws -> String? {
        guard let contact = try await tx.contacts.contact(arn: request.contactArn, accountID: accountID) else {
            return nil
        }
        let arn = ARN(
            service: "ssm-contacts",
            region: contact.region,
            account: accountID,
            resource: "engagement/\(contact.alias)/\(UUID().uuidString.lowercased())"
        ).description
        try await tx.engagements.insert(
            Engagement(
                arn: arn,
                accountID: accountID,
                region: contact.region,
                contactArn: contact.arn,
                sender: request.sender,
                subject: request.subject,
                content: request.content,
                publicSubject: request.publicSubject,
                publicContent: request.publicContent,
                incidentID: request.incidentID,
                startedAt: now
            )
        )
        try await tx.jobs.enqueue(
            kind: PagingJob.engagementStage,
            payload: PagingJob.EngagementStage(engagementArn: arn, stage: 0),
            dueAt: now,
            now: now
        )
        return arn
    }

    /// Stops an engagement and its open pages, each page getting a STOP receipt; a stopped one is left alone.
    public static func end(_ engagement: Engagement, reason: String?, now: Date, tx: any PagingTransaction) async throws {
        guard engagement.isActive else { return }
        try await tx.engagements.stop(arn: engagement.arn, reason: reason, at: now)
        let pages = tx.pages
        for page in try await pages.all(engagementArn: engagement.arn) where page.isOpen {
            try await pages.mark(arn: page.arn, stoppedAt: now)
            try await pages.addReceipt(
                PageReceipt(
                    id: "stop:" + page.arn,
                    pageArn: page.arn,
                    accountID: engagement.accountID,
                    channelArn: nil,
                    type: .stop,
                    info: reason ?? "Engagement stopped",
                    at: now
                )
            )
        }
    }
}
