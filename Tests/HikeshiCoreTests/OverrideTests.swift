import Foundation
import HikeshiCore
import Testing

/// Overrides: splitting regular shifts, precedence, empty overrides, overrides outside coverage.
@Suite("Overrides")
struct OverrideTests {
    /// Daily 09:00 UTC: Jan 1 a, Jan 2 b, Jan 3 c, Jan 4 a, …
    static let daily = rotation(.daily([at(9)]), start: "2026-01-01T09:00")
    /// Weekly Monday 09:00 UTC, covered weekdays 09:00–17:00; starts Monday 2026-01-05.
    static let officeHours = rotation(
        .weekly([WeeklyHandOff(dayOfWeek: .mon, handOffTime: at(9))]),
        start: "2026-01-05T09:00",
        coverage: [
            .mon: [window(at(9), at(17))], .tue: [window(at(9), at(17))], .wed: [window(at(9), at(17))],
            .thu: [window(at(9), at(17))], .fri: [window(at(9), at(17))],
        ]
    )

    static let cases: [ShiftCase] = [
        ShiftCase(
            name: "override at exact shift edges",
            rotation: daily,
            overrides: [override("o1", "2026-01-02T09:00", "2026-01-03T09:00", ["x"])],
            from: "2026-01-01T09:00", to: "2026-01-04T09:00",
            expected: [
                shift("2026-01-01T09:00", "2026-01-02T09:00", "a"),
                shift("2026-01-02T09:00", "2026-01-03T09:00", "x", overriding: "b"),
                shift("2026-01-03T09:00", "2026-01-04T09:00", "c"),
            ]
        ),
        ShiftCase(
            name: "override inside a shift splits it in three",
            rotation: daily,
            overrides: [override("o1", "2026-01-02T12:00", "2026-01-02T15:00", ["x", "y"])],
            from: "2026-01-02T09:00", to: "2026-01-03T09:00",
            expected: [
                shift("2026-01-02T09:00", "2026-01-02T12:00", "b"),
                shift("2026-01-02T12:00", "2026-01-02T15:00", "x,y", overriding: "b"),
                shift("2026-01-02T15:00", "2026-01-03T09:00", "b"),
            ]
        ),
        ShiftCase(
            name: "override spanning several shifts reports each replaced shift",
            rotation: daily,
            overrides: [override("o1", "2026-01-01T21:00", "2026-01-04T03:00", ["x"])],
            from: "2026-01-01T09:00", to: "2026-01-04T09:00",
            expected: [
                shift("2026-01-01T09:00", "2026-01-01T21:00", "a"),
                shift("2026-01-01T21:00", "2026-01-02T09:00", "x", overriding: "a"),
                shift("2026-01-02T09:00", "2026-01-03T09:00", "x", overriding: "b"),
                shift("2026-01-03T09:00", "2026-01-04T03:00", "x", overriding: "c"),
                shift("2026-01-04T03:00", "2026-01-04T09:00", "c"),
            ]
        ),
        ShiftCase(
            name: "overlapping overrides: the later-created wins the overlap",
            rotation: daily,
            overrides: [
                override("late", "2026-01-02T15:00", "2026-01-02T22:00", ["y"], rank: 2),
                override("early", "2026-01-02T10:00", "2026-01-02T20:00", ["x"], rank: 1),
            ],
            from: "2026-01-02T09:00", to: "2026-01-03T09:00",
            expected: [
                shift("2026-01-02T09:00", "2026-01-02T10:00", "b"),
                shift("2026-01-02T10:00", "2026-01-02T15:00", "x", overriding: "b"),
                shift("2026-01-02T15:00", "2026-01-02T22:00", "y", overriding: "b"),
                shift("2026-01-02T22:00", "2026-01-03T09:00", "b"),
            ]
        ),
        ShiftCase(
            name: "overlapping overrides: an older one only shows where the newer does not reach",
            rotation: daily,
            overrides: [
                override("late", "2026-01-02T15:00", "2026-01-02T22:00", ["y"], rank: 1),
                override("early", "2026-01-02T10:00", "2026-01-02T20:00", ["x"], rank: 2),
            ],
            from: "2026-01-02T09:00", to: "2026-01-03T09:00",
            expected: [
                shift("2026-01-02T09:00", "2026-01-02T10:00", "b"),
                shift("2026-01-02T10:00", "2026-01-02T20:00", "x", overriding: "b"),
                shift("2026-01-02T20:00", "2026-01-02T22:00", "y", overriding: "b"),
                shift("2026-01-02T22:00", "2026-01-03T09:00", "b"),
            ]
        ),
        ShiftCase(
            name: "a newer override nested inside an older one",
            rotation: daily,
            overrides: [
                override("outer", "2026-01-02T10:00", "2026-01-02T20:00", ["x"], rank: 1),
                override("inner", "2026-01-02T12:00", "2026-01-02T13:00", ["y"], rank: 2),
            ],
            from: "2026-01-02T09:00", to: "2026-01-03T09:00",
            expected: [
                shift("2026-01-02T09:00", "2026-01-02T10:00", "b"),
                shift("2026-01-02T10:00", "2026-01-02T12:00", "x", overriding: "b"),
                shift("2026-01-02T12:00", "2026-01-02T13:00", "y", overriding: "b"),
                shift("2026-01-02T13:00", "2026-01-02T20:00", "x", overriding: "b"),
                shift("2026-01-02T20:00", "2026-01-03T09:00", "b"),
            ]
        ),
        ShiftCase(
            name: "equal creation times: the later one in the list wins",
            rotation: daily,
            overrides: [
                override("first", "2026-01-02T10:00", "2026-01-02T20:00", ["x"]),
                override("second", "2026-01-02T10:00", "2026-01-02T20:00", ["y"]),
            ],
            from: "2026-01-02T09:00", to: "2026-01-03T09:00",
            expected: [
                shift("2026-01-02T09:00", "2026-01-02T10:00", "b"),
                shift("2026-01-02T10:00", "2026-01-02T20:00", "y", overriding: "b"),
                shift("2026-01-02T20:00", "2026-01-03T09:00", "b"),
            ]
        ),
        ShiftCase(
            name: "an override without members leaves nobody on call",
            rotation: daily,
            overrides: [override("o1", "2026-01-02T12:00", "2026-01-02T15:00", [])],
            from: "2026-01-02T09:00", to: "2026-01-03T09:00",
            expected: [
                shift("2026-01-02T09:00", "2026-01-02T12:00", "b"),
                shift("2026-01-02T15:00", "2026-01-03T09:00", "b"),
            ]
        ),
        ShiftCase(
            name: "an empty override created later silences an older one",
            rotation: daily,
            overrides: [
                override("o1", "2026-01-02T10:00", "2026-01-02T20:00", ["x"], rank: 1),
                override("o2", "2026-01-02T12:00", "2026-01-02T14:00", [], rank: 2),
            ],
            from: "2026-01-02T09:00", to: "2026-01-03T09:00",
            expected: [
                shift("2026-01-02T09:00", "2026-01-02T10:00", "b"),
                shift("2026-01-02T10:00", "2026-01-02T12:00", "x", overriding: "b"),
                shift("2026-01-02T14:00", "2026-01-02T20:00", "x", overriding: "b"),
                shift("2026-01-02T20:00", "2026-01-03T09:00", "b"),
            ]
        ),
        ShiftCase(
            name: "an override outside coverage still applies, replacing nobody",
            rotation: officeHours,
            overrides: [override("o1", "2026-01-10T10:00", "2026-01-10T12:00", ["x"])],
            from: "2026-01-10T00:00", to: "2026-01-11T00:00",
            expected: [shift("2026-01-10T10:00", "2026-01-10T12:00", "x", overriding: "")]
        ),
        ShiftCase(
            name: "an override across the end of coverage splits into replaced and added time",
            rotation: officeHours,
            overrides: [override("o1", "2026-01-05T16:00", "2026-01-05T18:00", ["x"])],
            from: "2026-01-05T09:00", to: "2026-01-06T00:00",
            expected: [
                shift("2026-01-05T09:00", "2026-01-05T16:00", "a"),
                shift("2026-01-05T16:00", "2026-01-05T17:00", "x", overriding: "a"),
                shift("2026-01-05T17:00", "2026-01-05T18:00", "x", overriding: ""),
            ]
        ),
        ShiftCase(
            name: "an override over a weekend is reported whole, from the last to the next covered time",
            rotation: officeHours,
            overrides: [override("o1", "2026-01-09T12:00", "2026-01-12T12:00", ["x"])],
            from: "2026-01-10T12:00", to: "2026-01-10T13:00",
            expected: [shift("2026-01-09T17:00", "2026-01-12T09:00", "x", overriding: "")]
        ),
        ShiftCase(
            name: "an override before the rotation's start",
            rotation: daily,
            overrides: [override("o1", "2025-12-20T00:00", "2025-12-21T00:00", ["x"])],
            from: "2025-12-19T00:00", to: "2026-01-01T12:00",
            expected: [
                shift("2025-12-20T00:00", "2025-12-21T00:00", "x", overriding: ""),
                shift("2026-01-01T09:00", "2026-01-02T09:00", "a"),
            ]
        ),
        ShiftCase(
            name: "an override across the rotation's start",
            rotation: daily,
            overrides: [override("o1", "2025-12-31T12:00", "2026-01-01T12:00", ["x"])],
            from: "2025-12-31T00:00", to: "2026-01-01T12:00",
            expected: [
                shift("2025-12-31T12:00", "2026-01-01T09:00", "x", overriding: ""),
                shift("2026-01-01T09:00", "2026-01-01T12:00", "x", overriding: "a"),
            ]
        ),
        ShiftCase(
            name: "a rotation starting long after the query: the override ends where the rotation starts",
            rotation: rotation(.daily([at(9)]), start: "2026-06-01T09:00"),
            overrides: [override("o1", "2026-01-01T00:00", "2026-07-01T00:00", ["x"])],
            from: "2026-01-02T00:00", to: "2026-01-03T00:00",
            expected: [shift("2026-01-01T00:00", "2026-06-01T09:00", "x", overriding: "")]
        ),
        ShiftCase(
            name: "overrides outside the range do not appear, but still split shifts that reach into it",
            rotation: rotation(.weekly([WeeklyHandOff(dayOfWeek: .mon, handOffTime: at(9))]), start: "2026-01-05T09:00"),
            overrides: [
                override("o1", "2026-01-07T00:00", "2026-01-08T00:00", ["x"]),
                override("o2", "2026-03-01T00:00", "2026-03-02T00:00", ["y"]),
            ],
            from: "2026-01-05T10:00", to: "2026-01-05T11:00",
            expected: [shift("2026-01-05T09:00", "2026-01-07T00:00", "a")]
        ),
    ]

