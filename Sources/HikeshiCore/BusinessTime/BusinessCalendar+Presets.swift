extension BusinessCalendar {
    /// Monday to Friday 08:00–18:00.
    private static func weekdays8to18(zone: String, country: HolidayCountry) -> BusinessCalendar {
        let window = BusinessHoursWindow(startHour: 8, endHour: 18)
        let workweek: [Weekday] = [.mon, .tue, .wed, .thu, .fri]
        return BusinessCalendar(
            validatedZone: zone,
            weeklyHours: Dictionary(uniqueKeysWithValues: workweek.map { ($0, [window]) }),
            holidayCountry: country,
            companyHolidays: [],
            isAlwaysOpen: false
        )
    }

    /// Japanese-language support hours: weekdays 08:00–18:00 Asia/Tokyo, Japanese public holidays excluded.
    public static let japaneseBusinessHours = weekdays8to18(zone: "Asia/Tokyo", country: .jp)

    /// Korean-language support hours: weekdays 08:00–18:00 Asia/Seoul, South Korean public holidays excluded.
    public static let koreanBusinessHours = weekdays8to18(zone: "Asia/Seoul", country: .kr)

    /// Chinese-language support hours: weekdays 08:00–18:00 Asia/Shanghai, Chinese public holidays excluded.
    public static let chineseBusinessHours = weekdays8to18(zone: "Asia/Shanghai", country: .cn)

    /// English-language business hours: weekdays 08:00–18:00 US Pacific time (America/Los_Angeles), US federal
    /// holidays (observed days) excluded.
    public static let englishBusinessHours = weekdays8to18(zone: "America/Los_Angeles", country: .us)

    /// Open every moment (24/7), reported in UTC.
    public static let alwaysOpen = BusinessCalendar(
        validatedZone: "UTC", weeklyHours: [:], holidayCountry: nil, companyHolidays: [], isAlwaysOpen: true)

    /// The business-hours preset for an AWS Support language code (`"ja"`, `"ko"`, `"zh"`, `"en"`, any case); nil for
    /// others.
    public static func businessHours(language: String) -> BusinessCalendar? {
        SupportLanguage(code: language).map(businessHours(language:))
    }

    /// The business-hours preset of a support language.
    public static func businessHours(language: SupportLanguage) -> BusinessCalendar {
        switch language {
        case .japanese: japaneseBusinessHours
        case .korean: koreanBusinessHours
        case .chinese: chineseBusinessHours
        case .english: englishBusinessHours
        }
    }
}
