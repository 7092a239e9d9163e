import Foundation
import HikeshiCore

/// An account's access keys as the admin pages see them: never a stored secret, only the one shown at creation.
public protocol ConsoleAccessKeys: Sendable {
    /// The account's keys, oldest first.
    func accessKeys(accountID: String) async throws -> [ConsoleAccessKey]
    /// A new active key; its secret is returned only now.
    func createAccessKey(accountID: String) async throws -> (accessKeyID: String, secret: String)
    /// Activates or deactivates a key of the account; false when the account has no such key.
    func setStatus(_ status: AccessKeyStatus, accessKeyID: String, accountID: String) async throws -> Bool
}

/// One access key, without its secret.
public struct ConsoleAccessKey: Sendable, Equatable {
    /// The key id (`AKIA…`).
    public var accessKeyID: String
    /// Whether it signs requests.
    public var status: AccessKeyStatus
    /// When it was made.
    public var createdAt: Date

    /// Creates a summary.
    public init(accessKeyID: String, status: AccessKeyStatus, createdAt: Date) {
        self.accessKeyID = accessKeyID
        self.status = status
        self.createdAt = createdAt
    }
}
