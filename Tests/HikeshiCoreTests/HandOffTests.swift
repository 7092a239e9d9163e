import Foundation
import HikeshiCore
import Testing

/// Hand-off instants, multipliers, member order, monthly clamping and DST, with exact instants.
@Suite("Hand-offs")
struct HandOffTests {
    static let cases: [ShiftCase] = [
        ShiftCase(
            name: "daily 09:00 Asia/Tokyo, start on a hand-off",
            rotation: rotation(.daily([at(9)]), start: "2026-01-05T00:00", zone: "Asia/Tokyo"),
            from: "2026-01-05T00:00", to: "2026-01-09T00:00",
            expected: [
                shift("2026-01-05T00:00", "2026-01-06T00:00", "a"),
                shift("2026-01-06T00:00", "2026-01-07T00:00", "b"),
                shift("2026-01-07T00:00", "2026-01-08T00:00", "c"),
                shift("2026-01-08T00:00", "2026-01-09T00:00", "a"),
            ]
        ),
        ShiftCase(
            name: "daily 09:00 and 21:00 UTC, start between hand-offs",
            rotation: rotation(.daily([at(21), at(9)]), start: "2026-01-01T00:00"),
            from: "2026-01-01T00:00", to: "2026-01-02T12:00",
            expected: [
                shift("2026-01-01T00:00", "2026-01-01T09:00", "a"),
                shift("2026-01-01T09:00", "2026-01-01T21:00", "b"),
                shift("2026-01-01T21:00", "2026-01-02T09:00", "c"),
                shift("2026-01-02T09:00", "2026-01-02T21:00", "a"),
            ]
        ),
        ShiftCase(
            name: "duplicate daily times count once",
            rotation: rotation(.daily([at(9), at(9)]), start: "2026-01-01T09:00"),
            from: "2026-01-01T09:00", to: "2026-01-03T09:00",
            expected: [
                shift("2026-01-01T09:00", "2026-01-02T09:00", "a"),
                shift("2026-01-02T09:00", "2026-01-03T09:00", "b"),
            ]
        ),
        ShiftCase(
            name: "weekly Monday 09:00 Asia/Tokyo (README example), start on a Thursday",
            rotation: rotation(.weekly([WeeklyHandOff(dayOfWeek: .mon, handOffTime: at(9))]), start: "2026-01-01T00:00", zone: "Asia/Tokyo"),
            from: "2026-01-01T00:00", to: "2026-01-19T00:00",
            expected: [
                shift("2026-01-01T00:00", "2026-01-05T00:00", "a"),
                shift("2026-01-05T00:00", "2026-01-12T00:00", "b"),
                shift("2026-01-12T00:00", "2026-01-19T00:00", "c"),
            ]
        ),
        ShiftCase(
            name: "weekly Monday and Thursday 18:30 Europe/London",
            rotation: rotation(
                .weekly([
                    WeeklyHandOff(dayOfWeek: .thu, handOffTime: at(18, 30)),
                    WeeklyHandOff(dayOfWeek: .mon, handOffTime: at(18, 30)),
                ]),
                start: "2026-01-05T18:30",
                zone: "Europe/London"
            ),
            from: "2026-01-05T18:30", to: "2026-01-15T18:30",
            expected: [
                shift("2026-01-05T18:30", "2026-01-08T18:30", "a"),
                shift("2026-01-08T18:30", "2026-01-12T18:30", "b"),
                shift("2026-01-12T18:30", "2026-01-15T18:30", "c"),
            ]
        ),
        ShiftCase(
            name: "weekly Monday 09:00 Tokyo, multiplier 2: two-week shifts",
            rotation: rotation(
                .weekly([WeeklyHandOff(dayOfWeek: .mon, handOffTime: at(9))]),
                start: "2026-01-05T00:00",
                zone: "Asia/Tokyo",
                multiplier: 2
            ),
            from: "2026-01-05T00:00", to: "2026-02-16T00:00",
            expected: [
                shift("2026-01-05T00:00", "2026-01-19T00:00", "a"),
                shift("2026-01-19T00:00", "2026-02-02T00:00", "b"),
                shift("2026-02-02T00:00", "2026-02-16T00:00", "c"),
            ]
        ),
        ShiftCase(
            name: "daily 09:00 UTC, multiplier 3, start mid-day",
            rotation: rotation(.daily([at(9)]), start: "2026-01-01T12:00", multiplier: 3),
            from: "2026-01-01T12:00", to: "2026-01-10T09:00",
            expected: [
                shift("2026-01-01T12:00", "2026-01-04T09:00", "a"),
                shift("2026-01-04T09:00", "2026-01-07T09:00", "b"),
                shift("2026-01-07T09:00", "2026-01-10T09:00", "c"),
            ]
        ),
        ShiftCase(
            name: "daily 08:00 and 20:00, multiplier 3: hand-offs alternate between the times",
            rotation: rotation(.daily([at(8), at(20)]), start: "2026-01-01T08:00", multiplier: 3),
            from: "2026-01-01T08:00", to: "2026-01-04T08:00",
            expected: [
                shift("2026-01-01T08:00", "2026-01-02T20:00", "a"),
                shift("2026-01-02T20:00", "2026-01-04T08:00", "b"),
            ]
        ),
        ShiftCase(
            name: "two on call out of five, rotating",
            rotation: rotation(.daily([at(9)]), members: ["a", "b", "c", "d", "e"], start: "2026-01-01T09:00", onCalls: 2),
            from: "2026-01-01T09:00", to: "2026-01-07T09:00",
            expected: [
                shift("2026-01-01T09:00", "2026-01-02T09:00", "a,b"),
                shift("2026-01-02T09:00", "2026-01-03T09:00", "c,d"),
                shift("2026-01-03T09:00", "2026-01-04T09:00", "e,a"),
                shift("2026-01-04T09:00", "2026-01-05T09:00", "b,c"),
                shift("2026-01-05T09:00", "2026-01-06T09:00", "d,e"),
                shift("2026-01-06T09:00", "2026-01-07T09:00", "a,b"),
            ]
        ),
        ShiftCase(
            name: "everyone on call",
            rotation: rotation(.daily([at(9)]), members: ["a", "b"], start: "2026-01-01T09:00", onCalls: 2),
            from: "2026-01-01T09:00", to: "2026-01-03T09:00",
            expected: [
                shift("2026-01-01T09:00", "2026-01-02T09:00", "a,b"),
                shift("2026-01-02T09:00", "2026-01-03T09:00", "a,b"),
            ]
        ),
        ShiftCase(
            name: "monthly day 31 clamps to Feb 28 and Apr 30",
            rotation: rotation(.monthly([MonthlyHandOff(dayOfMonth: 31, handOffTime: at(9))]), start: "2026-01-31T09:00"),
            from: "2026-01-31T09:00", to: "2026-05-31T09:00",
            expected: [
                shift("2026-01-31T09:00", "2026-02-28T09:00", "a"),
                shift("2026-02-28T09:00", "2026-03-31T09:00", "b"),
                shift("2026-03-31T09:00", "2026-04-30T09:00", "c"),
                shift("2026-04-30T09:00", "2026-05-31T09:00", "a"),
            ]
        ),
        ShiftCase(
            name: "monthly day 29 in leap-year February 2028",
            rotation: rotation(.monthly([MonthlyHandOff(dayOfMonth: 29, handOffTime: at(9))]), start: "2028-01-29T09:00"),
            from: "2028-01-29T09:00", to: "2028-03-29T09:00",
            expected: [
                shift("2028-01-29T09:00", "2028-02-29T09:00", "a"),
                shift("2028-02-29T09:00", "2028-03-29T09:00", "b"),
            ]
        ),
        ShiftCase(
            name: "monthly day 29 in common-year February 2027 clamps to the 28th",
            rotation: rotation(.monthly([MonthlyHandOff(dayOfMonth: 29, handOffTime: at(9))]), start: "2027-01-29T09:00"),
            from: "2027-01-29T09:00", to: "2027-03-29T09:00",
            expected: [
                shift("2027-01-29T09:00", "2027-02-28T09:00", "a"),
                shift("2027-02-28T09:00", "2027-03-29T09:00", "b"),
            ]
        ),
        ShiftCase(
            name: "monthly days 30 and 31: clamped to the same instant they count once",
            rotation: rotation(
                .monthly([MonthlyHandOff(dayOfMonth: 30, handOffTime: at(9)), MonthlyHandOff(dayOfMonth: 31, handOffTime: at(9))]),
                start: "2027-01-31T09:00"
            ),
            from: "2027-01-31T09:00", to: "2027-05-30T09:00",
            expected: [
                shift("2027-01-31T09:00", "2027-02-28T09:00", "a"),
                shift("2027-02-28T09:00", "2027-03-30T09:00", "b"),
                shift("2027-03-30T09:00", "2027-03-31T09:00", "c"),
                shift("2027-03-31T09:00", "2027-04-30T09:00", "a"),
                shift("2027-04-30T09:00", "2027-05-30T09:00", "b"),
            ]
        ),
        ShiftCase(
            name: "monthly 1st 00:00 Asia/Tokyo, multiplier 3: quarterly",
            rotation: rotation(
                .monthly([MonthlyHandOff(dayOfMonth: 1, handOffTime: at(0))]),
                start: "2025-12-31T15:00",
                zone: "Asia/Tokyo",
                multiplier: 3
            ),
            from: "2026-01-01T00:00", to: "2026-12-31T00:00",
            expected: [
                shift("2025-12-31T15:00", "2026-03-31T15:00", "a"),
                shift("2026-03-31T15:00", "2026-06-30T15:00", "b"),
                shift("2026-06-30T15:00", "2026-09-30T15:00", "c"),
                shift("2026-09-30T15:00", "2026-12-31T15:00", "a"),
            ]
        ),
    ]

