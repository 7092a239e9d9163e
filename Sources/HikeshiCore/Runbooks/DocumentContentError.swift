/// Why a document's content was refused, naming the step or field at fault.
public struct DocumentContentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which rule it broke.
    public enum Kind: Sendable, Equatable {
        /// The content is not a document Hikeshi can keep or run.
        case invalidContent
        /// The schema version is not one the document kind takes.
        case invalidSchemaVersion
    }

    /// Which rule it broke.
    public var kind: Kind
    /// What is wrong, for the caller.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
