import Foundation
import HikeshiCore
import Logging
import Scheduler
import Storage

/// Sends email for the support desk (the server wires it to SMTP).
public protocol CaseMailer: Sendable {
    /// Sends one message.
    func send(_ mail: DeskMail) async throws
}

/// The payload of a case email: which communication to send, and to whom.
struct CaseMail: Codable, Sendable {
    /// The case.
    var caseID: String
    /// The communication to send.
    var communicationID: String
    /// The addresses copied on the case and on the communication.
    var recipients: [String]
}

/// Emails each communication on a case to the addresses copied on it (the case's and the message's CC addresses),
/// as AWS Support does; a failed send is retried by the scheduler. Without a mailer (no SMTP configured) the messages
/// are logged and dropped.
public struct CaseMailJob: JobHandler {
    /// The job kind.
    public static let jobKind = "support.mail"
    /// The job kind.
    public let kind = Self.jobKind
    let store: any SupportStore
    let mailer: (any CaseMailer)?
    let logger: Logger

    /// Creates the handler.
    public init(store: any SupportStore, mailer: (any CaseMailer)?, logger: Logger) {
        self.store = store
        self.mailer = mailer
        self.logger = logger
    }

    /// Sends one communication.
    public func run(_ job: Job) async throws {
        let mail = try job.payload(as: CaseMail.self)
        let found = try await store.read(logger: logger) { tx -> (SupportCase, SupportCommunication)? in
            guard let record = try await tx.supportCases.supportCase(id: mail.caseID, accountID: nil),
                let communication = try await tx.communications.communication(id: mail.communicationID, caseID: mail.caseID)
            else { return nil }
            return (record, communication)
        }
        guard let (record, communication) = found else { return }
        let stored = record.details
        guard let mailer else {
            logger.warning("case email not sent: no SMTP configured", metadata: ["case.id": .string(record.caseID)])
            return
        }
        try await mailer.send(
            DeskMail(
                recipients: mail.recipients, subject: Self.subject(record, stored), body: Self.body(record, stored, communication),
                headers: [
                    DeskMail.Header(DeskMail.markerHeader, "case"), DeskMail.Header("X-Hikeshi-Case", record.displayID),
                    // Exchange and Outlook: no out-of-office or other automatic answers to the desk's mail.
                    DeskMail.Header("X-Auto-Response-Suppress", "All"),
                ],
                messageIDLocalPart: MailThread.messageIDLocalPart(displayID: record.displayID, communicationID: communication.id)))
        logger.info("case email sent", metadata: ["case.id": .string(record.caseID), "mail.recipients": .stringConvertible(mail.recipients.count)])
    }

    static func subject(_ record: SupportCase, _ stored: SupportCaseDetails) -> String {
        "[Case \(record.displayID)] \(stored.subject)"
    }

    static func body(_ record: SupportCase, _ stored: SupportCaseDetails, _ communication: SupportCommunication) -> String {
        """
        \(communication.submittedBy) wrote on case \(record.displayID) at \(SupportHandler.timestamp(communication.createdAt)):

        \(communication.body)

        ---
        Case \(record.caseID) (\(record.displayID)): \(stored.subject)
        Status: \(record.status.rawValue); severity: \(record.severity); service: \(record.serviceCode)
        Reply to this email, or with `aws support add-communication-to-case --case-id \(record.caseID) --communication-body …`.
        """
    }

    /// Queues the email of a communication in the caller's transaction, when anyone but `excluding` is copied.
    static func enqueue(
        caseID: String,
        communicationID: String,
        caseCC: [String],
        messageCC: [String],
        excluding: [String] = [],
        now: Date,
        tx: any SupportTransaction
    ) async throws {
        var seen = Set(excluding.map { $0.lowercased() })
        let recipients = (caseCC + messageCC).filter { seen.insert($0.lowercased()).inserted }
        guard !recipients.isEmpty else { return }
        try await tx.jobs.enqueue(
            kind: jobKind, payload: CaseMail(caseID: caseID, communicationID: communicationID, recipients: recipients), dueAt: now, now: now,
            id: "support.mail:\(communicationID)")
    }
}
