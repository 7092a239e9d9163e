import Logging

/// The secret iCalendar feed URLs of rotations and on-call schedules (the same feeds `hikeshi admin calendar-feed`
/// prints), for "my on-call": a member of a rotation may subscribe to it.
public protocol ConsoleCalendarFeeds: Sendable {
    /// The feed URL of a rotation or on-call schedule of the account, made on first use; nil when the account has no
    /// such resource.
    func feedURL(accountID: String, resourceArn: String, logger: Logger) async throws -> String?
}
