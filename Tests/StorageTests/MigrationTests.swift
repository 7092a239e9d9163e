import Foundation
import HikeshiCore
import HikeshiTestSupport
import SQLKit
import Storage
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("apply once, in order, and are recorded", arguments: TestEngine.available)
    func applyOnce(engine: TestEngine) async throws {
        try await withTestDatabase(engine, migrate: false) { database, _ in
            let first = try await Migrator().migrate(database, logger: testLogger)
            #expect(first == Schema.migrations.map(\.version))
            let second = try await Migrator().migrate(database, logger: testLogger)
            #expect(second.isEmpty)
            let count = try await database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM hikeshi_migrations").first()?.decode(column: "n", as: Int.self)
            }
            #expect(count == Schema.migrations.count)
        }
    }

    @Test("refuse a database whose history this binary does not know", arguments: TestEngine.available)
    func refuseUnknownHistory(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            try await database.transaction { sql in
                try await sql.raw("INSERT INTO hikeshi_migrations (version, name, applied_at) VALUES (9999, 'future', 0)").run()
            }
            await #expect(throws: StorageError.self) {
                try await Migrator().migrate(database, logger: testLogger)
            }
        }
    }

    @Test("refuse a history whose names differ", arguments: TestEngine.available)
    func refuseRenamedHistory(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            try await database.transaction { sql in
                try await sql.raw("UPDATE hikeshi_migrations SET name = 'renamed' WHERE version = 1").run()
            }
            do {
                try await Migrator().migrate(database, logger: testLogger)
                Issue.record("a renamed migration was accepted")
            } catch let error as StorageError {
                #expect(error.kind == .schemaMismatch)
            }
        }
    }

    @Test("a failed transaction leaves nothing behind", arguments: TestEngine.available)
    func rollback(engine: TestEngine) async throws {
        struct Boom: Error {}
        try await withTestDatabase(engine) { database, _ in
            await #expect(throws: Boom.self) {
                try await database.transaction { sql in
                    try await AccountRepository(sql).insert(AccountRecord(accountID: "123456789012", name: "x", createdAt: Date()))
                    throw Boom()
                }
            }
            let account = try await database.read { try await AccountRepository($0).account("123456789012") }
            #expect(account == nil)
        }
    }
}

@Suite("Migration 7: incident documents leave the wire shapes")
struct IncidentDocumentUpgradeTests {
    static let account = "111111111111"
    static let incidentArn = "arn:aws:ssm-incidents::111111111111:incident-record/db-outage/4ec3bddb"
    static let planArn = "arn:aws:ssm-incidents::111111111111:response-plan/db-outage"
    static let setArn = "arn:aws:ssm-incidents::111111111111:replication-set/6ce9fe85"

