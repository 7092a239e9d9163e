import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Storage

/// The integration and chat-channel operations of the `Hikeshi` API: each account manages its own.
///
/// Secret tokens are shown once, in the create answers (the integration `Url`/`Token`, the Slack URLs); lists never
/// show them, since only their SHA-256 is stored.
public struct IntegrationAdmin: HikeshiIntegrationsAPI {
    let registry: IntegrationRegistry
    /// The URL people and monitoring tools reach this server at, without a trailing slash.
    let publicURL: String

    /// Creates the operations over a registry.
    public init(registry: IntegrationRegistry, publicURL: String) {
        self.registry = registry
        self.publicURL = publicURL
    }

    /// The secret URL an alert integration is posted to.
    public func integrationURL(token: String) -> String {
        Self.integrationURL(publicURL: publicURL, token: token)
    }

    /// The base of a Slack channel's command and interactivity URLs.
    public func slackURL(token: String) -> String {
        Self.slackURL(publicURL: publicURL, token: token)
    }

    /// The secret URL of an alert integration on a server reached at `publicURL`.
    public static func integrationURL(publicURL: String, token: String) -> String {
        "\(publicURL)/integrations/\(token)"
    }

    /// The base of a Slack channel's command (`/commands`) and interactivity (`/interactive`) URLs.
    public static func slackURL(publicURL: String, token: String) -> String {
        "\(publicURL)/chat/slack/\(token)"
    }

    /// Creates an alert integration for a response plan (name or ARN).
    public func createIntegration(_ input: Hikeshi.CreateIntegrationRequest, context: AWSRequestContext) async throws
        -> Hikeshi.CreateIntegrationResponse
    {
        guard let kind = IntegrationKind(rawValue: input.kind.rawValue) else { throw IncidentsError.invalid("Kind", "Unknown integration kind") }
        let created = try await registry.createIntegration(
            accountID: context.accountID, region: context.region, responsePlan: input.responsePlan, kind: kind, name: input.name,
            autoResolve: input.autoResolve ?? false, logger: context.logger)
        context.logger.info("integration created", metadata: ["integration.id": .string(created.record.id)])
        return Hikeshi.CreateIntegrationResponse(
            integration: try Self.integration(created.record), url: integrationURL(token: created.token), token: created.token)
    }

    /// The account's alert integrations, optionally of one response plan.
    public func listIntegrations(_ input: Hikeshi.ListIntegrationsRequest, context: AWSRequestContext) async throws
        -> Hikeshi.ListIntegrationsResponse
    {
        let (items, next) = try await page(
            chat: false, responsePlan: input.responsePlan, nextToken: input.nextToken, maxResults: input.maxResults, scope: "ListIntegrations",
            context: context)
        return Hikeshi.ListIntegrationsResponse(integrations: try items.map(Self.integration), nextToken: next)
    }

    /// Deletes an alert integration: its URL stops working at once.
    public func deleteIntegration(_ input: Hikeshi.DeleteIntegrationRequest, context: AWSRequestContext) async throws
        -> Hikeshi.DeleteIntegrationResponse
    {
        try await delete(id: input.integrationId, chat: false, context: context)
        return Hikeshi.DeleteIntegrationResponse()
    }

    /// Registers a Slack, Teams or Chime webhook addressed by an SNS-style ARN.
    public func createChatChannel(_ input: Hikeshi.CreateChatChannelRequest, context: AWSRequestContext) async throws
        -> Hikeshi.CreateChatChannelResponse
    {
        guard let kind = IntegrationKind(rawValue: input.kind.rawValue) else { throw IncidentsError.invalid("Kind", "Unknown chat kind") }
        let created = try await registry.createChatChannel(
            accountID: context.accountID, region: context.region, name: input.name, kind: kind, webhookURL: input.webhookUrl,
            signingSecret: input.signingSecret, logger: context.logger)
        let slack = kind == .slack ? slackURL(token: created.token) : nil
        return Hikeshi.CreateChatChannelResponse(
            chatChannel: try Self.channel(created.record),
            slackCommandsUrl: slack.map { $0 + "/commands" },
            slackInteractivityUrl: slack.map { $0 + "/interactive" }
        )
    }

    /// The account's chat channels.
    public func listChatChannels(_ input: Hikeshi.ListChatChannelsRequest, context: AWSRequestContext) async throws
        -> Hikeshi.ListChatChannelsResponse
    {
        let (items, next) = try await page(
            chat: true, responsePlan: nil, nextToken: input.nextToken, maxResults: input.maxResults, scope: "ListChatChannels", context: context)
        return Hikeshi.ListChatChannelsResponse(chatChannels: try items.map(Self.channel), nextToken: next)
    }

    /// Deletes a chat channel; plans that name its ARN stop posting to it.
    public func deleteChatChannel(_ input: Hikeshi.DeleteChatChannelRequest, context: AWSRequestContext) async throws
        -> Hikeshi.DeleteChatChannelResponse
    {
        try await delete(id: input.arn, chat: true, context: context)
        return Hikeshi.DeleteChatChannelResponse()
    }

    /// One page of the account's integrations (`chat: false`, optionally of one response plan) or chat channels.
    private func page(
        chat: Bool,
        responsePlan: String?,
        nextToken: String?,
        maxResults: Int?,
        scope: String,
        context: AWSRequestContext
    ) async throws -> ([IntegrationRecord], String?) {
        let cursor = try PaginationToken.decode(nextToken, scope: scope)
        let limit = PaginationToken.pageSize(maxResults, default: 50, maximum: 100)
        let kinds = chat ? IntegrationKind.chatKinds : IntegrationKind.alertKinds
        let page = try await registry.read(context.logger) { tx in
            var target: String?
            if let responsePlan {
                guard let found = try await tx.responsePlans.plan(nameOrArn: responsePlan, accountID: context.accountID) else {
                    throw IncidentsError.notFound(responsePlan, type: "RESPONSE_PLAN")
                }
                target = found.arn
            }
            return try await tx.integrations.list(
                accountID: context.accountID, kinds: kinds, targetArn: target, after: cursor, limit: limit)
        }
        return (page.items, page.nextCursor.map { PaginationToken.encode($0, scope: scope) })
    }

    private func delete(id: String, chat: Bool, context: AWSRequestContext) async throws {
        let deleted = try await registry.write(context.logger) { tx in
            let repository = tx.integrations
            guard let record = try await repository.record(id: id, accountID: context.accountID),
                record.kind.isChat == chat
            else { return false }
            return try await repository.delete(id: id, accountID: context.accountID)
        }
        guard deleted else { throw IncidentsError.notFound(id, type: chat ? "CHAT_CHANNEL" : "INTEGRATION") }
    }

    static func integration(_ record: IntegrationRecord) throws -> Hikeshi.Integration {
        let settings = try StoredJSON.decode(IntegrationSettings.self, from: record.settings, what: "integration settings")
        return Hikeshi.Integration(
            integrationId: record.id,
            kind: try record.kind.wireAlertKind(),
            name: record.name,
            responsePlanArn: record.targetArn,
            autoResolve: settings.autoResolve ?? false,
            createdAt: record.createdAt
        )
    }

    static func channel(_ record: IntegrationRecord) throws -> Hikeshi.ChatChannel {
        Hikeshi.ChatChannel(arn: record.id, name: record.name, kind: try record.kind.wireChatKind(), createdAt: record.createdAt)
    }
}
