import Foundation
import Logging
import Scheduler
import ServiceLifecycle
import Storage
import Synchronization

/// Opens once the schema is migrated (and the bootstrap credentials exist): `/health` answers 200, requests
/// are served and the scheduler starts from then on. Everything that needs the schema waits on it.
final class MigrationGate: Sendable {
    private enum Phase {
        case waiting([UUID: CheckedContinuation<Bool, Never>])
        case completed
        case failed
    }

    private let phase = Mutex(Phase.waiting([:]))

    /// Whether the migrations are done.
    var isCompleted: Bool {
        phase.withLock { if case .completed = $0 { true } else { false } }
    }

    /// Marks the migrations done and wakes every waiter.
    func complete() {
        settle(succeeded: true)
    }

    /// Marks the migrations failed: waiters give up.
    func fail() {
        settle(succeeded: false)
    }

    /// Waits until the migrations are done; returns whether they succeeded (false when they failed or this
    /// task was cancelled while waiting).
    @discardableResult
    func waitUntilCompleted() async -> Bool {
        if isCompleted { return true }
        let id = UUID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let now: Bool? = phase.withLock { phase in
                    switch phase {
                    case .completed: return true
                    case .failed: return false
                    case .waiting(var waiters):
                        if Task.isCancelled { return false }
                        waiters[id] = continuation
                        phase = .waiting(waiters)
                        return nil
                    }
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            let waiter: CheckedContinuation<Bool, Never>? = phase.withLock { phase in
                guard case .waiting(var waiters) = phase, let waiter = waiters.removeValue(forKey: id) else { return nil }
                phase = .waiting(waiters)
                return waiter
            }
            waiter?.resume(returning: false)
        }
    }

    private func settle(succeeded: Bool) {
        let waiters: [CheckedContinuation<Bool, Never>] = phase.withLock { phase in
            guard case .waiting(let waiters) = phase else { return [] }
            phase = succeeded ? .completed : .failed
            return Array(waiters.values)
        }
        for waiter in waiters {
            waiter.resume(returning: succeeded)
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

/// Applies the migrations and bootstraps the credentials, then opens the gate; runs until shutdown.
///
/// A failure stops the whole application (the service throws), so `hikeshi serve` exits instead of
/// serving a database it could not prepare.
struct MigrationService: Service, CustomStringConvertible {
    let gate: MigrationGate
    let prepare: @Sendable () async throws -> Void

    /// The service's name in the lifecycle's logs (without it, the name is made by reflection at every start).
    var description: String { "migrations" }

    func run() async throws {
        do {
            try await prepare()
        } catch {
            gate.fail()
            throw error
        }
        gate.complete()
        try? await gracefulShutdown()
    }
}

/// Starts the scheduler once the migrations are done.
struct SchedulerAfterMigrations: Service, CustomStringConvertible {
    let scheduler: SchedulerService
    let gate: MigrationGate

    /// The service's name in the lifecycle's logs.
    var description: String { "scheduler" }

    func run() async throws {
        let migrated = await cancelWhenGracefulShutdown {
            await gate.waitUntilCompleted()
        }
        guard migrated, !Task.isCancelled else {
            // The migrations failed (or we are stopping): their error stops the group; ending first would hide it.
            try? await gracefulShutdown()
            return
        }
        try await scheduler.run()
    }
}

/// Closes the embedded database when the application stops.
struct DatabaseShutdownService: Service, CustomStringConvertible {
    let database: any DatabaseClient

    /// The service's name in the lifecycle's logs.
    var description: String { "database shutdown" }

    func run() async throws {
        try? await gracefulShutdown()
        await database.shutdown()
    }
}
