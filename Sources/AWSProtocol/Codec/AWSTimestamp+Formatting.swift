import Foundation
import HikeshiCore

extension AWSTimestamp {
    /// `2026-12-06T10:15:00.123Z`: UTC with milliseconds (rounded to the nearest), as AWS Support writes instants.
    ///
    /// Written from the civil date (a format style per timestamp cost a few percent of a DescribeCases); years outside
    /// 1583–9999 (before the Gregorian calendar, where Foundation's calendars may differ, or past four digits) take
    /// Foundation's formatter.
    public static func iso8601Milliseconds(_ date: Date) -> String {
        // Stored instants are whole milliseconds; round so binary fractions never show the millisecond before.
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let fraction = Int(millis - seconds * 1000)
        let utc = utcFields(wholeSeconds: Int(seconds))
        guard (1583...9999).contains(utc.year) else {
            let whole = Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(Date.ISO8601FormatStyle())
            return String(whole.dropLast()) + "." + pad(fraction, 3) + "Z"
        }
        // The 24 bytes written in place: joining padded strings cost five times as much (DescribeCases writes 120).
        return String(unsafeUninitializedCapacity: 24) { bytes in
            var index = 0
            func digits(_ value: Int, _ width: Int) {
                var rest = value
                for position in (index..<index + width).reversed() {
                    bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                index += width
            }
            func mark(_ character: Unicode.Scalar) {
                bytes[index] = UInt8(ascii: character)
                index += 1
            }
            digits(utc.year, 4)
            mark("-")
            digits(utc.month, 2)
            mark("-")
            digits(utc.day, 2)
            mark("T")
            digits(utc.secondOfDay / 3600, 2)
            mark(":")
            digits(utc.secondOfDay % 3600 / 60, 2)
            mark(":")
            digits(utc.secondOfDay % 60, 2)
            mark(".")
            digits(fraction, 3)
            mark("Z")
            return index
        }
    }

    /// The UTC civil date and second of the day of a whole number of seconds since the epoch.
    static func utcFields(wholeSeconds total: Int) -> (year: Int, month: Int, day: Int, secondOfDay: Int) {
        let days = CivilCalendar.floorDiv(total, CivilCalendar.secondsPerDay)
        let (year, month, day) = CivilCalendar.civil(fromDayNumber: days)
        return (year, month, day, total - days * CivilCalendar.secondsPerDay)
    }

    /// `value` in decimal, zero-padded to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
