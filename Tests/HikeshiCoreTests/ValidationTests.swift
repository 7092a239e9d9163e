import Foundation
import HikeshiCore
import Testing

/// Validation names the offending field the way the AWS API spells it; models round-trip as JSON.
@Suite("Validation")
struct ValidationTests {
    static let valid = rotation(.daily([at(9)]), start: "2026-01-01T00:00", zone: "Asia/Tokyo")

    /// One row: how to break the valid rotation, and the field the error must name.
    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let name: String
        let field: String
        let change: @Sendable (inout RotationDefinition) -> Void

        var testDescription: String { name }
    }

    static let invalidCases: [InvalidCase] = [
        InvalidCase(name: "no members", field: "ContactIds") { $0.members = [] },
        InvalidCase(name: "31 members", field: "ContactIds") { $0.members = members(31) },
        InvalidCase(name: "duplicate member", field: "ContactIds") { $0.members = ["a", "b", "a"] },
        InvalidCase(name: "empty member id", field: "ContactIds") { $0.members = ["a", ""] },
        InvalidCase(name: "start before 1900", field: "StartTime") { $0.start = utc("1899-12-31T23:59") },
        InvalidCase(name: "start in 3000", field: "StartTime") { $0.start = utc("3000-01-01T00:00") },
        InvalidCase(name: "unknown zone", field: "TimeZoneId") { $0.timeZoneID = "Mars/Olympus_Mons" },
        InvalidCase(name: "abbreviation EST", field: "TimeZoneId") { $0.timeZoneID = "EST" },
        InvalidCase(name: "abbreviation JST", field: "TimeZoneId") { $0.timeZoneID = "JST" },
        InvalidCase(name: "offset GMT+9", field: "TimeZoneId") { $0.timeZoneID = "GMT+9" },
        InvalidCase(name: "POSIX-style EST5EDT", field: "TimeZoneId") { $0.timeZoneID = "EST5EDT" },
        InvalidCase(name: "wrong case", field: "TimeZoneId") { $0.timeZoneID = "asia/tokyo" },
        InvalidCase(name: "empty zone", field: "TimeZoneId") { $0.timeZoneID = "" },
        InvalidCase(name: "zero on call", field: "Recurrence.NumberOfOnCalls") { $0.recurrence.numberOfOnCalls = 0 },
        InvalidCase(name: "more on call than members", field: "Recurrence.NumberOfOnCalls") { $0.recurrence.numberOfOnCalls = 4 },
        InvalidCase(name: "multiplier 0", field: "Recurrence.RecurrenceMultiplier") { $0.recurrence.multiplier = 0 },
        InvalidCase(name: "multiplier 101", field: "Recurrence.RecurrenceMultiplier") { $0.recurrence.multiplier = 101 },
        InvalidCase(name: "no daily entries", field: "Recurrence.DailySettings") { $0.recurrence.pattern = .daily([]) },
        InvalidCase(name: "101 daily entries", field: "Recurrence.DailySettings") {
            $0.recurrence.pattern = .daily((0..<101).map { at($0 / 60, $0 % 60) })
        },
        InvalidCase(name: "daily hour 24", field: "Recurrence.DailySettings[1].HourOfDay") { $0.recurrence.pattern = .daily([at(9), at(24)]) },
        InvalidCase(name: "daily minute 60", field: "Recurrence.DailySettings[0].MinuteOfHour") { $0.recurrence.pattern = .daily([at(9, 60)]) },
        InvalidCase(name: "no weekly entries", field: "Recurrence.WeeklySettings") { $0.recurrence.pattern = .weekly([]) },
        InvalidCase(name: "weekly hour -1", field: "Recurrence.WeeklySettings[0].HandOffTime.HourOfDay") {
            $0.recurrence.pattern = .weekly([WeeklyHandOff(dayOfWeek: .mon, handOffTime: at(-1))])
        },
        InvalidCase(name: "no monthly entries", field: "Recurrence.MonthlySettings") { $0.recurrence.pattern = .monthly([]) },
        InvalidCase(name: "monthly day 0", field: "Recurrence.MonthlySettings[0].DayOfMonth") {
            $0.recurrence.pattern = .monthly([MonthlyHandOff(dayOfMonth: 0, handOffTime: at(9))])
        },
        InvalidCase(name: "monthly day 32", field: "Recurrence.MonthlySettings[1].DayOfMonth") {
            $0.recurrence.pattern = .monthly([MonthlyHandOff(dayOfMonth: 1, handOffTime: at(9)), MonthlyHandOff(dayOfMonth: 32, handOffTime: at(9))])
        },
        InvalidCase(name: "monthly minute 75", field: "Recurrence.MonthlySettings[0].HandOffTime.MinuteOfHour") {
            $0.recurrence.pattern = .monthly([MonthlyHandOff(dayOfMonth: 1, handOffTime: at(9, 75))])
        },
        InvalidCase(name: "coverage start hour 25", field: "Recurrence.ShiftCoverages.TUE[1].Start.HourOfDay") {
            $0.recurrence.coverage = [.tue: [window(at(9), at(17)), window(at(25), at(3))]]
        },
        InvalidCase(name: "coverage end minute 61", field: "Recurrence.ShiftCoverages.SUN[0].End.MinuteOfHour") {
            $0.recurrence.coverage = [.sun: [window(at(9), at(17, 61))]]
        },
        InvalidCase(name: "51 coverage windows", field: "Recurrence.ShiftCoverages.MON") {
            $0.recurrence.coverage = [.mon: Array(repeating: window(at(9), at(10)), count: 51)]
        },
    ]

    @Test(arguments: invalidCases)
    func invalidRotationNamesField(_ testCase: InvalidCase) {
        var definition = Self.valid
        testCase.change(&definition)
        let error = #expect(throws: RotationError.self) { try ShiftEngine.validate(definition) }
        #expect(error?.field == testCase.field, "\(String(describing: error))")
        #expect(error?.message.isEmpty == false)
        #expect(throws: RotationError.self) {
            try ShiftEngine.shifts(of: definition, overrides: [], from: utc("2026-01-01T00:00"), to: utc("2026-01-02T00:00"))
        }
    }

    @Test(
        "accepted time zones",
        arguments: ["UTC", "GMT", "Etc/UTC", "Asia/Tokyo", "America/Argentina/Buenos_Aires", "Asia/Kolkata", "US/Eastern", "Etc/GMT+5"]
    )
    func acceptedZones(zone: String) throws {
        var definition = Self.valid
        definition.timeZoneID = zone
        try ShiftEngine.validate(definition)
        #expect(ShiftEngine.isAcceptedTimeZoneID(zone))
    }

    @Test("valid edge values pass")
    func validEdges() throws {
        var definition = Self.valid
        definition.members = members(30)
        definition.recurrence.numberOfOnCalls = 30
        definition.recurrence.multiplier = 100
        definition.recurrence.pattern = .monthly([MonthlyHandOff(dayOfMonth: 31, handOffTime: at(23, 59))])
        definition.recurrence.coverage = [.mon: [window(at(0), at(0))], .tue: []]
        definition.start = ShiftEngine.earliestStart
        try ShiftEngine.validate(definition)
    }

    @Test("override validation")
    func overrideValidation() throws {
        try ShiftEngine.validate(override("o", "2026-01-01T00:00", "2026-01-01T00:01", []))
        let cases: [(RotationOverrideSpec, String)] = [
            (override("o", "2026-01-01T00:00", "2026-01-01T00:00", ["x"]), "EndTime"),
            (override("o", "2026-01-02T00:00", "2026-01-01T00:00", ["x"]), "EndTime"),
            (override("o", "2026-01-01T00:00", "2026-01-02T00:00", ["x", "x"]), "NewContactIds"),
            (override("o", "2026-01-01T00:00", "2026-01-02T00:00", members(31)), "NewContactIds"),
        ]
        for (spec, field) in cases {
            #expect(errorField { try ShiftEngine.validate(spec) } == field)
            #expect(throws: RotationError.self) {
                try ShiftEngine.shifts(of: Self.valid, overrides: [spec], from: utc("2026-01-01T00:00"), to: utc("2026-01-02T00:00"))
            }
        }
    }

    @Test("query range validation")
    func rangeValidation() throws {
        let cases: [(String, String)] = [
            ("2026-01-02T00:00", "2026-01-02T00:00"),
            ("2026-01-02T00:00", "2026-01-01T00:00"),
            ("2026-01-01T00:00", "2027-02-05T00:01"),
        ]
        for (from, to) in cases {
            #expect(throws: RotationError.self) {
                try ShiftEngine.shifts(of: Self.valid, overrides: [], from: utc(from), to: utc(to))
            }
            #expect(errorField { try ShiftEngine.validateRange(from: utc(from), to: utc(to)) } == "EndTime")
        }
        _ = try ShiftEngine.shifts(of: Self.valid, overrides: [], from: utc("2026-01-01T00:00"), to: utc("2027-02-05T00:00"))
    }

    @Test("AWS settings become exactly one pattern")
    func patternFromSettings() throws {
        let daily = try RotationRecurrence.Pattern.fromSettings(daily: [at(9)], weekly: [], monthly: nil)
        #expect(daily == .daily([at(9)]))
        let weekly = [WeeklyHandOff(dayOfWeek: .fri, handOffTime: at(17))]
        #expect(try RotationRecurrence.Pattern.fromSettings(daily: nil, weekly: weekly, monthly: nil) == .weekly(weekly))
        #expect(errorField { _ = try RotationRecurrence.Pattern.fromSettings(daily: nil, weekly: nil, monthly: []) } == "Recurrence")
        #expect(errorField { _ = try RotationRecurrence.Pattern.fromSettings(daily: [at(9)], weekly: weekly, monthly: nil) } == "Recurrence")
    }

    @Test("models round-trip as JSON, coverage keyed by weekday name")
    func jsonRoundTrip() throws {
        let definitions = [
            rotation(.daily([at(9), at(21)]), start: "2026-01-01T00:00", coverage: [.mon: [window(at(9), at(17))], .sun: [window(at(22), at(6))]]),
            rotation(.weekly([WeeklyHandOff(dayOfWeek: .mon, handOffTime: at(9))]), start: "2026-01-05T00:00", zone: "Asia/Tokyo", multiplier: 2),
            rotation(.monthly([MonthlyHandOff(dayOfMonth: 31, handOffTime: at(0, 30))]), start: "2026-01-31T00:00", onCalls: 2),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for definition in definitions {
            let data = try encoder.encode(definition)
            #expect(try JSONDecoder().decode(RotationDefinition.self, from: data) == definition)
        }
        let json = String(decoding: try encoder.encode(definitions[0]), as: UTF8.self)
        #expect(json.contains(#""coverage":{"MON":[{"end":{"hour":17,"minute":0},"start":{"hour":9,"minute":0}}]"#))
        #expect(json.contains(#""pattern":{"daily":[{"hour":9,"minute":0},{"hour":21,"minute":0}]}"#))
        let bad = Data(#"{"daily":[],"weekly":[]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RotationRecurrence.Pattern.self, from: bad) }
        let shift = Shift(start: utc("2026-01-01T00:00"), end: utc("2026-01-02T00:00"), members: ["x"], isOverridden: true, overriddenMembers: ["a"])
        #expect(try JSONDecoder().decode(Shift.self, from: encoder.encode(shift)) == shift)
        let spec = override("o1", "2026-01-01T00:00", "2026-01-02T00:00", ["x"])
        #expect(try JSONDecoder().decode(RotationOverrideSpec.self, from: encoder.encode(spec)) == spec)
    }

    @Test("weekday helpers")
    func weekdays() {
        #expect(Weekday.allCases.map(\.rawValue) == ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"])
        #expect(Weekday.allCases.map(\.isoIndex) == Array(0...6))
        #expect(Weekday(isoIndex: -1) == .sun)
        #expect(Weekday(isoIndex: 7) == .mon)
        #expect(window(at(22), at(6)).lengthInMinutes == 480)
        #expect(window(at(0), at(0)).lengthInMinutes == 1440)
        #expect(window(at(9), at(17)).wrapsPastMidnight == false)
    }

    /// The field of the ``RotationError`` `body` throws, or `nil`.
    private func errorField(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as RotationError {
            return error.field
        } catch {
            return nil
        }
    }
}
