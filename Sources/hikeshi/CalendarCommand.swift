import ArgumentParser
import Foundation
import HikeshiCore

/// `hikeshi calendar …`: business calendars and public holidays, offline (no server, no database).
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Business calendars and public holidays (JP, KR, US, CN) used for business-hours response targets.",
        subcommands: [Holidays.self]
    )

    /// `hikeshi calendar holidays --country JP --year 2026 [--json]`.
    struct Holidays: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "holidays",
            abstract: "Print a country's public holidays for a year: one line per day (date, name, local name) or JSON."
        )

        @Option(help: "The country: JP, KR, US or CN.")
        var country: String

        @Option(help: "The year (default: the current year, UTC).")
        var year: Int?

        @Flag(help: "Print a JSON array of {\"date\":\"YYYY-MM-DD\",\"name\":…,\"localName\":…}.")
        var json = false

        func validate() throws {
            guard HolidayCountry(code: country) != nil else {
                throw ValidationError("unknown country \(country); use one of \(HolidayCountry.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let year, !HolidayRules.supportedYears.contains(year) {
                let years = HolidayRules.supportedYears
                throw ValidationError("year \(year) is outside the supported years \(years.lowerBound)–\(years.upperBound)")
            }
        }

        func run() async throws {
            guard let holidayCountry = HolidayCountry(code: country) else { throw ValidationError("unknown country \(country)") }
            let holidays = HolidayRules.holidays(country: holidayCountry, year: year ?? Self.currentYear())
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(holidays), as: UTF8.self))
            } else {
                for holiday in holidays {
                    print("\(holiday.date)\t\(holiday.name)\t\(holiday.localName)")
                }
            }
        }

        /// The current year in UTC.
        static func currentYear() -> Int {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
            return calendar.component(.year, from: Date())
        }
    }
}
