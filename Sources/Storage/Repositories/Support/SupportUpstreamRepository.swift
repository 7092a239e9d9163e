import Foundation
import SQLKit

/// An upstream support provider as stored: its secret and session token sealed under the master key.
public struct SupportUpstreamProviderRecord: Sendable, Equatable {
    /// The name.
    public var name: String
    /// The Support API endpoint.
    public var endpoint: String
    /// The region signed for.
    public var region: String
    /// The access key id.
    public var accessKeyID: String
    /// The secret access key, sealed.
    public var sealedSecret: String
    /// The session token, sealed, for temporary credentials.
    public var sealedSessionToken: String?
    /// Seconds between looks at an open upstream case.
    public var pollIntervalSeconds: Int
    /// When it was added.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a record.
    public init(
        name: String, endpoint: String, region: String, accessKeyID: String, sealedSecret: String, sealedSessionToken: String?,
        pollIntervalSeconds: Int, createdAt: Date, updatedAt: Date
    ) {
        self.name = name
        self.endpoint = endpoint
        self.region = region
        self.accessKeyID = accessKeyID
        self.sealedSecret = sealedSecret
        self.sealedSessionToken = sealedSessionToken
        self.pollIntervalSeconds = pollIntervalSeconds
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Upstream support providers.
public struct SupportUpstreamRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns =
        "name, endpoint, region, access_key_id, sealed_secret, sealed_session_token, poll_interval_seconds, created_at, updated_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts or replaces a provider (its creation time kept).
    public func put(_ record: SupportUpstreamProviderRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO support_upstream_providers (\(unsafeRaw: Self.columns))
            VALUES (\(bind: record.name), \(bind: record.endpoint), \(bind: record.region), \(bind: record.accessKeyID), \(bind: record.sealedSecret),
                    \(bind: record.sealedSessionToken), \(bind: record.pollIntervalSeconds), \(bind: record.createdAt.millisecondsSince1970),
                    \(bind: record.updatedAt.millisecondsSince1970))
            ON CONFLICT (name) DO UPDATE SET endpoint = excluded.endpoint, region = excluded.region, access_key_id = excluded.access_key_id,
                sealed_secret = excluded.sealed_secret, sealed_session_token = excluded.sealed_session_token,
                poll_interval_seconds = excluded.poll_interval_seconds, updated_at = excluded.updated_at
            """
        ).run()
    }

    /// A provider by name.
    public func provider(named name: String) async throws -> SupportUpstreamProviderRecord? {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM support_upstream_providers WHERE name = \(bind: name)").first().map(Self.record)
    }

    /// Every provider, by name.
    public func all() async throws -> [SupportUpstreamProviderRecord] {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM support_upstream_providers ORDER BY name").all().map(Self.record)
    }

    /// Removes a provider; whether there was one.
    public func delete(named name: String) async throws -> Bool {
        try await sql.raw("DELETE FROM support_upstream_providers WHERE name = \(bind: name) RETURNING name").all().count > 0
    }

    private static func record(_ row: any SQLRow) throws -> SupportUpstreamProviderRecord {
        SupportUpstreamProviderRecord(
            name: try row.decode(column: "name", as: String.self),
            endpoint: try row.decode(column: "endpoint", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            accessKeyID: try row.decode(column: "access_key_id", as: String.self),
            sealedSecret: try row.decode(column: "sealed_secret", as: String.self),
            sealedSessionToken: try row.decode(column: "sealed_session_token", as: String?.self),
            pollIntervalSeconds: try row.decode(column: "poll_interval_seconds", as: Int.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
