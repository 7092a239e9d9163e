import Foundation
import SQLKit

/// A way to reach a contact: an email address, an SMS number or a voice number.
public struct ChannelRecord: Sendable, Equatable {
    /// The channel's ARN (primary key).
    public var arn: String
    /// The owning account.
    public var accountID: String
    /// The region of the ARN.
    public var region: String
    /// The contact it belongs to.
    public var contactArn: String
    /// The channel's name.
    public var name: String
    /// `EMAIL`, `SMS` or `VOICE`.
    public var type: String
    /// The delivery address (an email address or an E.164 number).
    public var address: String
    /// `ACTIVATED` or `NOT_ACTIVATED`.
    public var activationStatus: String
    /// The pending activation code, if one was issued.
    public var activationCode: String?
    /// When the last activation code was issued.
    public var activationSentAt: Date?
    /// When it was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a record.
    public init(
        arn: String,
        accountID: String,
        region: String,
        contactArn: String,
        name: String,
        type: String,
        address: String,
        activationStatus: String,
        activationCode: String?,
        activationSentAt: Date?,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.arn = arn
        self.accountID = accountID
        self.region = region
        self.contactArn = contactArn
        self.name = name
        self.type = type
        self.address = address
        self.activationStatus = activationStatus
        self.activationCode = activationCode
        self.activationSentAt = activationSentAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Contact channels, scoped to an account.
public struct ChannelRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = """
        arn, account_id, region, contact_arn, name, type, address, activation_status, activation_code, activation_sent_at, \
        created_at, updated_at
        """

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a channel.
    public func insert(_ channel: ChannelRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO contact_channels (\(unsafeRaw: Self.columns))
            VALUES (\(bind: channel.arn), \(bind: channel.accountID), \(bind: channel.region), \(bind: channel.contactArn),
                    \(bind: channel.name), \(bind: channel.type), \(bind: channel.address), \(bind: channel.activationStatus),
                    \(bind: channel.activationCode), \(bind: channel.activationSentAt?.millisecondsSince1970),
                    \(bind: channel.createdAt.millisecondsSince1970), \(bind: channel.updatedAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The channel with this ARN in the account (`accountID` nil: any account, for background jobs).
    public func channel(arn: String, accountID: String?) async throws -> ChannelRecord? {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM contact_channels WHERE arn = \(bind: arn)"
        if let accountID {
            query += " AND account_id = \(bind: accountID)"
        }
        return try await sql.raw(query).first().map(Self.record)
    }

    /// Channels of a type at an address, in any account (for inbound replies).
    public func channels(address: String, type: String) async throws -> [ChannelRecord] {
        try await sql.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM contact_channels WHERE address = \(bind: address) AND type = \(bind: type) ORDER BY created_at"
        ).all().map(Self.record)
    }

    /// A contact's channels in creation order, after `cursor` (a channel ARN).
    public func list(contactArn: String, accountID: String, after cursor: String?, limit: Int) async throws -> Page<ChannelRecord> {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.columns) FROM contact_channels
            WHERE contact_arn = \(bind: contactArn) AND account_id = \(bind: accountID)
            """
        if let cursor, let anchor = try await channel(arn: cursor, accountID: accountID) {
            let created = anchor.createdAt.millisecondsSince1970
            query += " AND (created_at > \(bind: created) OR (created_at = \(bind: created) AND arn > \(bind: cursor)))"
        }
        query += " ORDER BY created_at, arn LIMIT \(bind: limit + 1)"
        let records = try await sql.raw(query).all().map(Self.record)
        let items = Array(records.prefix(limit))
        return Page(items: items, nextCursor: records.count > limit ? items.last?.arn : nil)
    }

    /// Saves every mutable field of a channel.
    public func update(_ channel: ChannelRecord) async throws {
        try await sql.raw(
            """
            UPDATE contact_channels SET name = \(bind: channel.name), address = \(bind: channel.address),
                activation_status = \(bind: channel.activationStatus), activation_code = \(bind: channel.activationCode),
                activation_sent_at = \(bind: channel.activationSentAt?.millisecondsSince1970),
                updated_at = \(bind: channel.updatedAt.millisecondsSince1970)
            WHERE arn = \(bind: channel.arn) AND account_id = \(bind: channel.accountID)
            """
        ).run()
    }

    /// Deletes a channel.
    public func delete(arn: String, accountID: String) async throws {
        try await sql.raw("DELETE FROM contact_channels WHERE arn = \(bind: arn) AND account_id = \(bind: accountID)").run()
    }

    private static func record(_ row: any SQLRow) throws -> ChannelRecord {
        ChannelRecord(
            arn: try row.decode(column: "arn", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            contactArn: try row.decode(column: "contact_arn", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            type: try row.decode(column: "type", as: String.self),
            address: try row.decode(column: "address", as: String.self),
            activationStatus: try row.decode(column: "activation_status", as: String.self),
            activationCode: try row.decode(column: "activation_code", as: String?.self),
            activationSentAt: try row.decode(column: "activation_sent_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
