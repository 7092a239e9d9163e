import Foundation

/// How analyses write instants: ISO 8601 in UTC with milliseconds in the document (`2026-11-21T10:00:00.000Z`), and
/// to the second for people (`2026-11-21 10:00:00 UTC`).
enum AnalysisTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    /// The instant in the document's form, rounded to the millisecond.
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let whole = fraction < 0 ? seconds - 1 : seconds
        let parts = fields(Date(timeIntervalSince1970: TimeInterval(whole)))
        return parts.date + "T" + parts.time + "." + padded(Int(fraction < 0 ? fraction + 1000 : fraction), 3) + "Z"
    }

    /// The instant for people, to the second.
    static func display(_ date: Date) -> String {
        let parts = fields(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
        return parts.date + " " + parts.time + " UTC"
    }

    /// An instant in the document's form (with or without the milliseconds); nil for other text.
    static func date(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }

    private static func fields(_ date: Date) -> (date: String, time: String) {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = padded(parts.year ?? 0, 4) + "-" + padded(parts.month ?? 0, 2) + "-" + padded(parts.day ?? 0, 2)
        let time = padded(parts.hour ?? 0, 2) + ":" + padded(parts.minute ?? 0, 2) + ":" + padded(parts.second ?? 0, 2)
        return (day, time)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
