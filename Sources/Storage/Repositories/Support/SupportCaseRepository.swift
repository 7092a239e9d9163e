import Foundation
import HikeshiCore
import SQLKit

/// What `DescribeCases` filters on.
public struct SupportCaseFilter: Sendable {
    /// The customer account.
    public var accountID: String
    /// Only these case ids (empty: any).
    public var caseIDs: [String] = []
    /// Only this display id.
    public var displayID: String?
    /// Only cases opened at or after this instant.
    public var after: Date?
    /// Only cases opened at or before this instant.
    public var before: Date?
    /// Whether resolved cases are included.
    public var includeResolved = false
    /// Only cases in this language.
    public var language: String?

    /// A filter for an account's unresolved cases.
    public init(accountID: String) {
        self.accountID = accountID
    }
}

/// What the desk's queue filters on.
public struct SupportQueueFilter: Sendable {
    /// Only these languages (empty: any).
    public var languages: [String] = []
    /// Only these specialties (empty: any).
    public var specialties: [String] = []
    /// Only these services (empty: any).
    public var serviceCodes: [String] = []
    /// Only these categories (empty: any).
    public var categoryCodes: [String] = []
    /// Whether cases with an agent are included.
    public var includeAssigned = false

    /// A filter for every unassigned, unresolved case.
    public init() {}
}

/// Support cases.
public struct SupportCaseRepository: Sendable {
    private let sql: any SQLDatabase
    /// What a listing reads: no stored document (its members a listing shows have columns of their own), except for a
    /// case written by a node older than migration 15 during a rolling upgrade, whose columns it left empty.
    private static let listingColumns = """
        case_id, display_id, status, service_code, category_code, severity, language, created_at, subject, submitted_by, \
        cc_email_addresses, CASE WHEN submitted_by = '' THEN document END AS unlisted_document
        """

    /// The members of a stored case document that a listing shows, for a case whose listing columns are empty.
    private struct ListedDetails: Decodable {
        var subject: String
        var submittedBy: String
        var ccEmailAddresses: [String]
    }

    private static let columns = """
        case_id, display_id, account_id, status, service_code, category_code, severity, language, specialty, agent_id, created_at, due_at, \
        first_response_at, breached, resolved_at, updated_at, search_text, document, subject, submitted_by, cc_email_addresses
        """

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a case; ``StorageError/Kind/conflict`` when the id or display id is taken.
    public func insert(_ record: SupportCase) async throws {
        try await sql.raw(
            """
            INSERT INTO support_cases (\(unsafeRaw: Self.columns))
            VALUES (\(bind: record.caseID), \(bind: record.displayID), \(bind: record.accountID), \(bind: record.status.rawValue),
                    \(bind: record.serviceCode), \(bind: record.categoryCode), \(bind: record.severity.rawValue), \(bind: record.language.rawValue),
                    \(bind: record.specialty.rawValue), \(bind: record.agentID), \(bind: record.createdAt.millisecondsSince1970),
                    \(bind: record.dueAt?.millisecondsSince1970), \(bind: record.firstResponseAt?.millisecondsSince1970),
                    \(bind: record.breached ? 1 : 0), \(bind: record.resolvedAt?.millisecondsSince1970),
                    \(bind: record.updatedAt.millisecondsSince1970), \(bind: record.searchText), \(bind: try StoredJSON.encode(record.details)),
                    \(bind: record.details.subject), \(bind: record.details.submittedBy),
                    \(bind: try StoredJSON.encode(record.details.ccEmailAddresses)))
            """
        ).run()
    }

    /// Writes every mutable column of a case.
    public func update(_ record: SupportCase) async throws {
        try await sql.raw(
            """
            UPDATE support_cases SET status = \(bind: record.status.rawValue), agent_id = \(bind: record.agentID),
                due_at = \(bind: record.dueAt?.millisecondsSince1970), first_response_at = \(bind: record.firstResponseAt?.millisecondsSince1970),
                breached = \(bind: record.breached ? 1 : 0), resolved_at = \(bind: record.resolvedAt?.millisecondsSince1970),
                updated_at = \(bind: record.updatedAt.millisecondsSince1970), search_text = \(bind: record.searchText),
                document = \(bind: try StoredJSON.encode(record.details)), subject = \(bind: record.details.subject),
                submitted_by = \(bind: record.details.submittedBy),
                cc_email_addresses = \(bind: try StoredJSON.encode(record.details.ccEmailAddresses))
            WHERE case_id = \(bind: record.caseID)
            """
        ).run()
    }

    /// The case with this id; with `accountID`, only if it belongs to that account. `forUpdate` (PostgreSQL only) locks
    /// the row until the transaction ends, so concurrent changes to one case take turns.
    public func supportCase(id: String, accountID: String?, forUpdate: Bool = false) async throws -> SupportCase? {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM support_cases WHERE case_id = \(bind: id)"
        if let accountID {
            query += " AND account_id = \(bind: accountID)"
        }
        if forUpdate {
            query += " FOR UPDATE"
        }
        return try await sql.raw(query).first().map(Self.record)
    }

