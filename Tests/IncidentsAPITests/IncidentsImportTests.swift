import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiTestSupport
import SSMIncidentsModel
import Storage
import Testing

@testable import IncidentsAPI

@Suite("Importing response plans, incidents and the replication set (hikeshi migrate)")
struct IncidentsImportTests {
    static let account = "123456789012"
    static let sourceAccount = "111122223333"
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let context = AWSRequestContext(accountID: account, region: "us-east-1", accessKeyID: "AKIATEST", requestID: "r", logger: testLogger)
    static let sourcePlanArn = "arn:aws:ssm-incidents::\(sourceAccount):response-plan/web"
    static let targetPlanArn = "arn:aws:ssm-incidents::\(account):response-plan/web"

    /// A handler over a fresh store, its clock, and the store.
    static func make(_ database: any DatabaseClient) -> (IncidentsHandler, ManualClock, SQLFamilyStore<any IncidentsTransaction>) {
        let store = SQLFamilyStore.incidents(database)
        let clock = ManualClock(start: start)
        return (IncidentsHandler(store: store, clock: clock), clock, store)
    }

    /// Contacts in this account with the mappings the contacts import would have written for them.
    static func migrateContacts(_ aliases: [String], store: SQLFamilyStore<any IncidentsTransaction>) async throws {
        try await store.write(logger: testLogger) { tx in
            for alias in aliases {
                let target = "arn:aws:ssm-contacts:us-east-1:\(account):contact/\(alias)"
                try await tx.contacts.insert(
                    Contact(
                        arn: target, accountID: account, region: "us-east-1", alias: alias, displayName: nil, type: .personal, plan: ContactPlan(),
                        createdAt: start, updatedAt: start))
                try await tx.migrations.put(
                    MigrationMapping(
                        accountID: account, sourceArn: "arn:aws:ssm-contacts:us-east-1:\(sourceAccount):contact/\(alias)", kind: .contact,
                        targetArn: target, fingerprint: "c", migratedAt: start))
            }
        }
    }

    static func sourcePlan(engagements: [String] = ["alice"], displayName: String = "Web") -> ResponsePlanImport {
        ResponsePlanImport(
            plan: SSMIncidents.GetResponsePlanOutput(
                actions: [
                    .ssmAutomation(
                        SSMIncidents.SsmAutomation(
                            documentName: "AWSIncidents-CriticalIncidentRunbookTemplate", documentVersion: "1",
                            dynamicParameters: ["IncidentArn": .variable(.incidentRecordArn)], parameters: ["Mode": ["fast"]],
                            roleArn: "arn:aws:iam::\(sourceAccount):role/IncidentRunbooks", targetAccount: .responsePlanOwnerAccount))
                ],
                arn: sourcePlanArn,
                displayName: displayName,
                engagements: engagements.map { "arn:aws:ssm-contacts:us-east-1:\(sourceAccount):contact/\($0)" },
                incidentTemplate: SSMIncidents.IncidentTemplate(
                    dedupeString: "web-down", impact: 2, incidentTags: ["team": "web"], title: "Web down"),
                name: "web"
            ),
            tags: ["env": "prod"],
            policies: [
                SSMIncidents.ResourcePolicy(
                    policyDocument: """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"444455556666"},\
                        "Action":["ssm-incidents:GetResponsePlan","ssm-incidents:GetIncidentRecord"],\
                        "Resource":["\(sourcePlanArn)","arn:aws:ssm-incidents:*:\(sourceAccount):incident-record/web/*"]}]}
                        """,
                    policyId: "p1", ramResourceShareRegion: "us-east-1")
            ]
        )
    }

    static func mappings(_ store: SQLFamilyStore<any IncidentsTransaction>) async throws -> [MigrationMapping] {
        try await store.read(logger: testLogger) { tx in try await tx.migrations.list(accountID: account) }
    }

