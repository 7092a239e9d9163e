import Foundation
import SQLKit

/// A sender address (`ops@example.com`) or domain (`@example.com`) whose email opens cases for an account, with the
/// service, category and severity those cases get when the mapping sets them.
public struct SupportMailSenderRecord: Sendable, Equatable {
    /// The address, or `@` and the domain; lower-cased.
    public var sender: String
    /// The account its cases are opened for.
    public var accountID: String
    /// The service of the cases it opens; nil for the desk's default.
    public var serviceCode: String?
    /// The category of the cases it opens; nil for the desk's default.
    public var categoryCode: String?
    /// The severity of the cases it opens; nil for the desk's default.
    public var severityCode: String?
    /// When it was mapped.
    public var createdAt: Date

    /// Creates a record.
    public init(sender: String, accountID: String, serviceCode: String?, categoryCode: String?, severityCode: String?, createdAt: Date) {
        self.sender = sender
        self.accountID = accountID
        self.serviceCode = serviceCode
        self.categoryCode = categoryCode
        self.severityCode = severityCode
        self.createdAt = createdAt
    }
}

/// Cases by email: sender mappings, the once-a-day notices to unknown senders, and the message ids already read.
public struct SupportMailRepository: Sendable {
    private let sql: any SQLDatabase

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Maps a sender (inserting or replacing its mapping).
    public func put(_ record: SupportMailSenderRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO support_mail_senders (sender, account_id, service_code, category_code, severity_code, created_at)
            VALUES (\(bind: record.sender), \(bind: record.accountID), \(bind: record.serviceCode), \(bind: record.categoryCode),
                    \(bind: record.severityCode), \(bind: record.createdAt.millisecondsSince1970))
            ON CONFLICT (sender) DO UPDATE SET account_id = excluded.account_id, service_code = excluded.service_code,
                category_code = excluded.category_code, severity_code = excluded.severity_code, created_at = excluded.created_at
            """
        ).run()
    }

    /// Removes a sender's mapping; whether there was one.
    public func delete(sender: String) async throws -> Bool {
        try await sql.raw("DELETE FROM support_mail_senders WHERE sender = \(bind: sender) RETURNING sender").all().count > 0
    }

    /// Mappings in sender order after `after`, at most `limit`; of one account when `accountID` is given.
    public func senders(accountID: String?, after: String?, limit: Int) async throws -> [SupportMailSenderRecord] {
        var query = SQLQueryString(
            "SELECT sender, account_id, service_code, category_code, severity_code, created_at FROM support_mail_senders WHERE sender > \(bind: after ?? "")"
        )
        if let accountID {
            query.appendInterpolation(unsafeRaw: " AND account_id = ")
            query.appendInterpolation(bind: accountID)
        }
        query.appendInterpolation(unsafeRaw: " ORDER BY sender LIMIT \(limit)")
        return try await sql.raw(query).all().map(Self.record)
    }

    /// The mapping that covers `address`: its own, else its domain's, else a parent domain's (`@example.com` covers
    /// `ops@tokyo.example.com`).
    public func mapping(forAddress address: String) async throws -> SupportMailSenderRecord? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let labels = address[address.index(after: at)...].split(separator: ".")
        var candidates = [address]
        if labels.count >= 2 {
            for start in 0..<(labels.count - 1) {
                candidates.append("@" + labels[start...].joined(separator: "."))
            }
        }
        var found: [String: SupportMailSenderRecord] = [:]
        for row in try await sql.raw(
            """
            SELECT sender, account_id, service_code, category_code, severity_code, created_at FROM support_mail_senders
            WHERE sender IN (\(binds: candidates))
            """
        ).all() {
            let record = try Self.record(row)
            found[record.sender] = record
        }
        return candidates.lazy.compactMap { found[$0] }.first
    }

    /// Records that `address` was sent the unknown-sender notice on `day` (`yyyy-MM-dd`, UTC); false when it already
    /// was that day. Notices older than a week are forgotten.
    public func recordNotice(address: String, day: String, at now: Date) async throws -> Bool {
        try await sql.raw("DELETE FROM support_mail_notices WHERE sent_at < \(bind: now.addingTimeInterval(-7 * 86_400).millisecondsSince1970)").run()
        return try await sql.raw(
            """
            INSERT INTO support_mail_notices (address, day, sent_at) VALUES (\(bind: address), \(bind: day), \(bind: now.millisecondsSince1970))
            ON CONFLICT (address, day) DO NOTHING RETURNING address
            """
        ).all().count > 0
    }

    /// The case a message (by its key: the `Message-ID`, or a hash of the message) was already read into, if any.
    public func caseID(ofMessage key: String) async throws -> String? {
        try await sql.raw("SELECT case_id FROM support_mail_messages WHERE message_id = \(bind: key)").first()
            .map { try $0.decode(column: "case_id", as: String.self) }
    }

    /// Claims a message for reading: false when it was read already (or another delivery of it is being read: on
    /// PostgreSQL the claim waits for that one to commit). Messages older than 90 days are forgotten.
    public func claimMessage(_ key: String, sender: String, at now: Date) async throws -> Bool {
        try await sql.raw("DELETE FROM support_mail_messages WHERE received_at < \(bind: now.addingTimeInterval(-90 * 86_400).millisecondsSince1970)")
            .run()
        return try await sql.raw(
            """
            INSERT INTO support_mail_messages (message_id, sender, case_id, received_at)
            VALUES (\(bind: key), \(bind: sender), '', \(bind: now.millisecondsSince1970))
            ON CONFLICT (message_id) DO NOTHING RETURNING message_id
            """
        ).all().count > 0
    }

    /// Records the case a claimed message was read into.
    public func recordCase(_ caseID: String, ofMessage key: String) async throws {
        try await sql.raw("UPDATE support_mail_messages SET case_id = \(bind: caseID) WHERE message_id = \(bind: key)").run()
    }

    /// How many messages `sender` had read since `since`.
    public func messages(from sender: String, since: Date) async throws -> Int {
        try await sql.raw(
            "SELECT COUNT(*) AS n FROM support_mail_messages WHERE sender = \(bind: sender) AND received_at >= \(bind: since.millisecondsSince1970)"
        ).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
    }

    private static func record(_ row: any SQLRow) throws -> SupportMailSenderRecord {
        SupportMailSenderRecord(
            sender: try row.decode(column: "sender", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            serviceCode: try row.decode(column: "service_code", as: String?.self),
            categoryCode: try row.decode(column: "category_code", as: String?.self),
            severityCode: try row.decode(column: "severity_code", as: String?.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
