import Foundation
import Testing

@testable import HikeshiCore

/// Cross-checks: the engine against a naive reference model, `onCall` against `shifts`, counting
/// arithmetic against enumeration, and rotations that began long ago.
@Suite("Consistency")
struct ConsistencyTests {
    static let zones = [
        "UTC", "Asia/Tokyo", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "America/Santiago",
        "Pacific/Apia", "Africa/Casablanca", "Asia/Kolkata", "Europe/Moscow", "America/St_Johns",
    ]

    /// A random but valid rotation (no coverage unless asked).
    static func randomRotation(_ random: inout SeededGenerator, coverage: Bool = false, startYear: ClosedRange<Int> = 2012...2026)
        -> RotationDefinition
    {
        let zone = zones[Int.random(in: 0..<zones.count, using: &random)]
        func time() -> HandOffTime { at(Int.random(in: 0...23, using: &random), [0, 15, 30, 45][Int.random(in: 0...3, using: &random)]) }
        let entries = Int.random(in: 1...3, using: &random)
        let pattern: RotationRecurrence.Pattern
        switch Int.random(in: 0...2, using: &random) {
        case 0:
            pattern = .daily((0..<entries).map { _ in time() })
        case 1:
            pattern = .weekly(
                (0..<entries).map { _ in WeeklyHandOff(dayOfWeek: Weekday.allCases[Int.random(in: 0...6, using: &random)], handOffTime: time()) })
        default:
            pattern = .monthly((0..<entries).map { _ in MonthlyHandOff(dayOfMonth: Int.random(in: 1...31, using: &random), handOffTime: time()) })
        }
        let count = Int.random(in: 1...6, using: &random)
        var windows: [Weekday: [CoverageWindow]] = [:]
        if coverage {
            for day in Weekday.allCases where Bool.random(using: &random) {
                let start = Int.random(in: 6...22, using: &random)
                let end = Bool.random(using: &random) ? Int.random(in: (start + 1)...23, using: &random) : Int.random(in: 4...6, using: &random)
                windows[day] = [window(at(start), at(end))]
            }
        }
        let start = utc("\(Int.random(in: startYear, using: &random))-01-01T00:00").addingTimeInterval(
            Double(Int.random(in: 0..<(365 * 1440), using: &random)) * 60)
        return RotationDefinition(
            members: members(count),
            start: start,
            timeZoneID: zone,
            recurrence: RotationRecurrence(
                pattern: pattern,
                numberOfOnCalls: Int.random(in: 1...count, using: &random),
                multiplier: Int.random(in: 1...4, using: &random),
                coverage: windows
            )
        )
    }

    @Test("the engine agrees with the naive reference model on random rotations", arguments: 0..<6)
    func agreesWithReference(batch: Int) throws {
        var random = SeededGenerator(seed: 0x5EED_0000 + UInt64(batch))
        for _ in 0..<8 {
            let definition = Self.randomRotation(&random)
            let from = definition.start.addingTimeInterval(Double(Int.random(in: -30...900, using: &random)) * 86_400)
            let to = from.addingTimeInterval(Double(Int.random(in: 1...120, using: &random)) * 86_400)
            let expected = try ReferenceModel(definition).regularShifts(from: from, to: to)
            let actual = try ShiftEngine.shifts(of: definition, overrides: [], from: from, to: to)
            #expect(describe(actual) == describe(expected), "\(definition) from \(iso(from)) to \(iso(to))")
        }
    }

    @Test("coverage agrees with reading local weekday and time", arguments: 0..<4)
    func coverageAgreesWithLocalTime(batch: Int) throws {
        var random = SeededGenerator(seed: 0xC0FE_0000 + UInt64(batch))
        for _ in 0..<6 {
            let definition = Self.randomRotation(&random, coverage: true)
            let reference = try ReferenceModel(definition)
            let from = definition.start.addingTimeInterval(Double(Int.random(in: 0...400, using: &random)) * 86_400)
            let to = from.addingTimeInterval(30 * 86_400)
            let regular = reference.regularShifts(from: from, to: to)
            let shifts = try ShiftEngine.shifts(of: definition, overrides: [], from: from, to: to)
            for _ in 0..<150 {
                let instant = from.addingTimeInterval(Double(Int.random(in: 0..<(30 * 1440), using: &random)) * 60 + 7)
                let expected = reference.isCovered(instant) ? regular.first { $0.contains(instant) }?.members ?? [] : []
                let actual = shifts.first { $0.contains(instant) }?.members ?? []
                #expect(actual == expected, "\(definition) at \(iso(instant))")
            }
        }
    }

