/// A response plan: what an incident looks like when it starts, who is engaged, where chat goes, what runs.
public struct ResponsePlan: Sendable, Equatable {
    /// The plan's ARN.
    public var arn: String
    /// The owning account.
    public var accountID: String
    /// The region it was created in.
    public var region: String
    /// The unique name within the account.
    public var name: String
    /// The name shown to people.
    public var displayName: String?
    /// The incident's initial fields.
    public var template: IncidentTemplate
    /// The chat channel incidents start with.
    public var chatChannel: IncidentChatChannel?
    /// Contacts and escalation plans engaged when an incident starts (nil: none given; kept apart from an empty list,
    /// which the API returns as given).
    public var engagements: [String]?
    /// Runbooks started with an incident.
    public var runbooks: [RunbookAction]?
    /// PagerDuty services that incidents are mirrored to.
    public var pagerDutyIntegrations: [PagerDutyIntegration]?

    /// Creates a plan.
    public init(
        arn: String,
        accountID: String,
        region: String,
        name: String,
        displayName: String? = nil,
        template: IncidentTemplate,
        chatChannel: IncidentChatChannel? = nil,
        engagements: [String]? = nil,
        runbooks: [RunbookAction]? = nil,
        pagerDutyIntegrations: [PagerDutyIntegration]? = nil
    ) {
        self.arn = arn
        self.accountID = accountID
        self.region = region
        self.name = name
        self.displayName = displayName
        self.template = template
        self.chatChannel = chatChannel
        self.engagements = engagements
        self.runbooks = runbooks
        self.pagerDutyIntegrations = pagerDutyIntegrations
    }

    /// Whether the plan sets its own dedupe string, which then joins incidents account-wide.
    public var dedupes: Bool {
        !(template.dedupeString ?? "").isEmpty
    }
}

/// The fields an incident starts with.
public struct IncidentTemplate: Sendable, Equatable, Codable {
    /// The title.
    public var title: String
    /// The impact, 1 (critical) to 5 (no impact).
    public var impact: Int
    /// The summary.
    public var summary: String?
    /// The string that joins starts of the same problem into one incident.
    public var dedupeString: String?
    /// SNS topics told about changes.
    public var notificationTopics: [String]?
    /// Tags put on each incident record.
    public var incidentTags: [String: String]?

    /// Creates a template.
    public init(
        title: String,
        impact: Int,
        summary: String? = nil,
        dedupeString: String? = nil,
        notificationTopics: [String]? = nil,
        incidentTags: [String: String]? = nil
    ) {
        self.title = title
        self.impact = impact
        self.summary = summary
        self.dedupeString = dedupeString
        self.notificationTopics = notificationTopics
        self.incidentTags = incidentTags
    }
}

/// A PagerDuty service a plan's incidents are mirrored to.
public struct PagerDutyIntegration: Sendable, Equatable, Codable {
    /// The integration's name.
    public var name: String
    /// The PagerDuty service.
    public var serviceID: String
    /// The secret holding the PagerDuty credentials.
    public var secretID: String

    /// Creates an integration.
    public init(name: String, serviceID: String, secretID: String) {
        self.name = name
        self.serviceID = serviceID
        self.secretID = secretID
    }
}
