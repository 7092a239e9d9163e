import Foundation
import HikeshiCore
import SQLKit

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
    public func insert(_ rotation: Rotation) async throws {
        try await sql.raw(
            """
            INSERT INTO rotations (\(unsafeRaw: Self.columns))
            VALUES (\(bind: rotation.arn), \(bind: rotation.accountID), \(bind: rotation.region), \(bind: rotation.name),
                    \(bind: try StoredJSON.encode(rotation.definition)), \(bind: rotation.createdAt.millisecondsSince1970),
                    \(bind: rotation.updatedAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The rotation with this ARN in the account.
    public func rotation(arn: String, accountID: String) async throws -> Rotation? {
        try await sql.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM rotations WHERE arn = \(bind: arn) AND account_id = \(bind: accountID)"
        ).first().map(Self.record)
    }

    /// Rotations by name after `cursor`, optionally by name prefix.
    public func list(accountID: String, region: String, namePrefix: String?, after cursor: String?, limit: Int) async throws -> ListPage<Rotation> {
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
        return ListPage(items: items, nextCursor: records.count > limit ? items.last?.name : nil)
    }

    /// Rotations whose definition mentions `text` (candidates that list a contact as a member).
    public func mentioning(_ text: String, accountID: String, region: String) async throws -> [Rotation] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM rotations
            WHERE account_id = \(bind: accountID) AND region = \(bind: region) AND definition LIKE \(bind: "%" + text + "%")
            ORDER BY name
            """
        ).all().map(Self.record)
    }

    /// Replaces a rotation's definition.
    public func update(_ rotation: Rotation) async throws {
        try await sql.raw(
            """
            UPDATE rotations SET definition = \(bind: try StoredJSON.encode(rotation.definition)), updated_at = \(bind: rotation.updatedAt.millisecondsSince1970)
            WHERE arn = \(bind: rotation.arn) AND account_id = \(bind: rotation.accountID)
            """
        ).run()
    }

    /// Deletes a rotation and its overrides.
    public func delete(arn: String, accountID: String) async throws {
        try await sql.raw("DELETE FROM rotation_overrides WHERE rotation_arn = \(bind: arn) AND account_id = \(bind: accountID)").run()
        try await sql.raw("DELETE FROM rotations WHERE arn = \(bind: arn) AND account_id = \(bind: accountID)").run()
    }

    /// Inserts an override of a rotation.
    public func insert(_ override: RotationOverrideSpec, rotationArn: String, accountID: String) async throws {
        try await sql.raw(
            """
            INSERT INTO rotation_overrides (\(unsafeRaw: Self.overrideColumns))
            VALUES (\(bind: override.id), \(bind: rotationArn), \(bind: accountID),
                    \(bind: override.start.millisecondsSince1970), \(bind: override.end.millisecondsSince1970),
                    \(bind: try StoredJSON.encode(override.members)), \(bind: override.createdAt.millisecondsSince1970))
            """
        ).run()
    }

    /// An override by id.
    public func override(id: String, rotationArn: String, accountID: String) async throws -> RotationOverrideSpec? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.overrideColumns) FROM rotation_overrides
            WHERE id = \(bind: id) AND rotation_arn = \(bind: rotationArn) AND account_id = \(bind: accountID)
            """
        ).first().map(Self.overrideRecord)
    }

    /// Overrides overlapping [from, to), by start.
    public func overrides(rotationArn: String, accountID: String, from: Date, to: Date) async throws -> [RotationOverrideSpec] {
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

    private static func record(_ row: any SQLRow) throws -> Rotation {
        Rotation(
            arn: try row.decode(column: "arn", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            definition: try StoredJSON.decode(
                RotationDefinition.self, from: try row.decode(column: "definition", as: String.self), what: "the definition of a rotation"),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }

    private static func overrideRecord(_ row: any SQLRow) throws -> RotationOverrideSpec {
        let id = try row.decode(column: "id", as: String.self)
        return RotationOverrideSpec(
            id: id,
            start: Date(millisecondsSince1970: try row.decode(column: "start_at", as: Int64.self)),
            end: Date(millisecondsSince1970: try row.decode(column: "end_at", as: Int64.self)),
            members: try StoredJSON.strings(from: try row.decode(column: "members", as: String.self), what: "rotation override \(id)"),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
