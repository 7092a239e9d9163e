import Foundation
import SQLKit

/// A support agent of the provider's desk; specialties and languages live in the JSON document.
public struct SupportAgentRecord: Sendable, Equatable {
    /// `agent-` and 16 hex digits.
    public var agentID: String
    /// The agent's name.
    public var name: String
    /// Email, specialties and languages as JSON.
    public var document: String
    /// Whether the agent takes cases.
    public var active: Bool
    /// When the agent was added.
    public var createdAt: Date
    /// When the agent was last changed.
    public var updatedAt: Date

    /// Creates a record.
    public init(agentID: String, name: String, document: String, active: Bool, createdAt: Date, updatedAt: Date) {
        self.agentID = agentID
        self.name = name
        self.document = document
        self.active = active
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Support agents.
public struct SupportAgentRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "agent_id, name, document, active, created_at, updated_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts an agent.
    public func insert(_ record: SupportAgentRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO support_agents (\(unsafeRaw: Self.columns))
            VALUES (\(bind: record.agentID), \(bind: record.name), \(bind: record.document), \(bind: record.active ? 1 : 0),
                    \(bind: record.createdAt.millisecondsSince1970), \(bind: record.updatedAt.millisecondsSince1970))
            """
        ).run()
    }

    /// Replaces an agent's name, document and state.
    public func update(_ record: SupportAgentRecord) async throws {
        try await sql.raw(
            """
            UPDATE support_agents SET name = \(bind: record.name), document = \(bind: record.document), active = \(bind: record.active ? 1 : 0),
                updated_at = \(bind: record.updatedAt.millisecondsSince1970)
            WHERE agent_id = \(bind: record.agentID)
            """
        ).run()
    }

    /// The agent with this id.
    public func agent(id: String) async throws -> SupportAgentRecord? {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM support_agents WHERE agent_id = \(bind: id)").first().map(Self.record)
    }

    /// Agents ordered by id, after `cursor` (an id).
    public func list(after cursor: String?, limit: Int) async throws -> ListPage<SupportAgentRecord> {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM support_agents"
        if let cursor {
            query += " WHERE agent_id > \(bind: cursor)"
        }
        query += " ORDER BY agent_id LIMIT \(bind: limit + 1)"
        let records = try await sql.raw(query).all().map(Self.record)
        let items = Array(records.prefix(limit))
        return ListPage(items: items, nextCursor: records.count > limit ? items.last?.agentID : nil)
    }

    private static func record(_ row: any SQLRow) throws -> SupportAgentRecord {
        SupportAgentRecord(
            agentID: try row.decode(column: "agent_id", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            document: try row.decode(column: "document", as: String.self),
            active: try row.decode(column: "active", as: Int.self) != 0,
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
