import AWSProtocol
import ContactsAPI
import Foundation
import HikeshiCore
import HikeshiTestSupport
import SSMContactsModel
import Storage
import Testing

/// `importContact` and `importRotation` (what `hikeshi migrate` writes) against the store (SQLite, and PostgreSQL
/// when configured): created, unchanged, updated and skipped; references rewritten through the mappings; nothing
/// written when a reference is missing; channels activated only when trusted.
@Suite("ContactsImport")
struct ContactsImportTests {
    static let account = "111111111111"
    static let region = "ap-northeast-1"
    static let sourcePrefix = "arn:aws:ssm-contacts:us-east-1:999999999999:"
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// A handler, its clock and its store over a test database.
    struct Fixture {
        let handler: ContactsHandler
        let clock: ManualClock
        let store: any ContactsStore

        init(_ database: any DatabaseClient) {
            clock = ManualClock(start: ContactsImportTests.start)
            store = SQLFamilyStore.contacts(database)
            handler = ContactsHandler(store: store, clock: clock, logger: testLogger)
        }

        var context: AWSRequestContext {
            AWSRequestContext(accountID: account, region: region, accessKeyID: "AKIATEST", requestID: "r", logger: testLogger)
        }

        func contact(_ arn: String) async throws -> Contact? {
            try await store.read(logger: testLogger) { try await $0.contacts.contact(arn: arn, accountID: account) }
        }

        func mappings() async throws -> [MigrationMapping] {
            try await store.read(logger: testLogger) { try await $0.migrations.list(accountID: account) }
        }

        func channels(of contactArn: String) async throws -> [ContactChannel] {
            try await store.read(logger: testLogger) {
                try await $0.channels.list(contactArn: contactArn, accountID: account, after: nil, limit: 100).items
            }
        }

        func overrides(of rotationArn: String) async throws -> [RotationOverrideSpec] {
            try await store.read(logger: testLogger) {
                try await $0.rotations.overrides(rotationArn: rotationArn, accountID: account, from: .distantPast, to: .distantFuture)
            }
        }

        func importContact(_ item: ContactImport, _ fingerprint: String, trust: Bool = false) async throws -> MigrationItemResult {
            try await handler.importContact(item, fingerprint: fingerprint, trustChannels: trust, context: context)
        }
    }

    static func source(_ resource: String) -> String { sourcePrefix + resource }
    static func target(_ resource: String) -> String { "arn:aws:ssm-contacts:\(region):\(account):\(resource)" }

    static func channel(_ alias: String, _ id: String, _ type: SSMContacts.ChannelType, _ address: String, activated: Bool = true)
        -> SSMContacts.ContactChannel
    {
        SSMContacts.ContactChannel(
            contactChannelArn: source("contact-channel/\(alias)/\(id)"), contactArn: source("contact/\(alias)"), name: "\(alias) \(id)", type: type,
            deliveryAddress: SSMContacts.ContactChannelAddress(simpleAddress: address), activationStatus: activated ? .activated : .notActivated)
    }

    static func stage(channels: [String] = [], contacts: [String] = []) -> SSMContacts.Stage {
        SSMContacts.Stage(
            durationInMinutes: 5,
            targets: channels.map {
                SSMContacts.Target(channelTargetInfo: SSMContacts.ChannelTargetInfo(contactChannelId: $0, retryIntervalInMinutes: 1))
            }
                + contacts.map { SSMContacts.Target(contactTargetInfo: SSMContacts.ContactTargetInfo(contactId: $0, isEssential: true)) })
    }

    /// A person at the source whose plan pages each of its channels in turn.
    static func person(
        _ alias: String, channels: [SSMContacts.ContactChannel], name: String? = nil, tags: [SSMContacts.Tag] = [], policy: String? = nil
    )
        -> ContactImport
    {
        ContactImport(
            contact: SSMContacts.GetContactResult(
                contactArn: source("contact/\(alias)"), alias: alias, displayName: name ?? "Person \(alias)", type: .personal,
                plan: SSMContacts.Plan(stages: channels.map { stage(channels: [$0.contactChannelArn]) })),
            channels: channels, tags: tags, policy: policy)
    }

