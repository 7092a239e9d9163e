import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiTestSupport
import Logging
import SSMIncidentsModel
import Storage
import Synchronization
import Testing

@testable import IncidentsAPI

@Suite("Trigger batcher (group commit)")
struct TriggerBatcherTests {
    static let account = "123456789012"

    static func handler(_ store: any IncidentsStore) async throws -> (IncidentsHandler, String) {
        let handler = IncidentsHandler(store: store, clock: ManualClock(start: Date(timeIntervalSince1970: 1_800_000_000)))
        let context = AWSRequestContext(accountID: account, region: "us-east-1", accessKeyID: "AKIATEST", requestID: "r", logger: testLogger)
        let plan = try await handler.createResponsePlan(
            SSMIncidents.CreateResponsePlanInput(incidentTemplate: SSMIncidents.IncidentTemplate(impact: 3, title: "disk"), name: "disk"),
            context: context)
        return (handler, plan.arn)
    }

    static func trigger(plan: String, key: String) -> IncidentTrigger {
        IncidentTrigger(
            responsePlanArn: plan, source: "test", dedupeKey: key, timestamp: Date(timeIntervalSince1970: 1_800_000_000),
            createdBy: "arn:aws:iam::\(account):role/test")
    }

    @Test("a burst commits together: one incident per problem, the rest absorbed, every caller answered", arguments: TestEngine.available)
    func burst(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let (handler, plan) = try await Self.handler(SQLFamilyStore.incidents(database))
            let batcher = TriggerBatcher(handler: handler, maxBatch: 8, logger: testLogger)
            let outcomes = try await withThrowingTaskGroup(of: TriggerOutcome.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await batcher.trigger(Self.trigger(plan: plan, key: "problem-\(index % 3)"), accountID: Self.account, region: "us-east-1")
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.count == 40)
            let started = outcomes.filter { if case .started = $0 { true } else { false } }
            #expect(started.count == 3)
            #expect(Set(outcomes.map(\.incidentArn)).count == 3)
        }
    }

    @Test("triggers that arrive during a commit share the next transactions, at most maxBatch each", arguments: TestEngine.available)
    func groupCommit(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let gated = GatedStore(SQLFamilyStore.incidents(database))
            let (handler, plan) = try await Self.handler(gated)
            let setup = gated.transactions
            let batcher = TriggerBatcher(handler: handler, maxBatch: 8, logger: testLogger)
            gated.close()
            try await withThrowingTaskGroup(of: TriggerOutcome.self) { group in
                group.addTask { try await batcher.trigger(Self.trigger(plan: plan, key: "k-first"), accountID: Self.account, region: "us-east-1") }
                // The first trigger's transaction is held open; the other 39 arrive meanwhile and wait.
                while gated.held < 1 {
                    await Task.yield()
                }
                for index in 1..<40 {
                    group.addTask {
                        try await batcher.trigger(Self.trigger(plan: plan, key: "k-\(index)"), accountID: Self.account, region: "us-east-1")
                    }
                }
                while await batcher.waiting < 39 {
                    await Task.yield()
                }
                gated.open()
                for try await _ in group {}
            }
            // One transaction for the first trigger, then 39 waiting ones in batches of at most 8.
            #expect(gated.transactions - setup == 1 + 5)
        }
    }

    @Test("a trigger that fails does not take its batch down: the others commit, it alone gets the error", arguments: TestEngine.available)
    func failureIsolated(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let (handler, plan) = try await Self.handler(SQLFamilyStore.incidents(database))
            let batcher = TriggerBatcher(handler: handler, maxBatch: 16, logger: testLogger)
            let missing = "arn:aws:ssm-incidents::\(Self.account):response-plan/missing"
            let results = await withTaskGroup(of: (Int, Result<TriggerOutcome, any Error>).self) { group in
                for index in 0..<12 {
                    group.addTask {
                        do {
                            let trigger = Self.trigger(plan: index == 5 ? missing : plan, key: "same")
                            return (index, .success(try await batcher.trigger(trigger, accountID: Self.account, region: "us-east-1")))
                        } catch {
                            return (index, .failure(error))
                        }
                    }
                }
                return await group.reduce(into: [Int: Result<TriggerOutcome, any Error>]()) { $0[$1.0] = $1.1 }
            }
            for (index, result) in results {
                switch result {
                case .success(let outcome):
                    #expect(index != 5)
                    #expect(outcome.incidentArn.contains("incident-record/disk/"))
                case .failure(let error):
                    #expect(index == 5)
                    #expect((error as? IncidentsError)?.awsError.code == "ResourceNotFoundException")
                }
            }
            let arns = results.values.compactMap { try? $0.get().incidentArn }
            #expect(arns.count == 11)
            #expect(Set(arns).count == 1)
        }
    }
}

/// A store that counts write transactions and, while closed, holds each new one at its start until opened.
final class GatedStore: FamilyStore {
    typealias Transaction = any IncidentsTransaction
    let base: any IncidentsStore
    private let state = Mutex<(count: Int, closed: Bool, waiters: [CheckedContinuation<Void, Never>])>((0, false, []))

    init(_ base: any IncidentsStore) {
        self.base = base
    }

    var transactions: Int { state.withLock { $0.count } }

    /// Transactions waiting for the gate to open.
    var held: Int { state.withLock { $0.waiters.count } }

    func close() {
        state.withLock { $0.closed = true }
    }

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.closed = false
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0.resume() }
    }

    func read<T: Sendable>(logger: Logger, _ body: @Sendable (Transaction) async throws -> T) async throws -> T {
        try await base.read(logger: logger, body)
    }

    func write<T: Sendable>(logger: Logger, _ body: @Sendable (Transaction) async throws -> T) async throws -> T {
        await withCheckedContinuation { continuation in
            let proceed = state.withLock { state -> Bool in
                state.count += 1
                if state.closed {
                    state.waiters.append(continuation)
                    return false
                }
                return true
            }
            if proceed { continuation.resume() }
        }
        return try await base.write(logger: logger, body)
    }
}
