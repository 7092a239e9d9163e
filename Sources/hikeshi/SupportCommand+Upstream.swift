import App
import ArgumentParser
import Foundation
import HikeshiModel

extension SupportCommand {
    /// `hikeshi support upstream put|list|delete`: the upstream support providers cases are escalated to.
    struct Upstream: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "upstream",
            abstract: "Upstream support providers (AWS Support with your credentials, or any Support API endpoint) for escalations.",
            subcommands: [Put.self, List.self, Delete.self]
        )

        /// `hikeshi support upstream put --name N --access-key-id K [--endpoint URL] [--region R] [--poll-interval S]`.
        struct Put: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "put",
                abstract: "Add or change a provider. The secret is read from the environment (never from the command line) and sealed at rest.",
                discussion: "Set HIKESHI_UPSTREAM_SECRET_ACCESS_KEY (and HIKESHI_UPSTREAM_SESSION_TOKEN for temporary credentials)."
            )

            @Option(help: "The provider's name, e.g. aws-business.")
            var name: String

            @Option(help: "The Support API endpoint (default https://support.us-east-1.amazonaws.com).")
            var endpoint: String?

            @Option(help: "The region to sign for (default us-east-1).")
            var region: String?

            @Option(name: .customLong("access-key-id"), help: "The access key id.")
            var accessKeyID: String

            @Option(name: .customLong("poll-interval"), help: "Seconds between looks at an open upstream case, 60-86400 (default 300).")
            var pollInterval: Int?

            @OptionGroup var storage: StorageOptions

            func run() async throws {
                let environment = ProcessInfo.processInfo.environment
                guard let secret = environment["HIKESHI_UPSTREAM_SECRET_ACCESS_KEY"], !secret.isEmpty else {
                    throw ValidationError("set HIKESHI_UPSTREAM_SECRET_ACCESS_KEY to the provider's secret access key")
                }
                let provider = try await AdminCommands.putUpstreamProvider(
                    try await storage.configuration(), name: name, endpoint: endpoint, region: region, accessKeyID: accessKeyID,
                    secretAccessKey: secret, sessionToken: environment["HIKESHI_UPSTREAM_SESSION_TOKEN"], pollIntervalSeconds: pollInterval)
                print(Upstream.line(provider))
            }
        }

        /// `hikeshi support upstream list`.
        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the providers, a line each (never the secret).")

            @OptionGroup var storage: StorageOptions

            func run() async throws {
                for provider in try await AdminCommands.upstreamProviders(try await storage.configuration()) {
                    print(Upstream.line(provider))
                }
            }
        }

        /// `hikeshi support upstream delete --name N`.
        struct Delete: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "delete", abstract: "Remove a provider; its open escalations stop.")

            @Option(help: "The provider's name.")
            var name: String

            @OptionGroup var storage: StorageOptions

            func run() async throws {
                try await AdminCommands.deleteUpstreamProvider(try await storage.configuration(), name: name)
            }
        }

        /// One provider as a tab-separated line: name, endpoint, region, access key id, poll interval.
        static func line(_ provider: HikeshiModel.Hikeshi.UpstreamProvider) -> String {
            [provider.name, provider.endpoint, provider.region, provider.accessKeyId, String(provider.pollIntervalSeconds)].joined(separator: "\t")
        }
    }
}
