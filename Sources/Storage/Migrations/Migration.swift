import SQLKit

/// One versioned schema change, the same SQL on both engines unless a statement says otherwise.
public struct Migration: Sendable {
    /// The version; migrations apply in increasing order, each once.
    public var version: Int
    /// A short name, recorded with the version and checked on every start.
    public var name: String
    /// The statements to run for an engine.
    public var statements: @Sendable (DatabaseEngine) -> [String]
    /// Work done after the statements, in the same transaction: rewriting stored documents into a new format.
    var transform: (@Sendable (any SQLDatabase) async throws -> Void)?

    /// Creates a migration.
    public init(version: Int, name: String, statements: @escaping @Sendable (DatabaseEngine) -> [String]) {
        self.version = version
        self.name = name
        self.statements = statements
        self.transform = nil
    }

    /// Creates a migration that rewrites data, after its statements, in the same transaction.
    init(
        version: Int,
        name: String,
        statements: @escaping @Sendable (DatabaseEngine) -> [String] = { _ in [] },
        transform: @escaping @Sendable (any SQLDatabase) async throws -> Void
    ) {
        self.version = version
        self.name = name
        self.statements = statements
        self.transform = transform
    }
}
