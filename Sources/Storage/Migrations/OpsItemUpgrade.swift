import Foundation
import HikeshiCore
import SQLKit

/// Migration 10: incidents' parent OpsItems become real OpsItems that OpsCenter serves. Up to this migration the
/// incidents family kept a row per parent with the document `{"incidentRecordArn":…,"opsItemType":…}`; this rewrites
/// each document into ``OpsItemDocument`` (Incident Manager's role as creator and modifier, the title as description),
/// and gives each item what a new parent gets: its `IsParentOf` association with the incident and its creation event.
///
/// The old document is read with the frozen `Legacy` shape below; a document it cannot read (or an unknown OpsItem
/// type) stops the migration with ``StorageError/Kind/corrupt`` and the whole transaction rolls back.
enum OpsItemUpgrade {
    /// The document the incidents family wrote before migration 10.
    private struct Legacy: Decodable {
        var incidentRecordArn: String?
        var opsItemType: String?
    }

    static func run(_ sql: any SQLDatabase) async throws {
        // In batches by id, so a large table is never held in memory at once.
        var after = ""
        while true {
            let rows = try await sql.raw(
                """
                SELECT id, account_id, region, title, source, status, document, created_at, updated_at FROM ops_items
                WHERE id > \(bind: after) ORDER BY id LIMIT 500
                """
            ).all()
            for row in rows {
                let id = try row.decode(column: "id", as: String.self)
                try await upgrade(row, id: id, sql: sql)
                after = id
            }
            if rows.count < 500 { return }
        }
    }

    private static func upgrade(_ row: any SQLRow, id: String, sql: any SQLDatabase) async throws {
        let legacy = try StoredJSON.decode(Legacy.self, from: try row.decode(column: "document", as: String.self), what: "OpsItem \(id)")
        guard let kind = OpsItemKind(rawValue: legacy.opsItemType ?? OpsItemKind.issue.rawValue) else {
            throw StorageError(.corrupt, "OpsItem \(id) has a type OpsCenter does not know")
        }
        let accountID = try row.decode(column: "account_id", as: String.self)
        let title = try row.decode(column: "title", as: String.self)
        let createdAt = Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        let actor = OpsItem.incidentManagerArn(accountID: accountID)
        let item = OpsItem(
            id: id, accountID: accountID, region: try row.decode(column: "region", as: String.self), kind: kind, title: title, description: title,
            source: try row.decode(column: "source", as: String.self), status: try StoredValue.decode(OpsItemStatus.self, row, column: "status"),
            priority: nil, severity: nil, category: nil, operationalData: [:], notifications: [], relatedOpsItems: [], times: OpsItemTimes(),
            createdBy: actor, createdAt: createdAt, lastModifiedBy: actor,
            lastModifiedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self)), version: 1)
        try await sql.raw("UPDATE ops_items SET document = \(bind: try StoredJSON.encode(OpsItemDocument(item))) WHERE id = \(bind: id)").run()
        if let incidentArn = legacy.incidentRecordArn {
            try await OpsItemRelatedItemRepository(sql).insert(
                OpsItem.incidentAssociation(
                    associationID: UUID().uuidString.lowercased(), opsItemID: id, incidentArn: incidentArn, accountID: accountID, at: createdAt))
        }
        let created = try OpsItemEvent.recording(item, eventID: UUID().uuidString.lowercased())
        try await OpsItemEventRepository(sql).insert(created, region: item.region)
    }
}
