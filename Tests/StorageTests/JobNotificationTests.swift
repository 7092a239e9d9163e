import Foundation
import HikeshiCore
import HikeshiTestSupport
import Storage
import Synchronization
import Testing

@Suite("Job notifications")
struct JobNotificationTests {
    /// Counts wake-ups and lets a test wait for the next.
    final class Wakes: Sendable {
        private let state = Mutex<(count: Int, waiters: [CheckedContinuation<Void, Never>])>((0, []))

        var count: Int { state.withLock { $0.count } }

        func wake() {
            let waiters = state.withLock { state in
                state.count += 1
                defer { state.waiters = [] }
                return state.waiters
            }
            waiters.forEach { $0.resume() }
        }

        /// Returns once the count exceeds `count`.
        func wait(beyond count: Int) async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let done = state.withLock { state in
                    if state.count <= count { state.waiters.append(continuation) }
                    return state.count > count
                }
                if done { continuation.resume() }
            }
        }
    }

    @Test(
        "each job committed on one node wakes the listener of another",
        .enabled(if: TestEngine.available.contains(.postgres)), .timeLimit(.minutes(1)))
    func crossNodeWake() async throws {
        try await withTestDatabase(.postgres) { database, reopen in
            guard let listening = try await reopen() as? PostgresDatabaseClient else {
                Issue.record("not a PostgreSQL client")
                return
            }
            let wakes = Wakes()
            let listener = JobNotificationListener(database: listening, logger: testLogger) { wakes.wake() }
            let task = Task { try await listener.run() }
            defer { task.cancel() }
            // The listener wakes once when it starts listening (for anything announced before).
            await wakes.wait(beyond: 0)
            let before = wakes.count
            let engine = database.engine
            for round in 1...3 {
                try await database.transaction { sql in
                    try await JobQueue(sql, engine: engine).enqueue(Job(kind: "test.record", payload: "\(round)", dueAt: Date()), now: Date())
                }
                // Without the notification this would wait forever (the test would hang, then time out).
                await wakes.wait(beyond: before + round - 1)
            }
        }
    }
}
