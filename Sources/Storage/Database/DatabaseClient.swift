import Logging
import SQLKit

/// The database engines Hikeshi runs on.
public enum DatabaseEngine: String, Sendable {
    /// Embedded SQLite (the default; one file under the data directory).
    case sqlite
    /// PostgreSQL (production, several nodes).
    case postgres
}

/// Access to the database: reads, and writes in one transaction.
///
/// Repositories take the `any SQLDatabase` these closures get, so that a handler can change
/// state and schedule jobs in one transaction. Errors thrown by the database are translated to
/// ``StorageError`` before they leave these calls.
public protocol DatabaseClient: Sendable {
    /// The engine behind this client.
    var engine: DatabaseEngine { get }

    /// Runs `body` with a connection for reading.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body` in a transaction that commits when it returns and rolls back when it throws.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Closes connections; the client is unusable afterwards.
    func shutdown() async
}
