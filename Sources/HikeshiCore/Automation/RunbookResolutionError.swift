/// A `{{ }}` reference that has no value when a step runs.
public struct RunbookResolutionError: Error, Sendable, Equatable {
    /// What was missing.
    public var message: String
}
