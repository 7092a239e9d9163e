/// Who owns a document: an account of this server, or Hikeshi itself (the built-in documents every account reads).
public enum DocumentOwner: Sendable, Hashable {
    /// An account, by its 12-digit id.
    case account(String)
    /// Hikeshi's own built-in documents, shown as owned by `Amazon` as AWS shows its own.
    case builtIn

    /// The `Owner` clients see: the account id, or `Amazon` for the built-in documents.
    public var wire: String {
        switch self {
        case .account(let id): id
        case .builtIn: Self.builtInName
        }
    }

    /// The owner name of the built-in documents.
    public static let builtInName = "Amazon"
}
