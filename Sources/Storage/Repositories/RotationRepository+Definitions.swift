import Foundation
import HikeshiCore

extension ContactRecord {
    /// The stored engagement plan.
    public func decodedPlan() throws -> ContactPlan {
        try StoredJSON.decode(ContactPlan.self, from: plan, what: "the plan of contact \(arn)")
    }
}

extension RotationRecord {
    /// The stored definition.
    public func decodedDefinition() throws -> RotationDefinition {
        try StoredJSON.decode(RotationDefinition.self, from: definition, what: "the definition of rotation \(arn)")
    }
}

extension RotationOverrideRecord {
    /// The override as the shift engine takes it.
    public func spec() throws -> RotationOverrideSpec {
        let people = try StoredJSON.decode([String].self, from: members, what: "the members of rotation override \(id)")
        return RotationOverrideSpec(id: id, start: start, end: end, members: people, createdAt: createdAt)
    }
}

extension RotationRepository {
    /// A rotation with its definition and the overrides overlapping [from, to), ready for the shift engine.
    public func definition(
        arn: String,
        accountID: String,
        overridesFrom from: Date,
        to: Date
    ) async throws -> (record: RotationRecord, definition: RotationDefinition, overrides: [RotationOverrideSpec])? {
        guard let record = try await rotation(arn: arn, accountID: accountID) else { return nil }
        let overrides = try await overrides(rotationArn: arn, accountID: accountID, from: from, to: to).map { try $0.spec() }
        return (record, try record.decodedDefinition(), overrides)
    }

    /// A rotation's shifts overlapping [from, to) with every override that touches them applied.
    ///
    /// Shifts are returned whole, so overrides are loaded over the span of the regular shifts, not
    /// just the window: an override after the window still shortens a shift that overlaps it.
    public func shifts(arn: String, accountID: String, from: Date, to: Date) async throws -> (record: RotationRecord, shifts: [Shift])? {
        guard let record = try await rotation(arn: arn, accountID: accountID) else { return nil }
        let definition = try record.decodedDefinition()
        let regular = try ShiftEngine.shifts(of: definition, overrides: [], from: from, to: to)
        let spanStart = min(regular.map(\.start).min() ?? from, from)
        let spanEnd = max(regular.map(\.end).max() ?? to, to)
        let overrides = try await overrides(rotationArn: arn, accountID: accountID, from: spanStart, to: spanEnd).map { try $0.spec() }
        if overrides.isEmpty {
            return (record, regular)
        }
        return (record, try ShiftEngine.shifts(of: definition, overrides: overrides, from: from, to: to))
    }
}
