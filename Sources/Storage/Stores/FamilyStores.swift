import Foundation
import Logging

/// What the paging engine needs of a unit of work: contacts and how to reach them, engagements, pages, jobs.
/// Every family's transaction offers it, so engagements begin and end inside any family's change.
public protocol PagingTransaction: Sendable {
    /// Contacts.
    var contacts: ContactRepository { get }
    /// Contact channels.
    var channels: ChannelRepository { get }
    /// Rotations.
    var rotations: RotationRepository { get }
    /// Engagements.
    var engagements: EngagementRepository { get }
    /// Pages and receipts.
    var pages: PageRepository { get }
    /// The jobs table.
    var jobs: JobQueue { get }
}

/// The ssm-contacts family's view of a unit of work.
public protocol ContactsTransaction: PagingTransaction {
    /// Client tokens.
    var idempotency: IdempotencyRepository { get }
    /// Tags.
    var tags: TagRepository { get }
    /// Contact resource policies.
    var policies: PolicyRepository { get }
    /// iCalendar feed tokens.
    var calendarFeeds: CalendarFeedRepository { get }
    /// Source-to-target mappings of `hikeshi migrate`, written with the resources they map.
    var migrations: MigrationMappingRepository { get }
}

/// The ssm-incidents family's view of a unit of work (with alert integrations and chat channels).
public protocol IncidentsTransaction: PagingTransaction {
    /// Whether reads meant for a change lock their rows.
    var locksRows: Bool { get }
    /// Client tokens.
    var idempotency: IdempotencyRepository { get }
    /// Tags.
    var tags: TagRepository { get }
    /// Response plans.
    var responsePlans: ResponsePlanRepository { get }
    /// Incident records.
    var incidents: IncidentRepository { get }
    /// Timeline events.
    var timeline: TimelineRepository { get }
    /// Related items.
    var relatedItems: RelatedItemRepository { get }
    /// OpsItems (every incident's parent).
    var opsItems: OpsItemRepository { get }
    /// Resources associated with OpsItems (the incident under its parent).
    var opsItemRelatedItems: OpsItemRelatedItemRepository { get }
    /// OpsItem events.
    var opsItemEvents: OpsItemEventRepository { get }
    /// Replication sets.
    var replicationSets: ReplicationSetRepository { get }
    /// Resource policies.
    var resourcePolicies: ResourcePolicyRepository { get }
    /// Integrations and chat channels.
    var integrations: IntegrationRepository { get }
    /// Source-to-target mappings of `hikeshi migrate`, written with the resources they map.
    var migrations: MigrationMappingRepository { get }
    /// Serialises writers that take the same key until the transaction ends.
    func lock(key: String) async throws
}

/// The support family's view of a unit of work.
public protocol SupportTransaction: PagingTransaction {
    /// Whether reads meant for a change lock their rows.
    var locksRows: Bool { get }
    /// Accounts (the provider role).
    var accounts: AccountRepository { get }
    /// Support cases.
    var supportCases: SupportCaseRepository { get }
    /// Communications.
    var communications: SupportCommunicationRepository { get }
    /// Attachment sets.
    var attachments: SupportAttachmentRepository { get }
    /// Desk agents.
    var agents: SupportAgentRepository { get }
    /// Support plans.
    var supportPlans: SupportPlanRepository { get }
    /// Desk settings documents.
    var supportSettings: SupportSettingsRepository { get }
    /// Cases by email: sender mappings, notices, messages read.
    var supportMail: SupportMailRepository { get }
    /// Upstream support providers.
    var upstreamProviders: SupportUpstreamRepository { get }
    /// Cases escalated upstream.
    var escalations: SupportEscalationRepository { get }
}

/// The ssm family's view of a unit of work: documents (runbooks, analyses) with their tags.
public protocol RunbooksTransaction: Sendable {
    /// Whether reads meant for a change lock their rows.
    var locksRows: Bool { get }
    /// Documents and their versions.
    var documents: DocumentRepository { get }
    /// Who documents are shared with.
    var documentPermissions: DocumentPermissionRepository { get }
    /// OpsItems, read to check that a tagged OpsItem exists.
    var opsItems: OpsItemRepository { get }
    /// Automation executions.
    var automationExecutions: AutomationExecutionRepository { get }
    /// Jobs that commit with the change (the engine's next looks at an execution).
    var jobs: JobQueue { get }
    /// Source-to-target mappings of `hikeshi migrate`, written with the resources they map.
    var migrations: MigrationMappingRepository { get }
    /// Tags.
    var tags: TagRepository { get }
}

/// The OpsCenter family's view of a unit of work: OpsItems, their associations and events, and tags.
public protocol OpsCenterTransaction: Sendable {
    /// Whether reads meant for a change lock their rows.
    var locksRows: Bool { get }
    /// OpsItems.
    var opsItems: OpsItemRepository { get }
    /// Resources associated with OpsItems.
    var opsItemRelatedItems: OpsItemRelatedItemRepository { get }
    /// OpsItem events.
    var opsItemEvents: OpsItemEventRepository { get }
    /// Tags.
    var tags: TagRepository { get }
    /// Jobs that commit with the change (chat notices of OpsItems).
    var jobs: JobQueue { get }
    /// Serialises writers that take the same key until the transaction ends.
    func lock(key: String) async throws
}

