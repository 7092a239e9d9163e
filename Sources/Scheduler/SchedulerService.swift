import Foundation
import HikeshiCore
import Logging
import ServiceLifecycle
import Storage
import Synchronization

/// Claims due jobs and runs them through their handlers, with short renewed leases, retries and an injected clock.
///
/// Run it in the application's service group. While a job runs, its node renews the job's lease every
/// ``Configuration/renewInterval``; a node that dies stops renewing, and another node takes the job over once the
/// lease (``Configuration/lease``) runs out. A node that cannot renew in time gives its jobs up (their handlers are
/// cancelled), so a job does not run on two live nodes at once; a job that was in the middle of a delivery when its
/// node died runs again on another node (at least once).
///
/// Due times are domain time (``HikeshiClock``, scaled in tests); leases are on the lease clock, the machines' real
/// clocks, which must agree across nodes to well under the lease. Tests drive it with ``runDueJobs()`` and a
/// ``ManualClock`` instead of ``run()``.
public final class SchedulerService: Service {
    /// Tuning of the scheduler.
    public struct Configuration: Sendable {
        /// How long a claimed job is reserved for its node without a renewal (lease-clock seconds).
        public var lease: TimeInterval = 4
        /// How often a node renews the leases of the jobs it runs (lease-clock seconds); well under ``lease``.
        public var renewInterval: TimeInterval = 1
        /// How many jobs one claim takes.
        public var batchSize: Int = 64
        /// How many jobs one node runs at once.
        public var maxRunningJobs: Int = 64
        /// The longest the loop sleeps without looking at the table: a safety net, since enqueues wake it (on this node
        /// directly, on other nodes through PostgreSQL notifications) and it knows the next due time and lease end.
        public var pollInterval: TimeInterval = 5
        /// The first retry delay; doubled for each attempt.
        public var retryBase: TimeInterval = 5
        /// The longest retry delay.
        public var retryCap: TimeInterval = 600

        /// The defaults.
        public init() {}
    }

    private let jobs: any JobStore
    private let clock: any HikeshiClock
    private let leaseClock: any HikeshiClock
    private let handlers: [String: any JobHandler]
    private let configuration: Configuration
    private let logger: Logger
    /// This process's lease owner name: unique to the process's life, so a restarted node never renews the leases
    /// of its previous life.
    public let owner: String
    private let wakeSignal: WakeSignal
    private let running = RunningJobs()

    /// Creates a scheduler; `wakeSignal` is the one the job producers notify (see ``WakeSignal``). `owner` names this
    /// node in leases (a random suffix is added); `leaseClock` times leases (the real clock unless a test injects one).
    public init(
        jobs: any JobStore,
        clock: any HikeshiClock,
        leaseClock: any HikeshiClock = SystemClock(),
        handlers: [any JobHandler],
        configuration: Configuration = Configuration(),
        owner: String = SchedulerService.defaultNodeName,
        wakeSignal: WakeSignal = WakeSignal(),
        logger: Logger
    ) {
        self.wakeSignal = wakeSignal
        self.jobs = jobs
        self.clock = clock
        self.leaseClock = leaseClock
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        self.configuration = configuration
        self.owner = owner + "/" + UUID().uuidString.prefix(8).lowercased()
        self.logger = logger
    }

    /// The host name and process id, the node name when none is configured.
    public static var defaultNodeName: String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Tells the loop that a job was enqueued, so it looks now instead of at its next poll.
    public func wake() {
        wakeSignal.signal()
    }

