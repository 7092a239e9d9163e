import Foundation
import HikeshiCore
import SQLKit

/// Console users.
public struct ConsoleUserRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = """
        user_id, account_id, user_name, password_hash, role, language, time_zone, theme, contact_arn, agent_id, disabled,
        must_change_password, created_at, updated_at
        """

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a user; ``StorageError/Kind/conflict`` if the account already has the name.
    public func insert(_ user: ConsoleUser) async throws {
        try await sql.raw(
            """
            INSERT INTO console_users (\(unsafeRaw: Self.columns))
            VALUES (\(bind: user.userID), \(bind: user.accountID), \(bind: user.userName), \(bind: user.passwordHash),
                    \(bind: user.role.rawValue), \(bind: user.language?.rawValue), \(bind: user.timeZone), \(bind: user.theme.rawValue),
                    \(bind: user.contactArn), \(bind: user.agentID), \(bind: user.disabled ? 1 : 0), \(bind: user.mustChangePassword ? 1 : 0),
                    \(bind: user.createdAt.millisecondsSince1970), \(bind: user.updatedAt.millisecondsSince1970))
            """
        ).run()
    }

    /// Writes every changeable field of a user back.
    public func update(_ user: ConsoleUser) async throws {
        try await sql.raw(
            """
            UPDATE console_users SET password_hash = \(bind: user.passwordHash), role = \(bind: user.role.rawValue),
                language = \(bind: user.language?.rawValue), time_zone = \(bind: user.timeZone), theme = \(bind: user.theme.rawValue),
                contact_arn = \(bind: user.contactArn), agent_id = \(bind: user.agentID), disabled = \(bind: user.disabled ? 1 : 0),
                must_change_password = \(bind: user.mustChangePassword ? 1 : 0), updated_at = \(bind: user.updatedAt.millisecondsSince1970)
            WHERE user_id = \(bind: user.userID)
            """
        ).run()
    }

    /// The user with this id.
    public func user(id userID: String) async throws -> ConsoleUser? {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM console_users WHERE user_id = \(bind: userID)").first().map(Self.user)
    }

    /// The user of an account with this name.
    public func user(accountID: String, userName: String) async throws -> ConsoleUser? {
        try await sql.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM console_users WHERE account_id = \(bind: accountID) AND user_name = \(bind: userName)"
        ).first().map(Self.user)
    }

    /// Every user of an account, by name.
    public func users(accountID: String) async throws -> [ConsoleUser] {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM console_users WHERE account_id = \(bind: accountID) ORDER BY user_name")
            .all().map(Self.user)
    }

    private static func user(_ row: any SQLRow) throws -> ConsoleUser {
        ConsoleUser(
            userID: try row.decode(column: "user_id", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            userName: try row.decode(column: "user_name", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            role: try StoredValue.decode(ConsoleRole.self, row, column: "role"),
            language: try StoredValue.decodeIfPresent(SupportLanguage.self, row, column: "language"),
            timeZone: try row.decode(column: "time_zone", as: String?.self),
            theme: try StoredValue.decode(ConsoleTheme.self, row, column: "theme"),
            contactArn: try row.decode(column: "contact_arn", as: String?.self),
            agentID: try row.decode(column: "agent_id", as: String?.self),
            disabled: try flag(row, "disabled"),
            mustChangePassword: try flag(row, "must_change_password"),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }

    private static func flag(_ row: any SQLRow, _ column: String) throws -> Bool {
        switch try row.decode(column: column, as: Int64.self) {
        case 0: return false
        case 1: return true
        default: throw StorageError(.corrupt, "\(column) holds a value that is not 0 or 1")
        }
    }
}
