import AWSProtocol
import Foundation
import SSMContactsModel
import Testing

@Suite("Timestamps on the wire")
struct AWSTimestampTests {
    private static func decode(startTime: String) throws -> SSMContacts.ListRotationShiftsRequest {
        let json = #"{"RotationId": "arn:aws:ssm-contacts:us-east-1:111122223333:rotation/r", "StartTime": \#(startTime), "EndTime": 1800000000}"#
        return try AWSInput(body: Data(json.utf8)).decode(SSMContacts.ListRotationShiftsRequest.self)
    }

    @Test(arguments: [
        "1e300", "-1e300", "-1e18", "1e18", "-9223372036854775808", "9223372036854775807", #""NaN""#, #""Infinity""#, #""-inf""#,
        #""1e300""#, "253402300800", "-62135596801",
    ])
    func outOfRangeIsAValidationErrorNamingTheMember(_ value: String) throws {
        let error = try #require(throws: AWSValidationError.self) { try Self.decode(startTime: value) }
        #expect(error.awsError.code == "ValidationException")
        #expect(error.violations.map(\.path.description) == ["StartTime"])
        #expect(error.violations.first?.constraint == AWSTimestamp.constraint)
    }

    @Test func theEdgesOfTheRangeAreTimes() throws {
        #expect(try Self.decode(startTime: "-62135596800").startTime == Date(timeIntervalSince1970: AWSTimestamp.earliest))
        #expect(try Self.decode(startTime: "253402300799").startTime == Date(timeIntervalSince1970: 253_402_300_799))
        #expect(try Self.decode(startTime: #""9999-12-31T23:59:59Z""#).startTime == Date(timeIntervalSince1970: 253_402_300_799))
        #expect(try Self.decode(startTime: "1700000000.5").startTime == Date(timeIntervalSince1970: 1_700_000_000.5))
    }

    @Test func anISOTimeBeforeYearOneIsRefused() throws {
        let error = try #require(throws: AWSValidationError.self) { try Self.decode(startTime: #""0000-06-01T00:00:00Z""#) }
        #expect(error.violations.map(\.path.description) == ["StartTime"])
    }

    @Test func conversionRefusesWhatIsNotFiniteOrOutOfRange() {
        #expect(AWSTimestamp.date(epochSeconds: .nan) == nil)
        #expect(AWSTimestamp.date(epochSeconds: .infinity) == nil)
        #expect(AWSTimestamp.date(epochSeconds: AWSTimestamp.latest.nextUp) == nil)
        #expect(AWSTimestamp.date(epochSeconds: AWSTimestamp.earliest.nextDown) == nil)
        #expect(AWSTimestamp.date(epochSeconds: 0) == Date(timeIntervalSince1970: 0))
    }

    /// Support's instants (`2026-12-06T10:15:00.123Z`): the whole second as Foundation's ISO 8601 style writes it, and
    /// the stored millisecond (Foundation would truncate the binary fraction, showing `.998` for a stored `.999`),
    /// across the written range: epoch, leap days, the turn of years and centuries, times before 1970, far years.
    @Test func supportInstantsAgreeWithFoundation() {
        var instants: [Int64] = [0, -1, 999, 1_000, -1_001, 951_782_400_000, 4_107_542_399_999, -11_644_473_600_000, 253_402_300_799_999]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            instants.append(Int64.random(in: -12_000_000_000_000...253_402_300_799_999, using: &generator))
        }
        for millis in instants {
            let (seconds, fraction) = (millis.quotientAndRemainder(dividingBy: 1000))
            let whole = fraction < 0 ? seconds - 1 : seconds
            let expected =
                Date(timeIntervalSince1970: TimeInterval(whole)).formatted(Date.ISO8601FormatStyle()).dropLast() + "."
                + String(format: "%03d", (fraction + 1000) % 1000) + "Z"
            let date = Date(timeIntervalSince1970: TimeInterval(millis) / 1000)
            #expect(AWSTimestamp.iso8601Milliseconds(date) == expected, "\(millis) ms")
        }
    }
}
