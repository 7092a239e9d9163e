import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Logging
import Storage

/// What the desk did with one email.
public struct MailReceipt: Sendable, Equatable {
    /// What became of the message.
    public var outcome: Hikeshi.MailOutcome
    /// The case it opened or was added to.
    public var caseID: String?
    /// That case's display id.
    public var displayID: String?
}

extension SupportError {
    /// Whether an email refused with this error is refused for good (not a message, a plan without technical support,
    /// too many open cases), so the mail system should return it to its sender; other errors are worth a retry.
    public var isPermanentForMail: Bool {
        switch code {
        case .validation, .subscriptionRequired, .support, .notFound, .conflict: true
        case .accessDenied: false
        }
    }
}

extension SupportDesk {
    /// The most attachments one email adds to a case; further ones are named in the text, not kept.
    static let mailAttachmentLimit = 10

    /// Maps a sender address or domain to a customer account.
    public func putMailSender(_ input: Hikeshi.PutMailSenderRequest, context: AWSRequestContext) async throws -> Hikeshi.PutMailSenderResponse {
        let mapped = try await putMailSender(
            sender: input.sender, accountID: input.accountId, serviceCode: input.serviceCode, categoryCode: input.categoryCode,
            severity: input.severityCode, caller: context.accountID, logger: context.logger)
        context.logger.info("mail sender mapped", metadata: ["support.account": .string(mapped.accountId)])
        return Hikeshi.PutMailSenderResponse(mailSender: mapped)
    }

    /// Maps a sender; `caller` must be the provider's account (nil: an operator at the command line).
    public func putMailSender(
        sender: String, accountID: String, serviceCode: String?, categoryCode: String?, severity: Hikeshi.SeverityCode?, caller: String?,
        logger: Logger
    ) async throws -> Hikeshi.MailSender {
        let normalized = try Self.mailSender(sender)
        if let serviceCode {
            _ = try SupportHandler.checkService(serviceCode, category: categoryCode ?? SupportCategory.generalGuidance.code)
        } else if categoryCode != nil {
            throw SupportError.invalid("CategoryCode", "A category needs the service it belongs to (ServiceCode)")
        }
        let record = SupportMailSenderRecord(
            sender: normalized, accountID: accountID, serviceCode: serviceCode, categoryCode: categoryCode, severityCode: severity?.rawValue,
            createdAt: clock.now())
        try await write(logger) { tx in
            if let caller {
                try await Self.requireProvider(accountID: caller, tx)
            }
            guard try await tx.accounts.account(accountID) != nil else {
                throw SupportError.notFound("Account \(accountID) was not found")
            }
            // What the account's plan cannot open would bounce every email of the sender: refused here instead.
            let definition = try await DeskStore(tx).planDefinition(accountID: accountID).1
            let service = SupportCatalog.service(code: serviceCode ?? "customer-account")
            if service?.isTechnical == true, !definition.technicalCases {
                throw SupportError.invalid("ServiceCode", "The account's \(definition.plan.displayName) plan has no technical support")
            }
            if let severity, let level = SupportSeverity(rawValue: severity.rawValue), definition.target(for: level) == nil {
                throw SupportError.invalid("SeverityCode", "The account's \(definition.plan.displayName) plan does not offer \(severity.rawValue)")
            }
            try await tx.supportMail.put(record)
        }
        return Self.mailSender(record)
    }

    /// Removes a sender mapping.
    public func deleteMailSender(_ input: Hikeshi.DeleteMailSenderRequest, context: AWSRequestContext) async throws
        -> Hikeshi.DeleteMailSenderResponse
    {
        try await deleteMailSender(input.sender, caller: context.accountID, logger: context.logger)
        return Hikeshi.DeleteMailSenderResponse()
    }

    /// Removes a sender mapping; `caller` must be the provider's account (nil: an operator at the command line).
    public func deleteMailSender(_ sender: String, caller: String?, logger: Logger) async throws {
        let normalized = try Self.mailSender(sender)
        try await write(logger) { tx in
            if let caller {
                try await Self.requireProvider(accountID: caller, tx)
            }
            guard try await tx.supportMail.delete(sender: normalized) else {
                throw SupportError.notFound("No mapping for \(normalized)")
            }
        }
    }

