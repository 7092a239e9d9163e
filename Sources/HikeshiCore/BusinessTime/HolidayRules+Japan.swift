extension HolidayRules {
    private typealias Name = HolidayLedger.Name

    /// Japan: 国民の祝日に関する法律 (Act on National Holidays).
    ///
    /// A holiday on a Sunday gives a substitute holiday (振替休日) on the next day that is not a holiday; since 2007 a
    /// day sandwiched between two holidays becomes a citizens' holiday (国民の休日), which in practice happens only
    /// between Respect for the Aged Day and the Autumnal Equinox (2009, 2015, 2026, …). The Tokyo Olympics moved
    /// Marine, Sports and Mountain Day in 2020 and 2021.
    static func japan(_ year: Int) -> HolidayLedger {
        var ledger = HolidayLedger(year: year)
        var statutory: [CivilDate] = []
        func add(_ name: String, _ localName: String, _ date: CivilDate) {
            if let added = ledger.add(Name(name, localName), on: date) {
                statutory.append(added)
            }
        }
        func day(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day) }

        add("New Year's Day", "元日", day(1, 1))
        add("Coming of Age Day", "成人の日", year <= 1999 ? day(1, 15) : .nth(2, .mon, of: 1, in: year))
        add("Foundation Day", "建国記念の日", day(2, 11))
        if year >= 2020 {
            add("Emperor's Birthday", "天皇誕生日", day(2, 23))
        } else if year >= 1989 && year != 2019 {
            add("Emperor's Birthday", "天皇誕生日", day(12, 23))
        }
        add("Vernal Equinox Day", "春分の日", day(3, vernalEquinoxDay(year)))
        if year >= 2007 {
            add("Showa Day", "昭和の日", day(4, 29))
        }
        add("Constitution Day", "憲法記念日", day(5, 3))
        add("Greenery Day", "みどりの日", year >= 2007 ? day(5, 4) : day(4, 29))
        add("Children's Day", "こどもの日", day(5, 5))
        let marineDay: CivilDate =
            switch year {
            case ...2002: day(7, 20)
            case 2020: day(7, 23)
            case 2021: day(7, 22)
            default: .nth(3, .mon, of: 7, in: year)
            }
        add("Marine Day", "海の日", marineDay)
        if year >= 2016 {
            add("Mountain Day", "山の日", year == 2020 ? day(8, 10) : year == 2021 ? day(8, 8) : day(8, 11))
        }
        add("Respect for the Aged Day", "敬老の日", year >= 2003 ? .nth(3, .mon, of: 9, in: year) : day(9, 15))
        add("Autumnal Equinox Day", "秋分の日", day(9, autumnalEquinoxDay(year)))
        let sportsDay: CivilDate =
            switch year {
            case 2020: day(7, 24)
            case 2021: day(7, 23)
            default: .nth(2, .mon, of: 10, in: year)
            }
        if year >= 2020 {
            add("Sports Day", "スポーツの日", sportsDay)
        } else {
            add("Physical Education Day", "体育の日", sportsDay)
        }
        add("Culture Day", "文化の日", day(11, 3))
        add("Labor Thanksgiving Day", "勤労感謝の日", day(11, 23))

        let substitute = Name("Substitute Holiday", "振替休日")
        for date in statutory.sorted() where date.weekday == .sun {
            if let next = ledger.nextWorkday(after: date) {
                ledger.add(substitute, on: next)
            }
        }
        let citizens = Name("National Holiday", "国民の休日")
        if year <= 2006 {
            let may4 = day(5, 4)
            if may4.weekday != .mon && may4.weekday != .sun {
                ledger.add(citizens, on: may4)
            }
        } else {
            let days = Set(statutory)
            if let first = statutory.sorted().first(where: { $0.month == 9 && days.contains($0.adding(days: 2)) }) {
                ledger.add(citizens, on: first.adding(days: 1))
            }
        }
        return ledger
    }

    /// The March day of the vernal equinox (Tokyo), by the standard approximation for 1980–2099:
    /// ⌊20.8431 + 0.242194 (y − 1980) − ⌊(y − 1980) / 4⌋⌋.
    static func vernalEquinoxDay(_ year: Int) -> Int {
        equinoxDay(year, base: 20.8431)
    }

    /// The September day of the autumnal equinox (Tokyo): ⌊23.2488 + 0.242194 (y − 1980) − ⌊(y − 1980) / 4⌋⌋.
    static func autumnalEquinoxDay(_ year: Int) -> Int {
        equinoxDay(year, base: 23.2488)
    }

    private static func equinoxDay(_ year: Int, base: Double) -> Int {
        let offset = year - 1980
        let value = base + 0.242194 * Double(offset) - Double(CivilCalendar.floorDiv(offset, 4))
        return Int(value.rounded(.down))
    }
}
