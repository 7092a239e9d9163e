import AWSProtocol
import App
import ArgumentParser
import Foundation
import HikeshiCore
import HikeshiModel
import SupportAPI

/// `hikeshi support …`: the desk's case tools for operators (against the same --data-dir / --database-url as the server),
/// and the case-quality coach (offline).
struct SupportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "support",
        abstract: "Support desk: show a case as agents see it, reply to it, check a case draft, report on a period.",
        subcommands: [ShowCase.self, Reply.self, CheckDraft.self, Report.self, MailSenders.self, Upstream.self]
    )

    /// `hikeshi support show-case --case-id X [--json]`.
    struct ShowCase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show-case",
            abstract: "Show a case with its plan, first-response due time, business time spent and whether the target was met."
        )

        @Option(name: .customLong("case-id"), help: "The case id (case-…).")
        var caseID: String

        @Flag(help: "Print the case as the Hikeshi API's CaseView JSON (times in epoch seconds).")
        var json = false

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let view = try await AdminCommands.showCase(try await storage.configuration(), caseID: caseID)
            try printCase(view, json: json)
        }
    }

    /// `hikeshi support reply --case-id X --body TEXT [--agent-id A] [--request-information]`.
    struct Reply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reply",
            abstract: "Reply to a case as an agent; the first reply stops the first-response clock."
        )

        @Option(name: .customLong("case-id"), help: "The case id (case-…).")
        var caseID: String

        @Option(help: "The reply.")
        var body: String

        @Option(name: .customLong("agent-id"), help: "The agent (default: the desk's own agent, \"Support desk\").")
        var agentID: String?

        @Flag(name: .customLong("request-information"), help: "Ask the customer for information (pending-customer-action).")
        var requestInformation = false

        @Flag(help: "Print the case as JSON afterwards.")
        var json = false

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let view = try await AdminCommands.replyToCase(
                try await storage.configuration(), caseID: caseID, agentID: agentID, body: body, requestInformation: requestInformation)
            try printCase(view, json: json)
        }
    }

    /// `hikeshi support check-draft --language L --subject S --body B [--json]`.
    struct CheckDraft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-draft",
            abstract: "Review a case draft against the guidelines for technical inquiries; prints findings with advice."
        )

        @Option(help: "en, ja, ko or zh.")
        var language = "en"

        @Option(help: "The subject.")
        var subject = ""

        @Option(help: "The body.")
        var body: String

        @Option(name: .customLong("service-code"), help: "The service code, if chosen.")
        var serviceCode: String?

        @Option(name: .customLong("severity-code"), help: "The severity, if chosen.")
        var severityCode: String?

        @Flag(help: "Print {\"findings\":[…],\"score\":N,\"language\":L} as JSON.")
        var json = false

        func validate() throws {
            guard SupportLanguage(code: language) != nil else { throw ValidationError("--language must be en, ja, ko or zh") }
        }

        func run() async throws {
            let report = CaseCoach().review(
                CaseDraft(
                    subject: subject, body: body, serviceCode: serviceCode, categoryCode: nil, severityCode: severityCode, language: language))
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
                return
            }
            print("score \(report.score)/100")
            for finding in report.findings {
                print("- [\(finding.kind.rawValue)] \(finding.code): \(finding.message)")
            }
        }
    }
}

extension SupportCommand {
    /// `hikeshi support report (--month YYYY-MM [--time-zone Z] | --from T --to T) [--format json|csv] [--section S]`.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "The desk report: first-response attainment by plan and severity, language and agent, time to first response "
                + "in business time, ratings per agent, open cases by age and breaches, for the cases opened in a month or a range."
        )

        @Option(help: "A calendar month, YYYY-MM.")
        var month: String?

        @Option(name: .customLong("time-zone"), help: "The IANA time zone of the month's bounds (default UTC).")
        var timeZone: String?

        @Option(help: "The first instant of the period, ISO 8601 (with --to, instead of --month).")
        var from: String?

        @Option(help: "The instant just after the period, ISO 8601.")
        var to: String?

        @Option(help: "json (the whole report, as the API's GetDeskReport answers) or csv (one table, see --section).")
        var format = "json"

        @Option(help: "The CSV table: attainment, ratings, open or breaches.")
        var section = "attainment"

        @OptionGroup var storage: StorageOptions

        func validate() throws {
            guard ["json", "csv"].contains(format) else { throw ValidationError("--format must be json or csv") }
            guard DeskReportCSV.Section(rawValue: section) != nil else {
                throw ValidationError("--section must be attainment, ratings, open or breaches")
            }
            guard format == "csv" || section == "attainment" else { throw ValidationError("--section goes with --format csv") }
        }

        func run() async throws {
            func instant(_ text: String?, _ name: String) throws -> Date? {
                guard let text else { return nil }
                guard let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) else {
                    throw ValidationError("--\(name) must be an ISO 8601 time such as 2026-11-01T00:00:00Z")
                }
                return date
            }
            let report = try await AdminCommands.deskReport(
                try await storage.configuration(), month: month, timeZone: timeZone, from: try instant(from, "from"), to: try instant(to, "to"))
            if format == "csv", let section = DeskReportCSV.Section(rawValue: section) {
                print(DeskReportCSV.render(report, section: section), terminator: "")
            } else {
                print(String(decoding: try AWSJSONCoding.encoder.encode(report), as: UTF8.self))
            }
        }
    }
}

/// Prints a case view as JSON or as a short summary.
private func printCase(_ view: HikeshiModel.Hikeshi.CaseView, json: Bool) throws {
    if json {
        print(String(decoding: try AWSJSONCoding.encoder.encode(view), as: UTF8.self))
        return
    }
    let due = view.firstResponseDueAt.map { $0.formatted(Date.ISO8601FormatStyle()) } ?? "no target"
    let met = view.targetMet.map { $0 ? "met" : "missed" } ?? "running"
    print("\(view.caseId) (\(view.displayId)) \(view.status) — \(view.subject)")
    print("plan \(view.plan.rawValue), severity \(view.severityCode.rawValue), language \(view.language.rawValue), \(view.timeZone)")
    print("first response due \(due); business time spent \(view.businessSecondsSpent) s; target \(met)")
    for communication in view.communications ?? [] {
        print("— \(communication.author.rawValue) \(communication.submittedBy) at \(communication.createdAt.formatted(Date.ISO8601FormatStyle())):")
        print(communication.body)
    }
}
