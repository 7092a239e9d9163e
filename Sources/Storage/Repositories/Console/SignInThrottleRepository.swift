import Foundation
import HikeshiCore
import SQLKit

/// Failed sign-ins per key (account and user name, or client address).
public struct SignInThrottleRepository: Sendable {
    private let sql: any SQLDatabase

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The state of a key, if it has failed recently.
    public func throttle(key: String) async throws -> SignInThrottle? {
        try await sql.raw("SELECT failures, window_start, locked_until FROM console_signin_throttle WHERE throttle_key = \(bind: key)")
            .first().map { row in
                SignInThrottle(
                    failures: Int(try row.decode(column: "failures", as: Int64.self)),
                    windowStart: Date(millisecondsSince1970: try row.decode(column: "window_start", as: Int64.self)),
                    lockedUntil: try row.decode(column: "locked_until", as: Int64?.self).map(Date.init(millisecondsSince1970:))
                )
            }
    }

    /// Saves a key's state.
    public func save(_ throttle: SignInThrottle, key: String) async throws {
        try await sql.raw("DELETE FROM console_signin_throttle WHERE throttle_key = \(bind: key)").run()
        try await sql.raw(
            """
            INSERT INTO console_signin_throttle (throttle_key, failures, window_start, locked_until)
            VALUES (\(bind: key), \(bind: Int64(throttle.failures)), \(bind: throttle.windowStart.millisecondsSince1970),
                    \(bind: throttle.lockedUntil?.millisecondsSince1970))
            """
        ).run()
    }

    /// Forgets a key's failures (after a successful sign-in).
    public func clear(key: String) async throws {
        try await sql.raw("DELETE FROM console_signin_throttle WHERE throttle_key = \(bind: key)").run()
    }
}
