import Foundation

/// Renders shifts as an RFC 5545 iCalendar feed that calendar apps can subscribe to.
///
/// The output is a `VCALENDAR` (`VERSION:2.0`, `PRODID:-//Hikeshi//On-call//EN`, `CALSCALE:GREGORIAN`,
/// `METHOD:PUBLISH`, `X-WR-CALNAME`) with one `VEVENT` per shift. Times are UTC (`…Z`); TEXT values
/// are escaped; lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character.
/// Each event's `UID` is derived from the namespace, the shift's start, its members and whether it
/// is an override, so refreshing the feed updates events instead of duplicating them.
public enum ICalendarFeed {
    /// The feed's `PRODID`.
    public static let productID = "-//Hikeshi//On-call//EN"

    /// Renders a feed.
    ///
    /// - Parameters:
    ///   - name: The calendar's display name (`X-WR-CALNAME`).
    ///   - shifts: The shifts, one event each, in the given order.
    ///   - uidNamespace: Makes UIDs unique to this feed, e.g. the rotation's ARN; appears after `@`.
    ///   - memberNames: Display names by member id; ids without one are shown as they are.
    ///   - generatedAt: The `DTSTAMP` of every event.
    /// - Returns: The feed, CRLF line endings, ending with a CRLF.
    public static func render(
        name: String,
        shifts: [Shift],
        uidNamespace: String,
        memberNames: [String: String],
        generatedAt: Date
    ) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:\(productID)",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escapeText(name))",
        ]
        for shift in shifts {
            let names = shift.members.map { memberNames[$0] ?? $0 }
            var summary = "On call: " + (names.isEmpty ? "nobody" : names.joined(separator: ", "))
            if shift.isOverridden { summary += " (override)" }
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(escapeText(uid(for: shift, namespace: uidNamespace)))")
            lines.append("DTSTAMP:\(utcStamp(generatedAt))")
            lines.append("DTSTART:\(utcStamp(shift.start))")
            lines.append("DTEND:\(utcStamp(shift.end))")
            lines.append("SUMMARY:\(escapeText(summary))")
            if shift.isOverridden && !shift.overriddenMembers.isEmpty {
                let replaced = shift.overriddenMembers.map { memberNames[$0] ?? $0 }.joined(separator: ", ")
                lines.append("DESCRIPTION:\(escapeText("Replaces: " + replaced))")
            }
            lines.append("TRANSP:TRANSPARENT")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// The stable `UID` of a shift's event: `<start>-<hash of members and kind>@<namespace>`.
    public static func uid(for shift: Shift, namespace: String) -> String {
        let key = ([shift.isOverridden ? "override" : "regular"] + shift.members).joined(separator: "\u{1F}")
        let hash = StableHash.fnv1a64Hex(key.utf8)
        let padded = String(repeating: "0", count: max(0, 16 - hash.count)) + hash
        return "\(utcStamp(shift.start))-\(padded)@\(namespace)"
    }

    /// An instant as an RFC 5545 UTC DATE-TIME, e.g. `20260105T000000Z` (fractions of a second dropped).
    public static func utcStamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CivilCalendar.floorDiv(seconds, 86_400)
        let secondOfDay = seconds - day * 86_400
        let civil = CivilCalendar.civil(fromDayNumber: day)
        return pad(civil.year, 4) + pad(civil.month, 2) + pad(civil.day, 2) + "T"
            + pad(secondOfDay / 3600, 2) + pad(secondOfDay % 3600 / 60, 2) + pad(secondOfDay % 60, 2) + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
