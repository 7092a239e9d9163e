import Crypto
import Foundation
import HikeshiCore
import SSMIncidentsModel

// The ssm-incidents wire shapes built from domain values, and the domain values read from wire input. Nothing here is
// stored: Storage keeps the domain types in a format of its own.

extension IncidentStatus {
    /// The domain form of a wire status.
    init(_ status: SSMIncidents.IncidentRecordStatus) {
        switch status {
        case .open: self = .open
        case .resolved: self = .resolved
        }
    }

    /// The wire form.
    var wire: SSMIncidents.IncidentRecordStatus {
        switch self {
        case .open: .open
        case .resolved: .resolved
        }
    }
}

extension IncidentSource {
    /// The domain form of a wire source.
    init(_ source: SSMIncidents.IncidentRecordSource) {
        self.init(createdBy: source.createdBy, invokedBy: source.invokedBy, resourceArn: source.resourceArn, source: source.source)
    }

    /// The wire form.
    var wire: SSMIncidents.IncidentRecordSource {
        SSMIncidents.IncidentRecordSource(createdBy: createdBy, invokedBy: invokedBy, resourceArn: resourceArn, source: source)
    }
}

extension IncidentChatChannel {
    /// The domain form of a wire chat channel.
    init(_ channel: SSMIncidents.ChatChannel) {
        switch channel {
        case .chatbotSns(let topics): self = .topics(topics)
        case .empty: self = .none
        }
    }

    /// The wire form.
    var wire: SSMIncidents.ChatChannel {
        switch self {
        case .none: .empty(SSMIncidents.EmptyChatChannel())
        case .topics(let topics): .chatbotSns(topics)
        }
    }
}

/// Notification targets between their wire and domain forms (SNS topic ARNs).
enum NotificationTopics {
    /// The topics of wire targets.
    static func domain(_ targets: [SSMIncidents.NotificationTargetItem]?) -> [String]? {
        targets?.map { target in
            switch target {
            case .snsTopicArn(let arn): arn
            }
        }
    }

    /// The wire targets of topics.
    static func wire(_ topics: [String]?) -> [SSMIncidents.NotificationTargetItem]? {
        topics?.map(SSMIncidents.NotificationTargetItem.snsTopicArn)
    }
}

extension Incident {
    /// The record `GetIncidentRecord` returns.
    var wire: SSMIncidents.IncidentRecord {
        SSMIncidents.IncidentRecord(
            arn: arn,
            automationExecutions: automationExecutions.map { .ssmExecutionArn($0) },
            chatChannel: chatChannel?.wire,
            creationTime: createdAt,
            dedupeString: dedupeString,
            impact: impact,
            incidentRecordSource: source.wire,
            lastModifiedBy: lastModifiedBy,
            lastModifiedTime: lastModifiedAt,
            notificationTargets: NotificationTopics.wire(notificationTopics),
            resolvedTime: resolvedAt,
            status: status.wire,
            summary: summary,
            title: title
        )
    }

    /// The summary `ListIncidentRecords` returns.
    var wireSummary: SSMIncidents.IncidentRecordSummary {
        SSMIncidents.IncidentRecordSummary(
            arn: arn,
            creationTime: createdAt,
            impact: impact,
            incidentRecordSource: source.wire,
            resolvedTime: resolvedAt,
            status: status.wire,
            title: title
        )
    }
}

extension RunbookAction {
    /// The domain form of a plan's wire action.
    init(_ action: SSMIncidents.Action) {
        switch action {
        case .ssmAutomation(let automation):
            self.init(
                documentName: automation.documentName,
                documentVersion: automation.documentVersion,
                roleArn: automation.roleArn,
                targetAccount: automation.targetAccount.map { account in
                    switch account {
                    case .responsePlanOwnerAccount: .responsePlanOwnerAccount
                    case .impactedAccount: .impactedAccount
                    }
                },
                parameters: automation.parameters,
                dynamicParameters: automation.dynamicParameters?.mapValues { value in
                    switch value {
                    case .variable(.incidentRecordArn): .incidentRecordArn
                    case .variable(.involvedResources): .involvedResources
                    }
                }
            )
        }
    }

    /// The wire form.
    var wire: SSMIncidents.Action {
        .ssmAutomation(
            SSMIncidents.SsmAutomation(
                documentName: documentName,
                documentVersion: documentVersion,
                dynamicParameters: dynamicParameters?.mapValues { value in
                    switch value {
                    case .incidentRecordArn: .variable(.incidentRecordArn)
                    case .involvedResources: .variable(.involvedResources)
                    }
                },
                parameters: parameters,
                roleArn: roleArn,
                targetAccount: targetAccount.map { account in
                    switch account {
                    case .responsePlanOwnerAccount: .responsePlanOwnerAccount
                    case .impactedAccount: .impactedAccount
                    }
                }
            )
        )
    }
}

extension IncidentTemplate {
    /// The domain form of a wire template.
    init(_ template: SSMIncidents.IncidentTemplate) {
        self.init(
            title: template.title,
            impact: template.impact,
            summary: template.summary,
            dedupeString: template.dedupeString,
            notificationTopics: NotificationTopics.domain(template.notificationTargets),
            incidentTags: template.incidentTags
        )
    }

    /// The wire form.
    var wire: SSMIncidents.IncidentTemplate {
        SSMIncidents.IncidentTemplate(
            dedupeString: dedupeString,
            impact: impact,
            incidentTags: incidentTags,
            notificationTargets: NotificationTopics.wire(notificationTopics),
            summary: summary,
            title: title
        )
    }
}

