import Foundation

/// When a support desk is open: weekly local hours in an IANA time zone, minus public and company holidays — or
/// always (24/7).
///
/// Used for response targets that only count business time, e.g. AWS Developer Support in Japanese: weekdays
/// 08:00–18:00 Asia/Tokyo, Japanese public holidays excluded, time outside those hours not accumulating
/// (`japaneseBusinessHours`). All arithmetic (`BusinessCalendar+Arithmetic.swift`) works on local days in the zone
/// with Foundation's calendar, so daylight-saving changes are honoured: a window 08:00–18:00 is ten hours of wall
/// time, and across a change its UTC instants shift.
///
/// Encodes as `{"timeZone":"Asia/Tokyo","weeklyHours":{"MON":[{"start":"08:00","end":"18:00"}],…},
/// "holidayCountry":"JP","companyHolidays":[…],"alwaysOpen":false}`; decoding validates like `init`.
public struct BusinessCalendar: Sendable, Codable, Hashable {
    /// How many consecutive days without any open time end a search (about ten years): a calendar with no hours
    /// makes `dueDate` throw and `nextOpening` return nil instead of looping forever.
    public static let searchHorizonDays = 3660

    /// The IANA time zone the weekly hours are in, e.g. `"Asia/Tokyo"`.
    public let timeZoneIdentifier: String
    /// Open windows per weekday, sorted and non-overlapping; a weekday without windows is closed.
    public let weeklyHours: [Weekday: [BusinessHoursWindow]]
    /// Whose public holidays close the desk; nil for none.
    public let holidayCountry: HolidayCountry?
    /// Extra days the desk is closed (company holidays), by date.
    public let companyHolidays: [Holiday]
    /// Open every moment (24/7): no hours, no holidays, business time is elapsed time.
    public let isAlwaysOpen: Bool

    /// A calendar with weekly hours; throws when the zone is unknown, a window is invalid, two windows of a day overlap
    /// or a company holiday's date does not exist. Windows are stored sorted; weekdays without windows are dropped.
    public init(
        timeZoneIdentifier: String,
        weeklyHours: [Weekday: [BusinessHoursWindow]],
        holidayCountry: HolidayCountry? = nil,
        companyHolidays: [Holiday] = []
    ) throws(BusinessCalendarError) {
        guard TimeZone(identifier: timeZoneIdentifier) != nil else { throw .unknownTimeZone(timeZoneIdentifier) }
        var hours: [Weekday: [BusinessHoursWindow]] = [:]
        for (weekday, windows) in weeklyHours where !windows.isEmpty {
            let sorted = windows.sorted()
            if let invalid = sorted.first(where: { !$0.isValid }) { throw .invalidWindow(weekday, invalid) }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.startMinute < earlier.endMinute {
                throw .overlappingWindows(weekday)
            }
            hours[weekday] = sorted
        }
        if let invalid = companyHolidays.first(where: { !$0.date.isValid }) { throw .invalidHolidayDate(invalid.date) }
        self.init(
            validatedZone: timeZoneIdentifier, weeklyHours: hours, holidayCountry: holidayCountry,
            companyHolidays: companyHolidays.sorted { $0.date < $1.date }, isAlwaysOpen: false)
    }

    /// A calendar with the same windows Monday to Friday and closed at weekends.
    public init(
        timeZoneIdentifier: String,
        weekdays windows: [BusinessHoursWindow],
        holidayCountry: HolidayCountry? = nil,
        companyHolidays: [Holiday] = []
    ) throws(BusinessCalendarError) {
        let workweek: [Weekday] = [.mon, .tue, .wed, .thu, .fri]
        try self.init(
            timeZoneIdentifier: timeZoneIdentifier,
            weeklyHours: Dictionary(uniqueKeysWithValues: workweek.map { ($0, windows) }),
            holidayCountry: holidayCountry,
            companyHolidays: companyHolidays
        )
    }

    /// An always-open (24/7) calendar reported in `timeZoneIdentifier`.
    public static func alwaysOpen(timeZoneIdentifier: String) throws(BusinessCalendarError) -> BusinessCalendar {
        guard TimeZone(identifier: timeZoneIdentifier) != nil else { throw .unknownTimeZone(timeZoneIdentifier) }
        return BusinessCalendar(
            validatedZone: timeZoneIdentifier, weeklyHours: [:], holidayCountry: nil, companyHolidays: [], isAlwaysOpen: true)
    }

    /// Stores already-validated parts (the presets use it directly).
    init(
        validatedZone timeZoneIdentifier: String,
        weeklyHours: [Weekday: [BusinessHoursWindow]],
        holidayCountry: HolidayCountry?,
        companyHolidays: [Holiday],
        isAlwaysOpen: Bool
    ) {
        self.timeZoneIdentifier = timeZoneIdentifier
        self.weeklyHours = weeklyHours
        self.holidayCountry = holidayCountry
        self.companyHolidays = companyHolidays
        self.isAlwaysOpen = isAlwaysOpen
    }

    /// The time zone (UTC if the identifier, validated at creation, were ever unknown to this system).
    public var timeZone: TimeZone {
        TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
    }

    /// The windows of a weekday (empty when closed that day).
    public func windows(on weekday: Weekday) -> [BusinessHoursWindow] {
        weeklyHours[weekday] ?? []
    }

    private enum CodingKeys: String, CodingKey {
        case timeZone, weeklyHours, holidayCountry, companyHolidays, alwaysOpen
    }

    /// Decodes and validates (see `init(timeZoneIdentifier:weeklyHours:holidayCountry:companyHolidays:)`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let zone = try container.decode(String.self, forKey: .timeZone)
        if try container.decodeIfPresent(Bool.self, forKey: .alwaysOpen) ?? false {
            self = try BusinessCalendar.alwaysOpen(timeZoneIdentifier: zone)
            return
        }
        self = try BusinessCalendar(
            timeZoneIdentifier: zone,
            weeklyHours: container.decodeIfPresent([Weekday: [BusinessHoursWindow]].self, forKey: .weeklyHours) ?? [:],
            holidayCountry: container.decodeIfPresent(HolidayCountry.self, forKey: .holidayCountry),
            companyHolidays: container.decodeIfPresent([Holiday].self, forKey: .companyHolidays) ?? []
        )
    }

    /// Encodes every field (`holidayCountry` only when set).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timeZoneIdentifier, forKey: .timeZone)
        try container.encode(weeklyHours, forKey: .weeklyHours)
        try container.encodeIfPresent(holidayCountry, forKey: .holidayCountry)
        try container.encode(companyHolidays, forKey: .companyHolidays)
        try container.encode(isAlwaysOpen, forKey: .alwaysOpen)
    }
}