    /// Documents exactly as the release at 8da1535 wrote them (generated wire shapes, Foundation's default dates).
    static let legacyIncident = """
        {"opsItemID":"oi-8f507ba74768","pendingRunbooks":[{"documentName":"Hikeshi-Triage","dynamicParameters":{"Arn":{"variable":"INCIDENT_RECORD_ARN"}},\
        "parameters":{"Env":["prod"]},"roleArn":"arn:aws:iam::111111111111:role/ir","targetAccount":"IMPACTED_ACCOUNT"}],\
        "record":{"arn":"\(incidentArn)","chatChannel":{"chatbotSns":["arn:aws:sns:us-east-1:111111111111:db-oncall"]},\
        "creationTime":818171807.5,"dedupeString":"db-outage","impact":1,"incidentRecordSource":{"createdBy":"arn:aws:iam::111111111111:user/a",\
        "invokedBy":"ssm-incidents","resourceArn":"arn:aws:cloudwatch:us-east-1:111111111111:alarm:x","source":"fixture"},\
        "lastModifiedBy":"arn:aws:iam::111111111111:user/b","lastModifiedTime":818171900.25,\
        "notificationTargets":[{"snsTopicArn":"arn:aws:sns:us-east-1:111111111111:t"}],"status":"OPEN","summary":"Primary DB unreachable",\
        "title":"DB primary down"},"acknowledgedAt":818171950}
        """
    static let legacyPlan = """
        {"actions":[{"ssmAutomation":{"documentName":"Hikeshi-Triage","parameters":{"Env":["prod"]},"roleArn":"arn:aws:iam::111111111111:role/ir"}}],\
        "arn":"\(planArn)","chatChannel":{"empty":{}},"displayName":"Database outage",\
        "engagements":["arn:aws:ssm-contacts:us-east-1:111111111111:contact/db"],"incidentTemplate":{"dedupeString":"db-outage","impact":2,\
        "incidentTags":{"team":"db"},"summary":"Primary DB unreachable","title":"Database outage"},\
        "integrations":[{"pagerDutyConfiguration":{"name":"pd","pagerDutyIncidentConfiguration":{"serviceId":"PSERVICE"},"secretId":"pd-secret"}}],\
        "name":"db-outage"}
        """
    static let legacyItem = """
        {"generatedId":"item-1","identifier":{"type":"INVOLVED_RESOURCE","value":{"arn":"arn:aws:rds:us-east-1:111111111111:db:db-1"}},"title":"db-1"}
        """
    static let legacySet = """
        {"arn":"\(setArn)","createdBy":"arn:aws:iam::111111111111:user/a","createdTime":818171807.75,"deletionProtected":true,\
        "lastModifiedBy":"arn:aws:iam::111111111111:user/b","lastModifiedTime":818171808,\
        "regionMap":{"us-east-1":{"sseKmsKeyId":"key-1","status":"ACTIVE","statusUpdateDateTime":818171807.75}},"status":"ACTIVE"}
        """

    /// A database at migration 6 holding one of each legacy document; `incidentDocument` replaces the incident's.
    /// A second incident as the old code wrote a quiet one: chat explicitly off, nothing optional.
    static let legacyQuietIncident = """
        {"opsItemID":"oi-2","record":{"arn":"arn:aws:ssm-incidents::111111111111:incident-record/quiet/2","chatChannel":{"empty":{}},\
        "creationTime":818171807,"dedupeString":"","impact":5,"incidentRecordSource":{"createdBy":"arn:aws:iam::111111111111:user/a",\
        "source":"aws.ssm-incidents.custom"},"lastModifiedBy":"arn:aws:iam::111111111111:user/a","lastModifiedTime":818171807,\
        "resolvedTime":818171808,"status":"RESOLVED","title":"Quiet"}}
        """
    /// Related items of every value kind the old code stored.
    static let legacyItems: [(id: String, type: String, key: String, document: String)] = [
        ("item-1", "INVOLVED_RESOURCE", "arn:arn:aws:rds:us-east-1:111111111111:db:db-1", legacyItem),
        (
            "item-2", "OTHER", "url:https://status.example/db",
            #"{"generatedId":"item-2","identifier":{"type":"OTHER","value":{"url":"https://status.example/db"}}}"#
        ),
        (
            "item-3", "METRIC", #"metric:{"m":1}"#,
            #"{"generatedId":"item-3","identifier":{"type":"METRIC","value":{"metricDefinition":"{\"m\":1}"}},"title":"CPU"}"#
        ),
        (
            "item-4", "OTHER", "pagerduty:PD1",
            #"{"generatedId":"item-4","identifier":{"type":"OTHER","value":{"pagerDutyIncidentDetail":{"autoResolve":true,"id":"PD1","secretId":"s"}}}}"#
        ),
    ]

