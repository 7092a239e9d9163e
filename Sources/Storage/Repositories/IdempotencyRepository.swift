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

    /// Runs `create` once per client token, in the caller's transaction.
    ///
    /// Without a token it just runs. A token seen before with the same `requestHash` returns the first
    /// result (and `created` false); the same token with another hash throws `mismatch()`.
    public func once(
        accountID: String,
        operation: String,
        token: String?,
        requestHash: @autoclosure () throws -> String,
        at instant: Date,
        mismatch: () -> any Error,
        create: () async throws -> String
    ) async throws -> (result: String, created: Bool) {
        guard let token else {
            return (try await create(), true)
        }
        // The request's fingerprint is only worth computing when a token makes it matter.
        let hash = try requestHash()
        if let previous = try await entry(accountID: accountID, operation: operation, token: token) {
            guard previous.requestHash == hash else { throw mismatch() }
            return (previous.result, false)
        }
        let result = try await create()
        try await remember(
            accountID: accountID, operation: operation, token: token, entry: Entry(requestHash: hash, result: result), at: instant)
        return (result, true)
    }
}