    /// Sender mappings in address order.
    public func listMailSenders(_ input: Hikeshi.ListMailSendersRequest, context: AWSRequestContext) async throws
        -> Hikeshi.ListMailSendersResponse
    {
        let cursor = try PaginationToken.decode(input.nextToken, scope: "ListMailSenders")
        let limit = Self.pageSize(input.maxResults)
        let records = try await read(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            return try await tx.supportMail.senders(accountID: input.accountId, after: cursor, limit: limit + 1)
        }
        let page = records.prefix(limit)
        return Hikeshi.ListMailSendersResponse(
            mailSenders: page.map(Self.mailSender),
            nextToken: records.count > limit ? page.last.map { PaginationToken.encode($0.sender, scope: "ListMailSenders") } : nil)
    }

    /// Every mapping (for the command line), in address order.
    public func mailSenders(accountID: String?, logger: Logger) async throws -> [Hikeshi.MailSender] {
        try await read(logger) { tx in try await tx.supportMail.senders(accountID: accountID, after: nil, limit: 100_000) }.map(Self.mailSender)
    }

    /// Reads an email sent to the desk (see ``receiveMail(_:logger:)``); the provider's account only.
    public func deliverMail(_ input: Hikeshi.DeliverMailRequest, context: AWSRequestContext) async throws -> Hikeshi.DeliverMailResponse {
        try await read(context.logger) { tx in try await Self.requireProvider(context, tx) }
        let receipt = try await receiveMail(Array(input.message), logger: context.logger)
        return Hikeshi.DeliverMailResponse(outcome: receipt.outcome, caseId: receipt.caseID, displayId: receipt.displayID)
    }

    /// The most messages one sender has read in an hour; more are dropped (a mail program answering the desk's
    /// answers without saying it is automatic would otherwise loop).
    static let mailsPerSenderPerHour = 30

    /// Reads an email sent to the desk: machine mail (auto-replies, bulk and list mail, bounces, the desk's own
    /// messages) is dropped; a message already read (by `Message-ID`, or a hash of the message) adds nothing; an
    /// unknown sender is answered once a day; a message naming one of the sender's account's cases (subject or
    /// references) is added to it as the customer's reply (the quoted text below it left out); any other opens a case
    /// in the language it is written in, with the coach's findings, the sender copied on the desk's answers and the
    /// attachments kept. What it writes, it writes in one transaction.
    public func receiveMail(_ bytes: [UInt8], logger: Logger) async throws -> MailReceipt {
        let message: MailMessage
        do {
            message = try MailMessage(parsing: bytes)
        } catch .tooLarge(let limit) {
            throw SupportError.invalid("Message", "The message is larger than \(limit / 1024 / 1024) MiB")
        } catch .noHeaders {
            throw SupportError.invalid("Message", "Not an RFC 5322 message: it has no header fields")
        }
        if message.isAutomatic || message.header(DeskMail.markerHeader) != nil {
            logger.info("mail ignored: sent by a machine", metadata: ["mail.outcome": "automatic"])
            return MailReceipt(outcome: .automaticIgnored)
        }
        // What the mailer can write back to: plain ASCII (as copies on a case must be).
        guard let from = message.fromAddress, Self.isAddress(from), from.allSatisfy(\.isASCII) else {
            logger.info("mail ignored: no sender address", metadata: ["mail.outcome": "no-sender"])
            return MailReceipt(outcome: .unknownSenderIgnored)
        }
        let key = message.messageID ?? "hash:" + StableHash.fnv1a64Hex(bytes)
        let threadIDs = MailThread.displayIDs(of: message)
        let text = message.subject + "\n" + message.text
        let now = clock.now()
        let (receipt, language) = try await write(logger) { tx -> (MailReceipt, SupportLanguage) in
            let mail = tx.supportMail
            if let caseID = try await mail.caseID(ofMessage: key), !caseID.isEmpty {
                let record = try await tx.supportCases.supportCase(id: caseID, accountID: nil)
                return (MailReceipt(outcome: .duplicate, caseID: caseID, displayID: record?.displayID), .english)
            }
            let mapping = try await mail.mapping(forAddress: from)
            // The account's own language breaks a tie: kanji alone read as Japanese for a Japanese account.
            var hint: SupportLanguage?
            if let mapping {
                hint = try await DeskStore(tx).plan(accountID: mapping.accountID).language
            }
            let language = SupportLanguage.detected(in: text, hint: hint)
            guard let mapping else {
                return (try await Self.noticeUnknownSender(message, from: from, language: language, now: now, tx: tx), language)
            }
            if try await mail.messages(from: from, since: now.addingTimeInterval(-3600)) >= Self.mailsPerSenderPerHour {
                return (MailReceipt(outcome: .rateLimited), language)
            }
            guard try await mail.claimMessage(key, sender: from, at: now) else {
                let caseID = try await mail.caseID(ofMessage: key)
                return (MailReceipt(outcome: .duplicate, caseID: caseID), language)
            }
            var replyTo: SupportCase?
            for displayID in threadIDs {
                if let found = try await tx.supportCases.supportCase(displayID: displayID, accountID: mapping.accountID) {
                    replyTo = try await tx.supportCases.supportCase(id: found.caseID, accountID: mapping.accountID, forUpdate: tx.locksRows)
                    break
                }
            }
            let receipt: MailReceipt
            if var record = replyTo {
                let (text, whole) = Self.kept(MailThread.newText(ofReply: message.text))
                let (setID, skipped) = try await Self.keepAttachments(
                    message.attachments + whole, accountID: mapping.accountID, now: now, tx: tx)
                let body = Self.withSkipped(text, skipped)
                let attachments = try await SupportHandler.attachments(of: setID, accountID: mapping.accountID, now: now, tx: tx)
                try await support.add(
                    SupportCommunication(
                        id: SupportHandler.newCommunicationID(), caseID: record.caseID, author: .customer, submittedBy: from, body: body,
                        details: CommunicationDetails(ccEmailAddresses: [], attachments: attachments), createdAt: now),
                    caseCC: record.details.ccEmailAddresses, messageCC: [], excluding: [from], tx: tx)
                record.customerReplied(text: body, at: now)
                try await tx.supportCases.update(record)
                receipt = MailReceipt(outcome: .communicationAdded, caseID: record.caseID, displayID: record.displayID)
            } else {
                let opened = try await openMailCase(message, from: from, mapping: mapping, language: language, now: now, tx: tx)
                receipt = MailReceipt(outcome: .caseOpened, caseID: opened.caseID, displayID: opened.displayID)
            }
            if let caseID = receipt.caseID {
                try await mail.recordCase(caseID, ofMessage: key)
            }
            return (receipt, language)
        }
        support.notifier?.wake()
        logger.info(
            "mail read",
            metadata: [
                "mail.outcome": .string(receipt.outcome.rawValue), "case.id": .string(receipt.caseID ?? ""),
                "mail.language": .string(language.rawValue),
            ])
        return receipt
    }

