import Foundation
import HikeshiCore
import Testing

@Suite("Incident transitions")
struct IncidentTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let plan = ResponsePlan(
        arn: "arn:aws:ssm-incidents::111111111111:response-plan/db",
        accountID: "111111111111",
        region: "us-east-1",
        name: "db",
        template: IncidentTemplate(title: "Database down", impact: 2, summary: "from the plan", notificationTopics: ["arn:aws:sns:::t"]),
        chatChannel: .topics(["arn:aws:sns:::chat"]),
        runbooks: [RunbookAction(documentName: "Triage", roleArn: "arn:aws:iam::111111111111:role/r")]
    )

    static func started(title: String? = nil, impact: Int? = nil) -> Incident {
        Incident.started(
            arn: "arn:aws:ssm-incidents::111111111111:incident-record/db/abc-123",
            plan: plan,
            accountID: "111111111111",
            region: "us-east-1",
            title: title,
            impact: impact,
            summary: "from the alert",
            dedupeString: "db",
            source: IncidentSource(createdBy: "arn:aws:iam::111111111111:user/alice", source: "test"),
            opsItemID: "oi-1",
            at: start
        )
    }

    @Test("a new incident takes the plan's template where the trigger is silent, and the plan's runbooks")
    func startsFromThePlan() {
        let plain = Self.started()
        #expect(plain.title == "Database down" && plain.impact == 2 && plain.summary == "from the plan")
        #expect(plain.status == .open && plain.resolvedAt == nil && plain.acknowledgedAt == nil)
        #expect(plain.chatChannel == .topics(["arn:aws:sns:::chat"]) && plain.notificationTopics == ["arn:aws:sns:::t"])
        #expect(plain.pendingRunbooks.map(\.documentName) == ["Triage"])
        #expect(plain.lastModifiedBy == "arn:aws:iam::111111111111:user/alice" && plain.lastModifiedAt == Self.start)
        #expect(plain.id == "abc-123")
        let given = Self.started(title: "Replica lag", impact: 1)
        #expect(given.title == "Replica lag" && given.impact == 1)
    }

    @Test("resolving sets the resolution time, reopening clears it, and each marks the record modified")
    func resolveAndReopen() {
        var incident = Self.started()
        let later = Self.start.addingTimeInterval(600)
        let resolved = incident.apply(IncidentEdit(status: .resolved), by: "bob", at: later)
        #expect(resolved.status == .resolved && resolved.title == nil && resolved.previousImpact == nil)
        #expect(incident.status == .resolved && incident.resolvedAt == later)
        #expect(incident.lastModifiedBy == "bob" && incident.lastModifiedAt == later)
        let reopenedAt = later.addingTimeInterval(60)
        let reopened = incident.apply(IncidentEdit(status: .open), by: "carol", at: reopenedAt)
        #expect(reopened.status == .open)
        #expect(incident.status == .open && incident.resolvedAt == nil && incident.lastModifiedAt == reopenedAt)
    }

    @Test("an edit that changes nothing leaves the record untouched")
    func noChange() {
        var incident = Self.started()
        let before = incident
        let changes = incident.apply(IncidentEdit(title: "Database down", impact: 2, status: .open), by: "bob", at: Self.start + 60)
        #expect(changes.isEmpty)
        #expect(incident == before)
    }

    @Test("an edit reports what it changed, with the impact it replaced")
    func reportsChanges() {
        var incident = Self.started()
        let changes = incident.apply(
            IncidentEdit(title: "New", summary: "more", impact: 4, chatChannel: IncidentChatChannel.none, notificationTopics: []), by: "bob",
            at: Self.start + 60)
        #expect(changes.title == "New" && changes.summary == "more" && changes.previousImpact == 2)
        #expect(changes.chatChannel && changes.notificationTopics && changes.status == nil)
        #expect(incident.impact == 4 && incident.chatChannel == IncidentChatChannel.none && incident.notificationTopics == [])
    }

    @Test("only the first acknowledgement counts")
    func acknowledgeOnce() {
        var incident = Self.started()
        let first = incident.acknowledge(at: Self.start + 30)
        let second = incident.acknowledge(at: Self.start + 90)
        #expect(first && !second)
        #expect(incident.acknowledgedAt == Self.start + 30)
    }
}
