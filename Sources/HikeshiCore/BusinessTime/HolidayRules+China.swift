extension HolidayRules {
    private typealias Name = HolidayLedger.Name

    /// China: 全国年节及纪念日放假办法 (national holidays, 2024 revision) plus the State Council's yearly arrangement.
    ///
    /// The statutory days are New Year's Day, the Spring Festival (three days; New Year's Eve too since 2025, instead
    /// of the third day in 2008–2013), Qingming, Labor Day (two days since 2025), the Dragon Boat Festival, Mid-Autumn
    /// and National Day (three days). A statutory day on a weekend gets a substitute on the next working day; then the
    /// official arrangement for the year, where announced, adds the bridging days off ("day off, substituted from" a
    /// weekend that becomes a working day). That arrangement is a generated table of published notices
    /// (`SpecialHolidayTable`), matching the `holidays` package.
    static func china(_ year: Int) -> HolidayLedger {
        var ledger = HolidayLedger(year: year)
        var substitutable: Set<CivilDate> = []
        func add(_ name: Name, _ date: CivilDate?, substitutes: Bool = true) {
            guard let date, let added = ledger.add(name, on: date), substitutes else { return }
            substitutable.insert(added)
        }
        func day(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day) }

        add(Name("New Year's Day", "元旦"), day(1, 1))
        let springFestival = Name("Chinese New Year (Spring Festival)", "春节")
        let newYearsEve = Name("Chinese New Year's Eve", "农历除夕")
        let lunarNewYear = lunarDate(year, \.lunarNewYear)
        add(springFestival, lunarNewYear)
        add(springFestival, lunarNewYear?.adding(days: 1))
        if (2008...2013).contains(year) {
            add(newYearsEve, lunarNewYear?.adding(days: -1))
        } else {
            add(springFestival, lunarNewYear?.adding(days: 2))
        }
        if year >= 2025 {
            add(newYearsEve, lunarNewYear?.adding(days: -1))
        }
        let laborDay = Name("Labor Day", "劳动节")
        add(laborDay, day(5, 1))
        if year <= 2007 {
            add(laborDay, day(5, 2))
            add(laborDay, day(5, 3))
        } else if year >= 2025 {
            add(laborDay, day(5, 2))
        }
        let nationalDay = Name("National Day", "国庆节")
        for date in [day(10, 1), day(10, 2), day(10, 3)] {
            add(nationalDay, date)
        }
        if year >= 2008 {
            add(Name("Tomb-Sweeping Day", "清明节"), lunarDate(year, \.qingming))
            add(Name("Dragon Boat Festival", "端午节"), lunarDate(year, \.dragonBoat), substitutes: year != 2012)
            add(Name("Mid-Autumn Festival", "中秋节"), lunarDate(year, \.midAutumn), substitutes: year != 2015)
        }

        for date in substitutable.sorted() where date.isWeekend {
            for name in ledger.names(on: date).sorted(by: { $0.localName < $1.localName }) {
                if let next = ledger.nextWorkday(after: date) {
                    ledger.add(name.decorated(" (observed)", local: "（补假）"), on: next)
                }
            }
        }
        return ledger
    }
}