    static func legacyDatabase(
        _ database: any DatabaseClient, incidentDocument: String = legacyIncident, setDocument: String = legacySet
    ) async throws {
        try await Migrator(migrations: Schema.migrations.filter { $0.version < 7 }).migrate(database, logger: testLogger)
        try await database.transaction { sql in
            try await sql.raw(
                """
                INSERT INTO incident_records (arn, account_id, region, response_plan_arn, title, status, impact, dedupe_string, created_by,
                    created_at, resolved_at, updated_at, document)
                VALUES (\(bind: incidentArn), \(bind: account), 'us-east-1', \(bind: planArn), 'DB primary down', 'OPEN', 1, 'db-outage',
                    'arn:aws:iam::111111111111:user/a', 1796478607500, NULL, 1796478700250, \(bind: incidentDocument))
                """
            ).run()
            try await sql.raw(
                """
                INSERT INTO incident_records (arn, account_id, region, response_plan_arn, title, status, impact, dedupe_string, created_by,
                    created_at, resolved_at, updated_at, document)
                VALUES ('arn:aws:ssm-incidents::111111111111:incident-record/quiet/2', \(bind: account), 'us-east-1', \(bind: planArn),
                    'Quiet', 'RESOLVED', 5, '', 'arn:aws:iam::111111111111:user/a', 1796478607000, 1796478608000, 1796478608000,
                    \(bind: legacyQuietIncident))
                """
            ).run()
            try await sql.raw(
                """
                INSERT INTO response_plans (arn, account_id, region, name, document, created_at, updated_at)
                VALUES (\(bind: planArn), \(bind: account), 'us-east-1', 'db-outage', \(bind: legacyPlan), 1, 1)
                """
            ).run()
            for (index, item) in legacyItems.enumerated() {
                try await sql.raw(
                    """
                    INSERT INTO related_items (id, incident_arn, account_id, item_type, item_key, document, created_at)
                    VALUES (\(bind: item.id), \(bind: incidentArn), \(bind: account), \(bind: item.type), \(bind: item.key), \(bind: item.document),
                        \(bind: index + 5))
                    """
                ).run()
            }
            try await sql.raw(
                """
                INSERT INTO replication_sets (arn, account_id, document, created_at, updated_at)
                VALUES (\(bind: setArn), \(bind: account), \(bind: setDocument), 1796478607750, 1796478608000)
                """
            ).run()
        }
    }

    @Test("every legacy document reads back as its domain value", arguments: TestEngine.available)
    func upgrades(engine: TestEngine) async throws {
        try await withTestDatabase(engine, migrate: false) { database, _ in
            try await Self.legacyDatabase(database)
            let applied = try await Migrator().migrate(database, logger: testLogger)
            #expect(applied.first == 7)
            try await database.read { sql in
                let incident = try #require(try await IncidentRepository(sql).record(arn: Self.incidentArn, accountID: Self.account))
                #expect(incident.title == "DB primary down" && incident.status == .open && incident.impact == 1)
                #expect(incident.summary == "Primary DB unreachable")
                #expect(
                    incident.source
                        == IncidentSource(
                            createdBy: "arn:aws:iam::111111111111:user/a", invokedBy: "ssm-incidents",
                            resourceArn: "arn:aws:cloudwatch:us-east-1:111111111111:alarm:x", source: "fixture"))
                #expect(incident.chatChannel == .topics(["arn:aws:sns:us-east-1:111111111111:db-oncall"]))
                #expect(incident.notificationTopics == ["arn:aws:sns:us-east-1:111111111111:t"])
                #expect(incident.lastModifiedBy == "arn:aws:iam::111111111111:user/b")
                #expect(incident.lastModifiedAt == Date(timeIntervalSinceReferenceDate: 818_171_900.25))
                #expect(incident.acknowledgedAt == Date(timeIntervalSinceReferenceDate: 818_171_950))
                #expect(incident.opsItemID == "oi-8f507ba74768")
                #expect(
                    incident.pendingRunbooks == [
                        RunbookAction(
                            documentName: "Hikeshi-Triage", roleArn: "arn:aws:iam::111111111111:role/ir", targetAccount: .impactedAccount,
                            parameters: ["Env": ["prod"]], dynamicParameters: ["Arn": .incidentRecordArn])
                    ])

                let plan = try #require(try await ResponsePlanRepository(sql).plan(arn: Self.planArn, accountID: Self.account))
                #expect(plan.displayName == "Database outage" && plan.chatChannel == IncidentChatChannel.none)
                #expect(
                    plan.template
                        == IncidentTemplate(
                            title: "Database outage", impact: 2, summary: "Primary DB unreachable", dedupeString: "db-outage",
                            incidentTags: ["team": "db"]))
                #expect(plan.engagements == ["arn:aws:ssm-contacts:us-east-1:111111111111:contact/db"])
                #expect(plan.runbooks?.map(\.documentName) == ["Hikeshi-Triage"])
                #expect(plan.pagerDutyIntegrations == [PagerDutyIntegration(name: "pd", serviceID: "PSERVICE", secretID: "pd-secret")])

