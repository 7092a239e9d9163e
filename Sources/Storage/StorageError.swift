import PostgresNIO
import SQLiteNIO

/// What went wrong in storage, in terms the API layer can translate.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: Sendable, Equatable {
        /// A unique key already exists.
        case conflict
        /// The database could not be reached or failed; the request may be retried.
        case unavailable
        /// The configuration (URL, file) is unusable.
        case configuration
        /// Stored data could not be read back.
        case corrupt
        /// The database's schema is newer than this binary or differs from it.
        case schemaMismatch
    }

    /// The kind of failure.
    public var kind: Kind
    /// A description safe to log (no secrets, no bound values).
    public var description: String

    /// Creates an error.
    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    /// A configuration error.
    public static func configuration(_ description: String) -> StorageError {
        StorageError(.configuration, description)
    }

    /// Translates an engine's error, keeping ``StorageError``s and errors of other layers as they are.
    public static func translate(_ error: any Error) -> any Error {
        switch error {
        case let error as StorageError:
            return error
        case let error as PostgresTransactionError:
            if let inner = error.closureError ?? error.beginError ?? error.commitError {
                return translate(inner)
            }
            return StorageError(.unavailable, "postgres: transaction failed")
        case let error as SQLiteError:
            switch error.reason {
            case .constraintUniqueFailed, .constraintPrimaryKeyFailed, .constraintUniqueRowIDFailed:
                return StorageError(.conflict, "unique constraint")
            case .busy, .locked:
                return StorageError(.unavailable, "database busy")
            default:
                return StorageError(.unavailable, "sqlite: \(error.reason)")
            }
        case let error as PSQLError:
            if error.serverInfo?[.sqlState] == "23505" {
                return StorageError(.conflict, "unique constraint")
            }
            let state = error.serverInfo?[.sqlState] ?? "-"
            let message = error.serverInfo?[.message] ?? "\(error.code)"
            return StorageError(.unavailable, "postgres: \(state) \(message)")
        default:
            return error
        }
    }
}
