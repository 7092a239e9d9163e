import Foundation
import HikeshiCore
import SQLKit

/// Console sessions, by the hash of their id: they survive a restart and are shared by every node on one database.
public struct ConsoleSessionRepository: Sendable {
    private let sql: any SQLDatabase

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a session.
    public func insert(_ session: ConsoleSession) async throws {
        try await sql.raw(
            """
            INSERT INTO console_sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
            VALUES (\(bind: session.idHash), \(bind: session.userID), \(bind: session.csrfToken), \(bind: session.createdAt.millisecondsSince1970),
                    \(bind: session.lastSeenAt.millisecondsSince1970), \(bind: session.expiresAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The session whose id hashes to `idHash`.
    public func session(idHash: String) async throws -> ConsoleSession? {
        try await sql.raw(
            "SELECT id_hash, user_id, csrf_token, created_at, last_seen_at FROM console_sessions WHERE id_hash = \(bind: idHash)"
        ).first().map { row in
            ConsoleSession(
                idHash: try row.decode(column: "id_hash", as: String.self),
                userID: try row.decode(column: "user_id", as: String.self),
                csrfToken: try row.decode(column: "csrf_token", as: String.self),
                createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
                lastSeenAt: Date(millisecondsSince1970: try row.decode(column: "last_seen_at", as: Int64.self))
            )
        }
    }

    /// Records a request on the session, moving its idle end.
    public func touch(_ session: ConsoleSession) async throws {
        try await sql.raw(
            """
            UPDATE console_sessions SET last_seen_at = \(bind: session.lastSeenAt.millisecondsSince1970),
                expires_at = \(bind: session.expiresAt.millisecondsSince1970) WHERE id_hash = \(bind: session.idHash)
            """
        ).run()
    }

    /// Ends one session.
    public func delete(idHash: String) async throws {
        try await sql.raw("DELETE FROM console_sessions WHERE id_hash = \(bind: idHash)").run()
    }

    /// Ends every session of a user (password changed, user disabled), but `keeping` one if given.
    public func deleteAll(userID: String, keeping idHash: String? = nil) async throws {
        try await sql.raw(
            "DELETE FROM console_sessions WHERE user_id = \(bind: userID) AND id_hash <> \(bind: idHash ?? "")"
        ).run()
    }

    /// Removes sessions that ended before `instant`.
    public func purge(expiredBefore instant: Date) async throws {
        try await sql.raw("DELETE FROM console_sessions WHERE expires_at < \(bind: instant.millisecondsSince1970)").run()
    }
}
