import AWSProtocol
import Foundation
import SSMContactsModel
import SSMIncidentsModel
import SupportModel
import Testing

@Suite("JSON writer")
struct AWSJSONWriterTests {
    /// The same JSON from the writer and from
    /// `AWSJSONCoding.encoder`, which the writer replaces for response bodies.
    private static func expectSameJSON(_ value: some AWSShape, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let written = Data(AWSJSONWriter.write(value))
        let encoded = try AWSJSONCoding.encoder.encode(value)
        let ours = try JSONSerialization.jsonObject(with: written) as? NSObject
        let theirs = try JSONSerialization.jsonObject(with: encoded) as? NSObject
        #expect(ours != nil && ours == theirs, "\(String(decoding: written, as: UTF8.self))", sourceLocation: sourceLocation)
        // And strictly typed, where `true` and `1` differ (the comparison above takes one for the other); the encoder's
        // key order is its own, so not byte for byte.
        let typed = try JSONDecoder().decode(AWSJSONValue.self, from: written)
        #expect(typed == (try JSONDecoder().decode(AWSJSONValue.self, from: encoded)), sourceLocation: sourceLocation)
    }

    @Test("strings are escaped as JSON requires, and only that")
    func strings() {
        var writer = AWSJSONWriter()
        writer.string("a\"b\\c/d\n\r\t\u{8}\u{C}\u{1}\u{1F} 東京 😀")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""a\"b\\c/d\n\r\t\b\f\u0001\u001f 東京 😀""#)
    }

    @Test("numbers: integers, doubles without a trailing .0, timestamps to the millisecond")
    func numbers() {
        var writer = AWSJSONWriter()
        writer.array([1.0, 1.5, -0.25, 1e21, 1_700_000_000.123])
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "[1,1.5,-0.25,1e+21,1700000000.123]")
        #expect(AWSJSONWriter.write([Date(timeIntervalSince1970: 1_700_000_000.123_4)]) == Array("[1700000000.123]".utf8))
        #expect(AWSJSONWriter.write([Int.min, 0]) == Array("[\(Int.min),0]".utf8))
        #expect(AWSJSONWriter.write([Double.nan]) == Array("[null]".utf8))
    }

    @Test("nil members are left out; empty shapes are {}")
    func members() throws {
        #expect(AWSJSONWriter.write(AWSEmptyShape()) == Array("{}".utf8))
        #expect(AWSJSONWriter.write(SSMIncidents.EmptyChatChannel()) == Array("{}".utf8))
        let written = AWSJSONWriter.write(SSMContacts.ListContactsResult(nextToken: nil, contacts: []))
        #expect(String(decoding: written, as: UTF8.self) == #"{"Contacts":[]}"#)
    }

    @Test("generated shapes write what the encoder writes: nested structures, enums, lists, maps, unions, dates")
    func generatedShapes() throws {
        let contactArn = "arn:aws:ssm-contacts:us-east-1:111122223333:contact/alice"
        try Self.expectSameJSON(
            SSMContacts.GetContactResult(
                contactArn: contactArn, alias: "alice", displayName: "Alice \"A\" 山田", type: .personal,
                plan: SSMContacts.Plan(
                    stages: [
                        SSMContacts.Stage(
                            durationInMinutes: 5,
                            targets: [
                                SSMContacts.Target(
                                    channelTargetInfo: SSMContacts.ChannelTargetInfo(contactChannelId: contactArn + "/ch", retryIntervalInMinutes: 2)),
                                SSMContacts.Target(contactTargetInfo: SSMContacts.ContactTargetInfo(contactId: contactArn, isEssential: false)),
                            ])
                    ], rotationIds: nil)))
        try Self.expectSameJSON(
            SSMContacts.ListRotationShiftsResult(
                rotationShifts: [
                    SSMContacts.RotationShift(
                        contactIds: [contactArn], startTime: Date(timeIntervalSince1970: 1_798_761_600),
                        endTime: Date(timeIntervalSince1970: 1_798_848_000.5), type: .regular),
                    SSMContacts.RotationShift(
                        contactIds: [], startTime: Date(timeIntervalSince1970: 0), endTime: Date(timeIntervalSince1970: 1), type: .overridden,
                        shiftDetails: SSMContacts.ShiftDetails(overriddenContactIds: [contactArn])),
                ], nextToken: "t/+="))
        let automation = SSMIncidents.SsmAutomation(
            documentName: "AWS-RestartEC2Instance", documentVersion: nil,
            dynamicParameters: ["InstanceId": .variable(.involvedResources), "Incident": .variable(.incidentRecordArn)],
            parameters: ["AutomationAssumeRole": ["arn:aws:iam::111122223333:role/x"], "Empty": []],
            roleArn: "arn:aws:iam::111122223333:role/run", targetAccount: .impactedAccount)
        try Self.expectSameJSON(
            SSMIncidents.GetResponsePlanOutput(
                actions: [.ssmAutomation(automation)], arn: "arn:aws:ssm-incidents::111122223333:response-plan/p",
                chatChannel: .empty(SSMIncidents.EmptyChatChannel()), displayName: nil, engagements: [contactArn],
                incidentTemplate: SSMIncidents.IncidentTemplate(
                    dedupeString: "d", impact: 2, incidentTags: ["team": "db", "tier": "1"], notificationTargets: [], summary: nil,
                    title: "Database down"),
                integrations: nil, name: "p"))
        try Self.expectSameJSON(
            SSMIncidents.GetResponsePlanOutput(
                arn: "a", chatChannel: .chatbotSns(["arn:aws:sns:x"]), incidentTemplate: .init(impact: 1, title: "t"), name: "n"))
        try Self.expectSameJSON(
            Support.DescribeCasesResponse(
                cases: [
                    Support.CaseDetails(
                        caseId: "case-111122223333-2026-0123456789abcdef", displayId: "1000000001", subject: "RDS 장애 \\ \"quoted\"",
                        status: "opened", serviceCode: "amazon-rds", categoryCode: "general-guidance", severityCode: "urgent",
                        submittedBy: "ops@example.com", timeCreated: "2026-12-06T10:15:00.000Z",
                        recentCommunications: Support.RecentCaseCommunications(
                            communications: [
                                Support.Communication(
                                    caseId: "case-1", body: "line 1\nline 2\t東京", submittedBy: "a", timeCreated: "2026-12-06T10:15:00.000Z",
                                    attachmentSet: [Support.AttachmentDetails(attachmentId: "att-1", fileName: "log.txt")])
                            ], nextToken: nil),
                        ccEmailAddresses: ["cc@example.com"], language: "ko")
                ], nextToken: nil))
    }
}
