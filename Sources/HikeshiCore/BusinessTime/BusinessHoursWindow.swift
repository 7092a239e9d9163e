/// One stretch of open hours within a local day, `[start, end)`, e.g. 08:00–18:00.
///
/// Minutes count from local midnight; `endMinute` may be 1440 (24:00, the next midnight). Encodes as
/// `{"start":"08:00","end":"18:00"}`.
public struct BusinessHoursWindow: Sendable, Hashable, Comparable, Codable {
    /// Minutes in a day.
    public static let minutesPerDay = 1440

    /// Opening, in minutes after local midnight (0...1439).
    public let startMinute: Int
    /// Closing, in minutes after local midnight (1...1440), after `startMinute`.
    public let endMinute: Int

    /// A window from minute offsets, stored as given (see `isValid`).
    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// A window on whole hours, e.g. `BusinessHoursWindow(startHour: 8, endHour: 18)`.
    public init(startHour: Int, startMinute: Int = 0, endHour: Int, endMinute: Int = 0) {
        self.init(startMinute: startHour * 60 + startMinute, endMinute: endHour * 60 + endMinute)
    }

    /// Parses `"HH:MM"` times (`end` may be `"24:00"`); nil when malformed or not a valid window.
    public init?(start: String, end: String) {
        guard let startMinute = Self.minute(of: start), let endMinute = Self.minute(of: end) else { return nil }
        self.init(startMinute: startMinute, endMinute: endMinute)
        guard isValid else { return nil }
    }

    /// Whether the window lies within one day and is not empty.
    public var isValid: Bool {
        startMinute >= 0 && endMinute <= Self.minutesPerDay && startMinute < endMinute
    }

    /// The opening time, `"HH:MM"` (24-hour).
    public var start: String { Self.clock24(startMinute) }

    /// The closing time, `"HH:MM"` (24-hour; `"24:00"` for midnight at the end of the day).
    public var end: String { Self.clock24(endMinute) }

    /// The opening time on a 12-hour clock, `"08:00 AM"`.
    public var startTime: String { Self.clock12(startMinute) }

    /// The closing time on a 12-hour clock, `"06:00 PM"` (`"12:00 AM"` for midnight at the end of the day).
    public var endTime: String { Self.clock12(endMinute) }

    /// Orders windows by opening, then closing.
    public static func < (lhs: BusinessHoursWindow, rhs: BusinessHoursWindow) -> Bool {
        (lhs.startMinute, lhs.endMinute) < (rhs.startMinute, rhs.endMinute)
    }

    private enum CodingKeys: String, CodingKey {
        case start, end
    }

    /// Decodes `{"start":"HH:MM","end":"HH:MM"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(String.self, forKey: .start)
        let end = try container.decode(String.self, forKey: .end)
        guard let window = BusinessHoursWindow(start: start, end: end) else {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container, debugDescription: "expected HH:MM times with start before end, got \(start)–\(end)")
        }
        self = window
    }

    /// Encodes `{"start":"HH:MM","end":"HH:MM"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }

    /// Minutes after midnight of `"HH:MM"` (00:00...24:00).
    static func minute(of text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...24).contains(hour), (0...59).contains(minute)
        else { return nil }
        let total = hour * 60 + minute
        return total <= minutesPerDay ? total : nil
    }

    private static func clock24(_ minute: Int) -> String {
        "\(CivilDate.padded(minute / 60, 2)):\(CivilDate.padded(minute % 60, 2))"
    }

    private static func clock12(_ minute: Int) -> String {
        let wrapped = minute % minutesPerDay
        let hour = wrapped / 60
        let displayHour = hour % 12 == 0 ? 12 : hour % 12
        return "\(CivilDate.padded(displayHour, 2)):\(CivilDate.padded(wrapped % 60, 2)) \(hour < 12 ? "AM" : "PM")"
    }
}
