import AWSProtocol
import ContactsAPI
import Foundation
import HikeshiCore
import HikeshiTestSupport
import SSMContactsModel
import Storage
import Testing

/// The ssm-contacts handler against its store protocol (SQLite in a temporary directory, and PostgreSQL when
/// configured): contacts, plans, dependents and account isolation, without HTTP.
@Suite("ContactsHandler")
struct ContactsHandlerTests {
    static let region = "ap-northeast-1"

    static func context(_ account: String = "111111111111") -> AWSRequestContext {
        AWSRequestContext(accountID: account, region: region, accessKeyID: "AKIATEST", requestID: "r", logger: testLogger)
    }

    static func handler(_ database: any DatabaseClient) -> ContactsHandler {
        ContactsHandler(
            store: SQLFamilyStore.contacts(database), clock: ManualClock(start: Date(timeIntervalSince1970: 1_800_000_000)), logger: testLogger)
    }

    static func person(_ alias: String) -> SSMContacts.CreateContactRequest {
        SSMContacts.CreateContactRequest(alias: alias, displayName: "Person \(alias)", type: .personal, plan: SSMContacts.Plan(stages: []))
    }

    static func escalation(_ alias: String, to target: String) -> SSMContacts.CreateContactRequest {
        let stage = SSMContacts.Stage(
            durationInMinutes: 5,
            targets: [SSMContacts.Target(contactTargetInfo: SSMContacts.ContactTargetInfo(contactId: target, isEssential: true))]
        )
        return SSMContacts.CreateContactRequest(alias: alias, type: .escalation, plan: SSMContacts.Plan(stages: [stage]))
    }

    @Test("a contact is created once, read back, listed and kept in its account", arguments: TestEngine.available)
    func contactLifecycle(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let handler = Self.handler(database)
            let arn = try await handler.createContact(Self.person("akiko"), context: Self.context()).contactArn
            #expect(arn == "arn:aws:ssm-contacts:\(Self.region):111111111111:contact/akiko")
            let got = try await handler.getContact(SSMContacts.GetContactRequest(contactId: arn), context: Self.context())
            #expect(got.alias == "akiko")
            #expect(got.type == .personal)
            #expect(got.displayName == "Person akiko")
            #expect(await awsErrorCode { _ = try await handler.createContact(Self.person("akiko"), context: Self.context()) } == "ConflictException")
            let other = Self.context("222222222222")
            #expect(
                await awsErrorCode { _ = try await handler.getContact(SSMContacts.GetContactRequest(contactId: arn), context: other) }
                    == "ResourceNotFoundException")
            let listed = try await handler.listContacts(SSMContacts.ListContactsRequest(), context: Self.context())
            #expect(listed.contacts?.map(\.alias) == ["akiko"])
            #expect(try await handler.listContacts(SSMContacts.ListContactsRequest(), context: other).contacts?.isEmpty ?? true)
        }
    }

    @Test("an escalation plan needs contacts that exist, and a contact in use cannot be deleted", arguments: TestEngine.available)
    func plansAndDependents(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let handler = Self.handler(database)
            let missing = "arn:aws:ssm-contacts:\(Self.region):111111111111:contact/nobody"
            #expect(
                await awsErrorCode { _ = try await handler.createContact(Self.escalation("lead", to: missing), context: Self.context()) }
                    == "ValidationException")
            let person = try await handler.createContact(Self.person("minsu"), context: Self.context()).contactArn
            let plan = try await handler.createContact(Self.escalation("lead", to: person), context: Self.context()).contactArn
            let got = try await handler.getContact(SSMContacts.GetContactRequest(contactId: plan), context: Self.context())
            #expect(got.type == .escalation)
            #expect(got.plan.stages?.first?.targets.first?.contactTargetInfo?.contactId == person)
            #expect(
                await awsErrorCode {
                    _ = try await handler.deleteContact(SSMContacts.DeleteContactRequest(contactId: person), context: Self.context())
                }
                    == "ConflictException")
            _ = try await handler.deleteContact(SSMContacts.DeleteContactRequest(contactId: plan), context: Self.context())
            _ = try await handler.deleteContact(SSMContacts.DeleteContactRequest(contactId: person), context: Self.context())
            #expect(
                await awsErrorCode { _ = try await handler.getContact(SSMContacts.GetContactRequest(contactId: person), context: Self.context()) }
                    == "ResourceNotFoundException")
        }
    }

    @Test("a stored rotation the shift engine cannot work out is the caller's ValidationException, not a 500", arguments: TestEngine.available)
    func unworkableRotation(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let handler = Self.handler(database)
            let person = try await handler.createContact(Self.person("akiko"), context: Self.context()).contactArn
            let arn = "arn:aws:ssm-contacts:\(Self.region):111111111111:rotation/mars"
            // A zone this host's tzdata does not know (as after a tzdata change): written straight to the store.
            let definition = RotationDefinition(
                members: [person], start: Date(timeIntervalSince1970: 1_790_000_000), timeZoneID: "Mars/Olympus_Mons",
                recurrence: RotationRecurrence(pattern: .daily([HandOffTime(hour: 9, minute: 0)])))
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            try await SQLFamilyStore.contacts(database).write(logger: testLogger) { tx in
                try await tx.rotations.insert(
                    Rotation(
                        arn: arn, accountID: "111111111111", region: Self.region, name: "mars", definition: definition, createdAt: now,
                        updatedAt: now))
            }
            let request = SSMContacts.ListRotationShiftsRequest(rotationId: arn, startTime: now, endTime: now.addingTimeInterval(86_400))
            #expect(await awsErrorCode { _ = try await handler.listRotationShifts(request, context: Self.context()) } == "ValidationException")
        }
    }
}
