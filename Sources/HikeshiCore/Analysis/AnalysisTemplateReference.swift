/// The template an analysis was made from, and which version of it.
public struct AnalysisTemplateReference: Sendable, Equatable {
    /// The template document's name.
    public var name: String
    /// Its owner: an account, or Hikeshi (a built-in template).
    public var owner: DocumentOwner
    /// The version used.
    public var version: Int

    /// Creates a reference.
    public init(name: String, owner: DocumentOwner, version: Int) {
        self.name = name
        self.owner = owner
        self.version = version
    }
}
