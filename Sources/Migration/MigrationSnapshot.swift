import ContactsAPI
import IncidentsAPI
import RunbooksAPI

/// Everything read from a source, in the source's ARNs: what ``Migrator`` writes, object by object.
public struct MigrationSnapshot: Sendable {
    /// The source's replication set, if it has one.
    public var replicationSet: SourceReplicationSet?
    /// Contacts of every type: people, on-call schedules and escalation plans.
    public var contacts: [ContactImport]
    /// Rotations with their future overrides.
    public var rotations: [RotationImport]
    /// The account's own Automation documents that response plans name.
    public var documents: [DocumentImport]
    /// Response plans.
    public var responsePlans: [ResponsePlanImport]
    /// Incidents with their timelines and related items.
    public var incidents: [IncidentImport]
    /// What the reader noticed but could not read (reported as warnings).
    public var warnings: [String]

    /// A snapshot.
    public init(
        replicationSet: SourceReplicationSet? = nil, contacts: [ContactImport] = [],
        rotations: [RotationImport] = [], documents: [DocumentImport] = [], responsePlans: [ResponsePlanImport] = [],
        incidents: [IncidentImport] = [], warnings: [String] = []
    ) {
        self.replicationSet = replicationSet
        self.contacts = contacts
        self.rotations = rotations
        self.documents = documents
        self.responsePlans = responsePlans
        self.incidents = incidents
        self.warnings = warnings
    }

    /// Adds what `other` holds (an export's incidents to an endpoint's set-up); an incident read twice is kept once.
    public mutating func merge(_ other: MigrationSnapshot) {
        replicationSet = replicationSet ?? other.replicationSet
        contacts += other.contacts
        rotations += other.rotations
        documents += other.documents
        responsePlans += other.responsePlans
        let known = Set(incidents.map(\.record.arn))
        incidents += other.incidents.filter { !known.contains($0.record.arn) }
        warnings += other.warnings
    }
}
