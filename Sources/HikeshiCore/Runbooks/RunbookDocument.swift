import Foundation

/// An SSM document of an account: a runbook, an analysis or an analysis template, with its numbered versions.
public struct RunbookDocument: Sendable, Equatable {
    /// The owning account.
    public var accountID: String
    /// The region it was created in.
    public var region: String
    /// The unique name within the account.
    public var name: String
    /// What kind of document it is (fixed at creation).
    public var kind: DocumentKind
    /// The name shown to people.
    public var displayName: String?
    /// The resource type it targets (`/AWS::EC2::Instance`…).
    public var targetType: String?
    /// The version used when a caller names none.
    public internal(set) var defaultVersion: Int
    /// The newest version.
    public internal(set) var latestVersion: Int
    /// When it was created.
    public var createdAt: Date

    /// Creates a document.
    public init(
        accountID: String, region: String, name: String, kind: DocumentKind, displayName: String?, targetType: String?, defaultVersion: Int,
        latestVersion: Int, createdAt: Date
    ) {
        self.accountID = accountID
        self.region = region
        self.name = name
        self.kind = kind
        self.displayName = displayName
        self.targetType = targetType
        self.defaultVersion = defaultVersion
        self.latestVersion = latestVersion
        self.createdAt = createdAt
    }

    /// The most versions a document keeps.
    public static let versionLimit = 1000

    /// Takes the next version number for new content; nil when the document has as many versions as it may.
    public mutating func nextVersion() -> Int? {
        guard latestVersion < Self.versionLimit else { return nil }
        latestVersion += 1
        return latestVersion
    }

    /// Makes an existing version the default.
    public mutating func makeDefault(_ version: Int) {
        defaultVersion = version
    }
}

/// One version of a document: its content as written, and what Hikeshi read from it.
public struct RunbookDocumentVersion: Sendable, Equatable {
    /// The version number, from 1.
    public var version: Int
    /// The caller's name for the version.
    public var versionName: String?
    /// How the content is written.
    public var format: DocumentContentFormat
    /// The content as given.
    public var content: String
    /// The SHA-256 of the content, hex.
    public var hash: String
    /// What the content declares.
    public var outline: DocumentOutline
    /// When it was created.
    public var createdAt: Date

    /// Creates a version.
    public init(
        version: Int, versionName: String?, format: DocumentContentFormat, content: String, hash: String, outline: DocumentOutline, createdAt: Date
    ) {
        self.version = version
        self.versionName = versionName
        self.format = format
        self.content = content
        self.hash = hash
        self.outline = outline
        self.createdAt = createdAt
    }
}
