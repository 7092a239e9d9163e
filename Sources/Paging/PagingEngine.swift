import Foundation
import HikeshiCore
import Logging
import Scheduler
import Storage

/// The paging engine: the job handlers that carry an engagement from plan to people to channels.
///
/// Every step is a durable job committed with the state it depends on: an engagement stage creates
/// its pages and their first page stage in one transaction; a page stage queues its deliveries; a
/// delivery records its receipt under the job's own key, so a job that runs again after a crash
/// does not send twice once its receipt is written.
public struct PagingEngine: Sendable {
    let store: any PagingStore
    let clock: any HikeshiClock
    let sender: any PageSender
    let resolver: any OnCallResolver
    let notifier: (any JobNotifier)?
    let logger: Logger

    /// Creates the engine.
    public init(
        store: any PagingStore,
        clock: any HikeshiClock,
        sender: any PageSender,
        resolver: any OnCallResolver,
        notifier: (any JobNotifier)? = nil,
        logger: Logger
    ) {
        self.store = store
        self.clock = clock
        self.sender = sender
        self.resolver = resolver
        self.notifier = notifier
        self.logger = logger
    }

    /// The job handlers to register with the scheduler.
    public var handlers: [any JobHandler] {
        [
            EngagementStageHandler(engine: self),
            PageStageHandler(engine: self),
            PageDeliveryHandler(engine: self),
            ChannelActivationHandler(engine: self),
        ]
    }

    /// Queues a follow-up job in the caller's transaction, under an id made of its kind and key, unless one with that id
    /// is queued or running.
    ///
    /// A handler that runs again (its node died after its commit, before the job was marked done) then queues nothing
    /// twice: two delivery jobs for one page and channel would both send, at the same moment, after the takeover.
    func enqueue<Payload: PagingFollowUp>(_ payload: Payload, dueAt: Date, on tx: any PagingTransaction) async throws {
        try await tx.jobs.enqueue(
            kind: Payload.kind, payload: payload, dueAt: dueAt, now: clock.now(), id: "\(Payload.kind):\(payload.onceKey)")
    }
}
