import AWSProtocol
import ContactsAPI
import Foundation
import HikeshiCore
import HikeshiTestSupport
import Paging
import SSMContactsModel
import Scheduler
import Storage
import Testing

extension RecordingSender {
    /// The page messages (activation codes left out).
    var pages: [Sent] { sent.filter { !$0.text.contains("activation code") } }
}

@Suite("Paging engine")
struct PagingEngineTests {
    @Test("a person's plan runs stage by stage until they acknowledge", arguments: TestEngine.available)
    func personalPlan(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let harness = PagingHarness(database: database)
            let alice = try await harness.person(
                "alice", channels: [(.email, "alice@example.com"), (.sms, "+819012345678"), (.voice, "+819012345678")])
            let engagement = try await harness.engage(alice.arn)
            #expect(harness.sender.pages.map(\.channel) == ["EMAIL"])
            #expect(harness.sender.pages.first?.text.contains("Primary DB is down") == true)
            let page = try #require(try await harness.pages(engagement).first)
            #expect(page.sentTime != nil)
            let code = try await harness.acceptCode(page.pageArn)
            #expect(harness.sender.pages.first?.text.contains(code) == true)

            try await harness.advance(minutes: 4.9)
            #expect(harness.sender.pages.count == 1)
            try await harness.advance(minutes: 0.2)
            #expect(harness.sender.pages.map(\.channel) == ["EMAIL", "SMS"])

            _ = try await harness.api.acceptPage(
                SSMContacts.AcceptPageRequest(pageId: page.pageArn, acceptType: .read, acceptCode: code, acceptCodeValidation: .enforce),
                context: harness.context
            )
            try await harness.advance(minutes: 30)
            #expect(harness.sender.pages.map(\.channel) == ["EMAIL", "SMS"])
            let receipts = try await harness.api.listPageReceipts(SSMContacts.ListPageReceiptsRequest(pageId: page.pageArn), context: harness.context)
            #expect(receipts.receipts?.map(\.receiptType) == [.sent, .sent, .read])
            let described = try await harness.api.describePage(SSMContacts.DescribePageRequest(pageId: page.pageArn), context: harness.context)
            #expect(described.readTime != nil)
        }
    }

    @Test("an enforced accept code must match; an ignored one need not", arguments: [TestEngine.sqlite])
    func acceptCodes(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let harness = PagingHarness(database: database)
            let bob = try await harness.person("bob", channels: [(.email, "bob@example.com")])
            let engagement = try await harness.engage(bob.arn)
            let page = try #require(try await harness.pages(engagement).first)
            let code = try await harness.acceptCode(page.pageArn)
            let wrong = code == "000000" ? "111111" : "000000"
            await #expect(throws: ContactsError.self) {
                try await harness.api.acceptPage(
                    SSMContacts.AcceptPageRequest(pageId: page.pageArn, acceptType: .read, acceptCode: wrong, acceptCodeValidation: .enforce),
                    context: harness.context
                )
            }
            _ = try await harness.api.acceptPage(
                SSMContacts.AcceptPageRequest(pageId: page.pageArn, acceptType: .read, acceptCode: wrong, acceptCodeValidation: .ignore),
                context: harness.context
            )
            let described = try await harness.api.describePage(SSMContacts.DescribePageRequest(pageId: page.pageArn), context: harness.context)
            #expect(described.readTime != nil)
        }
    }

    @Test("a two-stage escalation pages stage 2 only when stage 1 does not acknowledge", arguments: TestEngine.available)
    func escalation(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let harness = PagingHarness(database: database)
            let oncall = try await harness.person("oncall", channels: [(.email, "oncall@example.com")])
            let lead = try await harness.person("lead", channels: [(.email, "lead@example.com")])
            let plan = SSMContacts.Plan(stages: [
                SSMContacts.Stage(
                    durationInMinutes: 5,
                    targets: [SSMContacts.Target(contactTargetInfo: SSMContacts.ContactTargetInfo(contactId: oncall.arn, isEssential: true))]
                ),
                SSMContacts.Stage(
                    durationInMinutes: 5,
                    targets: [SSMContacts.Target(contactTargetInfo: SSMContacts.ContactTargetInfo(contactId: lead.arn, isEssential: true))]
                ),
            ])
            let escalation = try await harness.api.createContact(
                SSMContacts.CreateContactRequest(alias: "db-escalation", type: .escalation, plan: plan),
                context: harness.context
            ).contactArn

            // Nobody acknowledges: stage 2 pages the lead after 5 minutes.
            let first = try await harness.engage(escalation)
            #expect(harness.sender.pages.map(\.to) == ["oncall@example.com"])
            try await harness.advance(minutes: 5)
            #expect(harness.sender.pages.map(\.to) == ["oncall@example.com", "lead@example.com"])
            let resolution = try await harness.api.listPageResolutions(
                SSMContacts.ListPageResolutionsRequest(pageId: try #require(try await harness.pages(first).last).pageArn),
                context: harness.context
            )
            #expect(resolution.pageResolutions.map(\.type) == [.escalation, .personal])
            #expect(resolution.pageResolutions.first?.stageIndex == 1)

            // The on-call person acknowledges within 5 minutes: the lead is never paged.
            let before = harness.sender.pages.count
            let second = try await harness.engage(escalation)
            let page = try #require(try await harness.pages(second).first)
            _ = try await harness.api.acceptPage(
                SSMContacts.AcceptPageRequest(pageId: page.pageArn, acceptType: .read, acceptCode: try await harness.acceptCode(page.pageArn)),
                context: harness.context
            )
            try await harness.advance(minutes: 20)
            #expect(harness.sender.pages.dropFirst(before).map(\.to) == ["oncall@example.com"])
            #expect(try await harness.pages(second).count == 1)
        }
    }

    @Test("a restart mid-engagement loses no page and sends none twice", arguments: TestEngine.available)
    func restart(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, reopen in
            let clock = ManualClock(start: PagingHarness.start)
            let sender = RecordingSender()
            let harness = PagingHarness(database: database, clock: clock, sender: sender)
            let carol = try await harness.person("carol", channels: [(.email, "carol@example.com"), (.sms, "+14155550100")])
            _ = try await harness.engage(carol.arn)
            #expect(sender.pages.map(\.channel) == ["EMAIL"])
            // The process dies; another starts on the same database ten minutes later.
            let restarted = PagingHarness(database: try await reopen(), clock: clock, sender: sender)
            clock.advance(by: 600)
            try await restarted.drain()
            try await restarted.advance(minutes: 60)
            #expect(sender.pages.map(\.channel) == ["EMAIL", "SMS"])
        }
    }

    @Test("a stage that runs again after its commit queues its deliveries once", arguments: TestEngine.available)
    func stageRunsTwice(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let harness = PagingHarness(database: database)
            let dave = try await harness.person("dave", channels: [(.email, "dave@example.com")])
            let engagement = try await harness.api.startEngagement(
                SSMContacts.StartEngagementRequest(contactId: dave.arn, sender: "alarm", subject: "DB down", content: "Primary DB is down"),
                context: harness.context
            ).engagementArn
            #expect(try await harness.scheduler.runDueJobs() == 1)  // the engagement stage: a page and its first page stage
            #expect(try await harness.scheduler.runDueJobs() == 1)  // the page stage: one delivery queued
            let page = try #require(try await harness.pages(engagement).first)
            // The node dies after the page stage's commit, before the job is marked done: another runs it again.
            let stage = try #require(harness.engine.handlers.first { $0.kind == PagingJob.pageStage })
            let payload = String(decoding: try JSONEncoder().encode(PagingJob.PageStage(pageArn: page.pageArn, stage: 0)), as: UTF8.self)
            try await stage.run(Job(kind: PagingJob.pageStage, payload: payload, dueAt: PagingHarness.start))
            let store = SQLJobStore(database: database)
            #expect(try await store.count(status: .pending, logger: testLogger) == 1, "one delivery job, not two that would both send")
            try await harness.drain()
            #expect(harness.sender.pages.map(\.to) == ["dave@example.com"])
        }
    }

    @Test("StopEngagement stops what is pending", arguments: [TestEngine.sqlite])
    func stop(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let harness = PagingHarness(database: database)
            let dave = try await harness.person("dave", channels: [(.email, "dave@example.com"), (.sms, "+14155550101")])
            let engagement = try await harness.engage(dave.arn)
            _ = try await harness.api.stopEngagement(
                SSMContacts.StopEngagementRequest(engagementId: engagement, reason: "false alarm"), context: harness.context)
            try await harness.advance(minutes: 30)
            #expect(harness.sender.pages.map(\.channel) == ["EMAIL"])
            let described = try await harness.api.describeEngagement(
                SSMContacts.DescribeEngagementRequest(engagementId: engagement), context: harness.context)
            #expect(described.stopTime != nil)
            let page = try #require(try await harness.pages(engagement).first)
            let receipts = try await harness.api.listPageReceipts(SSMContacts.ListPageReceiptsRequest(pageId: page.pageArn), context: harness.context)
            #expect(receipts.receipts?.last?.receiptType == .stop)
        }
    }

    @Test("a failed delivery is recorded and retried after the retry interval", arguments: [TestEngine.sqlite])
    func retry(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let harness = PagingHarness(database: database)
            let erin = try await harness.person("erin", channels: [(.email, "erin@example.com")], stageMinutes: 30)
            harness.sender.fail("erin@example.com", permanent: false)
            let engagement = try await harness.engage(erin.arn)
            #expect(harness.sender.pages.isEmpty)
            harness.sender.clearFailures()
            try await harness.advance(minutes: 1)
            #expect(harness.sender.pages.isEmpty)
            try await harness.advance(minutes: 1)
            #expect(harness.sender.pages.map(\.to) == ["erin@example.com"])
            let page = try #require(try await harness.pages(engagement).first)
            let receipts = try await harness.api.listPageReceipts(SSMContacts.ListPageReceiptsRequest(pageId: page.pageArn), context: harness.context)
            #expect(receipts.receipts?.map(\.receiptType) == [.error, .sent])
        }
    }

    @Test("channels that are not activated are not paged", arguments: [TestEngine.sqlite])
    func inactiveChannels(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let harness = PagingHarness(database: database)
            let frank = try await harness.person("frank", channels: [(.email, "frank@example.com")])
            _ = try await harness.api.deactivateContactChannel(
                SSMContacts.DeactivateContactChannelRequest(contactChannelId: frank.channels[0]),
                context: harness.context
            )
            _ = try await harness.engage(frank.arn)
            try await harness.advance(minutes: 10)
            #expect(harness.sender.pages.isEmpty)
        }
    }

    @Test("an on-call schedule pages whoever is on call now", arguments: [TestEngine.sqlite])
    func schedule(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let harness = PagingHarness(database: database)
            let gina = try await harness.person("gina", channels: [(.email, "gina@example.com")])
            let hiro = try await harness.person("hiro", channels: [(.email, "hiro@example.com")])
            let rotation = try await harness.api.createRotation(
                SSMContacts.CreateRotationRequest(
                    name: "primary",
                    contactIds: [gina.arn, hiro.arn],
                    startTime: PagingHarness.start.addingTimeInterval(-3600),
                    timeZoneId: "Asia/Tokyo",
                    recurrence: SSMContacts.RecurrenceSettings(
                        dailySettings: [SSMContacts.HandOffTime(hourOfDay: 9, minuteOfHour: 0)],
                        numberOfOnCalls: 1,
                        recurrenceMultiplier: 1
                    )
                ),
                context: harness.context
            ).rotationArn
            let schedule = try await harness.api.createContact(
                SSMContacts.CreateContactRequest(alias: "primary-schedule", type: .oncallSchedule, plan: SSMContacts.Plan(rotationIds: [rotation])),
                context: harness.context
            ).contactArn
            let shifts = try await harness.api.listRotationShifts(
                SSMContacts.ListRotationShiftsRequest(
                    rotationId: rotation, startTime: PagingHarness.start, endTime: PagingHarness.start.addingTimeInterval(60)),
                context: harness.context
            )
            let expected = try #require(shifts.rotationShifts?.first?.contactIds?.first)
            _ = try await harness.engage(schedule)
            let addresses = [gina.arn: "gina@example.com", hiro.arn: "hiro@example.com"]
            #expect(harness.sender.pages.map(\.to) == [addresses[expected]])
        }
    }
}
