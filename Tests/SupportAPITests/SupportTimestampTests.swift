import Foundation
import Testing

@testable import SupportAPI

@Suite("Support timestamps")
struct SupportTimestampTests {
    /// What the written-out formatter must match: Foundation's ISO 8601 with the milliseconds added.
    private static func reference(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(Date.ISO8601FormatStyle())
        let fraction = millis - seconds * 1000
        return String(whole.dropLast()) + "." + String(String(fraction + 1000).dropFirst()) + "Z"
    }

    @Test("fixed instants: epoch, leap day, before 1970, rounding to the millisecond")
    func fixed() {
        #expect(SupportHandler.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(SupportHandler.timestamp(Date(timeIntervalSince1970: 1_709_164_799.999)) == "2024-02-28T23:59:59.999Z")
        #expect(SupportHandler.timestamp(Date(timeIntervalSince1970: 1_709_164_800.5)) == "2024-02-29T00:00:00.500Z")
        #expect(SupportHandler.timestamp(Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
        #expect(SupportHandler.timestamp(Date(timeIntervalSince1970: 1_795_000_000.0004)) == "2026-11-18T11:06:40.000Z")
    }

    @Test("agrees with Foundation's formatter from 1900 to 2400")
    func agreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let millis = Int64.random(in: -2_208_988_800_000...13_569_465_600_000, using: &generator)
            let date = Date(timeIntervalSince1970: TimeInterval(millis) / 1000)
            #expect(SupportHandler.timestamp(date) == Self.reference(date))
        }
    }
}
