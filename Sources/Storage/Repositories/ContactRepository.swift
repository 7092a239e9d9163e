import Foundation
import HikeshiCore
import SQLKit

/// A page of results and the cursor of the next page.
public struct ListPage<Item: Sendable>: Sendable {
    /// The items.
    public var items: [Item]
    /// The cursor to pass for the next page, if there is one.
    public var nextCursor: String?

    /// Creates a page.
    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

/// Contacts, scoped to an account and region.
public struct ContactRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "arn, account_id, region, alias, display_name, type, plan, created_at, updated_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a contact; ``StorageError/Kind/conflict`` if the alias or ARN exists.
    public func insert(_ contact: Contact) async throws {
        try await sql.raw(
            """
            INSERT INTO contacts (\(unsafeRaw: Self.columns))
            VALUES (\(bind: contact.arn), \(bind: contact.accountID), \(bind: contact.region), \(bind: contact.alias),
                    \(bind: contact.displayName), \(bind: contact.type.rawValue), \(bind: try StoredJSON.encode(contact.plan)),
                    \(bind: contact.createdAt.millisecondsSince1970), \(bind: contact.updatedAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The contact with this ARN in the account.
    public func contact(arn: String, accountID: String) async throws -> Contact? {
        try await sql.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM contacts WHERE arn = \(bind: arn) AND account_id = \(bind: accountID)"
        ).first().map(Self.record)
    }

    /// Summaries of contacts ordered by alias, after `cursor` (an alias), filtered by alias prefix and type; plans are
    /// not read.
    public func list(
        accountID: String,
        region: String,
        aliasPrefix: String?,
        type: ContactType?,
        after cursor: String?,
        limit: Int
    ) async throws -> ListPage<ContactSummary> {
        var query: SQLQueryString = "SELECT arn, alias, display_name, type FROM contacts WHERE account_id = \(bind: accountID)"
        query += " AND region = \(bind: region)"
        if let aliasPrefix, !aliasPrefix.isEmpty {
            // substr compare instead of LIKE: aliases may contain '_', a LIKE wildcard.
            query += " AND substr(alias, 1, CAST(\(bind: aliasPrefix.count) AS INTEGER)) = \(bind: aliasPrefix)"
        }
        if let type {
            query += " AND type = \(bind: type.rawValue)"
        }
        if let cursor {
            query += " AND alias > \(bind: cursor)"
        }
        query += " ORDER BY alias LIMIT \(bind: limit + 1)"
        let records = try await sql.raw(query).all().map { row in
            ContactSummary(
                arn: try row.decode(column: "arn", as: String.self),
                alias: try row.decode(column: "alias", as: String.self),
                displayName: try row.decode(column: "display_name", as: String?.self),
                type: try StoredValue.decode(ContactType.self, row, column: "type")
            )
        }
        let items = Array(records.prefix(limit))
        return ListPage(items: items, nextCursor: records.count > limit ? items.last?.alias : nil)
    }

    /// Contacts whose plan text mentions `arn` (candidates that may target it), other than itself.
    public func mentioning(_ arn: String, accountID: String, region: String) async throws -> [Contact] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM contacts
            WHERE account_id = \(bind: accountID) AND region = \(bind: region) AND arn <> \(bind: arn)
              AND plan LIKE \(bind: "%" + arn + "%")
            ORDER BY alias
            """
        ).all().map(Self.record)
    }

    /// Replaces display name and plan.
    public func update(_ contact: Contact) async throws {
        try await sql.raw(
            """
            UPDATE contacts SET display_name = \(bind: contact.displayName), plan = \(bind: try StoredJSON.encode(contact.plan)),
                updated_at = \(bind: contact.updatedAt.millisecondsSince1970)
            WHERE arn = \(bind: contact.arn) AND account_id = \(bind: contact.accountID)
            """
        ).run()
    }

    /// Deletes a contact and its channels.
    public func delete(arn: String, accountID: String) async throws {
        try await sql.raw("DELETE FROM contact_channels WHERE contact_arn = \(bind: arn) AND account_id = \(bind: accountID)").run()
        try await sql.raw("DELETE FROM contacts WHERE arn = \(bind: arn) AND account_id = \(bind: accountID)").run()
    }

    private static func record(_ row: any SQLRow) throws -> Contact {
        let arn = try row.decode(column: "arn", as: String.self)
        return Contact(
            arn: arn,
            accountID: try row.decode(column: "account_id", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            alias: try row.decode(column: "alias", as: String.self),
            displayName: try row.decode(column: "display_name", as: String?.self),
            type: try StoredValue.decode(ContactType.self, row, column: "type"),
            plan: try StoredJSON.decode(ContactPlan.self, from: try row.decode(column: "plan", as: String.self), what: "the plan of contact \(arn)"),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
