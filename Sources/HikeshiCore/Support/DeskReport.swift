import Foundation

/// What a desk manager reads on Monday, for the cases opened in a period: first-response attainment by plan and
/// severity, by language and by agent, with the median and 90th percentile of the time to first response in business
/// time; customers' ratings per agent; the open cases by age; the breaches.
///
/// Pure: it reads the cases and ratings it is given. Business time comes from each case's own first-response clock
/// (its plan's calendar, time zone and holidays as they were when it opened), so daylight-saving changes and holidays
/// count as they did for the customer.
public struct DeskReport: Sendable, Equatable {
    /// Which cases a row counts.
    public enum Dimension: String, Sendable, CaseIterable {
        /// Every case with a first-response target.
        case all
        /// One plan and severity.
        case planAndSeverity = "plan-severity"
        /// One case language.
        case language
        /// One agent: the cases they hold (unassigned cases are not counted).
        case agent
    }

    /// First-response attainment of a group of cases that have a target.
    public struct Attainment: Sendable, Equatable {
        /// What the row groups by.
        public var dimension: Dimension
        /// The plan (``Dimension/planAndSeverity`` rows).
        public var plan: SupportPlanKind?
        /// The severity (``Dimension/planAndSeverity`` rows).
        public var severity: SupportSeverity?
        /// The language (``Dimension/language`` rows).
        public var language: SupportLanguage?
        /// The agent holding the case now (``Dimension/agent`` rows).
        public var agentID: String?
        /// Cases with a target.
        public var cases = 0
        /// Answered by the due time.
        public var met = 0
        /// Answered late, or not answered by a due time that has passed.
        public var missed = 0
        /// Not answered, and not yet due.
        public var pending = 0
        /// Business seconds to the first response of each answered case, ascending.
        public var businessSeconds: [TimeInterval] = []

        /// `met / (met + missed)`; nil while none is decided.
        public var rate: Double? { met + missed == 0 ? nil : Double(met) / Double(met + missed) }
        /// The median (the lower middle one of an even count) business minutes to the first response of the answered
        /// cases — unanswered ones are not in it; nil without an answered case.
        public var medianMinutes: Double? { DeskReport.percentile(businessSeconds, 0.5).map { $0 / 60 } }
        /// The 90th percentile of business minutes to the first response; nil without an answered case.
        public var p90Minutes: Double? { DeskReport.percentile(businessSeconds, 0.9).map { $0 / 60 } }
    }

    /// The customers' ratings of one agent's replies.
    public struct AgentRating: Sendable, Equatable {
        /// The agent.
        public var agentID: String
        /// How many replies were rated.
        public var count: Int
        /// The mean rating, 1–5.
        public var average: Double

        /// Creates a value.
        public init(agentID: String, count: Int, average: Double) {
            self.agentID = agentID
            self.count = count
            self.average = average
        }
    }

    /// How long the open cases have been open, in calendar time.
    public enum AgeBucket: String, Sendable, CaseIterable {
        /// Less than a day.
        case underOneDay = "under-1-day"
        /// One to three days.
        case oneToThreeDays = "1-to-3-days"
        /// Three to seven days.
        case threeToSevenDays = "3-to-7-days"
        /// Seven days or more.
        case overSevenDays = "over-7-days"

        /// The bucket of a case open for `seconds`.
        public init(age seconds: TimeInterval) {
            let days = seconds / 86_400
            self = days < 1 ? .underOneDay : days < 3 ? .oneToThreeDays : days < 7 ? .threeToSevenDays : .overSevenDays
        }
    }

    /// Every case with a target (less those closed unanswered before they were due).
    public var overall: Attainment
    /// By plan and severity, in plan then severity order.
    public var byPlanAndSeverity: [Attainment]
    /// By language, in language order.
    public var byLanguage: [Attainment]
    /// By agent, by id.
    public var byAgent: [Attainment]
    /// Ratings per agent, by id.
    public var ratings: [AgentRating]
    /// How many unresolved cases are of one age.
    public struct AgeCount: Sendable, Equatable {
        /// The age.
        public var bucket: AgeBucket
        /// The cases of that age.
        public var count: Int
    }

    /// Every unresolved case by age, every bucket (zero included).
    public var openByAge: [AgeCount]
    /// The cases whose target was missed (answered late, or due and not answered), oldest first.
    public var breaches: [SupportCase]