    @Test(
        "a plan comes over under its name with engagements, roles and policies rewritten; again it is unchanged; changed it is updated",
        arguments: TestEngine.available)
    func planLifecycle(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let (handler, clock, store) = Self.make(database)
            try await Self.migrateContacts(["alice"], store: store)
            let created = try await handler.importResponsePlan(Self.sourcePlan(), fingerprint: "f1", context: Self.context)
            #expect(created == MigrationItemResult(outcome: .created, targetArn: Self.targetPlanArn))

            let plan = try await handler.getResponsePlan(.init(arn: Self.targetPlanArn), context: Self.context)
            #expect(plan.engagements == ["arn:aws:ssm-contacts:us-east-1:\(Self.account):contact/alice"])
            guard case .ssmAutomation(let automation)? = plan.actions?.first else {
                Issue.record("the runbook did not come over")
                return
            }
            #expect(automation.roleArn == "arn:aws:iam::\(Self.account):role/IncidentRunbooks")
            #expect(automation.documentName == "AWSIncidents-CriticalIncidentRunbookTemplate")
            #expect(automation.parameters == ["Mode": ["fast"]])
            #expect(automation.dynamicParameters == ["IncidentArn": .variable(.incidentRecordArn)])
            #expect(automation.targetAccount == .responsePlanOwnerAccount)
            #expect(plan.incidentTemplate.dedupeString == "web-down")
            let tags = try await handler.listTagsForResource(.init(resourceArn: Self.targetPlanArn), context: Self.context).tags
            #expect(tags == ["env": "prod"])
            let policies = try await handler.getResourcePolicies(.init(resourceArn: Self.targetPlanArn), context: Self.context).resourcePolicies
            #expect(policies.count == 1)
            #expect(policies.first?.policyDocument.contains(Self.targetPlanArn) == true)
            #expect(policies.first?.policyDocument.contains(Self.sourceAccount) == false)
            #expect(policies.first?.policyDocument.contains("444455556666") == true)
            let mapping = try await Self.mappings(store).first { $0.sourceArn == Self.sourcePlanArn }
            #expect(mapping?.kind == .responsePlan)
            #expect(mapping?.targetArn == Self.targetPlanArn)

            clock.advance(by: 60)
            let again = try await handler.importResponsePlan(Self.sourcePlan(), fingerprint: "f1", context: Self.context)
            #expect(again == MigrationItemResult(outcome: .unchanged, targetArn: Self.targetPlanArn))
            #expect(try await Self.mappings(store).first { $0.sourceArn == Self.sourcePlanArn }?.migratedAt == Self.start)

            var changed = Self.sourcePlan(displayName: "Web (new)")
            changed.tags = ["env": "staging"]
            let updated = try await handler.importResponsePlan(changed, fingerprint: "f2", context: Self.context)
            #expect(updated.outcome == .updated)
            #expect(try await handler.getResponsePlan(.init(arn: Self.targetPlanArn), context: Self.context).displayName == "Web (new)")
            #expect(try await handler.listTagsForResource(.init(resourceArn: Self.targetPlanArn), context: Self.context).tags == ["env": "staging"])
            #expect(try await handler.getResourcePolicies(.init(resourceArn: Self.targetPlanArn), context: Self.context).resourcePolicies.count == 1)
            #expect(try await Self.mappings(store).first { $0.sourceArn == Self.sourcePlanArn }?.fingerprint == "f2")
        }
    }

    @Test("an engagement that was not migrated fails the plan, naming it, and nothing is written", arguments: TestEngine.available)
    func missingEngagement(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let (handler, _, store) = Self.make(database)
            try await Self.migrateContacts(["alice"], store: store)
            let error = await #expect(throws: IncidentsError.self) {
                _ = try await handler.importResponsePlan(Self.sourcePlan(engagements: ["alice", "bob"]), fingerprint: "f1", context: Self.context)
            }
            #expect(error?.message.contains("arn:aws:ssm-contacts:us-east-1:\(Self.sourceAccount):contact/bob") == true)
            #expect(error?.awsError.code == "ValidationException")
            await #expect(throws: IncidentsError.self) {
                _ = try await handler.getResponsePlan(.init(arn: Self.targetPlanArn), context: Self.context)
            }
            #expect(try await Self.mappings(store).map(\.kind) == [.contact])
        }
    }

    @Test(
        "a chat topic without a Hikeshi channel is kept with a warning; once the channel exists, running again uses it",
        arguments: TestEngine.available)
    func chatTargets(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let (handler, _, store) = Self.make(database)
            try await Self.migrateContacts(["alice"], store: store)
            let topic = "arn:aws:sns:us-east-1:\(Self.sourceAccount):ops-chat"
            var item = Self.sourcePlan()
            item.plan.chatChannel = .chatbotSns([topic])
            item.plan.incidentTemplate.notificationTargets = [.snsTopicArn(topic)]
            let created = try await handler.importResponsePlan(item, fingerprint: "f1", context: Self.context)
            let warning = "chat target \(topic) has no Hikeshi chat channel yet: create one (hikeshi integrations) and migrate again"
            #expect(created.outcome == .created)
            #expect(created.warnings == [warning, warning])
            var plan = try await handler.getResponsePlan(.init(arn: Self.targetPlanArn), context: Self.context)
            #expect(plan.chatChannel == .chatbotSns([topic]))

            let channel = "arn:aws:sns:us-east-1:\(Self.account):ops-chat"
            try await store.write(logger: testLogger) { tx in
                try await tx.integrations.insert(
                    IntegrationRecord(
                        id: channel, tokenHash: "h", accountID: Self.account, region: "us-east-1", kind: .slack, targetArn: channel, name: "ops-chat",
                        settings: "{}", createdAt: Self.start))
            }
            let again = try await handler.importResponsePlan(item, fingerprint: "f1", context: Self.context)
            #expect(again == MigrationItemResult(outcome: .updated, targetArn: Self.targetPlanArn))
            plan = try await handler.getResponsePlan(.init(arn: Self.targetPlanArn), context: Self.context)
            #expect(plan.chatChannel == .chatbotSns([channel]))
            #expect(plan.incidentTemplate.notificationTargets == [.snsTopicArn(channel)])
            #expect(try await handler.importResponsePlan(item, fingerprint: "f1", context: Self.context).outcome == .unchanged)
        }
    }

    @Test("a plan of the same name made here is left alone: skipped with a warning, nothing written", arguments: TestEngine.available)
    func existingPlanSkipped(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let (handler, _, store) = Self.make(database)
            try await Self.migrateContacts(["alice"], store: store)
            _ = try await handler.createResponsePlan(
                .init(incidentTemplate: .init(impact: 5, title: "Ours"), name: "web", tags: ["mine": "yes"]), context: Self.context)
            let result = try await handler.importResponsePlan(Self.sourcePlan(), fingerprint: "f1", context: Self.context)
            #expect(result.outcome == .skipped)
            #expect(result.warnings.count == 1)
            #expect(result.warnings.first?.contains(Self.sourcePlanArn) == true)
            let plan = try await handler.getResponsePlan(.init(arn: Self.targetPlanArn), context: Self.context)
            #expect(plan.incidentTemplate.title == "Ours")
            #expect(plan.engagements == nil)
            #expect(try await handler.listTagsForResource(.init(resourceArn: Self.targetPlanArn), context: Self.context).tags == ["mine": "yes"])
            #expect(try await handler.getResourcePolicies(.init(resourceArn: Self.targetPlanArn), context: Self.context).resourcePolicies.isEmpty)
            #expect(try await Self.mappings(store).map(\.kind) == [.contact])
        }
    }

    // MARK: - Incidents

    static let sourceIncidentArn = "arn:aws:ssm-incidents::\(sourceAccount):incident-record/web/6ac3f1e8-1b2c-4d5e-8f90-a1b2c3d4e5f6"
    static let created = Date(timeIntervalSince1970: 1_700_000_000)
    static let involvedID = "related-item/INVOLVED_RESOURCE/0A1B2C3D4E5F60718293A4B5C6D7E8F9"

    static func event(_ id: String, minutes: Double, type: String, data: String, references: [SSMIncidents.EventReference]? = nil)
        -> SSMIncidents.TimelineEvent
    {
        SSMIncidents.TimelineEvent(
            eventData: data, eventId: id, eventReferences: references, eventTime: created.addingTimeInterval(minutes * 60), eventType: type,
            eventUpdatedTime: created.addingTimeInterval(minutes * 60 + 5), incidentRecordArn: sourceIncidentArn)
    }

    /// An open incident at the source: three events (listed out of time order), a parent OpsItem, an involved resource
    /// a note refers to, and a link.
    static func sourceIncident() -> IncidentImport {
        IncidentImport(
            record: SSMIncidents.IncidentRecord(
                arn: sourceIncidentArn,
                automationExecutions: [.ssmExecutionArn("arn:aws:ssm:us-east-1:\(sourceAccount):automation-execution/abc")],
                chatChannel: .empty(SSMIncidents.EmptyChatChannel()),
                creationTime: created,
                dedupeString: "web-down",
                impact: 2,
                incidentRecordSource: SSMIncidents.IncidentRecordSource(
                    createdBy: "arn:aws:iam::\(sourceAccount):role/oncall", invokedBy: "ssm-incidents.amazonaws.com",
                    resourceArn: "arn:aws:cloudwatch:us-east-1:\(sourceAccount):alarm:web", source: "aws.cloudwatch"),
                lastModifiedBy: "arn:aws:iam::\(sourceAccount):role/oncall",
                lastModifiedTime: created.addingTimeInterval(3600),
                status: .open,
                summary: "The web tier answers 502",
                title: "Web down"
            ),
            timeline: [
                event("e-note", minutes: 10, type: "Note", data: #"{"content":"looking at it"}"#, references: [.relatedItemId(involvedID)]),
                event("e-trigger", minutes: 0, type: "SSM Incident Trigger", data: #"{"title":"Web down"}"#),
                event(
                    "e-custom", minutes: 20, type: "Custom Event", data: "restarted", references: [.resource("arn:aws:ec2:us-east-1:1:instance/i-1")]),
            ],
            relatedItems: [
                SSMIncidents.RelatedItem(
                    generatedId: "related-item/PARENT/FFFF0000FFFF0000FFFF0000FFFF0000",
                    identifier: .init(type: .parent, value: .arn("arn:aws:ssm:us-east-1:\(sourceAccount):opsitem/oi-0123456789ab")),
                    title: "parentItem"),
                SSMIncidents.RelatedItem(
                    generatedId: involvedID, identifier: .init(type: .involvedResource, value: .arn("arn:aws:ec2:us-east-1:1:instance/i-1")),
                    title: "web-1"),
                SSMIncidents.RelatedItem(
                    generatedId: "related-item/OTHER/11112222333344445555666677778888",
                    identifier: .init(type: .other, value: .url("https://status.example.com/")), title: "Status page"),
            ],
            tags: ["team": "web"]
        )
    }

    static func timeline(_ handler: IncidentsHandler, _ arn: String) async throws -> [SSMIncidents.TimelineEvent] {
        try await handler.timelineEvents(.init(incidentRecordArn: arn), context: context).events
    }

    static func relatedItems(_ handler: IncidentsHandler, _ arn: String) async throws -> [SSMIncidents.RelatedItem] {
        try await handler.listRelatedItems(.init(incidentRecordArn: arn), context: context).relatedItems
    }

    /// Pending jobs and the incident's engagements: what an import must never make.
    static func sideEffects(_ store: SQLFamilyStore<any IncidentsTransaction>, incident: String) async throws -> Int {
        try await store.read(logger: testLogger) { tx in
            try await tx.jobs.count(status: .pending) + tx.engagements.engagements(incidentID: incident, accountID: account).count
        }
    }

    @Test(
        "an incident comes over as history: original times and status, its events in time order with references to its items here",
        arguments: TestEngine.available)
    func incidentHistory(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let (handler, _, store) = Self.make(database)
            try await Self.migrateContacts(["alice"], store: store)
            _ = try await handler.importResponsePlan(Self.sourcePlan(), fingerprint: "p", context: Self.context)
            let jobsBefore = try await Self.sideEffects(store, incident: "")
            let result = try await handler.importIncident(Self.sourceIncident(), fingerprint: "f1", context: Self.context)
            #expect(result.outcome == .created)
            #expect(result.warnings.isEmpty)
            let arn = result.targetArn
            #expect(arn.hasPrefix("arn:aws:ssm-incidents::\(Self.account):incident-record/web/"))

            let source = Self.sourceIncident().record
            let record = try await handler.getIncidentRecord(.init(arn: arn), context: Self.context).incidentRecord
            #expect(record.creationTime == source.creationTime)
            #expect(record.lastModifiedTime == source.lastModifiedTime)
            #expect(record.lastModifiedBy == source.lastModifiedBy)
            #expect(record.resolvedTime == nil)
            #expect(record.status == .open)
            #expect(record.title == source.title)
            #expect(record.summary == source.summary)
            #expect(record.impact == 2)
            #expect(record.dedupeString == "web-down")
            #expect(record.incidentRecordSource == source.incidentRecordSource)
            #expect(record.automationExecutions == source.automationExecutions)
            #expect(record.chatChannel == .empty(SSMIncidents.EmptyChatChannel()))
            let listed = try await handler.listIncidentRecords(.init(), context: Self.context).incidentRecordSummaries
            #expect(listed.map(\.arn) == [arn])
            #expect(listed.first?.creationTime == source.creationTime)

            let items = try await Self.relatedItems(handler, arn)
            #expect(items.map(\.identifier.type) == [.parent, .involvedResource, .other])
            guard case .arn(let parentArn) = items.first?.identifier.value else {
                Issue.record("no parent OpsItem")
                return
            }
            #expect(parentArn.contains(":\(Self.account):opsitem/oi-"))
            #expect(items.dropFirst().map(\.title) == ["web-1", "Status page"])
            let involved = try #require(items.first { $0.identifier.type == .involvedResource }?.generatedId)
            #expect(involved != Self.involvedID)

            let events = try await Self.timeline(handler, arn)
            #expect(events.map(\.eventType) == ["SSM Incident Trigger", "Note", "Custom Event"])
            #expect(events.map(\.eventTime) == [0, 10, 20].map { Self.created.addingTimeInterval($0 * 60) })
            #expect(events.map(\.eventUpdatedTime) == [0, 10, 20].map { Self.created.addingTimeInterval($0 * 60 + 5) })
            #expect(events[1].eventData == #"{"content":"looking at it"}"#)
            #expect(events[1].eventReferences == [.relatedItemId(involved)])
            #expect(events[2].eventReferences == [.resource("arn:aws:ec2:us-east-1:1:instance/i-1")])
            #expect(try await handler.listTagsForResource(.init(resourceArn: arn), context: Self.context).tags == ["team": "web"])
            #expect(try await Self.sideEffects(store, incident: arn) == jobsBefore)

            let opsItemID = String(parentArn.split(separator: "/").last ?? "")
            let opsItem = try await store.read(logger: testLogger) { tx in
                try await tx.opsItems.item(id: opsItemID, accountID: Self.account, region: "us-east-1")
            }
            #expect(opsItem?.status == .open)
            #expect(opsItem?.createdAt == Self.created)

            let kinds = try await Self.mappings(store).map(\.kind)
            #expect(kinds.filter { $0 == .incident }.count == 1)
            #expect(kinds.filter { $0 == .timelineEvent }.count == 3)
            #expect(kinds.filter { $0 == .relatedItem }.count == 3)
        }
    }

    @Test(
        "importing the same incident again writes nothing; a changed one is updated in place without duplicates",
        arguments: TestEngine.available)
    func incidentRerun(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let (handler, clock, store) = Self.make(database)
            let first = try await handler.importIncident(Self.sourceIncident(), fingerprint: "f1", context: Self.context)
            let arn = first.targetArn
            let mappingsBefore = try await Self.mappings(store)
            let eventsBefore = try await Self.timeline(handler, arn)
            clock.advance(by: 3600)

            let again = try await handler.importIncident(Self.sourceIncident(), fingerprint: "f1", context: Self.context)
            #expect(again == MigrationItemResult(outcome: .unchanged, targetArn: arn))
            #expect(try await Self.mappings(store) == mappingsBefore)
            #expect(try await Self.timeline(handler, arn) == eventsBefore)
            #expect(try await Self.relatedItems(handler, arn).count == 3)

            var changed = Self.sourceIncident()
            let resolvedAt = Self.created.addingTimeInterval(7200)
            changed.record.status = .resolved
            changed.record.resolvedTime = resolvedAt
            changed.record.lastModifiedTime = resolvedAt
            changed.record.impact = 3
            changed.timeline[2].eventData = "restarted twice"
            changed.timeline.append(Self.event("e-resolved", minutes: 120, type: "SSM Incident Record Update", data: #"{"status":"RESOLVED"}"#))
            changed.relatedItems.removeLast()
            let updated = try await handler.importIncident(changed, fingerprint: "f2", context: Self.context)
            #expect(updated == MigrationItemResult(outcome: .updated, targetArn: arn))

            let record = try await handler.getIncidentRecord(.init(arn: arn), context: Self.context).incidentRecord
            #expect(record.status == .resolved)
            #expect(record.resolvedTime == resolvedAt)
            #expect(record.lastModifiedTime == resolvedAt)
            #expect(record.creationTime == Self.created)
            #expect(record.impact == 3)
            #expect(try await handler.listIncidentRecords(.init(), context: Self.context).incidentRecordSummaries.count == 1)
            let events = try await Self.timeline(handler, arn)
            #expect(events.count == 4)
            #expect(events.map(\.eventId).prefix(3) == eventsBefore.map(\.eventId).prefix(3))
            #expect(events[2].eventData == "restarted twice")
            #expect(events[3].eventType == "SSM Incident Record Update")
            #expect(events[3].eventTime == Self.created.addingTimeInterval(7200))
            let items = try await Self.relatedItems(handler, arn)
            #expect(items.map(\.identifier.type) == [.parent, .involvedResource])
            #expect(events[1].eventReferences == [.relatedItemId(items[1].generatedId ?? "")])

            guard case .arn(let parentArn) = items.first?.identifier.value else {
                Issue.record("no parent OpsItem")
                return
            }
            let opsItem = try await store.read(logger: testLogger) { tx in
                try await tx.opsItems.item(id: String(parentArn.split(separator: "/").last ?? ""), accountID: Self.account, region: "us-east-1")
            }
            #expect(opsItem?.status == .resolved)
            #expect(try await Self.sideEffects(store, incident: arn) == 0)
            let kinds = try await Self.mappings(store).map(\.kind)
            #expect(kinds.filter { $0 == .timelineEvent }.count == 4)
            #expect(kinds.filter { $0 == .relatedItem }.count == 2)

            #expect(try await handler.importIncident(changed, fingerprint: "f2", context: Self.context).outcome == .unchanged)
            #expect(try await Self.timeline(handler, arn).count == 4)
        }
    }

    @Test("an imported open incident is joined by a later start with its dedupe string, as in Incident Manager", arguments: TestEngine.available)
    func openIncidentDedupes(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let (handler, _, store) = Self.make(database)
            try await Self.migrateContacts(["alice"], store: store)
            _ = try await handler.importResponsePlan(Self.sourcePlan(), fingerprint: "p", context: Self.context)
            let imported = try await handler.importIncident(Self.sourceIncident(), fingerprint: "f1", context: Self.context)
            let record = try await handler.getIncidentRecord(.init(arn: imported.targetArn), context: Self.context).incidentRecord
            #expect(record.arn == imported.targetArn)
            let started = try await handler.startIncident(.init(responsePlanArn: Self.targetPlanArn), context: Self.context)
            #expect(started.incidentRecordArn == imported.targetArn)
            #expect(try await Self.timeline(handler, imported.targetArn).count == 4)
        }
    }

    @Test("an incident whose mapped record was deleted here is created anew", arguments: TestEngine.available)
    func deletedTargetRecreated(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let (handler, _, store) = Self.make(database)
            let first = try await handler.importIncident(Self.sourceIncident(), fingerprint: "f1", context: Self.context)
            _ = try await handler.deleteIncidentRecord(.init(arn: first.targetArn), context: Self.context)
            let second = try await handler.importIncident(Self.sourceIncident(), fingerprint: "f1", context: Self.context)
            #expect(second.outcome == .created)
            #expect(second.targetArn != first.targetArn)
            #expect(try await Self.timeline(handler, second.targetArn).count == 3)
            #expect(try await Self.relatedItems(handler, second.targetArn).count == 3)
            let targets = try await Self.mappings(store).map(\.targetArn)
            #expect(targets.allSatisfy { !$0.hasPrefix(first.targetArn) })
        }
    }

    @Test("the replication set is created with the source's regions, then gains the ones added", arguments: TestEngine.available)
    func replicationSet(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let (handler, _, _) = Self.make(database)
            let source = "arn:aws:ssm-incidents::\(Self.sourceAccount):replication-set/abc"
            let created = try await handler.importReplicationSet(sourceArn: source, regions: ["us-east-1"], fingerprint: "r1", context: Self.context)
            #expect(created.outcome == .created)
            #expect(try await handler.listReplicationSets(.init(), context: Self.context).replicationSetArns == [created.targetArn])
            let unchanged = try await handler.importReplicationSet(
                sourceArn: source, regions: ["us-east-1"], fingerprint: "r1", context: Self.context)
            #expect(unchanged == MigrationItemResult(outcome: .unchanged, targetArn: created.targetArn))
            let updated = try await handler.importReplicationSet(
                sourceArn: source, regions: ["us-east-1", "eu-west-1"], fingerprint: "r2", context: Self.context)
            #expect(updated == MigrationItemResult(outcome: .updated, targetArn: created.targetArn))
            let set = try await handler.getReplicationSet(.init(arn: created.targetArn), context: Self.context).replicationSet
            #expect(Set(set.regionMap.keys) == ["us-east-1", "eu-west-1"])
        }
    }
}
