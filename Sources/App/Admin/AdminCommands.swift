import Foundation
import Identity
import Logging
import Storage

/// The operations behind `hikeshi admin …`, run against the same database as the server.
public enum AdminCommands {
    /// Creates an account.
    public static func createAccount(_ configuration: HikeshiConfiguration, accountID: String, name: String) async throws {
        let logger = Self.logger(configuration)
        let core = try await CoreServices.open(configuration, logger: logger)
        try await core.withRunningDatabase {
            try await core.prepare(logger: logger)
            try await core.identity.createAccount(id: accountID, name: name)
        }
    }

    /// Creates an access key; returns it with its secret (shown only now).
    public static func createAccessKey(_ configuration: HikeshiConfiguration, accountID: String) async throws -> IssuedAccessKey {
        let logger = Self.logger(configuration)
        let core = try await CoreServices.open(configuration, logger: logger)
        return try await core.withRunningDatabase {
            try await core.prepare(logger: logger)
            return try await core.identity.createAccessKey(accountID: accountID)
        }
    }

    /// The pending activation code of a channel (for operators, and for tests before delivery exists).
    public static func activationCode(_ configuration: HikeshiConfiguration, accountID: String, channelArn: String) async throws -> String? {
        let logger = Self.logger(configuration)
        let core = try await CoreServices.open(configuration, logger: logger)
        return try await core.withRunningDatabase {
            try await core.prepare(logger: logger)
            return try await core.database.read { sql in
                try await ChannelRepository(sql).channel(arn: channelArn, accountID: accountID)?.activationCode
            }
        }
    }

    private static func logger(_ configuration: HikeshiConfiguration) -> Logger {
        var logger = Logger(label: "hikeshi.admin")
        logger.logLevel = .warning
        return logger
    }
}