    /// Answers an unknown sender — once a day, at the address the message came from (its `Return-Path`), and not
    /// at all when that is not the `From` address (a forged `From` gets no mail from the desk).
    private static func noticeUnknownSender(
        _ message: MailMessage, from: String, language: SupportLanguage, now: Date, tx: any SupportTransaction
    ) async throws -> MailReceipt {
        if let returnPath = message.header("Return-Path").flatMap(MailMessage.address), returnPath != from {
            return MailReceipt(outcome: .unknownSenderIgnored)
        }
        guard try await tx.supportMail.recordNotice(address: from, day: utcDay(now), at: now) else {
            return MailReceipt(outcome: .unknownSenderIgnored)
        }
        let original = message.header("Message-ID")?.trimmingCharacters(in: CharacterSet(charactersIn: " \t<>"))
        try await tx.jobs.enqueue(
            kind: MailNoticeJob.jobKind, payload: MailNotice(address: from, language: language, messageID: original), dueAt: now, now: now,
            id: "support.mail-notice:\(from):\(utcDay(now))")
        return MailReceipt(outcome: .unknownSenderNotified)
    }

    /// Opens the case of a new email.
    private func openMailCase(
        _ message: MailMessage, from: String, mapping: SupportMailSenderRecord, language: SupportLanguage, now: Date, tx: any SupportTransaction
    ) async throws -> SupportCase {
        let serviceCode = mapping.serviceCode ?? "customer-account"
        let categoryCode = mapping.categoryCode ?? SupportCategory.generalGuidance.code
        let service = try SupportHandler.checkService(serviceCode, category: categoryCode)
        let severity = mapping.severityCode.flatMap(SupportSeverity.init(rawValue:)) ?? .low
        let written = message.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let (text, whole) = Self.kept(written.isEmpty ? "(no text)" : written)
        let (setID, skipped) = try await Self.keepAttachments(message.attachments + whole, accountID: mapping.accountID, now: now, tx: tx)
        let body = Self.withSkipped(text, skipped)
        var subject = MailThread.cleanSubject(message.subject)
        if subject.isEmpty {
            let firstLine = written.split(separator: "\n").first.map(String.init) ?? ""
            subject = firstLine.isEmpty ? "(no subject)" : String(firstLine.prefix(80))
        }
        let coach = CaseCoach().review(
            CaseDraft(
                subject: subject, body: text, serviceCode: serviceCode, categoryCode: categoryCode, severityCode: severity.rawValue,
                language: language.rawValue)
        ).findings
        return try await support.openCase(
            NewCase(
                accountID: mapping.accountID, subject: subject, body: body, service: service, categoryCode: categoryCode, severity: severity,
                language: language, issueType: service.isTechnical ? .technical : .customerService, cc: [from], attachmentSetID: setID,
                submittedBy: from, coach: coach, supersedes: nil, mailedFrom: from),
            now: now, tx: tx)
    }

