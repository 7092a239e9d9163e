extension HolidayRules {
    private typealias Name = HolidayLedger.Name

    /// The United States: the federal holidays of 5 U.S.C. 6103.
    ///
    /// A fixed-date holiday on a Saturday is observed the Friday before, on a Sunday the Monday after (Executive Order
    /// 11582); New Year's Day falling on a Saturday is therefore observed on December 31 of the previous year.
    static func unitedStates(_ year: Int) -> HolidayLedger {
        var ledger = HolidayLedger(year: year)
        func observed(_ date: CivilDate) -> CivilDate? {
            switch date.weekday {
            case .sat: date.adding(days: -1)
            case .sun: date.adding(days: 1)
            default: nil
            }
        }
        func addFixed(_ name: String, month: Int, day: Int) {
            let name = Name(name, name)
            let date = CivilDate(year: year, month: month, day: day)
            ledger.add(name, on: date)
            if let shifted = observed(date) {
                ledger.add(name.decorated(" (observed)", local: " (observed)"), on: shifted)
            }
        }
        func add(_ name: String, _ date: CivilDate) {
            ledger.add(Name(name, name), on: date)
        }

        addFixed("New Year's Day", month: 1, day: 1)
        let nextNewYear = CivilDate(year: year + 1, month: 1, day: 1)
        if let shifted = observed(nextNewYear) {
            ledger.add(Name("New Year's Day (observed)", "New Year's Day (observed)"), on: shifted)
        }
        add("Martin Luther King Jr. Day", .nth(3, .mon, of: 1, in: year))
        add("Washington's Birthday", .nth(3, .mon, of: 2, in: year))
        add("Memorial Day", .nth(-1, .mon, of: 5, in: year))
        if year >= 2021 {
            addFixed("Juneteenth National Independence Day", month: 6, day: 19)
        }
        addFixed("Independence Day", month: 7, day: 4)
        add("Labor Day", .nth(1, .mon, of: 9, in: year))
        add("Columbus Day", .nth(2, .mon, of: 10, in: year))
        addFixed("Veterans Day", month: 11, day: 11)
        add("Thanksgiving Day", .nth(4, .thu, of: 11, in: year))
        addFixed("Christmas Day", month: 12, day: 25)
        return ledger
    }
}
