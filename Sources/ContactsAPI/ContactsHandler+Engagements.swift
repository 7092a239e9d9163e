import AWSProtocol
import Foundation
import HikeshiCore
import Paging
import SSMContactsModel
import Storage

extension ContactsHandler {
    /// Starts engaging a contact; the paging engine resolves who is reached, stage by stage.
    public func startEngagement(
        _ input: SSMContacts.StartEngagementRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.StartEngagementResult {
        let account = context.accountID
        let now = clock.now()
        let (arn, created) = try await write(context.logger) { tx in
            try await idempotent(
                "StartEngagement", token: input.idempotencyToken, fingerprint: try AWSInputFingerprint.of(input, ignoring: "IdempotencyToken"),
                account: account, now: now, tx: tx
            ) {
                let request = EngagementRequest(
                    contactArn: input.contactId,
                    sender: input.sender,
                    subject: input.subject,
                    content: input.content,
                    publicSubject: input.publicSubject,
                    publicContent: input.publicContent,
                    incidentID: input.incidentId
                )
                guard
                    let arn = try await Engagements.begin(
                        request,
                        accountID: account,
                        now: now,
                        tx: tx
                    )
                else {
                    throw ContactsError.notFound(input.contactId, type: "CONTACT")
                }
                return arn
            }
        }
        if created {
            notifier?.wake()
            context.logger.info("engagement started", metadata: ["engagement.arn": .string(arn), "contact.arn": .string(input.contactId)])
        }
        return SSMContacts.StartEngagementResult(engagementArn: arn)
    }

    /// Stops an engagement: no further stage starts and no further message goes out.
    public func stopEngagement(_ input: SSMContacts.StopEngagementRequest, context: AWSRequestContext) async throws
        -> SSMContacts.StopEngagementResult
    {
        let account = context.accountID
        let now = clock.now()
        try await write(context.logger) { tx in
            let engagements = tx.engagements
            guard let engagement = try await engagements.engagement(arn: input.engagementId, accountID: account) else {
                throw ContactsError.notFound(input.engagementId, type: "ENGAGEMENT")
            }
            try await Engagements.end(engagement, reason: input.reason, now: now, tx: tx)
        }
        return SSMContacts.StopEngagementResult()
    }

    /// Describes an engagement.
    public func describeEngagement(
        _ input: SSMContacts.DescribeEngagementRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.DescribeEngagementResult {
        let account = context.accountID
        guard let record = try await read(context.logger, { try await $0.engagements.engagement(arn: input.engagementId, accountID: account) }) else {
            throw ContactsError.notFound(input.engagementId, type: "ENGAGEMENT")
        }
        return SSMContacts.DescribeEngagementResult(
            contactArn: record.contactArn,
            engagementArn: record.arn,
            sender: record.sender,
            subject: record.subject,
            content: record.content,
            publicSubject: record.publicSubject,
            publicContent: record.publicContent,
            incidentId: record.incidentID,
            startTime: record.startedAt,
            stopTime: record.stoppedAt
        )
    }

    /// Lists engagements, newest first, by incident and start-time range.
    public func listEngagements(_ input: SSMContacts.ListEngagementsRequest, context: AWSRequestContext) async throws
        -> SSMContacts.ListEngagementsResult
    {
        let cursor = try PaginationToken.decode(input.nextToken, scope: "ListEngagements")
        let account = context.accountID
        let region = context.region
        let limit = Self.pageSize(input.maxResults)
        let page = try await read(context.logger) { tx in
            try await tx.engagements.list(
                accountID: account,
                region: region,
                incidentID: input.incidentId,
                startedAfter: input.timeRangeValue?.startTime,
                startedBefore: input.timeRangeValue?.endTime,
                after: cursor,
                limit: limit
            )
        }
        return SSMContacts.ListEngagementsResult(
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: "ListEngagements") },
            engagements: page.items.map { record in
                SSMContacts.Engagement(
                    engagementArn: record.arn,
                    contactArn: record.contactArn,
                    sender: record.sender,
                    incidentId: record.incidentID,
                    startTime: record.startedAt,
                    stopTime: record.stoppedAt
                )
            }
        )
    }

