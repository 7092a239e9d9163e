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
            Self.log(error, logger: logger)
            throw error
        }
    }

    /// See ``FamilyStore/write(logger:_:)``.
    public func write<T: Sendable>(logger: Logger, _ body: @Sendable (Transaction) async throws -> T) async throws -> T {
        let engine = database.engine
        let view = self.view
        do {
            return try await database.transaction { sql in try await body(view(StoreTransaction(sql: sql, engine: engine))) }
        } catch let error as StorageError {
            Self.log(error, logger: logger)
            throw error
        }
    }

    /// Logs a storage failure on the caller's logger (the request's, with its id), once, where it happens: corrupt
    /// data, a schema mismatch or a broken configuration is an error an operator must see; a busy database a warning;
    /// a conflict is the caller's to report.
    private static func log(_ error: StorageError, logger: Logger) {
        switch error.kind {
        case .conflict:
            break
        case .unavailable:
            logger.warning("storage unavailable", metadata: ["storage.error": .string(error.description)])
        case .corrupt, .schemaMismatch, .configuration:
            logger.error("storage failure", metadata: ["storage.kind": .string("\(error.kind)"), "storage.error": .string(error.description)])
        }
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

extension SQLFamilyStore where Transaction == any IdentityTransaction {
    /// Accounts and access keys over `database`.
    public static func identity(_ database: any DatabaseClient) -> Self { Self(database: database) { $0 } }
}

extension SQLFamilyStore where Transaction == any PagingTransaction {
    /// The paging engine's store over `database`.
    public static func paging(_ database: any DatabaseClient) -> Self { Self(database: database) { $0 } }
}
