/// The holidays of one country and year while its rules are applied: dates with their names.
///
/// Mirrors how the rules are stated: a holiday is added only when its date falls in the year; several holidays
/// may share a date (their names are kept once each); substitute days look for the next day that is neither a
/// weekend day nor already a holiday.
struct HolidayLedger {
    /// An English name with its local-language form.
    struct Name: Hashable {
        /// English.
        let name: String
        /// The country's language.
        let localName: String

        /// A name pair.
        init(_ name: String, _ localName: String) {
            self.name = name
            self.localName = localName
        }

        /// The same names with a suffix on each (e.g. " (observed)" and "（补假）").
        func decorated(_ suffix: String, local localSuffix: String) -> Name {
            Name(name + suffix, localName + localSuffix)
        }

        /// The English name with a prefix and the local name with a suffix ("Alternative holiday for X", "X 대체 휴일").
        func prefixed(_ prefix: String, localSuffix: String) -> Name {
            Name(prefix + name, localName + localSuffix)
        }
    }

    /// The year being built.
    let year: Int
    private var entries: [CivilDate: [Name]] = [:]

    /// An empty ledger for `year`.
    init(year: Int) {
        self.year = year
    }

    /// Adds `name` on `date` and returns the date, or returns nil (adding nothing) when the date is in another year.
    @discardableResult
    mutating func add(_ name: Name, on date: CivilDate) -> CivilDate? {
        guard date.year == year else { return nil }
        var names = entries[date, default: []]
        if !names.contains(name) {
            names.append(name)
        }
        entries[date] = names
        return date
    }

    /// Removes every holiday on `date`.
    mutating func remove(_ date: CivilDate) {
        entries[date] = nil
    }

    /// Whether `date` is a holiday.
    func contains(_ date: CivilDate) -> Bool {
        entries[date] != nil
    }

    /// The names on `date`.
    func names(on date: CivilDate) -> [Name] {
        entries[date] ?? []
    }

    /// The first day after `date` (in the same year) that is neither Saturday, Sunday nor a holiday; nil when the
    /// year ends first.
    func nextWorkday(after date: CivilDate) -> CivilDate? {
        var candidate = date.adding(days: 1)
        while candidate.year == year {
            if !candidate.isWeekend && !contains(candidate) {
                return candidate
            }
            candidate = candidate.adding(days: 1)
        }
        return nil
    }

    /// The holidays by date; a day's names are sorted and joined with "; ".
    var holidays: [Holiday] {
        entries.keys.sorted().map { date in
            let names = entries[date] ?? []
            return Holiday(
                date: date,
                name: Set(names.map(\.name)).sorted().joined(separator: "; "),
                localName: Set(names.map(\.localName)).sorted().joined(separator: "; ")
            )
        }
    }

    /// Applies the one-off days of `SpecialHolidayTable` for `country` and this year, after the rules: each is added;
    /// a day off swapped from a weekday that the rules made a holiday removes that holiday (it moved).
    mutating func applySpecialHolidays(of country: HolidayCountry) {
        for special in SpecialHolidayTable.holidays where special.country == country && special.date.year == year {
            add(Name(special.name, special.localName), on: special.date)
            if let source = special.substitutedFrom, !source.isWeekend, source.year == year {
                remove(source)
            }
        }
    }
}