    @Test(arguments: cases)
    func overriddenShifts(_ testCase: ShiftCase) throws {
        #expect(try testCase.actual() == testCase.expected)
    }

    @Test("regular shifts computed once: their span reaches the shifts the range touches, and overrides apply to them")
    func regularShiftsOnce() throws {
        let from = utc("2026-01-02T10:00")
        let to = utc("2026-01-04T10:00")
        let regular = try ShiftEngine.regularShifts(of: Self.daily, from: from, to: to)
        let plain = try ShiftEngine.shifts(of: Self.daily, overrides: [], from: from, to: to)
        #expect(try ShiftEngine.shifts(regular, overrides: []) == plain)
        // Shifts are not clipped: the span runs from the first one's start to the last one's end.
        #expect(regular.span.start == plain.first?.start)
        #expect(regular.span.end == plain.last?.end)
        #expect(regular.span.start < from && regular.span.end > to)
        let overrides = [override("o1", "2026-01-02T12:00", "2026-01-02T15:00", ["x"])]
        #expect(try ShiftEngine.shifts(regular, overrides: overrides) == ShiftEngine.shifts(of: Self.daily, overrides: overrides, from: from, to: to))
        #expect(try ShiftEngine.shifts(regular, overrides: overrides).contains { $0.isOverridden && $0.members == ["x"] })
    }

    @Test("on call during overrides")
    func onCallDuringOverrides() throws {
        let overrides = [
            override("o1", "2026-01-02T12:00", "2026-01-02T15:00", []),
            override("o2", "2026-01-03T12:00", "2026-01-03T15:00", ["x", "y"]),
        ]
        #expect(try ShiftEngine.onCall(Self.daily, overrides: overrides, at: utc("2026-01-02T11:59")) == ["b"])
        #expect(try ShiftEngine.onCall(Self.daily, overrides: overrides, at: utc("2026-01-02T12:00")).isEmpty)
        #expect(try ShiftEngine.onCall(Self.daily, overrides: overrides, at: utc("2026-01-02T15:00")) == ["b"])
        #expect(try ShiftEngine.onCall(Self.daily, overrides: overrides, at: utc("2026-01-03T13:00")) == ["x", "y"])
        #expect(try ShiftEngine.onCall(Self.daily, overrides: overrides, at: utc("2025-12-31T00:00")).isEmpty)
    }
}
