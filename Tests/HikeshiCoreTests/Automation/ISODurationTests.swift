import Foundation
import HikeshiCore
import Testing

@Suite("ISODuration: aws:sleep's durations and times")
struct ISODurationTests {
    @Test(
        "durations of weeks, days, hours, minutes and seconds are read as seconds",
        arguments: [
            ("PT10M", 600.0), ("PT30S", 30), ("PT1H", 3_600), ("P1D", 86_400), ("P1W", 604_800), ("P1DT2H", 93_600),
            ("P1DT1H1M1S", 90_061), ("PT1.5S", 1.5), ("PT0S", 0), ("pt10m", 600), ("P6DT23H59M59S", 604_799), ("PT90M", 5_400),
        ])
    func seconds(text: String, seconds: Double) {
        #expect(ISODuration.seconds(text) == seconds)
    }

    @Test(
        "text that is not such a duration is nil",
        arguments: [
            "", "P", "PT", "10M", "T10M", "PT10", "P1M", "P1Y", "P1H", "PT1D", "PT1W", "P1.2.3D", "PTT1H", "P1DTT1H", "P-1D", "PT1H 30M", "PT-5S",
            "P T1H",
        ])
    func notDurations(text: String) {
        #expect(ISODuration.seconds(text) == nil)
    }

    @Test("times with a zone are read, fractions allowed; times without a zone are not")
    func timestamps() throws {
        let utc = try #require(ISODuration.timestamp("2030-03-17T17:46:40Z"))
        #expect(utc == Date(timeIntervalSince1970: 1_900_000_000))
        #expect(ISODuration.timestamp("2030-03-17T19:46:40+02:00") == utc)
        #expect(ISODuration.timestamp("2030-03-17T17:46:40.500Z") == utc.addingTimeInterval(0.5))
        for text in ["2030-03-17T17:46:40", "2030-03-17", "17:46:40Z", "tomorrow", ""] {
            #expect(ISODuration.timestamp(text) == nil, "\(text)")
        }
    }
}