                let items = try await RelatedItemRepository(sql).list(incidentArn: Self.incidentArn, after: nil, limit: 10).items
                #expect(
                    items == [
                        RelatedItem(id: "item-1", kind: .involvedResource, value: .arn("arn:aws:rds:us-east-1:111111111111:db:db-1"), title: "db-1"),
                        RelatedItem(id: "item-2", kind: .other, value: .url("https://status.example/db"), title: nil),
                        RelatedItem(id: "item-3", kind: .metric, value: .metricDefinition(#"{"m":1}"#), title: "CPU"),
                        RelatedItem(
                            id: "item-4", kind: .other, value: .pagerDutyIncident(PagerDutyIncidentLink(id: "PD1", autoResolve: true, secretID: "s")),
                            title: nil),
                    ])
                let quiet = try #require(
                    try await IncidentRepository(sql).record(
                        arn: "arn:aws:ssm-incidents::111111111111:incident-record/quiet/2", accountID: Self.account))
                #expect(quiet.chatChannel == IncidentChatChannel.none && quiet.status == .resolved && quiet.summary == nil)
                #expect(quiet.pendingRunbooks.isEmpty && quiet.notificationTopics == nil && quiet.source.invokedBy == nil)

                let set = try #require(try await ReplicationSetRepository(sql).set(accountID: Self.account))
                #expect(set.deletionProtected && set.createdBy == "arn:aws:iam::111111111111:user/a")
                #expect(set.regions["us-east-1"]?.kmsKeyID == "key-1" && set.regions["us-east-1"]?.status == .active)
                #expect(set.lastModifiedAt == Date(timeIntervalSinceReferenceDate: 818_171_808))
            }
        }
    }

    @Test("an unreadable legacy document stops the upgrade and changes nothing", arguments: TestEngine.available)
    func rollsBack(engine: TestEngine) async throws {
        try await withTestDatabase(engine, migrate: false) { database, _ in
            // The replication sets are rewritten last: everything before them was rewritten when the bad one stops it.
            try await Self.legacyDatabase(database, setDocument: #"{"regionMap":{}}"#)
            do {
                try await Migrator().migrate(database, logger: testLogger)
                Issue.record("an unreadable document was migrated")
            } catch let error as StorageError {
                #expect(error.kind == .corrupt)
            }
            let (version, plan, incident, item) = try await database.read { sql in
                (
                    try await sql.raw("SELECT MAX(version) AS v FROM hikeshi_migrations").first()?.decode(column: "v", as: Int.self),
                    try await sql.raw("SELECT document FROM response_plans").first()?.decode(column: "document", as: String.self),
                    try await sql.raw("SELECT document FROM incident_records WHERE arn = \(bind: Self.incidentArn)").first()?
                        .decode(column: "document", as: String.self),
                    try await sql.raw("SELECT document FROM related_items WHERE id = 'item-1'").first()?.decode(column: "document", as: String.self)
                )
            }
            #expect(version == 6)
            #expect(plan == Self.legacyPlan && incident == Self.legacyIncident && item == Self.legacyItem)
        }
    }
}

@Suite("Migration 10: incidents' parent OpsItems become OpsItems")
struct OpsItemUpgradeTests {
    static let account = "111111111111"
    static let incidentArn = "arn:aws:ssm-incidents::111111111111:incident-record/db-outage/4ec3bddb"

