/// Overrides flattened into disjoint spans: where several overlap, the one created last wins
/// (ties: the one later in the list).
struct OverrideTimeline {
    /// Disjoint spans sorted by start; `members` may be empty (nobody on call).
    let spans: [MemberSpan]

    /// Flattens overrides (each with `end > start`).
    init(overrides: [RotationOverrideSpec]) {
        let ranked = overrides.enumerated()
            .sorted { ($0.element.createdAt, $0.offset) < ($1.element.createdAt, $1.offset) }
            .map {
                (
                    start: $0.element.start.timeIntervalSince1970,
                    end: $0.element.end.timeIntervalSince1970,
                    members: $0.element.members
                )
            }
        let edges = Array(Set(ranked.flatMap { [$0.start, $0.end] })).sorted()
        var spans: [MemberSpan] = []
        var lastWinner: Int?
        for (lower, upper) in zip(edges, edges.dropFirst()) {
            let winner = ranked.lastIndex { $0.start <= lower && $0.end >= upper }
            guard let winner else {
                lastWinner = nil
                continue
            }
            if winner == lastWinner, let last = spans.last, last.end == lower {
                spans[spans.count - 1].end = upper
            } else {
                spans.append(MemberSpan(start: lower, end: upper, members: ranked[winner].members))
            }
            lastWinner = winner
        }
        self.spans = spans
    }
}