    @Test("onCall agrees with shifts at sampled instants and shift edges", arguments: 0..<4)
    func onCallAgreesWithShifts(batch: Int) throws {
        var random = SeededGenerator(seed: 0x0C41_0000 + UInt64(batch))
        for _ in 0..<5 {
            let definition = Self.randomRotation(&random, coverage: Bool.random(using: &random))
            let from = definition.start.addingTimeInterval(Double(Int.random(in: -10...400, using: &random)) * 86_400)
            let to = from.addingTimeInterval(45 * 86_400)
            var overrides: [RotationOverrideSpec] = []
            for index in 0..<Int.random(in: 0...6, using: &random) {
                let start = from.addingTimeInterval(Double(Int.random(in: -5 * 1440...(45 * 1440), using: &random)) * 60)
                let names = Array(["x", "y", "z"].prefix(Int.random(in: 0...2, using: &random)))
                overrides.append(
                    RotationOverrideSpec(
                        id: "o\(index)",
                        start: start,
                        end: start.addingTimeInterval(Double(Int.random(in: 30...(6 * 1440), using: &random)) * 60),
                        members: names,
                        createdAt: Date(timeIntervalSince1970: Double(Int.random(in: 0...1000, using: &random)))
                    )
                )
            }
            let shifts = try ShiftEngine.shifts(of: definition, overrides: overrides, from: from, to: to)
            for (previous, next) in zip(shifts, shifts.dropFirst()) {
                #expect(previous.end <= next.start, "shifts overlap: \(describe(previous)) / \(describe(next))")
            }
            var instants = (0..<80).map { _ in from.addingTimeInterval(Double(Int.random(in: 0..<(45 * 86_400), using: &random))) }
            instants += shifts.flatMap { [$0.start, $0.end.addingTimeInterval(-0.5), $0.end] }.filter { $0 >= from && $0 < to }
            for instant in instants {
                let expected = shifts.first { $0.contains(instant) }?.members ?? []
                #expect(try ShiftEngine.onCall(definition, overrides: overrides, at: instant) == expected, "\(definition) at \(iso(instant))")
            }
        }
    }

    @Test("queries over adjacent ranges agree with one query over both", arguments: 0..<3)
    func rangesCompose(batch: Int) throws {
        var random = SeededGenerator(seed: 0xAD1A_0000 + UInt64(batch))
        for _ in 0..<6 {
            let definition = Self.randomRotation(&random, coverage: Bool.random(using: &random))
            let from = definition.start.addingTimeInterval(Double(Int.random(in: 0...2000, using: &random)) * 86_400)
            let middle = from.addingTimeInterval(Double(Int.random(in: 1...200, using: &random)) * 3600)
            let to = middle.addingTimeInterval(Double(Int.random(in: 1...200, using: &random)) * 3600)
            let whole = try ShiftEngine.shifts(of: definition, overrides: [], from: from, to: to)
            let first = try ShiftEngine.shifts(of: definition, overrides: [], from: from, to: middle)
            let second = try ShiftEngine.shifts(of: definition, overrides: [], from: middle, to: to)
            var joined = first
            for shift in second where !joined.contains(shift) {
                joined.append(shift)
            }
            #expect(describe(joined) == describe(whole), "\(definition)")
        }
    }

    /// One counting row: a zone, a pattern and a multi-year range.
    struct CountCase: Sendable, CustomTestStringConvertible {
        let zone: String
        let pattern: RotationRecurrence.Pattern
        let from: String
        let to: String

        var testDescription: String { "\(zone) \(pattern) \(from)…\(to)" }
    }

    static let countCases: [CountCase] = {
        let patterns: [RotationRecurrence.Pattern] = [
            .daily([at(2, 30), at(3, 30), at(9)]),
            .daily([at(0), at(1, 15)]),
            .weekly([WeeklyHandOff(dayOfWeek: .sun, handOffTime: at(2, 30)), WeeklyHandOff(dayOfWeek: .fri, handOffTime: at(23, 45))]),
            .monthly([MonthlyHandOff(dayOfMonth: 31, handOffTime: at(2, 30)), MonthlyHandOff(dayOfMonth: 30, handOffTime: at(2, 30))]),
        ]
        let zones = ["America/New_York", "Europe/Berlin", "Pacific/Apia", "Europe/Moscow", "Africa/Casablanca", "Australia/Lord_Howe", "Asia/Tokyo"]
        return zones.flatMap { zone in patterns.map { CountCase(zone: zone, pattern: $0, from: "2009-07-14T13:07", to: "2016-03-01T00:00") } }
    }()