    /// A database at migration 8 holding parent rows as the incidents family wrote them (`document` as in 8da1535).
    static func legacyDatabase(_ database: any DatabaseClient, document: String) async throws {
        try await Migrator(migrations: Schema.migrations.filter { $0.version < 9 }).migrate(database, logger: testLogger)
        try await database.transaction { sql in
            try await sql.raw(
                """
                INSERT INTO ops_items (id, account_id, region, title, source, status, document, created_at, updated_at)
                VALUES ('oi-8f507ba74768', \(bind: account), 'us-east-1', 'DB primary down', 'SSMIncidents', 'Resolved', \(bind: document),
                    1796478607500, 1796478700250)
                """
            ).run()
        }
    }

    @Test("each parent row reads back as an OpsItem with its incident association and creation event", arguments: TestEngine.available)
    func upgrades(engine: TestEngine) async throws {
        try await withTestDatabase(engine, migrate: false) { database, _ in
            try await Self.legacyDatabase(database, document: #"{"incidentRecordArn":"\#(Self.incidentArn)","opsItemType":"/aws/issue"}"#)
            let applied = try await Migrator().migrate(database, logger: testLogger)
            #expect(applied == Schema.migrations.filter { $0.version >= 9 }.map(\.version))
            try await database.read { sql in
                let item = try #require(try await OpsItemRepository(sql).item(id: "oi-8f507ba74768", accountID: Self.account, region: "us-east-1"))
                let role = "arn:aws:sts::111111111111:assumed-role/AWSServiceRoleForIncidentManager/IncidentResponse"
                #expect(item.title == "DB primary down" && item.description == "DB primary down" && item.source == "SSMIncidents")
                #expect(item.status == .resolved && item.kind == .issue && item.version == 1 && item.operationalData.isEmpty)
                #expect(item.createdBy == role && item.lastModifiedBy == role)
                #expect(item.createdAt == Date(millisecondsSince1970: 1_796_478_607_500))
                #expect(item.lastModifiedAt == Date(millisecondsSince1970: 1_796_478_700_250))
                let related = try await OpsItemRelatedItemRepository(sql).list(
                    OpsItemRelatedItemQuery(opsItemID: item.id), accountID: Self.account, region: "us-east-1", after: nil, limit: 10
                ).items
                #expect(related.map(\.resourceUri) == [Self.incidentArn])
                #expect(related.first?.associationType == .isParentOf && related.first?.resourceType == .incidentRecord)
                let events = try await OpsItemEventRepository(sql).list(
                    accountID: Self.account, region: "us-east-1", opsItemIDs: [item.id], after: nil, limit: 10
                ).items
                #expect(events.map(\.detailType) == ["OpsItem Create"] && events.first?.createdAt == item.createdAt)
                // Another account sees none of it.
                #expect(try await OpsItemRepository(sql).item(id: item.id, accountID: "222222222222", region: "us-east-1") == nil)
            }
        }
    }

    @Test("an unreadable parent row stops the upgrade and changes nothing", arguments: TestEngine.available)
    func rollsBack(engine: TestEngine) async throws {
        try await withTestDatabase(engine, migrate: false) { database, _ in
            try await Self.legacyDatabase(database, document: #"{"opsItemType":"/aws/changerequest"}"#)
            do {
                try await Migrator().migrate(database, logger: testLogger)
                Issue.record("an unreadable OpsItem was migrated")
            } catch let error as StorageError {
                #expect(error.kind == .corrupt)
            }
            let (version, document) = try await database.read { sql in
                (
                    try await sql.raw("SELECT MAX(version) AS v FROM hikeshi_migrations").first()?.decode(column: "v", as: Int.self),
                    try await sql.raw("SELECT document FROM ops_items").first()?.decode(column: "document", as: String.self)
                )
            }
            #expect(version == 8 && document == #"{"opsItemType":"/aws/changerequest"}"#)
        }
    }
}

@Suite("Migration 15: a case's listed members get columns")
struct SupportCaseListingUpgradeTests {
    /// A database at migration 14 holding `record` as the support family wrote it then (the document only).
    static func legacyDatabase(_ database: any DatabaseClient, _ record: SupportCase, document: String? = nil) async throws {
        try await Migrator(migrations: Schema.migrations.filter { $0.version < 15 }).migrate(database, logger: testLogger)
        let document = try document ?? StoredJSON.encode(record.details)
        try await database.transaction { sql in
            try await sql.raw(
                """
                INSERT INTO support_cases (case_id, display_id, account_id, status, service_code, category_code, severity, language,
                    specialty, agent_id, created_at, due_at, first_response_at, breached, resolved_at, updated_at, search_text, document)
                VALUES (\(bind: record.caseID), \(bind: record.displayID), \(bind: record.accountID), 'unassigned', \(bind: record.serviceCode),
                    \(bind: record.categoryCode), 'normal', \(bind: record.language.rawValue), \(bind: record.specialty.rawValue), NULL,
                    \(bind: record.createdAt.millisecondsSince1970), \(bind: record.dueAt?.millisecondsSince1970), NULL, 0, NULL, \(bind: record.updatedAt.millisecondsSince1970),
                    \(bind: record.searchText), \(bind: document))
                """
            ).run()
        }
    }

    static func legacyCase() -> SupportCase {
        var record = SupportRepositoryTests.supportCase(1, language: .korean)
        record.details.subject = "RDS 연결이 끊깁니다 \"긴급\""
        record.details.submittedBy = "ops@example.com"
        record.details.ccEmailAddresses = ["a@example.com", "b@example.com"]
        return record
    }

    @Test("subject, submitter and CC addresses are filled from each document; the record reads back whole", arguments: TestEngine.available)
    func upgrades(engine: TestEngine) async throws {
        try await withTestDatabase(engine, migrate: false) { database, _ in
            let record = Self.legacyCase()
            try await Self.legacyDatabase(database, record)
            let applied = try await Migrator().migrate(database, logger: testLogger)
            #expect(applied == Schema.migrations.filter { $0.version >= 15 }.map(\.version))
            let listed = try await database.read { sql in
                try await SupportCaseRepository(sql).list(SupportCaseFilter(accountID: record.accountID), after: nil, limit: 10).items
            }
            let stored = try await database.read { sql in
                try await SupportCaseRepository(sql).supportCase(id: record.caseID, accountID: record.accountID)
            }
            #expect(listed == [SupportCaseListing(record)])
            #expect(stored == record)
            // A later change to the case keeps the columns as the document says.
            var changed = record
            changed.details.ccEmailAddresses = ["c@example.com"]
            try await database.transaction { [changed] sql in try await SupportCaseRepository(sql).update(changed) }
            let relisted = try await database.read { sql in
                try await SupportCaseRepository(sql).list(SupportCaseFilter(accountID: record.accountID), after: nil, limit: 10).items
            }
            #expect(relisted == [SupportCaseListing(changed)])
            // A node older than migration 15, still running during a rolling upgrade, writes the document and leaves
            // the columns at their defaults: the listing reads that case's document instead.
            try await database.transaction { sql in
                try await sql.raw(
                    "UPDATE support_cases SET subject = '', submitted_by = '', cc_email_addresses = '[]' WHERE case_id = \(bind: record.caseID)"
                ).run()
            }
            let fromOlderNode = try await database.read { sql in
                try await SupportCaseRepository(sql).list(SupportCaseFilter(accountID: record.accountID), after: nil, limit: 10).items
            }
            #expect(fromOlderNode == [SupportCaseListing(changed)])
        }
    }

    @Test("an unreadable case document stops the upgrade and changes nothing", arguments: TestEngine.available)
    func rollsBack(engine: TestEngine) async throws {
        try await withTestDatabase(engine, migrate: false) { database, _ in
            try await Self.legacyDatabase(database, Self.legacyCase(), document: #"{"subject":"no submitter"}"#)
            do {
                try await Migrator().migrate(database, logger: testLogger)
                Issue.record("an unreadable case was migrated")
            } catch let error as StorageError {
                #expect(error.kind == .corrupt)
            }
            let version = try await database.read { sql in
                try await sql.raw("SELECT MAX(version) AS v FROM hikeshi_migrations").first()?.decode(column: "v", as: Int.self)
            }
            #expect(version == 14)
        }
    }
}
