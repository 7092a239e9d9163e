import SQLKit

/// Tags of any resource, by ARN, scoped to an account.
public struct TagRepository: Sendable {
    private let sql: any SQLDatabase

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Adds or replaces tags.
    public func set(_ tags: [String: String], on resourceArn: String, accountID: String) async throws {
        for key in tags.keys.sorted() {
            guard let value = tags[key] else { continue }
            try await sql.raw(
                """
                INSERT INTO resource_tags (resource_arn, account_id, tag_key, tag_value)
                VALUES (\(bind: resourceArn), \(bind: accountID), \(bind: key), \(bind: value))
                ON CONFLICT (resource_arn, tag_key) DO UPDATE SET tag_value = \(bind: value)
                """
            ).run()
        }
    }

    /// Removes tags by key.
    public func remove(_ keys: [String], from resourceArn: String, accountID: String) async throws {
        for key in keys {
            try await sql.raw(
                "DELETE FROM resource_tags WHERE resource_arn = \(bind: resourceArn) AND account_id = \(bind: accountID) AND tag_key = \(bind: key)"
            ).run()
        }
    }

    /// A resource's tags.
    public func tags(of resourceArn: String, accountID: String) async throws -> [String: String] {
        let rows = try await sql.raw(
            "SELECT tag_key, tag_value FROM resource_tags WHERE resource_arn = \(bind: resourceArn) AND account_id = \(bind: accountID) ORDER BY tag_key"
        ).all()
        var tags: [String: String] = [:]
        for row in rows {
            tags[try row.decode(column: "tag_key", as: String.self)] = try row.decode(column: "tag_value", as: String.self)
        }
        return tags
    }

    /// Removes every tag of a resource (when it is deleted).
    public func removeAll(from resourceArn: String, accountID: String) async throws {
        try await sql.raw("DELETE FROM resource_tags WHERE resource_arn = \(bind: resourceArn) AND account_id = \(bind: accountID)").run()
    }
}
