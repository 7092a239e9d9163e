import Foundation
import HikeshiModel

/// The desk report as CSV (RFC 4180, a header row, CRLF line ends), one table per section; times are ISO 8601 UTC,
/// rates in [0, 1], minutes with one decimal; an empty cell is a figure that does not exist (no decided case).
public enum DeskReportCSV {
    /// A table of the report.
    public enum Section: String, CaseIterable, Sendable {
        /// Attainment: the overall row, then by plan and severity, by language, by agent.
        case attainment
        /// Ratings per agent.
        case ratings
        /// Open cases by age.
        case open
        /// Breached cases.
        case breaches
    }

    /// The `section` table of `report`.
    public static func render(_ report: Hikeshi.GetDeskReportResponse, section: Section) -> String {
        var rows: [[String]]
        switch section {
        case .attainment:
            rows = [
                [
                    "dimension", "plan", "severity", "language", "agent_id", "cases", "met", "missed", "pending", "rate",
                    "median_first_response_minutes", "p90_first_response_minutes",
                ]
            ]
            for row in [report.overall] + report.byPlanAndSeverity + report.byLanguage + report.byAgent {
                rows.append([
                    row.dimension.rawValue, row.plan?.rawValue ?? "", row.severity?.rawValue ?? "", row.language?.rawValue ?? "",
                    row.agentId ?? "", String(row.cases), String(row.met), String(row.missed), String(row.pending),
                    row.rate.map { String(format: "%.4f", $0) } ?? "", minutes(row.medianFirstResponseMinutes),
                    minutes(row.p90FirstResponseMinutes),
                ])
            }
        case .ratings:
            rows = [["agent_id", "count", "average"]]
            rows += report.ratings.map { [$0.agentId, String($0.count), String(format: "%.2f", $0.average)] }
        case .open:
            rows = [["bucket", "count"]]
            rows += report.openByAge.map { [$0.bucket.rawValue, String($0.count)] }
        case .breaches:
            rows = [["case_id", "display_id", "account_id", "plan", "severity", "language", "agent_id", "created_at", "due_at", "first_response_at"]]
            rows += report.breaches.map { breach in
                [
                    breach.caseId, breach.displayId, breach.accountId, breach.plan.rawValue, breach.severity.rawValue,
                    breach.language.rawValue, breach.agentId ?? "", time(breach.createdAt), time(breach.dueAt),
                    breach.firstResponseAt.map(time) ?? "",
                ]
            }
        }
        return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func minutes(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? ""
    }

    private static func time(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// A field, quoted when it holds a comma, a quote or a line break; a text that a spreadsheet would read as a formula
    /// (`=`, `+`, `-`, `@`, a tab or a carriage return first; numbers excepted) is led by an apostrophe.
    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first), Double(value) == nil {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
