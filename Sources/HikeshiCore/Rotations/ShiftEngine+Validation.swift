import Foundation

extension ShiftEngine {
    /// The most members a rotation or an override may name (AWS's limit).
    public static let maximumMembers = 30
    /// The most entries a daily, weekly or monthly settings list may have.
    public static let maximumHandOffEntries = 100
    /// The most coverage windows one weekday may have.
    public static let maximumCoverageWindowsPerDay = 50
    /// The earliest accepted rotation start: 1900-01-01T00:00:00Z.
    public static let earliestStart = Date(timeIntervalSince1970: -2_208_988_800)
    /// The first rejected rotation start: 3000-01-01T00:00:00Z.
    public static let latestStart = Date(timeIntervalSince1970: 32_503_680_000)

    /// Validates a rotation definition.
    ///
    /// Rules, with the field each violation names:
    /// - `ContactIds`: 1...30 members, none empty, no duplicates.
    /// - `StartTime`: from 1900-01-01 up to (not including) 3000-01-01 UTC.
    /// - `TimeZoneId`: an IANA zone name Foundation knows, in `Area/Location` form (`Asia/Tokyo`,
    ///   `America/Argentina/Buenos_Aires`, `Etc/GMT-9`) or `UTC` / `GMT`; bare abbreviations and
    ///   offsets (`EST`, `JST`, `CET`, `EST5EDT`, `GMT+9`) are refused because they are ambiguous or
    ///   do not follow DST as users expect.
    /// - `Recurrence.NumberOfOnCalls`: 1...members.
    /// - `Recurrence.RecurrenceMultiplier`: 1...100.
    /// - `Recurrence.DailySettings` / `WeeklySettings` / `MonthlySettings`: 1...100 entries, hours
    ///   0...23, minutes 0...59, days of the month 1...31 (e.g. `Recurrence.DailySettings[1].HourOfDay`).
    /// - `Recurrence.ShiftCoverages.<DAY>`: at most 50 windows a day, times in range
    ///   (e.g. `Recurrence.ShiftCoverages.MON[0].End.MinuteOfHour`).
    ///
    /// - Throws: ``RotationError`` for the first violation found.
    public static func validate(_ rotation: RotationDefinition) throws {
        _ = try validatedTimeZone(of: rotation)
    }

    /// Validates an override: `EndTime` after `StartTime`, and `NewContactIds` at most 30, none
    /// empty, no duplicates (an empty list is allowed and means nobody is on call).
    ///
    /// - Throws: ``RotationError`` naming `EndTime` or `NewContactIds`.
    public static func validate(_ override: RotationOverrideSpec) throws {
        guard override.end > override.start else {
            throw RotationError(field: "EndTime", message: "the override must end after it starts")
        }
        try validateMembers(override.members, field: "NewContactIds", minimum: 0)
    }

    /// Validates a shift query range: `to` after `from`, at most ``maximumRange`` apart.
    ///
    /// - Throws: ``RotationError`` naming `EndTime`.
    public static func validateRange(from: Date, to: Date) throws {
        guard to > from else {
            throw RotationError(field: "EndTime", message: "the end of the time range must be after its start")
        }
        guard to.timeIntervalSince(from) <= maximumRange else {
            throw RotationError(field: "EndTime", message: "the time range must be at most 400 days")
        }
    }

    /// Whether `identifier` is an accepted rotation time zone (see ``validate(_:)``).
    public static func isAcceptedTimeZoneID(_ identifier: String) -> Bool {
        guard identifier.contains("/") || identifier == "UTC" || identifier == "GMT" else { return false }
        return TimeZone(identifier: identifier) != nil
    }

    /// Validates the rotation and returns its time zone.
    static func validatedTimeZone(of rotation: RotationDefinition) throws -> TimeZone {
        try validateMembers(rotation.members, field: "ContactIds", minimum: 1)
        guard rotation.start >= earliestStart && rotation.start < latestStart else {
            throw RotationError(field: "StartTime", message: "the start must be between the years 1900 and 2999")
        }
        guard isAcceptedTimeZoneID(rotation.timeZoneID), let timeZone = TimeZone(identifier: rotation.timeZoneID) else {
            throw RotationError(
                field: "TimeZoneId",
                message: "'\(rotation.timeZoneID)' is not an IANA time zone name such as America/Los_Angeles or UTC"
            )
        }
        let recurrence = rotation.recurrence
        guard (1...rotation.members.count).contains(recurrence.numberOfOnCalls) else {
            throw RotationError(
                field: "Recurrence.NumberOfOnCalls",
                message: "must be between 1 and the number of contacts (\(rotation.members.count))"
            )
        }
        guard (1...100).contains(recurrence.multiplier) else {
            throw RotationError(field: "Recurrence.RecurrenceMultiplier", message: "must be between 1 and 100")
        }
        try validatePattern(recurrence.pattern)
        try validateCoverage(recurrence.coverage)
        return timeZone
    }

    private static func validateMembers(_ members: [String], field: String, minimum: Int) throws {
        guard members.count >= minimum && members.count <= maximumMembers else {
            throw RotationError(field: field, message: "must list between \(minimum) and \(maximumMembers) contacts")
        }
        guard !members.contains(where: \.isEmpty) else {
            throw RotationError(field: field, message: "contact ids must not be empty")
        }
        guard Set(members).count == members.count else {
            throw RotationError(field: field, message: "contacts must not be listed twice")
        }
    }

    private static func validatePattern(_ pattern: RotationRecurrence.Pattern) throws {
        let field: String
        switch pattern {
        case .daily: field = "Recurrence.DailySettings"
        case .weekly: field = "Recurrence.WeeklySettings"
        case .monthly: field = "Recurrence.MonthlySettings"
        }
        guard (1...maximumHandOffEntries).contains(pattern.entryCount) else {
            throw RotationError(field: field, message: "must have between 1 and \(maximumHandOffEntries) entries")
        }
        switch pattern {
        case .daily(let times):
            for (index, time) in times.enumerated() {
                try validateTime(time, field: "\(field)[\(index)]")
            }
        case .weekly(let entries):
            for (index, entry) in entries.enumerated() {
                try validateTime(entry.handOffTime, field: "\(field)[\(index)].HandOffTime")
            }
        case .monthly(let entries):
            for (index, entry) in entries.enumerated() {
                guard (1...31).contains(entry.dayOfMonth) else {
                    throw RotationError(field: "\(field)[\(index)].DayOfMonth", message: "must be between 1 and 31")
                }
                try validateTime(entry.handOffTime, field: "\(field)[\(index)].HandOffTime")
            }
        }
    }

    private static func validateCoverage(_ coverage: [Weekday: [CoverageWindow]]) throws {
        for day in Weekday.allCases {
            guard let windows = coverage[day] else { continue }
            let field = "Recurrence.ShiftCoverages.\(day.rawValue)"
            guard windows.count <= maximumCoverageWindowsPerDay else {
                throw RotationError(field: field, message: "must have at most \(maximumCoverageWindowsPerDay) windows")
            }
            for (index, window) in windows.enumerated() {
                try validateTime(window.start, field: "\(field)[\(index)].Start")
                try validateTime(window.end, field: "\(field)[\(index)].End")
            }
        }
    }

    private static func validateTime(_ time: HandOffTime, field: String) throws {
        guard (0...23).contains(time.hour) else {
            throw RotationError(field: "\(field).HourOfDay", message: "must be between 0 and 23")
        }
        guard (0...59).contains(time.minute) else {
            throw RotationError(field: "\(field).MinuteOfHour", message: "must be between 0 and 59")
        }
    }
}
