import Foundation
import HikeshiCore
import Logging
import ServiceLifecycle
import Storage
import Synchronization

/// Claims due jobs and runs them through their handlers, with leases, retries and an injected clock.
///
/// Run it in the application's service group. Tests drive it with ``runDueJobs()`` and a
/// ``ManualClock`` instead of ``run()``.
public final class SchedulerService: Service {
    /// Tuning of the scheduler.
    public struct Configuration: Sendable {
        /// How long a claimed job is reserved for this process.
        public var lease: TimeInterval = 120
        /// How many jobs one claim takes.
        public var batchSize: Int = 64
        /// The longest the loop sleeps without looking at the table (other nodes may add jobs).
        public var pollInterval: TimeInterval = 1
        /// The first retry delay; doubled for each attempt.
        public var retryBase: TimeInterval = 5
        /// The longest retry delay.
        public var retryCap: TimeInterval = 600

        /// The defaults.
        public init() {}
    }

    private let jobs: any JobStore
    private let clock: any HikeshiClock
    private let handlers: [String: any JobHandler]
    private let configuration: Configuration
    private let logger: Logger
    /// This process's lease owner name.
    public let owner: String
    private let wakeSignal: WakeSignal

    /// Creates a scheduler; `wakeSignal` is the one the job producers notify (see ``WakeSignal``).
    public init(
        jobs: any JobStore,
        clock: any HikeshiClock,
        handlers: [any JobHandler],
        configuration: Configuration = Configuration(),
        owner: String = "node-" + UUID().uuidString.prefix(8).lowercased(),
        wakeSignal: WakeSignal = WakeSignal(),
        logger: Logger
    ) {
        self.wakeSignal = wakeSignal
        self.jobs = jobs
        self.clock = clock
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        self.configuration = configuration
        self.owner = owner
        self.logger = logger
    }

    /// Tells the loop that a job was enqueued, so it looks now instead of at its next poll.
    public func wake() {
        wakeSignal.signal()
    }

    /// Runs until graceful shutdown: claims due jobs, runs them, sleeps until the next is due.
    public func run() async throws {
        logger.info("scheduler started", metadata: ["scheduler.owner": .string(owner)])
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    while try await self.runDueJobs() > 0 {}
                } catch {
                    self.logger.error("scheduler pass failed", metadata: ["error": .string(String(describing: error))])
                }
                let now = self.clock.now()
                var deadline = now.addingTimeInterval(self.configuration.pollInterval)
                do {
                    if let next = try await self.jobs.nextDue(logger: self.logger), next < deadline {
                        deadline = max(next, now)
                    }
                } catch {
                    // Polling again at the interval is the recovery; say why the loop could not look ahead.
                    self.logger.warning("scheduler could not read the next due time", metadata: ["error": .string(String(describing: error))])
                }
                let clock = self.clock
                let wakeSignal = self.wakeSignal
                let wakeAt = deadline
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { try? await clock.sleep(until: wakeAt) }
                    group.addTask { await wakeSignal.wait() }
                    await group.next()
                    group.cancelAll()
                }
            }
        }
        logger.info("scheduler stopped", metadata: ["scheduler.owner": .string(owner)])
    }

    /// Claims one batch of due jobs and runs them concurrently; returns how many ran.
    @discardableResult
    public func runDueJobs() async throws -> Int {
        let now = clock.now()
        let leaseUntil = now.addingTimeInterval(configuration.lease)
        let jobs = try await self.jobs.claim(owner: owner, now: now, leaseUntil: leaseUntil, limit: configuration.batchSize, logger: logger)
        await withTaskGroup(of: Void.self) { group in
            for job in jobs {
                group.addTask { await self.execute(job) }
            }
        }
        return jobs.count
    }

    private func execute(_ job: Job) async {
        var logger = self.logger
        logger[metadataKey: "job.id"] = .string(job.id)
        logger[metadataKey: "job.kind"] = .string(job.kind)
        logger[metadataKey: "job.attempt"] = .stringConvertible(job.attempts)
        do {
            guard let handler = handlers[job.kind] else {
                throw SchedulerError.noHandler(job.kind)
            }
            try await handler.run(job)
            try await jobs.complete(job.id, owner: owner, logger: logger)
            logger.debug("job done")
        } catch {
            let now = clock.now()
            let permanent = (error as? SchedulerError)?.isPermanent ?? false
            let retryAt = permanent || job.attempts >= job.maxAttempts ? nil : now.addingTimeInterval(backoff(attempt: job.attempts))
            let message = String(describing: error)
            logger.warning(
                "job failed",
                metadata: ["error": .string(message), "job.retry_at": .string(retryAt.map { "\($0)" } ?? "never")]
            )
            do {
                try await jobs.fail(job.id, owner: owner, error: message, retryAt: retryAt, now: now, logger: logger)
            } catch {
                // The lease will run out and the job will be claimed again.
                logger.error("could not record job failure", metadata: ["error": .string(String(describing: error))])
            }
        }
    }

    /// The delay before attempt `attempt + 1`: exponential with jitter, capped.
    func backoff(attempt: Int) -> TimeInterval {
        let exponent = Double(max(0, min(attempt - 1, 20)))
        let delay = min(configuration.retryBase * pow(2, exponent), configuration.retryCap)
        return delay * Double.random(in: 0.8...1.2)
    }
}

/// Failures of the scheduler itself.
public struct SchedulerError: Error, Sendable, CustomStringConvertible {
    private enum Code: Sendable {
        case noHandler
        case permanent
    }

    private let code: Code
    /// What happened.
    public let description: String

    /// No handler is registered for a job's kind; the job fails without retries.
    public static func noHandler(_ kind: String) -> SchedulerError {
        SchedulerError(code: .noHandler, description: "no handler for job kind \(kind)")
    }

    /// A handler's failure that retrying cannot fix.
    public static func permanent(_ description: String) -> SchedulerError {
        SchedulerError(code: .permanent, description: description)
    }

    var isPermanent: Bool { true }
}
