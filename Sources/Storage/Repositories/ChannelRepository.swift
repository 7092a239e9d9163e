import Foundation
import HikeshiCore
import SQLKit

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
    public func insert(_ channel: ContactChannel) async throws {
        try await sql.raw(
            """
            INSERT INTO contact_channels (\(unsafeRaw: Self.columns))
            VALUES (\(bind: channel.arn), \(bind: channel.accountID), \(bind: channel.region), \(bind: channel.contactArn),
                    \(bind: channel.name), \(bind: channel.type.rawValue), \(bind: channel.address), \(bind: channel.activation.rawValue),
                    \(bind: channel.activationCode), \(bind: channel.activationSentAt?.millisecondsSince1970),
                    \(bind: channel.createdAt.millisecondsSince1970), \(bind: channel.updatedAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The channel with this ARN in the account (`accountID` nil: any account, for background jobs).
    public func channel(arn: String, accountID: String?) async throws -> ContactChannel? {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM contact_channels WHERE arn = \(bind: arn)"
        if let accountID {
            query += " AND account_id = \(bind: accountID)"
        }
        return try await sql.raw(query).first().map(Self.record)
    }

    /// Channels of a type at an address, in any account (for inbound replies).
    public func channels(address: String, type: ChannelType) async throws -> [ContactChannel] {
        try await sql.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM contact_channels WHERE address = \(bind: address) AND type = \(bind: type.rawValue) ORDER BY created_at"
        ).all().map(Self.record)
    }

    /// A contact's channels in creation order, after `cursor` (a channel ARN).
    public func list(contactArn: String, accountID: String, after cursor: String?, limit: Int) async throws -> ListPage<ContactChannel> {
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
        return ListPage(items: items, nextCursor: records.count > limit ? items.last?.arn : nil)
    }

    /// Saves every mutable field of a channel.
    public func update(_ channel: ContactChannel) async throws {
        try await sql.raw(
            """
            UPDATE contact_channels SET name = \(bind: channel.name), address = \(bind: channel.address),
                activation_status = \(bind: channel.activation.rawValue), activation_code = \(bind: channel.activationCode),
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

    private static func record(_ row: any SQLRow) throws -> ContactChannel {
        ContactChannel(
            arn: try row.decode(column: "arn", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            contactArn: try row.decode(column: "contact_arn", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            type: try StoredValue.decode(ChannelType.self, row, column: "type"),
            address: try row.decode(column: "address", as: String.self),
            activation: try StoredValue.decode(ChannelActivation.self, row, column: "activation_status"),
            activationCode: try row.decode(column: "activation_code", as: String?.self),
            activationSentAt: try row.decode(column: "activation_sent_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
