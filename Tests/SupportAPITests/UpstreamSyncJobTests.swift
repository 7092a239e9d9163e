import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import HikeshiTestSupport
import Storage
import SupportAPI
import SupportModel
import Synchronization
import Testing

/// The upstream sync job against a scripted upstream desk: what it sends, what it takes in, and how it behaves when
/// the upstream desk fails — without HTTP (the conformance suite drives a real second server).
@Suite("Upstream sync")
struct UpstreamSyncJobTests {
    static let provider = "111111111111"
    static let customer = "333333333333"

    /// Seals by prefixing, so that a test sees what was stored.
    struct PrefixSealer: SecretSealer {
        func seal(_ secret: String) throws -> String { "sealed:" + secret }
        func open(_ sealed: String) throws -> String {
            guard sealed.hasPrefix("sealed:") else { throw UpstreamFailure(code: nil, message: "not sealed", isRetryable: false) }
            return String(sealed.dropFirst(7))
        }
    }

    /// An upstream desk in memory: cases with their communications; failures scripted per operation.
    final class FakeUpstream: UpstreamSupportCaller {
        struct State {
            var cases: [String: (subject: String, status: String, communications: [Support.Communication])] = [:]
            var calls: [String] = []
            /// Failures to give, by operation, in order.
            var failures: [String: [UpstreamFailure]] = [:]
            /// Operations whose answer is lost after the upstream desk acted (the request reached it).
            var loseAnswer: Set<String> = []
            var secretsSeen: [String] = []
        }
        let state = Mutex(State())

        func call<Input: AWSShape, Output: AWSShape>(
            _ operation: String, _ input: Input, as output: Output.Type, at endpoint: UpstreamEndpoint
        ) async throws(UpstreamFailure) -> Output {
            let answer: Result<Any, UpstreamFailure> = state.withLock { state in
                state.calls.append(operation)
                state.secretsSeen.append(endpoint.secretAccessKey)
                if var queued = state.failures[operation], !queued.isEmpty {
                    let failure = queued.removeFirst()
                    state.failures[operation] = queued
                    return .failure(failure)
                }
                let result: Any
                switch input {
                case let request as Support.CreateCaseRequest:
                    let id = "case-upstream-\(state.cases.count + 1)"
                    state.cases[id] = (
                        request.subject, "unassigned",
                        [
                            Support.Communication(
                                caseId: id, body: request.communicationBody, submittedBy: "reseller", timeCreated: "2026-12-01T00:00:00.000Z")
                        ]
                    )
                    result = Support.CreateCaseResponse(caseId: id)
                case let request as Support.AddCommunicationToCaseRequest:
                    let id = request.caseId ?? ""
                    state.cases[id]?.communications.append(
                        Support.Communication(
                            caseId: id, body: request.communicationBody, submittedBy: "reseller", timeCreated: "2026-12-01T00:05:00.000Z"))
                    result = Support.AddCommunicationToCaseResponse(result: true)
                case let request as Support.DescribeCommunicationsRequest:
                    result = Support.DescribeCommunicationsResponse(communications: (state.cases[request.caseId]?.communications ?? []).reversed())
                case let request as Support.DescribeCasesRequest:
                    let ids = request.caseIdList ?? Array(state.cases.keys).sorted()
                    result = Support.DescribeCasesResponse(
                        cases: ids.compactMap { id in
                            state.cases[id].map { found in
                                Support.CaseDetails(
                                    caseId: id, displayId: "9\(id.count)00000000", subject: found.subject, status: found.status,
                                    recentCommunications: Support.RecentCaseCommunications(communications: found.communications))
                            }
                        })
                default:
                    return .failure(UpstreamFailure(code: "UnknownOperation", message: operation, isRetryable: false))
                }
                if state.loseAnswer.remove(operation) != nil {
                    return .failure(UpstreamFailure(code: nil, message: "connection reset", isRetryable: true))
                }
                return .success(result)
            }
            switch answer {
            case .success(let value):
                guard let typed = value as? Output else { throw UpstreamFailure(code: nil, message: "wrong output type", isRetryable: false) }
                return typed
            case .failure(let failure):
                throw failure
            }
        }

