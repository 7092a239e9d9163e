import Foundation
import HikeshiCore

/// The two date forms SigV4 meets: ISO 8601 basic (`20240517T093000Z`, the form signed) and the
/// RFC 1123 `Date` header (`Fri, 17 May 2024 09:30:00 GMT`). Parsed and printed by hand, in UTC.
enum SigV4Timestamp {
    /// Parses `yyyyMMdd'T'HHmmss'Z'` strictly.
    static func parseBasic(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        guard
            let year = number(bytes[0..<4]), let month = number(bytes[4..<6]), let day = number(bytes[6..<8]),
            let hour = number(bytes[9..<11]), let minute = number(bytes[11..<13]), let second = number(bytes[13..<15])
        else { return nil }
        return date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: 0)
    }

    /// Parses an RFC 1123 / RFC 5322 date such as `Fri, 17 May 2024 09:30:00 GMT` or `... -0000`.
    static func parseHTTPDate(_ text: String) -> Date? {
        var rest = Substring(text).trimmingCharacters(in: .whitespaces)[...]
        if let comma = rest.firstIndex(of: ",") {
            rest = rest[rest.index(after: comma)...]
        }
        let parts = rest.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 5 else { return nil }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard
            let day = number(Array(parts[0].utf8)[...]),
            let monthIndex = months.firstIndex(of: parts[1].lowercased()),
            let year = number(Array(parts[2].utf8)[...]), parts[2].utf8.count == 4
        else { return nil }
        let clock = parts[3].split(separator: ":", omittingEmptySubsequences: false)
        guard
            clock.count == 3, clock.allSatisfy({ $0.utf8.count == 2 }),
            let hour = number(Array(clock[0].utf8)[...]), let minute = number(Array(clock[1].utf8)[...]),
            let second = number(Array(clock[2].utf8)[...]),
            let offset = zoneOffset(parts[4])
        else { return nil }
        return date(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    /// Prints `yyyyMMdd'T'HHmmss'Z'` (whole seconds, rounded down).
    static func formatBasic(_ date: Date) -> String {
        let utc = AWSTimestamp.utcFields(wholeSeconds: Int(date.timeIntervalSince1970.rounded(.down)))
        let pad = AWSTimestamp.pad
        return pad(utc.year, 4) + pad(utc.month, 2) + pad(utc.day, 2) + "T" + pad(utc.secondOfDay / 3600, 2)
            + pad(utc.secondOfDay % 3600 / 60, 2) + pad(utc.secondOfDay % 60, 2) + "Z"
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func zoneOffset(_ zone: Substring) -> Int? {
        switch zone.uppercased() {
        case "GMT", "UTC", "UT", "Z": return 0
        default:
            let bytes = Array(zone.utf8)
            guard bytes.count == 5, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
                let hours = number(bytes[1..<3]), let minutes = number(bytes[3..<5]), minutes < 60
            else { return nil }
            let seconds = hours * 3600 + minutes * 60
            return bytes[0] == UInt8(ascii: "-") ? -seconds : seconds
        }
    }

    private static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int) -> Date? {
        guard (1...12).contains(month), (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let days = CivilCalendar.dayNumber(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

}
