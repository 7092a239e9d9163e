import Foundation
import HikeshiCore
import Logging
import SSMIncidentsModel
import Scheduler
import Storage

/// Runs ``IncidentNotification`` jobs: finds the incident's chat channels (`chatChannel.chatbotSns`)
/// and notification targets (`snsTopicArn`) that name a registered channel, and queues one
/// ``ChatDeliveryJob`` per channel, so a failing channel never delays or repeats the others.
public struct NotificationFanOut: JobHandler {
    /// The job kind.
    public let kind = IncidentNotification.jobKind
    let store: any IncidentsStore
    let clock: any HikeshiClock
    let notifier: (any JobNotifier)?
    let logger: Logger

    /// Creates the handler.
    public init(store: any IncidentsStore, clock: any HikeshiClock, notifier: (any JobNotifier)?, logger: Logger) {
        self.store = store
        self.clock = clock
        self.notifier = notifier
        self.logger = logger
    }

    /// Queues the per-channel deliveries, once per notification job.
    public func run(_ job: Job) async throws {
        let notification = try job.payload(as: IncidentNotification.self)
        let now = clock.now()
        let queued = try await store.write(logger: logger) { tx -> Int in
            guard let incident = try await tx.incidents.record(arn: notification.incidentArn, accountID: notification.accountID) else {
                return 0
            }
            var channels: [String] = []
            if case .topics(let topics) = incident.chatChannel {
                channels.append(contentsOf: topics)
            }
            channels.append(contentsOf: incident.notificationTopics ?? [])
            var seen = Set<String>()
            var count = 0
            let integrations = tx.integrations
            let queue = tx.jobs
            for channel in channels where seen.insert(channel).inserted {
                guard try await integrations.record(id: channel, accountID: notification.accountID) != nil else { continue }
                try await queue.enqueue(
                    kind: ChatDeliveryJob.jobKind,
                    payload: ChatDeliveryJob(channelID: channel, notification: notification),
                    dueAt: now,
                    now: now,
                    id: "chat:\(job.id):\(channel)"
                )
                count += 1
            }
            return count
        }
        if queued > 0 {
            notifier?.wake()
            logger.debug("chat notifications queued", metadata: ["incident.arn": .string(notification.incidentArn), "chat.channels": "\(queued)"])
        }
    }
}