        func reply(_ caseID: String, _ body: String, at time: String) {
            state.withLock {
                $0.cases[caseID]?.communications.append(Support.Communication(caseId: caseID, body: body, submittedBy: "aws", timeCreated: time))
            }
        }
    }

    static func context(_ account: String = provider) -> AWSRequestContext {
        AWSRequestContext(accountID: account, region: "us-east-1", accessKeyID: "AKIATEST", requestID: "r", logger: testLogger)
    }

    /// A desk with a provider account, a customer's case and an upstream provider; the job over the fake.
    static func rig(_ database: any DatabaseClient, _ upstream: FakeUpstream, clock: ManualClock) async throws -> (
        SupportDesk, UpstreamSyncJob, String
    ) {
        let store = SQLFamilyStore.support(database)
        try await store.write(logger: testLogger) { tx in
            for (id, name) in [(provider, "desk"), (customer, "customer")] {
                try await tx.accounts.insert(AccountRecord(accountID: id, name: name, createdAt: Date(timeIntervalSince1970: 1_763_600_000)))
            }
            try await tx.accounts.markProvider(accountID: provider)
        }
        let desk = SupportDesk(store: store, clock: clock, sealer: PrefixSealer(), logger: testLogger)
        let handler = SupportHandler(store: store, clock: clock, logger: testLogger)
        _ = try await desk.setPlan(accountID: customer, plan: .business, language: .en, timeZone: "UTC", logger: testLogger)
        let caseID = try #require(
            try await handler.createCase(
                Support.CreateCaseRequest(
                    subject: "Pool exhausted", serviceCode: "amazon-elastic-compute-cloud-linux", severityCode: "high",
                    categoryCode: "general-guidance",
                    communicationBody: "Since 09:00 UTC db-1 refuses connections.", language: "en"),
                context: context(customer)
            ).caseId)
        _ = try await desk.putUpstreamProvider(
            Hikeshi.PutUpstreamProviderRequest(name: "aws", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "s3cret", pollIntervalSeconds: 60),
            context: context())
        let job = UpstreamSyncJob(store: store, caller: upstream, sealer: PrefixSealer(), clock: clock, logger: testLogger)
        return (desk, job, caseID)
    }

    /// Runs the job the escalation names now, as the scheduler would.
    static func runChain(_ job: UpstreamSyncJob, _ database: any DatabaseClient, _ escalationID: String) async throws {
        let chain = try await SQLFamilyStore.support(database).read(logger: testLogger) { tx in
            try await tx.escalations.escalation(id: escalationID)?.chainJobID
        }
        let id = try #require(chain)
        try await job.run(Job(id: id, kind: UpstreamSyncJob.jobKind, payload: "{\"escalationID\":\"\(escalationID)\"}", dueAt: Date()))
    }

    /// Escalates the case to the provider `aws` with a note.
    static func escalate(_ desk: SupportDesk, _ caseID: String) async throws -> Hikeshi.Escalation {
        try await desk.escalateCase(Hikeshi.EscalateCaseRequest(caseId: caseID, providerName: "aws", body: "Please check db-1."), context: context())
            .escalation
    }

    static func escalation(_ desk: SupportDesk, _ caseID: String) async throws -> Hikeshi.Escalation {
        try #require(try await desk.listEscalations(Hikeshi.ListEscalationsRequest(caseId: caseID), context: context()).escalations.first)
    }

    @Test("a lost answer to CreateCase is followed by finding the case by its marker, not by a second case", arguments: TestEngine.available)
    func lostCreateAnswer(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let upstream = FakeUpstream()
            let clock = ManualClock(start: Date(timeIntervalSince1970: 1_764_547_200))
            let (desk, job, caseID) = try await Self.rig(database, upstream, clock: clock)
            upstream.state.withLock { $0.loseAnswer = ["CreateCase"] }
            let made = try await Self.escalate(desk, caseID)
            try await Self.runChain(job, database, made.escalationId)
            let failed = try await Self.escalation(desk, caseID)
            #expect(failed.status == .creating)
            #expect(failed.attempts == 1)
            #expect(failed.lastError == "connection reset")
            #expect(failed.nextAttemptAt == clock.now().addingTimeInterval(30), "the first retry waits 30 seconds")
            clock.advance(by: 30)
            try await Self.runChain(job, database, made.escalationId)
            let linked = try await Self.escalation(desk, caseID)
            #expect(linked.status == .open)
            #expect(linked.upstreamCaseId == "case-upstream-1")
            #expect(linked.attempts == 0 && linked.lastError == nil)
            let calls = upstream.state.withLock { $0.calls }
            #expect(calls.filter { $0 == "CreateCase" }.count == 1, "no second upstream case: \(calls)")
            #expect(upstream.state.withLock { $0.cases.count } == 1)
            #expect(upstream.state.withLock { $0.secretsSeen.allSatisfy { $0 == "s3cret" } }, "the sealed secret is opened for the call")
            #expect(linked.messages.map(\.state) == [.sent])
            let opening = try #require(linked.messages.first)
            #expect(opening.body.hasSuffix("[ref: \(made.escalationId)/\(opening.messageId)]"))
        }
    }

    @Test("a refusal before the upstream case exists fails the escalation; retrying after the fix opens it", arguments: TestEngine.available)
    func refusal(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let upstream = FakeUpstream()
            let clock = ManualClock(start: Date(timeIntervalSince1970: 1_764_547_200))
            let (desk, job, caseID) = try await Self.rig(database, upstream, clock: clock)
            upstream.state.withLock {
                $0.failures["CreateCase"] = [UpstreamFailure(code: "SubscriptionRequiredException", message: "no plan", isRetryable: false)]
            }
            let made = try await Self.escalate(desk, caseID)
            try await Self.runChain(job, database, made.escalationId)
            let failed = try await Self.escalation(desk, caseID)
            #expect(failed.status == .failed)
            #expect(failed.lastError == "SubscriptionRequiredException: no plan")
            #expect(failed.nextAttemptAt == nil)
            #expect(
                await awsErrorCode {
                    _ = try await desk.sendUpstream(
                        Hikeshi.SendUpstreamRequest(escalationId: made.escalationId, body: "more"), context: Self.context())
                } == "ConflictException")
            _ = try await desk.retryEscalation(Hikeshi.RetryEscalationRequest(escalationId: made.escalationId), context: Self.context())
            try await Self.runChain(job, database, made.escalationId)
            #expect(try await Self.escalation(desk, caseID).status == .open)
        }
    }

    @Test(
        "a replaced job stops at once; a job that finds another holding the escalation hands on; one that died holding it takes it back",
        arguments: TestEngine.available)
    func chainAndLease(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let upstream = FakeUpstream()
            let clock = ManualClock(start: Date(timeIntervalSince1970: 1_764_547_200))
            let (desk, job, caseID) = try await Self.rig(database, upstream, clock: clock)
            let made = try await Self.escalate(desk, caseID)
            let payload = "{\"escalationID\":\"\(made.escalationId)\"}"
            try await job.run(Job(id: "support.upstream:stale", kind: UpstreamSyncJob.jobKind, payload: payload, dueAt: clock.now()))
            #expect(upstream.state.withLock { $0.calls }.isEmpty, "a job the escalation does not name does nothing")
            let store = SQLFamilyStore.support(database)
            // Another (replaced) job holds it for a minute: this one hands the chain to a job due when the hold ends.
            let first = try #require(try await store.read(logger: testLogger) { tx in try await tx.escalations.escalation(id: made.escalationId) })
            try await store.write(logger: testLogger) { tx in
                var held = first
                held.leaseOwner = "support.upstream:replaced"
                held.leaseUntil = clock.now().addingTimeInterval(60)
                try await tx.escalations.update(held)
            }
            try await Self.runChain(job, database, made.escalationId)
            #expect(upstream.state.withLock { $0.calls }.isEmpty, "a held escalation is not talked for twice")
            let handed = try #require(try await store.read(logger: testLogger) { tx in try await tx.escalations.escalation(id: made.escalationId) })
            #expect(handed.chainJobID != first.chainJobID)
            #expect(handed.nextAttemptAt == clock.now().addingTimeInterval(60))
            // The job the chain now names died holding the lease (kill -9): run again, it takes the lease back at once.
            try await store.write(logger: testLogger) { tx in
                var dead = handed
                dead.leaseOwner = handed.chainJobID
                dead.leaseUntil = clock.now().addingTimeInterval(600)
                try await tx.escalations.update(dead)
            }
            try await Self.runChain(job, database, made.escalationId)
            let open = try await Self.escalation(desk, caseID)
            #expect(open.status == .open)
            let released = try #require(try await store.read(logger: testLogger) { tx in try await tx.escalations.escalation(id: made.escalationId) })
            #expect(released.leaseOwner == nil && released.leaseUntil == nil)
        }
    }

    @Test("a message whose answer was lost is found upstream by its marker and not sent again", arguments: TestEngine.available)
    func lostSendAnswer(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let upstream = FakeUpstream()
            let clock = ManualClock(start: Date(timeIntervalSince1970: 1_764_547_200))
            let (desk, job, caseID) = try await Self.rig(database, upstream, clock: clock)
            let made = try await Self.escalate(desk, caseID)
            try await Self.runChain(job, database, made.escalationId)
            upstream.state.withLock { $0.loseAnswer = ["AddCommunicationToCase"] }
            clock.advance(by: 1)
            _ = try await desk.sendUpstream(
                Hikeshi.SendUpstreamRequest(escalationId: made.escalationId, body: "Internal: the customer runs db.r6g.large."),
                context: Self.context())
            try await Self.runChain(job, database, made.escalationId)
            let failed = try await Self.escalation(desk, caseID)
            #expect(failed.lastError == "connection reset")
            #expect(failed.messages.map(\.state) == [.sent, .pending])
            clock.advance(by: 30)
            try await Self.runChain(job, database, made.escalationId)
            let read = try await Self.escalation(desk, caseID)
            #expect(read.messages.map(\.direction) == [.up, .up], "the desk's own message is not taken for the upstream desk's")
            #expect(read.messages.map(\.state) == [.sent, .sent])
            let sent = upstream.state.withLock { $0.calls.filter { $0 == "AddCommunicationToCase" }.count }
            #expect(sent == 1, "sent once")
            #expect(upstream.state.withLock { $0.cases["case-upstream-1"]?.communications.count } == 2)
        }
    }

    @Test("the desk's own messages are recognised when read back; the upstream desk's come down once each", arguments: TestEngine.available)
    func readsOnce(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let upstream = FakeUpstream()
            let clock = ManualClock(start: Date(timeIntervalSince1970: 1_764_547_200))
            let (desk, job, caseID) = try await Self.rig(database, upstream, clock: clock)
            let made = try await Self.escalate(desk, caseID)
            try await Self.runChain(job, database, made.escalationId)
            _ = try await desk.sendUpstream(
                Hikeshi.SendUpstreamRequest(escalationId: made.escalationId, body: "It happened again."), context: Self.context())
            upstream.reply("case-upstream-1", "Please raise max_connections.", at: "2026-12-01T01:00:00.000Z")
            clock.advance(by: 60)
            try await Self.runChain(job, database, made.escalationId)
            clock.advance(by: 60)
            try await Self.runChain(job, database, made.escalationId)
            let read = try await Self.escalation(desk, caseID)
            #expect(read.messages.map(\.direction) == [.up, .up, .down])
            #expect(read.messages.map(\.state) == [.sent, .sent, .received])
            #expect(read.messages.last?.body == "Please raise max_connections.")
            #expect(read.messages.last?.submittedBy == "aws")
            #expect(read.nextAttemptAt == clock.now().addingTimeInterval(60), "an open upstream case is read at the provider's interval")
            // Resolved upstream: the chain stops after the last read.
            upstream.state.withLock { $0.cases["case-upstream-1"]?.status = "resolved" }
            clock.advance(by: 60)
            try await Self.runChain(job, database, made.escalationId)
            let resolved = try await Self.escalation(desk, caseID)
            #expect(resolved.status == .resolved)
            #expect(resolved.nextAttemptAt == nil)
        }
    }
}
