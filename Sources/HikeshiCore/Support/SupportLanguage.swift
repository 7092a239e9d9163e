import Foundation

/// A language the support desk answers cases in, and the case coach writes advice in: the four languages AWS Support
/// offers.
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

    /// Resolves a language code leniently, as the case coach takes a draft's language: `ja`, `JA`, `ko-KR`, `zh_CN` or
    /// `zh-Hant`; unsupported or empty codes give English.
    public init(resolving code: String) {
        let primary = code.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(whereSeparator: { $0 == "-" || $0 == "_" })
            .first
            .map { $0.lowercased() }
        self = primary.flatMap(SupportLanguage.init(rawValue:)) ?? .english
    }
}
