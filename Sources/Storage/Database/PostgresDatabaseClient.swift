import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgreSQL through postgres-nio's connection pool.
///
/// The pool (`client`) is a `Service`: the application runs it in its service group.
public final class PostgresDatabaseClient: DatabaseClient {
    /// Always `.postgres`.
    public let engine = DatabaseEngine.postgres

    /// The connection pool, to be run as a service.
    public let client: PostgresClient
    private let logger: Logger

    /// Creates a client for a `postgres://user:password@host:port/database` URL.
    public init(url: String, logger: Logger) throws {
        guard let configuration = Self.configuration(from: url) else {
            throw StorageError.configuration("The database URL is not a valid postgres:// URL")
        }
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
    }

    static func configuration(from text: String) -> PostgresClient.Configuration? {
        guard let url = URLComponents(string: text), let scheme = url.scheme, ["postgres", "postgresql"].contains(scheme),
            let host = url.host, let user = url.user
        else { return nil }
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        let sslMode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        var configuration = PostgresClient.Configuration(
            host: host,
            port: url.port ?? 5432,
            username: user.removingPercentEncoding ?? user,
            password: url.password?.removingPercentEncoding ?? url.password,
            database: database.isEmpty ? nil : database,
            tls: sslMode == "disable" ? .disable : .prefer(.makeClientConfiguration())
        )
        configuration.options.minimumConnections = 1
        configuration.options.maximumConnections = 16
        return configuration
    }

    /// Runs `body` on a pooled connection.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in
                try await body(connection.sql(queryLogLevel: .trace))
            }
        } catch {
            throw StorageError.translate(error)
        }
    }

    /// Runs `body` in a transaction on a pooled connection.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(connection.sql(queryLogLevel: .trace))
            }
        } catch {
            throw StorageError.translate(error)
        }
    }

    /// Nothing to do: the pool stops when its service is cancelled.
    public func shutdown() async {}

    /// Runs the pool until the task is cancelled (for commands outside the server; the server runs
    /// ``PostgresPoolService``).
    public func run() async {
        await client.run()
    }
}
