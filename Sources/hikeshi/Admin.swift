import App
import ArgumentParser
import Foundation

/// `hikeshi admin …`: provider operations against the server's database.
struct Admin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage accounts and keys (against the same --data-dir / --database-url as the server).",
        subcommands: [
            CreateAccount.self, CreateAccessKey.self, ShowActivationCode.self, CalendarFeed.self, CreateIntegration.self, CreateChatChannel.self,
            SetSupportPlan.self, CreateUser.self, Audit.self, Backup.self, Restore.self,
        ]
    )

    struct CreateAccount: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create-account", abstract: "Create a customer account.")

        @Option(name: .customLong("account-id"), help: "Twelve digits.")
        var accountID: String

        @Option(help: "A display name.")
        var name: String

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let configuration = try await storage.configuration()
            try await AdminCommands.createAccount(configuration, accountID: accountID, name: name)
            try printJSON(["AccountId": accountID, "Name": name])
        }
    }

    struct CreateAccessKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-access-key",
            abstract: "Create an access key; prints AccessKeyId and SecretAccessKey as JSON."
        )

        @Option(name: .customLong("account-id"), help: "The account that owns the key.")
        var accountID: String

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let configuration = try await storage.configuration()
            let key = try await AdminCommands.createAccessKey(configuration, accountID: accountID)
            try printJSON(["AccountId": key.accountID, "AccessKeyId": key.accessKeyID, "SecretAccessKey": key.secretAccessKey])
        }
    }

    struct ShowActivationCode: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show-activation-code",
            abstract: "Print a channel's pending activation code (for operators helping a user)."
        )

        @Option(name: .customLong("account-id"), help: "The channel's account.")
        var accountID: String

        @Option(name: .customLong("channel-arn"), help: "The contact channel's ARN.")
        var channelArn: String

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let configuration = try await storage.configuration()
            guard let code = try await AdminCommands.activationCode(configuration, accountID: accountID, channelArn: channelArn) else {
                throw ValidationError("the channel has no pending activation code (or does not exist)")
            }
            try printJSON(["ActivationCode": code])
        }
    }
}

extension Admin {
    struct CalendarFeed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calendar-feed",
            abstract: "Print the secret iCalendar URL of a rotation or on-call schedule (subscribe to it in Google Calendar or Outlook)."
        )

        @Option(name: .customLong("account-id"), help: "The resource's account.")
        var accountID: String

        @Option(name: .customLong("resource-arn"), help: "A rotation or on-call schedule ARN.")
        var resourceArn: String

        @Flag(help: "Replace the secret: the old URL stops working.")
        var rotate = false

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let configuration = try await storage.configuration()
            let url = try await AdminCommands.calendarFeedURL(configuration, accountID: accountID, resourceArn: resourceArn, rotate: rotate)
            try printJSON(["Url": url])
        }
    }
}

/// Prints a flat JSON object with sorted keys.
func printJSON(_ object: [String: String]) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    print(String(decoding: data, as: UTF8.self))
}
