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
struct PostgresPoolService: Service {
    let client: PostgresClient

    func run() async throws {
        await client.run()
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
