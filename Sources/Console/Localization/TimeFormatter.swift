import Foundation
import HikeshiCore

/// Dates, times and durations in the viewer's language and time zone, always with the zone named (an IANA id or a UTC
/// offset, never an abbreviation alone).
struct TimeFormatter: Sendable {
    /// The viewer's language.
    let language: SupportLanguage
    /// The viewer's zone.
    let timeZone: TimeZone

    /// The styles, made once per request: building a locale and a style costs more than formatting with them.
    private let dateTimeStyle: Date.FormatStyle
    private let timeStyle: Date.FormatStyle
    private let dateStyle: Date.FormatStyle
    private let machineStyle = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .gmt)
    private let hoursMinutes: Duration.UnitsFormatStyle
    private let daysHours: Duration.UnitsFormatStyle
    private let minutesOnly: Duration.UnitsFormatStyle

    /// Creates a formatter; an unknown zone id gives UTC.
    init(language: SupportLanguage, timeZoneID: String?) {
        self.language = language
        let zone = timeZoneID.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC") ?? .current
        self.timeZone = zone
        let locale = Locale(identifier: language.localeIdentifier)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.locale = locale
        dateTimeStyle = Date.FormatStyle(date: .abbreviated, time: .shortened, locale: locale, calendar: calendar, timeZone: zone)
        timeStyle = Date.FormatStyle(date: .omitted, time: .standard, locale: locale, calendar: calendar, timeZone: zone)
        dateStyle = Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: calendar, timeZone: zone)
        hoursMinutes = .units(allowed: [.hours, .minutes], width: .abbreviated, zeroValueUnits: .hide).locale(locale)
        daysHours = .units(allowed: [.days, .hours], width: .abbreviated, zeroValueUnits: .hide).locale(locale)
        minutesOnly = .units(allowed: [.minutes], width: .abbreviated, zeroValueUnits: .show(length: 1)).locale(locale)
    }

    /// "UTC+09:00" for the zone at `instant` (DST-correct).
    func offset(at instant: Date) -> String {
        let seconds = timeZone.secondsFromGMT(for: instant)
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return String(format: "UTC%@%02d:%02d", sign, minutes / 60, minutes % 60)
    }

    /// The zone as shown beside times: "Asia/Tokyo (UTC+09:00)".
    func zoneName(at instant: Date) -> String {
        "\(timeZone.identifier == "GMT" ? "UTC" : timeZone.identifier) (\(offset(at: instant)))"
    }

    /// Date and time, e.g. "2026年11月18日 20:06".
    func dateTime(_ instant: Date) -> String {
        dateTimeStyle.format(instant)
    }

    /// Time with seconds, e.g. "20:06:04".
    func time(_ instant: Date) -> String {
        timeStyle.format(instant)
    }

    /// The full date, e.g. "2026年11月18日".
    func date(_ instant: Date) -> String {
        dateStyle.format(instant)
    }

    /// The machine form for `<time datetime>`: UTC, seconds.
    func machine(_ instant: Date) -> String {
        machineStyle.format(instant)
    }

    /// The tooltip of a time: full date and time with the zone named.
    func title(_ instant: Date) -> String {
        "\(dateTime(instant)) — \(zoneName(at: instant))"
    }

    /// A duration in words, e.g. "1 hr, 30 min" / "1時間 30分"; under a minute says "0 min".
    func duration(_ seconds: TimeInterval) -> String {
        let whole = max(0, Int(seconds) / 60 * 60)
        let duration = Duration.seconds(whole)
        return (whole >= 86400 ? daysHours : hoursMinutes).format(duration).ifEmpty(minutesOnly.format(duration))
    }

}

extension String {
    /// The string, or `other` when it is empty.
    fileprivate func ifEmpty(_ other: @autoclosure () -> String) -> String { isEmpty ? other() : self }
}
