import Logging
import PostgresNIO
import ServiceLifecycle

/// Listens on PostgreSQL for jobs committed by any node (``JobQueue/notificationChannel``) and calls `wake` for each,
/// so a page enqueued on one node is picked up by whichever node is free at once, not at its next poll.
///
/// It holds one pooled connection. When that connection is lost it listens again after `retryDelay`, and wakes once
/// on each new start in case an announcement fell in the gap.
public struct JobNotificationListener: Service, CustomStringConvertible {
    private let database: PostgresDatabaseClient
    private let wake: @Sendable () -> Void
    private let retryDelay: Duration
    private let logger: Logger

    /// The service's name in the lifecycle's logs (without it, the name is made by reflection at every start).
    public var description: String { "job notifications (LISTEN)" }

    /// A listener on `database` that calls `wake` for every announcement.
    public init(database: PostgresDatabaseClient, retryDelay: Duration = .seconds(1), logger: Logger, wake: @escaping @Sendable () -> Void) {
        self.database = database
        self.wake = wake
        self.retryDelay = retryDelay
        self.logger = logger
    }

    /// Listens until graceful shutdown.
    public func run() async throws {
        let wake = self.wake
        let logger = self.logger
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await database.client.withConnection { connection in
                        try await connection.listen(on: JobQueue.notificationChannel) { notifications in
                            logger.debug("listening for jobs", metadata: ["postgres.channel": .string(JobQueue.notificationChannel)])
                            wake()
                            for try await _ in notifications {
                                wake()
                            }
                        }
                    }
                } catch {
                    if Task.isCancelled { break }
                    logger.warning("job notifications interrupted; listening again", metadata: ["error": .string(String(describing: error))])
                }
                try? await Task.sleep(for: retryDelay)
            }
        }
    }
}
