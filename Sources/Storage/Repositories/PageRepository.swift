import Foundation
import HikeshiCore
import SQLKit

/// Pages and their receipts.
public struct PageRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = """
        arn, account_id, region, engagement_arn, contact_arn, resolution, is_essential, accept_code, created_at, sent_at, delivered_at, \
        read_at, stopped_at
        """

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a page.
    public func insert(_ page: Page) async throws {
        try await sql.raw(
            """
            INSERT INTO pages (\(unsafeRaw: Self.columns))
            VALUES (\(bind: page.arn), \(bind: page.accountID), \(bind: page.region), \(bind: page.engagementArn), \(bind: page.contactArn),
                    \(bind: try StoredJSON.encode(page.resolution)), \(bind: page.isEssential), \(bind: page.acceptCode), \(bind: page.createdAt.millisecondsSince1970),
                    \(bind: page.sentAt?.millisecondsSince1970), \(bind: page.deliveredAt?.millisecondsSince1970),
                    \(bind: page.readAt?.millisecondsSince1970), \(bind: page.stoppedAt?.millisecondsSince1970))
            """
        ).run()
    }

    /// The page with this ARN (`accountID` nil: any account, for background jobs).
    public func page(arn: String, accountID: String?) async throws -> Page? {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM pages WHERE arn = \(bind: arn)"
        if let accountID {
            query += " AND account_id = \(bind: accountID)"
        }
        return try await sql.raw(query).first().map(Self.record)
    }

    /// An engagement's pages in creation order, after `cursor` (an ARN).
    public func list(engagementArn: String, accountID: String, after cursor: String?, limit: Int) async throws -> ListPage<Page> {
        try await list(filter: "engagement_arn = \(bind: engagementArn) AND account_id = \(bind: accountID)", after: cursor, limit: limit)
    }

    /// A person's pages in creation order, after `cursor` (an ARN).
    public func list(contactArn: String, accountID: String, after cursor: String?, limit: Int) async throws -> ListPage<Page> {
        try await list(filter: "contact_arn = \(bind: contactArn) AND account_id = \(bind: accountID)", after: cursor, limit: limit)
    }

    /// Every page of an engagement.
    public func all(engagementArn: String) async throws -> [Page] {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM pages WHERE engagement_arn = \(bind: engagementArn) ORDER BY created_at, arn")
            .all().map(Self.record)
    }

    private func list(filter: SQLQueryString, after cursor: String?, limit: Int) async throws -> ListPage<Page> {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM pages WHERE "
        query += filter
        if let cursor, let anchor = try await page(arn: cursor, accountID: nil) {
            let created = anchor.createdAt.millisecondsSince1970
            query += " AND (created_at > \(bind: created) OR (created_at = \(bind: created) AND arn > \(bind: cursor)))"
        }
        query += " ORDER BY created_at, arn LIMIT \(bind: limit + 1)"
        let records = try await sql.raw(query).all().map(Self.record)
        let items = Array(records.prefix(limit))
        return ListPage(items: items, nextCursor: records.count > limit ? items.last?.arn : nil)
    }

    /// Sets the page's timestamps that are still empty (first value wins).
    public func mark(arn: String, sentAt: Date? = nil, deliveredAt: Date? = nil, readAt: Date? = nil, stoppedAt: Date? = nil) async throws {
        for (column, value) in [("sent_at", sentAt), ("delivered_at", deliveredAt), ("read_at", readAt), ("stopped_at", stoppedAt)] {
            guard let value else { continue }
            try await sql.raw(
                "UPDATE pages SET \(unsafeRaw: column) = \(bind: value.millisecondsSince1970) WHERE arn = \(bind: arn) AND \(unsafeRaw: column) IS NULL"
            ).run()
        }
    }

    /// Adds a receipt unless one with its id exists; returns whether it was added.
    @discardableResult
    public func addReceipt(_ receipt: PageReceipt) async throws -> Bool {
        let rows = try await sql.raw(
            """
            INSERT INTO page_receipts (id, page_arn, account_id, channel_arn, type, info, at)
            VALUES (\(bind: receipt.id), \(bind: receipt.pageArn), \(bind: receipt.accountID), \(bind: receipt.channelArn), \(bind: receipt.type.rawValue),
                    \(bind: receipt.info), \(bind: receipt.at.millisecondsSince1970))
            ON CONFLICT (id) DO NOTHING
            RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// Whether a receipt with this id exists.
    public func hasReceipt(id: String) async throws -> Bool {
        try await sql.raw("SELECT id FROM page_receipts WHERE id = \(bind: id)").first() != nil
    }

    /// A page's receipts in time order, after `cursor` (a receipt id).
    public func receipts(pageArn: String, accountID: String, after cursor: String?, limit: Int) async throws -> ListPage<PageReceipt> {
        var query: SQLQueryString = """
            SELECT id, page_arn, account_id, channel_arn, type, info, at FROM page_receipts
            WHERE page_arn = \(bind: pageArn) AND account_id = \(bind: accountID)
            """
        if let cursor, let anchor = try await sql.raw("SELECT at, type FROM page_receipts WHERE id = \(bind: cursor)").first() {
            let at = try anchor.decode(column: "at", as: Int64.self)
            let rank = Self.receiptRank(try anchor.decode(column: "type", as: String.self))
            query += " AND (at > \(bind: at) OR (at = \(bind: at) AND (\(unsafeRaw: Self.receiptTypeOrder) > \(bind: rank)"
            query += " OR (\(unsafeRaw: Self.receiptTypeOrder) = \(bind: rank) AND id > \(bind: cursor)))))"
        }
        // Within one millisecond, the natural order of a page's life: sent, delivered, read, then errors and stops.
        query += " ORDER BY at, \(unsafeRaw: Self.receiptTypeOrder), id LIMIT \(bind: limit + 1)"
        let records = try await sql.raw(query).all().map { row in
            PageReceipt(
                id: try row.decode(column: "id", as: String.self),
                pageArn: try row.decode(column: "page_arn", as: String.self),
                accountID: try row.decode(column: "account_id", as: String.self),
                channelArn: try row.decode(column: "channel_arn", as: String?.self),
                type: try StoredValue.decode(PageReceiptType.self, row, column: "type"),
                info: try row.decode(column: "info", as: String?.self),
                at: Date(millisecondsSince1970: try row.decode(column: "at", as: Int64.self))
            )
        }
        let items = Array(records.prefix(limit))
        return ListPage(items: items, nextCursor: records.count > limit ? items.last?.id : nil)
    }

    private static let receiptTypes = ["SENT", "DELIVERED", "READ", "ERROR", "STOP"]
    private static let receiptTypeOrder =
        "CASE type " + receiptTypes.enumerated().map { "WHEN '\($1)' THEN \($0)" }.joined(separator: " ") + " ELSE 9 END"

    private static func receiptRank(_ type: String) -> Int {
        receiptTypes.firstIndex(of: type) ?? 9
    }

    /// The newest open page sent to a channel address (for replies by SMS), in any account.
    public func newestOpenPage(sentTo address: String, channelType: ChannelType) async throws -> (page: Page, channelArn: String)? {
        let pageColumns = Self.columns.split(separator: ",").map { "p." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let row = try await sql.raw(
            """
            SELECT \(unsafeRaw: pageColumns.joined(separator: ", ")), c.arn AS channel_arn FROM page_receipts r
            JOIN pages p ON p.arn = r.page_arn
            JOIN contact_channels c ON c.arn = r.channel_arn
            WHERE c.address = \(bind: address) AND c.type = \(bind: channelType.rawValue) AND r.type = 'SENT'
              AND p.read_at IS NULL AND p.stopped_at IS NULL
            ORDER BY r.at DESC LIMIT 1
            """
        ).first()
        guard let row else { return nil }
        return (try Self.record(row), try row.decode(column: "channel_arn", as: String.self))
    }

    private static func record(_ row: any SQLRow) throws -> Page {
        let arn = try row.decode(column: "arn", as: String.self)
        return Page(
            arn: arn,
            accountID: try row.decode(column: "account_id", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            engagementArn: try row.decode(column: "engagement_arn", as: String.self),
            contactArn: try row.decode(column: "contact_arn", as: String.self),
            resolution: try StoredJSON.decode(
                [PageResolutionStep].self, from: try row.decode(column: "resolution", as: String.self), what: "the resolution of page \(arn)"),
            isEssential: try row.decode(column: "is_essential", as: Bool.self),
            acceptCode: try row.decode(column: "accept_code", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            sentAt: try row.decode(column: "sent_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            deliveredAt: try row.decode(column: "delivered_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            readAt: try row.decode(column: "read_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            stoppedAt: try row.decode(column: "stopped_at", as: Int64?.self).map(Date.init(millisecondsSince1970:))
        )
    }
}
