import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Logging
import Storage

extension SupportDesk {
    /// The most cases a report reads, and four times as many agent replies; a period holding more is refused (narrow
    /// it). Open cases are counted in the database, however many.
    static let reportLimit = 50_000
    /// The longest period a report covers.
    static let reportMaximumDays = 366

    /// The desk report for the cases opened in a month (in a time zone, UTC by default) or in `From`..<`To`.
    public func getDeskReport(_ input: Hikeshi.GetDeskReportRequest, context: AWSRequestContext) async throws -> Hikeshi.GetDeskReportResponse {
        let (from, to) = try Self.reportPeriod(month: input.month, timeZone: input.timeZone, from: input.from, to: input.to)
        let now = clock.now()
        let report = try await read(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            return try await Self.deskReport(from: from, to: to, now: now, tx)
        }
        return Self.wire(report, from: from, to: to, now: now)
    }

    /// The desk report of the period, read from the store (the CLI's way in).
    public func deskReport(from: Date, to: Date, logger: Logger) async throws -> Hikeshi.GetDeskReportResponse {
        let now = clock.now()
        let report = try await read(logger) { tx in try await Self.deskReport(from: from, to: to, now: now, tx) }
        return Self.wire(report, from: from, to: to, now: now)
    }

    static func deskReport(from: Date, to: Date, now: Date, _ tx: any SupportTransaction) async throws -> DeskReport {
        let cases = try await tx.supportCases.opened(from: from, to: to, limit: reportLimit + 1)
        guard cases.count <= reportLimit, let ratings = try await tx.communications.ratedReplies(from: from, to: to, limit: reportLimit * 4)
        else {
            throw SupportError.invalid(
                "From", "The period from From to To holds more than \(reportLimit) cases or their replies; report on a shorter one")
        }
        let openedAfter = try await tx.supportCases.unresolvedOpenedAfter(DeskReport.ageThresholds(now: now))
        return DeskReport(cases: cases, ratings: ratings, openedAfter: openedAfter, now: now)
    }

    /// The period of a report: a month in a time zone, or `from`..<`to`; exactly one of the two, at most 366 days.
    public static func reportPeriod(month: String?, timeZone: String?, from: Date?, to: Date?) throws -> (from: Date, to: Date) {
        switch (month, from, to) {
        case (let month?, nil, nil):
            let zoneName = timeZone ?? "UTC"
            guard let zone = TimeZone(identifier: zoneName) else {
                throw SupportError.invalid("TimeZone", "TimeZone \(zoneName) is not a known IANA time zone")
            }
            // YYYY-MM exactly, the model's pattern (the command line calls this without the model's check).
            let utf8 = Array(month.utf8)
            let digits = [0, 1, 2, 3, 5, 6].allSatisfy { $0 < utf8.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(utf8[$0]) }
            let parts = month.split(separator: "-").compactMap { Int($0) }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            guard utf8.count == 7, digits, utf8[4] == UInt8(ascii: "-"), parts.count == 2, (1...9998).contains(parts[0]), (1...12).contains(parts[1]),
                let start = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: 1)),
                let end = calendar.date(byAdding: .month, value: 1, to: start)
            else {
                throw SupportError.invalid("Month", "Month must be YYYY-MM")
            }
            return (start, end)
        case (nil, let from?, let to?):
            guard timeZone == nil else { throw SupportError.invalid("TimeZone", "TimeZone goes with Month, not with From and To") }
            guard from < to else { throw SupportError.invalid("To", "To must be after From") }
            guard to.timeIntervalSince(from) <= Double(reportMaximumDays) * 86_400 else {
                throw SupportError.invalid("To", "To must be at most \(reportMaximumDays) days after From")
            }
            return (from, to)
        case (nil, _?, nil):
            throw SupportError.invalid("To", "To goes with From")
        case (nil, nil, _?):
            throw SupportError.invalid("From", "From goes with To")
        default:
            throw SupportError.invalid("Month", "Give either Month, or From and To")
        }
    }

    static func wire(_ report: DeskReport, from: Date, to: Date, now: Date) -> Hikeshi.GetDeskReportResponse {
        Hikeshi.GetDeskReportResponse(
            from: from, to: to, generatedAt: now, overall: wire(report.overall), byPlanAndSeverity: report.byPlanAndSeverity.map(wire),
            byLanguage: report.byLanguage.map(wire), byAgent: report.byAgent.map(wire),
            ratings: report.ratings.map { Hikeshi.AgentRating(agentId: $0.agentID, count: $0.count, average: $0.average) },
            openByAge: report.openByAge.compactMap { entry in
                Hikeshi.AgeBucket(rawValue: entry.bucket.rawValue).map { Hikeshi.OpenAge(bucket: $0, count: entry.count) }
            },
            breaches: report.breaches.compactMap(breach)
        )
    }

    static func wire(_ row: DeskReport.Attainment) -> Hikeshi.AttainmentRow {
        Hikeshi.AttainmentRow(
            dimension: Hikeshi.ReportDimension(rawValue: row.dimension.rawValue) ?? .all,
            plan: row.plan.flatMap { Hikeshi.SupportPlanName(rawValue: $0.rawValue) },
            severity: row.severity.flatMap { Hikeshi.SeverityCode(rawValue: $0.rawValue) },
            language: row.language.flatMap { Hikeshi.LanguageCode(rawValue: $0.rawValue) }, agentId: row.agentID, cases: row.cases,
            met: row.met, missed: row.missed, pending: row.pending, rate: row.rate, medianFirstResponseMinutes: row.medianMinutes,
            p90FirstResponseMinutes: row.p90Minutes)
    }

    static func breach(_ record: SupportCase) -> Hikeshi.Breach? {
        guard let dueAt = record.dueAt, let plan = Hikeshi.SupportPlanName(rawValue: record.details.plan.rawValue),
            let severity = Hikeshi.SeverityCode(rawValue: record.severity.rawValue),
            let language = Hikeshi.LanguageCode(rawValue: record.language.rawValue)
        else { return nil }
        return Hikeshi.Breach(
            caseId: record.caseID, displayId: record.displayID, accountId: record.accountID, plan: plan, severity: severity,
            language: language, agentId: record.agentID, createdAt: record.createdAt, dueAt: dueAt, firstResponseAt: record.firstResponseAt)
    }
}
