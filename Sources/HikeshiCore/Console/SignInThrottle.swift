import Foundation

/// Failed sign-ins of one key (an account and user name, or a client address) and the lock they lead to.
///
/// A key (a user name from one client, a client address, a user name from anywhere) locks for 15 minutes when its
/// failures within 15 minutes reach the key's maximum. While locked, even the right password is refused, so guessing
/// costs the guesser the whole window.
public struct SignInThrottle: Sendable, Hashable {
    /// Failures of one user name allowed in a window before the lock.
    public static let maximumFailures = 5
    /// Failures from one client address allowed in a window before the lock.
    public static let maximumClientFailures = 50
    /// Failures of one user name from anywhere allowed in a window before the lock.
    public static let maximumUserFailures = 100
    /// The window failures are counted in, and the length of the lock.
    public static let window: TimeInterval = 15 * 60

    /// Failures counted in the current window.
    public var failures: Int
    /// When the current window began.
    public var windowStart: Date
    /// Until when the key is locked, if it is.
    public var lockedUntil: Date?

    /// Creates a throttle state.
    public init(failures: Int = 0, windowStart: Date, lockedUntil: Date? = nil) {
        self.failures = failures
        self.windowStart = windowStart
        self.lockedUntil = lockedUntil
    }

    /// Whether the key is locked at `now`.
    public func isLocked(at now: Date) -> Bool {
        lockedUntil.map { now < $0 } ?? false
    }

    /// The state after one more failure at `now`, locking at `maximum` failures in the window.
    public func failing(at now: Date, maximum: Int = SignInThrottle.maximumFailures) -> SignInThrottle {
        var next = self
        if now.timeIntervalSince(windowStart) >= Self.window || isLocked(at: now) == false && lockedUntil != nil {
            next = SignInThrottle(windowStart: now)
        }
        next.failures += 1
        if next.failures >= maximum {
            next.lockedUntil = now.addingTimeInterval(Self.window)
        }
        return next
    }

    /// The state with one failure taken back (a right password after the attempt was counted).
    public func forgiving() -> SignInThrottle {
        var next = self
        next.failures = max(0, failures - 1)
        return next
    }
}
