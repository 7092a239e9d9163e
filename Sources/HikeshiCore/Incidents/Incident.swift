import Foundation

/// An incident record: the aggregate behind `GetIncidentRecord`, with the transitions a change may make.
public struct Incident: Sendable, Equatable {
    /// The record's ARN.
    public var arn: String
    /// The owning account (the response plan's owner).
    public var accountID: String
    /// The region it was started in.
    public var region: String
    /// The response plan that started it.
    public var responsePlanArn: String
    /// The title.
    public internal(set) var title: String
    /// The summary.
    public internal(set) var summary: String?
    /// Open or resolved.
    public internal(set) var status: IncidentStatus
    /// The impact, 1 (critical) to 5 (no impact).
    public internal(set) var impact: Int
    /// The string that joins triggers of the same problem into this record; empty means none.
    public var dedupeString: String
    /// Who or what started it.
    public var source: IncidentSource
    /// Where chat updates go.
    public internal(set) var chatChannel: IncidentChatChannel?
    /// SNS topics told about changes.
    public internal(set) var notificationTopics: [String]?
    /// When it was created.
    public var createdAt: Date
    /// When it was resolved, if it is.
    public internal(set) var resolvedAt: Date?
    /// Who changed it last.
    public internal(set) var lastModifiedBy: String
    /// When it last changed.
    public internal(set) var lastModifiedAt: Date
    /// The parent OpsItem's id.
    public var opsItemID: String?
    /// The plan's runbooks as they were when the incident started; a job starts each (see `automationExecutions`).
    public var pendingRunbooks: [RunbookAction]
    /// The ARNs of the automation executions the incident's runbooks started.
    public internal(set) var automationExecutions: [String]
    /// When a responder first acknowledged it.
    public internal(set) var acknowledgedAt: Date?

    /// Creates an incident as stored; ``started(arn:plan:…)`` makes a new one.
    public init(
        arn: String,
        accountID: String,
        region: String,
        responsePlanArn: String,
        title: String,
        summary: String?,
        status: IncidentStatus,
        impact: Int,
        dedupeString: String,
        source: IncidentSource,
        chatChannel: IncidentChatChannel?,
        notificationTopics: [String]?,
        createdAt: Date,
        resolvedAt: Date?,
        lastModifiedBy: String,
        lastModifiedAt: Date,
        opsItemID: String?,
        pendingRunbooks: [RunbookAction],
        acknowledgedAt: Date?,
        automationExecutions: [String] = []
    ) {
        self.arn = arn
        self.accountID = accountID
        self.region = region
        self.responsePlanArn = responsePlanArn
        self.title = title
        self.summary = summary
        self.status = status
        self.impact = impact
        self.dedupeString = dedupeString
        self.source = source
        self.chatChannel = chatChannel
        self.notificationTopics = notificationTopics
        self.createdAt = createdAt
        self.resolvedAt = resolvedAt
        self.lastModifiedBy = lastModifiedBy
        self.lastModifiedAt = lastModifiedAt
        self.opsItemID = opsItemID
        self.pendingRunbooks = pendingRunbooks
        self.acknowledgedAt = acknowledgedAt
        self.automationExecutions = automationExecutions
    }

    /// Records an automation execution a runbook of the incident started (once).
    public mutating func recordAutomation(_ executionArn: String, at now: Date) {
        guard !automationExecutions.contains(executionArn) else { return }
        automationExecutions.append(executionArn)
        lastModifiedAt = now
    }

    /// A new open incident from a plan: the plan's template, with the trigger's title, impact and summary where the
    /// plan leaves them open, and the plan's runbooks pending.
    public static func started(
        arn: String,
        plan: ResponsePlan,
        accountID: String,
        region: String,
        title: String?,
        impact: Int?,
        summary: String?,
        dedupeString: String,
        source: IncidentSource,
        opsItemID: String,
        at now: Date
    ) -> Incident {
        Incident(
            arn: arn,
            accountID: accountID,
            region: region,
            responsePlanArn: plan.arn,
            title: title ?? plan.template.title,
            summary: plan.template.summary ?? summary,
            status: .open,
            impact: impact ?? plan.template.impact,
            dedupeString: dedupeString,
            source: source,
            chatChannel: plan.chatChannel,
            notificationTopics: plan.template.notificationTopics,
            createdAt: now,
            resolvedAt: nil,
            lastModifiedBy: source.createdBy,
            lastModifiedAt: now,
            opsItemID: opsItemID,
            pendingRunbooks: plan.runbooks ?? [],
            acknowledgedAt: nil
        )
    }

    /// The record's id: the last component of its ARN, the form chat messages show.
    public var id: Substring {
        arn.split(separator: "/").last ?? Substring(arn)
    }
}
