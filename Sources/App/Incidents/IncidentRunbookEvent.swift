import Foundation
import HikeshiCore
import IncidentsAPI
import Logging
import RunbooksAPI
import Scheduler
import Storage

/// An execution's event for its incident's timeline.
struct IncidentRunbookEvent: Codable, Sendable {
    static let jobKind = "incident.runbook-event"
    var incidentArn: String
    var accountID: String
    var executionID: String
    var executionArn: String
    var event: AutomationEvent

    /// The account in an incident record's ARN.
    static func account(of incidentArn: String) -> String? {
        ARN(incidentArn).map(\.account)
    }
}
