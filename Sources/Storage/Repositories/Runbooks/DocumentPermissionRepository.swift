import HikeshiCore
import SQLKit

/// Who a document is shared with (`ModifyDocumentPermission`), per owner account, region and document name.
public struct DocumentPermissionRepository: Sendable {
    private let sql: any SQLDatabase

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// A document's grants, ordered by reader (`all` after the account ids).
    public func shares(of name: String, accountID: String, region: String) async throws -> [DocumentShare] {
        let rows = try await sql.raw(
            """
            SELECT shared_with, shared_version FROM ssm_document_permissions
            WHERE account_id = \(bind: accountID) AND region = \(bind: region) AND name = \(bind: name)
            """
        ).all()
        return try rows.map(Self.share).sorted { $0.reader < $1.reader }
    }

    /// The grant under which `reader` may read another account's document: its own, or else the public one.
    public func share(of name: String, accountID: String, region: String, readableBy reader: String) async throws -> DocumentShare? {
        let rows = try await sql.raw(
            """
            SELECT shared_with, shared_version FROM ssm_document_permissions
            WHERE account_id = \(bind: accountID) AND region = \(bind: region) AND name = \(bind: name)
              AND shared_with IN (\(bind: reader), \(bind: DocumentReader.everyoneKeyword))
            """
        ).all()
        let shares = try rows.map(Self.share)
        return shares.first { $0.reader == .account(reader) } ?? shares.first
    }

    /// Grants (or re-grants, with the version given) a document to readers.
    public func grant(_ readers: [DocumentReader], version: SharedDocumentVersion, name: String, accountID: String, region: String) async throws {
        for reader in readers {
            try await sql.raw(
                """
                INSERT INTO ssm_document_permissions (account_id, region, name, shared_with, shared_version)
                VALUES (\(bind: accountID), \(bind: region), \(bind: name), \(bind: reader.text), \(bind: version.rawValue))
                ON CONFLICT (account_id, region, name, shared_with) DO UPDATE SET shared_version = \(bind: version.rawValue)
                """
            ).run()
        }
    }

    /// Withdraws a document from readers.
    public func revoke(_ readers: [DocumentReader], name: String, accountID: String, region: String) async throws {
        for reader in readers {
            try await sql.raw(
                """
                DELETE FROM ssm_document_permissions
                WHERE account_id = \(bind: accountID) AND region = \(bind: region) AND name = \(bind: name) AND shared_with = \(bind: reader.text)
                """
            ).run()
        }
    }

    private static func share(_ row: any SQLRow) throws -> DocumentShare {
        let readerText = try row.decode(column: "shared_with", as: String.self)
        guard let reader = DocumentReader(readerText) else {
            throw StorageError(.corrupt, "a document is shared with '\(readerText)', which is neither an account id nor all")
        }
        return DocumentShare(reader: reader, version: try StoredValue.decode(SharedDocumentVersion.self, row, column: "shared_version"))
    }
}
