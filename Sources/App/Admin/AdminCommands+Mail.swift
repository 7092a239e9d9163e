import AWSProtocol
import Foundation
import HikeshiModel
import Storage
import SupportAPI

extension AdminCommands {
    /// Maps a sender address or domain to a customer account.
    public static func putMailSender(
        _ configuration: HikeshiConfiguration, sender: String, accountID: String, serviceCode: String?, categoryCode: String?,
        severity: Hikeshi.SeverityCode?
    ) async throws -> Hikeshi.MailSender {
        // The model's constraints, as the API checks them.
        try checked(
            Hikeshi.PutMailSenderRequest(
                sender: sender, accountId: accountID, serviceCode: serviceCode, categoryCode: categoryCode, severityCode: severity))
        return try await withCore(configuration) { core in
            try await SupportDesk(store: SQLFamilyStore.support(core.database), clock: core.clock, logger: Self.logger).putMailSender(
                sender: sender, accountID: accountID, serviceCode: serviceCode, categoryCode: categoryCode, severity: severity, caller: nil,
                logger: Self.logger)
        }
    }

    /// Removes a sender mapping.
    public static func deleteMailSender(_ configuration: HikeshiConfiguration, sender: String) async throws {
        try await withCore(configuration) { core in
            try await SupportDesk(store: SQLFamilyStore.support(core.database), clock: core.clock, logger: Self.logger).deleteMailSender(
                sender, caller: nil, logger: Self.logger)
        }
    }

    /// Every sender mapping, of one account or all.
    public static func mailSenders(_ configuration: HikeshiConfiguration, accountID: String?) async throws -> [Hikeshi.MailSender] {
        try await withCore(configuration) { core in
            try await SupportDesk(store: SQLFamilyStore.support(core.database), clock: core.clock, logger: Self.logger).mailSenders(
                accountID: accountID, logger: Self.logger)
        }
    }

    /// Reads one email into the desk, writing to the database directly (the server sends what it queues).
    public static func receiveMail(_ configuration: HikeshiConfiguration, message: [UInt8]) async throws -> MailReceipt {
        try await withCore(configuration) { core in
            try await SupportDesk(store: SQLFamilyStore.support(core.database), clock: core.clock, logger: Self.logger).receiveMail(
                message, logger: Self.logger)
        }
    }
}

extension AdminCommands {
    /// Checks a request against the model's constraints, as the API does; a violation is the command's error, with
    /// the API's message (the field and the constraint).
    static func checked(_ request: some AWSShape) throws {
        do {
            _ = try request.validated()
        } catch let error as AWSValidationError {
            throw AdminError(error.awsError.message)
        }
    }
}
