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
        // The regular shifts are computed once; the overrides that can touch them are loaded by their span.
        let regular = try ShiftEngine.regularShifts(of: record.definition, from: from, to: to)
        let span = regular.span
        let overrides = try await overrides(rotationArn: arn, accountID: accountID, from: span.start, to: span.end)
        return (record, try ShiftEngine.shifts(regular, overrides: overrides))
    }
}
