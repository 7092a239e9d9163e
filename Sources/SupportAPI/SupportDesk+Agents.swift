import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Storage

extension SupportDesk {
    /// Adds an agent with specialties and languages.
    public func createAgent(_ input: Hikeshi.CreateAgentRequest, context: AWSRequestContext) async throws -> Hikeshi.CreateAgentResponse {
        let now = clock.now()
        let stored = Self.storedAgent(email: input.email, specialties: input.specialties, languages: input.languages)
        let record = SupportAgent(
            agentID: "agent-" + RandomToken.hex(bytes: 8), name: input.name, profile: stored, active: true,
            createdAt: now, updatedAt: now)
        try await write(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            try await tx.agents.insert(record)
        }
        context.logger.info("agent created", metadata: ["agent.id": .string(record.agentID)])
        return Hikeshi.CreateAgentResponse(agent: try Self.agent(record))
    }

    /// Agents by id, paginated.
    public func listAgents(_ input: Hikeshi.ListAgentsRequest, context: AWSRequestContext) async throws -> Hikeshi.ListAgentsResponse {
        let cursor = try PaginationToken.decode(input.nextToken, scope: "ListAgents")
        let page = try await read(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            return try await tx.agents.list(after: cursor, limit: Self.pageSize(input.maxResults))
        }
        return Hikeshi.ListAgentsResponse(
            agents: try page.items.map(Self.agent), nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: "ListAgents") })
    }

    /// Changes an agent's name, email, specialties, languages or state.
    public func updateAgent(_ input: Hikeshi.UpdateAgentRequest, context: AWSRequestContext) async throws -> Hikeshi.UpdateAgentResponse {
        let now = clock.now()
        let record = try await write(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            let agents = tx.agents
            guard var record = try await agents.agent(id: input.agentId) else { throw SupportError.notFound("Agent \(input.agentId) was not found") }
            var stored = record.profile
            if let name = input.name { record.name = name }
            if let email = input.email { stored.email = email.isEmpty ? nil : email }
            if let specialties = input.specialties { stored.specialties = specialties.compactMap { SupportSpecialty(rawValue: $0.rawValue) } }
            if let languages = input.languages { stored.languages = languages.compactMap { SupportLanguage(rawValue: $0.rawValue) } }
            if let active = input.active { record.active = active }
            record.profile = stored
            record.updatedAt = now
            try await agents.update(record)
            return record
        }
        return Hikeshi.UpdateAgentResponse(agent: try Self.agent(record))
    }

    static func storedAgent(email: String?, specialties: [Hikeshi.Specialty], languages: [Hikeshi.LanguageCode]) -> AgentProfile {
        AgentProfile(
            email: email.flatMap { $0.isEmpty ? nil : $0 },
            specialties: specialties.compactMap { SupportSpecialty(rawValue: $0.rawValue) },
            languages: languages.compactMap { SupportLanguage(rawValue: $0.rawValue) }
        )
    }

    static func agent(_ record: SupportAgent) throws -> Hikeshi.Agent {
        let stored = record.profile
        return Hikeshi.Agent(
            agentId: record.agentID,
            name: record.name,
            email: stored.email,
            specialties: stored.specialties.compactMap { Hikeshi.Specialty(rawValue: $0.rawValue) },
            languages: stored.languages.compactMap { Hikeshi.LanguageCode(rawValue: $0.rawValue) },
            active: record.active,
            createdAt: record.createdAt
        )
    }
}
