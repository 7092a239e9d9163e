import AWSProtocol
import Foundation
import HikeshiCore
import Storage
import SupportModel

extension SupportHandler {
    /// Creates a set (or adds to one) of at most three attachments of at most 5 MB; a set expires an hour after it was
    /// created.
    public func addAttachmentsToSet(_ input: Support.AddAttachmentsToSetRequest, context: AWSRequestContext) async throws
        -> Support.AddAttachmentsToSetResponse
    {
        guard !input.attachments.isEmpty else { throw SupportError.invalid("attachments", "At least one attachment is required") }
        for (index, attachment) in input.attachments.enumerated() {
            guard let name = attachment.fileName, !name.isEmpty, name.count <= 255 else {
                throw SupportError.invalid("attachments[\(index)].fileName", "Every attachment needs a file name of 1-255 characters")
            }
            guard let data = attachment.data, !data.isEmpty else {
                throw SupportError.invalid("attachments[\(index)].data", "An attachment must not be empty")
            }
            if data.count > Self.attachmentMaxBytes {
                throw SupportError.attachmentSetSizeLimitExceeded("\(name) is \(data.count) bytes; an attachment is at most 5 MB")
            }
        }
        let now = clock.now()
        let set = try await write(context.logger) { tx -> SupportAttachmentSetRecord in
            let repository = tx.attachments
            let set: SupportAttachmentSetRecord
            if let id = input.attachmentSetId, !id.isEmpty {
                guard let existing = try await repository.set(id: id, accountID: context.accountID, forUpdate: tx.locksRows) else {
                    throw SupportError.attachmentSetNotFound(id)
                }
                guard now < existing.expiresAt else { throw SupportError.attachmentSetExpired(id) }
                set = existing
            } else {
                let recent = try await repository.setsCreated(accountID: context.accountID, since: now.addingTimeInterval(-3600))
                if recent >= Self.attachmentSetsPerHour {
                    throw SupportError.attachmentLimitExceeded("At most \(Self.attachmentSetsPerHour) attachment sets may be created per hour")
                }
                set = SupportAttachmentSetRecord(
                    id: "as-" + RandomToken.hex(bytes: 16), accountID: context.accountID, createdAt: now,
                    expiresAt: now.addingTimeInterval(Self.attachmentSetLifetime))
                try await repository.insert(set)
            }
            let existing = try await repository.attachments(setID: set.id).count
            if existing + input.attachments.count > Self.attachmentsPerSet {
                throw SupportError.attachmentSetSizeLimitExceeded("An attachment set holds at most \(Self.attachmentsPerSet) attachments")
            }
            for attachment in input.attachments {
                let data = attachment.data ?? Data()
                try await repository.insert(
                    SupportAttachmentRecord(
                        id: "attachment-" + RandomToken.hex(bytes: 16), setID: set.id, accountID: context.accountID,
                        fileName: attachment.fileName ?? "", size: data.count, data: data.base64EncodedString(), createdAt: now)
                )
            }
            return set
        }
        return Support.AddAttachmentsToSetResponse(attachmentSetId: set.id, expiryTime: Self.timestamp(set.expiresAt))
    }

    /// One attachment with its bytes: the caller's own, or (for the provider's agents) any customer's.
    public func describeAttachment(_ input: Support.DescribeAttachmentRequest, context: AWSRequestContext) async throws
        -> Support.DescribeAttachmentResponse
    {
        let record = try await read(context.logger) { tx in
            let provider = try await tx.accounts.isProvider(accountID: context.accountID)
            return try await tx.attachments.attachment(id: input.attachmentId, accountID: provider ? nil : context.accountID)
        }
        guard let record, let data = Data(base64Encoded: record.data) else { throw SupportError.attachmentNotFound(input.attachmentId) }
        return Support.DescribeAttachmentResponse(attachment: Support.Attachment(fileName: record.fileName, data: data))
    }
}
