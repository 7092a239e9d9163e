import Foundation
import HikeshiCore
import HikeshiTestSupport
import Scheduler
import Storage
import Synchronization
import Testing

/// Records the runs of jobs; fails a job's first `failures[id]` runs.
final class RecordingHandler: JobHandler {
    let kind = "test.record"
    private let state = Mutex<(runs: [String], failures: [String: Int])>(([], [:]))

    init(failures: [String: Int] = [:]) {
        state.withLock { $0.failures = failures }
    }

    var runs: [String] { state.withLock { $0.runs } }

    func run(_ job: Job) async throws {
        let fail = state.withLock { state -> Bool in
            state.runs.append(job.payload)
            if let left = state.failures[job.payload], left > 0 {
                state.failures[job.payload] = left - 1
                return true
            }
            return false
        }
        if fail {
            throw PlannedFailure()
        }
    }
}

/// Runs `test.record` jobs until cancelled, saying when one started.
final class GatedHandler: JobHandler {
    let kind = "test.record"
    private let state = Mutex<(started: Bool, cancelled: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, false, nil))

    var wasCancelled: Bool { state.withLock { $0.cancelled } }

    func run(_ job: Job) async throws {
        let waiter = state.withLock { state in
            state.started = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
        // Stands for a delivery that takes as long as it takes: only cancellation ends it.
        let forever = AsyncStream<Void> { _ in }
        for await _ in forever {}
        state.withLock { $0.cancelled = true }
        throw CancellationError()
    }

    /// Returns once a job has started.
    func waitUntilStarted() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let started = state.withLock { state in
                if !state.started { state.waiter = continuation }
                return state.started
            }
            if started { continuation.resume() }
        }
    }
}

/// A failure the scheduler retries (anything that is not a `SchedulerError`).
struct PlannedFailure: Error {}

