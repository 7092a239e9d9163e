import Foundation
import SQLKit

/// The support desk's named settings documents (JSON): plan definitions, business calendars, desk settings.
///
/// Names are namespaced by the caller, e.g. `plan:developer`, `calendar:ja`, `desk`.
public struct SupportSettingsRepository: Sendable {
    private let sql: any SQLDatabase

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The document stored under `name`, if any.
    public func document(named name: String) async throws -> String? {
        try await sql.raw("SELECT document FROM support_settings WHERE name = \(bind: name)").first()
            .map { try $0.decode(column: "document", as: String.self) }
    }

    /// Stores (inserts or replaces) the document under `name`.
    public func put(name: String, document: String, at now: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO support_settings (name, document, updated_at) VALUES (\(bind: name), \(bind: document), \(bind: now.millisecondsSince1970))
            ON CONFLICT (name) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at
            """
        ).run()
    }
}
