import Alerting
import Foundation
import HTTPTypes
import HikeshiCore
import Hummingbird
import IncidentsAPI
import Logging
import NIOCore
import RunbooksAPI
import Storage

/// Slack's requests for a chat channel: the slash command (`/hikeshi ack|note|resolve <incident>`)
/// at `/chat/slack/{token}/commands` and the message buttons at `/chat/slack/{token}/interactive`.
///
/// The token names the channel (and so the account); every request must carry a valid
/// `X-Slack-Signature` made with the channel's signing secret, at most five minutes old.
struct SlackWebhooks: Sendable {
    let registry: IntegrationRegistry
    let incidents: IncidentsHandler
    let automation: AutomationHandler
    let logger: Logger

    static let timestampField = HTTPField.Name("X-Slack-Request-Timestamp")
    static let signatureField = HTTPField.Name("X-Slack-Signature")

    func register(on router: Router<HikeshiRequestContext>) {
        router.post("/chat/slack/:token/commands") { request, context in
            await handle(request, token: context.parameters.get("token") ?? "", interactive: false)
        }
        router.post("/chat/slack/:token/interactive") { request, context in
            await handle(request, token: context.parameters.get("token") ?? "", interactive: true)
        }
    }

    private func handle(_ request: Request, token: String, interactive: Bool) async -> Response {
        do {
            guard let channel = try await registry.find(token: token, logger: logger), channel.kind == .slack else {
                return Self.reply(.notFound, "Unknown channel")
            }
            let settings = try registry.settings(of: channel)
            var request = request
            let buffer = try await request.readBody(upTo: 256 * 1024)
            let body = Array(buffer.readableBytesView)
            guard let secret = settings.signingSecret,
                let timestampField = Self.timestampField, let signatureField = Self.signatureField,
                let timestamp = request.headers[timestampField], let signature = request.headers[signatureField],
                // Replay protection uses the machine clock, as SigV4 does, never the domain clock.
                SlackSignature.verify(signingSecret: secret, timestamp: timestamp, body: body, signature: signature, now: Date())
            else {
                return Self.reply(.unauthorized, "Invalid signature")
            }
            let form = String(decoding: body, as: UTF8.self)
            let action: ChatAction
            let actor: String
            let userID: String
            if interactive {
                let interaction = try SlackInteraction.parse(formBody: form)
                action = interaction.action
                actor = interaction.userName ?? interaction.userID
                userID = interaction.userID
            } else {
                let command = try SlackCommand.parse(formBody: form)
                action = command.action
                actor = command.userName ?? command.userID
                userID = command.userID
            }
            return try await perform(action, actor: actor, userID: userID, accountID: channel.accountID)
        } catch let error as RequestBodyError {
            var response = Self.reply(error.status, error.message)
            response.headers.append(contentsOf: error.headers)
            return response
        } catch let error as AlertingError {
            return Self.reply(.ok, error.description)
        } catch let error as IncidentsError {
            return Self.reply(.ok, error.message)
        } catch let error as RunbooksError {
            return Self.reply(.ok, error.message)
        } catch let error as StorageError {
            if !error.isLogged { error.log(on: logger) }
            return Self.reply(.ok, "Hikeshi could not record that; try again.")
        } catch {
            logger.error("slack request failed", metadata: ["error.type": .string(String(describing: type(of: error)))])
            return Self.reply(.ok, "Hikeshi could not record that; try again.")
        }
    }

    /// `actor` names the user on timelines; `userID`, which a user cannot change, is who signals a runbook.
    private func perform(_ action: ChatAction, actor: String, userID: String, accountID: String) async throws -> Response {
        // An ARN, as the model wants `lastModifiedBy` to be: the Slack user under the account, like console users.
        let principal = "arn:aws:iam::\(accountID):user/slack/\(actor)"
        switch action {
        case .help:
            return Self.reply(.ok, ChatAction.usage(command: "/hikeshi"))
        case .acknowledge(let incident):
            let arn = try await incidents.respond(.acknowledge, incident: incident, actor: principal, accountID: accountID, logger: logger)
            return Self.reply(.ok, "Acknowledged \(arn)")
        case .note(let incident, let text):
            let arn = try await incidents.respond(.note(text), incident: incident, actor: principal, accountID: accountID, logger: logger)
            return Self.reply(.ok, "Note added to \(arn)")
        case .resolve(let incident):
            let arn = try await incidents.respond(.resolve, incident: incident, actor: principal, accountID: accountID, logger: logger)
            return Self.reply(.ok, "Resolved \(arn)")
        case .signal(let execution, let signal, let comment):
            // The channel's account signals, as the Slack user's id (approvers name them `slack:<user id>`, or the account's root).
            let kind: AutomationSignal =
                switch signal {
                case .resume: .resume
                case .approve: .approve
                case .reject: .reject
                }
            try await automation.chatSignal(
                kind, executionID: execution, comment: comment, accountID: accountID, principal: "slack:\(userID)", logger: logger)
            return Self.reply(.ok, "\(signal.rawValue) sent to runbook execution \(execution)")
        }
    }

    /// An ephemeral Slack reply.
    static func reply(_ status: HTTPResponse.Status, _ text: String) -> Response {
        IntegrationWebhooks.json(status, ["response_type": "ephemeral", "text": text])
    }
}
