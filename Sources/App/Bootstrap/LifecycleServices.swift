import Foundation
import Logging
import PostgresNIO
import Scheduler
import ServiceLifecycle
import Storage
import Synchronization

/// Set once the HTTP server listens (migrations done); `/health` answers 200 from then on.
final class ReadinessFlag: Sendable {
    private let state = Mutex(false)

    var isReady: Bool { state.withLock { $0 } }

    func markReady() {
        state.withLock { $0 = true }
    }

    /// Waits until ready, polling; returns early if the task is cancelled.
    func waitUntilReady() async {
        while !isReady && !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// Holds the credentials outcome between the start-up step and the ready callback.
final class CredentialsOutcomeBox: Sendable {
    private let state = Mutex<CredentialsBootstrap.Outcome?>(nil)

    var value: CredentialsBootstrap.Outcome? { state.withLock { $0 } }

    func set(_ outcome: CredentialsBootstrap.Outcome) {
        state.withLock { $0 = outcome }
    }
}

/// Forwards job notifications to the scheduler, which is made after the engine that notifies it.
final class NotifierRelay: JobNotifier {
    private let state = Mutex<(any JobNotifier)?>(nil)

    var target: (any JobNotifier)? {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }

    func wake() {
        target?.wake()
    }
}

/// The PostgreSQL pool as a service of the application.
///
/// Shut down after the HTTP server and the scheduler, so no work still needs it. Its close is bounded:
/// should a connection not close within `closeTimeout` (seen rarely on busy CI machines), the service
/// returns anyway and the process exit closes the sockets.
struct PostgresPoolService: Service {
    let client: PostgresClient
    let logger: Logger
    var closeTimeout: Duration = .seconds(3)

    func run() async throws {
        let pool = Task { await client.run() }
        let outcome = FirstOutcome()
        Task {
            await pool.value
            outcome.settle(closed: true)
        }
        await withTaskCancellationHandler {
            try? await gracefulShutdown()
        } onCancel: {
            pool.cancel()
        }
        pool.cancel()
        let timeout = closeTimeout
        Task {
            try? await Task.sleep(for: timeout)
            outcome.settle(closed: false)
        }
        if await outcome.value() == false {
            logger.warning("postgres pool did not close in time", metadata: ["timeout.seconds": "\(timeout.components.seconds)"])
        }
    }
}

/// The first of several racing outcomes: `value()` returns the first one settled.
final class FirstOutcome: Sendable {
    private let state = Mutex<(closed: Bool?, waiter: CheckedContinuation<Bool, Never>?)>((nil, nil))

    func settle(closed: Bool) {
        let waiter: CheckedContinuation<Bool, Never>? = state.withLock { state in
            guard state.closed == nil else { return nil }
            state.closed = closed
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: closed)
    }

    func value() async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let settled = state.withLock { state -> Bool? in
                if let closed = state.closed { return closed }
                state.waiter = continuation
                return nil
            }
            if let settled { continuation.resume(returning: settled) }
        }
    }
}

/// Starts the scheduler once the schema is migrated (the server is listening).
struct SchedulerAfterMigrations: Service {
    let scheduler: SchedulerService
    let ready: ReadinessFlag

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await ready.waitUntilReady()
        }
        guard !Task.isCancelled else { return }
        try await scheduler.run()
    }
}

/// Closes the embedded database when the application stops.
struct DatabaseShutdownService: Service {
    let database: any DatabaseClient

    func run() async throws {
        try? await gracefulShutdown()
        await database.shutdown()
    }
}
