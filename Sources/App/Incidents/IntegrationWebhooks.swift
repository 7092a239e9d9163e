import Alerting
import AsyncHTTPClient
import Foundation
import HTTPTypes
import HikeshiCore
import Hummingbird
import IncidentsAPI
import Logging
import NIOCore
import Storage

/// Inbound alerts: `POST /integrations/{token}` (or `POST /integrations` with `Authorization: Bearer {token}`).
///
/// The integration's kind says how the body reads (Alertmanager, EventBridge, SNS-wrapped CloudWatch
/// alarm, Grafana, generic JSON); every alert becomes a trigger of the integration's response plan:
/// a new incident, or one absorbed by the open incident with the same dedupe string. A resolved
/// alert adds a timeline event and, for integrations created with auto-resolve, resolves the incident.
struct IntegrationWebhooks: Sendable {
    let registry: IntegrationRegistry
    let incidents: IncidentsHandler
    /// Commits bursts of firing alerts together (group commit).
    let batcher: TriggerBatcher
    let clock: any HikeshiClock
    /// The key of the certificate SNS messages must be signed with (parsed at start-up); nil accepts unsigned messages.
    let snsSigningKey: SNSSigningKey?
    /// Confirms SNS subscriptions by fetching their `SubscribeURL`.
    let httpClient: HTTPClient
    /// Testing aid: confirm subscriptions at any host, not only `sns.<region>.amazonaws.com`.
    let confirmAnyHost: Bool
    /// Alerts per integration: a source over its rate gets 429 with `Retry-After`, and retries later.
    let throttle: TokenBuckets
    let logger: Logger

    static let maximumBody = 1024 * 1024

