import Alerting
import AsyncHTTPClient
import Foundation
import HikeshiCore
import IncidentsAPI
import Logging
import NIOCore
import SSMIncidentsModel
import Scheduler
import Storage

/// Runs ``ChatDeliveryJob``s: renders the incident's news for the channel's kind (Slack, Teams,
/// Chime) and posts it to the channel's webhook. A failed post throws, so the scheduler retries it
/// with backoff; the webhook URL is never logged.
struct ChatDeliveryHandler: JobHandler {
    let kind = ChatDeliveryJob.jobKind
    let store: any IncidentsStore
    let registry: IntegrationRegistry
    let httpClient: HTTPClient
    let logger: Logger

    init(store: any IncidentsStore, registry: IntegrationRegistry, httpClient: HTTPClient, logger: Logger) {
        self.store = store
        self.registry = registry
        self.httpClient = httpClient
        self.logger = logger
    }

    func run(_ job: Job) async throws {
        let delivery = try job.payload(as: ChatDeliveryJob.self)
        let notification = delivery.notification
        let loaded = try await store.read(logger: logger) { tx -> (IntegrationRecord, Incident)? in
            guard let channel = try await tx.integrations.record(id: delivery.channelID, accountID: notification.accountID),
                let incident = try await tx.incidents.record(arn: notification.incidentArn, accountID: notification.accountID)
            else { return nil }
            return (channel, incident)
        }
        guard let (channel, incident) = loaded else { return }
        let kind = channel.kind
        guard let url = try registry.settings(of: channel).webhookURL else { return }
        let event = Self.event(notification, incident: incident)
        let body: [UInt8]
        switch kind {
        case .teams: body = ChatRenderer.teams(event)
        case .chime: body = ChatRenderer.chime(event)
        default: body = ChatRenderer.slack(event)
        }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await httpClient.execute(request, timeout: .seconds(10))
        _ = try? await response.body.collect(upTo: 64 * 1024)
        guard (200..<300).contains(response.status.code) else {
            logger.warning(
                "chat post refused",
                metadata: ["chat.channel": .string(channel.id), "http.status": "\(response.status.code)", "incident.arn": .string(incident.arn)]
            )
            throw ChatPostFailure(status: Int(response.status.code))
        }
        logger.info(
            "chat posted",
            metadata: [
                "chat.channel": .string(channel.id), "chat.event": .string(notification.event.rawValue), "incident.arn": .string(incident.arn),
            ]
        )
    }

    /// The chat event for a notification, with the incident as it was then (as it is now for old jobs).
    static func event(_ notification: IncidentNotification, incident current: Incident) -> ChatEvent {
        var incident = (title: current.title, impact: current.impact, status: current.status)
        if let snapshot = notification.snapshot {
            incident = (snapshot.title, snapshot.impact, snapshot.status)
        }
        let status: ChatEvent.IncidentStatus = incident.status == .resolved ? .resolved : .open
        let kind: ChatEvent.Kind
        switch notification.event {
        case .created: kind = .created
        case .impactChanged: kind = .impactChanged(old: notification.oldImpact ?? incident.impact, new: incident.impact)
        case .titleChanged: kind = .note(author: notification.actor ?? "Incident Manager", text: "Title changed to \(incident.title)")
        case .note: kind = .note(author: notification.actor ?? "someone", text: notification.text ?? "")
        case .acknowledged: kind = .acknowledged(by: notification.actor ?? "someone")
        case .resolved: kind = .resolved
        case .reopened: kind = .statusChanged(old: .resolved, new: .open)
        }
        return ChatEvent(kind: kind, incidentTitle: incident.title, incidentArn: current.arn, impact: incident.impact, status: status)
    }
}

/// A chat webhook answered with an error status.
struct ChatPostFailure: Error, CustomStringConvertible {
    let status: Int
    var description: String { "chat webhook answered HTTP \(status)" }
}
