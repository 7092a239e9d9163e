extension HolidayRules {
    private typealias Name = HolidayLedger.Name

    /// South Korea: 관공서의 공휴일에 관한 규정 / 공휴일에 관한 법률 (Public Holidays Act).
    ///
    /// Seollal and Chuseok are three days each (the day before, the day, the day after, by the Korean lunar calendar).
    /// Alternative holidays (대체공휴일, since 2014) go to the next day that is neither a weekend day nor a holiday:
    /// for Seollal and Chuseok days falling on a Sunday, for other holidays on Saturday or Sunday once the law covers
    /// them (Children's Day 2015, Independence Movement/Liberation/Foundation/Hangul Day 2021–22, Buddha's Birthday
    /// and Christmas 2023, Labor Day and Constitution Day 2026), and for any day two holidays share. Regular
    /// election days follow Article 34 of the Public Official Election Act; temporary holidays and special elections
    /// come from the generated table.
    static func korea(_ year: Int) -> HolidayLedger {
        var ledger = HolidayLedger(year: year)
        var substitutable: Set<CivilDate> = []
        var threeDay: [CivilDate: Name] = [:]
        func day(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day) }
        @discardableResult
        func add(_ name: String, _ localName: String, _ date: CivilDate?, substituteSince: Int = .max) -> CivilDate? {
            guard let date, let added = ledger.add(Name(name, localName), on: date) else { return nil }
            if year >= substituteSince {
                substitutable.insert(added)
            }
            return added
        }
        func addThreeDays(_ name: Name, around date: CivilDate?) {
            guard let date else { return }
            let days = [
                (date.adding(days: -1), Name("The day preceding \(name.name)", "\(name.localName) 전날")),
                (date, name),
                (date.adding(days: 1), Name("The second day of \(name.name)", "\(name.localName) 다음날")),
            ]
            for (day, dayName) in days {
                if let added = ledger.add(dayName, on: day) {
                    threeDay[added] = name
                }
            }
        }

        ledger.add(Name("New Year's Day", "신정"), on: day(1, 1))
        addThreeDays(Name("Korean New Year", "설날"), around: lunarDate(year, \.koreanLunarNewYear))
        add("Independence Movement Day", "삼일절", day(3, 1), substituteSince: 2022)
        if year <= 2005 {
            add("Tree Planting Day", "식목일", day(4, 5))
        }
        add("Buddha's Birthday", year >= 2017 ? "부처님오신날" : "석가탄신일", lunarDate(year, \.koreanBuddhasBirthday), substituteSince: 2023)
        if year >= 2026 {
            add("Labor Day", "노동절", day(5, 1), substituteSince: 2026)
        }
        add("Children's Day", "어린이날", day(5, 5), substituteSince: 2015)
        let memorialDay = day(6, 6)
        add("Memorial Day", "현충일", memorialDay)
        if year <= 2007 || year >= 2026 {
            add("Constitution Day", "제헌절", day(7, 17), substituteSince: 2026)
        }
        add("Liberation Day", "광복절", day(8, 15), substituteSince: 2021)
        add("National Foundation Day", "개천절", day(10, 3), substituteSince: 2021)
        if year >= 2013 {
            add("Hangul Day", "한글날", day(10, 9), substituteSince: 2021)
        }
        addThreeDays(Name("Chuseok", "추석"), around: lunarDate(year, \.koreanMidAutumn))
        add("Christmas Day", "기독탄신일", day(12, 25), substituteSince: 2023)
        addElectionDays(year, memorialDay: memorialDay, into: &ledger)

        guard year >= 2014 else { return ledger }
        for date in substitutable.union(threeDay.keys).sorted() {
            let moves = threeDay[date] != nil ? date.weekday == .sun : date.isWeekend
            guard moves || ledger.names(on: date).count > 1, let next = ledger.nextWorkday(after: date) else { continue }
            let names = threeDay[date].map { [$0] } ?? ledger.names(on: date)
            for name in names {
                ledger.add(name.prefixed("Alternative holiday for ", localSuffix: " 대체 휴일"), on: next)
            }
        }
        return ledger
    }

    /// Regular election days (Public Official Election Act, Article 34): the first Wednesday from the 50th day before the
    /// National Assembly's term ends, the 70th before the president's, the 30th before local governments'; a week
    /// later when that Wednesday touches a holiday.
    private static func addElectionDays(_ year: Int, memorialDay: CivilDate, into ledger: inout HolidayLedger) {
        guard year >= 2007 else { return }
        if (year - 2008) % 4 == 0 {
            ledger.add(Name("National Assembly Election Day", "국회의원 선거일"), on: CivilDate(year: year, month: 4, day: 9).onOrAfter(.wed))
        }
        let presidential = Name("Presidential Election Day", "대통령 선거일")
        if year <= 2024 && (year - 2007) % 5 == 0 {
            if year <= 2012 {
                ledger.add(presidential, on: .nth(3, .wed, of: 12, in: year))
            } else if year >= 2022 {
                ledger.add(presidential, on: .nth(2, .wed, of: 3, in: year))
            }
        } else if year >= 2030 && (year - 2030) % 5 == 0 {
            ledger.add(presidential, on: CivilDate(year: year, month: 3, day: 25).onOrAfter(.wed))
        }
        if (year - 2010) % 4 == 0 {
            let first = CivilDate(year: year, month: 5, day: 31).onOrAfter(.wed)
            let conflict = memorialDay.weekday == .wed || memorialDay.weekday == .thu
            ledger.add(Name("Local Election Day", "지방선거일"), on: conflict ? first.adding(days: 7) : first)
        }
    }
}
