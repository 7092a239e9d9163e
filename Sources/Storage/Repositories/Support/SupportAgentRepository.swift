import Foundation
import HikeshiCore
import SQLKit

/// Support agents.
public struct SupportAgentRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "agent_id, name, document, active, created_at, updated_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts an agent.
    public func insert(_ record: SupportAgent) async throws {
        try await sql.raw(
            """
            INSERT INTO support_agents (\(unsafeRaw: Self.columns))
            VALUES (\(bind: record.agentID), \(bind: record.name), \(bind: try StoredJSON.encode(record.profile)), \(bind: record.active ? 1 : 0),
                    \(bind: record.createdAt.millisecondsSince1970), \(bind: record.updatedAt.millisecondsSince1970))
            """
        ).run()
    }

    /// Replaces an agent's name, document and state.
    public func update(_ record: SupportAgent) async throws {
        try await sql.raw(
            """
            UPDATE support_agents SET name = \(bind: record.name), document = \(bind: try StoredJSON.encode(record.profile)), active = \(bind: record.active ? 1 : 0),
                updated_at = \(bind: record.updatedAt.millisecondsSince1970)
            WHERE agent_id = \(bind: record.agentID)
            """
        ).run()
    }

    /// The agent with this id.
    public func agent(id: String) async throws -> SupportAgent? {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM support_agents WHERE agent_id = \(bind: id)").first().map(Self.record)
    }

    /// Agents ordered by id, after `cursor` (an id).
    public func list(after cursor: String?, limit: Int) async throws -> ListPage<SupportAgent> {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM support_agents"
        if let cursor {
            query += " WHERE agent_id > \(bind: cursor)"
        }
        query += " ORDER BY agent_id LIMIT \(bind: limit + 1)"
        let records = try await sql.raw(query).all().map(Self.record)
        let items = Array(records.prefix(limit))
        return ListPage(items: items, nextCursor: records.count > limit ? items.last?.agentID : nil)
    }

    private static func record(_ row: any SQLRow) throws -> SupportAgent {
        let agentID = try row.decode(column: "agent_id", as: String.self)
        return SupportAgent(
            agentID: agentID,
            name: try row.decode(column: "name", as: String.self),
            profile: try StoredJSON.decode(
                AgentProfile.self, from: try row.decode(column: "document", as: String.self), what: "agent \(agentID)"),
            active: try row.decode(column: "active", as: Int.self) != 0,
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
