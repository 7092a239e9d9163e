import Foundation
import HikeshiCore

/// Reads RFC 3339 / ISO 8601 timestamps as monitoring systems write them: `2019-10-02T17:04:40Z`,
/// `2021-10-12T09:51:03.157076+02:00` (any number of fractional digits), `2014-06-13T13:24:31.179+0000`
/// (CloudWatch's offset without a colon). Parsed by hand: no formatter, no locale, no shared state.
enum ISO8601Timestamp {
    /// The instant written, or `nil` when the text is not such a timestamp.
    static func date(from text: String) -> Date? {
        let bytes = Array(text.utf8)
        var reader = Reader(bytes: bytes)
        guard let year = reader.digits(4), reader.skip("-"), let month = reader.digits(2), reader.skip("-"),
            let day = reader.digits(2)
        else { return nil }
        guard reader.skip("T") || reader.skip("t") || reader.skip(" ") else { return nil }
        guard let hour = reader.digits(2), reader.skip(":"), let minute = reader.digits(2), reader.skip(":"),
            let second = reader.digits(2)
        else { return nil }
        var fraction = 0.0
        if reader.skip(".") || reader.skip(",") {
            var numerator = 0
            var denominator = 1
            var count = 0
            while let digit = reader.digit() {
                if count < 9 {
                    numerator = numerator * 10 + digit
                    denominator *= 10
                }
                count += 1
            }
            guard count > 0 else { return nil }
            fraction = Double(numerator) / Double(denominator)
        }
        let offset: Int
        if reader.skip("Z") || reader.skip("z") {
            offset = 0
        } else if let sign = reader.sign() {
            guard let hours = reader.digits(2) else { return nil }
            var minutes = 0
            if reader.skip(":") {
                guard let value = reader.digits(2) else { return nil }
                minutes = value
            } else if let value = reader.digits(2) {
                minutes = value
            }
            guard hours < 24, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard reader.atEnd else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month), hour < 24, minute < 60, second <= 60
        else { return nil }
        let days = CivilCalendar.dayNumber(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Whether the instant falls on 0001-01-01 UTC: Go's zero time (`0001-01-01T00:00:00Z`), which Alertmanager and
    /// Grafana send for "not ended".
    static func isZeroTime(_ date: Date) -> Bool {
        date.timeIntervalSince1970 < -62_135_596_800 + 86_400
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        var atEnd: Bool { position == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }

        mutating func digit() -> Int? {
            guard position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") else {
                return nil
            }
            defer { position += 1 }
            return Int(bytes[position] - UInt8(ascii: "0"))
        }

        mutating func digits(_ count: Int) -> Int? {
            let start = position
            var value = 0
            for _ in 0..<count {
                guard let next = digit() else {
                    position = start
                    return nil
                }
                value = value * 10 + next
            }
            return value
        }

        mutating func sign() -> Int? {
            if skip("+") { return 1 }
            if skip("-") { return -1 }
            return nil
        }
    }
}
