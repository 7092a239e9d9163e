import Foundation
import HikeshiCore
import Testing

/// Shift coverage: shifts are cut to the covered windows of each local weekday.
@Suite("Coverage")
struct CoverageTests {
    static let weekdays9to5: [Weekday: [CoverageWindow]] = [
        .mon: [window(at(9), at(17))], .tue: [window(at(9), at(17))], .wed: [window(at(9), at(17))],
        .thu: [window(at(9), at(17))], .fri: [window(at(9), at(17))],
    ]
    static let nightly: [Weekday: [CoverageWindow]] = Dictionary(
        uniqueKeysWithValues: Weekday.allCases.map { ($0, [window(at(22), at(6))]) }
    )
    static let everyWholeDay: [Weekday: [CoverageWindow]] = Dictionary(
        uniqueKeysWithValues: Weekday.allCases.map { ($0, [window(at(0), at(0))]) }
    )
    static let mondayTokyo = RotationRecurrence.Pattern.weekly([WeeklyHandOff(dayOfWeek: .mon, handOffTime: at(9))])

    static let cases: [ShiftCase] = [
        ShiftCase(
            name: "weekdays 09:00–17:00 Asia/Tokyo, weekly Monday 09:00",
            rotation: rotation(mondayTokyo, start: "2026-01-05T00:00", zone: "Asia/Tokyo", coverage: weekdays9to5),
            from: "2026-01-05T00:00", to: "2026-01-13T00:00",
            expected: [
                shift("2026-01-05T00:00", "2026-01-05T08:00", "a"),
                shift("2026-01-06T00:00", "2026-01-06T08:00", "a"),
                shift("2026-01-07T00:00", "2026-01-07T08:00", "a"),
                shift("2026-01-08T00:00", "2026-01-08T08:00", "a"),
                shift("2026-01-09T00:00", "2026-01-09T08:00", "a"),
                shift("2026-01-12T00:00", "2026-01-12T08:00", "b"),
            ]
        ),
        ShiftCase(
            name: "overnight 22:00–06:00 with a 09:00 hand-off: one piece per shift",
            rotation: rotation(.daily([at(9)]), start: "2026-01-01T09:00", coverage: nightly),
            from: "2026-01-01T09:00", to: "2026-01-03T09:00",
            expected: [
                shift("2026-01-01T22:00", "2026-01-02T06:00", "a"),
                shift("2026-01-02T22:00", "2026-01-03T06:00", "b"),
            ]
        ),
        ShiftCase(
            name: "overnight 22:00–06:00 with a midnight hand-off: a shift spanning two windows splits",
            rotation: rotation(.daily([at(0)]), start: "2026-01-01T00:00", coverage: nightly),
            from: "2026-01-01T00:00", to: "2026-01-03T00:00",
            expected: [
                shift("2026-01-01T00:00", "2026-01-01T06:00", "a"),
                shift("2026-01-01T22:00", "2026-01-02T00:00", "a"),
                shift("2026-01-02T00:00", "2026-01-02T06:00", "b"),
                shift("2026-01-02T22:00", "2026-01-03T00:00", "b"),
            ]
        ),
        ShiftCase(
            name: "Monday 00:00–00:00 is the whole Monday",
            rotation: rotation(.daily([at(12)]), start: "2026-01-04T12:00", coverage: [.mon: [window(at(0), at(0))]]),
            from: "2026-01-04T12:00", to: "2026-01-13T00:00",
            expected: [
                shift("2026-01-05T00:00", "2026-01-05T12:00", "a"),
                shift("2026-01-05T12:00", "2026-01-06T00:00", "b"),
                shift("2026-01-12T00:00", "2026-01-12T12:00", "b"),
                shift("2026-01-12T12:00", "2026-01-13T00:00", "c"),
            ]
        ),
        ShiftCase(
            name: "whole days every day is the same as no coverage",
            rotation: rotation(mondayTokyo, start: "2026-01-05T00:00", zone: "Asia/Tokyo", coverage: everyWholeDay),
            from: "2026-01-05T00:00", to: "2026-01-19T00:00",
            expected: [
                shift("2026-01-05T00:00", "2026-01-12T00:00", "a"),
                shift("2026-01-12T00:00", "2026-01-19T00:00", "b"),
            ]
        ),
        ShiftCase(
            name: "touching windows across midnight merge",
            rotation: rotation(
                .weekly([WeeklyHandOff(dayOfWeek: .mon, handOffTime: at(12))]),
                start: "2026-01-05T12:00",
                coverage: [.mon: [window(at(22), at(0))], .tue: [window(at(0), at(6))]]
            ),
            from: "2026-01-05T12:00", to: "2026-01-12T12:00",
            expected: [shift("2026-01-05T22:00", "2026-01-06T06:00", "a")]
        ),
        ShiftCase(
            name: "overlapping windows on one day merge",
            rotation: rotation(
                .weekly([WeeklyHandOff(dayOfWeek: .mon, handOffTime: at(0))]),
                start: "2026-01-05T00:00",
                coverage: [.wed: [window(at(9), at(12)), window(at(11), at(14)), window(at(16), at(17))]]
            ),
            from: "2026-01-05T00:00", to: "2026-01-12T00:00",
            expected: [
                shift("2026-01-07T09:00", "2026-01-07T14:00", "a"),
                shift("2026-01-07T16:00", "2026-01-07T17:00", "a"),
            ]
        ),
        ShiftCase(
            name: "Sunday 22:00–06:00 wraps into Monday",
            rotation: rotation(
                .weekly([WeeklyHandOff(dayOfWeek: .wed, handOffTime: at(0))]), start: "2026-01-07T00:00", coverage: [.sun: [window(at(22), at(6))]]),
            from: "2026-01-07T00:00", to: "2026-01-21T00:00",
            expected: [
                shift("2026-01-11T22:00", "2026-01-12T06:00", "a"),
                shift("2026-01-18T22:00", "2026-01-19T06:00", "b"),
            ]
        ),
        ShiftCase(
            name: "weekdays 09:00–17:00 America/New_York across spring-forward",
            rotation: rotation(
                .weekly([WeeklyHandOff(dayOfWeek: .mon, handOffTime: at(9))]),
                start: "2026-03-02T14:00",
                zone: "America/New_York",
                coverage: weekdays9to5
            ),
            from: "2026-03-06T00:00", to: "2026-03-10T00:00",
            expected: [
                shift("2026-03-06T14:00", "2026-03-06T22:00", "a"),
                shift("2026-03-09T13:00", "2026-03-09T21:00", "b"),
            ]
        ),
        ShiftCase(
            name: "overnight America/New_York across fall-back lasts nine hours",
            rotation: rotation(.daily([at(12)]), start: "2026-10-31T16:00", zone: "America/New_York", coverage: nightly),
            from: "2026-10-31T16:00", to: "2026-11-01T16:00",
            expected: [shift("2026-11-01T02:00", "2026-11-01T11:00", "a")]
        ),
        ShiftCase(
            name: "a query inside a covered piece returns the whole piece",
            rotation: rotation(mondayTokyo, start: "2026-01-05T00:00", zone: "Asia/Tokyo", coverage: weekdays9to5),
            from: "2026-01-07T03:00", to: "2026-01-07T03:01",
            expected: [shift("2026-01-07T00:00", "2026-01-07T08:00", "a")]
        ),
        ShiftCase(
            name: "a query in uncovered time returns nothing",
            rotation: rotation(mondayTokyo, start: "2026-01-05T00:00", zone: "Asia/Tokyo", coverage: weekdays9to5),
            from: "2026-01-10T00:00", to: "2026-01-11T00:00",
            expected: []
        ),
        ShiftCase(
            name: "coverage before the rotation's start does not count",
            rotation: rotation(.daily([at(9)]), start: "2026-01-01T03:00", coverage: nightly),
            from: "2025-12-31T00:00", to: "2026-01-02T00:00",
            expected: [
                shift("2026-01-01T03:00", "2026-01-01T06:00", "a"),
                shift("2026-01-01T22:00", "2026-01-02T06:00", "b"),
            ]
        ),
    ]

