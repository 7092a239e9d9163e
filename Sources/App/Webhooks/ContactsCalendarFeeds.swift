import Console
import Foundation
import HikeshiCore
import Logging
import Storage

/// Calendar feed URLs for the console, from the same tokens as `hikeshi admin calendar-feed` and served by
/// ``CalendarFeed``.
struct ContactsCalendarFeeds: ConsoleCalendarFeeds {
    let store: any ContactsStore
    let clock: any HikeshiClock
    let publicURL: String

    func feedURL(accountID: String, resourceArn: String, logger: Logger) async throws -> String? {
        let now = clock.now()
        let token = try await store.write(logger: logger) { tx -> String? in
            let schedule = try await tx.contacts.contact(arn: resourceArn, accountID: accountID)?.type == .oncallSchedule
            let rotation = try await tx.rotations.rotation(arn: resourceArn, accountID: accountID) != nil
            guard schedule || rotation else { return nil }
            return try await tx.calendarFeeds.token(
                for: resourceArn, accountID: accountID, at: now, makeToken: { RandomToken.secretAccessKey().filter { $0.isLetter || $0.isNumber } })
        }
        return token.map { "\(publicURL)/calendar/\($0).ics" }
    }
}