    /// The report on `cases` (those opened in the period), `ratings` (agent and rating of each rated reply written in
    /// it) and `openedAfter`, the counts of unresolved cases opened after each of ``ageThresholds(now:)`` and in all
    /// (``SupportCaseRepository``'s `unresolvedOpenedAfter`, counted in the database).
    public init(cases: [SupportCase], ratings: [(agentID: String, rating: Int)], openedAfter: [Int], now: Date) {
        var overall = Attainment(dimension: .all)
        var byPlan: [String: Attainment] = [:]
        var byLanguage: [SupportLanguage: Attainment] = [:]
        var byAgent: [String: Attainment] = [:]
        for record in cases where record.dueAt != nil && Self.verdict(record, now: now) != .excluded {
            let planKey = record.details.plan.rawValue + "/" + record.severity.rawValue
            overall.count(record, now: now)
            byPlan[planKey, default: Attainment(dimension: .planAndSeverity, plan: record.details.plan, severity: record.severity)]
                .count(record, now: now)
            byLanguage[record.language, default: Attainment(dimension: .language, language: record.language)].count(record, now: now)
            if let agentID = record.agentID {
                byAgent[agentID, default: Attainment(dimension: .agent, agentID: agentID)].count(record, now: now)
            }
        }
        func sorted(_ row: Attainment) -> Attainment {
            var row = row
            row.businessSeconds.sort()
            return row
        }
        self.overall = sorted(overall)
        self.byPlanAndSeverity = byPlan.values.map(sorted).sorted { lhs, rhs in
            let left = SupportPlanKind.allCases.firstIndex { $0 == lhs.plan } ?? 0
            let right = SupportPlanKind.allCases.firstIndex { $0 == rhs.plan } ?? 0
            return left != right ? left < right : (lhs.severity?.rank ?? 0) < (rhs.severity?.rank ?? 0)
        }
        self.byLanguage = SupportLanguage.allCases.compactMap { byLanguage[$0].map(sorted) }
        self.byAgent = byAgent.keys.sorted().compactMap { byAgent[$0].map(sorted) }
        var sums: [String: (count: Int, total: Int)] = [:]
        for (agentID, rating) in ratings {
            sums[agentID, default: (0, 0)].count += 1
            sums[agentID, default: (0, 0)].total += rating
        }
        self.ratings = sums.keys.sorted().compactMap { agentID in
            sums[agentID].map { AgentRating(agentID: agentID, count: $0.count, average: Double($0.total) / Double($0.count)) }
        }
        let counts = openedAfter + Array(repeating: 0, count: max(0, 4 - openedAfter.count))
        self.openByAge = [
            AgeCount(bucket: .underOneDay, count: counts[0]), AgeCount(bucket: .oneToThreeDays, count: counts[1] - counts[0]),
            AgeCount(bucket: .threeToSevenDays, count: counts[2] - counts[1]), AgeCount(bucket: .overSevenDays, count: counts[3] - counts[2]),
        ]
        self.breaches = cases.filter { $0.dueAt != nil && Self.verdict($0, now: now) == .missed }
            .sorted { ($0.createdAt, $0.caseID) < ($1.createdAt, $1.caseID) }
    }

    /// The instants that bound the age buckets of open cases at `now`: one, three and seven days before.
    public static func ageThresholds(now: Date) -> [Date] {
        [1, 3, 7].map { now.addingTimeInterval(-Double($0) * 86_400) }
    }

    /// How a case with a target stands.
    enum Verdict {
        /// Answered by the due time.
        case met
        /// Answered late; or due and unanswered (the desk flagged it, or it is past due); or closed unanswered after
        /// the due time.
        case missed
        /// Unanswered, open, not yet due.
        case pending
        /// Closed by the customer before anyone answered and before it was due: no target to judge.
        case excluded
    }

    /// The verdict on `record` at `now`; an unanswered case that was resolved is judged when it was resolved.
    static func verdict(_ record: SupportCase, now: Date) -> Verdict {
        if record.firstResponseAt == nil {
            if record.breached { return .missed }
            if let resolvedAt = record.resolvedAt {
                return FirstResponseClock.targetMet(dueAt: record.dueAt, firstResponseAt: nil, now: resolvedAt) == false ? .missed : .excluded
            }
        }
        switch FirstResponseClock.targetMet(dueAt: record.dueAt, firstResponseAt: record.firstResponseAt, now: now) {
        case true?: return .met
        case false?: return .missed
        case nil: return .pending
        }
    }

    /// The nearest-rank percentile `fraction` of ascending `values`; nil when empty.
    static func percentile(_ values: [TimeInterval], _ fraction: Double) -> TimeInterval? {
        guard !values.isEmpty else { return nil }
        let rank = Int((fraction * Double(values.count)).rounded(.up))
        return values[min(max(rank, 1), values.count) - 1]
    }
}

extension DeskReport.Attainment {
    /// Counts one case that has a target, as it stands at `now`.
    mutating func count(_ record: SupportCase, now: Date) {
        cases += 1
        switch DeskReport.verdict(record, now: now) {
        case .met: met += 1
        case .missed: missed += 1
        case .pending, .excluded: pending += 1
        }
        if let answered = record.firstResponseAt {
            businessSeconds.append(record.details.clock.businessSecondsSpent(firstResponseAt: answered, now: now))
        }
    }
}
