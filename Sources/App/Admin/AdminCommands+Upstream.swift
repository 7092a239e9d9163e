import Foundation
import HikeshiModel
import Storage
import SupportAPI

extension AdminCommands {
    /// Adds or changes an upstream support provider (its secret sealed under the server's master key).
    public static func putUpstreamProvider(
        _ configuration: HikeshiConfiguration, name: String, endpoint: String?, region: String?, accessKeyID: String, secretAccessKey: String,
        sessionToken: String?, pollIntervalSeconds: Int?
    ) async throws -> Hikeshi.UpstreamProvider {
        // The model's constraints, as the API checks them.
        try checked(
            Hikeshi.PutUpstreamProviderRequest(
                name: name, endpoint: endpoint, region: region, accessKeyId: accessKeyID, secretAccessKey: secretAccessKey,
                sessionToken: sessionToken,
                pollIntervalSeconds: pollIntervalSeconds))
        return try await withCore(configuration) { core in
            try await SupportDesk(store: SQLFamilyStore.support(core.database), clock: core.clock, sealer: core.secrets, logger: Self.logger)
                .putUpstreamProvider(
                    name: name, endpoint: endpoint, region: region, accessKeyID: accessKeyID, secretAccessKey: secretAccessKey,
                    sessionToken: sessionToken, pollIntervalSeconds: pollIntervalSeconds, caller: nil, logger: Self.logger)
        }
    }

    /// The upstream support providers.
    public static func upstreamProviders(_ configuration: HikeshiConfiguration) async throws -> [Hikeshi.UpstreamProvider] {
        try await withCore(configuration) { core in
            try await SupportDesk(store: SQLFamilyStore.support(core.database), clock: core.clock, logger: Self.logger).upstreamProviders(
                caller: nil, logger: Self.logger)
        }
    }

    /// Removes an upstream support provider.
    public static func deleteUpstreamProvider(_ configuration: HikeshiConfiguration, name: String) async throws {
        try await withCore(configuration) { core in
            try await SupportDesk(store: SQLFamilyStore.support(core.database), clock: core.clock, logger: Self.logger).deleteUpstreamProvider(
                name, caller: nil, logger: Self.logger)
        }
    }
}
