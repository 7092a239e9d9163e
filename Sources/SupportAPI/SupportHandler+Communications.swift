import AWSProtocol
import Foundation
import HikeshiCore
import Storage
import SupportModel

extension SupportHandler {
    /// Adds the customer's message to a case; a resolved case reopens, one waiting on the customer moves on.
    public func addCommunicationToCase(_ input: Support.AddCommunicationToCaseRequest, context: AWSRequestContext) async throws
        -> Support.AddCommunicationToCaseResponse
    {
        guard let caseID = input.caseId, !caseID.isEmpty else { throw SupportError.invalid("caseId", "The case id is required") }
        let cc = try Self.checkAddresses(input.ccEmailAddresses)
        let now = clock.now()
        let submittedBy = context.principalArn
        let queued = try await write(context.logger) { tx in
            let cases = tx.supportCases
            guard var record = try await cases.supportCase(id: caseID, accountID: context.accountID, forUpdate: tx.locksRows) else {
                throw SupportError.caseNotFound(caseID)
            }
            let attachments = try await Self.attachments(of: input.attachmentSetId, accountID: context.accountID, now: now, tx: tx)
            let stored = record.details
            try await self.add(
                SupportCommunication(
                    id: Self.newCommunicationID(), caseID: caseID, author: .customer, submittedBy: submittedBy, body: input.communicationBody,
                    details: CommunicationDetails(ccEmailAddresses: cc, attachments: attachments), createdAt: now),
                caseCC: stored.ccEmailAddresses, messageCC: cc, tx: tx)
            record.customerReplied(text: input.communicationBody, at: now)
            try await cases.update(record)
            return !(stored.ccEmailAddresses + cc).isEmpty
        }
        if queued {
            notifier?.wake()
        }
        return Support.AddCommunicationToCaseResponse(result: true)
    }

    /// A case's communications, newest first, paginated.
    public func describeCommunications(_ input: Support.DescribeCommunicationsRequest, context: AWSRequestContext) async throws
        -> Support.DescribeCommunicationsResponse
    {
        let after = try Self.time(input.afterTime, field: "afterTime")
        let before = try Self.time(input.beforeTime, field: "beforeTime")
        let scope = "DescribeCommunications:\(input.caseId)"
        let cursor = try PaginationToken.decode(input.nextToken, scope: scope, field: "nextToken")
        let limit = input.maxResults ?? 100
        let page = try await read(context.logger) { tx in
            guard try await tx.supportCases.supportCase(id: input.caseId, accountID: context.accountID) != nil else {
                throw SupportError.caseNotFound(input.caseId)
            }
            return try await tx.communications.list(
                caseID: input.caseId, after: after, before: before, cursor: cursor, limit: limit)
        }
        return Support.DescribeCommunicationsResponse(
            communications: try page.items.map(Self.communication),
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: scope) }
        )
    }
}
