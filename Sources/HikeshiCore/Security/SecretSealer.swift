/// Seals secrets before they are stored and opens them when they are used (the server's master-key box).
public protocol SecretSealer: Sendable {
    /// The sealed form of `secret`, safe to store.
    func seal(_ secret: String) throws -> String

    /// The secret inside a value made by ``seal(_:)``.
    func open(_ sealed: String) throws -> String
}
