import Foundation
import HikeshiCore
import Storage

/// Finds who is on call from stored rotations and their overrides, with the shift engine.
public struct RotationOnCallResolver: OnCallResolver {
    let database: any DatabaseClient

    /// Creates the resolver.
    public init(database: any DatabaseClient) {
        self.database = database
    }

    /// The people on call at `instant` across the rotations, in rotation order, each once.
    public func onCall(rotationArns: [String], accountID: String, at instant: Date) async throws -> [String] {
        var people: [String] = []
        for arn in rotationArns {
            let loaded = try await database.read { sql -> (RotationRecord, [RotationOverrideRecord])? in
                let rotations = RotationRepository(sql)
                guard let rotation = try await rotations.rotation(arn: arn, accountID: accountID) else { return nil }
                let overrides = try await rotations.overrides(
                    rotationArn: arn, accountID: accountID, from: instant, to: instant.addingTimeInterval(1))
                return (rotation, overrides)
            }
            guard let (rotation, overrides) = loaded else { continue }
            let definition = try JSONDecoder().decode(RotationDefinition.self, from: Data(rotation.definition.utf8))
            let specs = try overrides.map { record in
                RotationOverrideSpec(
                    id: record.id,
                    start: record.start,
                    end: record.end,
                    members: try JSONDecoder().decode([String].self, from: Data(record.members.utf8)),
                    createdAt: record.createdAt
                )
            }
            for person in try ShiftEngine.onCall(definition, overrides: specs, at: instant) where !people.contains(person) {
                people.append(person)
            }
        }
        return people
    }
}