extension PagerDutyIntegration {
    /// The domain form of a wire integration.
    init(_ integration: SSMIncidents.Integration) {
        switch integration {
        case .pagerDutyConfiguration(let configuration):
            self.init(
                name: configuration.name,
                serviceID: configuration.pagerDutyIncidentConfiguration.serviceId,
                secretID: configuration.secretId
            )
        }
    }

    /// The wire form.
    var wire: SSMIncidents.Integration {
        .pagerDutyConfiguration(
            SSMIncidents.PagerDutyConfiguration(
                name: name,
                pagerDutyIncidentConfiguration: SSMIncidents.PagerDutyIncidentConfiguration(serviceId: serviceID),
                secretId: secretID
            )
        )
    }
}

extension ResponsePlan {
    /// The plan `GetResponsePlan` returns: lists as the caller gave them (left out, empty or not).
    var wire: SSMIncidents.GetResponsePlanOutput {
        SSMIncidents.GetResponsePlanOutput(
            actions: runbooks?.map(\.wire),
            arn: arn,
            chatChannel: chatChannel?.wire,
            displayName: displayName,
            engagements: engagements,
            incidentTemplate: template.wire,
            integrations: pagerDutyIntegrations?.map(\.wire),
            name: name
        )
    }
}

extension RelatedItemKind {
    /// The domain form of a wire item type.
    init(_ type: SSMIncidents.ItemType) {
        switch type {
        case .analysis: self = .analysis
        case .incident: self = .incident
        case .metric: self = .metric
        case .parent: self = .parent
        case .attachment: self = .attachment
        case .other: self = .other
        case .automation: self = .automation
        case .involvedResource: self = .involvedResource
        case .task: self = .task
        }
    }

    /// The wire form.
    var wire: SSMIncidents.ItemType {
        switch self {
        case .analysis: .analysis
        case .incident: .incident
        case .metric: .metric
        case .parent: .parent
        case .attachment: .attachment
        case .other: .other
        case .automation: .automation
        case .involvedResource: .involvedResource
        case .task: .task
        }
    }
}

extension RelatedItemValue {
    /// The domain form of a wire item value.
    init(_ value: SSMIncidents.ItemValue) {
        switch value {
        case .arn(let arn): self = .arn(arn)
        case .url(let url): self = .url(url)
        case .metricDefinition(let definition): self = .metricDefinition(definition)
        case .pagerDutyIncidentDetail(let detail):
            self = .pagerDutyIncident(PagerDutyIncidentLink(id: detail.id, autoResolve: detail.autoResolve, secretID: detail.secretId))
        }
    }

    /// The wire form.
    var wire: SSMIncidents.ItemValue {
        switch self {
        case .arn(let arn): .arn(arn)
        case .url(let url): .url(url)
        case .metricDefinition(let definition): .metricDefinition(definition)
        case .pagerDutyIncident(let link):
            .pagerDutyIncidentDetail(SSMIncidents.PagerDutyIncidentDetail(autoResolve: link.autoResolve, id: link.id, secretId: link.secretID))
        }
    }
}

extension RelatedItem {
    /// The wire form.
    var wire: SSMIncidents.RelatedItem {
        SSMIncidents.RelatedItem(generatedId: generatedID, identifier: SSMIncidents.ItemIdentifier(type: kind.wire, value: value.wire), title: title)
    }

    /// The id as the model spells it, `related-item/<TYPE>/<32 uppercase hex>`: the stored UUID's digits, or (for an
    /// id of another form) the first 128 bits of its SHA-256, so the same item always answers the same id.
    var generatedID: String {
        let digits = id.replacingOccurrences(of: "-", with: "").uppercased()
        let hex =
            digits.count == 32 && digits.allSatisfy(\.isHexDigit)
            ? digits : SHA256.hash(data: Data(id.utf8)).prefix(16).map { String(format: "%02X", $0) }.joined()
        return "related-item/\(kind.wire.rawValue)/\(hex)"
    }
}

extension ReplicationRegionStatus {
    /// The wire form.
    var wire: SSMIncidents.RegionStatus {
        switch self {
        case .active: .active
        case .creating: .creating
        case .deleting: .deleting
        case .failed: .failed
        }
    }
}

extension ReplicationStatus {
    /// The wire form.
    var wire: SSMIncidents.ReplicationSetStatus {
        switch self {
        case .active: .active
        case .creating: .creating
        case .updating: .updating
        case .deleting: .deleting
        case .failed: .failed
        }
    }
}

extension ReplicationSet {
    /// The set `GetReplicationSet` returns.
    var wire: SSMIncidents.ReplicationSet {
        SSMIncidents.ReplicationSet(
            arn: arn,
            createdBy: createdBy,
            createdTime: createdAt,
            deletionProtected: deletionProtected,
            lastModifiedBy: lastModifiedBy,
            lastModifiedTime: lastModifiedAt,
            regionMap: regions.mapValues { region in
                SSMIncidents.RegionInfo(
                    sseKmsKeyId: region.kmsKeyID,
                    status: region.status.wire,
                    statusMessage: region.statusMessage,
                    statusUpdateDateTime: region.statusUpdatedAt
                )
            },
            status: status.wire
        )
    }
}

extension TimelineReference {
    /// The domain form of a wire reference.
    init(_ reference: SSMIncidents.EventReference) {
        switch reference {
        case .resource(let arn): self = .resource(arn)
        case .relatedItemId(let id): self = .relatedItem(id)
        }
    }

    /// The wire form.
    var wire: SSMIncidents.EventReference {
        switch self {
        case .resource(let arn): .resource(arn)
        case .relatedItem(let id): .relatedItemId(id)
        }
    }
}
