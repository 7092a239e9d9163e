import SSMModel

/// An Automation document of a source account that a response plan runs, as `hikeshi migrate` read it.
public struct DocumentImport: Sendable, Codable, Equatable {
    /// The document's ARN at the source (or `document/<name>` when the source gave none).
    public var sourceArn: String
    /// Its name (kept: response plans name documents by name).
    public var name: String
    /// The content of the version the plan runs.
    public var content: String
    /// The content's format.
    public var format: SSM.DocumentFormat
    /// The document type (`Automation`).
    public var documentType: SSM.DocumentType
    /// The version's name, if any.
    public var versionName: String?
    /// Its tags.
    public var tags: [String: String]

    /// A document.
    public init(
        sourceArn: String, name: String, content: String, format: SSM.DocumentFormat = .json, documentType: SSM.DocumentType = .automation,
        versionName: String? = nil, tags: [String: String] = [:]
    ) {
        self.sourceArn = sourceArn
        self.name = name
        self.content = content
        self.format = format
        self.documentType = documentType
        self.versionName = versionName
        self.tags = tags
    }
}
