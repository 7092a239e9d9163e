/// A half-open interval `[start, end)` of UTC seconds since 1970 with the members on call in it.
struct MemberSpan: Equatable {
    /// Start, inclusive.
    var start: Double
    /// End, exclusive.
    var end: Double
    /// Who is on call.
    var members: [String]

    /// Whether the span overlaps `[lower, upper)`.
    func overlaps(_ lower: Double, _ upper: Double) -> Bool {
        start < upper && end > lower
    }
}
