/// A day of the week, spelled as AWS spells it in `DayOfWeek` and the `ShiftCoverages` map keys.
public enum Weekday: String, Codable, CaseIterable, Sendable, CodingKeyRepresentable {
    /// Monday.
    case mon = "MON"
    /// Tuesday.
    case tue = "TUE"
    /// Wednesday.
    case wed = "WED"
    /// Thursday.
    case thu = "THU"
    /// Friday.
    case fri = "FRI"
    /// Saturday.
    case sat = "SAT"
    /// Sunday.
    case sun = "SUN"

    /// The day's position in an ISO week: Monday is 0, Sunday is 6.
    public var isoIndex: Int {
        switch self {
        case .mon: 0
        case .tue: 1
        case .wed: 2
        case .thu: 3
        case .fri: 4
        case .sat: 5
        case .sun: 6
        }
    }

    /// The weekday at `isoIndex` (Monday is 0), wrapping modulo 7.
    public init(isoIndex: Int) {
        let all = Weekday.allCases
        self = all[((isoIndex % 7) + 7) % 7]
    }
}
