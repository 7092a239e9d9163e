/// One versioned schema change, the same SQL on both engines unless a statement says otherwise.
public struct Migration: Sendable {
    /// The version; migrations apply in increasing order, each once.
    public var version: Int
    /// A short name, recorded with the version and checked on every start.
    public var name: String
    /// The statements to run for an engine.
    public var statements: @Sendable (DatabaseEngine) -> [String]

    /// Creates a migration.
    public init(version: Int, name: String, statements: @escaping @Sendable (DatabaseEngine) -> [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}