    /// Runs until graceful shutdown: claims due jobs as capacity allows, runs them while renewing their leases, and
    /// sleeps until the next is due, a lease ends, a job finishes or a wake-up.
    public func run() async throws {
        logger.info("scheduler started", metadata: ["scheduler.owner": .string(owner)])
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.renewLeases() }
                while !Task.isCancelled {
                    do {
                        for job in try await self.claim(limit: self.configuration.maxRunningJobs - self.running.count) {
                            group.addTask {
                                await self.execute(job)
                                self.wakeSignal.signal()
                            }
                        }
                    } catch {
                        self.logger.error("scheduler pass failed", metadata: ["error": .string(String(describing: error))])
                    }
                    await self.sleepUntilNextLook()
                }
                group.cancelAll()
            }
        }
        logger.info("scheduler stopped", metadata: ["scheduler.owner": .string(owner)])
    }

    /// Claims one batch of due jobs and runs them to the end; returns how many ran. (For tests and tools: ``run()``
    /// does not wait for a batch before claiming more.)
    @discardableResult
    public func runDueJobs() async throws -> Int {
        let jobs = try await claim(limit: configuration.batchSize)
        await withTaskGroup(of: Void.self) { group in
            for job in jobs {
                group.addTask { await self.execute(job) }
            }
        }
        return jobs.count
    }

    /// Renews the leases of this node's running jobs once; gives up the jobs it no longer holds. Returns the ids it
    /// still holds. (``run()`` calls it every ``Configuration/renewInterval``.)
    @discardableResult
    public func renewLeasesOnce() async throws -> Set<String> {
        let local = running.ids
        let held = try await jobs.renew(owner: owner, leaseUntil: leaseClock.now().addingTimeInterval(configuration.lease), logger: logger)
        for id in local.subtracting(held) {
            giveUp(id, reason: "another node holds its lease")
        }
        return held
    }

    private func claim(limit: Int) async throws -> [Job] {
        guard limit > 0 else { return [] }
        let leaseNow = leaseClock.now()
        let claimed = try await jobs.claim(
            owner: owner, now: clock.now(), leaseNow: leaseNow, leaseUntil: leaseNow.addingTimeInterval(configuration.lease),
            limit: min(limit, configuration.batchSize), logger: logger)
        for job in claimed {
            running.insert(job.id)
        }
        return claimed
    }

    private func sleepUntilNextLook() async {
        let now = clock.now()
        var deadline = now.addingTimeInterval(configuration.pollInterval)
        var leaseDeadline: Date?
        do {
            let horizon = try await jobs.horizon(leaseNow: leaseClock.now(), logger: logger)
            if let next = horizon.nextDue, next < deadline {
                deadline = max(next, now)
            }
            // A lease that runs out is another node's job to take over; look just after it ends.
            leaseDeadline = horizon.nextLeaseEnd.map { $0.addingTimeInterval(0.001) }
        } catch {
            // Polling again at the interval is the recovery; say why the loop could not look ahead.
            logger.warning("scheduler could not read the next due time", metadata: ["error": .string(String(describing: error))])
        }
        if running.count >= configuration.maxRunningJobs {
            // No room for more: a finishing job wakes the loop. A due job must not wake it either, or the loop would
            // spin on the horizon query until then; the poll interval stays as the safety net.
            leaseDeadline = nil
            deadline = now.addingTimeInterval(configuration.pollInterval)
        }
        let clock = self.clock
        let leaseClock = self.leaseClock
        let wakeSignal = self.wakeSignal
        let wakeAt = deadline
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await clock.sleep(until: wakeAt) }
            if let leaseDeadline {
                group.addTask { try? await leaseClock.sleep(until: leaseDeadline) }
            }
            group.addTask { await wakeSignal.wait() }
            await group.next()
            group.cancelAll()
        }
    }

    /// Renews leases every ``Configuration/renewInterval`` until cancelled. When renewals fail for longer than a
    /// lease, other nodes may have taken the jobs over: this node gives them all up.
    private func renewLeases() async {
        var lastRenewal = leaseClock.now()
        while !Task.isCancelled {
            do {
                try await leaseClock.sleep(until: leaseClock.now().addingTimeInterval(configuration.renewInterval))
            } catch {
                return
            }
            guard running.count > 0 else {
                lastRenewal = leaseClock.now()
                continue
            }
            do {
                try await renewLeasesOnce()
                lastRenewal = leaseClock.now()
            } catch {
                logger.warning("could not renew job leases", metadata: ["error": .string(String(describing: error))])
                if leaseClock.now().timeIntervalSince(lastRenewal) >= configuration.lease {
                    for id in running.ids {
                        giveUp(id, reason: "its lease could not be renewed in time")
                    }
                }
            }
        }
    }

    private func giveUp(_ id: String, reason: String) {
        if running.markLost(id) {
            logger.warning("job lease lost; the job stops here", metadata: ["job.id": .string(id), "job.lease_lost_because": .string(reason)])
        }
    }

    private func execute(_ job: Job) async {
        var logger = self.logger
        logger[metadataKey: "job.id"] = .string(job.id)
        logger[metadataKey: "job.kind"] = .string(job.kind)
        logger[metadataKey: "job.attempt"] = .stringConvertible(job.attempts)
        running.insert(job.id)
        defer { running.remove(job.id) }
        guard let handler = handlers[job.kind] else {
            await recordFailure(of: job, error: SchedulerError.noHandler(job.kind), logger: logger)
            return
        }
        let running = self.running
        // The handler races the loss of its lease; losing it cancels the handler.
        let outcome: JobOutcome = await withTaskGroup(of: JobOutcome.self) { group in
            group.addTask {
                do {
                    try await handler.run(job)
                    return .succeeded
                } catch {
                    return .failed(error)
                }
            }
            group.addTask {
                await running.waitUntilLost(job.id)
                return .leaseLost
            }
            let first = await group.next() ?? .leaseLost
            group.cancelAll()
            return first
        }
        switch outcome {
        case .succeeded:
            do {
                if try await jobs.complete(job.id, owner: owner, logger: logger) {
                    logger.debug("job done")
                } else {
                    logger.warning("job done after its lease was lost; another node may run it again")
                }
            } catch {
                // The lease will run out and the job will run again: at least once.
                logger.error("could not record job completion", metadata: ["error": .string(String(describing: error))])
            }
        case .failed(let error):
            await recordFailure(of: job, error: error, logger: logger)
        case .leaseLost:
            logger.warning("job stopped: its lease was lost")
        }
    }

    private func recordFailure(of job: Job, error: any Error, logger: Logger) async {
        let now = clock.now()
        let retryAt: Date?
        if Task.isCancelled {
            // Shutting down: leave the job to the next node at once, without counting against it more than its claim.
            retryAt = now
        } else {
            let permanent = (error as? SchedulerError)?.isPermanent ?? false
            retryAt = permanent || job.attempts >= job.maxAttempts ? nil : now.addingTimeInterval(backoff(attempt: job.attempts))
        }
        let message = String(describing: error)
        logger.warning("job failed", metadata: ["error": .string(message), "job.retry_at": .string(retryAt.map { "\($0)" } ?? "never")])
        do {
            try await jobs.fail(job.id, owner: owner, error: message, retryAt: retryAt, now: now, logger: logger)
        } catch {
            // The lease will run out and the job will be claimed again.
            logger.error("could not record job failure", metadata: ["error": .string(String(describing: error))])
        }
    }

    /// The delay before attempt `attempt + 1`: exponential with jitter, capped.
    func backoff(attempt: Int) -> TimeInterval {
        let exponent = Double(max(0, min(attempt - 1, 20)))
        let delay = min(configuration.retryBase * pow(2, exponent), configuration.retryCap)
        return delay * Double.random(in: 0.8...1.2)
    }
}

/// How one run of a job ended.
private enum JobOutcome: Sendable {
    case succeeded
    case failed(any Error)
    case leaseLost
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

    /// Both kinds are permanent: retrying finds no handler and cannot fix a permanent failure.
    var isPermanent: Bool {
        switch code {
        case .noHandler, .permanent: true
        }
    }
}
