import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import Scheduler
import Storage
import SupportModel

/// The AWS Support API for customer accounts: cases, communications, attachments and the catalogue.
///
/// A case's first-response due time is fixed when it opens, from the account's plan (``DeskStore``), the severity and,
/// on business-hours plans, the business calendar of the case's language. A breach is checked by a durable job at the
/// due time (``FirstResponseBreachJob``).
public struct SupportHandler: SupportAPI {
    let store: any SupportStore
    let clock: any HikeshiClock
    let notifier: (any JobNotifier)?
    let logger: Logger

    /// Creates the handler; `notifier` hears of jobs it commits (the scheduler).
    public init(store: any SupportStore, clock: any HikeshiClock, notifier: (any JobNotifier)? = nil, logger: Logger = Logger(label: "hikeshi")) {
        self.store = store
        self.logger = logger
        self.clock = clock
        self.notifier = notifier
    }

    /// How long an attachment set stays usable.
    static let attachmentSetLifetime: TimeInterval = 3600
    /// Attachments per set.
    static let attachmentsPerSet = 3
    /// Bytes per attachment.
    static let attachmentMaxBytes = 5 * 1024 * 1024
    /// Attachment sets an account may create per hour.
    static let attachmentSetsPerHour = 100
    /// Unresolved cases an account may have.
    static let openCasesPerAccount = 1000

    /// Runs `body` in a transaction, logging storage failures on `logger` (the request's).
    func write<T: Sendable>(_ logger: Logger, _ body: @Sendable (any SupportTransaction) async throws -> T) async throws -> T {
        try await store.write(logger: logger, body)
    }

    /// Runs `body` for reading, logging storage failures on `logger` (the request's).
    func read<T: Sendable>(_ logger: Logger, _ body: @Sendable (any SupportTransaction) async throws -> T) async throws -> T {
        try await store.read(logger: logger, body)
    }

    /// An instant as AWS Support writes it: ISO 8601 UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        AWSTimestamp.iso8601Milliseconds(date)
    }

    /// Parses a time filter (`afterTime`, `beforeTime`): ISO 8601, or a date alone.
    static func time(_ text: String?, field: String) throws -> Date? {
        guard let text, !text.isEmpty else { return nil }
        if let date = AWSJSONCoding.parseISO8601(text) {
            return date
        }
        if let date = try? Date.ISO8601FormatStyle().year().month().day().parse(text) {
            return date
        }
        throw SupportError.invalid(field, "\(field) must be an ISO 8601 time, e.g. 2026-11-20T05:00:00Z")
    }

    /// The language of a request (`en` when absent); a language the desk does not serve is a validation error.
    static func language(_ code: String?, field: String = "language") throws -> SupportLanguage {
        guard let code, !code.isEmpty else { return .english }
        guard let language = SupportLanguage(code: code) else {
            throw SupportError.invalid(field, "The language \(code) is not supported; use en, ja, ko or zh")
        }
        return language
    }
}
