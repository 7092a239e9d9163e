import AWSProtocol
import ContactsAPI
import Foundation
import HikeshiCore
import HikeshiTestSupport
import Logging
import Paging
import SSMContactsModel
import Scheduler
import Storage
import Synchronization

/// Records what would have been sent; fails sends to addresses listed in `failing`.
final class RecordingSender: PageSender {
    struct Sent: Equatable {
        var channel: String
        var to: String
        var text: String
    }

    private let state = Mutex<(sent: [Sent], failing: [String: Bool])>(([], [:]))

    var sent: [Sent] { state.withLock { $0.sent } }

    /// Makes sends to `address` fail (`permanent` or not) until cleared.
    func fail(_ address: String, permanent: Bool) {
        state.withLock { $0.failing[address] = permanent }
    }

    func clearFailures() {
        state.withLock { $0.failing = [:] }
    }

    private func record(_ sent: Sent) throws -> String {
        try state.withLock { state in
            if let permanent = state.failing[sent.to] {
                throw PageSendFailure(isPermanent: permanent, "planned failure")
            }
            state.sent.append(sent)
            return "msg-\(state.sent.count)"
        }
    }

    func sendEmail(to address: String, subject: String, body: String) async throws -> String {
        try record(Sent(channel: "EMAIL", to: address, text: subject + "\n" + body))
    }

    func sendSMS(to number: String, body: String, page: PageReference?) async throws -> String {
        try record(Sent(channel: "SMS", to: number, text: body))
    }

    func placeCall(to number: String, message: String, page: PageReference?) async throws -> String {
        try record(Sent(channel: "VOICE", to: number, text: message))
    }
}

/// The contacts API, the scheduler and the paging engine over one database, driven by a manual clock.
struct PagingHarness {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    let database: any DatabaseClient
    let clock: ManualClock
    let sender: RecordingSender
    let api: ContactsHandler
    let scheduler: SchedulerService
    let engine: PagingEngine
    let context: AWSRequestContext

    init(database: any DatabaseClient, clock: ManualClock = ManualClock(start: PagingHarness.start), sender: RecordingSender = RecordingSender()) {
        self.database = database
        self.clock = clock
        self.sender = sender
        self.api = ContactsHandler(store: SQLFamilyStore.contacts(database), clock: clock, logger: testLogger)
        let engine = PagingEngine(
            store: SQLFamilyStore.paging(database),
            clock: clock,
            sender: sender,
            resolver: RotationOnCallResolver(store: SQLFamilyStore.paging(database), logger: testLogger),
            logger: testLogger
        )
        self.engine = engine
        self.scheduler = SchedulerService(jobs: SQLJobStore(database: database), clock: clock, handlers: engine.handlers, logger: testLogger)
        self.context = AWSRequestContext(
            accountID: "111111111111",
            region: "ap-northeast-1",
            accessKeyID: "AKIATEST",
            requestID: "test",
            logger: testLogger
        )
    }

    /// Runs jobs until none is due.
    func drain() async throws {
        while try await scheduler.runDueJobs() > 0 {}
    }

    /// Moves time and runs what came due.
    func advance(minutes: Double) async throws {
        clock.advance(by: minutes * 60)
        try await drain()
    }

    /// A personal contact with activated channels and a plan of one stage per channel, `stageMinutes` apart.
    func person(_ alias: String, channels: [(SSMContacts.ChannelType, String)], stageMinutes: Int = 5) async throws -> (
        arn: String, channels: [String]
    ) {
        let arn = try await api.createContact(
            SSMContacts.CreateContactRequest(alias: alias, type: .personal, plan: SSMContacts.Plan(stages: [])),
            context: context
        ).contactArn
        var channelArns: [String] = []
        for (index, channel) in channels.enumerated() {
            let channelArn = try await api.createContactChannel(
                SSMContacts.CreateContactChannelRequest(
                    contactId: arn,
                    name: "\(alias)-\(index)",
                    type: channel.0,
                    deliveryAddress: SSMContacts.ContactChannelAddress(simpleAddress: channel.1),
                    deferActivation: true
                ),
                context: context
            ).contactChannelArn
            try await activate(channelArn)
            channelArns.append(channelArn)
        }
        let stages = channelArns.map { channel in
            SSMContacts.Stage(
                durationInMinutes: stageMinutes,
                targets: [SSMContacts.Target(channelTargetInfo: SSMContacts.ChannelTargetInfo(contactChannelId: channel, retryIntervalInMinutes: 2))]
            )
        }
        _ = try await api.updateContact(SSMContacts.UpdateContactRequest(contactId: arn, plan: SSMContacts.Plan(stages: stages)), context: context)
        return (arn, channelArns)
    }

    func activate(_ channelArn: String) async throws {
        _ = try await api.sendActivationCode(SSMContacts.SendActivationCodeRequest(contactChannelId: channelArn), context: context)
        let code = try await database.read { try await ChannelRepository($0).channel(arn: channelArn, accountID: nil)?.activationCode }
        _ = try await api.activateContactChannel(
            SSMContacts.ActivateContactChannelRequest(contactChannelId: channelArn, activationCode: code ?? ""),
            context: context
        )
        // Activation-code deliveries are not what these tests count.
        try await drain()
    }

    func engage(_ contactArn: String) async throws -> String {
        let arn = try await api.startEngagement(
            SSMContacts.StartEngagementRequest(contactId: contactArn, sender: "alarm", subject: "DB down", content: "Primary DB is down"),
            context: context
        ).engagementArn
        try await drain()
        return arn
    }

    func pages(_ engagementArn: String) async throws -> [SSMContacts.Page] {
        try await api.listPagesByEngagement(SSMContacts.ListPagesByEngagementRequest(engagementId: engagementArn), context: context).pages
    }

    func acceptCode(_ pageArn: String) async throws -> String {
        try await database.read { try await PageRepository($0).page(arn: pageArn, accountID: nil)?.acceptCode } ?? ""
    }
}
