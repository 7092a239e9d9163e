import Foundation
import HikeshiCore
import SQLKit

/// SSM documents and their versions, scoped to an account and a region (documents are regional, as in AWS).
public struct DocumentRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "account_id, name, region, kind, display_name, target_type, default_version, latest_version, created_at"
    private static let qualifiedColumns =
        "d.account_id, d.name, d.region, d.kind, d.display_name, d.target_type, d.default_version, d.latest_version, d.created_at"
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

    /// The documents a reader may list, with what their default versions say, ordered by name and then owner, after
    /// `cursor` (a name and an owner account), at most `limit`.
    public func list(_ query: DocumentListQuery, after cursor: (name: String, accountID: String)?, limit: Int) async throws
        -> [RunbookDocumentListing]
    {
        var sql: SQLQueryString = """
            SELECT \(unsafeRaw: Self.qualifiedColumns), v.version_name AS v_version_name, v.format AS v_format, v.outline AS v_outline
            FROM ssm_documents d JOIN ssm_document_versions v
              ON v.account_id = d.account_id AND v.region = d.region AND v.name = d.name AND v.version = d.default_version
            WHERE d.region = \(bind: query.region)
            """
        var sources: [SQLQueryString] = []
        if query.sources.contains(.own) {
            sources.append("d.account_id = \(bind: query.reader)")
        }
        for (source, reader) in [(DocumentListQuery.Source.sharedWithReader, query.reader), (.publiclyShared, DocumentReader.everyoneKeyword)]
        where query.sources.contains(source) {
            sources.append(
                """
                (d.account_id <> \(bind: query.reader) AND EXISTS (SELECT 1 FROM ssm_document_permissions p
                  WHERE p.account_id = d.account_id AND p.region = d.region AND p.name = d.name AND p.shared_with = \(bind: reader)))
                """)
        }
        guard !sources.isEmpty, !query.kinds.isEmpty else { return [] }
        sql += " AND (\(SQLList(sources, separator: SQLRaw(" OR "))))"
        sql += " AND d.kind IN (\(SQLList(query.kinds.map { SQLBind($0.rawValue) })))"
        for group in query.namePrefixes {
            let prefixes = group.map { prefix -> SQLQueryString in
                "substr(d.name, 1, CAST(\(bind: prefix.count) AS INTEGER)) = \(bind: prefix)"
            }
            guard !prefixes.isEmpty else { continue }
            sql += " AND (\(SQLList(prefixes, separator: SQLRaw(" OR "))))"
        }
        for group in query.targetTypes where !group.isEmpty {
            sql += " AND d.target_type IN (\(SQLList(group.map { SQLBind($0) })))"
        }
        if let tag = query.tag {
            // Tags are the owner's: only the reader's own documents carry tags it can match.
            sql += """
                 AND d.account_id = \(bind: query.reader) AND EXISTS (SELECT 1 FROM resource_tags t
                  WHERE t.account_id = d.account_id AND t.resource_arn = CAST(\(bind: query.ownArnPrefix) AS TEXT) || d.name
                    AND t.tag_key = \(bind: tag.key)
                """
            if !tag.values.isEmpty {
                sql += " AND t.tag_value IN (\(SQLList(tag.values.map { SQLBind($0) })))"
            }
            sql += ")"
        }
        if let cursor {
            sql += " AND (d.name > \(bind: cursor.name) OR (d.name = \(bind: cursor.name) AND d.account_id > \(bind: cursor.accountID)))"
        }
        sql += " ORDER BY d.name, d.account_id LIMIT \(bind: limit)"
        return try await self.sql.raw(sql).all().map { row in
            let document = try Self.document(row)
            let outline = try StoredJSON.decode(
                DocumentOutline.self, from: try row.decode(column: "v_outline", as: String.self),
                what: "the outline of the default version of document \(document.name)")
            return RunbookDocumentListing(
                document: document,
                versionName: try row.decode(column: "v_version_name", as: String?.self),
                format: try StoredValue.decode(DocumentContentFormat.self, row, column: "v_format"),
                schemaVersion: outline.schemaVersion
            )
        }
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

/// What `ListDocuments` asks of storage: whose documents, and the filters that can be answered in SQL.
public struct DocumentListQuery: Sendable {
    /// Where documents come from, as seen by the reader.
    public enum Source: Sendable, Hashable {
        /// The reader's own documents.
        case own
        /// Other accounts' documents shared with the reader by account id.
        case sharedWithReader
        /// Other accounts' documents shared with every account.
        case publiclyShared
    }

    /// The reading account.
    public var reader: String
    /// The region.
    public var region: String
    /// Whose documents.
    public var sources: Set<Source>
    /// The kinds to list.
    public var kinds: [DocumentKind]
    /// Name prefixes: a name must start with one prefix of every group.
    public var namePrefixes: [[String]]
    /// Target types: a document's must be one of every group.
    public var targetTypes: [[String]]
    /// One tag key, with the values one of which it must have (any value when empty); own documents only.
    public var tag: (key: String, values: [String])?
    /// The reader's document ARNs up to the name (`arn:aws:ssm:REGION:ACCOUNT:document/`), under which its tags are kept.
    public var ownArnPrefix: String

    /// Creates a query.
    public init(
        reader: String, region: String, sources: Set<Source>, kinds: [DocumentKind], namePrefixes: [[String]], targetTypes: [[String]],
        tag: (key: String, values: [String])?, ownArnPrefix: String
    ) {
        self.reader = reader
        self.region = region
        self.sources = sources
        self.kinds = kinds
        self.namePrefixes = namePrefixes
        self.targetTypes = targetTypes
        self.tag = tag
        self.ownArnPrefix = ownArnPrefix
    }
}
