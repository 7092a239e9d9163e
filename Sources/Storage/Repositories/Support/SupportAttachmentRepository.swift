import Foundation
import SQLKit

/// A set of attachments a customer prepares before adding it to a case or communication.
public struct SupportAttachmentSetRecord: Sendable, Equatable {
    /// The set id.
    public var id: String
    /// The owning account.
    public var accountID: String
    /// When it was created.
    public var createdAt: Date
    /// When it can no longer be added to or used (an hour after creation).
    public var expiresAt: Date

    /// Creates a record.
    public init(id: String, accountID: String, createdAt: Date, expiresAt: Date) {
        self.id = id
        self.accountID = accountID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// One stored attachment; the bytes are kept base64-encoded so the same SQL runs on both engines.
public struct SupportAttachmentRecord: Sendable, Equatable {
    /// The attachment id.
    public var id: String
    /// Its set.
    public var setID: String
    /// The owning account.
    public var accountID: String
    /// The file name.
    public var fileName: String
    /// The size in bytes.
    public var size: Int
    /// The bytes, base64.
    public var data: String
    /// When it was added.
    public var createdAt: Date

    /// Creates a record.
    public init(id: String, setID: String, accountID: String, fileName: String, size: Int, data: String, createdAt: Date) {
        self.id = id
        self.setID = setID
        self.accountID = accountID
        self.fileName = fileName
        self.size = size
        self.data = data
        self.createdAt = createdAt
    }
}

/// Attachment sets and attachments.
public struct SupportAttachmentRepository: Sendable {
    private let sql: any SQLDatabase

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a set.
    public func insert(_ set: SupportAttachmentSetRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO support_attachment_sets (id, account_id, created_at, expires_at)
            VALUES (\(bind: set.id), \(bind: set.accountID), \(bind: set.createdAt.millisecondsSince1970), \(bind: set.expiresAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The account's set with this id; `forUpdate` (PostgreSQL only) locks it until the transaction ends.
    public func set(id: String, accountID: String, forUpdate: Bool = false) async throws -> SupportAttachmentSetRecord? {
        var query: SQLQueryString =
            "SELECT id, account_id, created_at, expires_at FROM support_attachment_sets WHERE id = \(bind: id) AND account_id = \(bind: accountID)"
        if forUpdate {
            query += " FOR UPDATE"
        }
        return try await sql.raw(query).first().map { row in
            SupportAttachmentSetRecord(
                id: try row.decode(column: "id", as: String.self),
                accountID: try row.decode(column: "account_id", as: String.self),
                createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
                expiresAt: Date(millisecondsSince1970: try row.decode(column: "expires_at", as: Int64.self))
            )
        }
    }

    /// How many sets the account created since `since`.
    public func setsCreated(accountID: String, since: Date) async throws -> Int {
        try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM support_attachment_sets
            WHERE account_id = \(bind: accountID) AND created_at >= \(bind: since.millisecondsSince1970)
            """
        ).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
    }

    /// Inserts an attachment.
    public func insert(_ attachment: SupportAttachmentRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO support_attachments (id, set_id, account_id, file_name, size, data, created_at)
            VALUES (\(bind: attachment.id), \(bind: attachment.setID), \(bind: attachment.accountID), \(bind: attachment.fileName),
                    \(bind: Int64(attachment.size)), \(bind: attachment.data), \(bind: attachment.createdAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The attachments of a set (without their bytes), oldest first.
    public func attachments(setID: String) async throws -> [SupportAttachmentRecord] {
        try await sql.raw(
            "SELECT id, set_id, account_id, file_name, size, created_at FROM support_attachments WHERE set_id = \(bind: setID) ORDER BY created_at, id"
        ).all().map { try Self.attachment($0, data: "") }
    }

    /// An attachment with its bytes; with `accountID`, only the account's own.
    public func attachment(id: String, accountID: String?) async throws -> SupportAttachmentRecord? {
        var query: SQLQueryString = "SELECT id, set_id, account_id, file_name, size, data, created_at FROM support_attachments WHERE id = \(bind: id)"
        if let accountID {
            query += " AND account_id = \(bind: accountID)"
        }
        return try await sql.raw(query).first().map { try Self.attachment($0, data: try $0.decode(column: "data", as: String.self)) }
    }

    private static func attachment(_ row: any SQLRow, data: String) throws -> SupportAttachmentRecord {
        SupportAttachmentRecord(
            id: try row.decode(column: "id", as: String.self),
            setID: try row.decode(column: "set_id", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            fileName: try row.decode(column: "file_name", as: String.self),
            size: Int(try row.decode(column: "size", as: Int64.self)),
            data: data,
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
