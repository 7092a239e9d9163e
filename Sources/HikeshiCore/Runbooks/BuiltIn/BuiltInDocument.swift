import Foundation

/// A document Hikeshi ships: owned by no account (shown as owned by `Amazon`), readable by every account in every
/// region, never editable. The texts are Hikeshi's own, in English, Japanese, Korean and Chinese.
public struct BuiltInDocument: Sendable, Equatable {
    /// The name, unique among built-in documents; reserved, so no account can create a document with it.
    public var name: String
    /// What kind of document it is.
    public var kind: DocumentKind
    /// The name shown to people.
    public var displayName: String
    /// The language of its texts, or nil when it carries all four.
    public var language: DocumentLanguage?
    /// The content, JSON.
    public var content: String

    /// Creates a built-in document, writing `value` as its JSON content.
    init(name: String, kind: DocumentKind, displayName: String, language: DocumentLanguage?, value: DocumentValue) {
        self.name = name
        self.kind = kind
        self.displayName = displayName
        self.language = language
        self.content = value.prettyJSONText
    }

    /// When the built-in documents were written: their `CreatedDate`.
    public static let createdAt = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    /// Every built-in document, by name.
    public static let all: [BuiltInDocument] =
        (DocumentLanguage.allCases.map(criticalIncidentRunbook) + DocumentLanguage.allCases.map(postIncidentAnalysisTemplate)
        + [extractInstanceIdFromArn]).sorted { $0.name < $1.name }

    /// The built-in document with this name.
    public static func named(_ name: String) -> BuiltInDocument? {
        all.first { $0.name == name }
    }

    /// The name of a document in a language: the English one plain, the others with `-ja`, `-ko` or `-zh`.
    static func localized(_ base: String, _ language: DocumentLanguage) -> String {
        language == .english ? base : "\(base)-\(language.rawValue)"
    }
}

/// The languages built-in documents are written in. The raw values are the name suffixes.
public enum DocumentLanguage: String, Sendable, Equatable, CaseIterable {
    /// English (the plain name).
    case english = "en"
    /// Japanese (`-ja`).
    case japanese = "ja"
    /// Korean (`-ko`).
    case korean = "ko"
    /// Chinese, simplified (`-zh`).
    case chinese = "zh"
}

extension DocumentValue {
    /// The value as indented JSON, keys sorted, slashes and non-ASCII letters as they are.
    var prettyJSONText: String {
        prettyJSON(indent: "")
    }

    private func prettyJSON(indent: String) -> String {
        let inner = indent + "  "
        switch self {
        case .array(let values) where !values.isEmpty:
            return "[\n" + values.map { inner + $0.prettyJSON(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let fields) where !fields.isEmpty:
            let members = fields.keys.sorted().map { key in
                inner + DocumentValue.string(key).jsonText + ": " + (fields[key] ?? .null).prettyJSON(indent: inner)
            }
            return "{\n" + members.joined(separator: ",\n") + "\n" + indent + "}"
        case .array: return "[]"
        case .object: return "{}"
        default: return jsonText
        }
    }
}
