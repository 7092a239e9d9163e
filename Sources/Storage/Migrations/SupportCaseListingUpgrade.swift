import Foundation
import HikeshiCore
import SQLKit

/// Migration 15: what listing cases reads. A case's subject, submitter and CC addresses get columns of their own, so
/// that `DescribeCases` reads them without the stored document, which also holds the coach's advice and the
/// first-response clock and is several times larger; the columns are filled from each case's document. The index on
/// a case's communications gains their id, and the index on an account's cases the case id, so that a page of cases
/// and each case's newest few communications are read backwards from an index, ties included, without a sort (SQLite
/// sorted the last term of a listing's order in a temporary table).
///
/// A document that cannot be read stops the migration with ``StorageError/Kind/corrupt`` and the whole transaction
/// rolls back.
enum SupportCaseListingUpgrade {
    /// The statements: the three columns, empty until ``run(_:)`` fills them, and the index.
    static let statements = [
        "ALTER TABLE support_cases ADD COLUMN subject TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE support_cases ADD COLUMN submitted_by TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE support_cases ADD COLUMN cc_email_addresses TEXT NOT NULL DEFAULT '[]'",
        "CREATE INDEX support_communications_newest ON support_communications (case_id, created_at, id)",
        "DROP INDEX support_communications_case",
        "CREATE INDEX support_cases_listing ON support_cases (account_id, created_at, case_id)",
        "DROP INDEX support_cases_account",
    ]

    /// The members of the document the columns take.
    private struct Listed: Decodable {
        var subject: String
        var submittedBy: String
        var ccEmailAddresses: [String]
    }

    static func run(_ sql: any SQLDatabase) async throws {
        // In batches by id, so a large table is never held in memory at once.
        var after = ""
        while true {
            let rows = try await sql.raw(
                "SELECT case_id, document FROM support_cases WHERE case_id > \(bind: after) ORDER BY case_id LIMIT 500"
            ).all()
            for row in rows {
                let caseID = try row.decode(column: "case_id", as: String.self)
                let listed = try StoredJSON.decode(Listed.self, from: try row.decode(column: "document", as: String.self), what: "case \(caseID)")
                try await sql.raw(
                    """
                    UPDATE support_cases SET subject = \(bind: listed.subject), submitted_by = \(bind: listed.submittedBy),
                        cc_email_addresses = \(bind: try StoredJSON.encode(listed.ccEmailAddresses))
                    WHERE case_id = \(bind: caseID)
                    """
                ).run()
                after = caseID
            }
            if rows.count < 500 { return }
        }
    }
}
