import Foundation

/// A signed-in browser: the session id's hash (the id itself lives only in the cookie), the user, and the CSRF token
/// every form of the session carries.
public struct ConsoleSession: Sendable, Hashable {
    /// How long a session lives without a request.
    public static let idleTimeout: TimeInterval = 12 * 3600
    /// How long a session lives at most, however busy.
    public static let absoluteTimeout: TimeInterval = 7 * 24 * 3600

    /// SHA-256 of the session id, hex.
    public var idHash: String
    /// The user signed in.
    public var userID: String
    /// The synchronizer token forms and scripts send back.
    public var csrfToken: String
    /// When the user signed in.
    public var createdAt: Date
    /// The last request seen.
    public var lastSeenAt: Date

    /// Creates a session.
    public init(idHash: String, userID: String, csrfToken: String, createdAt: Date, lastSeenAt: Date) {
        self.idHash = idHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }

    /// When the session ends if nothing more happens.
    public var expiresAt: Date {
        min(lastSeenAt.addingTimeInterval(Self.idleTimeout), createdAt.addingTimeInterval(Self.absoluteTimeout))
    }

    /// Whether the session is still good at `now`.
    public func isValid(at now: Date) -> Bool {
        now < expiresAt && now >= createdAt.addingTimeInterval(-300)
    }

    /// Whether `lastSeenAt` is old enough to be worth writing again (at most once a minute per session).
    public func needsTouch(at now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= 60
    }
}