    @Test(arguments: cases)
    func coveredShifts(_ testCase: ShiftCase) throws {
        #expect(try testCase.actual() == testCase.expected)
    }

    @Test("on call is nobody outside coverage and the shift's members inside")
    func onCallFollowsCoverage() throws {
        let definition = rotation(Self.mondayTokyo, start: "2026-01-05T00:00", zone: "Asia/Tokyo", coverage: Self.weekdays9to5)
        #expect(try ShiftEngine.onCall(definition, overrides: [], at: utc("2026-01-06T03:00")) == ["a"])
        #expect(try ShiftEngine.onCall(definition, overrides: [], at: utc("2026-01-06T08:00")).isEmpty)
        #expect(try ShiftEngine.onCall(definition, overrides: [], at: utc("2026-01-10T03:00")).isEmpty)
        #expect(try ShiftEngine.onCall(definition, overrides: [], at: utc("2026-01-12T00:00")) == ["b"])
    }

    @Test("coverage does not change whose turn it is")
    func coverageKeepsOrder() throws {
        let covered = rotation(.daily([at(9)]), members: members(4), start: "2026-01-01T09:00", coverage: [.sat: [window(at(10), at(11))]])
        let plain = rotation(.daily([at(9)]), members: members(4), start: "2026-01-01T09:00")
        let coveredShifts = try ShiftEngine.shifts(of: covered, overrides: [], from: utc("2026-01-01T09:00"), to: utc("2026-03-01T00:00"))
        #expect(coveredShifts.count == 9)
        for piece in coveredShifts {
            #expect(try ShiftEngine.onCall(plain, overrides: [], at: piece.start) == piece.members)
        }
    }
}
