import Foundation

/// Computes an on-call rotation's shifts: who is on call when. Pure and deterministic.
///
/// This comment and `docs/rotations.md` are the user-facing definition of the semantics.
///
/// **Hand-offs.** Candidate hand-off instants are the recurrence's local wall-clock times in the
/// rotation's time zone: `daily` is every local day at each listed time, `weekly` every week on each
/// (weekday, time), `monthly` every month on each (day of month, time). Several entries per period
/// are allowed (daily 09:00 and 21:00). Entries that land on the same instant count once.
///
/// - Day 29–31 in a shorter month hands off on that month's last day (31 → 28 or 29 February,
///   31 → 30 April); two entries that clamp onto the same instant count once.
/// - Hand-offs keep their local time across DST changes (09:00 stays 09:00 local; the UTC instant
///   moves by the offset change).
/// - A local time inside a spring-forward gap is read with the UTC offset in force before the gap,
///   so it lands the gap's length later: 02:30 on 2026-03-08 in America/New_York is 03:30 EDT
///   (07:30 UTC); 02:30 on 2026-03-29 in Europe/Berlin is 03:30 CEST (01:30 UTC). This is RFC 5545's
///   rule and what Foundation's `Calendar` does.
/// - An ambiguous local time in a fall-back overlap uses its first occurrence: 01:30 on 2026-11-01 in
///   America/New_York is 01:30 EDT (05:30 UTC); 02:30 on 2026-10-25 in Europe/Berlin is 02:30 CEST
///   (00:30 UTC).
///
/// **Multiplier.** With `multiplier` k, only the k-th, 2k-th, 3k-th… candidate strictly after the
/// rotation's start is a real hand-off (weekly Monday 09:00 with k = 2 gives two-week shifts).
///
/// **Shifts and members.** The first shift starts at the rotation's start and ends at the first real
/// hand-off; each later shift runs from one real hand-off to the next. Shift i (0-based) is served by
/// `numberOfOnCalls` members taken in order, wrapping: `members[(i * n + j) % m]` for `j` in `0..<n`.
///
/// **Coverage.** With no coverage windows the rotation is always covered. Otherwise members are on
/// call only inside the windows of each local weekday: a window whose end is not after its start
/// wraps past midnight into the next day (`22:00–06:00` is overnight, `00:00–00:00` the whole day),
/// and touching or overlapping windows merge. Each shift yields one shift per covered part (same
/// members); uncovered time has no shift. Hand-offs happen at their instants regardless of coverage,
/// so coverage never changes whose turn it is.
///
/// **Overrides.** For `[override.start, override.end)` the override's members replace the regular
/// ones: regular shifts are split at the override's edges and the overlapped part is reported with
/// `isOverridden`, the override's `members`, and the replaced members in `overriddenMembers`. An
/// override also applies where no regular shift exists (outside coverage, before the rotation's
/// start): that part is reported with empty `overriddenMembers`. Where overrides overlap, the one
/// created later wins (equal creation times: the later one in the list). An override without members
/// means nobody is on call: nothing is reported for its time.
///
/// **Queries.** ``shifts(of:overrides:from:to:)`` returns every shift overlapping `[from, to)`, sorted
/// by start and not clipped to the range; the range must be non-empty and at most 400 days long.
/// ``onCall(_:overrides:at:)`` is the members of the shift containing the instant, or nobody.
/// Computing a rotation that began years ago costs about the same as one that began yesterday.
public enum ShiftEngine {
    /// The longest time range one ``shifts(of:overrides:from:to:)`` call accepts: 400 days.
    public static let maximumRange: TimeInterval = 400 * 86_400

    /// Every shift overlapping `[from, to)`, ordered by start, not clipped, with overrides applied.
    ///
    /// - Throws: ``RotationError`` when the rotation or an override is invalid (see ``validate(_:)``)
    ///   or the range is empty or longer than ``maximumRange`` (field `EndTime`).
    public static func shifts(
        of rotation: RotationDefinition,
        overrides: [RotationOverrideSpec],
        from: Date,
        to: Date
    ) throws -> [Shift] {
        try shifts(regularShifts(of: rotation, from: from, to: to), overrides: overrides)
    }

    /// The regular shifts of a range, before overrides: computed once, then ``shifts(_:overrides:)`` applies the
    /// overrides that fall in ``RegularShifts/span`` (a caller that loads overrides by time needs the span first).
    ///
    /// - Throws: ``RotationError`` as ``shifts(of:overrides:from:to:)`` does.
    public static func regularShifts(of rotation: RotationDefinition, from: Date, to: Date) throws -> RegularShifts {
        let timeZone = try validatedTimeZone(of: rotation)
        try validateRange(from: from, to: to)
        let plan = RotationPlan(rotation, timeZone: timeZone)
        let lower = from.timeIntervalSince1970
        let upper = to.timeIntervalSince1970
        let reach = RotationPlan.coverageReach
        let spans = try plan.coveredShifts(overlapping: lower - reach, max(upper, plan.start) + reach)
        return RegularShifts(spans: spans, lower: lower, upper: upper)
    }

    /// ``shifts(of:overrides:from:to:)`` of regular shifts already computed.
    ///
    /// - Throws: ``RotationError`` when an override is invalid.
    public static func shifts(_ regular: RegularShifts, overrides: [RotationOverrideSpec]) throws -> [Shift] {
        for override in overrides {
            try validate(override)
        }
        let (lower, upper) = (regular.lower, regular.upper)
        let spans = applying(overrides, to: regular.spans, lower: lower, upper: upper)
        let visible = spans.filter { $0.span.end > $0.span.start && $0.span.overlaps(lower, upper) }
        return visible.sorted { $0.span.start < $1.span.start }.map { item in
            Shift(
                start: Date(timeIntervalSince1970: item.span.start),
                end: Date(timeIntervalSince1970: item.span.end),
                members: item.span.members,
                isOverridden: item.overridden != nil,
                overriddenMembers: item.overridden ?? []
            )
        }
    }

    /// Who is on call at an instant: the members of the shift containing it, empty outside coverage,
    /// before the rotation's start, or during an override that names nobody.
    ///
    /// - Throws: ``RotationError`` when the rotation or an override is invalid.
    public static func onCall(_ rotation: RotationDefinition, overrides: [RotationOverrideSpec], at instant: Date) throws -> [String] {
        let list = try shifts(of: rotation, overrides: overrides, from: instant, to: instant.addingTimeInterval(1))
        return list.first { $0.contains(instant) }?.members ?? []
    }
}

/// A rotation's regular shifts around a range, before overrides (see ``ShiftEngine/regularShifts(of:from:to:)``).
public struct RegularShifts: Sendable {
    let spans: [MemberSpan]
    let lower: Double
    let upper: Double

    /// From the start of the first regular shift overlapping the range (or the range's start, if earlier) to the end
    /// of the last one (or the range's end, if later): where an override can change what the range shows.
    public var span: (start: Date, end: Date) {
        let visible = spans.filter { $0.end > $0.start && $0.overlaps(lower, upper) }
        let start = min(visible.map(\.start).min() ?? lower, lower)
        let end = max(visible.map(\.end).max() ?? upper, upper)
        return (Date(timeIntervalSince1970: start), Date(timeIntervalSince1970: end))
    }
}
