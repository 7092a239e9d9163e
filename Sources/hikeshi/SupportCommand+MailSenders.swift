import App
import ArgumentParser
import Foundation
import HikeshiModel

extension SupportCommand {
    /// `hikeshi support mail-senders put|delete|list`: which sender addresses and domains open cases for which account.
    struct MailSenders: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mail-senders",
            abstract: "Map sender addresses and domains to customer accounts, for cases by email (hikeshi mailgate).",
            subcommands: [Put.self, Delete.self, List.self]
        )

        /// `hikeshi support mail-senders put --sender ops@example.com|@example.com --account-id A …`.
        struct Put: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "put", abstract: "Map an address, or @ and a domain (covering its subdomains), to an account.")

            @Option(help: "ops@example.com, or @example.com for every address of the domain.")
            var sender: String

            @Option(name: .customLong("account-id"), help: "The customer account its email opens cases for.")
            var accountID: String

            @Option(name: .customLong("service-code"), help: "The service of the cases it opens (default customer-account).")
            var serviceCode: String?

            @Option(name: .customLong("category-code"), help: "Their category (default general-guidance).")
            var categoryCode: String?

            @Option(name: .customLong("severity-code"), help: "Their severity: low, normal, high, urgent or critical (default low).")
            var severityCode: String?

            @OptionGroup var storage: StorageOptions

            func validate() throws {
                if let severityCode, HikeshiModel.Hikeshi.SeverityCode(rawValue: severityCode) == nil {
                    throw ValidationError("--severity-code must be low, normal, high, urgent or critical")
                }
            }

            func run() async throws {
                let record = try await AdminCommands.putMailSender(
                    try await storage.configuration(), sender: sender, accountID: accountID, serviceCode: serviceCode,
                    categoryCode: categoryCode, severity: severityCode.flatMap(HikeshiModel.Hikeshi.SeverityCode.init(rawValue:)))
                print(MailSenders.line(record))
            }
        }

        /// `hikeshi support mail-senders delete --sender S`.
        struct Delete: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "delete", abstract: "Remove a mapping.")

            @Option(help: "The address or @domain.")
            var sender: String

            @OptionGroup var storage: StorageOptions

            func run() async throws {
                try await AdminCommands.deleteMailSender(try await storage.configuration(), sender: sender)
            }
        }

        /// `hikeshi support mail-senders list [--account-id A]`.
        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the mappings, a line each.")

            @Option(name: .customLong("account-id"), help: "Only this account's.")
            var accountID: String?

            @OptionGroup var storage: StorageOptions

            func run() async throws {
                for record in try await AdminCommands.mailSenders(try await storage.configuration(), accountID: accountID) {
                    print(MailSenders.line(record))
                }
            }
        }

        /// One mapping as a tab-separated line: sender, account, service, category, severity (`-` for the default).
        static func line(_ record: HikeshiModel.Hikeshi.MailSender) -> String {
            [record.sender, record.accountId, record.serviceCode ?? "-", record.categoryCode ?? "-", record.severityCode?.rawValue ?? "-"]
                .joined(separator: "\t")
        }
    }
}