    /// Which of `ids` are cases of the account (one query for a whole `caseIdList`).
    public func existing(ids: [String], accountID: String) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        return Set(
            try await sql.raw(
                "SELECT case_id FROM support_cases WHERE account_id = \(bind: accountID) AND case_id IN (\(SQLList(ids.map { SQLBind($0) })))"
            ).all().map { try $0.decode(column: "case_id", as: String.self) })
    }

    /// The case with this display id; with `accountID`, only if it belongs to that account.
    public func supportCase(displayID: String, accountID: String?) async throws -> SupportCase? {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM support_cases WHERE display_id = \(bind: displayID)"
        if let accountID {
            query += " AND account_id = \(bind: accountID)"
        }
        return try await sql.raw(query).first().map(Self.record)
    }

    /// An account's cases, newest first, after `cursor` (`<created ms>/<case id>`): the columns a listing answers.
    public func list(_ filter: SupportCaseFilter, after cursor: String?, limit: Int) async throws -> ListPage<SupportCaseListing> {
        var query: SQLQueryString =
            "SELECT \(unsafeRaw: Self.listingColumns) FROM support_cases WHERE account_id = \(bind: filter.accountID)"
        if !filter.caseIDs.isEmpty {
            query += " AND case_id IN (\(SQLList(filter.caseIDs.map { SQLBind($0) })))"
        }
        if let displayID = filter.displayID {
            query += " AND display_id = \(bind: displayID)"
        }
        if let after = filter.after {
            query += " AND created_at >= \(bind: after.millisecondsSince1970)"
        }
        if let before = filter.before {
            query += " AND created_at <= \(bind: before.millisecondsSince1970)"
        }
        if !filter.includeResolved {
            query += " AND status <> \(bind: SupportCaseStatus.resolved.rawValue)"
        }
        if let language = filter.language {
            query += " AND language = \(bind: language)"
        }
        if let (millis, id) = Self.split(cursor) {
            query += " AND (created_at < \(bind: millis) OR (created_at = \(bind: millis) AND case_id < \(bind: id)))"
        }
        query += " ORDER BY created_at DESC, case_id DESC LIMIT \(bind: limit + 1)"
        let records = try await sql.raw(query).all().map(Self.listing)
        let items = Array(records.prefix(limit))
        let next = records.count > limit ? items.last.map { "\($0.createdAt.millisecondsSince1970)/\($0.caseID)" } : nil
        return ListPage(items: items, nextCursor: next)
    }

    /// Unresolved cases for the desk: the most urgent due time first (cases without a target last), then oldest;
    /// `offset` is the cursor.
    public func queue(_ filter: SupportQueueFilter, offset: Int, limit: Int) async throws -> ListPage<SupportCase> {
        var query: SQLQueryString =
            "SELECT \(unsafeRaw: Self.columns) FROM support_cases WHERE status <> \(bind: SupportCaseStatus.resolved.rawValue)"
        if !filter.includeAssigned {
            query += " AND agent_id IS NULL"
        }
        let filters = [
            ("language", filter.languages), ("specialty", filter.specialties), ("service_code", filter.serviceCodes),
            ("category_code", filter.categoryCodes),
        ]
        for (column, values) in filters where !values.isEmpty {
            query += " AND \(unsafeRaw: column) IN (\(SQLList(values.map { SQLBind($0) })))"
        }
        query += """
             ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, created_at, case_id \
            LIMIT \(bind: limit + 1) OFFSET \(bind: offset)
            """
        let records = try await sql.raw(query).all().map(Self.record)
        let items = Array(records.prefix(limit))
        return ListPage(items: items, nextCursor: records.count > limit ? String(offset + limit) : nil)
    }

    /// Resolved cases whose search text contains every term (lower-cased), newest first, at most `limit`.
    public func searchResolved(terms: [String], language: String?, serviceCode: String?, limit: Int) async throws -> [SupportCase] {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM support_cases WHERE status = \(bind: SupportCaseStatus.resolved.rawValue)"
        for term in terms {
            query += " AND search_text LIKE \(bind: "%" + Self.escapeLike(term) + "%") ESCAPE '!'"
        }
        if let language {
            query += " AND language = \(bind: language)"
        }
        if let serviceCode {
            query += " AND service_code = \(bind: serviceCode)"
        }
        query += " ORDER BY resolved_at DESC, case_id LIMIT \(bind: limit)"
        return try await sql.raw(query).all().map(Self.record)
    }

    /// The cases opened at or after `from` and before `to`, in every account, oldest first, at most `limit` (the desk
    /// report's period; a scan of the period, not a hot path).
    public func opened(from: Date, to: Date, limit: Int) async throws -> [SupportCase] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM support_cases \
            WHERE created_at >= \(bind: from.millisecondsSince1970) AND created_at < \(bind: to.millisecondsSince1970) \
            ORDER BY created_at, case_id LIMIT \(bind: limit)
            """
        ).all().map(Self.record)
    }

    /// How many unresolved cases, in every account, were opened after each of `thresholds` (newest first) — counted
    /// in the database, however many there are: element `i` counts those opened after `thresholds[i]`, the last
    /// element every unresolved case.
    public func unresolvedOpenedAfter(_ thresholds: [Date]) async throws -> [Int] {
        var query: SQLQueryString = "SELECT COUNT(*) AS total"
        for (index, threshold) in thresholds.enumerated() {
            query +=
                ", COALESCE(SUM(CASE WHEN created_at > \(bind: threshold.millisecondsSince1970) THEN 1 ELSE 0 END), 0) AS n\(unsafeRaw: String(index))"
        }
        query += " FROM support_cases WHERE status <> \(bind: SupportCaseStatus.resolved.rawValue)"
        guard let row = try await sql.raw(query).first() else { return Array(repeating: 0, count: thresholds.count + 1) }
        var counts = try thresholds.indices.map { Int(try row.decode(column: "n\($0)", as: Int64.self)) }
        counts.append(Int(try row.decode(column: "total", as: Int64.self)))
        return counts
    }

    /// How many unresolved cases an account has.
    public func countUnresolved(accountID: String) async throws -> Int {
        try await sql.raw(
            "SELECT COUNT(*) AS n FROM support_cases WHERE account_id = \(bind: accountID) AND status <> \(bind: SupportCaseStatus.resolved.rawValue)"
        ).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
    }

    private static func escapeLike(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" || character == "_" || character == "!" {
                out.append("!")
            }
            out.append(character)
        }
        return out
    }

    private static func split(_ cursor: String?) -> (Int64, String)? {
        guard let cursor, let slash = cursor.firstIndex(of: "/"), let millis = Int64(cursor[..<slash]) else { return nil }
        return (millis, String(cursor[cursor.index(after: slash)...]))
    }

    private static func listing(_ row: any SQLRow) throws -> SupportCaseListing {
        let caseID = try row.decode(column: "case_id", as: String.self)
        var listed = ListedDetails(
            subject: try row.decode(column: "subject", as: String.self),
            submittedBy: try row.decode(column: "submitted_by", as: String.self),
            ccEmailAddresses: try StoredJSON.decode(
                [String].self, from: try row.decode(column: "cc_email_addresses", as: String.self), what: "case \(caseID)"))
        if let document = try row.decode(column: "unlisted_document", as: String?.self) {
            listed = try StoredJSON.decode(ListedDetails.self, from: document, what: "case \(caseID)")
        }
        return SupportCaseListing(
            caseID: caseID,
            displayID: try row.decode(column: "display_id", as: String.self),
            status: try StoredValue.decode(SupportCaseStatus.self, row, column: "status"),
            serviceCode: try row.decode(column: "service_code", as: String.self),
            categoryCode: try row.decode(column: "category_code", as: String.self),
            severity: try StoredValue.decode(SupportSeverity.self, row, column: "severity"),
            language: try StoredValue.decode(SupportLanguage.self, row, column: "language"),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            subject: listed.subject,
            submittedBy: listed.submittedBy,
            ccEmailAddresses: listed.ccEmailAddresses
        )
    }

    private static func record(_ row: any SQLRow) throws -> SupportCase {
        func date(_ column: String) throws -> Date? {
            try row.decode(column: column, as: Int64?.self).map(Date.init(millisecondsSince1970:))
        }
        let caseID = try row.decode(column: "case_id", as: String.self)
        return SupportCase(
            caseID: caseID,
            displayID: try row.decode(column: "display_id", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            status: try StoredValue.decode(SupportCaseStatus.self, row, column: "status"),
            serviceCode: try row.decode(column: "service_code", as: String.self),
            categoryCode: try row.decode(column: "category_code", as: String.self),
            severity: try StoredValue.decode(SupportSeverity.self, row, column: "severity"),
            language: try StoredValue.decode(SupportLanguage.self, row, column: "language"),
            specialty: try StoredValue.decode(SupportSpecialty.self, row, column: "specialty"),
            agentID: try row.decode(column: "agent_id", as: String?.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            dueAt: try date("due_at"),
            firstResponseAt: try date("first_response_at"),
            breached: try row.decode(column: "breached", as: Int.self) != 0,
            resolvedAt: try date("resolved_at"),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self)),
            searchText: try row.decode(column: "search_text", as: String.self),
            details: try StoredJSON.decode(
                SupportCaseDetails.self, from: try row.decode(column: "document", as: String.self), what: "case \(caseID)")
        )
    }
}
