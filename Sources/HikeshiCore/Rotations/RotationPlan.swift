import Foundation

/// A validated rotation prepared for computation: hand-off schedule, coverage and member order.
struct RotationPlan {
    /// Coverage gaps are shorter than this, so widening a range by it finds every covered piece's edges.
    static let coverageReach: Double = 8 * 86_400
    /// Safety cap on the shifts one computation produces.
    private static let shiftLimit = 2_000_000

    private let schedule: HandOffSchedule
    private let coverage: CoverageSchedule
    private let members: [String]
    private let onCalls: Int
    private let multiplier: Int
    /// The rotation's start (UTC seconds since 1970).
    let start: Double

    /// Prepares a rotation that already passed validation.
    init(_ rotation: RotationDefinition, timeZone: TimeZone) {
        let clock = ZoneClock(timeZone: timeZone)
        schedule = HandOffSchedule(pattern: rotation.recurrence.pattern, clock: clock)
        coverage = CoverageSchedule(coverage: rotation.recurrence.coverage, clock: clock)
        members = rotation.members
        onCalls = rotation.recurrence.numberOfOnCalls
        multiplier = rotation.recurrence.multiplier
        start = rotation.start.timeIntervalSince1970
    }

    /// The members of shift `index` (0 is the shift that begins at the rotation's start).
    func members(ofShift index: Int) -> [String] {
        let count = members.count
        let first = (index % count) * onCalls
        return (0..<onCalls).map { members[(first + $0) % count] }
    }

    /// The shift containing `instant` (not before the start): its index and start.
    func locate(_ instant: Double) throws -> (index: Int, start: Double) {
        let passed = schedule.count(after: start, through: instant)
        let index = passed / multiplier
        guard index > 0 else { return (0, start) }
        let fromEnd = passed - index * multiplier + 1
        var width = Double(multiplier + 1) * schedule.typicalPeriod + 2 * 86_400
        for _ in 0..<64 {
            let lower = max(start, instant - width)
            let list = schedule.candidates(after: lower, through: instant)
            if list.count >= fromEnd { return (index, list[list.count - fromEnd]) }
            if lower == start { break }
            width *= 2
        }
        throw RotationError(field: "Recurrence", message: "could not locate the shift containing \(instant)")
    }

    /// The regular shifts overlapping `[lower, upper)`, unclipped, before coverage.
    func regularShifts(overlapping lower: Double, _ upper: Double) throws -> [MemberSpan] {
        let from = max(lower, start)
        guard upper > from else { return [] }
        var (index, shiftStart) = try locate(from)
        var stream = CandidateStream(schedule: schedule, after: shiftStart)
        var result: [MemberSpan] = []
        while result.count < Self.shiftLimit {
            var shiftEnd = shiftStart
            for _ in 0..<multiplier {
                shiftEnd = try stream.next()
            }
            result.append(MemberSpan(start: shiftStart, end: shiftEnd, members: members(ofShift: index)))
            if shiftEnd >= upper { return result }
            shiftStart = shiftEnd
            index += 1
        }
        throw RotationError(field: "EndTime", message: "the time range holds too many shifts")
    }

    /// The regular shifts intersected with coverage: the covered pieces overlapping `[lower, upper)`,
    /// unclipped, sorted by start.
    func coveredShifts(overlapping lower: Double, _ upper: Double) throws -> [MemberSpan] {
        let shifts = try regularShifts(overlapping: lower, upper)
        if coverage.isAlwaysCovered { return shifts }
        let from = max(lower, start)
        let covered = coverage.intervals(from: from - Self.coverageReach, to: upper + Self.coverageReach)
        var result: [MemberSpan] = []
        var first = 0
        for shift in shifts {
            while first < covered.count && covered[first].end <= shift.start { first += 1 }
            var position = first
            while position < covered.count && covered[position].start < shift.end {
                let piece = MemberSpan(
                    start: max(shift.start, covered[position].start),
                    end: min(shift.end, covered[position].end),
                    members: shift.members
                )
                if piece.end > piece.start && piece.overlaps(lower, upper) { result.append(piece) }
                position += 1
            }
        }
        return result
    }
}
