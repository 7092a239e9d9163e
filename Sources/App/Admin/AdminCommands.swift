import Foundation
import HikeshiCore
import HikeshiModel
import Identity
import IncidentsAPI
import Logging
import Storage
import SupportAPI

/// The operations behind `hikeshi admin …`, run against the same database as the server.
public enum AdminCommands {
    /// Creates an account.
    public static func createAccount(_ configuration: HikeshiConfiguration, accountID: String, name: String) async throws {
        try await withCore(configuration) { core in
            try await core.identity.createAccount(id: accountID, name: name)
        }
    }

    /// Creates an access key; returns it with its secret (shown only now).
    public static func createAccessKey(_ configuration: HikeshiConfiguration, accountID: String) async throws -> IssuedAccessKey {
        try await withCore(configuration) { core in
            try await core.identity.createAccessKey(accountID: accountID)
        }
    }

    /// The pending activation code of a channel (for operators, and for tests before delivery exists).
    public static func activationCode(_ configuration: HikeshiConfiguration, accountID: String, channelArn: String) async throws -> String? {
        try await withCore(configuration) { core in
            try await SQLFamilyStore.contacts(core.database).read(logger: logger) { tx in
                try await tx.channels.channel(arn: channelArn, accountID: accountID)?.activationCode
            }
        }
    }

    /// The secret iCalendar feed URL of a rotation or on-call schedule; `rotate` replaces the secret.
    public static func calendarFeedURL(
        _ configuration: HikeshiConfiguration,
        accountID: String,
        resourceArn: String,
        rotate: Bool
    ) async throws -> String {
        let token = try await withCore(configuration) { core in
            try await SQLFamilyStore.contacts(core.database).write(logger: logger) { tx -> String in
                let schedule = try await tx.contacts.contact(arn: resourceArn, accountID: accountID)?.type == .oncallSchedule
                let rotation = try await tx.rotations.rotation(arn: resourceArn, accountID: accountID) != nil
                let known = schedule || rotation
                guard known else {
                    throw AdminError("no on-call schedule or rotation \(resourceArn) in account \(accountID)")
                }
                let feeds = tx.calendarFeeds
                let make = { RandomToken.secretAccessKey().filter { $0.isLetter || $0.isNumber } }
                return rotate
                    ? try await feeds.rotate(for: resourceArn, accountID: accountID, at: Date(), makeToken: make)
                    : try await feeds.token(for: resourceArn, accountID: accountID, at: Date(), makeToken: make)
            }
        }
        return "\(configuration.publicURL)/calendar/\(token).ics"
    }

    /// Creates an alert integration for a response plan (by name or ARN); returns its record and secret URL.
    public static func createIntegration(
        _ configuration: HikeshiConfiguration,
        accountID: String,
        region: String,
        responsePlan: String,
        kind: IntegrationKind,
        name: String?,
        autoResolve: Bool
    ) async throws -> (record: IntegrationRecord, url: String, token: String) {
        let created = try await withCore(configuration) { core in
            try await IntegrationRegistry(
                store: SQLFamilyStore.incidents(core.database), clock: core.clock, sealer: core.secrets, logger: Self.logger
            ).createIntegration(
                accountID: accountID,
                region: region,
                responsePlan: responsePlan,
                kind: kind,
                name: name,
                autoResolve: autoResolve,
                logger: Self.logger
            )
        }
        return (created.record, IntegrationAdmin.integrationURL(publicURL: configuration.publicURL, token: created.token), created.token)
    }

    /// Creates a chat channel; returns its record and the Slack command URL.
    public static func createChatChannel(
        _ configuration: HikeshiConfiguration,
        accountID: String,
        region: String,
        name: String,
        kind: IntegrationKind,
        webhookURL: String,
        signingSecret: String?
    ) async throws -> (record: IntegrationRecord, commandsURL: String) {
        let created = try await withCore(configuration) { core in
            try await IntegrationRegistry(
                store: SQLFamilyStore.incidents(core.database), clock: core.clock, sealer: core.secrets, logger: Self.logger
            ).createChatChannel(
                accountID: accountID,
                region: region,
                name: name,
                kind: kind,
                webhookURL: webhookURL,
                signingSecret: signingSecret,
                logger: Self.logger
            )
        }
        return (created.record, IntegrationAdmin.slackURL(publicURL: configuration.publicURL, token: created.token))
    }

    /// Sets a customer account's support plan, case language and time zone.
    public static func setSupportPlan(
        _ configuration: HikeshiConfiguration,
        accountID: String,
        plan: Hikeshi.SupportPlanName,
        language: Hikeshi.LanguageCode,
        timeZone: String
    ) async throws -> Hikeshi.SupportPlan {
        try await withCore(configuration) { core in
            try await SupportDesk(store: SQLFamilyStore.support(core.database), clock: core.clock, logger: Self.logger).setPlan(
                accountID: accountID, plan: plan, language: language, timeZone: timeZone, logger: Self.logger)
        }
    }

    /// The agent view of a case: plan, due time, business time spent, target met, communications.
    public static func showCase(_ configuration: HikeshiConfiguration, caseID: String) async throws -> Hikeshi.CaseView {
        try await withCore(configuration) { core in
            try await SupportDesk(store: SQLFamilyStore.support(core.database), clock: core.clock, logger: Self.logger).caseDetails(
                caseID: caseID, logger: Self.logger)
        }
    }

    /// Replies to a case as an agent (the desk's own agent without `agentID`).
    public static func replyToCase(
        _ configuration: HikeshiConfiguration,
        caseID: String,
        agentID: String?,
        body: String,
        requestInformation: Bool
    ) async throws -> Hikeshi.CaseView {
        try await withCore(configuration) { core in
            try await SupportDesk(store: SQLFamilyStore.support(core.database), clock: core.clock, logger: Self.logger).reply(
                caseID: caseID, agentID: agentID, body: body, requestInformation: requestInformation, logger: Self.logger)
        }
    }

    /// The desk report for a month (in `timeZone`, UTC by default) or for `from`..<`to`, read from the store.
    public static func deskReport(
        _ configuration: HikeshiConfiguration,
        month: String?,
        timeZone: String?,
        from: Date?,
        to: Date?
    ) async throws -> Hikeshi.GetDeskReportResponse {
        let period = try SupportDesk.reportPeriod(month: month, timeZone: timeZone, from: from, to: to)
        return try await withCore(configuration) { core in
            try await SupportDesk(store: SQLFamilyStore.support(core.database), clock: core.clock, logger: Self.logger).deskReport(
                from: period.from, to: period.to, logger: Self.logger)
        }
    }

    /// The admin commands' logger: warnings and errors only, so their output stays the command's own.
    static let logger: Logger = {
        var logger = Logger(label: "hikeshi.admin")
        logger.logLevel = .warning
        return logger
    }()

    /// Opens the configured database, migrates it, and runs `body` with it (and the PostgreSQL pool) running.
    static func withCore<T: Sendable>(
        _ configuration: HikeshiConfiguration,
        _ body: @escaping @Sendable (CoreServices) async throws -> T
    ) async throws -> T {
        let core = try await CoreServices.open(configuration, logger: logger)
        return try await core.withRunningDatabase {
            try await core.prepare(logger: logger)
            return try await body(core)
        }
    }
}

/// A refused admin command.
public struct AdminError: Error, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
