import Foundation
import SQLKit

/// Secret tokens for the iCalendar feeds of schedules and rotations.
public struct CalendarFeedRepository: Sendable {
    private let sql: any SQLDatabase

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The feed token of a resource, made with `makeToken` the first time.
    public func token(for resourceArn: String, accountID: String, at instant: Date, makeToken: () -> String) async throws -> String {
        if let row = try await sql.raw(
            "SELECT token FROM calendar_feeds WHERE account_id = \(bind: accountID) AND resource_arn = \(bind: resourceArn)"
        ).first() {
            return try row.decode(column: "token", as: String.self)
        }
        let token = makeToken()
        try await sql.raw(
            """
            INSERT INTO calendar_feeds (token, account_id, resource_arn, created_at)
            VALUES (\(bind: token), \(bind: accountID), \(bind: resourceArn), \(bind: instant.millisecondsSince1970))
            """
        ).run()
        return token
    }

    /// The account and resource of a token.
    public func resource(for token: String) async throws -> (accountID: String, resourceArn: String)? {
        guard let row = try await sql.raw("SELECT account_id, resource_arn FROM calendar_feeds WHERE token = \(bind: token)").first() else {
            return nil
        }
        return (try row.decode(column: "account_id", as: String.self), try row.decode(column: "resource_arn", as: String.self))
    }

    /// Replaces a resource's token (the old URL stops working); returns the new one.
    public func rotate(for resourceArn: String, accountID: String, at instant: Date, makeToken: () -> String) async throws -> String {
        try await sql.raw("DELETE FROM calendar_feeds WHERE account_id = \(bind: accountID) AND resource_arn = \(bind: resourceArn)").run()
        return try await token(for: resourceArn, accountID: accountID, at: instant, makeToken: makeToken)
    }

    /// Removes a resource's feed (when the resource is deleted): its URL stops working for good.
    public func remove(for resourceArn: String, accountID: String) async throws {
        try await sql.raw("DELETE FROM calendar_feeds WHERE account_id = \(bind: accountID) AND resource_arn = \(bind: resourceArn)").run()
    }
}
