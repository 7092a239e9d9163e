import App
import ArgumentParser
import Foundation
import HikeshiCore
import IncidentsAPI

extension IntegrationKind: ExpressibleByArgument {}

extension Admin {
    /// `hikeshi admin create-integration`: a secret URL that starts incidents from a response plan.
    struct CreateIntegration: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-integration",
            abstract: "Create an alert integration for a response plan; prints JSON with its secret url (shown once)."
        )

        @Option(name: .customLong("account-id"), help: "The response plan's account.")
        var accountID: String

        @Option(name: .customLong("response-plan"), help: "The response plan's name or ARN.")
        var responsePlan: String

        @Option(help: "alertmanager, eventbridge, cloudwatch-sns, grafana or generic.")
        var kind: IntegrationKind

        @Option(help: "A name for people.")
        var name: String?

        @Option(help: "The region incidents are recorded in.")
        var region: String = "us-east-1"

        @Flag(name: .customLong("auto-resolve"), help: "Resolve the incident when the source reports the alert resolved.")
        var autoResolve = false

        @OptionGroup var storage: StorageOptions

        func validate() throws {
            guard IntegrationKind.alertKinds.contains(kind) else {
                throw ValidationError("--kind must be one of \(IntegrationKind.alertKinds.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            let configuration = try await storage.configuration()
            let created = try await AdminCommands.createIntegration(
                configuration,
                accountID: accountID,
                region: region,
                responsePlan: responsePlan,
                kind: kind,
                name: name,
                autoResolve: autoResolve
            )
            try printJSON([
                "id": created.record.id, "kind": created.record.kind.rawValue, "name": created.record.name,
                "responsePlanArn": created.record.targetArn,
                "url": created.url, "token": created.token,
            ])
        }
    }

    /// `hikeshi admin create-chat-channel`: a Slack, Teams or Chime webhook that plans address by ARN.
    struct CreateChatChannel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-chat-channel",
            abstract: "Register a chat webhook; put the printed arn in a response plan's chatChannel.chatbotSns or notificationTargets."
        )

        @Option(name: .customLong("account-id"), help: "The account.")
        var accountID: String

        @Option(help: "The channel's name (letters, digits, - and _), the last part of its ARN.")
        var name: String

        @Option(help: "slack, teams or chime.")
        var kind: IntegrationKind

        @Option(name: .customLong("webhook-url"), help: "The incoming-webhook URL messages are posted to.")
        var webhookURL: String

        @Option(name: .customLong("signing-secret"), help: "Slack: the app's signing secret, for slash commands and buttons.")
        var signingSecret: String?

        @Option(help: "The region of the channel's ARN.")
        var region: String = "us-east-1"

        @OptionGroup var storage: StorageOptions

        func validate() throws {
            guard kind.isChat else {
                throw ValidationError("--kind must be one of \(IntegrationKind.chatKinds.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            let configuration = try await storage.configuration()
            let created = try await AdminCommands.createChatChannel(
                configuration,
                accountID: accountID,
                region: region,
                name: name,
                kind: kind,
                webhookURL: webhookURL,
                signingSecret: signingSecret
            )
            var output = ["arn": created.record.id, "kind": created.record.kind.rawValue, "name": created.record.name]
            if kind == .slack {
                output["slackCommandsUrl"] = created.commandsURL + "/commands"
                output["slackInteractivityUrl"] = created.commandsURL + "/interactive"
            }
            try printJSON(output)
        }
    }
}
