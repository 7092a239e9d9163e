import Foundation
import HikeshiCore
import Identity
import Logging

/// Makes sure the provider's administrator can sign in after the first start.
///
/// With `HIKESHI_ACCOUNT_ID`, `HIKESHI_ACCESS_KEY_ID` and `HIKESHI_SECRET_ACCESS_KEY` set, that
/// account and key exist afterwards. Otherwise the first start makes an account and key and writes
/// them, mode 0600, to `<data-dir>/credentials` in the AWS shared-credentials format.
public enum CredentialsBootstrap {
    /// What the bootstrap did, for the start-up banner.
    public enum Outcome: Sendable, Equatable {
        /// The account and key from the environment are in place.
        case fromEnvironment(accountID: String, accessKeyID: String)
        /// A new account and key were written to the file.
        case generated(accountID: String, accessKeyID: String, file: String)
        /// The credentials file from an earlier start is still there.
        case existing(file: String)
    }

    /// Runs the bootstrap.
    public static func run(
        identity: IdentityService,
        bootstrap: HikeshiConfiguration.BootstrapCredentials?,
        dataDirectory: URL,
        logger: Logger
    ) async throws -> Outcome {
        if let bootstrap {
            try await identity.ensure(
                accountID: bootstrap.accountID, name: "administrator", accessKeyID: bootstrap.accessKeyID, secret: bootstrap.secretAccessKey)
            try await identity.markProvider(bootstrap.accountID)
            return .fromEnvironment(accountID: bootstrap.accountID, accessKeyID: bootstrap.accessKeyID)
        }
        let file = dataDirectory.appendingPathComponent("credentials")
        if let text = try? String(contentsOf: file, encoding: .utf8), let keyID = Self.value("aws_access_key_id", in: text),
            let account = try await identity.account(for: keyID)
        {
            try await identity.markProvider(account)
            return .existing(file: file.path)
        }
        let accountID = "0" + RandomToken.numericCode(digits: 11)
        try await identity.createAccount(id: accountID, name: "administrator")
        let key = try await identity.createAccessKey(accountID: accountID)
        try await identity.markProvider(accountID)
        let contents = """
            # Hikeshi administrator credentials, account \(accountID).
            # Use: AWS_SHARED_CREDENTIALS_FILE=\(file.path) aws --endpoint-url http://HOST:PORT ...
            [default]
            aws_access_key_id = \(key.accessKeyID)
            aws_secret_access_key = \(key.secretAccessKey)
            hikeshi_account_id = \(accountID)

            """
        guard FileManager.default.createFile(atPath: file.path, contents: Data(contents.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw IdentityError.badMasterKey("cannot write \(file.path)")
        }
        logger.info("administrator credentials generated", metadata: ["credentials.file": .string(file.path), "aws.account": .string(accountID)])
        return .generated(accountID: accountID, accessKeyID: key.accessKeyID, file: file.path)
    }

    private static func value(_ key: String, in text: String) -> String? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == key {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
