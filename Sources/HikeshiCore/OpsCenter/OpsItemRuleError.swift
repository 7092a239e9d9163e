/// A request that breaks a rule of OpsCenter (a reserved key, a forbidden source, a dedup string changed…): the
/// parameters at fault and a message. API modules turn it into the model's error for the operation.
public struct OpsItemRuleError: Error, Sendable, Equatable {
    /// The request members at fault (e.g. `OperationalData`, `Source`).
    public var parameterNames: [String]
    /// What is wrong, for the client.
    public var message: String

    /// Creates the error.
    public init(_ parameterNames: [String], _ message: String) {
        self.parameterNames = parameterNames
        self.message = message
    }
}
