import Foundation
import HTTPTypes
import HikeshiCore
import Hummingbird
import Logging
import NIOCore
import Storage

/// Serves `/calendar/<token>.ics`: the shifts of a rotation or an on-call schedule as iCalendar,
/// from a week ago to 90 days ahead. The token is the secret; anyone with the URL can read the feed.
struct CalendarFeed: Sendable {
    let store: any ContactsStore
    let clock: any HikeshiClock
    let logger: Logger

    func register(on router: Router<HikeshiRequestContext>) {
        router.get("/calendar/:token") { _, context in
            let raw = context.parameters.get("token") ?? ""
            let token = raw.hasSuffix(".ics") ? String(raw.dropLast(4)) : raw
            guard let text = try await render(token: token) else {
                return Response(status: .notFound)
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/calendar; charset=utf-8"
            headers[.cacheControl] = "max-age=300"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    func render(token: String) async throws -> String? {
        let now = clock.now()
        let from = now.addingTimeInterval(-7 * 86400)
        let to = now.addingTimeInterval(90 * 86400)
        return try await store.read(logger: logger) { tx -> String? in
            guard let (account, resource) = try await tx.calendarFeeds.resource(for: token) else { return nil }
            let contacts = tx.contacts
            let rotations = tx.rotations
            var rotationArns: [String] = []
            var name = resource
            if let schedule = try await contacts.contact(arn: resource, accountID: account) {
                let plan = schedule.plan
                rotationArns = plan.rotationArns
                name = schedule.displayName ?? schedule.alias
            } else if let rotation = try await rotations.rotation(arn: resource, accountID: account) {
                rotationArns = [rotation.arn]
                name = rotation.name
            } else {
                return nil
            }
            var shifts: [Shift] = []
            var names: [String: String] = [:]
            for arn in rotationArns {
                guard let loaded = try await rotations.shifts(arn: arn, accountID: account, from: from, to: to) else { continue }
                shifts += loaded.shifts
            }
            for member in Set(shifts.flatMap { $0.members + $0.overriddenMembers }) {
                if let contact = try await contacts.contact(arn: member, accountID: account) {
                    names[member] = contact.displayName ?? contact.alias
                }
            }
            return ICalendarFeed.render(
                name: name,
                shifts: shifts.sorted { $0.start < $1.start },
                uidNamespace: resource,
                memberNames: names,
                generatedAt: now
            )
        }
    }
}
