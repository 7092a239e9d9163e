import Foundation
import HikeshiCore
import Testing

/// Holiday dates per country, checked against the PyPI `holidays` package (0.109) and the official calendars.
@Suite("Holiday rules")
struct HolidayRulesTests {
    /// A country, a date range, and exactly the holidays expected in it.
    struct RangeCase: CustomTestStringConvertible, Sendable {
        let name: String
        let country: HolidayCountry
        let from: String
        let through: String
        let expected: [String]
        var testDescription: String { name }
    }

    static let rangeCases: [RangeCase] = [
        RangeCase(
            name: "JP 2026 Golden Week: Showa Day, Constitution Day on Sunday, Greenery, Children's, substitute Wednesday",
            country: .jp, from: "2026-04-25", through: "2026-05-10",
            expected: ["2026-04-29", "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06"]
        ),
        RangeCase(
            name: "JP 2026 Silver Week: Respect for the Aged Day, citizens' holiday, Autumnal Equinox",
            country: .jp, from: "2026-09-14", through: "2026-09-30",
            expected: ["2026-09-21", "2026-09-22", "2026-09-23"]
        ),
        RangeCase(
            name: "JP 2025: Emperor's Birthday on Sunday gives Monday, Culture Day Monday, Labor Thanksgiving Sunday",
            country: .jp, from: "2025-02-20", through: "2025-02-28",
            expected: ["2025-02-23", "2025-02-24"]
        ),
        RangeCase(
            name: "JP 2020 Olympics moved Marine Day, Sports Day and Mountain Day",
            country: .jp, from: "2020-07-01", through: "2020-10-31",
            expected: ["2020-07-23", "2020-07-24", "2020-08-10", "2020-09-21", "2020-09-22"]
        ),
        RangeCase(
            name: "KR 2025 Chuseok Oct 5–7 (5th a Sunday) with alternative Oct 8, Foundation Day, Hangul Day",
            country: .kr, from: "2025-10-01", through: "2025-10-31",
            expected: ["2025-10-03", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08", "2025-10-09"]
        ),
        RangeCase(
            name: "KR 2025 Seollal with the temporary holiday of Jan 27",
            country: .kr, from: "2025-01-20", through: "2025-02-05",
            expected: ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30"]
        ),
        RangeCase(
            name: "KR 2025 Buddha's Birthday on Children's Day: one alternative Tuesday",
            country: .kr, from: "2025-05-01", through: "2025-05-31",
            expected: ["2025-05-05", "2025-05-06"]
        ),
        RangeCase(
            name: "KR 2026: Labor Day and Constitution Day return, Buddha's Birthday on Sunday, local election",
            country: .kr, from: "2026-04-20", through: "2026-07-31",
            expected: ["2026-05-01", "2026-05-05", "2026-05-24", "2026-05-25", "2026-06-03", "2026-06-06", "2026-07-17"]
        ),
        RangeCase(
            name: "KR 2027 Seollal by the Korean calendar (Feb 7, a day before China's)",
            country: .kr, from: "2027-02-01", through: "2027-02-28",
            expected: ["2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"]
        ),
        RangeCase(
            name: "KR 2030 presidential election on the first Wednesday from March 25",
            country: .kr, from: "2030-03-02", through: "2030-03-31",
            expected: ["2030-03-27"]
        ),
        RangeCase(
            name: "US 2026: Independence Day on Saturday observed Friday",
            country: .us, from: "2026-07-01", through: "2026-07-31",
            expected: ["2026-07-03", "2026-07-04"]
        ),
        RangeCase(
            name: "US: New Year's Day 2022 (Saturday) observed on Dec 31, 2021",
            country: .us, from: "2021-12-20", through: "2022-01-10",
            expected: ["2021-12-24", "2021-12-25", "2021-12-31", "2022-01-01"]
        ),
        RangeCase(
            name: "US 2027: Juneteenth and Independence Day weekends, Christmas on Saturday",
            country: .us, from: "2027-06-15", through: "2027-07-10",
            expected: ["2027-06-18", "2027-06-19", "2027-07-04", "2027-07-05"]
        ),
        RangeCase(
            name: "CN 2026 Spring Festival period with the official swapped days",
            country: .cn, from: "2026-02-10", through: "2026-02-28",
            expected: ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23"]
        ),
        RangeCase(
            name: "CN 2026 National Day period (Oct 3 Saturday gives Monday; swapped Oct 6–7)",
            country: .cn, from: "2026-09-20", through: "2026-10-15",
            expected: ["2026-09-25", "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-05", "2026-10-06", "2026-10-07"]
        ),
        RangeCase(
            name: "CN 2025 Dragon Boat on Saturday observed Monday",
            country: .cn, from: "2025-05-25", through: "2025-06-10",
            expected: ["2025-05-31", "2025-06-02"]
        ),
        RangeCase(
            name: "CN 2028 (no official arrangement yet): statutory days with weekend substitutes",
            country: .cn, from: "2028-01-20", through: "2028-02-05",
            expected: ["2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28"]
        ),
    ]

    @Test("holidays in a range", arguments: rangeCases)
    func range(_ testCase: RangeCase) {
        let holidays = HolidayRules.holidays(country: testCase.country, from: civilDay(testCase.from), through: civilDay(testCase.through))
        #expect(holidays.map(\.date.description) == testCase.expected)
    }

    /// The number of public holidays per year, equal to `len(holidays.country_holidays(code, years=year))`.
    @Test(
        "holiday counts per year",
        arguments: [
            (HolidayCountry.jp, 2025, 19), (.jp, 2026, 18), (.kr, 2025, 19), (.kr, 2026, 22),
            (.us, 2025, 11), (.us, 2026, 12), (.cn, 2025, 19), (.cn, 2026, 22),
        ])
    func counts(_ country: HolidayCountry, _ year: Int, _ count: Int) {
        #expect(HolidayRules.holidays(country: country, year: year).count == count)
    }

    @Test("English and local names")
    func names() throws {
        let jp = try #require(HolidayRules.holidays(country: .jp, year: 2026).first)
        #expect(jp == Holiday(date: civilDay("2026-01-01"), name: "New Year's Day", localName: "元日"))
        let citizens = try #require(HolidayRules.holidays(country: .jp, year: 2026).first { $0.date == civilDay("2026-09-22") })
        #expect(citizens.localName == "国民の休日")
        let seollal = try #require(HolidayRules.holidays(country: .kr, year: 2026).first { $0.date == civilDay("2026-02-17") })
        #expect(seollal.name == "Korean New Year" && seollal.localName == "설날")
        let alternative = try #require(HolidayRules.holidays(country: .kr, year: 2025).first { $0.date == civilDay("2025-10-08") })
        #expect(alternative.name == "Alternative holiday for Chuseok" && alternative.localName == "추석 대체 휴일")
        let shared = try #require(HolidayRules.holidays(country: .kr, year: 2025).first { $0.date == civilDay("2025-05-05") })
        #expect(shared.name == "Buddha's Birthday; Children's Day")
        let springFestival = try #require(HolidayRules.holidays(country: .cn, year: 2026).first { $0.date == civilDay("2026-02-17") })
        #expect(springFestival.localName == "春节")
        let swapped = try #require(HolidayRules.holidays(country: .cn, year: 2026).first { $0.date == civilDay("2026-02-20") })
        #expect(swapped.name == "Day off (substituted from 02/14/2026)" && swapped.localName == "休息日（由 2026-02-14 调休）")
        let observed = try #require(HolidayRules.holidays(country: .us, year: 2026).first { $0.date == civilDay("2026-07-03") })
        #expect(observed.name == "Independence Day (observed)")
    }

    @Test(
        "Japanese equinoxes by the formula",
        arguments: [(2024, 20, 22), (2025, 20, 23), (2026, 20, 23), (2027, 21, 23), (2044, 20, 22), (2050, 20, 23)])
    func equinoxes(_ year: Int, _ vernal: Int, _ autumnal: Int) {
        let dates = HolidayRules.holidayDates(country: .jp, year: year)
        #expect(dates.contains(CivilDate(year: year, month: 3, day: vernal)))
        #expect(dates.contains(CivilDate(year: year, month: 9, day: autumnal)))
    }

    @Test("every supported year is sorted, in its year, one entry per date, with names")
    func wellFormed() {
        for country in HolidayCountry.allCases {
            for year in HolidayRules.supportedYears {
                let holidays = HolidayRules.holidays(country: country, year: year)
                #expect(holidays.map(\.date) == holidays.map(\.date).sorted())
                #expect(Set(holidays.map(\.date)).count == holidays.count)
                #expect(holidays.allSatisfy { $0.date.year == year && $0.date.isValid && !$0.name.isEmpty && !$0.localName.isEmpty })
            }
        }
    }

    @Test("years outside the table have no holidays")
    func outsideTable() {
        #expect(HolidayRules.holidays(country: .jp, year: HolidayRules.supportedYears.lowerBound - 1).isEmpty)
        #expect(HolidayRules.holidays(country: .kr, year: HolidayRules.supportedYears.upperBound + 1).isEmpty)
        #expect(HolidayRules.supportedYears.contains(2000) && HolidayRules.supportedYears.contains(2050))
    }

    @Test("holidays encode as {date, name, localName}")
    func encoding() throws {
        let holiday = Holiday(date: civilDay("2026-01-01"), name: "New Year's Day", localName: "元日")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(holiday), as: UTF8.self)
        #expect(text == #"{"date":"2026-01-01","localName":"元日","name":"New Year's Day"}"#)
        #expect(try JSONDecoder().decode(Holiday.self, from: Data(text.utf8)) == holiday)
    }

    @Test("civil dates parse strictly and know their weekday")
    func civilDates() {
        #expect(CivilDate("2026-09-18")?.weekday == .fri)
        #expect(CivilDate("2024-02-29")?.isValid == true)
        #expect(CivilDate("2025-02-29") == nil)
        #expect(CivilDate("2026-9-18") == nil)
        #expect(CivilDate("2026-13-01") == nil)
        #expect(CivilDate("2026-+1-01") == nil)
        #expect(civilDay("2026-12-31").adding(days: 1) == civilDay("2027-01-01"))
        #expect(civilDay("2026-01-01") < civilDay("2026-01-02"))
        #expect(HolidayCountry(code: "jp") == .jp && HolidayCountry(code: "XX") == nil)
    }
}
