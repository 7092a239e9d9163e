import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import SSMContactsModel
import Testing

@Suite("Generated shapes (ssm-contacts)")
struct GeneratedShapeTests {
    private static let contactChannelARN = "arn:aws:ssm-contacts:us-east-1:111122223333:contact-channel/alice/0123"

    /// A valid `CreateContact` body; `alias`, `type`, `duration` and `retry` are spliced in as JSON.
    private static func createContactJSON(
        alias: String? = #""alice""#,
        type: String? = #""PERSONAL""#,
        duration: String = "5",
        retry: String = "10"
    ) -> String {
        var members: [String] = []
        if let alias { members.append(#""Alias": \#(alias)"#) }
        if let type { members.append(#""Type": \#(type)"#) }
        members.append(#""DisplayName": "Alice Liddell""#)
        members.append(
            #"""
            "Plan": {"Stages": [{"DurationInMinutes": \#(duration), "Targets": [
                {"ChannelTargetInfo": {"ContactChannelId": "\#(contactChannelARN)", "RetryIntervalInMinutes": \#(retry)}}
            ]}]}
            """#
        )
        members.append(#""Tags": [{"Key": "team", "Value": "ops"}]"#)
        return "{" + members.joined(separator: ", ") + "}"
    }

    private static func decode(_ json: String) throws -> SSMContacts.CreateContactRequest {
        try AWSInput(body: Data(json.utf8)).decode(SSMContacts.CreateContactRequest.self)
    }

    /// The violations of a body that must fail validation.
    private static func violations(_ json: String) throws -> [AWSViolation] {
        let error = try #require(throws: AWSValidationError.self) { try decode(json) }
        #expect(error.awsError.code == "ValidationException")
        return error.violations
    }

    @Test func tooLongAliasIsAValidationError() throws {
        let alias = String(repeating: "a", count: 256)
        let violations = try Self.violations(Self.createContactJSON(alias: "\"\(alias)\""))
        #expect(violations.count == 1)
        let violation = try #require(violations.first)
        #expect(violation.path.description == "Alias")
        #expect(violation.constraint == "Member must have length less than or equal to 255")
    }

    @Test func aliasPatternIsChecked() throws {
        let violations = try Self.violations(Self.createContactJSON(alias: #""Not Valid""#))
        #expect(violations.map(\.path.description) == ["Alias"])
        #expect(violations.first?.constraint.hasPrefix("Member must satisfy regular expression pattern: ") == true)
    }

    @Test func missingRequiredMemberIsAValidationError() throws {
        let violations = try Self.violations(Self.createContactJSON(type: nil))
        #expect(violations == [AWSViolation(path: AWSFieldPath().appending("Type"), value: nil, constraint: "Member must not be null")])
    }

    @Test func nullRequiredMemberIsAValidationError() throws {
        let violations = try Self.violations(Self.createContactJSON(alias: "null"))
        #expect(violations.map(\.path.description) == ["Alias"])
        #expect(violations.first?.constraint == "Member must not be null")
    }

    @Test func unknownEnumValueListsTheEnumSet() throws {
        let violations = try Self.violations(Self.createContactJSON(type: #""ROBOT""#))
        let violation = try #require(violations.first)
        #expect(violations.count == 1)
        #expect(violation.path.description == "Type")
        #expect(violation.value == "ROBOT")
        #expect(violation.constraint == "Member must satisfy enum value set: [PERSONAL, ESCALATION, ONCALL_SCHEDULE]")
    }

    @Test func wrongTypedMemberIsASerializationError() throws {
        let error = try #require(throws: AWSError.self) { try Self.decode(Self.createContactJSON(alias: "42")) }
        #expect(error.code == "SerializationException")
        #expect(error.status == 400)
    }

    @Test func malformedJSONIsASerializationError() throws {
        let error = try #require(throws: AWSError.self) { try Self.decode("{\"Alias\": ") }
        #expect(error.code == "SerializationException")
    }

    @Test func nestedViolationsCarryTheirPath() throws {
        let violations = try Self.violations(Self.createContactJSON(duration: "31", retry: "61"))
        #expect(
            violations.map(\.path.description) == [
                "Plan.Stages[0].DurationInMinutes",
                "Plan.Stages[0].Targets[0].ChannelTargetInfo.RetryIntervalInMinutes",
            ]
        )
        #expect(violations.first?.constraint == "Member must have value less than or equal to 30")
        #expect(violations.first?.value == "31")
    }

    @Test func allViolationsAreReportedTogether() throws {
        let alias = String(repeating: "a", count: 300)
        let violations = try Self.violations(Self.createContactJSON(alias: "\"\(alias)\"", duration: "-1"))
        #expect(violations.map(\.path.description) == ["Alias", "Plan.Stages[0].DurationInMinutes"])
        let message = AWSValidationError(violations: violations).message
        #expect(message.hasPrefix("2 validation errors detected: "))
    }

    @Test func mapKeysAreCheckedAgainstTheirEnum() throws {
        let json = #"{"NumberOfOnCalls": 1, "RecurrenceMultiplier": 1, "ShiftCoverages": {"MON": [], "FUNDAY": []}}"#
        let error = try #require(throws: AWSValidationError.self) {
            try AWSInput(body: Data(json.utf8)).decode(SSMContacts.RecurrenceSettings.self)
        }
        #expect(error.violations.map(\.path.description) == [#"ShiftCoverages["FUNDAY"]"#])
        #expect(error.violations.first?.constraint.hasPrefix("Member must satisfy enum value set: [MON, ") == true)
    }

    @Test func validRequestRoundTrips() throws {
        let request = try Self.decode(Self.createContactJSON())
        #expect(request.alias == "alice")
        #expect(request.type == .personal)
        #expect(request.displayName == "Alice Liddell")
        #expect(request.plan.stages?.first?.durationInMinutes == 5)
        #expect(request.plan.stages?.first?.targets.first?.channelTargetInfo?.contactChannelId == Self.contactChannelARN)
        #expect(request.tags == [SSMContacts.Tag(key: "team", value: "ops")])
        #expect(request.idempotencyToken == nil)

        let encoded = try AWSJSONCoding.encoder.encode(request)
        let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["Type"] as? String == "PERSONAL")
        #expect(object["IdempotencyToken"] == nil)
        #expect(try Self.decode(String(decoding: encoded, as: UTF8.self)) == request)
    }

    /// Request bodies are read by the project's JSON reader when it can answer exactly as the decoder; this checks
    /// that it does answer the common bodies, that its answers are the decoder's, and what it leaves to the decoder.
    @Test func theFastReaderAgreesWithTheDecoder() throws {
        /// `nil` when the reader leaves the body to the decoder; otherwise whether both read the same value.
        func agrees<Shape: AWSShape & Equatable>(_ type: Shape.Type, _ json: String) -> Bool? {
            guard let fast = try? JSONNodeDecoder.decode(type, from: json, options: .ownDateStrategy) else { return nil }
            return fast == (try? AWSJSONCoding.decoder.decode(type, from: Data(json.utf8)))
        }
        // Answered, and alike: nested structures, lists, enums, numbers, null, escapes, non-ASCII text.
        let escaped = Self.createContactJSON(alias: #""al\u0069ce""#)
            .replacingOccurrences(of: "Alice Liddell", with: #"鈴木 \"一郎\" 🚒\n"#)
        let recurrence = """
            {"NumberOfOnCalls": 2, "RecurrenceMultiplier": 1, "DailySettings": [{"HourOfDay": 9, "MinuteOfHour": 30}],
             "ShiftCoverages": {"MON": [{"Start": {"HourOfDay": 9, "MinuteOfHour": 0}, "End": {"HourOfDay": 17, "MinuteOfHour": 0}}]}}
            """
        #expect(agrees(SSMContacts.CreateContactRequest.self, Self.createContactJSON()) == true)
        #expect(agrees(SSMContacts.CreateContactRequest.self, escaped) == true)
        #expect(agrees(SSMContacts.GetContactRequest.self, #"{"ContactId": "arn:aws:ssm-contacts:us-east-1:111122223333:contact/a"}"#) == true)
        #expect(agrees(SSMContacts.ListContactsRequest.self, #"{"MaxResults": 10, "Type": "ESCALATION", "NextToken": null}"#) == true)
        #expect(agrees(SSMContacts.RecurrenceSettings.self, recurrence) == true)
        // Left to the decoder: a timestamp (its strategy is the decoder's own), a repeated key, an integer written
        // `10.0`, and any error (the reader tracks no coding path): AWSInput then reports the decoder's answer.
        let shifts =
            #"{"RotationId": "arn:aws:ssm-contacts:us-east-1:111122223333:rotation/r", "StartTime": 1800000000, "EndTime": "2027-01-20T00:00:00Z"}"#
        #expect(agrees(SSMContacts.ListRotationShiftsRequest.self, shifts) == nil)
        #expect(try AWSInput(body: Data(shifts.utf8)).decode(SSMContacts.ListRotationShiftsRequest.self).startTime != nil)
        #expect(agrees(SSMContacts.ListContactsRequest.self, #"{"MaxResults": 10, "MaxResults": 20}"#) == nil)
        #expect(agrees(SSMContacts.ListContactsRequest.self, #"{"MaxResults": 10.0}"#) == nil)
        #expect(agrees(SSMContacts.ListContactsRequest.self, #"{"Type": "ROBOT"}"#) == nil)
        // A body that is not UTF-8 is the decoder's to refuse (a SerializationException), never stored repaired.
        let notUTF8 = Data(#"{"ContactId": "arn:aws:ssm-contacts:us-east-1:111122223333:contact/a"#.utf8) + [0xC3, 0x28] + Data(#""}"#.utf8)
        #expect(throws: JSONNodeDecoder.Unsupported.self) {
            try notUTF8.withUnsafeBytes { raw in
                try JSONNodeDecoder.decode(SSMContacts.GetContactRequest.self, from: raw.bindMemory(to: UInt8.self), options: .ownDateStrategy)
            }
        }
        let error = try #require(throws: AWSError.self) { try AWSInput(body: notUTF8).decode(SSMContacts.GetContactRequest.self) }
        #expect(error.code == "SerializationException")
    }

    @Test func memberwiseInitializerBuildsAnEqualValue() throws {
        let built = SSMContacts.CreateContactRequest(
            alias: "alice",
            displayName: "Alice Liddell",
            type: .personal,
            plan: SSMContacts.Plan(stages: [
                SSMContacts.Stage(
                    durationInMinutes: 5,
                    targets: [
                        SSMContacts.Target(
                            channelTargetInfo: SSMContacts.ChannelTargetInfo(contactChannelId: Self.contactChannelARN, retryIntervalInMinutes: 10)
                        )
                    ]
                )
            ]),
            tags: [SSMContacts.Tag(key: "team", value: "ops")]
        )
        #expect(try Self.decode(Self.createContactJSON()) == built)
        #expect(throws: Never.self) { try built.validated() }
    }

    @Test func operationTableListsErrors() throws {
        let model = SSMContacts.model
        #expect(model.endpointPrefix == "ssm-contacts")
        #expect(model.signingName == "ssm-contacts")
        #expect(model.apiVersion == "2021-05-03")
        #expect(model.wireProtocol == .json(targetPrefix: "SSMContacts"))
        #expect(model.operations.count == 39)
        let operation = try #require(model.operations["CreateContact"])
        #expect(operation.method == "POST")
        #expect(operation.requestURI == "/")
        #expect(operation.successStatus == 200)
        #expect(operation.bindings.isEmpty)
        #expect(
            Set(operation.errors) == [
                "AccessDeniedException", "ConflictException", "InternalServerException", "ServiceQuotaExceededException",
                "ThrottlingException", "ValidationException", "DataEncryptionException",
            ]
        )
        for name in model.operations.values.flatMap(\.errors) {
            #expect(model.errors[name] != nil, "error \(name) has no model")
        }
    }

    @Test func errorShapesHaveStatuses() throws {
        let errors = SSMContacts.model.errors
        #expect(
            errors["InternalServerException"]
                == AWSErrorModel(code: "InternalServerException", status: 500, senderFault: false, members: ["RetryAfterSeconds"]))
        #expect(
            errors["ResourceNotFoundException"]
                == AWSErrorModel(code: "ResourceNotFoundException", status: 400, senderFault: true, members: ["ResourceId", "ResourceType"]))
        // The members keep the model's spelling, which differs between services.
        #expect(errors["ConflictException"]?.member(named: "resourcetype") == "ResourceType")
        #expect(errors["ValidationException"]?.status == 400)
        // Exception shapes are generated too, for building error fields.
        let notFound = SSMContacts.ResourceNotFoundException(message: "gone", resourceId: "x", resourceType: "CONTACT")
        let encoded = try AWSJSONCoding.encoder.encode(notFound)
        #expect(try AWSJSONCoding.decoder.decode(SSMContacts.ResourceNotFoundException.self, from: encoded) == notFound)
    }

    @Test func enumCasesMapToWireValues() {
        #expect(SSMContacts.ContactType.oncallSchedule.rawValue == "ONCALL_SCHEDULE")
        #expect(SSMContacts.ContactType.allCases.count == 3)
    }

    private struct Handler: SSMContactsAPI {
        func getContact(_ input: SSMContacts.GetContactRequest, context: AWSRequestContext) async throws -> SSMContacts.GetContactResult {
            SSMContacts.GetContactResult(
                contactArn: input.contactId,
                alias: "alice",
                type: .personal,
                plan: SSMContacts.Plan(stages: [])
            )
        }
    }

    private static let context = AWSRequestContext(
        accountID: "111122223333",
        region: "us-east-1",
        accessKeyID: "AKIDEXAMPLE",
        requestID: "request-1",
        logger: Logger(label: "test")
    )

    @Test func serviceRoutesOperations() async throws {
        let service = SSMContactsService(handler: Handler())
        let contactID = "arn:aws:ssm-contacts:us-east-1:111122223333:contact/alice"
        let input = AWSInput(body: Data(#"{"ContactId": "\#(contactID)"}"#.utf8))
        let output = try await service.handle(operation: "GetContact", input: input, context: Self.context)
        #expect((output as? SSMContacts.GetContactResult)?.contactArn == contactID)

        let invalid = AWSInput(body: Data(#"{}"#.utf8))
        await #expect(throws: AWSValidationError.self) {
            try await service.handle(operation: "GetContact", input: invalid, context: Self.context)
        }

        let notImplemented = await #expect(throws: AWSError.self) {
            try await service.handle(operation: "DeleteContact", input: input, context: Self.context)
        }
        #expect(notImplemented?.code == "UnknownOperationException")
        #expect(notImplemented?.message.contains("DeleteContact") == true)

        let unknown = await #expect(throws: AWSError.self) {
            try await service.handle(operation: "Frobnicate", input: input, context: Self.context)
        }
        #expect(unknown == AWSError.unknownOperation("Frobnicate"))
    }
}

/// A union written the way Tools/shapegen writes them (ssm-contacts has none), to check the runtime helper.
private enum ExampleUnion: AWSShape, Equatable {
    case text(String)
    case number(Int)

    private enum CodingKeys: String, CodingKey {
        case text = "Text"
        case number = "Number"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.awsUnionMember() {
        case .text:
            self = .text(try container.decode(String.self, forKey: .text))
        case .number:
            self = .number(try container.decode(Int.self, forKey: .number))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let value):
            try container.encode(value, forKey: .text)
        case .number(let value):
            try container.encode(value, forKey: .number)
        }
    }
}

private struct UnionHolder: AWSShape, Equatable {
    var choice: ExampleUnion

    private enum CodingKeys: String, CodingKey {
        case choice = "Choice"
    }
}

extension GeneratedShapeTests {
    @Suite("Generated unions")
    struct Unions {
        private static func decode(_ json: String) throws -> UnionHolder {
            try AWSInput(body: Data(json.utf8)).decode(UnionHolder.self)
        }

        @Test func exactlyOneMemberDecodes() throws {
            #expect(try Self.decode(#"{"Choice": {"Number": 3, "Text": null, "Other": 1}}"#).choice == .number(3))
            let encoded = try AWSJSONCoding.encoder.encode(UnionHolder(choice: .text("x")))
            #expect(String(decoding: encoded, as: UTF8.self) == #"{"Choice":{"Text":"x"}}"#)
        }

        @Test(arguments: [#"{"Choice": {}}"#, #"{"Choice": {"Number": 3, "Text": "x"}}"#])
        func noneOrSeveralMembersIsAValidationError(json: String) throws {
            let error = try #require(throws: AWSValidationError.self) { try Self.decode(json) }
            #expect(error.violations.map(\.path.description) == ["Choice"])
            #expect(error.violations.first?.constraint == "Union must have exactly one member set")
        }
    }
}
