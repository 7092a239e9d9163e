import Foundation
import HikeshiCore
import Testing

/// The desk report on fixed cases and a fixed clock: attainment, business time across a daylight-saving change and a
/// holiday, ratings, open cases by age, breaches.
@Suite("Desk report")
struct DeskReportTests {
    static let utc = TimeZone(identifier: "UTC") ?? .gmt

    /// An instant written in UTC.
    static func at(_ text: String) -> Date {
        (try? Date(text + "Z", strategy: Date.ISO8601FormatStyle())) ?? .distantPast
    }

    static let newYork =
        (try? BusinessCalendar(
            timeZoneIdentifier: "America/New_York", weekdays: [BusinessHoursWindow(startMinute: 9 * 60, endMinute: 17 * 60)], holidayCountry: .us))
    static let tokyo =
        (try? BusinessCalendar(
            timeZoneIdentifier: "Asia/Tokyo", weekdays: [BusinessHoursWindow(startMinute: 9 * 60, endMinute: 18 * 60)], holidayCountry: .jp))

    static func supportCase(
        _ number: Int,
        opened: Date,
        calendar: BusinessCalendar?,
        target: Int?,
        answered: Date? = nil,
        plan: SupportPlanKind = .business,
        severity: SupportSeverity = .high,
        language: SupportLanguage = .english,
        agent: String? = "agent-a",
        resolvedAt: Date? = nil,
        breached: Bool = false
    ) -> SupportCase {
        let clock = FirstResponseClock(calendar: calendar ?? .alwaysOpen, targetMinutes: target, openedAt: opened)
        return SupportCase(
            caseID: "case-111111111111-2026-\(String(format: "%016x", number))", displayID: String(1_000_000_000 + number),
            accountID: "111111111111", status: resolvedAt == nil ? .initial : .resolved, serviceCode: "amazon-elastic-compute-cloud-linux",
            categoryCode: "general-guidance", severity: severity, language: language, specialty: .compute, agentID: agent,
            createdAt: opened, dueAt: clock.dueAt, firstResponseAt: answered, breached: breached, resolvedAt: resolvedAt, updatedAt: opened,
            searchText: "",
            details: SupportCaseDetails(
                subject: "s", submittedBy: "u", issueType: .technical, ccEmailAddresses: [], plan: plan, businessHoursOnly: calendar != nil,
                timeZone: "UTC", clock: clock, coach: []))
    }

    @Test("business time to the first response counts the hours the desk was open, across a DST change and a holiday")
    func businessTime() throws {
        let newYork = try #require(Self.newYork)
        let tokyo = try #require(Self.tokyo)
        // Friday 2026-03-06 16:00 EST → Monday 2026-03-09 10:00 EDT (clocks went forward on Sunday): 60 + 60 minutes.
        let acrossDST = Self.supportCase(
            1, opened: Self.at("2026-03-06T21:00:00"), calendar: newYork, target: 240, answered: Self.at("2026-03-09T14:00:00"),
            plan: .developer, severity: .normal)
        // Monday 2026-11-02 17:00 JST → Wednesday 2026-11-04 10:00 JST; Tuesday is Culture Day: 60 + 60 minutes.
        let acrossHoliday = Self.supportCase(
            2, opened: Self.at("2026-11-02T08:00:00"), calendar: tokyo, target: 240, answered: Self.at("2026-11-04T01:00:00"),
            plan: .developer, severity: .normal, language: .japanese)
        let report = DeskReport(cases: [acrossDST, acrossHoliday], ratings: [], openedAfter: [0, 0, 0, 0], now: Self.at("2026-12-01T00:00:00"))
        #expect(report.overall.businessSeconds == [7_200, 7_200])
        #expect(report.overall.medianMinutes == 120 && report.overall.p90Minutes == 120)
        #expect(report.overall.met == 2 && report.overall.rate == 1)
        // Elapsed time was 2 days 17 hours and 1 day 17 hours: a report in wall-clock minutes would be far off.
        #expect(acrossDST.dueAt == Self.at("2026-03-09T16:00:00"), "due 240 business minutes after opening, in EDT")
    }

