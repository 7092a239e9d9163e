import Foundation
import SSMIncidentsModel

/// What an incident record's `document` column holds: the API's record and what Hikeshi keeps beside it.
struct StoredIncident: Codable, Sendable, Equatable {
    /// The record as `GetIncidentRecord` returns it.
    var record: SSMIncidents.IncidentRecord
    /// The parent OpsItem's id.
    var opsItemID: String?
    /// Runbooks of the plan waiting for the automation engine (recorded, not run, here).
    var pendingRunbooks: [SSMIncidents.SsmAutomation]?
    /// When a responder acknowledged it (from chat or a page). (Absorbed triggers are counted by their timeline events.)
    var acknowledgedAt: Date?
}
