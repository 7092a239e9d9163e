/// A rotation, override or shift query that the engine refuses, naming the offending field the way
/// the AWS API spells it (for example `Recurrence.NumberOfOnCalls` or `TimeZoneId`).
public struct RotationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The offending field, in AWS request spelling.
    public var field: String
    /// What is wrong with it.
    public var message: String

    /// Creates an error.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
