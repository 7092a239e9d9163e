import ContactsAPI
import IncidentsAPI
import RunbooksAPI

/// Where a migration writes: the API families' handlers over this server's store (whose import functions keep the
/// mapping table).
public struct MigrationTarget: Sendable {
    /// ssm-contacts (contacts, channels, rotations).
    public var contacts: ContactsHandler
    /// ssm-incidents (replication set, response plans, incidents).
    public var incidents: IncidentsHandler
    /// ssm documents (the runbooks plans run).
    public var runbooks: RunbooksHandler

    /// A target; for a dry run, handlers over a rehearsal of the database.
    public init(contacts: ContactsHandler, incidents: IncidentsHandler, runbooks: RunbooksHandler) {
        self.contacts = contacts
        self.incidents = incidents
        self.runbooks = runbooks
    }
}
