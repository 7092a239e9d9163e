import Foundation
import HikeshiCore
import SQLKit

/// Migration 7: incident records, response plans, related items and replication sets were stored (up to 0.x at
/// 8da1535) as JSON of the generated ssm-incidents wire shapes. This rewrites each document into the format of its
/// domain type, so the stored form no longer depends on what the shape generator emits.
///
/// The old format is read with the frozen, private `Legacy` shapes below (decode only); a document they cannot read
/// stops the migration with ``StorageError/Kind/corrupt`` and the whole transaction rolls back.
enum IncidentDocumentUpgrade {
    static func run(_ sql: any SQLDatabase) async throws {
        try await rewrite(sql, table: "incident_records", key: "arn", what: "incident record") { (old: Legacy.Incident) in
            let record = old.record
            return IncidentDocument(
                summary: record.summary,
                source: IncidentSource(
                    createdBy: record.incidentRecordSource.createdBy,
                    invokedBy: record.incidentRecordSource.invokedBy,
                    resourceArn: record.incidentRecordSource.resourceArn,
                    source: record.incidentRecordSource.source
                ),
                chatChannel: try record.chatChannel?.domain(),
                notificationTopics: try record.notificationTargets?.map { try $0.domain() },
                lastModifiedBy: record.lastModifiedBy,
                lastModifiedAt: record.lastModifiedTime,
                opsItemID: old.opsItemID,
                pendingRunbooks: try (old.pendingRunbooks ?? []).map { try $0.domain() },
                acknowledgedAt: old.acknowledgedAt
            )
        }
        try await rewrite(sql, table: "response_plans", key: "arn", what: "response plan") { (old: Legacy.Plan) in
            ResponsePlanDocument(
                displayName: old.displayName,
                template: IncidentTemplate(
                    title: old.incidentTemplate.title,
                    impact: old.incidentTemplate.impact,
                    summary: old.incidentTemplate.summary,
                    dedupeString: old.incidentTemplate.dedupeString,
                    notificationTopics: try old.incidentTemplate.notificationTargets?.map { try $0.domain() },
                    incidentTags: old.incidentTemplate.incidentTags
                ),
                chatChannel: try old.chatChannel?.domain(),
                engagements: old.engagements,
                runbooks: try old.actions?.map { try $0.domain() },
                pagerDutyIntegrations: try old.integrations?.map { try $0.domain() }
            )
        }
        try await rewrite(sql, table: "related_items", key: "id", what: "related item") { (old: Legacy.RelatedItem) in
            RelatedItemDocument(value: try old.identifier.value.domain(), title: old.title)
        }
        try await rewrite(sql, table: "replication_sets", key: "arn", what: "replication set") { (old: Legacy.ReplicationSet) in
            ReplicationSetDocument(
                regions: try old.regionMap.mapValues { region in
                    ReplicationRegion(
                        kmsKeyID: region.sseKmsKeyId,
                        status: try Legacy.value(ReplicationRegionStatus.self, region.status),
                        statusMessage: region.statusMessage,
                        statusUpdatedAt: region.statusUpdateDateTime
                    )
                },
                deletionProtected: old.deletionProtected,
                createdBy: old.createdBy,
                lastModifiedBy: old.lastModifiedBy,
                lastModifiedAt: old.lastModifiedTime
            )
        }
    }

