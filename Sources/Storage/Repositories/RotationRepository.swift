import Foundation
import SQLKit

/// An on-call rotation; its definition (members, start, zone, recurrence) is JSON.
public struct RotationRecord: Sendable, Equatable {
    /// The rotation's ARN.
    public var arn: String
    /// The owning account.
    public var accountID: String
    /// The region of the ARN.
    public var region: String
    /// The unique name within account and region.
    public var name: String
    /// The definition as JSON.
    public var definition: String
    /// When it was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a record.
    public init(arn: String, accountID: String, region: String, name: String, definition: String, createdAt: Date, updatedAt: Date) {
        self.arn = arn
        self.accountID = accountID
        self.region = region
        self.name = name
        self.definition = definition
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A replacement of a rotation's members for an interval.
public struct RotationOverrideRecord: Sendable, Equatable {
    /// The override's id (a UUID).
    public var id: String
    /// The rotation it changes.
    public var rotationArn: String
    /// The owning account.
    public var accountID: String
    /// When it starts.
    public var start: Date
    /// When it ends.
    public var end: Date
    /// The members on call instead, as a JSON array of contact ARNs.
    public var members: String
    /// When it was created (a later override wins where two overlap).
    public var createdAt: Date

    /// Creates a record.
    public init(id: String, rotationArn: String, accountID: String, start: Date, end: Date, members: String, createdAt: Date) {
        self.id = id
        self.rotationArn = rotationArn
        self.accountID = accountID
        self.start = start
        self.end = end
        self.members = members
        self.createdAt = createdAt
    }
}

/// Rotations and their overrides, scoped to an account.
public struct RotationRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "arn, account_id, region, name, definition, created_at, updated_at"
    private static let overrideColumns = "id, rotation_arn, account_id, start_at, end_at, members, created_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a rotation; ``StorageError/Kind/conflict`` if the name is taken.
    public func insert(_ rotation: RotationRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO rotations (\(unsafeRaw: Self.columns))
            VALUES (\(bind: rotation.arn), \(bind: rotation.accountID), \(bind: rotation.region), \(bind: rotation.name),
                    \(bind: rotation.definition), \(bind: rotation.createdAt.millisecondsSince1970),
                    \(bind: rotation.updatedAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The rotation with this ARN in the account.
    public func rotation(arn: String, accountID: String) async throws -> RotationRecord? {
        try await sql.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM rotations WHERE arn = \(bind: arn) AND account_id = \(bind: accountID)"
        ).first().map(Self.record)
    }

    /// Rotations by name after `cursor`, optionally by name prefix.
    public func list(accountID: String, region: String, namePrefix: String?, after cursor: String?, limit: Int) async throws -> Page<RotationRecord> {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM rotations WHERE account_id = \(bind: accountID)"
        query += " AND region = \(bind: region)"
        if let namePrefix, !namePrefix.isEmpty {
            query += " AND substr(name, 1, CAST(\(bind: namePrefix.count) AS INTEGER)) = \(bind: namePrefix)"
        }
        if let cursor {
            query += " AND name > \(bind: cursor)"
        }
        query += " ORDER BY name LIMIT \(bind: limit + 1)"
        let records = try await sql.raw(query).all().map(Self.record)
        let items = Array(records.prefix(limit))
        return Page(items: items, nextCursor: records.count > limit ? items.last?.name : nil)
    }

    /// Rotations whose definition mentions `text` (candidates that list a contact as a member).
    public func mentioning(_ text: String, accountID: String, region: String) async throws -> [RotationRecord] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM rotations
            WHERE account_id = \(bind: accountID) AND region = \(bind: region) AND definition LIKE \(bind: "%" + text + "%")
            ORDER BY name
            """
        ).all().map(Self.record)
    }

    /// Replaces a rotation's definition.
    public func update(_ rotation: RotationRecord) async throws {
        try await sql.raw(
            """
            UPDATE rotations SET definition = \(bind: rotation.definition), updated_at = \(bind: rotation.updatedAt.millisecondsSince1970)
            WHERE arn = \(bind: rotation.arn) AND account_id = \(bind: rotation.accountID)
            """
        ).run()
    }

    /// Deletes a rotation and its overrides.
    public func delete(arn: String, accountID: String) async throws {
        try await sql.raw("DELETE FROM rotation_overrides WHERE rotation_arn = \(bind: arn) AND account_id = \(bind: accountID)").run()
        try await sql.raw("DELETE FROM rotations WHERE arn = \(bind: arn) AND account_id = \(bind: accountID)").run()
    }

    /// Inserts an override.
    public func insert(_ override: RotationOverrideRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO rotation_overrides (\(unsafeRaw: Self.overrideColumns))
            VALUES (\(bind: override.id), \(bind: override.rotationArn), \(bind: override.accountID),
                    \(bind: override.start.millisecondsSince1970), \(bind: override.end.millisecondsSince1970),
                    \(bind: override.members), \(bind: override.createdAt.millisecondsSince1970))
            """
        ).run()
    }

    /// An override by id.
    public func override(id: String, rotationArn: String, accountID: String) async throws -> RotationOverrideRecord? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.overrideColumns) FROM rotation_overrides
            WHERE id = \(bind: id) AND rotation_arn = \(bind: rotationArn) AND account_id = \(bind: accountID)
            """
        ).first().map(Self.overrideRecord)
    }

    /// Overrides overlapping [from, to), by start.
    public func overrides(rotationArn: String, accountID: String, from: Date, to: Date) async throws -> [RotationOverrideRecord] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.overrideColumns) FROM rotation_overrides
            WHERE rotation_arn = \(bind: rotationArn) AND account_id = \(bind: accountID)
              AND start_at < \(bind: to.millisecondsSince1970) AND end_at > \(bind: from.millisecondsSince1970)
            ORDER BY start_at, id
            """
        ).all().map(Self.overrideRecord)
    }

    /// Deletes an override.
    public func deleteOverride(id: String, rotationArn: String, accountID: String) async throws {
        try await sql.raw(
            "DELETE FROM rotation_overrides WHERE id = \(bind: id) AND rotation_arn = \(bind: rotationArn) AND account_id = \(bind: accountID)"
        ).run()
    }

    private static func record(_ row: any SQLRow) throws -> RotationRecord {
        RotationRecord(
            arn: try row.decode(column: "arn", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            definition: try row.decode(column: "definition", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }

    private static func overrideRecord(_ row: any SQLRow) throws -> RotationOverrideRecord {
        RotationOverrideRecord(
            id: try row.decode(column: "id", as: String.self),
            rotationArn: try row.decode(column: "rotation_arn", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            start: Date(millisecondsSince1970: try row.decode(column: "start_at", as: Int64.self)),
            end: Date(millisecondsSince1970: try row.decode(column: "end_at", as: Int64.self)),
            members: try row.decode(column: "members", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