@Suite("Scheduler")
struct SchedulerTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func enqueue(_ database: any DatabaseClient, payload: String, dueAt: Date, maxAttempts: Int = 8) async throws {
        let engine = database.engine
        try await database.transaction { sql in
            try await JobQueue(sql, engine: engine).enqueue(
                Job(kind: "test.record", payload: payload, dueAt: dueAt, maxAttempts: maxAttempts), now: start)
        }
    }

    @Test("runs a job only once it is due, then removes it", arguments: TestEngine.available)
    func runsWhenDue(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let clock = ManualClock(start: Self.start)
            let handler = RecordingHandler()
            let scheduler = SchedulerService(jobs: SQLJobStore(database: database), clock: clock, handlers: [handler], logger: testLogger)
            try await Self.enqueue(database, payload: "later", dueAt: Self.start.addingTimeInterval(300))
            #expect(try await scheduler.runDueJobs() == 0)
            clock.advance(by: 299)
            #expect(try await scheduler.runDueJobs() == 0)
            clock.advance(by: 1)
            #expect(try await scheduler.runDueJobs() == 1)
            #expect(handler.runs == ["later"])
            #expect(try await scheduler.runDueJobs() == 0)
            let left = try await SQLJobStore(database: database).count(status: .pending, logger: testLogger)
            #expect(left == 0)
        }
    }

    @Test("a job that fails is retried with backoff, then given up", arguments: TestEngine.available)
    func retries(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let clock = ManualClock(start: Self.start)
            let handler = RecordingHandler(failures: ["flaky": 1, "broken": 99])
            var configuration = SchedulerService.Configuration()
            configuration.retryBase = 10
            let scheduler = SchedulerService(
                jobs: SQLJobStore(database: database), clock: clock, handlers: [handler], configuration: configuration, logger: testLogger)
            try await Self.enqueue(database, payload: "flaky", dueAt: Self.start)
            try await Self.enqueue(database, payload: "broken", dueAt: Self.start, maxAttempts: 3)
            #expect(try await scheduler.runDueJobs() == 2)
            // Not retried before the backoff (10 s ± 20 %) has passed.
            clock.advance(by: 7)
            #expect(try await scheduler.runDueJobs() == 0)
            clock.advance(by: 6)
            #expect(try await scheduler.runDueJobs() == 2)
            clock.advance(by: 30)
            #expect(try await scheduler.runDueJobs() == 1)
            clock.advance(by: 3600)
            #expect(try await scheduler.runDueJobs() == 0)
            #expect(handler.runs.filter { $0 == "flaky" }.count == 2)
            #expect(handler.runs.filter { $0 == "broken" }.count == 3)
            let failed = try await SQLJobStore(database: database).count(status: .failed, logger: testLogger)
            #expect(failed == 1)
        }
    }

    @Test("a job that came due while no process ran runs after a restart", arguments: TestEngine.available)
    func survivesRestart(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, reopen in
            try await Self.enqueue(database, payload: "while-down", dueAt: Self.start.addingTimeInterval(60))
            // The "process" that enqueued it goes away; a new one starts an hour later on the same database.
            let restarted = try await reopen()
            let clock = ManualClock(start: Self.start.addingTimeInterval(3600))
            let handler = RecordingHandler()
            let scheduler = SchedulerService(jobs: SQLJobStore(database: restarted), clock: clock, handlers: [handler], logger: testLogger)
            #expect(try await scheduler.runDueJobs() == 1)
            #expect(handler.runs == ["while-down"])
        }
    }

    @Test("a job claimed by a node that died is taken over once its short lease runs out", arguments: TestEngine.available)
    func expiredLease(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            try await Self.enqueue(database, payload: "orphan", dueAt: Self.start)
            let claimed = try await database.transaction { sql in
                try await JobQueue(sql, engine: database.engine).claim(
                    owner: "dead-node", now: Self.start, leaseNow: Self.start, leaseUntil: Self.start.addingTimeInterval(4), limit: 10)
            }
            #expect(claimed.count == 1)
            let clock = ManualClock(start: Self.start)
            let handler = RecordingHandler()
            let scheduler = SchedulerService(
                jobs: SQLJobStore(database: database), clock: clock, leaseClock: clock, handlers: [handler], logger: testLogger)
            #expect(try await scheduler.runDueJobs() == 0)
            let horizon = try await SQLJobStore(database: database).horizon(leaseNow: clock.now(), logger: testLogger)
            #expect(horizon == JobHorizon(nextDue: nil, nextLeaseEnd: Self.start.addingTimeInterval(4)))
            clock.advance(by: 4.001)
            #expect(try await scheduler.runDueJobs() == 1)
            #expect(handler.runs == ["orphan"])
        }
    }

    @Test("a job taken over from a dead node waits for its due time on the new node's clock", arguments: TestEngine.available)
    func takeoverWaitsForDueTime(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            // The dead node's clock ran ten seconds ahead: it claimed the job when its own clock said it was due.
            let due = Self.start.addingTimeInterval(10)
            try await Self.enqueue(database, payload: "early", dueAt: due)
            _ = try await database.transaction { sql in
                try await JobQueue(sql, engine: database.engine).claim(
                    owner: "dead-node", now: due, leaseNow: Self.start, leaseUntil: Self.start.addingTimeInterval(4), limit: 10)
            }
            let clock = ManualClock(start: Self.start)
            let handler = RecordingHandler()
            let store = SQLJobStore(database: database)
            let scheduler = SchedulerService(jobs: store, clock: clock, leaseClock: clock, handlers: [handler], logger: testLogger)
            clock.advance(by: 5)  // the lease ran out, but here the job is not due for another five seconds
            #expect(try await scheduler.runDueJobs() == 0)
            #expect(try await store.horizon(leaseNow: clock.now(), logger: testLogger) == JobHorizon(nextDue: due, nextLeaseEnd: nil))
            clock.advance(by: 5)
            #expect(try await scheduler.runDueJobs() == 1)
            #expect(handler.runs == ["early"])
            #expect(try await store.count(status: .running, logger: testLogger) == 0)
        }
    }

    @Test(
        "the horizon is the earliest of the first pending job and the running jobs whose lease ran out; live leases end it",
        arguments: TestEngine.available)
    func horizonMixes(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let store = SQLJobStore(database: database)
            for (payload, offset) in [("late", 30.0), ("later", 60.0), ("claimed-live", 2.0), ("claimed-dead", 20.0)] {
                try await Self.enqueue(database, payload: payload, dueAt: Self.start.addingTimeInterval(offset))
            }
            // Two nodes claim one job each (a clock ahead lets them): one keeps a live lease, the other's runs out.
            for (owner, payload, leaseEnd) in [("live-node", "claimed-live", 100.0), ("dead-node", "claimed-dead", 4.0)] {
                try await database.transaction { sql in
                    try await sql.raw(
                        """
                        UPDATE jobs SET status = 'running', lease_owner = \(bind: owner),
                            lease_until = \(bind: Self.start.addingTimeInterval(leaseEnd).millisecondsSince1970)
                        WHERE payload LIKE \(bind: "%" + payload + "%")
                        """
                    ).run()
                }
            }
            let early = try await store.horizon(leaseNow: Self.start, logger: testLogger)
            #expect(early == JobHorizon(nextDue: Self.start.addingTimeInterval(30), nextLeaseEnd: Self.start.addingTimeInterval(4)))
            // Once the dead node's lease ran out, its job (due at +20) comes before the first pending one (+30).
            let later = try await store.horizon(leaseNow: Self.start.addingTimeInterval(5), logger: testLogger)
            #expect(later == JobHorizon(nextDue: Self.start.addingTimeInterval(20), nextLeaseEnd: Self.start.addingTimeInterval(100)))
            try await Self.enqueue(database, payload: "soon", dueAt: Self.start.addingTimeInterval(1))
            #expect(
                try await store.horizon(leaseNow: Self.start.addingTimeInterval(5), logger: testLogger).nextDue == Self.start.addingTimeInterval(1))
        }
    }

    @Test("a running job without a lease (unreadable row state) is claimable, not stranded", arguments: TestEngine.available)
    func runningWithoutLease(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            try await Self.enqueue(database, payload: "no-lease", dueAt: Self.start)
            try await database.transaction { sql in
                try await sql.raw("UPDATE jobs SET status = 'running', lease_owner = 'gone', lease_until = NULL").run()
            }
            let clock = ManualClock(start: Self.start)
            let handler = RecordingHandler()
            let store = SQLJobStore(database: database)
            #expect(try await store.horizon(leaseNow: clock.now(), logger: testLogger) == JobHorizon(nextDue: Self.start, nextLeaseEnd: nil))
            let scheduler = SchedulerService(jobs: store, clock: clock, leaseClock: clock, handlers: [handler], logger: testLogger)
            #expect(try await scheduler.runDueJobs() == 1)
            #expect(handler.runs == ["no-lease"])
        }
    }

    @Test("a slow job keeps its lease while its node renews it, and is taken over once renewals stop", arguments: TestEngine.available)
    func renewedLease(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, reopen in
            try await Self.enqueue(database, payload: "slow", dueAt: Self.start)
            let clock = ManualClock(start: Self.start)
            let slow = GatedHandler()
            let first = SchedulerService(
                jobs: SQLJobStore(database: database), clock: clock, leaseClock: clock, handlers: [slow], owner: "a", logger: testLogger)
            let fast = RecordingHandler()
            let second = SchedulerService(
                jobs: SQLJobStore(database: try await reopen()), clock: clock, leaseClock: clock, handlers: [fast], owner: "b", logger: testLogger)
            let running = Task { try await first.runDueJobs() }
            await slow.waitUntilStarted()
            // Twenty seconds of renewals every second: the other node never gets the job.
            for _ in 0..<20 {
                clock.advance(by: 1)
                #expect(try await first.renewLeasesOnce().count == 1)
                #expect(try await second.runDueJobs() == 0)
            }
            // The first node stops renewing (as if it were killed): past the lease, the second node takes the job over...
            clock.advance(by: 4.001)
            #expect(try await second.runDueJobs() == 1)
            #expect(fast.runs == ["slow"])
            // ...and the first, renewing late, learns it lost the job: its handler is cancelled, nothing is recorded twice.
            #expect(try await first.renewLeasesOnce().isEmpty)
            #expect(try await running.value == 1)
            #expect(slow.wasCancelled)
            #expect(try await SQLJobStore(database: database).count(status: .running, logger: testLogger) == 0)
            #expect(try await SQLJobStore(database: database).count(status: .pending, logger: testLogger) == 0)
        }
    }

    @Test("two processes on one database never run the same job twice", arguments: TestEngine.available)
    func twoProcesses(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, reopen in
            let count = 200
            let engineKind = database.engine
            try await database.transaction { sql in
                for index in 0..<count {
                    try await JobQueue(sql, engine: engineKind).enqueue(
                        Job(kind: "test.record", payload: "job-\(index)", dueAt: Self.start),
                        now: Self.start
                    )
                }
            }
            let other = try await reopen()
            let clock = ManualClock(start: Self.start)
            let handler = RecordingHandler()
            var configuration = SchedulerService.Configuration()
            configuration.batchSize = 7
            let first = SchedulerService(
                jobs: SQLJobStore(database: database), clock: clock, handlers: [handler], configuration: configuration, owner: "a", logger: testLogger
            )
            let second = SchedulerService(
                jobs: SQLJobStore(database: other), clock: clock, handlers: [handler], configuration: configuration, owner: "b", logger: testLogger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for scheduler in [first, second] {
                    group.addTask {
                        while try await scheduler.runDueJobs() > 0 {}
                    }
                }
                try await group.waitForAll()
            }
            #expect(handler.runs.count == count)
            #expect(Set(handler.runs).count == count)
        }
    }

    @Test("a full node sleeps while a job is due for which it has no room, instead of spinning", arguments: [TestEngine.sqlite])
    func fullNodeSleeps(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            try await Self.enqueue(database, payload: "slow", dueAt: Self.start)
            try await Self.enqueue(database, payload: "waiting", dueAt: Self.start)
            let clock = ManualClock(start: Self.start)
            let slow = GatedHandler()
            var configuration = SchedulerService.Configuration()
            configuration.pollInterval = 3600
            configuration.maxRunningJobs = 1
            let scheduler = SchedulerService(
                jobs: SQLJobStore(database: database), clock: clock, handlers: [slow], configuration: configuration, logger: testLogger)
            let loop = Task { try await scheduler.run() }
            await slow.waitUntilStarted()
            // The second job is due but there is no room: the loop must go to sleep on the clock (it spun on the
            // horizon query before, its sleep ending at once). Bounded so that a spinning loop fails, not hangs.
            let limit = ContinuousClock.now + .seconds(10)
            while clock.sleeperCount == 0, ContinuousClock.now < limit {
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(clock.sleeperCount >= 1)
            loop.cancel()
            _ = try? await loop.value
        }
    }

    @Test("the loop wakes on wake() and stops on cancellation", arguments: [TestEngine.sqlite])
    func loopWakes(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let clock = ManualClock(start: Self.start)
            let handler = RecordingHandler()
            var configuration = SchedulerService.Configuration()
            configuration.pollInterval = 3600
            let scheduler = SchedulerService(
                jobs: SQLJobStore(database: database), clock: clock, handlers: [handler], configuration: configuration, logger: testLogger)
            let loop = Task { try await scheduler.run() }
            // Wait for the loop to go to sleep on the clock.
            while clock.sleeperCount == 0 {
                await Task.yield()
            }
            try await Self.enqueue(database, payload: "woken", dueAt: Self.start)
            scheduler.wake()
            while handler.runs.isEmpty {
                await Task.yield()
            }
            loop.cancel()
            _ = try? await loop.value
            #expect(handler.runs == ["woken"])
        }
    }
}