    /// The text a communication keeps: all of it, or its first part with a note, the whole text going along as
    /// `message.txt`.
    static func kept(_ text: String) -> (String, [MailMessage.Attachment]) {
        guard text.count > communicationBodyLimit else { return (text, []) }
        let note = "\n\n[The message is longer than \(communicationBodyLimit) characters; the whole text is attached as message.txt]"
        let whole = MailMessage.Attachment(fileName: "message.txt", contentType: "text/plain", data: Array(text.utf8))
        return (String(text.prefix(communicationBodyLimit - note.count - 200)) + note, [whole])
    }

    /// Stores an email's attachments as one set of the account's: at most ``mailAttachmentLimit`` of at most 5 MB
    /// each, empty ones dropped; the names (and sizes) of those not kept, for the text.
    static func keepAttachments(
        _ attachments: [MailMessage.Attachment], accountID: String, now: Date, tx: any SupportTransaction
    ) async throws -> (String?, [String]) {
        var kept: [MailMessage.Attachment] = []
        var skipped: [String] = []
        for attachment in attachments where !attachment.data.isEmpty {
            if attachment.data.count > SupportHandler.attachmentMaxBytes || kept.count >= mailAttachmentLimit {
                skipped.append("\(attachment.fileName) (\(attachment.data.count) bytes)")
            } else {
                kept.append(attachment)
            }
        }
        guard !kept.isEmpty else { return (nil, skipped) }
        let set = SupportAttachmentSetRecord(
            id: "as-" + RandomToken.hex(bytes: 16), accountID: accountID, createdAt: now,
            expiresAt: now.addingTimeInterval(SupportHandler.attachmentSetLifetime))
        try await tx.attachments.insert(set)
        for attachment in kept {
            try await tx.attachments.insert(
                SupportAttachmentRecord(
                    id: "attachment-" + RandomToken.hex(bytes: 16), setID: set.id, accountID: accountID,
                    fileName: String(MultipartForm.safeFileName(attachment.fileName).prefix(255)), size: attachment.data.count,
                    data: Data(attachment.data).base64EncodedString(), createdAt: now))
        }
        return (set.id, skipped)
    }

    /// The text with a line naming the attachments not kept.
    static func withSkipped(_ text: String, _ skipped: [String]) -> String {
        guard !skipped.isEmpty else { return text }
        return text + "\n\n[Attachments not kept (at most \(mailAttachmentLimit), each at most 5 MB): \(skipped.joined(separator: ", "))]"
    }

    /// A sender as stored: lower-cased; an address or `@domain`.
    static func mailSender(_ sender: String) throws -> String {
        let normalized = sender.trimmingCharacters(in: .whitespaces).lowercased()
        let domainOnly = normalized.hasPrefix("@")
        guard domainOnly ? isDomain(normalized.dropFirst()) : isAddress(normalized) else {
            throw SupportError.invalid("Sender", "\(sender) is neither an address (ops@example.com) nor @ and a domain (@example.com)")
        }
        return normalized
    }

    /// Whether `text` looks like `local@domain.tld`.
    static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        return !parts[0].contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) && isDomain(parts[1])
    }

    /// Whether `text` is a domain name of two labels or more.
    static func isDomain(_ text: Substring) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && text.count <= 253
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                    && label.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
            }
    }

    /// `yyyy-MM-dd` of `date` in UTC.
    static func utcDay(_ date: Date) -> String {
        String(AWSTimestamp.iso8601Milliseconds(date).prefix(10))
    }

    static func mailSender(_ record: SupportMailSenderRecord) -> Hikeshi.MailSender {
        Hikeshi.MailSender(
            sender: record.sender, accountId: record.accountID, serviceCode: record.serviceCode, categoryCode: record.categoryCode,
            severityCode: record.severityCode.flatMap(Hikeshi.SeverityCode.init(rawValue:)), createdTime: record.createdAt)
    }
}
