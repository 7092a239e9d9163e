import Foundation
import HikeshiCore

extension RotationRepository {
    /// A rotation with its definition and the overrides overlapping [from, to), ready for the shift engine.
    public func definition(
        arn: String,
        accountID: String,
        overridesFrom from: Date,
        to: Date
    ) async throws -> (rotation: Rotation, overrides: [RotationOverrideSpec])? {
        guard let rotation = try await rotation(arn: arn, accountID: accountID) else { return nil }
        return (rotation, try await overrides(rotationArn: arn, accountID: accountID, from: from, to: to))
    }

    /// A rotation's shifts overlapping [from, to) with every override that touches them applied.
    ///
    /// Shifts are returned whole, so overrides are loaded over the span of the regular shifts, not
    /// just the window: an override after the window still shortens a shift that overlaps it.
    public func shifts(arn: String, accountID: String, from: Date, to: Date) async throws -> (rotation: Rotation, shifts: [Shift])? {
        guard let record = try await rotation(arn: arn, accountID: accountID) else { return nil }
        let definition = record.definition
        let regular = try ShiftEngine.shifts(of: definition, overrides: [], from: from, to: to)
        let spanStart = min(regular.map(\.start).min() ?? from, from)
        let spanEnd = max(regular.map(\.end).max() ?? to, to)
        let overrides = try await overrides(rotationArn: arn, accountID: accountID, from: spanStart, to: spanEnd)
        if overrides.isEmpty {
            return (record, regular)
        }
        return (record, try ShiftEngine.shifts(of: definition, overrides: overrides, from: from, to: to))
    }
}