    @Test(arguments: cases)
    func shiftsMatch(_ testCase: ShiftCase) throws {
        #expect(try testCase.actual() == testCase.expected)
    }

    /// One DST row: daily hand-offs at a local time around a transition, with the expected UTC
    /// hand-off instants on three consecutive days.
    struct DSTCase: Sendable, CustomTestStringConvertible {
        let zone: String
        let time: HandOffTime
        let days: [String]
        let expected: [String]

        var testDescription: String { "\(zone) daily \(time.hour):\(time.minute) around \(days[1])" }
    }

    static let dstCases: [DSTCase] = [
        // America/New_York springs forward 2026-03-08 02:00 EST → 03:00 EDT (07:00 UTC).
        DSTCase(
            zone: "America/New_York", time: at(2, 30), days: ["2026-03-07", "2026-03-08", "2026-03-09"],
            expected: ["2026-03-07T07:30", "2026-03-08T07:30", "2026-03-09T06:30"]
        ),
        DSTCase(
            zone: "America/New_York", time: at(9), days: ["2026-03-07", "2026-03-08", "2026-03-09"],
            expected: ["2026-03-07T14:00", "2026-03-08T13:00", "2026-03-09T13:00"]
        ),
        // America/New_York falls back 2026-11-01 02:00 EDT → 01:00 EST (06:00 UTC).
        DSTCase(
            zone: "America/New_York", time: at(2, 30), days: ["2026-10-31", "2026-11-01", "2026-11-02"],
            expected: ["2026-10-31T06:30", "2026-11-01T07:30", "2026-11-02T07:30"]
        ),
        DSTCase(
            zone: "America/New_York", time: at(1, 30), days: ["2026-10-31", "2026-11-01", "2026-11-02"],
            expected: ["2026-10-31T05:30", "2026-11-01T05:30", "2026-11-02T06:30"]
        ),
        DSTCase(
            zone: "America/New_York", time: at(9), days: ["2026-10-31", "2026-11-01", "2026-11-02"],
            expected: ["2026-10-31T13:00", "2026-11-01T14:00", "2026-11-02T14:00"]
        ),
        // Europe/Berlin springs forward 2026-03-29 02:00 CET → 03:00 CEST (01:00 UTC).
        DSTCase(
            zone: "Europe/Berlin", time: at(2, 30), days: ["2026-03-28", "2026-03-29", "2026-03-30"],
            expected: ["2026-03-28T01:30", "2026-03-29T01:30", "2026-03-30T00:30"]
        ),
        DSTCase(
            zone: "Europe/Berlin", time: at(9), days: ["2026-03-28", "2026-03-29", "2026-03-30"],
            expected: ["2026-03-28T08:00", "2026-03-29T07:00", "2026-03-30T07:00"]
        ),
        // Europe/Berlin falls back 2026-10-25 03:00 CEST → 02:00 CET (01:00 UTC); 02:30 happens twice.
        DSTCase(
            zone: "Europe/Berlin", time: at(2, 30), days: ["2026-10-24", "2026-10-25", "2026-10-26"],
            expected: ["2026-10-24T00:30", "2026-10-25T00:30", "2026-10-26T01:30"]
        ),
        DSTCase(
            zone: "Europe/Berlin", time: at(9), days: ["2026-10-24", "2026-10-25", "2026-10-26"],
            expected: ["2026-10-24T07:00", "2026-10-25T08:00", "2026-10-26T08:00"]
        ),
        // Asia/Tokyo has no DST: control.
        DSTCase(
            zone: "Asia/Tokyo", time: at(2, 30), days: ["2026-03-07", "2026-03-08", "2026-03-09"],
            expected: ["2026-03-06T17:30", "2026-03-07T17:30", "2026-03-08T17:30"]
        ),
        DSTCase(
            zone: "Asia/Tokyo", time: at(9), days: ["2026-10-24", "2026-10-25", "2026-10-26"],
            expected: ["2026-10-24T00:00", "2026-10-25T00:00", "2026-10-26T00:00"]
        ),
    ]

