import Foundation
import SQLKit

/// Results of idempotent calls by client token, so that a retried call returns the first result.
public struct IdempotencyRepository: Sendable {
    /// A remembered call.
    public struct Entry: Sendable, Equatable {
        /// A hash of the request that used the token.
        public var requestHash: String
        /// The remembered result (e.g. the ARN created).
        public var result: String

        /// Creates an entry.
        public init(requestHash: String, result: String) {
            self.requestHash = requestHash
            self.result = result
        }
    }

    private let sql: any SQLDatabase

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The entry for a token, if the token was used.
    public func entry(accountID: String, operation: String, token: String) async throws -> Entry? {
        try await sql.raw(
            """
            SELECT request_hash, result FROM idempotency_tokens
            WHERE account_id = \(bind: accountID) AND operation = \(bind: operation) AND token = \(bind: token)
            """
        ).first().map { row in
            Entry(requestHash: try row.decode(column: "request_hash", as: String.self), result: try row.decode(column: "result", as: String.self))
        }
    }

    /// Remembers a token's request and result.
    public func remember(accountID: String, operation: String, token: String, entry: Entry, at instant: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO idempotency_tokens (account_id, operation, token, request_hash, result, created_at)
            VALUES (\(bind: accountID), \(bind: operation), \(bind: token), \(bind: entry.requestHash), \(bind: entry.result),
                    \(bind: instant.millisecondsSince1970))
            """
        ).run()
    }
}