    func register(on router: Router<HikeshiRequestContext>) {
        router.post("/integrations/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            return await handle(request, token: token)
        }
        router.post("/integrations") { request, _ in
            let header = request.headers[.authorization] ?? ""
            let token = header.hasPrefix("Bearer ") ? String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces) : ""
            return await handle(request, token: token)
        }
    }

    private func handle(_ request: Request, token: String) async -> Response {
        do {
            guard let integration = try await registry.find(token: token, logger: logger),
                !integration.kind.isChat
            else {
                return Self.json(.notFound, ["message": "Unknown integration"])
            }
            if case .throttled(let wait) = throttle.take(integration.id) {
                var response = Self.json(.tooManyRequests, ["message": "Too many alerts from this integration; retry later"])
                response.headers[.retryAfter] = String(max(1, Int(wait.rounded(.up))))
                return response
            }
            var request = request
            let buffer = try await request.readBody(upTo: Self.maximumBody)
            let body = Array(buffer.readableBytesView)
            // Refused alike on both engines (PostgreSQL cannot store a NUL), with 4xx so the source does not retry.
            guard (try? AWSEndpoint.refuseNUL(in: Data(body))) != nil else {
                return Self.json(.badRequest, ["message": "The alert holds a NUL character"])
            }
            let settings = try StoredJSON.decode(IntegrationSettings.self, from: integration.settings, what: "integration settings")
            guard let alert = try await alert(from: body, kind: integration.kind, integration: integration) else {
                return Self.json(.ok, ["outcome": "confirmed"])
            }
            return try await deliver(alert, integration: integration, settings: settings)
        } catch let error as AlertingError {
            return Self.json(.badRequest, ["message": error.description])
        } catch let error as IncidentsError {
            return Self.json(HTTPResponse.Status(code: error.awsError.status), ["message": error.message])
        } catch let error as StorageError where error.kind == .unstorableValue {
            // Sending it again would not help: 4xx.
            return Self.json(.badRequest, ["message": "The alert holds a character that cannot be stored (NUL)"])
        } catch let error as StorageError {
            // Answer 5xx so the source retries.
            if !error.isLogged { error.log(on: logger) }
            return Self.json(.serviceUnavailable, ["message": "The alert could not be recorded; retry"])
        } catch let error as RequestBodyError {
            // The source sent something it must not send again as it is: 4xx, so it does not retry.
            var response = Self.json(error.status, ["message": error.message])
            response.headers.append(contentsOf: error.headers)
            return response
        } catch {
            logger.error("integration failed", metadata: ["error.type": .string(String(describing: type(of: error)))])
            return Self.json(.serviceUnavailable, ["message": "The alert could not be recorded; retry"])
        }
    }

    /// The alert a body carries; nil for SNS subscription messages (handled here).
    private func alert(from body: [UInt8], kind: IntegrationKind, integration: IntegrationRecord) async throws -> IncomingAlert? {
        switch kind {
        case .alertmanager:
            return try AlertmanagerWebhook.parse(body).incomingAlert
        case .grafana:
            return try GrafanaWebhook.parse(body).incomingAlert
        case .eventbridge:
            return try EventBridgeEvent.parse(body)
        case .generic:
            return try GenericWebhook.parse(body)
        case .cloudwatchSNS:
            let message = try SNSMessage.parse(body)
            if let snsSigningKey {
                try message.verifySignature(key: snsSigningKey)
            }
            switch message.kind {
            case .subscriptionConfirmation:
                try await confirm(message, integration: integration)
                return nil
            case .unsubscribeConfirmation:
                logger.info("sns unsubscribed", metadata: ["integration.id": .string(integration.id), "sns.topic": .string(message.topicArn)])
                return nil
            case .notification:
                return try message.cloudWatchAlarm()
            }
        case .slack, .teams, .chime:
            return nil
        }
    }

    /// Confirms an SNS subscription by fetching its `SubscribeURL`.
    private func confirm(_ message: SNSMessage, integration: IntegrationRecord) async throws {
        guard let url = message.subscribeURL, let host = URL(string: url)?.host, url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw AlertingError.missingField("SubscribeURL")
        }
        let amazon = url.hasPrefix("https://") && host.hasPrefix("sns.") && (host.hasSuffix(".amazonaws.com") || host.hasSuffix(".amazonaws.com.cn"))
        guard amazon || confirmAnyHost else {
            throw AlertingError.invalidField("SubscribeURL", reason: "not an SNS endpoint")
        }
        let response = try await httpClient.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        guard (200..<300).contains(response.status.code) else {
            throw AlertingError.missingField("SubscribeURL (confirmation answered \(response.status.code))")
        }
        logger.info("sns subscription confirmed", metadata: ["integration.id": .string(integration.id), "sns.topic": .string(message.topicArn)])
    }

    private func deliver(_ alert: IncomingAlert, integration: IntegrationRecord, settings: IntegrationSettings) async throws -> Response {
        let trigger = IncidentTrigger(
            responsePlanArn: integration.targetArn,
            source: alert.source,
            triggerArn: alert.triggerArn,
            title: alert.title,
            impact: alert.impactHint,
            dedupeKey: alert.dedupeKey,
            timestamp: alert.timestamp ?? clock.now(),
            rawData: alert.rawData,
            resources: alert.resources,
            createdBy: "arn:aws:iam::\(integration.accountID):role/hikeshi-integration/\(integration.id)",
            invokedBy: integration.id,
            summary: alert.summary,
            details: alert.detailsSummary
        )
        switch alert.status {
        case .resolved:
            let arn = try await incidents.alertResolved(
                trigger,
                resolve: settings.autoResolve ?? false,
                accountID: integration.accountID,
                logger: logger
            )
            return Self.json(.accepted, ["outcome": arn == nil ? "ignored" : "resolved", "incidentRecordArn": arn ?? ""])
        case .firing:
            let outcome = try await batcher.trigger(trigger, accountID: integration.accountID, region: integration.region)
            let word =
                switch outcome {
                case .started: "started"
                case .absorbed: "absorbed"
                }
            return Self.json(.accepted, ["outcome": word, "incidentRecordArn": outcome.incidentArn])
        }
    }

    static func json(_ status: HTTPResponse.Status, _ object: [String: String]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
