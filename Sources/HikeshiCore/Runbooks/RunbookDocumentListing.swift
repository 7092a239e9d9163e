/// A document as `ListDocuments` shows it: the document and what its default version says about itself.
public struct RunbookDocumentListing: Sendable, Equatable {
    /// The document.
    public var document: RunbookDocument
    /// The default version's name.
    public var versionName: String?
    /// The default version's format.
    public var format: DocumentContentFormat
    /// The default version's schema version.
    public var schemaVersion: String

    /// Creates a listing.
    public init(document: RunbookDocument, versionName: String?, format: DocumentContentFormat, schemaVersion: String) {
        self.document = document
        self.versionName = versionName
        self.format = format
        self.schemaVersion = schemaVersion
    }
}
