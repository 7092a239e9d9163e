import Foundation
import HikeshiCore
import Testing

@Suite("OpsItem rules and transitions")
struct OpsItemTests {
    static let start = Date(timeIntervalSince1970: 1_900_000_000)
    static let alice = "arn:aws:iam::111111111111:user/alice"
    static let bob = "arn:aws:iam::111111111111:user/bob"

    static func data(_ entries: [String: String], kind: OperationalDataKind = .string) -> [String: OperationalDataValue] {
        entries.mapValues { OperationalDataValue(value: $0, kind: kind) }
    }

    static func make(source: String = "monitoring", data: [String: OperationalDataValue] = [:], priority: Int? = 3) throws(OpsItemRuleError)
        -> OpsItem
    {
        try OpsItem.create(
            id: "oi-0123456789ab", accountID: "111111111111", region: "eu-central-1", kind: .issue, title: "Disk full", description: "98%",
            source: source, priority: priority, severity: "2", category: "Availability", operationalData: data, notifications: [],
            relatedOpsItems: [], times: OpsItemTimes(), by: alice, at: start)
    }

    @Test("a new item is open at version 1, created and modified by its creator, with its regional ARN")
    func creates() throws {
        let item = try Self.make()
        #expect(item.status == .open && item.version == 1)
        #expect(
            item.createdBy == Self.alice && item.lastModifiedBy == Self.alice && item.createdAt == Self.start && item.lastModifiedAt == Self.start)
        #expect(item.arn == "arn:aws:ssm:eu-central-1:111111111111:opsitem/oi-0123456789ab")
    }

    @Test("sources that name AWS are refused, whatever their case", arguments: ["aws", "My-AWS-feed", "Amazon CloudWatch", "amzn-alerts"])
    func refusesSources(source: String) {
        #expect(throws: OpsItemRuleError.self) { try Self.make(source: source) }
        do {
            _ = try Self.make(source: source)
        } catch {
            #expect(error.parameterNames == ["Source"])
        }
    }

    @Test("sources that merely resemble the reserved words pass", arguments: ["SSMIncidents", "monitoring", "a-w-s", "amazing"])
    func acceptsSources(source: String) throws {
        #expect(try Self.make(source: source).source == source)
    }

    @Test(
        "reserved operational-data keys are refused",
        arguments: ["aws", "awsKey", "AWS:x", "amazon.x", "amzn", "ssm-x", "/aws/other", "/AWS/resources2", "/amazon/x", "/amzn/x", "/ssm/x"])
    func refusesReservedKeys(key: String) {
        do {
            _ = try Self.make(data: Self.data([key: "x"]))
            Issue.record("\(key) was accepted")
        } catch {
            #expect(error.parameterNames == ["OperationalData"] && error.message.contains(key))
        }
    }

    @Test("the keys AWS itself writes are accepted when their JSON has the expected shape")
    func acceptsAWSKeys() throws {
        let item = try Self.make(
            data: Self.data([
                "/aws/dedup": #"{"dedupString":"disk-web-1"}"#,
                "/aws/resources": #"[{"arn":"arn:aws:ec2:eu-central-1:111111111111:instance/i-1"}]"#,
                "/aws/automations": #"[{"automationId":"Restart","automationType":"AWS::SSM::Automation"}]"#,
            ]))
        #expect(item.dedupString == "disk-web-1")
        #expect(item.strings(in: OpsItem.resourcesKey, field: "arn") == ["arn:aws:ec2:eu-central-1:111111111111:instance/i-1"])
        #expect(item.strings(in: OpsItem.automationsKey, field: "automationId") == ["Restart"])
        for (key, value) in [
            ("/aws/dedup", #"{"dedupString":" "}"#), ("/aws/dedup", "disk"), ("/aws/resources", #"{"arn":"x"}"#), ("/aws/automations", "[1]"),
        ] {
            #expect(throws: OpsItemRuleError.self) { try Self.make(data: Self.data([key: value])) }
        }
    }

    @Test("a value over 20 KB is refused; one of exactly 20 KB passes")
    func limitsValues() throws {
        #expect(throws: OpsItemRuleError.self) { try Self.make(data: Self.data(["log": String(repeating: "x", count: 20 * 1024 + 1)])) }
        #expect(try Self.make(data: Self.data(["log": String(repeating: "x", count: 20 * 1024)])).operationalData["log"] != nil)
    }

    @Test("an edit merges and deletes data, reports what changed in field order, and counts one version")
    func edits() throws {
        var item = try Self.make(data: Self.data(["a": "1", "b": "2"]))
        let later = Self.start.addingTimeInterval(60)
        let changes = try item.apply(
            OpsItemEdit(
                status: .inProgress, priority: 1, operationalData: Self.data(["b": "two", "c": "3"]), operationalDataToDelete: ["a", "missing"]),
            by: Self.bob, at: later)
        #expect(changes == [.status, .priority, .operationalData])
        #expect(item.operationalData == Self.data(["b": "two", "c": "3"]))
        #expect(item.version == 2 && item.lastModifiedBy == Self.bob && item.lastModifiedAt == later && item.createdBy == Self.alice)
    }

    @Test("an edit that changes nothing keeps the version and the modification stamp")
    func idleEdit() throws {
        var item = try Self.make(data: Self.data(["a": "1"]))
        let changes = try item.apply(
            OpsItemEdit(status: .open, priority: 3, operationalData: Self.data(["a": "1"]), operationalDataToDelete: ["absent"]), by: Self.bob,
            at: Self.start.addingTimeInterval(5))
        #expect(changes.isEmpty && item.version == 1 && item.lastModifiedBy == Self.alice && item.lastModifiedAt == Self.start)
    }

    @Test(
        "statuses of change and access requests are refused for an issue, and nothing changes",
        arguments: [OpsItemStatus.approved, .pending, .closed])
    func refusesRequestStatuses(status: OpsItemStatus) throws {
        let original = try Self.make()
        var item = original
        do {
            _ = try item.apply(OpsItemEdit(title: "New", status: status), by: Self.bob, at: Self.start)
            Issue.record("\(status) was accepted")
        } catch {
            #expect(error.parameterNames == ["Status"])
        }
        #expect(item == original)
    }

    @Test("the dedup string can be neither changed nor deleted, but sending it unchanged is fine")
    func dedupIsFixed() throws {
        let dedup = #"{"dedupString":"disk"}"#
        var item = try Self.make(data: Self.data(["/aws/dedup": dedup], kind: .searchableString))
        let original = item
        #expect(throws: OpsItemRuleError.self) {
            try item.apply(OpsItemEdit(operationalData: Self.data(["/aws/dedup": #"{"dedupString":"other"}"#])), by: Self.bob, at: Self.start)
        }
        #expect(throws: OpsItemRuleError.self) { try item.apply(OpsItemEdit(operationalDataToDelete: ["/aws/dedup"]), by: Self.bob, at: Self.start) }
        #expect(item == original)
        let changes = try item.apply(
            OpsItemEdit(title: "Disk full again", operationalData: Self.data(["/aws/dedup": dedup], kind: .searchableString)), by: Self.bob,
            at: Self.start)
        #expect(changes == [.title] && item.dedupString == "disk")
    }

    @Test("a rule broken late in an edit leaves the earlier fields of the edit unapplied")
    func atomicEdit() throws {
        var item = try Self.make()
        let original = item
        #expect(throws: OpsItemRuleError.self) {
            try item.apply(OpsItemEdit(title: "Changed", priority: 5, operationalData: Self.data(["aws-key": "x"])), by: Self.bob, at: Self.start)
        }
        #expect(item == original)
    }

    @Test("only open and in-progress items hold their dedup string")
    func activeStatuses() {
        #expect(OpsItemStatus.allCases.filter(\.isActive) == [.open, .inProgress])
        #expect(OpsItemStatus.allCases.count == 20)
    }

    @Test("an incident's parent is an open issue by Incident Manager's role, described by the summary or else the title")
    func incidentParent() {
        let parent = OpsItem.incidentParent(
            id: "oi-00000000000a", incidentTitle: "Checkout down", summary: "  ", accountID: "222222222222", region: "us-east-1", at: Self.start)
        let role = "arn:aws:sts::222222222222:assumed-role/AWSServiceRoleForIncidentManager/IncidentResponse"
        #expect(parent.status == .open && parent.kind == .issue && parent.source == "SSMIncidents" && parent.version == 1)
        #expect(parent.createdBy == role && parent.lastModifiedBy == role && parent.description == "Checkout down")
        let summarised = OpsItem.incidentParent(
            id: "oi-00000000000b", incidentTitle: "Checkout down", summary: "Card payments fail", accountID: "222222222222", region: "us-east-1",
            at: Self.start)
        #expect(summarised.description == "Card payments fail")
        let link = OpsItem.incidentAssociation(
            associationID: "a", opsItemID: parent.id, incidentArn: "arn:aws:ssm-incidents::222222222222:incident-record/p/1",
            accountID: "222222222222",
            at: Self.start)
        #expect(link.associationType == .isParentOf && link.resourceType == .incidentRecord && link.createdBy == role)
    }

    @Test("events record the version, the kind of change and the fields changed")
    func events() throws {
        var item = try Self.make()
        let created = try OpsItemEvent.recording(item, eventID: "e1")
        #expect(created.detailType == "OpsItem Create" && created.source == "aws.ssm" && created.version == 1 && created.createdBy == Self.alice)
        let later = Self.start.addingTimeInterval(30)
        let changes = try item.apply(OpsItemEdit(status: .resolved, severity: "1"), by: Self.bob, at: later)
        let updated = try OpsItemEvent.recording(item, changes: changes, eventID: "e2")
        #expect(updated.detailType == "OpsItem Update" && updated.version == 2 && updated.createdBy == Self.bob && updated.createdAt == later)
        let detail = try JSONDecoder().decode([String: String].self, from: Data(updated.detail.utf8))
        #expect(
            detail == [
                "opsItemId": "oi-0123456789ab", "version": "2", "status": "Resolved", "title": "Disk full", "changedFields": "Status,Severity",
            ])
    }
}
