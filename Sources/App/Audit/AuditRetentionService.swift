import Foundation
import HikeshiCore
import Logging
import ServiceLifecycle
import Storage

/// Removes audit entries older than the retention period: once the migrations are done, then every hour.
struct AuditRetentionService: Service, CustomStringConvertible {
    let audit: any AuditLog
    let retention: TimeInterval
    let clock: any HikeshiClock
    let gate: MigrationGate
    let logger: Logger

    /// The service's name in the lifecycle's logs.
    var description: String { "audit retention" }

    func run() async throws {
        let migrated = await cancelWhenGracefulShutdown { await gate.waitUntilCompleted() }
        guard migrated else {
            // The migrations failed: their error stops the group; ending here first would hide it behind ours.
            try? await gracefulShutdown()
            return
        }
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let removed = try await audit.prune(before: clock.now().addingTimeInterval(-retention), logger: logger)
                    if removed > 0 {
                        logger.info("audit entries past retention removed", metadata: ["audit.removed": .stringConvertible(removed)])
                    }
                } catch {
                    logger.warning("audit retention pass failed", metadata: ["error": .string(String(describing: error))])
                }
                try await clock.sleep(until: clock.now().addingTimeInterval(3600))
            }
        }
    }
}
