import Foundation
import HikeshiCore
import Testing

/// A UTC instant from `YYYY-MM-DDTHH:MM[:SS]Z` (test helper; malformed text gives the epoch).
func utc(_ text: String) -> Date {
    let digits = text.split { !$0.isNumber }.map { Int($0) ?? 0 }
    var components = DateComponents()
    components.year = digits.count > 0 ? digits[0] : 1970
    components.month = digits.count > 1 ? digits[1] : 1
    components.day = digits.count > 2 ? digits[2] : 1
    components.hour = digits.count > 3 ? digits[3] : 0
    components.minute = digits.count > 4 ? digits[4] : 0
    components.second = digits.count > 5 ? digits[5] : 0
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
    return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
}

/// An instant as `YYYY-MM-DDTHH:MM:SSZ`, for readable expectations and failure messages.
func iso(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(secondsFromGMT: 0)
    return formatter.string(from: date)
}

/// `HH:MM` as a hand-off time.
func at(_ hour: Int, _ minute: Int = 0) -> HandOffTime {
    HandOffTime(hour: hour, minute: minute)
}

/// A coverage window from `start` to `end`.
func window(_ start: HandOffTime, _ end: HandOffTime) -> CoverageWindow {
    CoverageWindow(start: start, end: end)
}

/// Members named `m0`, `m1`, …
func members(_ count: Int) -> [String] {
    (0..<count).map { "m\($0)" }
}

/// A rotation with sensible defaults.
func rotation(
    _ pattern: RotationRecurrence.Pattern,
    members: [String] = ["a", "b", "c"],
    start: String,
    zone: String = "UTC",
    onCalls: Int = 1,
    multiplier: Int = 1,
    coverage: [Weekday: [CoverageWindow]] = [:]
) -> RotationDefinition {
    RotationDefinition(
        members: members,
        start: utc(start),
        timeZoneID: zone,
        recurrence: RotationRecurrence(pattern: pattern, numberOfOnCalls: onCalls, multiplier: multiplier, coverage: coverage)
    )
}

/// An override created at `created` (default: the epoch plus `rank` seconds, for ordering).
func override(
    _ id: String,
    _ start: String,
    _ end: String,
    _ members: [String],
    rank: Int = 0
) -> RotationOverrideSpec {
    RotationOverrideSpec(
        id: id,
        start: utc(start),
        end: utc(end),
        members: members,
        createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(rank))
    )
}

/// A compact, comparable rendering of a shift: `start→end members [*overridden]`.
func describe(_ shift: Shift) -> String {
    var text = "\(iso(shift.start))→\(iso(shift.end)) \(shift.members.joined(separator: ","))"
    if shift.isOverridden { text += " *[\(shift.overriddenMembers.joined(separator: ","))]" }
    return text
}

/// Shifts rendered with ``describe(_:)``.
func describe(_ shifts: [Shift]) -> [String] {
    shifts.map(describe)
}

/// A deterministic pseudo-random generator (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// The ``describe(_:)`` rendering of an expected shift; times are UTC `YYYY-MM-DDTHH:MM`.
func shift(_ start: String, _ end: String, _ members: String, overriding: String? = nil) -> String {
    var text = "\(iso(utc(start)))→\(iso(utc(end))) \(members)"
    if let overriding { text += " *[\(overriding)]" }
    return text
}

/// One table row: a rotation, a query range and the exact shifts expected.
struct ShiftCase: Sendable, CustomTestStringConvertible {
    let name: String
    let rotation: RotationDefinition
    var overrides: [RotationOverrideSpec] = []
    let from: String
    let to: String
    let expected: [String]

    var testDescription: String { name }

    /// The engine's shifts for the row, described as the expectations are.
    func actual() throws -> [String] {
        describe(try ShiftEngine.shifts(of: rotation, overrides: overrides, from: utc(from), to: utc(to)))
    }
}