    @Test("counting hand-offs arithmetically equals listing them", arguments: countCases)
    func countingMatchesListing(_ testCase: CountCase) throws {
        let clock = ZoneClock(timeZone: try #require(TimeZone(identifier: testCase.zone)))
        let schedule = HandOffSchedule(pattern: testCase.pattern, clock: clock)
        let from = utc(testCase.from).timeIntervalSince1970
        let to = utc(testCase.to).timeIntervalSince1970
        let listed = schedule.candidates(after: from, through: to)
        #expect(schedule.count(after: from, through: to) == listed.count)
        for cut in stride(from: 5, to: listed.count, by: max(1, listed.count / 7)) {
            #expect(schedule.count(after: from, through: listed[cut]) == cut + 1)
            #expect(schedule.count(after: listed[cut], through: to) == listed.count - cut - 1)
        }
    }

    /// A rotation that started long ago: a far shift's instants and members, computed directly.
    struct FarCase: Sendable, CustomTestStringConvertible {
        let name: String
        let rotation: RotationDefinition
        let at: String
        let expected: String

        var testDescription: String { name }
    }

    static let farCases: [FarCase] = [
        FarCase(
            name: "daily 09:00 Asia/Tokyo since 2016: shift 3721 on 2026-03-10",
            rotation: rotation(.daily([at(9)]), members: members(7), start: "2016-01-01T00:00", zone: "Asia/Tokyo"),
            at: "2026-03-10T05:00",
            expected: shift("2026-03-10T00:00", "2026-03-11T00:00", "m4")
        ),
        FarCase(
            name: "daily 09:00 America/New_York since 2016 across twenty DST changes",
            rotation: rotation(.daily([at(9)]), members: members(7), start: "2016-01-01T14:00", zone: "America/New_York"),
            at: "2026-03-10T15:00",
            expected: shift("2026-03-10T13:00", "2026-03-11T13:00", "m4")
        ),
        FarCase(
            name: "daily 09:00 and 21:00 UTC since 1990, two on call of five",
            rotation: rotation(.daily([at(9), at(21)]), members: members(5), start: "1990-01-01T09:00", onCalls: 2),
            // 2026-01-01 is 13 149 days after 1990-01-01: hand-off index 26 298 at 09:00, shift 26 298.
            at: "2026-01-01T10:00",
            expected: shift("2026-01-01T09:00", "2026-01-01T21:00", "m1,m2")
        ),
        FarCase(
            name: "weekly Monday 09:00 Asia/Tokyo queried in 2100: shift 3861",
            rotation: rotation(
                .weekly([WeeklyHandOff(dayOfWeek: .mon, handOffTime: at(9))]),
                members: members(5),
                start: "2026-01-05T00:00",
                zone: "Asia/Tokyo"
            ),
            at: "2100-01-04T05:00",
            expected: shift("2100-01-04T00:00", "2100-01-11T00:00", "m1")
        ),
        FarCase(
            name: "monthly 1st 00:00 UTC since 1926 with multiplier 100",
            rotation: rotation(
                .monthly([MonthlyHandOff(dayOfMonth: 1, handOffTime: at(0))]), members: members(3), start: "1926-01-01T00:00", multiplier: 100),
            // Shift i covers months [100 i, 100 (i + 1)) after January 1926: 2026-01 is month 1200, shift 12.
            at: "2026-02-01T00:00",
            expected: shift("2026-01-01T00:00", "2034-05-01T00:00", "m0")
        ),
    ]

    @Test(arguments: farCases)
    func farShifts(_ testCase: FarCase) throws {
        let instant = utc(testCase.at)
        let shifts = try ShiftEngine.shifts(of: testCase.rotation, overrides: [], from: instant, to: instant.addingTimeInterval(60))
        #expect(describe(shifts) == [testCase.expected])
        let names = testCase.expected.split(separator: " ").last.map { $0.split(separator: ",").map(String.init) } ?? []
        #expect(try ShiftEngine.onCall(testCase.rotation, overrides: [], at: instant) == names)
    }

    @Test("a long query over a rotation that began long ago is exact at both ends")
    func longQuery() throws {
        let definition = rotation(.daily([at(9), at(21)]), members: members(5), start: "2000-01-01T09:00", zone: "Europe/Berlin")
        let shifts = try ShiftEngine.shifts(of: definition, overrides: [], from: utc("2025-01-01T00:00"), to: utc("2026-02-05T00:00"))
        #expect(shifts.count > 800)
        for (previous, next) in zip(shifts, shifts.dropFirst()) {
            #expect(previous.end == next.start)
            let previousIndex = Int(previous.members[0].dropFirst()) ?? -1
            let nextIndex = Int(next.members[0].dropFirst()) ?? -1
            #expect((previousIndex + 1) % 5 == nextIndex)
        }
    }

    @Test("civil-date arithmetic round-trips and matches Foundation", arguments: [-800_000, -25_567, -1, 0, 59, 365, 11_016, 20_454, 2_932_896])
    func civilCalendar(dayNumber: Int) throws {
        let date = CivilCalendar.civil(fromDayNumber: dayNumber)
        #expect(CivilCalendar.dayNumber(year: date.year, month: date.month, day: date.day) == dayNumber)
        if dayNumber > -100_000 {
            let foundation = utc(String(format: "%04d-%02d-%02dT00:00", date.year, date.month, date.day))
            #expect(foundation.timeIntervalSince1970 == Double(dayNumber) * 86_400)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
            let weekday = calendar.component(.weekday, from: foundation)
            #expect(CivilCalendar.weekdayIndex(ofDayNumber: dayNumber) == (weekday + 5) % 7)
        }
    }
}
