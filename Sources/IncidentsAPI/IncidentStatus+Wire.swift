import HikeshiCore
import SSMIncidentsModel

extension IncidentStatus {
    /// The domain form of a wire status.
    init(_ status: SSMIncidents.IncidentRecordStatus) {
        switch status {
        case .open: self = .open
        case .resolved: self = .resolved
        }
    }
}
