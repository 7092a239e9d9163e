import Foundation
import HikeshiCore
import SQLKit

/// One unit of work: every repository over one connection (for reading) or one transaction (for
/// writing), so that a change and the jobs it schedules commit together.
///
/// API modules never see SQL: they receive this value through their family's view
/// (``ContactsTransaction``, ``IncidentsTransaction``, ``SupportTransaction``, ``PagingTransaction``)
/// from their store's `read` or `write`.
public struct StoreTransaction: Sendable {
    let sql: any SQLDatabase
    /// The engine behind the unit of work.
    public let engine: DatabaseEngine

    /// A unit of work over `sql` (a connection or an open transaction).
    init(sql: any SQLDatabase, engine: DatabaseEngine) {
        self.sql = sql
        self.engine = engine
    }

    /// Whether reads meant for a change lock their rows (`FOR UPDATE`): on PostgreSQL; SQLite has one writer at a time.
    public var locksRows: Bool { engine == .postgres }

    /// The jobs table, for enqueueing in this unit of work.
    public var jobs: JobQueue { JobQueue(sql, engine: engine) }
    /// Client tokens of idempotent operations.
    public var idempotency: IdempotencyRepository { IdempotencyRepository(sql) }
    /// Tags of every family's resources.
    public var tags: TagRepository { TagRepository(sql) }
    /// Accounts and access keys.
    public var accounts: AccountRepository { AccountRepository(sql) }

    /// Contacts (people, escalation plans, on-call schedules).
    public var contacts: ContactRepository { ContactRepository(sql) }
    /// Contact channels.
    public var channels: ChannelRepository { ChannelRepository(sql) }
    /// Rotations and their overrides.
    public var rotations: RotationRepository { RotationRepository(sql) }
    /// Engagements.
    public var engagements: EngagementRepository { EngagementRepository(sql) }
    /// Pages and their receipts.
    public var pages: PageRepository { PageRepository(sql) }
    /// Contact resource policies.
    public var policies: PolicyRepository { PolicyRepository(sql) }
    /// iCalendar feed tokens.
    public var calendarFeeds: CalendarFeedRepository { CalendarFeedRepository(sql) }

    /// Response plans.
    public var responsePlans: ResponsePlanRepository { ResponsePlanRepository(sql) }
    /// Incident records.
    public var incidents: IncidentRepository { IncidentRepository(sql) }
    /// Timeline events.
    public var timeline: TimelineRepository { TimelineRepository(sql) }
    /// Related items.
    public var relatedItems: RelatedItemRepository { RelatedItemRepository(sql) }
    /// OpsItems (OpsCenter's, and every incident's parent).
    public var opsItems: OpsItemRepository { OpsItemRepository(sql) }
    /// Resources associated with OpsItems.
    public var opsItemRelatedItems: OpsItemRelatedItemRepository { OpsItemRelatedItemRepository(sql) }
    /// OpsItem events.
    public var opsItemEvents: OpsItemEventRepository { OpsItemEventRepository(sql) }
    /// Replication sets.
    public var replicationSets: ReplicationSetRepository { ReplicationSetRepository(sql) }
    /// Resource policies of response plans.
    public var resourcePolicies: ResourcePolicyRepository { ResourcePolicyRepository(sql) }
    /// Alert integrations and chat channels.
    public var integrations: IntegrationRepository { IntegrationRepository(sql) }
    /// What `hikeshi migrate` brought over from where.
    public var migrations: MigrationMappingRepository { MigrationMappingRepository(sql) }

    /// Support cases.
    public var supportCases: SupportCaseRepository { SupportCaseRepository(sql) }
    /// Communications on support cases.
    public var communications: SupportCommunicationRepository { SupportCommunicationRepository(sql) }
    /// Attachment sets and attachments.
    public var attachments: SupportAttachmentRepository { SupportAttachmentRepository(sql) }
    /// Desk agents.
    public var agents: SupportAgentRepository { SupportAgentRepository(sql) }
    /// Accounts' support plans and the provider role.
    public var supportPlans: SupportPlanRepository { SupportPlanRepository(sql) }
    /// The desk's settings documents.
    public var supportSettings: SupportSettingsRepository { SupportSettingsRepository(sql) }
    /// Cases by email.
    public var supportMail: SupportMailRepository { SupportMailRepository(sql) }
    /// Upstream support providers.
    public var upstreamProviders: SupportUpstreamRepository { SupportUpstreamRepository(sql) }
    /// Cases escalated upstream.
    public var escalations: SupportEscalationRepository { SupportEscalationRepository(sql) }
    /// SSM documents and their versions.
    public var documents: DocumentRepository { DocumentRepository(sql) }
    /// Who SSM documents are shared with.
    public var documentPermissions: DocumentPermissionRepository { DocumentPermissionRepository(sql) }
    /// Automation executions.
    public var automationExecutions: AutomationExecutionRepository { AutomationExecutionRepository(sql) }

    /// Console users.
    public var consoleUsers: ConsoleUserRepository { ConsoleUserRepository(sql) }
    /// Console sessions.
    public var consoleSessions: ConsoleSessionRepository { ConsoleSessionRepository(sql) }
    /// Failed console sign-ins.
    public var signInThrottle: SignInThrottleRepository { SignInThrottleRepository(sql) }

    /// Serialises, until this transaction ends, every writer that takes the same `key` (PostgreSQL advisory lock;
    /// SQLite has one writer at a time and needs none).
    public func lock(key: String) async throws {
        guard engine == .postgres else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: key)))").run()
    }
}
