import Foundation

/// A language the case coach writes advice in: the four languages AWS Support answers in.
public enum CoachLanguage: String, Sendable, Codable, Hashable, CaseIterable {
    /// English.
    case english = "en"
    /// Japanese.
    case japanese = "ja"
    /// Korean.
    case korean = "ko"
    /// Chinese (simplified).
    case chinese = "zh"

    /// Resolves a language code such as `ja`, `JA`, `ko-KR`, `zh_CN` or `zh-Hant`; unsupported or empty codes give English.
    public init(code: String) {
        let primary = code.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(whereSeparator: { $0 == "-" || $0 == "_" })
            .first
            .map { $0.lowercased() }
        self = primary.flatMap(CoachLanguage.init(rawValue:)) ?? .english
    }
}
