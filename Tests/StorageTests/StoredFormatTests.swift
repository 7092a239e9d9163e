import Foundation
import HikeshiCore
import Testing

@testable import Storage

/// The stored JSON of the incident documents, spelled out: renaming a domain property or an enum case changes what is on
/// disk, and must come with a migration. These tests fail first.
@Suite("Stored formats")
struct StoredFormatTests {
    static let instant = Date(timeIntervalSinceReferenceDate: 800_000_000)

    @Test("an incident's document")
    func incident() throws {
        let document = IncidentDocument(
            summary: "s", source: IncidentSource(createdBy: "me", invokedBy: "svc", resourceArn: "arn:r", source: "src"),
            chatChannel: .topics(["arn:t"]), notificationTopics: ["arn:n"], lastModifiedBy: "you", lastModifiedAt: Self.instant,
            opsItemID: "oi-1",
            pendingRunbooks: [
                RunbookAction(
                    documentName: "D", documentVersion: "1", roleArn: "arn:role", targetAccount: .impactedAccount, parameters: ["P": ["v"]],
                    dynamicParameters: ["A": .involvedResources])
            ],
            acknowledgedAt: nil)
        #expect(
            try StoredJSON.encode(document)
                == #"{"chatChannel":{"topics":{"_0":["arn:t"]}},"lastModifiedAt":800000000,"lastModifiedBy":"you","notificationTopics":["arn:n"],"#
                + #""opsItemID":"oi-1","pendingRunbooks":[{"documentName":"D","documentVersion":"1","dynamicParameters":{"A":"INVOLVED_RESOURCES"},"#
                + #""parameters":{"P":["v"]},"roleArn":"arn:role","targetAccount":"IMPACTED_ACCOUNT"}],"#
                + #""source":{"createdBy":"me","invokedBy":"svc","resourceArn":"arn:r","source":"src"},"summary":"s"}"#)
        let off = IncidentDocument(
            summary: nil, source: IncidentSource(createdBy: "me", source: "src"), chatChannel: IncidentChatChannel.none, notificationTopics: nil,
            lastModifiedBy: "me", lastModifiedAt: Self.instant, opsItemID: nil, pendingRunbooks: [], acknowledgedAt: Self.instant)
        #expect(
            try StoredJSON.encode(off)
                == #"{"acknowledgedAt":800000000,"chatChannel":{"none":{}},"lastModifiedAt":800000000,"lastModifiedBy":"me","pendingRunbooks":[],"#
                + #""source":{"createdBy":"me","source":"src"}}"#)
    }

    @Test("a response plan's document")
    func responsePlan() throws {
        let document = ResponsePlanDocument(
            displayName: "Name", template: IncidentTemplate(title: "T", impact: 2, dedupeString: "d", incidentTags: ["k": "v"]),
            chatChannel: nil, engagements: [], runbooks: nil,
            pagerDutyIntegrations: [PagerDutyIntegration(name: "pd", serviceID: "S", secretID: "x")])
        #expect(
            try StoredJSON.encode(document)
                == #"{"displayName":"Name","engagements":[],"pagerDutyIntegrations":[{"name":"pd","secretID":"x","serviceID":"S"}],"#
                + #""template":{"dedupeString":"d","impact":2,"incidentTags":{"k":"v"},"title":"T"}}"#)
    }

    @Test("a related item's and a replication set's documents")
    func relatedItemAndReplicationSet() throws {
        #expect(
            try StoredJSON.encode(RelatedItemDocument(value: .pagerDutyIncident(PagerDutyIncidentLink(id: "P", autoResolve: true)), title: "t"))
                == #"{"title":"t","value":{"pagerDutyIncident":{"_0":{"autoResolve":true,"id":"P"}}}}"#)
        #expect(try StoredJSON.encode(RelatedItemDocument(value: .arn("arn:x"), title: nil)) == #"{"value":{"arn":{"_0":"arn:x"}}}"#)
        let set = ReplicationSetDocument(
            regions: ["us-east-1": ReplicationRegion(kmsKeyID: nil, status: .active, statusUpdatedAt: Self.instant)], deletionProtected: true,
            createdBy: "me", lastModifiedBy: "you", lastModifiedAt: Self.instant)
        #expect(
            try StoredJSON.encode(set)
                == #"{"createdBy":"me","deletionProtected":true,"lastModifiedAt":800000000,"lastModifiedBy":"you","#
                + #""regions":{"us-east-1":{"status":"ACTIVE","statusUpdatedAt":800000000}}}"#)
    }
}