    static func escalation(_ alias: String, to targets: [String]) -> ContactImport {
        ContactImport(
            contact: SSMContacts.GetContactResult(
                contactArn: source("contact/\(alias)"), alias: alias, type: .escalation, plan: SSMContacts.Plan(stages: [stage(contacts: targets)])))
    }

    static func rotation(_ name: String, members: [String], overrides: [SSMContacts.RotationOverride] = []) -> RotationImport {
        RotationImport(
            rotation: SSMContacts.GetRotationResult(
                rotationArn: source("rotation/\(name)"), name: name, contactIds: members, startTime: start.addingTimeInterval(-86_400 * 30),
                timeZoneId: "Asia/Tokyo",
                recurrence: SSMContacts.RecurrenceSettings(
                    dailySettings: [SSMContacts.HandOffTime(hourOfDay: 9, minuteOfHour: 0)], numberOfOnCalls: 1, recurrenceMultiplier: 1)),
            overrides: overrides, tags: [SSMContacts.Tag(key: "team", value: "sre")])
    }

    static func override(_ id: String, members: [String], from: TimeInterval, to: TimeInterval) -> SSMContacts.RotationOverride {
        SSMContacts.RotationOverride(
            rotationOverrideId: id, newContactIds: members, startTime: start.addingTimeInterval(from), endTime: start.addingTimeInterval(to),
            createTime: start.addingTimeInterval(-3_600))
    }

