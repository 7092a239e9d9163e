/// One grant of a document to other accounts (`ModifyDocumentPermission`, permission type `Share`).
public struct DocumentShare: Sendable, Equatable {
    /// Who may read the document.
    public var reader: DocumentReader
    /// Which versions they may read.
    public var version: SharedDocumentVersion

    /// Creates a grant.
    public init(reader: DocumentReader, version: SharedDocumentVersion) {
        self.reader = reader
        self.version = version
    }
}

/// Who a document is shared with.
public enum DocumentReader: Sendable, Hashable, Comparable {
    /// One account, by its 12-digit id.
    case account(String)
    /// Every account (the keyword `all`: a public document).
    case everyone

    /// The keyword for every account, as stored and as answered.
    public static let everyoneKeyword = "all"

    /// The reader an `AccountIds` entry names: `all` (in any case) or a 12-digit account id; nil for anything else.
    public init?(_ text: String) {
        if text.lowercased() == Self.everyoneKeyword {
            self = .everyone
        } else if text.count == 12, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            self = .account(text)
        } else {
            return nil
        }
    }

    /// The stored and wire form: the account id, or `all`.
    public var text: String {
        switch self {
        case .account(let id): id
        case .everyone: Self.everyoneKeyword
        }
    }
}

/// Which versions of a shared document its readers may use. The raw values are the stored and the wire form.
public enum SharedDocumentVersion: String, Sendable, Equatable, CaseIterable {
    /// The default version, whichever it is at the time of reading (the default grant).
    case `default` = "$DEFAULT"
    /// The latest version, whichever it is at the time of reading.
    case latest = "$LATEST"
    /// Every version.
    case all = "$ALL"

    /// Whether a reader may use `version` of a document whose default and latest versions are given.
    public func allows(_ version: Int, defaultVersion: Int, latestVersion: Int) -> Bool {
        switch self {
        case .default: version == defaultVersion
        case .latest: version == latestVersion
        case .all: true
        }
    }

    /// The version a reader gets when naming none: the latest for a `$LATEST` grant, else the default.
    public func unnamed(defaultVersion: Int, latestVersion: Int) -> Int {
        self == .latest ? latestVersion : defaultVersion
    }
}
