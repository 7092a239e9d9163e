import App
import ArgumentParser
import Foundation
import HikeshiCore

extension Admin {
    /// `hikeshi admin create-user`: a web console user.
    struct CreateUser: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-user",
            abstract: "Create a web console user; prints the password once (generated unless --password-stdin).",
            discussion: "Roles: admin, responder, oncall-manager, support-agent (the provider account only), customer (other accounts only)."
        )

        @Option(name: .customLong("account-id"), help: "The account the user belongs to.")
        var accountID: String

        @Option(name: .customLong("user-name"), help: "The name typed at sign-in (1-64 letters, digits and ._@+=,-).")
        var userName: String

        @Option(help: "admin, responder, oncall-manager, support-agent or customer.")
        var role: String

        @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input instead of generating one.")
        var passwordFromStdin = false

        @Option(name: .customLong("contact-arn"), help: "The user's ssm-contacts contact (for their shifts and pages).")
        var contactArn: String?

        @Option(name: .customLong("agent-id"), help: "The desk agent the user works as (support-agent users).")
        var agentID: String?

        @OptionGroup var storage: StorageOptions

        func validate() throws {
            guard ConsoleRole(rawValue: role) != nil else {
                throw ValidationError("--role must be one of \(ConsoleRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            guard let role = ConsoleRole(rawValue: role) else { throw ValidationError("unknown role") }
            var password: String?
            if passwordFromStdin {
                guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw ValidationError("no password on standard input") }
                password = line
            }
            let configuration = try await storage.configuration()
            let created = try await AdminCommands.createConsoleUser(
                configuration, accountID: accountID, userName: userName, role: role, password: password, contactArn: contactArn, agentID: agentID)
            var output = ["AccountId": created.user.accountID, "UserName": created.user.userName, "Role": created.user.role.rawValue]
            if password == nil { output["Password"] = created.password }
            try printJSON(output)
        }
    }
}
