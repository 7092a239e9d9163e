import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// The PostgreSQL pool as a service of the application.
///
/// Shut down after the HTTP server and the scheduler, so no work still needs it. Its close is bounded:
/// should a connection not close within `closeTimeout` (seen rarely on busy CI machines), the service
/// returns anyway and the process exit closes the sockets.
public struct PostgresPoolService: Service, CustomStringConvertible {
    let client: PostgresClient
    let logger: Logger
    let closeTimeout: Duration

    /// The service's name in the lifecycle's logs (without it, the name is made by reflection at every start).
    public var description: String { "postgresql pool" }

    /// The pool of `database`, closed within `closeTimeout` of shutdown.
    public init(database: PostgresDatabaseClient, logger: Logger, closeTimeout: Duration = .seconds(3)) {
        self.client = database.client
        self.logger = logger
        self.closeTimeout = closeTimeout
    }

    /// Runs the pool until graceful shutdown, then closes it (bounded by the timeout).
    public func run() async throws {
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