/// The post-incident analysis family's view of a unit of work: the incident analysed (its record, timeline, related
/// items, engagements and runbook executions), the analysis documents and their templates, and the OpsItems action
/// items become.
public protocol AnalysisTransaction: Sendable {
    /// Whether reads meant for a change lock their rows.
    var locksRows: Bool { get }
    /// Incident records.
    var incidents: IncidentRepository { get }
    /// Timeline events.
    var timeline: TimelineRepository { get }
    /// Incidents' related items (an analysis is one, of type ANALYSIS).
    var relatedItems: RelatedItemRepository { get }
    /// Engagements (an incident's).
    var engagements: EngagementRepository { get }
    /// Automation executions (an incident's runbooks, read for their steps).
    var automationExecutions: AutomationExecutionRepository { get }
    /// Documents and their versions: analyses and analysis templates.
    var documents: DocumentRepository { get }
    /// Who documents are shared with (templates of other accounts).
    var documentPermissions: DocumentPermissionRepository { get }
    /// OpsItems (action items).
    var opsItems: OpsItemRepository { get }
    /// Resources associated with OpsItems (an action item's incident and analysis).
    var opsItemRelatedItems: OpsItemRelatedItemRepository { get }
    /// OpsItem events.
    var opsItemEvents: OpsItemEventRepository { get }
    /// Serialises writers that take the same key until the transaction ends.
    func lock(key: String) async throws
}

extension StoreTransaction: AnalysisTransaction {}

/// The identity module's view of a unit of work: accounts and access keys.
public protocol IdentityTransaction: Sendable {
    /// Accounts and access keys.
    var accounts: AccountRepository { get }
}

/// The web console's view of a unit of work: its users, sessions and sign-in throttle, and the accounts (to tell the
/// provider's).
public protocol ConsoleTransaction: Sendable {
    /// Console users.
    var consoleUsers: ConsoleUserRepository { get }
    /// Console sessions.
    var consoleSessions: ConsoleSessionRepository { get }
    /// Failed sign-ins.
    var signInThrottle: SignInThrottleRepository { get }
    /// Accounts and access keys.
    var accounts: AccountRepository { get }
    /// Serialises writers that take the same key until the transaction ends.
    func lock(key: String) async throws
}

extension StoreTransaction: ConsoleTransaction {}

extension StoreTransaction: ContactsTransaction, IncidentsTransaction, SupportTransaction, IdentityTransaction, RunbooksTransaction,
    OpsCenterTransaction
{}

/// A unit of work that starts an incident's runbooks: the incidents family's view, the automation engine's and the
/// accounts (to find the account a runbook runs in), in one transaction.
public typealias IncidentRunbooksTransaction = IncidentsTransaction & RunbooksTransaction & IdentityTransaction

/// A family's store: units of work for reading and for writing, each handed the family's view.
///
/// `read` runs on a connection; `write` in one transaction that commits when `body` returns and rolls back
/// when it throws. Errors leave as ``StorageError``.
public protocol FamilyStore<Transaction>: Sendable {
    /// The family's view of a unit of work.
    associatedtype Transaction: Sendable
    /// Runs `body` for reading, on a connection outside any transaction: it must not write (a lock or a job taken
    /// there would not be part of a transaction).
    func read<T: Sendable>(logger: Logger, _ body: @Sendable (Transaction) async throws -> T) async throws -> T
    /// Runs `body` in one transaction.
    func write<T: Sendable>(logger: Logger, _ body: @Sendable (Transaction) async throws -> T) async throws -> T
}

/// The ssm-contacts family's store.
public typealias ContactsStore = FamilyStore<any ContactsTransaction>
/// The ssm-incidents family's store.
public typealias IncidentsStore = FamilyStore<any IncidentsTransaction>
/// The support family's store.
public typealias SupportStore = FamilyStore<any SupportTransaction>
/// The paging engine's store.
public typealias PagingStore = FamilyStore<any PagingTransaction>
/// The ssm family's store.
public typealias RunbooksStore = FamilyStore<any RunbooksTransaction>
/// The OpsCenter family's store.
public typealias OpsCenterStore = FamilyStore<any OpsCenterTransaction>
/// The post-incident analysis family's store.
public typealias AnalysisStore = FamilyStore<any AnalysisTransaction>
/// The store of the job that starts incidents' runbooks.
public typealias IncidentRunbooksStore = FamilyStore<any IncidentRunbooksTransaction>
/// Accounts and access keys.
public typealias IdentityStore = FamilyStore<any IdentityTransaction>
/// The web console's users and sessions.
public typealias ConsoleStore = FamilyStore<any ConsoleTransaction>
