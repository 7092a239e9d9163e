import Foundation
import PostgresNIO

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
        /// A value the engine cannot store (PostgreSQL: a NUL character in text); the caller's input is at fault.
        case unstorableValue
    }

    /// The kind of failure.
    public var kind: Kind
    /// A description safe to log (no secrets, no bound values).
    public var description: String
    /// The table a conflict happened in, when the engine said.
    public var table: String?
    /// Whether a store has logged it already (on the caller's logger), so the layer that answers need not again.
    public internal(set) var isLogged = false

    /// Creates an error.
    public init(_ kind: Kind, _ description: String, table: String? = nil) {
        self.kind = kind
        self.description = description
        self.table = table
    }

    /// The kind of resource a conflict is about, in the APIs' words (`RESPONSE_PLAN`, `CONTACT`…), when known.
    public var resourceType: String? {
        table.flatMap { Self.resourceTypes[$0] }
    }

    /// What each table holds, as the APIs name it.
    private static let resourceTypes: [String: String] = [
        "accounts": "ACCOUNT", "access_keys": "ACCESS_KEY", "contacts": "CONTACT", "contact_channels": "CONTACT_CHANNEL",
        "resource_tags": "TAG", "resource_policies": "RESOURCE_POLICY", "idempotency_tokens": "CLIENT_TOKEN", "rotations": "ROTATION",
        "rotation_overrides": "ROTATION_OVERRIDE", "engagements": "ENGAGEMENT", "pages": "PAGE", "calendar_feeds": "CALENDAR_FEED",
        "response_plans": "RESPONSE_PLAN", "incident_records": "INCIDENT_RECORD", "timeline_events": "TIMELINE_EVENT",
        "related_items": "RELATED_ITEM", "replication_sets": "REPLICATION_SET", "incident_resource_policies": "RESOURCE_POLICY",
        "integrations": "INTEGRATION", "ops_items": "OPS_ITEM", "ops_item_related_items": "OPS_ITEM_RELATED_ITEM",
        "ops_item_events": "OPS_ITEM_EVENT", "support_plans": "SUPPORT_PLAN", "support_agents": "AGENT",
        "support_cases": "CASE", "support_communications": "COMMUNICATION", "support_attachment_sets": "ATTACHMENT_SET",
        "support_attachments": "ATTACHMENT",
    ]

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
        case let error as SQLiteFailure:
            if error.isUniqueViolation {
                // "UNIQUE constraint failed: response_plans.account_id, response_plans.name"
                let columns = error.message.split(separator: ":", maxSplits: 1).last ?? ""
                let table = columns.split(separator: ".").first.map { $0.trimmingCharacters(in: .whitespaces) }
                return StorageError(.conflict, "unique constraint", table: table)
            }
            if error.isBusy {
                return StorageError(.unavailable, "database busy")
            }
            return StorageError(.unavailable, "sqlite: \(error.reason): \(error.message)")
        case let error as PSQLError:
            if error.serverInfo?[.sqlState] == "23505" {
                return StorageError(.conflict, "unique constraint", table: error.serverInfo?[.tableName])
            }
            // 22021: invalid byte sequence (a NUL in text); 22P05: untranslatable character.
            if let state = error.serverInfo?[.sqlState], state == "22021" || state == "22P05" {
                return StorageError(.unstorableValue, "postgres: \(state) a value cannot be stored")
            }
            let state = error.serverInfo?[.sqlState] ?? "-"
            let message = error.serverInfo?[.message] ?? "\(error.code)"
            return StorageError(.unavailable, "postgres: \(state) \(message)")
        default:
            return error
        }
    }
}
