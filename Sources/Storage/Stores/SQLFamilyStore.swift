import Foundation
import Logging

/// A family's store over the SQL database (SQLite or PostgreSQL): the one implementation of every
/// ``FamilyStore``, differing only in the view of the unit of work it hands out.
public struct SQLFamilyStore<Transaction: Sendable>: FamilyStore {
    private let database: any DatabaseClient
    private let view: @Sendable (StoreTransaction) -> Transaction

    private init(database: any DatabaseClient, view: @escaping @Sendable (StoreTransaction) -> Transaction) {
        self.database = database
        self.view = view
    }

    /// See ``FamilyStore/read(logger:_:)``.
    public func read<T: Sendable>(logger: Logger, _ body: @Sendable (Transaction) async throws -> T) async throws -> T {
        let engine = database.engine
        let view = self.view
        do {
            return try await database.read { sql in try await body(view(StoreTransaction(sql: sql, engine: engine))) }
        } catch let error as StorageError {
            throw Self.logged(error, logger: logger)
        }
    }

    /// See ``FamilyStore/write(logger:_:)``.
    public func write<T: Sendable>(logger: Logger, _ body: @Sendable (Transaction) async throws -> T) async throws -> T {
        let engine = database.engine
        let view = self.view
        do {
            return try await database.transaction { sql in try await body(view(StoreTransaction(sql: sql, engine: engine))) }
        } catch let error as StorageError {
            throw Self.logged(error, logger: logger)
        }
    }

    /// The error, logged once on the caller's logger (the request's, with its id) where it happened, and marked so.
    private static func logged(_ error: StorageError, logger: Logger) -> StorageError {
        guard !error.isLogged else { return error }
        error.log(on: logger)
        var marked = error
        marked.isLogged = true
        return marked
    }
}

extension SQLFamilyStore where Transaction == any ContactsTransaction {
    /// The ssm-contacts family's store over `database`.
    public static func contacts(_ database: any DatabaseClient) -> Self { Self(database: database) { $0 } }
}

extension SQLFamilyStore where Transaction == any IncidentsTransaction {
    /// The ssm-incidents family's store over `database`.
    public static func incidents(_ database: any DatabaseClient) -> Self { Self(database: database) { $0 } }
}

extension SQLFamilyStore where Transaction == any SupportTransaction {
    /// The support family's store over `database`.
    public static func support(_ database: any DatabaseClient) -> Self { Self(database: database) { $0 } }
}

extension SQLFamilyStore where Transaction == any RunbooksTransaction {
    /// The ssm family's store over `database`.
    public static func runbooks(_ database: any DatabaseClient) -> Self { Self(database: database) { $0 } }
}

extension SQLFamilyStore where Transaction == any OpsCenterTransaction {
    /// The OpsCenter family's store over `database`.
    public static func opsCenter(_ database: any DatabaseClient) -> Self { Self(database: database) { $0 } }
}

extension SQLFamilyStore where Transaction == any AnalysisTransaction {
    /// The post-incident analysis family's store over `database`.
    public static func analysis(_ database: any DatabaseClient) -> Self { Self(database: database) { $0 } }
}

extension SQLFamilyStore where Transaction == any IdentityTransaction {
    /// Accounts and access keys over `database`.
    public static func identity(_ database: any DatabaseClient) -> Self { Self(database: database) { $0 } }
}

extension SQLFamilyStore where Transaction == any PagingTransaction {
    /// The paging engine's store over `database`.
    public static func paging(_ database: any DatabaseClient) -> Self { Self(database: database) { $0 } }
}

extension SQLFamilyStore where Transaction == any IncidentRunbooksTransaction {
    /// The store of the job that starts incidents' runbooks over `database`.
    public static func incidentRunbooks(_ database: any DatabaseClient) -> Self { Self(database: database) { $0 } }
}

extension SQLFamilyStore where Transaction == any ConsoleTransaction {
    /// The web console's users and sessions over `database`.
    public static func console(_ database: any DatabaseClient) -> Self { Self(database: database) { $0 } }
}