    @Test(arguments: dstCases)
    func dstHandOffsKeepLocalTime(_ testCase: DSTCase) throws {
        let start = utc(testCase.days[0] + "T00:00").addingTimeInterval(-3 * 86_400)
        let definition = RotationDefinition(
            members: ["a", "b", "c"],
            start: start,
            timeZoneID: testCase.zone,
            recurrence: RotationRecurrence(pattern: .daily([testCase.time]))
        )
        let shifts = try ShiftEngine.shifts(
            of: definition,
            overrides: [],
            from: start,
            to: utc(testCase.days[2] + "T00:00").addingTimeInterval(2 * 86_400)
        )
        let expected = testCase.expected.map(utc)
        let handOffs = shifts.dropFirst().map(\.start).filter { $0 >= expected[0] && $0 <= expected[2] }
        #expect(handOffs == expected)
        for (previous, next) in zip(shifts, shifts.dropFirst()) {
            #expect(previous.end == next.start)
        }
    }

    @Test("spring-forward: two local times mapped onto one instant count once")
    func springForwardCollision() throws {
        let definition = rotation(.daily([at(2, 30), at(3, 30)]), start: "2026-03-07T12:00", zone: "America/New_York")
        let shifts = try ShiftEngine.shifts(of: definition, overrides: [], from: utc("2026-03-07T12:00"), to: utc("2026-03-10T00:00"))
        #expect(
            describe(shifts) == [
                shift("2026-03-07T12:00", "2026-03-08T07:30", "a"),
                shift("2026-03-08T07:30", "2026-03-09T06:30", "b"),
                shift("2026-03-09T06:30", "2026-03-09T07:30", "c"),
                shift("2026-03-09T07:30", "2026-03-10T06:30", "a"),
            ]
        )
    }

    @Test("spring-forward: a gap time shifted past a later real time keeps instant order")
    func springForwardReordering() throws {
        let definition = rotation(.daily([at(2, 30), at(3, 15)]), start: "2026-03-08T00:00", zone: "America/New_York")
        let shifts = try ShiftEngine.shifts(of: definition, overrides: [], from: utc("2026-03-08T00:00"), to: utc("2026-03-08T12:00"))
        #expect(
            describe(shifts) == [
                shift("2026-03-08T00:00", "2026-03-08T07:15", "a"),
                shift("2026-03-08T07:15", "2026-03-08T07:30", "b"),
                shift("2026-03-08T07:30", "2026-03-09T06:30", "c"),
            ]
        )
    }

    @Test("Pacific/Apia skipped 2011-12-30: that day's hand-off lands on the 31st and counts once")
    func skippedDay() throws {
        let definition = rotation(.daily([at(9)]), start: "2011-12-28T20:00", zone: "Pacific/Apia")
        let shifts = try ShiftEngine.shifts(of: definition, overrides: [], from: utc("2011-12-28T20:00"), to: utc("2012-01-01T00:00"))
        #expect(
            describe(shifts) == [
                shift("2011-12-28T20:00", "2011-12-29T19:00", "a"),
                shift("2011-12-29T19:00", "2011-12-30T19:00", "b"),
                shift("2011-12-30T19:00", "2011-12-31T19:00", "c"),
                shift("2011-12-31T19:00", "2012-01-01T19:00", "a"),
            ]
        )
    }

    @Test("Foundation's Calendar resolves gap and overlap times as documented")
    func foundationCalendarPins() throws {
        func resolve(_ zone: String, _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) throws -> Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = try #require(TimeZone(identifier: zone))
            return try #require(calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)))
        }
        #expect(try resolve("America/New_York", 2026, 3, 8, 2, 30) == utc("2026-03-08T07:30"))
        #expect(try resolve("America/New_York", 2026, 11, 1, 1, 30) == utc("2026-11-01T05:30"))
        #expect(try resolve("Europe/Berlin", 2026, 3, 29, 2, 30) == utc("2026-03-29T01:30"))
        #expect(try resolve("Europe/Berlin", 2026, 10, 25, 2, 30) == utc("2026-10-25T00:30"))
    }
}
