extension ShiftEngine {
    /// A computed span and, when an override produced it, the regular members it replaced.
    struct OverriddenSpan {
        /// The span and who is on call in it.
        var span: MemberSpan
        /// `nil` for regular time; the replaced members (possibly empty) for overridden time.
        var overridden: [String]?
    }

    /// Applies overrides to covered regular shifts.
    ///
    /// `regular` must hold every covered regular shift overlapping `[lower, upper)` and those within
    /// ``RotationPlan/coverageReach`` of it (and the first ones after the rotation's start when it
    /// lies beyond the range), so that uncovered gaps next to the range are known exactly.
    static func applying(
        _ overrides: [RotationOverrideSpec],
        to regular: [MemberSpan],
        lower: Double,
        upper: Double
    ) -> [OverriddenSpan] {
        let relevantLower = min(lower, regular.first?.start ?? lower)
        let relevantUpper = max(upper, regular.last?.end ?? upper)
        let relevant = overrides.filter {
            $0.start.timeIntervalSince1970 < relevantUpper && $0.end.timeIntervalSince1970 > relevantLower
        }
        let spans = OverrideTimeline(overrides: relevant).spans
        var result: [OverriddenSpan] = []
        for shift in regular {
            var cursor = shift.start
            for span in spans where span.overlaps(shift.start, shift.end) {
                let overlapStart = max(shift.start, span.start)
                let overlapEnd = min(shift.end, span.end)
                if overlapStart > cursor {
                    result.append(OverriddenSpan(span: MemberSpan(start: cursor, end: overlapStart, members: shift.members)))
                }
                if !span.members.isEmpty {
                    let part = MemberSpan(start: overlapStart, end: overlapEnd, members: span.members)
                    result.append(OverriddenSpan(span: part, overridden: shift.members))
                }
                cursor = overlapEnd
            }
            if cursor < shift.end {
                result.append(OverriddenSpan(span: MemberSpan(start: cursor, end: shift.end, members: shift.members)))
            }
        }
        for span in spans where !span.members.isEmpty && span.overlaps(lower, upper) {
            var cursor = span.start
            for shift in regular where shift.overlaps(span.start, span.end) {
                if shift.start > cursor {
                    result.append(OverriddenSpan(span: MemberSpan(start: cursor, end: shift.start, members: span.members), overridden: []))
                }
                cursor = max(cursor, shift.end)
            }
            if cursor < span.end {
                result.append(OverriddenSpan(span: MemberSpan(start: cursor, end: span.end, members: span.members), overridden: []))
            }
        }
        return result
    }
}

extension ShiftEngine.OverriddenSpan {
    /// A span of regular time.
    init(span: MemberSpan) {
        self.init(span: span, overridden: nil)
    }
}