    /// Describes a page with its engagement's message.
    public func describePage(_ input: SSMContacts.DescribePageRequest, context: AWSRequestContext) async throws -> SSMContacts.DescribePageResult {
        let account = context.accountID
        let (page, engagement) = try await read(context.logger) { tx -> (Page, Engagement) in
            guard let page = try await tx.pages.page(arn: input.pageId, accountID: account),
                let engagement = try await tx.engagements.engagement(arn: page.engagementArn, accountID: account)
            else {
                throw ContactsError.notFound(input.pageId, type: "PAGE")
            }
            return (page, engagement)
        }
        return SSMContacts.DescribePageResult(
            pageArn: page.arn,
            engagementArn: page.engagementArn,
            contactArn: page.contactArn,
            sender: engagement.sender,
            subject: engagement.subject,
            content: engagement.content,
            publicSubject: engagement.publicSubject,
            publicContent: engagement.publicContent,
            incidentId: engagement.incidentID,
            sentTime: page.sentAt,
            readTime: page.readAt,
            deliveryTime: page.deliveredAt
        )
    }

    /// Lists the pages a person received.
    public func listPagesByContact(
        _ input: SSMContacts.ListPagesByContactRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.ListPagesByContactResult {
        let scope = "ListPagesByContact:" + input.contactId
        let cursor = try PaginationToken.decode(input.nextToken, scope: scope)
        let account = context.accountID
        let limit = Self.pageSize(input.maxResults)
        let (page, engagements) = try await read(context.logger) { tx in
            guard try await tx.contacts.contact(arn: input.contactId, accountID: account) != nil else {
                throw ContactsError.notFound(input.contactId, type: "CONTACT")
            }
            let page = try await tx.pages.list(contactArn: input.contactId, accountID: account, after: cursor, limit: limit)
            return (page, try await Self.engagements(of: page.items, tx: tx))
        }
        return SSMContacts.ListPagesByContactResult(
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: scope) },
            pages: page.items.map { Self.shape($0, engagement: engagements[$0.engagementArn]) }
        )
    }

    /// Lists the pages of an engagement.
    public func listPagesByEngagement(
        _ input: SSMContacts.ListPagesByEngagementRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.ListPagesByEngagementResult {
        let scope = "ListPagesByEngagement:" + input.engagementId
        let cursor = try PaginationToken.decode(input.nextToken, scope: scope)
        let account = context.accountID
        let limit = Self.pageSize(input.maxResults)
        let (page, engagement) = try await read(context.logger) { tx in
            guard let engagement = try await tx.engagements.engagement(arn: input.engagementId, accountID: account) else {
                throw ContactsError.notFound(input.engagementId, type: "ENGAGEMENT")
            }
            return (try await tx.pages.list(engagementArn: engagement.arn, accountID: account, after: cursor, limit: limit), engagement)
        }
        return SSMContacts.ListPagesByEngagementResult(
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: scope) },
            pages: page.items.map { Self.shape($0, engagement: engagement) }
        )
    }

    /// Lists what happened to a page on its channels.
    public func listPageReceipts(_ input: SSMContacts.ListPageReceiptsRequest, context: AWSRequestContext) async throws
        -> SSMContacts.ListPageReceiptsResult
    {
        let scope = "ListPageReceipts:" + input.pageId
        let cursor = try PaginationToken.decode(input.nextToken, scope: scope)
        let account = context.accountID
        let limit = Self.pageSize(input.maxResults)
        let page = try await read(context.logger) { tx in
            guard try await tx.pages.page(arn: input.pageId, accountID: account) != nil else {
                throw ContactsError.notFound(input.pageId, type: "PAGE")
            }
            return try await tx.pages.receipts(pageArn: input.pageId, accountID: account, after: cursor, limit: limit)
        }
        return SSMContacts.ListPageReceiptsResult(
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: scope) },
            receipts: page.items.map { receipt in
                SSMContacts.Receipt(
                    contactChannelArn: receipt.channelArn,
                    receiptType: receipt.type.wire,
                    receiptInfo: receipt.info,
                    receiptTime: receipt.at
                )
            }
        )
    }

    /// The path from the engaged contact to the person a page reached.
    public func listPageResolutions(
        _ input: SSMContacts.ListPageResolutionsRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.ListPageResolutionsResult {
        let account = context.accountID
        guard let page = try await read(context.logger, { try await $0.pages.page(arn: input.pageId, accountID: account) }) else {
            throw ContactsError.notFound(input.pageId, type: "PAGE")
        }
        let steps = page.resolution
        return SSMContacts.ListPageResolutionsResult(
            pageResolutions: steps.map { step in
                SSMContacts.ResolutionContact(
                    contactArn: step.contactArn,
                    type: SSMContacts.ContactType(step.type),
                    stageIndex: step.stageIndex
                )
            }
        )
    }

    /// Acknowledges a page: `DELIVERED` records delivery, `READ` stops the page (and the escalation, for an essential contact).
    public func acceptPage(_ input: SSMContacts.AcceptPageRequest, context: AWSRequestContext) async throws -> SSMContacts.AcceptPageResult {
        let account = context.accountID
        let now = clock.now()
        try await write(context.logger) { tx in
            try await Self.accept(
                pageArn: input.pageId,
                accountID: account,
                channelArn: input.contactChannelId,
                type: input.acceptType,
                note: input.note,
                code: input.acceptCode,
                enforceCode: input.acceptCodeValidation == .enforce,
                at: now,
                tx: tx
            )
        }
        return SSMContacts.AcceptPageResult()
    }

    /// Records an acknowledgement; shared by `AcceptPage` and replies by SMS or voice.
    public static func accept(
        pageArn: String,
        accountID: String,
        channelArn: String?,
        type: SSMContacts.AcceptType,
        note: String?,
        code: String,
        enforceCode: Bool,
        at now: Date,
        tx: any ContactsTransaction
    ) async throws {
        let pages = tx.pages
        guard let page = try await pages.page(arn: pageArn, accountID: accountID) else {
            throw ContactsError.notFound(pageArn, type: "PAGE")
        }
        if enforceCode, !ConstantTime.equal(code, page.acceptCode) {
            throw ContactsError.invalid("AcceptCode", "The accept code does not match the code sent with the page")
        }
        if let channelArn, try await tx.channels.channel(arn: channelArn, accountID: accountID) == nil {
            throw ContactsError.notFound(channelArn, type: "CONTACT_CHANNEL")
        }
        try await acknowledge(page, channelArn: channelArn, type: type, note: note, at: now, tx: tx)
    }

    /// Records an acknowledgement of a page already loaded and checked (its code, its channel): the receipt, the page's
    /// delivered / read marks, and for an essential page the end of escalation.
    static func acknowledge(
        _ page: Page,
        channelArn: String?,
        type: SSMContacts.AcceptType,
        note: String?,
        at now: Date,
        tx: any ContactsTransaction
    ) async throws {
        let pages = tx.pages
        let accountID = page.accountID
        let receiptType: PageReceiptType = type == .read ? .read : .delivered
        try await pages.addReceipt(
            PageReceipt(
                id: UUID().uuidString.lowercased(),
                pageArn: page.arn,
                accountID: accountID,
                channelArn: channelArn,
                type: receiptType,
                info: note,
                at: now
            )
        )
        switch type {
        case .delivered:
            try await pages.mark(arn: page.arn, deliveredAt: now)
        case .read:
            try await pages.mark(arn: page.arn, deliveredAt: now, readAt: now)
            if page.isEssential {
                try await tx.engagements.stopEscalation(arn: page.engagementArn, at: now)
            }
        }
    }

    static func engagements(of pages: [Page], tx: any ContactsTransaction) async throws -> [String: Engagement] {
        var result: [String: Engagement] = [:]
        for arn in Set(pages.map(\.engagementArn)) {
            result[arn] = try await tx.engagements.engagement(arn: arn, accountID: nil)
        }
        return result
    }

    static func shape(_ page: Page, engagement: Engagement?) -> SSMContacts.Page {
        SSMContacts.Page(
            pageArn: page.arn,
            engagementArn: page.engagementArn,
            contactArn: page.contactArn,
            sender: engagement?.sender ?? "",
            incidentId: engagement?.incidentID,
            sentTime: page.sentAt,
            deliveryTime: page.deliveredAt,
            readTime: page.readAt
        )
    }
}
