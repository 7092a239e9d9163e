import Foundation
import Logging
import NIOSSL
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
    private let probeConfiguration: PostgresConnection.Configuration
    private let target: String
    private let logger: Logger

    /// Creates a client for a `postgres://user:password@host:port/database` URL.
    public init(url: String, logger: Logger) throws {
        guard let configuration = Self.configuration(from: url) else {
            throw StorageError.configuration("The database URL is not a valid postgres:// URL")
        }
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.probeConfiguration = PostgresConnection.Configuration(
            host: configuration.host ?? "localhost", port: configuration.port ?? 5432, username: configuration.username,
            password: configuration.password, database: configuration.database,
            tls: URLComponents(string: url)?.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable" == "disable"
                ? .disable : .prefer(try NIOSSLContext(configuration: .makeClientConfiguration())))
        self.target = "\(configuration.host ?? "localhost"):\(configuration.port ?? 5432)/\(configuration.database ?? configuration.username)"
        self.logger = logger
    }

    /// Connects once, so that a server that cannot be used stops start-up with a clear message instead of being
    /// retried forever: a missing database, a refused user or password is final at once; a server that does not
    /// answer is tried again for `patience`. Throws ``StorageError/Kind/configuration`` saying what to do.
    public func probe(patience: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + patience
        while true {
            do {
                let connection = try await PostgresConnection.connect(configuration: probeConfiguration, id: 0, logger: logger)
                try? await connection.close()
                return
            } catch let error as PSQLError {
                if let state = error.serverInfo?[.sqlState] {
                    throw StorageError.configuration(Self.explain(state: state, message: error.serverInfo?[.message] ?? "", target: target))
                }
                guard ContinuousClock.now < deadline else {
                    throw StorageError.configuration(
                        "PostgreSQL at \(target) cannot be reached (\(error.code)); check that it runs and that the database URL is right")
                }
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    /// What a refusal by the server means, and what to do.
    static func explain(state: String, message: String, target: String) -> String {
        switch state {
        case "3D000":
            "PostgreSQL at \(target) has no such database (\(message)); create it (createdb) or fix the database URL"
        case "28P01", "28000":
            "PostgreSQL at \(target) refused the user (\(message)); fix the user or password in the database URL, or pg_hba.conf"
        case "42501":
            "PostgreSQL at \(target) does not let the user connect (\(message)); grant CONNECT or fix the database URL"
        default:
            "PostgreSQL at \(target) refused the connection (\(state): \(message))"
        }
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
