import Foundation

/// The facts of a resolved incident as an analysis records them when it is created: what, how bad, and when.
public struct AnalyzedIncident: Sendable, Equatable {
    /// The incident record's ARN.
    public var arn: String
    /// The title.
    public var title: String
    /// The summary.
    public var summary: String?
    /// The impact, 1 (critical) to 5 (no impact).
    public var impact: Int
    /// The response plan that started it.
    public var responsePlanArn: String
    /// When it started.
    public var createdAt: Date
    /// When a responder first acknowledged it.
    public var acknowledgedAt: Date?
    /// When it was resolved.
    public var resolvedAt: Date
    /// The parent OpsItem's id, which action items are related to.
    public var opsItemID: String?

    /// Creates the facts.
    public init(
        arn: String, title: String, summary: String?, impact: Int, responsePlanArn: String, createdAt: Date, acknowledgedAt: Date?,
        resolvedAt: Date, opsItemID: String?
    ) {
        self.arn = arn
        self.title = title
        self.summary = summary
        self.impact = impact
        self.responsePlanArn = responsePlanArn
        self.createdAt = createdAt
        self.acknowledgedAt = acknowledgedAt
        self.resolvedAt = resolvedAt
        self.opsItemID = opsItemID
    }

    /// The facts of a resolved incident; an open incident (or one without a resolution time) breaks the rule that
    /// analyses are written once an incident is over.
    public init(resolved incident: Incident) throws(AnalysisRuleError) {
        guard incident.status == .resolved, let resolvedAt = incident.resolvedAt else {
            throw AnalysisRuleError(
                field: "IncidentRecordArn",
                "The incident \(incident.arn) is \(incident.status.rawValue); an analysis is created once the incident is RESOLVED")
        }
        self.init(
            arn: incident.arn, title: incident.title, summary: incident.summary, impact: incident.impact, responsePlanArn: incident.responsePlanArn,
            createdAt: incident.createdAt, acknowledgedAt: incident.acknowledgedAt, resolvedAt: resolvedAt, opsItemID: incident.opsItemID)
    }

    /// Whole seconds from the start to the resolution (never negative).
    public var durationSeconds: Int64 {
        Int64(max(0, resolvedAt.timeIntervalSince(createdAt)).rounded(.down))
    }
}
