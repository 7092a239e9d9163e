import Foundation
import HikeshiCore

/// The JSON kept in `incident_records.document`: the incident's fields that no column holds.
struct IncidentDocument: Codable, Equatable {
    var summary: String?
    var source: IncidentSource
    var chatChannel: IncidentChatChannel?
    var notificationTopics: [String]?
    var lastModifiedBy: String
    var lastModifiedAt: Date
    var opsItemID: String?
    var pendingRunbooks: [RunbookAction]
    var acknowledgedAt: Date?
    /// Absent in records written before runbooks ran.
    var automationExecutions: [String]?

    init(_ incident: Incident) {
        summary = incident.summary
        source = incident.source
        chatChannel = incident.chatChannel
        notificationTopics = incident.notificationTopics
        lastModifiedBy = incident.lastModifiedBy
        lastModifiedAt = incident.lastModifiedAt
        opsItemID = incident.opsItemID
        pendingRunbooks = incident.pendingRunbooks
        acknowledgedAt = incident.acknowledgedAt
        automationExecutions = incident.automationExecutions.isEmpty ? nil : incident.automationExecutions
    }

    init(
        summary: String?, source: IncidentSource, chatChannel: IncidentChatChannel?, notificationTopics: [String]?, lastModifiedBy: String,
        lastModifiedAt: Date, opsItemID: String?, pendingRunbooks: [RunbookAction], acknowledgedAt: Date?
    ) {
        self.summary = summary
        self.source = source
        self.chatChannel = chatChannel
        self.notificationTopics = notificationTopics
        self.lastModifiedBy = lastModifiedBy
        self.lastModifiedAt = lastModifiedAt
        self.opsItemID = opsItemID
        self.pendingRunbooks = pendingRunbooks
        self.acknowledgedAt = acknowledgedAt
    }
}

/// The JSON kept in `response_plans.document`: the plan's fields that no column holds.
struct ResponsePlanDocument: Codable, Equatable {
    var displayName: String?
    var template: IncidentTemplate
    var chatChannel: IncidentChatChannel?
    var engagements: [String]?
    var runbooks: [RunbookAction]?
    var pagerDutyIntegrations: [PagerDutyIntegration]?

    init(_ plan: ResponsePlan) {
        self.init(
            displayName: plan.displayName, template: plan.template, chatChannel: plan.chatChannel, engagements: plan.engagements,
            runbooks: plan.runbooks, pagerDutyIntegrations: plan.pagerDutyIntegrations)
    }

    init(
        displayName: String?, template: IncidentTemplate, chatChannel: IncidentChatChannel?, engagements: [String]?, runbooks: [RunbookAction]?,
        pagerDutyIntegrations: [PagerDutyIntegration]?
    ) {
        self.displayName = displayName
        self.template = template
        self.chatChannel = chatChannel
        self.engagements = engagements
        self.runbooks = runbooks
        self.pagerDutyIntegrations = pagerDutyIntegrations
    }
}

/// The JSON kept in `related_items.document`: the value and title (the kind is a column).
struct RelatedItemDocument: Codable, Equatable {
    var value: RelatedItemValue
    var title: String?
}

/// The JSON kept in `replication_sets.document`.
struct ReplicationSetDocument: Codable, Equatable {
    var regions: [String: ReplicationRegion]
    var deletionProtected: Bool
    var createdBy: String
    var lastModifiedBy: String
    var lastModifiedAt: Date

    init(_ set: ReplicationSet) {
        regions = set.regions
        deletionProtected = set.deletionProtected
        createdBy = set.createdBy
        lastModifiedBy = set.lastModifiedBy
        lastModifiedAt = set.lastModifiedAt
    }

    init(regions: [String: ReplicationRegion], deletionProtected: Bool, createdBy: String, lastModifiedBy: String, lastModifiedAt: Date) {
        self.regions = regions
        self.deletionProtected = deletionProtected
        self.createdBy = createdBy
        self.lastModifiedBy = lastModifiedBy
        self.lastModifiedAt = lastModifiedAt
    }
}
