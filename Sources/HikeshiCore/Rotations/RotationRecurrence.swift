/// When a rotation hands off, how many members are on call at once, and when coverage applies
/// (AWS `RecurrenceSettings`).
public struct RotationRecurrence: Codable, Sendable, Equatable {
    /// The hand-off pattern: exactly one of daily, weekly or monthly, each with one or more entries.
    public enum Pattern: Codable, Sendable, Equatable {
        /// Every day at each listed local time (AWS `DailySettings`).
        case daily([HandOffTime])
        /// Every week on each listed local weekday and time (AWS `WeeklySettings`).
        case weekly([WeeklyHandOff])
        /// Every month on each listed local day of the month and time (AWS `MonthlySettings`).
        case monthly([MonthlyHandOff])

        private enum CodingKeys: String, CodingKey {
            case daily
            case weekly
            case monthly
        }

        /// Builds the pattern from AWS's three optional settings lists, exactly one of which must be
        /// present and non-empty.
        ///
        /// - Throws: ``RotationError`` naming `Recurrence` when none or several are given.
        public static func fromSettings(
            daily: [HandOffTime]?,
            weekly: [WeeklyHandOff]?,
            monthly: [MonthlyHandOff]?
        ) throws -> Pattern {
            var found: [Pattern] = []
            if let daily, !daily.isEmpty { found.append(.daily(daily)) }
            if let weekly, !weekly.isEmpty { found.append(.weekly(weekly)) }
            if let monthly, !monthly.isEmpty { found.append(.monthly(monthly)) }
            guard found.count == 1, let pattern = found.first else {
                throw RotationError(
                    field: "Recurrence",
                    message: "exactly one of DailySettings, WeeklySettings or MonthlySettings must be given, with at least one entry"
                )
            }
            return pattern
        }

        /// How many hand-off entries the pattern lists.
        public var entryCount: Int {
            switch self {
            case .daily(let times): times.count
            case .weekly(let entries): entries.count
            case .monthly(let entries): entries.count
            }
        }

        /// Decodes `{"daily": [...]}`, `{"weekly": [...]}` or `{"monthly": [...]}` (exactly one key).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            guard container.allKeys.count == 1, let key = container.allKeys.first else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: container.codingPath,
                        debugDescription: "expected exactly one of daily, weekly, monthly"
                    )
                )
            }
            switch key {
            case .daily: self = .daily(try container.decode([HandOffTime].self, forKey: .daily))
            case .weekly: self = .weekly(try container.decode([WeeklyHandOff].self, forKey: .weekly))
            case .monthly: self = .monthly(try container.decode([MonthlyHandOff].self, forKey: .monthly))
            }
        }

        /// Encodes as a single-key object named after the pattern kind.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .daily(let times): try container.encode(times, forKey: .daily)
            case .weekly(let entries): try container.encode(entries, forKey: .weekly)
            case .monthly(let entries): try container.encode(entries, forKey: .monthly)
            }
        }
    }

    /// The hand-off pattern.
    public var pattern: Pattern
    /// How many members are on call at once (AWS `NumberOfOnCalls`).
    public var numberOfOnCalls: Int
    /// Only every `multiplier`-th candidate hand-off is a real one (AWS `RecurrenceMultiplier`).
    public var multiplier: Int
    /// Coverage windows per local weekday (AWS `ShiftCoverages`); no windows at all means always covered.
    public var coverage: [Weekday: [CoverageWindow]]

    /// Creates recurrence settings.
    public init(
        pattern: Pattern,
        numberOfOnCalls: Int = 1,
        multiplier: Int = 1,
        coverage: [Weekday: [CoverageWindow]] = [:]
    ) {
        self.pattern = pattern
        self.numberOfOnCalls = numberOfOnCalls
        self.multiplier = multiplier
        self.coverage = coverage
    }
}
