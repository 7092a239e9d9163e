import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Logging
import Storage

extension SupportDesk {
    /// AWS Support's endpoint, where a provider points when none is given.
    static let awsSupportEndpoint = "https://support.us-east-1.amazonaws.com"
    /// How often an open upstream case is read when the provider does not say.
    static let defaultPollInterval = 300

    /// Adds or changes an upstream provider.
    public func putUpstreamProvider(_ input: Hikeshi.PutUpstreamProviderRequest, context: AWSRequestContext) async throws
        -> Hikeshi.PutUpstreamProviderResponse
    {
        let provider = try await putUpstreamProvider(
            name: input.name, endpoint: input.endpoint, region: input.region, accessKeyID: input.accessKeyId, secretAccessKey: input.secretAccessKey,
            sessionToken: input.sessionToken, pollIntervalSeconds: input.pollIntervalSeconds, caller: context.accountID, logger: context.logger)
        context.logger.info("upstream provider stored", metadata: ["upstream.provider": .string(provider.name)])
        return Hikeshi.PutUpstreamProviderResponse(upstreamProvider: provider)
    }

    /// Adds or changes an upstream provider; `caller` must be the provider's account (nil: an operator at the command
    /// line). The secret and the session token are sealed before they are stored.
    public func putUpstreamProvider(
        name: String, endpoint: String?, region: String?, accessKeyID: String, secretAccessKey: String, sessionToken: String?,
        pollIntervalSeconds: Int?, caller: String?, logger: Logger
    ) async throws -> Hikeshi.UpstreamProvider {
        let endpoint = endpoint ?? Self.awsSupportEndpoint
        guard let url = URL(string: endpoint), url.scheme == "https" || url.scheme == "http", url.host?.isEmpty == false else {
            throw SupportError.invalid("Endpoint", "\(endpoint) is not an http or https URL")
        }
        guard !secretAccessKey.isEmpty else { throw SupportError.invalid("SecretAccessKey", "The secret access key must not be empty") }
        let interval = pollIntervalSeconds ?? Self.defaultPollInterval
        guard (60...86_400).contains(interval) else {
            throw SupportError.invalid("PollIntervalSeconds", "The interval is 60 to 86400 seconds")
        }
        guard let sealer else { throw SupportError.invalid("SecretAccessKey", "This desk cannot seal secrets") }
        let sealedSecret = try sealer.seal(secretAccessKey)
        let sealedToken = try sessionToken.flatMap { $0.isEmpty ? nil : try sealer.seal($0) }
        let now = clock.now()
        let record = try await write(logger) { tx -> SupportUpstreamProviderRecord in
            if let caller {
                try await Self.requireProvider(accountID: caller, tx)
            }
            let created = try await tx.upstreamProviders.provider(named: name)?.createdAt ?? now
            let record = SupportUpstreamProviderRecord(
                name: name, endpoint: endpoint, region: region ?? "us-east-1", accessKeyID: accessKeyID, sealedSecret: sealedSecret,
                sealedSessionToken: sealedToken, pollIntervalSeconds: interval, createdAt: created, updatedAt: now)
            try await tx.upstreamProviders.put(record)
            return record
        }
        return Self.upstreamProvider(record)
    }

    /// The upstream providers.
    public func listUpstreamProviders(_ input: Hikeshi.ListUpstreamProvidersRequest, context: AWSRequestContext) async throws
        -> Hikeshi.ListUpstreamProvidersResponse
    {
        Hikeshi.ListUpstreamProvidersResponse(upstreamProviders: try await upstreamProviders(caller: context.accountID, logger: context.logger))
    }

    /// The upstream providers; `caller` must be the provider's account (nil: an operator at the command line).
    public func upstreamProviders(caller: String?, logger: Logger) async throws -> [Hikeshi.UpstreamProvider] {
        try await read(logger) { tx in
            if let caller {
                try await Self.requireProvider(accountID: caller, tx)
            }
            return try await tx.upstreamProviders.all()
        }
        .map(Self.upstreamProvider)
    }

    /// Removes an upstream provider.
    public func deleteUpstreamProvider(_ input: Hikeshi.DeleteUpstreamProviderRequest, context: AWSRequestContext) async throws
        -> Hikeshi.DeleteUpstreamProviderResponse
    {
        try await deleteUpstreamProvider(input.name, caller: context.accountID, logger: context.logger)
        return Hikeshi.DeleteUpstreamProviderResponse()
    }

    /// Removes an upstream provider; `caller` must be the provider's account (nil: an operator at the command line).
    public func deleteUpstreamProvider(_ name: String, caller: String?, logger: Logger) async throws {
        try await write(logger) { tx in
            if let caller {
                try await Self.requireProvider(accountID: caller, tx)
            }
            guard try await tx.upstreamProviders.delete(named: name) else {
                throw SupportError.notFound("Upstream provider \(name) was not found")
            }
        }
    }

    static func upstreamProvider(_ record: SupportUpstreamProviderRecord) -> Hikeshi.UpstreamProvider {
        Hikeshi.UpstreamProvider(
            name: record.name, endpoint: record.endpoint, region: record.region, accessKeyId: record.accessKeyID,
            pollIntervalSeconds: record.pollIntervalSeconds, createdTime: record.createdAt, updatedTime: record.updatedAt)
    }
}