    @Test("attainment by plan and severity, language and agent; pending and undecided cases; the breaches")
    func attainment() throws {
        let now = Self.at("2026-11-20T00:00:00")
        let opened = Self.at("2026-11-10T00:00:00")
        let cases = [
            // Met in 30 and 50 minutes.
            Self.supportCase(1, opened: opened, calendar: nil, target: 60, answered: opened + 1_800, severity: .urgent, agent: "agent-a"),
            Self.supportCase(2, opened: opened, calendar: nil, target: 60, answered: opened + 3_000, severity: .urgent, agent: "agent-b"),
            // Answered late: missed, a breach.
            Self.supportCase(
                3, opened: opened, calendar: nil, target: 60, answered: opened + 7_200, severity: .urgent, language: .korean, agent: "agent-b"),
            // Due and never answered: missed, a breach, no business time.
            Self.supportCase(4, opened: opened, calendar: nil, target: 240, severity: .high, agent: nil),
            // Not due yet: pending.
            Self.supportCase(5, opened: now - 60, calendar: nil, target: 240, severity: .high, agent: nil),
            // No target (Basic): not counted.
            Self.supportCase(6, opened: opened, calendar: nil, target: nil, plan: .basic, severity: .low, agent: nil),
        ]
        let report = DeskReport(cases: cases, ratings: [], openedAfter: [0, 0, 0, 0], now: now)
        #expect(report.overall.cases == 5 && report.overall.met == 2 && report.overall.missed == 2 && report.overall.pending == 1)
        #expect(report.overall.rate == 0.5)
        #expect(report.overall.businessSeconds == [1_800, 3_000, 7_200])
        #expect(report.overall.medianMinutes == 50 && report.overall.p90Minutes == 120)
        let plans = report.byPlanAndSeverity.map { "\($0.plan?.rawValue ?? "")/\($0.severity?.rawValue ?? ""):\($0.met)/\($0.missed)/\($0.pending)" }
        #expect(plans == ["business/high:0/1/1", "business/urgent:2/1/0"])
        #expect(report.byLanguage.map(\.language) == [.english, .korean])
        #expect(report.byLanguage.map(\.missed) == [1, 1])
        #expect(report.byAgent.map(\.agentID) == ["agent-a", "agent-b"])
        #expect(report.byAgent.map(\.rate) == [1, 0.5])
        #expect(report.breaches.map(\.displayID) == ["1000000003", "1000000004"])
    }

    @Test("ratings per agent and open cases by age")
    func ratingsAndAges() {
        let now = Self.at("2026-11-20T12:00:00")
        // Open one hour, two days, two and a half days and seven days: opened after now-1d 1, after now-3d 3, after now-7d 3.
        let report = DeskReport(cases: [], ratings: [("agent-b", 2), ("agent-a", 5), ("agent-a", 4)], openedAfter: [1, 3, 3, 4], now: now)
        #expect(DeskReport.ageThresholds(now: now) == [now - 86_400, now - 3 * 86_400, now - 7 * 86_400])
        #expect(report.ratings == [.init(agentID: "agent-a", count: 2, average: 4.5), .init(agentID: "agent-b", count: 1, average: 2)])
        #expect(report.openByAge.map(\.count) == [1, 2, 0, 1])
        #expect(report.openByAge.map(\.bucket) == DeskReport.AgeBucket.allCases)
        #expect(report.overall.rate == nil && report.overall.medianMinutes == nil, "no decided case, no figure")
    }

    @Test("a case closed unanswered is judged when it was closed; the desk's breach flag counts at the due instant")
    func closedAndFlagged() {
        let opened = Self.at("2026-11-10T00:00:00")
        let now = Self.at("2026-11-20T00:00:00")
        let cases = [
            // The customer closed it 30 minutes in, before its 60-minute target: nothing to judge.
            Self.supportCase(1, opened: opened, calendar: nil, target: 60, resolvedAt: opened + 1_800),
            // Closed unanswered two hours in: the target was missed.
            Self.supportCase(2, opened: opened, calendar: nil, target: 60, resolvedAt: opened + 7_200),
            // Due exactly now and flagged by the desk's breach job: missed, as the desk said.
            Self.supportCase(3, opened: now - 3_600, calendar: nil, target: 60, breached: true),
        ]
        let report = DeskReport(cases: cases, ratings: [], openedAfter: [0, 0, 0, 0], now: now)
        #expect(report.overall.cases == 2 && report.overall.missed == 2 && report.overall.pending == 0)
        #expect(report.breaches.map(\.displayID) == ["1000000002", "1000000003"])
    }
}