    @Test("a person is created with its channels, left alone on the same fingerprint and updated when it changed", arguments: TestEngine.available)
    func personLifecycle(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let fixture = Fixture(database)
            let email = Self.channel("akiko", "e1", .email, "akiko@example.com")
            let sms = Self.channel("akiko", "s1", .sms, "+81312345678")
            let item = Self.person(
                "akiko", channels: [email, sms], tags: [SSMContacts.Tag(key: "team", value: "sre")], policy: #"{"Version":"2012-10-17"}"#)
            let created = try await fixture.importContact(item, "v1")
            let arn = Self.target("contact/akiko")
            #expect(created.outcome == .created)
            #expect(created.targetArn == arn)
            #expect(created.warnings.isEmpty)
            #expect(created.channelsToActivate.map(\.name) == ["akiko e1", "akiko s1"])
            #expect(created.channelsToActivate.map(\.address) == ["akiko@example.com", "+81312345678"])
            #expect(created.channelsToActivate.allSatisfy { $0.contactArn == arn && $0.channelArn.hasPrefix(Self.target("contact-channel/akiko/")) })

            let channels = try await fixture.channels(of: arn)
            #expect(Set(channels.map(\.arn)) == Set(created.channelsToActivate.map(\.channelArn)))
            // Created as with DeferActivation: no code issued, so none is sent.
            #expect(channels.allSatisfy { !$0.isActivated && $0.activationCode == nil && $0.activationSentAt == nil })
            let got = try await fixture.handler.getContact(SSMContacts.GetContactRequest(contactId: arn), context: fixture.context)
            #expect(
                got.plan.stages?.compactMap { $0.targets.first?.channelTargetInfo?.contactChannelId } == created.channelsToActivate.map(\.channelArn))
            let tags = try await fixture.handler.listTagsForResource(
                SSMContacts.ListTagsForResourceRequest(resourceARN: arn), context: fixture.context)
            #expect(tags.tags == [SSMContacts.Tag(key: "team", value: "sre")])
            let policy = try await fixture.handler.getContactPolicy(SSMContacts.GetContactPolicyRequest(contactArn: arn), context: fixture.context)
            #expect(policy.policy == #"{"Version":"2012-10-17"}"#)
            let mappings = try await fixture.mappings()
            #expect(mappings.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.contact, .contactChannel, .contactChannel])
            let emailArn = try #require(channels.first { $0.type == .email }?.arn)
            #expect(mappings.first { $0.sourceArn == email.contactChannelArn }?.targetArn == emailArn)
            #expect(mappings.allSatisfy { $0.fingerprint == "v1" && $0.migratedAt == Self.start })

            fixture.clock.advance(by: 60)
            let again = try await fixture.importContact(item, "v1")
            #expect(again.outcome == .unchanged)
            #expect(again.targetArn == arn)
            #expect(again.channelsToActivate == created.channelsToActivate)
            #expect(try await fixture.contact(arn)?.updatedAt == Self.start)
            #expect(try await fixture.mappings() == mappings)

            // Changed at the source: the e-mail channel renamed, the SMS channel gone, a voice channel added, no policy.
            // A channel added here by hand stays.
            let own = try await fixture.handler.createContactChannel(
                SSMContacts.CreateContactChannelRequest(
                    contactId: arn, name: "desk", type: .email, deliveryAddress: SSMContacts.ContactChannelAddress(simpleAddress: "desk@example.com"),
                    deferActivation: true), context: fixture.context
            ).contactChannelArn
            fixture.clock.advance(by: 60)
            var renamed = email
            renamed.name = "work mail"
            let voice = Self.channel("akiko", "v1", .voice, "+81312340000")
            let changed = Self.person("akiko", channels: [renamed, voice], name: "Akiko S.")
            let updated = try await fixture.importContact(changed, "v2")
            #expect(updated.outcome == .updated)
            #expect(updated.channelsToActivate.map(\.name) == ["work mail", "akiko v1"])
            let after = try await fixture.channels(of: arn)
            #expect(after.map(\.arn).contains(emailArn))
            #expect(after.first { $0.arn == emailArn }?.name == "work mail")
            #expect(!after.contains { $0.address == "+81312345678" })
            #expect(after.map(\.address).sorted() == ["+81312340000", "akiko@example.com", "desk@example.com"])
            #expect(after.contains { $0.arn == own })
            let voiceArn = try #require(after.first { $0.type == .voice }?.arn)
            let record = try #require(try await fixture.contact(arn))
            #expect(record.displayName == "Akiko S.")
            #expect(record.plan.channelArns == [emailArn, voiceArn])
            #expect(record.updatedAt == Self.start.addingTimeInterval(120))
            let policyAfter = try await fixture.handler.getContactPolicy(
                SSMContacts.GetContactPolicyRequest(contactArn: arn), context: fixture.context)
            #expect(policyAfter.policy == nil)
            let tagsAfter = try await fixture.handler.listTagsForResource(
                SSMContacts.ListTagsForResourceRequest(resourceARN: arn), context: fixture.context)
            #expect(tagsAfter.tags?.isEmpty ?? true)
            let mappingsAfter = try await fixture.mappings()
            #expect(
                mappingsAfter.map(\.sourceArn).sorted()
                    == [renamed.contactChannelArn, voice.contactChannelArn, Self.source("contact/akiko")].sorted())
            #expect(mappingsAfter.allSatisfy { $0.fingerprint == "v2" })
        }
    }

    @Test("an escalation plan's targets and a schedule's rotations are rewritten to the migrated ARNs", arguments: TestEngine.available)
    func referencesRewritten(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let fixture = Fixture(database)
            for alias in ["akiko", "minsu"] {
                _ = try await fixture.importContact(Self.person(alias, channels: [Self.channel(alias, "e", .email, "\(alias)@example.com")]), "v1")
            }
            _ = try await fixture.handler.importRotation(
                Self.rotation("primary", members: [Self.source("contact/akiko"), Self.source("contact/minsu")]), fingerprint: "r1",
                context: fixture.context)
            let schedule = ContactImport(
                contact: SSMContacts.GetContactResult(
                    contactArn: Self.source("contact/oncall"), alias: "oncall", type: .oncallSchedule,
                    plan: SSMContacts.Plan(rotationIds: [Self.source("rotation/primary")])))
            let scheduled = try await fixture.importContact(schedule, "s1")
            #expect(scheduled.outcome == .created)
            #expect(try await fixture.contact(Self.target("contact/oncall"))?.plan.rotationArns == [Self.target("rotation/primary")])

            let plan = Self.escalation("lead", to: [Self.source("contact/akiko"), Self.source("contact/oncall")])
            let result = try await fixture.importContact(plan, "p1")
            #expect(result.outcome == .created)
            #expect(result.warnings.isEmpty)
            #expect(result.channelsToActivate.isEmpty)
            let got = try await fixture.handler.getContact(SSMContacts.GetContactRequest(contactId: result.targetArn), context: fixture.context)
            #expect(got.type == .escalation)
            #expect(
                got.plan.stages?.first?.targets.compactMap { $0.contactTargetInfo?.contactId } == [
                    Self.target("contact/akiko"), Self.target("contact/oncall"),
                ])
            let kinds = try await fixture.mappings().reduce(into: [String: MigrationKind]()) { $0[$1.sourceArn] = $1.kind }
            #expect(kinds[Self.source("contact/lead")] == .escalationPlan)
            #expect(kinds[Self.source("contact/oncall")] == .onCallSchedule)
            #expect(kinds[Self.source("rotation/primary")] == .rotation)
        }
    }

    @Test("a reference to something not migrated fails the import and writes nothing", arguments: TestEngine.available)
    func missingReference(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let fixture = Fixture(database)
            _ = try await fixture.importContact(Self.person("akiko", channels: [Self.channel("akiko", "e", .email, "akiko@example.com")]), "v1")
            let before = try await fixture.mappings()
            let plan = Self.escalation("lead", to: [Self.source("contact/akiko"), Self.source("contact/nobody")])
            let error = await #expect(throws: ContactsError.self) { _ = try await fixture.importContact(plan, "p1") }
            #expect(error?.awsError.code == "ValidationException")
            #expect(error?.awsError.message.contains(Self.source("contact/nobody")) == true)
            #expect(try await fixture.contact(Self.target("contact/lead")) == nil)
            #expect(try await fixture.mappings() == before)

            // A person whose plan pages a channel that is not among its channels: neither the person nor its channels.
            var person = Self.person("minsu", channels: [Self.channel("minsu", "e", .email, "minsu@example.com")])
            person.contact.plan = SSMContacts.Plan(stages: [Self.stage(channels: [Self.source("contact-channel/minsu/gone")])])
            #expect(await awsErrorCode { _ = try await fixture.importContact(person, "m1") } == "ValidationException")
            #expect(try await fixture.contact(Self.target("contact/minsu")) == nil)
            #expect(try await fixture.channels(of: Self.target("contact/minsu")).isEmpty)
            #expect(try await fixture.mappings() == before)

            // A rotation with a member that was not migrated.
            let rotation = Self.rotation("primary", members: [Self.source("contact/akiko"), Self.source("contact/nobody")])
            #expect(
                await awsErrorCode { _ = try await fixture.handler.importRotation(rotation, fingerprint: "r1", context: fixture.context) }
                    == "ValidationException")
            #expect(
                await awsErrorCode {
                    _ = try await fixture.handler.getRotation(
                        SSMContacts.GetRotationRequest(rotationId: Self.target("rotation/primary")), context: fixture.context)
                } == "ResourceNotFoundException")
            #expect(try await fixture.mappings() == before)
        }
    }

    @Test("channels are activated only when trusted and activated at the source", arguments: TestEngine.available)
    func trustedChannels(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let fixture = Fixture(database)
            let active = Self.channel("akiko", "e", .email, "akiko@example.com", activated: true)
            let inactive = Self.channel("akiko", "s", .sms, "+81312345678", activated: false)
            let trusted = try await fixture.importContact(Self.person("akiko", channels: [active, inactive]), "v1", trust: true)
            #expect(trusted.channelsToActivate.map(\.address) == ["+81312345678"])
            let channels = try await fixture.channels(of: trusted.targetArn)
            #expect(channels.filter(\.isActivated).map(\.address) == ["akiko@example.com"])
            #expect(channels.count == 2)
            #expect(channels.allSatisfy { $0.activationCode == nil })

            let untrusted = try await fixture.importContact(
                Self.person("minsu", channels: [Self.channel("minsu", "e", .email, "minsu@example.com", activated: true)]), "v1", trust: false)
            #expect(untrusted.channelsToActivate.map(\.type) == [.email])
            #expect(try await fixture.channels(of: untrusted.targetArn).map(\.isActivated) == [false])

            // Re-run unchanged: whoever must still activate is told again; a person with no channels is warned about.
            let again = try await fixture.importContact(Self.person("akiko", channels: [active, inactive]), "v1", trust: true)
            #expect(again.outcome == .unchanged)
            #expect(again.channelsToActivate == trusted.channelsToActivate)
            let lonely = try await fixture.importContact(Self.person("jun", channels: []), "v1")
            #expect(lonely.warnings == ["contact jun has no channels: nobody will be paged through it"])
        }
    }

    @Test("an alias or name already here that was not migrated is skipped and left as it is", arguments: TestEngine.available)
    func existingSkipped(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let fixture = Fixture(database)
            let arn = try await fixture.handler.createContact(
                SSMContacts.CreateContactRequest(alias: "akiko", displayName: "Ours", type: .personal, plan: SSMContacts.Plan(stages: [])),
                context: fixture.context
            ).contactArn
            let result = try await fixture.importContact(
                Self.person("akiko", channels: [Self.channel("akiko", "e", .email, "akiko@example.com")]), "v1")
            #expect(result.outcome == .skipped)
            #expect(
                result.warnings == ["a contact with alias akiko already exists here and was not migrated; rename or delete it, then migrate again"])
            #expect(try await fixture.contact(arn)?.displayName == "Ours")
            #expect(try await fixture.channels(of: arn).isEmpty)
            #expect(try await fixture.mappings().isEmpty)

            _ = try await fixture.handler.createRotation(
                SSMContacts.CreateRotationRequest(
                    name: "primary", contactIds: [arn], timeZoneId: "Asia/Tokyo",
                    recurrence: SSMContacts.RecurrenceSettings(
                        dailySettings: [SSMContacts.HandOffTime(hourOfDay: 9, minuteOfHour: 0)], numberOfOnCalls: 1, recurrenceMultiplier: 1)),
                context: fixture.context)
            let rotation = try await fixture.handler.importRotation(
                Self.rotation("primary", members: [Self.source("contact/akiko")]), fingerprint: "r1", context: fixture.context)
            #expect(rotation.outcome == .skipped)
            #expect(rotation.warnings.first?.hasPrefix("a rotation named primary already exists here and was not migrated") == true)
            #expect(try await fixture.mappings().isEmpty)

            // The same alias from another source than the one it was migrated from is skipped too, and says where it came from.
            let first = try await fixture.importContact(
                Self.person("minsu", channels: [Self.channel("minsu", "e", .email, "minsu@example.com")]), "v1")
            var other = Self.person("minsu", channels: [])
            other.contact.contactArn = "arn:aws:ssm-contacts:eu-west-1:888888888888:contact/minsu"
            let clash = try await fixture.importContact(other, "v1")
            #expect(clash.outcome == .skipped)
            #expect(clash.targetArn == first.targetArn)
            #expect(clash.warnings.first?.contains("migrated from \(Self.source("contact/minsu"))") == true)
        }
    }

    @Test("a contact deleted here after it was migrated is created again", arguments: TestEngine.available)
    func deletedTargetRecreated(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let fixture = Fixture(database)
            let item = Self.person("akiko", channels: [Self.channel("akiko", "e", .email, "akiko@example.com")])
            let first = try await fixture.importContact(item, "v1")
            _ = try await fixture.handler.deleteContact(SSMContacts.DeleteContactRequest(contactId: first.targetArn), context: fixture.context)
            let second = try await fixture.importContact(item, "v1")
            #expect(second.outcome == .created)
            #expect(try await fixture.channels(of: second.targetArn).count == 1)
            #expect(second.channelsToActivate.count == 1)
        }
    }

    @Test("a rotation comes with its future overrides; overrides gone at the source are deleted here", arguments: TestEngine.available)
    func rotationWithOverrides(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let fixture = Fixture(database)
            for alias in ["akiko", "minsu"] {
                _ = try await fixture.importContact(Self.person(alias, channels: [Self.channel(alias, "e", .email, "\(alias)@example.com")]), "v1")
            }
            let akiko = Self.source("contact/akiko")
            let minsu = Self.source("contact/minsu")
            let past = Self.override("past", members: [minsu], from: -7_200, to: -3_600)
            let soon = Self.override("soon", members: [minsu], from: 3_600, to: 7_200)
            let later = Self.override("later", members: [akiko], from: 86_400, to: 90_000)
            let item = Self.rotation("primary", members: [akiko, minsu], overrides: [past, soon, later])
            let created = try await fixture.handler.importRotation(item, fingerprint: "r1", context: fixture.context)
            let arn = Self.target("rotation/primary")
            #expect(created.outcome == .created)
            #expect(created.targetArn == arn)
            let got = try await fixture.handler.getRotation(SSMContacts.GetRotationRequest(rotationId: arn), context: fixture.context)
            #expect(got.contactIds == [Self.target("contact/akiko"), Self.target("contact/minsu")])
            #expect(got.timeZoneId == "Asia/Tokyo")
            let tags = try await fixture.handler.listTagsForResource(
                SSMContacts.ListTagsForResourceRequest(resourceARN: arn), context: fixture.context)
            #expect(tags.tags == [SSMContacts.Tag(key: "team", value: "sre")])
            let overrides = try await fixture.overrides(of: arn)
            #expect(overrides.map(\.start) == [soon.startTime, later.startTime])
            #expect(overrides.map(\.members) == [[Self.target("contact/minsu")], [Self.target("contact/akiko")]])
            #expect(overrides.allSatisfy { $0.createdAt == soon.createTime })
            let mappings = try await fixture.mappings()
            let overrideMappings = mappings.filter { $0.kind == .rotationOverride }
            #expect(
                overrideMappings.map(\.sourceArn).sorted() == [
                    "\(item.rotation.rotationArn)#override/later", "\(item.rotation.rotationArn)#override/soon",
                ])
            #expect(Set(overrideMappings.map(\.targetArn)) == Set(overrides.map { "\(arn)#override/\($0.id)" }))

            fixture.clock.advance(by: 60)
            let again = try await fixture.handler.importRotation(item, fingerprint: "r1", context: fixture.context)
            #expect(again.outcome == .unchanged)
            #expect(try await fixture.mappings() == mappings)
            #expect(try await fixture.overrides(of: arn) == overrides)

            // An override made here stays; "soon" is gone at the source and goes here; a new one comes; the members change.
            let own = try await fixture.handler.createRotationOverride(
                SSMContacts.CreateRotationOverrideRequest(
                    rotationId: arn, newContactIds: [Self.target("contact/akiko")], startTime: Self.start.addingTimeInterval(200_000),
                    endTime: Self.start.addingTimeInterval(210_000)), context: fixture.context
            ).rotationOverrideId
            let next = Self.override("next", members: [minsu, akiko], from: 100_000, to: 110_000)
            let changed = Self.rotation("primary", members: [minsu], overrides: [later, next])
            let updated = try await fixture.handler.importRotation(changed, fingerprint: "r2", context: fixture.context)
            #expect(updated.outcome == .updated)
            let after = try await fixture.overrides(of: arn)
            #expect(after.map(\.start) == [later.startTime, next.startTime, Self.start.addingTimeInterval(200_000)])
            #expect(after.contains { $0.id == own })
            #expect(after.first?.id == overrides.last?.id)
            let rotation = try await fixture.handler.getRotation(SSMContacts.GetRotationRequest(rotationId: arn), context: fixture.context)
            #expect(rotation.contactIds == [Self.target("contact/minsu")])
            let remaining = try await fixture.mappings().filter { $0.kind == .rotationOverride }.map(\.sourceArn).sorted()
            #expect(remaining == ["\(item.rotation.rotationArn)#override/later", "\(item.rotation.rotationArn)#override/next"])
        }
    }
}
