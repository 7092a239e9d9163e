import Foundation

/// A language the support desk answers cases in: the four languages AWS Support offers.
public enum SupportLanguage: String, CaseIterable, Sendable, Codable, Hashable {
    /// English.
    case english = "en"
    /// Japanese.
    case japanese = "ja"
    /// Korean.
    case korean = "ko"
    /// Chinese (simplified).
    case chinese = "zh"

    /// Parses a language code as AWS Support's `language` parameter takes it: exactly `en`, `ja`, `ko` or `zh`,
    /// ignoring case and surrounding whitespace; any other code, including regional forms such as `ja-JP`, gives `nil`.
    public init?(code: String) {
        let normalized = code.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        self.init(rawValue: normalized)
    }

    /// The language's name in English, such as `Japanese`.
    public var englishName: String {
        switch self {
        case .english: "English"
        case .japanese: "Japanese"
        case .korean: "Korean"
        case .chinese: "Chinese"
        }
    }

    /// The language's name in itself, such as `日本語`.
    public var nativeName: String {
        switch self {
        case .english: "English"
        case .japanese: "日本語"
        case .korean: "한국어"
        case .chinese: "中文"
        }
    }

    /// The case coach language that reviews drafts written in this language.
    public var coachLanguage: CoachLanguage {
        switch self {
        case .english: .english
        case .japanese: .japanese
        case .korean: .korean
        case .chinese: .chinese
        }
    }

    /// The support language matching a case coach language.
    public init(_ coachLanguage: CoachLanguage) {
        switch coachLanguage {
        case .english: self = .english
        case .japanese: self = .japanese
        case .korean: self = .korean
        case .chinese: self = .chinese
        }
    }
}
