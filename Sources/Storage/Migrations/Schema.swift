/// The schema's history. Append; never edit a migration that has shipped.
///
/// Conventions: instants are `BIGINT` milliseconds since the epoch (UTC); structured values are
/// JSON in `TEXT`; every tenant table starts with `account_id`.
public enum Schema {
    /// All migrations, in order.
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "identity") { _ in
            [
                """
                CREATE TABLE accounts (
                    account_id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE access_keys (
                    access_key_id TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL REFERENCES accounts (account_id),
                    sealed_secret TEXT NOT NULL,
                    status TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX access_keys_account ON access_keys (account_id)",
            ]
        },
        Migration(version: 2, name: "jobs") { _ in
            [
                """
                CREATE TABLE jobs (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    status TEXT NOT NULL,
                    due_at BIGINT NOT NULL,
                    attempts INTEGER NOT NULL,
                    max_attempts INTEGER NOT NULL,
                    lease_owner TEXT,
                    lease_until BIGINT,
                    last_error TEXT,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX jobs_due ON jobs (status, due_at)",
            ]
        },
        Migration(version: 3, name: "contacts") { _ in
            [
                """
                CREATE TABLE contacts (
                    arn TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    alias TEXT NOT NULL,
                    display_name TEXT,
                    type TEXT NOT NULL,
                    plan TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL,
                    UNIQUE (account_id, region, alias)
                )
                """,
                """
                CREATE TABLE contact_channels (
                    arn TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    contact_arn TEXT NOT NULL REFERENCES contacts (arn) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL,
                    address TEXT NOT NULL,
                    activation_status TEXT NOT NULL,
                    activation_code TEXT,
                    activation_sent_at BIGINT,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX contact_channels_contact ON contact_channels (contact_arn, created_at)",
                """
                CREATE TABLE resource_tags (
                    resource_arn TEXT NOT NULL,
                    account_id TEXT NOT NULL,
                    tag_key TEXT NOT NULL,
                    tag_value TEXT NOT NULL,
                    PRIMARY KEY (resource_arn, tag_key)
                )
                """,
                """
                CREATE TABLE resource_policies (
                    resource_arn TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    policy TEXT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE idempotency_tokens (
                    account_id TEXT NOT NULL,
                    operation TEXT NOT NULL,
                    token TEXT NOT NULL,
                    request_hash TEXT NOT NULL,
                    result TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (account_id, operation, token)
                )
                """,
            ]
        },
        Migration(version: 4, name: "oncall") { _ in
            [
                """
                CREATE TABLE rotations (
                    arn TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    name TEXT NOT NULL,
                    definition TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL,
                    UNIQUE (account_id, region, name)
                )
                """,
                """
                CREATE TABLE rotation_overrides (
                    id TEXT PRIMARY KEY,
                    rotation_arn TEXT NOT NULL REFERENCES rotations (arn) ON DELETE CASCADE,
                    account_id TEXT NOT NULL,
                    start_at BIGINT NOT NULL,
                    end_at BIGINT NOT NULL,
                    members TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX rotation_overrides_rotation ON rotation_overrides (rotation_arn, start_at)",
                """
                CREATE TABLE engagements (
                    arn TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    contact_arn TEXT NOT NULL,
                    sender TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    content TEXT NOT NULL,
                    public_subject TEXT,
                    public_content TEXT,
                    incident_id TEXT,
                    started_at BIGINT NOT NULL,
                    stopped_at BIGINT,
                    stop_reason TEXT,
                    escalation_stopped_at BIGINT
                )
                """,
                "CREATE INDEX engagements_account ON engagements (account_id, region, started_at)",
                "CREATE INDEX engagements_incident ON engagements (account_id, incident_id)",
                """
                CREATE TABLE pages (
                    arn TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    engagement_arn TEXT NOT NULL REFERENCES engagements (arn) ON DELETE CASCADE,
                    contact_arn TEXT NOT NULL,
                    resolution TEXT NOT NULL,
                    is_essential BOOLEAN NOT NULL,
                    accept_code TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    sent_at BIGINT,
                    delivered_at BIGINT,
                    read_at BIGINT,
                    stopped_at BIGINT
                )
                """,
                "CREATE INDEX pages_engagement ON pages (engagement_arn, created_at)",
                "CREATE INDEX pages_contact ON pages (account_id, contact_arn, created_at)",
                """
                CREATE TABLE page_receipts (
                    id TEXT PRIMARY KEY,
                    page_arn TEXT NOT NULL REFERENCES pages (arn) ON DELETE CASCADE,
                    account_id TEXT NOT NULL,
                    channel_arn TEXT,
                    type TEXT NOT NULL,
                    info TEXT,
                    at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX page_receipts_page ON page_receipts (page_arn, at)",
                """
                CREATE TABLE calendar_feeds (
                    token TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    resource_arn TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    UNIQUE (account_id, resource_arn)
                )
                """,
            ]
        },
        Migration(version: 5, name: "incidents") { _ in
            [
                """
                CREATE TABLE response_plans (
                    arn TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    name TEXT NOT NULL,
                    document TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL,
                    UNIQUE (account_id, name)
                )
                """,
                """
                CREATE TABLE incident_records (
                    arn TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    response_plan_arn TEXT NOT NULL,
                    title TEXT NOT NULL,
                    status TEXT NOT NULL,
                    impact INTEGER NOT NULL,
                    dedupe_string TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    resolved_at BIGINT,
                    updated_at BIGINT NOT NULL,
                    document TEXT NOT NULL
                )
                """,
                "CREATE INDEX incident_records_dedupe ON incident_records (account_id, dedupe_string, status)",
                "CREATE INDEX incident_records_created ON incident_records (account_id, created_at)",
                """
                CREATE TABLE timeline_events (
                    event_id TEXT PRIMARY KEY,
                    incident_arn TEXT NOT NULL,
                    account_id TEXT NOT NULL,
                    event_time BIGINT NOT NULL,
                    event_type TEXT NOT NULL,
                    event_data TEXT NOT NULL,
                    event_references TEXT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX timeline_events_incident ON timeline_events (incident_arn, event_time)",
                """
                CREATE TABLE related_items (
                    id TEXT PRIMARY KEY,
                    incident_arn TEXT NOT NULL,
                    account_id TEXT NOT NULL,
                    item_type TEXT NOT NULL,
                    item_key TEXT NOT NULL,
                    document TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    UNIQUE (incident_arn, item_type, item_key)
                )
                """,
                "CREATE INDEX related_items_incident ON related_items (incident_arn, created_at)",
                """
                CREATE TABLE replication_sets (
                    arn TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL UNIQUE,
                    document TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE incident_resource_policies (
                    policy_id TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    resource_arn TEXT NOT NULL,
                    policy TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX incident_resource_policies_resource ON incident_resource_policies (resource_arn, created_at)",
                """
                CREATE TABLE integrations (
                    id TEXT PRIMARY KEY,
                    token_hash TEXT NOT NULL UNIQUE,
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    target_arn TEXT NOT NULL,
                    name TEXT NOT NULL,
                    settings TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX integrations_account ON integrations (account_id, created_at)",
                """
                CREATE TABLE ops_items (
                    id TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    title TEXT NOT NULL,
                    source TEXT NOT NULL,
                    status TEXT NOT NULL,
                    document TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX ops_items_account ON ops_items (account_id, created_at)",
            ]
        },
        Migration(version: 6, name: "support") { _ in
            [
                "ALTER TABLE accounts ADD COLUMN role TEXT NOT NULL DEFAULT 'customer'",
                """
                CREATE TABLE support_settings (
                    name TEXT PRIMARY KEY,
                    document TEXT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE support_plans (
                    account_id TEXT PRIMARY KEY,
                    plan TEXT NOT NULL,
                    language TEXT NOT NULL,
                    time_zone TEXT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE support_agents (
                    agent_id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    document TEXT NOT NULL,
                    active INTEGER NOT NULL,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE support_cases (
                    case_id TEXT PRIMARY KEY,
                    display_id TEXT NOT NULL UNIQUE,
                    account_id TEXT NOT NULL,
                    status TEXT NOT NULL,
                    service_code TEXT NOT NULL,
                    category_code TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    language TEXT NOT NULL,
                    specialty TEXT NOT NULL,
                    agent_id TEXT,
                    created_at BIGINT NOT NULL,
                    due_at BIGINT,
                    first_response_at BIGINT,
                    breached INTEGER NOT NULL,
                    resolved_at BIGINT,
                    updated_at BIGINT NOT NULL,
                    search_text TEXT NOT NULL,
                    document TEXT NOT NULL
                )
                """,
                "CREATE INDEX support_cases_account ON support_cases (account_id, created_at)",
                "CREATE INDEX support_cases_queue ON support_cases (status, due_at)",
                """
                CREATE TABLE support_communications (
                    id TEXT PRIMARY KEY,
                    case_id TEXT NOT NULL,
                    author TEXT NOT NULL,
                    submitted_by TEXT NOT NULL,
                    body TEXT NOT NULL,
                    document TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX support_communications_case ON support_communications (case_id, created_at)",
                """
                CREATE TABLE support_attachment_sets (
                    id TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE support_attachments (
                    id TEXT PRIMARY KEY,
                    set_id TEXT NOT NULL,
                    account_id TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    size BIGINT NOT NULL,
                    data TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX support_attachments_set ON support_attachments (set_id, created_at)",
            ]
        },
        Migration(version: 7, name: "incident-documents", transform: IncidentDocumentUpgrade.run),
        Migration(version: 8, name: "ssm-documents") { _ in
            [
                """
                CREATE TABLE ssm_documents (
                    account_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    region TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    display_name TEXT,
                    target_type TEXT,
                    default_version INTEGER NOT NULL,
                    latest_version INTEGER NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (account_id, region, name)
                )
                """,
                """
                CREATE TABLE ssm_document_versions (
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    name TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    version_name TEXT,
                    format TEXT NOT NULL,
                    content TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    outline TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (account_id, region, name, version)
                )
                """,
            ]
        },
        Migration(version: 9, name: "ssm-automation-executions") { _ in
            [
                """
                CREATE TABLE ssm_automation_executions (
                    execution_id TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    document_name TEXT NOT NULL,
                    status TEXT NOT NULL,
                    parent_id TEXT,
                    ops_item_id TEXT,
                    client_token TEXT,
                    started_at BIGINT NOT NULL,
                    ended_at BIGINT,
                    document TEXT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX ssm_automation_executions_listing ON ssm_automation_executions (account_id, region, started_at)",
                "CREATE UNIQUE INDEX ssm_automation_executions_token ON ssm_automation_executions (account_id, region, client_token)",
                "CREATE INDEX ssm_automation_executions_parent ON ssm_automation_executions (parent_id)",
                // Every start counts the account's unfinished executions (the running limit): only those are indexed.
                "CREATE INDEX ssm_automation_executions_running ON ssm_automation_executions (account_id) WHERE ended_at IS NULL",
            ]
        },
        Migration(
            version: 10,
            name: "ops-items",
            statements: { _ in
                [
                    "ALTER TABLE ops_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
                    "ALTER TABLE ops_items ADD COLUMN dedup_string TEXT",
                    "CREATE INDEX ops_items_dedup ON ops_items (account_id, region, dedup_string)",
                    """
                    CREATE TABLE ops_item_related_items (
                        association_id TEXT PRIMARY KEY,
                        account_id TEXT NOT NULL,
                        ops_item_id TEXT NOT NULL,
                        resource_type TEXT NOT NULL,
                        association_type TEXT NOT NULL,
                        resource_uri TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        created_at BIGINT NOT NULL,
                        UNIQUE (ops_item_id, resource_uri)
                    )
                    """,
                    """
                    CREATE TABLE ops_item_events (
                        event_id TEXT PRIMARY KEY,
                        account_id TEXT NOT NULL,
                        region TEXT NOT NULL,
                        ops_item_id TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        source TEXT NOT NULL,
                        detail_type TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        created_at BIGINT NOT NULL,
                        UNIQUE (ops_item_id, version)
                    )
                    """,
                    "CREATE INDEX ops_item_events_listing ON ops_item_events (account_id, region, created_at)",
                ]
            },
            transform: OpsItemUpgrade.run
        ),
        Migration(version: 11, name: "ssm-document-permissions") { _ in
            [
                """
                CREATE TABLE ssm_document_permissions (
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    name TEXT NOT NULL,
                    shared_with TEXT NOT NULL,
                    shared_version TEXT NOT NULL,
                    PRIMARY KEY (account_id, region, name, shared_with)
                )
                """,
                "CREATE INDEX ssm_document_permissions_by_reader ON ssm_document_permissions (shared_with, region, name)",
            ]
        },
        Migration(version: 12, name: "console") { _ in
            [
                """
                CREATE TABLE console_users (
                    user_id TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL REFERENCES accounts (account_id),
                    user_name TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    role TEXT NOT NULL,
                    language TEXT,
                    time_zone TEXT,
                    theme TEXT NOT NULL,
                    contact_arn TEXT,
                    agent_id TEXT,
                    disabled INTEGER NOT NULL,
                    must_change_password INTEGER NOT NULL,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL,
                    UNIQUE (account_id, user_name)
                )
                """,
                """
                CREATE TABLE console_sessions (
                    id_hash TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL,
                    csrf_token TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    last_seen_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX console_sessions_user ON console_sessions (user_id)",
                "CREATE INDEX console_sessions_expiry ON console_sessions (expires_at)",
                """
                CREATE TABLE console_signin_throttle (
                    throttle_key TEXT PRIMARY KEY,
                    failures INTEGER NOT NULL,
                    window_start BIGINT NOT NULL,
                    locked_until BIGINT
                )
                """,
            ]
        },
        Migration(version: 13, name: "audit-log") { _ in
            [
                """
                CREATE TABLE audit_log (
                    id TEXT PRIMARY KEY,
                    at BIGINT NOT NULL,
                    account_id TEXT NOT NULL,
                    principal TEXT NOT NULL,
                    source TEXT NOT NULL,
                    service TEXT NOT NULL,
                    operation TEXT NOT NULL,
                    resources TEXT NOT NULL,
                    request_id TEXT NOT NULL
                )
                """,
                "CREATE INDEX audit_log_by_time ON audit_log (at)",
                "CREATE INDEX audit_log_by_account ON audit_log (account_id, at)",
            ]
        },
        // Opening a case counts the account's unresolved cases: from the index alone, not a row read per case.
        Migration(version: 14, name: "support-cases-by-status") { _ in
            ["CREATE INDEX support_cases_account_status ON support_cases (account_id, status)"]
        },
        Migration(
            version: 15, name: "support-listings", statements: { _ in SupportCaseListingUpgrade.statements },
            transform: SupportCaseListingUpgrade.run),
        // Cases by email: which senders belong to which account, the polite replies sent to unknown senders (one per
        // address and day), and the messages already read (a message delivered twice adds nothing).
        Migration(version: 16, name: "support-mail") { _ in
            [
                """
                CREATE TABLE support_mail_senders (
                    sender TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    service_code TEXT,
                    category_code TEXT,
                    severity_code TEXT,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX support_mail_senders_account ON support_mail_senders (account_id)",
                """
                CREATE TABLE support_mail_notices (
                    address TEXT NOT NULL,
                    day TEXT NOT NULL,
                    sent_at BIGINT NOT NULL,
                    PRIMARY KEY (address, day)
                )
                """,
                """
                CREATE TABLE support_mail_messages (
                    message_id TEXT PRIMARY KEY,
                    sender TEXT NOT NULL,
                    case_id TEXT NOT NULL,
                    received_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX support_mail_messages_received ON support_mail_messages (received_at)",
                "CREATE INDEX support_mail_messages_sender ON support_mail_messages (sender, received_at)",
            ]
        },
        // Escalating cases upstream: the providers (secrets sealed), each case's escalations, and the messages that
        // went up and came down.
        Migration(version: 17, name: "support-escalations") { _ in
            [
                """
                CREATE TABLE support_upstream_providers (
                    name TEXT PRIMARY KEY,
                    endpoint TEXT NOT NULL,
                    region TEXT NOT NULL,
                    access_key_id TEXT NOT NULL,
                    sealed_secret TEXT NOT NULL,
                    sealed_session_token TEXT,
                    poll_interval_seconds INTEGER NOT NULL,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE support_escalations (
                    id TEXT PRIMARY KEY,
                    case_id TEXT NOT NULL,
                    desk_account_id TEXT NOT NULL,
                    provider TEXT NOT NULL,
                    status TEXT NOT NULL,
                    opening TEXT NOT NULL,
                    upstream_case_id TEXT,
                    upstream_display_id TEXT,
                    upstream_status TEXT,
                    attempts INTEGER NOT NULL,
                    last_error TEXT,
                    next_attempt_at BIGINT,
                    last_polled_at BIGINT,
                    chain_job_id TEXT,
                    lease_owner TEXT,
                    lease_until BIGINT,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX support_escalations_case ON support_escalations (case_id, created_at)",
                // One live escalation per case and provider, however many agents press the button at once.
                "CREATE UNIQUE INDEX support_escalations_live ON support_escalations (case_id, provider) WHERE status <> 'FAILED'",
                """
                CREATE TABLE support_escalation_messages (
                    id TEXT PRIMARY KEY,
                    escalation_id TEXT NOT NULL,
                    direction TEXT NOT NULL,
                    state TEXT NOT NULL,
                    body TEXT NOT NULL,
                    upstream_key TEXT,
                    details TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    UNIQUE (escalation_id, upstream_key)
                )
                """,
                "CREATE INDEX support_escalation_messages_escalation ON support_escalation_messages (escalation_id, created_at)",
            ]
        },
        // Moving a set-up over (`hikeshi migrate`): which source resource became which of this account's, and the
        // fingerprint of the source as last written, so a second run updates what changed and leaves the rest.
        Migration(version: 18, name: "migration-mappings") { _ in
            [
                """
                CREATE TABLE migration_mappings (
                    account_id TEXT NOT NULL,
                    source_arn TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    target_arn TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    migrated_at BIGINT NOT NULL,
                    PRIMARY KEY (account_id, source_arn)
                )
                """,
                "CREATE INDEX migration_mappings_target ON migration_mappings (account_id, target_arn)",
            ]
        },
    ]
}
