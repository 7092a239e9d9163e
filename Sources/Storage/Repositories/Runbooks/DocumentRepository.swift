import Foundation
import HikeshiCore
import SQLKit

/// SSM documents and their versions, scoped to an account and a region (documents are regional, as in AWS).
public struct DocumentRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "account_id, name, region, kind, display_name, target_type, default_version, latest_version, created_at"
    private static let versionColumns = "version, version_name, format, content, hash, outline, created_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a new document with its first version; ``StorageError/Kind/conflict`` when the name is taken.
    public func insert(_ document: RunbookDocument, first version: RunbookDocumentVersion) async throws {
        try await sql.raw(
            """
            INSERT INTO ssm_documents (\(unsafeRaw: Self.columns))
            VALUES (\(bind: document.accountID), \(bind: document.name), \(bind: document.region), \(bind: document.kind.rawValue),
                    \(bind: document.displayName), \(bind: document.targetType), \(bind: document.defaultVersion), \(bind: document.latestVersion),
                    \(bind: document.createdAt.millisecondsSince1970))
            """
        ).run()
        try await insert(version, of: document.name, accountID: document.accountID, region: document.region)
    }

    /// Adds a version of a document.
    public func insert(_ version: RunbookDocumentVersion, of name: String, accountID: String, region: String) async throws {
        try await sql.raw(
            """
            INSERT INTO ssm_document_versions (account_id, region, name, \(unsafeRaw: Self.versionColumns))
            VALUES (\(bind: accountID), \(bind: region), \(bind: name), \(bind: version.version), \(bind: version.versionName), \(bind: version.format.rawValue),
                    \(bind: version.content), \(bind: version.hash), \(bind: try StoredJSON.encode(version.outline)),
                    \(bind: version.createdAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The account's document with this name; `forUpdate` (PostgreSQL only) locks its row until the transaction ends,
    /// so changes to one document take turns.
    public func document(named name: String, accountID: String, region: String, forUpdate: Bool = false) async throws -> RunbookDocument? {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.columns) FROM ssm_documents
            WHERE account_id = \(bind: accountID) AND region = \(bind: region) AND name = \(bind: name)
            """
        if forUpdate {
            query += " FOR UPDATE"
        }
        return try await sql.raw(query).first().map(Self.document)
    }

    /// A version of a document: by number, or else by version name.
    public func version(of name: String, accountID: String, region: String, number: Int?, versionName: String?) async throws
        -> RunbookDocumentVersion?
    {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.versionColumns) FROM ssm_document_versions
            WHERE account_id = \(bind: accountID) AND region = \(bind: region) AND name = \(bind: name)
            """
        if let number {
            query += " AND version = \(bind: number)"
        }
        if let versionName {
            query += " AND version_name = \(bind: versionName)"
        }
        query += " ORDER BY version LIMIT 1"
        return try await sql.raw(query).first().map(Self.version)
    }

    /// Saves a document's names and version pointers.
    public func update(_ document: RunbookDocument) async throws {
        try await sql.raw(
            """
            UPDATE ssm_documents SET display_name = \(bind: document.displayName), target_type = \(bind: document.targetType),
                default_version = \(bind: document.defaultVersion), latest_version = \(bind: document.latestVersion)
            WHERE account_id = \(bind: document.accountID) AND region = \(bind: document.region) AND name = \(bind: document.name)
            """
        ).run()
    }

    /// A document's versions in order, after `cursor` (a version number).
    public func versions(of name: String, accountID: String, region: String, after cursor: Int?, limit: Int) async throws
        -> ListPage<RunbookDocumentVersion>
    {
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.versionColumns) FROM ssm_document_versions
            WHERE account_id = \(bind: accountID) AND region = \(bind: region) AND name = \(bind: name) AND version > \(bind: cursor ?? 0)
            ORDER BY version LIMIT \(bind: limit + 1)
            """
        ).all().map(Self.version)
        let items = Array(rows.prefix(limit))
        return ListPage(items: items, nextCursor: rows.count > limit ? items.last.map { String($0.version) } : nil)
    }

    /// Documents by name after `cursor` (a name), of the kinds given, whose name starts with one of `namePrefixes`
    /// (any name when empty).
    public func list(accountID: String, region: String, kinds: [DocumentKind], namePrefixes: [String], after cursor: String?, limit: Int)
        async throws -> ListPage<RunbookDocument>
    {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.columns) FROM ssm_documents WHERE account_id = \(bind: accountID) AND region = \(bind: region)
            """
        query += " AND kind IN (\(SQLList(kinds.map { SQLBind($0.rawValue) })))"
        let prefixes = namePrefixes.filter { !$0.isEmpty }
        if !prefixes.isEmpty {
            query += " AND ("
            for (index, prefix) in prefixes.enumerated() {
                if index > 0 { query += " OR " }
                query += "substr(name, 1, CAST(\(bind: prefix.count) AS INTEGER)) = \(bind: prefix)"
            }
            query += ")"
        }
        if let cursor {
            query += " AND name > \(bind: cursor)"
        }
        query += " ORDER BY name LIMIT \(bind: limit + 1)"
        let documents = try await sql.raw(query).all().map(Self.document)
        let items = Array(documents.prefix(limit))
        return ListPage(items: items, nextCursor: documents.count > limit ? items.last?.name : nil)
    }

    /// Deletes one version, or the whole document with every version when `version` is nil.
    public func delete(name: String, accountID: String, region: String, version: Int?) async throws {
        var versions: SQLQueryString = """
            DELETE FROM ssm_document_versions WHERE account_id = \(bind: accountID) AND region = \(bind: region) AND name = \(bind: name)
            """
        if let version {
            versions += " AND version = \(bind: version)"
        }
        try await sql.raw(versions).run()
        if version == nil {
            try await sql.raw(
                "DELETE FROM ssm_documents WHERE account_id = \(bind: accountID) AND region = \(bind: region) AND name = \(bind: name)"
            ).run()
        }
    }

    private static func document(_ row: any SQLRow) throws -> RunbookDocument {
        RunbookDocument(
            accountID: try row.decode(column: "account_id", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            kind: try StoredValue.decode(DocumentKind.self, row, column: "kind"),
            displayName: try row.decode(column: "display_name", as: String?.self),
            targetType: try row.decode(column: "target_type", as: String?.self),
            defaultVersion: try row.decode(column: "default_version", as: Int.self),
            latestVersion: try row.decode(column: "latest_version", as: Int.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        )
    }

    private static func version(_ row: any SQLRow) throws -> RunbookDocumentVersion {
        let number = try row.decode(column: "version", as: Int.self)
        return RunbookDocumentVersion(
            version: number,
            versionName: try row.decode(column: "version_name", as: String?.self),
            format: try StoredValue.decode(DocumentContentFormat.self, row, column: "format"),
            content: try row.decode(column: "content", as: String.self),
            hash: try row.decode(column: "hash", as: String.self),
            outline: try StoredJSON.decode(
                DocumentOutline.self, from: try row.decode(column: "outline", as: String.self), what: "the outline of document version \(number)"),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