    /// Reads every row's document as `Old`, converts it and writes it back.
    private static func rewrite<Old: Decodable, New: Encodable>(
        _ sql: any SQLDatabase,
        table: String,
        key: String,
        what: String,
        _ convert: (Old) throws -> New
    ) async throws {
        // In batches by key, so a large table is never held in memory at once.
        var after = ""
        while true {
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: key) AS id, document FROM \(unsafeRaw: table)
                WHERE \(unsafeRaw: key) > \(bind: after) ORDER BY \(unsafeRaw: key) LIMIT 500
                """
            ).all()
            for row in rows {
                let id = try row.decode(column: "id", as: String.self)
                let old = try StoredJSON.decode(Old.self, from: try row.decode(column: "document", as: String.self), what: "\(what) \(id)")
                let new = try StoredJSON.encode(try convert(old))
                try await sql.raw("UPDATE \(unsafeRaw: table) SET document = \(bind: new) WHERE \(unsafeRaw: key) = \(bind: id)").run()
                after = id
            }
            if rows.count < 500 { return }
        }
    }
}

/// The wire-shape documents as the previous release wrote them, read only by ``IncidentDocumentUpgrade``.
private enum Legacy {
    struct Incident: Decodable {
        var record: Record
        var opsItemID: String?
        var pendingRunbooks: [Automation]?
        var acknowledgedAt: Date?
    }

    struct Record: Decodable {
        var chatChannel: ChatChannel?
        var incidentRecordSource: Source
        var lastModifiedBy: String
        var lastModifiedTime: Date
        var notificationTargets: [Target]?
        var summary: String?
    }

    struct Source: Decodable {
        var createdBy: String
        var invokedBy: String?
        var resourceArn: String?
        var source: String
    }

    struct ChatChannel: Decodable {
        struct Empty: Decodable {}

        var chatbotSns: [String]?
        var empty: Empty?

        func domain() throws -> IncidentChatChannel {
            if let chatbotSns { return .topics(chatbotSns) }
            guard empty != nil else { throw StorageError(.corrupt, "a chat channel is neither SNS topics nor empty") }
            return IncidentChatChannel.none
        }
    }

    struct Target: Decodable {
        var snsTopicArn: String?

        func domain() throws -> String {
            guard let snsTopicArn else { throw StorageError(.corrupt, "a notification target has no SNS topic") }
            return snsTopicArn
        }
    }

    struct Automation: Decodable {
        struct Dynamic: Decodable {
            var variable: String?
        }

        var documentName: String
        var documentVersion: String?
        var roleArn: String
        var targetAccount: String?
        var parameters: [String: [String]]?
        var dynamicParameters: [String: Dynamic]?

        func domain() throws -> RunbookAction {
            RunbookAction(
                documentName: documentName,
                documentVersion: documentVersion,
                roleArn: roleArn,
                targetAccount: try targetAccount.map { try Legacy.value(RunbookTargetAccount.self, $0) },
                parameters: parameters,
                dynamicParameters: try dynamicParameters?.mapValues { dynamic in
                    guard let variable = dynamic.variable else { throw StorageError(.corrupt, "a dynamic parameter has no variable") }
                    return try Legacy.value(RunbookDynamicValue.self, variable)
                }
            )
        }
    }

    struct Plan: Decodable {
        struct Action: Decodable {
            var ssmAutomation: Automation?

            func domain() throws -> RunbookAction {
                guard let ssmAutomation else { throw StorageError(.corrupt, "a response plan action is not an SSM automation") }
                return try ssmAutomation.domain()
            }
        }

        struct Template: Decodable {
            var dedupeString: String?
            var impact: Int
            var incidentTags: [String: String]?
            var notificationTargets: [Target]?
            var summary: String?
            var title: String
        }

        struct Integration: Decodable {
            var pagerDutyConfiguration: PagerDuty?

            func domain() throws -> PagerDutyIntegration {
                guard let configuration = pagerDutyConfiguration else {
                    throw StorageError(.corrupt, "a response plan integration is not a PagerDuty configuration")
                }
                return PagerDutyIntegration(
                    name: configuration.name, serviceID: configuration.pagerDutyIncidentConfiguration.serviceId, secretID: configuration.secretId)
            }
        }

        struct PagerDuty: Decodable {
            struct Service: Decodable {
                var serviceId: String
            }

            var name: String
            var pagerDutyIncidentConfiguration: Service
            var secretId: String
        }

        var actions: [Action]?
        var chatChannel: ChatChannel?
        var displayName: String?
        var engagements: [String]?
        var incidentTemplate: Template
        var integrations: [Integration]?
    }

    struct RelatedItem: Decodable {
        struct Identifier: Decodable {
            var value: Value
        }

        struct Value: Decodable {
            struct PagerDuty: Decodable {
                var id: String
                var autoResolve: Bool?
                var secretId: String?
            }

            var arn: String?
            var url: String?
            var metricDefinition: String?
            var pagerDutyIncidentDetail: PagerDuty?

            func domain() throws -> RelatedItemValue {
                if let arn { return .arn(arn) }
                if let url { return .url(url) }
                if let metricDefinition { return .metricDefinition(metricDefinition) }
                if let detail = pagerDutyIncidentDetail {
                    return .pagerDutyIncident(PagerDutyIncidentLink(id: detail.id, autoResolve: detail.autoResolve, secretID: detail.secretId))
                }
                throw StorageError(.corrupt, "a related item has no value")
            }
        }

        var identifier: Identifier
        var title: String?
    }

    struct ReplicationSet: Decodable {
        struct Region: Decodable {
            var sseKmsKeyId: String?
            var status: String
            var statusMessage: String?
            var statusUpdateDateTime: Date
        }

        var createdBy: String
        var deletionProtected: Bool
        var lastModifiedBy: String
        var lastModifiedTime: Date
        var regionMap: [String: Region]
    }

    static func value<Value: RawRepresentable<String>>(_ type: Value.Type, _ raw: String) throws -> Value {
        guard let value = Value(rawValue: raw) else { throw StorageError(.corrupt, "unknown \(Value.self) '\(raw)'") }
        return value
    }
}
