import Foundation
import HikeshiModel
import SupportAPI
import Testing

/// The desk report's period (a month read in a time zone, or a range) and its CSV tables.
@Suite("Desk report period and CSV")
struct DeskReportPeriodTests {
    static func at(_ text: String) -> Date {
        (try? Date(text, strategy: Date.ISO8601FormatStyle())) ?? .distantPast
    }

    @Test(
        "a month is read in its time zone, daylight saving included",
        arguments: [
            ("2026-11", nil as String?, "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"),
            ("2026-11", "Asia/Tokyo", "2026-10-31T15:00:00Z", "2026-11-30T15:00:00Z"),
            // March in New York starts in EST (UTC-5) and ends in EDT (UTC-4).
            ("2026-03", "America/New_York", "2026-03-01T05:00:00Z", "2026-04-01T04:00:00Z"),
            ("2026-12", "Asia/Seoul", "2026-11-30T15:00:00Z", "2026-12-31T15:00:00Z"),
        ])
    func month(_ month: String, _ zone: String?, _ from: String, _ to: String) throws {
        let period = try SupportDesk.reportPeriod(month: month, timeZone: zone, from: nil, to: nil)
        #expect(period.from == Self.at(from) && period.to == Self.at(to))
    }

    @Test("bad periods are refused, naming the field")
    func refused() {
        let from = Self.at("2026-11-01T00:00:00Z")
        let cases: [(String?, String?, Date?, Date?, SupportError)] = [
            (nil, nil, nil, nil, .invalid("Month", "Give either Month, or From and To")),
            ("2026-11", nil, from, nil, .invalid("Month", "Give either Month, or From and To")),
            (nil, nil, from, nil, .invalid("To", "To goes with From")), (nil, nil, nil, from, .invalid("From", "From goes with To")),
            ("2026-11", "Mars/Olympus", nil, nil, .invalid("TimeZone", "TimeZone Mars/Olympus is not a known IANA time zone")),
            (nil, nil, from, from, .invalid("To", "To must be after From")),
            (nil, nil, from, from + 367 * 86_400, .invalid("To", "To must be at most 366 days after From")),
            (nil, "UTC", from, from + 86_400, .invalid("TimeZone", "TimeZone goes with Month, not with From and To")),
        ]
        for (month, zone, start, end, expected) in cases {
            #expect(throws: expected) { try SupportDesk.reportPeriod(month: month, timeZone: zone, from: start, to: end) }
        }
        for month in ["2026-1", "2026-13", "2026-00", "-2026-11", "2026--11", "2026-xx-11", "+2026-+11", "0000-01", "9999-12", "２０２６-11"] {
            #expect(throws: SupportError.invalid("Month", "Month must be YYYY-MM"), "\(month)") {
                try SupportDesk.reportPeriod(month: month, timeZone: nil, from: nil, to: nil)
            }
        }
    }

    @Test("CSV tables: a header, one row per figure, quoted fields, no spreadsheet formulas")
    func csv() {
        let row = Hikeshi.AttainmentRow(
            dimension: .agent, agentId: "=HYPERLINK(\"x\")", cases: 3, met: 2, missed: 1, pending: 0, rate: 2.0 / 3,
            medianFirstResponseMinutes: 12.25, p90FirstResponseMinutes: nil)
        let report = Hikeshi.GetDeskReportResponse(
            from: Self.at("2026-11-01T00:00:00Z"), to: Self.at("2026-12-01T00:00:00Z"), generatedAt: Self.at("2026-12-01T00:00:00Z"),
            overall: Hikeshi.AttainmentRow(dimension: .all, cases: 0, met: 0, missed: 0, pending: 0), byPlanAndSeverity: [], byLanguage: [],
            byAgent: [row], ratings: [Hikeshi.AgentRating(agentId: "agent-1", count: 2, average: 4.5)],
            openByAge: [Hikeshi.OpenAge(bucket: .under1Day, count: 3)], breaches: [])
        let attainment = DeskReportCSV.render(report, section: .attainment)
        let lines = attainment.components(separatedBy: "\r\n")
        #expect(lines.first?.hasPrefix("dimension,plan,severity,language,agent_id,cases,met,missed,pending,rate,") == true)
        #expect(lines[1] == "all,,,,,0,0,0,0,,,")
        #expect(lines[2] == "agent,,,,\"'=HYPERLINK(\"\"x\"\")\",3,2,1,0,0.6667,12.2,")
        #expect(DeskReportCSV.render(report, section: .ratings) == "agent_id,count,average\r\nagent-1,2,4.50\r\n")
        #expect(DeskReportCSV.render(report, section: .open) == "bucket,count\r\nunder-1-day,3\r\n")
        #expect(DeskReportCSV.render(report, section: .breaches).hasPrefix("case_id,display_id,account_id,"))
        #expect(DeskReportCSV.field("\tcmd") == "'\tcmd" && DeskReportCSV.field("-12.5") == "-12.5", "numbers stay numbers")
    }
}
